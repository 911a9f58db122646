//! The JSONL file store: one file per session, durable before acknowledging.

use super::group_sync::{GroupSync, Pending, Tail};
use super::{
    encode, parse, Found, Header, Parsed, ReplayError, Stamp, TranscriptStore, TranscriptWriter,
    FORMAT_VERSION,
};
use crate::secrets::SessionSecret;
use crate::session::{Record, SessionInfo};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// Transcripts as files in `DATA_DIR/sessions/`.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
    /// Where appends from every session are made durable together.
    group: Arc<GroupSync>,
}

impl FileStore {
    /// A store under `data_dir`, creating `sessions/` if needed, with the
    /// default sync window.
    pub fn open(data_dir: &Path) -> io::Result<FileStore> {
        FileStore::with_window(data_dir, crate::config::Timings::default().sync_window)
    }

    /// The same, with appends gathered for `window` before each sync (zero:
    /// each session's file synced on its own).
    pub fn with_window(data_dir: &Path, window: Duration) -> io::Result<FileStore> {
        let dir = data_dir.join("sessions");
        fs::create_dir_all(&dir)?;
        // A scrub cut short is done again from the original when its
        // session starts.
        crate::durable::remove_copies(&dir)?;
        let group = Arc::new(GroupSync::new(File::open(&dir)?, window)?);
        Ok(FileStore { dir, group })
    }

    /// The file of one session.
    pub fn path_of(&self, id: Uuid) -> PathBuf {
        self.dir.join(format!("{id}.jsonl"))
    }
}

impl TranscriptStore for FileStore {
    fn create(&self, info: &SessionInfo) -> io::Result<Box<dyn TranscriptWriter>> {
        let header = Header {
            topteam_transcript: FORMAT_VERSION,
            session: info.clone(),
        };
        let mut line = serde_json::to_vec(&header).map_err(io::Error::other)?;
        line.push(b'\n');
        let path = self.path_of(info.id);
        let mut options = OpenOptions::new();
        options.create_new(true).append(true);
        // Names and what people said: readable by the server's user alone.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        file.write_all(&line)?;
        file.sync_all()?;
        // The new name must survive a crash too, not only the bytes.
        File::open(&self.dir)?.sync_all()?;
        Ok(Box::new(FileWriter {
            group: self.group.clone(),
            tail: Arc::new(Tail::new(file, line.len() as u64)),
            path,
        }))
    }

    fn reopen(&self, id: Uuid, good_len: u64) -> io::Result<Box<dyn TranscriptWriter>> {
        let path = self.path_of(id);
        let file = OpenOptions::new().append(true).open(&path)?;
        if file.metadata()?.len() != good_len {
            file.set_len(good_len)?;
            file.sync_all()?;
        }
        Ok(Box::new(FileWriter {
            group: self.group.clone(),
            tail: Arc::new(Tail::new(file, good_len)),
            path,
        }))
    }

    fn list(&self) -> io::Result<Vec<Uuid>> {
        let mut ids: Vec<Uuid> = fs::read_dir(&self.dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .filter_map(|p| p.file_stem()?.to_str()?.parse().ok())
            .collect();
        ids.sort();
        Ok(ids)
    }

    fn load(&self, id: Uuid) -> Found {
        let parsed = match fs::read(self.path_of(id)) {
            Ok(bytes) => parse(&bytes),
            Err(e) => Err(ReplayError::Unreadable(e.to_string())),
        };
        Found { id, parsed }
    }

    fn read_raw(&self, id: Uuid) -> io::Result<Vec<u8>> {
        fs::read(self.path_of(id))
    }

    fn sync_counts(&self) -> (u64, u64) {
        self.group.counts()
    }

    fn create_secret(&self, id: Uuid) -> io::Result<SessionSecret> {
        let secret = SessionSecret::generate();
        let hex = secret.to_text();
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(self.secret_path(id))?;
        file.write_all(hex.as_bytes())?;
        file.sync_all()?;
        Ok(secret)
    }

    fn secret(&self, id: Uuid) -> io::Result<SessionSecret> {
        read_secret(&self.dir, id)
    }

    fn stamp(&self, id: Uuid) -> io::Result<Stamp> {
        let meta = fs::metadata(self.path_of(id))?;
        let since = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Ok(Stamp {
            bytes: meta.len(),
            modified_s: since.as_secs(),
            modified_ns: since.subsec_nanos(),
        })
    }

    fn read_summary(&self, id: Uuid) -> Option<(Stamp, crate::session::SessionSummary)> {
        let bytes = fs::read(self.summary_path(id)).ok()?;
        let file: SummaryFile = serde_json::from_slice(&bytes).ok()?;
        (file.topteam_summary == SUMMARY_VERSION && file.summary.info.id == id)
            .then_some((file.transcript, file.summary))
    }

    fn write_summary(
        &self,
        id: Uuid,
        stamp: Stamp,
        summary: &crate::session::SessionSummary,
    ) -> io::Result<()> {
        let file = SummaryFile {
            topteam_summary: SUMMARY_VERSION,
            transcript: stamp,
            summary: summary.clone(),
        };
        let bytes = serde_json::to_vec(&file).map_err(io::Error::other)?;
        // A copy renamed over the old one: a reader sees one whole summary.
        let path = self.summary_path(id);
        let copy = path.with_extension("json.new");
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(&copy)?.write_all(&bytes)?;
        fs::rename(&copy, &path)
    }

    fn delete(&self, id: Uuid) -> io::Result<()> {
        for path in [
            self.path_of(id),
            self.secret_path(id),
            self.summary_path(id),
        ] {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        File::open(&self.dir)?.sync_all()
    }
}

/// Reads the pseudonym secret of session `id` from a sessions folder.
pub fn read_secret(sessions_dir: &Path, id: Uuid) -> io::Result<SessionSecret> {
    {
        let path = sessions_dir.join(format!("{id}.secret"));
        let text = fs::read_to_string(&path).map_err(|e| {
            io::Error::new(e.kind(), format!("{} cannot be read: {e}", path.display()))
        })?;
        SessionSecret::parse(&text).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is damaged (not a pseudonym secret)", path.display()),
            )
        })
    }
}

impl FileStore {
    fn secret_path(&self, id: Uuid) -> PathBuf {
        self.dir.join(format!("{id}.secret"))
    }

    fn summary_path(&self, id: Uuid) -> PathBuf {
        self.dir.join(format!("{id}.summary.json"))
    }
}

/// A summary file: the stamp of the transcript it was made from, and the summary.
#[derive(serde::Serialize, serde::Deserialize)]
struct SummaryFile {
    topteam_summary: u32,
    transcript: Stamp,
    summary: crate::session::SessionSummary,
}

/// The summary files' format; another is read as none (and made again).
const SUMMARY_VERSION: u32 = 1;

struct FileWriter {
    group: Arc<GroupSync>,
    /// The open file and its durable length, which the syncer keeps.
    tail: Arc<Tail>,
    path: PathBuf,
}

impl TranscriptWriter for FileWriter {
    fn append(&mut self, records: &[Record]) -> Pending {
        self.group.append(self.tail.clone(), encode(records))
    }

    fn scrub(&mut self, check: &dyn Fn(&Parsed) -> Result<(), String>) -> io::Result<bool> {
        let bytes = fs::read(&self.path)?;
        let durable = bytes.get(..self.tail.len() as usize).unwrap_or(&bytes);
        let mut parsed = parse(durable).map_err(io::Error::other)?;
        if !crate::session::core::erasure::scrub(&mut parsed.records) {
            return Ok(false);
        }
        let mut copy = serde_json::to_vec(&parsed.header).map_err(io::Error::other)?;
        copy.push(b'\n');
        copy.extend(encode(&parsed.records));
        let read_back = parse(&copy).map_err(io::Error::other)?;
        check(&read_back).map_err(|why| io::Error::new(io::ErrorKind::InvalidData, why))?;
        crate::durable::replace(&self.path, &copy)?;
        let file = OpenOptions::new().append(true).open(&self.path)?;
        self.tail = Arc::new(Tail::new(file, copy.len() as u64));
        Ok(true)
    }
}
