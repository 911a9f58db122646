//! How a kind is shown: its phone form, its results as HTML and Markdown, its
//! chart, its facilitator tools. Each kind implements [`Show`] in its own
//! folder (`<kind>/show.rs`); `render` and `report` ask the kind through
//! [`super::kind_of`] and never match on which kind it is. Everything here is
//! a pure function from an activity's settings and results to markup.

pub mod charts;
pub mod scores;
pub mod slide;

use super::agreement::{self, Outcome, StatementVersion};
use super::Results;
use crate::activity::ActivitySpec;
use crate::activity::Group;
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};

/// What a view of one activity reads, besides its results.
#[derive(Debug, Clone, Copy)]
pub struct ActivityView<'a> {
    /// The activity's settings (options carried in when it opened).
    pub spec: &'a ActivitySpec,
    /// What the kind keeps of its own: ideas in the order they came,
    /// hidden ones too; every version of every statement, oldest first.
    pub own: &'a super::own::KindState,
    /// Admitted voters in the room now.
    pub voters: usize,
    /// Whether voting has closed.
    pub closed: bool,
    /// The groups the workshop invites.
    pub teams: &'a [crate::activity::Group],
    /// An anonymous activity still open: its answers are in a sealed box, so
    /// nothing counted of them (ideas, superseded versions' tallies) is shown.
    pub sealed_box: bool,
    /// The fewest answers an anonymous result may show.
    pub min_group_size: u32,
    /// The language of the reader the view is drawn for.
    pub language: crate::language::Language,
    /// A bilingual projector: each title and question in English too.
    pub bilingual: bool,
}

/// Who a slide is drawn for: its language, and whether the titles above it
/// are in two (which takes a line more of the slide).
#[derive(Debug, Clone, Copy)]
pub struct Room {
    /// The language of the slide's own words.
    pub language: Language,
    /// Titles and questions in Welsh and English.
    pub bilingual: bool,
}

impl Room {
    /// The slide's own words (a placement, a page count, a turnout), worded
    /// by `words` for a reader of a language: on a bilingual projector in
    /// Welsh and then English, each marked with its `lang` (the style puts
    /// " / " between), once when the two are the same; otherwise in the
    /// room's language.
    pub fn says<R: maud::Render, F: Fn(Language) -> R>(&self, words: F) -> Said<F> {
        Said { room: *self, words }
    }

    /// The same words as plain text, to count the lines they take.
    pub fn says_text(&self, words: impl Fn(Language) -> String) -> String {
        if !self.bilingual {
            return words(self.language);
        }
        let (welsh, english) = (words(Language::Welsh), words(Language::English));
        if welsh == english {
            english
        } else {
            format!("{welsh} / {english}")
        }
    }
}

/// Words a slide says ([`Room::says`]), written straight into the page as it
/// renders: no copy of them on the way for the single-language room every
/// phone and most projectors are.
pub struct Said<F> {
    room: Room,
    words: F,
}

impl<R: maud::Render, F: Fn(Language) -> R> maud::Render for Said<F> {
    fn render_to(&self, buffer: &mut String) {
        if !self.room.bilingual {
            return (self.words)(self.room.language).render_to(buffer);
        }
        let (welsh, english) = (
            (self.words)(Language::Welsh).render(),
            (self.words)(Language::English).render(),
        );
        if welsh.0 == english.0 {
            return english.render_to(buffer);
        }
        html! {
            span lang="cy" { (welsh) }
            span.other-language lang="en-GB" { (english) }
        }
        .render_to(buffer)
    }
}

impl From<Language> for Room {
    fn from(language: Language) -> Room {
        Room {
            language,
            bilingual: false,
        }
    }
}

impl<'a> ActivityView<'a> {
    /// The voting teams the workshop invites, each with its name and results,
    /// in the order tables list them: a team the workshop does not invite
    /// gets no column of zeros.
    pub fn team_columns<'r>(&self, results: &'r super::Results) -> Vec<TeamColumn<'r>> {
        [
            (Group::Cabinet, &results.cabinet),
            (Group::Management, &results.management),
        ]
        .into_iter()
        .filter(|(group, _)| self.teams.contains(group))
        .map(|(group, result)| TeamColumn { group, result })
        .collect()
    }

    /// The team columns a table adds beside "All": none when the workshop
    /// invites one team, whose column would repeat "All".
    pub fn table_columns<'r>(&self, results: &'r super::Results) -> Vec<TeamColumn<'r>> {
        let teams = self.team_columns(results);
        if teams.len() > 1 {
            teams
        } else {
            Vec::new()
        }
    }

    /// The current wording of a statement.
    pub fn current_statement(&self, item: &str) -> Option<&'a StatementVersion> {
        self.statements().get(item)?.last()
    }

    /// Every version of every statement, oldest first (agreements).
    pub fn statements(&self) -> &'a agreement::Statements {
        agreement::statements_in(self.own)
    }

    /// What became of a statement, by the results given.
    pub fn outcome(&self, results: &Results, item: &str) -> Outcome {
        let tally = match &results.all {
            super::Tally::Agreement(t) => t.items.get(item).cloned().unwrap_or_default(),
            _ => Default::default(),
        };
        // A wording changed before anyone answered it (a performance
        // agreement's fields filled in first) is not an amendment the room
        // made: only earlier wordings someone answered count.
        let answered_before = self
            .statements()
            .get(item)
            .map_or(0, |all| all.iter().filter(|v| v.was_answered()).count());
        agreement::outcome(&tally, answered_before + 1, self.closed)
    }

    /// A statement version's fields in the script's order (`fields`), then
    /// any the script no longer names, so a golden rope reads top to bottom.
    pub fn fields_of<'v>(&self, version: &'v StatementVersion) -> Vec<(&'v str, &'v str)> {
        let mut out: Vec<(&str, &str)> = self
            .spec
            .fields
            .iter()
            .filter_map(|f| version.fields.get_key_value(f))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        out.extend(
            version
                .fields
                .iter()
                .filter(|(k, _)| !self.spec.fields.contains(k))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        out
    }

    /// An option's label, or its id when the script has no such option.
    pub fn label<'b>(&'b self, id: &'b str) -> &'b str {
        self.spec
            .option(id)
            .map_or(id, |o| o.label.read_in(self.language))
    }

    /// Who this view's slide is for.
    pub fn room(&self) -> Room {
        Room {
            language: self.language,
            bilingual: self.bilingual,
        }
    }

    /// A script's text as a slide shows it: on a bilingual projector the
    /// Welsh, then the English, each marked with its `lang` (the style
    /// puts " / " between); otherwise in the view's language.
    pub fn shown(&self, text: &crate::language::Text) -> Markup {
        match (self.bilingual, text.welsh()) {
            (true, Some(welsh)) => html! {
                span lang="cy" { (welsh) }
                span.other-language lang="en-GB" { (text.read_in(Language::English)) }
            },
            _ => html! { (self.read(text)) },
        }
    }

    /// The same words as plain text, to count the lines they take.
    pub fn shown_text<'t>(&self, text: &'t crate::language::Text) -> std::borrow::Cow<'t, str> {
        match (self.bilingual, text.welsh()) {
            (true, Some(welsh)) => format!("{welsh} / {}", text.read_in(Language::English)).into(),
            _ => self.read(text).into(),
        }
    }

    /// An option's label as a slide shows it ([`ActivityView::shown`]).
    pub fn label_shown(&self, id: &str) -> Markup {
        match self.spec.option(id) {
            Some(o) => self.shown(&o.label),
            None => html! { (id) },
        }
    }

    /// The same as plain text, to count its lines.
    pub fn label_shown_text<'b>(&'b self, id: &'b str) -> std::borrow::Cow<'b, str> {
        match self.spec.option(id) {
            Some(o) => self.shown_text(&o.label),
            None => id.into(),
        }
    }

    /// The slide's own words, in both languages on a bilingual projector
    /// ([`Room::says`]).
    pub fn says<R: maud::Render, F: Fn(Language) -> R>(&self, words: F) -> Said<F> {
        self.room().says(words)
    }

    /// The same as plain text, to count its lines.
    pub fn says_text(&self, words: impl Fn(Language) -> String) -> String {
        self.room().says_text(words)
    }

    /// A script's text as this view's reader reads it.
    pub fn read<'t>(&self, text: &'t crate::language::Text) -> &'t str {
        text.read_in(self.language)
    }
}

/// How the phone's script turns a form into a ballot: the form carries these
/// as `data-field`, `data-shape` and `data-answer`, and the shape's module
/// (`static/shapes/<shape>.js`, listed in `static/shapes/index.js`) goes by
/// them alone, never by the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormShape {
    /// The ballot's one field: `{"<field>": ...}`.
    pub field: &'static str,
    /// `counts`: a number per option (`li[data-option]` with `output.count`);
    /// `order`: the options in order (`li[data-option]`);
    /// `choices`: an answer per item (`fieldset[data-item]`);
    /// `pick`: options chosen (radio buttons or checkboxes);
    /// `ideas`: texts sent one at a time; `none`: no form.
    pub shape: &'static str,
    /// For choices, each answer's form: `text`, `number`, `response`
    /// (`{"response", "version", "reason"?}`, the version from the fieldset),
    /// or `point` (two selects, `{"x", "y"}`).
    pub answer: &'static str,
}

impl FormShape {
    /// No form: the room does not answer it.
    pub const NONE: FormShape = FormShape {
        field: "",
        shape: "none",
        answer: "",
    };

    /// A radio answer per item, in the ballot's `field`.
    pub const fn choices(field: &'static str, answer: &'static str) -> FormShape {
        FormShape {
            field,
            shape: "choices",
            answer,
        }
    }
}

use crate::language::Language;

/// How one kind is shown. The defaults suit a kind with nothing to show.
pub trait Show {
    /// The controls inside the phone's ballot form.
    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let _ = view;
        html! {}
    }

    /// The words on the phone form's submit button; `None` when phones have
    /// no form for this kind.
    fn submit_label(&self, language: Language) -> Option<String> {
        Some(t!(language, "vote-save"))
    }

    /// What phones show in place of a ballot form, for a kind phones do not answer.
    fn phone_notice(&self, language: Language) -> Option<String> {
        let _ = language;
        None
    }

    /// How the phone script reads this kind's form into a ballot and fills
    /// it in again, so that the script never needs to know the kind.
    fn form_shape(&self) -> FormShape {
        FormShape::NONE
    }

    /// What one of its options is called in the script editor.
    fn item_word(&self) -> ItemWord {
        ItemWord::Option
    }

    /// Each team's figure for one item, for the series review's table of
    /// how answers moved from workshop to workshop; `None` for kinds that
    /// have no such figure.
    fn over_the_series(&self, results: &super::Results, item: &str) -> Option<[String; 2]> {
        let _ = (results, item);
        None
    }

    /// Whether the room answers this kind (votes or offers ideas). Notes are
    /// the facilitator's alone: nothing to close, no turnout, no one waiting.
    fn room_answers(&self) -> bool {
        true
    }

    /// The catalogue key of what the room does while the activity runs
    /// ("voted", "offered ideas"); `None` when there is no turnout to show.
    fn turnout_verb(&self) -> Option<&'static str> {
        Some("turnout-voted")
    }

    /// The results as accessible HTML, with the comparison between teams.
    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup;

    /// A chart to go above the table, hidden from screen readers (the table
    /// carries the same numbers).
    fn chart(&self, view: &ActivityView, results: &Results) -> Markup {
        let _ = (view, results);
        html! {}
    }

    /// The results as the projector shows them: a slide that fits a 16:9
    /// screen (`slide` has the parts). By default the results table.
    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        self.results_html(view, results)
    }

    /// A drawing for the printed pack, as a standalone SVG, where a table
    /// alone would not show the result (a matrix's grid); `None` by default.
    fn print_figure(&self, view: &ActivityView, results: &Results) -> Option<String> {
        let _ = (view, results);
        None
    }

    /// The results as Markdown, for `report.md`.
    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String);

    /// The first few results as list items, for the series overview.
    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        let _ = (view, results);
        html! {}
    }

    /// The facilitator's own tools for this kind (moderate ideas, amend statements).
    fn console_tools(&self, view: &ActivityView) -> Markup {
        let _ = view;
        html! {}
    }

    /// Fields this kind adds to the activity in `GET /api/sessions/{id}`.
    fn detail_json(&self, view: &ActivityView, results: &Results) -> Value {
        let _ = (view, results);
        json!({})
    }
}

/// What a kind calls one of its options in the agenda editor, in each of
/// the forms the editor needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemWord {
    /// "Option": a dot vote's, a ranking's, a poll's.
    Option,
    /// "Statement": an agreement's.
    Statement,
    /// "Responsibility": a role map's.
    Responsibility,
    /// "Item": a rating's, a matrix's.
    Item,
}

impl ItemWord {
    /// One of them, as a field's label: "Option", "Datganiad".
    pub fn one(self, language: Language) -> String {
        crate::language::text(
            language,
            match self {
                ItemWord::Option => "item-option",
                ItemWord::Statement => "item-statement",
                ItemWord::Responsibility => "item-responsibility",
                ItemWord::Item => "item-item",
            },
        )
    }

    /// All of them, as a heading: "Options".
    pub fn all(self, language: Language) -> String {
        crate::language::text(
            language,
            match self {
                ItemWord::Option => "items-option",
                ItemWord::Statement => "items-statement",
                ItemWord::Responsibility => "items-responsibility",
                ItemWord::Item => "items-item",
            },
        )
    }

    /// The button that adds one: "Add an option".
    pub fn add_one(self, language: Language) -> String {
        crate::language::text(
            language,
            match self {
                ItemWord::Option => "add-item-option",
                ItemWord::Statement => "add-item-statement",
                ItemWord::Responsibility => "add-item-responsibility",
                ItemWord::Item => "add-item-item",
            },
        )
    }
}

/// The fields the built-in scripts' performance agreements use, with
/// their names in the catalogue; any other field is named from its id.
const KNOWN_FIELDS: [(&str, &str); 7] = [
    ("outcome", "field-outcome"),
    ("measure", "field-measure"),
    ("target", "field-target"),
    ("lead_member", "field-lead-member"),
    ("lead_officer", "field-lead-officer"),
    ("reporting_rhythm", "field-reporting-rhythm"),
    ("forum", "field-forum"),
];

/// A performance agreement's field as a reader of `language` reads it.
pub fn field_name(name: &str, language: Language) -> String {
    match KNOWN_FIELDS.iter().find(|(field, _)| *field == name) {
        Some((_, key)) => crate::language::text(language, key),
        None => field_label(name),
    }
}

/// The words for a performance agreement's fields (`golden_rope` → "Golden rope").
pub fn field_label(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// "answers from 1 person", "answers from 8 people": everyone who has
/// answered anything, as turnout counts them (done, or part-way).
pub fn answers_from(n: usize, language: Language) -> String {
    t!(language, "answers-from", n = n)
}

/// A figure to one decimal place, halves rounded up (2.25 is 2.3), as
/// people round; the API keeps two decimals.
pub fn one_decimal(v: f64) -> String {
    format!("{:.1}", (v * 10.0).round() / 10.0)
}

/// A share in whole percent, halves rounded up (12.5% is 13%).
pub fn whole_percent(v: f64) -> String {
    format!("{}%", v.round())
}

/// Escapes Markdown's special characters in participant text.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|#!{}".contains(c) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// One voting team's results, as a column of a table or a set of bars.
#[derive(Debug, Clone, Copy)]
pub struct TeamColumn<'r> {
    /// The team.
    pub group: Group,
    /// Its results.
    pub result: &'r super::GroupResult,
}

impl TeamColumn<'_> {
    /// The team's short name beside its bars and in Markdown.
    pub fn name(&self, language: Language) -> String {
        team_name(self.group, language)
    }

    /// The team's name as a table heading: "Management" may break as
    /// "Manage-ment" (a soft hyphen) so a phone's table fits 360 px.
    pub fn heading(&self, language: Language) -> String {
        match self.group {
            Group::Management => t!(language, "heading-management"),
            Group::Cabinet => t!(language, "heading-cabinet"),
            Group::Observer => self.group.name(language),
        }
    }
}

/// A voting team's short name ("Management", where prose says "Management team").
pub fn team_name(group: Group, language: Language) -> String {
    match group {
        Group::Management => t!(language, "team-short-management"),
        Group::Cabinet => t!(language, "team-short-cabinet"),
        Group::Observer => group.name(language),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_participant_text_is_escaped() {
        assert_eq!(
            super::md_escape("<b>hi</b> | *x* [a](b)"),
            "\\<b\\>hi\\</b\\> \\| \\*x\\* \\[a\\](b)"
        );
    }
}
