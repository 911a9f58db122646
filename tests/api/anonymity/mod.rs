//! The facilitator with the key, played as an attacker: every surface they
//! can fetch or watch, read for anything that ties an anonymous answer to a
//! person, a team too small to hide in, an order or a moment. Each test also
//! checks that the vote itself still counts every ballot. The rules under
//! attack are those of `docs/anonymity.md`.

mod amend;
mod ideas;
mod invitations;
mod items;
mod kinds;
mod property;
mod reopen;
mod teams;
mod timing;

use crate::helpers::*;
use serde_json::{json, Value};

/// Makes the named activities of a session anonymous (before they open),
/// through the script editor as a facilitator would.
pub async fn make_anonymous(app: &TestApp, session: &str, ids: &[&str]) {
    let path = format!("/api/sessions/{session}/script");
    let (status, mut script) = app.get_json(&path, Some(KEY)).await;
    assert_eq!(status, 200, "{script}");
    for activity in script["activity"].as_array_mut().unwrap() {
        if ids.contains(&activity["id"].as_str().unwrap()) {
            activity["anonymous"] = json!(true);
        }
    }
    let (status, body) = put_script(app, session, &script).await;
    assert_eq!(status, 200, "{body}");
}

/// `cabinet` and `management` members joined, let in, and on their phones.
pub async fn team_phones(
    app: &TestApp,
    session: &Created,
    cabinet: usize,
    management: usize,
) -> Vec<Socket> {
    let mut phones = app.phones(session, "cabinet", cabinet).await;
    phones.extend(app.phones(session, "management", management).await);
    phones
}

/// A facilitator command on one activity (`open`, `close`, `reveal`, …).
pub async fn run(app: &TestApp, session: &str, command: &str, activity: &str) -> u64 {
    app.command(session, json!({ "type": command, "activity": activity }))
        .await
}

/// Everything the facilitator's key can fetch about a session, by name.
pub async fn every_surface(app: &TestApp, session: &str) -> Vec<(&'static str, String)> {
    let page = |path: String| async move { app.page(&path).await };
    vec![
        ("state", app.state(session).await.to_string()),
        ("transcript", app.transcript(session).await),
        ("console", page(format!("/facilitate/{session}")).await),
        ("projector", page(format!("/screen/{session}")).await),
        ("review", page(format!("/review/{session}")).await),
        (
            "report.json",
            page(format!("/review/{session}/report.json")).await,
        ),
        (
            "report.md",
            page(format!("/review/{session}/report.md")).await,
        ),
        (
            "votes.csv",
            page(format!("/review/{session}/votes.csv")).await,
        ),
    ]
}

/// Asserts that no surface contains `secret`.
pub async fn nowhere(app: &TestApp, session: &str, secret: &str) {
    for (name, text) in every_surface(app, session).await {
        assert!(!text.contains(secret), "{name} shows {secret:?}");
    }
}

/// The facilitator's command, expecting a refusal with `code`.
pub async fn refused_command(app: &TestApp, session: &str, command: Value, code: &str) -> Value {
    let (status, body) = app.try_command(session, command).await;
    assert_eq!(body["error"]["code"], code, "{status} {body}");
    body
}
