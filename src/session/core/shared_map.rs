//! A sorted map that copies in constant time: the per-voter parts of session state.
//!
//! The session task copies its state for every batch, so a failed write can
//! drop the copy. In a room of 2,000, a plain map of ballots made each copy
//! cost 2,000 clones. Past 64 entries this one keeps them in 64 shards behind
//! `Arc`s, split on the key's leading bits: a copy bumps one reference count,
//! and a change copies only the shard it touches (about 1/64 of the entries).
//! Shards split on the leading bits keep the whole map in key order. Values
//! sit behind `Arc`s too, so copying a shard copies no ballot.

use super::{Actor, ParticipantId};
use std::collections::BTreeMap;
use std::sync::Arc;

const SHARDS: usize = 64;

/// Part of the map, shared between copies until one of them changes it.
type Shard<K, V> = Arc<BTreeMap<K, Arc<V>>>;
/// Up to this many entries a map is one shard: a small room copies a handful
/// of entries per batch anyway, and 64 shards of a few entries each would
/// cost more memory than they save time.
const SMALL: usize = 64;

/// Which shard a key lives in: the same order as the keys themselves.
pub trait ShardKey: Ord {
    /// 0..64, increasing with the key.
    fn shard(&self) -> usize;
}

impl ShardKey for ParticipantId {
    fn shard(&self) -> usize {
        usize::from(self.as_bytes()[0] >> 2)
    }
}

impl ShardKey for Actor {
    fn shard(&self) -> usize {
        match self {
            Actor::Facilitator => 0,
            Actor::Participant(id) => id.shard(),
        }
    }
}

/// A sorted map of `K` to `V`, cheap to copy.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedMap<K, V> {
    repr: Repr<K, V>,
    len: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Repr<K, V> {
    /// Up to [`SMALL`] entries.
    Small(Shard<K, V>),
    /// Split by [`ShardKey::shard`].
    Sharded(Arc<[Shard<K, V>; SHARDS]>),
}

impl<K, V> Default for SharedMap<K, V> {
    fn default() -> Self {
        SharedMap {
            repr: Repr::Small(Arc::new(BTreeMap::new())),
            len: 0,
        }
    }
}

impl<K: ShardKey + Clone, V: Clone> SharedMap<K, V> {
    /// The value for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.shard(key).get(key).map(|v| &**v)
    }

    /// The value for `key`, to change in place (copies its shard if shared).
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        if !self.shard(key).contains_key(key) {
            return None;
        }
        self.shard_mut(key).get_mut(key).map(Arc::make_mut)
    }

    /// The value for `key`, inserted with `make` if missing.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        if !self.shard(&key).contains_key(&key) {
            self.grow();
        }
        Arc::make_mut(
            self.shard_mut(&key)
                .entry(key)
                .or_insert_with(|| Arc::new(make())),
        )
    }

    /// Sets the value for `key`.
    pub fn insert(&mut self, key: K, value: V) {
        if !self.shard(&key).contains_key(&key) {
            self.grow();
        }
        self.shard_mut(&key).insert(key, Arc::new(value));
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + Clone {
        let shards: &[Shard<K, V>] = match &self.repr {
            Repr::Small(map) => std::slice::from_ref(map),
            Repr::Sharded(shards) => &shards[..],
        };
        shards
            .iter()
            .flat_map(|shard| shard.iter().map(|(k, v)| (k, &**v)))
    }

    /// Values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> + Clone {
        self.iter().map(|(_, v)| v)
    }

    /// Every value, to change in place (copies every shared shard).
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        let shards: &mut [Shard<K, V>] = match &mut self.repr {
            Repr::Small(map) => std::slice::from_mut(map),
            Repr::Sharded(shards) => &mut Arc::make_mut(shards)[..],
        };
        shards
            .iter_mut()
            .flat_map(|shard| Arc::make_mut(shard).values_mut().map(Arc::make_mut))
    }

    fn shard(&self, key: &K) -> &BTreeMap<K, Arc<V>> {
        match &self.repr {
            Repr::Small(map) => map,
            Repr::Sharded(shards) => &shards[key.shard()],
        }
    }

    fn shard_mut(&mut self, key: &K) -> &mut BTreeMap<K, Arc<V>> {
        match &mut self.repr {
            Repr::Small(map) => Arc::make_mut(map),
            Repr::Sharded(shards) => Arc::make_mut(&mut Arc::make_mut(shards)[key.shard()]),
        }
    }

    /// Counts one more key, splitting into shards when the map outgrows [`SMALL`].
    fn grow(&mut self) {
        self.len += 1;
        if let Repr::Small(map) = &self.repr {
            if self.len > SMALL {
                let mut shards: [BTreeMap<K, Arc<V>>; SHARDS] =
                    std::array::from_fn(|_| BTreeMap::new());
                for (k, v) in map.iter() {
                    shards[k.shard()].insert(k.clone(), v.clone());
                }
                self.repr = Repr::Sharded(Arc::new(shards.map(Arc::new)));
            }
        }
    }
}

impl<'a, K: ShardKey + Clone, V: Clone> IntoIterator for &'a SharedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Box<dyn Iterator<Item = (&'a K, &'a V)> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn keeps_key_order_counts_and_copies_on_write() {
        let ids: Vec<Uuid> = (0..500).map(|_| Uuid::new_v4()).collect();
        let mut map = SharedMap::default();
        for (i, id) in ids.iter().enumerate() {
            map.insert(*id, i);
        }
        map.insert(ids[0], 1000);
        assert_eq!(map.len(), 500);
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(map.iter().map(|(k, _)| *k).collect::<Vec<_>>(), sorted);

        let before = map.clone();
        *map.get_mut(&ids[1]).unwrap() = 7;
        *map.get_or_insert_with(Uuid::nil(), || 0) += 1;
        assert_eq!(before.get(&ids[1]), Some(&1), "the copy is untouched");
        assert_eq!(map.get(&ids[1]), Some(&7));
        assert_eq!(map.get(&Uuid::nil()), Some(&1));
        assert_eq!((before.len(), map.len()), (500, 501));
        assert!(map.get_mut(&Uuid::max()).is_none());
        for v in map.values_mut() {
            *v = 0;
        }
        assert!(map.values().all(|v| *v == 0));
        assert!(before.values().any(|v| *v != 0));
    }

    #[test]
    fn a_small_map_copies_on_write_too() {
        let mut map = SharedMap::default();
        map.insert(Uuid::nil(), vec![1]);
        let before = map.clone();
        map.get_mut(&Uuid::nil()).unwrap().push(2);
        assert_eq!(before.get(&Uuid::nil()), Some(&vec![1]));
        assert_eq!(map.get(&Uuid::nil()), Some(&vec![1, 2]));
        assert_eq!((before.len(), map.len()), (1, 1));
    }
}
