//! `rank`: each participant orders all the options; Borda scores, and how far
//! the cabinet's order agrees with the management team's (Kendall's tau).

mod show;

use super::kind::{carried_by_score, wrong_kind, Answer, Kind};
use super::BallotError;
use super::{ActivityView, Results};
use super::{Ballot, CastBallot};
use super::{Comparison, Tally};
use crate::activity::{ActivitySpec, OptionSpec};
use crate::language::Words;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Checks an order: every option exactly once.
pub fn validate(spec: &ActivitySpec, order: Vec<String>) -> Result<Vec<String>, BallotError> {
    let mut seen = HashSet::new();
    for id in &order {
        if spec.option(id).is_none() {
            return Err(BallotError::UnknownOption {
                activity: spec.id.clone(),
                option: id.clone(),
            });
        }
        if !seen.insert(id.as_str()) {
            return Err(BallotError::InvalidBallot(format!(
                "{id:?} appears twice in the order"
            )));
        }
    }
    if order.len() != spec.options.len() {
        return Err(BallotError::InvalidBallot(format!(
            "put all {} options in order",
            spec.options.len()
        )));
    }
    Ok(order)
}

/// Borda scores: with n options, first place earns n-1 points, last earns 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankTally {
    /// Ballots counted.
    pub ballots: usize,
    /// Points per option id.
    pub borda: BTreeMap<String, u64>,
}

super::kind::counted_by_field!(RankTally);

impl RankTally {
    /// Option ids by score, highest first; ties keep script order.
    pub fn ranked<'a>(&'a self, spec: &'a ActivitySpec) -> Vec<(&'a str, u64)> {
        super::kind::ranked_by(spec, &self.borda)
    }
}

/// Adds up the Borda points.
pub fn tally<'a>(spec: &ActivitySpec, ballots: impl Iterator<Item = &'a CastBallot>) -> RankTally {
    let n = spec.options.len() as u64;
    let mut borda: BTreeMap<String, u64> = spec.options.iter().map(|o| (o.id.clone(), 0)).collect();
    let mut count = 0;
    for cast in ballots {
        let Ballot::Order(order) = &cast.ballot else {
            continue;
        };
        count += 1;
        for (place, id) in order.iter().enumerate() {
            if let Some(score) = borda.get_mut(id) {
                *score += n.saturating_sub(1 + place as u64);
            }
        }
    }
    RankTally {
        ballots: count,
        borda,
    }
}

/// Kendall's tau-b between two score maps over the same options: 1 means the
/// same order, 0 no relation, -1 the reverse. `None` if either has no ballots
/// or every option ties.
pub fn kendall_tau(a: &RankTally, b: &RankTally) -> Option<f64> {
    if a.ballots == 0 || b.ballots == 0 {
        return None;
    }
    let ids: Vec<&String> = a
        .borda
        .keys()
        .filter(|k| b.borda.contains_key(*k))
        .collect();
    let (mut concordant, mut discordant, mut ties_a, mut ties_b) = (0i64, 0i64, 0i64, 0i64);
    for (i, x) in ids.iter().enumerate() {
        for y in &ids[i + 1..] {
            let da = (a.borda[*x] as i64 - a.borda[*y] as i64).signum();
            let db = (b.borda[*x] as i64 - b.borda[*y] as i64).signum();
            match (da, db) {
                (0, 0) => {}
                (0, _) => ties_a += 1,
                (_, 0) => ties_b += 1,
                _ if da == db => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let n1 = (concordant + discordant + ties_a) as f64;
    let n2 = (concordant + discordant + ties_b) as f64;
    if n1 == 0.0 || n2 == 0.0 {
        return None;
    }
    Some((concordant - discordant) as f64 / (n1 * n2).sqrt())
}

/// Kendall's tau in plain words, for the projector.
pub fn reading(tau: Option<f64>) -> Words {
    Words(match tau {
        None => "rank-reading-none",
        Some(t) if t >= 0.6 => "rank-reading-strong",
        Some(t) if t >= 0.2 => "rank-reading-some",
        Some(t) if t > -0.2 => "rank-reading-little",
        Some(_) => "rank-reading-opposite",
    })
}

/// The `rank` kind.
pub struct Rank;

impl Kind for Rank {
    fn name_key(&self) -> &'static str {
        "kind-rank"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"order\":[option,...]}"
    }

    fn can_feed(&self) -> bool {
        true
    }

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Order(o) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, o).map(Ballot::Order)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Rank(tally(spec, ballots))
    }

    fn compare(&self, _: &ActivitySpec, cabinet: &Tally, management: &Tally) -> Option<Comparison> {
        let (Tally::Rank(c), Tally::Rank(m)) = (cabinet, management) else {
            return None;
        };
        let tau = kendall_tau(c, m).map(|t| (t * 100.0).round() / 100.0);
        Some(Comparison::Rank {
            kendall_tau: tau,
            reading: reading(tau),
        })
    }

    fn carried(&self, view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        match &results.all {
            Tally::Rank(t) => carried_by_score(view.spec, t.ranked(view.spec), false),
            _ => Vec::new(),
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Order(o) => o
                .iter()
                .enumerate()
                .map(|(i, k)| Answer::plain(k, i + 1))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::tests::{cast, spec_with};
    use crate::activity::{ActivityKind, Group};

    fn order(ids: &[&str]) -> Ballot {
        Ballot::Order(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn an_order_must_name_every_option_once() {
        let s = spec_with(ActivityKind::Rank, &["a", "b", "c"]);
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(validate(&s, ids(&["c", "a", "b"])).is_ok());
        assert_eq!(
            validate(&s, ids(&["a", "b"])).unwrap_err().code(),
            "invalid_ballot"
        );
        assert_eq!(
            validate(&s, ids(&["a", "a", "b"])).unwrap_err().code(),
            "invalid_ballot"
        );
        assert_eq!(
            validate(&s, ids(&["a", "b", "z"])).unwrap_err().code(),
            "unknown_option"
        );
    }

    #[test]
    fn borda_gives_first_place_n_minus_one_points_and_ties_keep_script_order() {
        let s = spec_with(ActivityKind::Rank, &["a", "b", "c"]);
        let casts = [
            cast(Group::Cabinet, order(&["a", "b", "c"])),
            cast(Group::Cabinet, order(&["b", "a", "c"])),
        ];
        let t = tally(&s, casts.iter());
        assert_eq!(t.borda["a"], 3);
        assert_eq!(t.borda["b"], 3);
        assert_eq!(t.borda["c"], 0);
        assert_eq!(t.ranked(&s)[0], ("a", 3));
    }

    #[test]
    fn kendall_tau_reads_the_same_order_as_one_and_the_reverse_as_minus_one() {
        let s = spec_with(ActivityKind::Rank, &["a", "b", "c", "d"]);
        let same = tally(
            &s,
            [cast(Group::Cabinet, order(&["a", "b", "c", "d"]))].iter(),
        );
        let reverse = tally(
            &s,
            [cast(Group::Management, order(&["d", "c", "b", "a"]))].iter(),
        );
        assert_eq!(kendall_tau(&same, &same), Some(1.0));
        assert_eq!(kendall_tau(&same, &reverse), Some(-1.0));
        let empty = tally(&s, std::iter::empty());
        assert_eq!(kendall_tau(&same, &empty), None);
        assert!(reading(Some(1.0)).to_string().starts_with("Strong"));
        assert!(reading(Some(-1.0)).to_string().starts_with("Opposite"));
    }
}
