//! `GET` and `PUT /api/sessions/{id}/script`: a session's agenda as JSON (the
//! fields of a TOML script), and replacing it, checked as `topteam check`
//! checks files. The session decides whether the edit may stand (activities
//! already opened cannot change) and records it as an event.

use super::auth::Facilitator;
use super::error::ApiError;
use super::AppState;
use crate::language::Sentence;
use crate::session::{live_script, Actor, Command};
use crate::workshop::{ScriptProblem, Workshop};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// The session's script as it stands.
pub async fn get_script(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let handle = app.session(&id)?;
    Ok(Json(live_script(&handle.state())).into_response())
}

/// Replaces the session's script; answers the seq of the edit and the
/// script. Its problems are worded for the reader (the agenda editor's).
pub async fn put_script(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    save_script(&app, &id, body).await
}

async fn save_script(
    app: &AppState,
    id: &str,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let handle = app.session(id)?;
    let workshop = read_script(body)?;
    let links = app.workshops.problems_of_links(&workshop);
    if !links.is_empty() {
        return Err(invalid_script(links));
    }
    let seq = handle
        .command(
            Actor::Facilitator,
            None,
            Command::SetScript(Box::new(workshop)),
        )
        .await?;
    let script = live_script(&handle.state());
    Ok(Json(super::replies::ScriptSaved {
        seq,
        script: &script,
    })
    .into_response())
}

/// A script from a request body: at most `config::script::BYTES`, JSON, of
/// a script's shape. Whether its settings make sense is checked after.
pub fn read_script(
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Workshop, ApiError> {
    let body = body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(crate::config::script::BYTES)
        } else {
            ApiError::invalid(e.body_text())
        }
    })?;
    let text = std::str::from_utf8(&body).map_err(ApiError::malformed)?;
    let mut reader = serde_json::Deserializer::from_str(text);
    let script: Workshop = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            ApiError::malformed(inner)
        } else {
            script_shape_error(&path, &inner)
        }
    })?;
    reader.end().map_err(ApiError::malformed)?;
    Ok(script)
}

/// `invalid_script` with each problem as `topteam check` words it.
pub fn invalid_script(problems: Vec<ScriptProblem>) -> ApiError {
    let mut error = ApiError::new(
        crate::error_code::ErrorCode::InvalidScript,
        format!(
            "the script has {} problem(s): {}",
            problems.len(),
            problems.first().map_or(String::new(), ToString::to_string)
        ),
    );
    error.problems = problems;
    error
}

/// A script of the wrong shape (an unknown kind or field, a wrong type) as
/// `invalid_script`, naming the place serde stopped at.
/// A script of the wrong shape, named by the field (`activity[2].dots`),
/// as the editor shows problems beside their fields.
fn script_shape_error(path: &str, e: &serde_json::Error) -> ApiError {
    // serde_json ends its words with where in the text; the path says where.
    let words = e.to_string();
    let words = words
        .rsplit_once(" at line ")
        .map_or(words.as_str(), |(before, _)| before)
        .to_string();
    let mut error = ApiError::new(
        crate::error_code::ErrorCode::InvalidScript,
        format!("the script is not understood: {path}: {words}"),
    );
    // serde's own words are English; a Welsh reader gets them as they are,
    // after the catalogue's sentence that says what they are about.
    error.problems = vec![ScriptProblem::new(
        path,
        Sentence::new("check-not-understood").with("words", words),
    )];
    error
}
