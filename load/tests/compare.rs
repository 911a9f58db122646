//! The load generator itself, run small: it must drive the real server and the
//! baseline end to end and report every ballot acked. Timings are not checked
//! here; they belong in docs/performance.md.

use std::process::Command;

#[test]
fn the_load_generator_compares_topteam_with_the_baseline() {
    // From the workspace root, where the server finds `workshops/`.
    let out = Command::new(env!("CARGO_BIN_EXE_topteam-load"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(["--compare", "1", "--sessions", "2", "--per-session", "5"])
        .args(["--seconds", "1", "--rate", "10"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "topteam, baseline, summary: {stdout}");
    for (report, target) in lines[..2].iter().zip(["topteam", "baseline"]) {
        assert_eq!(report["target"], target);
        assert_eq!(report["sockets"], 12, "10 phones and 2 projectors");
        assert!(report["ballots"].as_u64().unwrap() > 0, "{report}");
        assert_eq!(report["acked"], report["ballots"], "{report}");
        assert_eq!(report["errors"], 0, "{report}");
        assert!(report["updates_per_s"].as_f64().unwrap() > 0.0, "{report}");
    }
    // The baseline's views were padded to the size of topteam's.
    let ours = lines[0]["avg_view_bytes"].as_u64().unwrap();
    let theirs = lines[1]["avg_view_bytes"].as_u64().unwrap();
    assert!(ours > 1000 && theirs >= ours, "{ours} vs {theirs}");
    assert_eq!(lines[2]["compare"], 1);
}
