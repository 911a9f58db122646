//! Property: replaying the transcript of any run rebuilds exactly the live state.

use proptest::prelude::*;
use std::collections::BTreeMap;
use topteam::activity::agreement::AmendCommand;
use topteam::activity::ideas::{ideas_in, IdeaCommand};
use topteam::activity::Ballot;
use topteam::session::{
    execute, Actor, Claim, Command, Context, JoinRequest, Pseudonyms, Record, SessionInfo,
    SessionState, TimerAction,
};
use topteam::transcript::{encode, parse, replay, Header, FORMAT_VERSION};
use topteam::workshop::{ActivityKind, Group, Workshop};
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
[[activity]]
id = "ideas"
kind = "ideas"
title = "Ideas"
max_ideas = 3
[[activity]]
id = "c"
kind = "rank"
title = "Rank the ideas"
from = "ideas"
[[activity.option]]
id = "seed"
label = "Seeded"
[[activity]]
id = "d"
kind = "agreement"
title = "Statements"
fields = ["owner"]
[[activity.item]]
id = "x"
label = "X"
[[activity.item]]
id = "y"
label = "Y"
[[activity]]
id = "e"
kind = "rating"
title = "Rate"
anonymous = true
minutes = 5
[[activity.item]]
id = "x"
label = "X"
[[activity]]
id = "f"
kind = "role_map"
title = "Roles"
[[activity.item]]
id = "x"
label = "X"
[[activity]]
id = "notes"
kind = "notes"
title = "Notes"
"#;

const ACTIVITIES: [&str; 9] = ["a", "b", "ideas", "c", "d", "e", "f", "notes", "zzz"];

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
    Idea {
        who: u8,
        text: u8,
    },
    Moderate {
        idea: u8,
        other: u8,
        how: u8,
    },
    Amend {
        item: u8,
        text: u8,
    },
    Note {
        text: u8,
        action: bool,
    },
    Timer {
        activity: u8,
        how: u8,
        seconds: Option<u32>,
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
        4 => (any::<u8>(), any::<u8>()).prop_map(|(who, text)| Step::Idea { who, text }),
        2 => (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(idea, other, how)| Step::Moderate { idea, other, how }),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(item, text)| Step::Amend { item, text }),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(text, action)| Step::Note { text, action }),
        1 => (any::<u8>(), any::<u8>(), proptest::option::of(1u32..600)).prop_map(|(activity, how, seconds)| Step::Timer { activity, how, seconds }),
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

/// A ballot shaped for the activity's kind, from two small numbers.
fn ballot_for(state: &SessionState, activity: &str, x: i64, y: i64) -> Ballot {
    use topteam::activity::agreement::{Response, Stance};
    use topteam::activity::role_map::Placement;
    let Some((_, a)) = state.activity(activity) else {
        return Ballot::Dots(BTreeMap::new());
    };
    let ids: Vec<String> = a.spec.options.iter().map(|o| o.id.clone()).collect();
    match a.spec.kind {
        ActivityKind::Rank => {
            let mut order = ids;
            let turn = usize::try_from(x.max(0)).unwrap_or(0) % order.len().max(1);
            order.rotate_left(turn);
            if y == 0 {
                order.pop();
            }
            Ballot::Order(order)
        }
        ActivityKind::Agreement => {
            let stance = [Stance::Agree, Stance::LiveWith, Stance::Object]
                [usize::try_from(x.rem_euclid(3)).unwrap_or(0)];
            let reason = (y > 0).then(|| format!("because {y}"));
            let item = ids
                .get(usize::try_from(y.max(0)).unwrap_or(0) % ids.len().max(1))
                .cloned()
                .unwrap_or_default();
            Ballot::Responses(
                [(
                    item,
                    Response {
                        response: stance,
                        reason,
                        version: None,
                    },
                )]
                .into(),
            )
        }
        ActivityKind::Rating => Ballot::Scores([("x".to_string(), x + y)].into()),
        ActivityKind::RoleMap => {
            let p = [Placement::Members, Placement::Joint, Placement::Officers]
                [usize::try_from(x.rem_euclid(3)).unwrap_or(0)];
            Ballot::Placements([("x".to_string(), p)].into())
        }
        _ => Ballot::Dots([("x".to_string(), x), ("y".to_string(), y)].into()),
    }
}

fn info() -> SessionInfo {
    SessionInfo {
        id: Uuid::from_u128(1),
        code: "ABCDEF".into(),
        title: "t".into(),
        series: Uuid::from_u128(2),
        created_at: "2026-11-22T10:00:00Z".parse().expect("a time"),
        workshop: Workshop::from_toml(SCRIPT).unwrap(),
        language: Default::default(),
    }
}

fn command_for(step: &Step, state: &SessionState, n: usize) -> (Actor, Command, Option<String>) {
    let pick = |i: u8| {
        state
            .participants
            .get(usize::from(i) % state.participants.len().max(1))
            .map(|p| p.id)
    };
    let activity = |i: u8| ACTIVITIES[usize::from(i) % ACTIVITIES.len()].to_string();
    let ideas: Vec<String> = state
        .activity("ideas")
        .map(|(_, a)| ideas_in(&a.own).iter().map(|i| i.id.clone()).collect())
        .unwrap_or_default();
    let idea = |i: u8| {
        ideas
            .get(usize::from(i) % ideas.len().max(1))
            .cloned()
            .unwrap_or_else(|| "i0".into())
    };
    let someone = Uuid::from_u128(999);
    let facilitator = |command| (Actor::Facilitator, command, None);
    match step {
        Step::Join(g) => {
            let group = [Group::Cabinet, Group::Management, Group::Observer][usize::from(*g) % 3];
            let participant = Uuid::from_u128(1000 + n as u128);
            let join = JoinRequest {
                participant,
                who: Claim::Named {
                    name: format!("p{n}"),
                    group,
                    job_title: None,
                },
                token_hash: format!("h{n}"),
            };
            (Actor::Participant(participant), Command::Join(join), None)
        }
        Step::Admit(i) => facilitator(Command::Admit {
            participant: pick(*i).unwrap_or(someone),
            person: None,
        }),
        Step::Remove(i) => facilitator(Command::Remove {
            participant: pick(*i).unwrap_or(someone),
        }),
        Step::Open(i) => facilitator(Command::Open {
            activity: activity(*i),
        }),
        Step::Close(i) => facilitator(Command::Close {
            activity: activity(*i),
        }),
        Step::Reveal(i) => facilitator(Command::Reveal {
            activity: activity(*i),
        }),
        Step::Goto(i) => facilitator(Command::Goto {
            activity: activity(*i),
        }),
        Step::Vote {
            who,
            activity: a,
            x,
            y,
            client,
        } => {
            // Mostly the open activity (as phones do), sometimes any, to test refusals.
            let open = state
                .activities
                .iter()
                .find(|s| s.status == topteam::session::ActivityStatus::Open);
            let name = match open {
                Some(s) if a % 4 != 0 => s.spec.id.clone(),
                _ => activity(*a),
            };
            let ballot = ballot_for(state, &name, *x, *y);
            let command = Command::Vote {
                activity: name,
                ballot,
            };
            (
                Actor::Participant(pick(*who).unwrap_or(someone)),
                command,
                client.map(|c| format!("c{c}")),
            )
        }
        Step::Idea { who, text } => {
            let command = Command::Kind(
                IdeaCommand::Idea {
                    activity: "ideas".into(),
                    text: format!("idea {}", text % 7),
                }
                .into(),
            );
            (
                Actor::Participant(pick(*who).unwrap_or(someone)),
                command,
                None,
            )
        }
        Step::Moderate {
            idea: i,
            other,
            how,
        } => {
            let (activity, idea_id, into) = ("ideas".to_string(), idea(*i), idea(*other));
            facilitator(Command::Kind(
                match how % 4 {
                    0 => IdeaCommand::HideIdea {
                        activity,
                        idea: idea_id,
                    },
                    1 => IdeaCommand::ShowIdea {
                        activity,
                        idea: idea_id,
                    },
                    2 => IdeaCommand::MergeIdea {
                        activity,
                        idea: idea_id,
                        into,
                    },
                    _ => IdeaCommand::EditIdea {
                        activity,
                        idea: idea_id,
                        text: format!("edited {other}"),
                    },
                }
                .into(),
            ))
        }
        Step::Amend { item, text } => {
            let fields = if text % 2 == 0 {
                [("owner".to_string(), format!("o{text}"))].into()
            } else {
                BTreeMap::new()
            };
            facilitator(Command::Kind(
                AmendCommand::Amend {
                    activity: "d".into(),
                    item: ["x", "y"][usize::from(*item) % 2].into(),
                    text: (text % 3 != 0).then(|| format!("wording {text}")),
                    fields,
                }
                .into(),
            ))
        }
        Step::Note { text, action } => facilitator(if *action {
            Command::Action {
                text: format!("do {text}"),
                owner: "Chief executive".into(),
                due: Some("2027-01-31".into()),
            }
        } else {
            Command::Note {
                text: format!("note {text}"),
                kind: Default::default(),
            }
        }),
        Step::Timer {
            activity: a,
            how,
            seconds,
        } => {
            let action =
                [TimerAction::Start, TimerAction::Pause, TimerAction::Reset][usize::from(*how) % 3];
            facilitator(Command::Timer {
                activity: activity(*a),
                action,
                seconds: *seconds,
            })
        }
        Step::End => facilitator(Command::End),
    }
}

/// Runs the steps live, the way the session task does, and returns the state and records.
fn run_live(steps: &[Step]) -> (SessionState, Vec<Record>) {
    let mut state = SessionState::new(info(), 8).with_pseudonyms(Pseudonyms::new(
        topteam::secrets::SessionSecret::new(
            topteam::secrets::PseudonymScheme::HmacSha256,
            [7; 32],
        ),
    ));
    let ctx = Context::new(
        std::time::SystemTime::UNIX_EPOCH,
        Pseudonyms::new(topteam::secrets::SessionSecret::new(
            topteam::secrets::PseudonymScheme::HmacSha256,
            [7; 32],
        )),
    );
    let mut records = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let (actor, command, client_id) = command_for(step, &state, n);
        if let Ok((_, new)) = execute(
            &mut state,
            &ctx,
            jiff::Timestamp::from_second(n as i64).expect("a time"),
            actor,
            client_id,
            command,
        ) {
            records.extend(new);
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
        let replayed = replay(&parsed, 8, Pseudonyms::new(topteam::secrets::SessionSecret::new(topteam::secrets::PseudonymScheme::HmacSha256, [7; 32])));
        prop_assert_eq!(&replayed, &live);
        // A torn tail never changes what the whole lines rebuild.
        let mut torn = file.clone();
        torn.extend_from_slice(b"{\"seq\":");
        let parsed = parse(&torn).unwrap();
        prop_assert!(parsed.torn.is_some());
        prop_assert_eq!(&replay(&parsed, 8, Pseudonyms::new(topteam::secrets::SessionSecret::new(topteam::secrets::PseudonymScheme::HmacSha256, [7; 32]))), &live);
    }
}
