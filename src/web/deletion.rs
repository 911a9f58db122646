//! `DELETE /api/sessions/{id}` and `DELETE /api/series/{id}`: a session's
//! transcript and secret, or a series with all its sessions, gone from the
//! data folder, its sockets closed, and the deletion in the audit log.

use super::auth::require_facilitator;
use super::error::ApiError;
use super::AppState;
use crate::audit::Entry;
use crate::error_code::ErrorCode;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

/// Deletes one session.
pub async fn delete_session(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_facilitator(&headers, &app)?;
    let id: Uuid = id.parse().map_err(|_| ApiError::unknown_session())?;
    delete_one(&app, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Deletes a series and every session in it.
pub async fn delete_series(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_facilitator(&headers, &app)?;
    let series = super::series_api::known(&app, &id)?;
    let sessions: Vec<Uuid> = app
        .sessions
        .list()
        .iter()
        .filter(|h| h.info().series == series.id)
        .map(|h| h.info().id)
        .collect();
    for session in sessions {
        delete_one(&app, session).await?;
    }
    let book = app.series.clone();
    let series_id = series.id;
    tokio::task::spawn_blocking(move || book.delete(series_id))
        .await
        .map_err(|_| failed())?
        .map_err(|e| {
            tracing::error!(error = %e, "series not deleted");
            failed()
        })?;
    audit(&app, "series", series.id, "the series' name and roster")?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn delete_one(app: &AppState, id: Uuid) -> Result<(), ApiError> {
    match app.sessions.delete(&id).await {
        None => Err(ApiError::unknown_session()),
        Some(Err(e)) => {
            tracing::error!(session = %id, error = %e, "session not deleted");
            Err(failed())
        }
        Some(Ok(())) => audit(app, "session", id, "transcript and pseudonym secret"),
    }
}

fn audit(app: &AppState, what: &str, id: Uuid, removed: &str) -> Result<(), ApiError> {
    let entry = Entry {
        at: crate::time::now(),
        by: "facilitator",
        action: "deleted",
        what,
        id: id.to_string(),
        removed,
    };
    app.audit.record(&entry).map_err(|e| {
        tracing::error!(error = %e, "audit log not written");
        failed()
    })
}

fn failed() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "it could not be deleted completely; check the data folder and try again",
    )
}
