//! Replacing a file whole, durably: what rewrites after an erasure use.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

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
