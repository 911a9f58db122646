//! Property: replaying the transcript of any run rebuilds exactly the live state.

use proptest::prelude::*;
use std::collections::BTreeMap;
use topteam::activity::Ballot;
use topteam::session::{
    decide, Actor, Command, Context, JoinRequest, Pseudonyms, Record, SessionInfo, SessionState,
};
use topteam::transcript::{encode, parse, replay, Header, FORMAT_VERSION};
use topteam::workshop::{Group, Workshop};
use uuid::Uuid;

const SCRIPT: &str = r#"
id = "prop"
title = "Property workshop"
groups = ["cabinet", "management", "observer"]
lobby = true
[[activity]]
id = "a"
kind = "dots"
title = "A"
dots = 4
max_per_option = 3
[[activity.option]]
id = "x"
label = "X"
[[activity.option]]
id = "y"
label = "Y"
[[activity]]
id = "b"
kind = "dots"
title = "B"
dots = 2
[[activity.option]]
id = "x"
label = "X"
"#;

/// One step of a generated run; indexes pick among what exists at that point.
#[derive(Debug, Clone)]
enum Step {
    Join(u8),
    Admit(u8),
    Remove(u8),
    Open(u8),
    Close(u8),
    Reveal(u8),
    Goto(u8),
    Vote {
        who: u8,
        activity: u8,
        x: i64,
        y: i64,
        client: Option<u8>,
    },
    End,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => any::<u8>().prop_map(Step::Join),
        4 => any::<u8>().prop_map(Step::Admit),
        1 => any::<u8>().prop_map(Step::Remove),
        4 => any::<u8>().prop_map(Step::Open),
        1 => any::<u8>().prop_map(Step::Close),
        1 => any::<u8>().prop_map(Step::Reveal),
        1 => any::<u8>().prop_map(Step::Goto),
        12 => (any::<u8>(), 0u8..2, 0i64..3, 0i64..2, proptest::option::of(0u8..4))
            .prop_map(|(who, activity, x, y, client)| Step::Vote { who, activity, x, y, client }),
        1 => (any::<u8>(), any::<u8>(), -1i64..5, -1i64..5)
            .prop_map(|(who, activity, x, y)| Step::Vote { who, activity, x, y, client: None }),
    ]
}

/// A run: mostly live steps, sometimes ended at the close (an early end would
/// make every later step a refusal and test little).
fn run() -> impl Strategy<Value = Vec<Step>> {
    (proptest::collection::vec(step(), 0..150), any::<bool>()).prop_map(|(mut steps, end)| {
        if end {
            steps.push(Step::End);
        }
        steps
    })
}

fn info() -> SessionInfo {
    SessionInfo {
        id: Uuid::from_u128(1),
        code: "ABCDEF".into(),
        title: "t".into(),
        series: Uuid::from_u128(2),
        created_at: "2026-11-22T10:00:00Z".into(),
        workshop: Workshop::from_toml(SCRIPT).unwrap(),
    }
}

fn command_for(step: &Step, state: &SessionState, n: usize) -> (Actor, Command, Option<String>) {
    let pick = |i: u8| {
        state
            .participants
            .get(usize::from(i) % state.participants.len().max(1))
            .map(|p| p.id)
    };
    let activity = |i: u8| ["a", "b", "zzz"][usize::from(i) % 3].to_string();
    let someone = Uuid::from_u128(999);
    match step {
        Step::Join(g) => {
            let group = [Group::Cabinet, Group::Management, Group::Observer][usize::from(*g) % 3];
            let participant = Uuid::from_u128(1000 + n as u128);
            let join = JoinRequest {
                participant,
                name: format!("p{n}"),
                group,
                job_title: None,
                token_hash: format!("h{n}"),
            };
            (Actor::Participant(participant), Command::Join(join), None)
        }
        Step::Admit(i) => (
            Actor::Facilitator,
            Command::Admit {
                participant: pick(*i).unwrap_or(someone),
            },
            None,
        ),
        Step::Remove(i) => (
            Actor::Facilitator,
            Command::Remove {
                participant: pick(*i).unwrap_or(someone),
            },
            None,
        ),
        Step::Open(i) => (
            Actor::Facilitator,
            Command::Open {
                activity: activity(*i),
            },
            None,
        ),
        Step::Close(i) => (
            Actor::Facilitator,
            Command::Close {
                activity: activity(*i),
            },
            None,
        ),
        Step::Reveal(i) => (
            Actor::Facilitator,
            Command::Reveal {
                activity: activity(*i),
            },
            None,
        ),
        Step::Goto(i) => (
            Actor::Facilitator,
            Command::Goto {
                activity: activity(*i),
            },
            None,
        ),
        Step::Vote {
            who,
            activity: a,
            x,
            y,
            client,
        } => {
            let dots: BTreeMap<String, i64> = [("x".to_string(), *x), ("y".to_string(), *y)].into();
            let command = Command::Vote {
                activity: activity(*a),
                ballot: Ballot::Dots(dots),
            };
            (
                Actor::Participant(pick(*who).unwrap_or(someone)),
                command,
                client.map(|c| format!("c{c}")),
            )
        }
        Step::End => (Actor::Facilitator, Command::End, None),
    }
}

/// Runs the steps live, the way the session task does, and returns the state and records.
fn run_live(steps: &[Step]) -> (SessionState, Vec<Record>) {
    let mut state = SessionState::new(info(), 8);
    let ctx = Context::new(std::time::SystemTime::UNIX_EPOCH, Pseudonyms::new([7; 32]));
    let mut records = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let (actor, command, client_id) = command_for(step, &state, n);
        if client_id
            .as_deref()
            .and_then(|c| state.already_done(&actor, c))
            .is_some()
        {
            continue;
        }
        let Ok(events) = decide(&state, &ctx, actor, command) else {
            continue;
        };
        for event in events {
            let record = Record {
                seq: state.seq + 1,
                at: format!("t{n}"),
                actor,
                client_id: client_id.clone(),
                event,
            };
            state.apply(&record);
            records.push(record);
        }
    }
    (state, records)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn replaying_the_transcript_of_any_run_rebuilds_the_live_state(steps in run()) {
        let (live, records) = run_live(&steps);
        let header = Header { topteam_transcript: FORMAT_VERSION, session: info() };
        let mut file = serde_json::to_vec(&header).unwrap();
        file.push(b'\n');
        file.extend(encode(&records));
        let parsed = parse(&file).unwrap();
        prop_assert!(parsed.torn.is_none());
        prop_assert_eq!(parsed.records.len(), records.len());
        let replayed = replay(&parsed, 8);
        prop_assert_eq!(&replayed, &live);
        // A torn tail never changes what the whole lines rebuild.
        let mut torn = file.clone();
        torn.extend_from_slice(b"{\"seq\":");
        let parsed = parse(&torn).unwrap();
        prop_assert!(parsed.torn.is_some());
        prop_assert_eq!(&replay(&parsed, 8), &live);
    }
}
