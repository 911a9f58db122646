//! The folder of workshop scripts, read and checked at start-up.

use super::{ScriptProblem, Workshop};
use crate::language::Sentence;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every workshop script the server offers, by id.
#[derive(Debug, Clone, Default)]
pub struct WorkshopLibrary {
    scripts: BTreeMap<String, Arc<Workshop>>,
}

/// Why the workshop folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The folder or a file could not be read.
    #[error("cannot read the workshop scripts at {}: {source} (start from the project folder, or pass --workshops FOLDER)", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// One or more scripts are invalid; each line names the file and the field.
    #[error("invalid workshop scripts:\n{}", .0.join("\n"))]
    Invalid(Vec<String>),
}

impl WorkshopLibrary {
    /// A library holding these scripts (for tests and tools).
    pub fn from_scripts(scripts: impl IntoIterator<Item = Workshop>) -> Self {
        WorkshopLibrary {
            scripts: scripts
                .into_iter()
                .map(|w| (w.id.clone(), Arc::new(w)))
                .collect(),
        }
    }

    /// The script with this id.
    pub fn get(&self, id: &str) -> Option<Arc<Workshop>> {
        self.scripts.get(id).cloned()
    }

    /// All scripts, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Workshop>> {
        self.scripts.values()
    }

    /// Problems with references between scripts: each `from` that names an
    /// earlier workshop must name a script here and an activity in it that can
    /// supply options.
    pub fn cross_problems(&self) -> Vec<(String, ScriptProblem)> {
        let mut out = Vec::new();
        for w in self.scripts.values() {
            for problem in self.problems_of_links(w) {
                out.push((w.id.clone(), problem));
            }
        }
        out
    }

    /// The problems with one script's `from` links to other workshops, each
    /// with its field.
    pub fn problems_of_links(&self, w: &Workshop) -> Vec<ScriptProblem> {
        let mut out = Vec::new();
        for (i, a) in w.activities.iter().enumerate() {
            let Some((wid, aid)) = a.from_earlier_workshop() else {
                continue;
            };
            let at = format!("activity[{i}].from");
            let problem = match self.scripts.get(wid) {
                None => {
                    Some(Sentence::new("check-no-workshop").with("workshop", format!("{wid:?}")))
                }
                Some(other) if other.id == w.id => Some(Sentence::new("check-same-workshop")),
                Some(other) => match other.activity(aid) {
                    None => Some(
                        Sentence::new("check-no-activity-in")
                            .with("workshop", format!("{wid:?}"))
                            .with("activity", format!("{aid:?}")),
                    ),
                    Some((_, source)) if !source.kind.can_feed() => Some(
                        Sentence::new("check-cannot-supply").with("kind", source.kind.as_str()),
                    ),
                    Some(_) => None,
                },
            };
            if let Some(why) = problem {
                out.push(ScriptProblem::new(at, why));
            }
        }
        out
    }
}

/// Reads every `*.toml` in `dir`; any invalid script fails the whole load with
/// every problem listed, so `serve` never starts with a broken agenda.
pub fn load_library(dir: &Path) -> Result<WorkshopLibrary, LibraryError> {
    let io = |path: &Path, source| LibraryError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut problems = Vec::new();
    let mut scripts = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        match Workshop::from_toml(&text) {
            Ok(w)
                if scripts
                    .iter()
                    .any(|(s, _): &(Workshop, PathBuf)| s.id == w.id) =>
            {
                problems.push(format!(
                    "{}: id: {:?} is used by another script",
                    path.display(),
                    w.id
                ))
            }
            Ok(w) => scripts.push((w, path.clone())),
            Err(list) => {
                problems.extend(list.into_iter().map(|p| format!("{}: {p}", path.display())))
            }
        }
    }
    let by_id: Vec<(String, PathBuf)> = scripts
        .iter()
        .map(|(w, p)| (w.id.clone(), p.clone()))
        .collect();
    let library = WorkshopLibrary::from_scripts(scripts.into_iter().map(|(w, _)| w));
    for (id, problem) in library.cross_problems() {
        let path = by_id
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, p)| p.display().to_string());
        problems.push(format!("{}: {problem}", path.unwrap_or(id)));
    }
    if problems.is_empty() {
        Ok(library)
    } else {
        Err(LibraryError::Invalid(problems))
    }
}

/// What `topteam check` reports for one file: a summary line, or its problems.
pub type CheckReport = Vec<(PathBuf, Result<String, Vec<String>>)>;

/// Checks scripts one by one, then their references to other workshops,
/// resolved against the other scripts in the same folders. Every script that
/// parses is cross-checked, valid or not, so one run reports every problem.
pub fn check_files(files: &[PathBuf]) -> std::io::Result<CheckReport> {
    let mut problems: Vec<(PathBuf, Vec<String>)> = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file)?;
        match Workshop::parse(&text) {
            Ok(w) => {
                let list = w.problems().iter().map(ToString::to_string).collect();
                problems.push((file.clone(), list));
                parsed.push((file.clone(), w));
            }
            Err(e) => problems.push((file.clone(), vec![e])),
        }
    }
    let mut known: BTreeMap<String, Workshop> = BTreeMap::new();
    for dir in files.iter().filter_map(|f| f.parent()) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        for path in std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.extension().is_some_and(|x| x == "toml") {
                let sibling = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|t| Workshop::parse(&t).ok());
                if let Some(w) = sibling {
                    known.entry(w.id.clone()).or_insert(w);
                }
            }
        }
    }
    for (_, w) in &parsed {
        known.insert(w.id.clone(), w.clone());
    }
    let library = WorkshopLibrary::from_scripts(known.into_values());
    for (id, problem) in library.cross_problems() {
        let Some((file, _)) = parsed.iter().find(|(_, w)| w.id == id) else {
            continue;
        };
        if let Some((_, list)) = problems.iter_mut().find(|(f, _)| f == file) {
            list.push(problem.to_string());
        }
    }
    let summaries = parsed.iter().map(|(f, w)| {
        (
            f.clone(),
            format!(
                "ok ({}, {} {})",
                w.id,
                w.activities.len(),
                if w.activities.len() == 1 {
                    "activity"
                } else {
                    "activities"
                }
            ),
        )
    });
    let summaries: Vec<_> = summaries.collect();
    Ok(problems
        .into_iter()
        .map(|(file, list)| {
            let outcome = if list.is_empty() {
                let summary = summaries
                    .iter()
                    .find(|(f, _)| *f == file)
                    .map(|(_, s)| s.clone());
                Ok(summary.unwrap_or_default())
            } else {
                Err(list)
            };
            (file, outcome)
        })
        .collect())
}
