//! `/screen/{session}`: the projector: how to join, the prompt, and results when revealed.

use super::{base_url, layout, Page};
use crate::render::{screen_view, Pass};
use crate::web::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::html;

/// The projector page (opened from the console, so it has the facilitator cookie).
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(handle) = super::staff_session(&app, &headers, &session) else {
        return super::to_login(&format!("/screen/{session}")).into_response();
    };
    let info = handle.info().clone();
    let base = base_url(&app, &headers);
    let join_url = format!("{base}/join/{}", info.code);
    // People handed a card should scan their own, not the screen's.
    let cards = app
        .series
        .get(&info.series)
        .is_some_and(|s| !s.invitations.is_empty());
    let content = html! {
        main #main {
            aside.joining aria-label="How to join" {
                (super::qr_code(&join_url))
                p.join-url { "Join at " strong { (base) "/join" } }
                p.join-code { "Code " strong.code { (info.code) } }
                @if cards { p.join-card { "Have an invitation card? Scan your own card instead." } }
            }
            p #connection .connection role="status" aria-live="polite" { "Connecting…" }
            div #live { (screen_view(&Pass::new(&handle.state()))) }
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("screen"),
        session: Some(info.id.to_string()),
        class: "projector",
        ..Default::default()
    };
    layout(page, content).into_response()
}
