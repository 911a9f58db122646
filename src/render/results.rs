//! The results block of one activity: the kind's chart and accessible table,
//! or why results are withheld. What each kind shows is its own (`activity::<kind>::show`).

use crate::activity::{kind_of, Results};
use crate::session::{ActivityState, SessionState};
use maud::{html, Markup};

/// The results block for one activity, with its chart (the review pages).
pub fn results(state: &SessionState, activity: &ActivityState) -> Markup {
    results_block(state, activity, &activity.results(state), true)
}

/// The results block for `activity`, whose `results` the caller worked out.
/// Phones get it without the chart (`with_chart` false): the table carries the
/// same numbers in a fraction of the bytes, which matters on poor mobile data.
pub fn results_block(
    state: &SessionState,
    activity: &ActivityState,
    results: &Results,
    with_chart: bool,
) -> Markup {
    if results.withheld {
        return html! {
            section.results aria-label={ "Results: " (activity.spec.title) } {
                p.notice { "This vote is anonymous: its results are counted and shown once voting closes." }
            }
        };
    }
    let kind = kind_of(activity.spec.kind);
    let view = activity.view(state);
    html! {
        section.results aria-label={ "Results: " (activity.spec.title) } {
            @if with_chart { (kind.chart(&view, results)) }
            (kind.results_html(&view, results))
        }
    }
}
