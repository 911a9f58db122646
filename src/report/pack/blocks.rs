//! An activity's part of `report.md` read back as plain blocks (paragraphs,
//! lists, tables) for the PDF pack: the same words and the same suppression
//! as every other export, never markup. Pure.

use serde::Serialize;

/// One block of an activity's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Para {
        /// Its text.
        text: String,
    },
    /// A bulleted list.
    List {
        /// Its items (a nested item starts with "– ").
        items: Vec<String>,
    },
    /// A table with a header row.
    Table {
        /// The header cells.
        header: Vec<String>,
        /// The body rows.
        rows: Vec<Vec<String>>,
    },
}

/// The blocks of one activity's Markdown, without its `##` heading (the
/// pack sets its own).
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_end();
        if trimmed.is_empty() || trimmed.starts_with("## ") {
            continue;
        }
        if let Some(row) = trimmed.strip_prefix('|') {
            let cells = cells(row);
            if cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-'))
            {
                continue; // the rule under a header
            }
            match out.last_mut() {
                Some(Block::Table { rows, .. }) => rows.push(cells),
                _ => out.push(Block::Table {
                    header: cells,
                    rows: Vec::new(),
                }),
            }
            continue;
        }
        let item = trimmed.strip_prefix("- ").map(plain).or_else(|| {
            trimmed
                .trim_start()
                .strip_prefix("- ")
                .map(|t| format!("– {}", plain(t)))
        });
        if let Some(item) = item {
            match out.last_mut() {
                Some(Block::List { items }) => items.push(item),
                _ => out.push(Block::List { items: vec![item] }),
            }
            continue;
        }
        out.push(Block::Para {
            text: plain(trimmed),
        });
    }
    out
}

/// A table row's cells, split on unescaped bars.
fn cells(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in row.chars() {
        match (escaped, c) {
            (true, _) => {
                cell.push('\\');
                cell.push(c);
                escaped = false;
            }
            (false, '\\') => escaped = true,
            (false, '|') => cells.push(plain(std::mem::take(&mut cell).trim())),
            (false, _) => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(plain(cell.trim()));
    }
    cells
}

/// Markdown's emphasis and escapes taken off, for text set as text.
fn plain(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix('_')
        .and_then(|t| t.strip_suffix('_'))
        .unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_comes_back_as_plain_blocks() {
        let md = "## Heading\n\n_Which first?_\n\nBallots: 6\n\n| Option | All | Cabinet |\n|---|---|---|\n| Homes \\| care | 12 | 7 |\n| A \\<b\\> | 3 | hidden: a team has fewer than 3 |\n\n- **Agreed:** No surprises\n  - version 1 (amended)\n- second\n";
        let b = blocks(md);
        assert_eq!(
            b[0],
            Block::Para {
                text: "Which first?".into()
            }
        );
        assert_eq!(
            b[1],
            Block::Para {
                text: "Ballots: 6".into()
            }
        );
        assert_eq!(
            b[2],
            Block::Table {
                header: vec!["Option".into(), "All".into(), "Cabinet".into()],
                rows: vec![
                    vec!["Homes | care".into(), "12".into(), "7".into()],
                    vec![
                        "A <b>".into(),
                        "3".into(),
                        "hidden: a team has fewer than 3".into()
                    ],
                ],
            }
        );
        assert_eq!(
            b[3],
            Block::List {
                items: vec![
                    "Agreed: No surprises".into(),
                    "– version 1 (amended)".into(),
                    "second".into()
                ]
            }
        );
    }
}
