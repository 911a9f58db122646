//! The HTML fragments each audience sees, as maud functions of session state.
//!
//! Participant text (names, ideas) is only ever interpolated with `(…)`, which
//! maud escapes; nothing here uses `PreEscaped`.

use crate::activity::{dots::DotsTally, Tally};
use crate::session::{ActivityState, ActivityStatus, SessionState, SessionStatus};
use crate::workshop::Group;
use maud::{html, Markup};

/// Which participant view: voters get a ballot, observers do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantVariant {
    /// Cabinet or management member.
    Voter,
    /// Observer.
    Observer,
}

/// What a phone shows.
pub fn participant_view(state: &SessionState, variant: ParticipantVariant) -> Markup {
    html! {
        @if state.status == SessionStatus::Ended {
            section.step aria-labelledby="step-title" {
                h2 #step-title { "This session has ended" }
                p { "Thank you for taking part." }
            }
        } @else if let Some(activity) = state.current_activity() {
            section.step aria-labelledby="step-title" data-activity=(activity.spec.id) data-status=(status_name(activity.status)) {
                h2 #step-title { (activity.spec.title) }
                @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt) } }
                @match (activity.status, variant) {
                    (ActivityStatus::Open, ParticipantVariant::Voter) => (ballot_form(activity)),
                    (ActivityStatus::Open, ParticipantVariant::Observer) => p.notice { "Voting is open. As an observer you can follow along; you do not vote." },
                    (ActivityStatus::Pending, _) => p.notice { "Voting has not opened yet." },
                    (ActivityStatus::Closed, _) => p.notice { "Voting is closed." },
                }
                @if activity.revealed { (results(state, activity)) }
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

fn ballot_form(activity: &ActivityState) -> Markup {
    let spec = &activity.spec;
    let budget = spec.dots.unwrap_or(0);
    let cap = spec.max_per_option.unwrap_or(budget);
    html! {
        form.ballot.dots data-activity=(spec.id) data-kind="dots" data-budget=(budget) data-cap=(cap) {
            p.budget aria-live="polite" {
                "You have " output.left { (budget) } " of " (budget) " dots left."
            }
            ul.options {
                @for option in &spec.options {
                    li.option data-option=(option.id) {
                        span.label id={ "opt-" (spec.id) "-" (option.id) } { (option.label) }
                        span.stepper {
                            button type="button" data-step="-1" aria-label={ "Remove a dot from " (option.label) } { "−" }
                            output.count aria-labelledby={ "opt-" (spec.id) "-" (option.id) } { "0" }
                            button type="button" data-step="1" aria-label={ "Add a dot to " (option.label) } { "+" }
                        }
                    }
                }
            }
            button.primary type="submit" { "Save my vote" }
            p.saved role="status" aria-live="polite" {}
        }
    }
}

/// What the projector shows.
pub fn screen_view(state: &SessionState) -> Markup {
    html! {
        header.room {
            h1 { (state.info.title) }
            p.join { "Join at " strong { "/join" } " with code " strong.code { (state.info.code) } }
        }
        @if let Some(activity) = state.current_activity() {
            section.step aria-labelledby="screen-step" {
                h2 #screen-step { (activity.spec.title) }
                @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt) } }
                (turnout(state, activity))
                @if activity.revealed { (results(state, activity)) }
            }
        } @else {
            p.notice { "Waiting for the first activity." }
        }
    }
}

/// What the console shows: everything, results included before they are revealed.
pub fn facilitator_view(state: &SessionState) -> Markup {
    html! {
        section.agenda aria-labelledby="agenda-title" {
            h2 #agenda-title { "Agenda" }
            ol {
                @for (i, activity) in state.activities.iter().enumerate() {
                    li aria-current=[(state.current == Some(i)).then_some("step")] {
                        strong { (activity.spec.title) }
                        " — " (status_name(activity.status))
                        @if activity.revealed { ", revealed" }
                        " — " (activity.ballots.len()) " ballots"
                        span.actions {
                            @for (verb, label) in [("open", "Open"), ("close", "Close"), ("reveal", "Reveal")] {
                                button type="button" data-command=(verb) data-activity=(activity.spec.id) { (label) " " span.visually-hidden { (activity.spec.title) } }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(activity) = state.current_activity() {
            section.live aria-labelledby="live-title" {
                h2 #live-title { "Now: " (activity.spec.title) }
                (turnout(state, activity))
                (results(state, activity))
            }
        }
        section.people aria-labelledby="people-title" {
            h2 #people-title { "People (" (state.participants.len()) ")" }
            ul {
                @for p in &state.participants {
                    li {
                        (p.name) " — " (p.group.label())
                        @if p.removed { " (removed)" }
                        @else if !p.admitted {
                            " (waiting) "
                            button type="button" data-command="admit" data-participant=(p.id) { "Admit " span.visually-hidden { (p.name) } }
                        }
                    }
                }
            }
        }
    }
}

fn turnout(state: &SessionState, activity: &ActivityState) -> Markup {
    let counts = |g: Group| {
        let eligible = state
            .participants
            .iter()
            .filter(|p| p.group == g && p.admitted && !p.removed)
            .count();
        let voted = activity.ballots.values().filter(|b| b.group == g).count();
        (voted, eligible)
    };
    html! {
        p.turnout aria-live="polite" {
            @for g in state.workshop().groups.iter().filter(|g| g.votes()) {
                @let (voted, eligible) = counts(*g);
                span.group { (g.label()) ": " strong { (voted) } " of " (eligible) " voted" }
                " "
            }
        }
    }
}

fn results(state: &SessionState, activity: &ActivityState) -> Markup {
    let results = activity.results(state);
    html! {
        section.results aria-label={ "Results: " (activity.spec.title) } {
            @match (&results.all, &results.cabinet, &results.management) {
                (Tally::Dots(all), Tally::Dots(cabinet), Tally::Dots(management)) => (dots_table(activity, all, cabinet, management)),
            }
        }
    }
}

fn dots_table(
    activity: &ActivityState,
    all: &DotsTally,
    cabinet: &DotsTally,
    management: &DotsTally,
) -> Markup {
    html! {
        table.dots {
            caption { "Dots by option (" (all.ballots) " ballots)" }
            thead { tr { th scope="col" { "Option" } th scope="col" { "All" } th scope="col" { "Cabinet" } th scope="col" { "Management" } } }
            tbody {
                @for (id, total) in all.ranked(&activity.spec) {
                    tr {
                        th scope="row" { (activity.spec.option(id).map_or(id, |o| o.label.as_str())) }
                        td { (total) }
                        td { (cabinet.totals.get(id).copied().unwrap_or(0)) }
                        td { (management.totals.get(id).copied().unwrap_or(0)) }
                    }
                }
            }
        }
    }
}

fn status_name(status: ActivityStatus) -> &'static str {
    match status {
        ActivityStatus::Pending => "pending",
        ActivityStatus::Open => "open",
        ActivityStatus::Closed => "closed",
    }
}
