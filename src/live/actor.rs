//! The session task: one per live session, the only writer of its state and transcript.
//!
//! Commands arrive on a bounded channel. The task takes whatever has queued
//! into one batch, decides and applies each against a working copy, appends
//! the batch to the transcript with one fsync (group commit), and only then
//! replies and publishes. If the write fails the working copy is dropped, so
//! nobody ever sees or is acked for an event that is not on disk.

pub use super::handle::{Connected, Seat, SessionError, SessionHandle, SocketSlot, Viewer};

use super::handle::{HandleInner, Request};
use super::publisher::{self, Audience, ViewSenders};
use crate::config::{Limits, Timings};
use crate::metrics::Metrics;
use crate::render;
use crate::session::{erasure, Command, Context, Pseudonyms, Record, SessionState};
use crate::transcript::TranscriptWriter;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// What every session task shares: limits, timings, counters, and shutdown.
pub struct TaskEnv<'a> {
    /// Size limits.
    pub limits: &'a Limits,
    /// Render cadence.
    pub timings: &'a Timings,
    /// Counters.
    pub metrics: Arc<Metrics>,
    /// Cancelled on shutdown.
    pub shutdown: CancellationToken,
    /// Tracks the task, so shutdown waits for it.
    pub tracker: &'a tokio_util::task::TaskTracker,
}

/// Starts the task for a session whose state is `state` (new or replayed) and
/// whose transcript `writer` is open for appending.
pub fn spawn(
    state: SessionState,
    writer: Box<dyn TranscriptWriter>,
    pseudonyms: Pseudonyms,
    env: TaskEnv<'_>,
) -> SessionHandle {
    let TaskEnv {
        limits,
        timings,
        metrics,
        shutdown,
        tracker,
    } = env;
    let (tx, rx) = mpsc::channel(limits.session_queue);
    let state = Arc::new(state);
    let alerts = render::ConsoleAlerts {
        storage_failing: false,
        anonymity_unavailable: pseudonyms.missing().map(String::from),
    };
    let view_senders = publisher::channels(alerts);
    let (state_tx, state_rx) = watch::channel(state.clone());
    let task = SessionTask {
        state,
        writer: Arc::new(Mutex::new(writer)),
        pseudonyms,
        state_tx,
        views: view_senders,
        max_batch: limits.max_batch,
        max_participants: limits.max_participants,
        remembered_client_ids: limits.remembered_client_ids,
        render_every: timings.render_every,
        // As if the last render were one interval ago: the first change shows at once.
        last_render: Instant::now()
            .checked_sub(timings.render_every)
            .unwrap_or_else(Instant::now),
        dirty: false,
        phones_dirty: false,
        metrics,
    };
    // Cancelled to stop this session alone (it is being deleted), or with
    // the whole server.
    let stop = shutdown.child_token();
    let done = CancellationToken::new();
    let finished = done.clone();
    let run = task.run(rx, stop.clone());
    tracker.spawn(async move {
        run.await;
        finished.cancel();
    });
    SessionHandle {
        inner: Arc::new(HandleInner {
            stop,
            done,
            deleted: Default::default(),
            sockets: Default::default(),
            seats: Default::default(),
            next_seat: Default::default(),
            tx,
            state: state_rx,
        }),
    }
}

struct SessionTask {
    state: Arc<SessionState>,
    /// Behind a mutex only so the blocking scrub can borrow it on the
    /// blocking pool; this task is its sole user, so the lock is never
    /// contended.
    writer: Arc<Mutex<Box<dyn TranscriptWriter>>>,
    pseudonyms: Pseudonyms,
    state_tx: watch::Sender<Arc<SessionState>>,
    views: ViewSenders,
    max_batch: usize,
    max_participants: usize,
    remembered_client_ids: usize,
    render_every: std::time::Duration,
    last_render: Instant,
    dirty: bool,
    /// Some change since the last render can alter what phones show.
    phones_dirty: bool,
    metrics: Arc<Metrics>,
}

/// A command's answer: where to send it, what it is, and whether the command
/// erased someone (answered only once the file no longer names them).
type CommandReply = (
    oneshot::Sender<Result<u64, SessionError>>,
    Result<u64, SessionError>,
    bool,
);

impl SessionTask {
    async fn run(mut self, mut rx: mpsc::Receiver<Box<Request>>, shutdown: CancellationToken) {
        let id = self.state.info.id;
        tracing::debug!(session = %id, "session task started");
        loop {
            let next_render = self.last_render + self.render_every;
            tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                request = rx.recv() => {
                    let Some(first) = request else { break };
                    let mut batch = vec![*first];
                    while batch.len() < self.max_batch {
                        match rx.try_recv() {
                            Ok(more) => batch.push(*more),
                            Err(_) => break,
                        }
                    }
                    // Boxed: inline, the batch's future (its write and
                    // scrub) would sit in every idle session's task.
                    Box::pin(self.handle(batch)).await;
                }
                () = tokio::time::sleep_until(next_render), if self.dirty => self.render(),
            }
        }
        // Whatever already queued is finished, so a command sent before shutdown
        // gets a true answer; every acked event is already on disk.
        rx.close();
        let mut rest = Vec::new();
        while let Ok(request) = rx.try_recv() {
            rest.push(*request);
        }
        if !rest.is_empty() {
            Box::pin(self.handle(rest)).await;
        }
        if self.dirty {
            self.render();
        }
        self.metrics.session_stopped();
        tracing::debug!(session = %id, "session task stopped");
    }

    async fn handle(&mut self, batch: Vec<Request>) {
        let mut next = (*self.state).clone();
        let mut records = Vec::new();
        let mut replies: Vec<CommandReply> = Vec::new();
        let mut connects = Vec::new();
        let ctx = Context::new(SystemTime::now(), self.pseudonyms.clone())
            .with_max_participants(self.max_participants);
        let at = ctx.timestamp();
        for request in batch {
            match request {
                Request::Command {
                    actor,
                    client_id,
                    command,
                    reply,
                } => {
                    self.metrics.command();
                    let erases =
                        matches!(command, Command::Erase { .. } | Command::EraseFromRoster(_));
                    let outcome =
                        crate::session::execute(&mut next, &ctx, at, actor, client_id, command)
                            .map(|(seq, new)| {
                                records.extend(new);
                                seq
                            })
                            .map_err(SessionError::from);
                    replies.push((reply, outcome, erases));
                }
                Request::Connect { viewer, reply } => connects.push((viewer, reply)),
            }
        }
        let committed = self.state.seq;
        let phones_change = records
            .iter()
            .any(|r| render::changes_participant_view(&next, &r.event));
        let erasing = erasure::erases_anyone(&records);
        if !records.is_empty() {
            let started = Instant::now();
            if let Err(e) = self.write(records).await {
                tracing::error!(session = %self.state.info.id, error = %e, "transcript write failed");
                self.metrics.storage_failure();
                // Anything that relied on this batch is refused, not acked.
                for (_, outcome, _) in &mut replies {
                    if matches!(outcome, Ok(seq) if *seq > committed) {
                        *outcome = Err(SessionError::Storage);
                    }
                }
                next = (*self.state).clone();
                if !self.views.alerts.storage_failing {
                    // The console says so at once, whatever the render throttle.
                    self.views.alerts.storage_failing = true;
                    self.render();
                }
            } else if self.views.alerts.storage_failing {
                self.views.alerts.storage_failing = false;
                self.dirty = true;
            }
            self.metrics.durable_latency(started.elapsed());
        }
        let written = next.seq != committed;
        if written {
            self.state = Arc::new(next);
            self.state_tx.send_replace(self.state.clone());
            self.dirty = true;
            self.phones_dirty |= phones_change;
            if self.last_render.elapsed() >= self.render_every {
                self.render();
            }
        }
        if written && erasing {
            if let Err(e) = self.scrub().await {
                tracing::error!(session = %self.state.info.id, error = %e, "erased names are still in the transcript; start-up will try again");
                self.metrics.storage_failure();
                for (_, outcome, erases) in &mut replies {
                    if *erases && outcome.is_ok() {
                        *outcome = Err(SessionError::Storage);
                    }
                }
            }
        }
        for (reply, outcome, _) in replies {
            if let Err(e) = &outcome {
                self.metrics.rejected(e.code());
            }
            let _ = reply.send(outcome);
        }
        for (viewer, reply) in connects {
            let _ = reply.send(self.connected(viewer));
        }
    }

    async fn write(&self, records: Vec<Record>) -> std::io::Result<u64> {
        // The writer hands the bytes to the store's syncer and does not
        // block; the lock is this task's alone.
        let pending = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .append(&records);
        let written = pending
            .await
            .unwrap_or_else(|_| Err(std::io::Error::other("the transcript writer has stopped")));
        if written.is_ok() {
            self.metrics.events_written(records.len());
        }
        written
    }

    /// Rewrites the transcript so that no line names anyone erased; the copy
    /// must replay to exactly the live state before it replaces the file.
    async fn scrub(&self) -> std::io::Result<bool> {
        let writer = self.writer.clone();
        let live = self.state.clone();
        let pseudonyms = self.pseudonyms.clone();
        let remembered = self.remembered_client_ids;
        tokio::task::spawn_blocking(move || {
            let mut writer = writer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            writer.scrub(&|copy| replays_to(copy, &live, remembered, &pseudonyms))
        })
        .await
        .map_err(std::io::Error::other)?
    }

    fn render(&mut self) {
        self.views.publish(&self.state, self.phones_dirty);
        self.last_render = Instant::now();
        self.dirty = false;
        self.phones_dirty = false;
    }

    fn connected(&mut self, viewer: Viewer) -> Result<Connected, SessionError> {
        match viewer {
            Viewer::Screen | Viewer::Facilitator { .. } => {
                let audience = match viewer {
                    Viewer::Facilitator { language } => Audience::Facilitator(language),
                    _ => Audience::Screen,
                };
                Ok(Connected {
                    me: None,
                    my_ballots: Vec::new(),
                    my_entries: Vec::new(),
                    views: self.views.subscribe(audience, &self.state),
                })
            }
            Viewer::Participant {
                id,
                token_hash,
                language,
            } => {
                let me = self
                    .state
                    .participant(&id)
                    .filter(|p| p.token_matches(&token_hash))
                    .ok_or(SessionError::BadToken)?
                    .clone();
                if me.removed {
                    // Refused before the upgrade, not welcomed and then closed.
                    return Err(SessionError::Rejected(crate::session::Rejection::Removed));
                }
                // Anonymous ballots are filed under the pseudonym, which only
                // this task (holding the secret) can work out.
                let pseudonym = self.pseudonyms.of(id).ok();
                let my_ballots = self
                    .state
                    .activities
                    .iter()
                    .filter_map(|a| {
                        let voter = if a.spec.anonymous { pseudonym? } else { id };
                        let ballot = a.ballots.get(&voter)?;
                        Some((a.spec.id.clone(), ballot.ballot.clone()))
                    })
                    .collect();
                let my_entries = self
                    .state
                    .activities
                    .iter()
                    .filter(|a| {
                        crate::activity::kind_of(a.spec.kind).answered_with()
                            == crate::activity::kind::Answers::Ideas
                    })
                    .filter_map(|a| {
                        let author = if a.spec.anonymous { pseudonym? } else { id };
                        Some((a.spec.id.clone(), a.own.words_of(author)))
                    })
                    .collect();
                Ok(Connected {
                    me: Some(me),
                    my_ballots,
                    my_entries,
                    views: self
                        .views
                        .subscribe(Audience::Participant(language), &self.state),
                })
            }
        }
    }
}

/// Whether a rewritten transcript rebuilds exactly `live`, the check before a
/// scrubbed copy replaces the file.
pub fn replays_to(
    copy: &crate::transcript::Parsed,
    live: &SessionState,
    remembered: usize,
    pseudonyms: &Pseudonyms,
) -> Result<(), String> {
    let replayed = crate::transcript::replay(copy, remembered, pseudonyms.clone());
    if replayed == *live {
        Ok(())
    } else {
        Err("the rewritten transcript does not replay to the session as it is; the file is left as it was".into())
    }
}
