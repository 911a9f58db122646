//! Personal invitations: made by the facilitator (the JSON API, and the
//! console's printable cards), opened on a phone at `/i/{token}`, which joins
//! its person as themselves in the series' live workshop, admitted at once.

use super::auth::{require_facilitator, Facilitator};
use super::client_ip::ClientIp;
use super::error::ApiError;
use super::joining::{self, Who};
use super::pages::{base_url, layout, qr_code, same_origin, Page};
use super::{AppState, JsonBody};
use crate::error_code::ErrorCode;
use crate::language::Language;
use crate::live::SessionHandle;
use crate::series::Person;
use crate::session::{Actor, Command, SessionStatus};
use crate::t;
use crate::web::language::Reading;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use maud::{html, Markup};
use serde::Deserialize;
use uuid::Uuid;

/// One person's card: who, and the link that joins them.
struct Card {
    person: Person,
    url: String,
}

/// Makes every roster person a new invitation (the old ones stop working).
async fn make(app: &AppState, headers: &HeaderMap, series: &str) -> Result<Vec<Card>, ApiError> {
    let series = super::series_api::known(app, series)?;
    if series.roster.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            "the series has nobody on its roster to invite; add the people first",
        ));
    }
    let book = app.series.clone();
    let id = series.id;
    let made = tokio::task::spawn_blocking(move || book.make_invitations(id, crate::time::now()))
        .await
        .ok()
        .flatten()
        .ok_or_else(failed)?
        .map_err(|_| failed())?;
    let base = base_url(app, headers);
    Ok(made
        .into_iter()
        .map(|(person, token)| Card {
            person,
            url: format!("{base}/i/{token}"),
        })
        .collect())
}

/// `POST /api/series/{id}/invitations`: a new link for every roster person.
pub async fn create(
    State(app): State<AppState>,
    _: Facilitator,
    headers: HeaderMap,
    Path(series): Path<String>,
) -> Result<Response, ApiError> {
    let cards = make(&app, &headers, &series).await?;
    let body: Vec<_> = cards
        .iter()
        .map(|c| super::replies::InvitationCard {
            person: c.person.id,
            name: c.person.name.clone(),
            group: c.person.group,
            url: c.url.clone(),
        })
        .collect();
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `PUT /api/series/{id}/invitations-only` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnlyBody {
    invitations_only: bool,
}

/// Sets the series' rule and tells its live sessions.
async fn set_only(app: &AppState, series: &str, on: bool) -> Result<(), ApiError> {
    let series = super::series_api::known(app, series)?;
    let book = app.series.clone();
    let id = series.id;
    tokio::task::spawn_blocking(move || book.set_invitations_only(id, on, crate::time::now()))
        .await
        .ok()
        .flatten()
        .ok_or_else(failed)?
        .map_err(|_| failed())?;
    for handle in live_sessions(app, id) {
        let rule = Command::SetInvitationsOnly(on);
        handle.command(Actor::Facilitator, None, rule).await?;
    }
    Ok(())
}

/// `PUT /api/series/{id}/invitations-only` `{"invitations_only":bool}`.
pub async fn put_only(
    State(app): State<AppState>,
    _: Facilitator,
    Path(series): Path<String>,
    JsonBody(body): JsonBody<OnlyBody>,
) -> Result<Response, ApiError> {
    set_only(&app, &series, body.invitations_only).await?;
    let now = super::replies::InvitationsOnly {
        invitations_only: body.invitations_only,
    };
    Ok(Json(now).into_response())
}

/// The series' sessions still running, newest first.
fn live_sessions(app: &AppState, series: Uuid) -> Vec<SessionHandle> {
    app.sessions
        .list()
        .iter()
        .filter_map(|l| l.awake())
        .filter(|h| h.info().series == series && h.state().status == SessionStatus::Live)
        .cloned()
        .collect()
}

/// What an invitation opens: its person, and the newest live workshop of
/// the series that takes their team (if one is running).
fn opened(app: &AppState, token: &str) -> Option<(Person, Option<SessionHandle>)> {
    let (series, person) = app.series.invitation(token)?;
    let person = app
        .series
        .get(&series)?
        .roster
        .iter()
        .find(|p| p.id == person)?
        .clone();
    let session = live_sessions(app, series)
        .into_iter()
        .find(|h| h.info().workshop.groups.contains(&person.group));
    Some((person, session))
}

/// What a token opens, paced like joining: a wrong token counts against
/// the address as a wrong code does, so tokens cannot be guessed.
async fn checked(
    app: &AppState,
    peer: std::net::IpAddr,
    token: &str,
    reading: &Reading,
) -> Result<(Person, Option<SessionHandle>), Response> {
    let turn = app.join_guard.turn(peer).await;
    match opened(app, token) {
        Some(found) => Ok(found),
        None => {
            app.join_guard.failed(peer);
            turn.wrong().await;
            let page = card_page(None, None, reading.clone());
            Err((StatusCode::NOT_FOUND, page).into_response())
        }
    }
}

/// `GET /i/{token}`: who the card is for, and a button to join as them (a
/// link preview or a mail scanner that follows the link joins nobody).
pub async fn open(
    State(app): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
    reading: Reading,
    Path(token): Path<String>,
) -> Response {
    let (person, session) = match checked(&app, peer, &token, &reading).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let reading = in_room_language(reading, session.as_ref());
    // This phone may be in the workshop already: as the card's person (say
    // so, and go on), or as someone else (say that joining replaces them).
    let here = session
        .as_ref()
        .and_then(|h| joining::returning(h, &headers).map(|me| (h.clone(), me)));
    if let Some((handle, me)) = &here {
        if me.admitted && me.person == Some(person.id) {
            return already_in(&person, handle, reading).into_response();
        }
    }
    let other = here
        .and_then(|(h, me)| {
            h.state()
                .participant(&me.participant)
                .map(|p| p.name.clone())
        })
        .filter(|name| *name != person.name);
    card_page_as(
        Some((&person, session.as_ref())),
        None,
        other.as_deref(),
        reading,
    )
    .into_response()
}

/// The card's person opened it again on the phone they joined with.
fn already_in(person: &Person, handle: &SessionHandle, reading: Reading) -> Markup {
    let lang = reading.language;
    let session = session_title(handle, lang);
    let content = html! {
        header.site { p.brand { "topteam" } }
        main #main {
            h1 { (t!(lang, "invite-you-are-in", name = person.name.as_str())) }
            p { (t!(lang, "invite-already-in", session = session)) }
            p { a.button.primary href={ "/s/" (handle.info().id) } { (t!(lang, "invite-continue")) } }
        }
    };
    layout(
        Page {
            title: &t!(lang, "invite-title"),
            class: "phone",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
}

/// The session's title as a reader of `lang` reads it: the workshop's own
/// in their language, or the one the facilitator typed.
fn session_title(handle: &SessionHandle, lang: Language) -> String {
    handle.info().title_in(lang).to_string()
}

/// A reader who has not chosen reads a Welsh session's card in its first
/// language, as its join page does.
fn in_room_language(reading: Reading, session: Option<&SessionHandle>) -> Reading {
    match session.map(|h| h.info().language) {
        Some(room) if room.has_welsh() && !reading.chosen => reading.in_language(room.first()),
        _ => reading,
    }
}

/// `POST /i/{token}`: joins the card's person, then their phone page.
pub async fn accept(
    State(app): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
    reading: Reading,
    Path(token): Path<String>,
) -> Response {
    let (person, session) = match checked(&app, peer, &token, &reading).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let reading = in_room_language(reading, session.as_ref());
    let Some(handle) = session else {
        return card_page(Some((&person, None)), None, reading).into_response();
    };
    let lang = reading.language;
    match joining::join_session(&app, peer, &headers, &handle, Who::Invited(token)).await {
        Ok(joined) => (
            joined.cookie(),
            // The phone goes on in the language the card was read in.
            crate::web::language::remember(lang),
            Redirect::to(&format!("/s/{}", joined.session)),
        )
            .into_response(),
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            card_page(
                Some((&person, Some(&handle))),
                Some(&e.human(lang)),
                reading,
            ),
        )
            .into_response(),
    }
}

/// The phone's page for a card: join as this person, or why not.
fn card_page(
    card: Option<(&Person, Option<&SessionHandle>)>,
    error: Option<&str>,
    reading: Reading,
) -> Markup {
    card_page_as(card, error, None, reading)
}

/// The same, on a phone already in the workshop as `other`.
fn card_page_as(
    card: Option<(&Person, Option<&SessionHandle>)>,
    error: Option<&str>,
    other: Option<&str>,
    reading: Reading,
) -> Markup {
    let lang = reading.language;
    let content = html! {
        header.site { p.brand { "topteam" } }
        main #main {
            @match card {
                None => {
                    h1 { (t!(lang, "invite-does-not-work")) }
                    @if let Some(message) = error { p { (message) } }
                    @else { p { (t!(lang, "invite-replaced")) } }
                }
                Some((person, None)) => {
                    h1 { (t!(lang, "invite-welcome", name = person.name.as_str())) }
                    p { (t!(lang, "invite-not-started")) }
                }
                Some((person, Some(handle))) => {
                    @let name = person.name.as_str();
                    h1 { (t!(lang, "invite-join-as", name = name)) }
                    @if let Some(message) = error {
                        div.error-summary role="alert" tabindex="-1" { h2 { (t!(lang, "join-problem")) } p { (message) } }
                    }
                    p { (t!(lang, "invite-personal", session = session_title(handle, lang), team = person.group.name(lang))) }
                    @if let Some(other) = other {
                        div.notice role="alert" {
                            p { strong { (t!(lang, "invite-phone-taken", other = other)) } }
                            p { (t!(lang, "invite-phone-becomes", name = name, other = other)) }
                        }
                    }
                    p.hint { (t!(lang, "invite-yours-alone")) }
                    form method="post" {
                        button.primary type="submit" {
                            @if other.is_some() { (t!(lang, "invite-join-as-instead", name = name)) }
                            @else { (t!(lang, "invite-join-as", name = name)) }
                        }
                    }
                }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "invite-title"),
            class: "phone",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
}

/// The console's cards form.
#[derive(Debug, Deserialize)]
pub struct CardsForm {
    /// The set of invitations the console showed (`made_stamp`).
    made: String,
    /// Ticked to replace cards already made.
    #[serde(default)]
    replace: Option<String>,
}

/// The console's form: makes new cards and shows them to print, once. A
/// form sent again (the page refreshed) or without "replace" ticked when
/// cards exist changes nothing: printed cards are never cancelled unasked.
pub async fn console_cards(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(series): Path<String>,
    reading: Reading,
    Form(form): Form<CardsForm>,
) -> Response {
    let lang = reading.language;
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    let known = match super::series_api::known(&app, &series) {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let back = super::review_links::back_to_console(&headers);
    if form.made != super::pages::made_stamp(&known) {
        let why = t!(lang, "cards-made-already");
        return (StatusCode::CONFLICT, notice_page(&why, &back, reading)).into_response();
    }
    if !known.invitations.is_empty() && form.replace.as_deref() != Some("yes") {
        let why = t!(lang, "cards-tick-replace");
        return (StatusCode::CONFLICT, notice_page(&why, &back, reading)).into_response();
    }
    let unreachable = base_url(&app, &headers)
        .parse::<crate::config::PublicUrl>()
        .is_ok_and(|url| url.is_loopback());
    match make(&app, &headers, &series).await {
        Ok(cards) => {
            let page = cards_page(&known.name, &cards, &back, unreachable, reading);
            // Shown once: never kept by the browser or a proxy.
            ([(axum::http::header::CACHE_CONTROL, "no-store")], page).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// `GET` of the cards address (typed, or from history): cards are made from
/// the console, never by opening an address.
pub async fn console_cards_get() -> Redirect {
    Redirect::to("/facilitate")
}

/// A short console page that says why nothing happened, and the way back.
fn notice_page(why: &str, back: &str, reading: Reading) -> Markup {
    let lang = reading.language;
    let content = html! {
        main #main {
            h1 { (t!(lang, "cards-title")) }
            p { (why) }
            p { a href=(back) { (t!(lang, "cards-back")) } }
        }
    };
    layout(
        Page {
            title: &t!(lang, "cards-title"),
            class: "console",
            reading,
            ..Default::default()
        },
        content,
    )
}

/// A sheet of A4 cards (name, team, QR code, link), eight to a page, and the
/// same links as a plain list to paste into an email.
/// The page is in the facilitator's language; a Welsh card says its hint in
/// English too, so a Welsh council's cards serve both its languages.
fn cards_page(
    series: &str,
    cards: &[Card],
    back: &str,
    unreachable: bool,
    reading: Reading,
) -> Markup {
    let lang = reading.language;
    let list: String = cards
        .iter()
        .map(|c| format!("{}: {}\n", c.person.name, c.url))
        .collect();
    let content = html! {
        main #main {
            div.no-print {
                h1 { (t!(lang, "cards-heading", series = series)) }
                @if unreachable {
                    div.error-summary role="alert" {
                        h2 { (t!(lang, "cards-unreachable")) }
                        p { (t!(lang, "cards-unreachable-why")) " " code { "--public-url" } " " (t!(lang, "cards-unreachable-then")) }
                    }
                }
                p { (t!(lang, "cards-print", n = cards.len())) }
                p.hint { (t!(lang, "cards-shown-once")) }
                p { a href=(back) { (t!(lang, "cards-back")) } }
            }
            ul.cards aria-label=(t!(lang, "cards-title")) {
                @for card in cards {
                    li.card {
                        p.card-name { (card.person.name) }
                        p.card-team { (card.person.group.name(lang)) }
                        (qr_code(&card.url, lang))
                        @let (address, token) = card.url.rsplit_once("/i/").unwrap_or((card.url.as_str(), ""));
                        // The token on a line of its own, never broken.
                        p.card-link { (address) "/i/" br; span.token { (token) } }
                        p.card-hint { (t!(lang, "cards-hint")) }
                        @if lang != Language::English {
                            p.card-hint lang="en-GB" { (t!(Language::English, "cards-hint")) }
                        }
                    }
                }
            }
            section.no-print aria-labelledby="list-title" {
                h2 #list-title { (t!(lang, "cards-list")) }
                label for="invitation-list" { (t!(lang, "cards-list-label")) }
                textarea #invitation-list readonly rows=((cards.len() + 2).clamp(3, 24)) { (list) }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "cards-title"),
            class: "cards",
            reading,
            ..Default::default()
        },
        content,
    )
}

/// The console's invitations-only switch.
#[derive(Debug, Deserialize)]
pub struct OnlyForm {
    on: String,
}

/// The console's form: turns invitations-only on or off, then back.
pub async fn console_only(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(series): Path<String>,
    Form(form): Form<OnlyForm>,
) -> Response {
    if !same_origin(&headers) || require_facilitator(&headers, &app).is_err() {
        return Redirect::to("/facilitate").into_response();
    }
    match set_only(&app, &series, form.on == "true").await {
        Ok(()) => {
            let back = super::review_links::back_to_console(&headers);
            Redirect::to(&format!("{back}#invitations-title")).into_response()
        }
        Err(e) => e.into_response(),
    }
}

fn failed() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "the invitations could not be saved; check the data folder",
    )
}
