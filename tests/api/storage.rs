//! A transcript that cannot be written never yields an ack, and the session recovers.

use serde_json::json;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use topteam::activity::Ballot;
use topteam::config::{Limits, Timings};
use topteam::live::{actor, SessionError};
use topteam::metrics::Metrics;
use topteam::session::{
    Actor, Claim, Command, JoinRequest, Pseudonyms, Record, SessionInfo, SessionState,
};
use topteam::transcript::{answered, TranscriptWriter};
use topteam::workshop::{Group, Workshop};
use uuid::Uuid;

/// Keeps records in memory; fails while `broken` is set, like a full disk.
struct FlakyDisk {
    broken: Arc<AtomicBool>,
    written: Arc<Mutex<Vec<Record>>>,
}

impl TranscriptWriter for FlakyDisk {
    fn append(&mut self, records: &[Record]) -> topteam::transcript::Pending {
        if self.broken.load(Ordering::SeqCst) {
            return answered(Err(io::Error::other("No space left on device")));
        }
        self.written.lock().unwrap().extend_from_slice(records);
        answered(Ok(topteam::transcript::encode(records).len() as u64))
    }
}

#[tokio::test]
async fn a_failed_write_is_refused_not_acked_and_the_session_recovers_with_the_disk() {
    let script = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vote.toml"),
    )
    .unwrap();
    let info = SessionInfo {
        id: Uuid::new_v4(),
        code: "ABCDEF".into(),
        title: "t".into(),
        series: Uuid::new_v4(),
        created_at: "2026-11-22T10:00:00Z".parse().expect("a time"),
        workshop: Workshop::from_toml(&script).unwrap(),
        language: Default::default(),
    };
    let broken = Arc::new(AtomicBool::new(false));
    let written = Arc::new(Mutex::new(Vec::new()));
    let disk = FlakyDisk {
        broken: broken.clone(),
        written: written.clone(),
    };
    let (limits, timings, tracker) = (Limits::default(), Timings::default(), TaskTracker::new());
    let env = actor::TaskEnv {
        limits: &limits,
        timings: &timings,
        metrics: Arc::new(Metrics::default()),
        shutdown: CancellationToken::new(),
        tracker: &tracker,
    };
    let handle = actor::spawn(
        SessionState::new(info, 8),
        Box::new(disk),
        Pseudonyms::new(topteam::secrets::SessionSecret::new(
            topteam::secrets::PseudonymScheme::HmacSha256,
            [3; 32],
        )),
        env,
    );
    let voter = Uuid::new_v4();
    let join = JoinRequest {
        participant: voter,
        who: Claim::Named {
            name: "Cllr A".into(),
            group: Group::Cabinet,
            job_title: None,
        },
        token_hash: "h".into(),
    };
    handle
        .command(Actor::Participant(voter), None, Command::Join(join))
        .await
        .unwrap();
    handle
        .command(
            Actor::Facilitator,
            None,
            Command::Admit {
                participant: voter,
                person: None,
            },
        )
        .await
        .unwrap();
    handle
        .command(
            Actor::Facilitator,
            None,
            Command::Open {
                activity: "priorities".into(),
            },
        )
        .await
        .unwrap();
    let ballot: Ballot = serde_json::from_value(json!({ "dots": { "roles": 2 } })).unwrap();
    let vote = || Command::Vote {
        activity: "priorities".into(),
        ballot: ballot.clone(),
    };
    let before = handle.state();

    broken.store(true, Ordering::SeqCst);
    let refused = handle
        .command(Actor::Participant(voter), Some("v1".into()), vote())
        .await;
    assert_eq!(refused, Err(SessionError::Storage));
    assert_eq!(*handle.state(), *before, "nothing changed");
    // A resend of the same command is not answered from the failed batch.
    let again = handle
        .command(Actor::Participant(voter), Some("v1".into()), vote())
        .await;
    assert_eq!(again, Err(SessionError::Storage));

    // The console is told, not only the voter.
    let console = handle
        .connect(actor::Viewer::Facilitator {
            language: topteam::language::Language::English,
        })
        .await
        .unwrap();
    let topteam::live::publisher::Views::Facilitator(mut console) = console.views else {
        panic!("a console view")
    };
    assert!(console
        .borrow_and_update()
        .html
        .contains("Votes are not being saved"));

    broken.store(false, Ordering::SeqCst);
    let seq = handle
        .command(Actor::Participant(voter), Some("v1".into()), vote())
        .await
        .unwrap();
    assert_eq!(seq, before.seq + 1);
    {
        let kept = written.lock().unwrap();
        assert_eq!(kept.last().map(|r| r.seq), Some(seq));
        assert_eq!(
            kept.len() as u64,
            seq,
            "every acked event reached the disk, in order, without gaps"
        );
    }
    tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while console
            .borrow_and_update()
            .html
            .contains("Votes are not being saved")
        {
            console.changed().await.unwrap();
        }
    })
    .await
    .expect("the warning goes once writes succeed again");
}
