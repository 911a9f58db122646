//! How a matrix is shown: two choices per item on the phone (across and up,
//! 1 to 5), and each team's mean point per item as a table, a grid, and the
//! items where the teams' points lie furthest apart.

use super::chart;
use super::{gap, Matrix, TOP};
use crate::activity::show::scores::{self, item_hidden};
use crate::activity::show::{one_decimal, slide, ActivityView, FormShape, Show};
use crate::activity::{ActivitySpec, Group};
use crate::activity::{GroupResult, Results, Tally};
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::fmt::Write;

fn axes(spec: &ActivitySpec, language: crate::language::Language) -> (Cow<'_, str>, Cow<'_, str>) {
    axes_as(spec, |t| t.read_in(language).into())
}

/// The axes' names as `read` words each (the slide's: both languages on a
/// bilingual projector).
fn axes_as<'s>(
    spec: &'s ActivitySpec,
    read: impl Fn(&'s crate::language::Text) -> Cow<'s, str>,
) -> (Cow<'s, str>, Cow<'s, str>) {
    let axis =
        |name, otherwise: &'static str| spec.text_setting(name).map_or(otherwise.into(), &read);
    (axis("x_axis", "Across"), axis("y_axis", "Up"))
}

/// Characters a line of the key holds beside the grid, on the narrowest
/// projector the slides are made for; and the lines the key may fill there
/// (the legend and the widest gaps take the rest).
const KEY_LINE: usize = 36;
const KEY_LINES: usize = 13;

/// "across 3.2, up 4.1 (n=5)".
fn cell(t: &Tally, id: &str, lang: crate::language::Language) -> Option<String> {
    let Tally::Matrix(m) = t else {
        return None;
    };
    let p = m.items.get(id)?;
    Some(match p.mean() {
        Some((x, y)) => crate::t!(
            lang,
            "matrix-cell",
            x = one_decimal(x),
            y = one_decimal(y),
            n = p.n
        ),
        None => crate::t!(lang, "matrix-not-placed"),
    })
}

/// Items where both teams' points may be shown, furthest apart first.
fn gaps<'a>(view: &ActivityView<'a>, results: &Results) -> Vec<(&'a str, f64)> {
    let of = |g: &GroupResult| match g {
        GroupResult::Shown(Tally::Matrix(m)) => Some(m.clone()),
        _ => None,
    };
    let (Some(c), Some(m)) = (of(&results.cabinet), of(&results.management)) else {
        return Vec::new();
    };
    let mut out: Vec<(&str, f64)> = view
        .spec
        .options
        .iter()
        .filter(|o| item_hidden(results, &o.id, Some(Group::Cabinet)).is_none())
        .filter_map(|o| {
            Some((
                view.read(&o.label),
                gap(c.items.get(&o.id)?, m.items.get(&o.id)?)?,
            ))
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

impl Show for Matrix {
    fn form_shape(&self) -> FormShape {
        FormShape::choices("points", "point")
    }

    fn item_word(&self) -> super::super::show::ItemWord {
        super::super::show::ItemWord::Item
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let spec = view.spec;
        let (x_axis, y_axis) = axes(spec, view.language);
        html! {
            p.hint { (t!(view.language, "matrix-hint", x = x_axis.as_ref(), y = y_axis.as_ref())) }
            @for item in &spec.options {
                fieldset.item.point data-item=(item.id) {
                    legend { (view.read(&item.label)) @if !item.detail.is_empty() { span.detail { (view.read(&item.detail)) } } }
                    @for (axis, name) in [("x", x_axis.as_ref()), ("y", y_axis.as_ref())] {
                        @let id = format!("mx-{}-{}-{}", spec.id, item.id, axis);
                        span.axis {
                            label for=(id) { (name) }
                            select id=(id) data-axis=(axis) {
                                option value="" { (t!(view.language, "matrix-choose")) }
                                @for v in 1..=TOP { option value=(v) { (v) } }
                            }
                        }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let (x_axis, y_axis) = axes(view.spec, view.language);
        let lang = view.language;
        let caption = t!(lang, "matrix-caption", x = x_axis, y = y_axis);
        let gaps = gaps(view, results);
        let cell = |t: &Tally, id: &str| cell(t, id, lang);
        html! {
            (scores::table(view, results, &scores::script_order(view), &caption, &cell))
            @if !gaps.is_empty() {
                h4 { (t!(lang, "matrix-differ")) }
                ol.gaps {
                    @for (label, gap) in gaps.iter().take(5) {
                        li { (t!(lang, "matrix-gap", item = *label, gap = one_decimal(*gap))) }
                    }
                }
            }
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let (x_axis, y_axis) = axes(view.spec, view.language);
        let marks = chart::marks(view, results);
        if marks.is_empty() {
            return html! {};
        }
        html! {
            figure.chart.matrix-figure aria-hidden="true" {
                (chart::grid(&x_axis, &y_axis, &marks))
                (chart::legend(&marks, view.room()))
                ol.matrix-key { @for o in &view.spec.options { li { (view.read(&o.label)) } } }
            }
        }
    }

    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        // The axes as the room reads them (both languages, when bilingual).
        let (x_axis, y_axis) = axes_as(view.spec, |t| view.shown_text(t));
        let marks = chart::marks(view, results);
        if results.all.ballots() == 0 {
            return html! { p.slide-empty { (view.says(|l| t!(l, "slide-no-votes"))) } };
        }
        // Every label whole: the key pages when the labels are long, and the
        // grid shows every item on each page.
        let key: Vec<(Markup, usize)> = view
            .spec
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let hidden = item_hidden(results, &o.id, None).is_some();
                let text = format!("{}. {}", i + 1, view.shown_text(&o.label));
                let lines = slide::lines_of(&text, KEY_LINE) + usize::from(hidden);
                let item = html! {
                    li { (i + 1) ". " (view.shown(&o.label)) @if hidden { span.gap { " " (view.says(|l| t!(l, "matrix-too-few"))) } } }
                };
                (item, lines)
            })
            .collect();
        // The legend and the widest gaps in two languages take two more.
        let key_lines = KEY_LINES - 2 * usize::from(view.bilingual);
        let gaps = gaps(view, results);
        let widest: Vec<String> = gaps
            .iter()
            .take(3)
            .filter(|(_, g)| *g > 0.0)
            .filter_map(|(label, g)| {
                let n = view
                    .spec
                    .options
                    .iter()
                    .position(|o| view.read(&o.label) == *label)?
                    + 1;
                Some(format!("{n} ({})", one_decimal(*g)))
            })
            .collect();
        html! {
            div.matrix-slide {
                (chart::grid(&x_axis, &y_axis, &marks))
                div.matrix-side {
                    (chart::legend(&marks, view.room()))
                    (slide::pages_within("matrix-key", key, 1, key_lines, view.room()))
                    @if !widest.is_empty() {
                        p.gaps { (view.says(|l| t!(l, "matrix-furthest"))) " " (widest.join(", ")) }
                    }
                }
            }
        }
    }

    fn print_figure(&self, view: &ActivityView, results: &Results) -> Option<String> {
        let (x_axis, y_axis) = axes(view.spec, view.language);
        let marks = chart::marks(view, results);
        (!marks.is_empty()).then(|| chart::grid(&x_axis, &y_axis, &marks).into_string())
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let (x_axis, y_axis) = axes(view.spec, view.language);
        let _ = writeln!(
            md,
            "{}\n",
            t!(view.language, "md-axes", x = x_axis, y = y_axis)
        );
        // The grid numbers the items, and draws each team by a shape.
        let key: Vec<String> = view
            .spec
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                format!(
                    "{} {}",
                    i + 1,
                    crate::activity::show::md_escape(view.read(&o.label))
                )
            })
            .collect();
        let _ = writeln!(
            md,
            "{}\n",
            t!(view.language, "md-grid-key", key = key.join("; "))
        );
        let _ = writeln!(md, "{}\n", t!(view.language, "md-grid-marks"));
        let cell = |t: &Tally, id: &str| cell(t, id, view.language);
        scores::markdown(view, results, &t!(view.language, "md-item-mean"), &cell, md);
        let gaps = gaps(view, results);
        if !gaps.is_empty() {
            let _ = writeln!(md, "\n{}", t!(view.language, "md-differ-most"));
            for (label, gap) in gaps.iter().take(5) {
                let label = crate::activity::show::md_escape(label);
                let line = t!(
                    view.language,
                    "md-gap",
                    item = label,
                    gap = one_decimal(*gap)
                );
                let _ = writeln!(md, "- {line}");
            }
        }
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        html! {
            @for o in view.spec.options.iter().take(5) {
                @if item_hidden(results, &o.id, None).is_none() {
                    @if let Some(text) = cell(&results.all, &o.id, view.language) { li { (view.read(&o.label)) " — " (text) } }
                }
            }
        }
    }

    fn detail_json(&self, view: &ActivityView, _results: &Results) -> Value {
        let (x_axis, y_axis) = axes(view.spec, view.language);
        json!({ "x_axis": x_axis, "y_axis": y_axis })
    }
}
