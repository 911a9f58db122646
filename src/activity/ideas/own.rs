//! What the `ideas` kind adds to an activity: ideas offered from phones,
//! and the facilitator's rewording, hiding and merging of them.

use super::{Idea, Ideas, DEFAULT_MAX_CHARS, DEFAULT_MAX_IDEAS};
use crate::activity::own::Telling;
use crate::activity::own::{
    Addressed, Applying, Asked, Entry, OwnEvent, OwnRefusal, Owns, SentBy, Then,
};
use crate::activity::{clean_text, ActivitySpec, Group, ParticipantId, Results, Split};
use crate::t;
use serde::{Deserialize, Serialize};

/// What people ask of an ideas activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum IdeaCommand {
    /// Offer an idea (participant).
    Idea {
        /// Activity id.
        activity: String,
        /// The idea.
        text: String,
    },
    /// Reword an idea (facilitator).
    EditIdea {
        /// Activity id.
        activity: String,
        /// Idea id.
        idea: String,
        /// New text.
        text: String,
    },
    /// Hide an idea from lists and carry-over (facilitator).
    HideIdea {
        /// Activity id.
        activity: String,
        /// Idea id.
        idea: String,
    },
    /// Show a hidden idea again (facilitator).
    ShowIdea {
        /// Activity id.
        activity: String,
        /// Idea id.
        idea: String,
    },
    /// Merge an idea into another, e.g. two saying the same thing (facilitator).
    MergeIdea {
        /// Activity id.
        activity: String,
        /// The idea merged away.
        idea: String,
        /// The idea it joins.
        into: String,
    },
}

/// What happened to an ideas activity, as the transcript records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IdeaEvent {
    /// A participant offered an idea.
    IdeaAdded {
        /// Activity id.
        activity: String,
        /// The idea's id.
        idea: String,
        /// The author (a pseudonym in an anonymous activity).
        author: ParticipantId,
        /// The author's team; left out in an anonymous activity, as for ballots.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<Group>,
        /// The text.
        text: String,
    },
    /// The facilitator reworded an idea.
    IdeaEdited {
        /// Activity id.
        activity: String,
        /// The idea.
        idea: String,
        /// The new text.
        text: String,
    },
    /// The facilitator hid or showed an idea.
    IdeaHidden {
        /// Activity id.
        activity: String,
        /// The idea.
        idea: String,
        /// Hidden (true) or shown again (false).
        hidden: bool,
    },
    /// The facilitator merged one idea into another.
    IdeasMerged {
        /// Activity id.
        activity: String,
        /// The idea merged away.
        idea: String,
        /// The idea it joins.
        into: String,
    },
}

impl Addressed for IdeaCommand {
    fn activity(&self) -> &str {
        match self {
            IdeaCommand::Idea { activity, .. }
            | IdeaCommand::EditIdea { activity, .. }
            | IdeaCommand::HideIdea { activity, .. }
            | IdeaCommand::ShowIdea { activity, .. }
            | IdeaCommand::MergeIdea { activity, .. } => activity,
        }
    }
}

impl Addressed for IdeaEvent {
    fn activity(&self) -> &str {
        match self {
            IdeaEvent::IdeaAdded { activity, .. }
            | IdeaEvent::IdeaEdited { activity, .. }
            | IdeaEvent::IdeaHidden { activity, .. }
            | IdeaEvent::IdeasMerged { activity, .. } => activity,
        }
    }
}

impl OwnEvent for IdeaEvent {
    fn author(&self) -> Option<(ParticipantId, Option<Group>)> {
        match self {
            IdeaEvent::IdeaAdded { author, group, .. } => Some((*author, *group)),
            _ => None,
        }
    }
}

/// An ideas activity's ideas, in the order they came, hidden ones too.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdeasState {
    /// The ideas.
    pub ideas: Vec<Idea>,
}

impl IdeasState {
    fn find(&self, idea: &str) -> Result<&Idea, OwnRefusal> {
        self.ideas
            .iter()
            .find(|i| i.id == idea)
            .ok_or_else(|| OwnRefusal::UnknownEntry(idea.to_string()))
    }

    /// The idea, if it still stands on its own: one merged into another is
    /// that other's now, and changing it would change nothing anyone sees
    /// (or, hidden, lose the "merged into" the console shows).
    fn find_standing(&self, idea: &str) -> Result<&Idea, OwnRefusal> {
        let found = self.find(idea)?;
        if found.merged_into.is_some() {
            return Err(OwnRefusal::Mistaken(
                "that idea has been merged into another: change the one it joined",
            ));
        }
        Ok(found)
    }

    fn find_mut(&mut self, idea: &str) -> Option<&mut Idea> {
        self.ideas.iter_mut().find(|i| i.id == idea)
    }
}

/// The ideas of an activity's kind state (none for another kind).
pub fn ideas_in(own: &crate::activity::own::KindState) -> &[Idea] {
    match own {
        crate::activity::own::KindState::Ideas(state) => &state.ideas,
        _ => &[],
    }
}

impl Owns for Ideas {
    type Command = IdeaCommand;
    type Event = IdeaEvent;
    type State = IdeasState;

    const COMMANDS: &'static [&'static str] =
        &["idea", "edit_idea", "hide_idea", "show_idea", "merge_idea"];

    const EVENTS: &'static [&'static str] =
        &["idea_added", "idea_edited", "idea_hidden", "ideas_merged"];

    fn sent_by(&self, command: &IdeaCommand) -> SentBy {
        match command {
            IdeaCommand::Idea { .. } => SentBy::Participants("offer ideas"),
            _ => SentBy::Facilitator,
        }
    }

    fn start(&self, _spec: &ActivitySpec) -> IdeasState {
        IdeasState::default()
    }

    fn decide(
        &self,
        asked: Asked<'_, IdeasState>,
        command: IdeaCommand,
    ) -> Result<Vec<IdeaEvent>, OwnRefusal> {
        let max_chars = asked.spec.max_chars.unwrap_or(DEFAULT_MAX_CHARS) as usize;
        // Who may send which was checked by the session (`sent_by`).
        let event = match command {
            IdeaCommand::Idea { activity, text } => {
                let Some(author) = asked.author else {
                    return Err(OwnRefusal::ParticipantOnly("offer ideas"));
                };
                offer(&asked, author, activity, &text, max_chars)?
            }
            IdeaCommand::EditIdea {
                activity,
                idea,
                text,
            } => {
                asked.state.find_standing(&idea)?;
                let text = clean_text(&text, max_chars, "idea")?;
                IdeaEvent::IdeaEdited {
                    activity,
                    idea,
                    text,
                }
            }
            IdeaCommand::HideIdea { activity, idea } => {
                asked.state.find_standing(&idea)?;
                IdeaEvent::IdeaHidden {
                    activity,
                    idea,
                    hidden: true,
                }
            }
            IdeaCommand::ShowIdea { activity, idea } => {
                asked.state.find_standing(&idea)?;
                IdeaEvent::IdeaHidden {
                    activity,
                    idea,
                    hidden: false,
                }
            }
            IdeaCommand::MergeIdea {
                activity,
                idea,
                into,
            } => {
                asked.state.find_standing(&idea)?;
                let target = asked.state.find(&into)?;
                if idea == into || !target.visible() {
                    return Err(OwnRefusal::Mistaken(
                        "merge an idea into another visible idea",
                    ));
                }
                IdeaEvent::IdeasMerged {
                    activity,
                    idea,
                    into,
                }
            }
        };
        Ok(vec![event])
    }

    fn apply(&self, applying: Applying<'_>, state: &mut IdeasState, event: &IdeaEvent) -> Then {
        match event {
            IdeaEvent::IdeaAdded {
                idea, author, text, ..
            } => state.ideas.push(Idea {
                id: idea.clone(),
                text: text.clone(),
                group: applying.team.unwrap_or(Group::Observer),
                author: *author,
                hidden: false,
                merged_into: None,
                merged: Vec::new(),
                edited: false,
            }),
            IdeaEvent::IdeaEdited { idea, text, .. } => {
                if let Some(i) = state.find_mut(idea) {
                    i.text = text.clone();
                    i.edited = true;
                }
            }
            IdeaEvent::IdeaHidden { idea, hidden, .. } => {
                if let Some(i) = state.find_mut(idea) {
                    i.hidden = *hidden;
                }
            }
            IdeaEvent::IdeasMerged { idea, into, .. } => {
                if let Some(i) = state.find_mut(idea) {
                    i.merged_into = Some(into.clone());
                }
                if let Some(target) = state.find_mut(into) {
                    target.merged.push(idea.clone());
                }
            }
        }
        Then::Done
    }

    /// Each step names the idea by its words then, except in an anonymous
    /// activity, whose ideas may be withheld from its results.
    fn told(&self, event: &IdeaEvent, telling: &Telling<'_>, before: &IdeasState) -> String {
        let lang = telling.language;
        let words = |id: &str| before.find(id).map(|i| i.text.clone()).unwrap_or_default();
        let quiet = telling.anonymous;
        match event {
            IdeaEvent::IdeaAdded { author, text, .. } => t!(
                lang,
                "tl-idea",
                who = (telling.who)(author),
                activity = telling.activity,
                text = text.as_str()
            ),
            IdeaEvent::IdeaEdited { .. } if quiet => t!(lang, "tl-idea-edited-anonymous"),
            IdeaEvent::IdeaEdited { idea, text, .. } => t!(
                lang,
                "tl-idea-edited",
                before = words(idea),
                text = text.as_str()
            ),
            IdeaEvent::IdeaHidden { hidden: true, .. } if quiet => {
                t!(lang, "tl-idea-hid-anonymous")
            }
            IdeaEvent::IdeaHidden { hidden: false, .. } if quiet => {
                t!(lang, "tl-idea-shown-anonymous")
            }
            IdeaEvent::IdeaHidden {
                idea, hidden: true, ..
            } => {
                t!(lang, "tl-idea-hid", text = words(idea))
            }
            IdeaEvent::IdeaHidden { idea, .. } => t!(lang, "tl-idea-shown", text = words(idea)),
            IdeaEvent::IdeasMerged { .. } if quiet => t!(lang, "tl-ideas-merged-anonymous"),
            IdeaEvent::IdeasMerged { idea, into, .. } => t!(
                lang,
                "tl-ideas-merged",
                idea = words(idea),
                into = words(into)
            ),
        }
    }

    /// Their ideas still listed, as the facilitator left the wording: those
    /// count against `max_ideas`, so the phone offers the box again only
    /// when the server would take another.
    fn words_of(&self, state: &IdeasState, author: ParticipantId) -> Vec<String> {
        state
            .ideas
            .iter()
            .filter(|i| i.author == author && i.visible())
            .map(|i| i.text.clone())
            .collect()
    }

    fn entries(&self, state: &IdeasState) -> Vec<Entry> {
        state
            .ideas
            .iter()
            .map(|i| Entry {
                author: i.author,
                group: i.group,
                visible: i.visible(),
            })
            .collect()
    }

    fn results(&self, _spec: &ActivitySpec, state: &IdeasState, split: Split) -> Option<Results> {
        Some(Results::of_ideas(state.ideas.iter(), split))
    }
}

/// A participant offers an idea: within the activity's length and the
/// number each person may have listed at once.
fn offer(
    asked: &Asked<'_, IdeasState>,
    author: &dyn crate::activity::own::Author,
    activity: String,
    text: &str,
    max_chars: usize,
) -> Result<IdeaEvent, OwnRefusal> {
    if !asked.open {
        return Err(OwnRefusal::NotOpen);
    }
    let text = clean_text(text, max_chars, "idea")?;
    let key = author.key()?;
    let max_ideas = asked.spec.max_ideas.unwrap_or(DEFAULT_MAX_IDEAS);
    let theirs = || asked.state.ideas.iter().filter(|i| i.author == key);
    if theirs().filter(|i| i.visible()).count() >= max_ideas as usize {
        return Err(OwnRefusal::TooMany(max_ideas));
    }
    let idea = author.fresh_id("i", theirs().count())?;
    Ok(IdeaEvent::IdeaAdded {
        activity,
        idea,
        author: key,
        group: (!asked.spec.anonymous).then_some(author.group()),
        text,
    })
}
