//! `votes.csv`: what was answered, to which wording, RFC 4180, opening cleanly in Excel.
//!
//! Named activities give one row per answer: the voter's final ballot, and
//! for agreement statements their last answer to each version, with that
//! version's wording, so an objection to the first wording and an agreement
//! to the amended one are two rows. Anonymous activities give only counts
//! (how many ballots gave each answer), for the whole room and, where the
//! results show the teams apart, per team: never a row per ballot, a
//! pseudonym or a time.

use super::Source;
use crate::activity::{kind_of, Ballot, CastBallot, GroupResult, ItemRule, Split};
use crate::session::{ActivityState, Event, ParticipantId};
use crate::workshop::{ActivityKind, Group};
use std::collections::{BTreeMap, HashMap};

const HEADER: [&str; 14] = [
    "activity",
    "activity_title",
    "kind",
    "item",
    "item_label",
    "version",
    "wording",
    "value",
    "reason",
    "group",
    "voter",
    "anonymous",
    "count",
    "time",
];

/// One answer to one item: its value and the reason given with it.
type Answer = (String, String);
/// Who answered which item, and which version of it.
type AnswerKey = (ParticipantId, String, Option<u32>);
/// An item, its version and an answer value: what anonymous counts are kept by.
type CountKey = (String, Option<u32>, String);

/// The CSV text, starting with a UTF-8 byte order mark so Excel reads it as UTF-8.
pub fn votes_csv(source: &Source) -> String {
    let mut rows = Rows {
        rows: Vec::new(),
        room: source.state.info.language,
    };
    for activity in &source.state.activities {
        if !activity.spec.kind.takes_ballots() {
            continue;
        }
        if activity.spec.anonymous {
            anonymous_rows(source, activity, &mut rows);
        } else {
            named_rows(source, activity, &mut rows);
        }
    }
    let mut out = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let _ = out.write_record(HEADER);
    for row in rows.rows {
        let _ = out.write_record(row.iter().map(|c| neutral(c)));
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The rows, and the session's language, which the wording columns are in
/// (both, Welsh first, in a bilingual session); the column names stay English.
struct Rows {
    rows: Vec<[String; 14]>,
    room: crate::language::SessionLanguage,
}

/// Where a row's answer sits: the activity, the item and the version.
struct Place<'a> {
    activity: &'a ActivityState,
    item: &'a str,
    version: Option<u32>,
}

impl Rows {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        at: &Place,
        answer: Answer,
        group: &str,
        voter: String,
        count: usize,
        time: String,
    ) {
        let spec = &at.activity.spec;
        let label = spec
            .option(at.item)
            .map_or_else(|| at.item.to_string(), |o| o.label.for_room(self.room));
        let wording = at
            .version
            .and_then(|v| at.activity.own.wording(at.item, v))
            .map_or_else(|| label.clone(), |text| text.for_room(self.room));
        self.rows.push([
            spec.id.clone(),
            spec.title.for_room(self.room),
            spec.kind.as_str().to_string(),
            at.item.to_string(),
            label,
            at.version.map(|v| v.to_string()).unwrap_or_default(),
            wording,
            answer.0,
            answer.1,
            group.to_string(),
            voter,
            spec.anonymous.to_string(),
            count.to_string(),
            time,
        ]);
    }
}

/// Each voter's answers: the final ballot, and for agreements the last answer
/// to every version of every statement, in the order they were first given.
fn named_rows(source: &Source, activity: &ActivityState, rows: &mut Rows) {
    let spec = &activity.spec;
    let counted = |voter: &ParticipantId| activity.counts(&source.state, voter);
    // (voter, item, version) -> (answer, group, time), last answer wins.
    let mut answers: Vec<(AnswerKey, (Answer, Group, jiff::Timestamp))> = Vec::new();
    let mut index: HashMap<AnswerKey, usize> = HashMap::new();
    for r in &source.records {
        let Event::BallotCast {
            activity: a,
            voter,
            group,
            ballot,
        } = &r.event
        else {
            continue;
        };
        if a != &spec.id || !counted(voter) {
            continue;
        }
        for (item, version, answer) in items_of(spec.kind, ballot) {
            let key = (*voter, item, version);
            let team = group.or_else(|| source.state.participant(voter).map(|p| p.group));
            let value = (answer, team.unwrap_or(Group::Observer), r.at);
            match index.get(&key) {
                Some(&i) => answers[i].1 = value,
                None => {
                    index.insert(key.clone(), answers.len());
                    answers.push((key, value));
                }
            }
        }
    }
    // Dots and rank ballots replace each other whole: keep only what the
    // final ballot says. Item-by-item kinds keep every item answered.
    let whole = !kind_of(spec.kind).item_by_item();
    for ((voter, item, version), (answer, group, time)) in answers {
        if whole {
            let Some(final_ballot) = activity.ballots.get(&voter) else {
                continue;
            };
            if !items_of(spec.kind, &final_ballot.ballot)
                .iter()
                .any(|(i, _, a)| *i == item && *a == answer)
            {
                continue;
            }
        }
        let place = Place {
            activity,
            item: &item,
            version,
        };
        let voter = source.voter_label(false, &voter);
        rows.push(&place, answer, group.as_str(), voter, 1, time.to_string());
    }
}

/// Counts of each answer per item (and per version of a statement), for the
/// whole room and for each team where the results show the teams apart.
fn anonymous_rows(source: &Source, activity: &ActivityState, rows: &mut Rows) {
    let results = activity.results(&source.state);
    if results.withheld || results.too_few {
        return; // still open, or too few ballots: nothing is counted for anyone to see
    }
    let teams_shown = matches!(results.cabinet, GroupResult::Shown(_))
        && matches!(results.management, GroupResult::Shown(_));
    let mut groups = vec![("all", None)];
    if teams_shown {
        groups.push(("cabinet", Some(Group::Cabinet)));
        groups.push(("management", Some(Group::Management)));
    }
    // The ballots that count, each without the items too few answered (in
    // the room, or for a team's rows in a team): the same rule as the results.
    let split = Split {
        anonymous: true,
        min_group_size: source.state.workshop().min_group_size,
    };
    let counted: Vec<&CastBallot> = activity.counted_ballots(&source.state).collect();
    let rule = ItemRule::of(&activity.spec, counted.iter().copied(), split);
    for (name, group) in groups {
        let mut counts: BTreeMap<CountKey, (usize, Vec<String>)> = BTreeMap::new();
        let ballots = counted
            .iter()
            .filter(|b| group.is_none_or(|g| b.group == g))
            .map(|b| match group {
                None => rule.for_room(b),
                Some(_) => rule.for_teams(b),
            });
        for cast in ballots {
            for (item, version, (value, reason)) in items_of(activity.spec.kind, &cast.ballot) {
                let entry = counts.entry((item, version, value)).or_default();
                entry.0 += 1;
                if !reason.is_empty() {
                    entry.1.push(reason);
                }
            }
        }
        for ((item, version, value), (count, mut reasons)) in counts {
            // Sorted, so the order of reasons says nothing about who gave them.
            reasons.sort();
            let place = Place {
                activity,
                item: &item,
                version,
            };
            let answer = (value, reasons.join("\n"));
            rows.push(&place, answer, name, String::new(), count, String::new());
        }
        superseded_versions(activity, name, group, rows);
    }
}

/// The counts each earlier wording of an anonymous activity's items had
/// when it was reworded (answers to it were cleared from the ballots then),
/// as the kind keeps them.
fn superseded_versions(
    activity: &ActivityState,
    name: &str,
    group: Option<Group>,
    rows: &mut Rows,
) {
    for earlier in activity.own.earlier_answers(group) {
        let place = Place {
            activity,
            item: &earlier.item,
            version: Some(earlier.version),
        };
        let answer = (earlier.value.to_string(), earlier.reasons);
        rows.push(
            &place,
            answer,
            name,
            String::new(),
            earlier.count,
            String::new(),
        );
    }
}

/// The items a ballot answers: (item, statement version, (value, reason)),
/// as its kind lists them.
fn items_of(kind: ActivityKind, ballot: &Ballot) -> Vec<(String, Option<u32>, Answer)> {
    kind_of(kind)
        .answers(ballot)
        .into_iter()
        .map(|a| (a.item, a.version, (a.value, a.reason)))
        .collect()
}

/// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return) gets a leading apostrophe; the csv crate does
/// the RFC 4180 quoting.
fn neutral(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::neutral;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutral("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutral("+44 1234"), "'+44 1234");
        assert_eq!(neutral("-1"), "'-1");
        assert_eq!(neutral("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutral("plain"), "plain");
    }
}
