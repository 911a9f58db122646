//! `topteam backup DIR`: a copy of the data folder a fresh server starts
//! from, taken while the server runs or not. Transcripts and series files are
//! append-only, so each copy is a state the file really had; a line cut by a
//! write in flight is dropped, as replay drops it after a power cut.
//! Secrets go with their transcripts: without them anonymous votes cannot be
//! counted by team.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Copies `data_dir` into `into` (made if missing, and must be empty);
/// returns how many files were copied.
pub fn backup(data_dir: &Path, into: &Path) -> io::Result<usize> {
    fs::create_dir_all(into)?;
    if fs::read_dir(into)?.next().is_some() {
        return Err(io::Error::other(format!(
            "{} is not empty; back up into a new folder",
            into.display()
        )));
    }
    copy_dir(data_dir, into)
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<usize> {
    let mut copied = 0;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let target = to.join(&name);
        let kind = entry.file_type()?;
        if kind.is_dir() {
            fs::create_dir_all(&target)?;
            copied += copy_dir(&path, &target)?;
        } else if kind.is_file()
            && name != "topteam.lock"
            && !name.to_string_lossy().ends_with(".partial")
        {
            let mut bytes = fs::read(&path)?;
            if path.extension().is_some_and(|e| e == "jsonl") {
                // Keep whole lines only.
                let whole = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                bytes.truncate(whole);
            }
            let mut file = File::create(&target)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            copy_permissions(&path, &target)?;
            copied += 1;
        }
    }
    File::open(to)?.sync_all()?;
    Ok(copied)
}

/// The secrets and the key stay readable by their owner alone.
fn copy_permissions(from: &Path, to: &Path) -> io::Result<()> {
    fs::set_permissions(to, fs::metadata(from)?.permissions())
}
