//! The handle to a live session: what the web layer sends it, and what it answers.

use super::publisher::Views;
use crate::activity::Ballot;
use crate::error_code::ErrorCode;
use crate::session::{Actor, Command, Participant, Rejection, SessionInfo, SessionState};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, watch};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

/// Why a request to a session did not succeed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    /// The rules refused it; nothing changed.
    #[error(transparent)]
    Rejected(#[from] Rejection),
    /// The transcript could not be written; nothing changed and nothing was acked.
    #[error("that could not be saved, so nothing changed; please try again")]
    Storage,
    /// The participant token does not belong to this session.
    #[error("that token does not belong to this session")]
    BadToken,
    /// The session task has stopped (server shutting down).
    #[error("this session is not available right now")]
    Unavailable,
}

impl SessionError {
    /// Stable code for clients.
    pub fn code(&self) -> ErrorCode {
        match self {
            SessionError::Rejected(r) => r.code(),
            SessionError::Storage => ErrorCode::StorageFailed,
            SessionError::BadToken => ErrorCode::WrongSession,
            SessionError::Unavailable => ErrorCode::Unavailable,
        }
    }
}

/// Who is connecting a live socket.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// A participant proving themselves with the hash of their token.
    Participant {
        /// Their id.
        id: Uuid,
        /// SHA-256 of the token they presented.
        token_hash: String,
        /// The language their phone reads.
        language: crate::language::Language,
    },
    /// The projector (the web layer has checked the key).
    Screen,
    /// The console (the web layer has checked the key).
    Facilitator {
        /// The language the facilitator reads.
        language: crate::language::Language,
    },
}

/// What a new socket starts from, taken in one step inside the session task.
#[derive(Debug)]
pub struct Connected {
    /// The participant, for participant sockets.
    pub me: Option<Participant>,
    /// Their latest ballot on each activity, so a reconnecting phone shows it again.
    pub my_ballots: Vec<(String, Ballot)>,
    /// What they gave in each activity answered with entries (their ideas
    /// still listed, as now worded), so a phone lists its own as they are
    /// after a reload, on another browser, or after the facilitator's edits.
    pub my_entries: Vec<(String, Vec<String>)>,
    /// The rendered view to follow.
    pub views: Views,
}

pub(super) enum Request {
    Command {
        actor: Actor,
        client_id: Option<String>,
        command: Command,
        reply: oneshot::Sender<Result<u64, SessionError>>,
    },
    Connect {
        viewer: Viewer,
        reply: oneshot::Sender<Result<Connected, SessionError>>,
    },
}

/// A cheap-to-clone handle to a live session.
#[derive(Clone)]
pub struct SessionHandle {
    pub(super) inner: Arc<HandleInner>,
}

pub(super) struct HandleInner {
    /// Stops this session's task and closes its sockets.
    pub(super) stop: CancellationToken,
    /// Cancelled once the task has finished (its last write is on disk).
    pub(super) done: CancellationToken,
    /// Stopped because it is being deleted, not with the server.
    pub(super) deleted: std::sync::atomic::AtomicBool,
    pub(super) sockets: std::sync::atomic::AtomicUsize,
    /// Each participant's open sockets, oldest first, with the token that closes each.
    pub(super) seats: std::sync::Mutex<HashMap<Uuid, VecDeque<(u64, CancellationToken)>>>,
    pub(super) next_seat: std::sync::atomic::AtomicU64,
    /// Boxed: the queue's blocks hold a pointer per slot, not a whole
    /// request (160 bytes), so an idle session's queue stays small.
    pub(super) tx: mpsc::Sender<Box<Request>>,
    pub(super) state: watch::Receiver<Arc<SessionState>>,
}

impl SessionHandle {
    /// The session's facts as they stand: its id, code, series and creation
    /// are fixed; its title and script change with `rename` and script edits.
    pub fn info(&self) -> Arc<SessionInfo> {
        self.inner.state.borrow().info.clone()
    }

    /// Cancelled when this session stops: deleted, or the server shutting down.
    pub fn stopping(&self) -> &CancellationToken {
        &self.inner.stop
    }

    /// Stops the session for deletion: its sockets are told it is gone for
    /// good (not that the server is restarting, when phones reconnect).
    pub async fn stop_for_deletion(&self) {
        self.inner
            .deleted
            .store(true, std::sync::atomic::Ordering::Release);
        self.stop().await;
    }

    /// Whether the session was stopped to be deleted.
    pub fn deleted(&self) -> bool {
        self.inner
            .deleted
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// Stops the session and waits for its task to finish its last write.
    pub async fn stop(&self) {
        self.inner.stop.cancel();
        self.inner.done.cancelled().await;
    }

    /// The latest durable state (what every reply so far has been based on).
    pub fn state(&self) -> Arc<SessionState> {
        self.inner.state.borrow().clone()
    }

    /// Websockets open on this session.
    pub fn sockets(&self) -> usize {
        self.inner
            .sockets
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts a socket until the returned slot is dropped.
    pub fn socket_slot(&self) -> SocketSlot {
        self.inner
            .sockets
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        SocketSlot(self.clone())
    }

    /// Seats a participant's new socket. When they already hold `max`, the
    /// oldest is told to close: the newest tab or phone wins, and one token
    /// can never hold more than `max` sockets.
    pub fn seat(&self, participant: Uuid, max: usize) -> Seat {
        let id = self
            .inner
            .next_seat
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // A child of the session's own: a socket waits on one token for
        // both (each wait is a lock at every turn of its loop).
        let token = self.inner.stop.child_token();
        let mut seats = self.lock_seats();
        let mine = seats.entry(participant).or_default();
        mine.push_back((id, token.clone()));
        while mine.len() > max.max(1) {
            if let Some((_, oldest)) = mine.pop_front() {
                oldest.cancel();
            }
        }
        Seat {
            handle: self.clone(),
            participant,
            id,
            replaced: token,
        }
    }

    fn lock_seats(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<Uuid, VecDeque<(u64, CancellationToken)>>> {
        // Held for a few map operations, never across an await.
        self.inner.seats.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a command; `Ok(seq)` once its events are durable (the seq of the last one).
    pub async fn command(
        &self,
        actor: Actor,
        client_id: Option<String>,
        command: Command,
    ) -> Result<u64, SessionError> {
        let (reply, answer) = oneshot::channel();
        let request = Request::Command {
            actor,
            client_id,
            command,
            reply,
        };
        self.ask(request, answer).await?
    }

    /// Checks a viewer and returns where their socket starts.
    pub async fn connect(&self, viewer: Viewer) -> Result<Connected, SessionError> {
        let (reply, answer) = oneshot::channel();
        self.ask(Request::Connect { viewer, reply }, answer).await?
    }

    async fn ask<T>(
        &self,
        request: Request,
        answer: oneshot::Receiver<T>,
    ) -> Result<T, SessionError> {
        // A full queue makes the sender wait: back-pressure on that one socket,
        // never an unbounded pile of commands in memory.
        self.inner
            .tx
            .send(Box::new(request))
            .await
            .map_err(|_| SessionError::Unavailable)?;
        answer.await.map_err(|_| SessionError::Unavailable)
    }
}

/// One open socket on a session; counted until dropped.
pub struct SocketSlot(SessionHandle);

impl Drop for SocketSlot {
    fn drop(&mut self) {
        self.0
            .inner
            .sockets
            .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// A participant's socket, as counted against their own limit.
pub struct Seat {
    handle: SessionHandle,
    participant: Uuid,
    id: u64,
    /// Cancelled when a newer socket of the same participant takes this seat.
    pub replaced: CancellationToken,
}

impl Drop for Seat {
    fn drop(&mut self) {
        let mut seats = self.handle.lock_seats();
        if let Some(mine) = seats.get_mut(&self.participant) {
            mine.retain(|(id, _)| *id != self.id);
            if mine.is_empty() {
                seats.remove(&self.participant);
            }
        }
    }
}
