//! `topteam backup DIR` and `topteam restore DIR`: a copy of the data folder,
//! taken while the server runs or not, that is either whole or refused.
//!
//! Transcripts and series files are append-only, so each copy is a state the
//! file really had; a line cut by a write in flight is dropped, as replay
//! drops it after a power cut. Secrets go with their transcripts: without
//! them anonymous votes cannot be counted by team.
//!
//! A backup is marked unfinished before its first file and gets its
//! manifest (every file, its size and SHA-256) last: a copy stopped part-way
//! keeps the mark, and one changed since has a file that disagrees with the
//! manifest. `serve` refuses both, and a whole backup too: it is restored
//! into a new data folder (`restore`), which revokes the review links it
//! holds unless told to keep them, so a link revoked after the backup was
//! taken does not come back.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The manifest, written last.
pub const MANIFEST: &str = "backup-manifest.json";
/// The mark of a backup not yet finished, written first.
pub const UNFINISHED: &str = "backup-unfinished";
/// The mark of a restore not yet finished, written first.
pub const RESTORING: &str = "restore-unfinished";
/// Console logins: never backed up, so a restore cannot bring back one that
/// was logged out since.
const LOGINS: &str = "logins.jsonl";

/// What a backup holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version.
    pub topteam_backup: u32,
    /// When it was taken.
    pub taken_at: jiff::Timestamp,
    /// Every file, by its path inside the folder (`sessions/<id>.jsonl`).
    pub files: Vec<FileEntry>,
}

/// One file of a backup.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its path inside the folder, with `/`.
    pub path: String,
    /// Its length.
    pub bytes: u64,
    /// Its SHA-256, hex.
    pub sha256: String,
}

/// Copies `data_dir` into `into` (made if missing, and must be empty);
/// returns how many files were copied.
pub fn backup(data_dir: &Path, into: &Path) -> io::Result<usize> {
    fs::create_dir_all(into)?;
    if into.canonicalize()?.starts_with(data_dir.canonicalize()?) {
        return Err(io::Error::other(format!(
            "{} is inside the data folder {}; back up into a folder outside it",
            into.display(),
            data_dir.display()
        )));
    }
    if fs::read_dir(into)?.next().is_some() {
        return Err(io::Error::other(format!(
            "{} is not empty; back up into a new folder",
            into.display()
        )));
    }
    write_synced(&into.join(UNFINISHED), b"topteam backup did not finish\n")?;
    File::open(into)?.sync_all()?;
    let mut files = Vec::new();
    copy_dir(data_dir, into, "", &mut files)?;
    let manifest = Manifest {
        topteam_backup: 1,
        taken_at: jiff::Timestamp::now(),
        files,
    };
    let text = serde_json::to_vec_pretty(&manifest).map_err(io::Error::other)?;
    crate::durable::replace(&into.join(MANIFEST), &text)?;
    fs::remove_file(into.join(UNFINISHED))?;
    File::open(into)?.sync_all()?;
    Ok(manifest.files.len())
}

/// Why a folder cannot be served or restored as it is.
#[derive(Debug, thiserror::Error)]
pub enum NotWhole {
    /// `backup` stopped before it finished.
    #[error("{0} is an unfinished backup: `topteam backup` stopped before it finished, so files are missing. Take a new backup; this one cannot be used")]
    Unfinished(PathBuf),
    /// A file disagrees with the manifest.
    #[error("{0} is a damaged backup: {1}. Use another backup")]
    Damaged(PathBuf, String),
    /// `restore` stopped before it finished.
    #[error("{0} is an unfinished restore: `topteam restore` stopped before it finished, so files are missing and old review links may still work. Delete it and restore again")]
    RestoreUnfinished(PathBuf),
    /// A whole backup, to be restored rather than served.
    #[error("{0} is a backup taken {1}: restore it into a new data folder with `topteam restore {0} --data-dir NEW`, then serve that")]
    ABackup(PathBuf, String),
}

/// Checks what `dir` is: `Ok(None)` for an ordinary data folder, the
/// manifest for a whole backup, an error for one stopped part-way or changed.
pub fn inspect(dir: &Path) -> Result<Option<Manifest>, NotWhole> {
    if dir.join(RESTORING).exists() {
        return Err(NotWhole::RestoreUnfinished(dir.to_path_buf()));
    }
    if dir.join(UNFINISHED).exists() {
        return Err(NotWhole::Unfinished(dir.to_path_buf()));
    }
    let text = match fs::read(dir.join(MANIFEST)) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(NotWhole::Damaged(dir.to_path_buf(), e.to_string())),
    };
    let damaged = |why: String| NotWhole::Damaged(dir.to_path_buf(), why);
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|e| damaged(format!("its manifest cannot be read ({e})")))?;
    for file in &manifest.files {
        let bytes = fs::read(dir.join(&file.path))
            .map_err(|e| damaged(format!("{} cannot be read ({e})", file.path)))?;
        if bytes.len() as u64 != file.bytes
            || format!("{:x}", Sha256::digest(&bytes)) != file.sha256
        {
            return Err(damaged(format!(
                "{} is not the file that was backed up",
                file.path
            )));
        }
    }
    Ok(Some(manifest))
}

/// Refuses to serve `dir` if it is a backup, whole or not.
pub fn refuse_to_serve(dir: &Path) -> Result<(), NotWhole> {
    match inspect(dir)? {
        None => Ok(()),
        Some(manifest) => Err(NotWhole::ABackup(
            dir.to_path_buf(),
            crate::time::long_date(manifest.taken_at),
        )),
    }
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// Files copied.
    pub files: usize,
    /// Review links revoked.
    pub links_revoked: usize,
}

/// Copies the whole backup `from` into the new data folder `into`, then,
/// unless `keep_links`, revokes every review link it holds: each was made
/// before the backup, and may have been revoked since.
pub fn restore(from: &Path, into: &Path, keep_links: bool) -> Result<Restored, anyhow::Error> {
    let Some(manifest) = inspect(from)? else {
        anyhow::bail!(
            "{} is not a backup made by `topteam backup` (it has no {MANIFEST})",
            from.display()
        );
    };
    fs::create_dir_all(into)?;
    if fs::read_dir(into)?.next().is_some() {
        anyhow::bail!("{} is not empty; restore into a new folder", into.display());
    }
    // Until the last review link is revoked, `serve` refuses the folder.
    write_synced(&into.join(RESTORING), b"topteam restore did not finish\n")?;
    File::open(into)?.sync_all()?;
    for file in &manifest.files {
        let source = from.join(&file.path);
        let target = into.join(&file.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        write_synced(&target, &fs::read(&source)?)?;
        fs::set_permissions(&target, fs::metadata(&source)?.permissions())?;
    }
    sync_dirs(into)?;
    let mut links_revoked = 0;
    if !keep_links {
        let book = crate::series::SeriesBook::open(into)?;
        let now = jiff::Timestamp::now();
        for series in book.list() {
            for link in &series.review_links {
                if let Some(revoked) = book.revoke_link(series.id, link.id, now) {
                    revoked?;
                    links_revoked += 1;
                }
            }
        }
    }
    fs::remove_file(into.join(RESTORING))?;
    File::open(into)?.sync_all()?;
    Ok(Restored {
        files: manifest.files.len(),
        links_revoked,
    })
}

fn copy_dir(from: &Path, to: &Path, prefix: &str, files: &mut Vec<FileEntry>) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let relative = format!("{prefix}{name_text}");
        let target = to.join(&name);
        let kind = entry.file_type()?;
        if kind.is_dir() {
            fs::create_dir_all(&target)?;
            copy_dir(&path, &target, &format!("{relative}/"), files)?;
        } else if kind.is_file()
            && name != "topteam.lock"
            && name_text != MANIFEST
            && name_text != UNFINISHED
            && name_text != RESTORING
            && name_text != LOGINS
            && !name_text.ends_with(".partial")
        {
            let mut bytes = fs::read(&path)?;
            if path.extension().is_some_and(|e| e == "jsonl") {
                // Keep whole lines only.
                let whole = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                bytes.truncate(whole);
            }
            write_synced(&target, &bytes)?;
            // The secrets and the key stay readable by their owner alone.
            fs::set_permissions(&target, fs::metadata(&path)?.permissions())?;
            files.push(FileEntry {
                path: relative,
                bytes: bytes.len() as u64,
                sha256: format!("{:x}", Sha256::digest(&bytes)),
            });
        }
    }
    File::open(to)?.sync_all()
}

/// Writes a new file readable by its owner alone from the first byte (the
/// original's permissions are copied once it is whole).
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn sync_dirs(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_dirs(&entry.path())?;
        }
    }
    File::open(dir)?.sync_all()
}
