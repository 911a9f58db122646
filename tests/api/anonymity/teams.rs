//! Anonymity that survives arithmetic, and an honest record of what was
//! answered to which wording.

use super::{run, team_phones};
use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn one_cabinet_member_and_three_officers_reveal_no_split_anywhere() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = team_phones(&app, &session, 1, 3).await;
    run(&app, &session.id, "open", "self-assessment").await;
    for (i, phone) in phones.iter_mut().enumerate() {
        let score = if i == 0 { 1 } else { 5 };
        acked(
            &phone
                .vote(
                    "self-assessment",
                    json!({ "scores": { "big-picture": score } }),
                )
                .await,
        );
    }
    // While voting is open nothing is counted for anyone, so results cannot
    // be read ballot by ballot beside who has just voted.
    let open = app.state(&session.id).await;
    assert_eq!(
        activity(&open, "self-assessment")["results"]["withheld"],
        true
    );
    assert_eq!(
        activity(&open, "self-assessment")["results"]["all"]["ballots"],
        0
    );
    for command in ["close", "reveal"] {
        app.command(
            &session.id,
            json!({ "type": command, "activity": "self-assessment" }),
        )
        .await;
    }
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 4);
    // The transcript (downloadable as the storage it is) says no team either.
    for line in app
        .transcript(&session.id)
        .await
        .lines()
        .filter(|l| l.contains("ballot_cast"))
    {
        assert!(
            !line.contains("\"group\""),
            "an anonymous ballot's team: {line}"
        );
    }
    assert_eq!(results["cabinet"]["suppressed"], true, "{results}");
    assert_eq!(results["management"]["suppressed"], true, "{results}");
    assert!(results.get("comparison").is_none());

    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    let html = screen.wait_for(|m| m["type"] == "view").await["html"].to_string();
    assert!(
        !html.contains(">1.0<") && !html.contains("5.0"),
        "no team's mean: {html}"
    );

    let csv = app.votes_csv(&session.id).await;
    let rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("self-assessment,"))
        .collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            row.contains(",all,"),
            "only the whole room, never a team: {row}"
        );
        assert!(!row.contains("anonymous-"), "no pseudonym: {row}");
    }
    assert!(
        rows.iter().any(|r| r.contains(",1,,all,,true,1,"))
            && rows.iter().any(|r| r.contains(",5,,all,,true,3,")),
        "counts per answer:\n{}",
        rows.join("\n")
    );
}

#[tokio::test]
async fn an_objection_then_an_amendment_then_agreement_are_two_honest_rows() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phone = app.phones(&session, "cabinet", 1).await.remove(0);
    run(&app, &session.id, "open", "protocol").await;
    let item = activity(&app.state(&session.id).await, "protocol")["options"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    acked(
        &phone
            .vote(
                "protocol",
                json!({ "responses": { &item: { "response": "object", "reason": "too vague" } } }),
            )
            .await,
    );
    app.command(&session.id, json!({ "type": "amend", "activity": "protocol", "item": item, "text": "We warn each other within a day." }))
        .await;
    // The phone sends its old reason with the new answer; it is not kept.
    acked(&phone.vote("protocol", json!({ "responses": { &item: { "response": "agree", "reason": "too vague", "version": 2 } } })).await);
    let csv = app.votes_csv(&session.id).await;
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| r[col("item")] == *item)
        .collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert_eq!(
        (
            &rows[0][col("version")],
            &rows[0][col("value")],
            &rows[0][col("reason")]
        ),
        ("1", "object", "too vague")
    );
    assert_eq!(
        (
            &rows[1][col("version")],
            &rows[1][col("value")],
            &rows[1][col("reason")]
        ),
        ("2", "agree", "")
    );
    assert_eq!(&rows[1][col("wording")], "We warn each other within a day.");
    assert_ne!(&rows[0][col("wording")], &rows[1][col("wording")]);
}

#[tokio::test]
async fn a_missing_pseudonym_secret_refuses_anonymous_ballots_without_double_counting() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = app.phones(&session, "management", 3).await;
    run(&app, &session.id, "open", "self-assessment").await;
    for phone in &mut phones {
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 4 } }))
                .await,
        );
    }
    let tokens: Vec<String> = phones.iter().map(|p| p.token.clone().unwrap()).collect();
    drop(phones);
    app.stop().await;
    std::fs::remove_file(
        dir.0
            .join("sessions")
            .join(format!("{}.secret", session.id)),
    )
    .unwrap();

    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    let ids: Vec<String> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    for (id, token) in ids.iter().zip(&tokens) {
        let joined = Joined {
            id: id.clone(),
            token: token.clone(),
            admitted: true,
        };
        let mut phone = Socket::participant(&app, &session.id, &joined).await;
        refused(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 1 } }))
                .await,
            "anonymity_unavailable",
        );
    }
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 3, "nobody counted twice");
    assert_eq!(
        results["management"]["suppressed"], true,
        "without the secret no ballot's team is known, so no split is shown"
    );
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    let html = console.wait_for(|m| m["type"] == "view").await["html"].to_string();
    assert!(
        html.contains("Anonymous voting is switched off") && html.contains(".secret"),
        "{html}"
    );
}
