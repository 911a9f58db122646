//! Counters for `/metrics`, in Prometheus text format.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds (seconds) of the ballot-to-durable latency histogram.
const LATENCY_BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

/// Process-wide counters. Cheap atomics on the hot path.
#[derive(Debug, Default)]
pub struct Metrics {
    sockets_open: AtomicI64,
    sessions_live: AtomicI64,
    commands: AtomicU64,
    events_written: AtomicU64,
    bytes_written: AtomicU64,
    storage_failures: AtomicU64,
    rejections: Mutex<BTreeMap<&'static str, u64>>,
    durable_buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    durable_count: AtomicU64,
    durable_micros: AtomicU64,
}

impl Metrics {
    /// A socket opened.
    pub fn socket_opened(&self) {
        self.sockets_open.fetch_add(1, Relaxed);
    }
    /// A socket closed.
    pub fn socket_closed(&self) {
        self.sockets_open.fetch_sub(1, Relaxed);
    }
    /// A session task started.
    pub fn session_started(&self) {
        self.sessions_live.fetch_add(1, Relaxed);
    }
    /// A session task stopped.
    pub fn session_stopped(&self) {
        self.sessions_live.fetch_sub(1, Relaxed);
    }
    /// A command reached a session.
    pub fn command(&self) {
        self.commands.fetch_add(1, Relaxed);
    }
    /// Events made durable, and their bytes.
    pub fn events_written(&self, n: usize, bytes: u64) {
        self.events_written.fetch_add(n as u64, Relaxed);
        self.bytes_written.fetch_add(bytes, Relaxed);
    }
    /// Websockets open now.
    pub fn sockets_open(&self) -> i64 {
        self.sockets_open.load(Relaxed)
    }
    /// A transcript write failed.
    pub fn storage_failure(&self) {
        self.storage_failures.fetch_add(1, Relaxed);
    }
    /// A command or message was refused with this code.
    pub fn rejected(&self, code: crate::error_code::ErrorCode) {
        let mut map = self.rejections.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry(code.as_str()).or_default() += 1;
    }
    /// How long one batch took to become durable.
    pub fn durable_latency(&self, took: Duration) {
        let secs = took.as_secs_f64();
        for (bucket, bound) in self.durable_buckets.iter().zip(LATENCY_BUCKETS) {
            if secs <= bound {
                bucket.fetch_add(1, Relaxed);
            }
        }
        self.durable_count.fetch_add(1, Relaxed);
        self.durable_micros
            .fetch_add(took.as_micros() as u64, Relaxed);
    }

    /// The Prometheus exposition text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut gauge = |name: &str, help: &str, kind: &str, value: String| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
            );
        };
        gauge(
            "topteam_sockets_open",
            "Websockets open now.",
            "gauge",
            self.sockets_open.load(Relaxed).to_string(),
        );
        gauge(
            "topteam_sessions_live",
            "Session tasks running.",
            "gauge",
            self.sessions_live.load(Relaxed).to_string(),
        );
        gauge(
            "topteam_commands_total",
            "Commands received by sessions.",
            "counter",
            self.commands.load(Relaxed).to_string(),
        );
        gauge(
            "topteam_events_written_total",
            "Events made durable.",
            "counter",
            self.events_written.load(Relaxed).to_string(),
        );
        gauge(
            "topteam_transcript_bytes_total",
            "Bytes appended to transcripts.",
            "counter",
            self.bytes_written.load(Relaxed).to_string(),
        );
        gauge(
            "topteam_storage_failures_total",
            "Transcript writes that failed.",
            "counter",
            self.storage_failures.load(Relaxed).to_string(),
        );
        let _ = writeln!(out, "# HELP topteam_rejections_total Refused commands by code.\n# TYPE topteam_rejections_total counter");
        for (code, n) in self
            .rejections
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(out, "topteam_rejections_total{{code=\"{code}\"}} {n}");
        }
        let name = "topteam_durable_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} Time to make a batch of events durable.\n# TYPE {name} histogram"
        );
        for (bucket, bound) in self.durable_buckets.iter().zip(LATENCY_BUCKETS) {
            let _ = writeln!(
                out,
                "{name}_bucket{{le=\"{bound}\"}} {}",
                bucket.load(Relaxed)
            );
        }
        let count = self.durable_count.load(Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(
            out,
            "{name}_sum {}",
            self.durable_micros.load(Relaxed) as f64 / 1e6
        );
        let _ = writeln!(out, "{name}_count {count}");
        out
    }
}
