//! Server-rendered SVG charts with text labels: bars split by team, and the
//! two-circle picture of who leads. Teams differ by pattern and by label, never
//! by colour alone. Charts repeat the table beside them, so they are hidden
//! from screen readers, which read the table.

use crate::activity::role_map::Placement;
use crate::activity::Group;
use crate::language::Language;
use crate::t;
use maud::{html, Markup};

/// One option's values, a bar per team the workshop invites (`None` when hidden).
pub struct BarRow<'a> {
    /// The option's label (may be a participant's idea: maud escapes it).
    pub label: &'a str,
    /// Each team and its value.
    pub teams: Vec<(Group, Option<f64>)>,
}

const WIDTH: f64 = 900.0;
const LABEL_H: f64 = 26.0;
const BAR_H: f64 = 22.0;
const GAP: f64 = 14.0;
const BAR_X: f64 = 150.0;

/// Horizontal bars, one per team for each option: cabinet (solid) and management (striped).
pub fn team_bars(
    title: &str,
    rows: &[BarRow<'_>],
    max: f64,
    format: impl Fn(f64) -> String,
    language: Language,
) -> Markup {
    let max = if max > 0.0 { max } else { 1.0 };
    let bars_per_row = rows.first().map_or(0, |r| r.teams.len());
    let row_h = LABEL_H + bars_per_row as f64 * BAR_H + GAP;
    let height = 36.0 + row_h * rows.len() as f64;
    let span = WIDTH - BAR_X - 90.0;
    html! {
        figure.chart aria-hidden="true" {
            svg.chart xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (WIDTH as i64) " " (height as i64) } width="100%" {
                defs {
                    pattern #stripes width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                        rect width="8" height="8" fill="#ffffff" {}
                        rect width="4" height="8" fill="#7a2e0e" {}
                    }
                }
                text x="0" y="22" font-size="20" font-weight="700" { (title) }
                @for (i, row) in rows.iter().enumerate() {
                    @let top = 36.0 + row_h * i as f64;
                    text x="0" y=((top + 18.0) as i64) font-size="18" font-weight="600" { (truncate(row.label, 80)) }
                    @for (j, (team, value)) in row.teams.iter().copied().enumerate() {
                        // Management striped, cabinet solid: told apart without colour.
                        @let fill = if team == Group::Management { "url(#stripes)" } else { "#0b4f8a" };
                        @let y = top + LABEL_H + BAR_H * j as f64;
                        text x="0" y=((y + 16.0) as i64) font-size="16" { (super::team_name(team, language)) }
                        @match value {
                            Some(v) => {
                                // Whole-number coordinates: cheaper to print, and crisp.
                                @let width = (span * v / max).round() as i64;
                                rect x=(BAR_X as i64) y=((y + 2.0) as i64) width=(width) height=((BAR_H - 4.0) as i64) fill=(fill) stroke="#1b1b1b" stroke-width="1" {}
                                text x=(BAR_X as i64 + width + 8) y=((y + 16.0) as i64) font-size="16" font-weight="700" { (format(v)) }
                            }
                            None => text x=(BAR_X as i64) y=((y + 16.0) as i64) font-size="16" font-style="italic" { (t!(language, "bar-hidden")) },
                        }
                    }
                }
            }
        }
    }
}

/// One responsibility in the two-circle picture.
pub struct Placed<'a> {
    /// Its label.
    pub label: &'a str,
    /// Where the room put it.
    pub placement: Placement,
    /// Whether the two teams place it differently.
    pub contested: bool,
}

/// Two overlapping circles, members and officers, each responsibility written
/// where the room placed it: members only, the joint arena, or officers only.
pub fn overlap_picture(items: &[Placed<'_>], language: Language) -> Markup {
    // Circles of radius r centred 280 apart: members only is x < 390, the
    // joint arena 390..610, officers only x > 610.
    let columns = [
        (
            Placement::Members,
            245.0,
            t!(language, "role-arena-members"),
        ),
        (Placement::Joint, 500.0, t!(language, "role-arena-joint")),
        (
            Placement::Officers,
            755.0,
            t!(language, "role-arena-officers"),
        ),
    ];
    let most = columns
        .iter()
        .map(|(p, _, _)| items.iter().filter(|i| i.placement == *p).count())
        .max()
        .unwrap_or(0);
    let line = 20.0;
    let block = 2.0 * line + 8.0;
    let r = (most as f64 * block / 2.0 + 60.0).max(250.0);
    let cy = r + 50.0;
    let height = 2.0 * r + 90.0;
    html! {
        figure.chart aria-hidden="true" {
            svg.chart xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 1000 " (height) } width="100%" {
                circle cx="360" cy=(cy) r=(r) fill="#0b4f8a" fill-opacity="0.08" stroke="#0b4f8a" stroke-width="3" {}
                circle cx="640" cy=(cy) r=(r) fill="#7a2e0e" fill-opacity="0.08" stroke="#7a2e0e" stroke-width="3" stroke-dasharray="10 6" {}
                @for (placement, x, heading) in columns {
                    @let placed: Vec<&Placed> = items.iter().filter(|i| i.placement == placement).collect();
                    @let top = cy - placed.len() as f64 * block / 2.0;
                    text x=(x) y="30" font-size="22" font-weight="700" text-anchor="middle" { (heading) }
                    @for (n, item) in placed.iter().enumerate() {
                        @let y = top + n as f64 * block + line;
                        @let (first, second) = wrap(item.label, 22);
                        @let weight = if item.contested { "700" } else { "400" };
                        text x=(x) y=(y) font-size="17" text-anchor="middle" font-weight=(weight) {
                            @if item.contested { "⚑ " } (first)
                        }
                        @if !second.is_empty() {
                            text x=(x) y=(y + line) font-size="17" text-anchor="middle" font-weight=(weight) { (second) }
                        }
                    }
                }
                text x="500" y=(height - 12.0) font-size="16" text-anchor="middle" { (t!(language, "role-flag")) }
            }
        }
    }
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars - 1).collect();
    format!("{cut}…")
}

/// Splits a label into at most two lines of about `width` characters.
fn wrap(text: &str, width: usize) -> (String, String) {
    let mut first = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.peek() {
        if !first.is_empty() && first.chars().count() + 1 + word.chars().count() > width {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    (first, truncate(&rest.join(" "), width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_onto_two_lines_and_long_ones_are_cut() {
        assert_eq!(
            wrap("Setting the budget and council tax", 24),
            ("Setting the budget and".into(), "council tax".into())
        );
        let (_, second) = wrap(&"word ".repeat(30), 24);
        assert!(second.ends_with('…') && second.chars().count() <= 24);
    }

    #[test]
    fn participant_text_in_a_chart_is_escaped() {
        let rows = [BarRow {
            label: "<script>alert(1)</script>",
            teams: vec![(Group::Cabinet, Some(1.0)), (Group::Management, None)],
        }];
        let svg = team_bars("t", &rows, 1.0, |v| v.to_string(), Language::English).into_string();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
