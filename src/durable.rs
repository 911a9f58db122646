//! Writing files durably: appending whole lines (series files, the audit
//! log; transcripts keep their own writer for group syncs, by the same
//! rule), and replacing a file whole (the rewrites after an erasure).
//!
//! The rule for appended files: a line is acknowledged only once it is
//! synced; a write that fails is cut off again; a file is never appended to
//! after a torn line, and one found torn is cut back to its last whole line
//! (and the log says so).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

/// Appends `line` (one JSON line, without its newline) to the file at
/// `path`, durably. `create`: the file may be new (readable by the server's
/// user alone). On any failure the file is cut back to what it held, so a
/// full disk leaves no half line for the next append to follow.
pub fn append_line(path: &Path, line: &[u8], create: bool) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(create);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    let before = whole_length(&file, path)?;
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line);
    bytes.push(b'\n');
    match file.write_all(&bytes).and_then(|()| file.sync_data()) {
        Ok(()) => Ok(()),
        Err(e) => {
            if let Err(cut) = file.set_len(before).and_then(|()| file.sync_all()) {
                // The next append finds the torn line and cuts it first.
                tracing::error!(file = %path.display(), error = %cut, "a failed append could not be cut off");
            }
            Err(e)
        }
    }
}

/// Reads a file of lines, cutting a torn last line (a crash or a full disk
/// mid-write: never acknowledged) off the file itself first.
pub fn read_lines(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = fs::read(path)?;
    let whole = whole_prefix(&bytes);
    if whole < bytes.len() {
        cut(path, whole as u64, bytes.len() - whole)?;
        bytes.truncate(whole);
    }
    Ok(bytes)
}

/// The length of `file` up to its last whole line, cutting anything after it
/// off first.
fn whole_length(file: &File, path: &Path) -> io::Result<u64> {
    let len = file.metadata()?.len();
    let mut last = [0u8; 1];
    if len == 0 || (file.read_at(&mut last, len - 1)? == 1 && last[0] == b'\n') {
        return Ok(len);
    }
    let bytes = fs::read(path)?;
    let whole = whole_prefix(&bytes);
    cut(path, whole as u64, bytes.len() - whole)?;
    Ok(whole as u64)
}

/// The bytes up to and including the last newline.
fn whole_prefix(bytes: &[u8]) -> usize {
    bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

fn cut(path: &Path, to: u64, torn: usize) -> io::Result<()> {
    tracing::warn!(file = %path.display(), bytes = torn, "cut a torn last line off (it was never acknowledged)");
    let file = OpenOptions::new().write(true).open(path)?;
    file.set_len(to)?;
    file.sync_all()
}

/// The suffix of the copy written beside a file before it replaces it. A
/// copy left by a crash is deleted unread at the next start (it may hold
/// what the rewrite was taking out).
pub const COPY_SUFFIX: &str = "scrubbed";

/// Writes `bytes` to a copy beside `path` (readable by the server's user
/// alone), syncs it, renames it over `path` and syncs the folder, so that
/// after a crash the file is wholly the old or wholly the new.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(COPY_SUFFIX);
    let copy = std::path::PathBuf::from(name);
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&copy)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&copy, path)?;
    match path.parent() {
        Some(dir) => File::open(dir)?.sync_all(),
        None => Ok(()),
    }
}

/// Deletes, unread, every copy in `dir` that a crash left before it could
/// replace its file: it may hold what the rewrite was taking out.
pub fn remove_copies(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == COPY_SUFFIX) {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_line_is_cut_before_the_next_append_and_on_reading() {
        let dir = std::env::temp_dir().join(format!("topteam-durable-{}", uuid::Uuid::new_v4()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("lines.jsonl");
        append_line(&path, b"{\"a\":1}", true).unwrap();
        // A full disk mid-write, as the last session saw it: half a line.
        OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"b\":")
            .unwrap();
        append_line(&path, b"{\"c\":3}", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{\"a\":1}\n{\"c\":3}\n");
        OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"d\"")
            .unwrap();
        assert_eq!(read_lines(&path).unwrap(), b"{\"a\":1}\n{\"c\":3}\n");
        assert_eq!(
            fs::read(&path).unwrap(),
            b"{\"a\":1}\n{\"c\":3}\n",
            "cut on disk too"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
