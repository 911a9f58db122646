//! Personal invitations: one link per roster person that joins them as
//! themselves, admitted at once, in any live workshop of the series. A
//! typed name is a weak claim in a room of people who know each other's
//! names; a card handed over at the door is not. Making invitations again
//! revokes the earlier ones. Tokens are shown once; the file keeps SHA-256.

use super::review_links::hash_token;
use super::{Line, Person, Series, SeriesBook, SeriesEvent};
use serde::{Deserialize, Serialize};
use std::io;
use std::sync::Arc;
use uuid::Uuid;

/// One person's invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The roster person it joins as.
    pub person: Uuid,
    /// SHA-256 of its token, hex.
    pub token_hash: String,
}

/// A new invitation token: 24 hex digits (96 random bits), short enough to
/// type from a card, far too many to guess at the join limits' pace.
fn new_token() -> String {
    crate::secrets::hex_secret::<12>()
}

impl SeriesBook {
    /// Makes an invitation for every roster person, revoking any earlier
    /// ones; returns each person with their token (shown once), or `None`
    /// if there is no such series.
    pub fn make_invitations(
        &self,
        id: Uuid,
        at: jiff::Timestamp,
    ) -> Option<io::Result<Vec<(Person, String)>>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let made: Vec<(Person, String)> = current
            .roster
            .iter()
            .map(|p| (p.clone(), new_token()))
            .collect();
        let invitations: Vec<Invitation> = made
            .iter()
            .map(|(p, token)| Invitation {
                person: p.id,
                token_hash: hash_token(token),
            })
            .collect();
        let line = Line {
            at,
            event: SeriesEvent::InvitationsMade {
                invitations: invitations.clone(),
            },
        };
        Some(self.append(id, &line).map(|()| {
            let series = Series {
                invitations,
                invitations_made: Some(at),
                ..(*current).clone()
            };
            self.write().insert(id, Arc::new(series));
            made
        }))
    }

    /// Sets whether the series takes joins by invitation only; `None` if
    /// there is no such series.
    pub fn set_invitations_only(
        &self,
        id: Uuid,
        on: bool,
        at: jiff::Timestamp,
    ) -> Option<io::Result<Arc<Series>>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let line = Line {
            at,
            event: SeriesEvent::InvitationsOnly { on },
        };
        Some(self.append(id, &line).map(|()| {
            let series = Arc::new(Series {
                invitations_only: on,
                ..(*current).clone()
            });
            self.write().insert(id, series.clone());
            series
        }))
    }

    /// The series and roster person a token invites, if it is a live
    /// invitation of someone still on the roster.
    pub fn invitation(&self, token: &str) -> Option<(Uuid, Uuid)> {
        let hash = hash_token(token);
        self.read().values().find_map(|s| {
            s.invitations
                .iter()
                .find(|i| crate::secrets::same(i.token_hash.as_bytes(), hash.as_bytes()))
                .filter(|i| s.roster.iter().any(|p| p.id == i.person))
                .map(|i| (s.id, i.person))
        })
    }
}
