//! The websocket wire protocol: parsing client messages, shaping server messages.

use super::error::ApiError;
use crate::activity::own::KindCommand;
use crate::activity::Ballot;
use crate::config::Limits;
use crate::error_code::ErrorCode;
use crate::session::Command;
use serde::Serialize;
use serde_json::Value;

/// A parsed client message: a command and the client's id for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientMsg {
    /// What to do.
    pub command: Command,
    /// Echoed in the ack; a resend with the same id is not applied twice.
    pub client_id: Option<String>,
}

/// A message that could not be parsed, with its `client_id` when that much was readable,
/// so the client can tell which of its commands was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Unparsed {
    /// What was wrong.
    pub error: ApiError,
    /// The message's `client_id`, if it had a valid one.
    pub client_id: Option<String>,
}

/// The heartbeat a page sends every few seconds, exactly so.
pub const PING: &str = r#"{"type":"ping"}"#;
/// The server's answer to [`PING`].
pub const PONG: &str = r#"{"type":"pong"}"#;

/// Parses one client message, step by step so each mistake gets its own code:
/// too large, not JSON, no `type`, unknown `type`, bad fields.
pub fn parse_client_msg(text: &str, limits: &Limits) -> Result<ClientMsg, Unparsed> {
    let fail = |error, client_id| Unparsed { error, client_id };
    if text.len() > limits.max_message_bytes {
        return Err(fail(ApiError::too_large(limits.max_message_bytes), None));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| fail(ApiError::malformed(e), None))?;
    let Value::Object(mut fields) = value else {
        let e = ApiError::invalid("a message is a JSON object with a \"type\"");
        return Err(fail(e, None));
    };
    let client_id = match fields.remove("client_id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id))
            if !id.is_empty() && id.chars().count() <= limits.max_client_id_chars =>
        {
            Some(id)
        }
        Some(_) => {
            let max = limits.max_client_id_chars;
            let e = ApiError::invalid(format!(
                "client_id must be a string of 1 to {max} characters"
            ));
            return Err(fail(e, None));
        }
    };
    let kind = match fields.get("type") {
        Some(Value::String(kind)) => kind.clone(),
        _ => {
            let e = ApiError::new(ErrorCode::MissingType, "a message needs a \"type\" string");
            return Err(fail(e, client_id));
        }
    };
    if kind == "ping" {
        // Answered only when sent exactly so (see `PING`), before parsing.
        let e = ApiError::invalid(format!("a heartbeat is exactly {PING}, with nothing else"));
        return Err(fail(e, client_id));
    }
    let of_a_kind = KindCommand::wire_types().any(|t| t == kind);
    if !of_a_kind && !Command::WIRE_TYPES.contains(&kind.as_str()) {
        let e = ApiError::new(
            ErrorCode::UnknownType,
            format!("unknown message type {:?}", truncate(&kind, 40)),
        );
        return Err(fail(e, client_id));
    }
    // Serde ignores extra fields on a command that has none (`end`), and a
    // mistaken message must change nothing: it is refused instead.
    if Command::FIELDLESS.contains(&kind.as_str()) {
        if let Some(extra) = fields.keys().find(|k| *k != "type") {
            let e = ApiError::invalid(format!(
                "\"{kind}\" takes no fields, so {:?} is not understood",
                truncate(extra, 40)
            ));
            return Err(fail(e, client_id));
        }
    }
    match serde_json::from_value::<Command>(Value::Object(fields)) {
        Ok(command) => Ok(ClientMsg { command, client_id }),
        Err(e) => Err(fail(ApiError::invalid(e), client_id)),
    }
}

fn truncate(s: &str, chars: usize) -> String {
    s.chars().take(chars).collect()
}

/// Messages the server sends on a socket (views are pre-serialised elsewhere).
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg<'a> {
    /// A command is durable; `seq` is the last event it caused.
    Ack {
        /// The client's id for the command.
        #[serde(skip_serializing_if = "Option::is_none")]
        client_id: Option<&'a str>,
        /// Seq of the last event the command caused (or the current seq if it changed nothing).
        seq: u64,
    },
    /// A command was refused; nothing changed.
    Error {
        /// The client's id for the command, when the message had one.
        #[serde(skip_serializing_if = "Option::is_none")]
        client_id: Option<&'a str>,
        /// Code and message.
        error: super::error::ErrorDetail<'a>,
    },
    /// First message on a participant socket: who you are.
    Welcome {
        /// Participant id.
        participant: uuid::Uuid,
        /// Name.
        name: &'a str,
        /// Group.
        group: crate::workshop::Group,
        /// Whether admitted yet.
        admitted: bool,
    },
    /// The server's clock on connect, in milliseconds since 1970 (UTC), so
    /// every device counts a timer down to the same second.
    Time {
        /// Now, by the server.
        now: i64,
    },
    /// The participant's own latest ballot on an activity (after a reconnect).
    Ballot {
        /// Activity id.
        activity: &'a str,
        /// The ballot.
        ballot: &'a Ballot,
    },
    /// What the participant gave in an activity answered with entries (their
    /// ideas still listed, as now worded), on every connect.
    Entries {
        /// Activity id.
        activity: &'a str,
        /// The entries' words.
        entries: &'a [String],
    },
}

impl ServerMsg<'_> {
    /// JSON text of the message.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("server messages serialise")
    }
}

/// The error message for a refusal, worded for a reader of `language`.
pub fn error_text(
    client_id: Option<&str>,
    error: &ApiError,
    language: crate::language::Language,
) -> String {
    ServerMsg::Error {
        client_id,
        error: super::error::ErrorDetail {
            code: error.code,
            message: &error.human(language),
            problems: error.problems_in(language),
        },
    }
    .to_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ClientMsg, &'static str> {
        parse_client_msg(text, &Limits::default()).map_err(|e| e.error.code.as_str())
    }

    #[test]
    fn a_vote_parses_with_its_client_id() {
        let msg =
            parse(r#"{"type":"vote","activity":"p","ballot":{"dots":{"a":2}},"client_id":"c1"}"#)
                .unwrap();
        assert_eq!(msg.client_id.as_deref(), Some("c1"));
        assert!(matches!(msg.command, Command::Vote { .. }));
    }

    #[test]
    fn each_kind_of_mistake_has_its_own_code() {
        assert_eq!(parse("{not json"), Err("malformed_json"));
        assert_eq!(parse("[1,2]"), Err("invalid_request"));
        assert_eq!(parse(r#"{"activity":"p"}"#), Err("missing_type"));
        assert_eq!(parse(r#"{"type":"launch_missiles"}"#), Err("unknown_type"));
        assert_eq!(
            parse(r#"{"type":"vote","activity":"p"}"#),
            Err("invalid_request")
        );
        assert_eq!(
            parse(r#"{"type":"vote","activity":"p","ballot":{"dots":{}},"extra":1}"#),
            Err("invalid_request")
        );
        assert_eq!(
            parse(r#"{"type":"open","activity":"p","client_id":7}"#),
            Err("invalid_request")
        );
        assert_eq!(parse(r#"{"type":"join","name":"x"}"#), Err("unknown_type"));
        let big = format!(r#"{{"type":"open","activity":"{}"}}"#, "x".repeat(20_000));
        assert_eq!(parse(&big), Err("too_large"));
    }

    #[test]
    fn a_refusal_keeps_the_client_id_when_it_was_readable() {
        let e = parse_client_msg(r#"{"type":"vote","client_id":"c9"}"#, &Limits::default())
            .unwrap_err();
        assert_eq!(e.client_id.as_deref(), Some("c9"));
    }

    #[test]
    fn end_needs_no_fields_and_takes_none() {
        assert_eq!(parse(r#"{"type":"end"}"#).unwrap().command, Command::End);
        let with_client = parse(r#"{"type":"end","client_id":"c1"}"#);
        assert_eq!(with_client.unwrap().command, Command::End);
        // "Do not end" must not end the session.
        for fieldless in Command::FIELDLESS {
            let text = format!(r#"{{"type":"{fieldless}","confirm":false}}"#);
            assert_eq!(parse(&text), Err("invalid_request"), "{fieldless}");
        }
    }

    #[test]
    fn a_mistake_in_a_ballot_is_named_exactly() {
        let maybe =
            r#"{"type":"vote","activity":"p","ballot":{"responses":{"s":{"response":"maybe"}}}}"#;
        let maybe = parse_client_msg(maybe, &Limits::default())
            .unwrap_err()
            .error;
        assert_eq!(maybe.code.as_str(), "invalid_request");
        assert!(
            maybe.message.contains("unknown variant `maybe`"),
            "{}",
            maybe.message
        );
    }

    #[test]
    fn a_kind_s_own_command_is_read_by_its_kind_and_a_mistake_in_it_named() {
        let idea = parse(r#"{"type":"idea","activity":"hopes","text":"Fewer surprises"}"#);
        assert!(
            matches!(idea, Ok(ClientMsg { command: Command::Kind(ref c), .. }) if c.activity() == "hopes"),
            "{idea:?}"
        );
        let amend = parse(r#"{"type":"amend","activity":"v","item":"s1","text":"Better"}"#);
        assert!(matches!(amend.unwrap().command, Command::Kind(_)));
        let limits = Limits::default();
        let missing = parse_client_msg(r#"{"type":"idea","activity":"hopes"}"#, &limits);
        let missing = missing.unwrap_err().error;
        assert_eq!(missing.code.as_str(), "invalid_request");
        assert!(
            missing.message.contains("missing field `text`"),
            "{}",
            missing.message
        );
        let extra = r#"{"type":"merge_idea","activity":"h","idea":"i1","into":"i2","why":1}"#;
        let extra = parse_client_msg(extra, &limits).unwrap_err().error;
        assert!(
            extra.message.contains("unknown field `why`"),
            "{}",
            extra.message
        );
    }
}
