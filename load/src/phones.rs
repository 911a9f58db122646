//! Phones and projectors over real websockets, from several 127.0.0.x addresses.

use crate::stats::Stats;
use futures_util::{SinkExt, StreamExt};
use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::Instant;
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

/// Source addresses to spread sockets over, so no single one runs out of ports.
const SOURCES: u8 = 16;

pub type Socket = WebSocketStream<TcpStream>;

/// Opens a websocket from 127.0.0.(1 + n % 16) to `url`.
pub async fn connect(
    server: SocketAddr,
    url: &str,
    bearer: Option<&str>,
    n: usize,
) -> Result<Socket, String> {
    let source = Ipv4Addr::new(127, 0, 0, 1 + (n % SOURCES as usize) as u8);
    let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
    socket
        .bind(SocketAddr::from((source, 0)))
        .map_err(|e| format!("bind {source}: {e}"))?;
    let stream = socket
        .connect(server)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let mut request = url.into_client_request().map_err(|e| e.to_string())?;
    if let Some(key) = bearer {
        request.headers_mut().insert(
            "authorization",
            format!("Bearer {key}").parse().map_err(|_| "bad key")?,
        );
    }
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let (ws, _) = tokio_tungstenite::client_async_with_config(request, stream, Some(config))
        .await
        .map_err(|e| e.to_string())?;
    Ok(ws)
}

/// What one phone will do.
pub struct Plan {
    /// Index of its session.
    pub session: usize,
    /// Its number, for client ids and the options it picks.
    pub id: usize,
    /// The activity to vote on.
    pub activity: String,
    /// The option ids.
    pub options: Arc<Vec<String>>,
    /// When to send each ballot.
    pub schedule: Vec<Instant>,
    /// When to leave: like a phone in a real room, it stays (and keeps
    /// receiving views) until the run ends, not just until its last ack.
    pub until: Instant,
}

/// One phone: sends a ballot at each instant of its schedule, times every ack,
/// and stays connected until the end of the run.
pub async fn phone(ws: Socket, plan: Plan, stats: Arc<Stats>) {
    let Plan {
        session,
        id,
        activity,
        options,
        schedule,
        until,
    } = plan;
    let (mut tx, mut rx) = ws.split();
    let mut sent: HashMap<String, Instant> = HashMap::new();
    let mut next = schedule.into_iter().enumerate();
    let mut due = next.next();
    let until = tokio::time::Instant::from_std(until);
    loop {
        let wake = match &due {
            Some((_, at)) => tokio::time::Instant::from_std(*at).min(until),
            None => until,
        };
        tokio::select! {
            () = tokio::time::sleep_until(wake) => {
                match due.take() {
                    Some((n, _)) => {
                        let client_id = format!("p{id}-{n}");
                        let (a, b) = (&options[(id + n) % options.len()], &options[(id + n + 1) % options.len()]);
                        let vote = serde_json::json!({
                            "type": "vote", "activity": activity, "client_id": client_id,
                            "ballot": { "dots": { a.clone(): 2, b.clone(): 1 } },
                        });
                        sent.insert(client_id, Instant::now());
                        stats.sent.fetch_add(1, Relaxed);
                        if tx.send(Message::text(vote.to_string())).await.is_err() {
                            stats.errors.fetch_add(1, Relaxed);
                            return;
                        }
                        due = next.next();
                    }
                    None => break, // the run is over
                }
            }
            message = rx.next() => {
                let Some(Ok(Message::Text(text))) = message else {
                    if matches!(message, Some(Ok(_))) { continue; }
                    if !sent.is_empty() { stats.errors.fetch_add(sent.len() as u64, Relaxed); }
                    return;
                };
                let Ok(m) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
                match m["type"].as_str() {
                    Some("view") => {
                        stats.deliveries.fetch_add(1, Relaxed);
                        stats.view_bytes.fetch_add(text.len() as u64, Relaxed);
                    }
                    Some("ack") => {
                        let Some(at) = m["client_id"].as_str().and_then(|c| sent.remove(c)) else { continue };
                        stats.acked.fetch_add(1, Relaxed);
                        stats.ack_ms.lock().unwrap().push(at.elapsed().as_secs_f64() * 1000.0);
                        let seq = m["seq"].as_u64().unwrap_or(0);
                        stats.acked_seqs.lock().unwrap()[session].push((seq, at));
                    }
                    Some("error") => {
                        if let Some(c) = m["client_id"].as_str() { sent.remove(c); }
                        if m["error"]["code"] == "rate_limited" { stats.rate_limited.fetch_add(1, Relaxed); }
                        stats.errors.fetch_add(1, Relaxed);
                    }
                    _ => {}
                }
            }
        }
    }
    let _ = tx.send(Message::Close(None)).await;
}

/// One projector: records when each view (and its seq) arrives, until `until`.
pub async fn projector(ws: Socket, session: usize, until: Instant, stats: Arc<Stats>) {
    let (_tx, mut rx) = ws.split();
    let stop = tokio::time::Instant::from_std(until);
    loop {
        tokio::select! {
            () = tokio::time::sleep_until(stop) => return,
            message = rx.next() => {
                let Some(Ok(Message::Text(text))) = message else {
                    if matches!(message, Some(Ok(_))) { continue; }
                    return;
                };
                let Ok(m) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
                if m["type"] == "view" {
                    stats.deliveries.fetch_add(1, Relaxed);
                    stats.view_bytes.fetch_add(text.len() as u64, Relaxed);
                    let seq = m["seq"].as_u64().unwrap_or(0);
                    stats.screen_views.lock().unwrap()[session].push((seq, Instant::now()));
                }
            }
        }
    }
}
