//! `DATA_DIR/erasures/`: erasures begun and not yet finished, one file each.
//!
//! Erasing a person touches every session of a series and the series file,
//! one after another. The journal entry is written (synced) before the first
//! and deleted after the last, so a crash part-way leaves it behind and the
//! next start finishes the job. It names the person (the name is what must
//! be found), so it lives only as long as the erasure does.

use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// One erasure under way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The series to search.
    pub series: Uuid,
    /// The session it was asked in.
    pub session: Uuid,
    /// The participant it was asked for.
    pub participant: Uuid,
    /// Their name, to find them in the series' other sessions and roster.
    pub name: String,
    /// The roster person they claimed, if any.
    pub person: Option<Uuid>,
}

/// The journal of one data folder.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    /// The journal in `data_dir` (the folder is made on the first entry).
    pub fn new(data_dir: &Path) -> Journal {
        Journal {
            dir: data_dir.join("erasures"),
        }
    }

    /// Records an erasure as begun, durably.
    pub fn begin(&self, pending: &Pending) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(self.path_of(pending.participant))?;
        file.write_all(&serde_json::to_vec(pending).map_err(io::Error::other)?)?;
        file.sync_all()?;
        File::open(&self.dir)?.sync_all()
    }

    /// The erasure begun for this participant and not finished, if any.
    pub fn get(&self, participant: Uuid) -> Option<Pending> {
        let bytes = fs::read(self.path_of(participant)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Every erasure not finished.
    pub fn all(&self) -> Vec<Pending> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        entries
            .filter_map(|e| e.ok())
            .filter_map(|e| fs::read(e.path()).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect()
    }

    /// Records an erasure as finished: its entry, and the name in it, go.
    pub fn finish(&self, participant: Uuid) -> io::Result<()> {
        match fs::remove_file(self.path_of(participant)) {
            Ok(()) => File::open(&self.dir)?.sync_all(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }

    fn path_of(&self, participant: Uuid) -> PathBuf {
        self.dir.join(format!("{participant}.json"))
    }
}
