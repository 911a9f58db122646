//! A full disk mid-write loses no acknowledged change: on a small tmpfs
//! filled to the last byte, a write is refused and leaves no torn line; once
//! space is freed the next write is acknowledged, and a restart finds every
//! acknowledged change. Needs root (it mounts the tmpfs); skipped with a
//! message elsewhere.

use crate::helpers::*;
use crate::trust::series_with_roster;
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs of `kib` KiB mounted for one test, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, kib: u32) -> Option<SmallDisk> {
        let at = dir.join("disk");
        std::fs::create_dir_all(&at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&at)
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(SmallDisk(at)),
            Ok(out) => {
                eprintln!(
                    "skipped: a small tmpfs cannot be mounted here ({}); the full-disk test needs root",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: `mount` cannot run here ({e}); the full-disk test needs root");
                None
            }
        }
    }

    /// Fills the disk to its last byte; the filler's path.
    fn fill(&self) -> PathBuf {
        let filler = self.0.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        for chunk in [vec![0u8; 4096], vec![0u8; 1]] {
            while file.write_all(&chunk).is_ok() {}
        }
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn people(n: usize) -> Value {
    (0..n)
        .map(|i| json!({ "name": format!("Councillor number {i} of Ashfield"), "group": "cabinet", "job_title": "Cabinet member for a long portfolio" }))
        .collect()
}

async fn roster_len(app: &TestApp, series: &str) -> usize {
    let (status, body) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(status, 200, "{body}");
    body["roster"].as_array().unwrap().len()
}

/// Every file under `dir` that is appended to ends with a whole line.
fn no_torn_line(dir: &Path) {
    for entry in walk_files(dir) {
        let name = entry.to_string_lossy();
        if name.ends_with(".jsonl") || name.ends_with("audit.log") {
            let bytes = std::fs::read(&entry).unwrap();
            assert!(
                bytes.is_empty() || bytes.ends_with(b"\n"),
                "{name} ends in a torn line"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_loses_no_acknowledged_roster_review_link_or_event() {
    let dir = TempDir::new();
    let Some(disk) = SmallDisk::mount(&dir.0, 1024) else {
        return;
    };
    let data = disk.0.join("data");
    let app = spawn_app(&data).await;
    let (series, _) = series_with_roster(&app, people(1)).await;
    let session = crate::trust::session_in(&app, "w1-cabinet", &series).await;

    let filler = disk.fill();
    let response = app
        .http
        .put(app.url(&format!("/api/series/{series}/roster")))
        .bearer_auth(KEY)
        .json(&json!({ "people": people(200) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503, "a full disk is refused");
    // Notes until the transcript's last page is full too: each is acked
    // only if it is on disk.
    let note = |i: usize| json!({ "type": "note", "kind": "note", "text": format!("Note {i}: {}", "n".repeat(900)) });
    let mut acked_notes = 0;
    loop {
        let (status, body) = app.try_command(&session.id, note(acked_notes)).await;
        if status != 200 {
            assert_eq!(status, 503, "{body}");
            break;
        }
        acked_notes += 1;
        assert!(acked_notes < 20, "the disk never filled");
    }
    no_torn_line(&data);
    assert_eq!(roster_len(&app, &series).await, 1, "nothing changed");

    std::fs::remove_file(filler).unwrap();
    let response = app
        .http
        .put(app.url(&format!("/api/series/{series}/roster")))
        .bearer_auth(KEY)
        .json(&json!({ "people": people(6) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    app.command(&session.id, note(acked_notes)).await;
    app.stop().await;

    let app = spawn_app(&data).await;
    assert_eq!(roster_len(&app, &series).await, 6, "the acked roster");
    let notes = app.state(&session.id).await["notes"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(notes, acked_notes + 1, "every acked note, and no other");
    app.review_link(&series).await;
    app.stop().await;

    let app = spawn_app(&data).await;
    let (status, body) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(status, 200, "the series survives: {body}");
    assert_eq!(roster_len(&app, &series).await, 6);
    no_torn_line(&data);
    app.stop().await;
}
