//! The one registry of activity kinds: a kind is its folder and its entry
//! here. Each entry names the kind (its variant and the script's `kind`), the
//! value that implements [`super::Kind`] and [`super::Show`], the variant of
//! [`Tally`] its results take, and the variants of [`Ballot`] it accepts
//! (none for ideas and notes, which take no ballots). From these the macro
//! writes [`ActivityKind`], [`kind_of`], [`Ballot`] with [`Ballot::kind`],
//! and [`Tally`] with [`Tally::ballots`]; nothing else lists the kinds.

use super::Kind;
use super::{agreement, dots, ideas, matrix, notes, poll, rank, rating, role_map};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Writes the kind enum, the kind lookup, and the ballot and tally enums from
/// one list of entries (see the module's comment).
macro_rules! kinds {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident = $wire:literal => $value:expr, tally $tally:ident($tally_type:ty),
        ballots { $( $(#[doc = $bdoc:literal])* $ballot:ident($ballot_type:ty) ),* }
    )*) => {
        /// The kinds of activity a script can use (its `kind`, by these wire names).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum ActivityKind {
            $( $(#[doc = $doc])* #[serde(rename = $wire)] $kind, )*
        }

        impl ActivityKind {
            /// Every kind, in the order the docs list them.
            pub const ALL: &'static [ActivityKind] = &[$(ActivityKind::$kind),*];

            /// Stable identifier used in JSON and scripts.
            pub fn as_str(self) -> &'static str {
                match self { $(ActivityKind::$kind => $wire,)* }
            }
        }

        /// The kind behind a script's `kind`.
        pub fn kind_of(kind: ActivityKind) -> &'static dyn Kind {
            match kind { $(ActivityKind::$kind => &$value,)* }
        }

        /// A participant's ballot, exactly as it travels on the wire and in
        /// transcripts, e.g. `{"dots":{"housing":3,"jobs":2}}` or
        /// `{"order":["jobs","housing"]}`: one field, named for its shape.
        ///
        /// Numbers are signed so that a negative count reaches validation and
        /// earns its own clear error instead of a generic parse failure.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case", deny_unknown_fields)]
        pub enum Ballot {
            $($( $(#[doc = $bdoc])* $ballot($ballot_type), )*)*
        }

        impl Ballot {
            /// The kind of activity this ballot is for.
            pub fn kind(&self) -> ActivityKind {
                match self { $($(Ballot::$ballot(_) => ActivityKind::$kind,)*)* }
            }
        }

        /// The result of one activity for one set of ballots (everyone, or one group).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(untagged)]
        pub enum Tally {
            $( #[doc = concat!("The results of a `", $wire, "` activity.")] $tally($tally_type), )*
        }

        impl Tally {
            /// How many ballots (or idea authors) went into this tally.
            pub fn ballots(&self) -> usize {
                match self { $(Tally::$tally(t) => super::kind::Counted::ballots(t),)* }
            }
        }
    };
}

kinds! {
    /// Short texts from participants.
    Ideas = "ideas" => ideas::Ideas, tally Ideas(ideas::IdeasTally), ballots {}
    /// Spread a budget of dots over the options.
    Dots = "dots" => dots::Dots, tally Dots(dots::DotsTally),
        ballots { /// Dots per option id.
            Dots(BTreeMap<String, i64>) }
    /// Put the options in order.
    Rank = "rank" => rank::Rank, tally Rank(rank::RankTally),
        ballots { /// Every option id, first choice first.
            Order(Vec<String>) }
    /// Place each responsibility at members lead / joint / officers lead.
    RoleMap = "role_map" => role_map::RoleMap, tally RoleMap(role_map::RoleMapTally),
        ballots { /// A placement per responsibility.
            Placements(BTreeMap<String, role_map::Placement>) }
    /// Agree / can live with it / object to each statement.
    Agreement = "agreement" => agreement::Agreement, tally Agreement(agreement::AgreementTally),
        ballots { /// A response per statement.
            Responses(BTreeMap<String, agreement::Response>) }
    /// Score each item 1 to 5.
    Rating = "rating" => rating::Rating, tally Rating(rating::RatingTally),
        ballots { /// A score 1 to 5 per item.
            Scores(BTreeMap<String, i64>) }
    /// The facilitator's notes, decisions and actions.
    Notes = "notes" => notes::Notes, tally Notes(notes::NotesTally), ballots {}
    /// Choose one option, or up to `max_choices`.
    Poll = "poll" => poll::Poll, tally Poll(poll::PollTally),
        ballots { /// The one option chosen.
            Choice(String),
            /// The options chosen.
            Choices(Vec<String>) }
    /// Place each item on two 1-5 axes.
    Matrix = "matrix" => matrix::Matrix, tally Matrix(matrix::MatrixTally),
        ballots { /// A point per item.
            Points(BTreeMap<String, matrix::Point>) }
}
