//! Series: one council's run of workshops, with a name and a roster of the
//! people expected, kept durably as `DATA_DIR/series/<uuid>.jsonl`.
//!
//! Like a session's transcript, a series file is append-only: a line per
//! event (`series_created`, `roster_set`), fsynced before the change is
//! answered, and the series is the fold of its lines.

pub mod invitations;
pub mod paste;
pub mod review_links;
pub mod roster;

pub use roster::{name_key, new_roster, Person, PersonInput, RosterError};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use uuid::Uuid;

/// A council's series of workshops.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Id (also the file name).
    pub id: Uuid,
    /// Name, e.g. "Ashfield 2026 top team".
    pub name: String,
    /// When it was created.
    pub created_at: jiff::Timestamp,
    /// The people expected, in the council's order.
    pub roster: Vec<Person>,
    /// Organisers' read-only links to its review pages.
    #[serde(skip)]
    pub review_links: Vec<review_links::ReviewLink>,
    /// Hidden from the console's lists (review keeps it).
    pub archived: bool,
    /// Each roster person's personal invitation (the latest made).
    #[serde(skip)]
    pub invitations: Vec<invitations::Invitation>,
    /// When the current invitations were made.
    #[serde(skip)]
    pub invitations_made: Option<jiff::Timestamp>,
    /// Joins by invitation only: a typed or picked name always waits for
    /// the facilitator, and the join page lists no names.
    pub invitations_only: bool,
}

/// One line of a series file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Line {
    at: jiff::Timestamp,
    event: SeriesEvent,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum SeriesEvent {
    SeriesCreated {
        id: Uuid,
        name: String,
    },
    RosterSet {
        people: Vec<Person>,
    },
    ReviewLinkMade {
        link: review_links::ReviewLink,
    },
    ReviewLinkRevoked {
        link: Uuid,
    },
    Archived {
        archived: bool,
    },
    InvitationsMade {
        invitations: Vec<invitations::Invitation>,
    },
    InvitationsOnly {
        on: bool,
    },
    Renamed {
        name: String,
    },
}

/// Every series, in memory and on disk. Changes are rare (a facilitator
/// preparing), so one lock serialises them; reads take a snapshot.
pub struct SeriesBook {
    dir: PathBuf,
    all: RwLock<BTreeMap<Uuid, Arc<Series>>>,
    writing: Mutex<()>,
}

impl SeriesBook {
    /// Opens `DATA_DIR/series/`, reading every series in it. A file that
    /// cannot be read is skipped with an error, as a transcript is.
    pub fn open(data_dir: &std::path::Path) -> io::Result<SeriesBook> {
        let dir = data_dir.join("series");
        fs::create_dir_all(&dir)?;
        // An erasure cut short is finished from its journal at start-up.
        crate::durable::remove_copies(&dir)?;
        let mut all = BTreeMap::new();
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_none_or(|x| x != "jsonl") {
                continue;
            }
            match read_series(&path) {
                Ok(series) => {
                    all.insert(series.id, Arc::new(series));
                }
                Err(e) => tracing::error!(file = %path.display(), error = %e, "series skipped"),
            }
        }
        Ok(SeriesBook {
            dir,
            all: RwLock::new(all),
            writing: Mutex::new(()),
        })
    }

    /// One series.
    pub fn get(&self, id: &Uuid) -> Option<Arc<Series>> {
        self.read().get(id).cloned()
    }

    /// Every series, newest first.
    pub fn list(&self) -> Vec<Arc<Series>> {
        let mut all: Vec<_> = self.read().values().cloned().collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.created_at));
        all
    }

    /// The series that has this person on its roster.
    pub fn of_person(&self, person: &Uuid) -> Option<Arc<Series>> {
        self.read()
            .values()
            .find(|s| s.roster.iter().any(|p| p.id == *person))
            .cloned()
    }

    /// Creates a series, durably. `id` is given for a series that sessions
    /// already name (made before series had files); otherwise a new one.
    pub fn create(
        &self,
        name: String,
        id: Option<Uuid>,
        at: jiff::Timestamp,
    ) -> io::Result<Arc<Series>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let id = id.unwrap_or_else(Uuid::new_v4);
        let line = Line {
            at,
            event: SeriesEvent::SeriesCreated {
                id,
                name: name.clone(),
            },
        };
        let path = self.path_of(id);
        if path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "the series exists",
            ));
        }
        // Rosters name people: readable by the server's user alone.
        if let Err(e) = crate::durable::append_line(&path, &line_bytes(&line)?, true) {
            // No file with a torn first line left to be read as a series.
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        // The new name must survive a crash too, not only the bytes.
        File::open(&self.dir)?.sync_all()?;
        let series = Arc::new(Series {
            id,
            name,
            created_at: at,
            roster: Vec::new(),
            review_links: Vec::new(),
            archived: false,
            invitations: Vec::new(),
            invitations_made: None,
            invitations_only: false,
        });
        self.write().insert(id, series.clone());
        Ok(series)
    }

    /// Replaces a series' roster after checking it, durably; `None` if there
    /// is no such series.
    pub fn set_roster(
        &self,
        id: Uuid,
        people: Vec<PersonInput>,
        at: jiff::Timestamp,
    ) -> Option<Result<io::Result<Arc<Series>>, RosterError>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let roster = match new_roster(&current.roster, people) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let line = Line {
            at,
            event: SeriesEvent::RosterSet {
                people: roster.clone(),
            },
        };
        let written = self.append(id, &line);
        Some(Ok(written.map(|()| {
            let series = Arc::new(Series {
                roster,
                ..(*current).clone()
            });
            self.write().insert(id, series.clone());
            series
        })))
    }

    /// Archives a series (or brings it back), durably; `None` if there is no such series.
    pub fn set_archived(
        &self,
        id: Uuid,
        archived: bool,
        at: jiff::Timestamp,
    ) -> Option<io::Result<()>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let line = Line {
            at,
            event: SeriesEvent::Archived { archived },
        };
        let written = self.append(id, &line);
        Some(written.map(|()| {
            let series = Series {
                archived,
                ..(*current).clone()
            };
            self.write().insert(id, Arc::new(series));
        }))
    }

    /// Renames a series, durably; `None` if there is no such series.
    pub fn rename(&self, id: Uuid, name: String, at: jiff::Timestamp) -> Option<io::Result<()>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        let line = Line {
            at,
            event: SeriesEvent::Renamed { name: name.clone() },
        };
        Some(self.append(id, &line).map(|()| {
            let series = Series {
                name,
                ..(*current).clone()
            };
            self.write().insert(id, Arc::new(series));
        }))
    }

    /// Takes erased people off the roster for good: the file is rewritten with
    /// them in none of its rosters (a copy, synced, then renamed over the
    /// original), so no line names them. `None` if there is no such series.
    pub fn erase_people(&self, id: Uuid, people: &[Uuid]) -> Option<io::Result<()>> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.get(&id)?;
        Some(self.rewrite_without(id, people).map(|()| {
            let mut series = (*current).clone();
            series.roster.retain(|p| !people.contains(&p.id));
            self.write().insert(id, Arc::new(series));
        }))
    }

    fn rewrite_without(&self, id: Uuid, people: &[Uuid]) -> io::Result<()> {
        let path = self.path_of(id);
        let text = fs::read_to_string(&path)?;
        let mut copy = Vec::with_capacity(text.len());
        for raw in text.lines() {
            // A torn last line was never answered; it is not copied.
            let Ok(mut line) = serde_json::from_str::<Line>(raw) else {
                continue;
            };
            if let SeriesEvent::RosterSet { people: roster } = &mut line.event {
                roster.retain(|p| !people.contains(&p.id));
            }
            serde_json::to_writer(&mut copy, &line).map_err(io::Error::other)?;
            copy.push(b'\n');
        }
        crate::durable::replace(&path, &copy)
    }

    /// Deletes a series' file, durably; `false` if there was no such series.
    pub fn delete(&self, id: Uuid) -> io::Result<bool> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        if self.write().remove(&id).is_none() {
            return Ok(false);
        }
        match std::fs::remove_file(self.path_of(id)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        File::open(&self.dir)?.sync_all()?;
        Ok(true)
    }

    fn path_of(&self, id: Uuid) -> PathBuf {
        self.dir.join(format!("{id}.jsonl"))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<Uuid, Arc<Series>>> {
        self.all.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<Uuid, Arc<Series>>> {
        self.all.write().unwrap_or_else(|p| p.into_inner())
    }
}

fn line_bytes(line: &Line) -> io::Result<Vec<u8>> {
    serde_json::to_vec(line).map_err(io::Error::other)
}

/// Folds a series file. A torn last line (a crash mid-write) is ignored: it
/// was never answered.
fn read_series(path: &std::path::Path) -> io::Result<Series> {
    let text = String::from_utf8(crate::durable::read_lines(path)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let mut series: Option<Series> = None;
    let lines: Vec<&str> = text.lines().collect();
    for (i, raw) in lines.iter().enumerate() {
        let line: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(_) if i + 1 == lines.len() => break,
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        match (line.event, &mut series) {
            (SeriesEvent::SeriesCreated { id, name }, None) => {
                series = Some(Series {
                    id,
                    name,
                    created_at: line.at,
                    roster: Vec::new(),
                    review_links: Vec::new(),
                    archived: false,
                    invitations: Vec::new(),
                    invitations_made: None,
                    invitations_only: false,
                })
            }
            (SeriesEvent::RosterSet { people }, Some(s)) => s.roster = people,
            (SeriesEvent::Archived { archived }, Some(s)) => s.archived = archived,
            (SeriesEvent::InvitationsMade { invitations }, Some(s)) => {
                s.invitations = invitations;
                s.invitations_made = Some(line.at);
            }
            (SeriesEvent::InvitationsOnly { on }, Some(s)) => s.invitations_only = on,
            (SeriesEvent::Renamed { name }, Some(s)) => s.name = name,
            (SeriesEvent::ReviewLinkMade { link }, Some(s)) => s.review_links.push(link),
            (SeriesEvent::ReviewLinkRevoked { link }, Some(s)) => {
                s.review_links.retain(|l| l.id != link)
            }
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("line {} does not follow from the ones before", i + 1),
                ))
            }
        }
    }
    series.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "the file is empty"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Group;

    #[test]
    fn a_series_and_its_roster_come_back_after_a_restart() {
        let dir = std::env::temp_dir().join(format!("topteam-series-{}", Uuid::new_v4()));
        let book = SeriesBook::open(&dir).unwrap();
        let s = book
            .create(
                "Ashfield".into(),
                None,
                "2026-12-02T10:00:00Z".parse().unwrap(),
            )
            .unwrap();
        let people = vec![PersonInput {
            id: None,
            name: "Cllr Patel".into(),
            group: Group::Cabinet,
            job_title: Some("Leader".into()),
        }];
        let set = book
            .set_roster(s.id, people, "2026-12-02T10:01:00Z".parse().unwrap())
            .unwrap()
            .unwrap()
            .unwrap();
        let again = SeriesBook::open(&dir).unwrap();
        assert_eq!(again.get(&s.id).unwrap().roster, set.roster);
        assert_eq!(again.of_person(&set.roster[0].id).unwrap().id, s.id);
        let _ = fs::remove_dir_all(dir);
    }
}
