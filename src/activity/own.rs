//! What a kind adds to an activity beyond ballots: its own commands, events
//! and state (ideas offered and moderated, statements amended). The session
//! carries them as they come, `{"type":…,"activity":…}`, files them in the
//! transcript as the kind wrote them, and asks the kind to decide and apply
//! them; it never names them. A kind with its own says so in `registry.rs`
//! (`owns`), which writes [`KindCommand`], [`KindEvent`] and [`KindState`].

use super::{ActivitySpec, BallotError, CastBallot, Group, ParticipantId, Results, Split};
use crate::language::Language;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Debug;

pub use super::registry::{KindCommand, KindEvent, KindState};

/// What a kind's own command or event is about.
pub trait Addressed {
    /// The activity it is for.
    fn activity(&self) -> &str;
}

/// A kind's own event.
pub trait OwnEvent: Addressed {
    /// The participant it came from and their team as recorded (left out
    /// in an anonymous activity), for the session to work the team out.
    fn author(&self) -> Option<(ParticipantId, Option<Group>)> {
        None
    }
}

/// A participant sending a kind's own command, as the session knows them.
pub trait Author {
    /// Whom the kind files their entries under: their id, or in an
    /// anonymous activity their pseudonym.
    fn key(&self) -> Result<ParticipantId, OwnRefusal>;
    /// Their team.
    fn group(&self) -> Group;
    /// A fresh id for their entry, `prefix` then a number; in an anonymous
    /// activity their `nth` entry's keyed id, which says nothing of the
    /// author or the order entries came in.
    fn fresh_id(&self, prefix: &str, nth: usize) -> Result<String, OwnRefusal>;
}

/// Who may send one of a kind's own commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentBy {
    /// Participants, saying what they do with it ("offer ideas").
    Participants(&'static str),
    /// The facilitator.
    Facilitator,
}

/// The activity a kind's own command is decided against.
pub struct Asked<'a, S> {
    /// Its settings.
    pub spec: &'a ActivitySpec,
    /// The kind's own state of it.
    pub state: &'a S,
    /// Taking answers now.
    pub open: bool,
    /// Its anonymous results were seen as it closed: nothing of it may change.
    pub sealed: bool,
    /// The participant who sent it, for a command participants send; none
    /// from the facilitator. The session has checked the sender against
    /// [`Owns::sent_by`] before asking.
    pub author: Option<&'a dyn Author>,
}

/// Whom and what the timeline tells of a kind's event.
pub struct Telling<'a> {
    /// The reader's language.
    pub language: Language,
    /// Names a participant.
    pub who: &'a dyn Fn(&ParticipantId) -> String,
    /// The activity's title.
    pub activity: &'a str,
    /// Anonymous: the timeline quotes nothing anyone gave (a withheld
    /// idea's words would be read there).
    pub anonymous: bool,
}

/// What applying a kind's own event reads besides the kind's state.
pub struct Applying<'a> {
    /// The activity's settings.
    pub spec: &'a ActivitySpec,
    /// How the activity's results are split by team.
    pub split: Split,
    /// The author's team, where the event has an author.
    pub team: Option<Group>,
    /// The ballots that count now (a version's tally as a statement is amended).
    pub counted: &'a [&'a CastBallot],
}

/// What applying a kind's own event asks of the activity's ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Nothing more.
    Done,
    /// Every ballot drops its answer to this item (its wording changed).
    ForgetAnswers(String),
}

/// One entry the room gave in a kind answered with entries rather than
/// ballots (an idea): who gave it, and whether it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Its author (a pseudonym in an anonymous activity).
    pub author: ParticipantId,
    /// The author's team.
    pub group: Group,
    /// Listed (not hidden or merged away).
    pub visible: bool,
}

/// How often one answer was given to an earlier wording of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierAnswer {
    /// The item.
    pub item: String,
    /// The wording's version.
    pub version: u32,
    /// The answer as the wire names it (`agree`, `object`).
    pub value: &'static str,
    /// How many gave it.
    pub count: usize,
    /// Reasons given with it, one per line.
    pub reasons: String,
}

/// Why a kind refused one of its own commands; the session words it with
/// the activity's title and gives it a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnRefusal {
    /// The activity is not taking answers.
    NotOpen,
    /// The activity is sealed (anonymous, and its results were seen).
    Sealed,
    /// Only participants may do this ("offer ideas").
    ParticipantOnly(&'static str),
    /// Pseudonyms cannot be worked out in this session.
    AnonymityUnavailable,
    /// More entries than a person may give.
    TooMany(u32),
    /// No such entry.
    UnknownEntry(String),
    /// A field the activity does not name.
    UnknownField(String),
    /// A change that changes nothing.
    Unchanged,
    /// Not what this command does (merging an idea into itself).
    Mistaken(&'static str),
    /// The text or item breaks the activity's rules.
    Ballot(BallotError),
}

impl From<BallotError> for OwnRefusal {
    fn from(error: BallotError) -> OwnRefusal {
        OwnRefusal::Ballot(error)
    }
}

/// A kind with commands, events and state of its own.
pub trait Owns: Sync {
    /// Its commands, tagged by `type`, each with its `activity`.
    type Command: Debug + Clone + PartialEq + Serialize + DeserializeOwned + Addressed;
    /// Its events, tagged by `type`, each with its `activity`.
    type Event: Debug + Clone + PartialEq + Serialize + DeserializeOwned + OwnEvent;
    /// What it keeps of one activity.
    type State: Debug + Clone + Default + PartialEq + Send + Sync;

    /// The `type`s of its commands, as the wire names them.
    const COMMANDS: &'static [&'static str];

    /// The `type`s of its events, as transcripts name them.
    const EVENTS: &'static [&'static str];

    /// Who may send `command`: the session refuses anyone else before it
    /// looks for the activity, so a phone learns only that it may not.
    fn sent_by(&self, command: &Self::Command) -> SentBy;

    /// Its state of an activity not yet answered.
    fn start(&self, spec: &ActivitySpec) -> Self::State;

    /// The options were carried in as the activity opened.
    fn options_set(&self, spec: &ActivitySpec, state: &mut Self::State) {
        let _ = (spec, state);
    }

    /// Decides a command: the events it makes, or why not. Refusing
    /// changes nothing.
    fn decide(
        &self,
        asked: Asked<'_, Self::State>,
        command: Self::Command,
    ) -> Result<Vec<Self::Event>, OwnRefusal>;

    /// Applies one of its events, as decided or replayed.
    fn apply(&self, applying: Applying<'_>, state: &mut Self::State, event: &Self::Event) -> Then;

    /// The entries the room gave (kinds answered with entries).
    fn entries(&self, state: &Self::State) -> Vec<Entry> {
        let _ = state;
        Vec::new()
    }

    /// The words of the entries `author` gave that are listed now, in their
    /// current wording (a phone's "your ideas so far", told on connecting).
    fn words_of(&self, state: &Self::State, author: ParticipantId) -> Vec<String> {
        let _ = (state, author);
        Vec::new()
    }

    /// Each item's current version, where items are reworded (statements).
    fn versions(&self, state: &Self::State) -> BTreeMap<String, u32> {
        let _ = state;
        BTreeMap::new()
    }

    /// The wording an item had at `version`, where items are reworded.
    fn wording<'s>(
        &self,
        state: &'s Self::State,
        item: &str,
        version: u32,
    ) -> Option<&'s crate::language::Text> {
        let _ = (state, item, version);
        None
    }

    /// What earlier wordings were answered before they were reworded, by
    /// everyone (`group` none) or one team where it can be shown: the
    /// answers an export lists for wordings no ballot holds any more.
    fn earlier_answers(&self, state: &Self::State, group: Option<Group>) -> Vec<EarlierAnswer> {
        let _ = (state, group);
        Vec::new()
    }

    /// The event as the record's timeline tells it (see [`Telling`]);
    /// `before` is the kind's state of the activity just before it.
    fn told(&self, event: &Self::Event, telling: &Telling<'_>, before: &Self::State) -> String;

    /// The results of a kind answered with entries.
    fn results(&self, spec: &ActivitySpec, state: &Self::State, split: Split) -> Option<Results> {
        let _ = (spec, state, split);
        None
    }
}

/// The `type` of a JSON object, as serde writes it first; read whole only
/// when it is not first (a line edited by hand).
pub fn type_of(json: &str) -> Result<std::borrow::Cow<'_, str>, serde_json::Error> {
    if let Some(rest) = json.strip_prefix(r#"{"type":""#) {
        if let Some(kind) = rest.split('"').next().filter(|k| !k.contains('\\')) {
            if rest.len() > kind.len() {
                return Ok(std::borrow::Cow::Borrowed(kind));
            }
        }
    }
    #[derive(serde::Deserialize)]
    struct Typed<'a> {
        #[serde(rename = "type", borrow, default)]
        kind: std::borrow::Cow<'a, str>,
    }
    serde_json::from_str::<Typed>(json).map(|typed| typed.kind)
}
