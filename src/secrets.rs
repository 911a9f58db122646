//! Secrets, tokens and codes, by the crates made for them: random bytes from
//! the operating system's generator (`getrandom`, through `rand`), codes
//! drawn uniformly from their alphabet (no modulo bias), hex by `hex`, and
//! comparisons in constant time by `subtle`.

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
}
