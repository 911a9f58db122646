//! Results of each kind as accessible HTML tables, everyone and by group.

use super::charts::{overlap_picture, team_bars, BarRow, Placed};
use crate::activity::agreement::Outcome;
use crate::activity::role_map::Placement;
use crate::activity::{Comparison, GroupResult, Results, Tally};
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
    html! {
        section.results aria-label={ "Results: " (activity.spec.title) } {
            @if with_chart { (chart(activity, results)) }
            @match &results.all {
                Tally::Dots(_) => (scores_table(activity, results, "Dots", |t, id| match t { Tally::Dots(d) => d.totals.get(id).map(|n| n.to_string()), _ => None })),
                Tally::Rank(_) => (scores_table(activity, results, "Points (first place scores most)", |t, id| match t { Tally::Rank(r) => r.borda.get(id).map(|n| n.to_string()), _ => None })),
                Tally::Rating(_) => (scores_table(activity, results, "Mean score out of 5 (spread)", |t, id| match t {
                    Tally::Rating(r) => r.items.get(id).map(|s| match (s.mean, s.sd) {
                        (Some(m), Some(sd)) => format!("{m:.1} (±{sd:.1}, n={})", s.n),
                        _ => "no scores".to_string(),
                    }),
                    _ => None,
                })),
                Tally::RoleMap(_) => (role_map_table(activity, results)),
                Tally::Agreement(_) => (agreement_list(state, activity, results)),
                Tally::Ideas(ideas) => {
                    p { (ideas.ideas.len()) " ideas from " (ideas.ballots) " people." }
                    ul.ideas {
                        @for idea in &ideas.ideas {
                            li {
                                (idea.text)
                                @if let Some(g) = idea.group { " " span.tag { "(" (group_label(g.as_str())) ")" } }
                                @if idea.merged > 0 { " " span.tag { "+" (idea.merged) " merged" } }
                            }
                        }
                    }
                }
                Tally::Notes { notes } => {
                    ul.notes {
                        @for n in notes {
                            li {
                                strong { (n.kind.label()) ": " } (n.text)
                                @if let Some(owner) = &n.owner { " — " (owner) }
                                @if let Some(due) = &n.due { ", by " (due) }
                            }
                        }
                    }
                }
            }
            @if let Some(c) = &results.comparison { (comparison(activity, c)) }
        }
    }
}

/// The chart that goes above the table, for the kinds that have one.
fn chart(activity: &ActivityState, results: &Results) -> Markup {
    let value = |g: &GroupResult, id: &str| -> Option<f64> {
        match g.shown()? {
            Tally::Dots(t) => t.totals.get(id).map(|n| *n as f64),
            Tally::Rank(t) => t.borda.get(id).map(|n| *n as f64),
            Tally::Rating(t) => t.items.get(id).map(|s| s.mean.unwrap_or(0.0)),
            _ => None,
        }
    };
    let rows: Vec<BarRow> = ordered(activity, &results.all)
        .into_iter()
        .map(|(id, label)| BarRow {
            label,
            cabinet: value(&results.cabinet, id),
            management: value(&results.management, id),
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|r| [r.cabinet, r.management])
        .flatten()
        .fold(0.0, f64::max);
    match &results.all {
        Tally::Dots(_) => team_bars("Dots by team", &rows, max, |v| format!("{v:.0}")),
        Tally::Rank(_) => team_bars("Points by team (higher = ranked higher)", &rows, max, |v| {
            format!("{v:.0}")
        }),
        Tally::Rating(_) => team_bars("Mean score by team (out of 5)", &rows, 5.0, |v| {
            format!("{v:.1}")
        }),
        Tally::RoleMap(all) => {
            let contested: Vec<&str> = match &results.comparison {
                Some(Comparison::RoleMap { contested }) => {
                    contested.iter().map(|c| c.item.as_str()).collect()
                }
                _ => Vec::new(),
            };
            let placed: Vec<Placed> = activity
                .spec
                .options
                .iter()
                .filter_map(|o| {
                    let placement = all.items.get(&o.id)?.modal()?;
                    Some(Placed {
                        label: &o.label,
                        placement,
                        contested: contested.contains(&o.id.as_str()),
                    })
                })
                .collect();
            overlap_picture(&placed)
        }
        _ => html! {},
    }
}

fn group_label(group: &str) -> &'static str {
    match group {
        "cabinet" => "Cabinet",
        "management" => "Management team",
        _ => "Observer",
    }
}

/// A cell for one group: its value, or why it is hidden.
fn cell(group: &GroupResult, value: impl Fn(&Tally) -> Option<String>) -> Markup {
    match group {
        GroupResult::Shown(t) => html! { (value(t).unwrap_or_else(|| "0".into())) },
        GroupResult::Suppressed { min_group_size, .. } => {
            html! { span.hidden-group { "hidden: a team has fewer than " (min_group_size) " ballots" } }
        }
        GroupResult::None => html! { "—" },
    }
}

fn scores_table(
    activity: &ActivityState,
    results: &Results,
    measure: &str,
    value: impl Fn(&Tally, &str) -> Option<String>,
) -> Markup {
    html! {
        table.scores {
            caption { (measure) " by option (" (ballots(results.all.ballots())) ")" }
            thead { tr { th scope="col" { "Option" } th scope="col" { "All" } th scope="col" { "Cabinet" } th scope="col" { "Management" } } }
            tbody {
                @for (id, label) in ordered(activity, &results.all) {
                    tr {
                        th scope="row" { (label) }
                        td { (value(&results.all, id).unwrap_or_else(|| "0".into())) }
                        td { (cell(&results.cabinet, |t| value(t, id))) }
                        td { (cell(&results.management, |t| value(t, id))) }
                    }
                }
            }
        }
    }
}

/// Options best first where the kind has a score, else in script order.
fn ordered<'a>(activity: &'a ActivityState, all: &'a Tally) -> Vec<(&'a str, &'a str)> {
    let spec = &activity.spec;
    let ids: Vec<&str> = match all {
        Tally::Dots(t) => t.ranked(spec).into_iter().map(|(id, _)| id).collect(),
        Tally::Rank(t) => t.ranked(spec).into_iter().map(|(id, _)| id).collect(),
        _ => spec.options.iter().map(|o| o.id.as_str()).collect(),
    };
    ids.into_iter()
        .filter_map(|id| spec.option(id).map(|o| (o.id.as_str(), o.label.as_str())))
        .collect()
}

fn role_map_table(activity: &ActivityState, results: &Results) -> Markup {
    let Tally::RoleMap(all) = &results.all else {
        return html! {};
    };
    let counts = |g: &GroupResult, id: &str| {
        cell(g, |t| match t {
            Tally::RoleMap(r) => r
                .items
                .get(id)
                .map(|c| format!("{} / {} / {}", c.members, c.joint, c.officers)),
            _ => None,
        })
    };
    html! {
        table.role-map {
            caption { "Who leads: members / joint / officers (" (ballots(all.ballots)) ")" }
            thead { tr { th scope="col" { "Responsibility" } th scope="col" { "The room places it" } th scope="col" { "Cabinet" } th scope="col" { "Management" } } }
            tbody {
                @for o in &activity.spec.options {
                    @let modal = all.items.get(&o.id).and_then(|c| c.modal());
                    tr {
                        th scope="row" { (o.label) }
                        td { (modal.map_or("not placed", Placement::label)) }
                        td { (counts(&results.cabinet, &o.id)) }
                        td { (counts(&results.management, &o.id)) }
                    }
                }
            }
        }
    }
}

fn agreement_list(state: &SessionState, activity: &ActivityState, results: &Results) -> Markup {
    let Tally::Agreement(all) = &results.all else {
        return html! {};
    };
    let voters: usize = activity.turnout(state).iter().map(|t| t.eligible).sum();
    html! {
        ol.statements {
            @for o in &activity.spec.options {
                @let t = all.items.get(&o.id).cloned().unwrap_or_default();
                @let versions = activity.statements.get(&o.id).map_or(&[][..], Vec::as_slice);
                @let outcome = activity.outcome(state, &o.id);
                li.statement {
                    @if let Some(current) = versions.last() {
                        p.text { (current.text) }
                        @if !current.fields.is_empty() {
                            dl.fields {
                                @for (name, value) in &current.fields { dt { (field_label(name)) } dd { (value) } }
                            }
                        }
                        @if current.version > 1 { p.tag { "Version " (current.version) " (amended)" } }
                    }
                    p.answered { "Answered by " (t.agree + t.live_with + t.object) " of " (voters) " voters." }
                    p {
                        "Agree " strong { (t.agree) } ", can live with it " strong { (t.live_with) } ", object " strong { (t.object) } ". "
                        @if t.consent { strong.consent { "Consent holds." } } @else { strong.no-consent { "No consent yet." } }
                        @if outcome != Outcome::Open { " Outcome: " strong { (outcome.label()) } "." }
                    }
                    @if !t.reasons.is_empty() {
                        ul.reasons aria-label="Reasons for objecting" { @for r in &t.reasons { li { (r) } } }
                    }
                    @if versions.len() > 1 {
                        details {
                            summary { "Earlier versions" }
                            ol {
                                @for v in versions.iter().filter(|v| v.tally.is_some()) {
                                    @let vt = v.tally.as_ref().map(|t| t.all.clone()).unwrap_or_default();
                                    li { (v.text) " — agree " (vt.agree) ", live with " (vt.live_with) ", object " (vt.object) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The words for a performance agreement's fields.
pub fn field_label(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn comparison(activity: &ActivityState, c: &Comparison) -> Markup {
    html! {
        @match c {
            Comparison::Rank { kendall_tau, reading } => p.comparison {
                "Agreement between cabinet and management (Kendall's tau): "
                strong { (kendall_tau.map_or("n/a".to_string(), |t| format!("{t:+.2}"))) } ". " (reading)
            },
            Comparison::Dots { agreement_index, reading } => p.comparison {
                "Agreement index between cabinet and management: "
                strong { (agreement_index.map_or("n/a".to_string(), |t| format!("{t:.2}"))) } ". " (reading)
            },
            Comparison::RoleMap { contested } => {
                @if contested.is_empty() {
                    p.comparison { "The two teams place every responsibility in much the same way." }
                } @else {
                    p.comparison { "The teams see these differently (0 = members lead, 2 = officers lead):" }
                    ul.contested {
                        @for item in contested {
                            li {
                                strong { (activity.spec.option(&item.item).map_or(item.item.as_str(), |o| o.label.as_str())) }
                                ": cabinet " (format!("{:.1}", item.cabinet_mean)) ", management " (format!("{:.1}", item.management_mean))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "1 ballot", "2 ballots".
pub(super) fn ballots(n: usize) -> String {
    if n == 1 {
        "1 ballot".into()
    } else {
        format!("{n} ballots")
    }
}
