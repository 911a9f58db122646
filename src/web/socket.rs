//! One live websocket: a single `select!` loop over reads, views, pings and shutdown.

use super::auth::{self, check_origin, require_facilitator};
use super::error::ApiError;
use super::limits::MessageBucket;
use super::protocol::{error_text, parse_client_msg, ServerMsg};
use super::upgrade::{WsSocket, WsUpgrade};
use super::AppState;
use crate::error_code::ErrorCode;
use crate::render::{wire, Frame, ParticipantFrame, Standing};
use crate::session::actor::{Connected, Viewer};
use crate::session::live::publisher::Views;
use crate::session::{Actor, Participant, SessionHandle};
use crate::workshop::Group;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use bytes::Bytes;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::Message;
use tracing::Instrument;

/// Close code when the server shuts down (going away).
const CLOSE_GOING_AWAY: u16 = 1001;
/// Close code when a peer stops answering pings.
const CLOSE_IDLE: u16 = 4008;
/// Close code when the facilitator removed the participant.
const CLOSE_REMOVED: u16 = 4003;
/// Close code when the same participant opened more sockets than allowed:
/// the oldest gives way to the newest.
const CLOSE_REPLACED: u16 = 4009;
/// A send that takes longer than this means the phone has stalled; drop it so
/// its buffers are freed. Others are unaffected either way.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

/// `?role=` and `?token=` on the socket URL.
#[derive(Debug, Deserialize)]
pub struct SocketQuery {
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    token: Option<String>,
}

/// The three kinds of socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Participant,
    Screen,
    Facilitator,
}

/// `GET /ws/{session}`: checks who is connecting before upgrading, so a bad
/// token gets an HTTP error rather than a socket that closes at once.
pub async fn upgrade(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    ws: WsUpgrade,
) -> Result<Response, ApiError> {
    check_origin(&headers)?;
    let handle = app.session(&id)?;
    let role = match query.role.as_deref() {
        None | Some("participant") => Role::Participant,
        Some("screen") => Role::Screen,
        Some("facilitate") => Role::Facilitator,
        Some(_) => {
            return Err(ApiError::invalid(
                "role is participant, screen or facilitate",
            ))
        }
    };
    let viewer = match role {
        Role::Participant => {
            let cookie_name = auth::participant_cookie(handle.info().id);
            let token = query
                .token
                .as_deref()
                .or_else(|| auth::cookie(&headers, &cookie_name))
                .ok_or_else(|| ApiError::new(ErrorCode::Unauthorized, "join the session first"))?;
            let (id, token_hash) = auth::parse_participant_token(token).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::WrongSession,
                    "that token does not belong to this session",
                )
            })?;
            Viewer::Participant { id, token_hash }
        }
        Role::Screen | Role::Facilitator => {
            require_facilitator(&headers, &app.admin_key)?;
            if role == Role::Screen {
                Viewer::Screen
            } else {
                Viewer::Facilitator
            }
        }
    };
    if app.metrics.sockets_open() >= app.limits.max_sockets as i64 {
        return Err(ApiError::new(
            ErrorCode::ServerFull,
            "the server has as many connections as it can take; try again shortly",
        ));
    }
    // The console and the projector never count against the room's cap: a
    // room full of phones must not lock the facilitator out.
    let slot = if role == Role::Participant {
        if handle.sockets() >= app.limits.max_sockets_per_session {
            return Err(ApiError::new(
                ErrorCode::TooManyConnections,
                "this session has as many connections as it can take",
            ));
        }
        Some(handle.socket_slot())
    } else {
        None
    };
    let connected = handle.connect(viewer).await?;
    let limits = &app.limits;
    // A small read buffer (tungstenite's default is 128 KiB per socket) and no
    // write buffering: acks go out at once, and views bypass it (see upgrade.rs).
    let config = WebSocketConfig::default()
        .read_buffer_size(1024)
        .write_buffer_size(0)
        .max_message_size(Some(limits.max_frame_bytes))
        .max_frame_size(Some(limits.max_frame_bytes));
    Ok(ws.on_upgrade(config, move |socket| async move {
        // Upgraded sockets outlive axum's graceful shutdown, so they are
        // tracked here and closed with 1001 by the shutdown token.
        let _tracked = app.tracker.token();
        let _slot = slot;
        let seat = connected
            .me
            .as_ref()
            .map(|me| handle.seat(me.id, app.limits.max_sockets_per_participant));
        app.metrics.socket_opened();
        let conn = Conn {
            replaced: seat.as_ref().map(|s| s.replaced.clone()),
            app: app.clone(),
            handle,
            role,
            me: connected.me.clone(),
            last_sent: None,
            bucket: MessageBucket::new(app.limits.messages_per_second, app.limits.message_burst),
        };
        let span = tracing::debug_span!(
            "socket",
            session = %conn.handle.info().id,
            participant = ?conn.me.as_ref().map(|p| p.id),
        );
        conn.run(socket, connected).instrument(span).await;
        app.metrics.socket_closed();
    }))
}

struct Conn {
    /// Cancelled when a newer socket of the same participant replaces this one.
    replaced: Option<tokio_util::sync::CancellationToken>,
    app: AppState,
    handle: SessionHandle,
    role: Role,
    me: Option<Participant>,
    /// The HTML last sent, so an unchanged view is not sent again.
    last_sent: Option<Arc<str>>,
    /// Messages this socket may still send now.
    bucket: MessageBucket,
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

impl Conn {
    async fn run(mut self, mut socket: WsSocket, connected: Connected) {
        let Connected {
            me,
            my_ballots,
            views,
        } = connected;
        let (mut participant_views, mut staff_views) = match views {
            Views::Participant(rx) => (Some(rx), None),
            Views::Screen(rx) | Views::Facilitator(rx) => (None, Some(rx)),
        };
        if let Some(me) = &me {
            let welcome = ServerMsg::Welcome {
                participant: me.id,
                name: &me.name,
                group: me.group,
                admitted: me.admitted,
            };
            let mut opening = vec![welcome.to_text()];
            for (activity, ballot) in &my_ballots {
                opening.push(ServerMsg::Ballot { activity, ballot }.to_text());
            }
            for text in opening {
                if self.send(&mut socket, Outgoing::Text(text)).await.is_err() {
                    return;
                }
            }
        }
        let first = match (&mut staff_views, &mut participant_views) {
            (Some(rx), _) => Ok(self.staff_frame(rx)),
            (None, Some(rx)) => self.participant_frame(rx),
            (None, None) => Ok(None),
        };
        let end = match first {
            Ok(Some(view)) => match self.send(&mut socket, Outgoing::View(view)).await {
                Ok(()) => {
                    self.serve(&mut socket, &mut participant_views, &mut staff_views)
                        .await
                }
                Err(()) => End::Gone,
            },
            Ok(None) => {
                self.serve(&mut socket, &mut participant_views, &mut staff_views)
                    .await
            }
            Err(end) => end,
        };
        if let End::Close(code, reason) = end {
            let frame = CloseFrame {
                code: code.into(),
                reason: reason.into(),
            };
            let _ =
                tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Close(Some(frame)))).await;
        }
    }

    async fn serve(
        &mut self,
        socket: &mut WsSocket,
        participant_views: &mut Option<watch::Receiver<Arc<ParticipantFrame>>>,
        staff_views: &mut Option<watch::Receiver<Arc<Frame>>>,
    ) -> End {
        let timings = self.app.timings.clone();
        let mut ping = tokio::time::interval(timings.ping_every);
        ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_heard = Instant::now();
        // Made once, not per turn of the loop: each new one registers with the
        // token (a lock) and each dropped one unregisters.
        let shutdown = self.app.shutdown.clone();
        let shutdown = shutdown.cancelled();
        tokio::pin!(shutdown);
        let replaced = self.replaced.clone().unwrap_or_default();
        let replaced = replaced.cancelled();
        tokio::pin!(replaced);
        loop {
            // Views before reads: a socket woken for a new view then sends it
            // without first trying a read that would find nothing. Views come
            // at most ten times a second, so reads never starve.
            let outgoing = tokio::select! {
                biased;
                () = &mut shutdown => return End::Close(CLOSE_GOING_AWAY, "server shutting down"),
                () = &mut replaced, if self.replaced.is_some() => {
                    return End::Close(CLOSE_REPLACED, "opened again on another tab or phone");
                }
                changed = async { participant_views.as_mut()?.changed().await.ok() }, if participant_views.is_some() => {
                    let Some(()) = changed else { return End::Close(CLOSE_GOING_AWAY, "session closed") };
                    let rx = participant_views.as_mut().expect("guarded by the branch condition");
                    match self.participant_frame(rx) {
                        Ok(view) => view.map(Outgoing::View),
                        Err(end) => return end,
                    }
                }
                changed = async { staff_views.as_mut()?.changed().await.ok() }, if staff_views.is_some() => {
                    let Some(()) = changed else { return End::Close(CLOSE_GOING_AWAY, "session closed") };
                    let rx = staff_views.as_mut().expect("guarded by the branch condition");
                    self.staff_frame(rx).map(Outgoing::View)
                }
                incoming = socket.recv() => {
                    last_heard = Instant::now();
                    match incoming {
                        Some(Ok(Message::Text(text))) => Some(Outgoing::Text(self.on_text(text.as_str()).await)),
                        Some(Ok(Message::Binary(_))) => {
                            // Counted like text, so binary frames cannot flood past the limit.
                            let e = match self.over_rate() {
                                Some(limited) => limited,
                                None => ApiError::invalid("messages are JSON text"),
                            };
                            Some(Outgoing::Text(error_text(None, &e)))
                        }
                        Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => None,
                        Some(Ok(Message::Close(_))) | None => return End::Gone,
                        Some(Err(e)) => {
                            tracing::debug!(error = %e, "socket read failed");
                            return End::Gone;
                        }
                    }
                }
                _ = ping.tick() => {
                    if last_heard.elapsed() > timings.idle_timeout {
                        return End::Close(CLOSE_IDLE, "no answer to pings");
                    }
                    if socket.send(Message::Ping(Default::default())).await.is_err() {
                        return End::Gone;
                    }
                    None
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

    /// Handles one client message and returns the reply (ack or error).
    async fn on_text(&mut self, text: &str) -> String {
        if let Some(e) = self.over_rate() {
            return error_text(None, &e);
        }
        let msg = match parse_client_msg(text, &self.app.limits) {
            Ok(msg) => msg,
            Err(unparsed) => {
                self.app.metrics.rejected(unparsed.error.code);
                return error_text(unparsed.client_id.as_deref(), &unparsed.error);
            }
        };
        let actor = match (&self.me, self.role) {
            (Some(me), _) => Actor::Participant(me.id),
            (None, Role::Facilitator) => Actor::Facilitator,
            (None, _) => {
                let e = ApiError::new(ErrorCode::Forbidden, "the projector only watches");
                return error_text(msg.client_id.as_deref(), &e);
            }
        };
        match self
            .handle
            .command(actor, msg.client_id.clone(), msg.command)
            .await
        {
            Ok(seq) => ServerMsg::Ack {
                client_id: msg.client_id.as_deref(),
                seq,
            }
            .to_text(),
            Err(e) => error_text(msg.client_id.as_deref(), &ApiError::from(e)),
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
        let view = match frame
            .standing
            .get(&me.id)
            .copied()
            .unwrap_or(Standing::Waiting)
        {
            Standing::Removed => {
                return Err(End::Close(CLOSE_REMOVED, "removed by the facilitator"))
            }
            // The frame renders a waiting view whenever someone in `standing` waits.
            Standing::Waiting => match &frame.waiting {
                Some(waiting) => waiting.clone(),
                None => return Ok(None),
            },
            Standing::Admitted if me.group == Group::Observer => frame.observer.clone(),
            Standing::Admitted => frame.voter.clone(),
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
            if Arc::ptr_eq(last, &frame.html) || **last == *frame.html {
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
