//! `/s/{session}`: a participant's live page.

use super::{layout, Page};
use crate::render::{participant_view, waiting_view, ParticipantVariant, Pass, PhoneView};
use crate::web::{auth, AppState};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

/// The phone's page: who you are, the connection, and the live view.
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(handle) = app.session(&session) else {
        return Redirect::to("/").into_response();
    };
    let info = handle.info().clone();
    let Some((me, _)) = auth::participant_by_cookie(&handle, &headers) else {
        return Redirect::to(&format!("/join/{}", info.code)).into_response();
    };
    let state = handle.state();
    let pass = Pass::new(&state);
    let view = match PhoneView::of_participant(&me) {
        Ok(PhoneView::Waiting) => waiting_view(),
        Ok(PhoneView::Observer) => participant_view(&pass, ParticipantVariant::Observer),
        Ok(PhoneView::Voter) => participant_view(&pass, ParticipantVariant::Voter),
        Err(_) => return Redirect::to(&format!("/join/{}", info.code)).into_response(),
    };
    let content = html! {
        header.site {
            p.brand { "topteam" }
            p.who { (me.name) ", " (me.group.label()) }
        }
        main #main {
            h1.session-title { (info.title) }
            @if me.erased {
                p.notice { "Your name was erased at your request. Your answers still count, as " (me.name) "." }
            }
            p #connection .connection role="status" aria-live="polite" { "Connecting…" }
            div #live { (view) }
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("participant"),
        session: Some(info.id.to_string()),
        class: "phone",
        ..Default::default()
    };
    layout(page, content).into_response()
}
