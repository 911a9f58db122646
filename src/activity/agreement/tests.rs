//! Agreement: consent, versions and outcomes.
use super::*;
use crate::activity::tests::{cast, spec_with};
use crate::activity::ActivityKind;

fn r(stance: Stance, reason: Option<&str>) -> Response {
    Response {
        response: stance,
        reason: reason.map(String::from),
        version: None,
    }
}

fn responses(pairs: &[(&str, Response)]) -> Ballot {
    Ballot::Responses(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

#[test]
fn consent_holds_only_while_nobody_objects() {
    let s = spec_with(ActivityKind::Agreement, &["s1", "s2"]);
    let casts = [
        cast(
            Group::Cabinet,
            responses(&[
                ("s1", r(Stance::Agree, None)),
                ("s2", r(Stance::LiveWith, None)),
            ]),
        ),
        cast(
            Group::Management,
            responses(&[
                ("s1", r(Stance::LiveWith, None)),
                ("s2", r(Stance::Object, Some("too vague"))),
            ]),
        ),
    ];
    let t = tally(&s, casts.iter());
    assert!(t.items["s1"].consent);
    assert!(!t.items["s2"].consent);
    assert_eq!(t.items["s2"].reasons, vec!["too vague".to_string()]);
    assert!(
        !tally(&s, std::iter::empty()).items["s1"].consent,
        "silence is not consent"
    );
}

#[test]
fn an_objection_needs_a_reason_and_stale_versions_are_refused() {
    let s = spec_with(ActivityKind::Agreement, &["s1"]);
    let current: BTreeMap<String, u32> = [("s1".to_string(), 2)].into();
    let obj = [("s1".to_string(), r(Stance::Object, Some("  ")))].into();
    assert_eq!(
        validate(&s, &current, obj).unwrap_err().code(),
        "reason_required"
    );
    let stale = [(
        "s1".to_string(),
        Response {
            version: Some(1),
            ..r(Stance::Agree, None)
        },
    )]
    .into();
    assert_eq!(
        validate(&s, &current, stale).unwrap_err().code(),
        "statement_amended"
    );
    let ok = validate(
        &s,
        &current,
        [("s1".to_string(), r(Stance::Agree, None))].into(),
    )
    .unwrap();
    assert_eq!(
        ok["s1"].version,
        Some(2),
        "answers are stamped with the version they answer"
    );
}

#[test]
fn outcomes_distinguish_amended_agreements() {
    let yes = ItemTally {
        agree: 3,
        consent: true,
        ..Default::default()
    };
    let no = ItemTally {
        agree: 3,
        object: 1,
        ..Default::default()
    };
    assert_eq!(outcome(&yes, 1, false), Outcome::Open);
    assert_eq!(outcome(&yes, 1, true), Outcome::Agreed);
    assert_eq!(outcome(&yes, 3, true), Outcome::AgreedWithAmendments);
    assert_eq!(outcome(&no, 2, true), Outcome::NotAgreed);
}
