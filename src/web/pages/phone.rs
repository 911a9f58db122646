//! `/s/{session}`: a participant's live page.

use super::{layout, Page};
use crate::render::{participant_view, waiting_view, ParticipantVariant, Pass};
use crate::web::{auth, AppState};
use crate::workshop::Group;
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
    let view = if !me.admitted {
        waiting_view()
    } else if me.group == Group::Observer {
        participant_view(&Pass::new(&state), ParticipantVariant::Observer)
    } else {
        participant_view(&Pass::new(&state), ParticipantVariant::Voter)
    };
    let content = html! {
        header.site {
            p.brand { "topteam" }
            p.who { (me.name) ", " (me.group.label()) }
        }
        main #main {
            h1.session-title { (info.title) }
            p #connection .connection role="status" aria-live="polite" { "Connecting…" }
            div #live { (view) }
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("participant"),
        session: Some(info.id.to_string()),
        class: "phone",
    };
    layout(page, content).into_response()
}
