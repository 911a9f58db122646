//! Activity kinds: what a ballot looks like, how it is checked, how ballots are tallied.
//!
//! Each kind lives in its own file and is pure: no clock, no I/O.

pub mod dots;

use crate::session::Rejection;
use crate::workshop::{ActivityKind, ActivitySpec, Group};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A participant's ballot, exactly as it travels on the wire and in transcripts:
/// `{"dots":{"housing":3,"jobs":2}}`.
///
/// Numbers are signed so that a negative count reaches validation and earns its
/// own clear error instead of a generic parse failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Ballot {
    /// Dots per option id.
    Dots(BTreeMap<String, i64>),
}

impl Ballot {
    /// The kind of activity this ballot is for.
    pub fn kind(&self) -> ActivityKind {
        match self {
            Ballot::Dots(_) => ActivityKind::Dots,
        }
    }
}

/// A ballot as counted: who cast it sits in the key of the map that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastBallot {
    /// The voter's group when the ballot was cast.
    pub group: Group,
    /// The (validated, normalised) ballot.
    pub ballot: Ballot,
}

/// Checks a ballot against the activity's settings and returns its normal form.
pub fn validate(spec: &ActivitySpec, ballot: Ballot) -> Result<Ballot, Rejection> {
    match (spec.kind, ballot) {
        (ActivityKind::Dots, Ballot::Dots(dots)) => dots::validate(spec, dots).map(Ballot::Dots),
    }
}

/// The result of one activity for one set of ballots (everyone, or one group).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Tally {
    /// See [`dots::DotsTally`].
    Dots(dots::DotsTally),
}

impl Tally {
    /// How many ballots went into this tally.
    pub fn ballots(&self) -> usize {
        match self {
            Tally::Dots(t) => t.ballots,
        }
    }
}

/// Tallies the ballots of one activity.
pub fn tally<'a>(spec: &ActivitySpec, ballots: impl Iterator<Item = &'a CastBallot>) -> Tally {
    match spec.kind {
        ActivityKind::Dots => Tally::Dots(dots::tally(spec, ballots)),
    }
}

/// An activity's results for everyone and split by voting group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Every ballot.
    pub all: Tally,
    /// Cabinet members' ballots.
    pub cabinet: Tally,
    /// Management team members' ballots.
    pub management: Tally,
}

impl Results {
    /// Tallies everyone and each voting group.
    pub fn of<'a, I>(spec: &ActivitySpec, ballots: I) -> Results
    where
        I: Iterator<Item = &'a CastBallot> + Clone,
    {
        let of_group = |g: Group| tally(spec, ballots.clone().filter(move |b| b.group == g));
        Results {
            all: tally(spec, ballots.clone()),
            cabinet: of_group(Group::Cabinet),
            management: of_group(Group::Management),
        }
    }

    /// The tally for one group.
    pub fn group(&self, group: Group) -> Option<&Tally> {
        match group {
            Group::Cabinet => Some(&self.cabinet),
            Group::Management => Some(&self.management),
            Group::Observer => None,
        }
    }
}
