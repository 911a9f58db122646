//! The rules for what the facilitator adds during a session besides the
//! agenda: notes, decisions and actions, and the timer; and the hand-over
//! of a kind's own commands (ideas, amendments) to the kind that decides them.

use super::{ActivityStatus, Command, Context, Event, Participant, ParticipantId};
use super::{Rejection, SessionState, TimerAction};
use crate::activity::clean_text;
use crate::activity::notes::{check_due, NoteKind, MAX_NOTE_CHARS, MAX_OWNER_CHARS};
use crate::activity::own::{Author, KindCommand, OwnRefusal};
use crate::workshop::Group;

/// One of a kind's own commands, from a participant (admitted, a voter) or
/// the facilitator: the session finds the activity and checks it is of the
/// command's kind; the kind decides the rest.
pub(super) fn own(
    state: &SessionState,
    ctx: &Context,
    participant: Option<&Participant>,
    command: KindCommand,
) -> Result<Vec<Event>, Rejection> {
    let activity = command.activity().to_string();
    let (_, target) = state
        .activity(&activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    let title = target.spec.title.to_string();
    if target.spec.kind != command.kind() {
        return Err(Rejection::WrongKind(format!(
            "\u{201c}{title}\u{201d} ({}) cannot take that message, which is for {} activities",
            target.spec.kind.label(),
            command.kind().label()
        )));
    }
    let author = participant.map(|participant| SessionAuthor {
        state,
        ctx,
        participant,
        activity: &activity,
        anonymous: target.spec.anonymous,
    });
    let author = author.as_ref().map(|a| a as &dyn Author);
    let open = target.status == ActivityStatus::Open;
    let events = target
        .own
        .decide(&target.spec, open, target.is_sealed(), author, command)
        .map_err(|refusal| refused(refusal, title))?;
    Ok(events.into_iter().map(Event::Kind).collect())
}

/// A kind's refusal in the session's words and codes.
fn refused(refusal: OwnRefusal, title: String) -> Rejection {
    match refusal {
        OwnRefusal::NotOpen => Rejection::ActivityClosed(title),
        OwnRefusal::Sealed => Rejection::AnonymousSealed(title),
        OwnRefusal::ParticipantOnly(what) => Rejection::ParticipantOnly(what),
        OwnRefusal::AnonymityUnavailable => Rejection::AnonymityUnavailable,
        OwnRefusal::TooMany(most) => Rejection::TooManyIdeas(most),
        OwnRefusal::UnknownEntry(entry) => Rejection::UnknownIdea(entry),
        OwnRefusal::UnknownField(field) => Rejection::UnknownField(field),
        OwnRefusal::Unchanged => Rejection::NothingToAmend,
        OwnRefusal::Mistaken(what) => Rejection::WrongKind(what.to_string()),
        OwnRefusal::Ballot(error) => Rejection::Ballot(error),
    }
}

/// A participant as a kind's own command needs them: filed under their
/// pseudonym in an anonymous activity.
struct SessionAuthor<'a> {
    state: &'a SessionState,
    ctx: &'a Context,
    participant: &'a Participant,
    activity: &'a str,
    anonymous: bool,
}

impl Author for SessionAuthor<'_> {
    fn key(&self) -> Result<ParticipantId, OwnRefusal> {
        if !self.anonymous {
            return Ok(self.participant.id);
        }
        let pseudonym = self.ctx.pseudonyms.of(self.participant.id);
        pseudonym.map_err(|_| OwnRefusal::AnonymityUnavailable)
    }

    fn group(&self) -> Group {
        self.participant.group
    }

    fn fresh_id(&self, prefix: &str, nth: usize) -> Result<String, OwnRefusal> {
        if !self.anonymous {
            return Ok(format!("{prefix}{}", self.state.seq + 1));
        }
        let id = self
            .ctx
            .pseudonyms
            .entry_id(self.activity, self.key()?, nth);
        id.map_err(|_| OwnRefusal::AnonymityUnavailable)
    }
}

/// Facilitator commands about content rather than the agenda.
pub(super) fn facilitation(
    state: &SessionState,
    ctx: &Context,
    command: Command,
) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::Note { text, kind } => {
            if kind == NoteKind::Action {
                return Err(Rejection::WrongKind(
                    "an action needs an owner: send it as {\"type\":\"action\",\"text\",\"owner\"}"
                        .into(),
                ));
            }
            Ok(vec![note(state, kind, &text, None, None)?])
        }
        Command::Action { text, owner, due } => {
            let owner = clean_text(&owner, MAX_OWNER_CHARS, "owner")?;
            let due = match due.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(due) => Some(check_due(due)?),
            };
            Ok(vec![note(
                state,
                NoteKind::Action,
                &text,
                Some(owner),
                due,
            )?])
        }
        Command::Timer {
            activity,
            action,
            seconds,
        } => timer(state, ctx, activity, action, seconds),
        // Decided in `decide`, which routes only content commands here; were
        // one misrouted, it is refused, never acked with no event.
        Command::Vote { .. }
        | Command::Kind(_)
        | Command::Goto { .. }
        | Command::Open { .. }
        | Command::Close { .. }
        | Command::Reveal { .. }
        | Command::Hide { .. }
        | Command::Page { .. }
        | Command::Rerun { .. }
        | Command::Admit { .. }
        | Command::AdmitAll
        | Command::Rename { .. }
        | Command::SetLanguage { .. }
        | Command::Archive
        | Command::Unarchive
        | Command::Remove { .. }
        | Command::Erase { .. }
        | Command::EraseFromRoster(_)
        | Command::End
        | Command::Join(_)
        | Command::SetRoster(_)
        | Command::SetInvitationsOnly(_)
        | Command::SetScript(_) => {
            Err(Rejection::WrongKind("that is not a content command".into()))
        }
    }
}

fn note(
    state: &SessionState,
    kind: NoteKind,
    text: &str,
    owner: Option<String>,
    due: Option<String>,
) -> Result<Event, Rejection> {
    Ok(Event::NoteAdded {
        note: format!("n{}", state.seq + 1),
        kind,
        text: clean_text(text, MAX_NOTE_CHARS, kind.label().to_lowercase().as_str())?,
        owner,
        due,
        activity: state.current_activity().map(|a| a.spec.id.clone()),
    })
}

fn timer(
    state: &SessionState,
    ctx: &Context,
    activity: String,
    action: TimerAction,
    seconds: Option<u32>,
) -> Result<Vec<Event>, Rejection> {
    let (_, a) = state
        .activity(&activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.clone()))?;
    let scripted = a.spec.minutes.unwrap_or(0) * 60;
    let running = a.timer.running_since.is_some();
    let left = a.timer.left_at(ctx.now);
    Ok(match action {
        TimerAction::Start => {
            let seconds_left = match seconds {
                Some(s) if (1..=24 * 3600).contains(&s) => s,
                Some(_) => {
                    return Err(crate::activity::BallotError::InvalidText(
                        "a timer runs from 1 second to 24 hours".into(),
                    )
                    .into())
                }
                None if running => return Ok(Vec::new()),
                None if left > 0 => left,
                None if scripted > 0 => scripted,
                None => return Err(Rejection::NoDuration),
            };
            vec![Event::TimerStarted {
                activity,
                seconds_left,
                at: ctx.timestamp(),
            }]
        }
        TimerAction::Pause if running => vec![Event::TimerPaused {
            activity,
            seconds_left: left,
        }],
        TimerAction::Pause => Vec::new(),
        TimerAction::Reset => vec![Event::TimerReset {
            activity,
            seconds_left: scripted,
        }],
        TimerAction::Add => {
            let more = seconds.unwrap_or(60);
            let seconds_left = left.saturating_add(more);
            if !(1..=24 * 3600).contains(&more) || seconds_left > 24 * 3600 {
                return Err(crate::activity::BallotError::InvalidText(
                    "a timer runs from 1 second to 24 hours".into(),
                )
                .into());
            }
            // Restarting from now with the time left plus more keeps one
            // event shape: a running timer runs on, a paused one stays paused.
            if running {
                vec![Event::TimerStarted {
                    activity,
                    seconds_left,
                    at: ctx.timestamp(),
                }]
            } else {
                vec![Event::TimerPaused {
                    activity,
                    seconds_left,
                }]
            }
        }
    })
}
