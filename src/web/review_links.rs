//! Organisers' review links: made and revoked by the facilitator (JSON API
//! and console forms), opened at `/r/{token}`, which sets a cookie that lets
//! its holder read that one series' review pages and exports, nothing else.

use super::auth::Facilitator;
use super::auth::{require_facilitator, REVIEW_COOKIE};
use super::error::ApiError;
use super::pages::{base_url, layout, same_origin, Page};
use super::AppState;
use crate::error_code::ErrorCode;
use crate::t;
use crate::web::language::Reading;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::html;
use serde::Deserialize;
use uuid::Uuid;

/// Days a link lasts unless asked otherwise.
const DEFAULT_DAYS: u32 = 30;

/// The body of `POST /api/series/{id}/review-links`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeLink {
    #[serde(default)]
    days: Option<u32>,
}

async fn make(
    app: &AppState,
    headers: &HeaderMap,
    series: &str,
    days: u32,
) -> Result<super::replies::ReviewLinkMade, ApiError> {
    let series = super::series_api::known(app, series)?;
    if !(1..=365).contains(&days) {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            "a review link lasts 1 to 365 days",
        ));
    }
    let book = app.series.clone();
    let id = series.id;
    let made = tokio::task::spawn_blocking(move || book.make_link(id, days, crate::time::now()))
        .await
        .ok()
        .flatten()
        .ok_or_else(failed)?
        .map_err(|_| failed())?;
    let (link, token) = made;
    let url = format!("{}/r/{token}", base_url(app, headers));
    Ok(super::replies::ReviewLinkMade {
        id: link.id,
        url,
        token,
        expires: link.expires,
    })
}

/// `POST /api/series/{id}/review-links`.
pub async fn create(
    State(app): State<AppState>,
    _: Facilitator,
    headers: HeaderMap,
    Path(series): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    // No body, or `{}`, means the default; anything else must be the shape.
    let asked: MakeLink = if body.iter().all(u8::is_ascii_whitespace) {
        MakeLink::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                ApiError::malformed(e)
            } else {
                ApiError::invalid(e)
            }
        })?
    };
    let days = asked.days.unwrap_or(DEFAULT_DAYS);
    let made = make(&app, &headers, &series, days).await?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// `GET /api/series/{id}/review-links`: the live links, never their tokens.
pub async fn list(
    State(app): State<AppState>,
    _: Facilitator,
    Path(series): Path<String>,
) -> Result<Response, ApiError> {
    let series = super::series_api::known(&app, &series)?;
    let links: Vec<_> = series
        .review_links
        .iter()
        .map(|l| super::replies::ReviewLinkListed {
            id: l.id,
            made: l.made,
            expires: l.expires,
        })
        .collect();
    Ok(Json(links).into_response())
}

async fn revoke_link(app: &AppState, series: &str, link: &str) -> Result<(), ApiError> {
    let series = super::series_api::known(app, series)?;
    let link: Uuid = link.parse().map_err(|_| unknown_link())?;
    let book = app.series.clone();
    let id = series.id;
    let revoked =
        tokio::task::spawn_blocking(move || book.revoke_link(id, link, crate::time::now()))
            .await
            .ok()
            .flatten()
            .ok_or_else(failed)?
            .map_err(|_| failed())?;
    if revoked {
        Ok(())
    } else {
        Err(unknown_link())
    }
}

/// `DELETE /api/series/{id}/review-links/{link}`.
pub async fn revoke(
    State(app): State<AppState>,
    _: Facilitator,
    Path((series, link)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    revoke_link(&app, &series, &link).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /r/{token}`: opens a link: the cookie, then the series' review page.
pub async fn open(
    State(app): State<AppState>,
    Path(token): Path<String>,
    reading: Reading,
) -> Response {
    let lang = reading.language;
    let Some(series) = app.series.series_for_token(&token, crate::time::now()) else {
        let content = html! {
            main #main {
                h1 { (t!(lang, "review-link-broken")) }
                p { (t!(lang, "review-link-broken-why")) }
            }
        };
        return (
            StatusCode::NOT_FOUND,
            layout(
                Page {
                    title: &t!(lang, "review-link"),
                    class: "review",
                    reading,
                    languages: true,
                    ..Default::default()
                },
                content,
            ),
        )
            .into_response();
    };
    let secure = app
        .public_url
        .as_ref()
        .is_some_and(|u| u.as_str().starts_with("https://"));
    let cookie = Cookie::build((REVIEW_COOKIE, token))
        .path("/review")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .build();
    (
        CookieJar::new().add(cookie),
        Redirect::to(&format!("/review/series/{series}")),
    )
        .into_response()
}

/// The console's form: makes a link and shows it once.
pub async fn console_make(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(series): Path<String>,
    reading: Reading,
) -> Response {
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let lang = reading.language;
    let made = match make(&app, &headers, &series, DEFAULT_DAYS).await {
        Ok(made) => made,
        Err(e) => return e.into_response(),
    };
    let url = made.url;
    let back = format!("/facilitate/series/{series}");
    let content = html! {
        main #main {
            h1 { (t!(lang, "review-link-heading")) }
            p { (t!(lang, "review-link-send", days = DEFAULT_DAYS)) }
            p.copy-line {
                label for="link" { (t!(lang, "review-link")) }
                input #link type="text" readonly value=(url);
                button type="button" data-copy="link" hidden { (t!(lang, "review-link-copy")) }
                span.copied role="status" aria-live="polite" {}
            }
            p { a href=(back) { (t!(lang, "back-to-series")) } }
        }
    };
    layout(
        Page {
            title: &t!(lang, "review-link"),
            class: "console",
            script: Some("/static/series.js"),
            reading,
            ..Default::default()
        },
        content,
    )
    .into_response()
}

/// The console's form: revokes a link.
pub async fn console_revoke(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path((series, link)): Path<(String, String)>,
) -> Response {
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    match revoke_link(&app, &series, &link).await {
        // Back to the series' page, which says it is done.
        Ok(()) => Redirect::to(&format!(
            "/facilitate/series/{series}?done=link-revoked#links-title"
        ))
        .into_response(),
        Err(e) => e.into_response(),
    }
}

/// The console page the form was on (its path only, so never another site).
pub(super) fn back_to_console(headers: &HeaderMap) -> String {
    headers
        .get("referer")
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .filter(|path| path.starts_with("/facilitate/") && !path.contains("//"))
        .unwrap_or_else(|| "/facilitate".into())
}

fn unknown_link() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "there is no such review link")
}

fn failed() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "the review link could not be saved; check the data folder",
    )
}
