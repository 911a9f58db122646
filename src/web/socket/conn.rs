//! The loop of one live websocket: reads, views, pings, replacement and shutdown.

use super::{
    Role, CLOSE_DELETED, CLOSE_GOING_AWAY, CLOSE_IDLE, CLOSE_REMOVED, CLOSE_REPLACED,
    CLOSE_TOO_BIG, SEND_TIMEOUT,
};
use crate::error_code::ErrorCode;
use crate::live::actor::Connected;
use crate::live::publisher::Views;
use crate::live::SessionHandle;
use crate::render::{wire, Frame, ParticipantFrame, Removed};
use crate::session::{Actor, Command, Participant};
use crate::web::error::ApiError;
use crate::web::limits::MessageBucket;
use crate::web::protocol::{error_text, parse_client_msg, ServerMsg};
use crate::web::upgrade::WsSocket;
use crate::web::AppState;
use bytes::Bytes;
use std::sync::Arc;
use tokio::sync::watch;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

pub(super) struct Conn {
    /// Cancelled when a newer socket of the same participant replaces this one.
    pub(super) replaced: Option<tokio_util::sync::CancellationToken>,
    pub(super) app: AppState,
    pub(super) handle: SessionHandle,
    pub(super) role: Role,
    pub(super) me: Option<Participant>,
    /// The HTML last sent, so an unchanged view is not sent again.
    pub(super) last_sent: Option<Arc<str>>,
    /// Messages this socket may still send now.
    pub(super) bucket: MessageBucket,
    /// The language its refusals are worded in.
    pub(super) language: crate::language::Language,
    /// Its places in the counts, given back when it closes.
    pub(super) _held: super::Held,
}

/// What the loop sends next.
enum Outgoing {
    /// A reply (ack or error) or opening message, through tungstenite.
    Text(String),
    /// A view's frame, encoded once for every socket that follows it.
    View(Bytes),
    /// A reply and the view it brought about, in one write: one packet and
    /// one wake-up of the phone instead of two.
    ReplyAndView(String, Bytes),
}

/// Why the loop ended and how to say goodbye.
enum End {
    Gone,
    Close(u16, &'static str),
}

/// The views a socket follows: a phone's, or the projector's or console's.
struct Watched {
    participant: Option<watch::Receiver<Arc<ParticipantFrame>>>,
    staff: Option<watch::Receiver<Arc<Frame>>>,
}

impl Conn {
    /// The socket's whole life. The greeting and the goodbye are boxed: each
    /// happens once, and inline their futures would sit in the task for as
    /// long as the socket is open.
    pub(super) async fn run(mut self, mut socket: WsSocket, connected: Connected) {
        let end = match Box::pin(self.greet(&mut socket, connected)).await {
            Ok(mut watched) => self.serve(&mut socket, &mut watched).await,
            Err(end) => end,
        };
        if let End::Close(code, reason) = end {
            let frame = CloseFrame {
                code: code.into(),
                reason: reason.into(),
            };
            let goodbye = async {
                let sent =
                    tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Close(Some(frame))))
                        .await;
                if code == CLOSE_TOO_BIG && matches!(sent, Ok(Ok(()))) {
                    socket.drain().await;
                }
            };
            Box::pin(goodbye).await;
        }
    }

    /// Says who the phone is, its ballots and ideas so far and the server's
    /// clock, then sends the first view; returns the views to follow.
    async fn greet(&mut self, socket: &mut WsSocket, connected: Connected) -> Result<Watched, End> {
        let Connected {
            me,
            my_ballots,
            my_entries,
            views,
        } = connected;
        let mut watched = match views {
            Views::Participant(rx) => Watched {
                participant: Some(rx),
                staff: None,
            },
            Views::Screen(rx) | Views::Facilitator(rx) => Watched {
                participant: None,
                staff: Some(rx),
            },
        };
        let mut opening = Vec::new();
        if let Some(me) = &me {
            let welcome = ServerMsg::Welcome {
                participant: me.id,
                name: &me.name,
                group: me.group,
                admitted: me.admitted,
            };
            opening.push(welcome.to_text());
            for (activity, ballot) in &my_ballots {
                opening.push(ServerMsg::Ballot { activity, ballot }.to_text());
            }
            for (activity, entries) in &my_entries {
                opening.push(ServerMsg::Entries { activity, entries }.to_text());
            }
        }
        // Every device counts timers down to the server's clock, not its own.
        let now = crate::time::now().as_millisecond();
        opening.push(ServerMsg::Time { now }.to_text());
        for text in opening {
            self.send(socket, Outgoing::Text(text))
                .await
                .map_err(|()| End::Gone)?;
        }
        let first = match (&mut watched.staff, &mut watched.participant) {
            (Some(rx), _) => self.staff_frame(rx),
            (None, Some(rx)) => self.participant_frame(rx)?,
            (None, None) => None,
        };
        if let Some(view) = first {
            self.send(socket, Outgoing::View(view))
                .await
                .map_err(|()| End::Gone)?;
        }
        Ok(watched)
    }

    async fn serve(&mut self, socket: &mut WsSocket, watched: &mut Watched) -> End {
        let Watched {
            participant: participant_views,
            staff: staff_views,
        } = watched;
        let (ping_every, idle_timeout) =
            (self.app.timings.ping_every, self.app.timings.idle_timeout);
        let mut ping = tokio::time::interval(ping_every);
        ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_heard = Instant::now();
        // Made once, not per turn of the loop: each new one registers with the
        // token (a lock) and each dropped one unregisters. A phone's token
        // is cancelled when another socket replaces it, and with the
        // session's own, which is cancelled with the server's, or alone when
        // the session is deleted; a staff socket waits on the session's.
        let ended = match &self.replaced {
            Some(replaced) => replaced.clone(),
            None => self.handle.stopping().clone(),
        };
        let ended = ended.cancelled_owned();
        tokio::pin!(ended);
        loop {
            // Views before reads: a socket woken for a new view then sends it
            // without first trying a read that would find nothing. Views come
            // at most ten times a second, so reads never starve.
            let outgoing = tokio::select! {
                biased;
                changed = async { participant_views.as_mut()?.changed().await.ok() }, if participant_views.is_some() => {
                    let Some(()) = changed else { return self.stopped() };
                    let rx = participant_views.as_mut().expect("guarded by the branch condition");
                    match self.participant_frame(rx) {
                        Ok(view) => view.map(Outgoing::View),
                        Err(end) => return end,
                    }
                }
                changed = async { staff_views.as_mut()?.changed().await.ok() }, if staff_views.is_some() => {
                    let Some(()) = changed else { return self.stopped() };
                    let rx = staff_views.as_mut().expect("guarded by the branch condition");
                    self.staff_frame(rx).map(Outgoing::View)
                }
                incoming = socket.recv() => {
                    last_heard = Instant::now();
                    match incoming {
                        // Boxed: a command's future is the largest this loop
                        // awaits, and inline it would sit in every idle
                        // socket's task (2.4 of its 4.3 KB) for the message
                        // or two a minute a phone sends.
                        Some(Ok(Message::Text(text))) => Some(Outgoing::Text(Box::pin(self.on_text(text.as_str())).await)),
                        Some(Ok(Message::Binary(_))) => {
                            // Counted like text, so binary frames cannot flood past the limit.
                            let e = match self.over_rate() {
                                Some(limited) => limited,
                                None => ApiError::invalid("messages are JSON text"),
                            };
                            Some(Outgoing::Text(error_text(None, &e, self.language)))
                        }
                        Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => None,
                        Some(Ok(Message::Close(_))) | None => return End::Gone,
                        // Past the frame limit the message is never read: the
                        // phone is told why, with the code `docs/api.md` names.
                        Some(Err(tokio_tungstenite::tungstenite::Error::Capacity(_))) => {
                            return End::Close(CLOSE_TOO_BIG, "message too big");
                        }
                        Some(Err(e)) => {
                            tracing::debug!(error = %e, "socket read failed");
                            return End::Gone;
                        }
                    }
                }
                _ = ping.tick() => {
                    if last_heard.elapsed() > idle_timeout {
                        return End::Close(CLOSE_IDLE, "no answer to pings");
                    }
                    if socket.send(Message::Ping(Default::default())).await.is_err() {
                        return End::Gone;
                    }
                    None
                }
                // Last: it is a lock to look at, and a socket is woken for a
                // view or a message far more often than it is stopped.
                () = &mut ended => {
                    if self.handle.stopping().is_cancelled() {
                        return self.stopped();
                    }
                    return End::Close(CLOSE_REPLACED, "opened again on another tab or phone");
                }
            };
            // The session renders before it replies, so the view a ballot
            // changed is usually there already: it leaves with the ack.
            let outgoing = match outgoing {
                Some(Outgoing::Text(reply)) => {
                    match self.ready_view(participant_views, staff_views) {
                        Ok(Some(view)) => Some(Outgoing::ReplyAndView(reply, view)),
                        Ok(None) => Some(Outgoing::Text(reply)),
                        Err(end) => {
                            // Removed: the reply is still owed, then the close.
                            let _ = self.send(socket, Outgoing::Text(reply)).await;
                            return end;
                        }
                    }
                }
                other => other,
            };
            if let Some(outgoing) = outgoing {
                if self.send(socket, outgoing).await.is_err() {
                    return End::Gone;
                }
            }
        }
    }

    /// How to close once the session has stopped: deleted for good, or
    /// stopping with the server (phones reconnect when it is back).
    fn stopped(&self) -> End {
        if self.handle.deleted() {
            End::Close(CLOSE_DELETED, "this session was deleted")
        } else {
            End::Close(CLOSE_GOING_AWAY, "this session has stopped")
        }
    }

    /// Handles one client message and returns the reply (ack or error).
    async fn on_text(&mut self, text: &str) -> String {
        if let Some(e) = self.over_rate() {
            return error_text(None, &e, self.language);
        }
        // The page's heartbeat, answered at once: a phone whose connection
        // has gone quiet knows within seconds (it counts against the rate).
        if text == crate::web::protocol::PING {
            return crate::web::protocol::PONG.to_string();
        }
        let msg = match parse_client_msg(text, &self.app.limits) {
            Ok(msg) => msg,
            Err(unparsed) => {
                self.app.metrics.rejected(unparsed.error.code);
                return error_text(
                    unparsed.client_id.as_deref(),
                    &unparsed.error,
                    self.language,
                );
            }
        };
        let actor = match (&self.me, self.role) {
            (Some(me), _) => Actor::Participant(me.id),
            (None, Role::Facilitator) => Actor::Facilitator,
            // The projector (opened with the facilitator's key) turns its
            // own pages from its keys, and the console follows: nothing else.
            (None, Role::Screen) if matches!(msg.command, Command::Page { .. }) => {
                Actor::Facilitator
            }
            (None, _) => {
                let e = ApiError::new(ErrorCode::Forbidden, "the projector only watches");
                return error_text(msg.client_id.as_deref(), &e, self.language);
            }
        };
        let done = crate::web::erasing::run_command(
            &self.app,
            &self.handle,
            actor,
            msg.client_id.clone(),
            msg.command,
        )
        .await;
        match done {
            Ok(seq) => ServerMsg::Ack {
                client_id: msg.client_id.as_deref(),
                seq,
            }
            .to_text(),
            Err(e) => error_text(msg.client_id.as_deref(), &e, self.language),
        }
    }

    /// The refusal for a message over this socket's rate, if it is. Refused,
    /// not disconnected: a phone that resends in a loop after a bad network
    /// keeps its socket and hears why.
    fn over_rate(&mut self) -> Option<ApiError> {
        if self.bucket.take() {
            return None;
        }
        self.app.metrics.rejected(ErrorCode::RateLimited);
        Some(ApiError::new(
            ErrorCode::RateLimited,
            "too many messages; wait a moment and try again",
        ))
    }

    /// A new view already published, if any, without waiting for one.
    fn ready_view(
        &mut self,
        participant_views: &mut Option<watch::Receiver<Arc<ParticipantFrame>>>,
        staff_views: &mut Option<watch::Receiver<Arc<Frame>>>,
    ) -> Result<Option<Bytes>, End> {
        if let Some(rx) = participant_views {
            if rx.has_changed().unwrap_or(false) {
                return self.participant_frame(rx);
            }
        }
        if let Some(rx) = staff_views {
            if rx.has_changed().unwrap_or(false) {
                return Ok(self.staff_frame(rx));
            }
        }
        Ok(None)
    }

    /// The participant's view if it changed; an error ends the socket (removed).
    fn participant_frame(
        &mut self,
        rx: &mut watch::Receiver<Arc<ParticipantFrame>>,
    ) -> Result<Option<Bytes>, End> {
        let frame = rx.borrow_and_update().clone();
        let Some(me) = &self.me else { return Ok(None) };
        let view = match frame.view_for(&me.id, me.group) {
            Err(Removed) => return Err(End::Close(CLOSE_REMOVED, "removed by the facilitator")),
            Ok(None) => return Ok(None),
            Ok(Some(view)) => view.clone(),
        };
        Ok(self.if_changed(view))
    }

    fn staff_frame(&mut self, rx: &mut watch::Receiver<Arc<Frame>>) -> Option<Bytes> {
        let frame = (**rx.borrow_and_update()).clone();
        self.if_changed(frame)
    }

    /// The frame's bytes, unless this socket already shows the same HTML.
    fn if_changed(&mut self, frame: Frame) -> Option<Bytes> {
        if let Some(last) = &self.last_sent {
            if !frame.differs_from(last) {
                return None;
            }
        }
        self.last_sent = Some(frame.html);
        Some(frame.wire)
    }

    async fn send(&self, socket: &mut WsSocket, outgoing: Outgoing) -> Result<(), ()> {
        let sent = match outgoing {
            Outgoing::Text(text) => {
                tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::text(text))).await
            }
            Outgoing::View(frame) => {
                tokio::time::timeout(SEND_TIMEOUT, socket.send_encoded(&frame)).await
            }
            Outgoing::ReplyAndView(reply, view) => {
                let both = [wire::raw_text_frame(&reply), view].concat();
                tokio::time::timeout(SEND_TIMEOUT, socket.send_encoded(&both)).await
            }
        };
        match sent {
            Ok(Ok(())) => Ok(()),
            _ => Err(()),
        }
    }
}
