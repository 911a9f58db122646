//! The JSON bodies the API answers with, one type each, as `docs/api.md`
//! gives them: a field added or renamed here is a change to the contract.
//! Session state and results have their own (`render::session_json`).

use crate::activity::Group;
use crate::series::{Person, Series};
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

/// `POST /api/sessions`: the session made.
#[derive(Debug, Serialize)]
pub struct SessionCreated {
    /// Its id.
    pub id: Uuid,
    /// The join code.
    pub code: String,
    /// Its workshop script's id.
    pub workshop: String,
    /// Its series.
    pub series: Uuid,
}

/// `POST /api/sessions/{id}/commands`: the command taken.
#[derive(Debug, Serialize)]
pub struct CommandTaken {
    /// The seq of the last event it wrote (the current seq if none).
    pub seq: u64,
    /// The client id it came with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

/// `PUT /api/sessions/{id}/script`: the script saved, as the session now has it.
#[derive(Debug, Serialize)]
pub struct ScriptSaved<'a> {
    /// The seq of the event that saved it.
    pub seq: u64,
    /// The script.
    pub script: &'a crate::workshop::Workshop,
}

/// `POST /api/series`: the series made.
#[derive(Debug, Serialize)]
pub struct SeriesCreated {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
}

/// One session in a series' summary.
#[derive(Debug, Serialize)]
pub struct SeriesSession {
    /// Its id.
    pub id: Uuid,
    /// Its title.
    pub title: String,
    /// Its workshop script's id.
    pub workshop: String,
    /// Its join code.
    pub code: String,
    /// When it was made.
    pub created_at: Timestamp,
}

/// `GET /api/series` (each), and with the roster `GET`/`PUT /api/series/{id}`.
#[derive(Debug, Serialize)]
pub struct SeriesSummary {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// Whether it is archived.
    pub archived: bool,
    /// People on its roster.
    pub people: usize,
    /// Invitations made.
    pub invitations: usize,
    /// Whether only invitations let people in.
    pub invitations_only: bool,
    /// Its sessions, newest first.
    pub sessions: Vec<SeriesSession>,
    /// The roster, on the one series' own routes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roster: Option<Vec<Person>>,
}

impl SeriesSummary {
    /// The summary of `series` with these sessions, and no roster.
    pub fn of(series: &Series, sessions: Vec<SeriesSession>) -> SeriesSummary {
        SeriesSummary {
            id: series.id,
            name: series.name.clone(),
            created_at: series.created_at,
            archived: series.archived,
            people: series.roster.len(),
            invitations: series.invitations.len(),
            invitations_only: series.invitations_only,
            sessions,
            roster: None,
        }
    }
}

/// `POST /api/series/{id}/review-links`: the link made, its token shown once.
#[derive(Debug, Serialize)]
pub struct ReviewLinkMade {
    /// Its id (to revoke it).
    pub id: Uuid,
    /// The address to send.
    pub url: String,
    /// The token in it.
    pub token: String,
    /// When it stops working.
    pub expires: Timestamp,
}

/// `GET /api/series/{id}/review-links` (each): never the token.
#[derive(Debug, Serialize)]
pub struct ReviewLinkListed {
    /// Its id.
    pub id: Uuid,
    /// When it was made.
    pub made: Timestamp,
    /// When it stops working.
    pub expires: Timestamp,
}

/// `POST /api/series/{id}/invitations` (each): one person's card.
#[derive(Debug, Serialize)]
pub struct InvitationCard {
    /// The roster person.
    pub person: Uuid,
    /// Their name.
    pub name: String,
    /// Their team.
    pub group: Group,
    /// Their own join address.
    pub url: String,
}

/// `PUT /api/series/{id}/invitations-only`: the setting now.
#[derive(Debug, Serialize)]
pub struct InvitationsOnly {
    /// Whether only invitations let people in.
    pub invitations_only: bool,
}

/// `GET /api/workshops` (each): a script, built in or saved.
#[derive(Debug, Serialize)]
pub struct TemplateSummary {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The teams it invites.
    pub groups: Vec<Group>,
    /// How many activities it has.
    pub activities: usize,
    /// Built in (read-only), or saved from the agenda editor.
    pub builtin: bool,
}
