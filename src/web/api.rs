//! The JSON API: sessions for the facilitator, joining for participants.

use super::auth::Facilitator;
use super::error::ApiError;
use super::joining::{self, JoinAttempt, Who};
use super::protocol::parse_client_msg;
use super::{AppState, JsonBody};
use crate::error_code::ErrorCode;
use crate::language::SessionLanguage;
use crate::render::{session_json, session_summary_json};
use crate::session::{Actor, Command, Pseudonyms};
use crate::web::client_ip::ClientIp;
use crate::workshop::Group;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use uuid::Uuid;

/// `POST /api/sessions` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateSession {
    workshop: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    series: Option<Uuid>,
    /// The projector's and the pack's language: `en` (unsaid), `cy`, `cy+en`.
    #[serde(default)]
    language: SessionLanguage,
}

/// Creates a session from a workshop script.
pub async fn create_session(
    State(app): State<AppState>,
    _: Facilitator,
    JsonBody(body): JsonBody<CreateSession>,
) -> Result<Response, ApiError> {
    let workshop = app.workshop(&body.workshop).ok_or_else(|| {
        ApiError::new(
            ErrorCode::UnknownWorkshop,
            format!("there is no workshop script {:?}", body.workshop),
        )
    })?;
    let title = match body.title {
        Some(t) => clean_text(&t, crate::config::text::SESSION_TITLE, "title")?,
        None => workshop.title.to_string(),
    };
    let handle = start_session(&app, &workshop, title, body.series, body.language).await?;
    let info = handle.info();
    let created = super::replies::SessionCreated {
        id: info.id,
        code: info.code.clone(),
        workshop: info.workshop.id.clone(),
        series: info.series,
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// Creates a session in a series (a new one, named after the session, when
/// none is given) and gives it the series' roster before anyone can join.
/// The console's form and the JSON API both start sessions here.
pub async fn start_session(
    app: &AppState,
    workshop: &crate::workshop::Workshop,
    title: String,
    series: Option<Uuid>,
    language: SessionLanguage,
) -> Result<crate::live::SessionHandle, ApiError> {
    // The series cannot be deleted or erased from while its session is made.
    let _series_held = app.erasing.lock().await;
    let series = match series {
        Some(id) => super::series_api::known(app, &id.to_string())?,
        None => {
            super::series_api::new_series(app, series_name(workshop, &title, language), None)
                .await?
        }
    };
    let handle = app
        .sessions
        .create(workshop, &app.workshops, title, Some(series.id), language)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "session not created");
            ApiError::new(
                ErrorCode::StorageFailed,
                "the session could not be saved; check the data folder",
            )
        })?;
    if !series.roster.is_empty() {
        // Before the code is given out, so nobody joins without the roster.
        let roster = Command::SetRoster(series.roster.clone());
        handle.command(Actor::Facilitator, None, roster).await?;
    }
    if series.invitations_only {
        let rule = Command::SetInvitationsOnly(true);
        handle.command(Actor::Facilitator, None, rule).await?;
    }
    Ok(handle)
}

/// A new series' name: the session's title, or for a Welsh room given the
/// workshop's own title, that title as the room reads it (Welsh, or Welsh
/// and English), so a Welsh console does not list an English series.
fn series_name(
    workshop: &crate::workshop::Workshop,
    title: &str,
    language: SessionLanguage,
) -> String {
    let own = &workshop.title;
    match own.welsh() {
        Some(_)
            if title == own.read_in(crate::language::Language::English) && language.has_welsh() =>
        {
            let name = own.for_room(language);
            if name.chars().count() <= crate::config::text::SERIES_NAME {
                name
            } else {
                own.read_in(crate::language::Language::Welsh).to_string()
            }
        }
        _ => title.to_string(),
    }
}

/// Lists every session, newest first.
pub async fn list_sessions(
    State(app): State<AppState>,
    _: Facilitator,
) -> Result<Response, ApiError> {
    let list: Vec<_> = app
        .sessions
        .list()
        .iter()
        .map(|h| session_summary_json(&h.summary()))
        .collect();
    Ok(Json(list).into_response())
}

/// One session's state with results by group.
pub async fn get_session(
    State(app): State<AppState>,
    _: Facilitator,
    reading: crate::web::language::Reading,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let handle = app.session(&id)?;
    Ok(Json(session_json(&handle.state(), reading.language)).into_response())
}

/// Runs one facilitator command.
pub async fn post_command(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let handle = app.session(&id)?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(app.limits.max_body_bytes)
        } else {
            ApiError::invalid(e.body_text())
        }
    })?;
    let text = std::str::from_utf8(&body).map_err(ApiError::malformed)?;
    let msg = parse_client_msg(text, &app.limits).map_err(|unparsed| unparsed.error)?;
    let seq = super::erasing::run_command(
        &app,
        &handle,
        Actor::Facilitator,
        msg.client_id.clone(),
        msg.command,
    )
    .await?;
    let reply = super::replies::CommandTaken {
        seq,
        client_id: msg.client_id,
    };
    Ok(Json(reply).into_response())
}

/// The JSONL transcript as it may leave the server: every record except
/// anonymous answers, whose results come once, with the record that closed
/// their activity (`report::sealed_transcript`, `docs/anonymity.md`).
pub async fn get_transcript(
    State(app): State<AppState>,
    _: Facilitator,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let handle = app.session(&id)?;
    let bytes = sealed_bytes(&app, &handle).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson; charset=utf-8")],
        bytes,
    )
        .into_response())
}

/// A session's transcript as it may be downloaded: anonymous answers only
/// in the closing record's sealed results (see `docs/anonymity.md`).
pub async fn sealed_bytes(
    app: &AppState,
    handle: &crate::live::SessionHandle,
) -> Result<Vec<u8>, ApiError> {
    let store = app.sessions.store().clone();
    let session = handle.info().id;
    let unreadable = || ApiError::new(ErrorCode::Unavailable, "the transcript could not be read");
    tokio::task::spawn_blocking(move || {
        let bytes = store.read_raw(session).ok()?;
        let pseudonyms = match store.secret(session) {
            Ok(secret) => Pseudonyms::new(secret),
            Err(e) => Pseudonyms::unavailable(e.to_string()),
        };
        crate::report::sealed_transcript(&bytes, pseudonyms).ok()
    })
    .await
    .map_err(|_| unreadable())?
    .ok_or_else(unreadable)
}

/// `POST /api/join` body: an `invitation`, a roster `person`, or a `name` and `group`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    code: String,
    #[serde(default)]
    invitation: Option<String>,
    #[serde(default)]
    person: Option<Uuid>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    group: Option<Group>,
    #[serde(default)]
    job_title: Option<String>,
}

/// A participant joins with the session's code.
pub async fn join(
    State(app): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
    JsonBody(body): JsonBody<JoinBody>,
) -> Result<Response, ApiError> {
    let who = match (body.invitation, body.person, body.name, body.group) {
        (Some(token), _, _, _) => Who::Invited(token),
        (None, Some(person), _, _) => Who::Person(person),
        (None, None, Some(name), Some(group)) => Who::Named {
            name,
            group,
            job_title: body.job_title,
        },
        _ => {
            return Err(ApiError::invalid(
                "say who you are: an \"invitation\", a \"person\" from the roster, or a \"name\" and \"group\"",
            ))
        }
    };
    let attempt = JoinAttempt {
        code: body.code,
        who,
    };
    let joined = joining::join(&app, peer, &headers, attempt).await?;
    Ok((joined.cookie(), Json(&joined)).into_response())
}

/// One-line text from a request, checked by the domain's rule.
fn clean_text(text: &str, max_chars: usize, what: &str) -> Result<String, ApiError> {
    crate::activity::clean_line(text, max_chars, what).map_err(ApiError::from)
}
