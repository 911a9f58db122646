//! `/s/{session}`: a participant's live page.

use super::{layout, Page};
use crate::render::{participant_view, waiting_view, ParticipantVariant, Pass, PhoneView};
use crate::t;
use crate::web::language::Reading;
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
    reading: Reading,
) -> Response {
    let Ok(handle) = app.session(&session) else {
        return Redirect::to("/").into_response();
    };
    let info = handle.info().clone();
    let Some((me, _)) = auth::participant_by_cookie(&handle, &headers) else {
        return Redirect::to(&format!("/join/{}", info.code)).into_response();
    };
    let lang = reading.language;
    let state = handle.state();
    let pass = Pass::in_language(&state, lang);
    let view = match PhoneView::of_participant(&me) {
        Ok(PhoneView::Waiting) => waiting_view(lang),
        Ok(PhoneView::Observer) => participant_view(&pass, ParticipantVariant::Observer),
        Ok(PhoneView::Voter) => participant_view(&pass, ParticipantVariant::Voter),
        Err(_) => return Redirect::to(&format!("/join/{}", info.code)).into_response(),
    };
    let content = html! {
        header.site {
            p.brand { "topteam" }
            p.who { (t!(lang, "phone-who", name = me.name.as_str(), team = me.group.name(lang))) }
        }
        main #main {
            // The workshop's own title is the reader's; one the facilitator
            // typed is as typed.
            h1.session-title {
                (info.title_in(lang))
            }
            @if me.erased {
                p.notice { (t!(lang, "phone-erased", name = me.name.as_str())) }
            }
            p #connection .connection role="status" aria-live="polite" { (t!(lang, "phone-connecting")) }
            div #live { (view) }
        }
    };
    let page = Page {
        title: &info.title,
        role: Some("participant"),
        session: Some(info.id.to_string()),
        class: "phone",
        languages: true,
        reading,
        ..Default::default()
    };
    layout(page, content).into_response()
}
