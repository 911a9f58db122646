//! Deleting a session or a whole series: gone from the data folder, sockets
//! closed, a line in the audit log that names no one.

use crate::helpers::*;
use serde_json::json;

async fn delete(app: &TestApp, path: &str) -> u16 {
    app.http
        .delete(app.url(path))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_deleted_session_is_gone_from_the_data_folder_and_its_phones_are_told() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let keep = app.create_session("w1-cabinet").await;
    let joined = app
        .admitted(&session, "Cllr Zanzibar Quill", "cabinet")
        .await;
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    acked(
        &phone
            .vote("priorities", json!({ "dots": { "budget": 2 } }))
            .await,
    );
    assert!(!files_containing(&dir.0, "Zanzibar").is_empty());

    assert_eq!(
        delete(&app, &format!("/api/sessions/{}", session.id)).await,
        204
    );
    // 4004, not 1001: the session is gone for good, so the phone says so
    // instead of reconnecting for ever, and the projector loads its page
    // again to hear where to go.
    assert_eq!(
        phone.close_code().await,
        Some(4004),
        "the phone is told the session was deleted"
    );
    assert_eq!(screen.close_code().await, Some(4004));
    assert_eq!(files_containing(&dir.0, "Zanzibar"), Vec::<String>::new());
    assert!(!dir
        .0
        .join(format!("sessions/{}.secret", session.id))
        .exists());
    let (status, _) = app
        .get_json(&format!("/api/sessions/{}", session.id), Some(KEY))
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        delete(&app, &format!("/api/sessions/{}", session.id)).await,
        404
    );
    let (status, _) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "name": "Someone", "group": "cabinet" }),
        )
        .await;
    assert_eq!(status, 404, "its code no longer joins");

    let audit = std::fs::read_to_string(dir.0.join("audit.log")).unwrap();
    assert!(
        audit.contains(&session.id) && audit.contains("\"deleted\""),
        "{audit}"
    );
    assert!(!audit.contains("Zanzibar"));

    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let (status, _) = app
        .get_json(&format!("/api/sessions/{}", session.id), Some(KEY))
        .await;
    assert_eq!(status, 404, "still gone after a restart");
    let (status, _) = app
        .get_json(&format!("/api/sessions/{}", keep.id), Some(KEY))
        .await;
    assert_eq!(status, 200, "other sessions stay");
    app.stop().await;
}

#[tokio::test]
async fn deleting_a_series_deletes_its_sessions_and_its_roster() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (_, series) = app
        .post_json("/api/series", Some(KEY), json!({ "name": "Ashfield 2026" }))
        .await;
    let id = series["id"].as_str().unwrap().to_string();
    let roster = json!({ "people": [{ "name": "Cllr Ophelia Marchbanks", "group": "cabinet" }] });
    let response = app
        .http
        .put(app.url(&format!("/api/series/{id}/roster")))
        .bearer_auth(KEY)
        .json(&roster)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (status, created) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "series": id }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    assert!(!files_containing(&dir.0, "Marchbanks").is_empty());

    assert_eq!(delete(&app, &format!("/api/series/{id}")).await, 204);
    assert_eq!(files_containing(&dir.0, "Marchbanks"), Vec::<String>::new());
    let (status, _) = app.get_json(&format!("/api/series/{id}"), Some(KEY)).await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get_json(
            &format!("/api/sessions/{}", created["id"].as_str().unwrap()),
            Some(KEY),
        )
        .await;
    assert_eq!(status, 404);
    let audit = std::fs::read_to_string(dir.0.join("audit.log")).unwrap();
    assert_eq!(
        audit.lines().count(),
        2,
        "the session, then the series: {audit}"
    );
    app.stop().await;
}

#[tokio::test]
async fn purge_deletes_series_whose_sessions_all_ended_before_the_date_and_keeps_the_rest() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let ended = app.create_session("w1-cabinet").await;
    let live = app.create_session("w1-cabinet").await;
    app.admitted(&ended, "Cllr Persephone Dunmore", "cabinet")
        .await;
    app.command(&ended.id, json!({ "type": "end" })).await;
    app.stop().await;

    let before = |date: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_topteam"))
            .args(["purge", "--ended-before", date, "--data-dir"])
            .arg(&dir.0)
            .arg("--workshops")
            .arg(workshops_dir())
            .output()
            .unwrap()
    };
    let out = before("2000-01-01");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("deleted 0 series"));
    let out = before("2999-01-01");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("deleted 1 series"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(files_containing(&dir.0, "Dunmore"), Vec::<String>::new());
    let audit = std::fs::read_to_string(dir.0.join("audit.log")).unwrap();
    assert!(
        audit.lines().all(|l| l.contains("\"by\":\"purge\"")),
        "{audit}"
    );

    let app = spawn_app(&dir.0).await;
    let (status, _) = app
        .get_json(&format!("/api/sessions/{}", ended.id), Some(KEY))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get_json(&format!("/api/sessions/{}", live.id), Some(KEY))
        .await;
    assert_eq!(status, 200, "a series with a session still live stays");
    app.stop().await;
}

#[tokio::test]
async fn a_backup_taken_while_voting_starts_a_fresh_server_with_every_acked_ballot() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&session, "cabinet", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "confidence" }),
    )
    .await;
    let state = app.state(&session.id).await;
    let items: Vec<String> = activity(&state, "confidence")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    for phone in &mut phones {
        let scores: serde_json::Map<String, serde_json::Value> =
            items.iter().map(|i| (i.clone(), json!(4))).collect();
        acked(&phone.vote("confidence", json!({ "scores": scores })).await);
    }
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "confidence" }),
    )
    .await;

    // While the server runs.
    let copy = TempDir::new();
    let target = copy.0.join("backup");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_topteam"))
        .args(["backup"])
        .arg(&target)
        .arg("--data-dir")
        .arg(&dir.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.stop().await;

    // A backup is restored into a new folder, not served as it is.
    let (code, said) = topteam(&["serve", "--addr", "127.0.0.1:0", "--data-dir"], &target);
    assert_ne!(code, 0);
    assert!(said.contains("restore it into a new data folder"), "{said}");
    let data = copy.0.join("restored");
    let (code, said) = topteam(
        &["restore", &target.display().to_string(), "--data-dir"],
        &data,
    );
    assert_eq!(code, 0, "{said}");
    let restored = spawn_app(&data).await;
    let state = restored.state(&session.id).await;
    let results = &activity(&state, "confidence")["results"];
    assert_eq!(results["all"]["ballots"], 3, "{results}");
    // The secret came too: the anonymous vote still splits by team.
    assert!(results["cabinet"]["suppressed"].is_null(), "{results}");
    restored.stop().await;
}

/// (Hostile pass.) Sessions made in a series while it is being deleted are
/// deleted with it, or refused: none is left behind holding its roster.
#[tokio::test]
async fn a_series_deleted_while_sessions_are_made_in_it_leaves_none_behind() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for _ in 0..5 {
        let (_, made) = app
            .post_json("/api/series", Some(KEY), json!({ "name": "Racing" }))
            .await;
        let series = made["id"].as_str().unwrap().to_string();
        let creates = (0..6).map(|_| {
            app.post_json(
                "/api/sessions",
                Some(KEY),
                json!({ "workshop": "w1-cabinet", "series": series }),
            )
        });
        let delete = async {
            app.http
                .delete(app.url(&format!("/api/series/{series}")))
                .bearer_auth(KEY)
                .send()
                .await
                .unwrap()
                .status()
        };
        let (made, deleted) = tokio::join!(futures_util::future::join_all(creates), delete);
        assert_eq!(deleted, 204);
        for (status, body) in made {
            assert!(status == 201 || status == 404, "{status} {body}");
        }
        let (_, all) = app.get_json("/api/sessions", Some(KEY)).await;
        let left: Vec<&serde_json::Value> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["series"] == series.as_str())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

/// Runs the real binary with `args` then `path`; its exit code and output.
fn topteam(args: &[&str], path: &std::path::Path) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_topteam"))
        .args(args)
        .arg(path)
        .args(if args[0] == "serve" {
            vec!["--workshops".into(), workshops_dir().into_os_string()]
        } else {
            Vec::new()
        })
        .env("TOPTEAM_ADMIN_KEY", KEY)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), said)
}

/// A backup stopped part-way, or changed since, is refused by `serve` and
/// `restore` with a message that says so; a whole one restores with its
/// review links revoked (one revoked after the backup must not come back),
/// or kept when asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_is_whole_or_refused_and_restoring_it_revokes_its_review_links() {
    let dir = TempDir::new();
    let elsewhere = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = crate::trust::series_with_roster(
        &app,
        json!([{ "name": "Cllr Rhian Hughes", "group": "cabinet" }]),
    )
    .await;
    crate::trust::session_in(&app, "w1-cabinet", &series).await;
    let link = app.review_link(&series).await;
    // A console login, which a restore must not bring back.
    std::fs::write(dir.0.join("logins.jsonl"), "{}\n").unwrap();
    let backup = elsewhere.0.join("backup-whole");
    let (code, said) = topteam(
        &["backup", &backup.display().to_string(), "--data-dir"],
        &dir.0,
    );
    assert_eq!(code, 0, "{said}");
    // Never into the data folder itself (it would copy itself for ever).
    let (code, said) = topteam(
        &[
            "backup",
            &dir.0.join("inside").display().to_string(),
            "--data-dir",
        ],
        &dir.0,
    );
    assert_ne!(code, 0);
    assert!(said.contains("inside the data folder"), "{said}");
    app.stop().await;
    let manifest = std::fs::read_to_string(backup.join("backup-manifest.json")).unwrap();
    assert!(
        manifest.contains("sha256") && manifest.contains(".secret"),
        "{manifest}"
    );
    assert!(
        !manifest.contains("logins.jsonl"),
        "logins are never backed up"
    );

    // Killed part-way: the mark is still there and no manifest was written.
    let partial = elsewhere.0.join("backup-partial");
    copy_tree(&backup, &partial);
    std::fs::remove_file(partial.join("backup-manifest.json")).unwrap();
    std::fs::write(partial.join("backup-unfinished"), "").unwrap();
    let (code, said) = topteam(&["serve", "--addr", "127.0.0.1:0", "--data-dir"], &partial);
    assert_ne!(code, 0);
    assert!(said.contains("is an unfinished backup"), "{said}");

    // Changed since: a file disagrees with the manifest.
    let changed = elsewhere.0.join("backup-changed");
    copy_tree(&backup, &changed);
    let series_file = changed.join(format!("series/{series}.jsonl"));
    let mut text = std::fs::read_to_string(&series_file).unwrap();
    text.push_str("{}\n");
    std::fs::write(&series_file, text).unwrap();
    let (code, said) = topteam(
        &["restore", &changed.display().to_string(), "--data-dir"],
        &elsewhere.0.join("never"),
    );
    assert_ne!(code, 0);
    assert!(
        said.contains("is a damaged backup") && said.contains("series/"),
        "{said}"
    );

    // Whole: restored, its review link revoked unless kept.
    let restored = elsewhere.0.join("restored");
    let (code, said) = topteam(
        &["restore", &backup.display().to_string(), "--data-dir"],
        &restored,
    );
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("1 review links revoked"), "{said}");
    let app = spawn_app(&restored).await;
    let (status, body) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["roster"].as_array().unwrap().len(), 1, "{body}");
    let opened = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url(&format!("/r/{}", link["token"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 404, "the old link does not work");
    app.stop().await;
    use std::os::unix::fs::PermissionsExt;
    // Every file restored (the server's own lock holds nothing).
    for file in walk_files(&restored)
        .into_iter()
        .filter(|f| !f.ends_with("topteam.lock"))
    {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is {mode:o}", file.display());
    }
    // A restore stopped part-way is refused until it is done again.
    std::fs::write(restored.join("restore-unfinished"), "").unwrap();
    let (code, said) = topteam(&["serve", "--addr", "127.0.0.1:0", "--data-dir"], &restored);
    assert_ne!(code, 0);
    assert!(said.contains("is an unfinished restore"), "{said}");
    let kept = elsewhere.0.join("kept");
    let (code, said) = topteam(
        &[
            "restore",
            &backup.display().to_string(),
            "--keep-review-links",
            "--data-dir",
        ],
        &kept,
    );
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("0 review links revoked"), "{said}");
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
