//! Honest phones: each vote says whether it is named or anonymous before
//! anyone answers; a connection gone quiet is shown as lost within seconds;
//! a statement amended while the phone was offline refuses only that
//! answer, beside it, and the rest of the ballot is saved; a ranking starts
//! shuffled and an unmoved one is kept only when asked.

use crate::helpers::*;
use crate::support::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_says_what_it_can_and_cannot_keep_through_a_quiet_network() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let proxy = Proxy::start(app.addr.parse().unwrap()).await;
    let base = format!("http://{}", proxy.addr);
    let session = app.create_session("w2-joint-vision").await;
    // The agreed priorities anonymous, for the last part below.
    let path = format!("/api/sessions/{}/script", session.id);
    let (_, mut script) = app.get_json(&path, Some(KEY)).await;
    for a in script["activity"].as_array_mut().unwrap() {
        if a["id"] == "agreed-priorities" {
            a["anonymous"] = json!(true);
        }
    }
    let (status, body) = put_script(&app, &session.id, &script).await;
    assert_eq!(status, 200, "{body}");
    let phone = driver.browser(PHONE).await;
    join(&phone, &base, &session.code, "Cllr Patel", "cabinet").await;
    wait_text(&phone, "#live", "Waiting to be admitted").await;
    let me = app.state(&session.id).await["participants"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.command(&session.id, json!({ "type": "admit", "participant": me }))
        .await;
    let open = |activity: &str| json!({ "type": "open", "activity": activity });

    // Named, said before anyone answers, and what the name is used for.
    app.command(&session.id, open("protocol")).await;
    let named = wait_text(&phone, ".vote-kind", "Named.").await;
    assert!(named.contains("recorded with your name"), "{named}");
    screenshot(&phone, "phone-named-vote").await;

    // Two statements answered; then the wifi goes quiet without a word.
    click(&phone, "#ag-protocol-two-way-agree").await;
    click(&phone, "#ag-protocol-honesty-agree").await;
    wait_text(&phone, "#connection", "Connected").await;
    proxy.silence();
    let lost = wait_text(&phone, "#connection", "Connection lost").await;
    screenshot(&phone, "phone-quiet-connection").await;
    assert!(!lost.contains("Connected"), "{lost}");
    // Saved while quiet: queued, not claimed as saved.
    click(&phone, "form.ballot button.primary").await;
    let saying = wait_text(&phone, "#connection", "your vote will be sent").await;
    assert!(saying.contains("Reconnecting"), "{saying}");

    // Meanwhile the facilitator amends one statement.
    app.command(
        &session.id,
        json!({ "type": "amend", "activity": "protocol", "item": "honesty",
                "text": "We are honest with each other, in private and in front of staff." }),
    )
    .await;
    proxy.restore();
    wait_text(&phone, "#connection", "Connected").await;
    let refused = wait_text(&phone, "fieldset[data-item='honesty'] .item-error", "").await;
    assert!(!refused.is_empty(), "the refusal is beside the statement");
    let said = wait_text(&phone, ".saved", "One answer was not saved").await;
    assert!(said.contains("other answers are saved"), "{said}");
    screenshot(&phone, "phone-amended-statement-refused").await;
    let violations = accessibility_violations(&phone).await;
    assert!(violations.is_empty(), "{violations:?}");
    let state = app.state(&session.id).await;
    let items = &totals(&state, "protocol", "all")["items"];
    assert_eq!(
        items["two-way"]["agree"], 1,
        "the rest of the ballot is saved"
    );
    assert_eq!(
        items["honesty"]["agree"], 0,
        "the old wording's answer is not"
    );

    // Answered again to the new wording: saved.
    click(&phone, "#ag-protocol-honesty-live_with").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "saved").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        totals(&state, "protocol", "all")["items"]["honesty"]["live_with"],
        1
    );

    // An objection without a reason is stopped on the phone, beside it,
    // and never reaches the server (whose refusal, counted, would say
    // someone just objected).
    click(&phone, "#ag-protocol-two-way-object").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(
        &phone,
        "fieldset[data-item='two-way'] .item-error",
        "Say why you object",
    )
    .await;
    let metrics = app.metrics_text().await;
    assert!(!metrics.contains("reason_required"), "{metrics}");
    let state = app.state(&session.id).await;
    assert_eq!(
        totals(&state, "protocol", "all")["items"]["two-way"]["agree"],
        1,
        "the earlier answer stands"
    );

    // A ranking starts shuffled; saved unmoved, it asks first.
    app.command(&session.id, open("shared-priorities")).await;
    wait_text(&phone, "#live h2", "Shared vision priorities").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "You have not moved anything").await;
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "shared-priorities", "all")["ballots"], 0);
    click(&phone, "button.keep-order").await;
    wait_text(&phone, ".saved", "Your vote is saved").await;
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "shared-priorities", "all")["ballots"], 1);

    // Anonymous statements: an objection held back for its reason holds
    // back the whole save, so the room's turnout never shows this phone
    // "in progress" (which would say it objected).
    app.command(&session.id, open("agreed-priorities")).await;
    wait_text(&phone, ".vote-kind", "Anonymous.").await;
    click(
        &phone,
        "fieldset[data-item]:nth-of-type(1) input[value='object']",
    )
    .await;
    click(
        &phone,
        "fieldset[data-item]:nth-of-type(2) input[value='agree']",
    )
    .await;
    let events = app.metric("topteam_events_written_total").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "Nothing was sent yet").await;
    wait_text(
        &phone,
        "fieldset[data-item] .item-error",
        "Say why you object",
    )
    .await;
    assert_eq!(
        app.metric("topteam_events_written_total").await,
        events,
        "not even the agreement went: nothing was written"
    );
    let metrics = app.metrics_text().await;
    assert!(!metrics.contains("reason_required"), "{metrics}");

    // Anonymous, said before anyone answers; the timer stops with the vote.
    app.command(&session.id, open("relationship")).await;
    let anonymous = wait_text(&phone, ".vote-kind", "Anonymous.").await;
    assert!(
        anonymous.contains("Nobody, the facilitator included"),
        "{anonymous}"
    );
    app.command(
        &session.id,
        json!({ "type": "timer", "activity": "relationship", "action": "start", "seconds": 300 }),
    )
    .await;
    wait_text(&phone, ".timer", "Time left").await;
    screenshot(&phone, "phone-anonymous-vote").await;
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "relationship" }),
    )
    .await;
    let closed = wait_text(&phone, "#live", "Voting is closed").await;
    assert!(
        !closed.contains("Time left"),
        "no timer after the vote: {closed}"
    );
    phone.close().await.unwrap();
}
