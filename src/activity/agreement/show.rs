//! How agreement statements are shown: agree / can live with it / object per
//! statement on the phone, each statement's answers and outcome, and the
//! facilitator's form to amend a statement's wording.

use super::{Agreement, Outcome};
use crate::activity::show::{field_name, md_escape, scores, slide, ActivityView, Show};
use crate::activity::{Results, Tally};
use crate::config::text;
use crate::t;
use maud::{html, Markup};
use serde_json::{json, Value};
use std::fmt::Write;

const STANCES: [(&str, &str); 3] = [
    ("agree", "stance-agree"),
    ("live_with", "stance-live-with"),
    ("object", "stance-object"),
];

impl Show for Agreement {
    fn form_shape(&self) -> crate::activity::show::FormShape {
        use crate::activity::show::FormShape;
        FormShape::choices("responses", "response")
    }

    fn item_word(&self) -> super::super::show::ItemWord {
        super::super::show::ItemWord::Statement
    }

    fn ballot_controls(&self, view: &ActivityView) -> Markup {
        let spec = view.spec;
        html! {
            @for item in &spec.options {
                @if let Some(current) = view.current_statement(&item.id) {
                fieldset.item.statement data-item=(item.id) data-version=(current.version) {
                    legend { (view.read(&current.text)) }
                    @if !current.fields.is_empty() {
                        dl.fields { @for (name, value) in view.fields_of(current) { dt { (field_name(name, view.language)) } dd { (value) } } }
                    }
                    @for (value, label) in STANCES {
                        @let input_id = format!("ag-{}-{}-{}", spec.id, item.id, value);
                        span.choice {
                            input type="radio" id=(input_id) name={ "ag-" (item.id) } value=(value);
                            label for=(input_id) { (crate::language::text(view.language, label)) }
                        }
                    }
                    @let reason_id = format!("reason-{}-{}", spec.id, item.id);
                    label.reason for=(reason_id) { (t!(view.language, "agreement-reason")) }
                    textarea id=(reason_id) name={ "reason-" (item.id) } rows="2" data-max=(text::REASON) {}
                }
                }
            }
        }
    }

    fn results_html(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Agreement(all) = &results.all else {
            return html! {};
        };
        let lang = view.language;
        html! {
            ol.statements {
                @for o in &view.spec.options {
                    @let t = all.items.get(&o.id).cloned().unwrap_or_default();
                    @let versions = view.statements().get(&o.id).map_or(&[][..], Vec::as_slice);
                    @let outcome = view.outcome(results, &o.id);
                    li.statement {
                        @if let Some(current) = versions.last() {
                            p.text { (view.read(&current.text)) }
                            @if !current.fields.is_empty() {
                                dl.fields {
                                    @for (name, value) in view.fields_of(current) { dt { (field_name(name, view.language)) } dd { (value) } }
                                }
                            }
                            @if current.version > 1 { p.tag { (t!(lang, "agreement-version", version = current.version)) } }
                        }
                        @if let Some(why) = scores::item_hidden(results, &o.id, None) {
                            p.answered { span.hidden-group { (t!(lang, "agreement-answers-hidden", why = crate::language::text(lang, why))) } }
                        } @else {
                        p.answered { (t!(lang, "agreement-answered", answered = t.agree + t.live_with + t.object, voters = view.voters)) }
                        p {
                            (t!(lang, "agreement-agree")) " " strong { (t.agree) } ", " (t!(lang, "agreement-live-with")) " " strong { (t.live_with) } ", " (t!(lang, "agreement-object")) " " strong { (t.object) } ". "
                            @if t.consent { strong.consent { (t!(lang, "agreement-consent")) } } @else { strong.no-consent { (t!(lang, "agreement-no-consent")) } }
                            @if outcome != Outcome::Open { " " (t!(lang, "agreement-outcome")) " " strong { (outcome.name(lang)) } "." }
                        }
                        @if !t.reasons.is_empty() {
                            ul.reasons aria-label=(t!(lang, "agreement-reasons")) { @for r in &t.reasons { li { (r) } } }
                        }
                        }
                        @if versions.len() > 1 {
                            details {
                                summary { (t!(lang, "agreement-earlier")) }
                                ol {
                                    @for v in versions.iter().filter(|v| v.tally.is_some()) {
                                        @let vt = v.tally.as_ref().map(|t| t.all.clone()).unwrap_or_default();
                                        @if v.tally.as_ref().is_some_and(|t| t.hidden) { li { (view.read(&v.text)) " — " (t!(lang, "agreement-not-counted")) } }
                                        @else { li { (view.read(&v.text)) " — " (t!(lang, "agreement-earlier-counts", agree = vt.agree, live_with = vt.live_with, object = vt.object)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Each statement, its fields (a performance agreement's outcome,
    /// measure, target, leads) in the script's order, its answers and
    /// outcome, as many to a page as fit whole.
    fn slide(&self, view: &ActivityView, results: &Results) -> Markup {
        let Tally::Agreement(all) = &results.all else {
            return html! {};
        };
        let items = view
            .spec
            .options
            .iter()
            .map(|o| {
                let t = all.items.get(&o.id).cloned().unwrap_or_default();
                let current = view.current_statement(&o.id);
                let wording = current.map_or(&o.label, |v| &v.text);
                let fields = current.map(|v| view.fields_of(v)).unwrap_or_default();
                let outcome = view.outcome(results, &o.id);
                let hidden = scores::item_hidden(results, &o.id, None);
                let answered = t.agree + t.live_with + t.object;
                // The count line, in the slide's language or both.
                let count = |l| match hidden {
                    Some(why) => html! { (t!(l, "agreement-answers-hidden", why = crate::language::text(l, why))) },
                    None => html! {
                        (t!(l, "stance-agree")) " " strong { (t.agree) } " · " (t!(l, "stance-live-with")) " " strong { (t.live_with) } " · " (t!(l, "stance-object")) " " strong { (t.object) }
                        " " (t!(l, "statement-answered", answered = answered, voters = view.voters)) " — "
                        @if outcome != Outcome::Open { strong { (outcome.name(l)) } }
                        @else if t.consent { strong.consent { (t!(l, "statement-consent")) } }
                        @else { strong.no-consent { (t!(l, "statement-no-consent")) } }
                    },
                };
                let count_text = view.says_text(|l| slide::words_of(&count(l).into_string()));
                // The fields run on as one paragraph, then the count line.
                let lines = slide::lines_of(&view.shown_text(wording), slide::FULL_LINE)
                    + slide::fields_lines(view, &fields, slide::FULL_LINE)
                    + slide::lines_of(&count_text, slide::FULL_LINE);
                let item = html! {
                    li.statement-slide {
                        p.statement-text { (view.shown(wording)) }
                        @if !fields.is_empty() {
                            dl.slide-fields { @for (name, value) in &fields { div { dt { (view.says(|l| field_name(name, l))) ":" } " " dd { (value) } } } }
                        }
                        p.statement-count { (view.says(count)) }
                    }
                };
                (item, lines)
            })
            .collect();
        slide::pages("statements", items, 1, view.room())
    }

    fn results_markdown(&self, view: &ActivityView, results: &Results, md: &mut String) {
        let Tally::Agreement(all) = &results.all else {
            return;
        };
        for o in &view.spec.options {
            let versions = view.statements().get(&o.id).map_or(&[][..], Vec::as_slice);
            let Some(current) = versions.last() else {
                continue;
            };
            let t = all.items.get(&o.id).cloned().unwrap_or_default();
            let outcome = view.outcome(results, &o.id);
            let lang = view.language;
            let _ = writeln!(md, "- **{}**", md_escape(view.read(&current.text)));
            for (field, value) in view.fields_of(current) {
                let _ = writeln!(md, "  - {}: {}", field_name(field, lang), md_escape(value));
            }
            let decided = if outcome == Outcome::Open {
                String::new()
            } else {
                format!(" — **{}**", outcome.name(lang))
            };
            if let Some(why) = scores::item_hidden(results, &o.id, None) {
                let why = crate::language::text(lang, why);
                let _ = writeln!(md, "  - {why}{decided}");
                continue;
            }
            let counts = t!(
                lang,
                "md-agreement-counts",
                agree = t.agree,
                live_with = t.live_with,
                object = t.object
            );
            let _ = writeln!(md, "  - {counts}{decided}");
            for reason in &t.reasons {
                let _ = writeln!(
                    md,
                    "  - {}",
                    t!(lang, "md-objection", reason = md_escape(reason))
                );
            }
            for v in versions.iter().filter(|v| v.tally.is_some()) {
                let vt = v.tally.as_ref().map(|x| x.all.clone()).unwrap_or_default();
                let text = md_escape(view.read(&v.text));
                let line = if v.tally.as_ref().is_some_and(|x| x.hidden) {
                    t!(
                        lang,
                        "md-version-not-counted",
                        version = v.version,
                        text = text
                    )
                } else {
                    t!(
                        lang,
                        "md-version-counts",
                        version = v.version,
                        text = text,
                        agree = vt.agree,
                        live_with = vt.live_with,
                        object = vt.object
                    )
                };
                let _ = writeln!(md, "  - {line}");
            }
        }
    }

    fn highlights(&self, view: &ActivityView, results: &Results) -> Markup {
        html! {
            @for o in &view.spec.options {
                li { (view.read(view.current_statement(&o.id).map_or(&o.label, |v| &v.text))) " — " (view.outcome(results, &o.id).name(view.language)) }
            }
        }
    }

    fn console_tools(&self, view: &ActivityView) -> Markup {
        let id = &view.spec.id;
        let lang = view.language;
        html! {
            h3 { (t!(lang, "amend-title")) }
            @for (n, o) in view.spec.options.iter().enumerate() {
                @if let Some(current) = view.current_statement(&o.id) {
                    form.amend data-command="amend" data-activity=(id) data-item=(o.id) {
                        label for={ "amend-" (id) "-" (o.id) } { (t!(lang, "amend-statement", n = n + 1)) }
                        textarea id={ "amend-" (id) "-" (o.id) } name="text" rows="2" maxlength=(text::STATEMENT) { (view.read(&current.text)) }
                        @for field in &view.spec.fields {
                            label for={ "amend-" (id) "-" (o.id) "-" (field) } { (field_name(field, lang)) }
                            input type="text" id={ "amend-" (id) "-" (o.id) "-" (field) } name={ "fields." (field) } maxlength=(text::FIELD) value=(current.fields.get(field).map(String::as_str).unwrap_or(""));
                        }
                        button type="submit" { (t!(lang, "amend-button")) }
                    }
                }
            }
        }
    }

    fn detail_json(&self, view: &ActivityView, results: &Results) -> Value {
        let statements: serde_json::Map<String, Value> = view
            .statements()
            .iter()
            .map(|(item, versions)| {
                // An anonymous vote still open keeps every tally in the box,
                // the superseded wordings' too.
                let versions: Vec<Value> = versions
                    .iter()
                    .map(|v| {
                        let wording = view.read(&v.text);
                        let mut v = json!(v);
                        // The API speaks one language per request.
                        v["text"] = json!(wording);
                        if view.sealed_box {
                            if let Value::Object(map) = &mut v {
                                map.remove("tally");
                            }
                        }
                        v
                    })
                    .collect();
                let entry = json!({ "versions": versions, "outcome": view.outcome(results, item) });
                (item.clone(), entry)
            })
            .collect();
        json!({ "fields": view.spec.fields, "statements": statements })
    }
}
