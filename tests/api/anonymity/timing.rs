//! Timing: a facilitator who snapshots everything after each ballot, and
//! matches who left the waiting list with what the transcript says arrived.

use super::{every_surface, run, team_phones};
use crate::helpers::*;
use serde_json::{json, Value};

#[tokio::test]
async fn watching_every_ballot_arrive_ties_none_to_a_name() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    run(&app, &session.id, "open", "self-assessment").await;
    // Each person gives "big-picture" a different score, so any surface that
    // let a ballot be read beside the moment it came would show it.
    let before = app.transcript(&session.id).await;
    let mut snapshots: Vec<Value> = Vec::new();
    for (i, phone) in phones.iter_mut().enumerate() {
        let score = (i % 5) as i64 + 1;
        let seq = acked(
            &phone
                .vote(
                    "self-assessment",
                    json!({ "scores": { "big-picture": score } }),
                )
                .await,
        );
        // The console's socket at that moment: no count of anything.
        let frame = console.view_at_least(seq).await;
        let html = frame["html"].as_str().unwrap();
        assert!(
            html.contains("counted and shown once voting closes"),
            "{html}"
        );
        assert!(!html.contains(", n="), "a count on the console: {html}");
        // The transcript download does not move with an anonymous ballot.
        assert_eq!(app.transcript(&session.id).await, before, "ballot {i}");
        let state = app.state(&session.id).await;
        snapshots.push(activity(&state, "self-assessment")["results"].clone());
    }
    // Six moments, one set of results: nothing counted while it is open.
    assert!(snapshots.windows(2).all(|w| w[0] == w[1]), "{snapshots:?}");
    assert_eq!(snapshots[0]["withheld"], true);

    run(&app, &session.id, "close", "self-assessment").await;
    // After close the download has the results once, with the close, and
    // no ballot line, pseudonym or phone's client id.
    let transcript = app.transcript(&session.id).await;
    assert!(!transcript.contains("ballot_cast"), "{transcript}");
    let sealed: Vec<Value> = transcript
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r.get("sealed").is_some())
        .collect();
    assert_eq!(sealed.len(), 1, "{transcript}");
    assert_eq!(sealed[0]["event"]["type"], "activity_closed");
    let results = &sealed[0]["sealed"][0]["results"];
    assert_eq!(results["all"]["ballots"], 6, "every ballot counted");
    // 1,2,3,4,5,1: the room's mean, to the vote's own rounding.
    assert_eq!(results["all"]["items"]["big-picture"]["n"], 6);
    assert_eq!(results["all"]["items"]["big-picture"]["mean"], 2.67);
    for (name, text) in every_surface(&app, &session.id).await {
        for phone_client_id in ["\"c1\"", "\"c2\""] {
            assert!(
                !(name == "transcript" && text.contains(phone_client_id)),
                "a phone's client id in the transcript"
            );
        }
        assert!(!text.contains("anonymous-"), "{name} shows a pseudonym");
    }
    // Nothing counts the bytes written either: a counter growing by each
    // line's length would give an answer's length beside who just voted.
    let metrics = app.metrics_text().await;
    assert!(!metrics.contains("bytes"), "{metrics}");
    // The state after close agrees with the download.
    let state = app.state(&session.id).await;
    assert_eq!(&activity(&state, "self-assessment")["results"], results);
    app.stop().await;
}

#[tokio::test]
async fn a_phone_is_told_whether_a_vote_is_named_or_anonymous_before_answering() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&session, "cabinet", 1).await;
    for (activity, says) in [("priorities", "Named."), ("confidence", "Anonymous.")] {
        let seq = app
            .command(&session.id, json!({ "type": "open", "activity": activity }))
            .await;
        let view = phones[0].view_at_least(seq).await;
        let html = view["html"].as_str().unwrap();
        assert!(html.contains(says), "{activity}: {html}");
    }
    app.stop().await;
}
