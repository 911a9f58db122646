//! Reconnecting phones and resent commands.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn a_reconnecting_phone_gets_its_last_ballot_back() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let joined = app.admitted(&session, "Cllr Okafor", "cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    acked(
        &phone
            .vote(
                "priorities",
                json!({ "dots": { "localism": 2, "roles": 3 } }),
            )
            .await,
    );
    phone.close().await;

    let mut again = Socket::participant(&app, &session.id, &joined).await;
    let welcome = again.next_json().await;
    assert_eq!(welcome["type"], "welcome");
    assert_eq!(welcome["participant"], joined.id.as_str());
    let ballot = again.next_json().await;
    assert_eq!(ballot["type"], "ballot");
    assert_eq!(ballot["activity"], "priorities");
    assert_eq!(
        ballot["ballot"],
        json!({ "dots": { "localism": 2, "roles": 3 } })
    );
    let time = again.next_json().await;
    assert_eq!(
        time["type"], "time",
        "the server's clock comes before the view"
    );
    assert!(time["now"].as_i64().unwrap() > 1_700_000_000_000);
    let view = again.next_json().await;
    assert_eq!(view["type"], "view");
    assert_eq!(view["audience"], "participant");
}

#[tokio::test]
async fn a_resent_command_is_acked_again_but_applied_once_even_after_a_restart() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let joined = app.admitted(&session, "Cllr Okafor", "cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let vote = json!({ "type": "vote", "activity": "priorities", "ballot": { "dots": { "budget": 1 } }, "client_id": "phone-1" });

    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    phone.send_text(vote.to_string()).await;
    let first = acked(&phone.reply().await);
    phone.send_text(vote.to_string()).await;
    let second = acked(&phone.reply().await);
    assert_eq!(first, second, "a resend is answered with the original seq");
    phone.close().await;
    let events_before = app.transcript(&session.id).await.lines().count();
    app.stop().await;

    let app = spawn_app(&dir.0).await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    phone.send_text(vote.to_string()).await;
    assert_eq!(
        acked(&phone.reply().await),
        first,
        "the transcript remembers client ids"
    );
    assert_eq!(
        app.transcript(&session.id).await.lines().count(),
        events_before
    );
    let ballots = app
        .transcript(&session.id)
        .await
        .matches("ballot_cast")
        .count();
    assert_eq!(ballots, 1);
}

#[tokio::test]
async fn a_heartbeat_is_answered_at_once_and_only_exactly_so() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let joined = app.admitted(&session, "Cllr Heartbeat", "cabinet").await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    phone.send_text(r#"{"type":"ping"}"#).await;
    phone.wait_for(|m| m["type"] == "pong").await;
    // Anything else called a ping is refused, saying what a heartbeat is.
    phone.send_text(r#"{"type":"ping","x":1}"#).await;
    let refused = phone.wait_for(|m| m["type"] == "error").await;
    assert_eq!(refused["error"]["code"], "invalid_request");
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("heartbeat"));
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    console.send_text(r#"{"type":"ping"}"#).await;
    console.wait_for(|m| m["type"] == "pong").await;
}
