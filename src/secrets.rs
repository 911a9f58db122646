//! Secrets, tokens and codes, by the crates made for them: random bytes from
//! the operating system's generator (`getrandom`, through `rand`), codes
//! drawn uniformly from their alphabet (no modulo bias), hex by `hex`,
//! comparisons in constant time by `subtle`, keyed hashes by `hmac`, and a
//! session's pseudonym secret in its versioned file form.

use rand::seq::IndexedRandom;
use subtle::ConstantTimeEq;

/// `N` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::fill(&mut bytes[..]);
    bytes
}

/// A secret of `N` random bytes as `2N` hex digits (`N = 32`: 256 bits).
pub fn hex_secret<const N: usize>() -> String {
    hex::encode(random_bytes::<N>())
}

/// `len` symbols drawn uniformly from `alphabet`.
pub fn code(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(*alphabet.choose(&mut rng).expect("a non-empty alphabet")))
        .collect()
}

/// Whether two secrets are equal, in time that does not depend on where
/// they differ.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// Hex digits back to 32 bytes, if that is what they are.
pub fn from_hex_32(text: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(text, &mut out).ok()?;
    Some(out)
}

/// How a session's pseudonyms are made from its secret. Sessions keep the
/// scheme they began with, so that a person's ballots stay theirs across a
/// restart and an upgrade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PseudonymScheme {
    /// Sessions made before December 2026: SHA-256 of the secret followed by
    /// the input. Read, never made.
    Sha256Prefix,
    /// HMAC-SHA256 keyed by the secret, each input labelled by its purpose.
    HmacSha256,
}

/// A session's pseudonym secret and its scheme: the `.secret` file beside
/// its transcript. Debug never shows the key.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionSecret {
    /// How pseudonyms are made with it.
    pub scheme: PseudonymScheme,
    key: [u8; 32],
}

impl std::fmt::Debug for SessionSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SessionSecret({:?}, ..)", self.scheme)
    }
}

/// What a `.secret` file of the HMAC scheme starts with; a file of 64 hex
/// digits alone is of the first scheme.
const HMAC_PREFIX: &str = "hmac-sha256:";

impl SessionSecret {
    /// A new secret, of the current scheme.
    pub fn generate() -> SessionSecret {
        SessionSecret {
            scheme: PseudonymScheme::HmacSha256,
            key: random_bytes::<32>(),
        }
    }

    /// A secret of a given scheme and key (tests, and files read back).
    pub fn new(scheme: PseudonymScheme, key: [u8; 32]) -> SessionSecret {
        SessionSecret { scheme, key }
    }

    /// The file's text: `hmac-sha256:` and 64 hex digits, or (first scheme)
    /// the 64 hex digits alone.
    pub fn to_text(&self) -> String {
        match self.scheme {
            PseudonymScheme::Sha256Prefix => hex::encode(self.key),
            PseudonymScheme::HmacSha256 => format!("{HMAC_PREFIX}{}", hex::encode(self.key)),
        }
    }

    /// The secret a file's text holds, if it holds one.
    pub fn parse(text: &str) -> Option<SessionSecret> {
        let text = text.trim();
        match text.strip_prefix(HMAC_PREFIX) {
            Some(hex) => Some(SessionSecret::new(
                PseudonymScheme::HmacSha256,
                from_hex_32(hex)?,
            )),
            None => Some(SessionSecret::new(
                PseudonymScheme::Sha256Prefix,
                from_hex_32(text)?,
            )),
        }
    }

    /// A keyed digest of `parts` for `purpose`. In the HMAC scheme each part
    /// is length-prefixed, so no two inputs run together into the same bytes.
    pub fn digest(&self, purpose: &[u8], parts: &[&[u8]]) -> [u8; 32] {
        use hmac::Mac;
        use sha2::Digest;
        match self.scheme {
            PseudonymScheme::Sha256Prefix => {
                let mut hash = sha2::Sha256::new();
                hash.update(self.key);
                hash.update(purpose);
                parts.iter().for_each(|p| hash.update(p));
                hash.finalize().into()
            }
            PseudonymScheme::HmacSha256 => {
                let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.key)
                    .expect("HMAC takes a key of any length");
                mac.update(purpose);
                for part in parts {
                    mac.update(&(part.len() as u64).to_le_bytes());
                    mac.update(part);
                }
                mac.finalize().into_bytes().into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_full_length_and_codes_use_only_their_alphabet() {
        let a = hex_secret::<32>();
        assert_eq!(a.len(), 64);
        assert_ne!(a, hex_secret::<32>());
        assert_eq!(from_hex_32(&a).map(hex::encode), Some(a.clone()));
        assert!(from_hex_32("zz").is_none());
        let alphabet = b"ABC";
        let drawn = code(alphabet, 3000);
        for symbol in ['A', 'B', 'C'] {
            let n = drawn.chars().filter(|c| *c == symbol).count();
            assert!((800..1200).contains(&n), "{symbol}: {n} of 3000");
        }
        assert!(same(b"key", b"key") && !same(b"key", b"kex") && !same(b"key", b"keys"));
    }

    #[test]
    fn a_secret_file_says_its_scheme_and_the_old_form_still_reads() {
        let new = SessionSecret::generate();
        assert!(new.to_text().starts_with("hmac-sha256:"));
        assert_eq!(SessionSecret::parse(&new.to_text()), Some(new.clone()));
        let old = SessionSecret::parse(&"01".repeat(32)).unwrap();
        assert_eq!(old.scheme, PseudonymScheme::Sha256Prefix);
        assert_eq!(old.to_text(), "01".repeat(32));
        assert!(SessionSecret::parse("hmac-sha256:zz").is_none());
        assert!(!format!("{new:?}").contains(&new.to_text()[12..]));
    }
}
