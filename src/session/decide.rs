//! `decide`: the rules. Turns a command into events, or refuses it, without I/O.

use super::{
    ActivityStatus, Actor, Command, Event, JoinRequest, Rejection, SessionState, SessionStatus,
};
use crate::activity::{self, Ballot};

/// Decides what a command means for this state. Refusing changes nothing; the
/// events returned are valid to apply in order.
pub fn decide(
    state: &SessionState,
    actor: Actor,
    command: Command,
) -> Result<Vec<Event>, Rejection> {
    if state.status == SessionStatus::Ended {
        return Err(Rejection::SessionEnded);
    }
    match (actor, command) {
        (Actor::Participant(_), Command::Join(join))
        | (Actor::Facilitator, Command::Join(join)) => decide_join(state, join),
        (Actor::Participant(voter), Command::Vote { activity, ballot }) => {
            decide_vote(state, voter, &activity, ballot)
        }
        (Actor::Facilitator, Command::Vote { .. }) => Err(Rejection::ParticipantOnly("vote")),
        (Actor::Participant(_), _) => Err(Rejection::FacilitatorOnly("run the agenda")),
        (Actor::Facilitator, command) => decide_facilitation(state, command),
    }
}

fn decide_join(state: &SessionState, join: JoinRequest) -> Result<Vec<Event>, Rejection> {
    let workshop = state.workshop();
    if !workshop.groups.contains(&join.group) {
        return Err(Rejection::group_not_invited(join.group, &workshop.groups));
    }
    Ok(vec![Event::ParticipantJoined {
        participant: join.participant,
        name: join.name,
        group: join.group,
        job_title: join.job_title,
        token_hash: join.token_hash,
        admitted: !workshop.lobby,
    }])
}

fn decide_vote(
    state: &SessionState,
    voter: super::ParticipantId,
    activity: &str,
    ballot: Ballot,
) -> Result<Vec<Event>, Rejection> {
    let participant = state
        .participant(&voter)
        .ok_or_else(|| Rejection::UnknownParticipant(voter.to_string()))?;
    if participant.removed {
        return Err(Rejection::Removed);
    }
    if !participant.admitted {
        return Err(Rejection::NotAdmitted);
    }
    if !participant.group.votes() {
        return Err(Rejection::WrongGroup(
            "observers can watch but not vote".into(),
        ));
    }
    let (_, target) = state
        .activity(activity)
        .ok_or_else(|| Rejection::UnknownActivity(activity.to_string()))?;
    if target.status != ActivityStatus::Open {
        return Err(Rejection::ActivityClosed(activity.to_string()));
    }
    if ballot.kind() != target.spec.kind {
        return Err(Rejection::WrongBallotKind {
            expected: target.spec.kind.as_str(),
        });
    }
    let ballot = activity::validate(&target.spec, ballot)?;
    Ok(vec![Event::BallotCast {
        activity: activity.to_string(),
        voter,
        group: participant.group,
        ballot,
    }])
}

fn decide_facilitation(state: &SessionState, command: Command) -> Result<Vec<Event>, Rejection> {
    let known = |id: &str| {
        state
            .activity(id)
            .map(|(i, a)| (i, a.status))
            .ok_or_else(|| Rejection::UnknownActivity(id.to_string()))
    };
    let known_participant = |id: &super::ParticipantId| {
        state
            .participant(id)
            .ok_or_else(|| Rejection::UnknownParticipant(id.to_string()))
    };
    let mut events = Vec::new();
    match command {
        Command::Goto { activity } => {
            known(&activity)?;
            events.push(Event::MovedTo { activity });
        }
        Command::Open { activity } => {
            let (index, status) = known(&activity)?;
            // One activity takes ballots at a time, so phones never face two.
            for other in state
                .activities
                .iter()
                .filter(|a| a.status == ActivityStatus::Open)
            {
                if other.spec.id != activity {
                    events.push(Event::ActivityClosed {
                        activity: other.spec.id.clone(),
                    });
                }
            }
            if state.current != Some(index) {
                events.push(Event::MovedTo {
                    activity: activity.clone(),
                });
            }
            if status != ActivityStatus::Open {
                events.push(Event::ActivityOpened { activity });
            }
        }
        Command::Close { activity } => {
            if known(&activity)?.1 == ActivityStatus::Open {
                events.push(Event::ActivityClosed { activity });
            }
        }
        Command::Reveal { activity } => {
            let (_, a) = state
                .activity(&activity)
                .ok_or_else(|| Rejection::UnknownActivity(activity.clone()))?;
            if !a.revealed {
                events.push(Event::ResultsRevealed { activity });
            }
        }
        Command::Admit { participant } => {
            let p = known_participant(&participant)?;
            if p.removed {
                return Err(Rejection::Removed);
            }
            if !p.admitted {
                events.push(Event::ParticipantAdmitted { participant });
            }
        }
        Command::Remove { participant } => {
            if !known_participant(&participant)?.removed {
                events.push(Event::ParticipantRemoved { participant });
            }
        }
        Command::End => events.push(Event::SessionEnded),
        // `decide` routes votes and joins before they can reach here.
        Command::Vote { .. } | Command::Join(_) => {}
    }
    Ok(events)
}
