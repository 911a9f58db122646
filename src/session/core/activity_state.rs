//! One activity's live state: status, ballots, what its kind keeps of its own, timer.

use super::shared_map::SharedMap;
use super::{ParticipantId, SessionState};
use crate::activity::kind::Answers;
use crate::activity::own::{Applying, KindEvent, KindState, Then};
use crate::activity::{kind_of, ActivityView, CastBallot, Results, Split};
use crate::workshop::{ActivitySpec, Group, OptionSpec};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::SystemTime;

/// Whether voting is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Not opened yet.
    Pending,
    /// Taking ballots.
    Open,
    /// Ballots kept, no more taken (can be reopened).
    Closed,
}

impl ActivityStatus {
    /// Stable identifier used in JSON and pages.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Pending => "pending",
            ActivityStatus::Open => "open",
            ActivityStatus::Closed => "closed",
        }
    }
}

/// A countdown the facilitator starts and pauses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Timer {
    /// Seconds left when it was last started or paused.
    pub seconds_left: u32,
    /// When it was started, while it runs.
    pub running_since: Option<jiff::Timestamp>,
}

impl Timer {
    /// Seconds left at `now`.
    pub fn left_at(&self, now: SystemTime) -> u32 {
        let Some(ends) = self.ends_at() else {
            return self.seconds_left;
        };
        let left = ends.as_millisecond() - crate::time::from_system(now).as_millisecond();
        let left = left.clamp(0, i64::from(self.seconds_left) * 1000);
        // Whole seconds, rounded up: a countdown shows 0 only when time is up.
        u32::try_from((left + 999) / 1000).unwrap_or(0)
    }

    /// When it reaches zero, if running.
    pub fn ends_at(&self) -> Option<jiff::Timestamp> {
        let since = self.running_since?;
        since
            .checked_add(jiff::SignedDuration::from_secs(i64::from(
                self.seconds_left,
            )))
            .ok()
    }
}

/// How one team stands on an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Turnout {
    /// The team.
    pub group: crate::workshop::Group,
    /// Ballots that answer everything (ideas: people who offered one).
    pub voted: usize,
    /// Ballots that answer some items only.
    pub in_progress: usize,
    /// Admitted members of the team still in the room.
    pub eligible: usize,
    /// An anonymous activity's team too small to be shown apart: its counts
    /// are left at 0, since a team of one or two that has "voted" would say
    /// whose answer just arrived.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// One activity's live state.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityState {
    /// The script's settings; options may be filled in when it opens.
    pub spec: Arc<ActivitySpec>,
    /// Open, closed, pending.
    pub status: ActivityStatus,
    /// Whether results are shown to the room.
    pub revealed: bool,
    /// The page of revealed results the projector shows, from 1.
    pub page: u32,
    /// The latest ballot of each voter (a pseudonym in anonymous activities).
    pub ballots: SharedMap<ParticipantId, CastBallot>,
    /// What the kind keeps of its own (ideas offered, statements' versions).
    pub own: KindState,
    /// The countdown.
    pub timer: Timer,
    /// An anonymous activity closed: the voters (pseudonyms, or ideas'
    /// authors) counted as it closed. While it stays closed its count is
    /// exactly these, whoever is let in, held or removed meanwhile: a count
    /// that moved with each admission would show that person's answer.
    pub counted_at_close: Option<Arc<BTreeSet<ParticipantId>>>,
    /// Its results could be seen when it closed (enough ballots, or any
    /// idea): it can never reopen or change, so no two tallies of it ever
    /// differ by one person's answer.
    pub sealed: bool,
}

impl ActivityState {
    /// A pending activity.
    pub fn new(spec: Arc<ActivitySpec>) -> ActivityState {
        let timer = Timer {
            seconds_left: spec.minutes.unwrap_or(0) * 60,
            running_since: None,
        };
        ActivityState {
            own: KindState::start(&spec),
            spec,
            status: ActivityStatus::Pending,
            revealed: false,
            page: 1,
            ballots: SharedMap::default(),
            timer,
            counted_at_close: None,
            sealed: false,
        }
    }

    /// Each item's current version, where the kind rewords items (statements).
    pub fn versions(&self) -> BTreeMap<String, u32> {
        self.own.versions()
    }

    /// What the kind's views read of this activity.
    pub fn view<'a>(&'a self, state: &'a SessionState) -> ActivityView<'a> {
        let voters = state
            .participants
            .iter()
            .filter(|p| p.group.votes() && p.admitted && p.present())
            .count();
        ActivityView {
            spec: &self.spec,
            own: &self.own,
            voters,
            closed: self.status == ActivityStatus::Closed,
            teams: &state.info.workshop.groups,
            sealed_box: self.spec.anonymous && self.status == ActivityStatus::Open,
            min_group_size: state.workshop().min_group_size,
            language: crate::language::Language::English,
            bilingual: false,
        }
    }

    /// Results for everyone and by group. Named ballots of removed participants
    /// do not count; anonymous ones cannot be told apart and still do.
    pub fn results(&self, state: &SessionState) -> Results {
        if self.spec.anonymous
            && self.answered_with() != Answers::Nothing
            && self.status == ActivityStatus::Open
        {
            let split = Split {
                anonymous: true,
                min_group_size: state.workshop().min_group_size,
            };
            return Results::withheld(&self.spec, split);
        }
        self.counted_results(state)
    }

    /// The results as counted, even of an anonymous vote still open: for
    /// carrying options on (which happens as it closes), never for showing.
    pub fn counted_results(&self, state: &SessionState) -> Results {
        let split = Split {
            anonymous: self.spec.anonymous,
            min_group_size: state.workshop().min_group_size,
        };
        match kind_of(self.spec.kind).answered_with() {
            Answers::Ideas => self
                .own
                .results(&self.spec, split)
                .unwrap_or_else(|| Results::withheld(&self.spec, split)),
            // The facilitator's: what they wrote while it was on.
            Answers::Nothing => {
                let notes = state
                    .notes
                    .iter()
                    .filter(|n| n.activity.as_deref() == Some(&self.spec.id));
                Results::of_notes(notes.cloned().collect())
            }
            Answers::Ballots => {
                // Gathered once: the tallies go over them three times (the
                // room and each team), and whether each counts is looked up.
                let counted: Vec<&CastBallot> = self.counted_ballots(state).collect();
                Results::of(&self.spec, counted.iter().copied(), split)
            }
        }
    }

    /// Whether the ballots (or ideas) filed under `voter` count: once an
    /// anonymous activity has closed, exactly those counted as it closed;
    /// otherwise those of people admitted and still in the room (an
    /// anonymous voter traced through the session's secret).
    pub fn counts(&self, state: &SessionState, voter: &ParticipantId) -> bool {
        match &self.counted_at_close {
            Some(counted) => counted.contains(voter),
            // A named ballot's key is the participant: no pseudonym to trace.
            None if !self.spec.anonymous => state
                .participant(voter)
                .is_none_or(|p| p.present() && p.admitted),
            None => state.counts_voter(voter),
        }
    }

    /// The ballots that count, in no meaningful order (keyed by voter).
    pub fn counted_ballots<'a>(
        &'a self,
        state: &'a SessionState,
    ) -> impl Iterator<Item = &'a CastBallot> + Clone + 'a {
        self.ballots
            .iter()
            .filter(move |(voter, _)| self.counts(state, voter))
            .map(|(_, b)| b)
    }

    /// Whose ballots count, by name in alphabetical order (who, never how,
    /// and no order of answering), each with whether they are someone the
    /// series' roster does not list: what an anonymous result says it counted.
    pub fn counted_names(&self, state: &SessionState) -> Vec<(String, bool)> {
        let mut names: Vec<(String, bool)> = self
            .ballots
            .iter()
            .filter(|(voter, _)| self.counts(state, voter))
            .filter_map(|(voter, _)| state.owner_of(voter))
            .map(|p| {
                (
                    p.name.clone(),
                    p.person.is_none() && !state.roster.is_empty(),
                )
            })
            .collect();
        names.sort();
        names
    }

    /// Whether an anonymous activity may still take answers: not once its
    /// results could be seen (see [`ActivityState::sealed`]).
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// How the room answers this activity (its kind says).
    fn answered_with(&self) -> Answers {
        kind_of(self.spec.kind).answered_with()
    }

    /// Whether a ballot answers everything the activity asks. Role maps,
    /// agreements and ratings may be answered an item at a time; until every
    /// item has an answer (to a statement's current wording) the ballot is in
    /// progress, not a vote.
    pub fn is_complete(&self, cast: &CastBallot) -> bool {
        crate::activity::kind_of(self.spec.kind).is_complete(&self.spec, &cast.ballot)
    }

    /// Who has voted, per voting team: complete ballots, ballots in progress,
    /// and the admitted voters who could vote. Ballots that do not count
    /// (people removed or held) are left out. In an anonymous activity a team
    /// smaller than the smallest group shown is `hidden`.
    pub fn turnout(&self, state: &SessionState) -> Vec<Turnout> {
        let min = state.workshop().min_group_size as usize;
        let mut rows = self.counted_turnout(state);
        // Each idea is an answer of its own: a team's count rising as one
        // appears would give that idea's team, whatever the team's size.
        let ideas = self.answered_with() == Answers::Ideas;
        for row in rows
            .iter_mut()
            .filter(|t| self.spec.anonymous && (ideas || t.eligible < min))
        {
            row.voted = 0;
            row.in_progress = 0;
            row.hidden = true;
        }
        rows
    }

    /// The whole room's turnout: (voted, in progress, could vote).
    pub fn room_turnout(&self, state: &SessionState) -> (usize, usize, usize) {
        self.counted_turnout(state)
            .iter()
            .fold((0, 0, 0), |(v, p, e), t| {
                (v + t.voted, p + t.in_progress, e + t.eligible)
            })
    }

    fn counted_turnout(&self, state: &SessionState) -> Vec<Turnout> {
        state
            .workshop()
            .groups
            .iter()
            .filter(|g| g.votes())
            .map(|&group| {
                let eligible = state
                    .participants
                    .iter()
                    .filter(|p| p.group == group && p.admitted && p.present())
                    .count();
                let (mut voted, mut in_progress) = (0, 0);
                if self.answered_with() == Answers::Ideas {
                    let authors: std::collections::BTreeSet<_> = self
                        .own
                        .entries()
                        .into_iter()
                        .filter(|e| e.group == group)
                        .map(|e| e.author)
                        .collect();
                    voted = authors.len();
                } else {
                    let counted = self
                        .ballots
                        .iter()
                        .filter(|(voter, b)| b.group == group && self.counts(state, voter));
                    for (_, b) in counted {
                        if self.is_complete(b) {
                            voted += 1;
                        } else {
                            in_progress += 1;
                        }
                    }
                }
                Turnout {
                    group,
                    voted,
                    in_progress,
                    eligible,
                    hidden: false,
                }
            })
            .collect()
    }

    /// The admitted voters in the room who have not yet answered everything
    /// (ideas: offered none), in the order they joined. In an anonymous
    /// activity this says who, never how: a ballot is found through the
    /// voter's pseudonym, which only the session can work out.
    pub fn waiting(&self, state: &SessionState) -> Vec<ParticipantId> {
        let answers = self.answered_with();
        if answers == Answers::Nothing {
            return Vec::new();
        }
        // Who has offered an anonymous idea is not said: ideas are few and
        // short, and a name leaving the list as the count of ideas grows is
        // the first step to telling whose each one is.
        if self.spec.anonymous && answers == Answers::Ideas {
            return Vec::new();
        }
        let entries = self.own.entries();
        let done = |key: &ParticipantId| {
            if answers == Answers::Ideas {
                entries.iter().any(|e| e.author == *key)
            } else {
                self.ballots.get(key).is_some_and(|b| self.is_complete(b))
            }
        };
        state
            .participants
            .iter()
            .filter(|p| p.admitted && p.present() && p.group.votes())
            .filter(|p| {
                state
                    .voter_key(self.spec.anonymous, p.id)
                    .is_none_or(|key| !done(&key))
            })
            .map(|p| p.id)
            .collect()
    }

    /// A voter's latest ballot, merged with the earlier ones where the kind answers item by item.
    pub(crate) fn cast(&mut self, voter: ParticipantId, cast: CastBallot) {
        match self.ballots.get_mut(&voter) {
            Some(existing) => {
                existing.group = cast.group;
                existing.ballot.merge(cast.ballot);
            }
            None => {
                self.ballots.insert(voter, cast);
            }
        }
    }

    /// Replaces the options (carried in when the activity opens).
    pub(crate) fn set_options(&mut self, options: Vec<OptionSpec>) {
        Arc::make_mut(&mut self.spec).options = options;
        self.own.options_set(&self.spec);
    }

    /// Applies a kind's own event: the kind changes what it keeps, and
    /// every ballot drops its answer to an item the kind reworded. `team`
    /// is the author's, `counted` whose ballots count now.
    pub(crate) fn apply_own(
        &mut self,
        event: &KindEvent,
        team: Option<Group>,
        counted: &BTreeSet<ParticipantId>,
        min_group_size: u32,
    ) {
        let split = Split {
            anonymous: self.spec.anonymous,
            min_group_size,
        };
        let ballots: Vec<&CastBallot> = self
            .ballots
            .iter()
            .filter(|(voter, _)| counted.contains(voter))
            .map(|(_, b)| b)
            .collect();
        let applying = Applying {
            spec: &self.spec,
            split,
            team,
            counted: &ballots,
        };
        if let Then::ForgetAnswers(item) = self.own.apply(applying, event) {
            for cast in self.ballots.values_mut() {
                cast.ballot.forget(&item);
            }
        }
    }
}
