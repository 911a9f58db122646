//! Group commit: appends from many sessions made durable by one sync.
//!
//! At 10,000 phones in 500 rooms each room sees a ballot or two a second, so
//! every append used to pay an `fdatasync` of its own. Here the first append
//! to arrive waits a moment (the window) for others, then makes the whole
//! group durable at once: with `fdatasync` on its own file when it is alone,
//! with `syncfs` on the sessions folder's filesystem when others joined. The
//! caller is acked only after the sync that covers its write has returned,
//! so "acked means durable" holds as before. `syncfs` reaches every dirty file
//! on that filesystem, which is why the data folder wants a disk of its own,
//! or a window of zero (`--sync-window-ms 0`; README, "Run it").

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The shared sync point of one store.
#[derive(Debug)]
pub struct GroupSync {
    /// The sessions folder, whose filesystem `syncfs` flushes.
    folder: File,
    window: Duration,
    state: Mutex<State>,
    synced: Condvar,
}

/// A sync's outcome as every member can have it (`io::Error` is not `Clone`).
type Outcome = Result<(), (io::ErrorKind, String)>;

#[derive(Debug, Default)]
struct State {
    /// The group now gathering appends.
    open: u64,
    /// How many appends have joined it.
    members: usize,
    /// Whether it has a leader (the first to join), who will sync it.
    led: bool,
    /// Outcomes of synced groups not yet read by all their followers, with
    /// how many still have to read them.
    results: HashMap<u64, (Outcome, usize)>,
    /// Groups synced so far and the appends they covered, for tests and docs.
    syncs: u64,
    covered: u64,
}

impl GroupSync {
    /// A sync point for the store whose sessions live in `folder`.
    pub fn new(folder: File, window: Duration) -> GroupSync {
        GroupSync {
            folder,
            window,
            state: Mutex::new(State::default()),
            synced: Condvar::new(),
        }
    }

    /// Returns once `file`'s written bytes are durable, with the error of
    /// the sync that covered them, if it failed.
    pub fn sync(&self, file: &File) -> io::Result<()> {
        if self.window.is_zero() {
            // Grouping is off: never reach beyond this file.
            let result = file.sync_data();
            let mut state = self.lock();
            state.syncs += 1;
            state.covered += 1;
            return result;
        }
        let mut state = self.lock();
        let group = state.open;
        state.members += 1;
        if state.led {
            // A follower: the leader syncs for us.
            loop {
                if let Some((outcome, unread)) = state.results.get_mut(&group) {
                    let outcome = outcome.clone();
                    *unread -= 1;
                    if *unread == 0 {
                        state.results.remove(&group);
                    }
                    return outcome.map_err(|(kind, message)| io::Error::new(kind, message));
                }
                state = self
                    .synced
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
        state.led = true;
        drop(state);
        std::thread::sleep(self.window);
        let mut state = self.lock();
        // Close the group: whoever comes next leads the following one.
        let members = state.members;
        state.open += 1;
        state.members = 0;
        state.led = false;
        drop(state);
        let result = if members == 1 {
            file.sync_data()
        } else {
            sync_filesystem(&self.folder)
        };
        let mut state = self.lock();
        state.syncs += 1;
        state.covered += members as u64;
        if members > 1 {
            let shared = result
                .as_ref()
                .map(|_| ())
                .map_err(|e| (e.kind(), e.to_string()));
            state.results.insert(group, (shared, members - 1));
        }
        drop(state);
        self.synced.notify_all();
        result
    }

    /// Syncs made and appends they covered so far.
    pub fn counts(&self) -> (u64, u64) {
        let state = self.lock();
        (state.syncs, state.covered)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `syncfs(2)`: every dirty file of the filesystem holding `folder` written
/// and the device's cache flushed. Reports write-back errors since Linux 5.8.
fn sync_filesystem(folder: &File) -> io::Result<()> {
    // SAFETY: syncfs only reads the descriptor, which `folder` keeps open.
    let rc = unsafe { libc::syncfs(folder.as_raw_fd()) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::Arc;

    #[test]
    fn concurrent_appends_share_syncs_and_each_hears_the_outcome() {
        let dir = std::env::temp_dir().join(format!("topteam-group-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let group = Arc::new(GroupSync::new(
            File::open(&dir).unwrap(),
            Duration::from_millis(20),
        ));
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let group = group.clone();
                let path = dir.join(format!("{i}.jsonl"));
                std::thread::spawn(move || {
                    let mut file = File::create(&path).unwrap();
                    for n in 0..5 {
                        writeln!(file, "{{\"n\":{n}}}").unwrap();
                        group.sync(&file).unwrap();
                    }
                    std::fs::read_to_string(&path).unwrap().lines().count()
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), 5);
        }
        let (syncs, covered) = group.counts();
        assert_eq!(covered, 40, "every append was covered by exactly one sync");
        assert!(
            syncs < 40,
            "appends at the same moment shared a sync ({syncs})"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_append_on_its_own_is_synced_on_its_own() {
        let dir = std::env::temp_dir().join(format!("topteam-group-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let group = GroupSync::new(File::open(&dir).unwrap(), Duration::ZERO);
        let mut file = File::create(dir.join("a.jsonl")).unwrap();
        for _ in 0..3 {
            writeln!(file, "{{}}").unwrap();
            group.sync(&file).unwrap();
        }
        assert_eq!(group.counts(), (3, 3));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
