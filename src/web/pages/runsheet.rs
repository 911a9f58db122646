//! `/facilitate/{session}/runsheet`: the day's plan on one printable page:
//! each activity with its minutes on a running clock from the start time the
//! facilitator sets, its question, and the facilitator's private notes.

use super::{layout, Page};
use crate::session::live_script;
use crate::t;
use crate::web::language::Reading;
use crate::web::AppState;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

/// The start time, `HH:MM`, from the page's own form.
#[derive(Debug, Deserialize)]
pub struct Start {
    #[serde(default)]
    start: String,
}

/// Minutes since midnight of `HH:MM`, if it is a time of day.
fn minutes_of(time: &str) -> Option<u32> {
    let (h, m) = time.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `HH:MM` of minutes since midnight (past midnight wraps).
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// The run-sheet.
pub async fn page(
    State(app): State<AppState>,
    Path(session): Path<String>,
    Query(start): Query<Start>,
    headers: HeaderMap,
    reading: Reading,
) -> Response {
    let Ok(handle) = super::staff_session(&app, &headers, &session) else {
        return Redirect::to("/facilitate").into_response();
    };
    let lang = reading.language;
    let info = handle.info().clone();
    let script = live_script(&handle.state());
    let asked = minutes_of(&start.start);
    let misread = !start.start.trim().is_empty() && asked.is_none();
    let begin = asked.unwrap_or(9 * 60 + 30);
    // Each activity with the minute it starts at, the clock running on.
    let rows: Vec<(u32, &crate::workshop::ActivitySpec)> = script
        .activities
        .iter()
        .scan(begin, |at, a| {
            let from = *at;
            *at += a.minutes.unwrap_or(0);
            Some((from, &**a))
        })
        .collect();
    let total: u32 = script.activities.iter().filter_map(|a| a.minutes).sum();
    let content = html! {
        header.site {
            p.brand { a href="/facilitate" { (t!(lang, "console-brand")) } }
            p { a href={ "/facilitate/" (info.id) } { (t!(lang, "back-to-console")) } }
        }
        main #main {
            h1 { (t!(lang, "runsheet-heading", title = info.title_in(lang))) }
            p { (script.title.read_in(lang)) " · " (t!(lang, "runsheet-activities", n = script.activities.len())) " · " (t!(lang, "runsheet-minutes", n = total)) }
            @if misread {
                p.error-summary role="alert" { (t!(lang, "runsheet-misread", start = start.start.as_str())) }
            }
            form.runsheet-start method="get" {
                label for="start" { (t!(lang, "runsheet-start")) }
                input #start type="time" name="start" value=(clock(begin));
                button type="submit" { (t!(lang, "runsheet-show-times")) }
            }
            table.runsheet {
                caption { (t!(lang, "runsheet-plan", from = clock(begin), to = clock(begin + total))) }
                thead { tr { th scope="col" { (t!(lang, "runsheet-time")) } th scope="col" { (t!(lang, "timer-minutes")) } th scope="col" { (t!(lang, "prepare-activity")) } th scope="col" { (t!(lang, "prepare-prompt")) } th scope="col" { (t!(lang, "console-your-notes")) } } }
                tbody {
                    @for (from, a) in &rows {
                        @let (from, minutes) = (*from, a.minutes.unwrap_or(0));
                        tr {
                            td { @if minutes > 0 { (clock(from)) "–" (clock(from + minutes)) } @else { (clock(from)) ", " (t!(lang, "runsheet-no-time")) } }
                            td { @if let Some(m) = a.minutes { (m) } @else { "—" } }
                            th scope="row" { (a.title.read_in(lang)) br; span.kind { (a.kind.name(lang)) @if a.anonymous { ", " (t!(lang, "runsheet-anonymous")) } } }
                            td { (a.prompt.read_in(lang)) }
                            td.notes { (a.notes.read_in(lang)) }
                        }
                    }
                }
            }
        }
    };
    let page = Page {
        title: &t!(lang, "runsheet"),
        class: "console runsheet",
        reading,
        languages: true,
        ..Default::default()
    };
    layout(page, content).into_response()
}

#[cfg(test)]
mod tests {
    use super::{clock, minutes_of};

    #[test]
    fn start_times_are_read_and_the_clock_runs_on() {
        assert_eq!(minutes_of("09:30"), Some(570));
        assert_eq!(minutes_of("24:00"), None);
        assert_eq!(minutes_of("nine"), None);
        assert_eq!(clock(570 + 95), "11:05");
        assert_eq!(clock(23 * 60 + 90), "00:30");
    }
}
