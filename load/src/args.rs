//! The load generator's command line (clap).

use clap::{Parser, Subcommand};

/// topteam-load: phones and projectors over real websockets.
///
/// Without --url it starts `topteam serve` on a temporary data folder (or,
/// with --baseline, a bare tokio-tungstenite broadcast server, whose views can
/// be padded to --payload bytes to match topteam's) and measures it.
#[derive(Debug, Clone, Parser)]
#[command(version)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub internal: Option<Internal>,
    /// A topteam already running (its JSON API and sockets); needs --key.
    #[arg(long)]
    pub url: Option<String>,
    /// The facilitator key of the server at --url.
    #[arg(long)]
    pub key: Option<String>,
    /// The pid of the server at --url, to read its CPU and memory.
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Sessions (rooms).
    #[arg(long, default_value_t = 100)]
    pub sessions: usize,
    /// Phones per session.
    #[arg(long, default_value_t = 20)]
    pub per_session: usize,
    /// How long ballots are sent for.
    #[arg(long, default_value_t = 10.0)]
    pub seconds: f64,
    /// Ballots per second in all.
    #[arg(long, conflicts_with = "burst")]
    pub rate: Option<f64>,
    /// Every phone votes at once, one ballot each.
    #[arg(long)]
    pub burst: bool,
    /// Measure the bare tokio-tungstenite broadcast server instead.
    #[arg(long)]
    pub baseline: bool,
    /// The workshop script the sessions run.
    #[arg(long, default_value = "w1-cabinet")]
    pub workshop: String,
    /// The activity the phones vote on.
    #[arg(long, default_value = "priorities")]
    pub activity: String,
    /// Time a restart instead: write transcripts, then start topteam on them.
    #[arg(long)]
    pub replay_bench: bool,
    /// Events per transcript, with --replay-bench.
    #[arg(long, default_value_t = 2000)]
    pub events: usize,
    /// With --replay-bench: the sessions have ended (a server's history),
    /// rather than being live.
    #[arg(long)]
    pub ended: bool,
    /// Pad the baseline's views to this many bytes.
    #[arg(long, default_value_t = 0)]
    pub payload: usize,
    /// Keep results hidden, as in a real room (the projector is then not timed).
    #[arg(long)]
    pub hidden: bool,
    /// Run topteam and then the padded baseline ROUNDS times in turn, and
    /// print each ratio of CPU per delivered update and their median: on a
    /// noisy machine, only runs made side by side compare.
    #[arg(long, value_name = "ROUNDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub compare: Option<u64>,
}

/// Commands the load generator gives itself.
#[derive(Debug, Clone, Subcommand)]
pub(crate) enum Internal {
    /// Serve the baseline (started by the load generator itself).
    #[command(hide = true)]
    BaselineServer {
        /// Address to listen on.
        addr: String,
        /// Bytes to pad each view to.
        payload: usize,
    },
}
