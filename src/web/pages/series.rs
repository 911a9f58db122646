//! A series' own page in the console: its name, roster, sessions,
//! invitations, review links, and deleting it. The forms it posts are in
//! `series_forms`.

use super::console::console_header;
use super::{layout, Page};
use crate::language::Language;
use crate::series::paste::LineRefusal;
use crate::series::Series;
use crate::t;
use crate::web::auth::require_facilitator;
use crate::web::language::Reading;
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
    reading: Reading,
) -> Response {
    if require_facilitator(&headers, &app).is_err() {
        return super::to_login(&format!("/facilitate/series/{id}")).into_response();
    }
    let lang = reading.language;
    let Ok(series) = crate::web::series_api::known(&app, &id) else {
        return super::refusal_page(&t!(lang, "series-gone"), lang).into_response();
    };
    let said = done.done.as_deref().and_then(|d| done_message(d, lang));
    let draft = RosterDraft::of(&series);
    series_page(&app, &series, said.as_deref(), &draft, None, reading).into_response()
}

fn done_message(done: &str, lang: Language) -> Option<String> {
    Some(match done {
        "renamed" => t!(lang, "series-renamed"),
        "roster" => t!(lang, "roster-saved"),
        "session-deleted" => t!(lang, "console-session-deleted"),
        "link-revoked" => t!(lang, "review-link-revoked"),
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
    reading: Reading,
) -> Markup {
    let lang = reading.language;
    let sessions: Vec<_> = app
        .sessions
        .list()
        .into_iter()
        .filter(|l| l.info().series == series.id)
        .map(|l| l.summary())
        .collect();
    let content = html! {
        (console_header(lang))
        main #main {
            p.breadcrumb { a href="/facilitate" { (t!(lang, "all-sessions")) } }
            h1 { (t!(lang, "series-named", name = series.name.as_str())) }
            @if let Some(problem) = problem {
                div.error-summary role="alert" tabindex="-1" { h2 { (t!(lang, "there-is-a-problem")) } p { (problem) } }
            }
            @if let Some(said) = said { p.done role="status" { (said) } }
            (rename_form(series, lang))
            (roster_form(series, draft, lang))
            (sessions_list(&sessions, lang))
            (super::console::invitations_panel(app, series.id, lang))
            (super::console::review_links_panel(app, series.id, lang))
            (delete_form(series, sessions.len(), lang))
        }
    };
    layout(
        Page {
            title: &series.name,
            class: "console series-page",
            script: Some("/static/series.js"),
            reading,
            languages: true,
            ..Default::default()
        },
        content,
    )
}

fn rename_form(series: &Series, lang: Language) -> Markup {
    html! {
        section aria-labelledby="name-title" {
            h2 #name-title { (t!(lang, "series-name-title")) }
            form.rename method="post" action={ "/facilitate/series/" (series.id) "/name" } {
                label for="series-name" { (t!(lang, "series-name-field")) }
                input #series-name type="text" name="name" required value=(series.name) maxlength=(crate::config::text::SERIES_NAME);
                button type="submit" { (t!(lang, "settings-rename")) }
            }
        }
    }
}

fn team_select(
    name: &str,
    id: &str,
    chosen: Option<Group>,
    labelled_by: &str,
    lang: Language,
) -> Markup {
    html! {
        select name=(name) id=(id) aria-labelledby=(labelled_by) {
            @if chosen.is_none() { option value="" selected { (t!(lang, "roster-choose-team")) } }
            @for g in Group::ALL {
                option value=(g.as_str()) selected[chosen == Some(g)] { (g.name(lang)) }
            }
        }
    }
}

fn roster_form(series: &Series, draft: &RosterDraft, lang: Language) -> Markup {
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
            h2 #roster-title { (t!(lang, "roster-title", n = people)) }
            p.hint { (t!(lang, "roster-hint")) }
            form #roster-form method="post" action={ "/facilitate/series/" (series.id) "/roster" } {
                table.roster-table {
                    caption.visually-hidden { (t!(lang, "roster-of", name = series.name.as_str())) }
                    thead { tr {
                        th #col-name scope="col" { (t!(lang, "roster-name")) }
                        th #col-team scope="col" { (t!(lang, "roster-team")) }
                        th #col-job scope="col" { (t!(lang, "roster-job")) }
                        th scope="col" { (t!(lang, "roster-take-off")) }
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
                                td { (team_select(&format!("group.{i}"), &format!("group-{i}"), row.group, &format!("col-team {name_id}"), lang)) }
                                td { input type="text" id={ "job-" (i) } name={ "job." (i) } value=(row.job) aria-labelledby={ "col-job " (name_id) } maxlength=(crate::series::roster::MAX_PERSON_CHARS); }
                                td.take-off {
                                    @if row.id.is_some() {
                                        input type="checkbox" id={ "remove-" (i) } name={ "remove." (i) } value="yes" checked[row.remove];
                                        label for={ "remove-" (i) } { (t!(lang, "roster-take-off")) span.visually-hidden { " " (row.name) } }
                                    }
                                }
                            }
                        }
                    }
                }
                p.hint { (t!(lang, "roster-add-hint")) }
                label for="paste" { (t!(lang, "roster-paste")) }
                p.hint #paste-hint { (t!(lang, "roster-paste-example")) " " code { (t!(lang, "roster-paste-sample")) } ". " (t!(lang, "roster-paste-hint")) }
                @if !draft.refused.is_empty() {
                    div.line-refusals #paste-refusals role="alert" {
                        p { (t!(lang, "roster-paste-refused")) }
                        ul { @for r in &draft.refused { li { (t!(lang, "roster-line", n = r.line)) ": " q { (r.text) } " — " (r.why.read_in(lang)) } } }
                    }
                }
                textarea #paste name="paste" rows="5" aria-describedby={ "paste-hint" @if !draft.refused.is_empty() { " paste-refusals" } } { (draft.paste) }
                button.primary type="submit" { (t!(lang, "roster-save")) }
            }
        }
    }
}

fn sessions_list(
    sessions: &[std::sync::Arc<crate::session::SessionSummary>],
    lang: Language,
) -> Markup {
    html! {
        section aria-labelledby="series-sessions-title" {
            h2 #series-sessions-title { (t!(lang, "sessions")) }
            @if sessions.is_empty() {
                p { (t!(lang, "no-sessions")) " " a href="/facilitate#new-title" { (t!(lang, "series-start-one")) } " " (t!(lang, "series-start-one-after")) }
            }
            ul.sessions {
                @for summary in sessions {
                    @let info = &summary.info;
                    @let title = info.title_in(lang);
                    li {
                        a href={ "/facilitate/" (info.id) } { (title) }
                        " — " (info.workshop.title.read_in(lang)) ", " (t!(lang, "sessions-code")) " " strong.code { (info.code) }
                        ", " (t!(lang, "sessions-people", n = summary.present)) ", "
                        (if summary.status == crate::session::SessionStatus::Ended { t!(lang, "sessions-ended") } else { t!(lang, "sessions-live") })
                        " — " a href={ "/review/" (info.id) } { (t!(lang, "series-review")) span.visually-hidden { " " (title) } }
                    }
                }
            }
        }
    }
}

fn delete_form(series: &Series, sessions: usize, lang: Language) -> Markup {
    html! {
        section.danger-zone aria-labelledby="delete-series-title" {
            h2 #delete-series-title { (t!(lang, "delete-series-title")) }
            p { (t!(lang, "delete-series-hint", n = sessions)) }
            form method="post" action={ "/facilitate/series/" (series.id) "/delete" } {
                label for="confirm-series" { (t!(lang, "delete-series-type")) " " strong { (series.name) } }
                input #confirm-series type="text" name="confirm" required autocomplete="off";
                button.danger type="submit" { (t!(lang, "delete-series-button")) }
            }
        }
    }
}
