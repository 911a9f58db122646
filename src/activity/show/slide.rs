//! What the projector shows of results: slides laid out for a 16:9 screen
//! that fit without scrolling. Text is sized from the screen's height (at
//! least 24 px at 720 lines), long lists are split into pages the projector
//! steps through with its arrow keys, and a team with no ballots is not drawn.
//! The accessible table goes beside each slide for screen readers.

use super::ActivityView;
use crate::activity::{GroupResult, Results, Tally};
use maud::{html, Markup, Render};

/// A team's tally, if it is shown and has ballots to draw.
pub fn drawn(group: &GroupResult) -> Option<&Tally> {
    group.shown().filter(|t| t.ballots() > 0)
}

/// Lines of text a slide's list may fill on the narrowest projector the
/// slides are made for (4:3 at 1024x768, text at its smallest), with room
/// for the legend, a hint and the page count.
pub const SLIDE_LINES: usize = 14;

/// Characters a line holds across the whole slide, at that narrowest.
pub const FULL_LINE: usize = 66;
/// Characters a line holds in half the slide (one of two columns).
pub const HALF_LINE: usize = 35;
/// Characters a bar's label holds in a line (three fifths of the slide).
pub const BAR_LINE: usize = 40;

/// The lines a statement's fields take, run on as one paragraph
/// ("Outcome: … Measure: …"), each named as `view` names it (in both
/// languages on a bilingual projector); none when it has none.
pub fn fields_lines(view: &ActivityView, fields: &[(&str, &str)], per_line: usize) -> usize {
    if fields.is_empty() {
        return 0;
    }
    let run_on: String = fields
        .iter()
        .map(|(k, v)| format!("{}: {v}  ", view.says_text(|l| super::field_name(k, l))))
        .collect();
    lines_of(&run_on, per_line)
}

/// The words of some markup without its tags, to count the lines they take
/// (an entity counts as its few characters: a line over, never under).
pub fn words_of(markup: &str) -> String {
    let mut words = String::with_capacity(markup.len());
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    words
}

/// The lines `text` takes at `per_line` characters a line, wrapped at
/// spaces as a browser does (a word longer than a line takes its own).
pub fn lines_of(text: &str, per_line: usize) -> usize {
    let per_line = per_line.max(1);
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > per_line {
            lines += 1;
            used = 0;
        }
        used += if used > 0 { len + 1 } else { len };
        if used > per_line {
            lines += (used - 1) / per_line;
            used %= per_line;
        }
    }
    lines
}

/// Items split into pages that fit the screen with every label whole: each
/// item comes with the lines it takes, and a page holds [`SLIDE_LINES`]
/// (a row of two columns takes its taller item's lines). The first page
/// shows; the console and the projector's arrow keys turn the others.
pub fn pages(
    class: &str,
    items: Vec<(Markup, usize)>,
    columns: usize,
    room: impl Into<super::Room>,
) -> Markup {
    pages_within(class, items, columns, SLIDE_LINES, room)
}

/// [`pages`] of at most `budget` lines each (a slide with less room).
pub fn pages_within(
    class: &str,
    items: Vec<(Markup, usize)>,
    columns: usize,
    budget: usize,
    room: impl Into<super::Room>,
) -> Markup {
    let room = room.into();
    // Titles in two languages take a line more above the slide.
    let budget = budget.saturating_sub(usize::from(room.bilingual));
    let lines: Vec<usize> = items.iter().map(|(_, lines)| *lines).collect();
    let breaks = page_breaks(&lines, columns, budget);
    let count = breaks.len();
    html! {
        div.pages data-pages=(count) {
            @for (n, range) in breaks.into_iter().enumerate() {
                ul class={ "page " (class) } data-page=(n + 1) hidden[n > 0] {
                    @for (item, _) in &items[range] { (item) }
                }
            }
            @if count > 1 {
                p.page-count aria-live="polite" {
                    (page_count(room, count))
                }
            }
        }
    }
}

/// "Page 1 of 3", in the room's language (both, on a bilingual projector):
/// the projector's script turns the first number as its pages turn.
pub fn page_count(room: super::Room, count: usize) -> Markup {
    room.says(|l| {
        html! { (crate::t!(l, "page-word")) " " span.page-now { "1" } " " (crate::t!(l, "page-of-word")) " " (count) }
    })
    .render()
}

/// Where pages break: the items of each page, as ranges, given each item's
/// lines; a row of `columns` items takes its tallest item's lines.
pub fn page_breaks(lines: &[usize], columns: usize, budget: usize) -> Vec<std::ops::Range<usize>> {
    let columns = columns.max(1);
    let mut pages = Vec::new();
    let (mut start, mut used) = (0, 0);
    for row in (0..lines.len()).step_by(columns) {
        let end = (row + columns).min(lines.len());
        let tall = lines[row..end].iter().copied().max().unwrap_or(1);
        if used > 0 && used + tall > budget {
            pages.push(start..row);
            start = row;
            used = 0;
        }
        used += tall;
    }
    pages.push(start..lines.len());
    pages
}

/// Bars by team for each option in `order`: cabinet solid, management
/// striped, each with its value written beside it; the room's bar alone when
/// the teams are not shown apart.
pub fn bars(
    view: &ActivityView,
    results: &Results,
    hint: &dyn Fn(crate::language::Language) -> String,
    order: &[&str],
    max: Option<f64>,
    value: &dyn Fn(&Tally, &str) -> Option<f64>,
    format: &dyn Fn(f64) -> String,
) -> Markup {
    // Bars of nothing would read as a result.
    if results.all.ballots() == 0 {
        return html! { p.slide-empty { (view.says(|l| crate::t!(l, "slide-no-votes"))) } };
    }
    let teams: Vec<(Markup, &str, &Tally)> = view
        .team_columns(results)
        .into_iter()
        .filter_map(|team| {
            drawn(team.result)
                .map(|t| (view.says(|l| team.name(l)).render(), team.group.as_str(), t))
        })
        .collect();
    // One team drawn alone (a cabinet-only workshop) still says whose bars
    // they are; with neither shown apart, the room's bar alone.
    let rows: Vec<(Markup, &str, &Tally)> = if teams.is_empty() {
        vec![(
            view.says(|l| crate::t!(l, "team-short-all")).render(),
            "all",
            &results.all,
        )]
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
            let lines = lines_of(&view.label_shown_text(id), BAR_LINE).max(rows.len());
            let item = html! {
                li.bar-row {
                    span.bar-label { (view.label_shown(id)) }
                    span.bar-set {
                        @for (name, class, tally) in &rows {
                            @let team = crate::activity::Group::VOTING.iter().find(|g| g.as_str() == *class).copied();
                            @let why = super::scores::item_hidden(results, id, team);
                            @let v = value(tally, id).unwrap_or(0.0);
                            span class={ "bar-line " (class) } {
                                span.bar-team { (name) }
                                @if let Some(why) = why {
                                    // Too few answered it to draw: no bar, said in words.
                                    span.bar-track {}
                                    span.bar-value { (view.says(|l| crate::language::text(l, why))) }
                                } @else {
                                    span.bar-track { span class={ "bar w" (percent(v, max)) } {} }
                                    span.bar-value { (format(v)) }
                                }
                            }
                        }
                    }
                }
            };
            (item, lines)
        })
        .collect();
    let hidden = [&results.cabinet, &results.management]
        .iter()
        .find_map(|g| match g {
            GroupResult::Suppressed { min_group_size, .. } => Some(*min_group_size),
            _ => None,
        });
    html! {
        p.slide-hint { (view.says(hint)) }
        @if let Some(least) = hidden {
            p.slide-hint { (view.says(|l| crate::t!(l, "slide-room-only", least = least))) }
        }
        @if rows.len() > 1 || rows[0].1 != "all" {
            p.legend {
                @for (name, class, _) in &rows { span class={ "swatch " (class) } {} (name) }
            }
        }
        // The kind's hint takes its lines and the legend one; the note on
        // hidden teams its lines; the teams' comparison under the bars
        // three (four, in two languages).
        @let hint_lines = lines_of(&view.says_text(hint), FULL_LINE);
        @let hidden_lines = hidden.map_or(0, |least| lines_of(&view.says_text(|l| crate::t!(l, "slide-room-only", least = least)), FULL_LINE));
        @let comparison_lines = if results.comparison.is_some() { 3 + usize::from(view.bilingual) } else { 0 };
        @let reserved = hint_lines + 1 + hidden_lines + comparison_lines;
        (pages_within("bars", items, 1, SLIDE_LINES.saturating_sub(reserved).max(2), view.room()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_at_spaces_and_pages_hold_what_fits() {
        assert_eq!(lines_of("", 10), 1);
        assert_eq!(lines_of("one two three", 13), 1);
        assert_eq!(lines_of("one two three", 12), 2);
        assert_eq!(lines_of("abcdefghijklmnopqrstuvwxyz", 10), 3);
        let items = (0..14).map(|i| (html! { li { (i) } }, 2)).collect();
        let paged = pages("x", items, 1, crate::language::Language::English).into_string();
        // 14 lines a page: seven items of two lines, two pages for fourteen.
        assert!(paged.contains(r#"data-pages="2""#), "{paged}");
        let items = (0..12).map(|i| (html! { li { (i) } }, 2)).collect();
        let paged = pages("x", items, 2, crate::language::Language::English).into_string();
        assert!(paged.contains(r#"data-pages="1""#), "{paged}");
    }
}
