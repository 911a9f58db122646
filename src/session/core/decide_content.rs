//! The rules for what people add during a session: ideas and their moderation,
//! amended statements, notes and actions, and the timer.

use super::decide::open_activity;
use super::{Command, Context, Event, Participant, Rejection, SessionState, TimerAction};
use crate::activity::clean_text;
use crate::activity::ideas::{DEFAULT_MAX_CHARS, DEFAULT_MAX_IDEAS};
use crate::activity::kind::Answers;
use crate::activity::kind_of;
use crate::activity::notes::{check_due, NoteKind, MAX_NOTE_CHARS, MAX_OWNER_CHARS};

/// Longest statement wording, and longest field value, in characters.
const MAX_STATEMENT_CHARS: usize = crate::config::text::STATEMENT;
const MAX_FIELD_CHARS: usize = crate::config::text::FIELD;

/// A participant offers an idea.
pub(super) fn idea(
    state: &SessionState,
    ctx: &Context,
    participant: &Participant,
    activity: &str,
    text: String,
) -> Result<Vec<Event>, Rejection> {
    let target = open_activity(state, activity)?;
    if kind_of(target.spec.kind).answered_with() != Answers::Ideas {
        return Err(Rejection::WrongKind(format!(
            "\u{201c}{}\u{201d} does not take ideas",
            target.spec.title
        )));
    }
    let max_chars = target.spec.max_chars.unwrap_or(DEFAULT_MAX_CHARS) as usize;
    let text = clean_text(&text, max_chars, "idea")?;
    let author = if target.spec.anonymous {
        ctx.pseudonyms.of(participant.id)?
    } else {
        participant.id
    };
    let max_ideas = target.spec.max_ideas.unwrap_or(DEFAULT_MAX_IDEAS);
    let mine = target
        .ideas
        .iter()
        .filter(|i| i.author == author && i.visible())
        .count();
    if mine >= max_ideas as usize {
        return Err(Rejection::TooManyIdeas(max_ideas));
    }
    let idea = if target.spec.anonymous {
        let offered = target.ideas.iter().filter(|i| i.author == author).count();
        ctx.pseudonyms.idea_id(activity, author, offered)?
    } else {
        format!("i{}", state.seq + 1)
    };
    Ok(vec![Event::IdeaAdded {
        activity: activity.to_string(),
        idea,
        author,
        group: (!target.spec.anonymous).then_some(participant.group),
        text,
    }])
}

/// Facilitator commands about content rather than the agenda.
pub(super) fn facilitation(
    state: &SessionState,
    ctx: &Context,
    command: Command,
) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::EditIdea {
            activity,
            idea,
            text,
        } => {
            let (max_chars, _) = find_idea(state, &activity, &idea)?;
            let text = clean_text(&text, max_chars, "idea")?;
            Ok(vec![Event::IdeaEdited {
                activity,
                idea,
                text,
            }])
        }
        Command::HideIdea { activity, idea } => {
            find_idea(state, &activity, &idea)?;
            Ok(vec![Event::IdeaHidden {
                activity,
                idea,
                hidden: true,
            }])
        }
        Command::ShowIdea { activity, idea } => {
            find_idea(state, &activity, &idea)?;
            Ok(vec![Event::IdeaHidden {
                activity,
                idea,
                hidden: false,
            }])
        }
        Command::MergeIdea {
            activity,
            idea,
            into,
        } => {
            find_idea(state, &activity, &idea)?;
            let (_, target_visible) = find_idea(state, &activity, &into)?;
            if idea == into || !target_visible {
                return Err(Rejection::WrongKind(
                    "merge an idea into another visible idea".into(),
                ));
            }
            Ok(vec![Event::IdeasMerged {
                activity,
                idea,
                into,
            }])
        }
        Command::Amend {
            activity,
            item,
            text,
            fields,
        } => amend(state, activity, item, text, fields),
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
        | Command::Idea { .. }
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

/// The idea's activity limit on length, and whether the idea is visible.
fn find_idea(state: &SessionState, activity: &str, idea: &str) -> Result<(usize, bool), Rejection> {
    let (_, a) = state
        .activity(activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    let found = a
        .ideas
        .iter()
        .find(|i| i.id == idea)
        .ok_or_else(|| Rejection::UnknownIdea(idea.to_string()))?;
    Ok((
        a.spec.max_chars.unwrap_or(DEFAULT_MAX_CHARS) as usize,
        found.visible(),
    ))
}

fn amend(
    state: &SessionState,
    activity: String,
    item: String,
    text: Option<String>,
    fields: std::collections::BTreeMap<String, String>,
) -> Result<Vec<Event>, Rejection> {
    let (_, a) = state
        .activity(&activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.clone()))?;
    if !kind_of(a.spec.kind).amendable() {
        return Err(Rejection::WrongKind(format!(
            "only agreement statements can be amended, not \u{201c}{}\u{201d}",
            a.spec.title
        )));
    }
    // A new version clears the answers to the old one, and with them the
    // count the room has seen: nothing of a sealed vote moves again.
    if a.is_sealed() {
        return Err(Rejection::AnonymousSealed(a.spec.title.to_string()));
    }
    let current =
        a.current_statement(&item)
            .ok_or_else(|| crate::activity::BallotError::UnknownOption {
                activity: activity.clone(),
                option: item.clone(),
            })?;
    let new_text = match text {
        Some(t) => clean_text(&t, MAX_STATEMENT_CHARS, "statement")?,
        None => current.text.to_string(),
    };
    let mut new_fields = current.fields.clone();
    for (name, value) in fields {
        if !a.spec.fields.contains(&name) {
            return Err(Rejection::UnknownField(name));
        }
        let value = value.trim();
        if value.is_empty() {
            new_fields.remove(&name);
        } else {
            new_fields.insert(name, clean_text(value, MAX_FIELD_CHARS, "field")?);
        }
    }
    if new_text == *current.text && new_fields == current.fields {
        return Err(Rejection::NothingToAmend);
    }
    Ok(vec![Event::StatementAmended {
        activity,
        item,
        text: new_text,
        fields: new_fields,
    }])
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
