//! A text of a workshop script in English, and in Welsh too when the
//! script gives it: `title = "Shared priorities"` or
//! `title = { en = "Shared priorities", cy = "Blaenoriaethau a rennir" }`
//! (in JSON a string or `{"en","cy"}`). Written back the way it came, so a
//! script or transcript with no Welsh reads exactly as before.

use super::Language;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Deref;

/// A script's text: English always, Welsh when given. Reads as its English
/// (`Deref`, `Display`) wherever a view does not ask for a language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text {
    english: String,
    welsh: Option<String>,
}

impl Text {
    /// A text in both languages.
    pub fn both(english: impl Into<String>, welsh: impl Into<String>) -> Text {
        Text {
            english: english.into(),
            welsh: Some(welsh.into()),
        }
    }

    /// The text in `language`: the Welsh when asked for and given, else the English.
    pub fn read_in(&self, language: Language) -> &str {
        match (language, &self.welsh) {
            (Language::Welsh, Some(welsh)) => welsh,
            _ => &self.english,
        }
    }

    /// The text as a record of a session in `room`'s language gives it:
    /// one language, or for a bilingual session "Welsh / English".
    pub fn for_room(&self, room: super::SessionLanguage) -> String {
        match (room, &self.welsh) {
            (super::SessionLanguage::Bilingual, Some(welsh)) => {
                format!("{welsh} / {}", self.english)
            }
            _ => self.read_in(room.first()).to_string(),
        }
    }

    /// Whether there is no English (a field left out of a script).
    pub fn is_empty(&self) -> bool {
        self.english.is_empty()
    }

    /// The Welsh, if the script gives it.
    pub fn welsh(&self) -> Option<&str> {
        self.welsh.as_deref()
    }

    /// Whether `language` is given (English always is).
    pub fn has(&self, language: Language) -> bool {
        language == Language::English || self.welsh.is_some()
    }

    /// The same text with each language's wording changed by `f` (trimming, say).
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        Text {
            english: f(&self.english),
            welsh: self.welsh.as_deref().map(f),
        }
    }
}

impl Deref for Text {
    type Target = String;

    fn deref(&self) -> &String {
        &self.english
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl From<String> for Text {
    fn from(english: String) -> Text {
        Text {
            english,
            welsh: None,
        }
    }
}

impl From<&str> for Text {
    fn from(english: &str) -> Text {
        Text::from(english.to_string())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.english == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

impl maud::Render for Text {
    fn render_to(&self, buffer: &mut String) {
        self.english.render_to(buffer);
    }
}

/// The two ways a script writes a text.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Written {
    Plain(String),
    Both(Pair),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cy: Option<String>,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.welsh {
            None => serializer.serialize_str(&self.english),
            Some(welsh) => Pair {
                en: self.english.clone(),
                cy: Some(welsh.clone()),
            }
            .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        match Written::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(
                "a text is a string, or English and Welsh as {en = \"...\", cy = \"...\"}",
            )
        })? {
            Written::Plain(english) => Ok(Text::from(english)),
            Written::Both(Pair { en, cy }) => Ok(Text {
                english: en,
                // An empty Welsh is no Welsh: the reader gets the English.
                welsh: cy.filter(|w| !w.trim().is_empty()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_reads_as_it_was_written() {
        let plain: Text = serde_json::from_str("\"Housing\"").unwrap();
        assert_eq!(serde_json::to_string(&plain).unwrap(), "\"Housing\"");
        assert_eq!(plain.read_in(Language::Welsh), "Housing");
        let both: Text = serde_json::from_str(r#"{"en":"Housing","cy":"Tai"}"#).unwrap();
        assert_eq!(both.read_in(Language::Welsh), "Tai");
        assert_eq!(both.read_in(Language::English), "Housing");
        assert_eq!(
            serde_json::to_string(&both).unwrap(),
            r#"{"en":"Housing","cy":"Tai"}"#
        );
        let toml: toml::Table = toml::from_str("t = { en = \"Housing\", cy = \"Tai\" }").unwrap();
        let from_toml: Text = toml["t"].clone().try_into().unwrap();
        assert_eq!(from_toml, both);
        assert!(serde_json::from_str::<Text>(r#"{"en":"Housing","fr":"Logement"}"#).is_err());
        assert!(serde_json::from_str::<Text>("3").is_err());
        use super::super::SessionLanguage;
        assert_eq!(both.for_room(SessionLanguage::Bilingual), "Tai / Housing");
        assert_eq!(both.for_room(SessionLanguage::Welsh), "Tai");
        assert_eq!(plain.for_room(SessionLanguage::Bilingual), "Housing");
    }
}
