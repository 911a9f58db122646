//! Kill -9 the real binary right after the last ack; nothing acked is lost.

use crate::helpers::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The real `topteam` binary on port 0, and the address it printed.
async fn start_binary(data_dir: &Path) -> (Child, TestApp) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_topteam"))
        // 2,000 phones join from one address here; a real room does not.
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--join-budget",
            "100000",
            "--max-connections-per-address",
            "100000",
            "--data-dir",
        ])
        .arg(data_dir)
        .arg("--workshops")
        .arg(workshops_dir())
        .env("TOPTEAM_ADMIN_KEY", KEY)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = tokio::time::timeout(WAIT, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(addr) = line.strip_prefix("topteam listening on http://") {
                return addr.to_string();
            }
        }
        panic!("the server exited before listening");
    })
    .await
    .expect("the server says where it listens");
    // Keep reading stdout so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, TestApp::remote(addr))
}

fn expected_totals(ballots: &BTreeMap<usize, Value>) -> BTreeMap<String, u64> {
    let mut totals = BTreeMap::new();
    for ballot in ballots.values() {
        for (option, n) in ballot["dots"].as_object().unwrap() {
            *totals.entry(option.clone()).or_default() += n.as_u64().unwrap();
        }
    }
    totals
}

fn totals_of(state: &Value) -> BTreeMap<String, u64> {
    totals(state, "priorities", "all")["totals"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .filter(|(_, v)| *v > 0)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_right_after_the_last_ack_loses_no_acknowledged_ballot() {
    let dir = TempDir::new();
    let (mut child, app) = start_binary(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 6).await;
    phones.extend(app.phones(&session, "management", 6).await);
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let options = ["localism", "roles", "budget", "pride-in-place"];

    // Every phone votes twice at once; the second ballot must be the one kept.
    let mut acked_ballots = BTreeMap::new();
    for round in 0..2 {
        let votes = phones.iter_mut().enumerate().map(|(i, phone)| {
            let ballot =
                json!({ "dots": { options[(i + round) % 4]: 1 + (i % 3), "vision-strategy": 2 } });
            async move {
                let reply = phone.vote("priorities", ballot.clone()).await;
                acked(&reply);
                (i, ballot)
            }
        });
        for (i, ballot) in futures_util::future::join_all(votes).await {
            acked_ballots.insert(i, ballot);
        }
    }
    child.kill().await.unwrap();

    let (_child, app) = start_binary(&dir.0).await;
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "priorities", "all")["ballots"], 12);
    assert_eq!(totals_of(&state), expected_totals(&acked_ballots));
    // Each phone sees its own last ballot again.
    let joined = state["participants"].as_array().unwrap().len();
    assert_eq!(joined, 12);
}

#[tokio::test]
async fn a_transcript_with_a_torn_last_line_loads_and_keeps_working() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    acked(
        &phones[0]
            .vote("priorities", json!({ "dots": { "roles": 2 } }))
            .await,
    );
    acked(
        &phones[1]
            .vote("priorities", json!({ "dots": { "budget": 1 } }))
            .await,
    );
    let before = app.state(&session.id).await;
    app.stop().await;

    // A crash mid-write leaves half a line.
    let path = dir.0.join("sessions").join(format!("{}.jsonl", session.id));
    let whole = std::fs::read(&path).unwrap();
    let mut torn = whole.clone();
    torn.extend_from_slice(br#"{"seq":99,"at":"2026-11-22T10:00:00Z","actor":"facili"#);
    std::fs::write(&path, &torn).unwrap();

    let app = spawn_app(&dir.0).await;
    assert_eq!(
        app.state(&session.id).await,
        before,
        "the torn line is cut off, the rest replays"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        whole,
        "the file is cut back to its last whole line"
    );
    let seq = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    app.stop().await;
    let app = spawn_app(&dir.0).await;
    assert_eq!(app.state(&session.id).await["seq"], seq);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_the_middle_of_a_2000_phone_burst_loses_no_acked_ballot() {
    use futures_util::{SinkExt, StreamExt};
    topteam::app::raise_fd_limit();
    let dir = TempDir::new();
    let (mut child, app) = start_binary(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;

    // 2,000 phones join and connect.
    let joins = futures_util::stream::iter(0..2000)
        .map(|i| {
            let body =
                json!({ "code": session.code, "name": format!("Cllr {i}"), "group": "cabinet" });
            let app = &app;
            async move {
                let (status, joined) = app.post_json("/api/join", None, body).await;
                assert_eq!(status, 200, "{joined}");
                (
                    joined["participant"].as_str().unwrap().to_string(),
                    joined["token"].as_str().unwrap().to_string(),
                )
            }
        })
        .buffer_unordered(32)
        .collect::<Vec<_>>()
        .await;
    let sockets = futures_util::stream::iter(joins)
        .map(|(participant, token)| {
            let url = format!("ws://{}/ws/{}?token={token}", app.addr, session.id);
            async move {
                (
                    participant,
                    tokio_tungstenite::connect_async(url)
                        .await
                        .expect("a phone connects")
                        .0,
                )
            }
        })
        .buffer_unordered(32)
        .collect::<Vec<_>>()
        .await;

    // Everyone votes at once; the server is killed once half have been acked.
    let (acks_tx, mut acks_rx) = tokio::sync::mpsc::unbounded_channel();
    let mut phones = Vec::new();
    for (participant, mut ws) in sockets {
        let acks = acks_tx.clone();
        phones.push(tokio::spawn(async move {
            let vote = json!({ "type": "vote", "activity": "priorities", "ballot": { "dots": { "budget": 2, "localism": 1 } }, "client_id": "burst" });
            if ws.send(tokio_tungstenite::tungstenite::Message::text(vote.to_string())).await.is_err() {
                return;
            }
            while let Some(Ok(message)) = ws.next().await {
                if let Ok(text) = message.to_text() {
                    if text.contains("\"type\":\"ack\"") {
                        let _ = acks.send(participant.clone());
                        return;
                    }
                    assert!(!text.contains("\"type\":\"error\""), "a vote was refused: {text}");
                }
            }
        }));
    }
    drop(acks_tx);
    let mut acked = std::collections::HashSet::new();
    while let Ok(Some(participant)) = tokio::time::timeout(WAIT, acks_rx.recv()).await {
        acked.insert(participant);
        if acked.len() == 1000 {
            child.start_kill().unwrap();
            break;
        }
    }
    // Acks already on their way before the kill count too: they were sent only once durable.
    while let Ok(Some(participant)) =
        tokio::time::timeout(std::time::Duration::from_secs(2), acks_rx.recv()).await
    {
        acked.insert(participant);
    }
    child.wait().await.unwrap();
    for phone in phones {
        phone.abort();
    }

    let (_child, app) = start_binary(&dir.0).await;
    let transcript = app.transcript(&session.id).await;
    let voters: std::collections::HashSet<String> = transcript
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|r| r["event"]["type"] == "ballot_cast")
        .map(|r| r["event"]["voter"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<_> = acked.iter().filter(|p| !voters.contains(*p)).collect();
    assert!(acked.len() >= 1000);
    assert!(
        lost.is_empty(),
        "{} acked ballots lost after kill -9",
        lost.len()
    );
    let state = app.state(&session.id).await;
    assert_eq!(
        totals(&state, "priorities", "all")["ballots"]
            .as_u64()
            .unwrap() as usize,
        voters.len()
    );
}

/// Rooms voting at the same moment share syncs (group commit); a kill -9 right
/// after the last ack still finds every room's acked ballots on restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_after_rooms_voted_at_once_loses_no_acknowledged_ballot() {
    let dir = TempDir::new();
    let (mut child, app) = start_binary(&dir.0).await;
    let mut rooms = Vec::new();
    for _ in 0..8 {
        let session = app.create_session("vote").await;
        let phones = app.phones(&session, "cabinet", 3).await;
        app.command(
            &session.id,
            json!({ "type": "open", "activity": "priorities" }),
        )
        .await;
        rooms.push((session, phones));
    }
    let options = ["localism", "roles", "budget"];
    let votes = rooms.iter_mut().enumerate().flat_map(|(r, (_, phones))| {
        phones.iter_mut().enumerate().map(move |(i, phone)| {
            let ballot = json!({ "dots": { options[(r + i) % 3]: 1 + i } });
            async move {
                acked(&phone.vote("priorities", ballot.clone()).await);
                (r, i, ballot)
            }
        })
    });
    let mut acked_ballots: Vec<BTreeMap<usize, Value>> = vec![BTreeMap::new(); 8];
    for (r, i, ballot) in futures_util::future::join_all(votes).await {
        acked_ballots[r].insert(i, ballot);
    }
    child.kill().await.unwrap();

    let (_child, app) = start_binary(&dir.0).await;
    for ((session, _), ballots) in rooms.iter().zip(&acked_ballots) {
        let state = app.state(&session.id).await;
        assert_eq!(totals(&state, "priorities", "all")["ballots"], 3);
        assert_eq!(totals_of(&state), expected_totals(ballots));
    }
}
