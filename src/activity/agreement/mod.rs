//! `agreement`: statements answered agree / can live with it / object (with a
//! reason). Consent holds when nobody objects. Amending a statement starts a
//! new version; every earlier version keeps its tally.

mod own;
mod show;

pub use own::{statements_in, AmendCommand, AmendEvent, Statements};

use super::kind::{answers_every_item, wire_name, wrong_kind, Answer, Kind};
use super::BallotError;
use super::Tally;
use super::{ActivityView, Results};
use super::{Ballot, CastBallot};
use crate::activity::{ActivitySpec, Group, OptionSpec};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest reason, in characters.
pub const MAX_REASON_CHARS: usize = crate::config::text::REASON;

/// A participant's stance on one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Agree.
    Agree,
    /// Can live with it.
    LiveWith,
    /// Object (a reason is required).
    Object,
}

/// One response: the stance, a reason, and the version it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The stance.
    pub response: Stance,
    /// Why (required when objecting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The statement version answered; if sent, it must be the current one, so
    /// nobody's answer to old wording lands on new wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

/// One version of a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementVersion {
    /// 1, 2, 3, …
    pub version: u32,
    /// The wording.
    pub text: crate::language::Text,
    /// Structured parts (a performance agreement's outcome, measure, target…).
    pub fields: BTreeMap<String, String>,
    /// The tally this version had when it was amended (the current version has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tally: Option<VersionTally>,
}

impl StatementVersion {
    /// Whether this is an earlier wording that somebody answered before it
    /// was amended (an anonymous one's answers are not kept, so it counts
    /// as answered: nothing is read from it).
    pub fn was_answered(&self) -> bool {
        self.tally
            .as_ref()
            .is_some_and(|t| t.hidden || t.all.agree + t.all.live_with + t.all.object > 0)
    }
}

/// A superseded version's tally, everyone and by group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionTally {
    /// Everyone.
    pub all: ItemTally,
    /// Cabinet (hidden in an anonymous activity when a team answered too few).
    pub cabinet: TeamItemTally,
    /// Management team (likewise).
    pub management: TeamItemTally,
    /// An anonymous activity's version: its answers are not kept (see
    /// `version_tally`); `all` is nothing and both teams are suppressed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// One team's answers to a statement version, or why they are not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum TeamItemTally {
    /// The team's answers.
    Shown(ItemTally),
    /// Too few answers in an anonymous activity to show the teams apart.
    Suppressed {
        /// Always true.
        suppressed: bool,
        /// The fewest answers a team needs to be shown.
        min_group_size: u32,
    },
}

/// Checks responses: known statements, current versions, reasons for objections.
pub fn validate(
    spec: &ActivitySpec,
    current_versions: &BTreeMap<String, u32>,
    responses: BTreeMap<String, Response>,
) -> Result<BTreeMap<String, Response>, BallotError> {
    super::known_items(spec, responses.keys())?;
    let mut out = BTreeMap::new();
    for (item, r) in responses {
        let current = current_versions.get(&item).copied().unwrap_or(1);
        if r.version.is_some_and(|v| v != current) {
            return Err(BallotError::StatementAmended(super::kind::named(
                spec, &item,
            )));
        }
        // A reason belongs to an objection only: an agreement never carries
        // a reason typed for an earlier objection.
        let reason = match r.reason.as_deref().map(str::trim) {
            _ if r.response != Stance::Object => None,
            None | Some("") => None,
            Some(text) => Some(super::clean_text(text, MAX_REASON_CHARS, "reason")?),
        };
        if r.response == Stance::Object && reason.is_none() {
            return Err(BallotError::ReasonRequired(super::kind::named(spec, &item)));
        }
        let response = Response {
            response: r.response,
            reason,
            version: Some(current),
        };
        out.insert(item, response);
    }
    Ok(out)
}

/// The tally of one statement's current version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ItemTally {
    /// Agree.
    pub agree: u64,
    /// Can live with it.
    pub live_with: u64,
    /// Object.
    pub object: u64,
    /// Someone answered and nobody objects.
    pub consent: bool,
    /// The reasons given with objections.
    pub reasons: Vec<String>,
}

/// Tallies per statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreementTally {
    /// Ballots that answer at least one statement.
    pub ballots: usize,
    /// Per statement id.
    pub items: BTreeMap<String, ItemTally>,
}

super::kind::counted_by_field!(AgreementTally);

/// Tallies the current version of every statement.
pub fn tally<'a>(
    spec: &ActivitySpec,
    ballots: impl Iterator<Item = &'a CastBallot>,
) -> AgreementTally {
    let mut items: BTreeMap<String, ItemTally> = spec
        .options
        .iter()
        .map(|o| (o.id.clone(), ItemTally::default()))
        .collect();
    let mut count = 0;
    for cast in ballots {
        let Ballot::Responses(responses) = &cast.ballot else {
            continue;
        };
        if responses.is_empty() {
            continue;
        }
        count += 1;
        for (item, r) in responses {
            let Some(t) = items.get_mut(item) else {
                continue;
            };
            match r.response {
                Stance::Agree => t.agree += 1,
                Stance::LiveWith => t.live_with += 1,
                Stance::Object => {
                    t.object += 1;
                    t.reasons.extend(r.reason.clone());
                }
            }
        }
    }
    for t in items.values_mut() {
        t.consent = t.agree + t.live_with > 0 && t.object == 0;
    }
    AgreementTally {
        ballots: count,
        items,
    }
}

/// The current version's tally of one item, everyone and by group, for the
/// history; the teams are split by the same rule as the activity's results.
pub fn version_tally<'a, I>(
    spec: &ActivitySpec,
    item: &str,
    ballots: I,
    split: super::Split,
) -> VersionTally
where
    I: Iterator<Item = &'a CastBallot> + Clone,
{
    let of = |group: Option<Group>| {
        let chosen = ballots
            .clone()
            .filter(move |b| group.is_none_or(|g| b.group == g));
        tally(spec, chosen).items.remove(item).unwrap_or_default()
    };
    let (cabinet, management) = (of(Some(Group::Cabinet)), of(Some(Group::Management)));
    let answers = |t: &ItemTally| (t.agree + t.live_with + t.object) as usize;
    let all = of(None);
    // An anonymous wording's tally is never kept: the same people answering
    // nearly the same words again, one more or one fewer, would give that
    // person's answer as the difference between the two versions.
    let hidden = split.anonymous;
    let (cabinet, management) =
        if !hidden && split.shows_teams(&[answers(&cabinet), answers(&management)]) {
            (
                TeamItemTally::Shown(cabinet),
                TeamItemTally::Shown(management),
            )
        } else {
            let hidden = TeamItemTally::Suppressed {
                suppressed: true,
                min_group_size: split.min_group_size,
            };
            (hidden.clone(), hidden)
        };
    VersionTally {
        all: if hidden { ItemTally::default() } else { all },
        cabinet,
        management,
        hidden,
    }
}

/// What became of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Still being decided (the activity has not closed).
    Open,
    /// Consent on the first wording.
    Agreed,
    /// Consent after one or more amendments.
    AgreedWithAmendments,
    /// Someone objects, or nobody answered.
    NotAgreed,
}

impl Outcome {
    /// Words for people.
    /// The outcome as a reader of `language` reads it.
    pub fn name(self, language: crate::language::Language) -> String {
        match self {
            Outcome::Open => crate::t!(language, "outcome-open"),
            Outcome::Agreed => crate::t!(language, "outcome-agreed"),
            Outcome::AgreedWithAmendments => crate::t!(language, "outcome-agreed-amended"),
            Outcome::NotAgreed => crate::t!(language, "outcome-not-agreed"),
        }
    }

    /// The outcome in English, for the record.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Open => "Open",
            Outcome::Agreed => "Agreed",
            Outcome::AgreedWithAmendments => "Agreed with amendments",
            Outcome::NotAgreed => "Not agreed",
        }
    }

    /// Whether the statement stands as agreed.
    pub fn is_agreed(self) -> bool {
        matches!(self, Outcome::Agreed | Outcome::AgreedWithAmendments)
    }
}

/// The outcome of a statement given its tally, version count and whether voting has closed.
pub fn outcome(tally: &ItemTally, versions: usize, closed: bool) -> Outcome {
    match (closed, tally.consent, versions > 1) {
        (false, _, _) => Outcome::Open,
        (true, true, false) => Outcome::Agreed,
        (true, true, true) => Outcome::AgreedWithAmendments,
        (true, false, _) => Outcome::NotAgreed,
    }
}

/// The `agreement` kind.
pub struct Agreement;

impl Kind for Agreement {
    fn name_key(&self) -> &'static str {
        "kind-agreement"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"responses\":{item:{\"response\":...}}}"
    }

    fn can_feed(&self) -> bool {
        true
    }

    fn amendable(&self) -> bool {
        true
    }

    super::kind::answered_item_by_item!(Responses);

    fn uses(&self, setting: &str) -> bool {
        setting == "fields"
    }

    fn validate(
        &self,
        spec: &ActivitySpec,
        versions: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Responses(r) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, versions, r).map(Ballot::Responses)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Agreement(tally(spec, ballots))
    }

    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        match ballot {
            Ballot::Responses(r) => answers_every_item(spec, |id| r.contains_key(id)),
            _ => false,
        }
    }

    /// The statements that have consent, in their current wording.
    fn carried(&self, view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        let Tally::Agreement(t) = &results.all else {
            return Vec::new();
        };
        view.spec
            .options
            .iter()
            .filter(|o| t.items.get(&o.id).is_some_and(|i| i.consent))
            .filter_map(|o| {
                let current = view.current_statement(&o.id)?;
                Some(OptionSpec {
                    label: current.text.clone(),
                    fields: current.fields.clone(),
                    ..OptionSpec::new(&o.id, "")
                })
            })
            .collect()
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        let Ballot::Responses(r) = ballot else {
            return Vec::new();
        };
        r.iter()
            .map(|(k, v)| Answer {
                item: k.clone(),
                version: Some(v.version.unwrap_or(1)),
                value: wire_name(&v.response),
                reason: v.reason.clone().unwrap_or_default(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
