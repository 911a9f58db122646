//! The shape of a workshop script, as written in TOML and snapshotted into transcripts.

pub use crate::activity::{ActivityKind, ActivitySpec, Group, OptionSpec};
use crate::language::Text;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A whole workshop: who may join and the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Stable id (`w2-joint-vision`).
    pub id: String,
    /// Title shown to everyone.
    pub title: Text,
    /// A line or two for the facilitator.
    #[serde(default)]
    pub description: Text,
    /// Groups that may join this workshop.
    pub groups: Vec<Group>,
    /// Whether joiners wait in a lobby until the facilitator admits them.
    #[serde(default)]
    pub lobby: bool,
    /// A group's split is shown only when it has at least this many ballots
    /// in an anonymous activity.
    #[serde(default = "default_min_group_size")]
    pub min_group_size: u32,
    /// The agenda, in order. Each behind an `Arc`: the sessions made from
    /// a script, and each session's activities, share its settings until
    /// one changes them (carried options, an edit), rather than each
    /// holding copies (hundreds of rooms, a few KB each).
    #[serde(rename = "activity")]
    pub activities: Vec<Arc<ActivitySpec>>,
}

fn default_min_group_size() -> u32 {
    3
}

impl Workshop {
    /// How many of its texts a reader of Welsh would read in English: the
    /// texts people read (titles, questions, options, axes) given without Welsh.
    pub fn texts_without_welsh(&self) -> usize {
        self.texts_lacking_welsh().len()
    }

    /// Where those texts are, as `topteam check` names fields
    /// (`activity[2].prompt`).
    pub fn texts_lacking_welsh(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |at: String, t: &Text| {
            if !t.is_empty() && t.welsh().is_none() {
                out.push(at);
            }
        };
        check("title".into(), &self.title);
        for (i, a) in self.activities.iter().enumerate() {
            check(format!("activity[{i}].title"), &a.title);
            check(format!("activity[{i}].prompt"), &a.prompt);
            for (j, o) in a.options.iter().enumerate() {
                // What people wrote is kept as written, in their language.
                if !o.carried_from_results() {
                    check(format!("activity[{i}].option[{j}].label"), &o.label);
                }
                check(format!("activity[{i}].option[{j}].detail"), &o.detail);
            }
            for (name, value) in a.settings.iter() {
                if let crate::activity::spec::SettingValue::Text(t) = value {
                    check(format!("activity[{i}].{name}"), t);
                }
            }
        }
        out
    }

    /// Parses a script from TOML text without checking it.
    pub fn parse(text: &str) -> Result<Workshop, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Parses a script from TOML text, then checks it.
    pub fn from_toml(text: &str) -> Result<Workshop, Vec<String>> {
        let workshop = Workshop::parse(text).map_err(|e| vec![e])?;
        let problems = workshop.problems();
        if problems.is_empty() {
            Ok(workshop)
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    }

    /// The activity with this id and its position in the agenda.
    pub fn activity(&self, id: &str) -> Option<(usize, &ActivitySpec)> {
        self.activities
            .iter()
            .enumerate()
            .find(|(_, a)| a.id == id)
            .map(|(i, a)| (i, &**a))
    }
}
