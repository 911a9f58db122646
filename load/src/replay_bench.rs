//! `--replay-bench`: writes N transcripts of E events each (live sessions, or
//! with `--ended` sessions that have ended), then times a real `topteam
//! serve` from start to listening.

use std::time::Instant;
use tokio::io::{AsyncBufReadExt, BufReader};
use topteam::activity::Ballot;
use topteam::session::{
    execute, Actor, Claim, Command, Context, JoinRequest, Pseudonyms, SessionInfo, SessionState,
};
use topteam::transcript::{FileStore, TranscriptStore};
use topteam::workshop::{Group, Workshop};
use uuid::Uuid;

pub async fn run(sessions: usize, events: usize, ended: bool) -> Result<(), String> {
    let data = std::env::temp_dir().join(format!("topteam-replay-{}", std::process::id()));
    let script = std::fs::read_to_string("workshops/w1-cabinet.toml")
        .map_err(|e| format!("run from the repository root: {e}"))?;
    let workshop = Workshop::from_toml(&script).map_err(|e| e.join("; "))?;
    let store = FileStore::open(&data).map_err(|e| e.to_string())?;
    let written = Instant::now();
    let mut bytes = 0u64;
    for i in 0..sessions {
        let info = SessionInfo {
            id: Uuid::new_v4(),
            code: format!("R{i:05}"),
            title: format!("Replay {i}").into(),
            series: Uuid::new_v4(),
            created_at: "2026-11-22T10:00:00.000Z".parse().expect("a time"),
            workshop: workshop.clone(),
            language: Default::default(),
        };
        store.create_secret(info.id).map_err(|e| e.to_string())?;
        let mut writer = store.create(&info).map_err(|e| e.to_string())?;
        let mut state = SessionState::new(info.clone(), 32);
        let ctx = Context::new(
            std::time::SystemTime::now(),
            Pseudonyms::new(topteam::secrets::SessionSecret::new(
                topteam::secrets::PseudonymScheme::HmacSha256,
                [1; 32],
            )),
        );
        let mut records = Vec::new();
        let voters: Vec<Uuid> = (0..20).map(|_| Uuid::new_v4()).collect();
        let at = "2026-11-22T10:00:01.000Z".parse().expect("a time");
        let mut step = |state: &mut SessionState, actor, command| -> Result<(), String> {
            let (_, new) =
                execute(state, &ctx, at, actor, None, command).map_err(|e| e.to_string())?;
            records.extend(new);
            Ok(())
        };
        for (n, v) in voters.iter().enumerate() {
            let join = JoinRequest {
                participant: *v,
                who: Claim::Named {
                    name: format!("Member {n}"),
                    group: Group::Cabinet,
                    job_title: None,
                },
                token_hash: "x".repeat(64),
            };
            step(&mut state, Actor::Participant(*v), Command::Join(join))?;
        }
        step(
            &mut state,
            Actor::Facilitator,
            Command::Open {
                activity: "priorities".into(),
            },
        )?;
        let options: Vec<String> = state
            .activity("priorities")
            .map(|(_, a)| a.spec.options.iter().map(|o| o.id.clone()).collect())
            .unwrap_or_default();
        // Each voter's next ballot differs from their last (a ballot that
        // changes nothing writes nothing), and the loop is bounded so that
        // a refusal ends the bench with its reason instead of hanging.
        let n = options.len();
        for k in 0.. {
            if state.seq as usize >= events.saturating_sub(usize::from(ended)) {
                break;
            }
            if k > events * 4 {
                return Err(format!(
                    "only {} of {events} events were written",
                    state.seq
                ));
            }
            let round = k / voters.len();
            let dots = [
                (options[(k + round) % n].clone(), 2),
                (
                    options[(k + round + 1 + round % (n - 1).max(1)) % n].clone(),
                    1,
                ),
            ]
            .into();
            let _ = step(
                &mut state,
                Actor::Participant(voters[k % voters.len()]),
                Command::Vote {
                    activity: "priorities".into(),
                    ballot: Ballot::Dots(dots),
                },
            );
        }
        if ended {
            step(&mut state, Actor::Facilitator, Command::End)?;
        }
        bytes += topteam::transcript::encode(&records).len() as u64;
        for chunk in records.chunks(500) {
            writer
                .append(chunk)
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
        }
    }
    eprintln!(
        "wrote {sessions} transcripts of {events} events ({:.0} MB) in {:.1} s",
        bytes as f64 / 1e6,
        written.elapsed().as_secs_f64()
    );
    // Drop the page cache's advantage as far as we can without root tricks: the
    // first start reads the files; report both a cold-ish and a warm start.
    let mut times = Vec::new();
    for _ in 0..3 {
        let program = std::env::current_exe()
            .map_err(|e| e.to_string())?
            .parent()
            .unwrap()
            .join("topteam");
        let started = Instant::now();
        let mut child = tokio::process::Command::new(&program)
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(&data)
            .env("TOPTEAM_ADMIN_KEY", "bench")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| e.to_string())?;
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut resumed = String::new();
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(n) = line.strip_prefix("sessions resumed: ") {
                resumed = n.to_string();
                break;
            }
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        eprintln!("start to listening with {resumed} sessions resumed: {ms:.0} ms");
        times.push(ms);
        child.kill().await.map_err(|e| e.to_string())?;
    }
    println!(
        "{}",
        serde_json::json!({ "sessions": sessions, "ended": ended, "events_each": events, "transcript_mb": (bytes as f64 / 1e5).round() / 10.0, "startup_ms": times })
    );
    let _ = std::fs::remove_dir_all(&data);
    Ok(())
}
