//! An activity's results: everyone, each team (hidden when too few in an
//! anonymous activity), and how the two teams compare.

use super::kind::Answers;
use super::{ideas, kind_of, notes, role_map, tally, CastBallot, Tally};
use crate::activity::{ActivitySpec, Group};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A group's share of the results, or why it is not shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum GroupResult {
    /// The group's tally.
    Shown(Tally),
    /// Too few ballots in an anonymous activity to show without identifying people.
    Suppressed {
        /// Always true.
        suppressed: bool,
        /// The minimum number of ballots for a group to be shown.
        min_group_size: u32,
    },
    /// The kind has no split by group (notes).
    None,
}

impl GroupResult {
    /// The tally, if shown.
    pub fn shown(&self) -> Option<&Tally> {
        match self {
            GroupResult::Shown(t) => Some(t),
            _ => None,
        }
    }
}

/// How the two top teams compare on one activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Comparison {
    /// Rank: Kendall's tau between the groups' Borda orders.
    Rank {
        /// -1 to 1; `None` without ballots from both.
        kendall_tau: Option<f64>,
        /// The number in plain words.
        reading: crate::language::Words,
    },
    /// Dots: 1 minus half the distance between the groups' shares of dots.
    Dots {
        /// 0 (no overlap) to 1 (identical spread); `None` without ballots from both.
        agreement_index: Option<f64>,
        /// The number in plain words.
        reading: crate::language::Words,
    },
    /// Role map: responsibilities the teams place differently, widest gap first.
    RoleMap {
        /// The contested responsibilities.
        contested: Vec<role_map::Contested>,
    },
}

/// An activity's results for everyone and split by voting group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Everyone.
    pub all: Tally,
    /// Cabinet members.
    pub cabinet: GroupResult,
    /// Management team members.
    pub management: GroupResult,
    /// How the groups compare, where the kind has a measure and both are shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// An anonymous vote still open: nothing is counted yet for anyone to
    /// see, so results that change ballot by ballot cannot be read beside
    /// who has just voted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
    /// An anonymous vote with fewer ballots than the smallest group shown:
    /// nothing is counted for anyone to see, as the room knows who voted (the
    /// console names who has not) and a lone ballot would be that person's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub too_few: bool,
    /// Items of an anonymous activity answered by too few people in the room
    /// to show at all: their counts are left out everywhere.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden_items: BTreeSet<String>,
    /// Items of an anonymous activity shown for the whole room only: some
    /// team answered them too few times to be shown apart.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub room_only_items: BTreeSet<String>,
}

/// How results are split: anonymous activities hide groups below a minimum.
#[derive(Debug, Clone, Copy)]
pub struct Split {
    /// Whether the activity is anonymous.
    pub anonymous: bool,
    /// Fewest ballots a group needs to be shown, in an anonymous activity.
    pub min_group_size: u32,
}

impl Split {
    /// Whether a team with `n` ballots is too small to show on its own.
    pub fn too_few(&self, n: usize) -> bool {
        self.anonymous && n > 0 && n < self.min_group_size as usize
    }

    /// Whether the teams may be shown apart, given each team's ballots. In an
    /// anonymous activity, when any team has too few, no team is shown: the
    /// whole room minus the larger team would otherwise give the small one.
    pub fn shows_teams(&self, ballots_per_team: &[usize]) -> bool {
        !ballots_per_team.iter().any(|n| self.too_few(*n))
    }

    /// Both teams' results, or both suppressed when either is too small.
    fn teams(&self, cabinet: Tally, management: Tally) -> (GroupResult, GroupResult) {
        if self.shows_teams(&[cabinet.ballots(), management.ballots()]) {
            (GroupResult::Shown(cabinet), GroupResult::Shown(management))
        } else {
            let hidden = GroupResult::Suppressed {
                suppressed: true,
                min_group_size: self.min_group_size,
            };
            (hidden.clone(), hidden)
        }
    }
}

impl Results {
    /// Tallies everyone and each voting group of a ballot-taking activity.
    /// In an anonymous activity answered item by item, an item that too few
    /// answered (in the room, or in a team) is counted for nobody (or for the
    /// room only): see [`ItemRule`].
    pub fn of<'a, I>(spec: &ActivitySpec, ballots: I, split: Split) -> Results
    where
        I: Iterator<Item = &'a CastBallot> + Clone,
    {
        let rule = ItemRule::of(spec, ballots.clone(), split);
        if rule.is_empty() {
            return Results::counted(spec, ballots.clone(), ballots, split, rule);
        }
        let room: Vec<CastBallot> = ballots.clone().map(|b| rule.for_room(b)).collect();
        let teams: Vec<CastBallot> = ballots.map(|b| rule.for_teams(b)).collect();
        Results::counted(spec, room.iter(), teams.iter(), split, rule)
    }

    fn counted<'a, R, T>(
        spec: &ActivitySpec,
        room: R,
        teams: T,
        split: Split,
        rule: ItemRule,
    ) -> Results
    where
        R: Iterator<Item = &'a CastBallot> + Clone,
        T: Iterator<Item = &'a CastBallot> + Clone,
    {
        let of_group = |g: Group| tally(spec, teams.clone().filter(move |b| b.group == g));
        let (cabinet, management) =
            split.teams(of_group(Group::Cabinet), of_group(Group::Management));
        // A ballot whose team cannot be known (an anonymous one whose session
        // lost its secret) would make any split wrong: show only the room.
        let (cabinet, management) = if room.clone().any(|b| !b.group.votes()) {
            let unknown = GroupResult::Suppressed {
                suppressed: true,
                min_group_size: split.min_group_size,
            };
            (unknown.clone(), unknown)
        } else {
            (cabinet, management)
        };
        let all = tally(spec, room);
        if split.too_few(all.ballots()) {
            return Results {
                too_few: true,
                withheld: false,
                ..Results::withheld(spec, split)
            };
        }
        let comparison = compare(spec, cabinet.shown(), management.shown());
        Results {
            all,
            cabinet,
            management,
            comparison,
            withheld: false,
            too_few: false,
            hidden_items: rule.hidden,
            room_only_items: rule.room_only,
        }
    }

    /// The results of an anonymous vote while it is open: the tally of no
    /// ballots, no teams.
    pub fn withheld(spec: &ActivitySpec, split: Split) -> Results {
        let none = GroupResult::Suppressed {
            suppressed: true,
            min_group_size: split.min_group_size,
        };
        let all = match kind_of(spec.kind).answered_with() {
            Answers::Ideas => Tally::Ideas(ideas::tally(std::iter::empty(), false)),
            _ => tally(spec, std::iter::empty()),
        };
        Results {
            all,
            cabinet: none.clone(),
            management: none,
            comparison: None,
            withheld: true,
            too_few: false,
            hidden_items: BTreeSet::new(),
            room_only_items: BTreeSet::new(),
        }
    }

    /// The visible ideas, everyone and by group. Anonymous ideas have no
    /// team anywhere: one idea's team could name its author. They are listed
    /// by their ids, which are keyed hashes, so the list says nothing of the
    /// order they came in.
    pub fn of_ideas<'a, I>(ideas: I, split: Split) -> Results
    where
        I: Iterator<Item = &'a ideas::Idea> + Clone,
    {
        if split.anonymous {
            let mut all = ideas::tally(ideas, false);
            all.ideas.sort_by(|a, b| a.id.cmp(&b.id));
            // Ideas from one or two people are those people's, whatever
            // their order: shown only from enough authors, as ballots are.
            let too_few = split.too_few(all.ballots);
            if too_few {
                all = ideas::tally(std::iter::empty(), false);
            }
            let none = GroupResult::None;
            return Results {
                all: Tally::Ideas(all),
                cabinet: none.clone(),
                management: none,
                too_few,
                ..Results::of_notes(Vec::new())
            };
        }
        let of_group = |g: Group| {
            Tally::Ideas(ideas::tally(
                ideas.clone().filter(move |i| i.group == g),
                true,
            ))
        };
        let (cabinet, management) =
            split.teams(of_group(Group::Cabinet), of_group(Group::Management));
        Results {
            all: Tally::Ideas(ideas::tally(ideas.clone(), true)),
            cabinet,
            management,
            ..Results::of_notes(Vec::new())
        }
    }

    /// A notes step: the notes, no split.
    pub fn of_notes(notes: Vec<notes::Note>) -> Results {
        Results {
            all: Tally::Notes(notes::NotesTally { notes }),
            cabinet: GroupResult::None,
            management: GroupResult::None,
            comparison: None,
            withheld: false,
            too_few: false,
            hidden_items: BTreeSet::new(),
            room_only_items: BTreeSet::new(),
        }
    }

    /// Whether an item's counts are shown for the room (`None`) or a team.
    pub fn shows_item(&self, item: &str, team: Option<Group>) -> bool {
        !self.hidden_items.contains(item)
            && (team.is_none() || !self.room_only_items.contains(item))
    }

    /// The result for one group.
    pub fn group(&self, group: Group) -> &GroupResult {
        match group {
            Group::Cabinet => &self.cabinet,
            Group::Management => &self.management,
            Group::Observer => &GroupResult::None,
        }
    }
}

/// The teams compared in plain words, only when both are shown and both voted:
/// a team with no ballots agrees or differs with nobody.
fn compare(
    spec: &ActivitySpec,
    cabinet: Option<&Tally>,
    management: Option<&Tally>,
) -> Option<Comparison> {
    let cabinet = cabinet.filter(|t| t.ballots() > 0)?;
    let management = management.filter(|t| t.ballots() > 0)?;
    super::kind_of(spec.kind).compare(spec, cabinet, management)
}

/// The per-item rule of an anonymous activity answered item by item (role
/// map, agreement, rating): a tally of fewer than `min_group_size` answers
/// to one item is one or two people's answers, whatever the ballot count.
#[derive(Debug, Default)]
pub struct ItemRule {
    /// Items answered 1 to `min_group_size - 1` times in the room.
    pub hidden: BTreeSet<String>,
    /// Other items answered that few times in some team.
    pub room_only: BTreeSet<String>,
}

impl ItemRule {
    /// The rule for these ballots (nothing for named or whole-ballot kinds).
    pub fn of<'a>(
        spec: &ActivitySpec,
        ballots: impl Iterator<Item = &'a CastBallot>,
        split: Split,
    ) -> ItemRule {
        let kind = kind_of(spec.kind);
        if !split.anonymous || !kind.item_by_item() {
            return ItemRule::default();
        }
        let mut room: BTreeMap<String, usize> = BTreeMap::new();
        let mut teams: BTreeMap<(Group, String), usize> = BTreeMap::new();
        for cast in ballots {
            for answer in kind.answers(&cast.ballot) {
                *teams.entry((cast.group, answer.item.clone())).or_default() += 1;
                *room.entry(answer.item).or_default() += 1;
            }
        }
        let hidden: BTreeSet<String> = room
            .iter()
            .filter(|(_, n)| split.too_few(**n))
            .map(|(item, _)| item.clone())
            .collect();
        let room_only = teams
            .iter()
            .filter(|((_, item), n)| split.too_few(**n) && !hidden.contains(item))
            .map(|((_, item), _)| item.clone())
            .collect();
        ItemRule { hidden, room_only }
    }

    fn is_empty(&self) -> bool {
        self.hidden.is_empty() && self.room_only.is_empty()
    }

    /// The ballot as the room's tally may count it.
    pub fn for_room(&self, cast: &CastBallot) -> CastBallot {
        self.without(cast, &self.hidden, None)
    }

    /// The ballot as a team's tally may count it.
    pub fn for_teams(&self, cast: &CastBallot) -> CastBallot {
        self.without(cast, &self.hidden, Some(&self.room_only))
    }

    fn without(
        &self,
        cast: &CastBallot,
        first: &BTreeSet<String>,
        then: Option<&BTreeSet<String>>,
    ) -> CastBallot {
        let mut cast = cast.clone();
        for item in first.iter().chain(then.into_iter().flatten()) {
            cast.ballot.forget(item);
        }
        cast
    }
}
