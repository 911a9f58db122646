//! `/screen/{session}`: the projector: how to join, the prompt, and results when revealed.

use super::{base_url, layout, Page};
use crate::render::{screen_view, Pass};
use crate::web::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped};
use qrcode::render::svg;
use qrcode::QrCode;

/// The projector page (opened from the console, so it has the facilitator cookie).
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(handle) = super::staff_session(&app, &headers, &session) else {
        return axum::response::Redirect::to("/facilitate").into_response();
    };
    let info = handle.info().clone();
    let base = base_url(&app, &headers);
    let join_url = format!("{base}/join/{}", info.code);
    let content = html! {
        main #main {
            aside.joining aria-label="How to join" {
                (qr(&join_url))
                p.join-url { "Join at " strong { (base) "/join" } }
                p.join-code { "Code " strong.code { (info.code) } }
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

/// The join address as a QR code, in SVG. The SVG is produced by the qrcode
/// crate from the join URL, whose parts are a validated host and a join code
/// from our own alphabet; no participant text can reach it.
fn qr(url: &str) -> Markup {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return html! {};
    };
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    // Drop the XML declaration so the SVG can sit inline in HTML.
    let svg = svg
        .split_once("?>")
        .map_or(svg.as_str(), |(_, rest)| rest)
        .trim()
        .to_string();
    html! {
        figure.qr role="img" aria-label={ "QR code for " (url) } { (PreEscaped(svg)) }
    }
}
