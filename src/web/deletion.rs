//! `DELETE /api/sessions/{id}` and `DELETE /api/series/{id}`: the thin
//! routes over [`crate::records::deletion`].

use super::auth::Facilitator;
use super::error::ApiError;
use super::AppState;
use crate::records::deletion;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

/// Deletes one session.
pub async fn delete_session(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id: Uuid = id.parse().map_err(|_| ApiError::unknown_session())?;
    deletion::delete_one(app.records(), id, "facilitator").await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Deletes a series and every session in it.
pub async fn delete_series(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let series = super::series_api::known(&app, &id)?;
    deletion::delete_series_and_sessions(app.records(), series.id, "facilitator").await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
