//! The bare baseline: a tokio-tungstenite broadcast server with no application
//! logic. Each ballot bumps the room's counter and is acked; the newest count
//! goes to every socket of the room at the same tick rate as topteam's views.

use dashmap::DashMap;
use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;

struct Room {
    count: AtomicU64,
    views: watch::Sender<String>,
}

/// Serves until killed, printing `baseline listening on ADDR` first. Views
/// are padded to `payload` bytes, so a run can match topteam's view size.
pub async fn serve(addr: &str, payload: usize) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    println!("baseline listening on {}", listener.local_addr()?);
    let rooms: Arc<DashMap<String, Arc<Room>>> = Arc::default();
    loop {
        let (stream, _) = listener.accept().await?;
        let rooms = rooms.clone();
        tokio::spawn(async move {
            let _ = connection(stream, rooms, payload).await;
        });
    }
}

fn room(rooms: &DashMap<String, Arc<Room>>, name: &str, payload: usize) -> Arc<Room> {
    rooms
        .entry(name.to_string())
        .or_insert_with(|| {
            let (views, _) = watch::channel(String::new());
            let room = Arc::new(Room { count: AtomicU64::new(0), views });
            let ticking = room.clone();
            // The same 100 ms cadence as topteam's rendering.
            tokio::spawn(async move {
                let mut last = 0;
                let mut tick = tokio::time::interval(Duration::from_millis(100));
                loop {
                    tick.tick().await;
                    let n = ticking.count.load(Ordering::Relaxed);
                    if n != last {
                        last = n;
                        let mut html = format!("<p>{n} ballots</p>");
                        if html.len() < payload {
                            html.push_str(&" ".repeat(payload - html.len()));
                        }
                        let view = format!("{{\"type\":\"view\",\"audience\":\"screen\",\"seq\":{n},\"html\":\"{html}\"}}");
                        ticking.views.send_replace(view);
                    }
                }
            });
            room
        })
        .clone()
}

async fn connection(
    stream: TcpStream,
    rooms: Arc<DashMap<String, Arc<Room>>>,
    payload: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut path = String::new();
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    // The callback's error type is tungstenite's own HTTP response; its size is not ours to choose.
    #[allow(clippy::result_large_err)]
    let callback = |req: &tokio_tungstenite::tungstenite::handshake::server::Request, res| {
        path = req.uri().path().to_string();
        Ok(res)
    };
    let ws =
        tokio_tungstenite::accept_hdr_async_with_config(stream, callback, Some(config)).await?;
    let room = room(&rooms, path.trim_start_matches("/ws/"), payload);
    let mut views = room.views.subscribe();
    let (mut tx, mut rx) = ws.split();
    loop {
        tokio::select! {
            message = rx.next() => match message {
                Some(Ok(Message::Text(text))) => {
                    let value: serde_json::Value = serde_json::from_str(&text)?;
                    let seq = room.count.fetch_add(1, Ordering::Relaxed) + 1;
                    let ack = serde_json::json!({ "type": "ack", "client_id": value["client_id"], "seq": seq });
                    tx.send(Message::text(ack.to_string())).await?;
                }
                Some(Ok(_)) => {}
                _ => return Ok(()),
            },
            changed = views.changed() => {
                changed?;
                let view = views.borrow_and_update().clone();
                tx.send(Message::text(view)).await?;
            }
        }
    }
}
