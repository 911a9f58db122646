//! A session's pseudonym secret says its scheme: new sessions key their
//! pseudonyms by HMAC-SHA256, and a session made before keeps the scheme it
//! began with across restarts, so each person's anonymous ballot stays theirs.

use crate::helpers::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_whose_secret_is_of_the_first_scheme_still_finds_each_person_s_anonymous_ballot()
{
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let secret = dir.0.join(format!("sessions/{}.secret", session.id));
    let text = std::fs::read_to_string(&secret).unwrap();
    assert!(
        text.starts_with("hmac-sha256:") && text.len() == 12 + 64,
        "{text}"
    );
    let joined = app.admitted(&session, "Cllr Patel", "cabinet").await;
    app.stop().await;

    // A secret as sessions made before December 2026 kept it: 64 hex digits.
    std::fs::write(&secret, format!("{}\n", "ab".repeat(32))).unwrap();
    let app = spawn_app(&dir.0).await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "confidence" }),
    )
    .await;
    let score = |n: i64| json!({ "scores": { "deliver-priorities": n } });
    acked(&phone.vote("confidence", score(2)).await);
    phone.close().await;
    app.stop().await;

    // After a restart the phone is given its own anonymous ballot back,
    // found by its pseudonym: the old scheme still makes the same one.
    let app = spawn_app(&dir.0).await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    let mine = phone
        .wait_for(|m| m["type"] == "ballot" && m["activity"] == "confidence")
        .await;
    assert_eq!(mine["ballot"], score(2), "{mine}");
    assert_eq!(
        std::fs::read_to_string(&secret).unwrap().trim(),
        "ab".repeat(32),
        "the secret is kept as it was"
    );
    app.stop().await;
}
