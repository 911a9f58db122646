//! The shape of a workshop script, as written in TOML and snapshotted into transcripts.

use serde::{Deserialize, Serialize};
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

/// The kinds of activity a script can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Spread a budget of dots over the options.
    Dots,
}

impl ActivityKind {
    /// Stable identifier used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Dots => "dots",
        }
    }
}

/// One choice in an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    /// Short stable id used in ballots (`housing`).
    pub id: String,
    /// What people read (`More affordable homes`).
    pub label: String,
}

/// One step of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivitySpec {
    /// Unique within the script; used in commands and ballots.
    pub id: String,
    /// What participants do.
    pub kind: ActivityKind,
    /// Heading on every screen.
    pub title: String,
    /// The question put to the room.
    #[serde(default)]
    pub prompt: String,
    /// Dots each participant may spread (`dots` kind).
    #[serde(default)]
    pub dots: Option<u32>,
    /// Most dots one participant may put on a single option (`dots` kind).
    #[serde(default)]
    pub max_per_option: Option<u32>,
    /// The options or items.
    #[serde(default, rename = "option")]
    pub options: Vec<OptionSpec>,
}

impl ActivitySpec {
    /// The option with this id, if any.
    pub fn option(&self, id: &str) -> Option<&OptionSpec> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// A whole workshop: who may join and the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Stable id (`w2-joint-vision`).
    pub id: String,
    /// Title shown to everyone.
    pub title: String,
    /// A line or two for the facilitator.
    #[serde(default)]
    pub description: String,
    /// Groups that may join this workshop.
    pub groups: Vec<Group>,
    /// Whether joiners wait in a lobby until the facilitator admits them.
    #[serde(default)]
    pub lobby: bool,
    /// A group's split is shown only when it has at least this many ballots
    /// in an anonymous activity.
    #[serde(default = "default_min_group_size")]
    pub min_group_size: u32,
    /// The agenda, in order.
    #[serde(rename = "activity")]
    pub activities: Vec<ActivitySpec>,
}

fn default_min_group_size() -> u32 {
    3
}

impl Workshop {
    /// Parses a script from TOML text, then checks it.
    pub fn from_toml(text: &str) -> Result<Workshop, Vec<String>> {
        let workshop: Workshop = toml::from_str(text).map_err(|e| vec![e.to_string()])?;
        let problems = workshop.problems();
        if problems.is_empty() {
            Ok(workshop)
        } else {
            Err(problems)
        }
    }

    /// The activity with this id and its position in the agenda.
    pub fn activity(&self, id: &str) -> Option<(usize, &ActivitySpec)> {
        self.activities.iter().enumerate().find(|(_, a)| a.id == id)
    }

    /// Every problem with the script, each as `field.path: message`.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.id.trim().is_empty() {
            out.push("id: must not be empty".to_string());
        }
        if self.groups.is_empty() {
            out.push("groups: name at least one group that may join".to_string());
        }
        if self.activities.is_empty() {
            out.push("activity: the agenda needs at least one activity".to_string());
        }
        for (i, a) in self.activities.iter().enumerate() {
            let at = format!("activity[{i}]");
            if a.id.trim().is_empty() {
                out.push(format!("{at}.id: must not be empty"));
            }
            if self.activities[..i].iter().any(|b| b.id == a.id) {
                out.push(format!("{at}.id: duplicate activity id {:?}", a.id));
            }
            for (j, o) in a.options.iter().enumerate() {
                if a.options[..j].iter().any(|p| p.id == o.id) {
                    out.push(format!(
                        "{at}.option[{j}].id: duplicate option id {:?}",
                        o.id
                    ));
                }
            }
            match a.kind {
                ActivityKind::Dots => {
                    if a.options.is_empty() {
                        out.push(format!("{at}.option: a dots activity needs options"));
                    }
                    match a.dots {
                        None => out.push(format!("{at}.dots: say how many dots each person has")),
                        Some(0) => out.push(format!("{at}.dots: the budget must be at least 1")),
                        Some(_) => {}
                    }
                    if a.max_per_option == Some(0) {
                        out.push(format!("{at}.max_per_option: must be at least 1"));
                    }
                }
            }
        }
        out
    }
}
