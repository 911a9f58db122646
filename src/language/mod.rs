//! The two languages people read topteam in, and the one catalogue of every
//! text they read: `locales/en-GB/*.ftl` and `locales/cy/*.ftl` (Fluent),
//! compiled into the binary. Code names a text by its key with [`t!`]; Welsh
//! plurals (zero, one, two, few, many, other) are Fluent's to choose.

mod client;
mod negotiate;
mod text;

pub use client::messages_json;
pub use negotiate::from_accept_language;
pub use text::Text;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "en-GB",
        // Fluent wraps each placeable in Unicode isolation marks, which
        // would land inside HTML attributes, CSV cells and test strings.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language topteam speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    /// English (British).
    #[default]
    #[serde(rename = "en")]
    English,
    /// Welsh.
    #[serde(rename = "cy")]
    Welsh,
}

static ENGLISH: LazyLock<LanguageIdentifier> = LazyLock::new(|| "en-GB".parse().expect("en-GB"));
static WELSH: LazyLock<LanguageIdentifier> = LazyLock::new(|| "cy".parse().expect("cy"));

impl Language {
    /// Both, English first (the default).
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The code in `?lang=`, the cookie and `<html lang>`: `en` or `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }

    /// The language for a `?lang=` or cookie value, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "en-gb" => Some(Language::English),
            "cy" | "cy-gb" => Some(Language::Welsh),
            _ => None,
        }
    }

    /// The other one, which the language switch offers.
    pub fn other(self) -> Language {
        match self {
            Language::English => Language::Welsh,
            Language::Welsh => Language::English,
        }
    }

    /// Its name in itself, as the switch shows it: "English", "Cymraeg".
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
        }
    }

    /// An index, for per-language arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Language::English => &ENGLISH,
            Language::Welsh => &WELSH,
        }
    }
}

/// A value for a placeholder: text or a number (numbers choose plurals).
pub type Arg<'a> = FluentValue<'a>;

/// The text for `key` in `language`.
pub fn text(language: Language, key: &str) -> String {
    CATALOGUE.lookup(language.id(), key)
}

/// The text for `key` in `language`, as `t!(lang, "key")` asks for it:
/// looked up in the catalogue once per thread, since a text without
/// placeholders never changes while the server runs (a phone's view reads
/// dozens at every ballot).
pub fn plain_text(language: Language, key: &'static str) -> String {
    thread_local! {
        static LOOKED_UP: std::cell::RefCell<HashMap<(Language, &'static str), String>> =
            std::cell::RefCell::new(HashMap::new());
    }
    LOOKED_UP.with(|looked_up| {
        looked_up
            .borrow_mut()
            .entry((language, key))
            .or_insert_with(|| text(language, key))
            .clone()
    })
}

/// The text for `key` in `language` with its placeholders filled. The same
/// key and values always give the same text, so the last few thousand are
/// kept per thread: a results table words its caption, its count and its
/// headings again at every ballot, and Fluent (plural rules, a map of the
/// arguments) costs several times a lookup here.
pub fn text_with(language: Language, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    thread_local! {
        static WORDED: std::cell::RefCell<HashMap<String, String>> =
            std::cell::RefCell::new(HashMap::new());
    }
    /// Enough for every table and slide of many rooms at once; past it the
    /// memory starts again rather than grow with what people typed.
    const KEPT: usize = 4096;
    let Some(memo) = memo_key(language, key, args) else {
        return word(language, key, args);
    };
    WORDED.with(|worded| {
        if let Some(text) = worded.borrow().get(&memo) {
            return text.clone();
        }
        let text = word(language, key, args);
        let mut worded = worded.borrow_mut();
        if worded.len() >= KEPT {
            worded.clear();
        }
        worded.insert(memo, text.clone());
        text
    })
}

fn word(language: Language, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, Arg<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    CATALOGUE.lookup_with_args(language.id(), key, &args)
}

/// The language, the key and its values in one string, when every value is
/// a short text or a plain number. Anything else is worded afresh each
/// time: a long value is what someone typed (an idea, a note), which gains
/// nothing from being kept and would make each kept entry large.
fn memo_key(language: Language, key: &str, args: &[(&'static str, Arg<'_>)]) -> Option<String> {
    /// Longer than an activity's title or an option's label.
    const SHORT: usize = 120;
    use std::fmt::Write;
    let mut memo = String::with_capacity(key.len() + 32 * args.len());
    let _ = write!(memo, "{}\u{1}{key}", language.index());
    for (name, value) in args {
        memo.push('\u{1}');
        memo.push_str(name);
        match value {
            FluentValue::String(text) if text.len() <= SHORT => {
                memo.push('\u{2}');
                memo.push_str(text);
            }
            FluentValue::Number(n) if n.options == Default::default() => {
                let _ = write!(memo, "\u{3}{}", n.value.to_bits());
            }
            _ => return None,
        }
    }
    Some(memo)
}

/// Whether the catalogue has `key` in `language` itself (not by falling back).
pub fn has(language: Language, key: &str) -> bool {
    CATALOGUE
        .lookup_no_default_fallback::<&str>(language.id(), key, None)
        .is_some()
}

/// Looks a text up in the catalogue: `t!(lang, "key")`, or with placeholders
/// `t!(lang, "key", name = value, count = n)`.
#[macro_export]
macro_rules! t {
    ($language:expr, $key:literal) => {
        $crate::language::plain_text($language, $key)
    };
    ($language:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::language::text_with(
            $language,
            $key,
            &[$((stringify!($name), $crate::language::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;

/// A sentence of the catalogue kept by its key, for values worked out once
/// and read in several languages (a comparison's reading): English in the
/// record, the API and `Display`, any language in a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub &'static str);

impl Words {
    /// The sentence in `language`.
    pub fn read_in(self, language: Language) -> String {
        text(language, self.0)
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.read_in(Language::English))
    }
}

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.read_in(Language::English))
    }
}

/// A sentence of the catalogue with its placeholders, worked out in pure
/// code (a refusal, a script's problem) and read later in whichever
/// language its reader reads; English in `Display`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    key: &'static str,
    args: Vec<(&'static str, Filler)>,
}

/// What fills a sentence's placeholder.
#[derive(Debug, Clone, PartialEq)]
enum Filler {
    /// Text or a number, the same in every language.
    Value(Arg<'static>),
    /// Another message of the catalogue, in lower case, read in the
    /// sentence's language (a kind's name inside a sentence).
    Named(&'static str),
}

impl Sentence {
    /// The sentence `key`, its placeholders to be given with [`Sentence::with`].
    pub fn new(key: &'static str) -> Sentence {
        Sentence {
            key,
            args: Vec::new(),
        }
    }

    /// The same sentence with placeholder `name` filled by `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg<'static>>) -> Sentence {
        self.args.push((name, Filler::Value(value.into())));
        self
    }

    /// The same sentence with placeholder `name` filled by the message
    /// `key` in lower case, in whichever language it is read.
    pub fn naming(mut self, name: &'static str, key: &'static str) -> Sentence {
        self.args.push((name, Filler::Named(key)));
        self
    }

    /// The sentence in `language`.
    pub fn read_in(&self, language: Language) -> String {
        let args: Vec<(&'static str, Arg<'static>)> = self
            .args
            .iter()
            .map(|(name, filler)| {
                let value = match filler {
                    Filler::Value(value) => value.clone(),
                    Filler::Named(key) => text(language, key).to_lowercase().into(),
                };
                (*name, value)
            })
            .collect();
        text_with(language, self.key, &args)
    }
}

// Its numbers are counts and limits, never NaN, so equality is total.
impl Eq for Sentence {}

impl std::fmt::Display for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.read_in(Language::English))
    }
}

/// The language of what a session shows the whole room (the projector) and
/// what it leaves behind (the outcome pack): English, Welsh, or both with
/// the Welsh first. Each phone reads its own reader's language regardless.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SessionLanguage {
    /// English.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Welsh.
    #[serde(rename = "cy")]
    Welsh,
    /// Welsh and English, the Welsh first and as prominent.
    #[serde(rename = "cy+en")]
    Bilingual,
}

impl SessionLanguage {
    /// Every choice, as the forms offer them.
    pub const ALL: [SessionLanguage; 3] = [
        SessionLanguage::English,
        SessionLanguage::Welsh,
        SessionLanguage::Bilingual,
    ];

    /// The languages shown, the first foremost.
    pub fn languages(self) -> &'static [Language] {
        match self {
            SessionLanguage::English => &[Language::English],
            SessionLanguage::Welsh => &[Language::Welsh],
            SessionLanguage::Bilingual => &[Language::Welsh, Language::English],
        }
    }

    /// The language shown first.
    pub fn first(self) -> Language {
        self.languages()[0]
    }

    /// Whether Welsh is shown at all (a script without Welsh is then worth a warning).
    pub fn has_welsh(self) -> bool {
        self != SessionLanguage::English
    }

    /// Its code in the API: `en`, `cy` or `cy+en`.
    pub fn code(self) -> &'static str {
        match self {
            SessionLanguage::English => "en",
            SessionLanguage::Welsh => "cy",
            SessionLanguage::Bilingual => "cy+en",
        }
    }

    /// Whether it is the default, which transcripts leave unsaid.
    pub fn is_english(&self) -> bool {
        *self == SessionLanguage::English
    }
}
