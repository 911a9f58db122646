//! One live websocket: the handshake (who is connecting, the caps) here, and
//! the single `select!` loop over reads, views, pings and shutdown in `conn`.

mod conn;

use conn::Conn;

use super::auth::{self, check_origin, require_facilitator};
use super::client_ip::ClientIp;
use super::error::ApiError;
use super::limits::{AddressSockets, MessageBucket};
use super::upgrade::WsUpgrade;
use super::AppState;
use crate::error_code::ErrorCode;
use crate::live::actor::Viewer;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use std::time::Duration;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tracing::Instrument;

/// Close code when the server shuts down (going away).
pub(super) const CLOSE_GOING_AWAY: u16 = 1001;
/// Close code for a message too big to read (RFC 6455 "message too big").
pub(super) const CLOSE_TOO_BIG: u16 = 1009;
/// Close code when the facilitator deleted the session: there is nothing to
/// reconnect to.
pub(super) const CLOSE_DELETED: u16 = 4004;
/// Close code when a peer stops answering pings.
pub(super) const CLOSE_IDLE: u16 = 4008;
/// Close code when the facilitator removed the participant.
pub(super) const CLOSE_REMOVED: u16 = 4003;
/// Close code when the same participant opened more sockets than allowed:
/// the oldest gives way to the newest.
pub(super) const CLOSE_REPLACED: u16 = 4009;
/// A send that takes longer than this means the phone has stalled; drop it so
/// its buffers are freed. Others are unaffected either way.
pub(super) const SEND_TIMEOUT: Duration = Duration::from_secs(10);

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
pub(super) enum Role {
    Participant,
    Screen,
    Facilitator,
}

/// What an open socket holds until it closes: its places in the server's,
/// the session's, the address's and the participant's counts. Dropped with
/// the socket's `Conn`.
struct Held {
    _tracked: tokio_util::task::task_tracker::TaskTrackerToken,
    _slot: Option<crate::live::actor::SocketSlot>,
    _address_slot: Option<super::limits::AddressSlot>,
    _seat: Option<crate::live::actor::Seat>,
    metrics: std::sync::Arc<crate::metrics::Metrics>,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.metrics.socket_closed();
    }
}

/// `GET /ws/{session}`: checks who is connecting before upgrading, so a bad
/// token gets an HTTP error rather than a socket that closes at once.
pub async fn upgrade(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    ClientIp(address): ClientIp,
    reading: crate::web::language::Reading,
    ws: WsUpgrade,
) -> Result<Response, ApiError> {
    // Refused before the upgrade: in the reader's language too.
    let language = reading.language;
    let answer = async move {
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
                Viewer::Participant {
                    id,
                    token_hash,
                    language: reading.language,
                }
            }
            Role::Screen | Role::Facilitator => {
                require_facilitator(&headers, &app)?;
                if role == Role::Screen {
                    Viewer::Screen
                } else {
                    Viewer::Facilitator {
                        language: reading.language,
                    }
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
        let address_slot = if role == Role::Participant {
            let max = app.limits.max_sockets_per_address;
            let slot = AddressSockets::take(&app.address_sockets, address, max);
            if slot.is_none() {
                app.metrics.rejected(ErrorCode::TooManyConnections);
                return Err(ApiError::new(
                    ErrorCode::TooManyConnections,
                    format!("this address has {max} connections open, as many as one address may; close some and try again"),
                ));
            }
            slot
        } else {
            None
        };
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
            .read_buffer_size(512)
            .write_buffer_size(0)
            .max_message_size(Some(limits.max_frame_bytes))
            .max_frame_size(Some(limits.max_frame_bytes));
        Ok(ws.on_upgrade(config, move |socket| {
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
                language: reading.language,
                _held: Held {
                    // Upgraded sockets outlive axum's graceful shutdown, so they are
                    // tracked here and closed with 1001 by the shutdown token.
                    _tracked: app.tracker.token(),
                    _slot: slot,
                    _address_slot: address_slot,
                    _seat: seat,
                    metrics: app.metrics.clone(),
                },
            };
            let span = tracing::debug_span!(
                "socket",
                session = %conn.handle.info().id,
                participant = ?conn.me.as_ref().map(|p| p.id),
            );
            // The socket's task is this future alone (not an `async` block
            // around it, which would keep a second copy of everything it
            // moved in): what it holds is released as `Conn` drops.
            conn.run(socket, connected).instrument(span)
        }))
    }
    .await;
    answer.map_err(|e| e.for_reader(language))
}
