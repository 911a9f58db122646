//! Every refusal's stable code, in one enum: programs match on these (the
//! table in `docs/api.md` lists them with their HTTP status, and a test holds
//! the two together). The web layer gives each its status, exhaustively.

/// A refusal's stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Not JSON.
    MalformedJson,
    /// JSON of the wrong shape.
    InvalidRequest,
    /// A message without a `type`.
    MissingType,
    /// A `type` that does not exist.
    UnknownType,
    /// Facilitator key or participant token missing or wrong.
    Unauthorized,
    /// Not the asker's to do.
    Forbidden,
    /// The group may not join, or observers voting.
    WrongGroup,
    /// A token of another session, or not a token.
    WrongSession,
    /// Removed by the facilitator.
    Removed,
    /// From another site.
    BadOrigin,
    /// No such session.
    UnknownSession,
    /// No session has that code.
    UnknownCode,
    /// No such workshop script.
    UnknownWorkshop,
    /// No such activity.
    UnknownActivity,
    /// No such participant.
    UnknownParticipant,
    /// No such series.
    UnknownSeries,
    /// Nobody with that id on the roster.
    UnknownPerson,
    /// Nothing at that address.
    NotFound,
    /// That address does not take that method (a `GET` where a `POST` goes).
    MethodNotAllowed,
    /// Voting on that activity is not open.
    ActivityClosed,
    /// Still in the lobby.
    NotAdmitted,
    /// The session is over.
    SessionEnded,
    /// Too many participants.
    SessionFull,
    /// Message or body over the limit.
    TooLarge,
    /// Too many messages, wrong codes or joins.
    RateLimited,
    /// A roster with two names that compare equal.
    DuplicateName,
    /// A roster over its size.
    RosterTooLarge,
    /// The pseudonym secret is missing.
    AnonymityUnavailable,
    /// The ballot names an option the activity does not have.
    UnknownOption,
    /// Dots below zero.
    NegativeDots,
    /// Over the dot budget or the per-option cap.
    TooManyDots,
    /// A ballot that says nothing.
    EmptyBallot,
    /// A ballot for another kind of activity.
    WrongBallotKind,
    /// A ballot that breaks the kind's rules.
    InvalidBallot,
    /// An objection without a reason.
    ReasonRequired,
    /// A score outside 1 to 5.
    ScoreOutOfRange,
    /// Empty, too long or unprintable text.
    InvalidText,
    /// An answer to a statement's old wording.
    StatementAmended,
    /// As many ideas as the activity allows.
    TooManyIdeas,
    /// Nothing to vote on yet.
    NoOptions,
    /// No such idea.
    UnknownIdea,
    /// A command for another kind of activity.
    WrongKind,
    /// A field the activity does not have.
    UnknownField,
    /// An amendment that changes nothing.
    NothingToAmend,
    /// A timer with no length.
    NoDuration,
    /// The transcript could not be written.
    StorageFailed,
    /// A transcript of the series cannot be read, so erasing or deleting
    /// there could not be total.
    UnreadableTranscript,
    /// The session is stopping.
    Unavailable,
    /// A plain request to the websocket address.
    NotWebsocket,
    /// The server has as many sockets as it takes.
    ServerFull,
    /// The session has as many sockets as it takes.
    TooManyConnections,
    /// A workshop script with problems (each named with its field).
    InvalidScript,
    /// A script edit that changes an activity that has already opened.
    ActivityStarted,
    /// A saved template with that id exists already.
    TemplateExists,
    /// The person has already been erased.
    AlreadyErased,
    /// An anonymous activity whose results have been counted cannot reopen.
    AnonymousSealed,
    /// An invitation token that opens nothing here (replaced, or another series').
    UnknownInvitation,
    /// Admitting someone as a roster person another participant already is.
    AlreadyHere,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: [ErrorCode; 58] = [
        ErrorCode::MalformedJson,
        ErrorCode::InvalidRequest,
        ErrorCode::MissingType,
        ErrorCode::UnknownType,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::WrongGroup,
        ErrorCode::WrongSession,
        ErrorCode::Removed,
        ErrorCode::BadOrigin,
        ErrorCode::UnknownSession,
        ErrorCode::UnknownCode,
        ErrorCode::UnknownWorkshop,
        ErrorCode::UnknownActivity,
        ErrorCode::UnknownParticipant,
        ErrorCode::UnknownSeries,
        ErrorCode::UnknownPerson,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::ActivityClosed,
        ErrorCode::NotAdmitted,
        ErrorCode::SessionEnded,
        ErrorCode::SessionFull,
        ErrorCode::TooLarge,
        ErrorCode::RateLimited,
        ErrorCode::DuplicateName,
        ErrorCode::RosterTooLarge,
        ErrorCode::AnonymityUnavailable,
        ErrorCode::UnknownOption,
        ErrorCode::NegativeDots,
        ErrorCode::TooManyDots,
        ErrorCode::EmptyBallot,
        ErrorCode::WrongBallotKind,
        ErrorCode::InvalidBallot,
        ErrorCode::ReasonRequired,
        ErrorCode::ScoreOutOfRange,
        ErrorCode::InvalidText,
        ErrorCode::StatementAmended,
        ErrorCode::TooManyIdeas,
        ErrorCode::NoOptions,
        ErrorCode::UnknownIdea,
        ErrorCode::WrongKind,
        ErrorCode::UnknownField,
        ErrorCode::NothingToAmend,
        ErrorCode::NoDuration,
        ErrorCode::StorageFailed,
        ErrorCode::UnreadableTranscript,
        ErrorCode::Unavailable,
        ErrorCode::NotWebsocket,
        ErrorCode::ServerFull,
        ErrorCode::TooManyConnections,
        ErrorCode::InvalidScript,
        ErrorCode::ActivityStarted,
        ErrorCode::TemplateExists,
        ErrorCode::AlreadyErased,
        ErrorCode::AnonymousSealed,
        ErrorCode::UnknownInvitation,
        ErrorCode::AlreadyHere,
    ];

    /// The code as it goes on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::MissingType => "missing_type",
            ErrorCode::UnknownType => "unknown_type",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::WrongGroup => "wrong_group",
            ErrorCode::WrongSession => "wrong_session",
            ErrorCode::Removed => "removed",
            ErrorCode::BadOrigin => "bad_origin",
            ErrorCode::UnknownSession => "unknown_session",
            ErrorCode::UnknownCode => "unknown_code",
            ErrorCode::UnknownWorkshop => "unknown_workshop",
            ErrorCode::UnknownActivity => "unknown_activity",
            ErrorCode::UnknownParticipant => "unknown_participant",
            ErrorCode::UnknownSeries => "unknown_series",
            ErrorCode::UnknownPerson => "unknown_person",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::ActivityClosed => "activity_closed",
            ErrorCode::NotAdmitted => "not_admitted",
            ErrorCode::SessionEnded => "session_ended",
            ErrorCode::SessionFull => "session_full",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::DuplicateName => "duplicate_name",
            ErrorCode::RosterTooLarge => "roster_too_large",
            ErrorCode::AnonymityUnavailable => "anonymity_unavailable",
            ErrorCode::UnknownOption => "unknown_option",
            ErrorCode::NegativeDots => "negative_dots",
            ErrorCode::TooManyDots => "too_many_dots",
            ErrorCode::EmptyBallot => "empty_ballot",
            ErrorCode::WrongBallotKind => "wrong_ballot_kind",
            ErrorCode::InvalidBallot => "invalid_ballot",
            ErrorCode::ReasonRequired => "reason_required",
            ErrorCode::ScoreOutOfRange => "score_out_of_range",
            ErrorCode::InvalidText => "invalid_text",
            ErrorCode::StatementAmended => "statement_amended",
            ErrorCode::TooManyIdeas => "too_many_ideas",
            ErrorCode::NoOptions => "no_options",
            ErrorCode::UnknownIdea => "unknown_idea",
            ErrorCode::WrongKind => "wrong_kind",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::NothingToAmend => "nothing_to_amend",
            ErrorCode::NoDuration => "no_duration",
            ErrorCode::InvalidScript => "invalid_script",
            ErrorCode::ActivityStarted => "activity_started",
            ErrorCode::TemplateExists => "template_exists",
            ErrorCode::AlreadyErased => "already_erased",
            ErrorCode::AnonymousSealed => "anonymous_sealed",
            ErrorCode::UnknownInvitation => "unknown_invitation",
            ErrorCode::AlreadyHere => "already_here",
            ErrorCode::StorageFailed => "storage_failed",
            ErrorCode::UnreadableTranscript => "unreadable_transcript",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::NotWebsocket => "not_websocket",
            ErrorCode::ServerFull => "server_full",
            ErrorCode::TooManyConnections => "too_many_connections",
        }
    }

    /// The catalogue key of this code's own message, for a reader whose
    /// language a refusal's specific message was not written in.
    pub fn message_key(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "error-malformed-json",
            ErrorCode::InvalidRequest => "error-invalid-request",
            ErrorCode::MissingType => "error-missing-type",
            ErrorCode::UnknownType => "error-unknown-type",
            ErrorCode::Unauthorized => "error-unauthorized",
            ErrorCode::Forbidden => "error-forbidden",
            ErrorCode::WrongGroup => "error-wrong-group",
            ErrorCode::WrongSession => "error-wrong-session",
            ErrorCode::Removed => "error-removed",
            ErrorCode::BadOrigin => "error-bad-origin",
            ErrorCode::UnknownSession => "error-unknown-session",
            ErrorCode::UnknownCode => "error-unknown-code",
            ErrorCode::UnknownWorkshop => "error-unknown-workshop",
            ErrorCode::UnknownActivity => "error-unknown-activity",
            ErrorCode::UnknownParticipant => "error-unknown-participant",
            ErrorCode::UnknownSeries => "error-unknown-series",
            ErrorCode::UnknownPerson => "error-unknown-person",
            ErrorCode::NotFound => "error-not-found",
            ErrorCode::MethodNotAllowed => "error-method-not-allowed",
            ErrorCode::ActivityClosed => "error-activity-closed",
            ErrorCode::NotAdmitted => "error-not-admitted",
            ErrorCode::SessionEnded => "error-session-ended",
            ErrorCode::SessionFull => "error-session-full",
            ErrorCode::TooLarge => "error-too-large",
            ErrorCode::RateLimited => "error-rate-limited",
            ErrorCode::DuplicateName => "error-duplicate-name",
            ErrorCode::RosterTooLarge => "error-roster-too-large",
            ErrorCode::AnonymityUnavailable => "error-anonymity-unavailable",
            ErrorCode::UnknownOption => "error-unknown-option",
            ErrorCode::NegativeDots => "error-negative-dots",
            ErrorCode::TooManyDots => "error-too-many-dots",
            ErrorCode::EmptyBallot => "error-empty-ballot",
            ErrorCode::WrongBallotKind => "error-wrong-ballot-kind",
            ErrorCode::InvalidBallot => "error-invalid-ballot",
            ErrorCode::ReasonRequired => "error-reason-required",
            ErrorCode::ScoreOutOfRange => "error-score-out-of-range",
            ErrorCode::InvalidText => "error-invalid-text",
            ErrorCode::StatementAmended => "error-statement-amended",
            ErrorCode::TooManyIdeas => "error-too-many-ideas",
            ErrorCode::NoOptions => "error-no-options",
            ErrorCode::UnknownIdea => "error-unknown-idea",
            ErrorCode::WrongKind => "error-wrong-kind",
            ErrorCode::UnknownField => "error-unknown-field",
            ErrorCode::NothingToAmend => "error-nothing-to-amend",
            ErrorCode::NoDuration => "error-no-duration",
            ErrorCode::InvalidScript => "error-invalid-script",
            ErrorCode::ActivityStarted => "error-activity-started",
            ErrorCode::TemplateExists => "error-template-exists",
            ErrorCode::AlreadyErased => "error-already-erased",
            ErrorCode::AnonymousSealed => "error-anonymous-sealed",
            ErrorCode::UnknownInvitation => "error-unknown-invitation",
            ErrorCode::AlreadyHere => "error-already-here",
            ErrorCode::StorageFailed => "error-storage-failed",
            ErrorCode::UnreadableTranscript => "error-unreadable-transcript",
            ErrorCode::Unavailable => "error-unavailable",
            ErrorCode::NotWebsocket => "error-not-websocket",
            ErrorCode::ServerFull => "error-server-full",
            ErrorCode::TooManyConnections => "error-too-many-connections",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
