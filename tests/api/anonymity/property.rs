//! Property: over random anonymous sessions (teams of 1 to 8, partial
//! ballots, amendments, reopen attempts, reruns, removals, invitations that
//! hold an earlier claimant and admissions that let them back), no two moments any
//! surface showed differ by one person's answer, and no count shown rests on
//! fewer than `min_group_size` answers.
//!
//! The surface is the session as the state API gives it (`session_json`),
//! which every page, export and the transcript download is drawn from.

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use topteam::activity::agreement::{AmendCommand, Response, Stance};
use topteam::activity::Ballot;
use topteam::render::session_json;
use topteam::series::Person;
use topteam::session::{
    execute, Actor, Claim, Command, Context, JoinRequest, Pseudonyms, SessionInfo, SessionState,
};
use topteam::workshop::{Group, Workshop};
use uuid::Uuid;

const SCRIPT: &str = r#"
id = "anon"
title = "Anonymous property workshop"
groups = ["cabinet", "management"]
min_group_size = 3
[[activity]]
id = "rating"
kind = "rating"
title = "Rate"
anonymous = true
[[activity.item]]
id = "x"
label = "X"
[[activity.item]]
id = "y"
label = "Y"
[[activity.item]]
id = "z"
label = "Z"
[[activity]]
id = "statements"
kind = "agreement"
title = "Agree"
anonymous = true
[[activity.item]]
id = "s"
label = "S"
[[activity.item]]
id = "t"
label = "T"
"#;

const ACTIVITIES: [&str; 2] = ["rating", "statements"];
const MIN: u64 = 3;

#[derive(Debug, Clone)]
enum Step {
    Vote { who: u8, items: u8, value: u8 },
    Open(u8),
    Close(u8),
    Remove(u8),
    Amend(u8),
    Rerun(u8),
    Invite(u8),
    Admit(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (any::<u8>(), 1u8..8, any::<u8>()).prop_map(|(who, items, value)| Step::Vote { who, items, value }),
        2 => any::<u8>().prop_map(Step::Open),
        2 => any::<u8>().prop_map(Step::Close),
        1 => any::<u8>().prop_map(Step::Remove),
        1 => any::<u8>().prop_map(Step::Amend),
        1 => any::<u8>().prop_map(Step::Rerun),
        3 => any::<u8>().prop_map(Step::Invite),
        4 => any::<u8>().prop_map(Step::Admit),
    ]
}

fn info() -> SessionInfo {
    SessionInfo {
        id: Uuid::from_u128(1),
        code: "ANONYM".into(),
        title: "t".into(),
        series: Uuid::from_u128(2),
        created_at: "2026-12-04T10:00:00Z".parse().expect("a time"),
        workshop: Workshop::from_toml(SCRIPT).unwrap(),
        language: Default::default(),
    }
}

/// A partial ballot: `items` picks which items (bits), `value` the answers.
fn ballot(activity: &str, items: u8, value: u8) -> Ballot {
    let pick = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .enumerate()
            .filter(|(i, _)| items & (1 << i) != 0)
            .map(|(_, id)| id.to_string())
            .collect()
    };
    if activity.starts_with("rating") {
        let scores = pick(&["x", "y", "z"])
            .into_iter()
            .map(|id| (id, i64::from(value % 5) + 1))
            .collect();
        return Ballot::Scores(scores);
    }
    let stance = [Stance::Agree, Stance::LiveWith, Stance::Object][usize::from(value % 3)];
    let responses = pick(&["s", "t"])
        .into_iter()
        .map(|id| {
            let reason = (stance == Stance::Object).then(|| format!("reason {value}"));
            let response = Response {
                response: stance,
                reason,
                version: None,
            };
            (id, response)
        })
        .collect::<BTreeMap<_, _>>();
    Ballot::Responses(responses)
}

/// Every count a surface shows of an answer: each item's n per team.
fn counts(results: &Value) -> Vec<u64> {
    let mut out = Vec::new();
    for team in ["all", "cabinet", "management"] {
        let Some(items) = results[team]["items"].as_object() else {
            continue;
        };
        for item in items.values() {
            match item.get("n") {
                Some(n) => out.push(n.as_u64().unwrap_or(0)),
                None => out.push(
                    ["agree", "live_with", "object"]
                        .iter()
                        .map(|k| item[*k].as_u64().unwrap_or(0))
                        .sum(),
                ),
            }
        }
    }
    out
}

/// What the facilitator can see of each anonymous activity at one moment:
/// its results (when counted) and its superseded versions' tallies.
fn seen(state: &SessionState) -> Vec<(String, Value, Vec<Value>)> {
    let json = session_json(state, topteam::language::Language::English);
    json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let versions: Vec<Value> = a["statements"]
                .as_object()
                .map(|s| {
                    s.values()
                        .flat_map(|st| st["versions"].as_array().cloned().unwrap_or_default())
                        .filter_map(|v| v.get("tally").cloned())
                        .collect()
                })
                .unwrap_or_default();
            let id = a["id"].as_str().unwrap().to_string();
            (id, a["results"].clone(), versions)
        })
        .collect()
}

fn run(teams: (u8, u8), steps: &[Step]) {
    let secret = Pseudonyms::new(topteam::secrets::SessionSecret::new(
        topteam::secrets::PseudonymScheme::HmacSha256,
        [9; 32],
    ));
    let mut state = SessionState::new(info(), 8).with_pseudonyms(secret.clone());
    let ctx = Context::new(std::time::SystemTime::UNIX_EPOCH, secret);
    let mut at = 0;
    let mut go = |state: &mut SessionState, actor: Actor, command: Command| {
        at += 1;
        let when = jiff::Timestamp::from_second(at).expect("a time");
        let _ = execute(state, &ctx, when, actor, None, command);
    };
    let roster: Vec<Person> = (0..teams.0)
        .map(|_| Group::Cabinet)
        .chain((0..teams.1).map(|_| Group::Management))
        .enumerate()
        .map(|(i, group)| Person {
            id: Uuid::from_u128(10_000 + i as u128),
            name: format!("Person {i}"),
            group,
            job_title: None,
        })
        .collect();
    go(
        &mut state,
        Actor::Facilitator,
        Command::SetRoster(roster.clone()),
    );
    // Everyone claims their own name from the list (nobody checks it).
    let people: Vec<(Uuid, Group)> = roster
        .iter()
        .enumerate()
        .map(|(i, p)| (Uuid::from_u128(100 + i as u128), p.group))
        .collect();
    for (n, ((id, _), person)) in people.iter().zip(&roster).enumerate() {
        let join = JoinRequest {
            participant: *id,
            who: Claim::Person(person.id),
            token_hash: format!("h{n}"),
        };
        go(&mut state, Actor::Participant(*id), Command::Join(join));
    }
    let mut joined = people.len();
    // Each activity's counted results, the first time they were shown.
    let mut first_shown: BTreeMap<String, Value> = BTreeMap::new();
    for step in steps {
        let open = state
            .activities
            .iter()
            .find(|a| a.status == topteam::session::ActivityStatus::Open)
            .map(|a| a.spec.id.clone());
        let any = |i: u8| {
            let ids: Vec<String> = state.activities.iter().map(|a| a.spec.id.clone()).collect();
            ids[usize::from(i) % ids.len()].clone()
        };
        let (actor, command) = match step {
            Step::Vote { who, items, value } => {
                let Some(activity) = open else { continue };
                let everyone = &state.participants;
                let id = everyone[usize::from(*who) % everyone.len()].id;
                let ballot = ballot(&activity, *items, *value);
                (Actor::Participant(id), Command::Vote { activity, ballot })
            }
            Step::Open(i) => (Actor::Facilitator, Command::Open { activity: any(*i) }),
            Step::Close(i) => (Actor::Facilitator, Command::Close { activity: any(*i) }),
            Step::Rerun(i) => (Actor::Facilitator, Command::Rerun { activity: any(*i) }),
            Step::Remove(i) => {
                let (id, _) = people[usize::from(*i) % people.len()];
                (Actor::Facilitator, Command::Remove { participant: id })
            }
            // Someone arrives with a roster person's invitation: whoever
            // claimed that person is held, their answers set aside.
            Step::Invite(i) => {
                let person = &roster[usize::from(*i) % roster.len()];
                joined += 1;
                let participant = Uuid::from_u128(100_000 + joined as u128);
                let join = JoinRequest {
                    participant,
                    who: Claim::Invited(person.id),
                    token_hash: format!("i{joined}"),
                };
                (Actor::Participant(participant), Command::Join(join))
            }
            Step::Admit(i) => {
                let everyone = &state.participants;
                let participant = everyone[usize::from(*i) % everyone.len()].id;
                (
                    Actor::Facilitator,
                    Command::Admit {
                        participant,
                        person: None,
                    },
                )
            }
            Step::Amend(i) => {
                let activity = ACTIVITIES[1].to_string();
                let item = ["s", "t"][usize::from(*i) % 2].to_string();
                let text = Some(format!("wording {i}"));
                let fields = BTreeMap::new();
                (
                    Actor::Facilitator,
                    Command::Kind(
                        AmendCommand::Amend {
                            activity,
                            item,
                            text,
                            fields,
                        }
                        .into(),
                    ),
                )
            }
        };
        go(&mut state, actor, command);
        for (id, results, versions) in seen(&state) {
            let status = state.activity(&id).map(|(_, a)| a.status);
            if status == Some(topteam::session::ActivityStatus::Open) {
                assert_eq!(results["withheld"], true, "{id} counted while open");
                assert!(versions.is_empty(), "{id}: a version tally while open");
            }
            for n in counts(&results)
                .into_iter()
                .chain(versions.iter().flat_map(|v| {
                    ["all", "cabinet", "management"]
                        .iter()
                        .flat_map(|t| {
                            counts(&serde_json::json!({ "all": { "items": { "v": v[*t] } } }))
                        })
                        .collect::<Vec<_>>()
                }))
            {
                assert!(
                    n == 0 || n >= MIN,
                    "{id}: a count of {n} is shown: {results}"
                );
            }
            let shown = results["withheld"] != true && results["too_few"] != true;
            if shown && results["all"]["ballots"].as_u64().unwrap_or(0) > 0 {
                let first = first_shown.entry(id.clone()).or_insert(results.clone());
                assert_eq!(
                    first, &results,
                    "{id}: two shown tallies differ (after {step:?})"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_two_moments_of_an_anonymous_vote_differ_by_one_persons_answer(
        cabinet in 1u8..=8,
        management in 1u8..=8,
        steps in proptest::collection::vec(step(), 0..120),
    ) {
        run((cabinet, management), &steps);
    }
}
