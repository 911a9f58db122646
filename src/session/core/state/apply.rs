//! `apply`: how each event changes the state. The same fold for live play
//! and for replay.

use super::{Participant, SessionState, SessionStatus};
use crate::activity::kind::Answers;
use crate::activity::notes::Note;
use crate::activity::{kind_of, CastBallot};
use crate::session::core::{ActivityStatus, Event, ParticipantId};
use std::collections::BTreeSet;
use std::sync::Arc;

impl SessionState {
    pub(super) fn apply_event(&mut self, event: &Event, at: jiff::Timestamp) {
        match event {
            Event::ParticipantJoined {
                participant,
                name,
                group,
                job_title,
                token_hash,
                admitted,
                person,
                held,
                invited,
            } => {
                if let Ok(pseudonym) = self.pseudonyms.of(*participant) {
                    Arc::make_mut(&mut self.pseudonym_owners).insert(pseudonym, *participant);
                }
                Arc::make_mut(&mut self.index).insert(*participant, self.participants.len());
                Arc::make_mut(&mut self.participants).push(Participant {
                    id: *participant,
                    name: name.clone(),
                    group: *group,
                    job_title: job_title.clone(),
                    admitted: *admitted,
                    removed: false,
                    erased: false,
                    person: *person,
                    held: *held,
                    invited: *invited,
                    token_hash: token_hash.clone(),
                });
            }
            Event::RosterUpdated { people } => self.roster = Arc::new(people.clone()),
            Event::ParticipantErased { participant, label } => {
                self.erase_participant(participant, label)
            }
            Event::RosterPersonErased { person } => self.erase_roster_person(person),
            Event::ParticipantAdmitted { participant } => {
                if let Some(p) = self.participant_mut(participant) {
                    p.admitted = true;
                }
            }
            Event::ParticipantHeld {
                participant,
                reason,
            } => {
                if let Some(p) = self.participant_mut(participant) {
                    p.admitted = false;
                    p.held = Some(*reason);
                }
            }
            Event::InvitationsOnly { on } => self.invitations_only = *on,
            Event::ParticipantIdentified {
                participant,
                person,
            } => {
                let found = self.roster.iter().find(|r| r.id == *person).cloned();
                if let (Some(p), Some(found)) = (self.participant_mut(participant), found) {
                    p.person = Some(found.id);
                    p.name = found.name;
                    p.group = found.group;
                    p.job_title = found.job_title;
                    p.held = None;
                }
            }
            Event::ParticipantRestored { participant } => {
                if let Some(p) = self.participant_mut(participant) {
                    p.removed = false;
                    p.admitted = true;
                    p.held = None;
                }
            }
            Event::ParticipantRemoved { participant } => {
                if let Some(p) = self.participant_mut(participant) {
                    p.removed = true;
                }
            }
            Event::MovedTo { activity } => {
                self.current = self.activity(activity).map(|(i, _)| i);
            }
            Event::ActivityOpened { activity } => {
                self.set_status(activity, ActivityStatus::Open);
                // `decide` never reopens a sealed activity; a transcript
                // written before that rule may, and then counts as it did.
                if let Some(a) = self.activity_mut(activity) {
                    a.sealed = false;
                    a.counted_at_close = None;
                    a.page = 1;
                }
            }
            Event::ActivityClosed { activity } => {
                self.set_status(activity, ActivityStatus::Closed);
                self.seal(activity);
            }
            Event::ResultsRevealed { activity } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.revealed = true;
                    a.page = 1;
                }
            }
            Event::ResultsHidden { activity } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.revealed = false;
                    a.page = 1;
                }
            }
            Event::SlidePaged { activity, page } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.page = *page;
                }
            }
            Event::BallotCast {
                activity,
                voter,
                group,
                ballot,
            } => {
                let group = self.team_of(*group, voter);
                if let Some(a) = self.activity_mut(activity) {
                    let cast = CastBallot {
                        group,
                        ballot: ballot.clone(),
                    };
                    a.cast(*voter, cast);
                }
            }
            Event::OptionsSet { activity, options } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.set_options(options.clone());
                }
            }
            Event::Kind(event) => {
                let team = event
                    .author()
                    .map(|(author, group)| self.team_of(group, &author));
                let min_group_size = self.workshop().min_group_size;
                let counted: BTreeSet<ParticipantId> = match self.activity(event.activity()) {
                    Some((_, a)) => a
                        .ballots
                        .iter()
                        .filter(|(voter, _)| a.counts(self, voter))
                        .map(|(voter, _)| *voter)
                        .collect(),
                    None => return,
                };
                if let Some(a) = self.activity_mut(event.activity()) {
                    a.apply_own(event, team, &counted, min_group_size);
                }
            }
            Event::NoteAdded {
                note,
                kind,
                text,
                owner,
                due,
                activity,
            } => Arc::make_mut(&mut self.notes).push(Note {
                id: note.clone(),
                kind: *kind,
                text: text.clone(),
                owner: owner.clone(),
                due: due.clone(),
                activity: activity.clone(),
                at: at.to_string(),
            }),
            Event::TimerStarted {
                activity,
                seconds_left,
                at,
            } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.timer.seconds_left = *seconds_left;
                    a.timer.running_since = Some(*at);
                }
            }
            Event::TimerPaused {
                activity,
                seconds_left,
            }
            | Event::TimerReset {
                activity,
                seconds_left,
            } => {
                if let Some(a) = self.activity_mut(activity) {
                    a.timer.seconds_left = *seconds_left;
                    a.timer.running_since = None;
                }
            }
            Event::ScriptEdited { workshop } => self.replace_script(workshop),
            Event::SessionRenamed { title } => {
                let mut info = (*self.info).clone();
                info.title = title.clone();
                self.info = std::sync::Arc::new(info);
            }
            Event::LanguageSet { language } => {
                let mut info = (*self.info).clone();
                info.language = *language;
                self.info = std::sync::Arc::new(info);
            }
            Event::SessionArchived { archived } => self.archived = *archived,
            Event::SessionEnded => {
                self.status = SessionStatus::Ended;
                self.ended_at = Some(at);
                let mut closed = Vec::new();
                for a in &mut self.activities {
                    let a = Arc::make_mut(a);
                    if a.status == ActivityStatus::Open {
                        a.status = ActivityStatus::Closed;
                        closed.push(a.spec.id.clone());
                    }
                    a.timer.running_since = None;
                }
                for activity in closed {
                    self.seal(&activity);
                }
            }
        }
    }

    /// As an anonymous activity closes: fixes who it counts, and seals it if
    /// anything of it can now be seen (any idea, or ballots enough to be
    /// counted; fewer show nothing).
    fn seal(&mut self, activity: &str) {
        let Some((_, a)) = self.activity(activity) else {
            return;
        };
        if !a.spec.anonymous || a.is_sealed() {
            return;
        }
        let min = self.workshop().min_group_size as usize;
        let (counted, shown): (BTreeSet<ParticipantId>, bool) =
            match kind_of(a.spec.kind).answered_with() {
                Answers::Nothing => return,
                // Ideas stay listed once offered (the facilitator may hide
                // one), so no admission or removal changes the list.
                Answers::Ideas => {
                    let entries = a.own.entries();
                    let authors: BTreeSet<_> = entries.iter().map(|e| e.author).collect();
                    let showing: BTreeSet<_> = entries
                        .iter()
                        .filter(|e| e.visible)
                        .map(|e| e.author)
                        .collect();
                    (authors, showing.len() >= min)
                }
                Answers::Ballots => {
                    let voters: BTreeSet<_> = a
                        .ballots
                        .iter()
                        .filter(|(voter, _)| self.counts_voter(voter))
                        .map(|(voter, _)| *voter)
                        .collect();
                    let shown = voters.len() >= min;
                    (voters, shown)
                }
            };
        if let Some(a) = self.activity_mut(activity) {
            a.counted_at_close = Some(Arc::new(counted));
            a.sealed = shown;
        }
    }
}
