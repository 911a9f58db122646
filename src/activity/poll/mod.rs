//! `poll`: each participant chooses one option, or up to `max_choices`;
//! results are the share of each team's voters who chose each option.

mod show;

use super::kind::{carried_by_score, needs_options, wrong_kind, Answer, Kind, Setting};
use super::kind::{ranked_by, SettingProblem};
use super::{ActivityView, Ballot, BallotError, CastBallot, Results, Tally};
use crate::activity::{ActivitySpec, OptionSpec};
use crate::language::Sentence;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many options one participant may choose: `max_choices`, one when unset.
pub fn most_choices(spec: &ActivitySpec) -> usize {
    spec.number_setting("max_choices")
        .map_or(1, |n| usize::try_from(n).unwrap_or(0))
}

/// Checks a poll ballot: known options, none twice, at least one, at most
/// `max_choices`. The normal form lists the choices in the script's order.
pub fn validate(spec: &ActivitySpec, choices: Vec<String>) -> Result<Vec<String>, BallotError> {
    super::known_items(spec, choices.iter())?;
    let mut chosen: Vec<&OptionSpec> = Vec::with_capacity(choices.len());
    for id in &choices {
        if chosen.iter().any(|o| &o.id == id) {
            let why = format!(
                "\u{201c}{}\u{201d} is chosen twice",
                super::kind::named(spec, id)
            );
            return Err(BallotError::InvalidBallot(why));
        }
        chosen.extend(spec.option(id));
    }
    let most = most_choices(spec);
    if chosen.len() > most {
        let why = if most == 1 {
            "choose one option".to_string()
        } else {
            format!("choose at most {most} options")
        };
        return Err(BallotError::InvalidBallot(why));
    }
    Ok(spec
        .options
        .iter()
        .filter(|o| choices.contains(&o.id))
        .map(|o| o.id.clone())
        .collect())
}

/// How many chose each option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PollTally {
    /// Ballots counted: the voters.
    pub ballots: usize,
    /// Voters who chose each option (every option present).
    pub counts: BTreeMap<String, u64>,
}

super::kind::counted_by_field!(PollTally);

impl PollTally {
    /// Option ids with their counts, most chosen first; ties keep script order.
    pub fn ranked<'a>(&'a self, spec: &'a ActivitySpec) -> Vec<(&'a str, u64)> {
        ranked_by(spec, &self.counts)
    }

    /// The share of voters who chose an option, in percent (0 with no voters).
    pub fn share(&self, id: &str) -> Option<f64> {
        let n = *self.counts.get(id)?;
        Some(if self.ballots == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.ballots as f64
        })
    }
}

/// Counts the choices.
pub fn tally<'a>(spec: &ActivitySpec, ballots: impl Iterator<Item = &'a CastBallot>) -> PollTally {
    let mut counts: BTreeMap<String, u64> =
        spec.options.iter().map(|o| (o.id.clone(), 0)).collect();
    let mut voters = 0;
    for cast in ballots {
        let Ballot::Choices(choices) = &cast.ballot else {
            continue;
        };
        voters += 1;
        for id in choices {
            if let Some(n) = counts.get_mut(id) {
                *n += 1;
            }
        }
    }
    PollTally {
        ballots: voters,
        counts,
    }
}

/// The `poll` kind.
pub struct Poll;

impl Kind for Poll {
    fn name_key(&self) -> &'static str {
        "kind-poll"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"choice\":option} or {\"choices\":[option, ...]}"
    }

    fn can_feed(&self) -> bool {
        true
    }

    fn decided_heading(&self) -> &'static str {
        "decided-chosen"
    }

    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        let mut problems = needs_options(spec);
        match spec.number_setting("max_choices") {
            Some(n) if n < 1 => problems.push(("max_choices", Sentence::new("check-at-least-one"))),
            Some(n) if spec.from.is_none() && n as usize > spec.options.len() => {
                let why = Sentence::new("check-choices-over-options").with("n", spec.options.len());
                problems.push(("max_choices", why));
            }
            _ => {}
        }
        problems
    }

    fn settings(&self) -> &'static [Setting] {
        const SETTINGS: &[Setting] = &[Setting::number("max_choices", "setting-max-choices")];
        SETTINGS
    }

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let choices = match ballot {
            Ballot::Choice(one) => vec![one],
            Ballot::Choices(some) => some,
            _ => return Err(wrong_kind(spec)),
        };
        validate(spec, choices).map(Ballot::Choices)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Poll(tally(spec, ballots))
    }

    /// The options most chosen first; an option nobody chose is left out
    /// when any was chosen.
    fn carried(&self, view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        match &results.all {
            Tally::Poll(t) => carried_by_score(view.spec, t.ranked(view.spec), true),
            _ => Vec::new(),
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Choices(ids) => ids.iter().map(|id| Answer::plain(id, "chosen")).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::tests::{cast, spec_with};
    use crate::activity::{ActivityKind, Group};

    fn choices(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_choice_unless_the_script_allows_more() {
        let mut spec = spec_with(ActivityKind::Poll, &["weekly", "fortnightly", "monthly"]);
        assert_eq!(validate(&spec, choices(&["monthly"])).unwrap(), ["monthly"]);
        let two = validate(&spec, choices(&["monthly", "weekly"])).unwrap_err();
        assert_eq!(two.code(), "invalid_ballot");
        assert_eq!(two.to_string(), "choose one option");
        spec.settings.insert(
            "max_choices".into(),
            crate::activity::spec::SettingValue::Number(2),
        );
        assert_eq!(
            validate(&spec, choices(&["monthly", "weekly"])).unwrap(),
            ["weekly", "monthly"],
            "the normal form is in the script's order"
        );
        for bad in [&["weekly", "weekly"][..], &[], &["yearly"]] {
            assert!(validate(&spec, choices(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_single_choice_is_kept_as_a_list() {
        let spec = spec_with(ActivityKind::Poll, &["weekly", "monthly"]);
        let ballot = Poll
            .validate(&spec, &BTreeMap::new(), Ballot::Choice("weekly".into()))
            .unwrap();
        assert_eq!(ballot, Ballot::Choices(choices(&["weekly"])));
        assert_eq!(ballot.kind(), ActivityKind::Poll);
    }

    #[test]
    fn shares_are_of_the_voters() {
        let mut spec = spec_with(ActivityKind::Poll, &["weekly", "monthly"]);
        spec.settings.insert(
            "max_choices".into(),
            crate::activity::spec::SettingValue::Number(2),
        );
        let casts = [
            cast(
                Group::Cabinet,
                Ballot::Choices(choices(&["weekly", "monthly"])),
            ),
            cast(Group::Cabinet, Ballot::Choices(choices(&["monthly"]))),
        ];
        let t = tally(&spec, casts.iter());
        assert_eq!(
            (t.ballots, t.counts["monthly"], t.counts["weekly"]),
            (2, 2, 1)
        );
        assert_eq!(
            (t.share("monthly"), t.share("weekly")),
            (Some(100.0), Some(50.0))
        );
        assert_eq!(t.ranked(&spec)[0], ("monthly", 2));
    }
}
