//! The shared corpus of invalid catalogue and overlay files in `tests/invalid/`: the app's validator refuses each
//! one and names the field (and the item) that `tests/invalid/expected.json` gives. `tests/schema/invalid.test.mjs`
//! checks the JSON Schemas against the same files, so the two cannot drift apart unnoticed.
use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use tics_domain::catalogue::{Catalogue, Problem};

/// What a file must be refused for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    field: String,
    #[serde(default)]
    item: Option<String>,
    /// Where ajv reports the error; `None` for files only the app can refuse.
    schema: Option<String>,
    /// Why JSON Schema cannot catch it (files under `rust-only/`).
    #[serde(default)]
    why: Option<String>,
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/invalid")
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(corpus().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn expected() -> BTreeMap<String, Expected> {
    let mut all: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&read("expected.json")).expect("expected.json is JSON");
    all.remove("$comment");
    all.into_iter()
        .map(|(name, v)| (name.clone(), serde_json::from_value(v).unwrap_or_else(|e| panic!("{name}: {e}"))))
        .collect()
}

/// The `.json` files of the corpus, as paths relative to it (`catalogue/level-zero.json`).
fn files() -> Vec<String> {
    let mut found = Vec::new();
    for dir in ["catalogue", "catalogue/rust-only", "overlay", "overlay/rust-only"] {
        for entry in std::fs::read_dir(corpus().join(dir)).expect("corpus folder") {
            let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                found.push(format!("{dir}/{name}"));
            }
        }
    }
    found.sort();
    found
}

fn base() -> Catalogue {
    Catalogue::default_tics().expect("the built-in catalogue is valid")
}

/// Loads a corpus file the way the app does: a catalogue on its own, an overlay on the built-in catalogue.
fn load(relative: &str) -> Result<Catalogue, Vec<Problem>> {
    if relative.starts_with("overlay/") {
        base().with_overlay(&read(relative))
    } else {
        Catalogue::from_json(&read(relative))
    }
}

#[test]
fn the_files_the_cases_start_from_are_valid() {
    let catalogue = Catalogue::from_json(&read("valid-catalogue.json")).expect("valid-catalogue.json");
    assert_eq!(catalogue.items.len(), 2);
    base().with_overlay(&read("valid-overlay.json")).expect("valid-overlay.json");
}

#[test]
fn every_file_is_listed_with_what_it_must_be_refused_for() {
    let listed: Vec<String> = expected().into_keys().collect();
    assert_eq!(files(), listed, "the files in tests/invalid/ and the entries of expected.json differ");
    for (name, e) in expected() {
        let rust_only = name.contains("/rust-only/");
        assert_eq!(e.schema.is_none(), rust_only, "{name}: only rust-only/ files have no schema path");
        assert_eq!(e.why.is_some(), rust_only, "{name}: rust-only/ files (and only they) say why");
    }
    assert!(files().len() >= 60, "a corpus of realistic mistakes");
}

#[test]
fn the_validator_refuses_every_invalid_file_naming_the_field() {
    let mut failures = Vec::new();
    for (name, e) in expected() {
        match load(&name) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(problems) => {
                let named = problems
                    .iter()
                    .any(|p| p.field == e.field && (e.item.is_none() || p.item == e.item) && !p.message.ja.is_empty());
                if !named {
                    let found: Vec<String> = problems.iter().map(|p| format!("{:?} {p}", p.item)).collect();
                    failures.push(format!(
                        "{name}: expected {:?} on {:?}, found:\n    {}",
                        e.field,
                        e.item,
                        found.join("\n    ")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} files:\n{}", failures.len(), expected().len(), failures.join("\n"));
}
