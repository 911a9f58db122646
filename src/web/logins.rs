//! Facilitator log-ins: logging in with the key starts a login on the
//! server, and the console's cookie carries only its random id, never the
//! key. Logins are kept in `DATA_DIR/logins.jsonl` by the SHA-256 of their
//! id (the file holds nothing a browser could present), so a restart (the
//! laptop's lid, a crash) costs the room a few seconds and the facilitator
//! nothing: the console and projector reconnect with the cookie they have.
//! A login ends at logout, after 12 hours without use (counted afresh from a
//! restart, since use is not written down), or 7 days after it began.

use dashmap::DashMap;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a login lasts without use.
pub const IDLE: Duration = Duration::from_secs(12 * 60 * 60);
/// How long a login lasts at most, used or not.
const LIFETIME: jiff::SignedDuration = jiff::SignedDuration::from_hours(7 * 24);

/// One line of the logins file.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    at: jiff::Timestamp,
    #[serde(flatten)]
    change: Change,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Change {
    /// A login began (the SHA-256 of its id).
    Login(String),
    /// A login ended.
    Logout(String),
}

/// A login open now.
#[derive(Debug, Clone, Copy)]
struct Open {
    began: jiff::Timestamp,
    last_used: Instant,
}

/// The logins open now, by the hash of their id.
#[derive(Debug, Default)]
pub struct Logins {
    open: DashMap<String, Open>,
    /// The file, when logins are kept (a server without a data folder, as
    /// in some tests, keeps them in memory only).
    file: Option<(PathBuf, Mutex<()>)>,
}

impl Logins {
    /// The logins kept in `data_dir`: those begun within their lifetime and
    /// not ended. The file is then written anew with just those, so it never
    /// grows beyond the logins of the last week.
    pub fn open(data_dir: &Path) -> io::Result<Logins> {
        let path = data_dir.join("logins.jsonl");
        let now = jiff::Timestamp::now();
        let mut kept: Vec<(String, jiff::Timestamp)> = Vec::new();
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                // A torn last line (a crash mid-write) was never answered.
                for line in text
                    .lines()
                    .filter_map(|l| serde_json::from_str::<Line>(l).ok())
                {
                    match line.change {
                        Change::Login(hash) => kept.push((hash, line.at)),
                        Change::Logout(hash) => kept.retain(|(h, _)| *h != hash),
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        kept.retain(|(_, began)| now.duration_since(*began) < LIFETIME);
        let mut bytes = Vec::new();
        for (hash, at) in &kept {
            let line = Line {
                at: *at,
                change: Change::Login(hash.clone()),
            };
            serde_json::to_writer(&mut bytes, &line).map_err(io::Error::other)?;
            bytes.push(b'\n');
        }
        crate::durable::replace(&path, &bytes)?;
        let started = Instant::now();
        let open = kept
            .into_iter()
            .map(|(hash, began)| {
                let login = Open {
                    began,
                    last_used: started,
                };
                (hash, login)
            })
            .collect();
        Ok(Logins {
            open,
            file: Some((path, Mutex::new(()))),
        })
    }

    /// Starts a login; returns its id for the cookie (256 random bits). It
    /// is on disk before it is returned (blocking: call off the async workers).
    pub fn start(&self) -> io::Result<String> {
        let now = Instant::now();
        self.open
            .retain(|_, login| now.duration_since(login.last_used) < IDLE);
        let id = crate::secrets::hex_secret::<32>();
        let hash = hash(&id);
        let began = jiff::Timestamp::now();
        self.write(Change::Login(hash.clone()), began)?;
        let login = Open {
            began,
            last_used: now,
        };
        self.open.insert(hash, login);
        Ok(id)
    }

    /// Whether `id` is an open login; using it keeps it open.
    pub fn check(&self, id: &str) -> bool {
        let now = Instant::now();
        let key = hash(id);
        match self.open.get_mut(&key) {
            Some(mut login)
                if now.duration_since(login.last_used) < IDLE
                    && jiff::Timestamp::now().duration_since(login.began) < LIFETIME =>
            {
                login.last_used = now;
                true
            }
            Some(_) => {
                self.open.remove(&key);
                false
            }
            None => false,
        }
    }

    /// Ends a login (blocking: call off the async workers).
    pub fn end(&self, id: &str) -> io::Result<()> {
        let key = hash(id);
        if self.open.remove(&key).is_some() {
            self.write(Change::Logout(key), jiff::Timestamp::now())?;
        }
        Ok(())
    }

    fn write(&self, change: Change, at: jiff::Timestamp) -> io::Result<()> {
        let Some((path, one_writer)) = &self.file else {
            return Ok(());
        };
        let _one_writer = one_writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut bytes = serde_json::to_vec(&Line { at, change }).map_err(io::Error::other)?;
        bytes.push(b'\n');
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file: File = options.open(path)?;
        file.write_all(&bytes)?;
        file.sync_data()
    }
}

/// The SHA-256 of a login id, hex: what the file and the map keep.
fn hash(id: &str) -> String {
    crate::series::review_links::hash_token(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_outlive_a_restart_and_logouts_do_too() {
        let dir = std::env::temp_dir().join(format!("topteam-logins-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let logins = Logins::open(&dir).unwrap();
        let kept = logins.start().unwrap();
        let ended = logins.start().unwrap();
        logins.end(&ended).unwrap();
        let text = std::fs::read_to_string(dir.join("logins.jsonl")).unwrap();
        assert!(!text.contains(&kept), "the file holds hashes, never ids");
        let again = Logins::open(&dir).unwrap();
        assert!(again.check(&kept));
        assert!(!again.check(&ended));
        assert!(!again.check("made-up"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
