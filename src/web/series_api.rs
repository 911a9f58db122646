//! The JSON API for series: create, list, read, and set the roster.

use super::auth::Facilitator;
use super::error::ApiError;
use super::replies::{SeriesSession, SeriesSummary};
use super::{AppState, JsonBody};
use crate::error_code::ErrorCode;
use crate::series::{PersonInput, Series};
use crate::session::{Actor, Command};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;
use uuid::Uuid;

/// Longest series name, in characters.
pub const MAX_SERIES_NAME_CHARS: usize = crate::config::text::SERIES_NAME;

/// `POST /api/series` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateSeries {
    name: String,
}

/// `PUT /api/series/{id}/roster` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterBody {
    people: Vec<PersonInput>,
}

/// Creates a named series.
pub async fn create(
    State(app): State<AppState>,
    _: Facilitator,
    JsonBody(body): JsonBody<CreateSeries>,
) -> Result<Response, ApiError> {
    let name = crate::activity::clean_line(&body.name, MAX_SERIES_NAME_CHARS, "series name")?;
    let series = new_series(&app, name, None).await?;
    let body = super::replies::SeriesCreated {
        id: series.id,
        name: series.name.clone(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// A new series on disk (blocking I/O kept off the async workers).
pub async fn new_series(
    app: &AppState,
    name: String,
    id: Option<Uuid>,
) -> Result<Arc<Series>, ApiError> {
    let book = app.series.clone();
    let at = now();
    tokio::task::spawn_blocking(move || book.create(name, id, at))
        .await
        .map_err(|_| storage_failed())?
        .map_err(|e| {
            tracing::error!(error = %e, "series not created");
            storage_failed()
        })
}

/// Every series, newest first, with its sessions.
pub async fn list(State(app): State<AppState>, _: Facilitator) -> Result<Response, ApiError> {
    let all: Vec<SeriesSummary> = app.series.list().iter().map(|s| summary(&app, s)).collect();
    Ok(Json(all).into_response())
}

/// One series: its name, roster and sessions.
pub async fn get(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let series = known(&app, &id)?;
    let mut body = summary(&app, &series);
    body.roster = Some(series.roster.clone());
    Ok(Json(body).into_response())
}

/// Replaces the roster, and tells the series' live sessions.
pub async fn set_roster(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<RosterBody>,
) -> Result<Response, ApiError> {
    let series = known(&app, &id)?;
    let set = replace_roster(&app, series.id, body.people).await?;
    let mut body = summary(&app, &set);
    body.roster = Some(set.roster.clone());
    Ok(Json(body).into_response())
}

/// The series named by a path or body, or `unknown_series`.
pub fn known(app: &AppState, id: &str) -> Result<Arc<Series>, ApiError> {
    id.parse()
        .ok()
        .and_then(|id| app.series.get(&id))
        .ok_or_else(unknown_series)
}

fn summary(app: &AppState, series: &Series) -> SeriesSummary {
    let sessions = app
        .sessions
        .list()
        .iter()
        .filter(|h| h.info().series == series.id)
        .map(|h| {
            let info = h.info();
            SeriesSession {
                id: info.id,
                title: info.title.to_string(),
                workshop: info.workshop.id.clone(),
                code: info.code.clone(),
                created_at: info.created_at,
            }
        })
        .collect();
    SeriesSummary::of(series, sessions)
}

fn unknown_series() -> ApiError {
    ApiError::new(ErrorCode::UnknownSeries, "there is no such series")
}

fn storage_failed() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "the series could not be saved; check the data folder",
    )
}

fn now() -> jiff::Timestamp {
    crate::time::now()
}

/// The body of `PUT /api/series/{id}/archived`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    archived: bool,
}

/// `PUT /api/series/{id}/archived` `{"archived":bool}`: hides a series from
/// the console's lists (its sessions' create-form entry too), or shows it again.
pub async fn set_archived(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    super::JsonBody(body): super::JsonBody<Archive>,
) -> Result<Response, ApiError> {
    let series = known(&app, &id)?;
    let book = app.series.clone();
    let sid = series.id;
    tokio::task::spawn_blocking(move || book.set_archived(sid, body.archived, crate::time::now()))
        .await
        .ok()
        .flatten()
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownSeries, "there is no such series"))?
        .map_err(|_| {
            ApiError::new(
                ErrorCode::StorageFailed,
                "the series could not be saved; check the data folder",
            )
        })?;
    let series = known(&app, &id)?;
    Ok(Json(summary(&app, &series)).into_response())
}

/// The body of `PUT /api/series/{id}/name`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    name: String,
}

/// `PUT /api/series/{id}/name` `{"name":"..."}`: renames a series.
pub async fn rename(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    super::JsonBody(body): super::JsonBody<Rename>,
) -> Result<Response, ApiError> {
    let series = known(&app, &id)?;
    let name = crate::activity::clean_line(&body.name, MAX_SERIES_NAME_CHARS, "series name")?;
    rename_series(&app, series.id, name).await?;
    let series = known(&app, &id)?;
    Ok(Json(summary(&app, &series)).into_response())
}

/// Renames a series on disk (blocking I/O kept off the async workers).
pub async fn rename_series(app: &AppState, id: Uuid, name: String) -> Result<(), ApiError> {
    let book = app.series.clone();
    tokio::task::spawn_blocking(move || book.rename(id, name, now()))
        .await
        .map_err(|_| storage_failed())?
        .ok_or_else(unknown_series)?
        .map_err(|e| {
            tracing::error!(error = %e, "series not renamed");
            storage_failed()
        })
}

/// Replaces a series' roster on disk and tells its live sessions; the
/// refusal, if the roster is refused, names what is wrong.
pub async fn replace_roster(
    app: &AppState,
    id: Uuid,
    people: Vec<PersonInput>,
) -> Result<Arc<Series>, ApiError> {
    let book = app.series.clone();
    let at = now();
    let set = tokio::task::spawn_blocking(move || book.set_roster(id, people, at))
        .await
        .map_err(|_| storage_failed())?
        .ok_or_else(unknown_series)?
        .map_err(|e| ApiError::new(e.code(), e.to_string()))?
        .map_err(|e| {
            tracing::error!(error = %e, "roster not saved");
            storage_failed()
        })?;
    // A dormant session has ended, and keeps the roster it ended with.
    for handle in app.sessions.list().iter().filter_map(|l| l.awake()) {
        if handle.info().series == set.id {
            let command = Command::SetRoster(set.roster.clone());
            // An ended session keeps the roster it ended with.
            let _ = handle.command(Actor::Facilitator, None, command).await;
        }
    }
    Ok(set)
}
