//! How notes are shown: no phone form, the notes, decisions and actions taken
//! during the activity.

use super::Notes;
use crate::activity::show::{md_escape, slide, ActivityView, Show};
use crate::activity::{Results, Tally};
use maud::{html, Markup};
use std::fmt::Write;

impl Show for Notes {
    fn submit_label(&self) -> Option<&'static str> {
        None
    }

    fn phone_notice(&self) -> Option<&'static str> {
        Some("The facilitator is capturing notes, decisions and actions.")
    }

    fn room_answers(&self) -> bool {
        false
    }

    fn turnout_verb(&self) -> Option<&'static str> {
        None
    }

    fn results_html(&self, _view: &ActivityView, results: &Results) -> Markup {
        let Tally::Notes { notes } = &results.all else {
            return html! {};
        };
        html! {
            ul.notes {
                @for n in notes {
                    li {
                        strong { (n.kind.label()) ": " } (n.text)
                        @if let Some(owner) = &n.owner { " — " (owner) }
                        @if let Some(due) = &n.due { ", by " (crate::time::uk_date(due)) }
                    }
                }
            }
        }
    }

    /// The notes, as many to a page as fit whole.
    fn slide(&self, _view: &ActivityView, results: &Results) -> Markup {
        let Tally::Notes { notes } = &results.all else {
            return html! {};
        };
        let items = notes
            .iter()
            .map(|n| {
                let words = format!(
                    "{}: {} — {} {}",
                    n.kind.label(),
                    n.text,
                    n.owner.as_deref().unwrap_or(""),
                    n.due.as_deref().unwrap_or("")
                );
                let item = html! {
                    li {
                        strong { (n.kind.label()) ": " } (n.text)
                        @if let Some(owner) = &n.owner { " — " (owner) }
                        @if let Some(due) = &n.due { ", by " (crate::time::uk_date(due)) }
                    }
                };
                (item, slide::lines_of(&words, slide::FULL_LINE))
            })
            .collect();
        slide::pages("notes", items, 1)
    }

    fn results_markdown(&self, _view: &ActivityView, results: &Results, md: &mut String) {
        let Tally::Notes { notes } = &results.all else {
            return;
        };
        for n in notes {
            let _ = writeln!(md, "- {}: {}", n.kind.label(), md_escape(&n.text));
        }
    }
}
