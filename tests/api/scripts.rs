//! `topteam check` on the shipped scripts and on broken ones; `serve` refuses broken ones.

use crate::helpers::*;
use std::path::Path;
use std::process::Command;

fn check(files: &[&Path]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_topteam"))
        .arg("check")
        .args(files)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn every_shipped_script_passes_check_and_every_kind_is_used() {
    let dir = shipped_workshops();
    let files: Vec<_> = [
        "w1-cabinet.toml",
        "w2-joint-vision.toml",
        "w3-performance.toml",
    ]
    .map(|f| dir.join(f))
    .to_vec();
    let (code, out) = check(&files.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains(": ok (")).count(),
        3,
        "{out}"
    );
    let all: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for kind in [
        "ideas",
        "dots",
        "rank",
        "role_map",
        "agreement",
        "rating",
        "notes",
        "poll",
        "matrix",
    ] {
        assert!(
            all.contains(&format!("kind = \"{kind}\"")),
            "no {kind} activity in the series"
        );
    }
    let w1 = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        w1.contains("groups = [\"cabinet\"]"),
        "workshop 1 is for the cabinet alone"
    );
}

const BROKEN: &str = r#"
id = "broken"
title = "Broken"
groups = ["cabinet"]

[[activity]]
id = "a"
kind = "dots"
title = "No options, no budget"

[[activity]]
id = "a"
kind = "rank"
title = "Duplicate id"
from = "nothing-here"

[[activity]]
id = "c"
kind = "dots"
title = "Zero budget"
dots = 0
from = "w9-missing.priorities"

[[activity]]
id = "d"
kind = "notes"
title = "Notes with options"
[[activity.option]]
id = "x"
label = "X"
"#;

#[test]
fn check_reports_every_problem_with_its_field_and_fails() {
    let dir = TempDir::new();
    let path = dir.0.join("broken.toml");
    std::fs::write(&path, BROKEN).unwrap();
    let (code, out) = check(&[&path]);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "activity[0].option: this activity (dot vote) needs options, or the results of an earlier activity brought in",
        "activity[0].dots: say how many dots each person has",
        "activity[1].id: duplicate activity id \"a\"",
        "activity[1].from: there is no activity \"nothing-here\" in this script",
        "activity[2].dots: the budget must be at least 1",
        "activity[2].from: there is no workshop script \"w9-missing\"",
        "activity[3].option: notes take no options; `from` brings forward an earlier step's decisions and actions",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }

    let unknown_kind = dir.0.join("kind.toml");
    std::fs::write(
        &unknown_kind,
        BROKEN.replace("kind = \"rank\"", "kind = \"lottery\""),
    )
    .unwrap();
    let (code, out) = check(&[&unknown_kind]);
    assert_eq!(code, 1);
    assert!(out.contains("unknown variant `lottery`"), "{out}");
    // A kind's own settings: a name it does not take (a typo) and a value of
    // the wrong type are named beside their activity.
    let settings = dir.0.join("settings.toml");
    std::fs::write(
        &settings,
        r#"id = "settings"
title = "Settings"
groups = ["cabinet"]
[[activity]]
id = "often"
kind = "poll"
title = "How often?"
max_choice = 2
[[activity.option]]
id = "monthly"
label = "Monthly"
[[activity]]
id = "grid"
kind = "matrix"
title = "Grid"
x_axis = 3
y_axis = "How much it matters"
[[activity.item]]
id = "homes"
label = "Homes"
"#,
    )
    .unwrap();
    let (code, out) = check(&[&settings]);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "activity[0].max_choice: a poll activity has no `max_choice` (its own settings: `max_choices`)",
        "activity[1].x_axis: must be text",
        "activity[1].x_axis: name what the across axis measures",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[tokio::test]
async fn serve_refuses_to_start_with_an_invalid_script() {
    let data = TempDir::new();
    let scripts = TempDir::new();
    std::fs::write(scripts.0.join("broken.toml"), BROKEN).unwrap();
    let mut config = topteam::config::Config::new(data.0.clone());
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.workshops_dir = scripts.0.clone();
    let err = topteam::app::Application::build(config)
        .await
        .err()
        .expect("refused");
    let report = err.to_string();
    assert!(
        report.contains("broken.toml: activity[1].id: duplicate activity id"),
        "{report}"
    );
}

#[test]
fn help_is_printed_wherever_it_is_asked_for() {
    for args in [&["--help"][..], &["serve", "--help"], &["export", "-h"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_topteam"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?} should succeed");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage:"), "{args:?} printed {text}");
    }
}
