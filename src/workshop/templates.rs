//! Saved templates: workshop scripts a facilitator saved from the agenda
//! editor, one JSON file each in `DATA_DIR/templates/`. The shipped scripts
//! in `workshops/` are the built-in templates and cannot be changed here. A
//! file that cannot be read as a valid script is reported and skipped: it is
//! never a reason for the server not to start.

use super::Workshop;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// The saved templates, by id.
#[derive(Debug)]
pub struct TemplateBook {
    dir: PathBuf,
    saved: RwLock<BTreeMap<String, Arc<Workshop>>>,
}

impl TemplateBook {
    /// Reads every `*.json` in `dir` (made if missing); returns the book and,
    /// for each file skipped, its name and why.
    pub fn open(dir: &Path) -> io::Result<(TemplateBook, Vec<(String, String)>)> {
        fs::create_dir_all(dir)?;
        let mut saved = BTreeMap::new();
        let mut skipped = Vec::new();
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let name = path.display().to_string();
            let read = fs::read_to_string(&path).map_err(|e| e.to_string());
            let parsed = read.and_then(|text| {
                let workshop: Workshop = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                match workshop.problems().first() {
                    Some(problem) => Err(problem.to_string()),
                    None => Ok(workshop),
                }
            });
            match parsed {
                Ok(workshop) => {
                    saved.insert(workshop.id.clone(), Arc::new(workshop));
                }
                Err(why) => skipped.push((name, why)),
            }
        }
        let book = TemplateBook {
            dir: dir.to_path_buf(),
            saved: RwLock::new(saved),
        };
        Ok((book, skipped))
    }

    /// A saved template.
    pub fn get(&self, id: &str) -> Option<Arc<Workshop>> {
        self.read().get(id).cloned()
    }

    /// Every saved template, by id.
    pub fn list(&self) -> Vec<Arc<Workshop>> {
        self.read().values().cloned().collect()
    }

    /// Saves (or replaces) a checked template, durably: written whole to a
    /// temporary file, synced, then renamed over the old one.
    pub fn save(&self, workshop: Workshop) -> io::Result<Arc<Workshop>> {
        let mut saved = self.saved.write().unwrap_or_else(|p| p.into_inner());
        let path = self.path_of(&workshop.id);
        let partial = path.with_extension("json.partial");
        let mut file = File::create(&partial)?;
        file.write_all(&serde_json::to_vec_pretty(&workshop).map_err(io::Error::other)?)?;
        file.sync_all()?;
        fs::rename(&partial, &path)?;
        File::open(&self.dir)?.sync_all()?;
        let workshop = Arc::new(workshop);
        saved.insert(workshop.id.clone(), workshop.clone());
        Ok(workshop)
    }

    /// Deletes a saved template; `false` if there was none.
    pub fn delete(&self, id: &str) -> io::Result<bool> {
        let mut saved = self.saved.write().unwrap_or_else(|p| p.into_inner());
        if saved.remove(id).is_none() {
            return Ok(false);
        }
        fs::remove_file(self.path_of(id))?;
        File::open(&self.dir)?.sync_all()?;
        Ok(true)
    }

    fn path_of(&self, id: &str) -> PathBuf {
        // Ids are checked (no '.', no '/') before they get here; the file name
        // is the id made safe once more all the same.
        let safe: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("{safe}.json"))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, Arc<Workshop>>> {
        self.saved.read().unwrap_or_else(|p| p.into_inner())
    }
}
