//! The catalogue is whole: both languages have every message, each parses,
//! the two agree on placeholders, and every key the code names exists.

use super::Language;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn folder(language: Language) -> PathBuf {
    root().join("locales").join(match language {
        Language::English => "en-GB",
        Language::Welsh => "cy",
    })
}

/// Each message id of a language's catalogue and the placeholders it uses,
/// failing on any file that does not parse.
fn catalogue(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(folder(language))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.display()));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut names = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut names);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), names).is_none(),
                        "{id} is in {} twice",
                        file.display()
                    );
                }
                Entry::Junk { content } => panic!("{}: junk {content:?}", file.display()),
                _ => {}
            }
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_placeholders() {
    let english = catalogue(Language::English);
    let welsh = catalogue(Language::Welsh);
    assert!(!english.is_empty());
    let missing_in_welsh: Vec<_> = english.keys().filter(|k| !welsh.contains_key(*k)).collect();
    let missing_in_english: Vec<_> = welsh.keys().filter(|k| !english.contains_key(*k)).collect();
    assert!(
        missing_in_welsh.is_empty(),
        "no Welsh for {missing_in_welsh:?}"
    );
    assert!(
        missing_in_english.is_empty(),
        "no English for {missing_in_english:?}"
    );
    for (key, names) in &english {
        assert_eq!(
            names, &welsh[key],
            "{key}: English and Welsh use different placeholders"
        );
    }
    // The same files in each, so a reviewer finds a message's other half.
    let files = |l| {
        let mut f: Vec<_> = std::fs::read_dir(folder(l))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        f.sort();
        f
    };
    assert_eq!(files(Language::English), files(Language::Welsh));
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "js") {
            out.push(path);
        }
    }
}

/// Every `t!(…, "key"`, `Sentence::new("key"` and `Words("key"` in the Rust
/// source and every `t('key'` in the page scripts names a message, and every
/// message is named somewhere.
#[test]
fn every_key_named_exists_and_every_message_is_used() {
    let english = catalogue(Language::English);
    let mut files = Vec::new();
    source_files(&root().join("src"), &mut files);
    source_files(&root().join("static"), &mut files);
    let mut named = BTreeSet::new();
    let mut all_text = String::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Comments show the macro with made-up keys.
        let code: String = text
            .lines()
            .filter(|l| {
                let l = l.trim_start();
                !l.starts_with("//") && !l.starts_with('*')
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let text = code;
        let markers = [
            ("t!(", '"'),
            ("t(", '\''),
            ("Sentence::new(", '"'),
            ("Words(", '"'),
        ];
        for (marker, quote) in markers {
            for (at, _) in text.match_indices(marker) {
                // `t(` alone, not the end of `split(` or `.t(`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let rest = &text[at + marker.len()..];
                let Some(open) = rest.find(quote) else {
                    continue;
                };
                // The key is the first quoted argument on the same call.
                if rest[..open].contains(')') || rest[..open].contains('\n') && marker == "t(" {
                    continue;
                }
                let after = &rest[open + 1..];
                let Some(close) = after.find(quote) else {
                    continue;
                };
                let key = &after[..close];
                if key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !key.is_empty()
                {
                    named.insert((key.to_string(), file.clone()));
                }
            }
        }
        all_text.push_str(&text);
    }
    for (key, file) in &named {
        assert!(
            english.contains_key(key),
            "{} names {key}, which is not in the catalogue",
            file.display()
        );
    }
    let unused: Vec<_> = english
        .keys()
        .filter(|k| {
            !all_text.contains(&format!("\"{k}\"")) && !all_text.contains(&format!("'{k}'"))
        })
        .collect();
    assert!(unused.is_empty(), "messages nobody names: {unused:?}");
}

#[test]
fn welsh_plurals_choose_by_count() {
    let dots = |n: i64| crate::t!(Language::Welsh, "dots-count", n = n);
    assert_eq!(dots(0), "dim dot");
    assert_eq!(dots(1), "1 dot");
    assert_eq!(dots(2), "2 ddot");
    assert_eq!(dots(3), "3 dot");
    let english = |n: i64| crate::t!(Language::English, "dots-count", n = n);
    assert_eq!(english(1), "1 dot");
    assert_eq!(english(2), "2 dots");
}

/// Texts with placeholders are kept once worded: asking again gives the same
/// text, and a different value, key or language never the kept one.
#[test]
fn a_worded_text_is_kept_for_its_key_values_and_language_alone() {
    let answers = |language, n: usize| crate::t!(language, "answers-from", n = n);
    let caption = |c: &str| {
        crate::t!(
            Language::English,
            "table-by-option",
            caption = c,
            answers = "x"
        )
    };
    for _ in 0..2 {
        assert_eq!(answers(Language::English, 1), "answers from 1 person");
        assert_eq!(answers(Language::English, 2), "answers from 2 people");
        assert_ne!(answers(Language::Welsh, 2), answers(Language::English, 2));
        assert_eq!(caption("Dots"), "Dots by option (x)");
        assert_eq!(
            caption("Dots\u{1}answers"),
            "Dots\u{1}answers by option (x)"
        );
    }
    // A long value (what someone typed) is worded each time, and the same.
    let typed = "a".repeat(500);
    assert_eq!(caption(&typed), caption(&typed));
    assert!(caption(&typed).starts_with(&typed));
    // Another text whose value is not plain (a number with options) is
    // worded each time, and the same.
    let mut n = fluent_templates::fluent_bundle::types::FluentNumber::from(3.0);
    n.options.minimum_fraction_digits = Some(1);
    let value = fluent_templates::fluent_bundle::FluentValue::Number(n);
    let once = super::text_with(Language::English, "answers-from", &[("n", value.clone())]);
    assert_eq!(
        once,
        super::text_with(Language::English, "answers-from", &[("n", value)])
    );
}
