//! What the projector shows of results: slides laid out for a 16:9 screen
//! that fit without scrolling. Text is sized from the screen's height (at
//! least 24 px at 720 lines), long lists are split into pages the projector
//! steps through with its arrow keys, and a team with no ballots is not drawn.
//! The accessible table goes beside each slide for screen readers.

use super::ActivityView;
use crate::activity::{GroupResult, Results, Tally};
use maud::{html, Markup};

/// Options per page of team bars (two columns of six).
pub const BARS_PER_PAGE: usize = 12;

/// A team's tally, if it is shown and has ballots to draw.
pub fn drawn(group: &GroupResult) -> Option<&Tally> {
    group.shown().filter(|t| t.ballots() > 0)
}

/// Items split into pages of `per_page`; the first page shows, the projector's
/// arrow keys show the others.
pub fn pages(class: &str, items: Vec<Markup>, per_page: usize) -> Markup {
    let per_page = per_page.max(1);
    let count = items.len().div_ceil(per_page).max(1);
    html! {
        div.pages data-pages=(count) {
            @for (n, chunk) in items.chunks(per_page).enumerate() {
                ul class={ "page " (class) } data-page=(n + 1) hidden[n > 0] {
                    @for item in chunk { (item) }
                }
            }
            @if count > 1 {
                p.page-count aria-live="polite" { "Page " span.page-now { "1" } " of " (count) span.page-more { " · press → for more" } }
            }
        }
    }
}

/// Bars by team for each option in `order`: cabinet solid, management
/// striped, each with its value written beside it; the room's bar alone when
/// the teams are not shown apart.
pub fn bars(
    view: &ActivityView,
    results: &Results,
    order: &[&str],
    max: Option<f64>,
    value: &dyn Fn(&Tally, &str) -> Option<f64>,
    format: &dyn Fn(f64) -> String,
) -> Markup {
    // Bars of nothing would read as a result.
    if results.all.ballots() == 0 {
        return html! { p.slide-empty { "No votes were cast." } };
    }
    let teams: Vec<(&str, &str, &Tally)> = view
        .team_columns(results)
        .into_iter()
        .filter_map(|team| drawn(team.result).map(|t| (team.name(), team.group.as_str(), t)))
        .collect();
    // One team drawn alone (a cabinet-only workshop) still says whose bars
    // they are; with neither shown apart, the room's bar alone.
    let rows: Vec<(&str, &str, &Tally)> = if teams.is_empty() {
        vec![("All", "all", &results.all)]
    } else {
        teams
    };
    let max = max.unwrap_or_else(|| {
        order
            .iter()
            .flat_map(|id| rows.iter().map(|(_, _, t)| value(t, id).unwrap_or(0.0)))
            .fold(0.0, f64::max)
    });
    let max = if max > 0.0 { max } else { 1.0 };
    let items = order
        .iter()
        .map(|id| {
            html! {
                li.bar-row {
                    span.bar-label { (view.label(id)) }
                    span.bar-set {
                        @for (name, class, tally) in &rows {
                            @let team = crate::workshop::Group::VOTING.iter().find(|g| g.as_str() == *class).copied();
                            @let why = super::scores::item_hidden(results, id, team);
                            @let v = value(tally, id).unwrap_or(0.0);
                            span class={ "bar-line " (class) } {
                                span.bar-team { (name) }
                                @if let Some(why) = why {
                                    // Too few answered it to draw: no bar, said in words.
                                    span.bar-track {}
                                    span.bar-value { (why) }
                                } @else {
                                    span.bar-track { span class={ "bar w" (percent(v, max)) } {} }
                                    span.bar-value { (format(v)) }
                                }
                            }
                        }
                    }
                }
            }
        })
        .collect();
    let hidden = [&results.cabinet, &results.management]
        .iter()
        .find_map(|g| match g {
            GroupResult::Suppressed { min_group_size, .. } => Some(*min_group_size),
            _ => None,
        });
    html! {
        @if let Some(least) = hidden {
            p.slide-hint { "The whole room only: teams are shown apart once each has at least " (least) " ballots, so nobody's answers can be picked out." }
        }
        @if rows.len() > 1 || rows[0].1 != "all" {
            p.legend {
                @for (name, class, _) in &rows { span class={ "swatch " (class) } {} (name) }
            }
        }
        (pages("bars", items, BARS_PER_PAGE))
    }
}

/// A bar's width in whole percent of the longest, for its `wN` class (the
/// Content-Security-Policy allows no inline style).
fn percent(value: f64, max: f64) -> u8 {
    if max > 0.0 {
        (100.0 * value / max).round().clamp(0.0, 100.0) as u8
    } else {
        0
    }
}
