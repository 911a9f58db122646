//! The one seam between an activity kind and the rest of the code: what a
//! kind does with ballots. Each kind implements [`Kind`] in its own file, and
//! [`kind_of`] is the one registry; nothing else matches on which kind it is
//! to check, count, compare or export a ballot.

use super::{agreement, dots, ideas, notes, rank, rating, role_map};
use super::{Ballot, BallotError, CastBallot, Comparison, Tally};
use crate::workshop::{ActivityKind, ActivitySpec};
use std::collections::BTreeMap;

/// One answer to one item, as an export lists it: the item, the statement
/// version it answered (agreements), the value and the reason given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Option or item id.
    pub item: String,
    /// The statement version answered, for agreements.
    pub version: Option<u32>,
    /// The value as the wire names it (`3`, `members`, `live_with`).
    pub value: String,
    /// A reason given with it (objections), or empty.
    pub reason: String,
}

impl Answer {
    /// An answer with no version or reason.
    pub fn plain(item: &str, value: impl ToString) -> Answer {
        Answer {
            item: item.to_string(),
            version: None,
            value: value.to_string(),
            reason: String::new(),
        }
    }
}

/// What the rest of the code asks of an activity kind.
pub trait Kind: Sync {
    /// Checks a ballot of this kind's shape against the activity's settings
    /// and returns its normal form. `versions` gives each statement's current
    /// version (agreements).
    fn validate(
        &self,
        spec: &ActivitySpec,
        versions: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let _ = (spec, versions, ballot);
        Err(BallotError::WrongBallotKind {
            expected: spec.kind.ballot_shape(),
        })
    }

    /// Counts ballots (everyone, or one team's).
    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        let _ = (spec, ballots);
        Tally::Notes { notes: Vec::new() }
    }

    /// How the two teams' tallies compare, where the kind has a measure.
    fn compare(
        &self,
        spec: &ActivitySpec,
        cabinet: &Tally,
        management: &Tally,
    ) -> Option<Comparison> {
        let _ = (spec, cabinet, management);
        None
    }

    /// Whether a ballot answers everything the activity asks; kinds answered
    /// item by item are in progress until every item has an answer.
    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        let _ = (spec, ballot);
        true
    }

    /// The answers a ballot gives, one per item, for exports.
    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        let _ = ballot;
        Vec::new()
    }
}

/// The kind behind a script's `kind`: the one registry line per kind.
pub fn kind_of(kind: ActivityKind) -> &'static dyn Kind {
    match kind {
        ActivityKind::Ideas => &ideas::Ideas,
        ActivityKind::Dots => &dots::Dots,
        ActivityKind::Rank => &rank::Rank,
        ActivityKind::RoleMap => &role_map::RoleMap,
        ActivityKind::Agreement => &agreement::Agreement,
        ActivityKind::Rating => &rating::Rating,
        ActivityKind::Notes => &notes::Notes,
    }
}

/// Every option or item of the activity has an answer in `answered`.
pub(crate) fn answers_every_item(spec: &ActivitySpec, answered: impl Fn(&str) -> bool) -> bool {
    spec.options.iter().all(|o| answered(&o.id))
}

/// A value's name on the wire (`members`, `live_with`).
pub(crate) fn wire_name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}
