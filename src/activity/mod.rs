//! Activity kinds: what a ballot looks like, how it is checked, how ballots are tallied.
//!
//! Each kind lives in its own folder (`<kind>/mod.rs` its rules, `<kind>/show.rs`
//! how it is shown) and is pure: no clock, no I/O.

pub mod agreement;
pub mod dots;
mod error;
pub mod ideas;
pub mod kind;
pub mod matrix;
pub mod notes;
pub mod own;
pub mod poll;
pub mod rank;
pub mod rating;
mod registry;
mod results;
pub mod role_map;
pub mod show;
pub mod spec;

pub use error::BallotError;
pub use kind::{Answer, Kind};
pub use registry::{kind_of, ActivityKind, Ballot, Tally};
pub use results::{Comparison, GroupResult, ItemRule, Results, Split};
pub use show::{ActivityView, Show};
pub use spec::{ActivitySpec, Group, OptionSpec, CARRIED_FROM};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who cast a ballot or offered an idea: a participant's id, or in an
/// anonymous activity their pseudonym.
pub type ParticipantId = uuid::Uuid;

impl Ballot {
    /// Folds a later ballot into this one: item-by-item kinds (role map,
    /// agreement, rating, matrix) keep earlier answers to items the new
    /// ballot leaves out, so a phone can answer one item at a time; whole
    /// ballots (dots, rank, poll) are replaced by the new one.
    pub fn merge(&mut self, later: Ballot) {
        if self.kind() == later.kind() {
            kind_of(self.kind()).merge(self, later);
        } else {
            *self = later;
        }
    }

    /// Drops the answer to one item (a statement amended: everyone answers
    /// the new wording); whole ballots have no items to drop.
    pub fn forget(&mut self, item: &str) {
        kind_of(self.kind()).forget(self, item);
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
/// `versions` gives each agreement statement's current version.
pub fn validate(
    spec: &ActivitySpec,
    versions: &BTreeMap<String, u32>,
    ballot: Ballot,
) -> Result<Ballot, BallotError> {
    if ballot.kind() != spec.kind {
        return Err(BallotError::WrongBallotKind {
            expected: spec.kind.ballot_shape(),
        });
    }
    kind_of(spec.kind).validate(spec, versions, ballot)
}

/// Every key names an item of the activity, and there is at least one.
pub(crate) fn known_items<'a>(
    spec: &ActivitySpec,
    keys: impl Iterator<Item = &'a String>,
) -> Result<(), BallotError> {
    let mut any = false;
    for key in keys {
        any = true;
        if spec.option(key).is_none() {
            return Err(BallotError::UnknownOption {
                activity: spec.id.clone(),
                option: key.clone(),
            });
        }
    }
    if any {
        Ok(())
    } else {
        Err(BallotError::EmptyBallot)
    }
}

/// Trims text and checks it is present, short enough, and free of control
/// characters other than line breaks.
pub fn clean_text(text: &str, max_chars: usize, what: &str) -> Result<String, BallotError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(BallotError::InvalidText(format!(
            "the {what} must not be empty"
        )));
    }
    if trimmed.chars().count() > max_chars {
        return Err(BallotError::InvalidText(format!(
            "the {what} may be at most {max_chars} characters"
        )));
    }
    // Control characters, and the invisible ones that reorder or hide text
    // (bidi overrides, zero-width marks), which could make one name look
    // like another's on the console.
    if trimmed
        .chars()
        .any(|c| (c.is_control() && c != '\n') || invisible(c))
    {
        return Err(BallotError::InvalidText(format!(
            "the {what} has characters that cannot be shown"
        )));
    }
    Ok(trimmed.to_string())
}

/// Characters that change how text reads without showing: bidi controls,
/// zero-width marks, and letters drawn as nothing (Hangul fillers, the blank
/// Braille pattern), with which a name could look empty.
pub(crate) fn invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}'
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}')
}

/// A name or label as compared: letters and digits only, lower case, so
/// "Cllr. Jo O'Neil" and "cllr jo oneil" are the same person, and two
/// options worded alike are the same option.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Like [`clean_text`], for one-line text (names, titles): no line breaks.
pub fn clean_line(text: &str, max_chars: usize, what: &str) -> Result<String, BallotError> {
    if text.contains('\n') {
        return Err(BallotError::InvalidText(format!(
            "the {what} must be one line"
        )));
    }
    clean_text(text, max_chars, what)
}

/// Tallies the ballots of a ballot-taking activity.
pub fn tally<'a>(spec: &ActivitySpec, mut ballots: impl Iterator<Item = &'a CastBallot>) -> Tally {
    kind_of(spec.kind).tally(spec, &mut ballots)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::activity::OptionSpec;

    pub fn spec_with(kind: ActivityKind, ids: &[&str]) -> ActivitySpec {
        let mut spec = ActivitySpec::new("a", kind, "A");
        spec.options = ids.iter().map(|id| OptionSpec::new(id, id)).collect();
        spec.dots = Some(5);
        spec
    }

    pub fn cast(group: Group, ballot: Ballot) -> CastBallot {
        CastBallot { group, ballot }
    }

    #[test]
    fn a_name_drawn_as_nothing_is_refused() {
        for blank in ["\u{3164}", "\u{FFA0}\u{FFA0}", "\u{115F}", "Jo\u{2800}"] {
            assert!(clean_line(blank, 80, "name").is_err(), "{blank:?}");
        }
        assert_eq!(
            clean_line(" Cllr Siân Ŵyn ", 80, "name").unwrap(),
            "Cllr Siân Ŵyn"
        );
    }

    #[test]
    fn item_ballots_merge_but_dots_replace() {
        let mut a = Ballot::Scores([("x".to_string(), 1)].into());
        a.merge(Ballot::Scores([("y".to_string(), 2)].into()));
        assert_eq!(
            a,
            Ballot::Scores([("x".to_string(), 1), ("y".to_string(), 2)].into())
        );
        let mut d = Ballot::Dots([("x".to_string(), 1)].into());
        d.merge(Ballot::Dots([("y".to_string(), 2)].into()));
        assert_eq!(d, Ballot::Dots([("y".to_string(), 2)].into()));
    }

    #[test]
    fn small_groups_are_suppressed_only_in_anonymous_activities() {
        let spec = spec_with(ActivityKind::Rating, &["trust"]);
        let b = |g| cast(g, Ballot::Scores([("trust".to_string(), 4)].into()));
        let casts = [
            b(Group::Cabinet),
            b(Group::Cabinet),
            b(Group::Management),
            b(Group::Management),
            b(Group::Management),
        ];
        let anonymous = Results::of(
            &spec,
            casts.iter(),
            Split {
                anonymous: true,
                min_group_size: 3,
            },
        );
        assert!(
            matches!(anonymous.cabinet, GroupResult::Suppressed { .. }),
            "2 cabinet ballots < 3"
        );
        assert!(
            matches!(anonymous.management, GroupResult::Suppressed { .. }),
            "the room minus management would give the cabinet's ballots"
        );
        assert!(anonymous.comparison.is_none());
        assert_eq!(
            anonymous.all.ballots(),
            5,
            "the whole-room total is always shown"
        );
        let named = Results::of(
            &spec,
            casts.iter(),
            Split {
                anonymous: false,
                min_group_size: 3,
            },
        );
        assert!(matches!(named.cabinet, GroupResult::Shown(_)));
    }

    #[test]
    fn a_ballot_of_the_wrong_kind_is_refused() {
        let spec = spec_with(ActivityKind::Rank, &["x"]);
        let err = validate(
            &spec,
            &BTreeMap::new(),
            Ballot::Dots([("x".to_string(), 1)].into()),
        )
        .unwrap_err();
        assert_eq!(err.code(), "wrong_ballot_kind");
    }
}
