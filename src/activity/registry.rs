//! The one registry of activity kinds: a kind is its folder and its entry
//! here. Each entry names the kind (its variant and the script's `kind`), the
//! value that implements [`super::Kind`] and [`super::Show`], the variant of
//! [`Tally`] its results take, and the variants of [`Ballot`] it accepts
//! (none for ideas and notes, which take no ballots). From these the macro
//! writes [`ActivityKind`], [`kind_of`], [`Ballot`] with [`Ballot::kind`],
//! and [`Tally`] with [`Tally::ballots`]; nothing else lists the kinds.

use super::own::{Addressed, Applying, Asked, Author, Entry, OwnEvent, OwnRefusal, Owns, Then};
use super::Kind;
use super::{agreement, dots, ideas, matrix, notes, poll, rank, rating, role_map};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Says nothing: it names a kind's `owns` type where a repetition of the
/// kinds that own commands needs it named, but not used.
macro_rules! owned {
    ($owner:ty) => {};
}

/// Writes the kind enum, the kind lookup, and the ballot and tally enums from
/// one list of entries (see the module's comment).
macro_rules! kinds {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident = $wire:literal => $value:expr, tally $tally:ident($tally_type:ty),
        ballots { $( $(#[doc = $bdoc:literal])* $ballot:ident($ballot_type:ty) ),* }
        $(, owns $owner:ty)?
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

        /// A kind's own command (see [`super::own`]), exactly as the wire
        /// carries it, e.g. `{"type":"idea","activity":"a","text":"…"}`.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        pub enum KindCommand {
            $($( #[doc = concat!("A command of `", $wire, "` activities.")] $kind(<$owner as Owns>::Command), )?)*
        }

        impl KindCommand {
            /// The `type` of every kind's own command.
            pub fn wire_types() -> impl Iterator<Item = &'static str> {
                [$($(<$owner as Owns>::COMMANDS,)?)*].into_iter().flatten().copied()
            }

            /// Reads a kind's own command of `type` `kind` from its message,
            /// or gives the message back when no kind has a command of that type.
            pub fn parse(
                kind: &str,
                message: serde_json::Value,
            ) -> Result<Result<KindCommand, serde_json::Error>, serde_json::Value> {
                $($(
                    if <$owner as Owns>::COMMANDS.contains(&kind) {
                        return Ok(serde_json::from_value(message).map(KindCommand::$kind));
                    }
                )?)*
                Err(message)
            }

            /// The kind whose command it is.
            pub fn kind(&self) -> ActivityKind {
                match self { $($(KindCommand::$kind(_) => { owned!($owner); ActivityKind::$kind } )?)* }
            }

            /// Who may send it.
            pub fn sent_by(&self) -> super::own::SentBy {
                match self { $($(KindCommand::$kind(c) => <$owner as Owns>::sent_by(&$value, c),)?)* }
            }

            /// The activity it is for.
            pub fn activity(&self) -> &str {
                match self { $($(KindCommand::$kind(c) => { owned!($owner); Addressed::activity(c) } )?)* }
            }
        }

        $($(
            impl From<<$owner as Owns>::Command> for KindCommand {
                fn from(command: <$owner as Owns>::Command) -> KindCommand {
                    KindCommand::$kind(command)
                }
            }
        )?)*

        /// A kind's own event, exactly as the transcript records it, e.g.
        /// `{"type":"idea_added","activity":"a",…}`.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(untagged)]
        pub enum KindEvent {
            $($( #[doc = concat!("An event of `", $wire, "` activities.")] $kind(<$owner as Owns>::Event), )?)*
        }

        impl KindEvent {
            /// Reads a kind's own event of `type` `kind` from its JSON;
            /// none when no kind has an event of that type.
            pub fn parse(kind: &str, event: &str) -> Option<Result<KindEvent, serde_json::Error>> {
                $($(
                    if <$owner as Owns>::EVENTS.contains(&kind) {
                        return Some(serde_json::from_str(event).map(KindEvent::$kind));
                    }
                )?)*
                None
            }

            /// The activity it is for.
            pub fn activity(&self) -> &str {
                match self { $($(KindEvent::$kind(e) => { owned!($owner); Addressed::activity(e) } )?)* }
            }

            /// The event as the record's timeline tells it (see [`Owns::told`]),
            /// after the kind's state `before` it.
            pub fn told(&self, telling: &super::own::Telling<'_>, before: &KindState) -> String {
                match (self, before) {
                    $($((KindEvent::$kind(e), KindState::$kind(before)) => <$owner as Owns>::told(&$value, e, telling, before),)?)*
                    $($((KindEvent::$kind(e), _) => <$owner as Owns>::told(&$value, e, telling, &<$owner as Owns>::State::default()),)?)*
                }
            }

            /// Its author and their team as recorded, where it has one.
            pub fn author(&self) -> Option<(super::ParticipantId, Option<super::Group>)> {
                match self { $($(KindEvent::$kind(e) => { owned!($owner); OwnEvent::author(e) } )?)* }
            }
        }

        impl<'de> Deserialize<'de> for KindEvent {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KindEvent, D::Error> {
                use serde::de::Error;
                let event = <&'de serde_json::value::RawValue>::deserialize(deserializer)?;
                let kind = super::own::type_of(event.get()).map_err(D::Error::custom)?;
                match KindEvent::parse(&kind, event.get()) {
                    Some(read) => read.map_err(D::Error::custom),
                    None => Err(D::Error::custom(format!("no kind of activity has an event {kind:?}"))),
                }
            }
        }

        /// What a kind keeps of one activity of its own (see [`super::own`]).
        #[derive(Debug, Clone, Default, PartialEq)]
        pub enum KindState {
            /// The kind keeps nothing of its own.
            #[default]
            Nothing,
            $($( #[doc = concat!("What `", $wire, "` keeps.")] $kind(<$owner as Owns>::State), )?)*
        }

        #[allow(unreachable_patterns)]
        impl KindState {
            /// The kind's state of an activity not yet answered.
            pub fn start(spec: &super::ActivitySpec) -> KindState {
                match spec.kind {
                    $($(ActivityKind::$kind => KindState::$kind(<$owner as Owns>::start(&$value, spec)),)?)*
                    _ => KindState::Nothing,
                }
            }

            /// The options were carried in as the activity opened.
            pub fn options_set(&mut self, spec: &super::ActivitySpec) {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::options_set(&$value, spec, s),)?)*
                    KindState::Nothing => {}
                }
            }

            /// Decides a kind's own command against this state.
            pub fn decide(
                &self,
                spec: &super::ActivitySpec,
                open: bool,
                sealed: bool,
                author: Option<&dyn Author>,
                command: KindCommand,
            ) -> Result<Vec<KindEvent>, OwnRefusal> {
                match (self, command) {
                    $($((KindState::$kind(state), KindCommand::$kind(command)) => {
                        let asked = Asked { spec, state, open, sealed, author };
                        let events = <$owner as Owns>::decide(&$value, asked, command)?;
                        Ok(events.into_iter().map(KindEvent::$kind).collect())
                    })?)*
                    _ => Err(OwnRefusal::Mistaken("that is not for this kind of activity")),
                }
            }

            /// Applies a kind's own event to this state.
            pub fn apply(&mut self, applying: Applying<'_>, event: &KindEvent) -> Then {
                match (self, event) {
                    $($((KindState::$kind(state), KindEvent::$kind(event)) => {
                        <$owner as Owns>::apply(&$value, applying, state, event)
                    })?)*
                    _ => Then::Done,
                }
            }

            /// The entries the room gave (kinds answered with entries).
            pub fn entries(&self) -> Vec<Entry> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::entries(&$value, s),)?)*
                    KindState::Nothing => Vec::new(),
                }
            }

            /// The wording an item had at `version`, where items are reworded.
            pub fn wording(&self, item: &str, version: u32) -> Option<&crate::language::Text> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::wording(&$value, s, item, version),)?)*
                    KindState::Nothing => None,
                }
            }

            /// Answers to earlier wordings (see [`Owns::earlier_answers`]).
            pub fn earlier_answers(&self, group: Option<super::Group>) -> Vec<super::own::EarlierAnswer> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::earlier_answers(&$value, s, group),)?)*
                    KindState::Nothing => Vec::new(),
                }
            }

            /// The entries `author` gave that are listed now (see [`Owns::words_of`]).
            pub fn words_of(&self, author: super::ParticipantId) -> Vec<String> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::words_of(&$value, s, author),)?)*
                    KindState::Nothing => Vec::new(),
                }
            }

            /// Each item's current version, where items are reworded.
            pub fn versions(&self) -> BTreeMap<String, u32> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::versions(&$value, s),)?)*
                    KindState::Nothing => BTreeMap::new(),
                }
            }

            /// The results of a kind answered with entries.
            pub fn results(&self, spec: &super::ActivitySpec, split: super::Split) -> Option<super::Results> {
                match self {
                    $($(KindState::$kind(s) => <$owner as Owns>::results(&$value, spec, s, split),)?)*
                    KindState::Nothing => None,
                }
            }
        }
    };
}

kinds! {
    /// Short texts from participants.
    Ideas = "ideas" => ideas::Ideas, tally Ideas(ideas::IdeasTally), ballots {},
        owns ideas::Ideas
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
            Responses(BTreeMap<String, agreement::Response>) },
        owns agreement::Agreement
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
