//! The transcript in plain words: "10:42 Cllr Patel joined as Cabinet".

use super::{clock, Source};
use crate::session::Event;

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineEntry {
    /// Seq of the event.
    pub seq: u64,
    /// `HH:MM`, UK time.
    pub time: String,
    /// What happened.
    pub text: String,
}

/// Every event in words. Anonymous ballots and ideas are left out (their
/// results say what was answered, never who or when).
pub fn timeline(source: &Source) -> Vec<TimelineEntry> {
    let state = &source.state;
    let title = |id: &str| {
        state
            .activity(id)
            .map_or_else(|| id.to_string(), |(_, a)| a.spec.title.to_string())
    };
    let anonymous = |id: &str| state.activity(id).is_some_and(|(_, a)| a.spec.anonymous);
    let who = |id: &uuid::Uuid| {
        state
            .participant(id)
            .map_or_else(|| "Someone".to_string(), |p| p.name.clone())
    };
    // Whether each activity's timer is running, as the records go by.
    let mut timers: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    source
        .records
        .iter()
        // An anonymous ballot or idea with its time is a row per ballot: with
        // a small team, or a facilitator watching who taps, it could be traced.
        // The results say what was answered; the timeline does not say when.
        .filter(|r| match &r.event {
            Event::BallotCast { activity, .. } | Event::IdeaAdded { activity, .. } => {
                !anonymous(activity)
            }
            _ => true,
        })
        .map(|r| {
            let text = match &r.event {
                // Named as the state names them now: an erased person is
                // "Participant N" even in a file not yet rewritten.
                Event::ParticipantJoined {
                    participant,
                    group,
                    admitted,
                    held,
                    ..
                } => {
                    let wait = match (admitted, held) {
                        (true, _) => String::new(),
                        (false, Some(why)) => {
                            format!(" (held for the facilitator: {})", why.label())
                        }
                        (false, None) => " (waiting to be admitted)".to_string(),
                    };
                    format!("{} joined as {}{wait}", who(participant), group.label())
                }
                Event::RosterUpdated { people } => {
                    format!("the roster was set: {} people", people.len())
                }
                Event::ParticipantHeld {
                    participant,
                    reason,
                } => format!(
                    "{} was held for the facilitator: {}",
                    who(participant),
                    reason.label()
                ),
                Event::ParticipantIdentified { participant, .. } => {
                    format!(
                        "{} was matched to their name on the roster",
                        who(participant)
                    )
                }
                Event::ParticipantRestored { participant } => {
                    format!("{} was let back in", who(participant))
                }
                Event::InvitationsOnly { on } => if *on {
                    "joining became by invitation only"
                } else {
                    "joining by name was allowed again"
                }
                .to_string(),
                Event::ParticipantAdmitted { participant } => {
                    format!("{} was admitted", who(participant))
                }
                Event::ParticipantRemoved { participant } => {
                    format!("{} was removed", who(participant))
                }
                Event::ParticipantErased { participant, .. } => {
                    format!("{}'s name and job title were erased", who(participant))
                }
                Event::RosterPersonErased { .. } => {
                    "someone erased was taken off the roster".to_string()
                }
                Event::MovedTo { activity } => format!("moved to {}", title(activity)),
                Event::ActivityOpened { activity } => {
                    format!("voting opened on {}", title(activity))
                }
                Event::ActivityClosed { activity } => {
                    format!("voting closed on {}", title(activity))
                }
                Event::ResultsRevealed { activity } => {
                    format!("results of {} shown to the room", title(activity))
                }
                Event::ResultsHidden { activity } => {
                    format!("results of {} taken off the screen", title(activity))
                }
                Event::SlidePaged { activity, page } => {
                    format!(
                        "results of {} on the projector: page {page}",
                        title(activity)
                    )
                }
                Event::BallotCast {
                    activity, voter, ..
                } => format!("{} voted on {}", who(voter), title(activity)),
                Event::OptionsSet { activity, options } => {
                    format!("{} options carried into {}", options.len(), title(activity))
                }
                Event::IdeaAdded {
                    activity,
                    author,
                    text,
                    ..
                } => {
                    format!(
                        "{} offered an idea on {}: \u{201c}{text}\u{201d}",
                        who(author),
                        title(activity)
                    )
                }
                Event::IdeaEdited { text, .. } => {
                    format!("the facilitator reworded an idea: \u{201c}{text}\u{201d}")
                }
                Event::IdeaHidden { hidden: true, .. } => "the facilitator hid an idea".to_string(),
                Event::IdeaHidden { hidden: false, .. } => {
                    "the facilitator showed a hidden idea again".to_string()
                }
                Event::IdeasMerged { .. } => "the facilitator merged two ideas".to_string(),
                Event::StatementAmended { activity, text, .. } => {
                    format!(
                        "the facilitator amended a statement in {}: \u{201c}{text}\u{201d}",
                        title(activity)
                    )
                }
                Event::NoteAdded {
                    kind,
                    text,
                    owner,
                    due,
                    ..
                } => match (owner, due) {
                    (Some(o), Some(d)) => format!("{}: {text} ({o}, by {d})", kind.label()),
                    (Some(o), None) => format!("{}: {text} ({o})", kind.label()),
                    _ => format!("{}: {text}", kind.label()),
                },
                // Adding time is recorded as the timer's new state: started
                // again while running, or paused again while paused.
                Event::TimerStarted {
                    activity,
                    seconds_left,
                    ..
                } => {
                    let was_running = timers.insert(activity.clone(), true) == Some(true);
                    let what = if was_running {
                        "time added to the timer"
                    } else {
                        "timer started"
                    };
                    format!(
                        "{what} on {}: {} min {} s",
                        title(activity),
                        seconds_left / 60,
                        seconds_left % 60
                    )
                }
                Event::TimerPaused {
                    activity,
                    seconds_left,
                } => {
                    if timers.insert(activity.clone(), false) != Some(true) {
                        format!(
                            "time added to the paused timer on {}: {} min {} s",
                            title(activity),
                            seconds_left / 60,
                            seconds_left % 60
                        )
                    } else {
                        format!("timer paused on {}", title(activity))
                    }
                }
                Event::TimerReset { activity, .. } => {
                    timers.insert(activity.clone(), false);
                    format!("timer reset on {}", title(activity))
                }
                Event::ScriptEdited { .. } => "the facilitator edited the agenda".to_string(),
                Event::SessionRenamed { title } => format!("renamed \u{201c}{title}\u{201d}"),
                Event::LanguageSet { language } => {
                    format!("the room's language set to {}", language.code())
                }
                Event::SessionArchived { archived: true } => "archived".to_string(),
                Event::SessionArchived { archived: false } => {
                    "taken out of the archive".to_string()
                }
                Event::SessionEnded => "the session ended".to_string(),
            };
            TimelineEntry {
                seq: r.seq,
                time: clock(r.at),
                text,
            }
        })
        .collect()
}
