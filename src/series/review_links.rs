//! Read-only review links for organisers: each opens one series' review pages
//! and exports and nothing else, until it expires or is revoked. The link's
//! token is shown once; the series file keeps only its SHA-256.

use super::{line_bytes, Line, SeriesBook, SeriesEvent};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io;
use std::sync::Arc;
use uuid::Uuid;

/// One review link of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLink {
    /// Its id, to list and revoke it.
    pub id: Uuid,
    /// SHA-256 of its token, hex.
    pub token_hash: String,
    /// When it was made.
    pub made: jiff::Timestamp,
    /// When it stops working.
    pub expires: jiff::Timestamp,
}

/// The hash a token is kept as.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl SeriesBook {
    /// Makes a link to series `id` lasting `days`; returns it and its token
    /// (shown once), or `None` if there is no such series.
    pub fn make_link(
        &self,
        id: Uuid,
        days: u32,
        at: jiff::Timestamp,
    ) -> Option<io::Result<(ReviewLink, String)>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let token = crate::secrets::hex_secret::<32>();
        let expires = at
            .checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
            .unwrap_or(at);
        let link = ReviewLink {
            id: Uuid::new_v4(),
            token_hash: hash_token(&token),
            made: at,
            expires,
        };
        let line = Line {
            at,
            event: SeriesEvent::ReviewLinkMade { link: link.clone() },
        };
        Some(self.append(id, &line).map(|()| {
            let mut series = (*current).clone();
            series.review_links.push(link.clone());
            self.write().insert(id, Arc::new(series));
            (link, token)
        }))
    }

    /// Revokes a link; `None` if there is no such series, `false` if no such link.
    pub fn revoke_link(
        &self,
        id: Uuid,
        link: Uuid,
        at: jiff::Timestamp,
    ) -> Option<io::Result<bool>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        if !current.review_links.iter().any(|l| l.id == link) {
            return Some(Ok(false));
        }
        let line = Line {
            at,
            event: SeriesEvent::ReviewLinkRevoked { link },
        };
        Some(self.append(id, &line).map(|()| {
            let mut series = (*current).clone();
            series.review_links.retain(|l| l.id != link);
            self.write().insert(id, Arc::new(series));
            true
        }))
    }

    /// The series a token opens, if it is a live link of one.
    pub fn series_for_token(&self, token: &str, now: jiff::Timestamp) -> Option<Uuid> {
        let hash = hash_token(token);
        self.read().values().find_map(|s| {
            s.review_links
                .iter()
                .any(|l| {
                    crate::secrets::same(l.token_hash.as_bytes(), hash.as_bytes())
                        && l.expires > now
                })
                .then_some(s.id)
        })
    }

    pub(super) fn append(&self, id: Uuid, line: &Line) -> io::Result<()> {
        crate::durable::append_line(&self.path_of(id), &line_bytes(line)?, false)
    }
}
