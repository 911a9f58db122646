//! The one seam between an activity kind and the rest of the code: what a
//! kind does with ballots. Each kind implements [`Kind`] in its own file, and
//! `registry.rs` is the one registry; nothing else matches on which kind it is
//! to check, count, compare, show or export a ballot. How a kind is shown is
//! its [`super::Show`] side, in the same folder.

use super::{kind_of, ActivityKind};
use super::{ActivityView, Ballot, BallotError, CastBallot, Comparison, Results, Tally};
use crate::activity::{ActivitySpec, OptionSpec};
use std::collections::BTreeMap;

/// One answer to one item, as an export lists it: the item, the statement
/// version it answered (agreements), the value and the reason given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Option or item id.
    pub item: String,
    /// The statement version answered, for agreements.
    pub version: Option<u32>,
    /// The value as the wire names it (`3`, `members`, `live_with`).
    pub value: String,
    /// A reason given with it (objections), or empty.
    pub reason: String,
}

impl Answer {
    /// An answer with no version or reason.
    pub fn plain(item: &str, value: impl ToString) -> Answer {
        Answer {
            item: item.to_string(),
            version: None,
            value: value.to_string(),
            reason: String::new(),
        }
    }
}

/// A problem with a script's settings for one activity: the field (after
/// `activity[i].`) and what is wrong.
pub type SettingProblem = (&'static str, crate::language::Sentence);

/// How the room answers an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answers {
    /// With ballots, one per voter (replaced, or added to item by item).
    Ballots,
    /// With ideas, short texts, as many as the activity allows.
    Ideas,
    /// Not at all: the activity is the facilitator's.
    Nothing,
}

/// What the rest of the code asks of an activity kind.
pub trait Kind: super::Show + Sync {
    /// What people call the kind ("Dot vote"), by its catalogue key.
    fn name_key(&self) -> &'static str;

    /// The ballot the kind takes, as error messages describe it.
    fn ballot_shape(&self) -> &'static str;

    /// How the room answers it.
    fn answered_with(&self) -> Answers {
        Answers::Ballots
    }

    /// Whether its results can become a later activity's options (`from`).
    fn can_feed(&self) -> bool {
        false
    }

    /// What the record's "What was decided" calls the order this kind
    /// passes on.
    fn decided_heading(&self) -> &'static str {
        "decided-top-priorities"
    }

    /// Whether its items are statements the facilitator may amend: each
    /// amendment is a new version, and everyone answers it again.
    fn amendable(&self) -> bool {
        false
    }

    /// Problems with this kind's own settings in a script. By default a kind
    /// takes ballots over options, so it needs options or `from` (an earlier
    /// activity's results brought in).
    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        needs_options(spec)
    }

    /// The script settings that are this kind's own (`dots`, `max_choices`,
    /// `x_axis`…), as the agenda editor asks for them.
    fn settings(&self) -> &'static [Setting] {
        &[]
    }

    /// Whether a kind-specific script setting (one of
    /// [`ActivitySpec::KIND_SETTINGS`]) means something for this kind.
    fn uses(&self, setting: &str) -> bool {
        self.settings().iter().any(|s| s.name == setting)
    }

    /// Checks a ballot of this kind's shape against the activity's settings
    /// and returns its normal form. `versions` gives each statement's current
    /// version (agreements).
    fn validate(
        &self,
        spec: &ActivitySpec,
        versions: &BTreeMap<String, u32>,
        ballot: Ballot,
    ) -> Result<Ballot, BallotError> {
        let _ = (versions, ballot);
        Err(wrong_kind(spec))
    }

    /// Counts ballots (everyone, or one team's).
    fn tally(&self, spec: &ActivitySpec, ballots: &mut dyn Iterator<Item = &CastBallot>) -> Tally {
        let _ = (spec, ballots);
        Tally::Notes(super::notes::NotesTally::default())
    }

    /// How the two teams' tallies compare, where the kind has a measure.
    fn compare(
        &self,
        spec: &ActivitySpec,
        cabinet: &Tally,
        management: &Tally,
    ) -> Option<Comparison> {
        let _ = (spec, cabinet, management);
        None
    }

    /// Whether ballots are answered item by item, each new ballot adding to
    /// the last (role map, agreement, rating), rather than replacing it whole.
    fn item_by_item(&self) -> bool {
        false
    }

    /// Folds a later ballot of this kind into an earlier one. Whole ballots
    /// are replaced; kinds answered item by item add the new answers.
    fn merge(&self, earlier: &mut Ballot, later: Ballot) {
        *earlier = later;
    }

    /// Drops the answer to one item from a ballot answered item by item.
    fn forget(&self, ballot: &mut Ballot, item: &str) {
        let _ = (ballot, item);
    }

    /// Whether a ballot answers everything the activity asks; kinds answered
    /// item by item are in progress until every item has an answer.
    fn is_complete(&self, spec: &ActivitySpec, ballot: &Ballot) -> bool {
        let _ = (spec, ballot);
        true
    }

    /// The options this activity passes on to a later one (`from`), best
    /// first, in the order and wording the room left them.
    fn carried(&self, view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        let _ = (view, results);
        Vec::new()
    }

    /// The answers a ballot gives, one per item, for exports.
    fn answers(&self, ballot: &Ballot) -> Vec<Answer> {
        let _ = ballot;
        Vec::new()
    }
}

impl ActivityKind {
    /// What people call it in English (the kind says).
    pub fn label(self) -> String {
        self.name(crate::language::Language::English)
    }

    /// What readers of `language` call it.
    pub fn name(self, language: crate::language::Language) -> String {
        crate::language::text(language, kind_of(self).name_key())
    }

    /// The ballot shape the kind takes, for error messages (the kind says).
    pub fn ballot_shape(self) -> &'static str {
        kind_of(self).ballot_shape()
    }

    /// Whether participants cast ballots in it.
    pub fn takes_ballots(self) -> bool {
        kind_of(self).answered_with() == Answers::Ballots
    }

    /// Whether its results can become options of a later activity.
    pub fn can_feed(self) -> bool {
        kind_of(self).can_feed()
    }
}

/// What every kind's tally says: how many ballots (or idea authors) it counts.
pub trait Counted {
    /// The ballots counted; 0 for a kind the room does not answer.
    fn ballots(&self) -> usize;
}

/// Implements [`Counted`] for tallies that keep the count in a `ballots` field.
macro_rules! counted_by_field {
    ($($tally:ty),*) => {
        $(impl $crate::activity::kind::Counted for $tally {
            fn ballots(&self) -> usize {
                self.ballots
            }
        })*
    };
}
pub(crate) use counted_by_field;

/// The three methods of a kind answered item by item, whose ballot variant
/// is a map from item to answer: each new ballot adds to the last, and an
/// item's answer can be dropped. Written inside the kind's `impl Kind`.
macro_rules! answered_item_by_item {
    ($variant:ident) => {
        fn item_by_item(&self) -> bool {
            true
        }

        fn merge(&self, earlier: &mut Ballot, later: Ballot) {
            if let (Ballot::$variant(old), Ballot::$variant(new)) = (earlier, later) {
                old.extend(new);
            }
        }

        fn forget(&self, ballot: &mut Ballot, item: &str) {
            if let Ballot::$variant(answers) = ballot {
                answers.remove(item);
            }
        }
    };
}
pub(crate) use answered_item_by_item;

/// Each item's answers in a set of ballots (every item of the script
/// present, in no answer's order), and how many ballots there were:
/// `answers` picks a ballot's map of item to answer, if it is of the kind.
pub(crate) fn answers_per_item<'s, 'b, T: Copy + 'b>(
    spec: &'s ActivitySpec,
    ballots: impl Iterator<Item = &'b CastBallot>,
    answers: impl Fn(&'b Ballot) -> Option<&'b std::collections::BTreeMap<String, T>>,
) -> (usize, std::collections::BTreeMap<&'s str, Vec<T>>) {
    let mut per_item: std::collections::BTreeMap<&str, Vec<T>> = spec
        .options
        .iter()
        .map(|o| (o.id.as_str(), Vec::new()))
        .collect();
    let mut count = 0;
    for cast in ballots {
        let Some(map) = answers(&cast.ballot) else {
            continue;
        };
        count += 1;
        for (item, answer) in map {
            if let Some(list) = per_item.get_mut(item.as_str()) {
                list.push(*answer);
            }
        }
    }
    (count, per_item)
}

/// One of a kind's own settings, as the agenda editor shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    /// Its name in a script (`max_choices`).
    pub name: &'static str,
    /// What the editor calls it, by its catalogue key
    /// (`setting-max-choices`: "Most options each person may choose").
    pub label: &'static str,
    /// A whole number (`true`) or a line of text.
    pub number: bool,
    /// How the activity's question quotes the setting, the words before and
    /// after its value ("up to ", " on"), so the editor can change the
    /// question with it ("Spread your 5 dots" becoming "Spread your 7 dots").
    pub phrase: Option<(&'static str, &'static str)>,
    /// The same words in a Welsh question ("5 dot"), for its Welsh twin.
    pub phrase_cy: Option<(&'static str, &'static str)>,
}

impl Setting {
    /// A whole-number setting.
    pub const fn number(name: &'static str, label: &'static str) -> Setting {
        Setting {
            name,
            label,
            number: true,
            phrase: None,
            phrase_cy: None,
        }
    }

    /// The same, quoted in the question with these words around its value.
    pub const fn quoted(self, before: &'static str, after: &'static str) -> Setting {
        Setting {
            phrase: Some((before, after)),
            ..self
        }
    }

    /// The words around its value in a Welsh question.
    pub const fn in_welsh(self, before: &'static str, after: &'static str) -> Setting {
        Setting {
            phrase_cy: Some((before, after)),
            ..self
        }
    }

    /// A one-line text setting.
    pub const fn text(name: &'static str, label: &'static str) -> Setting {
        Setting {
            name,
            label,
            number: false,
            phrase: None,
            phrase_cy: None,
        }
    }
}

/// The refusal of a ballot shaped for another kind.
pub(crate) fn wrong_kind(spec: &ActivitySpec) -> BallotError {
    BallotError::WrongBallotKind {
        expected: spec.kind.ballot_shape(),
    }
}

/// A ballot kind's options come from the script or from an earlier activity.
pub(crate) fn needs_options(spec: &ActivitySpec) -> Vec<SettingProblem> {
    if spec.options.is_empty() && spec.from.is_none() {
        let why = crate::language::Sentence::new("check-needs-options")
            .naming("kind", kind_of(spec.kind).name_key());
        return vec![("option", why)];
    }
    Vec::new()
}

/// Ideas and notes take no options.
pub(crate) fn takes_no_options(spec: &ActivitySpec) -> Vec<SettingProblem> {
    if !spec.options.is_empty() || spec.from.is_some() {
        let why = crate::language::Sentence::new("check-takes-no-options")
            .naming("kind", kind_of(spec.kind).name_key());
        return vec![("option", why)];
    }
    Vec::new()
}

/// Every option or item of the activity has an answer in `answered`.
pub(crate) fn answers_every_item(spec: &ActivitySpec, answered: impl Fn(&str) -> bool) -> bool {
    spec.options.iter().all(|o| answered(&o.id))
}

/// A figure to two decimals, as the API and the exports give means.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// An option named for people: its label, cut to a readable length.
pub(crate) fn named(spec: &ActivitySpec, id: &str) -> String {
    let label = spec.option(id).map_or(id, |o| o.label.as_str());
    if label.chars().count() <= 60 {
        return label.to_string();
    }
    let cut: String = label.chars().take(59).collect();
    format!("{cut}…")
}

/// A value's name on the wire (`members`, `live_with`).
pub(crate) fn wire_name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The script's options with their scores in `totals` (0 where none), highest
/// first; ties keep script order. Dots and rank both order their options so.
pub(crate) fn ranked_by<'a>(
    spec: &'a ActivitySpec,
    totals: &BTreeMap<String, u64>,
) -> Vec<(&'a str, u64)> {
    let mut rows: Vec<(&str, u64)> = spec
        .options
        .iter()
        .map(|o| (o.id.as_str(), totals.get(&o.id).copied().unwrap_or(0)))
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    rows
}

/// Options in the order of `scores`, best first. With `drop_unsupported`,
/// options scoring 0 are left out when any option scored more (dots: an option
/// nobody chose is not a priority; a rank keeps them all, since last place
/// earns 0 points yet was still ranked).
pub(crate) fn carried_by_score(
    spec: &ActivitySpec,
    scores: Vec<(&str, u64)>,
    drop_unsupported: bool,
) -> Vec<OptionSpec> {
    let any = scores.iter().any(|(_, s)| *s > 0);
    scores
        .into_iter()
        .filter(|(_, s)| !(drop_unsupported && any) || *s > 0)
        .filter_map(|(id, _)| {
            // The label as the script wrote it, Welsh and all.
            spec.option(id).map(|o| OptionSpec {
                label: o.label.clone(),
                ..OptionSpec::new(&o.id, "")
            })
        })
        .collect()
}
