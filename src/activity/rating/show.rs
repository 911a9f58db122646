//! How a rating is shown: a 1-to-5 choice per item on the phone, the mean and
//! spread by item and team.

use super::{Rating, TOP_SCORE};
use crate::activity::show::{scores, slide, ActivityView, Show};
use crate::activity::{GroupResult, Results, Tally};
use crate::t;
use maud::{html, Markup};

impl Show for Rating {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape::choices("scores", "number")
    }

    fn item_word(&self) -> super::super::show::ItemWord {
        super::super::show::ItemWord::Item
    }

    fn over_the_series(&self, results: &Results, item: &str) -> Option<[String; 2]> {
        Some([
            team_mean(&results.cabinet, item),
            team_mean(&results.management, item),
        ])
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let spec = view.spec;
        html! {
            @for item in &spec.options {
                fieldset.item data-item=(item.id) {
                    legend { (view.read(&item.label)) @if !item.detail.is_empty() { span.detail { (view.read(&item.detail)) } } }
                    @for score in 1..=TOP_SCORE {
                        @let input_id = format!("rt-{}-{}-{}", spec.id, item.id, score);
                        span.choice {
                            input type="radio" id=(input_id) name={ "rt-" (item.id) } value=(score);
                            label for=(input_id) { (score) }
                        }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let lang = view.language;
        let value = |t: &Tally, id: &str| match t {
            Tally::Rating(r) => r.items.get(id).map(|s| match (s.mean, s.sd) {
                (Some(m), Some(sd)) => format!("{m:.1} (±{sd:.1}, n={})", s.n),
                _ => t!(lang, "rating-none"),
            }),
            _ => None,
        };
        let caption = t!(lang, "rating-caption");
        scores::table(view, results, &scores::script_order(view), &caption, &value)
    }

    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let value = |t: &Tally, id: &str| match t {
            Tally::Rating(r) => r.items.get(id).and_then(|s| s.mean),
            _ => None,
        };
        let order = scores::script_order(view);
        html! {
            (slide::bars(view, results, &|l| t!(l, "rating-slide-hint"), &order, Some(5.0), &value, &|v| format!("{v:.1}")))
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let value = |t: &Tally, id: &str| match t {
            Tally::Rating(r) => r.items.get(id).map(|s| s.mean.unwrap_or(0.0)),
            _ => None,
        };
        let order = scores::script_order(view);
        let title = t!(view.language, "chart-rating");
        scores::bars(view, results, &order, &title, Some(5.0), &value, |v| {
            format!("{v:.1}")
        })
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let value = |t: &Tally, id: &str| match t {
            Tally::Rating(r) => Some(
                r.items
                    .get(id)
                    .and_then(|s| Some(format!("{:.1} ± {:.1}", s.mean?, s.sd?)))
                    .unwrap_or_else(|| "—".into()),
            ),
            _ => None,
        };
        scores::markdown(
            view,
            results,
            &t!(view.language, "md-item-mean-sd"),
            &value,
            md,
        );
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Rating(t) = &results.all else {
            return html! {};
        };
        html! {
            @for o in &view.spec.options {
                li { (t!(view.language, "highlight-mean", option = view.read(&o.label), mean = t.items.get(&o.id).and_then(|s| s.mean).map_or("—".to_string(), |m| format!("{m:.1}")))) }
            }
        }
    }
}

/// A team's mean score for one item, or why it is hidden (the series' ratings table).
pub fn team_mean(group: &GroupResult, id: &str) -> String {
    match group {
        GroupResult::Shown(Tally::Rating(t)) => t
            .items
            .get(id)
            .and_then(|s| s.mean)
            .map_or("—".into(), |m| format!("{m:.1}")),
        GroupResult::Suppressed { min_group_size, .. } => {
            format!("hidden: a team has fewer than {min_group_size}")
        }
        _ => "—".into(),
    }
}
