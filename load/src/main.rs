//! `topteam-load`: plays phones and projectors against topteam (or a bare
//! tokio-tungstenite baseline) over real websockets, and reports ballot -> ack
//! and ballot -> projector latency, deliveries, and the server's CPU and memory.
//!
//! Numbers come from runs of this tool, recorded in docs/performance.md; no
//! test asserts a timing.

mod args;
mod baseline;
mod http;
mod phones;
mod procstat;
mod replay_bench;
mod setup;
mod stats;

use args::{Args, Internal};
use clap::Parser;
use futures_util::StreamExt;
use stats::{percentile, Stats};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let args = Args::parse();
    if let Some(Internal::BaselineServer { addr, payload }) = &args.internal {
        if let Err(e) = runtime.block_on(baseline::serve(addr, *payload)) {
            eprintln!("baseline: {e}");
            std::process::exit(1);
        }
        return;
    }
    let limit = topteam::app::raise_fd_limit();
    let result = if args.replay_bench {
        runtime.block_on(replay_bench::run(args.sessions, args.events, args.ended))
    } else if let Some(rounds) = args.compare {
        runtime.block_on(compare(args, limit, rounds as usize))
    } else {
        runtime
            .block_on(run(args, limit))
            .map(|report| println!("{report}"))
    };
    if let Err(e) = result {
        eprintln!("topteam-load: {e}");
        std::process::exit(1);
    }
}

/// A server this run started, killed when dropped.
struct Child(tokio::process::Child);

async fn start(
    program: &std::path::Path,
    args: &[String],
    env: &[(&str, &str)],
    ready: &str,
) -> Result<(Child, String), String> {
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .kill_on_drop(true);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(addr) = line.strip_prefix(ready) {
            let addr = addr.trim_start_matches("http://").to_string();
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return Ok((Child(child), addr));
        }
    }
    Err(format!("{} exited before listening", program.display()))
}

/// topteam and the padded baseline in turn, `rounds` times: each report, each
/// ratio of CPU per delivery, and the median ratio.
async fn compare(args: Args, fd_limit: u64, rounds: usize) -> Result<(), String> {
    if args.url.is_some() || args.baseline {
        return Err("--compare starts both servers itself: leave out --url and --baseline".into());
    }
    let per_update = |r: &serde_json::Value| r["server_cpu_us_per_update"].as_f64();
    let mut ratios = Vec::new();
    for round in 1..=rounds {
        let ours = run(args.clone(), fd_limit).await?;
        println!("{ours}");
        let baseline_args = Args {
            baseline: true,
            payload: ours["avg_view_bytes"].as_u64().unwrap_or(0) as usize,
            ..args.clone()
        };
        let theirs = run(baseline_args, fd_limit).await?;
        println!("{theirs}");
        if let (Some(a), Some(b)) = (per_update(&ours), per_update(&theirs)) {
            let ratio = a / b.max(0.001);
            eprintln!("round {round}: topteam {a} µs per delivery, baseline {b}: {ratio:.2}x");
            ratios.push(ratio);
        }
    }
    let mut sorted = ratios.clone();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = (n > 0).then(|| (sorted[(n - 1) / 2] + sorted[n / 2]) / 2.0);
    let rounded: Vec<f64> = ratios.iter().map(|r| (r * 100.0).round() / 100.0).collect();
    println!(
        "{}",
        serde_json::json!({ "compare": rounds, "ratios": rounded, "median_ratio": median.map(|m| (m * 100.0).round() / 100.0) })
    );
    Ok(())
}

async fn run(args: Args, fd_limit: u64) -> Result<serde_json::Value, String> {
    let here = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin_dir = here.parent().unwrap().to_path_buf();
    let data = std::env::temp_dir().join(format!("topteam-load-{}", std::process::id()));
    let key = args
        .key
        .clone()
        .unwrap_or_else(|| format!("load-{}", std::process::id()));
    let (_child, addr, pid) = match (&args.url, args.baseline) {
        (Some(url), _) => (
            None,
            url.trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
            args.server_pid,
        ),
        (None, true) => {
            let (child, addr) = start(
                &here,
                &[
                    "baseline-server".into(),
                    "127.0.0.1:0".into(),
                    args.payload.to_string(),
                ],
                &[],
                "baseline listening on ",
            )
            .await?;
            let pid = child.0.id();
            (Some(child), addr, pid)
        }
        (None, false) => {
            let program = bin_dir.join("topteam");
            // Every phone joins from loopback, so the per-address join budget
            // and connection cap are lifted.
            let argv = [
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--join-budget",
                "1000000",
                "--max-connections-per-address",
                "1000000",
                "--data-dir",
            ]
            .iter()
            .map(|s| s.to_string())
            .chain([data.display().to_string()])
            .collect::<Vec<_>>();
            let (child, addr) = start(
                &program,
                &argv,
                &[("TOPTEAM_ADMIN_KEY", &key), ("RUST_LOG", "warn")],
                "topteam listening on ",
            )
            .await?;
            let pid = child.0.id();
            (Some(child), addr, pid)
        }
    };
    let server: SocketAddr = addr.parse().map_err(|e| format!("{addr}: {e}"))?;
    let total = args.sessions * args.per_session;
    let needed = total + args.sessions + 64;
    eprintln!("target {} at {addr} (pid {pid:?}); {} sessions x {} phones = {total} sockets; fd limit {fd_limit}",
        if args.baseline { "baseline" } else { "topteam" }, args.sessions, args.per_session);
    if needed as u64 > fd_limit {
        eprintln!("warning: the machine's open-file limit ({fd_limit}) caps this run below {needed} sockets; the server is not the limit");
    }

    // Sessions, phones' tokens and the options to vote on.
    let setup = Instant::now();
    let sessions = if args.baseline {
        (0..args.sessions)
            .map(|i| (format!("room{i}"), vec![String::new(); args.per_session]))
            .collect::<Vec<_>>()
    } else {
        setup::create_sessions(&addr, &key, &args).await?
    };
    let options: Arc<Vec<String>> = Arc::new(if args.baseline {
        ["a", "b", "c", "d", "e"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        setup::options_of(&addr, &key, &sessions[0].0, &args.activity).await?
    });
    let rss = || pid.and_then(procstat::rss_mb).map_or(0.0, |(now, _)| now);
    eprintln!(
        "setup: {} sessions and {total} joins in {:.1} s; server rss {:.0} MB",
        sessions.len(),
        setup.elapsed().as_secs_f64(),
        rss()
    );

    // Sockets: a projector per session, then the phones.
    let stats = Arc::new(Stats::new(args.sessions));
    let connect_started = Instant::now();
    let mut projectors = Vec::new();
    for (i, (id, _)) in sessions.iter().enumerate() {
        let url = if args.baseline {
            format!("ws://{addr}/ws/{id}")
        } else {
            format!("ws://{addr}/ws/{id}?role=screen")
        };
        projectors.push(phones::connect(server, &url, Some(&key), i).await?);
    }
    let mut phone_sockets = Vec::new();
    let mut targets: Vec<(usize, String)> = Vec::new();
    for (s, (id, tokens)) in sessions.iter().enumerate() {
        for t in tokens {
            let url = if t.is_empty() {
                format!("ws://{addr}/ws/{id}")
            } else {
                format!("ws://{addr}/ws/{id}?token={t}")
            };
            targets.push((s, url));
        }
    }
    let connected: Vec<_> = futures_util::stream::iter(targets.into_iter().enumerate())
        .map(|(n, (s, url))| async move { (s, phones::connect(server, &url, None, n).await) })
        .buffer_unordered(64)
        .collect()
        .await;
    for (s, ws) in connected {
        match ws {
            Ok(ws) => phone_sockets.push((s, ws)),
            Err(e) => {
                stats
                    .connect_failures
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                eprintln!("a phone could not connect: {e}");
            }
        }
    }
    eprintln!(
        "connected {} phones and {} projectors in {:.1} s; server rss {:.0} MB",
        phone_sockets.len(),
        projectors.len(),
        connect_started.elapsed().as_secs_f64(),
        rss()
    );

    // Schedules: a burst within 1 s, or an even rate over the run.
    let start_at = Instant::now() + Duration::from_millis(500);
    let mut rng = Rng::new();
    let window = if args.burst { 1.0 } else { args.seconds };
    let phones_n = phone_sockets.len().max(1);
    let per_phone_interval = args.rate.map(|r| phones_n as f64 / r.max(0.001));
    let cpu_before = pid.and_then(procstat::cpu_seconds);
    let until = start_at + Duration::from_secs_f64(window + 5.0);
    let mut tasks = Vec::new();
    for (i, ws) in projectors.into_iter().enumerate() {
        tasks.push(tokio::spawn(phones::projector(ws, i, until, stats.clone())));
    }
    for (n, (s, ws)) in phone_sockets.into_iter().enumerate() {
        let schedule: Vec<Instant> = match per_phone_interval {
            Some(interval) if !args.burst => {
                let offset = rng.next_f64() * interval;
                (0..)
                    .map(|k| offset + k as f64 * interval)
                    .take_while(|t| *t < window)
                    .map(|t| start_at + Duration::from_secs_f64(t))
                    .collect()
            }
            _ => vec![start_at + Duration::from_secs_f64(rng.next_f64() * window)],
        };
        let plan = phones::Plan {
            session: s,
            id: n,
            activity: args.activity.clone(),
            options: options.clone(),
            schedule,
            until,
        };
        let task = phones::phone(ws, plan, stats.clone());
        tasks.push(tokio::spawn(task));
    }

    // Progress each second, and the server's memory at its highest.
    let mut peak_rss: f64 = 0.0;
    let progress_stats = stats.clone();
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    let all = futures_util::future::join_all(tasks);
    tokio::pin!(all);
    loop {
        tokio::select! {
            _ = &mut all => break,
            _ = ticker.tick() => {
                if let Some((rss, _)) = pid.and_then(procstat::rss_mb) { peak_rss = peak_rss.max(rss); }
                eprintln!("t={:>5.1}s sent={} acked={} errors={} views={} rss={:.0}MB",
                    start_at.elapsed().as_secs_f64() * if Instant::now() > start_at { 1.0 } else { 0.0 },
                    Stats::count(&progress_stats.sent), Stats::count(&progress_stats.acked),
                    Stats::count(&progress_stats.errors), Stats::count(&progress_stats.deliveries), peak_rss);
            }
        }
    }
    let elapsed = start_at.elapsed().as_secs_f64();
    let cpu = match (cpu_before, pid.and_then(procstat::cpu_seconds)) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    if let Some((rss, hwm)) = pid.and_then(procstat::rss_mb) {
        peak_rss = peak_rss
            .max(rss)
            .max(if args.url.is_some() { 0.0 } else { hwm });
    }
    let mut ack = stats.ack_ms.lock().unwrap().clone();
    let mut projector = stats.projector_ms();
    let deliveries = Stats::count(&stats.deliveries);
    let ballots = Stats::count(&stats.sent);
    let report = serde_json::json!({
        "target": if args.baseline { "baseline" } else { "topteam" },
        "sessions": args.sessions, "per_session": args.per_session, "sockets": phones_n + args.sessions,
        "mode": if args.burst { "burst".to_string() } else { format!("{} ballots/s", args.rate.unwrap_or(0.0)) },
        "seconds": (elapsed * 10.0).round() / 10.0,
        "ballots": ballots, "acked": Stats::count(&stats.acked), "errors": Stats::count(&stats.errors),
        "rate_limited": Stats::count(&stats.rate_limited), "connect_failures": Stats::count(&stats.connect_failures),
        "p50_ms": round(percentile(&mut ack, 50.0)), "p95_ms": round(percentile(&mut ack, 95.0)), "p99_ms": round(percentile(&mut ack, 99.0)),
        "projector_p50_ms": round(percentile(&mut projector, 50.0)), "projector_p99_ms": round(percentile(&mut projector, 99.0)),
        "updates_per_s": round(deliveries as f64 / elapsed.max(0.001)),
        "avg_view_bytes": Stats::count(&stats.view_bytes) / deliveries.max(1),
        "server_cpu_s": cpu.map(round),
        "server_cpu_us_per_update": cpu.map(|c| round(c * 1e6 / deliveries.max(1) as f64)),
        "server_cpu_us_per_ballot": cpu.map(|c| round(c * 1e6 / ballots.max(1) as f64)),
        "server_rss_mb": (peak_rss > 0.0).then(|| round(peak_rss)),
    });
    let _ = std::fs::remove_dir_all(&data);
    Ok(report)
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A small xorshift generator: spreads votes over time; no crypto needed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        Rng(uuid::Uuid::new_v4().as_u64_pair().0 | 1)
    }
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}
