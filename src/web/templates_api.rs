//! `/api/workshops`: the built-in scripts (read-only) and the templates
//! saved from the agenda editor, which can be made, replaced and deleted.

use super::auth::Facilitator;
use super::error::ApiError;
use super::replies::TemplateSummary;
use super::script_api::{invalid_script, read_script};
use super::AppState;
use crate::error_code::ErrorCode;
use crate::language::Sentence;
use crate::workshop::{ScriptProblem, Workshop};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

fn summary(w: &Workshop, builtin: bool) -> TemplateSummary {
    TemplateSummary {
        id: w.id.clone(),
        title: w.title.to_string(),
        groups: w.groups.clone(),
        activities: w.activities.len(),
        builtin,
    }
}

/// Every template: built-in first, then saved.
pub async fn list(State(app): State<AppState>, _: Facilitator) -> Result<Response, ApiError> {
    let builtin = app.workshops.iter().map(|w| summary(w, true));
    let saved = app.templates.list();
    let list: Vec<TemplateSummary> = builtin
        .chain(saved.iter().map(|w| summary(w, false)))
        .collect();
    Ok(Json(list).into_response())
}

/// One template's script.
pub async fn get(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let workshop = app.workshop(&id).ok_or_else(|| unknown(&id))?;
    Ok(Json(&*workshop).into_response())
}

/// Saves a new template; its refusals are worded for the reader (the
/// agenda editor's "Save as template").
pub async fn create(
    State(app): State<AppState>,
    _: Facilitator,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    create_template(&app, body).await
}

async fn create_template(
    app: &AppState,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let workshop = checked(app, read_script(body)?)?;
    if app.templates.get(&workshop.id).is_some() {
        let why = format!(
            "a saved template {:?} exists already; replace it with PUT, or choose another id",
            workshop.id
        );
        return Err(ApiError::new(ErrorCode::TemplateExists, why));
    }
    let saved = save(app, workshop).await?;
    Ok((StatusCode::CREATED, Json(summary(&saved, false))).into_response())
}

/// Replaces a saved template.
pub async fn replace(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let workshop = checked(&app, read_script(body)?)?;
    if workshop.id != id {
        let why = Sentence::new("check-template-id-must-be").with("id", format!("{id:?}"));
        return Err(invalid_script(vec![ScriptProblem::new("id", why)]));
    }
    if app.templates.get(&id).is_none() {
        return Err(unknown(&id));
    }
    let saved = save(&app, workshop).await?;
    Ok(Json(summary(&saved, false)).into_response())
}

/// Deletes a saved template (sessions made from it keep their own copy).
pub async fn delete(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if app.workshops.get(&id).is_some() {
        return Err(read_only());
    }
    let templates = app.templates.clone();
    let gone = tokio::task::spawn_blocking(move || templates.delete(&id))
        .await
        .map_err(|_| storage())?
        .map_err(|_| storage())?;
    if !gone {
        return Err(ApiError::new(
            ErrorCode::UnknownWorkshop,
            "there is no such saved template",
        ));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The script's problems, its id's, and a built-in's id refused. Options a
/// session carried in (from earlier results, or an earlier plan) are one
/// council's: a template keeps only the script's own.
fn checked(app: &AppState, mut workshop: Workshop) -> Result<Workshop, ApiError> {
    for activity in workshop.activities.iter_mut().filter(|a| a.from.is_some()) {
        std::sync::Arc::make_mut(activity)
            .options
            .retain(|o| !crate::session::carry::was_carried(o));
    }
    let mut problems = workshop.problems();
    problems.extend(app.workshops.problems_of_links(&workshop));
    let id_ok = !workshop.id.is_empty()
        && workshop.id.len() <= 60
        && workshop
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        problems.push(ScriptProblem::new("id", Sentence::new("check-template-id")));
    }
    if !problems.is_empty() {
        return Err(invalid_script(problems));
    }
    if app.workshops.get(&workshop.id).is_some() {
        return Err(read_only());
    }
    Ok(workshop)
}

async fn save(app: &AppState, workshop: Workshop) -> Result<std::sync::Arc<Workshop>, ApiError> {
    let templates = app.templates.clone();
    tokio::task::spawn_blocking(move || templates.save(workshop))
        .await
        .map_err(|_| storage())?
        .map_err(|e| {
            tracing::error!(error = %e, "template not saved");
            storage()
        })
}

fn read_only() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "built-in templates cannot be changed; save your version under another id",
    )
}

fn unknown(id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::UnknownWorkshop,
        format!("there is no template {id:?}"),
    )
}

fn storage() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "the template could not be saved; check the data folder",
    )
}
