//! `rating`: items scored 1 to 5; mean and spread by group.

mod show;

pub use show::team_mean;

use super::kind::{answers_every_item, wrong_kind, Answer, Kind};
use super::BallotError;
use super::Tally;
use super::{Ballot, CastBallot};
use crate::activity::ActivitySpec;
use serde::Serialize;
use std::collections::BTreeMap;

/// The scale runs 1 to this.
pub const TOP_SCORE: i64 = 5;

/// Checks scores: known items, whole numbers 1 to 5.
pub fn validate(
    spec: &ActivitySpec,
    scores: BTreeMap<String, i64>,
) -> Result<BTreeMap<String, i64>, BallotError> {
    super::known_items(spec, scores.keys())?;
    if let Some((item, _)) = scores.iter().find(|(_, s)| !(1..=TOP_SCORE).contains(*s)) {
        return Err(BallotError::ScoreOutOfRange(super::kind::named(spec, item)));
    }
    Ok(scores)
}

/// One item's scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemScores {
    /// How many scored it.
    pub n: u64,
    /// Mean score (two decimals), if anyone scored it.
    pub mean: Option<f64>,
    /// Standard deviation (two decimals).
    pub sd: Option<f64>,
    /// Lowest score.
    pub min: Option<i64>,
    /// Highest score.
    pub max: Option<i64>,
    /// How many gave 1, 2, 3, 4, 5.
    pub counts: [u64; 5],
}

/// Scores per item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingTally {
    /// Ballots counted.
    pub ballots: usize,
    /// Per item id.
    pub items: BTreeMap<String, ItemScores>,
}

super::kind::counted_by_field!(RatingTally);

/// Mean and spread per item.
pub fn tally<'a>(
    spec: &ActivitySpec,
    ballots: impl Iterator<Item = &'a CastBallot>,
) -> RatingTally {
    let (count, raw) = super::kind::answers_per_item(spec, ballots, |b| match b {
        Ballot::Scores(scores) => Some(scores),
        _ => None,
    });
    let items = raw
        .into_iter()
        .map(|(item, scores)| (item.to_string(), summarise(&scores)))
        .collect();
    RatingTally {
        ballots: count,
        items,
    }
}

fn summarise(scores: &[i64]) -> ItemScores {
    let n = scores.len();
    let mut counts = [0u64; 5];
    for s in scores {
        if let Some(c) = usize::try_from(s - 1).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    }
    if n == 0 {
        return ItemScores {
            counts,
            ..Default::default()
        };
    }
    let mean = scores.iter().sum::<i64>() as f64 / n as f64;
    let var = scores
        .iter()
        .map(|s| (*s as f64 - mean).powi(2))
        .sum::<f64>()
        / n as f64;
    ItemScores {
        n: n as u64,
        mean: Some(super::kind::round2(mean)),
        sd: Some(super::kind::round2(var.sqrt())),
        min: scores.iter().min().copied(),
        max: scores.iter().max().copied(),
        counts,
    }
}

/// The `rating` kind.
pub struct Rating;

impl Kind for Rating {
    fn name_key(&self) -> &'static str {
        "kind-rating"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"scores\":{item:1..5}}"
    }

    super::kind::answered_item_by_item!(Scores);

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Scores(s) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, s).map(Ballot::Scores)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Rating(tally(spec, ballots))
    }

    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        match ballot {
            Ballot::Scores(s) => answers_every_item(spec, |id| s.contains_key(id)),
            _ => false,
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Scores(s) => s.iter().map(|(k, n)| Answer::plain(k, n)).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::tests::{cast, spec_with};
    use crate::activity::{ActivityKind, Group};

    #[test]
    fn mean_and_spread_are_computed_per_item() {
        let s = spec_with(ActivityKind::Rating, &["trust", "clarity"]);
        let b = |t: i64| Ballot::Scores([("trust".to_string(), t)].into());
        let casts = [
            cast(Group::Cabinet, b(2)),
            cast(Group::Cabinet, b(4)),
            cast(Group::Management, b(3)),
        ];
        let t = tally(&s, casts.iter());
        let trust = &t.items["trust"];
        assert_eq!(
            (trust.n, trust.mean, trust.min, trust.max),
            (3, Some(3.0), Some(2), Some(4))
        );
        assert_eq!(trust.sd, Some(0.82));
        assert_eq!(trust.counts, [0, 1, 1, 1, 0]);
        assert_eq!(t.items["clarity"].mean, None);
    }

    #[test]
    fn scores_outside_one_to_five_are_refused() {
        let s = spec_with(ActivityKind::Rating, &["trust"]);
        for bad in [0, 6, -3] {
            let scores = [("trust".to_string(), bad)].into();
            assert_eq!(
                validate(&s, scores).unwrap_err().code(),
                "score_out_of_range"
            );
        }
    }
}
