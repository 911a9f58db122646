//! `ideas`: short texts from participants, which the facilitator can edit,
//! hide or merge; the visible list can become a later activity's options.

mod own;
mod show;

pub use own::{ideas_in, IdeaCommand, IdeaEvent, IdeasState};

use super::kind::{takes_no_options, Kind, Setting, SettingProblem};
use super::{ActivityView, ParticipantId, Results};
use crate::activity::Group;
use crate::activity::{ActivitySpec, OptionSpec};
use crate::language::Sentence;
use serde::Serialize;

/// Ideas a participant may have visible in one activity, unless the script says otherwise.
pub const DEFAULT_MAX_IDEAS: u32 = 5;
/// Longest idea, in characters, unless the script says otherwise.
pub const DEFAULT_MAX_CHARS: u32 = 280;

/// One idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Idea {
    /// Stable id within the activity (`i17`).
    pub id: String,
    /// The text (as edited by the facilitator, if it was).
    pub text: String,
    /// The author's group.
    pub group: Group,
    /// The author (a pseudonym in an anonymous activity).
    #[serde(skip)]
    pub author: ParticipantId,
    /// Hidden by the facilitator.
    pub hidden: bool,
    /// Merged into this idea.
    pub merged_into: Option<String>,
    /// Ideas merged into this one.
    pub merged: Vec<String>,
    /// Edited by the facilitator.
    pub edited: bool,
}

impl Idea {
    /// Shown in lists and carried forward.
    pub fn visible(&self) -> bool {
        !self.hidden && self.merged_into.is_none()
    }
}

/// The visible ideas, for results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdeasTally {
    /// Authors of the ideas listed.
    pub ballots: usize,
    /// Ideas the facilitator hid or merged into others, not listed.
    pub set_aside: usize,
    /// The ideas.
    pub ideas: Vec<IdeaSummary>,
}

super::kind::counted_by_field!(IdeasTally);

/// An idea as results show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdeaSummary {
    /// Id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Author's team; left out in an anonymous activity, where one idea's
    /// team could name its author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// How many ideas were merged into it.
    pub merged: usize,
}

/// The visible ideas of one set of authors (everyone or a group), each with
/// its author's team when `teams` (never in an anonymous activity). The
/// authors counted are everyone who offered an idea, hidden or merged ones
/// too: a count that moved as the facilitator hid ideas would say which
/// ideas share an author, and it would disagree with the turnout.
pub fn tally<'a>(ideas: impl Iterator<Item = &'a Idea>, teams: bool) -> IdeasTally {
    let mut authors = std::collections::BTreeSet::new();
    let mut set_aside = 0;
    let ideas = ideas
        .inspect(|i| {
            authors.insert(i.author);
        })
        .filter(|i| {
            set_aside += usize::from(!i.visible());
            i.visible()
        })
        .map(|i| IdeaSummary {
            id: i.id.clone(),
            text: i.text.clone(),
            group: teams.then_some(i.group),
            merged: i.merged.len(),
        })
        .collect();
    IdeasTally {
        ballots: authors.len(),
        set_aside,
        ideas,
    }
}

/// The `ideas` kind: ideas are messages of their own, not ballots.
pub struct Ideas;

impl Kind for Ideas {
    fn name_key(&self) -> &'static str {
        "kind-ideas"
    }

    fn ballot_shape(&self) -> &'static str {
        "an idea message, not a vote"
    }

    fn answered_with(&self) -> crate::activity::kind::Answers {
        crate::activity::kind::Answers::Ideas
    }

    fn can_feed(&self) -> bool {
        true
    }

    /// The ideas the results list, in their order: as they came, or for
    /// anonymous ones by keyed id (no order at all), and none of an
    /// anonymous activity whose ideas are not shown.
    fn carried(&self, _view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        match &results.all {
            super::Tally::Ideas(t) => t
                .ideas
                .iter()
                .map(|i| OptionSpec::new(&i.id, &i.text))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        let mut problems = takes_no_options(spec);
        if spec.max_ideas == Some(0) || spec.max_chars == Some(0) {
            problems.push(("max_ideas", Sentence::new("check-ideas-limits")));
        }
        if spec.max_chars.is_some_and(|n| n > 1000) {
            problems.push((
                "max_chars",
                Sentence::new("check-ideas-chars").with("n", 1000),
            ));
        }
        problems
    }

    fn settings(&self) -> &'static [Setting] {
        const SETTINGS: &[Setting] = &[
            Setting::number("max_ideas", "setting-max-ideas"),
            Setting::number("max_chars", "setting-max-chars"),
        ];
        SETTINGS
    }
}
