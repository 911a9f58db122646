//! The poll and the matrix under the anonymity rules: a facilitator who
//! snapshots every surface after each anonymous answer sees nothing move but
//! turnout, and after close the record carries counts, never a ballot.

use super::{every_surface, run, team_phones};
use crate::helpers::*;
use serde_json::{json, Value};

/// What could move with a ballot: the activity's results in the state, the
/// transcript a facilitator downloads, and `votes.csv`. (Turnout and the
/// event count move by design: the room sees who has voted.)
async fn what_could_move(app: &TestApp, session: &str, activity: &str) -> Vec<String> {
    let state = app.state(session).await;
    let mut out = vec![activity_results(&state, activity)];
    for (name, text) in every_surface(app, session).await {
        if matches!(name, "transcript" | "votes.csv") {
            out.push(format!("{name}: {text}"));
        }
    }
    out
}

fn activity_results(state: &Value, id: &str) -> String {
    activity(state, id)["results"].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_anonymous_poll_or_matrix_shows_nothing_that_moves_with_a_ballot() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("kinds").await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    let ballots = [
        (
            "secret-often",
            json!({ "choice": "monthly" }),
            json!({ "choice": "quarterly" }),
        ),
        (
            "secret-grid",
            json!({ "points": { "homes": { "x": 1, "y": 5 } } }),
            json!({ "points": { "homes": { "x": 5, "y": 1 } } }),
        ),
    ];
    for (id, one, other) in ballots {
        run(&app, &session.id, "open", id).await;
        let before = what_could_move(&app, &session.id, id).await;
        for (i, phone) in phones.iter_mut().enumerate() {
            let ballot = if i % 2 == 0 {
                one.clone()
            } else {
                other.clone()
            };
            let seq = acked(&phone.vote(id, ballot).await);
            let html = console.view_at_least(seq).await["html"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                html.contains("counted and shown once voting closes"),
                "{html}"
            );
            assert!(!html.contains("gap") && !html.contains("(100%)"), "{html}");
            assert_eq!(
                what_could_move(&app, &session.id, id).await,
                before,
                "{id}: something moved with ballot {i}"
            );
        }
        run(&app, &session.id, "close", id).await;
        let state = app.state(&session.id).await;
        let results = &activity(&state, id)["results"];
        assert_eq!(results["all"]["ballots"], 6, "{results}");
        let transcript = app.transcript(&session.id).await;
        assert!(!transcript.contains("ballot_cast"), "{transcript}");
    }
    app.stop().await;
}
