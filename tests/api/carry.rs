//! Carrying options across a series when the earlier workshop did not run
//! the activity named in `from`: the later one still has options to vote on.

use crate::helpers::*;
use crate::trust::session_in;
use serde_json::json;

#[tokio::test]
async fn a_workshop_whose_source_was_never_run_takes_the_earlier_script_s_options() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    // Workshop 2 is created but its agreed priorities never opened.
    let w2 = app.create_session("w2-joint-vision").await;
    let series = app.state(&w2.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let w3 = session_in(&app, "w3-performance", &series).await.id;
    let state = app.state(&w3).await;
    let recap = &activity(&state, "recap")["options"];
    assert!(!recap.as_array().unwrap().is_empty(), "{recap}");
    assert!(
        recap[0]["detail"]
            .as_str()
            .unwrap()
            .contains("(not chosen in this series)"),
        "{recap}"
    );
    app.command(&w3, json!({ "type": "open", "activity": "recap" }))
        .await;
    app.stop().await;
}

#[tokio::test]
async fn a_workshop_whose_source_was_skipped_takes_the_ranking_before_it() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    // Workshop 2 ranks its shared priorities but never agrees them.
    let w2 = app.create_session("w2-joint-vision").await;
    let mut phones = app.phones(&w2, "cabinet", 3).await;
    app.command(
        &w2.id,
        json!({ "type": "open", "activity": "shared-priorities" }),
    )
    .await;
    let options = option_ids(&app.state(&w2.id).await, "shared-priorities");
    // Everyone puts the script's last option first.
    let mut order = options.clone();
    order.rotate_right(1);
    everyone_ranks(&mut phones, "shared-priorities", &order).await;
    app.command(
        &w2.id,
        json!({ "type": "close", "activity": "shared-priorities" }),
    )
    .await;
    let series = app.state(&w2.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let w3 = session_in(&app, "w3-performance", &series).await.id;
    // The console's create form knows the series ran the ranking and not
    // the agreement, so it can warn before workshop 3 is made.
    let console = app.page("/facilitate").await;
    assert!(
        console.contains("data-needs=\"w2-joint-vision.agreed-priorities\""),
        "{console}"
    );
    assert!(
        console.contains("w2-joint-vision.shared-priorities"),
        "{console}"
    );
    assert!(
        !console.contains("w2-joint-vision.agreed-priorities w"),
        "{console}"
    );
    let recap = activity(&app.state(&w3).await, "recap")["options"].clone();
    assert_eq!(
        recap.as_array().unwrap().len(),
        4,
        "agreed-priorities takes 4: {recap}"
    );
    assert_eq!(
        recap[0]["id"],
        json!(order[0]),
        "the room's first choice leads: {recap}"
    );
    assert!(
        recap[0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("From Workshop 2"),
        "{recap}"
    );
    app.stop().await;
}

/// Sessions of one script share its settings until one changes them: the
/// options one room carries in are that room's alone, never another's made
/// from the same script.
#[tokio::test]
async fn options_carried_into_one_room_stay_out_of_another_made_from_the_same_script() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let ours = app.create_session("w2-joint-vision").await;
    let theirs = app.create_session("w2-joint-vision").await;
    let scripted = option_ids(&app.state(&theirs.id).await, "agreed-priorities");
    let mut phones = app.phones(&ours, "cabinet", 3).await;
    app.command(
        &ours.id,
        json!({ "type": "open", "activity": "shared-priorities" }),
    )
    .await;
    let mut order = option_ids(&app.state(&ours.id).await, "shared-priorities");
    order.reverse();
    everyone_ranks(&mut phones, "shared-priorities", &order).await;
    app.command(
        &ours.id,
        json!({ "type": "close", "activity": "shared-priorities" }),
    )
    .await;
    app.command(
        &ours.id,
        json!({ "type": "open", "activity": "agreed-priorities" }),
    )
    .await;
    let carried = option_ids(&app.state(&ours.id).await, "agreed-priorities");
    assert_eq!(
        carried,
        order[..4].to_vec(),
        "our room's top four, carried in"
    );
    assert_eq!(
        option_ids(&app.state(&theirs.id).await, "agreed-priorities"),
        scripted,
        "the other room's options are as its script has them"
    );
    // And a room made afterwards starts from the script too.
    let later = app.create_session("w2-joint-vision").await;
    assert_eq!(
        option_ids(&app.state(&later.id).await, "agreed-priorities"),
        scripted
    );
    app.stop().await;
}

/// The ids of an activity's options, in the order the state lists them.
fn option_ids(state: &serde_json::Value, id: &str) -> Vec<String> {
    activity(state, id)["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every phone ranks `activity` in `order`, each acked.
async fn everyone_ranks(phones: &mut [Socket], activity: &str, order: &[String]) {
    for phone in phones {
        acked(&phone.vote(activity, json!({ "order": order })).await);
    }
}
