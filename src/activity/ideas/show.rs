//! How ideas are shown: a text box on the phone, the list of ideas, and the
//! facilitator's tools to hide, show and merge them.

use super::{Ideas, DEFAULT_MAX_CHARS, DEFAULT_MAX_IDEAS};
use crate::activity::show::{md_escape, slide, ActivityView, Show};
use crate::activity::{Results, Tally};
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};
use std::fmt::Write;

impl Show for Ideas {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape {
            field: "text",
            shape: "ideas",
            answer: "",
        }
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let max_chars = view.spec.max_chars.unwrap_or(DEFAULT_MAX_CHARS);
        let max_ideas = view.spec.max_ideas.unwrap_or(DEFAULT_MAX_IDEAS);
        let input_id = format!("idea-{}", view.spec.id);
        let lang = view.language;
        html! {
            label for=(input_id) {
                (t!(lang, "ideas-your-idea", ideas = max_ideas, chars = max_chars))
            }
            // No maxlength: a paste over the limit would be cut silently;
            // the counter says how much is too many, and the server refuses it.
            textarea id=(input_id) name="text" rows="3" data-max-ideas=(max_ideas) aria-describedby={ (input_id) "-counter" } {}
            p.counter id={ (input_id) "-counter" } aria-live="polite" data-max=(max_chars) { (t!(lang, "ideas-counter", chars = max_chars)) }
        }
    }

    fn submit_label(&self, language: crate::language::Language) -> Option<String> {
        Some(t!(language, "ideas-add"))
    }

    fn turnout_verb(&self) -> Option<&'static str> {
        Some("turnout-offered-ideas")
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Ideas(ideas) = &results.all else {
            return html! {};
        };
        let lang = view.language;
        html! {
            p { (listed(ideas, lang)) "." }
            ul.ideas {
                @for idea in &ideas.ideas {
                    li {
                        (idea.text)
                        @if let Some(g) = idea.group { " " span.tag { "(" (g.name(lang)) ")" } }
                        @if idea.merged > 0 { " " span.tag { (t!(lang, "ideas-merged", n = idea.merged)) } }
                    }
                }
            }
        }
    }

    /// The ideas in two columns, whole, as many to a page as fit.
    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Ideas(ideas) = &results.all else {
            return html! {};
        };
        let items = ideas
            .ideas
            .iter()
            .map(|idea| {
                // A workshop of one team: its name on every idea says nothing.
                let group = idea.group.filter(|_| view.teams.len() > 1);
                let team = |l| {
                    group
                        .map(|g| format!("({})", g.name(l)))
                        .unwrap_or_default()
                };
                let merged = |l| match idea.merged {
                    0 => String::new(),
                    n => t!(l, "ideas-merged", n = n),
                };
                let item = html! {
                    li.idea-slide {
                        (idea.text)
                        @if group.is_some() { " " span.tag { (view.says(team)) } }
                        @if idea.merged > 0 { " " span.tag { (view.says(merged)) } }
                    }
                };
                // The team and merge tags, as shown, take words more.
                let words = format!(
                    "{} {} {}",
                    idea.text,
                    view.says_text(team),
                    view.says_text(merged)
                );
                (item, slide::lines_of(&words, slide::HALF_LINE))
            })
            .collect();
        html! {
            p.slide-hint { (view.says(|l| listed(ideas, l))) }
            (slide::pages("ideas", items, 2, view.room()))
        }
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let Tally::Ideas(ideas) = &results.all else {
            return;
        };
        let lang = view.language;
        for idea in &ideas.ideas {
            // The record says what the room saw: a team, and how many ideas
            // the facilitator merged into this one.
            let team = idea.group.map(|g| format!(" ({})", g.name(lang)));
            let merged = (idea.merged > 0)
                .then(|| format!(" {}", t!(lang, "ideas-merged", n = idea.merged)));
            let _ = writeln!(
                md,
                "- {}{}{}",
                md_escape(&idea.text),
                team.unwrap_or_default(),
                merged.unwrap_or_default()
            );
        }
        if ideas.set_aside > 0 {
            let _ = writeln!(md, "\n{}", t!(lang, "ideas-set-aside", n = ideas.set_aside));
        }
    }

    fn console_tools(&self, view: &ActivityView) -> Markup {
        let id = &view.spec.id;
        let lang = view.language;
        if super::ideas_in(view.own).is_empty() {
            return html! {};
        }
        if view.sealed_box {
            let n = super::ideas_in(view.own).len();
            return html! {
                h3 { (t!(lang, "ideas-title")) }
                p.notice { (t!(lang, "ideas-sealed", n = n)) }
            };
        }
        if !anonymous_shown(view) {
            return html! {
                h3 { (t!(lang, "ideas-title")) }
                p.notice { (t!(lang, "ideas-too-few", n = view.min_group_size)) }
            };
        }
        let ideas = in_shown_order(view);
        let text_of = |idea: &str| {
            super::ideas_in(view.own)
                .iter()
                .find(|i| i.id == idea)
                .map_or_else(|| t!(lang, "ideas-other-idea"), |i| i.text.clone())
        };
        html! {
            h3 { (t!(lang, "ideas-title")) }
            ul.moderate {
                @for idea in &ideas {
                    li {
                        (idea.text)
                        @if !view.spec.anonymous { " (" (idea.group.name(lang)) ")" }
                        @if idea.hidden { " — " (t!(lang, "ideas-hidden")) " " button type="button" data-command="show_idea" data-activity=(id) data-idea=(idea.id) { (t!(lang, "ideas-show")) span.visually-hidden { " " (idea.text) } } }
                        @else if let Some(into) = &idea.merged_into { " — " (t!(lang, "ideas-merged-into", idea = text_of(into))) }
                        @else {
                            " " button type="button" data-command="hide_idea" data-activity=(id) data-idea=(idea.id) { (t!(lang, "ideas-hide")) span.visually-hidden { " " (idea.text) } }
                            // A typo fixed, or two ideas in one split in words.
                            details.edit-idea {
                                summary { (t!(lang, "ideas-edit")) span.visually-hidden { " " (idea.text) } }
                                form data-command="edit_idea" data-activity=(id) {
                                    input type="hidden" name="idea" value=(idea.id);
                                    label for={ "edit-" (id) "-" (idea.id) } { (t!(lang, "ideas-wording")) }
                                    textarea id={ "edit-" (id) "-" (idea.id) } name="text" rows="2" { (idea.text) }
                                    // Its idea in its key: the page finds this box, its
                                    // focus and its errors again after a redraw.
                                    button type="submit" data-idea=(idea.id) { (t!(lang, "ideas-save-wording")) }
                                }
                            }
                        }
                    }
                }
            }
            form data-command="merge_idea" data-activity=(id) {
                label for={ "merge-from-" (id) } { (t!(lang, "ideas-merge-idea")) }
                select id={ "merge-from-" (id) } name="idea" { @for i in ideas.iter().filter(|i| i.visible()) { option value=(i.id) { (i.text) } } }
                label for={ "merge-into-" (id) } { (t!(lang, "ideas-merge-into")) }
                // The second idea first: merging one into itself is no merge.
                select id={ "merge-into-" (id) } name="into" { @for (n, i) in ideas.iter().filter(|i| i.visible()).enumerate() { option value=(i.id) selected[n == 1] { (i.text) } } }
                button type="submit" { (t!(lang, "ideas-merge")) }
            }
        }
    }

    /// The ideas with their moderation; an anonymous activity's only once it
    /// has closed, in no meaningful order and with no team.
    fn detail_json(&self, view: &ActivityView, _results: &Results) -> Value {
        if !view.spec.anonymous {
            return json!({ "ideas": super::ideas_in(view.own) });
        }
        if view.sealed_box || !anonymous_shown(view) {
            return json!({ "ideas": [], "ideas_offered": super::ideas_in(view.own).len() });
        }
        let ideas: Vec<Value> = in_shown_order(view)
            .into_iter()
            .map(|i| {
                json!({
                    "id": i.id, "text": i.text, "hidden": i.hidden,
                    "merged_into": i.merged_into, "merged": i.merged, "edited": i.edited,
                })
            })
            .collect();
        json!({ "ideas": ideas })
    }
}

/// Whether an anonymous activity's ideas may be shown: enough people
/// offered the visible ones that none can be told as one person's.
fn anonymous_shown(view: &ActivityView) -> bool {
    // Every author, hidden ideas too: hiding must not change what is shown.
    let authors: std::collections::BTreeSet<_> =
        super::ideas_in(view.own).iter().map(|i| i.author).collect();
    !view.spec.anonymous || authors.len() >= view.min_group_size as usize
}

/// The ideas as the console lists them: in the order they came, or in an
/// anonymous activity by id (keyed hashes), which is no order at all.
fn in_shown_order<'a>(view: &ActivityView<'a>) -> Vec<&'a super::Idea> {
    let mut ideas: Vec<_> = super::ideas_in(view.own).iter().collect();
    if view.spec.anonymous {
        ideas.sort_by(|a, b| a.id.cmp(&b.id));
    }
    ideas
}

/// "8 ideas from 6 people, besides 2 hidden or merged": what the list
/// holds and who offered ideas (everyone, as the turnout counts them).
fn listed(ideas: &super::IdeasTally, lang: crate::language::Language) -> String {
    let mut text = t!(
        lang,
        "ideas-listed",
        ideas = ideas.ideas.len(),
        people = ideas.ballots
    );
    if ideas.set_aside > 0 {
        text.push(' ');
        text.push_str(&t!(lang, "ideas-set-aside", n = ideas.set_aside));
    }
    text
}
