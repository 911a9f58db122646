//! Transcripts written by earlier versions replay to the same record: each
//! folder under `tests/fixtures/transcripts/` is a data folder an earlier
//! server left, with what that server served from it; today's server,
//! started on a copy, must serve the same bytes.

use crate::helpers::*;
use std::path::{Path, PathBuf};

fn copy_tree(from: &Path, to: &Path) {
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

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts")
        .join(name)
}

async fn served(app: &TestApp, path: &str) -> Vec<u8> {
    let response = app
        .http
        .get(app.url(path))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workshop_two_written_before_the_kind_registry_replays_to_the_same_record() {
    let from = fixture("w2-before-kinds");
    let dir = TempDir::new();
    copy_tree(&from.join("data-folder"), &dir.0);
    let app = spawn_app(&dir.0).await;
    let session = "92dc385e-0265-40b1-9f39-450e6984f714";
    for file in ["report.md", "votes.csv", "report.json", "transcript.jsonl"] {
        let now = served(&app, &format!("/review/{session}/{file}")).await;
        let then = std::fs::read(from.join("expected").join(file)).unwrap();
        if now != then {
            let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/replay-fixtures");
            std::fs::create_dir_all(&out).unwrap();
            std::fs::write(out.join(file), &now).unwrap();
            panic!(
                "{file} differs from what the earlier server served; today's is in {}",
                out.join(file).display()
            );
        }
    }
    // The anonymous rating's ballots are found by the old scheme's pseudonyms.
    let state = app.state(session).await;
    let results = &activity(&state, "relationship")["results"];
    assert_eq!(results["all"]["ballots"], 8, "{results}");
    app.stop().await;
}
