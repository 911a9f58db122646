//! Every refusal as `{"error":{"code","message"}}` with a fitting HTTP status.

use crate::session::{Rejection, SessionError};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// A refusal the web layer sends: a stable code, a sentence, and a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status (websocket errors carry the same code without it).
    pub status: StatusCode,
    /// Stable code, listed in `docs/api.md`.
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

/// The body of every error.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// Code and message.
    pub error: ErrorDetail<'a>,
}

/// Code and message.
#[derive(Debug, Serialize)]
pub struct ErrorDetail<'a> {
    /// Stable code.
    pub code: &'a str,
    /// Sentence.
    pub message: &'a str,
}

impl ApiError {
    /// An error with a status chosen from its code.
    pub fn new(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: status_for(code),
            code,
            message: message.into(),
        }
    }

    /// Missing or wrong facilitator key.
    pub fn unauthorized() -> ApiError {
        ApiError::new("unauthorized", "this needs the facilitator key")
    }

    /// No session with that id.
    pub fn unknown_session() -> ApiError {
        ApiError::new("unknown_session", "there is no such session")
    }

    /// Request body or message that is not JSON.
    pub fn malformed(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            "malformed_json",
            format!("that is not valid JSON: {detail}"),
        )
    }

    /// JSON of the wrong shape.
    pub fn invalid(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            "invalid_request",
            format!("the request is not understood: {detail}"),
        )
    }

    /// Too big to read.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            "too_large",
            format!("messages may be at most {limit} bytes"),
        )
    }

    /// The body as it goes on the wire.
    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: &self.message,
            },
        }
    }
}

impl From<Rejection> for ApiError {
    fn from(r: Rejection) -> ApiError {
        ApiError::new(r.code(), r.to_string())
    }
}

impl From<crate::activity::BallotError> for ApiError {
    fn from(e: crate::activity::BallotError) -> ApiError {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<SessionError> for ApiError {
    fn from(e: SessionError) -> ApiError {
        ApiError::new(e.code(), e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

/// The status for each code; documented in `docs/api.md`.
fn status_for(code: &str) -> StatusCode {
    match code {
        "unauthorized" => StatusCode::UNAUTHORIZED,
        "forbidden" | "wrong_group" | "wrong_session" | "removed" | "bad_origin" => {
            StatusCode::FORBIDDEN
        }
        "unknown_session"
        | "unknown_code"
        | "unknown_workshop"
        | "unknown_activity"
        | "unknown_participant"
        | "unknown_person"
        | "unknown_series"
        | "not_found" => StatusCode::NOT_FOUND,
        "activity_closed" | "session_ended" | "not_admitted" | "session_full" => {
            StatusCode::CONFLICT
        }
        "too_large" => StatusCode::PAYLOAD_TOO_LARGE,
        "not_websocket" => StatusCode::UPGRADE_REQUIRED,
        "rate_limited" => StatusCode::TOO_MANY_REQUESTS,
        "storage_failed"
        | "unavailable"
        | "server_full"
        | "too_many_connections"
        | "anonymity_unavailable" => StatusCode::SERVICE_UNAVAILABLE,
        "unknown_option" | "negative_dots" | "too_many_dots" | "empty_ballot"
        | "wrong_ballot_kind" | "invalid_text" | "duplicate_name" | "roster_too_large" => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        _ => StatusCode::BAD_REQUEST,
    }
}
