//! The HTML fragments each audience sees, as maud functions of session state.
//!
//! Participant text (names, ideas, reasons) is only ever interpolated with
//! `(…)`, which maud escapes; nothing here uses `PreEscaped`.

use super::ballots::ballot_form;
use super::results::results_block;
use crate::activity::show::ballots;
use crate::activity::{kind_of, Results};
use crate::config::text;
use crate::session::{ActivityState, ActivityStatus, SessionState, SessionStatus};
use maud::{html, Markup};
use std::cell::OnceCell;
use std::time::SystemTime;

/// One rendering of a session state for any of its audiences. What several
/// views share is worked out once per pass: the current activity's results,
/// the costly part, are the same on the phones, the projector and the console.
pub struct Pass<'a> {
    /// The state being shown.
    pub state: &'a SessionState,
    current_results: OnceCell<Results>,
}

impl<'a> Pass<'a> {
    /// A pass over `state`.
    pub fn new(state: &'a SessionState) -> Self {
        Pass {
            state,
            current_results: OnceCell::new(),
        }
    }

    /// The results block of the current activity (views show no other).
    fn current_results(&self, activity: &ActivityState, with_chart: bool) -> Markup {
        debug_assert!(self
            .state
            .current_activity()
            .is_some_and(|a| a.spec.id == activity.spec.id));
        let results = self
            .current_results
            .get_or_init(|| activity.results(self.state));
        results_block(self.state, activity, results, with_chart)
    }
}

/// Which participant view: voters get a ballot, observers do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantVariant {
    /// Cabinet or management member.
    Voter,
    /// Observer.
    Observer,
}

/// What a phone shows.
pub fn participant_view(pass: &Pass, variant: ParticipantVariant) -> Markup {
    let state = pass.state;
    html! {
        @if state.status == SessionStatus::Ended {
            section.step aria-labelledby="step-title" {
                h2 #step-title { "This session has ended" }
                p { "Thank you for taking part." }
            }
        } @else if let Some(activity) = state.current_activity() {
            section.step aria-labelledby="step-title" data-activity=(activity.spec.id) data-status=(activity.status.as_str()) {
                h2 #step-title { (activity.spec.title) }
                @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt) } }
                (timer(activity))
                @match (activity.status, variant, kind_of(activity.spec.kind).phone_notice()) {
                    (_, _, Some(notice)) => p.notice { (notice) },
                    (ActivityStatus::Open, ParticipantVariant::Voter, _) => (ballot_form(state, activity)),
                    (ActivityStatus::Open, ParticipantVariant::Observer, _) => p.notice { "Voting is open. As an observer you follow along; you do not vote." },
                    (ActivityStatus::Pending, _, _) => p.notice { "Voting has not opened yet." },
                    (ActivityStatus::Closed, _, _) => p.notice { "Voting is closed." },
                }
                @if activity.revealed { (pass.current_results(activity, false)) }
            }
        } @else {
            section.step aria-labelledby="step-title" {
                h2 #step-title { "Welcome" }
                p { "The facilitator will start the first activity shortly. Keep this page open." }
            }
        }
    }
}

/// What a phone in the lobby shows (rendered per socket; it has no session data).
pub fn waiting_view() -> Markup {
    html! {
        section.step aria-labelledby="step-title" {
            h2 #step-title { "Waiting to be admitted" }
            p { "The facilitator will let you in shortly. Keep this page open." }
        }
    }
}

/// What the projector shows.
pub fn screen_view(pass: &Pass) -> Markup {
    let state = pass.state;
    html! {
        header.room {
            h1 { (state.info.title) }
        }
        @if let Some(activity) = state.current_activity() {
            section.step aria-labelledby="screen-step" {
                h2 #screen-step { (activity.spec.title) }
                @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt) } }
                (timer(activity))
                (turnout(state, activity))
                @if activity.revealed { (pass.current_results(activity, true)) }
                @else if activity.status != ActivityStatus::Pending && kind_of(activity.spec.kind).turnout_verb().is_some() {
                    p.notice { "Results will be shown when the facilitator reveals them." }
                }
            }
        } @else {
            p.notice { "Waiting for the first activity." }
        }
    }
}

/// Faults the console must show above everything else.
#[derive(Debug, Clone, Default)]
pub struct ConsoleAlerts {
    /// The last transcript write failed.
    pub storage_failing: bool,
    /// The pseudonym secret is missing: why (the file), so anonymous ballots are refused.
    pub anonymity_unavailable: Option<String>,
}

/// What the console shows: everything, results included before they are
/// revealed, and a warning while the transcript cannot be written.
pub fn facilitator_view(pass: &Pass, alerts: &ConsoleAlerts) -> Markup {
    let state = pass.state;
    html! {
        @if alerts.storage_failing {
            div.error-summary role="alert" {
                h2 { "Votes are not being saved" }
                p { "The last attempt to write this session's transcript failed (is the disk full?). Nobody has been told their vote is saved since. topteam tries again with each new command." }
            }
        }
        @if let Some(why) = &alerts.anonymity_unavailable {
            div.error-summary role="alert" {
                h2 { "Anonymous voting is switched off" }
                p { "This session's pseudonym secret cannot be read (" (why) "). Anonymous activities refuse new ballots rather than count anyone twice. Restore the file from a backup and restart topteam; named activities work as normal." }
            }
        }
        section.agenda aria-labelledby="agenda-title" {
            h2 #agenda-title { "Agenda" }
            ol {
                @for (i, activity) in state.activities.iter().enumerate() {
                    li aria-current=[(state.current == Some(i)).then_some("step")] {
                        strong { (activity.spec.title) }
                        " — " (activity.status.as_str())
                        @if activity.revealed { ", revealed" }
                        @if activity.spec.kind.takes_ballots() {
                            @let turnout = activity.turnout(state);
                            @let in_progress: usize = turnout.iter().map(|t| t.in_progress).sum();
                            " — " (ballots(turnout.iter().map(|t| t.voted).sum()))
                            @if in_progress > 0 { ", " (in_progress) " in progress" }
                        }
                        span.actions {
                            @for (verb, label) in [("goto", "Go to"), ("open", "Open"), ("close", "Close"), ("reveal", "Reveal")] {
                                button type="button" data-command=(verb) data-activity=(activity.spec.id) { (label) span.visually-hidden { " " (activity.spec.title) } }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(activity) = state.current_activity() {
            section.live aria-labelledby="live-title" {
                h2 #live-title { "Now: " (activity.spec.title) }
                @if let Some(next) = state.current.and_then(|i| state.activities.get(i + 1)) {
                    p.next {
                        button type="button" data-command="open" data-activity=(next.spec.id) { "Next: open " (next.spec.title) }
                    }
                }
                (timer(activity))
                (timer_controls(activity))
                (turnout(state, activity))
                (pass.current_results(activity, true))
                (kind_of(activity.spec.kind).console_tools(&activity.view(state)))
            }
        }
        (notes_panel(state))
        (people_panel(state))
    }
}

/// The console's people: the roster, each person here or not, and everyone
/// who joined, with who waits for the facilitator and why.
fn people_panel(state: &SessionState) -> Markup {
    let absent: Vec<_> = state
        .roster
        .iter()
        .filter(|p| state.workshop().groups.contains(&p.group) && state.claimant(&p.id).is_none())
        .collect();
    let invited = state
        .roster
        .iter()
        .filter(|p| state.workshop().groups.contains(&p.group))
        .count();
    let waiting = state
        .participants
        .iter()
        .filter(|p| p.present() && !p.admitted)
        .count();
    html! {
        section.people aria-labelledby="people-title" {
            h2 #people-title { "People (" (state.participants.iter().filter(|p| p.admitted && p.present()).count()) " in the room)" }
            @if waiting > 0 { p.notice { strong { (waiting) " waiting for you to let them in." } } }
            ul {
                @for p in state.participants.iter() {
                    li {
                        (p.name) " — " (p.group.label())
                        @if let Some(t) = &p.job_title { ", " (t) }
                        @if p.removed { " (removed)" }
                        @else {
                            @if !p.admitted {
                                " " strong.held { "(waiting" @if let Some(why) = p.held { ": " (why.label()) } ")" } " "
                                button type="button" data-command="admit" data-participant=(p.id) { "Admit" span.visually-hidden { " " (p.name) } }
                            }
                            " "
                            button type="button" data-command="remove" data-participant=(p.id) { "Remove" span.visually-hidden { " " (p.name) } }
                        }
                    }
                }
            }
            @if !state.roster.is_empty() {
                h3 { "Not here yet (" (absent.len()) " of " (invited) " expected from the roster)" }
                @if absent.is_empty() { p { "Everyone on the roster is here." } }
                ul.absent {
                    @for p in &absent {
                        li { (p.name) " — " (p.group.label()) @if let Some(t) = &p.job_title { ", " (t) } }
                    }
                }
            }
        }
    }
}

fn timer(activity: &ActivityState) -> Markup {
    let t = &activity.timer;
    let left = t.left_at(SystemTime::now());
    let running = t.running_since.is_some();
    if left == 0 && !running && activity.spec.minutes.is_none() {
        return html! {};
    }
    let ends_at = t.ends_at().map(|e| e.to_string());
    html! {
        p.timer data-ends-at=[ends_at] data-left=(left) {
            "Time left: " span.clock { (left / 60) ":" (format!("{:02}", left % 60)) }
            @if !running { " (stopped)" }
        }
    }
}

fn timer_controls(activity: &ActivityState) -> Markup {
    let id = &activity.spec.id;
    html! {
        form.timer-controls data-command="timer" data-activity=(id) {
            label for={ "timer-seconds-" (id) } { "Seconds" }
            input type="number" id={ "timer-seconds-" (id) } name="seconds" min="1" max="86400" inputmode="numeric";
            button type="submit" name="action" value="start" { "Start timer" }
            button type="submit" name="action" value="pause" { "Pause" }
            button type="submit" name="action" value="reset" { "Reset" }
        }
    }
}

fn notes_panel(state: &SessionState) -> Markup {
    html! {
        section.notes aria-labelledby="notes-title" {
            h2 #notes-title { "Notes, decisions and actions" }
            @if !state.notes.is_empty() {
                ul {
                    @for n in state.notes.iter() {
                        li {
                            strong { (n.kind.label()) ": " } (n.text)
                            @if let Some(owner) = &n.owner { " — " (owner) }
                            @if let Some(due) = &n.due { ", by " (due) }
                        }
                    }
                }
            }
            form data-command="note" {
                label for="note-text" { "Note or decision" }
                textarea id="note-text" name="text" rows="2" maxlength=(text::NOTE) {}
                label for="note-kind" { "Kind" }
                select id="note-kind" name="kind" { option value="note" { "Note" } option value="decision" { "Decision" } }
                button type="submit" { "Add" }
            }
            form data-command="action" {
                label for="action-text" { "Action" }
                input type="text" id="action-text" name="text" maxlength=(text::NOTE);
                label for="action-owner" { "Owner" }
                input type="text" id="action-owner" name="owner" maxlength=(text::OWNER);
                label for="action-due" { "Due date" }
                input type="date" id="action-due" name="due";
                button type="submit" { "Add action" }
            }
        }
    }
}

fn turnout(state: &SessionState, activity: &ActivityState) -> Markup {
    let Some(verb) = kind_of(activity.spec.kind).turnout_verb() else {
        return html! {};
    };
    html! {
        p.turnout aria-live="polite" {
            @for t in activity.turnout(state) {
                span.group {
                    (t.group.label()) ": " strong { (t.voted) } " of " (t.eligible) " " (verb)
                    @if t.in_progress > 0 { ", " (t.in_progress) " in progress" }
                }
                " "
            }
        }
    }
}
