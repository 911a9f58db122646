//! The transcript in plain words: "10:42 Cllr Patel joined as Cabinet".

use super::{clock, Source};
use crate::activity::own::{Applying, KindEvent, KindState, Telling};
use crate::language::Language;
use crate::session::Event;
use crate::t;

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
    timeline_in(source, Language::English)
}

/// The same in `lang`.
pub fn timeline_in(source: &Source, lang: Language) -> Vec<TimelineEntry> {
    let state = &source.state;
    let title = |id: &str| {
        state.activity(id).map_or_else(
            || id.to_string(),
            |(_, a)| a.spec.title.read_in(lang).to_string(),
        )
    };
    let anonymous = |id: &str| state.activity(id).is_some_and(|(_, a)| a.spec.anonymous);
    let who = |id: &uuid::Uuid| {
        state
            .participant(id)
            .map_or_else(|| t!(lang, "tl-someone"), |p| p.name.clone())
    };
    // Whether each activity's timer is running, as the records go by.
    let mut timers: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    // Each activity's kind state as the records go by, so a kind can name
    // what its event changed (the idea hidden) as it was then.
    let mut kinds: std::collections::HashMap<String, KindState> = std::collections::HashMap::new();
    source
        .records
        .iter()
        // An anonymous ballot or idea with its time is a row per ballot: with
        // a small team, or a facilitator watching who taps, it could be traced.
        // The results say what was answered; the timeline does not say when.
        .filter(|r| match &r.event {
            Event::BallotCast { activity, .. } => !anonymous(activity),
            Event::Kind(event) if event.author().is_some() => !anonymous(event.activity()),
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
                            format!(" {}", t!(lang, "tl-held-for", why = why.name(lang)))
                        }
                        (false, None) => format!(" {}", t!(lang, "tl-waiting")),
                    };
                    t!(
                        lang,
                        "tl-joined",
                        who = who(participant),
                        team = group.name(lang),
                        wait = wait
                    )
                }
                Event::RosterUpdated { people } => {
                    t!(lang, "tl-roster-set", n = people.len())
                }
                Event::ParticipantHeld {
                    participant,
                    reason,
                } => t!(
                    lang,
                    "tl-held",
                    who = who(participant),
                    why = reason.name(lang)
                ),
                Event::ParticipantIdentified { participant, .. } => {
                    t!(lang, "tl-matched", who = who(participant))
                }
                Event::ParticipantRestored { participant } => {
                    t!(lang, "tl-let-back", who = who(participant))
                }
                Event::InvitationsOnly { on } => {
                    if *on {
                        t!(lang, "tl-invitation-only")
                    } else {
                        t!(lang, "tl-by-name")
                    }
                }
                Event::ParticipantAdmitted { participant } => {
                    t!(lang, "tl-admitted", who = who(participant))
                }
                Event::ParticipantRemoved { participant } => {
                    t!(lang, "tl-removed", who = who(participant))
                }
                Event::ParticipantErased { participant, .. } => {
                    t!(lang, "tl-erased", who = who(participant))
                }
                Event::RosterPersonErased { .. } => {
                    t!(lang, "tl-roster-erased")
                }
                Event::MovedTo { activity } => t!(lang, "tl-moved", activity = title(activity)),
                Event::ActivityOpened { activity } => {
                    t!(lang, "tl-opened", activity = title(activity))
                }
                Event::ActivityClosed { activity } => {
                    t!(lang, "tl-closed", activity = title(activity))
                }
                Event::ResultsRevealed { activity } => {
                    t!(lang, "tl-revealed", activity = title(activity))
                }
                Event::ResultsHidden { activity } => {
                    t!(lang, "tl-hidden", activity = title(activity))
                }
                Event::SlidePaged { activity, page } => {
                    t!(lang, "tl-paged", activity = title(activity), page = *page)
                }
                Event::BallotCast {
                    activity, voter, ..
                } => t!(
                    lang,
                    "tl-voted",
                    who = who(voter),
                    activity = title(activity)
                ),
                Event::OptionsSet { activity, options } => {
                    t!(
                        lang,
                        "tl-carried",
                        n = options.len(),
                        activity = title(activity)
                    )
                }
                Event::Kind(event) => told(state, event, lang, &who, &mut kinds),
                Event::NoteAdded {
                    kind,
                    text,
                    owner,
                    due,
                    ..
                } => {
                    let (kind, text) = (kind.name(lang), text.as_str());
                    match (owner, due) {
                        (Some(o), Some(d)) => t!(
                            lang,
                            "tl-note-owner-due",
                            kind = kind,
                            text = text,
                            owner = o.as_str(),
                            due = d.as_str()
                        ),
                        (Some(o), None) => t!(
                            lang,
                            "tl-note-owner",
                            kind = kind,
                            text = text,
                            owner = o.as_str()
                        ),
                        _ => t!(lang, "tl-note", kind = kind, text = text),
                    }
                }
                // Adding time is recorded as the timer's new state: started
                // again while running, or paused again while paused.
                Event::TimerStarted {
                    activity,
                    seconds_left,
                    ..
                } => {
                    let was_running = timers.insert(activity.clone(), true) == Some(true);
                    let what = if was_running {
                        "tl-time-added"
                    } else {
                        "tl-timer-started"
                    };
                    crate::language::text_with(
                        lang,
                        what,
                        &[
                            ("activity", title(activity).into()),
                            ("min", (seconds_left / 60).into()),
                            ("sec", (seconds_left % 60).into()),
                        ],
                    )
                }
                Event::TimerPaused {
                    activity,
                    seconds_left,
                } => {
                    if timers.insert(activity.clone(), false) != Some(true) {
                        t!(
                            lang,
                            "tl-time-added-paused",
                            activity = title(activity),
                            min = seconds_left / 60,
                            sec = seconds_left % 60
                        )
                    } else {
                        t!(lang, "tl-timer-paused", activity = title(activity))
                    }
                }
                Event::TimerReset { activity, .. } => {
                    timers.insert(activity.clone(), false);
                    t!(lang, "tl-timer-reset", activity = title(activity))
                }
                Event::ScriptEdited { .. } => t!(lang, "tl-agenda-edited"),
                Event::SessionRenamed { title } => {
                    t!(lang, "tl-renamed", title = title.read_in(lang))
                }
                Event::LanguageSet { language } => {
                    t!(lang, "tl-language", language = language.code())
                }
                Event::SessionArchived { archived: true } => t!(lang, "tl-archived"),
                Event::SessionArchived { archived: false } => t!(lang, "tl-unarchived"),
                Event::SessionEnded => t!(lang, "tl-ended"),
            };
            TimelineEntry {
                seq: r.seq,
                time: clock(r.at),
                text,
            }
        })
        .collect()
}

/// A kind's event in words, from the kind's state of its activity just
/// before it (brought up to date with the event after).
fn told(
    state: &crate::session::SessionState,
    event: &KindEvent,
    lang: Language,
    who: &dyn Fn(&uuid::Uuid) -> String,
    kinds: &mut std::collections::HashMap<String, KindState>,
) -> String {
    let id = event.activity();
    let Some((_, activity)) = state.activity(id) else {
        return String::new();
    };
    let spec = &activity.spec;
    let before = kinds
        .entry(id.to_string())
        .or_insert_with(|| KindState::start(spec));
    let telling = Telling {
        language: lang,
        who,
        activity: spec.title.read_in(lang),
        anonymous: spec.anonymous,
    };
    let text = event.told(&telling, before);
    // Only what the words need: no ballots, so no tally is kept here.
    let applying = Applying {
        spec,
        split: crate::activity::Split {
            anonymous: spec.anonymous,
            min_group_size: state.workshop().min_group_size,
        },
        team: None,
        counted: &[],
    };
    before.apply(applying, event);
    text
}
