//! What the load generator measures, and the final report.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Instant;

/// Shared counters and samples.
#[derive(Default)]
pub struct Stats {
    pub sent: AtomicU64,
    pub acked: AtomicU64,
    pub errors: AtomicU64,
    pub rate_limited: AtomicU64,
    pub deliveries: AtomicU64,
    /// Bytes of every view delivered.
    pub view_bytes: AtomicU64,
    pub connect_failures: AtomicU64,
    /// Ballot -> ack, milliseconds.
    pub ack_ms: Mutex<Vec<f64>>,
    /// Per session: (seq the ack reported, when the ballot was sent).
    pub acked_seqs: Mutex<Vec<Vec<(u64, Instant)>>>,
    /// Per session: (seq of a projector view, when it arrived).
    pub screen_views: Mutex<Vec<Vec<(u64, Instant)>>>,
}

impl Stats {
    pub fn new(sessions: usize) -> Stats {
        Stats {
            acked_seqs: Mutex::new(vec![Vec::new(); sessions]),
            screen_views: Mutex::new(vec![Vec::new(); sessions]),
            ..Default::default()
        }
    }

    pub fn count(counter: &AtomicU64) -> u64 {
        counter.load(Relaxed)
    }

    /// Ballot -> projector latencies: for each acked ballot, the first view on
    /// its session's projector whose seq covers the ballot's.
    pub fn projector_ms(&self) -> Vec<f64> {
        let acked = self.acked_seqs.lock().unwrap();
        let views = self.screen_views.lock().unwrap();
        let mut out = Vec::new();
        for (ballots, views) in acked.iter().zip(views.iter()) {
            for (seq, sent) in ballots {
                // Views arrive in seq order on one socket; the first that covers it.
                if let Some((_, at)) = views.iter().find(|(s, at)| s >= seq && at >= sent) {
                    out.push(at.duration_since(*sent).as_secs_f64() * 1000.0);
                }
            }
        }
        out
    }
}

/// The p-th percentile (0..100) of samples, nearest rank.
pub fn percentile(samples: &mut [f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * samples.len() as f64).ceil() as usize;
    samples[rank.clamp(1, samples.len()) - 1]
}
