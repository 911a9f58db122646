//! The forms of a series' page and of the console that change or delete
//! things: rename, save the roster, delete a series, delete a session. Each
//! answers with the page again, saying what happened or what was refused.

use super::same_origin;
use super::series::{series_page, RosterDraft, RowDraft};
use crate::language::Language;
use crate::series::paste::read_pasted;
use crate::series::{PersonInput, RosterError};
use crate::t;
use crate::web::auth::require_facilitator;
use crate::web::language::Reading;
use crate::web::series_api::{known, rename_series, replace_roster};
use crate::web::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The rename form.
#[derive(Debug, Deserialize)]
pub struct RenameForm {
    name: String,
}

/// `POST /facilitate/series/{id}/name`.
pub async fn rename(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    reading: Reading,
    Form(form): Form<RenameForm>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let Ok(series) = known(&app, &id) else {
        return Redirect::to("/facilitate").into_response();
    };
    let limit = crate::config::text::SERIES_NAME;
    let name = match crate::activity::clean_line(&form.name, limit, "series name") {
        Ok(name) => name,
        Err(_) => {
            let why = t!(lang, "series-name-bad", limit = limit);
            let draft = RosterDraft::of(&series);
            let page = series_page(&app, &series, None, &draft, Some(&why), reading);
            return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
        }
    };
    match rename_series(&app, series.id, name).await {
        Ok(()) => {
            Redirect::to(&format!("/facilitate/series/{}?done=renamed", series.id)).into_response()
        }
        Err(e) => refused(e.code, &e.message, lang),
    }
}

/// A refusal from below the web layer: its own words for an English reader,
/// its code's sentence for anyone else.
fn refused(code: crate::error_code::ErrorCode, message: &str, lang: Language) -> Response {
    let why = match lang {
        Language::English => message.to_string(),
        _ => crate::language::text(lang, code.message_key()),
    };
    (
        crate::web::error::status_for(code),
        super::refusal_page(&why, lang),
    )
        .into_response()
}

/// `POST /facilitate/series/{id}/roster`: the table's rows (`id.N`,
/// `name.N`, `group.N`, `job.N`, `remove.N`) and pasted lines (`paste`).
/// Nothing is saved unless every row and line can be.
pub async fn roster(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    reading: Reading,
    fields: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let Ok(series) = known(&app, &id) else {
        return Redirect::to("/facilitate").into_response();
    };
    let refuse = |draft: &RosterDraft, why: &str| {
        let page = series_page(&app, &series, None, draft, Some(why), reading.clone());
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let fields = match fields {
        Ok(Form(fields)) => fields,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let why = t!(
                lang,
                "roster-too-large",
                n = crate::series::roster::MAX_ROSTER
            );
            return refuse(&RosterDraft::of(&series), &why);
        }
        Err(_) => {
            return refuse(
                &RosterDraft::of(&series),
                &t!(lang, "roster-not-understood"),
            )
        }
    };
    let Some(mut draft) = draft_from(&fields) else {
        return refuse(
            &RosterDraft::of(&series),
            &t!(lang, "roster-not-understood"),
        );
    };
    let (pasted, refused) = read_pasted(&draft.paste);
    draft.refused = refused;
    if !draft.refused.is_empty() {
        let lines: Vec<String> = draft.refused.iter().map(|r| r.line.to_string()).collect();
        let why = t!(
            lang,
            "roster-lines-refused",
            n = lines.len(),
            lines = lines.join(", ")
        );
        return refuse(&draft, &why);
    }
    // Each entry, and where it came from, to name it in a refusal.
    let mut people: Vec<(Option<usize>, PersonInput)> = Vec::new();
    for (i, row) in draft.rows.iter_mut().enumerate() {
        if row.remove
            || (row.id.is_none() && row.name.trim().is_empty() && row.job.trim().is_empty())
        {
            continue;
        }
        let Some(group) = row.group else {
            row.refused = Some(t!(lang, "roster-row-no-team"));
            continue;
        };
        people.push((
            Some(i),
            PersonInput {
                id: row.id,
                name: row.name.clone(),
                group,
                job_title: Some(row.job.clone()),
            },
        ));
    }
    if draft.rows.iter().any(|r| r.refused.is_some()) {
        return refuse(&draft, &t!(lang, "roster-rows-no-team"));
    }
    people.extend(pasted.into_iter().map(|p| (None, p)));
    let rows_of: Vec<Option<usize>> = people.iter().map(|(row, _)| *row).collect();
    let input: Vec<PersonInput> = people.into_iter().map(|(_, p)| p).collect();
    match replace_roster(&app, series.id, input.clone()).await {
        Ok(_) => {
            Redirect::to(&format!("/facilitate/series/{}?done=roster", series.id)).into_response()
        }
        Err(e) => {
            // Name the row the refusal is about, where there is one.
            let checked = crate::series::new_roster(&series.roster, input);
            let why = match checked {
                Err(RosterError::BadName { index, why }) => {
                    // The text rules' words are English; another reader
                    // gets their code's sentence.
                    let why = match lang {
                        Language::English => capitalised(&why),
                        _ => crate::language::text(lang, e.code.message_key()),
                    };
                    match rows_of.get(index - 1).copied().flatten() {
                        Some(row) => {
                            draft.rows[row].refused = Some(why);
                            t!(lang, "roster-row-refused")
                        }
                        None => t!(lang, "roster-pasted-refused", why = why),
                    }
                }
                Err(RosterError::Duplicate(name)) => t!(lang, "roster-twice", name = name),
                Err(RosterError::TooLarge) => {
                    t!(
                        lang,
                        "roster-too-large",
                        n = crate::series::roster::MAX_ROSTER
                    )
                }
                _ => {
                    let why = match lang {
                        Language::English => format!("{}.", capitalised(&e.message)),
                        _ => e.human(lang),
                    };
                    t!(lang, "roster-nothing-saved", why = why)
                }
            };
            refuse(&draft, &why)
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The rows and pasted text as sent, in row order; `None` for a form this
/// page never makes (a row number out of range or written oddly, a field
/// sent twice).
fn draft_from(fields: &[(String, String)]) -> Option<RosterDraft> {
    let mut rows: BTreeMap<usize, RowDraft> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut paste = String::new();
    for (key, value) in fields {
        if !seen.insert(key.as_str()) {
            return None;
        }
        if key == "paste" {
            paste = value.clone();
            continue;
        }
        let (field, index) = key.split_once('.')?;
        // Row numbers as the page writes them: plain digits, within a roster.
        let plain = !index.is_empty()
            && index.bytes().all(|b| b.is_ascii_digit())
            && (index.len() == 1 || !index.starts_with('0'));
        if !plain {
            return None;
        }
        let index = index
            .parse::<usize>()
            .ok()
            .filter(|i| *i <= crate::series::roster::MAX_ROSTER + 1)?;
        let row = rows.entry(index).or_default();
        match field {
            "id" => row.id = Some(value.parse().ok()?),
            "name" => row.name = value.clone(),
            "group" => row.group = crate::series::paste::team_named(value),
            "job" => row.job = value.clone(),
            "remove" => row.remove = value == "yes",
            _ => return None,
        }
    }
    Some(RosterDraft {
        rows: rows.into_values().collect(),
        paste,
        refused: Vec::new(),
    })
}

/// A form that deletes: the typed confirmation.
#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    confirm: String,
}

/// `POST /facilitate/series/{id}/delete`: the series' name typed to confirm.
pub async fn delete_series(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    reading: Reading,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let Ok(series) = known(&app, &id) else {
        return Redirect::to("/facilitate").into_response();
    };
    if crate::series::name_key(&form.confirm) != crate::series::name_key(&series.name) {
        let why = t!(lang, "delete-series-mistyped", name = series.name.as_str());
        let draft = RosterDraft::of(&series);
        let page = series_page(&app, &series, None, &draft, Some(&why), reading);
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    match crate::records::deletion::delete_series_and_sessions(
        app.records(),
        series.id,
        "facilitator",
    )
    .await
    {
        Ok(()) => Redirect::to("/facilitate?done=series-deleted").into_response(),
        Err(e) => refused(e.code, &e.message, lang),
    }
}

/// `POST /facilitate/{session}/delete`: the session's join code typed to confirm.
pub async fn delete_session(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(session): Path<String>,
    reading: Reading,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) {
        return Redirect::to("/facilitate").into_response();
    }
    let Ok(handle) = super::staff_session(&app, &headers, &session) else {
        return Redirect::to("/facilitate").into_response();
    };
    let info = handle.info().clone();
    if !form.confirm.trim().eq_ignore_ascii_case(&info.code) {
        let why = t!(
            lang,
            "delete-session-mistyped",
            title = info.title_in(lang),
            code = info.code.as_str()
        );
        let back = format!("/facilitate/{}", info.id);
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            not_deleted(&why, &back, reading),
        )
            .into_response();
    }
    match crate::records::deletion::delete_one(app.records(), info.id, "facilitator").await {
        Ok(()) => Redirect::to("/facilitate?done=session-deleted").into_response(),
        Err(e) => refused(e.code, &e.message, lang),
    }
}

/// A refused deletion, with the way back.
fn not_deleted(why: &str, back: &str, reading: Reading) -> maud::Markup {
    let lang = reading.language;
    let content = maud::html! {
        (super::console::console_header(lang))
        main #main {
            h1 { (t!(lang, "nothing-deleted")) }
            div.error-summary role="alert" { p { (why) } }
            p { a href=(back) { (t!(lang, "back-to-session")) } }
        }
    };
    super::layout(
        super::Page {
            title: &t!(lang, "nothing-deleted"),
            class: "console",
            reading,
            languages: true,
            ..Default::default()
        },
        content,
    )
}
