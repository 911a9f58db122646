//! Group commit: appends from every session written and made durable by one
//! thread of the store's own, with one sync for all that arrived together.
//!
//! At 10,000 phones in 500 rooms each room sees a ballot or two a second, so
//! every append used to pay an `fdatasync` of its own. Here a session task
//! hands its bytes to the syncer and awaits the answer: the syncer waits a
//! moment (the window) after the first append of a group, writes every
//! append that came meanwhile, and makes them durable at once. It waits
//! only while other sessions append too: one room alone (a council's usual
//! day, or a burst of 2,000 phones in one room) is synced at once, as
//! waiting would gather nobody else's appends. A group of one is synced
//! with `fdatasync` on its file, a larger one with `syncfs` on the sessions
//! folder's filesystem. An append is answered
//! only after the sync that covers it has returned, so "acked means durable"
//! holds as before. `syncfs` reaches every dirty file on that filesystem,
//! which is why the data folder wants a disk of its own, or a window of zero
//! (`--sync-window-ms 0`; README, "Run it"), where each file is synced on
//! its own.
//!
//! One long-lived thread, rather than a blocking-pool task per append: the
//! session tasks never block a runtime worker, and an append costs a channel
//! send and a wake-up instead of a thread hand-off, a condvar and a sleep.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// The shared sync point of one store: where appends are sent.
#[derive(Debug)]
pub struct GroupSync {
    jobs: mpsc::Sender<Job>,
    counts: Arc<Counts>,
}

/// Syncs made so far and the appends they covered, for `/metrics` and tests.
#[derive(Debug, Default)]
struct Counts {
    syncs: AtomicU64,
    covered: AtomicU64,
}

/// A file open for appending whole lines, shared by its session's writer and
/// the syncer. Only the syncer writes it, one append at a time per session
/// (a session waits for each append before the next).
#[derive(Debug)]
pub struct Tail {
    file: File,
    state: Mutex<TailState>,
}

#[derive(Debug)]
struct TailState {
    /// Length of the durable, whole-line prefix.
    len: u64,
    /// A failed append could not be cut off; cut it before writing again.
    needs_repair: bool,
}

/// One append waiting for the syncer.
struct Job {
    tail: Arc<Tail>,
    bytes: Vec<u8>,
    queued: Instant,
    done: oneshot::Sender<io::Result<u64>>,
}

/// The answer to an append: the bytes made durable, or why not.
pub type Pending = oneshot::Receiver<io::Result<u64>>;

impl Tail {
    /// `file`, whose first `len` bytes are whole, durable lines.
    pub fn new(file: File, len: u64) -> Tail {
        Tail {
            file,
            state: Mutex::new(TailState {
                len,
                needs_repair: false,
            }),
        }
    }

    /// Length of the durable, whole-line prefix.
    pub fn len(&self) -> u64 {
        self.lock().len
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TailState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes `bytes` after the durable prefix (cutting a torn tail first).
    fn write(&self, bytes: &[u8]) -> io::Result<()> {
        let mut state = self.lock();
        if state.needs_repair {
            self.file.set_len(state.len)?;
            self.file.sync_all()?;
            state.needs_repair = false;
        }
        (&self.file).write_all(bytes)
    }

    /// The append of `n` bytes is durable.
    fn kept(&self, n: u64) {
        self.lock().len += n;
    }

    /// The append failed: leave no half batch behind, as a later batch must
    /// not follow a torn line.
    fn cut_back(&self) {
        let mut state = self.lock();
        state.needs_repair = self
            .file
            .set_len(state.len)
            .and_then(|()| self.file.sync_all())
            .is_err();
    }
}

impl GroupSync {
    /// A sync point for the store whose sessions live in `folder`, with its
    /// own thread, which ends when the store and its writers are dropped.
    pub fn new(folder: File, window: Duration) -> io::Result<GroupSync> {
        let (jobs, queue) = mpsc::channel();
        let counts = Arc::new(Counts::default());
        let syncer = Syncer {
            folder,
            window,
            counts: counts.clone(),
        };
        std::thread::Builder::new()
            .name("topteam-sync".into())
            .spawn(move || syncer.run(queue))?;
        Ok(GroupSync { jobs, counts })
    }

    /// Appends `bytes` to `tail`; the answer comes once they are durable. On
    /// error nothing of them remains in the file.
    pub fn append(&self, tail: Arc<Tail>, bytes: Vec<u8>) -> Pending {
        let (done, pending) = oneshot::channel();
        let job = Job {
            tail,
            bytes,
            queued: Instant::now(),
            done,
        };
        if let Err(mpsc::SendError(job)) = self.jobs.send(job) {
            let _ = job
                .done
                .send(Err(io::Error::other("the transcript writer has stopped")));
        }
        pending
    }

    /// Syncs made and appends they covered so far.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.counts.syncs.load(Ordering::Relaxed),
            self.counts.covered.load(Ordering::Relaxed),
        )
    }
}

/// The syncer thread's side.
struct Syncer {
    /// The sessions folder, whose filesystem `syncfs` flushes.
    folder: File,
    window: Duration,
    counts: Arc<Counts>,
}

/// How long one session must have been the only one appending before its
/// appends stop waiting for others: a council's one live room is synced at
/// once, with no window to wait out.
const ALONE_AFTER: Duration = Duration::from_secs(1);

impl Syncer {
    fn run(self, queue: mpsc::Receiver<Job>) {
        let mut others = Others::default();
        while let Ok(first) = queue.recv() {
            others.saw(&first.tail, first.queued);
            // Sleep out the window rather than wait on the queue, so appends
            // arriving meanwhile wake nobody.
            let close = first.queued + self.window;
            let now = Instant::now();
            if close > now && others.around(now) {
                std::thread::sleep(close - now);
            }
            let mut group = vec![first];
            group.extend(queue.try_iter());
            for job in &group[1..] {
                others.saw(&job.tail, job.queued);
            }
            self.make_durable(group);
        }
    }

    /// Writes each append, syncs, and answers each.
    fn make_durable(&self, group: Vec<Job>) {
        let mut written = Vec::with_capacity(group.len());
        for job in group {
            match job.tail.write(&job.bytes) {
                Ok(()) => written.push(job),
                Err(e) => finish(job, Err(e)),
            }
        }
        if written.is_empty() {
            return;
        }
        if self.window.is_zero() || written.len() == 1 {
            // Alone, or grouping is off: never reach beyond the file.
            for job in written {
                let synced = job.tail.file.sync_data();
                self.count(1, 1);
                finish(job, synced);
            }
            return;
        }
        let synced = sync_filesystem(&self.folder);
        self.count(1, written.len() as u64);
        for job in written {
            let outcome = match &synced {
                Ok(()) => Ok(()),
                Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
            };
            finish(job, outcome);
        }
    }

    fn count(&self, syncs: u64, covered: u64) {
        self.counts.syncs.fetch_add(syncs, Ordering::Relaxed);
        self.counts.covered.fetch_add(covered, Ordering::Relaxed);
    }
}

/// Whether other sessions append too, so that waiting for them pays.
#[derive(Debug, Default)]
struct Others {
    /// The file of the last append seen (its address, as an identity).
    last: usize,
    /// When an append last came from another file than the one before it.
    seen: Option<Instant>,
}

impl Others {
    fn saw(&mut self, tail: &Arc<Tail>, at: Instant) {
        let file = Arc::as_ptr(tail) as usize;
        if file != self.last {
            self.last = file;
            self.seen = Some(at);
        }
    }

    fn around(&self, now: Instant) -> bool {
        self.seen
            .is_some_and(|seen| now.saturating_duration_since(seen) < ALONE_AFTER)
    }
}

/// Records an append's outcome in its file and answers it.
fn finish(job: Job, outcome: io::Result<()>) {
    let answer = match outcome {
        Ok(()) => {
            let n = job.bytes.len() as u64;
            job.tail.kept(n);
            Ok(n)
        }
        Err(e) => {
            job.tail.cut_back();
            Err(e)
        }
    };
    // A session that stopped waiting has nobody to tell.
    let _ = job.done.send(answer);
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
    use std::fs::OpenOptions;

    fn folder() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("topteam-group-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn tail(path: &std::path::Path) -> Arc<Tail> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        Arc::new(Tail::new(file, 0))
    }

    #[test]
    fn concurrent_appends_share_syncs_and_each_hears_the_outcome() {
        let dir = folder();
        let group =
            Arc::new(GroupSync::new(File::open(&dir).unwrap(), Duration::from_millis(20)).unwrap());
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let group = group.clone();
                let path = dir.join(format!("{i}.jsonl"));
                std::thread::spawn(move || {
                    let tail = tail(&path);
                    for n in 0..5 {
                        let line = format!("{{\"n\":{n}}}\n").into_bytes();
                        let len = line.len() as u64;
                        let written = group.append(tail.clone(), line).blocking_recv().unwrap();
                        assert_eq!(written.unwrap(), len);
                    }
                    assert_eq!(tail.len(), std::fs::metadata(&path).unwrap().len());
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
        let dir = folder();
        let group = GroupSync::new(File::open(&dir).unwrap(), Duration::ZERO).unwrap();
        let tail = tail(&dir.join("a.jsonl"));
        for _ in 0..3 {
            let written = group.append(tail.clone(), b"{}\n".to_vec());
            assert_eq!(written.blocking_recv().unwrap().unwrap(), 3);
        }
        assert_eq!(group.counts(), (3, 3));
        assert_eq!(tail.len(), 9);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_room_appending_alone_stops_waiting_for_others_until_another_appends() {
        let dir = folder();
        let (one, other) = (tail(&dir.join("a.jsonl")), tail(&dir.join("b.jsonl")));
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let mut others = Others::default();
        others.saw(&one, at(0));
        assert!(
            others.around(at(0)),
            "a first append waits, as others may come"
        );
        others.saw(&one, at(600));
        assert!(others.around(at(600)));
        others.saw(&one, at(1200));
        assert!(!others.around(at(1200)), "alone for a second: no wait");
        others.saw(&other, at(1300));
        assert!(others.around(at(1300)), "another room appended");
        others.saw(&one, at(1400));
        assert!(others.around(at(2000)));
        assert!(!others.around(at(2500)));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_is_answered_and_leaves_the_file_as_it_was() {
        let dir = folder();
        let group = GroupSync::new(File::open(&dir).unwrap(), Duration::from_millis(1)).unwrap();
        let path = dir.join("a.jsonl");
        let good = tail(&path);
        group
            .append(good.clone(), b"{\"a\":1}\n".to_vec())
            .blocking_recv()
            .unwrap()
            .unwrap();
        // A file opened read-only refuses the write, as a full disk would.
        let refusing = Arc::new(Tail::new(File::open(&path).unwrap(), good.len()));
        let refused = group.append(refusing, b"{\"b\":2}\n".to_vec());
        assert!(refused.blocking_recv().unwrap().is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\":1}\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
