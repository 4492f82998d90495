//! Splits the built-in catalogue for the browser: the app compiles in everything but the guidance and examples
//! (the bulk of the text), which it fetches when a user first opens "解説と例". scripts/post-build.mjs writes
//! that second file next to the app. The catalogue itself stays one file, content/catalogue.json.
use std::{env, fs, path::Path};

/// Stands in for guidance that is fetched later. Must match `web::guidance::LAZY`.
const LAZY: &str = "(lazy)";

fn main() {
    let source = "content/catalogue.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let mut catalogue: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
    if let Some(items) = catalogue.get_mut("items").and_then(|i| i.as_array_mut()) {
        for item in items.iter_mut().filter_map(|i| i.as_object_mut()) {
            item.remove("examples");
            item.insert("guidance".into(), serde_json::json!({ "ja": LAZY, "en": LAZY }));
        }
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("catalogue-core.json");
    fs::write(&out, catalogue.to_string()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
