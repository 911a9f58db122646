//! How a poll is shown: a choice of options on the phone (radio buttons, or
//! checkboxes when more than one may be chosen), and the share of each
//! team's voters who chose each option.

use super::{most_choices, Poll};
use crate::activity::show::{scores, slide, whole_percent, ActivityView, FormShape, Show};
use crate::activity::{Results, Tally};
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};

fn count(t: &Tally, id: &str) -> Option<u64> {
    match t {
        Tally::Poll(p) => p.counts.get(id).copied(),
        _ => None,
    }
}

/// The share of a team's voters who chose the option, in percent.
fn share(t: &Tally, id: &str) -> Option<f64> {
    match t {
        Tally::Poll(p) => p.share(id),
        _ => None,
    }
}

/// Options most chosen first.
fn order<'a>(view: &ActivityView<'a>, results: &'a Results) -> Vec<&'a str> {
    match &results.all {
        Tally::Poll(t) => t.ranked(view.spec).into_iter().map(|(id, _)| id).collect(),
        _ => scores::script_order(view),
    }
}

/// "3 (60%)": how many chose it and what share of the voters that is;
/// "no votes" for a team none of whose members voted.
fn count_and_share(t: &Tally, id: &str, lang: crate::language::Language) -> Option<String> {
    if t.ballots() == 0 {
        return Some(crate::t!(lang, "poll-no-votes"));
    }
    Some(format!(
        "{} ({})",
        count(t, id)?,
        whole_percent(share(t, id)?)
    ))
}

impl Show for Poll {
    fn form_shape(&self) -> FormShape {
        FormShape {
            field: "choices",
            shape: "pick",
            answer: "",
        }
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let spec = view.spec;
        let most = most_choices(spec);
        let input = if most == 1 { "radio" } else { "checkbox" };
        html! {
            fieldset.pick data-most=(most) {
                legend { @if most == 1 { (t!(view.language, "poll-choose-one")) } @else { (t!(view.language, "poll-choose-up-to", most = most)) } }
                @for option in &spec.options {
                    @let input_id = format!("pk-{}-{}", spec.id, option.id);
                    span.choice.whole {
                        input type=(input) id=(input_id) name={ "pick-" (spec.id) } value=(option.id);
                        label for=(input_id) { (view.read(&option.label)) @if !option.detail.is_empty() { span.detail { (view.read(&option.detail)) } } }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let lang = view.language;
        let caption = t!(lang, "poll-caption");
        scores::table(
            view,
            results,
            &order(view, results),
            &caption,
            &|t: &Tally, id: &str| count_and_share(t, id, lang),
        )
    }

    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        html! {
            (slide::bars(view, results, &|l| t!(l, "poll-slide-hint"), &order, Some(100.0), &share, &whole_percent))
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let order = order(view, results);
        let title = t!(view.language, "chart-poll");
        scores::bars(
            view,
            results,
            &order,
            &title,
            Some(100.0),
            &share,
            whole_percent,
        )
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        scores::markdown(
            view,
            results,
            &t!(view.language, "md-option-share"),
            &|t: &Tally, id: &str| count_and_share(t, id, view.language),
            md,
        );
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Poll(t) = &results.all else {
            return html! {};
        };
        html! {
            @for (id, _) in t.ranked(view.spec).into_iter().take(5) {
                li { (view.label(id)) " (" (count_and_share(&results.all, id, view.language).unwrap_or_default()) ")" }
            }
        }
    }

    fn detail_json(&self, view: &ActivityView, _results: &Results) -> Value {
        json!({ "max_choices": most_choices(view.spec) })
    }
}
