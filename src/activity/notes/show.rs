//! How notes are shown: no phone form; what was brought forward from an
//! earlier workshop (`from`), then the notes, decisions and actions taken
//! during the activity.

use super::Notes;
use crate::activity::show::{md_escape, slide, ActivityView, Show};
use crate::activity::{Results, Tally};
use crate::language::Language;
use crate::t;
use maud::{html, Markup};
use std::fmt::Write;

impl Show for Notes {
    fn submit_label(&self, _: Language) -> Option<String> {
        None
    }

    fn phone_notice(&self, language: Language) -> Option<String> {
        Some(t!(language, "notes-on-phone"))
    }

    fn room_answers(&self) -> bool {
        false
    }

    fn turnout_verb(&self) -> Option<&'static str> {
        None
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Notes(super::NotesTally { notes }) = &results.all else {
            return html! {};
        };
        let lang = view.language;
        html! {
            @if !view.spec.options.is_empty() {
                h3.brought { (t!(lang, "notes-brought-forward")) }
                ul.notes.brought-forward {
                    @for o in &view.spec.options { li { (view.read(&o.label)) @if !o.detail.is_empty() { " " span.detail { "(" (view.read(&o.detail)) ")" } } } }
                }
            }
            ul.notes {
                @for n in notes {
                    li {
                        strong { (n.kind.name(lang)) ": " } (n.text)
                        @if let Some(owner) = &n.owner { " — " (owner) }
                        @if let Some(due) = &n.due { ", " (t!(lang, "note-by", date = crate::time::uk_date_in(due, lang))) }
                    }
                }
            }
        }
    }

    /// The notes, as many to a page as fit whole.
    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Notes(super::NotesTally { notes }) = &results.all else {
            return html! {};
        };
        let brought = view.spec.options.iter().map(|o| {
            let item = html! { li.brought-forward { (view.shown(&o.label)) } };
            (
                item,
                slide::lines_of(&view.shown_text(&o.label), slide::FULL_LINE),
            )
        });
        let items = brought
            .chain(notes.iter().map(|n| {
                let due = |l| {
                    n.due.as_deref().map_or_else(String::new, |due| {
                        t!(l, "note-by", date = crate::time::uk_date_in(due, l))
                    })
                };
                let words = format!(
                    "{}: {} — {} {}",
                    view.says_text(|l| n.kind.name(l)),
                    n.text,
                    n.owner.as_deref().unwrap_or(""),
                    view.says_text(due)
                );
                let item = html! {
                    li {
                        strong { (view.says(|l| n.kind.name(l))) ": " } (n.text)
                        @if let Some(owner) = &n.owner { " — " (owner) }
                        @if n.due.is_some() { ", " (view.says(due)) }
                    }
                };
                (item, slide::lines_of(&words, slide::FULL_LINE))
            }))
            .collect();
        slide::pages("notes", items, 1, view.room())
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let Tally::Notes(super::NotesTally { notes }) = &results.all else {
            return;
        };
        if !view.spec.options.is_empty() {
            let _ = writeln!(md, "{}\n", t!(view.language, "md-brought-forward"));
            for o in &view.spec.options {
                let _ = writeln!(md, "- {}", md_escape(view.read(&o.label)));
            }
            let _ = writeln!(md);
        }
        for n in notes {
            let _ = writeln!(
                md,
                "- {}: {}",
                n.kind.name(view.language),
                md_escape(&n.text)
            );
        }
    }
}
