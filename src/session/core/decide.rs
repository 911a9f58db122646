//! `decide`: the rules. Turns a command into events, or refuses it, without I/O.

use super::carry::{carried_options, with_own_options};
use super::decide_content;
use super::{
    ActivityStatus, Actor, Command, Context, Event, Participant, ParticipantId, Rejection,
    SessionState, SessionStatus,
};
use crate::activity::own::SentBy;
use crate::activity::{self, Ballot};

/// Decides what a command means for this state. Refusing changes nothing; the
/// events returned are valid to apply in order.
pub fn decide(
    state: &SessionState,
    ctx: &Context,
    actor: Actor,
    command: Command,
) -> Result<Vec<Event>, Rejection> {
    // An ended session takes no more votes or agenda changes, but may still
    // be renamed and archived: finished sessions are the ones put away.
    // Erasing someone is a person's right whenever they ask.
    let bookkeeping = matches!(
        command,
        Command::Rename { .. }
            | Command::SetLanguage { .. }
            | Command::Archive
            | Command::Unarchive
            | Command::Erase { .. }
            | Command::EraseFromRoster(_)
    );
    if state.status == SessionStatus::Ended && !bookkeeping {
        return Err(Rejection::SessionEnded);
    }
    match (actor, command) {
        (Actor::Participant(id), Command::Join(join)) if id == join.participant => {
            super::decide_join::decide_join(state, ctx, join)
        }
        (_, Command::Join(_)) => Err(Rejection::FacilitatorOnly("add people that way")),
        (Actor::Participant(voter), Command::Vote { activity, ballot }) => {
            decide_vote(state, ctx, voter, &activity, ballot)
        }
        // Who may send it first, as for every other command: a phone that
        // may not amend hears that, whichever activity it names.
        (Actor::Participant(id), Command::Kind(command)) => match command.sent_by() {
            SentBy::Facilitator => Err(Rejection::FacilitatorOnly("run the agenda")),
            SentBy::Participants(_) => {
                let participant = voter(state, id)?;
                decide_content::own(state, ctx, Some(participant), command)
            }
        },
        (Actor::Facilitator, Command::Kind(command)) => match command.sent_by() {
            SentBy::Participants(what) => Err(Rejection::ParticipantOnly(what)),
            SentBy::Facilitator => decide_content::own(state, ctx, None, command),
        },
        (Actor::Facilitator, Command::Vote { .. }) => Err(Rejection::ParticipantOnly("vote")),
        (Actor::Participant(_), Command::Erase { .. }) => {
            Err(Rejection::FacilitatorOnly("erase a name; ask them"))
        }
        (Actor::Participant(_), _) => Err(Rejection::FacilitatorOnly("run the agenda")),
        (Actor::Facilitator, command) => decide_facilitation(state, ctx, command),
    }
}

/// Runs one command against `state`: answers a resend from memory, else
/// decides, stamps each event as a record and applies it. Returns the seq the
/// command ended at and the new records (none for a resend or a no-op). This
/// is the whole of what the session task does per command, minus the disk.
pub fn execute(
    state: &mut SessionState,
    ctx: &Context,
    at: jiff::Timestamp,
    actor: Actor,
    client_id: Option<String>,
    command: Command,
) -> Result<(u64, Vec<super::Record>), Rejection> {
    let recorded = actor_on_record(state, ctx, actor, &command)?;
    if let Some(seq) = client_id
        .as_deref()
        .and_then(|c| state.already_done(&recorded, c))
    {
        return Ok((seq, Vec::new()));
    }
    let events = decide(state, ctx, actor, command)?;
    let mut records = Vec::with_capacity(events.len());
    for event in events {
        let record = super::Record {
            seq: state.seq + 1,
            at,
            actor: recorded,
            client_id: client_id.clone(),
            event,
        };
        state.apply(&record);
        records.push(record);
    }
    Ok((state.seq, records))
}

/// Who the transcript records as having acted. For a vote or idea in an
/// anonymous activity that is the participant's pseudonym, so that neither the
/// event nor its record links the ballot to a name.
pub fn actor_on_record(
    state: &SessionState,
    ctx: &Context,
    actor: Actor,
    command: &Command,
) -> Result<Actor, Rejection> {
    let Actor::Participant(id) = actor else {
        return Ok(actor);
    };
    let activity = match command {
        Command::Vote { activity, .. } => activity,
        Command::Kind(command) => command.activity(),
        _ => return Ok(actor),
    };
    match state.activity(activity) {
        Some((_, a)) if a.spec.anonymous => Ok(Actor::Participant(ctx.pseudonyms.of(id)?)),
        _ => Ok(actor),
    }
}

/// The participant, if they may take part: known, in the room, and a voter.
pub(super) fn voter(state: &SessionState, id: ParticipantId) -> Result<&Participant, Rejection> {
    let participant = state
        .participant(&id)
        .ok_or_else(|| Rejection::UnknownParticipant(id.to_string()))?;
    if participant.removed {
        return Err(Rejection::Removed);
    }
    if !participant.admitted {
        return Err(Rejection::NotAdmitted);
    }
    if !participant.group.votes() {
        return Err(Rejection::WrongGroup(
            "observers can watch but not take part".into(),
        ));
    }
    Ok(participant)
}

/// The activity, if it exists and is open.
pub(super) fn open_activity<'a>(
    state: &'a SessionState,
    activity: &str,
) -> Result<&'a super::ActivityState, Rejection> {
    let (_, target) = state
        .activity(activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    if target.status != ActivityStatus::Open {
        return Err(Rejection::ActivityClosed(target.spec.title.to_string()));
    }
    Ok(target)
}

fn decide_vote(
    state: &SessionState,
    ctx: &Context,
    voter_id: ParticipantId,
    activity: &str,
    ballot: Ballot,
) -> Result<Vec<Event>, Rejection> {
    let participant = voter(state, voter_id)?;
    let target = open_activity(state, activity)?;
    if !target.spec.kind.takes_ballots() {
        return Err(Rejection::WrongKind(format!(
            "\u{201c}{}\u{201d} takes {}",
            target.spec.title,
            target.spec.kind.ballot_shape()
        )));
    }
    let ballot = activity::validate(&target.spec, &target.versions(), ballot)?;
    let voter = if target.spec.anonymous {
        ctx.pseudonyms.of(voter_id)?
    } else {
        voter_id
    };
    if let Some(current) = target.ballots.get(&voter) {
        let mut merged = current.ballot.clone();
        merged.merge(ballot.clone());
        if current.group == participant.group && merged == current.ballot {
            // The same answer again changes nothing: acked, not written, so a
            // phone re-sending in a loop cannot grow the transcript.
            return Ok(Vec::new());
        }
    }
    Ok(vec![Event::BallotCast {
        activity: activity.to_string(),
        voter,
        group: (!target.spec.anonymous).then_some(participant.group),
        ballot,
    }])
}

fn decide_facilitation(
    state: &SessionState,
    ctx: &Context,
    command: Command,
) -> Result<Vec<Event>, Rejection> {
    let known = |id: &str| {
        state
            .activity(id)
            .ok_or_else(|| Rejection::UnknownActivity(id.to_string()))
    };
    let known_participant = |id: &ParticipantId| {
        state
            .participant(id)
            .ok_or_else(|| Rejection::UnknownParticipant(id.to_string()))
    };
    let mut events = Vec::new();
    match command {
        Command::Goto { activity } => {
            known(&activity)?;
            events.push(Event::MovedTo { activity });
        }
        Command::Open { activity } => events = decide_open(state, &activity)?,
        Command::Close { activity } => {
            if known(&activity)?.1.status == ActivityStatus::Open {
                events.push(Event::ActivityClosed { activity });
            }
        }
        Command::Reveal { activity } => {
            if !known(&activity)?.1.revealed {
                events.push(Event::ResultsRevealed { activity });
            }
        }
        Command::Hide { activity } => {
            if known(&activity)?.1.revealed {
                events.push(Event::ResultsHidden { activity });
            }
        }
        Command::Page { activity, page } => {
            let page = page.clamp(1, super::MAX_SLIDE_PAGE);
            let shown = known(&activity)?.1;
            // Pages are of revealed results, or of the options while open.
            let on_screen = shown.revealed || shown.status == ActivityStatus::Open;
            if on_screen && shown.page != page {
                events.push(Event::SlidePaged { activity, page });
            }
        }
        Command::Rerun { activity } => events = super::script_edit::decide_rerun(state, &activity)?,
        Command::Rename { title, title_cy } => {
            let line = |t: &str| {
                crate::activity::clean_line(t, crate::config::text::SESSION_TITLE, "title")
            };
            let english = line(&title)?;
            let title = match title_cy.as_deref().map(str::trim) {
                Some(welsh) if !welsh.is_empty() => {
                    crate::language::Text::both(english, line(welsh)?)
                }
                _ => english.into(),
            };
            if title != state.info.title {
                events.push(Event::SessionRenamed { title });
            }
        }
        Command::SetLanguage { language } => {
            if language != state.info.language {
                events.push(Event::LanguageSet { language });
            }
        }
        Command::Archive | Command::Unarchive => {
            let archived = matches!(command, Command::Archive);
            if archived != state.archived {
                events.push(Event::SessionArchived { archived });
            }
        }
        Command::AdmitAll => {
            events = state
                .participants
                .iter()
                .filter(|p| p.present() && !p.admitted && p.held.is_none())
                .map(|p| Event::ParticipantAdmitted { participant: p.id })
                .collect();
        }
        Command::Admit {
            participant,
            person,
        } => events = super::decide_join::decide_admit(state, participant, person)?,
        Command::Remove { participant } => {
            if !known_participant(&participant)?.removed {
                events.push(Event::ParticipantRemoved { participant });
            }
        }
        Command::End => events.push(Event::SessionEnded),
        Command::Erase { participant } => {
            events = super::erasure::decide_erase(state, participant)?
        }
        Command::EraseFromRoster(person) => {
            events = super::erasure::decide_roster_erase(state, person)?
        }
        Command::SetScript(workshop) => {
            events = super::script_edit::decide_script(state, *workshop)?
        }
        Command::SetRoster(people) => {
            if *state.roster != people {
                events.push(Event::RosterUpdated { people });
            }
        }
        Command::SetInvitationsOnly(on) => {
            if state.invitations_only != on {
                events.push(Event::InvitationsOnly { on });
            }
        }
        Command::Kind(command) => events = decide_content::own(state, ctx, None, command)?,
        content @ (Command::Note { .. } | Command::Action { .. } | Command::Timer { .. }) => {
            events = decide_content::facilitation(state, ctx, content)?
        }
        Command::Vote { .. } => return Err(Rejection::ParticipantOnly("vote")),
        Command::Join(_) => return Err(Rejection::FacilitatorOnly("add people that way")),
    }
    Ok(events)
}

/// Opening makes the activity current, closes any other open one (phones never
/// face two), and on first opening carries in options named by `from`.
fn decide_open(state: &SessionState, activity: &str) -> Result<Vec<Event>, Rejection> {
    let (index, target) = state
        .activity(activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    if target.is_sealed() && target.status != ActivityStatus::Open {
        return Err(Rejection::AnonymousSealed(target.spec.title.to_string()));
    }
    let mut events = Vec::new();
    let mut options = None;
    if target.status == ActivityStatus::Pending {
        if let Some((_, source)) = target
            .spec
            .from_same_session()
            .and_then(|from| state.activity(from))
        {
            let carried = carried_options(state, source, target.spec.take, &source.spec.title);
            options = Some(with_own_options(carried, &target.spec.options));
        }
    }
    let option_count = options.as_ref().map_or(target.spec.options.len(), Vec::len);
    let needs_options = target.spec.kind.takes_ballots();
    if needs_options && option_count == 0 {
        return Err(Rejection::NoOptions(target.spec.title.to_string()));
    }
    for other in state
        .activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Open)
    {
        if other.spec.id != activity {
            events.push(Event::ActivityClosed {
                activity: other.spec.id.clone(),
            });
        }
    }
    if state.current != Some(index) {
        events.push(Event::MovedTo {
            activity: activity.to_string(),
        });
    }
    if let Some(options) = options {
        events.push(Event::OptionsSet {
            activity: activity.to_string(),
            options,
        });
    }
    if target.status != ActivityStatus::Open {
        events.push(Event::ActivityOpened {
            activity: activity.to_string(),
        });
    }
    Ok(events)
}
