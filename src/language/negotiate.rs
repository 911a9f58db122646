//! Choosing a reader's language from what their browser asks for.

use super::Language;
use fluent_langneg::{accepted_languages, negotiate_languages, NegotiationStrategy};
use fluent_templates::LanguageIdentifier;

/// The language an `Accept-Language` header prefers of ours, if it names
/// either: `cy-GB,cy;q=0.9,en;q=0.8` is Welsh, `fr` is neither.
pub fn from_accept_language(header: &str) -> Option<Language> {
    let requested = accepted_languages::parse(header);
    let available: Vec<LanguageIdentifier> = Language::ALL
        .iter()
        .map(|l| l.code().parse().expect("our codes parse"))
        .collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
    let first = chosen.first()?;
    Language::from_code(first.language.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_preferences_choose() {
        assert_eq!(
            from_accept_language("cy-GB,cy;q=0.9,en;q=0.8"),
            Some(Language::Welsh)
        );
        assert_eq!(
            from_accept_language("en-GB,en;q=0.9,cy;q=0.5"),
            Some(Language::English)
        );
        assert_eq!(
            from_accept_language("fr-FR,cy;q=0.4"),
            Some(Language::Welsh)
        );
        assert_eq!(from_accept_language("fr-FR"), None);
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language(";;;,q=,"), None);
    }
}
