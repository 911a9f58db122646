//! A view's websocket frame, encoded once per render and written as-is to every socket.
//!
//! Server frames are never masked (RFC 6455 section 5.1), so the same bytes
//! serve every phone in a room: one allocation shared by reference count,
//! no per-socket copy.

use bytes::Bytes;
use serde::Serialize;

/// Longest websocket header: one byte of flags, one of length, eight of extended length.
const MAX_HEADER: usize = 10;

/// `message` as JSON in one final, unmasked text frame. `size_hint` is about
/// how long the JSON will be, so the buffer is allocated once.
pub fn text_frame(message: &impl Serialize, size_hint: usize) -> Bytes {
    let mut buf = Vec::with_capacity(MAX_HEADER + size_hint);
    buf.resize(MAX_HEADER, 0);
    serde_json::to_writer(&mut buf, message).expect("views serialise to JSON");
    with_header(buf)
}

/// `text`, already JSON, in one final, unmasked text frame.
pub fn raw_text_frame(text: &str) -> Bytes {
    let mut buf = Vec::with_capacity(MAX_HEADER + text.len());
    buf.resize(MAX_HEADER, 0);
    buf.extend_from_slice(text.as_bytes());
    with_header(buf)
}

/// Writes the frame header into the room left before the payload.
fn with_header(mut buf: Vec<u8>) -> Bytes {
    let len = buf.len() - MAX_HEADER;
    let mut header = [0u8; MAX_HEADER];
    header[0] = 0x81; // FIN, text
    let header_len = if len < 126 {
        header[1] = len as u8;
        2
    } else if let Ok(short) = u16::try_from(len) {
        header[1] = 126;
        header[2..4].copy_from_slice(&short.to_be_bytes());
        4
    } else {
        header[1] = 127;
        header[2..10].copy_from_slice(&(len as u64).to_be_bytes());
        10
    };
    // The JSON stays where it was written; the header goes just before it.
    let start = MAX_HEADER - header_len;
    buf[start..MAX_HEADER].copy_from_slice(&header[..header_len]);
    Bytes::from(buf).slice(start..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use tokio_tungstenite::tungstenite::protocol::{Role, WebSocket};

    /// A real websocket client reads each frame back as the same text.
    #[test]
    fn a_client_reads_every_length_back() {
        for len in [
            0, 1, 115, 116, 117, 123, 124, 125, 126, 65_533, 65_534, 65_535, 70_000,
        ] {
            let text = "x".repeat(len);
            let json = serde_json::to_string(&text).unwrap();
            // Both encoders, back to back, as the socket writes an ack and a view.
            let both = [text_frame(&text, 0), raw_text_frame(&json)].concat();
            let mut client = WebSocket::from_raw_socket(Cursor::new(both), Role::Client, None);
            for _ in 0..2 {
                let message = client.read().expect("a valid frame");
                assert_eq!(message.into_text().unwrap().as_str(), json, "length {len}");
            }
        }
    }
}
