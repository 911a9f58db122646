//! The facilitator's console: log in with the key, create sessions, run one.

use super::{base_url, layout, same_origin, Page};
use crate::render::{facilitator_view, Pass};
use crate::web::auth::{admin_cookie, admin_cookie_cleared, require_facilitator};
use crate::web::client_ip::ClientIp;
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
    axum::extract::Query(asked): axum::extract::Query<Next>,
) -> Response {
    let next = asked.next.as_deref().and_then(super::safe_next);
    let said = match asked.done.as_deref() {
        Some("series-deleted") => Some("The series and its sessions have been deleted."),
        Some("session-deleted") => Some("The session has been deleted."),
        _ => None,
    };
    if require_facilitator(&headers, &app).is_err() {
        return login_page(None, next).into_response();
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
    let is_archived = |h: &crate::live::SessionHandle| {
        h.state().archived || archived_series.contains(&h.info().series)
    };
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
                .filter(|h| h.info().series == s.id)
                .flat_map(|h| {
                    let state = h.state();
                    let workshop = state.info.workshop.id.clone();
                    state
                        .activities
                        .iter()
                        .filter(|a| a.status != crate::session::ActivityStatus::Pending)
                        .map(|a| format!("{workshop}.{}", a.spec.id))
                        .collect::<Vec<_>>()
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
                    .map_or(id.to_string(), |w| w.title.to_string())
            })
            .collect();
        (sources.join(" "), titles.join(" and "))
    };
    let content = html! {
        (console_header())
        main #main {
            h1 { "Sessions" }
            @if let Some(said) = said { p.done role="status" { (said) } }
            section aria-labelledby="new-title" {
                h2 #new-title { "Start a session" }
                form.create method="post" action="/facilitate/sessions" {
                    label for="workshop" { "Workshop" }
                    select #workshop name="workshop" {
                        @for w in app.workshops.iter() {
                            @let needed = needs(w);
                            option value=(w.id) data-needs=(needed.0) data-needs-title=(needed.1) { (w.title) }
                        }
                        @let saved = app.templates.list();
                        @if !saved.is_empty() {
                            optgroup label="Saved templates" {
                                @for w in &saved {
                                    @let needed = needs(w);
                                    option value=(w.id) data-needs=(needed.0) data-needs-title=(needed.1) { (w.title) }
                                }
                            }
                        }
                    }
                    label for="title" { "Title shown to the room" }
                    input #title type="text" name="title" maxlength=(crate::config::text::SESSION_TITLE) placeholder="e.g. Ashfield cabinet and CLT, workshop 2";
                    label for="series" { "Series" }
                    p.hint #series-hint { "Workshops 2 and 3 carry results over from earlier sessions of the same series." }
                    select #series name="series" aria-describedby="series-hint" {
                        // A new series first: a council's session must never
                        // land in another council's series by default.
                        option value="" data-has="" { "A new series" }
                        @for (id, name, held) in &series { option value=(id) data-has=(held) { "Series: " (name) } }
                    }
                    div #new-series-field {
                        label for="series-name" { "Name of the new series" }
                        p.hint #series-name-hint { "For a new series only, e.g. \"Ashfield top team 2026\". Left empty, it is named after the session." }
                        input #series-name type="text" name="series_name" maxlength=(crate::config::text::SERIES_NAME) aria-describedby="series-name-hint";
                    }
                    (crate::render::room_language_field("language", crate::language::SessionLanguage::English, crate::language::Language::English))
                    p #carry-warning .carry-warning role="status" aria-live="polite" {}
                    button.primary type="submit" { "Create session" }
                }
            }
            @if !series.is_empty() {
                section aria-labelledby="series-title" {
                    h2 #series-title { "Series" }
                    p.hint { "A series' page has its roster, invitations, review links for organisers, and renaming or deleting it." }
                    ul.series-list {
                        @for (id, name, _) in &series {
                            @let people = app.series.get(id).map_or(0, |s| s.roster.len());
                            @let held = sessions.iter().filter(|h| h.info().series == *id).count();
                            li { a href={ "/facilitate/series/" (id) } { (name) } " — " (people) " on the roster, " (held) " " (if held == 1 { "session" } else { "sessions" }) }
                        }
                    }
                }
            }
            section aria-labelledby="list-title" {
                h2 #list-title { "All sessions" }
                @if sessions.is_empty() { p { "No sessions yet." } }
                ul.sessions {
                    @for h in sessions.iter().filter(|h| !is_archived(h)) {
                        @let info = h.info();
                        @let state = h.state();
                        li {
                            a href={ "/facilitate/" (info.id) } { (info.title) }
                            " — " (info.workshop.title) ", code " strong.code { (info.code) }
                            @let people = state.participants.iter().filter(|p| p.present()).count();
                            ", " (people) " " (if people == 1 { "person" } else { "people" }) ", " (crate::render::status_name(state.status))
                            " — " a href={ "/screen/" (info.id) } target="_blank" rel="noopener" { "projector" span.visually-hidden { " for " (info.title) } }
                        }
                    }
                }
                @let archived: Vec<_> = sessions.iter().filter(|h| is_archived(h)).collect();
                @if !archived.is_empty() {
                    details.archived {
                        summary { "Archived sessions (" (archived.len()) ")" }
                        ul.sessions {
                            @for h in &archived {
                                @let info = h.info();
                                li { a href={ "/facilitate/" (info.id) } { (info.title) } " — " (info.workshop.title) ", review at " a href={ "/review/" (info.id) } { "its review page" span.visually-hidden { " for " (info.title) } } }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        Page {
            title: "Console",
            class: "console",
            script: Some("/static/create.js"),
            ..Default::default()
        },
        content,
    )
    .into_response()
}

pub(super) fn console_header() -> Markup {
    html! {
        header.site {
            p.brand { a href="/facilitate" { "topteam console" } }
            form.logout method="post" action="/facilitate/logout" { button type="submit" { "Log out" } }
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

fn login_page(error: Option<&str>, next: Option<&str>) -> Markup {
    let content = html! {
        header.site { p.brand { "topteam console" } }
        main #main {
            h1 { "Facilitator log in" }
            @if let Some(message) = error {
                div.error-summary role="alert" { h2 { "There is a problem" } p { (message) } }
            }
            form.login method="post" action="/facilitate/login" {
                @if let Some(next) = next { input type="hidden" name="next" value=(next); }
                label for="key" { "Facilitator key" }
                p.hint #key-hint { "Printed when the server started (kept in the data folder's admin.key, unless whoever started it set one)." }
                input #key type="password" name="key" autocomplete="current-password" required aria-describedby="key-hint";
                button.primary type="submit" { "Log in" }
            }
        }
    };
    layout(
        Page {
            title: "Log in",
            class: "console",
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
    Form(form): Form<Login>,
) -> Response {
    if !same_origin(&headers) {
        let why = "This log-in form was sent from another site. Open the console at this server's own address and log in there.";
        return (StatusCode::FORBIDDEN, login_page(Some(why), None)).into_response();
    }
    let next = form.next.as_deref().and_then(super::safe_next);
    let right = crate::web::auth::is_the_key(
        &form.key,
        secrecy::ExposeSecret::expose_secret(&app.admin_key),
    );
    if app.key_guard.presented(ip, right).await.is_err() {
        let why = "That key is not right, and many wrong keys have come from this address: check it carefully (copy and paste it if you can). The right key always works.";
        return (StatusCode::TOO_MANY_REQUESTS, login_page(Some(why), next)).into_response();
    }
    if !right {
        return (
            StatusCode::UNAUTHORIZED,
            login_page(Some("That key is not right."), next),
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
        let why = "The log-in could not be saved: check the server's data folder.";
        return (StatusCode::SERVICE_UNAVAILABLE, login_page(Some(why), next)).into_response();
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
    Form(form): Form<Create>,
) -> Response {
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
            let why = format!(
                "A series' name is 1 to {limit} characters on one line. No session was made."
            );
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                super::refusal_page(&why, crate::language::Language::English),
            )
                .into_response();
        };
        match crate::web::series_api::new_series(&app, name, None).await {
            Ok(made) => series = Some(made.id),
            Err(e) => {
                return (
                    e.status,
                    super::refusal_page(&e.message, crate::language::Language::English),
                )
                    .into_response()
            }
        }
    }
    match crate::web::api::start_session(&app, &workshop, title, series, form.language).await {
        Ok(handle) => Redirect::to(&format!("/facilitate/{}", handle.info().id)).into_response(),
        Err(e) => (e.status, e.message).into_response(),
    }
}

/// `GET /facilitate/{session}`: the console for one session.
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(handle) = super::staff_session(&app, &headers, &session) else {
        return super::to_login(&format!("/facilitate/{session}")).into_response();
    };
    let info = handle.info().clone();
    let base = base_url(&app, &headers);
    // An ended session takes nobody new and no more edits.
    let ended = handle.state().status == crate::session::SessionStatus::Ended;
    let unreachable = !ended
        && base
            .parse::<crate::config::PublicUrl>()
            .is_ok_and(|url| url.is_loopback());
    let content = html! {
        (console_header())
        main #main {
            h1 { (info.title) }
            @if unreachable {
                div.error-summary role="alert" {
                    h2 { "Phones cannot reach " (base) }
                    p { "That address is this computer only, so the QR code will not work on phones. Start topteam with " code { "--addr 0.0.0.0:8080 --public-url http://<this computer's address on the venue wifi>:8080" } ", or open this console at that address." }
                }
            }
            @if ended {
                p.join-line {
                    a href={ "/review/" (info.id) } { "Review and exports" }
                    " · " a href={ "/facilitate/" (info.id) "/runsheet" } { "Run-sheet" }
                }
            } @else {
                p.join-line {
                    "Join at " strong { (base) "/join/" (info.code) } " with code " strong.code { (info.code) } ". "
                    a href={ "/screen/" (info.id) } target="_blank" rel="noopener" { "Open the projector view" }
                    " · " a href={ "/facilitate/" (info.id) "/prepare" } { "Prepare the agenda" }
                    " · " a href={ "/facilitate/" (info.id) "/runsheet" } { "Run-sheet" }
                    " · " a href={ "/facilitate/series/" (info.series) } { "Roster and invitations" }
                }
            }
            p #connection .connection role="status" aria-live="polite" { "Connecting…" }
            p #console-status .console-status role="status" aria-live="polite" {}
            div #live { (facilitator_view(&Pass::new(&handle.state()), &Default::default())) }
            (series_panel(&app, info.series))
            (delete_panel(&info))
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("facilitate"),
        session: Some(info.id.to_string()),
        class: "console",
        ..Default::default()
    };
    layout(page, content).into_response()
}

/// The session's series, and the way to its page (roster, invitations,
/// review links).
fn series_panel(app: &AppState, series: Uuid) -> Markup {
    let Some(series) = app.series.get(&series) else {
        return html! {};
    };
    html! {
        section.series-link aria-labelledby="series-panel-title" {
            h2 #series-panel-title { "Series: " (series.name) }
            p {
                (series.roster.len()) " on the roster"
                @if series.invitations_only { ", joining by invitation only" }
                ". " a href={ "/facilitate/series/" (series.id) } { "Roster, invitation cards and review links" span.visually-hidden { " of " (series.name) } }
            }
        }
    }
}

/// Deleting this session, confirmed by typing its code.
fn delete_panel(info: &crate::session::SessionInfo) -> Markup {
    html! {
        details.danger-zone {
            summary { "Delete this session" }
            p { "Deletes this session's transcript and every answer given in it, for good. Download anything you need from its review page first." }
            form method="post" action={ "/facilitate/" (info.id) "/delete" } {
                label for="confirm-session" { "Type its code, " strong.code { (info.code) } ", to confirm" }
                input #confirm-session type="text" name="confirm" required autocomplete="off";
                button.danger type="submit" { "Delete the session" }
            }
        }
    }
}

/// The series' personal invitations: print cards, and whether joining
/// needs one.
pub(super) fn invitations_panel(app: &AppState, series: Uuid) -> Markup {
    let Some(series) = app.series.get(&series) else {
        return html! {};
    };
    let people = series.roster.len();
    let made = series.invitations.len();
    let only = series.invitations_only;
    html! {
        section.invitations aria-labelledby="invitations-title" {
            h2 #invitations-title { "Invitations" }
            @if people == 0 {
                p.hint { "Put people on the series' roster to give each of them a personal invitation." }
            } @else {
                p.hint { "A card for each person on the roster, with a QR code that joins them as themselves, let in at once: nobody can vote under their name. "
                    @if made > 0 { "Cards have been made for " (made) " people; making them again replaces every card." } }
                form method="post" action={ "/facilitate/series/" (series.id) "/invitations" } {
                    // The set these cards replace: a form sent twice (a page
                    // refreshed) replaces nothing the second time.
                    input type="hidden" name="made" value=(made_stamp(&series));
                    @if made > 0 {
                        p.choice {
                            input #replace-cards type="checkbox" name="replace" value="yes" required;
                            label for="replace-cards" { "Replace the cards already made: they stop working" }
                        }
                        button type="submit" { "Make new cards for " (people) " people" }
                    } @else {
                        button type="submit" { "Make invitation cards for " (people) " people" }
                    }
                }
                form method="post" action={ "/facilitate/series/" (series.id) "/invitations-only" } {
                    input type="hidden" name="on" value=(if only { "false" } else { "true" });
                    p {
                        @if only { strong { "Joining is by invitation only" } ", in every workshop of this series. Anyone who types a name waits for you to let them in. " }
                        @else { "Anyone with the code may join by name, in every workshop of this series (a name on the roster is matched, and a second claim waits for you). " }
                        button.quiet type="submit" { @if only { "Let people join by name" } @else { "Invitations only" } }
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
pub(super) fn review_links_panel(app: &AppState, series: Uuid) -> Markup {
    let links = app
        .series
        .get(&series)
        .map(|s| s.review_links.clone())
        .unwrap_or_default();
    html! {
        section.review-links aria-labelledby="links-title" {
            h2 #links-title { "Review links for organisers" }
            p.hint { "A link opens this series' review pages and exports, read-only, and nothing else: no console, no other series. It lasts 30 days unless you revoke it." }
            @if !links.is_empty() {
                ul {
                    @for l in &links {
                        li {
                            "Made " (crate::time::date(l.made)) ", works until " (crate::time::date(l.expires)) " "
                            form.inline method="post" action={ "/facilitate/series/" (series) "/review-links/" (l.id) "/revoke" } {
                                button.quiet type="submit" { "Revoke" span.visually-hidden { " the link made " (crate::time::date(l.made)) } }
                            }
                        }
                    }
                }
            }
            form method="post" action={ "/facilitate/series/" (series) "/review-links" } {
                button type="submit" { "Make a review link" }
            }
        }
    }
}
