//! A series' own page in the console: its name, roster, sessions,
//! invitations, review links, and deleting it. The forms it posts are in
//! `series_forms`.

use super::console::console_header;
use super::{layout, Page};
use crate::series::paste::LineRefusal;
use crate::series::Series;
use crate::web::auth::require_facilitator;
use crate::web::AppState;
use crate::workshop::Group;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;
use uuid::Uuid;

/// What the last form did, named in the page's address after it redirects.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: Option<String>,
}

/// `GET /facilitate/series/{id}`.
pub async fn page(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Response {
    if require_facilitator(&headers, &app).is_err() {
        return super::to_login(&format!("/facilitate/series/{id}")).into_response();
    }
    let Ok(series) = crate::web::series_api::known(&app, &id) else {
        return super::refusal_page(
            "There is no such series: it may have been deleted.",
            crate::language::Language::English,
        )
        .into_response();
    };
    let said = done.done.as_deref().and_then(done_message);
    let draft = RosterDraft::of(&series);
    series_page(&app, &series, said, &draft, None).into_response()
}

fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "renamed" => "The series has been renamed.",
        "roster" => {
            "The roster has been saved. Sessions of this series that are running have it now."
        }
        "session-deleted" => "The session has been deleted.",
        _ => return None,
    })
}

/// The roster form as it stands: the saved roster, or what was sent and
/// refused (so nothing typed is lost).
#[derive(Debug, Default)]
pub struct RosterDraft {
    /// One row per person, in order.
    pub rows: Vec<RowDraft>,
    /// The pasted lines.
    pub paste: String,
    /// Pasted lines that could not be read.
    pub refused: Vec<LineRefusal>,
}

/// One roster row of the form.
#[derive(Debug, Default, Clone)]
pub struct RowDraft {
    /// The person's id, for someone already on the roster.
    pub id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Team.
    pub group: Option<Group>,
    /// Job title.
    pub job: String,
    /// Ticked to take them off.
    pub remove: bool,
    /// Why this row was refused.
    pub refused: Option<String>,
}

impl RosterDraft {
    /// The saved roster.
    pub fn of(series: &Series) -> RosterDraft {
        RosterDraft {
            rows: series
                .roster
                .iter()
                .map(|p| RowDraft {
                    id: Some(p.id),
                    name: p.name.clone(),
                    group: Some(p.group),
                    job: p.job_title.clone().unwrap_or_default(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }
}

/// The whole page; `problem` is a refusal to show at the top.
pub fn series_page(
    app: &AppState,
    series: &Series,
    said: Option<&str>,
    draft: &RosterDraft,
    problem: Option<&str>,
) -> Markup {
    let sessions: Vec<_> = app
        .sessions
        .list()
        .into_iter()
        .filter(|h| h.info().series == series.id)
        .collect();
    let content = html! {
        (console_header())
        main #main {
            p.breadcrumb { a href="/facilitate" { "All sessions" } }
            h1 { "Series: " (series.name) }
            @if let Some(problem) = problem {
                div.error-summary role="alert" tabindex="-1" { h2 { "There is a problem" } p { (problem) } }
            }
            @if let Some(said) = said { p.done role="status" { (said) } }
            (rename_form(series))
            (roster_form(series, draft))
            (sessions_list(&sessions))
            (super::console::invitations_panel(app, series.id))
            (super::console::review_links_panel(app, series.id))
            (delete_form(series, sessions.len()))
        }
    };
    layout(
        Page {
            title: &series.name,
            class: "console series-page",
            script: Some("/static/series.js"),
            ..Default::default()
        },
        content,
    )
}

fn rename_form(series: &Series) -> Markup {
    html! {
        section aria-labelledby="name-title" {
            h2 #name-title { "Name" }
            form.rename method="post" action={ "/facilitate/series/" (series.id) "/name" } {
                label for="series-name" { "The series' name" }
                input #series-name type="text" name="name" required value=(series.name) maxlength=(crate::config::text::SERIES_NAME);
                button type="submit" { "Rename" }
            }
        }
    }
}

fn team_select(name: &str, id: &str, chosen: Option<Group>, labelled_by: &str) -> Markup {
    html! {
        select name=(name) id=(id) aria-labelledby=(labelled_by) {
            @if chosen.is_none() { option value="" selected { "Choose a team" } }
            @for g in Group::ALL {
                option value=(g.as_str()) selected[chosen == Some(g)] { (g.label()) }
            }
        }
    }
}

fn roster_form(series: &Series, draft: &RosterDraft) -> Markup {
    let people = draft.rows.iter().filter(|r| r.id.is_some()).count();
    // Always one empty row, for adding someone.
    let mut rows = draft.rows.clone();
    if !rows
        .last()
        .is_some_and(|r| r.id.is_none() && r.name.is_empty())
    {
        rows.push(RowDraft::default());
    }
    html! {
        section.roster aria-labelledby="roster-title" {
            h2 #roster-title { "Roster (" (people) " " (if people == 1 { "person" } else { "people" }) ")" }
            p.hint { "The people expected at this series' workshops. A phone that picks or types a name on the roster joins as that person; their team and job title come from here." }
            form #roster-form method="post" action={ "/facilitate/series/" (series.id) "/roster" } {
                table.roster-table {
                    caption.visually-hidden { "Roster of " (series.name) }
                    thead { tr {
                        th #col-name scope="col" { "Name" }
                        th #col-team scope="col" { "Team" }
                        th #col-job scope="col" { "Job title or portfolio" }
                        th scope="col" { "Take off" }
                    } }
                    tbody {
                        @for (i, row) in rows.iter().enumerate() {
                            @let name_id = format!("name-{i}");
                            tr.refused[row.refused.is_some()] {
                                td {
                                    @if let Some(id) = row.id { input type="hidden" name={ "id." (i) } value=(id); }
                                    input id=(name_id) type="text" name={ "name." (i) } value=(row.name) aria-labelledby={ "col-name " (name_id) } maxlength=(crate::series::roster::MAX_PERSON_CHARS) aria-describedby=[row.refused.as_ref().map(|_| format!("why-{i}"))];
                                    @if let Some(why) = &row.refused { p.field-error id={ "why-" (i) } { (why) } }
                                }
                                td { (team_select(&format!("group.{i}"), &format!("group-{i}"), row.group, &format!("col-team {name_id}"))) }
                                td { input type="text" id={ "job-" (i) } name={ "job." (i) } value=(row.job) aria-labelledby={ "col-job " (name_id) } maxlength=(crate::series::roster::MAX_PERSON_CHARS); }
                                td.take-off {
                                    @if row.id.is_some() {
                                        input type="checkbox" id={ "remove-" (i) } name={ "remove." (i) } value="yes" checked[row.remove];
                                        label for={ "remove-" (i) } { "Take off" span.visually-hidden { " " (row.name) } }
                                    }
                                }
                            }
                        }
                    }
                }
                p.hint { "To add someone, fill in the empty row; to add many, paste them below." }
                label for="paste" { "Paste people, one per line" }
                p.hint #paste-hint { "Name, team, job title: for example " code { "Cllr Amina Patel, cabinet, Leader of the Council" } ". A team is cabinet, management or observer. Lines copied from a spreadsheet (name, team and job title in columns) work too." }
                @if !draft.refused.is_empty() {
                    div.line-refusals #paste-refusals role="alert" {
                        p { "These lines could not be read, so nothing was saved. Correct them and save again:" }
                        ul { @for r in &draft.refused { li { "Line " (r.line) ": " q { (r.text) } " — " (r.why) } } }
                    }
                }
                textarea #paste name="paste" rows="5" aria-describedby={ "paste-hint" @if !draft.refused.is_empty() { " paste-refusals" } } { (draft.paste) }
                button.primary type="submit" { "Save the roster" }
            }
        }
    }
}

fn sessions_list(sessions: &[crate::live::SessionHandle]) -> Markup {
    html! {
        section aria-labelledby="series-sessions-title" {
            h2 #series-sessions-title { "Sessions" }
            @if sessions.is_empty() {
                p { "No sessions yet. " a href="/facilitate#new-title" { "Start one" } " and choose this series." }
            }
            ul.sessions {
                @for h in sessions {
                    @let info = h.info();
                    @let state = h.state();
                    @let people = state.participants.iter().filter(|p| p.present()).count();
                    li {
                        a href={ "/facilitate/" (info.id) } { (info.title) }
                        " — " (info.workshop.title) ", code " strong.code { (info.code) }
                        ", " (people) " " (if people == 1 { "person" } else { "people" }) ", "
                        (if state.status == crate::session::SessionStatus::Ended { "ended" } else { "live" })
                        " — " a href={ "/review/" (info.id) } { "review" span.visually-hidden { " " (info.title) } }
                    }
                }
            }
        }
    }
}

fn delete_form(series: &Series, sessions: usize) -> Markup {
    html! {
        section.danger-zone aria-labelledby="delete-series-title" {
            h2 #delete-series-title { "Delete this series" }
            p { "Deletes the series' name and roster, its invitations and review links, and "
                @if sessions == 0 { "(it has none) its sessions" } @else { "its " (sessions) " " (if sessions == 1 { "session" } else { "sessions" }) " with every answer given in them" }
                ", for good. Download anything you need from the review pages first." }
            form method="post" action={ "/facilitate/series/" (series.id) "/delete" } {
                label for="confirm-series" { "Type the series' name, " strong { (series.name) } ", to confirm" }
                input #confirm-series type="text" name="confirm" required autocomplete="off";
                button.danger type="submit" { "Delete the series" }
            }
        }
    }
}
