//! Downloads of a session's record, rebuilt from its transcript.

use super::error::ApiError;
use super::pages::review::source_of;
use super::review_links::reader;
use super::AppState;
use crate::error_code::ErrorCode;
use crate::report::{report_json, report_markdown, votes_csv};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

/// `GET /review/{session}/{file}`: `report.md`, `votes.csv` or `report.json`.
pub async fn download(
    State(app): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let reader = reader(&headers, &app).ok_or_else(ApiError::unauthorized)?;
    let handle = app.session(&id)?;
    if !reader.may_read(handle.info().series) {
        return Err(ApiError::unauthorized());
    }
    let source = source_of(&app, &handle)
        .await
        .ok_or_else(|| ApiError::new(ErrorCode::Unavailable, "the transcript could not be read"))?;
    let name = format!("topteam-{}-{}", handle.info().code, file);
    let disposition = format!("attachment; filename=\"{name}\"");
    let (content_type, body) = match file.as_str() {
        "report.md" => ("text/markdown; charset=utf-8", report_markdown(&source)),
        "votes.csv" => ("text/csv; charset=utf-8", votes_csv(&source)),
        "report.json" => ("application/json", report_json(&source).to_string()),
        _ => {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                "exports are report.md, votes.csv and report.json",
            ))
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
