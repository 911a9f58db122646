//! The organiser's review: every series, each session's output pack, the series page.

use super::{layout, Page};
use crate::activity::kind_of;
use crate::activity::notes::NoteKind;
use crate::language::Language;
use crate::live::{Listed, SessionHandle};
use crate::render::activity_results_in;
use crate::report::{date, Source};
use crate::session::Pseudonyms;
use crate::session::{ActivityStatus, SessionState, SessionSummary};
use crate::t;
use crate::web::auth::Reader;
use crate::web::language::Reading;
use crate::web::AppState;
use crate::workshop::Group;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use std::sync::Arc;
use uuid::Uuid;

/// Reads a session's transcript and rebuilds it, as every export does.
pub async fn source_of(app: &AppState, handle: &SessionHandle) -> Option<Source> {
    let store = app.sessions.store().clone();
    let id = handle.info().id;
    let (bytes, secret) =
        tokio::task::spawn_blocking(move || (store.read_raw(id), store.secret(id)))
            .await
            .ok()?;
    let pseudonyms = match secret {
        Ok(secret) => Pseudonyms::new(secret),
        Err(e) => Pseudonyms::unavailable(e.to_string()),
    };
    Source::from_transcript(&bytes.ok()?, pseudonyms).ok()
}

/// The header; the console link only for the facilitator (a review link
/// opens review pages and nothing else).
fn review_header(reader: Reader, lang: Language) -> Markup {
    html! {
        header.site {
            p.brand { a href="/review" { (t!(lang, "review-brand")) } }
            @if matches!(reader, Reader::Facilitator) { p { a href="/facilitate" { (t!(lang, "review-console")) } } }
        }
    }
}

fn attendance_line(summary: &SessionSummary, lang: Language) -> String {
    Group::VOTING
        .iter()
        .chain([Group::Observer].iter())
        .map(|g| format!("{} {}", g.name(lang), summary.attended(*g)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `GET /review`: every series and its sessions, newest first.
pub async fn index(
    State(app): State<AppState>,
    reader: Option<Reader>,
    reading: Reading,
) -> Response {
    let lang = reading.language;
    match reader {
        None => return super::to_login("/review").into_response(),
        Some(Reader::Series(series)) => {
            return Redirect::to(&format!("/review/series/{series}")).into_response()
        }
        Some(Reader::Facilitator) => {}
    }
    let sessions = app.sessions.list();
    let mut series: Vec<Uuid> = Vec::new();
    for h in &sessions {
        if !series.contains(&h.info().series) {
            series.push(h.info().series);
        }
    }
    let content = html! {
        (review_header(Reader::Facilitator, lang))
        main #main {
            h1 { (t!(lang, "review-title")) }
            @if sessions.is_empty() { p { (t!(lang, "review-no-sessions")) } }
            @for s in &series {
                @let members: Vec<&Listed> = sessions.iter().filter(|h| h.info().series == *s).collect();
                section aria-labelledby={ "series-" (s) } {
                    h2 id={ "series-" (s) } {
                        @match app.series.get(s) {
                            Some(named) => (named.name),
                            None => (t!(lang, "review-series")),
                        }
                        span.hint { " " (t!(lang, "review-started", date = members.last().map_or_else(String::new, |h| date(h.info().created_at)))) }
                    }
                    p { a href={ "/review/series/" (s) } { (t!(lang, "review-series-on-one-page")) } }
                    table {
                        caption.visually-hidden { (t!(lang, "review-sessions-in-series")) }
                        thead { tr { th scope="col" { (t!(lang, "review-date")) } th scope="col" { (t!(lang, "review-session")) } th scope="col" { (t!(lang, "pack-workshop")) } th scope="col" { (t!(lang, "review-attendance")) } th scope="col" { (t!(lang, "review-status")) } } }
                        tbody {
                            @for h in members {
                                @let summary = h.summary();
                                tr {
                                    td { (date(h.info().created_at)) }
                                    td { a href={ "/review/" (h.info().id) } { (h.info().title_in(lang)) } }
                                    td { (h.info().workshop.title.read_in(lang)) }
                                    td { (attendance_line(&summary, lang)) }
                                    td { (status_words(summary.status, lang)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "review-title"),
            class: "review",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
    .into_response()
}

/// `GET /review/{session}`: the output pack, printable on A4.
pub async fn session(
    State(app): State<AppState>,
    Path(id): Path<String>,
    reader: Option<Reader>,
    reading: Reading,
    axum::extract::Query(asked): axum::extract::Query<Asked>,
) -> Response {
    let Some(reader) = reader else {
        return super::to_login(&format!("/review/{id}")).into_response();
    };
    let Ok(handle) = app.session(&id) else {
        return Redirect::to("/review").into_response();
    };
    if !reader.may_read(handle.info().series) {
        return Redirect::to("/review").into_response();
    }
    let Some(source) = source_of(&app, &handle).await else {
        return Redirect::to("/review").into_response();
    };
    let state = &source.state;
    let info = &state.info;
    // A reader who has not chosen reads a Welsh session's record in Welsh.
    let reading = if !reading.chosen && info.language.has_welsh() {
        reading.in_language(info.language.first())
    } else {
        reading
    };
    let lang = reading.language;
    let base = format!("/review/{}", info.id);
    // The downloads in the page's language.
    let lang_query = format!("?lang={}", lang.code());
    let status = status_words(state.status, lang);
    let title = info.title_in(lang).to_string();
    let content = html! {
        (review_header(reader, lang))
        main #main {
            h1 { (title) }
            p { (t!(lang, "review-line", workshop = info.workshop.title.read_in(lang), date = crate::time::long_date_in(info.created_at, lang), code = info.code.as_str(), status = status)) }
            nav aria-label=(t!(lang, "review-exports")) {
                ul.exports {
                    li { a href={ (base) "/pack.pdf" (lang_query) } { (t!(lang, "review-pdf")) } }
                    li { a href={ (base) "/report.md" (lang_query) } { (t!(lang, "review-markdown")) } }
                    li { a href={ (base) "/votes.csv" } { (t!(lang, "review-csv")) } }
                    li { a href={ (base) "/report.json" } { (t!(lang, "review-json")) } }
                    li { a href={ (base) "/transcript.jsonl" } { (t!(lang, "review-transcript")) } }
                }
            }
            (decided_section(&crate::report::decided_in(state, lang), lang))
            section aria-labelledby="who" {
                h2 #who { (t!(lang, "pack-who-took-part")) }
                @for (group, n) in source.attendance() {
                    h3 { (group.name(lang)) " (" (n) ")" }
                    ul {
                        @for p in state.participants.iter().filter(|p| p.group == group && p.admitted && !p.removed) {
                            li { (p.name) @if let Some(t) = &p.job_title { ", " (t) } }
                        }
                    }
                }
            }
            @for activity in state.activities.iter().filter(|a| kind_of(a.spec.kind).room_answers()) {
                section.activity aria-labelledby={ "a-" (activity.spec.id) } {
                    h2 id={ "a-" (activity.spec.id) } { (activity.spec.title.read_in(lang)) }
                    @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt.read_in(lang)) } }
                    @if activity.status == ActivityStatus::Pending {
                        p.notice { (t!(lang, "review-not-run")) }
                    } @else {
                        p.timing {
                            @match activity.spec.minutes { Some(m) => { (t!(lang, "review-planned", minutes = m)) }, None => (t!(lang, "review-no-time")) }
                            @if let Some(took) = source.minutes_open(&activity.spec.id) { (t!(lang, "review-open-for", minutes = took)) }
                        }
                        @if activity.spec.anonymous { p.tag { (t!(lang, "report-anonymous")) } }
                        (activity_results_in(state, activity, lang))
                    }
                }
            }
            (notes_section(state, lang))
            // The minute-by-minute record only when asked for: it is long,
            // and the record people circulate leads with what was decided.
            @if asked.timeline.as_deref() == Some("1") {
                section aria-labelledby="timeline" {
                    h2 #timeline { (t!(lang, "report-timeline")) }
                    ol.timeline {
                        @for entry in crate::report::timeline_in(&source, lang) {
                            li { time { (entry.time) } " " (entry.text) }
                        }
                    }
                }
            } @else {
                p.no-print { a href={ (base) "?timeline=1#timeline" } { (t!(lang, "review-show-timeline")) } }
            }
        }
    };
    layout(
        Page {
            title: &title,
            class: "review",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
    .into_response()
}

/// A session's status in words.
fn status_words(status: crate::session::SessionStatus, lang: Language) -> String {
    match status {
        crate::session::SessionStatus::Live => t!(lang, "review-status-live"),
        crate::session::SessionStatus::Ended => t!(lang, "review-status-ended"),
    }
}

/// What the review page was asked for besides the session.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Asked {
    #[serde(default)]
    timeline: Option<String>,
}

/// What the session decided, first: agreed statements in their final
/// wording with their fields, the top priorities, decisions and actions.
fn decided_section(decided: &crate::report::Decided, lang: Language) -> Markup {
    html! {
        section.decided aria-labelledby="decided-title" {
            h2 #decided-title { (t!(lang, "pack-what-decided")) }
            @if decided.is_empty() { p { (t!(lang, "review-nothing-decided")) } }
            @if !decided.agreed.is_empty() {
                h3 { (t!(lang, "pack-agreed-statements")) }
                ul.agreed {
                    @for a in &decided.agreed {
                        li {
                            (a.text) " " span.tag { "(" (a.activity) ")" }
                            @if !a.fields.is_empty() {
                                dl.fields {
                                    @for (label, value) in &a.fields { dt { (label) } dd { (value) } }
                                }
                            }
                        }
                    }
                }
            }
            @for p in &decided.priorities {
                h3 { (p.heading) ": " (p.activity) }
                ol { @for label in &p.top { li { (label) } } }
            }
            @if !decided.decisions.is_empty() {
                h3 { (t!(lang, "pack-decisions")) }
                ul { @for d in &decided.decisions { li { (d) } } }
            }
            @if !decided.actions.is_empty() {
                h3 { (t!(lang, "pack-actions")) }
                table {
                    thead { tr { th scope="col" { (t!(lang, "pack-action")) } th scope="col" { (t!(lang, "pack-owner")) } th scope="col" { (t!(lang, "pack-due")) } } }
                    tbody {
                        @for a in &decided.actions {
                            tr { td { (a.text) } td { (a.owner.as_deref().unwrap_or("")) } td { (a.due.as_deref().unwrap_or("")) } }
                        }
                    }
                }
            }
        }
    }
}

/// The facilitator's notes (decisions and actions are at the top).
fn notes_section(state: &SessionState, lang: Language) -> Markup {
    let notes: Vec<_> = state
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Note)
        .collect();
    html! {
        @if !notes.is_empty() {
            section aria-labelledby="notes" {
                h2 #notes { (t!(lang, "pack-notes")) }
                ul { @for n in notes { li { (n.text) } } }
            }
        }
    }
}

/// `GET /review/series/{series}`: how priorities moved from workshop 1 to 3,
/// the relationship ratings by team, and every action.
pub async fn series(
    State(app): State<AppState>,
    Path(series): Path<String>,
    reader: Option<Reader>,
    reading: Reading,
) -> Response {
    let Some(reader) = reader else {
        return super::to_login(&format!("/review/series/{series}")).into_response();
    };
    let Ok(series) = series.parse::<Uuid>() else {
        return Redirect::to("/review").into_response();
    };
    if !reader.may_read(series) {
        return (
            axum::http::StatusCode::FORBIDDEN,
            super::refusal_page(&t!(reading.language, "series-other-link"), reading.language),
        )
            .into_response();
    }
    let sessions: Vec<Arc<SessionState>> = app
        .sessions
        .of_series(series)
        .iter()
        .map(|h| h.state())
        .collect();
    // A reader who has not chosen reads a Welsh series' page in Welsh (the
    // newest session's language).
    let room = sessions.last().map(|s| s.info.language).unwrap_or_default();
    let reading = if !reading.chosen && room.has_welsh() {
        reading.in_language(room.first())
    } else {
        reading
    };
    let lang = reading.language;
    let content = html! {
        (review_header(reader, lang))
        main #main {
            h1 { (t!(lang, "series-title")) @if let Some(named) = app.series.get(&series) { ": " (named.name) } }
            p { a href={ "/review/series/" (series) "/pack.pdf?lang=" (lang.code()) } { (t!(lang, "series-pdf")) } }
            @if sessions.is_empty() { p { (t!(lang, "series-no-sessions")) } }
            @else {
                ul.sessions {
                    @for s in &sessions {
                        li {
                            a href={ "/review/" (s.info.id) } { (s.info.title_in(lang)) }
                            @if *s.info.title != *s.info.workshop.title { " — " (s.info.workshop.title.read_in(lang)) }
                            ", " (crate::time::long_date_in(s.info.created_at, lang))
                        }
                    }
                }
            }
            section aria-labelledby="moved" {
                h2 #moved { (t!(lang, "series-moved")) }
                @for s in &sessions {
                    @for a in s.activities.iter().filter(|a| a.status != ActivityStatus::Pending && carries(s, a)) {
                        h3 { (s.info.workshop.title.read_in(lang)) ": " (a.spec.title.read_in(lang)) }
                        (top_items(s, a, lang))
                    }
                }
            }
            section aria-labelledby="ratings" {
                h2 #ratings { (t!(lang, "series-ratings")) }
                table {
                    thead { tr { th scope="col" { (t!(lang, "pack-workshop")) } th scope="col" { (t!(lang, "series-item")) } th scope="col" { (t!(lang, "series-cabinet-mean")) } th scope="col" { (t!(lang, "series-management-mean")) } } }
                    tbody {
                        @for s in &sessions {
                            @for a in s.activities.iter().filter(|a| a.status != ActivityStatus::Pending) {
                                @let results = a.results(s);
                                @let kind = kind_of(a.spec.kind);
                                @for o in &a.spec.options {
                                    @if let Some([cabinet, management]) = kind.over_the_series(&results, &o.id) {
                                        tr {
                                            td { (s.info.workshop.title.read_in(lang)) ": " (a.spec.title.read_in(lang)) }
                                            th scope="row" { (o.label.read_in(lang)) }
                                            td { (cabinet) }
                                            td { (management) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="all-actions" {
                h2 #all-actions { (t!(lang, "pack-all-actions")) }
                table {
                    thead { tr { th scope="col" { (t!(lang, "pack-workshop")) } th scope="col" { (t!(lang, "pack-action")) } th scope="col" { (t!(lang, "pack-owner")) } th scope="col" { (t!(lang, "pack-due")) } } }
                    tbody {
                        @for s in &sessions {
                            @for n in s.notes.iter().filter(|n| n.kind == NoteKind::Action) {
                                tr { td { (s.info.workshop.title.read_in(lang)) } td { (n.text) } td { (n.owner.as_deref().unwrap_or("")) } td { (n.due.as_deref().map(|d| crate::time::uk_date_in(d, lang)).unwrap_or_default()) } }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "series-title"),
            class: "review",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
    .into_response()
}

/// Activities that pass priorities on, or receive them.
fn carries(state: &SessionState, a: &crate::session::ActivityState) -> bool {
    if !kind_of(a.spec.kind).room_answers() {
        return false; // notes brought forward are not priorities
    }
    a.spec.from.is_some()
        || state
            .activities
            .iter()
            .any(|b| b.spec.from.as_deref() == Some(a.spec.id.as_str()))
        || (a.spec.kind.can_feed() && a.spec.kind.takes_ballots() && a.spec.id.contains("priorit"))
}

fn top_items(state: &SessionState, a: &crate::session::ActivityState, lang: Language) -> Markup {
    let results = a.results(state);
    let view = crate::activity::ActivityView {
        language: lang,
        ..a.view(state)
    };
    html! { ol { (kind_of(a.spec.kind).highlights(&view, &results)) } }
}
