//! The ballot a phone shows for each kind. Every control has a visible label;
//! the browser script fills in the participant's own last ballot.

use crate::activity::ideas::{DEFAULT_MAX_CHARS, DEFAULT_MAX_IDEAS};
use crate::activity::rating::TOP_SCORE;
use crate::activity::role_map::Placement;
use crate::session::ActivityState;
use crate::workshop::ActivityKind;
use maud::{html, Markup};

/// The form for an open activity.
pub fn ballot_form(activity: &ActivityState) -> Markup {
    let spec = &activity.spec;
    let id = spec.id.as_str();
    let kind = spec.kind.as_str();
    html! {
        form.ballot data-activity=(id) data-kind=(kind) novalidate {
            @match spec.kind {
                ActivityKind::Dots => (dots(activity)),
                ActivityKind::Rank => (rank(activity)),
                ActivityKind::RoleMap => (role_map(activity)),
                ActivityKind::Agreement => (agreement(activity)),
                ActivityKind::Rating => (rating(activity)),
                ActivityKind::Ideas => (ideas(activity)),
                ActivityKind::Notes => {}
            }
            @if spec.kind != ActivityKind::Notes {
                button.primary type="submit" { (if spec.kind == ActivityKind::Ideas { "Add my idea" } else { "Save my vote" }) }
                p.saved role="status" aria-live="polite" {}
            }
        }
    }
}

fn dots(activity: &ActivityState) -> Markup {
    let spec = &activity.spec;
    let budget = spec.dots.unwrap_or(0);
    let cap = spec.max_per_option.unwrap_or(budget);
    html! {
        p.budget data-budget=(budget) data-cap=(cap) {
            "You have " output.left aria-live="polite" { (budget) } " of " (budget) " dots left"
            @if cap < budget { " (at most " (cap) " on any one)" } "."
        }
        ul.options {
            @for option in &spec.options {
                @let label_id = format!("opt-{}-{}", spec.id, option.id);
                li.option data-option=(option.id) {
                    span.label id=(label_id) { (option.label) @if !option.detail.is_empty() { span.detail { (option.detail) } } }
                    span.stepper {
                        button type="button" data-step="-1" aria-label={ "Remove a dot from " (option.label) } { "−" }
                        output.count aria-labelledby=(label_id) { "0" }
                        button type="button" data-step="1" aria-label={ "Add a dot to " (option.label) } { "+" }
                    }
                }
            }
        }
    }
}

fn rank(activity: &ActivityState) -> Markup {
    html! {
        p.hint { "Put the most important first. Use the buttons to move an option up or down." }
        ol.rank {
            @for option in &activity.spec.options {
                li.option data-option=(option.id) {
                    span.label { (option.label) @if !option.detail.is_empty() { span.detail { (option.detail) } } }
                    span.mover {
                        button type="button" data-move="-1" aria-label={ "Move up: " (option.label) } { "↑" }
                        button type="button" data-move="1" aria-label={ "Move down: " (option.label) } { "↓" }
                    }
                }
            }
        }
    }
}

fn role_map(activity: &ActivityState) -> Markup {
    let choices = [Placement::Members, Placement::Joint, Placement::Officers];
    html! {
        @for item in &activity.spec.options {
            fieldset.item data-item=(item.id) {
                legend { (item.label) }
                @for p in choices {
                    @let value = serde_json::to_value(p).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
                    @let input_id = format!("rm-{}-{}-{}", activity.spec.id, item.id, value);
                    span.choice {
                        input type="radio" id=(input_id) name={ "rm-" (item.id) } value=(value);
                        label for=(input_id) { (p.label()) }
                    }
                }
            }
        }
    }
}

fn agreement(activity: &ActivityState) -> Markup {
    let stances = [
        ("agree", "Agree"),
        ("live_with", "Can live with it"),
        ("object", "Object"),
    ];
    html! {
        @for item in &activity.spec.options {
            @if let Some(current) = activity.current_statement(&item.id) {
            fieldset.item.statement data-item=(item.id) data-version=(current.version) {
                legend { (current.text) }
                @if !current.fields.is_empty() {
                    dl.fields { @for (name, value) in &current.fields { dt { (super::results::field_label(name)) } dd { (value) } } }
                }
                @for (value, label) in stances {
                    @let input_id = format!("ag-{}-{}-{}", activity.spec.id, item.id, value);
                    span.choice {
                        input type="radio" id=(input_id) name={ "ag-" (item.id) } value=(value);
                        label for=(input_id) { (label) }
                    }
                }
                @let reason_id = format!("reason-{}-{}", activity.spec.id, item.id);
                label.reason for=(reason_id) { "Reason (needed if you object)" }
                textarea id=(reason_id) name={ "reason-" (item.id) } maxlength=(crate::config::text::REASON) rows="2" {}
            }
            }
        }
    }
}

fn rating(activity: &ActivityState) -> Markup {
    html! {
        p.hint { "1 = not at all, 5 = fully." }
        @for item in &activity.spec.options {
            fieldset.item data-item=(item.id) {
                legend { (item.label) @if !item.detail.is_empty() { span.detail { (item.detail) } } }
                @for score in 1..=TOP_SCORE {
                    @let input_id = format!("rt-{}-{}-{}", activity.spec.id, item.id, score);
                    span.choice {
                        input type="radio" id=(input_id) name={ "rt-" (item.id) } value=(score);
                        label for=(input_id) { (score) }
                    }
                }
            }
        }
    }
}

fn ideas(activity: &ActivityState) -> Markup {
    let max_chars = activity.spec.max_chars.unwrap_or(DEFAULT_MAX_CHARS);
    let max_ideas = activity.spec.max_ideas.unwrap_or(DEFAULT_MAX_IDEAS);
    let input_id = format!("idea-{}", activity.spec.id);
    html! {
        label for=(input_id) { "Your idea (up to " (max_ideas) " ideas, " (max_chars) " characters each)" }
        textarea id=(input_id) name="text" maxlength=(max_chars) rows="3" {}
        p.counter aria-live="polite" data-max=(max_chars) { "0 of " (max_chars) " characters" }
    }
}
