//! The transcript as it may leave the server: a projection in which an
//! anonymous activity's answers are a sealed box.
//!
//! The file on disk keeps every event, so the session can be replayed
//! exactly. What a facilitator downloads leaves out each anonymous ballot and
//! idea (with its seq, time, pseudonym and client id); instead, the record
//! that closes an anonymous activity carries its results as counted then:
//! tallies under the same rules as every other surface, ideas in no order.
//! Nothing in it orders or times an anonymous answer. See `docs/anonymity.md`.

use crate::session::{ActivityState, Event, Pseudonyms, SessionState};
use crate::transcript::{parse, Header, ReplayError};
use serde_json::{json, Value};

/// The download's bytes: the header line, then every record an anonymous
/// answer is not, one per line, as JSON.
pub fn sealed_transcript(bytes: &[u8], pseudonyms: Pseudonyms) -> Result<Vec<u8>, ReplayError> {
    let parsed = parse(bytes)?;
    let mut state = SessionState::new(parsed.header.session.clone(), 1).with_pseudonyms(pseudonyms);
    let header = Header {
        topteam_transcript: parsed.header.topteam_transcript,
        session: parsed.header.session.clone(),
    };
    let mut out = line(&json!(header));
    for record in &parsed.records {
        let answer = is_anonymous_answer(&state, &record.event);
        let open_before = open_anonymous(&state);
        state.apply(record);
        if answer {
            continue;
        }
        let mut value = json!(record);
        let closed: Vec<Value> = open_before
            .iter()
            .filter_map(|id| state.activity(id))
            .filter(|(_, a)| a.status != crate::session::ActivityStatus::Open)
            .map(|(_, a)| counted(&state, a))
            .collect();
        if !closed.is_empty() {
            value["sealed"] = Value::Array(closed);
        }
        out.extend(line(&value));
    }
    Ok(out)
}

/// Whether the event is one person's answer to an anonymous activity.
fn is_anonymous_answer(state: &SessionState, event: &Event) -> bool {
    let activity = match event {
        Event::BallotCast { activity, .. } => activity,
        Event::Kind(event) if event.author().is_some() => event.activity(),
        _ => return false,
    };
    state
        .activity(activity)
        .is_some_and(|(_, a)| a.spec.anonymous)
}

/// The anonymous activities open now.
fn open_anonymous(state: &SessionState) -> Vec<String> {
    state
        .activities
        .iter()
        .filter(|a| a.spec.anonymous && a.status == crate::session::ActivityStatus::Open)
        .map(|a| a.spec.id.clone())
        .collect()
}

/// An anonymous activity's results as it closes, as the state API shows them.
fn counted(state: &SessionState, activity: &ActivityState) -> Value {
    let results = activity.results(state);
    let mut value = json!({ "activity": activity.spec.id, "results": results });
    let detail =
        crate::activity::kind_of(activity.spec.kind).detail_json(&activity.view(state), &results);
    if let (Value::Object(map), Value::Object(more)) = (&mut value, detail) {
        map.extend(more);
    }
    value
}

fn line(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Record;

    #[test]
    fn records_keep_their_shape_in_the_projection() {
        // The projection writes records with serde, as the store does, so a
        // program that reads transcripts reads the download too.
        let record = Record {
            seq: 1,
            at: jiff::Timestamp::UNIX_EPOCH,
            actor: crate::session::Actor::Facilitator,
            client_id: None,
            event: Event::SessionEnded,
        };
        let text = String::from_utf8(line(&json!(record))).unwrap();
        let back: Record = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(back, record);
    }
}
