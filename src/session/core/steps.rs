//! The facilitator's next step through the agenda: open the current activity
//! (the first, when none is current yet), close it, show its results, go on
//! to the next. The console's primary button and its `N` key both take it.

use super::{ActivityStatus, SessionState, SessionStatus};
use crate::activity::kind_of;
use crate::language::{text, text_with, Language, Text};

/// One step the console offers: the command it sends and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The command's wire type (`open`, `close`, `reveal`, `goto`).
    pub command: &'static str,
    /// The activity it acts on.
    pub activity: String,
    /// The button's words, by their catalogue key.
    pub words: &'static str,
    /// The activity the words name (`Next: Vision`), when they name one.
    pub names: Option<Text>,
}

impl Step {
    /// The button's words in `language`, naming the activity by its title.
    pub fn label(&self, language: Language) -> String {
        match &self.names {
            Some(title) => text_with(
                language,
                self.words,
                &[("title", title.read_in(language).to_string().into())],
            ),
            None => text(language, self.words),
        }
    }
}

/// The one next step, or `None` when the session has ended or the last
/// activity is done.
pub fn next_step(state: &SessionState) -> Option<Step> {
    if state.status == SessionStatus::Ended {
        return None;
    }
    let Some(index) = state.current else {
        let first = state.activities.first()?;
        return Some(named(
            "open",
            &first.spec.id,
            "step-open-first",
            &first.spec.title,
        ));
    };
    let current = state.activities.get(index)?;
    let id = &current.spec.id;
    // After the last activity, the next step ends the session (the console
    // asks first).
    let next = || match state.activities.get(index + 1) {
        Some(next) => Some(named("goto", &next.spec.id, "step-next", &next.spec.title)),
        None => Some(step("end", "", "step-end")),
    };
    // The room votes on most kinds; notes are the facilitator's, so there is
    // nothing to close: they start, go up on the screen, and the agenda moves on.
    if !kind_of(current.spec.kind).room_answers() {
        return match (current.status, current.revealed) {
            (ActivityStatus::Pending, _) => Some(step("open", id, "step-start")),
            (_, false) => Some(step("reveal", id, "step-show")),
            (_, true) => next(),
        };
    }
    match current.status {
        ActivityStatus::Pending => Some(step("open", id, "step-open")),
        ActivityStatus::Open => Some(step("close", id, "step-close")),
        ActivityStatus::Closed if !current.revealed => Some(step("reveal", id, "step-reveal")),
        ActivityStatus::Closed => next(),
    }
}

/// The activity before the current one, to go back to; none while voting on
/// the current one is open (phones would leave a vote nobody can then see).
pub fn previous_activity(state: &SessionState) -> Option<&super::ActivityState> {
    let index = state.current?;
    let current = state.activities.get(index)?;
    if current.status == ActivityStatus::Open && kind_of(current.spec.kind).room_answers() {
        return None;
    }
    state.activities.get(index.checked_sub(1)?).map(|a| &**a)
}

fn step(command: &'static str, activity: &str, words: &'static str) -> Step {
    Step {
        command,
        activity: activity.to_string(),
        words,
        names: None,
    }
}

fn named(command: &'static str, activity: &str, words: &'static str, title: &Text) -> Step {
    Step {
        names: Some(title.clone()),
        ..step(command, activity, words)
    }
}
