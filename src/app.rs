//! Wiring: bind the listener, load scripts and the key, replay transcripts, serve, shut down.

use crate::config::Config;
use crate::live::registry::Sessions;
use crate::metrics::Metrics;
use crate::transcript::FileStore;
use crate::web::{self, AppState, Shared};
use crate::workshop::{load_library, LibraryError};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The workshop scripts are missing or invalid.
    #[error(transparent)]
    Workshops(#[from] LibraryError),
    /// The data folder is a backup (whole, unfinished or damaged).
    #[error(transparent)]
    ABackup(#[from] crate::backup::NotWhole),
    /// Another topteam already serves from this data folder.
    #[error("another topteam is using the data folder {0} (it holds {0}/topteam.lock); stop it first, or give this one another --data-dir")]
    DataFolderInUse(String),
    /// The data folder or the address could not be used.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// What the OS said.
        source: std::io::Error,
    },
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> StartError {
    let what = what.into();
    move |source| StartError::Io { what, source }
}

/// Where the facilitator key came from, for the start-up message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// `TOPTEAM_ADMIN_KEY` or the config.
    Given,
    /// Read from `DATA_DIR/admin.key`.
    Stored,
    /// Generated now and written to `DATA_DIR/admin.key`.
    Generated,
}

/// A bound, ready server. `build` binds first so tests can read the port.
pub struct Application {
    /// An exclusive lock on the data folder, held until the server stops, so
    /// two servers never append to the same transcripts.
    data_lock: std::fs::File,
    listener: TcpListener,
    state: AppState,
    key_source: KeySource,
    resumed: usize,
    retain_days: Option<u32>,
}

impl Application {
    /// Loads everything and binds the address; serving starts with [`Application::run`].
    pub async fn build(config: Config) -> Result<Application, StartError> {
        let workshops = load_library(&config.workshops_dir)?;
        let DataFolder {
            lock: data_lock,
            sessions,
            resumed,
            series,
            audit,
            erasures,
            metrics,
            shutdown,
            tracker,
        } = DataFolder::open(&config)?;
        let (admin_key, key_source) = admin_key(&config)?;
        let (templates, skipped) =
            crate::workshop::TemplateBook::open(&config.data_dir.join("templates"))
                .map_err(io("cannot open the templates folder"))?;
        for (file, why) in skipped {
            tracing::warn!(file, why, "a saved template was skipped");
        }
        let listener = TcpListener::bind(config.addr)
            .await
            .map_err(io(format!("cannot listen on {}", config.addr)))?;
        let state = AppState::new(Shared {
            sessions,
            workshops,
            admin_key,
            metrics,
            limits: config.limits.clone(),
            timings: config.timings,
            shutdown,
            tracker,
            join_guard: crate::web::limits::JoinGuard::new(config.limits.join.clone()),
            address_sockets: Default::default(),
            join_budget: crate::web::limits::JoinBudget::new(
                config.limits.joins_per_address_per_minute,
            ),
            series,
            public_url: config.public_url.clone(),
            classification: config.classification.clone(),
            council: config.council.clone(),
            templates: Arc::new(templates),
            trust_proxy: config.trust_proxy,
            key_guard: Default::default(),
            logins: crate::web::logins::Logins::open(&config.data_dir)
                .map_err(io("cannot open the logins file"))?,
            audit,
            erasures,
            erasing: Default::default(),
        });
        // A crash part-way through erasing someone: finish it before serving.
        crate::records::erasure::finish_pending(state.records()).await;
        Ok(Application {
            data_lock,
            listener,
            state,
            key_source,
            resumed,
            retain_days: config.retain_days,
        })
    }

    /// The address actually bound (port 0 resolved).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.local_addr().port()
    }

    /// The facilitator key in force.
    pub fn admin_key(&self) -> &str {
        secrecy::ExposeSecret::expose_secret(&self.state.admin_key)
    }

    /// Where the key came from.
    pub fn key_source(&self) -> &KeySource {
        &self.key_source
    }

    /// How many sessions were replayed from disk.
    pub fn resumed(&self) -> usize {
        self.resumed
    }

    /// Cancelling this token shuts the server down gracefully.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.state.shutdown.clone()
    }

    /// Deletes every series whose last session ended before `cutoff` (see
    /// `records::deletion::purge`): how many went, and those kept and why.
    pub async fn purge(
        &self,
        cutoff: jiff::Timestamp,
        by: &str,
    ) -> Result<crate::records::deletion::Purged, String> {
        crate::records::deletion::purge(self.state.records(), cutoff, by)
            .await
            .map_err(|e| e.message)
    }

    /// Serves until the shutdown token is cancelled, then lets sessions finish
    /// their batch and sockets send Close 1001 before returning.
    pub async fn run(self) -> std::io::Result<()> {
        let shutdown = self.state.shutdown.clone();
        if let Some(days) = self.retain_days {
            self.state
                .tracker
                .spawn(retention(self.state.clone(), days));
        }
        let tracker = self.state.tracker.clone();
        let grace = self.state.timings.shutdown_grace;
        let router = web::router(self.state.clone());
        let timings = &self.state.timings;
        crate::serve::serve(
            self.listener,
            router,
            shutdown.clone(),
            timings.header_timeout,
            timings.drain,
        )
        .await;
        // axum does not wait for upgraded sockets; the tracker does.
        shutdown.cancel();
        tracker.close();
        if tokio::time::timeout(grace, tracker.wait()).await.is_err() {
            tracing::warn!("some sockets or sessions did not finish within the grace period");
        }
        // Sessions that ended stay unread at the next start.
        self.state.sessions.keep_summaries();
        drop(self.data_lock);
        Ok(())
    }
}

/// A data folder opened: locked against a second server, its transcripts
/// replayed into live sessions, its series, audit log and erasure journal.
/// `serve` builds on it; `topteam purge` uses it alone, with no listener.
pub struct DataFolder {
    /// The folder's lock, held while this lives.
    pub lock: std::fs::File,
    /// The sessions, every readable transcript replayed.
    pub sessions: Sessions,
    /// How many were replayed.
    pub resumed: usize,
    /// The series and their rosters.
    pub series: Arc<crate::series::SeriesBook>,
    /// What was deleted or erased.
    pub audit: Arc<crate::audit::AuditLog>,
    /// Erasures begun and not finished.
    pub erasures: crate::erasures::Journal,
    /// Counters the sessions keep.
    pub metrics: Arc<Metrics>,
    /// Cancelled to stop the sessions' tasks.
    pub shutdown: CancellationToken,
    /// The sessions' tasks, to wait for.
    pub tracker: TaskTracker,
}

impl DataFolder {
    /// Opens `config.data_dir` (made if missing): refused when it is a
    /// backup, or another server has it.
    pub fn open(config: &Config) -> Result<DataFolder, StartError> {
        std::fs::create_dir_all(&config.data_dir).map_err(io(format!(
            "cannot create the data folder {}",
            config.data_dir.display()
        )))?;
        crate::backup::refuse_to_serve(&config.data_dir)?;
        let lock = lock_data_folder(&config.data_dir)?;
        let store = FileStore::with_window(&config.data_dir, config.timings.sync_window)
            .map_err(io("cannot open the sessions folder"))?;
        let metrics = Arc::new(Metrics::default());
        let shutdown = CancellationToken::new();
        let tracker = TaskTracker::new();
        let sessions = Sessions::new(
            Arc::new(store),
            config.limits.clone(),
            config.timings.clone(),
            metrics.clone(),
            shutdown.clone(),
            tracker.clone(),
        );
        let started = Instant::now();
        let resumed = sessions
            .resume_all()
            .map_err(io("cannot read the transcripts"))?;
        tracing::info!(
            sessions = resumed,
            ended_unread = sessions.dormant(),
            ms = started.elapsed().as_millis() as u64,
            "sessions resumed (ended ones from their summaries, unread until opened)"
        );
        let series = crate::series::SeriesBook::open(&config.data_dir)
            .map_err(io("cannot open the series folder"))?;
        adopt_older_series(&sessions, &series);
        Ok(DataFolder {
            lock,
            sessions,
            resumed,
            series: Arc::new(series),
            audit: Arc::new(crate::audit::AuditLog::new(&config.data_dir)),
            erasures: crate::erasures::Journal::new(&config.data_dir),
            metrics,
            shutdown,
            tracker,
        })
    }

    /// Stops the sessions' tasks, each writing what it has, and lets the
    /// folder go.
    pub async fn close(self) {
        self.shutdown.cancel();
        self.tracker.close();
        self.tracker.wait().await;
        self.sessions.keep_summaries();
    }
}

/// Sessions made before series had names and rosters name a series with no
/// file: each such series gets one now, named after its first session.
fn adopt_older_series(sessions: &Sessions, book: &crate::series::SeriesBook) {
    let mut oldest_first = sessions.list();
    oldest_first.reverse();
    for handle in oldest_first {
        let info = handle.info();
        if book.get(&info.series).is_some() {
            continue;
        }
        let made = book.create(info.title.to_string(), Some(info.series), info.created_at);
        if let Err(e) = made {
            tracing::error!(series = %info.series, error = %e, "cannot record an older series");
        }
    }
}

/// Takes the data folder's lock (`flock`, released by the kernel when the
/// process ends, also on kill -9), or says that another server holds it.
fn lock_data_folder(data_dir: &Path) -> Result<std::fs::File, StartError> {
    let path = data_dir.join("topteam.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(format!("cannot open {}", path.display())))?;
    // A lock let go a moment ago can still be held for an instant by a
    // child another program forked meanwhile (it inherits the descriptor
    // until it runs its own program): ask again for a second before saying
    // the folder is in use.
    for _ in 0..20 {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(50))
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(io(format!("cannot lock {}", path.display()))(e))
            }
        }
    }
    Err(StartError::DataFolderInUse(data_dir.display().to_string()))
}

/// The key from config, else the one stored in the data folder, else a new one
/// written there readable by the owner only.
fn admin_key(config: &Config) -> Result<(secrecy::SecretString, KeySource), StartError> {
    use secrecy::ExposeSecret;
    let given = config.admin_key.as_ref().map(|k| k.expose_secret().trim());
    if let Some(key) = given.filter(|k| !k.is_empty()) {
        return Ok((key.into(), KeySource::Given));
    }
    let path = config.data_dir.join("admin.key");
    match std::fs::read_to_string(&path) {
        Ok(key) if !key.trim().is_empty() => Ok((key.trim().into(), KeySource::Stored)),
        found => {
            // An empty key file (a full disk when it was written) is said,
            // not replaced in silence: logins made with the old key stop.
            if found.is_ok() {
                tracing::warn!(file = %path.display(), "the facilitator key file was empty: a new key is made and written there");
            }
            let key = web::auth::new_admin_key();
            write_private(&path, &key).map_err(io(format!("cannot write {}", path.display())))?;
            Ok((key.into(), KeySource::Generated))
        }
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}

/// Resolves on ctrl-c or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// Raises this process's open-file limit to its hard limit and returns it:
/// each websocket is a file descriptor, and many systems start at 1024.
pub fn raise_fd_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct we pass.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
    limit.rlim_cur
}

/// Keeps glibc to two malloc arenas. By default every thread that allocates
/// (including the blocking pool's threads) may get its own, and each
/// holds on to freed memory: with thousands of sockets that doubles the RSS.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator tunable; called before other threads start.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Retention: at start-up and then daily, deletes series whose last session
/// ended more than `days` ago (each deletion in the audit log as `retention`).
async fn retention(state: web::AppState, days: u32) {
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    loop {
        let cutoff = crate::time::now()
            .checked_sub(jiff::SignedDuration::from_hours(24 * i64::from(days)))
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        match crate::records::deletion::purge(state.records(), cutoff, "retention").await {
            Ok(purged) if purged.deleted == 0 => {}
            Ok(purged) => tracing::info!(series = purged.deleted, days, "retention deleted series"),
            Err(e) => tracing::error!(error = %e.message, "retention could not delete"),
        }
        tokio::select! {
            () = tokio::time::sleep(day) => {}
            () = state.shutdown.cancelled() => return,
        }
    }
}
