//! Over time: two tallies of one anonymous vote never differ by one person.

use super::{refused_command, run, team_phones};
use crate::helpers::*;
use serde_json::json;

async fn six_rate_and_close(app: &TestApp, session: &Created) -> Vec<Socket> {
    let mut phones = team_phones(app, session, 3, 3).await;
    run(app, &session.id, "open", "self-assessment").await;
    for (i, phone) in phones.iter_mut().enumerate() {
        let score = (i % 5) as i64 + 1;
        acked(
            &phone
                .vote(
                    "self-assessment",
                    json!({ "scores": { "big-picture": score } }),
                )
                .await,
        );
    }
    run(app, &session.id, "close", "self-assessment").await;
    phones
}

#[tokio::test]
async fn a_counted_anonymous_vote_cannot_reopen_for_a_latecomer_but_can_run_again() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    six_rate_and_close(&app, &session).await;
    let counted = activity(&app.state(&session.id).await, "self-assessment")["results"].clone();
    assert_eq!(counted["all"]["ballots"], 6);

    let refusal = refused_command(
        &app,
        &session.id,
        json!({ "type": "open", "activity": "self-assessment" }),
        "anonymous_sealed",
    )
    .await;
    let message = refusal["error"]["message"].as_str().unwrap();
    assert!(message.contains("Run it again"), "a way on: {message}");
    let console = app.page(&format!("/facilitate/{}", session.id)).await;
    assert!(console.contains("Run it again"), "the console offers it");

    run(&app, &session.id, "rerun", "self-assessment").await;
    let state = app.state(&session.id).await;
    let copy = activity(&state, "self-assessment-again");
    assert_eq!(copy["status"], "pending");
    // Pressed twice: still one copy, and it is the current step.
    run(&app, &session.id, "rerun", "self-assessment").await;
    let state = app.state(&session.id).await;
    let copies = state["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["id"]
                .as_str()
                .unwrap()
                .starts_with("self-assessment-again")
        })
        .count();
    assert_eq!(copies, 1);
    assert_eq!(state["current"], "self-assessment-again");
    assert_eq!(copy["anonymous"], true);
    assert!(
        copy["title"].as_str().unwrap().ends_with("(again)"),
        "{copy}"
    );
    // The latecomer and everyone answer the copy afresh.
    let mut phones = app.phones(&session, "management", 1).await;
    run(&app, &session.id, "open", "self-assessment-again").await;
    acked(
        &phones[0]
            .vote(
                "self-assessment-again",
                json!({ "scores": { "big-picture": 5 } }),
            )
            .await,
    );
    let state = app.state(&session.id).await;
    assert_eq!(
        activity(&state, "self-assessment")["results"],
        counted,
        "the first count never moves"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_removed_voters_anonymous_ballot_leaves_the_count_until_it_closes_and_never_after() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let impostor = app.admitted(&session, "Cllr A. Leader", "cabinet").await;
    let mut fake = Socket::participant(&app, &session.id, &impostor).await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    run(&app, &session.id, "open", "self-assessment").await;
    acked(
        &fake
            .vote("self-assessment", json!({ "scores": { "big-picture": 1 } }))
            .await,
    );
    for phone in phones.iter_mut() {
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 5 } }))
                .await,
        );
    }
    // The real Leader arrives; the impostor is removed while voting is open.
    app.command(
        &session.id,
        json!({ "type": "remove", "participant": impostor.id }),
    )
    .await;
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    let results = activity(&state, "self-assessment")["results"].clone();
    assert_eq!(
        results["all"]["ballots"], 6,
        "6 people, 6 ballots: {results}"
    );
    assert_eq!(results["all"]["items"]["big-picture"]["mean"], 5.0);

    // A removal after the count would change it by exactly that person's
    // ballot: the count stands.
    let someone = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["group"] == "management")
        .unwrap()["id"]
        .clone();
    app.command(
        &session.id,
        json!({ "type": "remove", "participant": someone }),
    )
    .await;
    let after = app.state(&session.id).await;
    assert_eq!(activity(&after, "self-assessment")["results"], results);
    app.stop().await;
}

#[tokio::test]
async fn a_vote_closed_with_too_few_to_count_may_reopen() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    run(&app, &session.id, "open", "self-assessment").await;
    for phone in phones.iter_mut() {
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 2 } }))
                .await,
        );
    }
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        activity(&state, "self-assessment")["results"]["too_few"],
        true
    );
    // Nothing was shown, so a third ballot shows no difference.
    run(&app, &session.id, "open", "self-assessment").await;
    let mut third = app.phones(&session, "cabinet", 1).await;
    acked(
        &third[0]
            .vote("self-assessment", json!({ "scores": { "big-picture": 2 } }))
            .await,
    );
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        activity(&state, "self-assessment")["results"]["all"]["ballots"],
        3
    );
    app.stop().await;
}
