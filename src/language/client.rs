//! The messages the page scripts read, as the page hands them over: a JSON
//! block of `key: text` where `{name}` marks a placeholder, or for a message
//! that chooses by a count, `key: {one: …, other: …}` for the script to pick
//! with `Intl.PluralRules` (`static/app/words.js`). Read from each language's
//! `client.ftl`, the one file of script messages.

use super::Language;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use serde_json::{Map, Value};
use std::sync::LazyLock;

const ENGLISH: &str = include_str!("../../locales/en-GB/client.ftl");
const WELSH: &str = include_str!("../../locales/cy/client.ftl");

static BLOCKS: LazyLock<[String; 2]> = LazyLock::new(|| [block(ENGLISH), block(WELSH)]);

/// The JSON block for a page in `language`.
pub fn messages_json(language: Language) -> &'static str {
    &BLOCKS[language.index()]
}

fn block(source: &str) -> String {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        // The catalogue test fails on a message that does not parse; the
        // page still gets every message that did.
        Err((resource, _)) => resource,
    };
    let mut out = Map::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            if let Some(value) = message.value {
                out.insert(message.id.name.to_string(), pattern_value(&value));
            }
        }
    }
    serde_json::to_string(&out).expect("strings serialise")
}

/// A pattern as the script reads it: one select on a count becomes its
/// variants; anything else is text with `{name}` placeholders.
fn pattern_value(pattern: &Pattern<&str>) -> Value {
    if let [PatternElement::Placeable {
        expression: Expression::Select { variants, .. },
    }] = pattern.elements.as_slice()
    {
        let mut choices = Map::new();
        for variant in variants {
            let key = match &variant.key {
                fluent_syntax::ast::VariantKey::Identifier { name } => name.to_string(),
                fluent_syntax::ast::VariantKey::NumberLiteral { value } => format!("={value}"),
            };
            choices.insert(key, Value::String(pattern_text(&variant.value)));
        }
        return Value::Object(choices);
    }
    Value::String(pattern_text(pattern))
}

fn pattern_text(pattern: &Pattern<&str>) -> String {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                text.push('{');
                text.push_str(id.name);
                text.push('}');
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => text.push_str(value),
            // Client messages keep to text, placeholders and one plural
            // choice; the catalogue test holds them to that.
            PatternElement::Placeable { .. } => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_become_variants_and_placeholders_braces() {
        let json = block(
            "a = Hello { $name }.\nb = { $count ->\n    [one] One idea\n   *[other] { $count } ideas\n}\n",
        );
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["a"], "Hello {name}.");
        assert_eq!(value["b"]["one"], "One idea");
        assert_eq!(value["b"]["other"], "{count} ideas");
    }
}

/// The page scripts' unit tests read the English block from
/// `tests/js/messages-en.json`; it is kept equal to the catalogue here
/// (`TOPTEAM_WRITE_MESSAGES=1 cargo test --lib language` rewrites it).
#[cfg(test)]
mod script_tests {
    #[test]
    fn the_script_tests_read_the_catalogues_english() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/js/messages-en.json");
        let now = super::messages_json(super::Language::English);
        if std::env::var_os("TOPTEAM_WRITE_MESSAGES").is_some() {
            std::fs::write(path, now).unwrap();
        }
        let kept = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            kept, now,
            "tests/js/messages-en.json is not the catalogue's: run TOPTEAM_WRITE_MESSAGES=1 cargo test --lib language"
        );
    }
}
