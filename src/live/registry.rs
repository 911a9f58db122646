//! The live sessions: ids and join codes to handles, creating and resuming sessions.

use super::actor::{self, SessionHandle};
use crate::config::{Limits, Timings};
use crate::metrics::Metrics;
use crate::session::{carry, erasure, Pseudonyms, SessionInfo, SessionState};
use crate::transcript::{replay, ReplayError, TranscriptStore};
use crate::workshop::{Workshop, WorkshopLibrary};
use dashmap::DashMap;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use uuid::Uuid;

/// Join codes use letters and digits that cannot be mistaken for each other
/// when read off a projector (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// 31^6 ≈ 887 million codes; guessing is also rate-limited at the join route.
const CODE_LENGTH: usize = 6;

/// Every live session, reachable by id or join code.
pub struct Sessions {
    by_id: DashMap<Uuid, SessionHandle>,
    /// Transcripts found at start-up that could not be replayed, left on
    /// disk untouched: erasing and deleting in their series are refused
    /// while they are there, since they may hold what those must remove.
    unreadable: DashMap<Uuid, Unreadable>,
    by_code: DashMap<String, Uuid>,
    store: Arc<dyn TranscriptStore>,
    limits: Limits,
    timings: Timings,
    metrics: Arc<Metrics>,
    shutdown: CancellationToken,
    tracker: TaskTracker,
}

/// A transcript left on disk because it could not be replayed.
#[derive(Debug, Clone)]
pub struct Unreadable {
    /// Its session.
    pub id: Uuid,
    /// What was wrong with it.
    pub why: String,
    /// Its series, if its first line says.
    pub series: Option<Uuid>,
}

/// Why a session could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// The transcript could not be started.
    #[error("could not create the transcript: {0}")]
    Storage(#[from] std::io::Error),
}

impl Sessions {
    /// An empty registry writing to `store`.
    pub fn new(
        store: Arc<dyn TranscriptStore>,
        limits: Limits,
        timings: Timings,
        metrics: Arc<Metrics>,
        shutdown: CancellationToken,
        tracker: TaskTracker,
    ) -> Sessions {
        Sessions {
            by_id: DashMap::new(),
            unreadable: DashMap::new(),
            by_code: DashMap::new(),
            store,
            limits,
            timings,
            metrics,
            shutdown,
            tracker,
        }
    }

    /// The store behind the sessions.
    pub fn store(&self) -> &Arc<dyn TranscriptStore> {
        &self.store
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// A session by id. The handle is cloned out so no map guard is held.
    pub fn get(&self, id: &Uuid) -> Option<SessionHandle> {
        self.by_id.get(id).map(|h| h.clone())
    }

    /// A session by join code, forgiving case, spaces and dashes.
    pub fn by_code(&self, code: &str) -> Option<SessionHandle> {
        let id = *self.by_code.get(&normalise_code(code))?;
        self.get(&id)
    }

    /// Takes a session out of the registry, stops it (its sockets close) and
    /// deletes its transcript and secret; `None` if there is no such session.
    pub async fn delete(&self, id: &Uuid) -> Option<std::io::Result<()>> {
        let (_, handle) = self.by_id.remove(id)?;
        self.by_code.remove(&normalise_code(&handle.info().code));
        handle.stop().await;
        let store = self.store.clone();
        let id = *id;
        let deleted = tokio::task::spawn_blocking(move || store.delete(id))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        Some(deleted)
    }

    /// Every session, newest first.
    pub fn list(&self) -> Vec<SessionHandle> {
        let mut all: Vec<SessionHandle> = self.by_id.iter().map(|e| e.value().clone()).collect();
        all.sort_by_key(|h| std::cmp::Reverse(h.info().created_at));
        all
    }

    /// How many sessions are live.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are no sessions.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The most recent session of a workshop in a series.
    pub fn latest_in_series(&self, series: Uuid, workshop: &str) -> Option<Arc<SessionState>> {
        self.list()
            .into_iter()
            .find(|h| h.info().series == series && h.info().workshop.id == workshop)
            .map(|h| h.state())
    }

    /// Creates a session from a script and starts its task. Options that the
    /// script carries over from earlier workshops are resolved now, from the
    /// latest sessions of the same series, and kept in the transcript header.
    /// The transcript and its header are durable before this returns.
    pub async fn create(
        &self,
        workshop: &Workshop,
        library: &WorkshopLibrary,
        title: String,
        series: Option<Uuid>,
        language: crate::language::SessionLanguage,
    ) -> Result<SessionHandle, CreateError> {
        let earlier =
            |workshop_id: &str| series.and_then(|s| self.latest_in_series(s, workshop_id));
        let workshop = carry::resolve_workshop(workshop, library, &earlier);
        let info = SessionInfo {
            id: Uuid::new_v4(),
            code: self.fresh_code(),
            title: title.into(),
            series: series.unwrap_or_else(Uuid::new_v4),
            created_at: crate::time::now(),
            workshop,
            language,
        };
        let store = self.store.clone();
        let header = info.clone();
        let (writer, secret) = tokio::task::spawn_blocking(move || {
            let secret = store.create_secret(header.id)?;
            Ok::<_, std::io::Error>((store.create(&header)?, secret))
        })
        .await
        .map_err(std::io::Error::other)??;
        let pseudonyms = Pseudonyms::new(secret);
        let state = SessionState::new(info, self.limits.remembered_client_ids)
            .with_pseudonyms(pseudonyms.clone());
        Ok(self.start(state, writer, pseudonyms))
    }

    /// Replays every transcript in the store and starts a task for each.
    /// A torn last line is cut off with a warning; a transcript that is corrupt
    /// before its end is skipped with an error and left on disk untouched.
    pub fn resume_all(&self) -> std::io::Result<usize> {
        let ids = self.store.list()?;
        let remembered = self.limits.remembered_client_ids;
        // Reading, parsing and replaying are independent per session: workers
        // share them, and each keeps only the rebuilt state, so the parsed
        // records of hundreds of transcripts are never all in memory at once.
        let replayed = in_parallel(&ids, |id| {
            let found = self.store.load(id);
            let parsed = found.parsed?;
            let pseudonyms = self.pseudonyms_of(id);
            let replayed = std::panic::catch_unwind(AssertUnwindSafe(|| {
                replay(&parsed, remembered, pseudonyms.clone())
            }));
            let state = replayed.map_err(|_| ReplayError::ReplayPanicked)?;
            let erases = erasure::erases_anyone(&parsed.records);
            Ok::<_, ReplayError>((state, pseudonyms, parsed.good_len, parsed.torn, erases))
        });
        let mut resumed = 0;
        for (id, result) in ids.into_iter().zip(replayed) {
            let (state, pseudonyms, good_len, torn, erases) = match result {
                Ok(replayed) => replayed,
                Err(e) => {
                    tracing::error!(session = %id, error = %e, "transcript skipped: it cannot be replayed");
                    self.set_aside(id, e.to_string());
                    continue;
                }
            };
            if let Some(why) = &torn {
                tracing::warn!(session = %id, torn = %why, "cut off a torn last line left by a crash");
            }
            let mut writer = match self.store.reopen(id, good_len) {
                Ok(w) => w,
                Err(e) => {
                    tracing::error!(session = %id, error = %e, "transcript skipped: cannot reopen it");
                    self.set_aside(id, e.to_string());
                    continue;
                }
            };
            if erases {
                // A crash after an erasure and before its rewrite: finish it.
                let check = |copy: &_| actor::replays_to(copy, &state, remembered, &pseudonyms);
                match writer.scrub(&check) {
                    Ok(true) => {
                        tracing::info!(session = %id, "finished erasing names from the transcript")
                    }
                    Ok(false) => {}
                    Err(e) => {
                        tracing::error!(session = %id, error = %e, "erased names are still in the transcript")
                    }
                }
            }
            self.start(state, writer, pseudonyms);
            resumed += 1;
        }
        Ok(resumed)
    }

    /// Notes a transcript that could not be replayed, with its series when
    /// its first line still says it.
    fn set_aside(&self, id: Uuid, why: String) {
        let series = self
            .store
            .read_raw(id)
            .ok()
            .and_then(|bytes| crate::transcript::series_of(&bytes));
        self.unreadable.insert(id, Unreadable { id, why, series });
    }

    /// The transcript of session `id`, if it could not be replayed.
    pub fn unreadable(&self, id: Uuid) -> Option<Unreadable> {
        self.unreadable.get(&id).map(|u| u.value().clone())
    }

    /// Transcripts that could not be replayed and may belong to `series`
    /// (theirs, or one whose series cannot be read either).
    pub fn unreadable_in(&self, series: Uuid) -> Vec<Unreadable> {
        self.unreadable
            .iter()
            .filter(|u| u.series.is_none_or(|s| s == series))
            .map(|u| u.value().clone())
            .collect()
    }

    /// A session's pseudonyms from its secret. Serving on without it keeps
    /// every named vote usable; anonymous ballots are then refused rather
    /// than filed under new pseudonyms, and their teams are unknown.
    fn pseudonyms_of(&self, id: Uuid) -> Pseudonyms {
        match self.store.secret(id) {
            Ok(secret) => Pseudonyms::new(secret),
            Err(e) => {
                tracing::error!(session = %id, error = %e, "pseudonym secret missing: anonymous ballots are refused in this session");
                Pseudonyms::unavailable(e.to_string())
            }
        }
    }

    fn start(
        &self,
        state: SessionState,
        writer: Box<dyn crate::transcript::TranscriptWriter>,
        pseudonyms: Pseudonyms,
    ) -> SessionHandle {
        let env = actor::TaskEnv {
            limits: &self.limits,
            timings: &self.timings,
            metrics: self.metrics.clone(),
            shutdown: self.shutdown.clone(),
            tracker: &self.tracker,
        };
        let handle = actor::spawn(state, writer, pseudonyms, env);
        let info = handle.info();
        self.by_code.insert(info.code.clone(), info.id);
        self.by_id.insert(info.id, handle.clone());
        self.metrics.session_started();
        handle
    }

    fn fresh_code(&self) -> String {
        loop {
            let code = random_code();
            if !self.by_code.contains_key(&code) {
                return code;
            }
        }
    }
}

fn random_code() -> String {
    crate::secrets::code(CODE_ALPHABET, CODE_LENGTH)
}

/// Upper-cases a typed code and drops spaces and dashes (`k7p-q3m` → `K7PQ3M`).
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .take(CODE_LENGTH + 1)
        .collect()
}

/// `work` applied to every id on a few threads, results in the order of `ids`.
/// Twice as many threads as cores, so that reading one file from a cold disk
/// overlaps with parsing another.
fn in_parallel<T: Send>(ids: &[Uuid], work: impl Fn(Uuid) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get() * 2);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(ids.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(id) = ids.get(i) else { break mine };
                        mine.push((i, work(*id)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a replay worker panicked"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::in_parallel;
    use uuid::Uuid;

    #[test]
    fn parallel_work_comes_back_in_the_order_of_the_ids() {
        let ids: Vec<Uuid> = (0..101u128).map(Uuid::from_u128).collect();
        let out = in_parallel(&ids, |id| id.as_u128() * 2);
        assert_eq!(out, (0..101u128).map(|n| n * 2).collect::<Vec<_>>());
        assert!(in_parallel(&[], |id: Uuid| id).is_empty());
    }
}
