//! A view's websocket frame, encoded once per render and written as-is to every socket.
//!
//! Server frames are never masked (RFC 6455 section 5.1), so the same bytes
//! serve every phone in a room: one allocation shared by reference count,
//! no per-socket copy.

use bytes::Bytes;
use std::io::Write;

/// Longest websocket header: one byte of flags, one of length, eight of extended length.
const MAX_HEADER: usize = 10;

/// `{"type":"view","audience":…,"seq":…,"html":…}` in one final, unmasked
/// text frame. Written by hand rather than by serde: a view is kilobytes of
/// HTML, quoted in every attribute, and escaping it a word at a time
/// ([`escape_json`]) is several times quicker than serde_json's byte at a
/// time. The text is the same as serde_json's (a test holds it to that).
pub fn view_frame(audience: &str, seq: u64, html: &str) -> Bytes {
    // Escaping adds a backslash before each quote of the HTML's attributes.
    let mut buf = Vec::with_capacity(MAX_HEADER + 80 + html.len() + html.len() / 8);
    buf.resize(MAX_HEADER, 0);
    buf.extend_from_slice(b"{\"type\":\"view\",\"audience\":\"");
    escape_json(audience, &mut buf);
    // Writing into a Vec cannot fail.
    let _ = write!(buf, "\",\"seq\":{seq},\"html\":\"");
    escape_json(html, &mut buf);
    buf.extend_from_slice(b"\"}");
    with_header(buf)
}

/// Appends `text` as the inside of a JSON string, escaped as serde_json
/// escapes it: `"` and `\\`, the control characters (`\n`, `\t` and the
/// like by name, the rest as `\u00XX`); everything else as it is.
pub fn escape_json(text: &str, out: &mut Vec<u8>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is zero, exact for the lowest such
    // byte (a borrow only carries upwards), which is the only one used.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 16);
    let mut at = 0;
    while at < bytes.len() {
        let special = match bytes.get(at..at + 8) {
            Some(word) => {
                let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                let below_space = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
                let found = below_space
                    | zero(w ^ (u64::from(b'"') * ONES))
                    | zero(w ^ (u64::from(b'\\') * ONES));
                // A whole word is copied (one fixed-size store) and the part
                // after a special byte taken back: quicker than a copy of
                // each short run between the quotes of the attributes.
                let kept = out.len();
                out.extend_from_slice(word);
                if found == 0 {
                    at += 8;
                    continue;
                }
                let offset = (found.trailing_zeros() / 8) as usize;
                out.truncate(kept + offset);
                at + offset
            }
            None => match bytes[at..]
                .iter()
                .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
            {
                Some(offset) => {
                    out.extend_from_slice(&bytes[at..at + offset]);
                    at + offset
                }
                None => {
                    out.extend_from_slice(&bytes[at..]);
                    return;
                }
            },
        };
        match bytes[special] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            control => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(control >> 4)]);
                out.push(HEX[usize::from(control & 0xf)]);
            }
        }
        at = special + 1;
    }
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

    /// The view message as serde would write it, fields in this order.
    #[derive(serde::Serialize)]
    struct ViewMessage<'a> {
        r#type: &'a str,
        audience: &'a str,
        seq: u64,
        html: &'a str,
    }

    fn view<'a>(audience: &'a str, seq: u64, html: &'a str) -> ViewMessage<'a> {
        ViewMessage {
            r#type: "view",
            audience,
            seq,
            html,
        }
    }

    /// Every byte that needs escaping, at every offset within a word, and
    /// text around it in one, two and three bytes (UTF-8): the same JSON as
    /// serde_json's.
    #[test]
    fn a_view_is_escaped_exactly_as_serde_json_would() {
        let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
        specials.extend(['"', '\\', '\u{7f}', 'é', '€', '𝄞', '<', '/', 'a']);
        let mut texts = vec![String::new()];
        for special in &specials {
            for before in 0..17 {
                for filler in ["a", "ŵ"] {
                    let mut text = filler.repeat(before);
                    text.push(*special);
                    text.push_str("tail");
                    texts.push(text);
                }
            }
        }
        texts.push(specials.iter().collect::<String>().repeat(5));
        texts.push(r#"<p class="a" data-x="\"">Don't</p>"#.repeat(40));
        for html in texts {
            let expected = serde_json::to_vec(&view("participant", 42, &html)).unwrap();
            let frame = view_frame("participant", 42, &html);
            let mut client =
                WebSocket::from_raw_socket(Cursor::new(frame.to_vec()), Role::Client, None);
            let text = client.read().expect("a valid frame").into_text().unwrap();
            assert_eq!(text.as_bytes(), &expected[..], "{html:?}");
        }
    }

    /// A real websocket client reads each frame back as the same text.
    #[test]
    fn a_client_reads_every_length_back() {
        for len in [
            0, 1, 115, 116, 117, 123, 124, 125, 126, 65_533, 65_534, 65_535, 70_000,
        ] {
            let text = "x".repeat(len);
            let json = serde_json::to_string(&text).unwrap();
            let message = serde_json::to_string(&view("screen", 7, &text)).unwrap();
            // Both encoders, back to back, as the socket writes an ack and a view.
            let both = [view_frame("screen", 7, &text), raw_text_frame(&json)].concat();
            let mut client = WebSocket::from_raw_socket(Cursor::new(both), Role::Client, None);
            for expected in [&message, &json] {
                let read = client.read().expect("a valid frame");
                assert_eq!(read.into_text().unwrap().as_str(), expected, "length {len}");
            }
        }
    }
}
