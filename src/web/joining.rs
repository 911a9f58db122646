//! Joining a session, the one way both the JSON API and the phone's form do
//! it: the code, the address's budgets, the same browser getting its own
//! participant back, checked names, a new token, and its cookie.

use super::auth;
use super::error::ApiError;
use super::AppState;
use crate::error_code::ErrorCode;
use crate::live::SessionHandle;
use crate::session::{Actor, Claim, Command, HoldReason, JoinRequest};
use axum::http::HeaderMap;
use std::net::IpAddr;
use uuid::Uuid;

/// What a joiner sends: the code, and who they are.
#[derive(Debug, Clone)]
pub struct JoinAttempt {
    /// The code as typed.
    pub code: String,
    /// A roster person picked from the list, or a name typed in.
    pub who: Who,
}

/// Who a joiner says they are, before checking.
#[derive(Debug, Clone)]
pub enum Who {
    /// A roster person's id.
    Person(Uuid),
    /// A personal invitation's token (unchecked).
    Invited(String),
    /// A typed name, team and job title (unchecked text).
    Named {
        /// Name.
        name: String,
        /// Team (`cabinet`, `management`, `observer`).
        group: crate::workshop::Group,
        /// Optional job title.
        job_title: Option<String>,
    },
}

/// A participant in the session, new or found again.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Joined {
    /// The session.
    pub session: Uuid,
    /// The participant.
    pub participant: Uuid,
    /// Their token (also the cookie's value).
    pub token: String,
    /// Whether they are in (else waiting for the facilitator).
    pub admitted: bool,
    /// Why they wait, if they were held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<HoldReason>,
    /// The roster person they are, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Uuid>,
}

impl Joined {
    /// The cookie jar that keeps this browser this participant.
    pub fn cookie(&self) -> axum_extra::extract::CookieJar {
        axum_extra::extract::CookieJar::new()
            .add(auth::participant_cookie_of(self.session, &self.token))
    }
}

/// The session a code names, counting a wrong code against the address.
pub async fn session_by_code(
    app: &AppState,
    ip: IpAddr,
    code: &str,
) -> Result<SessionHandle, ApiError> {
    let turn = app.join_guard.turn(ip).await;
    match app.sessions.by_code(code) {
        Some(handle) => Ok(handle),
        None => {
            app.join_guard.failed(ip);
            turn.wrong().await;
            Err(ApiError::new(
                ErrorCode::UnknownCode,
                "No session has that code. Check the code on the screen.",
            ))
        }
    }
}

/// Joins, or finds this browser's participant again.
pub async fn join(
    app: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    attempt: JoinAttempt,
) -> Result<Joined, ApiError> {
    let handle = session_by_code(app, ip, &attempt.code).await?;
    join_session(app, ip, headers, &handle, attempt.who).await
}

/// Joins a session already found (by its code, or by an invitation).
pub async fn join_session(
    app: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    handle: &SessionHandle,
    who: Who,
) -> Result<Joined, ApiError> {
    let session = handle.info().id;
    let invited = match &who {
        Who::Invited(token) => Some(invited_person(app, ip, handle, token)?),
        _ => None,
    };
    match (returning(handle, headers), invited) {
        // This phone is already the invited person, let in: nothing to do.
        (Some(again), Some(person)) if again.admitted && again.person == Some(person) => {
            return Ok(again)
        }
        // With an invitation, this phone joins as its owner whoever it was.
        (_, Some(_)) => {}
        (Some(again), None) => return Ok(again),
        (None, None) => {}
    }
    if invited.is_none() && removed_here(handle, headers) {
        // The facilitator removed this browser's participant: joining again
        // from it is theirs to allow, not a way back in.
        return Err(crate::session::Rejection::Removed.into());
    }
    let who = match who {
        Who::Invited(_) => Claim::Invited(invited.unwrap_or_default()),
        Who::Person(id) => Claim::Person(id),
        Who::Named {
            name,
            group,
            job_title,
        } => Claim::Named {
            name: person_name(&name, app.limits.max_name_chars)?,
            group,
            job_title: match job_title.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(t) => Some(clean(t, app.limits.max_job_title_chars, "job title")?),
            },
        },
    };
    app.join_budget.take(ip, session)?;
    let invitations_only = app
        .series
        .get(&handle.info().series)
        .is_some_and(|s| s.invitations_only);
    if invitations_only != handle.state().invitations_only {
        // The session learns the series' rule before it decides this join.
        let rule = Command::SetInvitationsOnly(invitations_only);
        handle.command(Actor::Facilitator, None, rule).await?;
    }
    let participant = Uuid::new_v4();
    let (token, token_hash) = auth::new_participant_token(participant);
    let request = JoinRequest {
        participant,
        who,
        token_hash,
    };
    handle
        .command(
            Actor::Participant(participant),
            None,
            Command::Join(request),
        )
        .await?;
    let state = handle.state();
    let me = state.participant(&participant);
    Ok(Joined {
        session,
        participant,
        token,
        admitted: me.is_some_and(|p| p.admitted),
        held: me.and_then(|p| p.held),
        person: me.and_then(|p| p.person),
    })
}

/// The roster person an invitation token names, if it is one of this
/// session's series; a wrong token counts against the address as a wrong
/// code does.
fn invited_person(
    app: &AppState,
    ip: IpAddr,
    handle: &SessionHandle,
    token: &str,
) -> Result<Uuid, ApiError> {
    match app.series.invitation(token.trim()) {
        Some((series, person)) if series == handle.info().series => Ok(person),
        _ => {
            app.join_guard.failed(ip);
            Err(ApiError::new(
                ErrorCode::UnknownInvitation,
                "That invitation does not open this session: it has been replaced or is for another series. Ask the facilitator for your card.",
            ))
        }
    }
}

/// The participant this browser already is in the session (its cookie), if
/// still there: joining again from the same phone is not a second person.
pub fn returning(handle: &SessionHandle, headers: &HeaderMap) -> Option<Joined> {
    let (me, token) = auth::participant_by_cookie(handle, headers)?;
    Some(Joined {
        session: handle.info().id,
        participant: me.id,
        token,
        admitted: me.admitted,
        held: if me.admitted { None } else { me.held },
        person: me.person,
    })
}

/// Whether this browser's cookie names someone the facilitator removed.
fn removed_here(handle: &SessionHandle, headers: &HeaderMap) -> bool {
    auth::cookie(headers, &auth::participant_cookie(handle.info().id))
        .and_then(auth::parse_participant_token)
        .is_some_and(|(id, hash)| {
            handle
                .state()
                .participant(&id)
                .is_some_and(|p| p.removed && p.token_matches(&hash))
        })
}

/// A typed name: one line, printable, and with letters or digits to tell it
/// from others by (names are compared by those alone).
fn person_name(text: &str, max_chars: usize) -> Result<String, ApiError> {
    let name = clean(text, max_chars, "name")?;
    if crate::series::name_key(&name).is_empty() {
        return Err(ApiError::new(
            crate::error_code::ErrorCode::InvalidText,
            "your name needs letters or digits",
        ));
    }
    Ok(name)
}

fn clean(text: &str, max_chars: usize, what: &str) -> Result<String, ApiError> {
    crate::activity::clean_line(text, max_chars, what).map_err(ApiError::from)
}
