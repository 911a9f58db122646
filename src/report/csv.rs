//! `votes.csv`: one row per final ballot item, RFC 4180, opening cleanly in Excel.

use super::Source;
use crate::activity::Ballot;
use crate::session::{Event, ParticipantId};
use std::collections::HashMap;

const HEADER: [&str; 11] = [
    "activity",
    "activity_title",
    "kind",
    "item",
    "item_label",
    "value",
    "reason",
    "group",
    "voter",
    "anonymous",
    "time",
];

/// The CSV text, starting with a UTF-8 byte order mark so Excel reads it as UTF-8.
pub fn votes_csv(source: &Source) -> String {
    let times = item_times(source);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for activity in &source.state.activities {
        let spec = &activity.spec;
        let label = |id: &str| {
            spec.option(id)
                .map_or_else(|| id.to_string(), |o| o.label.clone())
        };
        for (voter, cast) in &activity.ballots {
            if !spec.anonymous && source.state.participant(voter).is_some_and(|p| p.removed) {
                continue; // not counted, so not a final ballot
            }
            let items: Vec<(String, String, String)> = match &cast.ballot {
                Ballot::Dots(d) => d
                    .iter()
                    .map(|(k, n)| (k.clone(), n.to_string(), String::new()))
                    .collect(),
                Ballot::Order(o) => o
                    .iter()
                    .enumerate()
                    .map(|(i, k)| (k.clone(), (i + 1).to_string(), String::new()))
                    .collect(),
                Ballot::Placements(p) => p
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            serde_json::to_value(v)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default(),
                            String::new(),
                        )
                    })
                    .collect(),
                Ballot::Responses(r) => r
                    .iter()
                    .map(|(k, v)| {
                        let stance = serde_json::to_value(v.response)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default();
                        (k.clone(), stance, v.reason.clone().unwrap_or_default())
                    })
                    .collect(),
                Ballot::Scores(s) => s
                    .iter()
                    .map(|(k, n)| (k.clone(), n.to_string(), String::new()))
                    .collect(),
            };
            for (item, value, reason) in items {
                let time = times
                    .get(&(spec.id.as_str(), *voter, item.as_str()))
                    .cloned()
                    .unwrap_or_default();
                push_row(
                    &mut out,
                    [
                        spec.id.clone(),
                        spec.title.clone(),
                        spec.kind.as_str().to_string(),
                        item.clone(),
                        label(&item),
                        value,
                        reason,
                        cast.group.as_str().to_string(),
                        source.voter_label(spec.anonymous, voter),
                        spec.anonymous.to_string(),
                        time,
                    ]
                    .into_iter(),
                );
            }
        }
    }
    out
}

/// When each (activity, voter, item) was last answered, from the records.
fn item_times(source: &Source) -> HashMap<(&str, ParticipantId, &str), String> {
    let mut times = HashMap::new();
    for r in &source.records {
        let Event::BallotCast {
            activity,
            voter,
            ballot,
            ..
        } = &r.event
        else {
            continue;
        };
        let items: Vec<&str> = match ballot {
            Ballot::Dots(d) => d.keys().map(String::as_str).collect(),
            Ballot::Order(o) => o.iter().map(String::as_str).collect(),
            Ballot::Placements(p) => p.keys().map(String::as_str).collect(),
            Ballot::Responses(x) => x.keys().map(String::as_str).collect(),
            Ballot::Scores(s) => s.keys().map(String::as_str).collect(),
        };
        for item in items {
            times.insert((activity.as_str(), *voter, item), r.at.clone());
        }
    }
    times
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// One CSV cell. Text a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe; then
/// RFC 4180 quoting where needed.
fn cell(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+44 1234"), "'+44 1234");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }
}
