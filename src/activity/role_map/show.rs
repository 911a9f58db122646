//! How a role map is shown: three choices per responsibility on the phone;
//! where the room places each one, by team, in a table and in the picture of
//! two overlapping circles; the responsibilities the teams see differently.

use super::{Placement, RoleMap};
use crate::activity::show::charts::{overlap_picture, Placed};
use crate::activity::show::{answers_from, md_escape, scores, slide, ActivityView, Show};
use crate::activity::{Comparison, GroupResult, Results, Tally};
use crate::language::text;
use crate::t;
use maud::{html, Markup, Render};
use std::fmt::Write;

fn counts(t: &Tally, id: &str) -> Option<String> {
    match t {
        Tally::RoleMap(r) => r
            .items
            .get(id)
            .map(|c| format!("{} / {} / {}", c.members, c.joint, c.officers)),
        _ => None,
    }
}

/// The responsibilities the two teams place differently.
fn contested(results: &Results) -> Vec<&str> {
    match &results.comparison {
        Some(Comparison::RoleMap { contested }) => {
            contested.iter().map(|c| c.item.as_str()).collect()
        }
        _ => Vec::new(),
    }
}

/// Characters a responsibility's line holds on the slide, beside the two
/// teams' placements, on the narrowest screen.
const ROLE_LINE: usize = 33;
/// Characters a placement's column holds on one line of the slide.
const PLACE_LINE: usize = 16;
/// Characters the narrow column saying the teams differ holds on a line.
const DIFFER_LINE: usize = 10;

impl Show for RoleMap {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape::choices("placements", "text")
    }

    fn item_word(&self) -> super::super::show::ItemWord {
        super::super::show::ItemWord::Responsibility
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let choices = [Placement::Members, Placement::Joint, Placement::Officers];
        let spec = view.spec;
        html! {
            @for item in &spec.options {
                fieldset.item data-item=(item.id) {
                    legend { (view.read(&item.label)) }
                    @for p in choices {
                        @let value = crate::activity::kind::wire_name(&p);
                        @let input_id = format!("rm-{}-{}-{}", spec.id, item.id, value);
                        span.choice {
                            input type="radio" id=(input_id) name={ "rm-" (item.id) } value=(value);
                            label for=(input_id) { (p.name(view.language)) }
                        }
                    }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::RoleMap(all) = &results.all else {
            return html! {};
        };
        let lang = view.language;
        let team = |g: &GroupResult, id: &str| scores::team_cell(g, lang, |t| counts(t, id));
        let teams = view.table_columns(results);
        html! {
            table.role-map {
                caption { (t!(lang, "role-caption", answers = answers_from(all.ballots, lang))) }
                thead { tr { th scope="col" { (t!(lang, "role-responsibility")) } th scope="col" { (t!(lang, "role-room-places")) } @for t in &teams { th scope="col" { (t.heading(lang)) } } } }
                tbody {
                    @for o in &view.spec.options {
                        @let modal = all.items.get(&o.id).and_then(|c| c.modal());
                        tr {
                            th scope="row" { (view.read(&o.label)) }
                            td {
                                @if let Some(why) = scores::item_hidden(results, &o.id, None) { span.hidden-group { (text(lang, why)) } }
                                @else { (modal.map_or_else(|| t!(lang, "role-not-placed"), |p| p.name(lang))) }
                            }
                            @for t in &teams { td {
                                @if let Some(why) = scores::item_hidden(results, &o.id, Some(t.group)) { span.hidden-group { (text(lang, why)) } }
                                @else { (team(t.result, &o.id)) }
                            } }
                        }
                    }
                }
            }
            @if let Some(Comparison::RoleMap { contested }) = &results.comparison {
                @if contested.is_empty() {
                    p.comparison { (t!(lang, "role-alike")) }
                } @else {
                    p.comparison { (t!(lang, "role-differ")) }
                    ul.contested {
                        @for item in contested {
                            li {
                                strong { (view.label(&item.item)) }
                                ": " (t!(lang, "role-means", cabinet = format!("{:.1}", item.cabinet_mean), management = format!("{:.1}", item.management_mean)))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A row per responsibility: where each team places it, side by side,
    /// in words, and "the teams differ" where they do; every label whole, as
    /// many rows to a page as fit. One team alone, or teams not shown
    /// apart, give the room's placement.
    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::RoleMap(all) = &results.all else {
            return html! {};
        };
        if all.ballots == 0 {
            return html! { p.slide-empty { (view.says(|l| t!(l, "role-nobody-placed"))) } };
        }
        let contested = contested(results);
        let teams: Vec<(Markup, Option<crate::activity::Group>, &Tally)> = view
            .team_columns(results)
            .into_iter()
            .filter_map(|t| {
                slide::drawn(t.result)
                    .map(|tally| (view.says(|l| t.name(l)).render(), Some(t.group), tally))
            })
            .collect();
        let columns = if teams.is_empty() {
            vec![(
                view.says(|l| t!(l, "team-short-room")).render(),
                None,
                &results.all,
            )]
        } else {
            teams
        };
        let placed = |tally: &Tally, id: &str| match tally {
            Tally::RoleMap(r) => r.items.get(id).and_then(|c| c.modal()),
            _ => None,
        };
        let items = view
            .spec
            .options
            .iter()
            .map(|o| {
                let differ = contested.contains(&o.id.as_str());
                let item = html! {
                    li.role-row.contested[differ] {
                        span.role-label { (view.shown(&o.label)) }
                        @for (name, team, tally) in &columns {
                            span.role-place {
                                span.visually-hidden { (name) ": " }
                                @if let Some(why) = scores::item_hidden(results, &o.id, *team) { span.hidden-group { (view.says(|l| text(l, why))) } }
                                @else if let Some(place) = placed(tally, &o.id) { (view.says(|l| place.name(l))) }
                                @else { span.not-placed { (view.says(|l| t!(l, "role-not-placed"))) } }
                            }
                        }
                        @if !contested.is_empty() {
                            // Two languages would not fit the narrow column:
                            // a sign, which the note below says in both.
                            span.role-differ { @if differ { @if view.bilingual { "≠" } @else { (t!(view.language, "role-teams-differ")) } } }
                        }
                    }
                };
                // The row is as tall as its label as shown, or a placement
                // that wraps in its column ("Swyddogion yn arwain"), or the
                // teams differing said in both languages.
                let places = columns
                    .iter()
                    .filter_map(|(_, _, tally)| placed(tally, &o.id))
                    .map(|place| slide::lines_of(&view.says_text(|l| place.name(l)), PLACE_LINE))
                    .max()
                    .unwrap_or(1);
                let differs = if differ && !view.bilingual {
                    slide::lines_of(&t!(view.language, "role-teams-differ"), DIFFER_LINE)
                } else {
                    1
                };
                let label = slide::lines_of(&view.shown_text(&o.label), ROLE_LINE);
                (item, label.max(places).max(differs))
            })
            .collect();
        // The note under a contested map takes its lines (two, or four in
        // two languages), and headings that wrap take a line more.
        let hint = match contested.is_empty() {
            true => 0,
            false => slide::lines_of(
                &view.says_text(|l| t!(l, "role-differ-hint")),
                slide::FULL_LINE,
            ),
        };
        let head = view
            .team_columns(results)
            .iter()
            .map(|t| slide::lines_of(&view.says_text(|l| t.name(l)), PLACE_LINE))
            .chain([slide::lines_of(
                &view.says_text(|l| t!(l, "role-responsibility")),
                ROLE_LINE,
            )])
            .max()
            .unwrap_or(1);
        let budget = slide::SLIDE_LINES.saturating_sub(hint + head - 1).max(4);
        html! {
            p.role-head aria-hidden="true" {
                span.role-label { (view.says(|l| t!(l, "role-responsibility"))) }
                @for (name, _, _) in &columns { span.role-place { (name) } }
                @if !contested.is_empty() { span.role-differ {} }
            }
            (slide::pages_within("role-rows", items, 1, budget, view.room()))
            @if !contested.is_empty() {
                p.slide-hint { @if view.bilingual { "≠ " } (view.says(|l| t!(l, "role-differ-hint"))) }
            }
        }
    }

    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::RoleMap(all) = &results.all else {
            return html! {};
        };
        let contested = contested(results);
        let placed: Vec<Placed> = view
            .spec
            .options
            .iter()
            .filter_map(|o| {
                let placement = all.items.get(&o.id)?.modal()?;
                Some(Placed {
                    label: view.read(&o.label),
                    placement,
                    contested: contested.contains(&o.id.as_str()),
                })
            })
            .collect();
        overlap_picture(&placed, view.language)
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let value = |t: &Tally, id: &str| Some(counts(t, id).unwrap_or_default());
        let heading = t!(view.language, "md-responsibility");
        scores::markdown(view, results, &heading, &value, md);
        if let Some(Comparison::RoleMap { contested }) = &results.comparison {
            if !contested.is_empty() {
                let _ = writeln!(md, "\n{}\n", t!(view.language, "md-contested"));
                for c in contested {
                    let line = t!(
                        view.language,
                        "md-contested-item",
                        item = md_escape(view.label(&c.item)),
                        cabinet = format!("{:.1}", c.cabinet_mean),
                        management = format!("{:.1}", c.management_mean)
                    );
                    let _ = writeln!(md, "- {line}");
                }
            }
        }
    }
}
