//! No secret reaches a log: the real binary at `RUST_LOG=trace`, driven with
//! every kind of token (the facilitator key, a participant's token, an
//! invitation, a review link), writes none of them to stdout or stderr;
//! and the key is printed only on the start that generates it.

use crate::helpers::*;
use crate::trust::{series_with_roster, session_in};
use serde_json::json;
use std::path::Path;
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The binary on port 0 with every log line kept in `log`; its address and
/// what it printed before listening.
async fn start(data_dir: &Path, log: &Path, key: Option<&str>) -> (Child, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_topteam"));
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .arg("--workshops")
        .arg(workshops_dir())
        .env_remove("TOPTEAM_ADMIN_KEY")
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).unwrap())
        .kill_on_drop(true);
    if let Some(key) = key {
        command.env("TOPTEAM_ADMIN_KEY", key);
    }
    let mut child = command.spawn().expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = String::new();
    let addr = tokio::time::timeout(WAIT, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            printed.push_str(&line);
            printed.push('\n');
            if line.starts_with("sessions resumed") {
                break;
            }
        }
        printed
            .lines()
            .find_map(|l| l.strip_prefix("topteam listening on http://"))
            .expect("the server says where it listens")
            .to_string()
    })
    .await
    .expect("the server starts");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, addr, printed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_token_or_key_reaches_a_log_even_at_trace() {
    let dir = TempDir::new();
    let log = dir.0.join("stderr.log");
    let (mut child, addr, printed) = start(&dir.0.join("data"), &log, Some(KEY)).await;
    assert!(!printed.contains(KEY), "{printed}");
    let app = TestApp::remote(addr);
    let (series, _) = series_with_roster(
        &app,
        json!([{ "name": "Cllr Rhian Hughes", "group": "cabinet" }]),
    )
    .await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    // A participant's token, in a websocket's query.
    let joined = app.join(&session.code, "Cllr Ann Lee", "cabinet").await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    let _ = phone.next_json().await;
    // An anonymous ballot: its answers never reach a log beside the voter.
    let admit = json!({ "type": "admit", "participant": joined.id });
    app.command(&session.id, admit).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "confidence" }),
    )
    .await;
    acked(
        &phone
            .vote(
                "confidence",
                json!({ "scores": { "deliver-priorities": 4 } }),
            )
            .await,
    );
    // An invitation, in a path.
    let (status, cards) = app
        .post_json(
            &format!("/api/series/{series}/invitations"),
            Some(KEY),
            json!({}),
        )
        .await;
    assert_eq!(status, 201, "{cards}");
    let card = cards[0]["url"].as_str().unwrap().to_string();
    let invitation = card.rsplit('/').next().unwrap().to_string();
    let asked = app.http.get(&card).send().await.unwrap();
    assert_eq!(asked.status(), 200);
    // A review link, in a path.
    let link = app.review_link(&series).await;
    let review = link["token"].as_str().unwrap().to_string();
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let opened = no_redirect
        .get(app.url(&format!("/r/{review}")))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    drop(phone);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    child.kill().await.unwrap();
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("/r/<token>") && logged.contains("/i/<token>"),
        "trace logs the requests, without their tokens:\n{}",
        &logged[..logged.len().min(4000)]
    );
    assert!(
        !logged.contains("deliver-priorities"),
        "an anonymous ballot is in the log"
    );
    for (what, secret) in [
        ("the facilitator key", KEY),
        ("a participant's token", joined.token.as_str()),
        ("an invitation", invitation.as_str()),
        ("a review link", review.as_str()),
    ] {
        assert!(!logged.contains(secret), "{what} is in the log");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_key_is_printed_only_when_it_is_made() {
    let dir = TempDir::new();
    let data = dir.0.join("data");
    let log = dir.0.join("stderr.log");
    let (mut first, _, printed) = start(&data, &log, None).await;
    first.kill().await.unwrap();
    let _ = first.wait().await;
    let key = std::fs::read_to_string(data.join("admin.key")).unwrap();
    let key = key.trim();
    assert!(printed.contains(key), "made now, so shown once:\n{printed}");
    let (mut second, _, printed) = start(&data, &log, None).await;
    second.kill().await.unwrap();
    assert!(!printed.contains(key), "{printed}");
    assert!(printed.contains("facilitator key: kept in"), "{printed}");
}
