//! The facilitator says who someone held is, and can undo a removal.

use crate::helpers::*;
use crate::trust::{series_with_roster, session_in};
use serde_json::json;

fn person<'a>(state: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap()
}

#[tokio::test]
async fn someone_held_as_not_on_the_roster_is_admitted_as_their_roster_name() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, roster) = series_with_roster(
        &app,
        json!([
            { "name": "Cllr Amira Patel", "group": "cabinet", "job_title": "Leader" },
            { "name": "Cllr Ben Okafor", "group": "cabinet" }
        ]),
    )
    .await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    // The Leader types her name without "Cllr": held, not on the roster.
    let amira = app.join(&session.code, "Amira Patel", "cabinet").await;
    assert!(!amira.admitted);
    let console = app.page(&format!("/facilitate/{}", session.id)).await;
    assert!(console.contains("Admit as them"), "the console offers it");
    let leader = roster[0]["id"].as_str().unwrap();
    app.command(
        &session.id,
        json!({ "type": "admit", "participant": amira.id, "person": leader }),
    )
    .await;
    let state = app.state(&session.id).await;
    let her = person(&state, &amira.id);
    assert_eq!(her["admitted"], true);
    assert_eq!(her["person"], leader);
    assert_eq!(her["name"], "Cllr Amira Patel");
    assert!(her["held"].is_null(), "{her}");
    let console = app.page(&format!("/facilitate/{}", session.id)).await;
    let absent = console.split("Not here yet").nth(1).unwrap();
    assert!(
        !absent.contains("Cllr Amira Patel"),
        "no longer 'not here yet'"
    );
    // A name someone else is here as is not given away twice.
    let ben = app.admitted(&session, "Cllr Ben Okafor", "cabinet").await;
    let other = app.join(&session.code, "B. Okafor", "cabinet").await;
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "admit", "participant": other.id, "person": roster[1]["id"] }),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already here"));
    assert_ne!(ben.id, other.id);
    app.stop().await;
}

#[tokio::test]
async fn a_removal_can_be_undone_and_the_phone_votes_again() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let joined = app.admitted(&session, "Cllr Patel", "cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "remove", "participant": joined.id }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "admit", "participant": joined.id }),
    )
    .await;
    let state = app.state(&session.id).await;
    let back = person(&state, &joined.id);
    assert_eq!(
        (back["removed"].clone(), back["admitted"].clone()),
        (json!(false), json!(true))
    );
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    let options = activity(&app.state(&session.id).await, "priorities")["options"].clone();
    let first = options[0]["id"].as_str().unwrap().to_string();
    acked(
        &phone
            .vote("priorities", json!({ "dots": { (first): 1 } }))
            .await,
    );
    app.stop().await;
}
