//! How a ranking is shown: move-up/move-down on the phone, Borda points by
//! option and team, and Kendall's tau between the teams.

use super::Rank;
use crate::activity::show::{scores, slide, ActivityView, Show};
use crate::activity::{Comparison, Results, Tally};
use crate::t;
use maud::{html, Markup};
use std::fmt::Write;

fn points(t: &Tally, id: &str) -> Option<u64> {
    match t {
        Tally::Rank(r) => r.borda.get(id).copied(),
        _ => None,
    }
}

/// Options with the most points first.
fn order<'a>(view: &ActivityView<'a>, results: &'a Results) -> Vec<&'a str> {
    match &results.all {
        Tally::Rank(t) => t.ranked(view.spec).into_iter().map(|(id, _)| id).collect(),
        _ => scores::script_order(view),
    }
}

/// How the teams' rankings compare, in words (only when both teams voted).
fn comparison(results: &Results, room: crate::activity::show::Room) -> Markup {
    html! {
        @if let Some(Comparison::Rank { kendall_tau, reading }) = &results.comparison {
            p.comparison {
                // The measure stays in the table and exports; the room reads words.
                (room.says(|lang| html! {
                    strong { (t!(lang, "rank-teams")) " " } (reading.read_in(lang))
                    span.visually-hidden { " " (t!(lang, "rank-tau", tau = kendall_tau.map_or_else(|| t!(lang, "rank-tau-none"), |t| format!("{t:+.2}")))) }
                }))
            }
        }
    }
}

impl Show for Rank {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape {
            field: "order",
            shape: "order",
            answer: "",
        }
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let lang = view.language;
        html! {
            p.hint { (t!(lang, "rank-hint")) }
            ol.rank {
                @for option in &view.spec.options {
                    li.option data-option=(option.id) {
                        span.label { (view.read(&option.label)) @if !option.detail.is_empty() { span.detail { (view.read(&option.detail)) } } }
                        span.mover {
                            button type="button" data-move="-1" aria-label=(t!(lang, "rank-up", option = view.read(&option.label))) { "↑" }
                            button type="button" data-move="1" aria-label=(t!(lang, "rank-down", option = view.read(&option.label))) { "↓" }
                        }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let value = |t: &Tally, id: &str| points(t, id).map(|n| n.to_string());
        let caption = t!(view.language, "rank-caption");
        html! {
            (scores::table(view, results, &order(view, results), &caption, &value))
            (comparison(results, view.room()))
        }
    }

    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        let top = top_points(view);
        html! {
            (slide::bars(view, results, &|l| t!(l, "rank-slide-hint", top = top), &order, Some(top as f64), &average, &|v| format!("{v:.1}")))
            (comparison(results, view.room()))
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        let title = t!(view.language, "chart-rank", top = top_points(view));
        let top = Some(top_points(view) as f64);
        scores::bars(view, results, &order, &title, top, &average, |v| {
            format!("{v:.1}")
        })
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let value = |t: &Tally, id: &str| Some(points(t, id).unwrap_or(0).to_string());
        scores::markdown(
            view,
            results,
            &t!(view.language, "md-option-borda"),
            &value,
            md,
        );
        if let Some(Comparison::Rank {
            kendall_tau,
            reading,
        }) = &results.comparison
        {
            let tau = kendall_tau.map_or_else(
                || t!(view.language, "not-available"),
                |t| format!("{t:+.2}"),
            );
            let line = t!(
                view.language,
                "md-rank-tau",
                tau = tau,
                reading = reading.read_in(view.language)
            );
            let _ = writeln!(md, "\n{line}");
        }
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Rank(t) = &results.all else {
            return html! {};
        };
        html! { @for (id, n) in t.ranked(view.spec).into_iter().take(5) { li { (t!(view.language, "highlight-points", option = view.label(id), n = n)) } } }
    }
}

/// What a first place scores: one point for each option below it.
fn top_points(view: &ActivityView) -> usize {
    view.spec.options.len().saturating_sub(1).max(1)
}

/// An option's points per ballot. Teams of different sizes are drawn side by
/// side on the same scale; the table and the exports keep the totals.
fn average(t: &Tally, id: &str) -> Option<f64> {
    let Tally::Rank(r) = t else {
        return None;
    };
    let points = *r.borda.get(id)? as f64;
    Some(if r.ballots == 0 {
        0.0
    } else {
        points / r.ballots as f64
    })
}
