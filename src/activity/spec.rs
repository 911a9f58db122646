//! What a script says of one activity and who takes part: the activity's
//! settings ([`ActivitySpec`]) with its options ([`OptionSpec`]), and the
//! teams ([`Group`]). They sit with the kinds that read them; workshop
//! scripts ([`crate::workshop`]) are lists of them.

use super::ActivityKind;
use crate::language::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Which top team a participant belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Leader and portfolio holders.
    Cabinet,
    /// Chief executive, directors, assistant directors.
    Management,
    /// Sees everything the room sees, never votes.
    Observer,
}

impl Group {
    /// The groups whose ballots are tallied separately.
    pub const VOTING: [Group; 2] = [Group::Cabinet, Group::Management];
    /// Every group.
    pub const ALL: [Group; 3] = [Group::Cabinet, Group::Management, Group::Observer];

    /// Stable identifier used in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Cabinet => "cabinet",
            Group::Management => "management",
            Group::Observer => "observer",
        }
    }

    /// How the group is named to people.
    pub fn label(self) -> &'static str {
        match self {
            Group::Cabinet => "Cabinet",
            Group::Management => "Management team",
            Group::Observer => "Observer",
        }
    }

    /// How the group is named to people reading `language`.
    pub fn name(self, language: crate::language::Language) -> String {
        match self {
            Group::Cabinet => crate::t!(language, "team-cabinet"),
            Group::Management => crate::t!(language, "team-management"),
            Group::Observer => crate::t!(language, "team-observer"),
        }
    }

    /// Whether members of this group cast ballots.
    pub fn votes(self) -> bool {
        self != Group::Observer
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One choice in an activity: an option (dots, rank) or an item (role map,
/// agreement statement, rating).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    /// Short stable id used in ballots (`housing`).
    pub id: String,
    /// What people read (`More affordable homes`).
    pub label: Text,
    /// A line of explanation, or where a carried option came from.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub detail: Text,
    /// Structured parts of an agreement statement (a performance agreement's
    /// outcome, measure, target…), filled in as the room agrees them.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: std::collections::BTreeMap<String, String>,
}

impl OptionSpec {
    /// Whether the option was carried in from an earlier activity's
    /// results (its detail says where from): its label is then what the
    /// room wrote or decided there, not the script's words.
    pub fn carried_from_results(&self) -> bool {
        self.detail.starts_with(CARRIED_FROM)
    }

    /// An option with just an id and a label.
    pub fn new(id: &str, label: &str) -> OptionSpec {
        OptionSpec {
            id: id.to_string(),
            label: label.into(),
            detail: Text::default(),
            fields: Default::default(),
        }
    }
}

/// How a carried option's detail begins, in the record: "From The mandate".
pub const CARRIED_FROM: &str = "From ";

/// One step of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySpec {
    /// Unique within the script; used in commands and ballots.
    pub id: String,
    /// What participants do.
    pub kind: ActivityKind,
    /// Heading on every screen.
    pub title: Text,
    /// The question put to the room.
    #[serde(default)]
    pub prompt: Text,
    /// Ballots and ideas are linked to a per-session pseudonym, never a name,
    /// and small groups are not shown separately.
    #[serde(default)]
    pub anonymous: bool,
    /// Suggested length, for the timer.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Dots each participant may spread (`dots`).
    #[serde(default)]
    pub dots: Option<u32>,
    /// Most dots one participant may put on a single option (`dots`).
    #[serde(default)]
    pub max_per_option: Option<u32>,
    /// Most visible ideas per participant (`ideas`).
    #[serde(default)]
    pub max_ideas: Option<u32>,
    /// Longest idea in characters (`ideas`).
    #[serde(default)]
    pub max_chars: Option<u32>,
    /// Where options come from: an earlier activity of this script (`mandate`),
    /// or of an earlier workshop in the same series (`w1-cabinet.priorities`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// How many carried options to take (the top ones); all when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub take: Option<u32>,
    /// The structured parts of each statement (`agreement`), e.g. outcome, measure, target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The facilitator's own notes for running it (what to say, what to
    /// watch for): on the console and the run-sheet, never on phones or the
    /// projector.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
    /// The options or items; `[[activity.item]]` reads better for statements and responsibilities.
    #[serde(default, rename = "option", alias = "item")]
    pub options: Vec<OptionSpec>,
    /// Every other setting, each a kind's own (`max_choices`, `x_axis`):
    /// the kind declares and reads its own ([`crate::activity::Kind::settings`]),
    /// and a name the activity's kind does not declare (a typo included) is
    /// a problem `topteam check` and the editor name.
    #[serde(flatten)]
    pub settings: BTreeMap<String, SettingValue>,
}

/// A kind's own setting as a script writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SettingValue {
    /// A whole number (`max_choices = 2`).
    Number(i64),
    /// A line of text (`x_axis = "How well we deliver it today"`), in
    /// Welsh too when the script gives it.
    Text(Text),
    /// Yes or no.
    Flag(bool),
}

impl ActivitySpec {
    /// An activity with no settings beyond its id, kind and title.
    pub fn new(id: &str, kind: ActivityKind, title: &str) -> ActivitySpec {
        ActivitySpec {
            id: id.to_string(),
            kind,
            title: title.to_string().into(),
            prompt: String::new().into(),
            anonymous: false,
            minutes: None,
            dots: None,
            max_per_option: None,
            max_ideas: None,
            max_chars: None,
            from: None,
            take: None,
            fields: Vec::new(),
            notes: String::new().into(),
            options: Vec::new(),
            settings: BTreeMap::new(),
        }
    }

    /// The settings of the first kinds, which have fields of their own
    /// above; later kinds' settings are in [`ActivitySpec::settings`]. Each
    /// kind says which are its own ([`crate::activity::Kind::settings`]).
    pub const KIND_SETTINGS: [&'static str; 5] =
        ["dots", "max_per_option", "max_ideas", "max_chars", "fields"];

    /// A kind's own whole-number setting, if the script gives one.
    pub fn number_setting(&self, name: &str) -> Option<i64> {
        match self.settings.get(name)? {
            SettingValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A kind's own text setting, if the script gives one.
    pub fn text_setting(&self, name: &str) -> Option<&Text> {
        match self.settings.get(name)? {
            SettingValue::Text(text) => Some(text),
            _ => None,
        }
    }

    /// A kind-specific setting's value as the editor shows it, or `None`
    /// when the script leaves it unset.
    pub fn setting(&self, name: &str) -> Option<String> {
        let number = |n: Option<u32>| n.map(|n| n.to_string());
        match name {
            "dots" => number(self.dots),
            "max_per_option" => number(self.max_per_option),
            "max_ideas" => number(self.max_ideas),
            "max_chars" => number(self.max_chars),
            "fields" => (!self.fields.is_empty()).then(|| self.fields.join(", ")),
            _ => match self.settings.get(name)? {
                SettingValue::Number(n) => Some(n.to_string()),
                SettingValue::Text(text) => Some(text.to_string()),
                SettingValue::Flag(yes) => Some(yes.to_string()),
            },
        }
    }

    /// The option with this id, if any.
    pub fn option(&self, id: &str) -> Option<&OptionSpec> {
        self.options.iter().find(|o| o.id == id)
    }

    /// `from` split into (workshop, activity) when it names an earlier workshop.
    pub fn from_earlier_workshop(&self) -> Option<(&str, &str)> {
        self.from.as_deref()?.split_once('.')
    }

    /// `from` when it names an earlier activity of the same session.
    pub fn from_same_session(&self) -> Option<&str> {
        self.from.as_deref().filter(|f| !f.contains('.'))
    }
}
