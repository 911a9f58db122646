//! Every refusal as `{"error":{"code","message"}}` with a fitting HTTP status.

use crate::error_code::ErrorCode;
use crate::language::Language;
use crate::live::SessionError;
use crate::session::Rejection;
use crate::workshop::ScriptProblem;
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
    pub code: ErrorCode,
    /// What went wrong, for people.
    pub message: String,
    /// Each problem with its field (`invalid_script`), else empty.
    pub problems: Vec<ScriptProblem>,
    /// The language `message` was written in, when it was written for a
    /// reader (`None`: English, as refusals from the session are).
    pub language: Option<Language>,
}

/// One problem with a field of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field, as `topteam check` names it (`activity[2].dots`).
    pub path: String,
    /// What is wrong with it.
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
    pub code: ErrorCode,
    /// Sentence.
    pub message: &'a str,
    /// Each problem with its field, for `invalid_script`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

impl ApiError {
    /// An error with a status chosen from its code.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status: status_for(code),
            code,
            message: message.into(),
            problems: Vec::new(),
            language: None,
        }
    }

    /// An error whose message was written in the reader's `language`.
    pub fn in_language(
        code: ErrorCode,
        language: Language,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError {
            language: Some(language),
            ..ApiError::new(code, message)
        }
    }

    /// What went wrong, in `language`: the message itself when it is in
    /// that language, else its code's own message from the catalogue.
    pub fn human(&self, language: Language) -> String {
        if self.language.unwrap_or(Language::English) == language {
            self.message.clone()
        } else {
            crate::language::text(language, self.code.message_key())
        }
    }

    /// Each problem with its field, worded for a reader of `language`.
    pub fn problems_in(&self, language: Language) -> Vec<Problem> {
        self.problems
            .iter()
            .map(|p| Problem {
                path: p.path.clone(),
                message: p.why.read_in(language),
            })
            .collect()
    }

    /// The same refusal worded for a reader of `language` (the JSON API
    /// answers in the language the request asks for).
    pub fn for_reader(self, language: Language) -> ApiError {
        if language == self.language.unwrap_or(Language::English) {
            return self;
        }
        ApiError {
            message: self.human(language),
            language: Some(language),
            ..self
        }
    }

    /// Missing or wrong facilitator key.
    pub fn unauthorized() -> ApiError {
        ApiError::new(ErrorCode::Unauthorized, "this needs the facilitator key")
    }

    /// No session with that id.
    pub fn unknown_session() -> ApiError {
        ApiError::new(ErrorCode::UnknownSession, "there is no such session")
    }

    /// Request body or message that is not JSON.
    pub fn malformed(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            ErrorCode::MalformedJson,
            format!("that is not valid JSON: {detail}"),
        )
    }

    /// JSON of the wrong shape.
    pub fn invalid(detail: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            ErrorCode::InvalidRequest,
            format!("the request is not understood: {detail}"),
        )
    }

    /// Too big to read.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            ErrorCode::TooLarge,
            format!("messages may be at most {limit} bytes"),
        )
    }

    /// The body as it goes on the wire.
    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: &self.message,
                problems: self.problems_in(self.language.unwrap_or(Language::English)),
            },
        }
    }
}

impl From<Rejection> for ApiError {
    fn from(r: Rejection) -> ApiError {
        let mut error = ApiError::new(r.code(), r.to_string());
        if let Rejection::InvalidScript(problems) = r {
            error.problems = problems;
        }
        error
    }
}

impl From<crate::activity::BallotError> for ApiError {
    fn from(e: crate::activity::BallotError) -> ApiError {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<crate::records::RecordsError> for ApiError {
    fn from(e: crate::records::RecordsError) -> ApiError {
        ApiError::new(e.code, e.message)
    }
}

impl From<SessionError> for ApiError {
    fn from(e: SessionError) -> ApiError {
        match e {
            SessionError::Rejected(r) => r.into(),
            e => ApiError::new(e.code(), e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    /// The body in the language it was written in; the refusal rides along
    /// in the response's extensions so [`in_readers_language`] can word it
    /// again for the request's reader, whichever handler refused.
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        let refused = Refused(std::sync::Arc::new(std::sync::Mutex::new(Some(self))));
        response.extensions_mut().insert(refused);
        response
    }
}

/// A refusal carried in its response, until the language layer takes it
/// (behind a lock: a script's problems hold Fluent arguments that are not
/// `Sync`, as extensions must be).
#[derive(Debug, Clone)]
struct Refused(std::sync::Arc<std::sync::Mutex<Option<ApiError>>>);

/// Words a JSON refusal for a reader of `language` (the code and status
/// stay; the message and each problem follow the reader). Any other
/// response passes as it is.
pub fn in_readers_language(mut response: Response, language: Language) -> Response {
    let Some(error) = response
        .extensions_mut()
        .remove::<Refused>()
        .and_then(|Refused(held)| held.lock().ok()?.take())
    else {
        return response;
    };
    if error.language.unwrap_or(Language::English) == language {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let (_, body) = error.for_reader(language).into_response().into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}

/// The status for each code, as `docs/api.md` lists them (a test holds the
/// two together). Exhaustive: a new code must be given its status here.
pub fn status_for(code: ErrorCode) -> StatusCode {
    use ErrorCode as C;
    match code {
        C::MalformedJson
        | C::InvalidRequest
        | C::MissingType
        | C::UnknownType
        | C::WrongKind
        | C::UnknownField
        | C::NothingToAmend
        | C::NoDuration => StatusCode::BAD_REQUEST,
        C::Unauthorized => StatusCode::UNAUTHORIZED,
        C::Forbidden | C::WrongGroup | C::WrongSession | C::Removed | C::BadOrigin => {
            StatusCode::FORBIDDEN
        }
        C::UnknownSession
        | C::UnknownCode
        | C::UnknownWorkshop
        | C::UnknownActivity
        | C::UnknownParticipant
        | C::UnknownSeries
        | C::UnknownPerson
        | C::NotFound
        | C::UnknownInvitation
        | C::UnknownIdea => StatusCode::NOT_FOUND,
        C::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        C::ActivityClosed
        | C::NotAdmitted
        | C::SessionEnded
        | C::SessionFull
        | C::StatementAmended
        | C::TooManyIdeas
        | C::NoOptions
        | C::ActivityStarted
        | C::TemplateExists
        | C::AlreadyErased
        | C::UnreadableTranscript
        | C::AnonymousSealed
        | C::AlreadyHere => StatusCode::CONFLICT,
        C::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        C::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        C::DuplicateName
        | C::RosterTooLarge
        | C::UnknownOption
        | C::NegativeDots
        | C::TooManyDots
        | C::EmptyBallot
        | C::WrongBallotKind
        | C::InvalidBallot
        | C::ReasonRequired
        | C::ScoreOutOfRange
        | C::InvalidText
        | C::InvalidScript => StatusCode::UNPROCESSABLE_ENTITY,
        C::AnonymityUnavailable
        | C::StorageFailed
        | C::Unavailable
        | C::ServerFull
        | C::TooManyConnections => StatusCode::SERVICE_UNAVAILABLE,
        C::NotWebsocket => StatusCode::UPGRADE_REQUIRED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `## Errors` table of `docs/api.md`: each code with its status.
    fn documented() -> Vec<(String, u16)> {
        let doc = include_str!("../../docs/api.md");
        let table = doc.split("\n## Errors").nth(1).expect("an Errors section");
        table
            .lines()
            .filter(|l| l.starts_with("| `"))
            .flat_map(|row| {
                let cells: Vec<&str> = row.split('|').map(str::trim).collect();
                let status: u16 = cells[2].parse().expect("a status number");
                cells[1]
                    .split(',')
                    .map(|c| c.trim().trim_matches('`').to_string())
                    .map(move |c| (c, status))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn every_error_code_has_the_status_the_contract_documents() {
        let doc = documented();
        for code in ErrorCode::ALL {
            let listed: Vec<u16> = doc
                .iter()
                .filter(|(c, _)| c == code.as_str())
                .map(|(_, s)| *s)
                .collect();
            assert_eq!(
                listed,
                [status_for(code).as_u16()],
                "{code} in docs/api.md's Errors table"
            );
        }
        for (documented_code, _) in &doc {
            assert!(
                ErrorCode::ALL
                    .iter()
                    .any(|c| c == &documented_code.as_str()),
                "docs/api.md lists {documented_code}, which the server never sends"
            );
        }
    }
}
