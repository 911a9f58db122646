//! `role_map`: each responsibility placed at members lead / joint / officers lead;
//! the distribution by group and the responsibilities the two teams see differently.

mod show;

use super::kind::{answers_every_item, wire_name, wrong_kind, Answer, Kind};
use super::BallotError;
use super::{Ballot, CastBallot};
use super::{Comparison, Tally};
use crate::activity::ActivitySpec;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a responsibility sits, on the line from members to officers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Councillors lead.
    Members,
    /// A joint arena: both lead together.
    Joint,
    /// Officers lead.
    Officers,
}

impl Placement {
    /// Position on the line: members 0, joint 1, officers 2.
    pub fn position(self) -> f64 {
        match self {
            Placement::Members => 0.0,
            Placement::Joint => 1.0,
            Placement::Officers => 2.0,
        }
    }

    /// Words for people.
    /// The placement as a reader of `language` reads it.
    pub fn name(self, language: crate::language::Language) -> String {
        match self {
            Placement::Members => crate::t!(language, "role-members"),
            Placement::Joint => crate::t!(language, "role-joint"),
            Placement::Officers => crate::t!(language, "role-officers"),
        }
    }

    /// The placement in English, for the record.
    pub fn label(self) -> &'static str {
        match self {
            Placement::Members => "Members lead",
            Placement::Joint => "Joint",
            Placement::Officers => "Officers lead",
        }
    }
}

/// Checks placements: known items only, at least one.
pub fn validate(
    spec: &ActivitySpec,
    placements: BTreeMap<String, Placement>,
) -> Result<BTreeMap<String, Placement>, BallotError> {
    super::known_items(spec, placements.keys())?;
    Ok(placements)
}

/// Counts per placement for one responsibility.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PlacementCounts {
    /// Members lead.
    pub members: u64,
    /// Joint.
    pub joint: u64,
    /// Officers lead.
    pub officers: u64,
}

impl PlacementCounts {
    fn add(&mut self, p: Placement) {
        match p {
            Placement::Members => self.members += 1,
            Placement::Joint => self.joint += 1,
            Placement::Officers => self.officers += 1,
        }
    }

    /// How many placed this responsibility.
    pub fn total(&self) -> u64 {
        self.members + self.joint + self.officers
    }

    /// Mean position (members 0 .. officers 2), if anyone placed it.
    pub fn mean(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| (self.joint as f64 + 2.0 * self.officers as f64) / n as f64)
    }

    /// Where the room put it: the most common placement; a tie goes to joint,
    /// or between members and officers (no joint votes) also to joint.
    pub fn modal(&self) -> Option<Placement> {
        if self.total() == 0 {
            return None;
        }
        let top = self.members.max(self.joint).max(self.officers);
        Some(
            match (self.members == top, self.joint == top, self.officers == top) {
                (true, false, false) => Placement::Members,
                (false, false, true) => Placement::Officers,
                _ => Placement::Joint,
            },
        )
    }
}

/// The distribution per responsibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleMapTally {
    /// Ballots counted.
    pub ballots: usize,
    /// Counts per item id.
    pub items: BTreeMap<String, PlacementCounts>,
}

super::kind::counted_by_field!(RoleMapTally);

/// Counts the placements.
pub fn tally<'a>(
    spec: &ActivitySpec,
    ballots: impl Iterator<Item = &'a CastBallot>,
) -> RoleMapTally {
    let mut items: BTreeMap<String, PlacementCounts> = spec
        .options
        .iter()
        .map(|o| (o.id.clone(), PlacementCounts::default()))
        .collect();
    let mut count = 0;
    for cast in ballots {
        let Ballot::Placements(placements) = &cast.ballot else {
            continue;
        };
        count += 1;
        for (item, p) in placements {
            if let Some(counts) = items.get_mut(item) {
                counts.add(*p);
            }
        }
    }
    RoleMapTally {
        ballots: count,
        items,
    }
}

/// A responsibility the two teams place differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contested {
    /// Item id.
    pub item: String,
    /// Cabinet's mean position (0 members .. 2 officers).
    pub cabinet_mean: f64,
    /// Management team's mean position.
    pub management_mean: f64,
    /// The distance between them.
    pub gap: f64,
}

/// Responsibilities placed at least `threshold` apart on average, or at
/// different modal placements, widest gap first.
pub fn contested(
    cabinet: &RoleMapTally,
    management: &RoleMapTally,
    threshold: f64,
) -> Vec<Contested> {
    let mut out: Vec<Contested> = cabinet
        .items
        .iter()
        .filter_map(|(item, c)| {
            let m = management.items.get(item)?;
            let (cm, mm) = (c.mean()?, m.mean()?);
            let gap = (cm - mm).abs();
            (gap >= threshold || c.modal() != m.modal()).then(|| Contested {
                item: item.clone(),
                cabinet_mean: super::kind::round2(cm),
                management_mean: super::kind::round2(mm),
                gap: super::kind::round2(gap),
            })
        })
        .collect();
    out.sort_by(|a, b| b.gap.total_cmp(&a.gap).then_with(|| a.item.cmp(&b.item)));
    out
}

/// The `role_map` kind.
pub struct RoleMap;

/// How far apart, on the members (0) to officers (2) line, the teams' means
/// must be for a responsibility to be called contested.
const CONTESTED_GAP: f64 = 0.5;

impl Kind for RoleMap {
    fn name_key(&self) -> &'static str {
        "kind-role-map"
    }

    fn ballot_shape(&self) -> &'static str {
        "{\"placements\":{item:\"members\"|\"joint\"|\"officers\"}}"
    }

    super::kind::answered_item_by_item!(Placements);

    fn validate(
        &self,
        spec: &ActivitySpec,
        _: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let Ballot::Placements(p) = ballot else {
            return Err(wrong_kind(spec));
        };
        validate(spec, p).map(Ballot::Placements)
    }

    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        Tally::RoleMap(tally(spec, ballots))
    }

    fn compare(&self, _: &ActivitySpec, cabinet: &Tally, management: &Tally) -> Option<Comparison> {
        let (Tally::RoleMap(c), Tally::RoleMap(m)) = (cabinet, management) else {
            return None;
        };
        Some(Comparison::RoleMap {
            contested: contested(c, m, CONTESTED_GAP),
        })
    }

    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        match ballot {
            Ballot::Placements(p) => answers_every_item(spec, |id| p.contains_key(id)),
            _ => false,
        }
    }

    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        match ballot {
            Ballot::Placements(p) => p
                .iter()
                .map(|(k, v)| Answer::plain(k, wire_name(v)))
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

    fn ballot(pairs: &[(&str, Placement)]) -> Ballot {
        Ballot::Placements(pairs.iter().map(|(k, p)| (k.to_string(), *p)).collect())
    }

    #[test]
    fn the_modal_placement_breaks_ties_towards_the_joint_arena() {
        let c = PlacementCounts {
            members: 2,
            joint: 0,
            officers: 2,
        };
        assert_eq!(c.modal(), Some(Placement::Joint));
        let c = PlacementCounts {
            members: 3,
            joint: 1,
            officers: 0,
        };
        assert_eq!(c.modal(), Some(Placement::Members));
        assert_eq!(PlacementCounts::default().modal(), None);
    }

    #[test]
    fn the_widest_disagreement_comes_first() {
        use Placement::*;
        let s = spec_with(ActivityKind::RoleMap, &["budget", "vision", "staffing"]);
        let cab = [cast(
            Group::Cabinet,
            ballot(&[
                ("budget", Members),
                ("vision", Members),
                ("staffing", Officers),
            ]),
        )];
        let mgt = [cast(
            Group::Management,
            ballot(&[
                ("budget", Officers),
                ("vision", Joint),
                ("staffing", Officers),
            ]),
        )];
        let list = contested(&tally(&s, cab.iter()), &tally(&s, mgt.iter()), 0.5);
        let items: Vec<&str> = list.iter().map(|c| c.item.as_str()).collect();
        assert_eq!(items, vec!["budget", "vision"]);
        assert_eq!(list[0].gap, 2.0);
    }

    #[test]
    fn unknown_items_are_refused() {
        let s = spec_with(ActivityKind::RoleMap, &["budget"]);
        let bad = [("nope".to_string(), Placement::Joint)].into();
        assert_eq!(validate(&s, bad).unwrap_err().code(), "unknown_option");
        assert_eq!(
            validate(&s, BTreeMap::new()).unwrap_err().code(),
            "empty_ballot"
        );
    }
}
