//! The layers have no cycles: no top-level module of `src/` uses one that
//! uses it back, directly or through others, and no part of the web layer
//! does either. Read from the source's `crate::<module>` paths (and, inside
//! `src/web/`, `crate::web::<part>` and a part's own `super::<part>`),
//! comments aside, as the routes are in `routes.rs`. The order, bottom up,
//! is in `src/lib.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Each top-level module and the top-level modules its code names.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    uses_within("src", &["crate::"], &[])
}

/// Each part of the web layer and the parts its code names.
fn web_uses() -> BTreeMap<String, BTreeSet<String>> {
    uses_within("src/web", &["crate::web::"], &["super::"])
}

/// Each module directly under `dir` and the others it names by `prefixes`
/// anywhere, or by `top_prefixes` in files directly in `dir`.
fn uses_within(
    dir: &str,
    prefixes: &[&str],
    top_prefixes: &[&str],
) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let module_of = |path: &Path| -> String {
        let first = path
            .strip_prefix(&src)
            .unwrap()
            .components()
            .next()
            .unwrap();
        let name = first.as_os_str().to_string_lossy();
        name.trim_end_matches(".rs").to_string()
    };
    let files = rust_files(&src);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f))
        .filter(|m| m != "lib" && m != "main" && m != "mod")
        .collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(file);
        if !modules.contains(&from) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let top_level = file.parent() == Some(src.as_path());
        let mut all: Vec<&str> = prefixes.to_vec();
        if top_level {
            all.extend(top_prefixes);
        }
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (i, prefix) in all
                .iter()
                .flat_map(|p| line.match_indices(p).map(move |(i, _)| (i, *p)))
            {
                let rest = &line[i + prefix.len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if name != from && modules.contains(&name) {
                    uses.entry(from.clone()).or_default().insert(name);
                }
            }
        }
        uses.entry(from).or_default();
    }
    uses
}

/// A path from `from` back to itself, if there is one.
fn cycle_through(uses: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in uses.get(last).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_top_level_module_uses_one_that_uses_it_back() {
    let uses = uses();
    assert!(uses.len() > 10, "modules found: {uses:?}");
    let cycles: Vec<String> = uses
        .keys()
        .filter_map(|m| cycle_through(&uses, m))
        .map(|c| c.join(" -> "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_part_of_the_web_layer_uses_one_that_uses_it_back() {
    let uses = web_uses();
    assert!(uses.len() > 10, "parts found: {uses:?}");
    let cycles: Vec<String> = uses
        .keys()
        .filter_map(|m| cycle_through(&uses, m))
        .map(|c| c.join(" -> "))
        .collect();
    assert!(cycles.is_empty(), "cycles in web:\n{}", cycles.join("\n"));
}

#[test]
fn only_the_wiring_uses_the_web_layer() {
    let uses = uses();
    let users: Vec<&String> = uses
        .iter()
        .filter(|(m, used)| m.as_str() != "app" && used.contains("web"))
        .map(|(m, _)| m)
        .collect();
    assert!(
        users.is_empty(),
        "{users:?} use web: domain operations belong in records (or below), which web and the command line both call"
    );
}

#[test]
fn the_pure_layers_use_nothing_of_the_runtime_storage_or_web() {
    let uses = uses();
    let impure = ["live", "transcript", "web", "app", "render", "report"];
    for pure in ["activity", "session", "workshop", "series"] {
        let bad: Vec<&String> = uses[pure]
            .iter()
            .filter(|m| impure.contains(&m.as_str()))
            .collect();
        assert!(bad.is_empty(), "{pure} uses {bad:?}");
    }
}
