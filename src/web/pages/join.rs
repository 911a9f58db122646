//! Joining from a phone: the code, then your name from the roster (or typed).
//! Works without JavaScript.

use super::{layout, Page};
use crate::config::text;
use crate::error_code::ErrorCode;
use crate::language::{Language, SessionLanguage};
use crate::series::Person;
use crate::t;
use crate::web::client_ip::ClientIp;
use crate::web::joining::{self, JoinAttempt, Who};
use crate::web::language::Reading;
use crate::web::AppState;
use crate::workshop::Group;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup};
use serde::Deserialize;

/// The value of the "someone not on the list" choice.
const NOT_LISTED: &str = "other";

/// `GET /`: the join form.
pub async fn form(reading: Reading) -> Markup {
    join_page(&JoinForm::default(), &Offer::default(), None, reading)
}

/// `GET /join/{code}`: the join form with the code filled in (the QR code's
/// target) and the roster's unclaimed names. Throttled like joining, so it
/// cannot be used to test codes.
pub async fn form_with_code(
    State(app): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
    reading: Reading,
    Path(code): Path<String>,
) -> Response {
    let form = JoinForm {
        code: code.chars().take(12).collect(),
        ..Default::default()
    };
    match joining::session_by_code(&app, peer, &code).await {
        Ok(handle) => {
            let reading = in_room_language(reading, &handle);
            let lang = reading.language;
            match joining::returning(&handle, &headers) {
                Some(me) => already_joined(&handle, &me, reading).into_response(),
                // Say so now, rather than refuse the form once it is filled in.
                // Nothing to fill in under it: a way on to another code.
                None if handle.state().status == crate::session::SessionStatus::Ended => {
                    let why = t!(lang, "join-ended");
                    let offer = Offer {
                        ended: true,
                        ..Offer::default()
                    };
                    join_page(&form, &offer, Some(&why), reading).into_response()
                }
                None => join_page(&form, &Offer::of(&app, &handle), None, reading).into_response(),
            }
        }
        Err(e) if e.code == "rate_limited" => (
            e.status,
            join_page(
                &form,
                &Offer::default(),
                Some(&e.human(reading.language)),
                reading,
            ),
        )
            .into_response(),
        Err(_) => join_page(&form, &Offer::default(), None, reading).into_response(),
    }
}

/// The fields of the join form.
#[derive(Debug, Default, Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    job_title: String,
    /// The language the form was shown in, which the phone then keeps.
    #[serde(default)]
    lang: String,
}

/// What the form offers for a known code: the teams that may join and the
/// roster people of those teams nobody has claimed yet.
#[derive(Debug, Default)]
struct Offer {
    groups: Option<Vec<Group>>,
    people: Vec<Person>,
    /// The series takes joins by invitation only: no names are listed.
    invitations_only: bool,
    /// The session's language for the room, once the code is known.
    room: Option<SessionLanguage>,
    /// The code is of a session that has ended: no form, a link onwards.
    ended: bool,
}

impl Offer {
    /// Offered once the code is known, never before: the names of a
    /// council's people are not for anyone who loads the page. Never job
    /// titles, and no names at all when the series is by invitation only.
    fn of(app: &AppState, handle: &crate::live::SessionHandle) -> Offer {
        let state = handle.state();
        let groups = state.workshop().groups.clone();
        let invitations_only = app
            .series
            .get(&handle.info().series)
            .is_some_and(|s| s.invitations_only);
        let people = state
            .roster
            .iter()
            .filter(|_| !invitations_only)
            .filter(|p| groups.contains(&p.group) && state.claimant(&p.id).is_none())
            .cloned()
            .collect();
        Offer {
            groups: Some(groups),
            people,
            invitations_only,
            room: Some(state.info.language),
            ended: false,
        }
    }
}

/// `POST /join`: joins, sets the participant cookie, and goes to the live page.
pub async fn submit(
    State(app): State<AppState>,
    ClientIp(peer): ClientIp,
    headers: HeaderMap,
    reading: Reading,
    Form(form): Form<JoinForm>,
) -> Response {
    // The language the form was read in, unless the reader has chosen since.
    let reading = match Language::from_code(&form.lang) {
        Some(shown) if !reading.chosen => reading.in_language(shown),
        _ => reading,
    };
    let lang = reading.language;
    let outcome = match attempt_of(&form, lang) {
        Ok(attempt) => joining::join(&app, peer, &headers, attempt).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(joined) => (
            joined.cookie(),
            // The phone goes on in the language it joined in (appended:
            // the participant's own cookie is set beside it).
            crate::web::language::remember(lang),
            Redirect::to(&format!("/s/{}", joined.session)),
        )
            .into_response(),
        Err(e) => {
            let offer = app
                .sessions
                .by_code(&form.code)
                .map_or_else(Offer::default, |h| Offer::of(&app, &h));
            let status = if e.status == StatusCode::TOO_MANY_REQUESTS {
                e.status
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (
                status,
                join_page(&form, &offer, Some(&e.human(lang)), reading),
            )
                .into_response()
        }
    }
}

/// The form's fields as a join: a picked roster name, or a typed one.
fn attempt_of(form: &JoinForm, lang: Language) -> Result<JoinAttempt, crate::web::error::ApiError> {
    let invalid = |m: &str| {
        crate::web::error::ApiError::in_language(ErrorCode::InvalidRequest, lang, m.to_string())
    };
    let who = match form.person.as_str() {
        "" | NOT_LISTED => {
            if form.name.trim().is_empty() {
                return Err(invalid(&t!(lang, "join-write-name")));
            }
            let group: Group =
                serde_json::from_value(serde_json::Value::String(form.group.clone()))
                    .map_err(|_| invalid(&t!(lang, "join-choose-team")))?;
            Who::Named {
                name: form.name.clone(),
                group,
                job_title: Some(form.job_title.clone()),
            }
        }
        id => Who::Person(
            id.parse()
                .map_err(|_| invalid(&t!(lang, "join-choose-name")))?,
        ),
    };
    Ok(JoinAttempt {
        code: form.code.clone(),
        who,
    })
}

/// This browser is already in the session: say as whom, rather than offer a
/// form that would only bring it back as the same person.
fn already_joined(
    handle: &crate::live::SessionHandle,
    me: &joining::Joined,
    reading: Reading,
) -> Markup {
    let lang = reading.language;
    let state = handle.state();
    let (name, erased) = state
        .participant(&me.participant)
        .map_or_else(|| (String::new(), false), |p| (p.name.clone(), p.erased));
    let content = html! {
        header.site { p.brand { "topteam" } }
        main #main {
            h1 { (t!(lang, "joined-heading")) }
            p { (t!(lang, "joined-in-as", session = state.info.title_in(lang), name = name.clone())) }
            p { a.button.primary href={ "/s/" (me.session) } { (t!(lang, "joined-continue", name = name.clone())) } }
            @if erased {
                p.hint { (t!(lang, "joined-erased")) }
            } @else {
                p.hint { (t!(lang, "joined-not-you")) }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "join-title"),
            class: "phone",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
}

fn join_page(form: &JoinForm, offer: &Offer, error: Option<&str>, reading: Reading) -> Markup {
    let lang = reading.language;
    let here = format!("/join/{}", form.code);
    let cy_href = format!("{here}?lang=cy");
    let en_href = format!("{here}?lang=en");
    let groups = offer
        .groups
        .clone()
        .unwrap_or_else(|| vec![Group::Cabinet, Group::Management, Group::Observer]);
    let listed = !offer.people.is_empty();
    let content = html! {
        header.site { p.brand { "topteam" } }
        main #main {
            h1 { (t!(lang, "join-heading")) }
            @if let Some(message) = error {
                div.error-summary role="alert" tabindex="-1" {
                    h2 { (t!(lang, "join-problem")) }
                    p { (sentence(message)) }
                }
            }
            @if offer.invitations_only {
                p.notice { (t!(lang, "join-by-invitation")) }
            }
            @if offer.room.is_some_and(SessionLanguage::has_welsh) && !reading.chosen {
                // A Welsh session offers both languages where nobody can miss it.
                nav.language-choice aria-labelledby="choose-language" {
                    p #choose-language {
                        span lang="cy" { (t!(Language::Welsh, "join-choose-language")) }
                        " / "
                        span lang="en-GB" { (t!(Language::English, "join-choose-language")) }
                    }
                    a.button lang="cy" hreflang="cy" href=(cy_href) aria-current=[(lang == Language::Welsh).then_some("true")] { (Language::Welsh.own_name()) }
                    " "
                    a.button lang="en-GB" hreflang="en" href=(en_href) aria-current=[(lang == Language::English).then_some("true")] { (Language::English.own_name()) }
                }
            }
            @if offer.ended {
                p { a href="/" { (t!(lang, "join-another")) } }
            } @else {
            form.join method="post" action="/join" novalidate {
                input type="hidden" name="lang" value=(lang.code());
                label for="code" { (t!(lang, "join-code")) }
                p.hint #code-hint { (t!(lang, "join-code-hint")) }
                input #code type="text" name="code" value=(form.code) autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength=(text::CODE_INPUT) required aria-describedby="code-hint";
                @if listed {
                    fieldset.roster {
                        legend { (t!(lang, "join-who-are-you")) }
                        @for p in &offer.people {
                            @let id = format!("person-{}", p.id);
                            span.choice.person {
                                input type="radio" id=(id) name="person" value=(p.id) checked[form.person == p.id.to_string()];
                                label for=(id) {
                                    (p.name)
                                    span.hint { " " (p.group.name(lang)) }
                                }
                            }
                        }
                        span.choice.person {
                            // Not required: the browser would point a typed name at
                            // someone else's; a typed name alone means "not listed".
                            input type="radio" id="person-other" name="person" value=(NOT_LISTED) checked[form.person == NOT_LISTED];
                            label for="person-other" { (t!(lang, "join-not-listed")) }
                        }
                    }
                    p.hint { (t!(lang, "join-not-listed-hint")) }
                }
                label for="name" { (t!(lang, "join-name")) @if listed { " " (t!(lang, "join-if-not-listed")) } }
                input #name type="text" name="name" value=(form.name) autocomplete="name" maxlength=(text::NAME) required[!listed];
                fieldset {
                    legend { (t!(lang, "join-team")) @if listed { " " (t!(lang, "join-if-not-listed")) } }
                    @for g in groups {
                        @let id = format!("group-{}", g.as_str());
                        span.choice {
                            input type="radio" id=(id) name="group" value=(g.as_str()) checked[form.group == g.as_str()] required[!listed];
                            label for=(id) { (match g { Group::Cabinet => t!(lang, "join-as-cabinet"), Group::Management => t!(lang, "join-as-management"), Group::Observer => t!(lang, "join-as-observer") }) }
                        }
                    }
                }
                label for="job_title" { (t!(lang, "join-job-title")) }
                input #job_title type="text" name="job_title" value=(form.job_title) maxlength=(text::JOB_TITLE);
                button.primary type="submit" { (t!(lang, "join-button")) }
            }
            }
        }
    };
    layout(
        Page {
            title: &t!(lang, "join-title"),
            class: "phone",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
}

/// A reader who has not chosen reads a Welsh session's join page in its
/// first language (Welsh); their browser's setting is not a choice.
fn in_room_language(reading: Reading, handle: &crate::live::SessionHandle) -> Reading {
    let room = handle.info().language;
    if reading.chosen || !room.has_welsh() {
        return reading;
    }
    reading.in_language(room.first())
}

/// A message as a sentence: capital first letter, full stop.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}
