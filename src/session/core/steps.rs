//! The facilitator's next step through the agenda: open the current activity
//! (the first, when none is current yet), close it, show its results, go on
//! to the next. The console's primary button and its `N` key both take it.

use super::{ActivityStatus, SessionState, SessionStatus};
use crate::activity::kind_of;

/// One step the console offers: the command it sends and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The command's wire type (`open`, `close`, `reveal`, `goto`).
    pub command: &'static str,
    /// The activity it acts on.
    pub activity: String,
    /// The button's words, naming the activity by its title.
    pub label: String,
}

/// The one next step, or `None` when the session has ended or the last
/// activity is done.
pub fn next_step(state: &SessionState) -> Option<Step> {
    if state.status == SessionStatus::Ended {
        return None;
    }
    let Some(index) = state.current else {
        let first = state.activities.first()?;
        return Some(step(
            "open",
            &first.spec.id,
            format!("Open {}", first.spec.title),
        ));
    };
    let current = state.activities.get(index)?;
    let id = &current.spec.id;
    // After the last activity, the next step ends the session (the console
    // asks first).
    let next = || match state.activities.get(index + 1) {
        Some(next) => Some(step(
            "goto",
            &next.spec.id,
            format!("Next: {}", next.spec.title),
        )),
        None => Some(step("end", "", "End the session".into())),
    };
    // The room votes on most kinds; notes are the facilitator's, so there is
    // nothing to close: they start, go up on the screen, and the agenda moves on.
    if !kind_of(current.spec.kind).room_answers() {
        return match (current.status, current.revealed) {
            (ActivityStatus::Pending, _) => Some(step("open", id, "Start".into())),
            (_, false) => Some(step("reveal", id, "Show on the screen".into())),
            (_, true) => next(),
        };
    }
    match current.status {
        ActivityStatus::Pending => Some(step("open", id, "Open voting".into())),
        ActivityStatus::Open => Some(step("close", id, "Close voting".into())),
        ActivityStatus::Closed if !current.revealed => {
            Some(step("reveal", id, "Show results".into()))
        }
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

fn step(command: &'static str, activity: &str, label: String) -> Step {
    Step {
        command,
        activity: activity.to_string(),
        label,
    }
}
