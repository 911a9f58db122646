//! How a dot vote is shown: steppers on the phone, dots by option and team.

use super::Dots;
use crate::activity::show::{scores, slide, whole_percent, ActivityView, Show};
use crate::activity::{Comparison, Results, Tally};
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};
use std::fmt::Write;

fn dots(t: &Tally, id: &str) -> Option<u64> {
    match t {
        Tally::Dots(d) => d.totals.get(id).copied(),
        _ => None,
    }
}

/// Options with the most dots first.
fn order<'a>(view: &ActivityView<'a>, results: &'a Results) -> Vec<&'a str> {
    match &results.all {
        Tally::Dots(t) => t.ranked(view.spec).into_iter().map(|(id, _)| id).collect(),
        _ => scores::script_order(view),
    }
}

/// How the teams' dots compare, in words (only when both teams voted).
fn comparison(results: &Results, room: crate::activity::show::Room) -> Markup {
    html! {
        @if let Some(Comparison::Dots { agreement_index, reading }) = &results.comparison {
            p.comparison {
                (room.says(|lang| html! {
                    (t!(lang, "dots-index")) " "
                    strong { (agreement_index.map_or_else(|| t!(lang, "not-available"), |t| format!("{t:.2}"))) } ". " (reading.read_in(lang))
                }))
            }
        }
    }
}

impl Show for Dots {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape {
            field: "dots",
            shape: "counts",
            answer: "",
        }
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let spec = view.spec;
        let budget = spec.dots.unwrap_or(0);
        let cap = spec.max_per_option.unwrap_or(budget);
        let lang = view.language;
        html! {
            p.budget data-budget=(budget) data-cap=(cap) {
                (t!(lang, "dots-left-before")) " " output.left aria-live="polite" { (budget) } " " (t!(lang, "dots-left-after", budget = budget))
                @if cap < budget { " " (t!(lang, "dots-cap", cap = cap)) } "."
            }
            ul.options {
                @for option in &spec.options {
                    @let label_id = format!("opt-{}-{}", spec.id, option.id);
                    li.option data-option=(option.id) {
                        span.label id=(label_id) { (view.read(&option.label)) @if !option.detail.is_empty() { span.detail { (view.read(&option.detail)) } } }
                        span.stepper {
                            button type="button" data-step="-1" aria-label=(t!(lang, "dots-remove", option = view.read(&option.label))) { "−" }
                            output.count aria-labelledby=(label_id) { "0" }
                            button type="button" data-step="1" aria-label=(t!(lang, "dots-add", option = view.read(&option.label))) { "+" }
                        }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let value = |t: &Tally, id: &str| dots(t, id).map(|n| n.to_string());
        html! {
            (scores::table(view, results, &order(view, results), &t!(view.language, "dots-caption"), &value))
            (comparison(results, view.room()))
        }
    }

    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        html! {
            (slide::bars(view, results, &|l| t!(l, "dots-slide-hint"), &order, None, &share, &whole_percent))
            (comparison(results, view.room()))
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        let title = t!(view.language, "chart-dots");
        scores::bars(view, results, &order, &title, None, &share, whole_percent)
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let value = |t: &Tally, id: &str| Some(dots(t, id).unwrap_or(0).to_string());
        scores::markdown(view, results, &t!(view.language, "md-option"), &value, md);
        if let Some(Comparison::Dots {
            agreement_index,
            reading,
        }) = &results.comparison
        {
            let index = agreement_index
                .map_or_else(|| t!(view.language, "not-available"), |t| format!("{t:.2}"));
            let line = t!(
                view.language,
                "md-dots-index",
                index = index,
                reading = reading.read_in(view.language)
            );
            let _ = writeln!(md, "\n{line}");
        }
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Dots(t) = &results.all else {
            return html! {};
        };
        html! { @for (id, n) in t.ranked(view.spec).into_iter().take(5) { li { (t!(view.language, "highlight-dots", option = view.label(id), n = n)) } } }
    }

    fn detail_json(&self, view: &ActivityView, _results: &Results) -> Value {
        json!({ "dots": view.spec.dots, "max_per_option": view.spec.max_per_option })
    }
}

/// An option's share of a team's dots, in percent. Teams of different sizes
/// are drawn side by side by how they spread their dots, not by how many
/// people they have; the table and the exports keep the counts.
fn share(t: &Tally, id: &str) -> Option<f64> {
    let Tally::Dots(d) = t else {
        return None;
    };
    let given: u64 = d.totals.values().sum();
    let n = *d.totals.get(id)?;
    Some(if given == 0 {
        0.0
    } else {
        100.0 * n as f64 / given as f64
    })
}
