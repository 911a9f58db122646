//! `/screen/{session}`: the projector: how to join, the prompt, and results when revealed.

use super::{base_url, layout, Page};
use crate::render::{screen_view, Pass};
use crate::web::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

/// The projector page (opened from the console, so it has the facilitator cookie).
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
    reading: crate::web::language::Reading,
) -> Response {
    let handle = match super::staff_session(&app, &headers, &session) {
        Ok(handle) => handle,
        Err(why) => return why.answer(&format!("/screen/{session}"), reading),
    };
    let info = handle.info().clone();
    let base = base_url(&app, &headers);
    let join_url = format!("{base}/join/{}", info.code);
    // People handed a card should scan their own, not the screen's.
    let cards = app
        .series
        .get(&info.series)
        .is_some_and(|s| !s.invitations.is_empty());
    // The room's language: Welsh first, and English too when bilingual.
    let room = info.language;
    let say = |key: &'static str| -> Markup {
        html! {
            @for (i, &language) in room.languages().iter().enumerate() {
                @if i > 0 { " / " }
                span lang=(super::layout::html_lang(language)) { (crate::language::text(language, key)) }
            }
        }
    };
    let content = html! {
        main #main {
            aside.joining aria-label=(crate::language::text(room.first(), "screen-how-to-join")) {
                (super::qr_code(&join_url, room.first()))
                p.join-url { (say("screen-join-at")) " " strong { (base) "/join" } }
                p.join-code { (say("screen-code")) " " strong.code { (info.code) } }
                @if cards { p.join-card { (say("screen-card")) } }
            }
            p #connection .connection role="status" aria-live="polite" { (say("phone-connecting")) }
            div #live { (screen_view(&Pass::for_room(&handle.state()))) }
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("screen"),
        session: Some(info.id.to_string()),
        class: "projector",
        reading: crate::web::language::Reading::new(room.first(), "/", None),
        ..Default::default()
    };
    layout(page, content).into_response()
}
