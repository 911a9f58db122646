//! `dots`: each participant spreads a budget of dots over the options.

mod show;

use super::kind::{
    carried_by_score, needs_options, wrong_kind, Answer, Kind, Setting, SettingProblem,
};
use super::BallotError;
use super::{ActivityView, Results};
use super::{Ballot, CastBallot};
use super::{Comparison, Tally};
use crate::activity::{ActivitySpec, OptionSpec};
use crate::language::Sentence;
use crate::language::Words;
use serde::Serialize;
use std::collections::BTreeMap;

/// Checks a dots ballot: known options only, no negatives, within the budget
/// and the per-option cap, at least one dot. Zero entries are dropped.
pub fn validate(
    spec: &ActivitySpec,
    dots: BTreeMap<String, i64>,
) -> Result<BTreeMap<String, i64>, BallotError> {
    let budget = i64::from(spec.dots.unwrap_or(0));
    let cap = spec.max_per_option.map(i64::from).unwrap_or(budget);
    let mut used: i64 = 0;
    for (option, &n) in &dots {
        if spec.option(option).is_none() {
            return Err(BallotError::UnknownOption {
                activity: spec.id.clone(),
                option: option.clone(),
            });
        }
        if n < 0 {
            return Err(BallotError::NegativeDots);
        }
        if n > cap {
            return Err(BallotError::TooManyDotsOnOption { cap });
        }
        // Saturating: a hostile ballot of huge numbers must not overflow.
        used = used.saturating_add(n);
    }
    if used > budget {
        return Err(BallotError::TooManyDots { budget, used });
    }
    if used == 0 {
        return Err(BallotError::EmptyBallot);
    }
    Ok(dots.into_iter().filter(|(_, n)| *n > 0).collect())
}

/// Totals per option (every option present, zero where nobody put a dot).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DotsTally {
    /// Ballots counted.
    pub ballots: usize,
    /// Dots per option id.
    pub totals: BTreeMap<String, u64>,
}

super::kind::counted_by_field!(DotsTally);

impl DotsTally {
    /// Option ids with their totals, most dots first; ties keep script order.
    pub fn ranked<'a>(&'a self, spec: &'a ActivitySpec) -> Vec<(&'a str, u64)> {
        super::kind::ranked_by(spec, &self.totals)
    }
}

/// Adds up the dots.
pub fn tally<'a>(spec: &ActivitySpec, ballots: impl Iterator<Item = &'a CastBallot>) -> DotsTally {
    let mut totals: BTreeMap<String, u64> =
        spec.options.iter().map(|o| (o.id.clone(), 0)).collect();
    let mut count = 0;
    for cast in ballots {
        let Ballot::Dots(dots) = &cast.ballot else {
            continue;
        };
        count += 1;
        for (option, n) in dots {
            if let Some(total) = totals.get_mut(option) {
                *total += u64::try_from(*n).unwrap_or(0);
            }
        }
    }
    DotsTally {
        ballots: count,
        totals,
    }
}

/// 1 minus half the L1 distance between the two groups' shares of dots: 1 when
/// they spread their dots identically, 0 when they share no option.
pub fn agreement_index(spec: &ActivitySpec, a: &DotsTally, b: &DotsTally) -> Option<f64> {
    let sum = |t: &DotsTally| t.totals.values().sum::<u64>() as f64;
    let (sa, sb) = (sum(a), sum(b));
    if sa == 0.0 || sb == 0.0 {
        return None;
    }
    let distance: f64 = spec
        .options
        .iter()
        .map(|o| {
            let share =
                |t: &DotsTally, s: f64| t.totals.get(&o.id).copied().unwrap_or(0) as f64 / s;
            (share(a, sa) - share(b, sb)).abs()
        })
        .sum();
    Some(((1.0 - distance / 2.0) * 100.0).round() / 100.0)
}

/// The agreement index in plain words.
pub fn reading(index: Option<f64>) -> Words {
    Words(match index {
        None => "dots-reading-none",
        Some(i) if i >= 0.8 => "dots-reading-strong",
        Some(i) if i >= 0.6 => "dots-reading-broad",
        Some(i) if i >= 0.4 => "dots-reading-partial",
        Some(_) => "dots-reading-different",
    })
}

/// The `dots` kind.
pub struct Dots;

impl Kind for Dots {
    fn name_key(&self) -> &'static str {
        "kind-dots"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"dots\":{option:n}}"
    }

    fn can_feed(&self) -> bool {
        true
    }

    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        let mut problems = needs_options(spec);
        match spec.dots {
            None => problems.push(("dots", Sentence::new("check-dots-missing"))),
            Some(0) => problems.push(("dots", Sentence::new("check-budget-at-least-one"))),
            Some(_) => {}
        }
        match (spec.max_per_option, spec.dots) {
            (Some(0), _) => problems.push(("max_per_option", Sentence::new("check-at-least-one"))),
            (Some(cap), Some(budget)) if cap > budget => {
                let why = Sentence::new("check-cap-over-budget").with("n", budget);
                problems.push(("max_per_option", why));
            }
            _ => {}
        }
        problems
    }

    fn settings(&self) -> &'static [Setting] {
        const SETTINGS: &[Setting] = &[
            Setting::number("dots", "setting-dots")
                .quoted("", " dots")
                .in_welsh("", " dot"),
            Setting::number("max_per_option", "setting-max-per-option")
                .quoted("up to ", " on")
                .in_welsh("hyd at ", " ar"),
        ];
        SETTINGS
    }

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Dots(d) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, d).map(Ballot::Dots)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Dots(tally(spec, ballots))
    }

    fn compare(
        &self,
        spec: &ActivitySpec,
        cabinet: &Tally,
        management: &Tally,
    ) -> Option<Comparison> {
        let (Tally::Dots(c), Tally::Dots(m)) = (cabinet, management) else {
            return None;
        };
        let index = agreement_index(spec, c, m);
        Some(Comparison::Dots {
            agreement_index: index,
            reading: reading(index),
        })
    }

    fn carried(&self, view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        match &results.all {
            Tally::Dots(t) => carried_by_score(view.spec, t.ranked(view.spec), true),
            _ => Vec::new(),
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Dots(d) => d.iter().map(|(k, n)| Answer::plain(k, n)).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::tests::{cast, spec_with};
    use crate::activity::{ActivityKind, Group};

    fn spec() -> ActivitySpec {
        let mut s = spec_with(ActivityKind::Dots, &["housing", "jobs", "climate"]);
        s.max_per_option = Some(3);
        s
    }

    fn ballot(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn a_ballot_within_the_budget_is_accepted_without_its_zeros() {
        let ok = validate(
            &spec(),
            ballot(&[("housing", 3), ("jobs", 2), ("climate", 0)]),
        );
        assert_eq!(ok.unwrap(), ballot(&[("housing", 3), ("jobs", 2)]));
    }

    #[test]
    fn a_ballot_over_the_dot_budget_is_refused() {
        let err = validate(&spec(), ballot(&[("housing", 3), ("jobs", 3)])).unwrap_err();
        assert_eq!(err.code(), "too_many_dots");
    }

    #[test]
    fn more_than_the_cap_on_one_option_is_refused() {
        let err = validate(&spec(), ballot(&[("housing", 4)])).unwrap_err();
        assert_eq!(err.code(), "too_many_dots");
    }

    #[test]
    fn negative_and_unknown_and_empty_ballots_are_refused() {
        let s = spec();
        assert_eq!(
            validate(&s, ballot(&[("housing", -1)])).unwrap_err().code(),
            "negative_dots"
        );
        assert_eq!(
            validate(&s, ballot(&[("parks", 1)])).unwrap_err().code(),
            "unknown_option"
        );
        assert_eq!(
            validate(&s, ballot(&[])).unwrap_err().code(),
            "empty_ballot"
        );
        let huge = ballot(&[("housing", i64::MAX), ("jobs", i64::MAX)]);
        assert!(validate(&s, huge).is_err());
    }

    #[test]
    fn totals_list_every_option_and_rank_ties_in_script_order() {
        let s = spec();
        let casts = [
            cast(Group::Cabinet, Ballot::Dots(ballot(&[("jobs", 2)]))),
            cast(
                Group::Management,
                Ballot::Dots(ballot(&[("climate", 2), ("housing", 1)])),
            ),
        ];
        let t = tally(&s, casts.iter());
        assert_eq!(t.ballots, 2);
        assert_eq!(t.totals["housing"], 1);
        assert_eq!(
            t.ranked(&s),
            vec![("jobs", 2), ("climate", 2), ("housing", 1)]
        );
    }

    #[test]
    fn the_agreement_index_runs_from_no_overlap_to_identical() {
        let s = spec();
        let t = |pairs: &[(&str, i64)]| {
            tally(
                &s,
                [cast(Group::Cabinet, Ballot::Dots(ballot(pairs)))].iter(),
            )
        };
        assert_eq!(
            agreement_index(&s, &t(&[("jobs", 2)]), &t(&[("jobs", 3)])),
            Some(1.0)
        );
        assert_eq!(
            agreement_index(&s, &t(&[("jobs", 2)]), &t(&[("climate", 2)])),
            Some(0.0)
        );
        assert_eq!(
            agreement_index(&s, &t(&[("jobs", 2), ("climate", 2)]), &t(&[("jobs", 1)])),
            Some(0.5)
        );
        assert_eq!(
            agreement_index(&s, &t(&[("jobs", 2)]), &tally(&s, std::iter::empty())),
            None
        );
    }
}
