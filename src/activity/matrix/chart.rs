//! The matrix as a picture: a 5 by 5 grid with each item's mean point, one
//! mark per team (cabinet a filled circle, management an open square, told
//! apart by shape and by the key, never by colour alone), joined by a line
//! whose length is the gap between them. Items are numbered; the key beside
//! the grid names them. Hidden from screen readers: the table says the same.

use crate::activity::show::scores::item_hidden;
use crate::activity::show::ActivityView;
use crate::activity::Group;
use crate::activity::{GroupResult, Results, Tally};
use maud::{html, Markup};

/// Where the grid sits in the picture's 470 by 470 box, drawn near its
/// own size on a projector, so that its words stay large (at least 24 px on
/// a 720-line screen).
const LEFT: f64 = 64.0;
const TOP: f64 = 8.0;
const SIDE: f64 = 370.0;
/// A mark's radius; marks at one spot are set around it, not on top.
const MARK: f64 = 19.0;
/// The frame's margin around the points 1 and 5, so a mark there stays
/// inside it and off the axis numbers.
const PAD: f64 = MARK + 4.0;

/// One team's (or the room's) mean point for one item.
pub struct Mark {
    /// The item's number in the key (1 up).
    pub number: usize,
    /// Whose point it is: a voting team, or `None` for the room.
    pub team: Option<Group>,
    /// Across and up, 1 to 5.
    pub at: (f64, f64),
}

/// Every point the results may show: each team's where both may be shown
/// apart and the item is not held back, else the room's.
pub fn marks(view: &ActivityView, results: &Results) -> Vec<Mark> {
    let teams = view.team_columns(results);
    let mut out = Vec::new();
    for (i, item) in view.spec.options.iter().enumerate() {
        let number = i + 1;
        if item_hidden(results, &item.id, None).is_some() {
            continue;
        }
        let shown_apart = item_hidden(results, &item.id, Some(Group::Cabinet)).is_none();
        let team_points: Vec<Mark> = teams
            .iter()
            .filter(|_| shown_apart)
            .filter_map(|team| {
                let at = point(team_tally(team.result)?, &item.id)?;
                Some(Mark {
                    number,
                    team: Some(team.group),
                    at,
                })
            })
            .collect();
        if team_points.is_empty() {
            out.extend(point(&results.all, &item.id).map(|at| Mark {
                number,
                team: None,
                at,
            }));
        } else {
            out.extend(team_points);
        }
    }
    out
}

fn team_tally(group: &GroupResult) -> Option<&Tally> {
    group.shown().filter(|t| t.ballots() > 0)
}

/// An item's mean point in a tally.
pub fn point(t: &Tally, id: &str) -> Option<(f64, f64)> {
    match t {
        Tally::Matrix(m) => m.items.get(id)?.mean(),
        _ => None,
    }
}

fn place((x, y): (f64, f64)) -> (i64, i64) {
    let span = SIDE - 2.0 * PAD;
    let across = LEFT + PAD + (x - 1.0) / 4.0 * span;
    let up = TOP + SIDE - PAD - (y - 1.0) / 4.0 * span;
    (across.round() as i64, up.round() as i64)
}

/// Each mark's centre: its point, moved just enough that no mark covers
/// another (means of whole numbers often coincide), so every number stays
/// readable. Marks that overlap push each other apart a little at a time,
/// the same way every time, and stay inside the grid.
fn centres(marks: &[Mark]) -> Vec<(i64, i64)> {
    let mut at: Vec<(f64, f64)> = marks
        .iter()
        .map(|m| {
            let (x, y) = place(m.at);
            (x as f64, y as f64)
        })
        .collect();
    let room = 2.0 * MARK + 4.0;
    for _ in 0..400 {
        let mut moved = false;
        for i in 0..at.len() {
            for j in i + 1..at.len() {
                let (dx, dy) = (at[j].0 - at[i].0, at[j].1 - at[i].1);
                let d = dx.hypot(dy);
                if d >= room {
                    continue;
                }
                moved = true;
                // Marks on one spot part along an angle of their own.
                let (ux, uy) = if d < 0.01 {
                    let angle = (i * 7 + j * 3) as f64;
                    (angle.cos(), angle.sin())
                } else {
                    (dx / d, dy / d)
                };
                let push = (room - d) / 2.0 + 0.5;
                at[i] = inside((at[i].0 - ux * push, at[i].1 - uy * push));
                at[j] = inside((at[j].0 + ux * push, at[j].1 + uy * push));
            }
        }
        if !moved {
            break;
        }
    }
    at.into_iter()
        .map(|(x, y)| (x.round() as i64, y.round() as i64))
        .collect()
}

fn inside((x, y): (f64, f64)) -> (f64, f64) {
    let edge = MARK + 3.0;
    (
        x.clamp(LEFT + edge, LEFT + SIDE - edge),
        y.clamp(TOP + edge, TOP + SIDE - edge),
    )
}

/// The grid with its axes named, and every mark.
pub fn grid(x_axis: &str, y_axis: &str, marks: &[Mark]) -> Markup {
    let ticks = [1.0, 2.0, 3.0, 4.0, 5.0];
    let centres = centres(marks);
    let middle = TOP + SIDE / 2.0;
    let r = MARK as i64;
    html! {
        svg.chart.matrix xmlns="http://www.w3.org/2000/svg" viewBox="0 0 470 470" aria-hidden="true" {
            rect x=(LEFT) y=(TOP) width=(SIDE) height=(SIDE) fill="#ffffff" stroke="#1b1b1b" stroke-width="2" {}
            @for v in ticks {
                @let (x, y) = place((v, v));
                line x1=(x) y1=(TOP) x2=(x) y2=(TOP + SIDE) stroke="#b1b4b6" stroke-width="1" {}
                line x1=(LEFT) y1=(y) x2=(LEFT + SIDE) y2=(y) stroke="#b1b4b6" stroke-width="1" {}
                text x=(x) y=(TOP + SIDE + 26.0) font-size="25" text-anchor="middle" { (v) }
                text x=(LEFT - 8.0) y=(y + 9) font-size="25" text-anchor="end" { (v) }
            }
            @let (x_size, x_axis) = axis_label(x_axis);
            @let (y_size, y_axis) = axis_label(y_axis);
            text x=(LEFT + SIDE / 2.0) y="464" font-size=(x_size) font-weight="700" text-anchor="middle" { (x_axis) " →" }
            text x="22" y=(middle) font-size=(y_size) font-weight="700" text-anchor="middle" transform={ "rotate(-90 22 " (middle) ")" } { (y_axis) " →" }
            // The gap first, under the marks: a line from one team's point to the other's.
            @for (i, pair) in marks.windows(2).enumerate().filter(|(_, w)| w[0].number == w[1].number) {
                @let (a, b) = (centres[i], centres[i + 1]);
                @let _ = pair;
                line x1=(a.0) y1=(a.1) x2=(b.0) y2=(b.1) stroke="#1b1b1b" stroke-width="3" stroke-dasharray="6 4" {}
            }
            @for (mark, (x, y)) in marks.iter().zip(centres.iter().copied()) {
                @match mark.team {
                    Some(Group::Management) => {
                        rect x=(x - r) y=(y - r) width=(2 * r) height=(2 * r) fill="#ffffff" stroke="#7a2e0e" stroke-width="4" {}
                        text x=(x) y=(y + 9) font-size="25" font-weight="700" text-anchor="middle" { (mark.number) }
                    }
                    Some(_) => {
                        // White on the team's blue: a class, as the page's
                        // rules colour chart text and no inline style is allowed.
                        circle cx=(x) cy=(y) r=(r + 1) fill="#0b4f8a" stroke="#1b1b1b" stroke-width="1" {}
                        text.on-dark x=(x) y=(y + 9) font-size="25" font-weight="700" text-anchor="middle" fill="#ffffff" { (mark.number) }
                    }
                    None => {
                        circle cx=(x) cy=(y) r=(r + 1) fill="#ffffff" stroke="#1b1b1b" stroke-width="3" {}
                        text x=(x) y=(y + 9) font-size="25" font-weight="700" text-anchor="middle" { (mark.number) }
                    }
                }
            }
        }
    }
}

/// The key to the marks' shapes, in words beside a small drawing of each.
pub fn legend(marks: &[Mark], room: crate::activity::show::Room) -> Markup {
    use crate::t;
    let has = |team: Option<Group>| marks.iter().any(|m| m.team == team);
    html! {
        p.matrix-legend {
            @if has(Some(Group::Cabinet)) { span.mark.cabinet aria-hidden="true" {} " " (room.says(|l| t!(l, "matrix-mark-cabinet"))) " " }
            @if has(Some(Group::Management)) { span.mark.management aria-hidden="true" {} " " (room.says(|l| t!(l, "matrix-mark-management"))) " " }
            @if has(None) { span.mark.all aria-hidden="true" {} " " (room.says(|l| t!(l, "matrix-mark-everyone"))) }
        }
    }
}

/// An axis's name as the grid writes it, and its size: whole, smaller as
/// it grows longer (its Welsh and English both, on a bilingual projector),
/// cut only past what the side holds at the smallest size.
fn axis_label(name: &str) -> (u32, String) {
    // About 0.55 of the size a character, across the 450 the side gives.
    const ROOM: usize = 820;
    const SMALLEST: usize = 15;
    let chars = name.chars().count() + 2;
    let size = (ROOM / chars.max(1)).clamp(SMALLEST, 25);
    (size as u32, cut(name, ROOM / SMALLEST - 2))
}

/// A label cut to `chars`, with an ellipsis when cut.
pub fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(chars - 1).collect();
    format!("{kept}…")
}
