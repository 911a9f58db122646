//! `matrix`: each participant places each item on two 1-5 axes the script
//! names (`x_axis` across, `y_axis` up), such as how much a priority matters
//! and how well the council does it today; results are each team's mean
//! point and spread per item, and the gap between the teams.

mod chart;
mod show;

use super::kind::{answers_every_item, wrong_kind, Answer, Kind, Setting, SettingProblem};
use super::{Ballot, BallotError, CastBallot, Tally};
use crate::activity::ActivitySpec;
use crate::language::Sentence;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Each axis runs 1 to this.
pub const TOP: i64 = 5;

/// Where one participant places one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Across: the script's `x_axis`, 1 to 5.
    pub x: i64,
    /// Up: the script's `y_axis`, 1 to 5.
    pub y: i64,
}

/// Checks points: known items, each axis a whole number 1 to 5.
pub fn validate(
    spec: &ActivitySpec,
    points: BTreeMap<String, Point>,
) -> Result<BTreeMap<String, Point>, BallotError> {
    super::known_items(spec, points.keys())?;
    let outside = |v: i64| !(1..=TOP).contains(&v);
    if let Some((item, _)) = points.iter().find(|(_, p)| outside(p.x) || outside(p.y)) {
        return Err(BallotError::ScoreOutOfRange(super::kind::named(spec, item)));
    }
    Ok(points)
}

/// One item's placings: the mean point and the spread on each axis.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemPoint {
    /// How many placed it.
    pub n: u64,
    /// Mean across (two decimals), if anyone placed it.
    pub x: Option<f64>,
    /// Mean up (two decimals).
    pub y: Option<f64>,
    /// Standard deviation across (two decimals).
    pub x_sd: Option<f64>,
    /// Standard deviation up (two decimals).
    pub y_sd: Option<f64>,
}

impl ItemPoint {
    /// The mean point, when anyone placed the item.
    pub fn mean(&self) -> Option<(f64, f64)> {
        Some((self.x?, self.y?))
    }
}

/// The mean point per item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixTally {
    /// Ballots counted.
    pub ballots: usize,
    /// Per item id (every item present).
    pub items: BTreeMap<String, ItemPoint>,
}

super::kind::counted_by_field!(MatrixTally);

/// Means and spreads per item.
pub fn tally<'a>(
    spec: &ActivitySpec,
    ballots: impl Iterator<Item = &'a CastBallot>,
) -> MatrixTally {
    let (count, raw) = super::kind::answers_per_item(spec, ballots, |b| match b {
        Ballot::Points(points) => Some(points),
        _ => None,
    });
    let items = raw
        .into_iter()
        .map(|(item, points)| (item.to_string(), summarise(&points)))
        .collect();
    MatrixTally {
        ballots: count,
        items,
    }
}

fn summarise(points: &[Point]) -> ItemPoint {
    if points.is_empty() {
        return ItemPoint::default();
    }
    let (x, x_sd) = mean_and_sd(points.iter().map(|p| p.x));
    let (y, y_sd) = mean_and_sd(points.iter().map(|p| p.y));
    ItemPoint {
        n: points.len() as u64,
        x: Some(x),
        y: Some(y),
        x_sd: Some(x_sd),
        y_sd: Some(y_sd),
    }
}

fn mean_and_sd(values: impl Iterator<Item = i64> + Clone) -> (f64, f64) {
    let n = values.clone().count() as f64;
    let mean = values.clone().sum::<i64>() as f64 / n;
    let var = values.map(|v| (v as f64 - mean).powi(2)).sum::<f64>() / n;
    (super::kind::round2(mean), super::kind::round2(var.sqrt()))
}

/// The distance between two teams' mean points for an item, in scale points.
pub fn gap(a: &ItemPoint, b: &ItemPoint) -> Option<f64> {
    let ((ax, ay), (bx, by)) = (a.mean()?, b.mean()?);
    Some(super::kind::round2(
        ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt(),
    ))
}

/// The `matrix` kind.
pub struct Matrix;

impl Kind for Matrix {
    fn name_key(&self) -> &'static str {
        "kind-matrix"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"points\":{item:{\"x\":1..5,\"y\":1..5}}}"
    }

    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        let mut problems = super::kind::needs_options(spec);
        let unnamed = |axis: &str| spec.text_setting(axis).is_none_or(|a| a.trim().is_empty());
        if unnamed("x_axis") {
            problems.push(("x_axis", Sentence::new("check-x-axis")));
        }
        if unnamed("y_axis") {
            problems.push(("y_axis", Sentence::new("check-y-axis")));
        }
        problems
    }

    fn settings(&self) -> &'static [Setting] {
        const SETTINGS: &[Setting] = &[
            Setting::text("x_axis", "setting-x-axis"),
            Setting::text("y_axis", "setting-y-axis"),
        ];
        SETTINGS
    }

    super::kind::answered_item_by_item!(Points);

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Points(p) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, p).map(Ballot::Points)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::Matrix(tally(spec, ballots))
    }

    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        match ballot {
            Ballot::Points(p) => answers_every_item(spec, |id| p.contains_key(id)),
            _ => false,
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Points(p) => p
                .iter()
                .map(|(item, p)| Answer::plain(item, format!("x={};y={}", p.x, p.y)))
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

    fn points(x: i64, y: i64) -> Ballot {
        Ballot::Points([("homes".to_string(), Point { x, y })].into())
    }

    #[test]
    fn means_spreads_and_the_gap_between_teams() {
        let spec = spec_with(ActivityKind::Matrix, &["homes", "jobs"]);
        let cabinet = [
            cast(Group::Cabinet, points(2, 5)),
            cast(Group::Cabinet, points(4, 5)),
        ];
        let management = [cast(Group::Management, points(3, 1))];
        let c = tally(&spec, cabinet.iter());
        let m = tally(&spec, management.iter());
        let homes = &c.items["homes"];
        assert_eq!(
            (homes.n, homes.mean(), homes.x_sd, homes.y_sd),
            (2, Some((3.0, 5.0)), Some(1.0), Some(0.0))
        );
        assert_eq!(gap(homes, &m.items["homes"]), Some(4.0));
        assert_eq!(c.items["jobs"].mean(), None, "nobody placed it");
    }

    #[test]
    fn points_off_the_grid_are_refused() {
        let spec = spec_with(ActivityKind::Matrix, &["homes"]);
        for (x, y) in [(0, 3), (3, 6), (-1, -1)] {
            let Ballot::Points(p) = points(x, y) else {
                unreachable!()
            };
            assert_eq!(validate(&spec, p).unwrap_err().code(), "score_out_of_range");
        }
    }

    #[test]
    fn answers_merge_item_by_item_and_an_unnamed_axis_is_a_problem() {
        let spec = spec_with(ActivityKind::Matrix, &["homes", "jobs"]);
        let mut ballot = points(1, 2);
        ballot.merge(Ballot::Points(
            [("jobs".to_string(), Point { x: 5, y: 5 })].into(),
        ));
        assert!(Matrix.is_complete(&spec, &ballot));
        ballot.forget("homes");
        assert!(!Matrix.is_complete(&spec, &ballot));
        let fields: Vec<_> = Matrix.check(&spec).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["x_axis", "y_axis"]);
    }
}
