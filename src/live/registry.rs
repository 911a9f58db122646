//! The sessions: ids and join codes to handles, creating and resuming
//! sessions. A session that has ended is not replayed at start-up when the
//! summary beside its transcript is still true to it: it stays dormant,
//! listed from its summary, until someone opens it.

use super::actor::{self, SessionHandle};
use crate::config::{Limits, Timings};
use crate::metrics::Metrics;
use crate::session::{
    carry, erasure, Pseudonyms, SessionInfo, SessionState, SessionStatus, SessionSummary,
};
use crate::transcript::{replay, ReplayError, TranscriptStore, TranscriptWriter};
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

/// Every session, reachable by id or join code.
pub struct Sessions {
    /// Sessions whose task runs.
    by_id: DashMap<Uuid, SessionHandle>,
    /// Ended sessions not opened since start-up, by their summaries.
    dormant: DashMap<Uuid, Arc<SessionSummary>>,
    /// Held while a dormant session is read, so two readers never start it twice.
    waking: std::sync::Mutex<()>,
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
            dormant: DashMap::new(),
            waking: std::sync::Mutex::new(()),
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

    /// A session by id, read from its transcript first if it was dormant.
    /// The handle is cloned out so no map guard is held.
    pub fn get(&self, id: &Uuid) -> Option<SessionHandle> {
        if let Some(handle) = self.by_id.get(id) {
            return Some(handle.clone());
        }
        if !self.dormant.contains_key(id) {
            return None;
        }
        self.wake(*id)
    }

    /// Reads a dormant session's transcript and starts its task (a few
    /// milliseconds: one session, on this thread).
    fn wake(&self, id: Uuid) -> Option<SessionHandle> {
        let _waking = self.waking.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(handle) = self.by_id.get(&id) {
            return Some(handle.clone());
        }
        let summary = self.dormant.get(&id)?.clone();
        let woken = self.read_and_replay(id).and_then(|r| self.reopen(id, r));
        self.dormant.remove(&id);
        match woken {
            Ok((state, writer, pseudonyms)) => Some(self.start(state, writer, pseudonyms)),
            Err(why) => {
                tracing::error!(session = %id, error = %why, "an ended session cannot be read");
                self.by_code.remove(&normalise_code(&summary.info.code));
                self.set_aside(id, why);
                None
            }
        }
    }

    /// A session by join code, forgiving case, spaces and dashes.
    pub fn by_code(&self, code: &str) -> Option<SessionHandle> {
        let id = *self.by_code.get(&normalise_code(code))?;
        self.get(&id)
    }

    /// Takes a session out of the registry, stops it (its sockets close) and
    /// deletes its transcript and secret; `None` if there is no such session.
    pub async fn delete(&self, id: &Uuid) -> Option<std::io::Result<()>> {
        if let Some((_, summary)) = self.dormant.remove(id) {
            self.by_code.remove(&normalise_code(&summary.info.code));
        } else {
            let (_, handle) = self.by_id.remove(id)?;
            self.by_code.remove(&normalise_code(&handle.info().code));
            handle.stop_for_deletion().await;
        }
        let store = self.store.clone();
        let id = *id;
        let deleted = tokio::task::spawn_blocking(move || store.delete(id))
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)));
        Some(deleted)
    }

    /// Every session, newest first: running ones by their handles, dormant
    /// ones by their summaries (none is read to be listed).
    pub fn list(&self) -> Vec<Listed> {
        let mut all: Vec<Listed> = self
            .by_id
            .iter()
            .map(|e| Listed::Awake(e.value().clone()))
            .chain(
                self.dormant
                    .iter()
                    .map(|e| Listed::Dormant(e.value().clone())),
            )
            .collect();
        all.sort_by_key(|l| std::cmp::Reverse(l.info().created_at));
        all
    }

    /// Every session of `series`, oldest first, each read if it was dormant.
    pub fn of_series(&self, series: Uuid) -> Vec<SessionHandle> {
        let mut mine: Vec<SessionHandle> = self
            .list()
            .iter()
            .filter(|l| l.info().series == series)
            .filter_map(|l| self.get(&l.info().id))
            .collect();
        mine.reverse();
        mine
    }

    /// How many sessions there are, dormant ones included.
    pub fn len(&self) -> usize {
        self.by_id.len() + self.dormant.len()
    }

    /// Whether there are no sessions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many sessions are dormant (ended, not opened since start-up).
    pub fn dormant(&self) -> usize {
        self.dormant.len()
    }

    /// The most recent session of a workshop in a series.
    pub fn latest_in_series(&self, series: Uuid, workshop: &str) -> Option<Arc<SessionState>> {
        let latest = self
            .list()
            .into_iter()
            .find(|l| l.info().series == series && l.info().workshop.id == workshop)?;
        self.get(&latest.info().id).map(|h| h.state())
    }

    /// Keeps a summary beside the transcript of every running session that
    /// has ended, so the next start leaves it dormant. Called once the
    /// sessions' tasks have written their last batch.
    pub fn keep_summaries(&self) {
        for entry in self.by_id.iter() {
            let state = entry.value().state();
            if state.status == SessionStatus::Ended {
                self.keep_summary(&state);
            }
        }
    }

    fn keep_summary(&self, state: &SessionState) {
        let id = state.info.id;
        let kept = self.store.stamp(id).and_then(|stamp| {
            self.store
                .write_summary(id, stamp, &SessionSummary::of(state))
        });
        if let Err(e) = kept {
            tracing::warn!(session = %id, error = %e, "no summary kept: the next start reads the whole transcript");
        }
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

    /// Starts every session in the store: an ended one whose summary is
    /// still true to its transcript stays dormant, unread; every other is
    /// replayed (on several threads) and, if it is still running, started.
    /// An ended one replayed here gets its summary, so the next start need
    /// not replay it. A torn last line is cut off with a warning; a
    /// transcript that is corrupt before its end is skipped with an error and
    /// left on disk untouched. Answers how many sessions there are.
    pub fn resume_all(&self) -> std::io::Result<usize> {
        let ids = self.store.list()?;
        let summaries = in_parallel(&ids, |id| self.fresh_summary(id));
        let mut to_replay = Vec::new();
        for (id, summary) in ids.into_iter().zip(summaries) {
            match summary {
                Some(summary) if summary.status == SessionStatus::Ended => {
                    self.by_code.insert(summary.info.code.clone(), id);
                    self.dormant.insert(id, Arc::new(summary));
                }
                _ => to_replay.push(id),
            }
        }
        // Reading, parsing and replaying are independent per session: workers
        // share them, and each keeps only the rebuilt state, so the parsed
        // records of hundreds of transcripts are never all in memory at once.
        let replayed = in_parallel(&to_replay, |id| self.read_and_replay(id));
        for (id, result) in to_replay.into_iter().zip(replayed) {
            let (state, writer, pseudonyms) = match result.and_then(|r| self.reopen(id, r)) {
                Ok(ready) => ready,
                Err(why) => {
                    tracing::error!(session = %id, error = %why, "transcript skipped: it cannot be replayed");
                    self.set_aside(id, why);
                    continue;
                }
            };
            if state.status == SessionStatus::Ended {
                // Nothing more is written to it: keep its summary and let
                // it sleep until someone opens it.
                drop(writer);
                self.keep_summary(&state);
                let summary = SessionSummary::of(&state);
                self.by_code.insert(summary.info.code.clone(), id);
                self.dormant.insert(id, Arc::new(summary));
                continue;
            }
            self.start(state, writer, pseudonyms);
        }
        Ok(self.len())
    }

    /// The summary beside a transcript, if the transcript has not changed
    /// since it was made.
    fn fresh_summary(&self, id: Uuid) -> Option<SessionSummary> {
        let (stamp, summary) = self.store.read_summary(id)?;
        (self.store.stamp(id).ok()? == stamp).then_some(summary)
    }

    /// Reads, parses and replays one transcript.
    fn read_and_replay(&self, id: Uuid) -> Result<Replayed, String> {
        let remembered = self.limits.remembered_client_ids;
        let found = self.store.load(id);
        let parsed = found.parsed.map_err(|e| e.to_string())?;
        let pseudonyms = self.pseudonyms_of(id);
        let replayed = std::panic::catch_unwind(AssertUnwindSafe(|| {
            replay(&parsed, remembered, pseudonyms.clone())
        }));
        let state = replayed.map_err(|_| ReplayError::ReplayPanicked.to_string())?;
        let erases = erasure::erases_anyone(&parsed.records);
        Ok(Replayed {
            state,
            pseudonyms,
            good_len: parsed.good_len,
            torn: parsed.torn,
            erases,
        })
    }

    /// Opens a replayed transcript for appending (a torn tail cut off) and
    /// finishes an erasure a crash interrupted.
    fn reopen(
        &self,
        id: Uuid,
        replayed: Replayed,
    ) -> Result<(SessionState, Box<dyn TranscriptWriter>, Pseudonyms), String> {
        let Replayed {
            state,
            pseudonyms,
            good_len,
            torn,
            erases,
        } = replayed;
        if let Some(why) = &torn {
            tracing::warn!(session = %id, torn = %why, "cut off a torn last line left by a crash");
        }
        let mut writer = self
            .store
            .reopen(id, good_len)
            .map_err(|e| format!("cannot reopen it: {e}"))?;
        if erases {
            // A crash after an erasure and before its rewrite: finish it.
            let remembered = self.limits.remembered_client_ids;
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
        Ok((state, writer, pseudonyms))
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

/// One transcript replayed, not yet reopened.
struct Replayed {
    state: SessionState,
    pseudonyms: Pseudonyms,
    good_len: u64,
    torn: Option<String>,
    erases: bool,
}

/// A session as the lists see it: running (its task started), or ended and
/// not opened since start-up (its summary).
#[derive(Clone)]
pub enum Listed {
    /// Its task runs.
    Awake(SessionHandle),
    /// Ended, known by its summary until someone opens it.
    Dormant(Arc<SessionSummary>),
}

impl Listed {
    /// Its header.
    pub fn info(&self) -> Arc<SessionInfo> {
        match self {
            Listed::Awake(handle) => handle.info(),
            Listed::Dormant(summary) => summary.info.clone(),
        }
    }

    /// What the lists show of it.
    pub fn summary(&self) -> Arc<SessionSummary> {
        match self {
            Listed::Awake(handle) => Arc::new(SessionSummary::of(&handle.state())),
            Listed::Dormant(summary) => summary.clone(),
        }
    }

    /// Its handle, if its task runs.
    pub fn awake(&self) -> Option<&SessionHandle> {
        match self {
            Listed::Awake(handle) => Some(handle),
            Listed::Dormant(_) => None,
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
