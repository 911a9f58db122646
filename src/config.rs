//! Every limit and tunable of the server, in one place.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The longest text of each kind, in characters: checked by the server and
/// written into the pages' `maxlength` from here, so the two never disagree.
pub mod text {
    /// A person's name (joining, rosters).
    pub const NAME: usize = 80;
    /// A job title or portfolio.
    pub const JOB_TITLE: usize = 80;
    /// A session's title.
    pub const SESSION_TITLE: usize = 200;
    /// A series' name.
    pub const SERIES_NAME: usize = 200;
    /// An agreement statement's wording.
    pub const STATEMENT: usize = 500;
    /// One field of a statement (a performance agreement's measure, target...).
    pub const FIELD: usize = 300;
    /// A note, decision or action.
    pub const NOTE: usize = 1000;
    /// An action's owner.
    pub const OWNER: usize = 120;
    /// A reason for objecting.
    pub const REASON: usize = 500;
    /// What the join form takes as a code (six symbols, with room for spaces and dashes).
    pub const CODE_INPUT: usize = 12;
    /// An activity's prompt, or a workshop's description.
    pub const PROMPT: usize = 1000;
    /// An option's or item's line of explanation.
    pub const DETAIL: usize = 300;
}

/// How big a workshop script may be.
pub mod script {
    /// Bytes of a script sent to `PUT /api/sessions/{id}/script`.
    pub const BYTES: usize = 256 * 1024;
    /// Activities in one agenda.
    pub const ACTIVITIES: usize = 60;
    /// Options or items in one activity.
    pub const OPTIONS: usize = 100;
    /// Fields of an agreement's statements.
    pub const FIELDS: usize = 12;
}

/// Limits on what a client may send, and on what the server keeps.
///
/// Everything a phone sends is hostile until parsed; these numbers bound the
/// memory and work any one message can cause.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest websocket message the application reads (bytes). Bigger ones are
    /// answered with a `too_large` error and the socket stays open.
    pub max_message_bytes: usize,
    /// Largest websocket message tungstenite will buffer at all; past this the
    /// socket is closed with 1009, because reading it would cost the memory.
    pub max_frame_bytes: usize,
    /// Largest HTTP request body for the JSON API (bytes).
    pub max_body_bytes: usize,
    /// Longest participant name, in characters.
    pub max_name_chars: usize,
    /// Longest job title, in characters.
    pub max_job_title_chars: usize,
    /// Longest `client_id` a command may carry.
    pub max_client_id_chars: usize,
    /// How many recent `client_id`s are remembered per actor for idempotent resends.
    pub remembered_client_ids: usize,
    /// Commands queued per session before senders wait.
    pub session_queue: usize,
    /// Most commands the session task takes into one durable batch.
    pub max_batch: usize,
    /// Participants per session (people removed do not count).
    pub max_participants: usize,
    /// Joins one address may make into one session per minute (a room of
    /// phones behind one venue address joins well within it; a script
    /// filling the room does not).
    pub joins_per_address_per_minute: u32,
    /// Websockets one participant may hold open at once; a newer one closes
    /// the oldest (4009), so a token cannot hold hundreds of sockets.
    pub max_sockets_per_participant: usize,
    /// Websockets open at once, in all.
    pub max_sockets: usize,
    /// Websockets open at once on one session.
    pub max_sockets_per_session: usize,
    /// Phones' websockets open at once from one address (a council's room
    /// on one venue address is far below it).
    pub max_sockets_per_address: usize,
    /// Messages a socket may send per second, on average.
    pub messages_per_second: f64,
    /// Messages a socket may send in a burst.
    pub message_burst: f64,
    /// How join-code guessing is slowed and refused.
    pub join: JoinPolicy,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 16 * 1024,
            max_frame_bytes: 64 * 1024,
            max_body_bytes: 64 * 1024,
            max_name_chars: text::NAME,
            max_job_title_chars: text::JOB_TITLE,
            max_client_id_chars: 64,
            remembered_client_ids: 32,
            session_queue: 1024,
            max_batch: 512,
            max_participants: 5000,
            joins_per_address_per_minute: 100,
            max_sockets_per_participant: 3,
            max_sockets: 19_000,
            max_sockets_per_session: 4_000,
            max_sockets_per_address: 2_000,
            messages_per_second: 10.0,
            message_burst: 30.0,
            join: Default::default(),
        }
    }
}

/// How join-code guessing is slowed (never refused: see `web::limits::JoinGuard`).
#[derive(Debug, Clone)]
pub struct JoinPolicy {
    /// Failures counted over this window.
    pub window: Duration,
    /// From this many failures in the window, the address's attempts take
    /// turns and each wrong one holds its turn for `delay`.
    pub slow_after: u32,
    /// How long a wrong code holds the address's turn once slowed.
    pub delay: Duration,
}

impl Default for JoinPolicy {
    fn default() -> Self {
        JoinPolicy {
            window: Duration::from_secs(60),
            slow_after: 5,
            delay: Duration::from_secs(1),
        }
    }
}

/// Timings for the live connections.
#[derive(Debug, Clone)]
pub struct Timings {
    /// How often the server pings each socket.
    pub ping_every: Duration,
    /// A socket that has sent nothing (not even a pong) for this long is dropped.
    pub idle_timeout: Duration,
    /// Views for one audience are rendered at most once per this interval, so
    /// fan-out costs O(sockets x rate) rather than O(sockets x votes).
    pub render_every: Duration,
    /// How long shutdown waits for sessions and sockets to finish.
    pub shutdown_grace: Duration,
    /// How long a client has to send a request's headers.
    pub header_timeout: Duration,
    /// How long shutdown waits for open HTTP connections before closing them.
    pub drain: Duration,
    /// How long the first transcript append waits for others so that one
    /// sync makes them all durable (`transcript::group_sync`), while other
    /// sessions are appending; zero syncs each session's file on its own.
    pub sync_window: Duration,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            ping_every: Duration::from_secs(15),
            idle_timeout: Duration::from_secs(45),
            render_every: Duration::from_millis(100),
            shutdown_grace: Duration::from_secs(5),
            header_timeout: Duration::from_secs(5),
            drain: Duration::from_secs(5),
            sync_window: Duration::from_millis(20),
        }
    }
}

/// Everything `topteam serve` needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on; port 0 picks a free one.
    pub addr: SocketAddr,
    /// Where transcripts and the generated facilitator key live.
    pub data_dir: PathBuf,
    /// Folder of workshop scripts (`*.toml`).
    pub workshops_dir: PathBuf,
    /// Facilitator key; `None` means read or generate one in the data dir.
    /// Kept secret: `Debug` shows it redacted.
    pub admin_key: Option<secrecy::SecretString>,
    /// Size limits.
    pub limits: Limits,
    /// Connection timings.
    pub timings: Timings,
    /// The address phones reach the server at (QR code, join links); `None`
    /// takes it from the address each page was asked for.
    pub public_url: Option<PublicUrl>,
    /// A classification line on every page of the PDF packs ("OFFICIAL").
    pub classification: Option<String>,
    /// The council's name, on the PDF packs' first page.
    pub council: Option<String>,
    /// Take each client's address from `X-Forwarded-For`, as set by a
    /// reverse proxy in front (off: every phone would look like the proxy).
    pub trust_proxy: bool,
    /// Delete series whose last session ended more than this many days ago,
    /// at start-up and daily (`None`: keep everything).
    pub retain_days: Option<u32>,
}

/// The server's public address, as `--public-url` gives it: `http` or
/// `https`, a host and maybe a port, nothing else (it goes into the QR code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// The address, without a trailing slash (`https://workshops.example.org`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it points at this machine only (no phone can reach it).
    pub fn is_loopback(&self) -> bool {
        let host = self.0.split_once("://").map_or("", |(_, rest)| rest);
        let host = host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        });
        host == "localhost"
            || host == "[::1]"
            || host
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

impl std::str::FromStr for PublicUrl {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let uri: axum::http::Uri = text
            .trim()
            .parse()
            .map_err(|_| format!("{text:?} is not a web address"))?;
        let scheme = uri.scheme_str().unwrap_or("");
        if scheme != "http" && scheme != "https" {
            return Err("the public address must start with https:// or http://".into());
        }
        let Some(authority) = uri.authority() else {
            return Err("the public address needs a host".into());
        };
        if authority.as_str().contains('@') {
            return Err("the public address may not hold a user name".into());
        }
        if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
            return Err("the public address is a host only, with no path (phones join at <address>/join/CODE)".into());
        }
        Ok(PublicUrl(format!("{scheme}://{authority}")))
    }
}

impl Config {
    /// The embedded default: loopback, `./data`, `./workshops`.
    pub fn new(data_dir: PathBuf) -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir,
            workshops_dir: PathBuf::from("workshops"),
            admin_key: None,
            limits: Limits::default(),
            timings: Timings::default(),
            public_url: None,
            classification: None,
            council: None,
            trust_proxy: false,
            retain_days: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PublicUrl;

    #[test]
    fn a_public_address_is_a_scheme_and_a_host_only() {
        let url: PublicUrl = "https://workshops.example.org/".parse().unwrap();
        assert_eq!(url.as_str(), "https://workshops.example.org");
        assert!(!url.is_loopback());
        let lan: PublicUrl = "http://192.168.1.20:8080".parse().unwrap();
        assert_eq!(lan.as_str(), "http://192.168.1.20:8080");
        assert!("http://127.0.0.1:8080"
            .parse::<PublicUrl>()
            .unwrap()
            .is_loopback());
        assert!("http://localhost"
            .parse::<PublicUrl>()
            .unwrap()
            .is_loopback());
        for bad in [
            "ftp://x.org",
            "workshops.example.org",
            "https://x.org/join",
            "https://u@x.org",
            "https://x.org/?a=b",
        ] {
            assert!(bad.parse::<PublicUrl>().is_err(), "{bad} should be refused");
        }
    }
}
