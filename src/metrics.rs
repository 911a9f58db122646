//! Counters for `/metrics`, kept and written by prometheus-client in the
//! OpenMetrics text format. The session runtime and the web layer both count
//! here; neither imports the other for it.

use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::time::Duration;

/// Upper bounds (seconds) of the ballot-to-durable latency histogram.
const LATENCY_BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

/// The media type of [`Metrics::render`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabel {
    code: &'static str,
}

/// Process-wide counters: atomics on the hot path, a registry to write them.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    sockets_open: Gauge,
    sessions_live: Gauge,
    commands: Counter,
    events_written: Counter,
    storage_failures: Counter,
    rejections: Family<CodeLabel, Counter>,
    durable: Histogram,
}

/// Figures read from elsewhere at each scrape (the session registry and the
/// transcript store keep their own counts).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scrape {
    /// Sessions known.
    pub sessions: u64,
    /// Ended sessions not read since start-up (known by their summaries).
    pub dormant: u64,
    /// The most phones' sockets open from one address.
    pub busiest_address: u64,
    /// Syncs that made appends durable.
    pub syncs: u64,
    /// Appends those syncs made durable.
    pub synced_appends: u64,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let metrics = Metrics {
            sockets_open: Gauge::default(),
            sessions_live: Gauge::default(),
            commands: Counter::default(),
            events_written: Counter::default(),
            storage_failures: Counter::default(),
            rejections: Family::default(),
            durable: Histogram::new(LATENCY_BUCKETS),
            registry: Registry::default(),
        };
        // Counters are registered without `_total`: the encoder adds it.
        let m = &metrics;
        registry.register(
            "topteam_sockets_open",
            "Websockets open now",
            m.sockets_open.clone(),
        );
        registry.register(
            "topteam_sessions_live",
            "Session tasks running",
            m.sessions_live.clone(),
        );
        registry.register(
            "topteam_commands",
            "Commands received by sessions",
            m.commands.clone(),
        );
        registry.register(
            "topteam_events_written",
            "Events made durable",
            m.events_written.clone(),
        );
        registry.register(
            "topteam_storage_failures",
            "Transcript writes that failed",
            m.storage_failures.clone(),
        );
        registry.register(
            "topteam_rejections",
            "Refused commands by code",
            m.rejections.clone(),
        );
        registry.register(
            "topteam_durable_seconds",
            "Time to make a batch of events durable",
            m.durable.clone(),
        );
        Metrics {
            registry,
            ..metrics
        }
    }
}

impl Metrics {
    /// A socket opened.
    pub fn socket_opened(&self) {
        self.sockets_open.inc();
    }
    /// A socket closed.
    pub fn socket_closed(&self) {
        self.sockets_open.dec();
    }
    /// A session task started.
    pub fn session_started(&self) {
        self.sessions_live.inc();
    }
    /// A session task stopped.
    pub fn session_stopped(&self) {
        self.sessions_live.dec();
    }
    /// A command reached a session.
    pub fn command(&self) {
        self.commands.inc();
    }
    /// Events made durable. Their bytes are not counted: a counter that
    /// grew by each line's length, read beside who has just voted, would
    /// give an anonymous ballot's answers (see `docs/anonymity.md`).
    pub fn events_written(&self, n: usize) {
        self.events_written.inc_by(n as u64);
    }
    /// Websockets open now.
    pub fn sockets_open(&self) -> i64 {
        self.sockets_open.get()
    }
    /// A transcript write failed.
    pub fn storage_failure(&self) {
        self.storage_failures.inc();
    }
    /// A command or message was refused with this code.
    pub fn rejected(&self, code: crate::error_code::ErrorCode) {
        let label = CodeLabel {
            code: code.as_str(),
        };
        self.rejections.get_or_create(&label).inc();
    }
    /// How long one batch took to become durable.
    pub fn durable_latency(&self, took: Duration) {
        self.durable.observe(took.as_secs_f64());
    }

    /// The OpenMetrics text: these counters, then the figures of `scrape`.
    pub fn render(&self, scrape: Scrape) -> String {
        let mut at_scrape = Registry::default();
        at_scrape.register(
            "topteam_sessions",
            "Sessions known",
            ConstGauge::new(scrape.sessions as i64),
        );
        at_scrape.register(
            "topteam_sessions_dormant",
            "Ended sessions not read since start-up: listed from their summaries, read when opened",
            ConstGauge::new(scrape.dormant as i64),
        );
        at_scrape.register(
            "topteam_busiest_address_sockets",
            "The most phones' websockets open from one address (capped by --max-connections-per-address; refusals are rejections with code too_many_connections)",
            ConstGauge::new(scrape.busiest_address as i64),
        );
        at_scrape.register(
            "topteam_transcript_syncs",
            "Syncs that made appends durable (one may cover several sessions)",
            ConstCounter::new(scrape.syncs),
        );
        at_scrape.register(
            "topteam_transcript_synced_appends",
            "Appends made durable by those syncs",
            ConstCounter::new(scrape.synced_appends),
        );
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = encode_registry(&mut out, &self.registry)
            .and_then(|()| encode_registry(&mut out, &at_scrape))
            .and_then(|()| encode_eof(&mut out));
        out
    }
}
