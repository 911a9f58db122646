//! `DELETE /api/sessions/{id}` and `DELETE /api/series/{id}`: a session's
//! transcript and secret, or a series with all its sessions, gone from the
//! data folder, its sockets closed, and the deletion in the audit log.

use super::auth::Facilitator;
use super::error::ApiError;
use super::AppState;
use crate::audit::Entry;
use crate::error_code::ErrorCode;
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
    delete_one(&app, id, "facilitator").await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Deletes a series and every session in it.
pub async fn delete_series(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let series = super::series_api::known(&app, &id)?;
    delete_series_and_sessions(&app, series.id, "facilitator").await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Deletes every session of the series, then the series' file, each with
/// its audit line. The sessions are listed with the lock held that making a
/// session in a series takes, so one made meanwhile goes too.
pub(crate) async fn delete_series_and_sessions(
    app: &AppState,
    series: Uuid,
    by: &str,
) -> Result<(), ApiError> {
    let _series_held = app.erasing.lock().await;
    refuse_if_unreadable(app, series)?;
    let sessions: Vec<Uuid> = app
        .sessions
        .list()
        .iter()
        .filter(|h| h.info().series == series)
        .map(|h| h.info().id)
        .collect();
    for session in sessions {
        delete_one(app, session, by).await?;
    }
    let book = app.series.clone();
    tokio::task::spawn_blocking(move || book.delete(series))
        .await
        .map_err(|_| failed())?
        .map_err(|e| {
            tracing::error!(error = %e, "series not deleted");
            failed()
        })?;
    audit(app, by, "series", series, "the series' name and roster")
}

/// What retention did.
#[derive(Debug, Default)]
pub struct Purged {
    /// Series deleted.
    pub deleted: usize,
    /// Series due for deletion but kept whole, each with why.
    pub kept: Vec<(Uuid, String)>,
}

/// Retention: deletes every series whose sessions have all ended, the last
/// of them before `cutoff` (a series with no session, made before it).
pub async fn purge(app: &AppState, cutoff: jiff::Timestamp, by: &str) -> Result<Purged, ApiError> {
    let sessions = app.sessions.list();
    let mut purged = Purged::default();
    for series in app.series.list() {
        let mine: Vec<_> = sessions
            .iter()
            .filter(|h| h.info().series == series.id)
            .collect();
        let last_end = if mine.is_empty() {
            Some(series.created_at)
        } else {
            mine.iter()
                .map(|h| h.state().ended_at)
                .collect::<Option<Vec<_>>>()
                .and_then(|ends| ends.into_iter().max())
        };
        if last_end.is_some_and(|end| end < cutoff) {
            match delete_series_and_sessions(app, series.id, by).await {
                Ok(()) => purged.deleted += 1,
                // Kept whole until its damaged transcript is dealt with;
                // the others go.
                Err(e) if e.code == ErrorCode::UnreadableTranscript => {
                    tracing::error!(series = %series.id, error = %e.message, "series kept");
                    purged.kept.push((series.id, e.message));
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(purged)
}

pub(crate) async fn delete_one(app: &AppState, id: Uuid, by: &str) -> Result<(), ApiError> {
    match app.sessions.delete(&id).await {
        None => match app.sessions.unreadable(id) {
            Some(damaged) => Err(unreadable(&damaged)),
            None => Err(ApiError::unknown_session()),
        },
        Some(Err(e)) => {
            tracing::error!(session = %id, error = %e, "session not deleted");
            Err(failed())
        }
        Some(Ok(())) => audit(app, by, "session", id, "transcript and pseudonym secret"),
    }
}

fn audit(app: &AppState, by: &str, what: &str, id: Uuid, removed: &str) -> Result<(), ApiError> {
    let entry = Entry {
        at: crate::time::now(),
        by,
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

/// Erasing or deleting in `series` must be total: refused, changing
/// nothing, while a transcript that may be in it cannot be read.
pub(crate) fn refuse_if_unreadable(app: &AppState, series: Uuid) -> Result<(), ApiError> {
    match app.sessions.unreadable_in(series).into_iter().next() {
        Some(damaged) => Err(unreadable(&damaged)),
        None => Ok(()),
    }
}

/// What to do about a transcript that cannot be read.
fn unreadable(damaged: &crate::live::registry::Unreadable) -> ApiError {
    let file = format!("sessions/{}.jsonl", damaged.id);
    ApiError::new(
        ErrorCode::UnreadableTranscript,
        format!(
            "nothing was changed: the transcript {file} in the data folder cannot be read ({}), and it may hold what this would remove. Run `topteam verify DATA_DIR/{file}`, then restore it from a backup, or move it out of the data folder, and restart",
            damaged.why
        ),
    )
}

fn failed() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "it could not be deleted completely; check the data folder and try again",
    )
}
