//! The websocket handshake and the server side of one websocket.
//!
//! tungstenite reads every client message and writes acks, errors, pings and
//! closes. Views are different: each is encoded once per render as a complete
//! websocket frame (see `render::wire`) and written as those bytes to every
//! socket that follows it. That skips tungstenite's per-socket copy into its
//! write buffer, a buffer that would otherwise stay at the size of the largest
//! view for the life of the socket (about 4.5 KB for each of 10,000 phones).

use super::error::ApiError;
use crate::error_code::ErrorCode;
use axum::body::Body;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use hyper::upgrade::{OnUpgrade, Upgraded};
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Error, Message};
use tokio_tungstenite::WebSocketStream;

/// A request to open a websocket, checked but not yet answered.
pub struct WsUpgrade {
    key: HeaderValue,
    on_upgrade: OnUpgrade,
}

impl<S: Send + Sync> FromRequestParts<S> for WsUpgrade {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let headers = &parts.headers;
        let is_websocket = parts.method == Method::GET
            && header_has_token(headers, header::CONNECTION, "upgrade")
            && header_has_token(headers, header::UPGRADE, "websocket")
            && header_has_token(headers, header::SEC_WEBSOCKET_VERSION, "13");
        let key = headers.get(header::SEC_WEBSOCKET_KEY).cloned();
        let on_upgrade = parts.extensions.remove::<OnUpgrade>();
        match (is_websocket, key, on_upgrade) {
            (true, Some(key), Some(on_upgrade)) => Ok(WsUpgrade { key, on_upgrade }),
            _ => Err(ApiError::new(
                ErrorCode::NotWebsocket,
                "this address takes a websocket (version 13) only",
            )),
        }
    }
}

impl WsUpgrade {
    /// Answers 101 and runs `serve` on the socket once the client switches.
    pub fn on_upgrade<F, Fut>(self, config: WebSocketConfig, serve: F) -> Response
    where
        F: FnOnce(WsSocket) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let on_upgrade = self.on_upgrade;
        tokio::spawn(async move {
            let Ok(upgraded) = on_upgrade.await else {
                return;
            };
            let stream = WebSocketStream::from_raw_socket(
                TokioIo::new(upgraded),
                Role::Server,
                Some(config),
            )
            .await;
            // A task of its own, so that this one's state (the upgrade and
            // the handshake, several KB) is freed rather than carried for
            // the socket's life.
            tokio::spawn(serve(WsSocket { stream }));
        });
        let accept = derive_accept_key(self.key.as_bytes());
        Response::builder()
            .status(StatusCode::SWITCHING_PROTOCOLS)
            .header(header::CONNECTION, "upgrade")
            .header(header::UPGRADE, "websocket")
            .header(header::SEC_WEBSOCKET_ACCEPT, accept)
            .body(Body::empty())
            .expect("a 101 with valid headers")
    }
}

/// `Connection: keep-alive, Upgrade` holds the token `upgrade`.
fn header_has_token(headers: &HeaderMap, name: header::HeaderName, token: &str) -> bool {
    headers.get_all(name).iter().any(|value| {
        value.to_str().is_ok_and(|v| {
            v.split(',')
                .any(|part| part.trim().eq_ignore_ascii_case(token))
        })
    })
}

/// The server end of one websocket.
pub struct WsSocket {
    stream: WebSocketStream<TokioIo<Upgraded>>,
}

impl WsSocket {
    /// The next message from the client, or `None` once it is gone.
    pub async fn recv(&mut self) -> Option<Result<Message, Error>> {
        self.stream.next().await
    }

    /// Sends one message through tungstenite.
    pub async fn send(&mut self, message: Message) -> Result<(), Error> {
        self.stream.send(message).await
    }

    /// Writes a frame encoded by `render::wire`. Whatever tungstenite still
    /// holds (an automatic pong) is flushed first, so frames never interleave;
    /// callers never race this with `send`, as the socket loop sends one thing
    /// at a time.
    pub async fn send_encoded(&mut self, frame: &[u8]) -> Result<(), Error> {
        self.stream.flush().await?;
        let io = self.stream.get_mut();
        io.write_all(frame).await?;
        io.flush().await?;
        Ok(())
    }

    /// Reads and drops what the client is still sending, for a moment,
    /// before the connection closes. After a message too big to read, the
    /// rest of it is still on its way: a connection closed with bytes
    /// unread is reset by the kernel, and a reset can overtake the close
    /// frame just sent, so the phone would hear 1006 instead of 1009 and
    /// why. Bounded in time and bytes, so a client cannot hold it open.
    pub async fn drain(&mut self) {
        const QUIET: Duration = Duration::from_millis(200);
        const AT_MOST: Duration = Duration::from_secs(2);
        const MOST_BYTES: usize = 1 << 20;
        let io = self.stream.get_mut();
        let mut sink = vec![0u8; 8192];
        let mut read = 0;
        let reading = async {
            while read < MOST_BYTES {
                match tokio::time::timeout(QUIET, io.read(&mut sink)).await {
                    Ok(Ok(n)) if n > 0 => read += n,
                    _ => break,
                }
            }
        };
        let _ = tokio::time::timeout(AT_MOST, reading).await;
    }
}
