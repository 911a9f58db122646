//! Joining: who a joiner is, whether they go straight in or wait for the
//! facilitator, and the session's cap on places. Pure, like all of `decide`.

use super::{Claim, Context, Event, HoldReason, JoinRequest, Rejection, SessionState};
use crate::series::{name_key, Person};
use crate::workshop::Group;

/// A joiner once matched to the roster: who they are and why they wait, if they do.
struct Resolved {
    name: String,
    group: Group,
    job_title: Option<String>,
    person: Option<uuid::Uuid>,
    held: Option<HoldReason>,
}

/// Decides a join. The cap counts everyone not removed, so removing someone
/// frees a place; it is checked here, inside the session task, so joins
/// arriving together can never overshoot it.
pub(super) fn decide_join(
    state: &SessionState,
    ctx: &Context,
    join: JoinRequest,
) -> Result<Vec<Event>, Rejection> {
    if state.places_taken() >= ctx.max_participants {
        return Err(Rejection::SessionFull);
    }
    let invited = matches!(join.who, Claim::Invited(_));
    let mut who = resolve(state, join.who)?;
    let workshop = state.workshop();
    if !workshop.groups.contains(&who.group) {
        return Err(Rejection::group_not_invited(who.group, &workshop.groups));
    }
    if state.invitations_only && !invited {
        who.held = Some(HoldReason::InvitationRequired);
    }
    let mut events = Vec::new();
    if let (false, Some(person)) = (invited, who.person) {
        // A first claimant still waiting to be let in is no surer than the
        // second: both wait for the facilitator, and "Admit all" takes neither.
        events.extend(
            state
                .participants
                .iter()
                .filter(|p| p.present() && p.person == Some(person))
                .filter(|p| !p.admitted && p.held.is_none())
                .map(|p| Event::ParticipantHeld {
                    participant: p.id,
                    reason: HoldReason::ClaimedTwice,
                }),
        );
    }
    if let (true, Some(person)) = (invited, who.person) {
        // The card beats a typed name: whoever claimed this person before
        // waits for the facilitator, their answers set aside meanwhile. An
        // earlier entry that came with the card too is the same person on
        // another phone, and is said so, not called a claim.
        events.extend(
            state
                .participants
                .iter()
                .filter(|p| p.present() && p.person == Some(person))
                .filter_map(|p| {
                    let reason = if p.invited {
                        HoldReason::CardUsedAgain
                    } else {
                        HoldReason::InvitedPersonArrived
                    };
                    (p.admitted || p.held != Some(reason)).then_some(Event::ParticipantHeld {
                        participant: p.id,
                        reason,
                    })
                }),
        );
    }
    events.push(Event::ParticipantJoined {
        participant: join.participant,
        name: who.name,
        group: who.group,
        job_title: who.job_title,
        token_hash: join.token_hash,
        // An invitation is the facilitator's own word: no lobby for it.
        admitted: invited || (!workshop.lobby && who.held.is_none()),
        person: who.person,
        held: who.held,
        invited,
    });
    Ok(events)
}

/// The facilitator lets someone in: from the lobby, back in after a
/// removal (undoing it), and, with `person`, as that roster person (someone
/// held as not on the roster who is in fact on it, under another spelling).
pub(super) fn decide_admit(
    state: &SessionState,
    participant: uuid::Uuid,
    person: Option<uuid::Uuid>,
) -> Result<Vec<Event>, Rejection> {
    let p = state
        .participant(&participant)
        .ok_or_else(|| Rejection::UnknownParticipant(participant.to_string()))?;
    let mut events = Vec::new();
    if let Some(person) = person.filter(|id| p.person != Some(*id)) {
        let on_roster = state
            .roster
            .iter()
            .find(|r| r.id == person)
            .ok_or(Rejection::UnknownPerson)?;
        if !state.workshop().groups.contains(&on_roster.group) {
            return Err(Rejection::group_not_invited(
                on_roster.group,
                &state.workshop().groups,
            ));
        }
        if let Some(other) = state.claimant(&person).filter(|o| o.id != participant) {
            return Err(Rejection::AlreadyHere(
                on_roster.name.clone(),
                other.name.clone(),
            ));
        }
        events.push(Event::ParticipantIdentified {
            participant,
            person,
        });
    }
    if p.removed {
        events.push(Event::ParticipantRestored { participant });
    } else if !p.admitted {
        events.push(Event::ParticipantAdmitted { participant });
    }
    Ok(events)
}

/// Matches a claim to the roster. A second claim of a claimed person, a name
/// on no roster, or (without a roster) a name already in the room is held:
/// each is how one phone could vote as somebody else.
fn resolve(state: &SessionState, claim: Claim) -> Result<Resolved, Rejection> {
    let from_roster = |p: &Person| Resolved {
        name: p.name.clone(),
        group: p.group,
        job_title: p.job_title.clone(),
        person: Some(p.id),
        held: state.claimant(&p.id).map(|_| HoldReason::AlreadyClaimed),
    };
    match claim {
        Claim::Invited(id) => state
            .roster
            .iter()
            .find(|p| p.id == id)
            .map(|p| Resolved {
                held: None,
                ..from_roster(p)
            })
            .ok_or(Rejection::UnknownPerson),
        Claim::Person(id) => state
            .roster
            .iter()
            .find(|p| p.id == id)
            .map(from_roster)
            .ok_or(Rejection::UnknownPerson),
        Claim::Named {
            name,
            group,
            job_title,
        } => {
            let key = name_key(&name);
            let matches = || state.roster.iter().filter(|p| name_key(&p.name) == key);
            // An unclaimed match first: two people may share a name only if
            // the roster tells them apart, and then each claims their own.
            let found = matches()
                .find(|p| state.claimant(&p.id).is_none())
                .or_else(|| matches().next());
            if let Some(person) = found {
                return Ok(from_roster(person));
            }
            let held = if !state.roster.is_empty() {
                Some(HoldReason::NotOnRoster)
            } else if state
                .participants
                .iter()
                .any(|p| p.present() && name_key(&p.name) == key)
            {
                Some(HoldReason::NameTaken)
            } else {
                None
            };
            Ok(Resolved {
                name,
                group,
                job_title,
                person: None,
                held,
            })
        }
    }
}
