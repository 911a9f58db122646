//! Amendments: every version's tally obeys the rule, open or closed.

use super::{make_anonymous, nowhere, refused_command, run, team_phones};
use crate::helpers::*;
use serde_json::{json, Value};

const STATEMENTS: [&str; 7] = [
    "two-way",
    "clear-decisions",
    "unbiased-advice",
    "no-surprises",
    "challenge",
    "one-council",
    "honesty",
];

fn agree_to_all() -> Value {
    let responses: serde_json::Map<String, Value> = STATEMENTS
        .iter()
        .map(|s| (s.to_string(), json!({ "response": "agree" })))
        .collect();
    json!({ "responses": responses })
}

#[tokio::test]
async fn one_objection_to_a_wording_amended_while_open_is_never_shown() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    make_anonymous(&app, &session.id, &["protocol"]).await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    run(&app, &session.id, "open", "protocol").await;
    let reason = "I cannot say this in front of the chief executive";
    let objection =
        json!({ "responses": { "two-way": { "response": "object", "reason": reason } } });
    acked(&phones[0].vote("protocol", objection).await);
    app.command(
        &session.id,
        json!({ "type": "amend", "activity": "protocol", "item": "two-way",
                "text": "Members and officers keep each other informed, both ways." }),
    )
    .await;
    // While open, the old wording's tally stays in the box.
    let state = app.state(&session.id).await;
    let versions = &activity(&state, "protocol")["statements"]["two-way"]["versions"];
    assert_eq!(versions.as_array().unwrap().len(), 2, "{versions}");
    assert!(versions[0].get("tally").is_none(), "{versions}");
    nowhere(&app, &session.id, reason).await;

    for phone in phones.iter_mut() {
        acked(&phone.vote("protocol", agree_to_all()).await);
    }
    run(&app, &session.id, "close", "protocol").await;
    let state = app.state(&session.id).await;
    let protocol = activity(&state, "protocol");
    // One answer to the first wording: too few to show, then or ever.
    let first = &protocol["statements"]["two-way"]["versions"][0]["tally"];
    assert_eq!(first["hidden"], true, "{first}");
    assert_eq!(first["all"]["object"], 0, "{first}");
    nowhere(&app, &session.id, reason).await;
    // The vote itself: six agree to the amended wording.
    let two_way = &protocol["results"]["all"]["items"]["two-way"];
    assert_eq!(two_way["agree"], 6, "{protocol}");
    assert_eq!(protocol["results"]["all"]["ballots"], 6);
    // A sealed vote takes no more amendments: each would move its count.
    refused_command(
        &app,
        &session.id,
        json!({ "type": "amend", "activity": "protocol", "item": "honesty", "text": "Be honest." }),
        "anonymous_sealed",
    )
    .await;
    app.stop().await;
}
