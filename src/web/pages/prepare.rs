//! `/facilitate/{session}/prepare`: the agenda editor. Every activity as a
//! form (title, question, minutes, anonymity, the kind's own settings, where
//! options come from, the options and their golden-rope fields), with buttons
//! to move, duplicate, remove and add. `static/prepare.js` reads the form into
//! a script and `PUT`s it to `/api/sessions/{id}/script`; problems come back
//! with their fields and are shown beside them. Activities already opened are
//! shown but cannot change.

use super::{layout, Page};
use crate::activity::kind::Setting;
use crate::activity::kind_of;
use crate::activity::show::field_label;
use crate::config::text;
use crate::language::Text;
use crate::session::{live_script, ActivityStatus};
use crate::web::AppState;
use crate::workshop::{ActivityKind, ActivitySpec, OptionSpec};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};

/// The editor for one session's agenda.
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(handle) = super::staff_session(&app, &headers, &session) else {
        return Redirect::to("/facilitate").into_response();
    };
    let info = handle.info().clone();
    let state = handle.state();
    let script = live_script(&state);
    let opened = |id: &str| {
        state
            .activity(id)
            .is_some_and(|(_, a)| a.status != ActivityStatus::Pending)
    };
    let content = html! {
        header.site {
            p.brand { a href="/facilitate" { "topteam console" } }
            p { a href={ "/facilitate/" (info.id) } { "Back to the session's console" } " · " a href={ "/facilitate/" (info.id) "/runsheet" } { "Run-sheet" } }
        }
        main #main {
            h1 { "Prepare the agenda: " (info.title) }
            // A Welsh or bilingual room reads English wherever a text has no Welsh.
            @if info.language.has_welsh() {
                @let missing = script.texts_without_welsh();
                @if missing > 0 {
                    p.warning.carry-warning role="status" { (crate::t!(crate::language::Language::English, "room-language-missing", n = missing)) }
                }
            }
            p.hint { "Tailor each activity to the council, then save. Activities already opened in the room cannot change; the others can be edited, moved, copied or removed." }
            div #problems tabindex="-1" {}
            form #prepare data-session=(info.id) novalidate {
                ol #activities {
                    @for (i, spec) in script.activities.iter().enumerate() {
                        (activity_editor(spec, i + 1, opened(&spec.id)))
                    }
                }
                div.add-activity {
                    label for="new-kind" { "Add an activity of this kind" }
                    select #new-kind {
                        @for kind in ActivityKind::ALL { option value=(kind.as_str()) { (kind.label()) } }
                    }
                    button #add-activity type="button" { "Add activity" }
                }
                // What saving said sits just above the button, in view when it is.
                p #save-status role="status" aria-live="polite" {}
                p.save {
                    button.primary type="submit" { "Save the agenda" }
                }
            }
            section.save-template aria-labelledby="template-title" {
                h2 #template-title { "Save as a template" }
                p.hint { "Keeps this agenda, as it is on screen, for other councils' sessions: it appears in the console's list of workshops." }
                form #save-template novalidate {
                    label for="template-name" { "Template name" }
                    input #template-name type="text" name="name" maxlength=(text::SESSION_TITLE) required;
                    button type="submit" { "Save as template" }
                    p #template-status role="status" aria-live="polite" {}
                }
            }
            @for &kind in ActivityKind::ALL {
                template id={ "new-" (kind.as_str()) } { (activity_editor(&ActivitySpec::new("", kind, ""), 0, false)) }
            }
            @for &kind in ActivityKind::ALL.iter().filter(|k| k.takes_ballots()) {
                template id={ "new-option-" (kind.as_str()) } { (option_editor(&OptionSpec::new("", ""), &[], 0, kind)) }
            }
        }
    };
    let page = Page {
        title: "Prepare the agenda",
        class: "console prepare",
        script: Some("/static/prepare/editor.js"),
        ..Default::default()
    };
    layout(page, content).into_response()
}

/// One activity's form. `n` numbers it in the agenda (0 in a template, which
/// the script renumbers); `locked` when it has opened.
fn activity_editor(spec: &ActivitySpec, n: usize, locked: bool) -> Markup {
    let kind = kind_of(spec.kind);
    let takes_options = spec.kind.takes_ballots();
    let f = |name: &str| format!("a{n}-{name}");
    html! {
        li.activity-edit data-id=(spec.id) data-kind=(spec.kind.as_str()) data-locked=[locked.then_some("true")] data-fields=(spec.fields.join(",")) {
            fieldset disabled[locked] {
                legend {
                    "Activity " span.number { (n) } ": " span.kind { (spec.kind.label()) }
                    @if !spec.title.is_empty() { " — " span.legend-title { (spec.title) } }
                }
                @if locked { p.locked { "Already opened in the room, so it cannot change now." } }
                (in_both(&f("title"), "title", "Title", &spec.title, text::SESSION_TITLE, Field::Line))
                (in_both(&f("prompt"), "prompt", "Question put to the room", &spec.prompt, text::PROMPT, Field::Box))
                (in_both(&f("notes"), "notes", "Your notes (private: on the console and the run-sheet only)", &spec.notes, text::NOTE, Field::Box))
                div.settings {
                    (number(&f("minutes"), "minutes", "Minutes (for the timer)", spec.minutes))
                    @for setting in kind.settings() {
                        (setting_field(&f(setting.name), setting, spec))
                    }
                }
                @if kind.room_answers() {
                    p.choice {
                        input type="checkbox" id=(f("anonymous")) name="anonymous" checked[spec.anonymous];
                        label for=(f("anonymous")) { "Anonymous: answers are never linked to names" }
                    }
                }
                @if takes_options {
                    label for=(f("from")) { "Bring in the results of an earlier activity (optional)" }
                    p.hint id=(f("from-hint")) { "Its short name: an activity of this workshop, e.g. mandate, or of an earlier workshop in the series, e.g. w1-cabinet.priorities. What the room chose there comes first, then the options below." }
                    input type="text" id=(f("from")) name="from" value=(spec.from.as_deref().unwrap_or("")) aria-describedby=(f("from-hint"));
                    (number(&f("take"), "take", "Carry only the top (optional)", spec.take))
                    fieldset.options {
                        legend { (plural(kind.item_word())) }
                        @if spec.options.is_empty() {
                            p.hint { "None yet. " @if spec.from.is_some() { "Options carried in arrive when the activity opens, if the earlier activity has results; add your own here to be sure." } @else { "Add at least one." } }
                        }
                        ol.option-list {
                            @for (j, o) in spec.options.iter().enumerate() { (option_editor(o, &spec.fields, j + 1, spec.kind)) }
                        }
                        button.add-option type="button" { "Add " (with_article(kind.item_word())) span.visually-hidden { " to activity " (n) } }
                    }
                }
                p.activity-actions {
                    button type="button" data-edit="up" { "Move up" span.visually-hidden { " activity " (n) } }
                    " " button type="button" data-edit="down" { "Move down" span.visually-hidden { " activity " (n) } }
                    " " button type="button" data-edit="duplicate" { "Duplicate" span.visually-hidden { " activity " (n) } }
                    " " button.quiet type="button" data-edit="remove" { "Remove" span.visually-hidden { " activity " (n) } }
                }
            }
        }
    }
}

/// One option (or statement, or responsibility) with its golden-rope fields.
fn option_editor(o: &OptionSpec, fields: &[String], n: usize, kind: ActivityKind) -> Markup {
    html! {
        li.option-edit data-id=(o.id) data-detail=(o.detail) data-detail-cy=[o.detail.welsh()] {
            div.pair {
                label { (kind_of(kind).item_word()) " " span.option-number { (n) } input type="text" name="label" value=(o.label) maxlength=(text::STATEMENT); }
                label.in-welsh { (kind_of(kind).item_word()) " " span.option-number { (n) } ", " span lang="cy" { (crate::language::Language::Welsh.own_name()) } input type="text" name="label-cy" lang="cy" value=(o.label.welsh().unwrap_or("")) maxlength=(text::STATEMENT); }
            }
            @for field in fields {
                label { (field_label(field)) input type="text" name={ "field:" (field) } value=(o.fields.get(field).map(String::as_str).unwrap_or("")) maxlength=(text::FIELD); }
            }
            span.option-actions {
                button type="button" data-option-move="up" { "Up" span.visually-hidden { ": " (o.label) } }
                " " button type="button" data-option-move="down" { "Down" span.visually-hidden { ": " (o.label) } }
                " " button.quiet.remove-option type="button" { "Remove" span.visually-hidden { " " (o.label) } }
            }
        }
    }
}

/// "an option", "a statement": an item word with its article, for a button.
fn with_article(word: &str) -> String {
    let lower = word.to_lowercase();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {lower}")
}

/// "Responsibilities", "Statements": an item word made plural.
fn plural(word: &str) -> String {
    match word.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{word}s"),
    }
}

/// A line or a box of a script's text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Line,
    Box,
}

/// A script's text in English and, beside it, in Welsh (`<name>-cy`): the
/// Welsh is optional, and a reader of Welsh gets the English without it.
fn in_both(id: &str, name: &str, label: &str, value: &Text, max: usize, field: Field) -> Markup {
    let welsh_id = format!("{id}-cy");
    let welsh_name = format!("{name}-cy");
    let welsh = value.welsh().unwrap_or("");
    html! {
        div.pair {
            span.in-english {
                label for=(id) { (label) }
                @if field == Field::Line {
                    input type="text" id=(id) name=(name) value=(value) maxlength=(max);
                } @else {
                    textarea id=(id) name=(name) rows="2" maxlength=(max) { (value) }
                }
            }
            span.in-welsh {
                label for=(welsh_id) { (label) ", " span lang="cy" { (crate::language::Language::Welsh.own_name()) } }
                @if field == Field::Line {
                    input type="text" id=(welsh_id) name=(welsh_name) lang="cy" value=(welsh) maxlength=(max);
                } @else {
                    textarea id=(welsh_id) name=(welsh_name) lang="cy" rows="2" maxlength=(max) { (welsh) }
                }
            }
        }
    }
}

/// A kind's own setting: a number, or a line of text (a matrix's axes) in
/// English and Welsh.
fn setting_field(id: &str, setting: &Setting, spec: &ActivitySpec) -> Markup {
    if !setting.number {
        let text = spec.text_setting(setting.name).cloned().unwrap_or_default();
        return html! {
            span.text-field { (in_both(id, setting.name, setting.label, &text, text::SESSION_TITLE, Field::Line)) }
        };
    }
    let value: Option<u32> = spec.setting(setting.name).and_then(|v| v.parse().ok());
    let (before, after) = setting.phrase.unzip();
    let (welsh_before, welsh_after) = setting.phrase_cy.unzip();
    html! {
        span.number-field {
            label for=(id) { (setting.label) }
            input type="number" id=(id) name=(setting.name) min="0" inputmode="numeric" value=[value]
                data-phrase-before=[before] data-phrase-after=[after]
                data-phrase-cy-before=[welsh_before] data-phrase-cy-after=[welsh_after];
        }
    }
}

fn number(id: &str, name: &str, label: &str, value: Option<u32>) -> Markup {
    html! {
        span.number-field {
            label for=(id) { (label) }
            input type="number" id=(id) name=(name) min="0" inputmode="numeric" value=[value];
        }
    }
}
