//! The live publisher: the session task's watch channels, one per audience.
//! After a durable batch (at most once per render interval) it renders each
//! watched audience once and publishes what changed; every socket follows the
//! newest value, so a slow phone skips stale frames instead of queueing them.

use crate::language::Language;
use crate::render::{
    facilitator_view, frame, participant_frame, screen_view, ConsoleAlerts, FormCache, Frame,
    ParticipantFrame, Pass,
};
use crate::session::SessionState;
use std::sync::Arc;
use tokio::sync::watch;

/// The one audience a socket follows, with the receiver of its latest view.
#[derive(Debug, Clone)]
pub enum Views {
    /// A phone.
    Participant(watch::Receiver<Arc<ParticipantFrame>>),
    /// The projector.
    Screen(watch::Receiver<Arc<Frame>>),
    /// The console.
    Facilitator(watch::Receiver<Arc<Frame>>),
}

/// Which audience a socket follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Phones whose readers read this language.
    Participant(Language),
    /// The projector.
    Screen,
    /// Consoles whose facilitators read this language.
    Facilitator(Language),
}

impl Audience {
    const ALL: [Audience; 5] = [
        Audience::Participant(Language::English),
        Audience::Participant(Language::Welsh),
        Audience::Screen,
        Audience::Facilitator(Language::English),
        Audience::Facilitator(Language::Welsh),
    ];

    fn index(self) -> usize {
        match self {
            Audience::Participant(language) => language.index(),
            Audience::Screen => 2,
            Audience::Facilitator(language) => 3 + language.index(),
        }
    }
}

/// The publishing side, owned by the session task. An audience nobody is
/// watching is not rendered; its view is marked stale and brought up to date
/// when someone subscribes. So the views in Welsh (phones' and consoles')
/// cost nothing in a room where nobody reads Welsh.
pub struct ViewSenders {
    /// Phones, one channel per language.
    participant: [watch::Sender<Arc<ParticipantFrame>>; 2],
    screen: watch::Sender<Arc<Frame>>,
    /// Consoles, one channel per language.
    facilitator: [watch::Sender<Arc<Frame>>; 2],
    stale: [bool; 5],
    /// The phones' last ballot forms, which a ballot does not change.
    forms: FormCache,
    /// What the console must warn about.
    pub alerts: ConsoleAlerts,
}

/// Channels for the views of a session, each rendered when its first
/// socket subscribes: a session nobody watches from the console holds no
/// console view (several KB in each of hundreds of rooms).
pub fn channels(alerts: ConsoleAlerts) -> ViewSenders {
    ViewSenders {
        participant: [
            watch::channel(unrendered_for_phones()).0,
            watch::channel(unrendered_for_phones()).0,
        ],
        screen: watch::channel(unrendered()).0,
        facilitator: [
            watch::channel(unrendered()).0,
            watch::channel(unrendered()).0,
        ],
        stale: [true; 5],
        forms: FormCache::default(),
        alerts,
    }
}

/// What a channel holds while nobody watches it: never sent, as a socket
/// subscribes only after its view is rendered ([`ViewSenders::subscribe`]).
fn unrendered() -> Arc<Frame> {
    Arc::new(Frame {
        seq: 0,
        html: Arc::from(""),
        wire: bytes::Bytes::new(),
        replaced: 0,
    })
}

fn unrendered_for_phones() -> Arc<ParticipantFrame> {
    let nothing = (*unrendered()).clone();
    Arc::new(ParticipantFrame {
        voter: nothing.clone(),
        observer: nothing,
        waiting: None,
        standing: Arc::default(),
    })
}

impl ViewSenders {
    /// Renders each watched audience once and publishes what changed. A view
    /// whose HTML is unchanged is not republished, so its sockets send nothing.
    /// `phones_changed` is false when nothing since the last publish can alter
    /// the participant views ([`crate::render::changes_participant_view`]), which then are
    /// not even rendered.
    pub fn publish(&mut self, state: &SessionState, phones_changed: bool) {
        // One pass per language, so the results the views share are worked
        // out once for all the audiences reading it. The forms are lent to
        // the passes and given back after.
        let forms = std::mem::take(&mut self.forms);
        {
            let english = Pass::new(state).with_forms(&forms);
            let welsh = std::cell::OnceCell::new();
            let room = std::cell::OnceCell::new();
            for audience in Audience::ALL {
                if self.watchers(audience) == 0 {
                    self.forget(audience);
                } else if !matches!(audience, Audience::Participant(_)) || phones_changed {
                    let pass = match audience {
                        Audience::Participant(Language::Welsh)
                        | Audience::Facilitator(Language::Welsh) => welsh.get_or_init(|| {
                            Pass::in_language(state, Language::Welsh).with_forms(&forms)
                        }),
                        // The projector in the session's language; in English
                        // it shares the phones' pass and its results.
                        Audience::Screen if !state.info.language.is_english() => {
                            room.get_or_init(|| Pass::for_room(state))
                        }
                        _ => &english,
                    };
                    self.render(audience, pass);
                }
            }
        }
        self.forms = forms;
    }

    /// A receiver for a new socket, its view brought up to date first.
    pub fn subscribe(&mut self, audience: Audience, state: &SessionState) -> Views {
        if self.stale[audience.index()] {
            let pass = match audience {
                Audience::Participant(language) => Pass::in_language(state, language),
                Audience::Screen => Pass::for_room(state),
                Audience::Facilitator(language) => Pass::in_language(state, language),
            };
            self.render(audience, &pass);
        }
        match audience {
            Audience::Participant(language) => {
                Views::Participant(self.participant[language.index()].subscribe())
            }
            Audience::Screen => Views::Screen(self.screen.subscribe()),
            Audience::Facilitator(language) => {
                Views::Facilitator(self.facilitator[language.index()].subscribe())
            }
        }
    }

    /// Lets go of the view of an audience nobody watches any more (the
    /// last console closed, the Welsh phone left): rendered again when
    /// someone subscribes.
    fn forget(&mut self, audience: Audience) {
        if std::mem::replace(&mut self.stale[audience.index()], true) {
            return;
        }
        match audience {
            Audience::Participant(language) => {
                self.participant[language.index()].send_replace(unrendered_for_phones());
            }
            Audience::Screen => {
                self.screen.send_replace(unrendered());
            }
            Audience::Facilitator(language) => {
                self.facilitator[language.index()].send_replace(unrendered());
            }
        }
    }

    fn watchers(&self, audience: Audience) -> usize {
        match audience {
            Audience::Participant(language) => self.participant[language.index()].receiver_count(),
            Audience::Screen => self.screen.receiver_count(),
            Audience::Facilitator(language) => self.facilitator[language.index()].receiver_count(),
        }
    }

    fn render(&mut self, audience: Audience, pass: &Pass) {
        self.stale[audience.index()] = false;
        let state = pass.state;
        match audience {
            Audience::Participant(language) => {
                let next = participant_frame(pass);
                self.participant[language.index()].send_if_modified(|current| {
                    // A view whose words are the same keeps its new seq (a
                    // phone just admitted waits for one at least as new as
                    // its admission); sockets showing it compare the words.
                    let voter = current.voter.html != next.voter.html;
                    let observer = current.observer.html != next.observer.html;
                    if !voter && !observer && current.standing == next.standing {
                        return false;
                    }
                    let mut next = next;
                    if voter {
                        next.voter = next.voter.replacing(&current.voter);
                    }
                    if observer {
                        next.observer = next.observer.replacing(&current.observer);
                    }
                    *current = Arc::new(next);
                    true
                });
            }
            Audience::Screen => publish_html(
                &self.screen,
                "screen",
                state.seq,
                screen_view(pass).into_string(),
            ),
            Audience::Facilitator(language) => publish_html(
                &self.facilitator[language.index()],
                "facilitator",
                state.seq,
                facilitator_view(pass, &self.alerts).into_string(),
            ),
        }
    }
}

fn publish_html(tx: &watch::Sender<Arc<Frame>>, audience: &str, seq: u64, html: String) {
    tx.send_if_modified(|current| {
        // Compare the HTML, not the seq: a vote that changes nothing visible
        // to this audience costs its sockets nothing.
        if *current.html == *html {
            return false;
        }
        *current = Arc::new(frame(audience, seq, &html).replacing(current));
        true
    });
}
