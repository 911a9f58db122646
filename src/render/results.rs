//! The results block of one activity: the kind's chart and accessible table,
//! or why results are withheld. What each kind shows is its own (`activity::<kind>::show`).

use crate::activity::{kind_of, Results};
use crate::session::{ActivityState, SessionState};
use maud::{html, Markup};

/// Who the results are for, which decides their form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Phones: the table alone, which carries the numbers in a fraction of a
    /// chart's bytes (it matters on poor mobile data).
    Phone,
    /// The console and the review pages: chart and table.
    Desk,
    /// The projector: the kind's slide, with the table for screen readers.
    Screen,
}

/// The results block for one activity, with its chart (the review pages).
pub fn results(state: &SessionState, activity: &ActivityState) -> Markup {
    results_block(state, activity, &activity.results(state), Audience::Desk)
}

/// The results block for `activity`, whose `results` the caller worked out.
pub fn results_block(
    state: &SessionState,
    activity: &ActivityState,
    results: &Results,
    audience: Audience,
) -> Markup {
    if results.withheld {
        return html! {
            section.results aria-label={ "Results: " (activity.spec.title) } {
                p.notice { "This vote is anonymous: its results are counted and shown once voting closes." }
            }
        };
    }
    if results.too_few {
        let least = state.workshop().min_group_size;
        return html! {
            section.results aria-label={ "Results: " (activity.spec.title) } {
                p.notice { "Too few ballots to show. This vote is anonymous, so its results are shown only once at least " (least) " people have voted: nobody's answers can then be picked out." }
            }
        };
    }
    let kind = kind_of(activity.spec.kind);
    let view = activity.view(state);
    html! {
        section.results aria-label={ "Results: " (activity.spec.title) } {
            @match audience {
                // A wide table scrolls in its own box, not the page (a data
                // table may need two dimensions: WCAG 1.4.10 allows it).
                Audience::Phone => {
                    div.table-scroll tabindex="0" role="region" aria-label={ "Results table: " (activity.spec.title) } {
                        (kind.results_html(&view, results))
                    }
                },
                Audience::Desk => {
                    (kind.chart(&view, results)) (kind.results_html(&view, results))
                    (counted_from(state, activity))
                },
                Audience::Screen => {
                    div.slide aria-hidden="true" { (kind.slide(&view, results)) }
                    div.visually-hidden { (kind.results_html(&view, results)) }
                },
            }
        }
    }
}

/// Whose answers an anonymous result counts, by name in alphabetical order
/// (who, never how, and no order of answering): a facilitator who let in
/// made-up people to pad a small team, or held real ones, would be seen to
/// have, by the room and in the record.
fn counted_from(state: &SessionState, activity: &ActivityState) -> Markup {
    if !activity.spec.anonymous || !activity.spec.kind.takes_ballots() {
        return html! {};
    }
    let names = activity.counted_names(state);
    html! {
        p.counted-from {
            "Answers counted from " (names.len()) " people: "
            @for (i, (name, guest)) in names.iter().enumerate() {
                @if i > 0 { ", " }
                (name) @if *guest { " (not on the roster)" }
            }
            "."
        }
    }
}
