//! Ended sessions sleep through a restart: the server lists them from the
//! summary kept beside each transcript, reads a transcript only when its
//! session is opened, and makes a summary again whenever its transcript has
//! changed since. Whatever a page shows of an ended session is the same
//! read from its summary as from its transcript.

use crate::helpers::*;
use serde_json::{json, Value};

/// A session of the built-in w1 in `series` (a new one when `None`), with
/// three cabinet votes in its check-in and `named` let in, ended.
async fn ended_session(
    app: &TestApp,
    title: &str,
    series: Option<&str>,
    named: Option<&str>,
) -> Created {
    let mut body = json!({ "workshop": "w1-cabinet", "title": title });
    if let Some(series) = series {
        body["series"] = json!(series);
    }
    let (status, body) = app.post_json("/api/sessions", Some(KEY), body).await;
    assert_eq!(status, 201, "{body}");
    let session = Created {
        id: body["id"].as_str().unwrap().to_string(),
        code: body["code"].as_str().unwrap().to_string(),
    };
    if let Some(name) = named {
        app.admitted(&session, name, "cabinet").await;
    }
    let mut phones = app.phones(&session, "cabinet", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "check-in" }),
    )
    .await;
    let items: serde_json::Map<String, Value> = activity(&app.state(&session.id).await, "check-in")
        ["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap().to_string(), json!(4)))
        .collect();
    for phone in phones.iter_mut() {
        acked(&phone.vote("check-in", json!({ "scores": items })).await);
    }
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "check-in" }),
    )
    .await;
    app.command(&session.id, json!({ "type": "end" })).await;
    session
}

fn summary_file(dir: &std::path::Path, id: &str) -> std::path::PathBuf {
    dir.join("sessions").join(format!("{id}.summary.json"))
}

/// What the lists and an ended session's pages show, by page.
async fn pages(app: &TestApp, ended: &Created, series: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in [
        "/facilitate".to_string(),
        "/review".to_string(),
        format!("/facilitate/series/{series}"),
        format!("/review/series/{series}"),
        format!("/review/{}", ended.id),
    ] {
        out.push((path.clone(), app.page(&path).await));
    }
    let (_, list) = app.get_json("/api/sessions", Some(KEY)).await;
    out.push(("/api/sessions".into(), list.to_string()));
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ended_sessions_sleep_through_a_restart_and_wake_when_opened() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let ended = ended_session(&app, "Ended council", None, None).await;
    let series = app.state(&ended.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let live = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "title": "Live council", "series": series }),
        )
        .await
        .1;
    let live_id = live["id"].as_str().unwrap().to_string();
    let before = pages(&app, &ended, &series).await;
    app.stop().await;
    // A clean stop keeps the ended session's summary, not the live one's.
    assert!(summary_file(&dir.0, &ended.id).exists());
    assert!(!summary_file(&dir.0, &live_id).exists());

    // After a restart the ended session is listed from its summary, unread…
    let app = spawn_app(&dir.0).await;
    assert_eq!(app.metric("topteam_sessions").await, 2.0);
    assert_eq!(app.metric("topteam_sessions_dormant").await, 1.0);
    let from_summary = {
        let mut shown = Vec::new();
        for path in ["/facilitate", "/review"] {
            shown.push((path.to_string(), app.page(path).await));
        }
        let page = format!("/facilitate/series/{series}");
        shown.push((page.clone(), app.page(&page).await));
        shown
    };
    assert_eq!(app.metric("topteam_sessions_dormant").await, 1.0);
    for (path, html) in &from_summary {
        let (_, was) = before.iter().find(|(p, _)| p == path).unwrap();
        assert_eq!(
            strip_volatile(html),
            strip_volatile(was),
            "{path} differs read from the summary"
        );
    }
    // …and read when someone opens it, showing what it showed before.
    let after = pages(&app, &ended, &series).await;
    assert_eq!(app.metric("topteam_sessions_dormant").await, 0.0);
    for ((path, now), (_, was)) in after.iter().zip(&before) {
        assert_eq!(strip_volatile(now), strip_volatile(was), "{path} differs");
    }
    // Its join code still says it has ended.
    let (status, body) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": ended.code, "name": "Late Comer", "group": "cabinet" }),
        )
        .await;
    assert_eq!(body["error"]["code"], "session_ended", "{status} {body}");
    app.stop().await;
}

/// Nothing in a page that changes from one serving to the next on its own:
/// the socket's address, the code of a QR image.
fn strip_volatile(html: &str) -> String {
    html.lines()
        .filter(|l| !l.contains("data:image"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_summary_whose_transcript_changed_is_made_again() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let ended = ended_session(&app, "Archived later", None, None).await;
    app.stop().await;
    let path = summary_file(&dir.0, &ended.id);
    let first = std::fs::read(&path).unwrap();

    // Archived after a restart, the transcript grows past that summary;
    // the summary is then put back as it was, as a crash would leave it.
    let app = spawn_app(&dir.0).await;
    app.command(&ended.id, json!({ "type": "archive" })).await;
    app.stop().await;
    std::fs::write(&path, &first).unwrap();

    // Read again from its transcript, so the lists know it is archived…
    let app = spawn_app(&dir.0).await;
    let (_, list) = app.get_json("/api/sessions", Some(KEY)).await;
    assert_eq!(list[0]["archived"], true, "{list}");
    assert_eq!(list[0]["status"], "ended", "{list}");
    // …and left asleep, with a summary true to the transcript again.
    assert_eq!(app.metric("topteam_sessions_dormant").await, 1.0);
    let summary: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(summary["summary"]["archived"], true, "{summary}");
    let bytes = std::fs::metadata(dir.0.join("sessions").join(format!("{}.jsonl", ended.id)))
        .unwrap()
        .len();
    assert_eq!(summary["transcript"]["bytes"], bytes);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasing_and_deleting_reach_sessions_that_sleep() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let named = "Cllr Zed Sleeper";
    let ended = ended_session(&app, "First workshop", None, Some(named)).await;
    let series = app.state(&ended.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    app.stop().await;
    let transcript = dir.0.join("sessions").join(format!("{}.jsonl", ended.id));
    assert!(std::fs::read_to_string(&transcript)
        .unwrap()
        .contains(named));

    // The same person in the series' next session, while the first sleeps.
    let app = spawn_app(&dir.0).await;
    let (_, live) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "title": "Second", "series": series }),
        )
        .await;
    let live = Created {
        id: live["id"].as_str().unwrap().to_string(),
        code: live["code"].as_str().unwrap().to_string(),
    };
    let zed = app.admitted(&live, named, "cabinet").await;
    assert_eq!(app.metric("topteam_sessions_dormant").await, 1.0);
    let mut console = Socket::staff(&app, &live.id, "facilitate").await;
    acked(
        &console
            .command(json!({ "type": "erase", "participant": zed.id }))
            .await,
    );
    // The sleeping session was read to be erased as well.
    assert!(!std::fs::read_to_string(&transcript)
        .unwrap()
        .contains(named));
    app.stop().await;

    // Deleting the series deletes a sleeping session's files, summary too.
    let app = spawn_app(&dir.0).await;
    assert!(summary_file(&dir.0, &ended.id).exists());
    assert_eq!(app.metric("topteam_sessions_dormant").await, 1.0);
    let status = app
        .http
        .delete(app.url(&format!("/api/series/{series}")))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 204);
    let left: Vec<String> = std::fs::read_dir(dir.0.join("sessions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&ended.id))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    app.stop().await;
}
