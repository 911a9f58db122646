//! Joining from a phone: code, name, team. Works without JavaScript.

use super::{layout, Page};
use crate::session::{Actor, Command, JoinRequest};
use crate::web::auth;
use crate::web::error::ApiError;
use crate::web::AppState;
use crate::workshop::Group;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;
use std::net::SocketAddr;
use uuid::Uuid;

/// `GET /`: the join form.
pub async fn form() -> Markup {
    join_page(&JoinForm::default(), None)
}

/// `GET /join/{code}`: the join form with the code filled in (the QR code's target).
pub async fn form_with_code(State(app): State<AppState>, Path(code): Path<String>) -> Markup {
    let mut form = JoinForm {
        code: code.chars().take(12).collect(),
        ..Default::default()
    };
    if let Some(handle) = app.sessions.by_code(&code) {
        form.groups = Some(handle.info().workshop.groups.clone());
    }
    join_page(&form, None)
}

/// The fields of the join form.
#[derive(Debug, Default, Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    job_title: String,
    #[serde(skip)]
    groups: Option<Vec<Group>>,
}

/// `POST /join`: joins, sets the participant cookie, and goes to the live page.
pub async fn submit(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Form(mut form): Form<JoinForm>,
) -> Response {
    if let Err(e) = app.join_guard.admit(peer.ip()).await {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            join_page(&form, Some(&e.message)),
        )
            .into_response();
    }
    let outcome = join(&app, &form).await;
    if matches!(&outcome, Err(e) if e.code == "unknown_code") {
        app.join_guard.failed(peer.ip());
    }
    match outcome {
        Ok((session, token)) => {
            let cookie = format!(
                "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400",
                auth::participant_cookie(session)
            );
            (
                [(header::SET_COOKIE, cookie)],
                Redirect::to(&format!("/s/{session}")),
            )
                .into_response()
        }
        Err(e) => {
            form.groups = app
                .sessions
                .by_code(&form.code)
                .map(|h| h.info().workshop.groups.clone());
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                join_page(&form, Some(&e.message)),
            )
                .into_response()
        }
    }
}

async fn join(app: &AppState, form: &JoinForm) -> Result<(Uuid, String), ApiError> {
    let handle = app.sessions.by_code(&form.code).ok_or_else(|| {
        ApiError::new(
            "unknown_code",
            "No session has that code. Check the code on the screen.",
        )
    })?;
    let group: Group = serde_json::from_value(serde_json::Value::String(form.group.clone()))
        .map_err(|_| ApiError::new("invalid_request", "Choose your team."))?;
    let name = crate::activity::clean_line(&form.name, app.limits.max_name_chars, "name")?;
    let job_title = match form.job_title.trim() {
        "" => None,
        t => Some(crate::activity::clean_line(
            t,
            app.limits.max_job_title_chars,
            "job title",
        )?),
    };
    let participant = Uuid::new_v4();
    let (token, token_hash) = auth::new_participant_token(participant);
    let request = JoinRequest {
        participant,
        name,
        group,
        job_title,
        token_hash,
    };
    handle
        .command(
            Actor::Participant(participant),
            None,
            Command::Join(request),
        )
        .await?;
    Ok((handle.info().id, token))
}

fn join_page(form: &JoinForm, error: Option<&str>) -> Markup {
    let groups = form
        .groups
        .clone()
        .unwrap_or_else(|| vec![Group::Cabinet, Group::Management, Group::Observer]);
    let content = html! {
        header.site { p.brand { "topteam" } }
        main #main {
            h1 { "Join the workshop" }
            @if let Some(message) = error {
                div.error-summary role="alert" tabindex="-1" {
                    h2 { "There is a problem" }
                    p { (message) }
                }
            }
            form.join method="post" action="/join" {
                label for="code" { "Session code" }
                p.hint #code-hint { "Six letters and numbers, shown on the screen." }
                input #code type="text" name="code" value=(form.code) autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" required aria-describedby="code-hint";
                label for="name" { "Your name" }
                input #name type="text" name="name" value=(form.name) autocomplete="name" maxlength="80" required;
                fieldset {
                    legend { "Your team" }
                    @for g in groups {
                        @let id = format!("group-{}", g.as_str());
                        span.choice {
                            input type="radio" id=(id) name="group" value=(g.as_str()) checked[form.group == g.as_str()] required;
                            label for=(id) { (match g { Group::Cabinet => "Cabinet member", Group::Management => "Management team", Group::Observer => "Observer (watch only)" }) }
                        }
                    }
                }
                label for="job_title" { "Job title or portfolio (optional)" }
                input #job_title type="text" name="job_title" value=(form.job_title) maxlength="80";
                button.primary type="submit" { "Join" }
            }
        }
    };
    layout(
        Page {
            title: "Join",
            class: "phone",
            ..Default::default()
        },
        content,
    )
}
