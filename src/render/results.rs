//! The results block of one activity: the kind's chart and accessible table,
//! or why results are withheld. What each kind shows is its own (`activity::<kind>::show`).

use crate::activity::{kind_of, ActivityView, Results};
use crate::session::{ActivityState, SessionState};
use crate::t;
use maud::{html, Markup};
use std::cell::OnceCell;

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

/// The results block for one activity, with its chart (the review pages),
/// in `language`.
pub fn results_in(
    state: &SessionState,
    activity: &ActivityState,
    language: crate::language::Language,
) -> Markup {
    let view = ActivityView {
        language,
        ..activity.view(state)
    };
    results_block(state, &view, &activity.results(state), Audience::Desk)
}

/// The results block for `activity`, whose `results` the caller worked out.
pub fn results_block(
    state: &SessionState,
    view: &ActivityView,
    results: &Results,
    audience: Audience,
) -> Markup {
    results_block_with(state, view, results, audience, &OnceCell::new())
}

/// The same, with the kind's table drawn into `table` once for every
/// audience of a pass that shows it (the phones', and the projector's for
/// screen readers).
pub(super) fn results_block_with(
    state: &SessionState,
    view: &ActivityView,
    results: &Results,
    audience: Audience,
    table: &OnceCell<Markup>,
) -> Markup {
    let lang = view.language;
    let spec = view.spec;
    let label = t!(lang, "results-of", title = spec.title.read_in(lang));
    if results.withheld {
        return html! {
            section.results aria-label=(label) {
                p.notice { (view.says(|l| t!(l, "results-withheld"))) }
            }
        };
    }
    if results.too_few {
        let least = state.workshop().min_group_size;
        return html! {
            section.results aria-label=(label) {
                p.notice { (view.says(|l| t!(l, "results-too-few", least = least))) }
            }
        };
    }
    let kind = kind_of(spec.kind);
    let view = *view;
    html! {
        section.results aria-label=(label) {
            @match audience {
                // A wide table scrolls in its own box, not the page (a data
                // table may need two dimensions: WCAG 1.4.10 allows it).
                Audience::Phone => {
                    div.table-scroll tabindex="0" role="region" aria-label=(t!(lang, "results-table-of", title = spec.title.read_in(lang))) {
                        (table.get_or_init(|| kind.results_html(&view, results)))
                    }
                },
                Audience::Desk => {
                    (kind.chart(&view, results)) (kind.results_html(&view, results))
                    @if let Some((_, activity)) = state.activity(&spec.id) { (counted_from(state, activity, lang)) }
                },
                Audience::Screen => {
                    div.slide aria-hidden="true" { (kind.slide(&view, results)) }
                    div.visually-hidden { (table.get_or_init(|| kind.results_html(&view, results))) }
                },
            }
        }
    }
}

/// Whose answers an anonymous result counts, by name in alphabetical order
/// (who, never how, and no order of answering): a facilitator who let in
/// made-up people to pad a small team, or held real ones, would be seen to
/// have, by the room and in the record.
fn counted_from(
    state: &SessionState,
    activity: &ActivityState,
    lang: crate::language::Language,
) -> Markup {
    if !activity.spec.anonymous || !activity.spec.kind.takes_ballots() {
        return html! {};
    }
    let names: Vec<String> = activity
        .counted_names(state)
        .into_iter()
        .map(|(name, guest)| match guest {
            true => format!("{name} {}", t!(lang, "report-not-on-roster")),
            false => name,
        })
        .collect();
    html! {
        p.counted-from {
            (t!(lang, "report-counted-from", n = names.len(), names = names.join(", ")))
        }
    }
}
