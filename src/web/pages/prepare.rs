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
use crate::activity::show::field_name;
use crate::config::text;
use crate::language::{Language, Text};
use crate::session::{live_script, ActivityStatus};
use crate::t;
use crate::web::language::Reading;
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
    reading: Reading,
) -> Response {
    let Ok(handle) = super::staff_session(&app, &headers, &session) else {
        return Redirect::to("/facilitate").into_response();
    };
    let lang = reading.language;
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
            p.brand { a href="/facilitate" { (t!(lang, "console-brand")) } }
            p { a href={ "/facilitate/" (info.id) } { (t!(lang, "back-to-console")) } " · " a href={ "/facilitate/" (info.id) "/runsheet" } { (t!(lang, "runsheet")) } }
        }
        main #main {
            h1 { (t!(lang, "prepare-heading", title = info.title_in(lang))) }
            // A Welsh or bilingual room reads English wherever a text has no Welsh.
            @if info.language.has_welsh() {
                @let missing = script.texts_without_welsh();
                @if missing > 0 {
                    p.warning.carry-warning role="status" { (t!(lang, "prepare-welsh-missing", n = missing)) }
                }
            }
            p.hint { (t!(lang, "prepare-hint")) }
            div #problems tabindex="-1" {}
            form #prepare data-session=(info.id) novalidate
                data-copy-en=(t!(Language::English, "prepare-copy-suffix"))
                data-copy-cy=(t!(Language::Welsh, "prepare-copy-suffix")) {
                ol #activities {
                    @for (i, spec) in script.activities.iter().enumerate() {
                        (activity_editor(spec, i + 1, opened(&spec.id), lang))
                    }
                }
                div.add-activity {
                    label for="new-kind" { (t!(lang, "prepare-add-kind")) }
                    select #new-kind {
                        @for kind in ActivityKind::ALL { option value=(kind.as_str()) { (kind.name(lang)) } }
                    }
                    button #add-activity type="button" { (t!(lang, "prepare-add-activity")) }
                }
                // What saving said sits just above the button, in view when it is.
                p #save-status role="status" aria-live="polite" {}
                p.save {
                    button.primary type="submit" { (t!(lang, "prepare-save")) }
                }
            }
            section.save-template aria-labelledby="template-title" {
                h2 #template-title { (t!(lang, "template-title")) }
                p.hint { (t!(lang, "template-hint")) }
                form #save-template novalidate {
                    label for="template-name" { (t!(lang, "template-name")) }
                    input #template-name type="text" name="name" maxlength=(text::SESSION_TITLE) required;
                    button type="submit" { (t!(lang, "template-save")) }
                    p #template-status role="status" aria-live="polite" {}
                }
            }
            @for &kind in ActivityKind::ALL {
                template id={ "new-" (kind.as_str()) } { (activity_editor(&ActivitySpec::new("", kind, ""), 0, false, lang)) }
            }
            @for &kind in ActivityKind::ALL.iter().filter(|k| k.takes_ballots()) {
                template id={ "new-option-" (kind.as_str()) } { (option_editor(&OptionSpec::new("", ""), &[], 0, kind, lang)) }
            }
        }
    };
    let page = Page {
        title: &t!(lang, "prepare-agenda"),
        class: "console prepare",
        script: Some("/static/prepare/editor.js"),
        reading,
        languages: true,
        ..Default::default()
    };
    layout(page, content).into_response()
}

/// One activity's form. `n` numbers it in the agenda (0 in a template, which
/// the script renumbers); `locked` when it has opened.
fn activity_editor(spec: &ActivitySpec, n: usize, locked: bool, lang: Language) -> Markup {
    let kind = kind_of(spec.kind);
    let takes_options = spec.kind.takes_ballots();
    let f = |name: &str| format!("a{n}-{name}");
    html! {
        li.activity-edit data-id=(spec.id) data-kind=(spec.kind.as_str()) data-locked=[locked.then_some("true")] data-fields=(spec.fields.join(","))
            data-field-names=(spec.fields.iter().map(|f| field_name(f, lang)).collect::<Vec<_>>().join("\n")) {
            fieldset disabled[locked] {
                legend {
                    (t!(lang, "prepare-activity")) " " span.number { (n) } ": " span.kind { (spec.kind.name(lang)) }
                    @if !spec.title.is_empty() { " — " span.legend-title { (spec.title.read_in(lang)) } }
                }
                @if locked { p.locked { (t!(lang, "prepare-locked")) } }
                (in_both(&f("title"), "title", &t!(lang, "prepare-title"), &spec.title, text::SESSION_TITLE, Field::Line))
                (in_both(&f("prompt"), "prompt", &t!(lang, "prepare-prompt"), &spec.prompt, text::PROMPT, Field::Box))
                (in_both(&f("notes"), "notes", &t!(lang, "prepare-notes"), &spec.notes, text::NOTE, Field::Box))
                div.settings {
                    (number(&f("minutes"), "minutes", &t!(lang, "prepare-minutes"), spec.minutes))
                    @for setting in kind.settings() {
                        (setting_field(&f(setting.name), setting, spec, lang))
                    }
                }
                @if kind.room_answers() {
                    p.choice {
                        input type="checkbox" id=(f("anonymous")) name="anonymous" checked[spec.anonymous];
                        label for=(f("anonymous")) { (t!(lang, "prepare-anonymous")) }
                    }
                }
                @if takes_options {
                    label for=(f("from")) { (t!(lang, "prepare-from")) }
                    p.hint id=(f("from-hint")) { (t!(lang, "prepare-from-hint")) }
                    input type="text" id=(f("from")) name="from" value=(spec.from.as_deref().unwrap_or("")) aria-describedby=(f("from-hint"));
                    (number(&f("take"), "take", &t!(lang, "prepare-take"), spec.take))
                    fieldset.options {
                        legend { (kind.item_word().all(lang)) }
                        @if spec.options.is_empty() {
                            p.hint { (t!(lang, "prepare-no-options")) " " @if spec.from.is_some() { (t!(lang, "prepare-options-carried")) } @else { (t!(lang, "prepare-add-one")) } }
                        }
                        ol.option-list {
                            @for (j, o) in spec.options.iter().enumerate() { (option_editor(o, &spec.fields, j + 1, spec.kind, lang)) }
                        }
                        @let activity = t!(lang, "prepare-of-activity", n = n);
                        button.add-option type="button" { (kind.item_word().add_one(lang)) span.visually-hidden { ", " (activity) } }
                    }
                }
                @let activity = t!(lang, "prepare-of-activity", n = n);
                p.activity-actions {
                    button type="button" data-edit="up" { (t!(lang, "prepare-move-up")) span.visually-hidden { ", " (activity) } }
                    " " button type="button" data-edit="down" { (t!(lang, "prepare-move-down")) span.visually-hidden { ", " (activity) } }
                    " " button type="button" data-edit="duplicate" { (t!(lang, "prepare-duplicate")) span.visually-hidden { ", " (activity) } }
                    " " button.quiet type="button" data-edit="remove" { (t!(lang, "prepare-remove")) span.visually-hidden { ", " (activity) } }
                }
            }
        }
    }
}

/// One option (or statement, or responsibility) with its golden-rope fields.
fn option_editor(
    o: &OptionSpec,
    fields: &[String],
    n: usize,
    kind: ActivityKind,
    lang: Language,
) -> Markup {
    let word = kind_of(kind).item_word().one(lang);
    html! {
        li.option-edit data-id=(o.id) data-detail=(o.detail) data-detail-cy=[o.detail.welsh()] {
            div.pair {
                label { (word) " " span.option-number { (n) } input type="text" name="label" value=(o.label) maxlength=(text::STATEMENT); }
                label.in-welsh { (word) " " span.option-number { (n) } ", " span lang="cy" { (Language::Welsh.own_name()) } input type="text" name="label-cy" lang="cy" value=(o.label.welsh().unwrap_or("")) maxlength=(text::STATEMENT); }
            }
            @for field in fields {
                label { (field_name(field, lang)) input type="text" name={ "field:" (field) } value=(o.fields.get(field).map(String::as_str).unwrap_or("")) maxlength=(text::FIELD); }
            }
            span.option-actions {
                button type="button" data-option-move="up" { (t!(lang, "prepare-up")) span.visually-hidden { ": " (o.label.read_in(lang)) } }
                " " button type="button" data-option-move="down" { (t!(lang, "prepare-down")) span.visually-hidden { ": " (o.label.read_in(lang)) } }
                " " button.quiet.remove-option type="button" { (t!(lang, "prepare-remove")) span.visually-hidden { ": " (o.label.read_in(lang)) } }
            }
        }
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
                label for=(id) { (label) ", " span lang="en-GB" { (Language::English.own_name()) } }
                @if field == Field::Line {
                    input type="text" id=(id) name=(name) value=(value) maxlength=(max);
                } @else {
                    textarea id=(id) name=(name) rows="2" maxlength=(max) { (value) }
                }
            }
            span.in-welsh {
                label for=(welsh_id) { (label) ", " span lang="cy" { (Language::Welsh.own_name()) } }
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
fn setting_field(id: &str, setting: &Setting, spec: &ActivitySpec, lang: Language) -> Markup {
    let label = crate::language::text(lang, setting.label);
    if !setting.number {
        let text = spec.text_setting(setting.name).cloned().unwrap_or_default();
        return html! {
            span.text-field { (in_both(id, setting.name, &label, &text, text::SESSION_TITLE, Field::Line)) }
        };
    }
    let value: Option<u32> = spec.setting(setting.name).and_then(|v| v.parse().ok());
    let (before, after) = setting.phrase.unzip();
    let (welsh_before, welsh_after) = setting.phrase_cy.unzip();
    html! {
        span.number-field {
            label for=(id) { (label) }
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
