//! The table most kinds share: one row per option, a column for the room and
//! one per team, a team's cell saying why it is hidden when it is. Its
//! Markdown twin and the team bars above it read the same values.

use super::charts::{team_bars, BarRow};
use super::{answers_from, md_escape, ActivityView};
use crate::activity::Group;
use crate::activity::{GroupResult, Results, Tally};
use crate::language::{text, Language};
use crate::t;
use maud::{html, Markup};
use std::fmt::Write;

/// A kind's value for one option in one tally, as text.
pub type Cell<'f> = &'f dyn Fn(&Tally, &str) -> Option<String>;

/// A team's cell: its value, or why it is hidden.
pub fn team_cell(
    group: &GroupResult,
    language: Language,
    value: impl Fn(&Tally) -> Option<String>,
) -> Markup {
    match group {
        GroupResult::Shown(t) => html! { (value(t).unwrap_or_else(|| "0".into())) },
        GroupResult::Suppressed { min_group_size, .. } => {
            html! { span.hidden-group { (t!(language, "team-hidden", least = *min_group_size)) } }
        }
        GroupResult::None => html! { "—" },
    }
}

/// Why an item's counts are not shown in a column (the room's, or a
/// team's), if they are not: too few answered it in an anonymous activity.
/// The reason is a catalogue key, for the reader's language.
pub fn item_hidden(results: &Results, id: &str, team: Option<Group>) -> Option<&'static str> {
    if results.hidden_items.contains(id) {
        Some("item-hidden")
    } else if team.is_some() && results.room_only_items.contains(id) {
        Some("item-hidden-team")
    } else {
        None
    }
}

/// The table, rows in `order` (option ids).
pub fn table(
    view: &ActivityView,
    results: &Results,
    order: &[&str],
    caption: &str,
    value: Cell,
) -> Markup {
    let teams = view.table_columns(results);
    let lang = view.language;
    let answers = answers_from(results.all.ballots(), lang);
    html! {
        table.scores {
            caption { (t!(lang, "table-by-option", caption = caption, answers = answers)) }
            thead { tr { th scope="col" { (t!(lang, "column-option")) } th scope="col" { (t!(lang, "column-all")) } @for t in &teams { th scope="col" { (t.heading(lang)) } } } }
            tbody {
                @for id in order {
                    tr {
                        th scope="row" { (view.label(id)) }
                        td {
                            @if let Some(why) = item_hidden(results, id, None) { span.hidden-group { (text(lang, why)) } }
                            @else { (value(&results.all, id).unwrap_or_else(|| "0".into())) }
                        }
                        @for team in &teams { td {
                            @if let Some(why) = item_hidden(results, id, Some(team.group)) { span.hidden-group { (text(lang, why)) } }
                            @else { (team_cell(team.result, lang, |t| value(t, id))) }
                        } }
                    }
                }
            }
        }
    }
}

/// Bars by team for the options in `order`, scaled to `max` (or the largest
/// value when `None`).
pub fn bars(
    view: &ActivityView,
    results: &Results,
    order: &[&str],
    title: &str,
    max: Option<f64>,
    value: &dyn Fn(&Tally, &str) -> Option<f64>,
    format: impl Fn(f64) -> String,
) -> Markup {
    // A team with no ballots has no bar to draw, not a bar of zero.
    let teams: Vec<_> = view
        .team_columns(results)
        .into_iter()
        .filter(|team| !matches!(team.result, GroupResult::Shown(t) if t.ballots() == 0))
        .collect();
    let rows: Vec<BarRow> = order
        .iter()
        .map(|id| BarRow {
            label: view.label(id),
            teams: teams
                .iter()
                .map(|team| {
                    let shown = item_hidden(results, id, Some(team.group)).is_none();
                    let v = team
                        .result
                        .shown()
                        .filter(|_| shown)
                        .and_then(|t| value(t, id));
                    (team.group, v)
                })
                .collect(),
        })
        .collect();
    let max = max.unwrap_or_else(|| {
        rows.iter()
            .flat_map(|r| r.teams.iter().filter_map(|(_, v)| *v))
            .fold(0.0, f64::max)
    });
    team_bars(title, &rows, max, format, view.language)
}

/// The same table in Markdown, rows in script order.
pub fn markdown(
    view: &ActivityView,
    results: &Results,
    heading: &str,
    value: Cell,
    md: &mut String,
) {
    let lang = view.language;
    let team = |g: &GroupResult, id: &str| match g {
        GroupResult::Shown(_) if item_hidden(results, id, Some(Group::Cabinet)).is_some() => {
            item_hidden(results, id, Some(Group::Cabinet))
                .map(|why| text(lang, why))
                .unwrap_or_default()
        }
        GroupResult::Shown(t) => value(t, id).unwrap_or_default(),
        GroupResult::Suppressed { min_group_size, .. } => {
            t!(lang, "md-team-hidden", least = *min_group_size)
        }
        GroupResult::None => "—".to_string(),
    };
    let teams = view.table_columns(results);
    let names: String = teams
        .iter()
        .map(|t| format!(" {} |", t.name(lang)))
        .collect();
    let rule = "---|".repeat(teams.len() + 2);
    let all = t!(lang, "column-all");
    let _ = writeln!(md, "| {heading} | {all} |{names}\n|{rule}");
    for o in &view.spec.options {
        let cells: String = teams
            .iter()
            .map(|t| format!(" {} |", team(t.result, &o.id)))
            .collect();
        let _ = writeln!(
            md,
            "| {} | {} |{cells}",
            md_escape(view.read(&o.label)),
            item_hidden(results, &o.id, None)
                .map(|why| text(lang, why))
                .or_else(|| value(&results.all, &o.id))
                .unwrap_or_default(),
        );
    }
}

/// Option ids in script order.
pub fn script_order<'a>(view: &ActivityView<'a>) -> Vec<&'a str> {
    view.spec.options.iter().map(|o| o.id.as_str()).collect()
}
