//! A series' roster: the cabinet members and officers expected, and the rules
//! for setting it and for matching a typed name to it. Pure.

use crate::activity::{clean_line, BallotError};
use crate::error_code::ErrorCode;
use crate::workshop::Group;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most people on one roster: a cabinet of ten and a management team of
/// thirty is a large council; this leaves room for observers.
pub const MAX_ROSTER: usize = 200;
/// Largest roster request: 200 people with the longest names and job
/// titles in four-byte letters, percent-encoded by a form, fit.
pub const MAX_ROSTER_BYTES: usize = 512 * 1024;
/// Longest name or job title on a roster, in characters.
pub const MAX_PERSON_CHARS: usize = crate::config::text::NAME;

/// Someone expected at the series' workshops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Stable across roster edits, so a session's claims stay valid.
    pub id: Uuid,
    /// Name as the council writes it.
    pub name: String,
    /// Their team.
    pub group: Group,
    /// Portfolio or directorate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

/// One entry of `PUT /api/series/{id}/roster`: an `id` keeps an existing person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// An existing person's id, to keep it.
    #[serde(default)]
    pub id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Team.
    pub group: Group,
    /// Portfolio or directorate.
    #[serde(default)]
    pub job_title: Option<String>,
}

/// Why a roster was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// More people than a roster holds.
    #[error("a roster holds at most {MAX_ROSTER} people")]
    TooLarge,
    /// A name that is empty, too long or unprintable.
    #[error("person {index}: {why}")]
    BadName {
        /// 1-based position in the list.
        index: usize,
        /// What is wrong.
        why: String,
    },
    /// Two entries that a phone could not tell apart.
    #[error("{0:?} is on the roster twice (the same name, or the same id); add something to tell them apart (an initial)")]
    Duplicate(String),
    /// An `id` that is not on the current roster.
    #[error("person {0} is not on this roster; leave out \"id\" to add someone new")]
    UnknownId(Uuid),
}

impl RosterError {
    /// Stable code for clients.
    pub fn code(&self) -> ErrorCode {
        match self {
            RosterError::TooLarge => ErrorCode::RosterTooLarge,
            RosterError::BadName { .. } => ErrorCode::InvalidText,
            RosterError::Duplicate(_) => ErrorCode::DuplicateName,
            RosterError::UnknownId(_) => ErrorCode::UnknownPerson,
        }
    }
}

/// The roster that replaces `current`: checked names, and the ids kept for
/// entries that name an id, or that have the same name and team as before.
pub fn new_roster(current: &[Person], input: Vec<PersonInput>) -> Result<Vec<Person>, RosterError> {
    if input.len() > MAX_ROSTER {
        return Err(RosterError::TooLarge);
    }
    let mut out: Vec<Person> = Vec::with_capacity(input.len());
    for (i, entry) in input.into_iter().enumerate() {
        let bad = |r: BallotError| RosterError::BadName {
            index: i + 1,
            why: r.to_string(),
        };
        let name = clean_line(&entry.name, MAX_PERSON_CHARS, "name").map_err(bad)?;
        let job_title = match entry.job_title.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) => Some(clean_line(t, MAX_PERSON_CHARS, "job title").map_err(bad)?),
        };
        let key = name_key(&name);
        if key.is_empty() {
            return Err(RosterError::BadName {
                index: i + 1,
                why: "a name needs letters or digits".into(),
            });
        }
        if out.iter().any(|p| name_key(&p.name) == key) {
            return Err(RosterError::Duplicate(name));
        }
        if entry.id.is_some_and(|id| out.iter().any(|p| p.id == id)) {
            return Err(RosterError::Duplicate(name));
        }
        let id = match entry.id {
            Some(id) if current.iter().any(|p| p.id == id) => id,
            Some(id) => return Err(RosterError::UnknownId(id)),
            None => current
                .iter()
                .find(|p| name_key(&p.name) == key && p.group == entry.group)
                .map_or_else(Uuid::new_v4, |p| p.id),
        };
        out.push(Person {
            id,
            name,
            group: entry.group,
            job_title,
        });
    }
    Ok(out)
}

pub use crate::activity::name_key;

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, group: Group) -> PersonInput {
        PersonInput {
            id: None,
            name: name.into(),
            group,
            job_title: None,
        }
    }

    #[test]
    fn names_match_ignoring_case_spacing_and_punctuation() {
        assert_eq!(name_key("Cllr. Jo O'Neil"), name_key("cllr  jo oneil"));
        assert_ne!(name_key("Jo Oneil"), name_key("Jo Neil"));
    }

    #[test]
    fn ids_survive_a_roster_edit_and_duplicates_are_refused() {
        let first = new_roster(&[], vec![input("Cllr Patel", Group::Cabinet)]).unwrap();
        let again = new_roster(
            &first,
            vec![
                input("cllr patel", Group::Cabinet),
                input("Sam Reed", Group::Management),
            ],
        )
        .unwrap();
        assert_eq!(again[0].id, first[0].id);
        assert_ne!(again[1].id, first[0].id);
        let twice = new_roster(
            &[],
            vec![
                input("Jo Bloggs", Group::Cabinet),
                input("jo bloggs", Group::Management),
            ],
        );
        assert_eq!(twice.unwrap_err().code(), "duplicate_name");
        let empty = new_roster(&[], vec![input("  ", Group::Cabinet)]);
        assert_eq!(empty.unwrap_err().code(), "invalid_text");
        let huge = (0..=MAX_ROSTER)
            .map(|i| input(&format!("P {i}"), Group::Cabinet))
            .collect();
        assert_eq!(
            new_roster(&[], huge).unwrap_err().code(),
            "roster_too_large"
        );
    }
}
