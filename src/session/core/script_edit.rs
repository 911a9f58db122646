//! Editing a session's script before and during the day: the live script as
//! it stands, and whether a new one may replace it. Activities not yet opened
//! may change, move, come and go; an activity that has opened keeps exactly
//! the settings and options it opened with, so every ballot answered the
//! wording on record.

use super::{ActivityState, ActivityStatus, Event, Rejection, SessionState};
use crate::language::Sentence;
use crate::workshop::{ScriptProblem, Workshop};
use std::sync::Arc;

/// The session's script as it stands: the workshop's settings, and each
/// activity's settings as the session holds them (options carried in included).
pub fn live_script(state: &SessionState) -> Workshop {
    Workshop {
        activities: state.activities.iter().map(|a| a.spec.clone()).collect(),
        ..state.workshop().clone()
    }
}

/// The event that replaces the script with `new`, or why it may not.
pub(super) fn decide_script(state: &SessionState, new: Workshop) -> Result<Vec<Event>, Rejection> {
    let mut problems = new.problems();
    if new.id != state.workshop().id {
        let why =
            Sentence::new("check-workshop-stays").with("id", format!("{:?}", state.workshop().id));
        problems.push(ScriptProblem::new("id", why));
    }
    // Lowering the smallest group shown after an anonymous vote has opened
    // would show a team too small to hide: a lone voter's ballot.
    let anonymous_opened = state
        .activities
        .iter()
        .any(|a| a.spec.anonymous && a.status != ActivityStatus::Pending);
    if anonymous_opened && new.min_group_size != state.workshop().min_group_size {
        let why =
            Sentence::new("check-group-size-stays").with("n", state.workshop().min_group_size);
        problems.push(ScriptProblem::new("min_group_size", why));
    }
    if let Some(current) = state.current_activity() {
        if new.activity(&current.spec.id).is_none() {
            let why =
                Sentence::new("check-on-screen").with("title", current.spec.title.to_string());
            problems.push(ScriptProblem::new("activity", why));
        }
    }
    if !problems.is_empty() {
        return Err(Rejection::InvalidScript(problems));
    }
    for opened in state
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Pending)
    {
        if new.activity(&opened.spec.id).map(|(_, spec)| spec) != Some(&opened.spec) {
            return Err(Rejection::ActivityStarted(opened.spec.title.to_string()));
        }
    }
    if new == live_script(state) {
        return Ok(Vec::new());
    }
    Ok(vec![Event::ScriptEdited {
        workshop: Box::new(new),
    }])
}

/// The script edit that puts a fresh copy of `activity` just after it: the
/// options it has now (carried ones included, so the copy asks the same
/// question), nobody's answers, a title that says it is a second run.
pub(super) fn decide_rerun(state: &SessionState, activity: &str) -> Result<Vec<Event>, Rejection> {
    let (index, original) = state
        .activity(activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    if original.status == ActivityStatus::Pending {
        return Err(Rejection::WrongKind(format!(
            "\u{201c}{}\u{201d} has not run yet: open it instead",
            original.spec.title
        )));
    }
    // A copy already waiting to run is the one to use: pressing the button
    // twice adds no second copy, it goes to the first.
    let stem = original.spec.id.chars().take(48).collect::<String>() + "-again";
    if let Some((i, waiting)) = state
        .activities
        .iter()
        .enumerate()
        .find(|(_, a)| a.status == ActivityStatus::Pending && a.spec.id.starts_with(&stem))
    {
        if state.current == Some(i) {
            return Ok(Vec::new());
        }
        return Ok(vec![Event::MovedTo {
            activity: waiting.spec.id.clone(),
        }]);
    }
    let mut copy = (*original.spec).clone();
    copy.id = fresh_id(state, &original.spec.id);
    let runs = state
        .activities
        .iter()
        .filter(|a| a.spec.id.starts_with(&stem))
        .count();
    copy.title = original.spec.title.map(|t| again(t, runs + 2));
    if !copy.options.is_empty() {
        copy.from = None;
        copy.take = None;
    }
    let mut script = live_script(state);
    script.activities.insert(index + 1, Arc::new(copy));
    decide_script(state, script)
}

/// `priorities-again`, or `priorities-again-2` and on when taken; within
/// the 64 characters an id may have.
fn fresh_id(state: &SessionState, id: &str) -> String {
    let stem: String = id.chars().take(48).collect();
    (1..)
        .map(|n| match n {
            1 => format!("{stem}-again"),
            n => format!("{stem}-again-{n}"),
        })
        .find(|candidate| state.activity(candidate).is_none())
        .unwrap_or_default()
}

/// "Priorities (again)" for the second run, "Priorities (run 3)" and on
/// after, so that no two agenda steps share a title; within the longest
/// title a script allows.
fn again(title: &str, run: usize) -> String {
    let suffix = match run {
        2 => " (again)".to_string(),
        n => format!(" (run {n})"),
    };
    let room = crate::config::text::SESSION_TITLE.saturating_sub(suffix.chars().count());
    let base = title.strip_suffix(" (again)").unwrap_or(title);
    format!("{}{suffix}", base.chars().take(room).collect::<String>())
}

impl SessionState {
    /// Takes a new script: opened activities keep their state, pending ones
    /// start afresh from their new settings, and the current activity stays
    /// current wherever it moved.
    pub(super) fn replace_script(&mut self, workshop: &Workshop) {
        let current = self.current_activity().map(|a| a.spec.id.clone());
        let mut old: Vec<Arc<ActivityState>> = std::mem::take(&mut self.activities);
        self.activities = workshop
            .activities
            .iter()
            .map(|spec| {
                let kept = old
                    .iter()
                    .position(|a| a.spec.id == spec.id && a.status != ActivityStatus::Pending);
                match kept {
                    Some(i) => old.swap_remove(i),
                    None => Arc::new(ActivityState::new(spec.clone())),
                }
            })
            .collect();
        self.current = current.and_then(|id| self.activity(&id).map(|(i, _)| i));
        let mut info = (*self.info).clone();
        info.workshop = workshop.clone();
        self.info = Arc::new(info);
    }
}
