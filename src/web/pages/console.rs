//! The facilitator's console: log in with the key, create sessions, run one.

use super::{base_url, layout, same_origin, Page};
use crate::language::Language;
use crate::render::{facilitator_view, Pass};
use crate::t;
use crate::web::auth::{admin_cookie, admin_cookie_cleared, require_facilitator};
use crate::web::client_ip::ClientIp;
use crate::web::language::Reading;
use crate::web::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use serde::Deserialize;
use uuid::Uuid;

/// `GET /facilitate`: the login form, or the list of sessions and the create form.
pub async fn home(
    State(app): State<AppState>,
    headers: HeaderMap,
    reading: Reading,
    axum::extract::Query(asked): axum::extract::Query<Next>,
) -> Response {
    let lang = reading.language;
    let next = asked.next.as_deref().and_then(super::safe_next);
    let said = match asked.done.as_deref() {
        Some("series-deleted") => Some(t!(lang, "console-series-deleted")),
        Some("session-deleted") => Some(t!(lang, "console-session-deleted")),
        _ => None,
    };
    if require_facilitator(&headers, &app).is_err() {
        return login_page(None, next, reading).into_response();
    }
    if let Some(next) = next {
        // Logged in already (another tab): straight to the page that asked.
        return Redirect::to(next).into_response();
    }
    let sessions = app.sessions.list();
    // Archived: the session itself, or its whole series.
    let archived_series: Vec<Uuid> = app
        .series
        .list()
        .iter()
        .filter(|s| s.archived)
        .map(|s| s.id)
        .collect();
    // What the list shows of each, none read from its transcript to be listed.
    let sessions: Vec<(
        crate::live::Listed,
        std::sync::Arc<crate::session::SessionSummary>,
    )> = sessions
        .into_iter()
        .map(|l| {
            let s = l.summary();
            (l, s)
        })
        .collect();
    let is_archived = |(l, s): &&(
        crate::live::Listed,
        std::sync::Arc<crate::session::SessionSummary>,
    )| { s.archived || archived_series.contains(&l.info().series) };
    // Each series with the activities its sessions have run, as
    // `workshop.activity`, so the form can warn when a workshop would carry
    // priorities from one the series has not run.
    let series: Vec<(Uuid, String, String)> = app
        .series
        .list()
        .iter()
        .filter(|s| !s.archived)
        .map(|s| {
            let ran: Vec<String> = sessions
                .iter()
                .filter(|(_, summary)| summary.info.series == s.id)
                .flat_map(|(_, summary)| {
                    let workshop = &summary.info.workshop.id;
                    summary.ran.iter().map(move |a| format!("{workshop}.{a}"))
                })
                .collect();
            (s.id, s.name.clone(), ran.join(" "))
        })
        .collect();
    // What a script carries from earlier workshops (`workshop.activity`),
    // and those workshops' titles. Notes brought forward are left out: with
    // none, nothing is lost but a reminder, so nothing needs a warning.
    let needs = |w: &crate::workshop::Workshop| -> (String, String) {
        let from: Vec<&str> = w
            .activities
            .iter()
            .filter(|a| crate::activity::kind_of(a.kind).room_answers())
            .filter_map(|a| a.from.as_deref())
            .collect();
        let mut sources: Vec<&str> = from.into_iter().filter(|f| f.contains('.')).collect();
        sources.sort_unstable();
        sources.dedup();
        let mut earlier: Vec<&str> = sources.iter().filter_map(|f| f.split('.').next()).collect();
        earlier.sort_unstable();
        earlier.dedup();
        let titles: Vec<String> = earlier
            .iter()
            .map(|id| {
                app.workshop(id)
                    .map_or(id.to_string(), |w| w.title.read_in(lang).to_string())
            })
            .collect();
        (
            sources.join(" "),
            titles.join(&format!(" {} ", t!(lang, "and"))),
        )
    };
    let content = html! {
        (console_header(lang))
        main #main {
            h1 { (t!(lang, "sessions")) }
            @if let Some(said) = said { p.done role="status" { (said) } }
            section aria-labelledby="new-title" {
                h2 #new-title { (t!(lang, "start-session")) }
                form.create method="post" action="/facilitate/sessions" {
                    label for="workshop" { (t!(lang, "create-workshop")) }
                    select #workshop name="workshop" {
                        @for w in app.workshops.iter() {
                            @let needed = needs(w);
                            option value=(w.id) data-needs=(needed.0) data-needs-title=(needed.1) { (w.title.read_in(lang)) }
                        }
                        @let saved = app.templates.list();
                        @if !saved.is_empty() {
                            optgroup label=(t!(lang, "create-saved-templates")) {
                                @for w in &saved {
                                    @let needed = needs(w);
                                    option value=(w.id) data-needs=(needed.0) data-needs-title=(needed.1) { (w.title.read_in(lang)) }
                                }
                            }
                        }
                    }
                    label for="title" { (t!(lang, "session-title-field")) }
                    input #title type="text" name="title" maxlength=(crate::config::text::SESSION_TITLE) placeholder=(t!(lang, "create-title-example"));
                    label for="series" { (t!(lang, "create-series")) }
                    p.hint #series-hint { (t!(lang, "create-series-hint")) }
                    select #series name="series" aria-describedby="series-hint" {
                        // A new series first: a council's session must never
                        // land in another council's series by default.
                        option value="" data-has="" { (t!(lang, "create-new-series")) }
                        @for (id, name, held) in &series { option value=(id) data-has=(held) { (t!(lang, "series-named", name = name.as_str())) } }
                    }
                    div #new-series-field {
                        label for="series-name" { (t!(lang, "create-series-name")) }
                        p.hint #series-name-hint { (t!(lang, "create-series-name-hint")) }
                        input #series-name type="text" name="series_name" maxlength=(crate::config::text::SERIES_NAME) aria-describedby="series-name-hint";
                    }
                    // A facilitator reading Welsh most likely runs a Welsh
                    // council's room: both languages, Welsh first.
                    @let room = if lang == Language::Welsh { crate::language::SessionLanguage::Bilingual } else { crate::language::SessionLanguage::English };
                    (crate::render::room_language_field("language", room, lang))
                    p #carry-warning .carry-warning role="status" aria-live="polite" {}
                    button.primary type="submit" { (t!(lang, "create-session")) }
                }
            }
            @if !series.is_empty() {
                section aria-labelledby="series-title" {
                    h2 #series-title { (t!(lang, "create-series")) }
                    p.hint { (t!(lang, "series-list-hint")) }
                    ul.series-list {
                        @for (id, name, _) in &series {
                            @let people = app.series.get(id).map_or(0, |s| s.roster.len());
                            @let held = sessions.iter().filter(|(_, s)| s.info.series == *id).count();
                            li { a href={ "/facilitate/series/" (id) } { (name) } " — " (t!(lang, "series-list-counts", people = people, sessions = held)) }
                        }
                    }
                }
            }
            section aria-labelledby="list-title" {
                h2 #list-title { (t!(lang, "all-sessions")) }
                @if sessions.is_empty() { p { (t!(lang, "no-sessions")) } }
                ul.sessions {
                    @for entry in sessions.iter().filter(|e| !is_archived(e)) {
                        @let summary = &entry.1;
                        @let info = &summary.info;
                        li {
                            @let title = info.title_in(lang);
                            a href={ "/facilitate/" (info.id) } { (title) }
                            " — " (info.workshop.title.read_in(lang)) ", " (t!(lang, "sessions-code")) " " strong.code { (info.code) }
                            ", " (t!(lang, "sessions-people", n = summary.present)) ", " (if summary.status == crate::session::SessionStatus::Ended { t!(lang, "sessions-ended") } else { t!(lang, "sessions-live") })
                            " — " a href={ "/screen/" (info.id) } target="_blank" rel="noopener" { (t!(lang, "sessions-projector")) span.visually-hidden { " " (title) } }
                        }
                    }
                }
                @let archived: Vec<_> = sessions.iter().filter(|e| is_archived(e)).collect();
                @if !archived.is_empty() {
                    details.archived {
                        summary { (t!(lang, "sessions-archived", n = archived.len())) }
                        ul.sessions {
                            @for entry in &archived {
                                @let info = &entry.1.info;
                                @let title = info.title_in(lang);
                                li { a href={ "/facilitate/" (info.id) } { (title) } " — " (info.workshop.title.read_in(lang)) ", " a href={ "/review/" (info.id) } { (t!(lang, "sessions-review-page")) span.visually-hidden { " " (title) } } }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "console-title"),
            class: "console",
            script: Some("/static/create.js"),
            reading,
            languages: true,
            ..Default::default()
        },
        content,
    )
    .into_response()
}

pub(super) fn console_header(lang: Language) -> Markup {
    html! {
        header.site {
            p.brand { a href="/facilitate" { (t!(lang, "console-brand")) } }
            form.logout method="post" action="/facilitate/logout" { button type="submit" { (t!(lang, "log-out")) } }
        }
    }
}

/// The page a log-in should land on.
#[derive(Debug, Default, Deserialize)]
pub struct Next {
    #[serde(default)]
    next: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

fn login_page(error: Option<&str>, next: Option<&str>, reading: Reading) -> Markup {
    let lang = reading.language;
    let content = html! {
        header.site { p.brand { (t!(lang, "console-brand")) } }
        main #main {
            h1 { (t!(lang, "login-heading")) }
            @if let Some(message) = error {
                div.error-summary role="alert" { h2 { (t!(lang, "there-is-a-problem")) } p { (message) } }
            }
            form.login method="post" action="/facilitate/login" {
                @if let Some(next) = next { input type="hidden" name="next" value=(next); }
                label for="key" { (t!(lang, "login-key")) }
                p.hint #key-hint { (t!(lang, "login-key-hint")) }
                input #key type="password" name="key" autocomplete="current-password" required aria-describedby="key-hint";
                button.primary type="submit" { (t!(lang, "log-in")) }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "log-in"),
            class: "console",
            reading,
            languages: true,
            ..Default::default()
        },
        content,
    )
}

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub struct Login {
    key: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /facilitate/login`: checks the key and sets it as an HttpOnly cookie,
/// so it never appears in a URL.
pub async fn login(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    reading: Reading,
    Form(form): Form<Login>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) {
        let why = t!(lang, "login-other-site");
        return (StatusCode::FORBIDDEN, login_page(Some(&why), None, reading)).into_response();
    }
    let next = form.next.as_deref().and_then(super::safe_next);
    let right = crate::web::auth::is_the_key(
        &form.key,
        secrecy::ExposeSecret::expose_secret(&app.admin_key),
    );
    if app.key_guard.presented(ip, right).await.is_err() {
        let why = t!(lang, "login-too-many");
        return (
            StatusCode::TOO_MANY_REQUESTS,
            login_page(Some(&why), next, reading),
        )
            .into_response();
    }
    if !right {
        let why = t!(lang, "login-wrong-key");
        return (
            StatusCode::UNAUTHORIZED,
            login_page(Some(&why), next, reading),
        )
            .into_response();
    }
    // The cookie names a login on this server, never the key itself; it is
    // sent only over https when the public address is https.
    let secure = app
        .public_url
        .as_ref()
        .is_some_and(|url| url.as_str().starts_with("https://"));
    let app2 = app.clone();
    let started = tokio::task::spawn_blocking(move || app2.logins.start()).await;
    let Ok(Ok(login)) = started else {
        let why = t!(lang, "login-not-saved");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            login_page(Some(&why), next, reading),
        )
            .into_response();
    };
    let jar = CookieJar::new().add(admin_cookie(&login, secure));
    (jar, Redirect::to(next.unwrap_or("/facilitate"))).into_response()
}

/// `POST /facilitate/logout`.
pub async fn logout(State(app): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(login) = crate::web::auth::cookie(&headers, crate::web::auth::ADMIN_COOKIE) {
        let (app, login) = (app.clone(), login.to_string());
        if let Ok(Err(e)) = tokio::task::spawn_blocking(move || app.logins.end(&login)).await {
            tracing::error!(error = %e, "a logout could not be saved");
        }
    }
    let jar = CookieJar::new().add(admin_cookie_cleared());
    (jar, Redirect::to("/facilitate")).into_response()
}

/// The create form's fields.
#[derive(Debug, Deserialize)]
pub struct Create {
    workshop: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    series: String,
    #[serde(default)]
    series_name: String,
    #[serde(default)]
    language: crate::language::SessionLanguage,
}

/// `POST /facilitate/sessions`: creates a session and opens its console.
pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    reading: Reading,
    Form(form): Form<Create>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let Some(workshop) = app.workshop(&form.workshop) else {
        return Redirect::to("/facilitate").into_response();
    };
    let title =
        match crate::activity::clean_line(&form.title, crate::config::text::SESSION_TITLE, "title")
        {
            Ok(t) => t,
            Err(_) => workshop.title.to_string(),
        };
    let mut series = form.series.parse().ok();
    let limit = crate::config::text::SERIES_NAME;
    if series.is_none() && !form.series_name.trim().is_empty() {
        let Ok(name) = crate::activity::clean_line(&form.series_name, limit, "series name") else {
            let why = t!(lang, "create-series-name-bad", limit = limit);
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                super::refusal_page(&why, lang),
            )
                .into_response();
        };
        match crate::web::series_api::new_series(&app, name, None).await {
            Ok(made) => series = Some(made.id),
            Err(e) => return (e.status, super::refusal_page(&e.human(lang), lang)).into_response(),
        }
    }
    match crate::web::api::start_session(&app, &workshop, title, series, form.language).await {
        Ok(handle) => Redirect::to(&format!("/facilitate/{}", handle.info().id)).into_response(),
        Err(e) => (e.status, super::refusal_page(&e.human(lang), lang)).into_response(),
    }
}

/// `GET /facilitate/{session}`: the console for one session.
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
    reading: Reading,
) -> Response {
    let handle = match super::staff_session(&app, &headers, &session) {
        Ok(handle) => handle,
        Err(why) => return why.answer(&format!("/facilitate/{session}"), reading),
    };
    let lang = reading.language;
    let info = handle.info().clone();
    let title = info.title_in(lang);
    let base = base_url(&app, &headers);
    // An ended session takes nobody new and no more edits.
    let ended = handle.state().status == crate::session::SessionStatus::Ended;
    let unreachable = !ended
        && base
            .parse::<crate::config::PublicUrl>()
            .is_ok_and(|url| url.is_loopback());
    let content = html! {
        (console_header(lang))
        main #main {
            h1 { (title) }
            @if unreachable {
                div.error-summary role="alert" {
                    h2 { (t!(lang, "unreachable", address = base.as_str())) }
                    p { (t!(lang, "unreachable-why")) " " code { "--addr 0.0.0.0:8080 --public-url http://<" (t!(lang, "unreachable-address")) ">:8080" } (t!(lang, "unreachable-or")) }
                }
            }
            @if ended {
                p.join-line {
                    a href={ "/review/" (info.id) } { (t!(lang, "console-review-exports")) }
                    " · " a href={ "/facilitate/" (info.id) "/runsheet" } { (t!(lang, "runsheet")) }
                }
            } @else {
                p.join-line {
                    (t!(lang, "join-at")) " " strong { (base) "/join/" (info.code) } " " (t!(lang, "join-with-code")) " " strong.code { (info.code) } ". "
                    a href={ "/screen/" (info.id) } target="_blank" rel="noopener" { (t!(lang, "open-projector")) }
                    " · " a href={ "/facilitate/" (info.id) "/prepare" } { (t!(lang, "prepare-agenda")) }
                    " · " a href={ "/facilitate/" (info.id) "/runsheet" } { (t!(lang, "runsheet")) }
                    " · " a href={ "/facilitate/series/" (info.series) } { (t!(lang, "roster-invitations")) }
                }
            }
            p #connection .connection role="status" aria-live="polite" { (t!(lang, "connecting")) }
            p #console-status .console-status role="status" aria-live="polite" {}
            div #live { (facilitator_view(&Pass::in_language(&handle.state(), lang), &Default::default())) }
            (series_panel(&app, info.series, lang))
            (delete_panel(&info, lang))
        }
    };
    let page = Page {
        title,
        role: Some("facilitate"),
        session: Some(info.id.to_string()),
        class: "console",
        reading,
        languages: true,
        ..Default::default()
    };
    layout(page, content).into_response()
}

/// The session's series, and the way to its page (roster, invitations,
/// review links).
fn series_panel(app: &AppState, series: Uuid, lang: Language) -> Markup {
    let Some(series) = app.series.get(&series) else {
        return html! {};
    };
    html! {
        section.series-link aria-labelledby="series-panel-title" {
            h2 #series-panel-title { (t!(lang, "series-named", name = series.name.as_str())) }
            p {
                (t!(lang, "series-on-roster", n = series.roster.len()))
                @if series.invitations_only { ", " (t!(lang, "series-by-invitation")) }
                ". " a href={ "/facilitate/series/" (series.id) } { (t!(lang, "series-page-link")) span.visually-hidden { ": " (series.name) } }
            }
        }
    }
}

/// Deleting this session, confirmed by typing its code.
fn delete_panel(info: &crate::session::SessionInfo, lang: Language) -> Markup {
    html! {
        details.danger-zone {
            summary { (t!(lang, "delete-session-title")) }
            p { (t!(lang, "delete-session-hint")) }
            form method="post" action={ "/facilitate/" (info.id) "/delete" } {
                label for="confirm-session" { (t!(lang, "delete-session-type")) " " strong.code { (info.code) } }
                input #confirm-session type="text" name="confirm" required autocomplete="off";
                button.danger type="submit" { (t!(lang, "delete-session-button")) }
            }
        }
    }
}

/// The series' personal invitations: print cards, and whether joining
/// needs one.
pub(super) fn invitations_panel(app: &AppState, series: Uuid, lang: Language) -> Markup {
    let Some(series) = app.series.get(&series) else {
        return html! {};
    };
    let people = series.roster.len();
    let made = series.invitations.len();
    let only = series.invitations_only;
    html! {
        section.invitations aria-labelledby="invitations-title" {
            h2 #invitations-title { (t!(lang, "invitations-title")) }
            @if people == 0 {
                p.hint { (t!(lang, "invitations-no-roster")) }
            } @else {
                p.hint { (t!(lang, "invitations-hint"))
                    @if made > 0 { " " (t!(lang, "invitations-made", n = made)) } }
                form method="post" action={ "/facilitate/series/" (series.id) "/invitations" } {
                    // The set these cards replace: a form sent twice (a page
                    // refreshed) replaces nothing the second time.
                    input type="hidden" name="made" value=(made_stamp(&series));
                    @if made > 0 {
                        p.choice {
                            input #replace-cards type="checkbox" name="replace" value="yes" required;
                            label for="replace-cards" { (t!(lang, "invitations-replace")) }
                        }
                        button type="submit" { (t!(lang, "invitations-make-new", n = people)) }
                    } @else {
                        button type="submit" { (t!(lang, "invitations-make", n = people)) }
                    }
                }
                form method="post" action={ "/facilitate/series/" (series.id) "/invitations-only" } {
                    input type="hidden" name="on" value=(if only { "false" } else { "true" });
                    p {
                        @if only { strong { (t!(lang, "invitations-only-on")) } " " (t!(lang, "invitations-only-on-hint")) " " }
                        @else { (t!(lang, "invitations-only-off")) " " }
                        button.quiet type="submit" { @if only { (t!(lang, "invitations-let-join-by-name")) } @else { (t!(lang, "invitations-only")) } }
                    }
                }
            }
        }
    }
}

/// The current set of invitations, as the console's form names it.
pub fn made_stamp(series: &crate::series::Series) -> String {
    series
        .invitations_made
        .map_or_else(|| "none".to_string(), |t| t.to_string())
}

/// The series' review links for organisers: make one, see and revoke them.
pub(super) fn review_links_panel(app: &AppState, series: Uuid, lang: Language) -> Markup {
    let links = app
        .series
        .get(&series)
        .map(|s| s.review_links.clone())
        .unwrap_or_default();
    html! {
        section.review-links aria-labelledby="links-title" {
            h2 #links-title { (t!(lang, "review-links-title")) }
            p.hint { (t!(lang, "review-links-hint")) }
            @if !links.is_empty() {
                ul {
                    @for l in &links {
                        li {
                            @let made = crate::time::long_date_in(l.made, lang);
                            (t!(lang, "review-link-made", made = made.as_str(), until = crate::time::long_date_in(l.expires, lang))) " "
                            form.inline method="post" action={ "/facilitate/series/" (series) "/review-links/" (l.id) "/revoke" } {
                                button.quiet type="submit" { (t!(lang, "review-link-revoke")) span.visually-hidden { ": " (made) } }
                            }
                        }
                    }
                }
            }
            form method="post" action={ "/facilitate/series/" (series) "/review-links" } {
                button type="submit" { (t!(lang, "review-link-make")) }
            }
        }
    }
}
