//! Prepares the built-in catalogue for the browser. It is checked here, at build time (a catalogue with problems
//! fails the build, naming them), and written in the checked form (`tics_domain::checked`), so the app reads it
//! without carrying the validator. The guidance and examples (the bulk of the text) are left out: the app fetches
//! them when a user first opens "解説と例", from the file scripts/post-build.mjs writes next to it. The catalogue
//! itself stays one file, content/catalogue.json.
//!
//! It also asks the linker to keep its relocations for the app's own binary when it is split into chunks
//! (`src/ui/lazy.rs`): the splitter (scripts/wasm-split/wasm-bindgen) needs them to see what each chunk reaches.
use std::{env, fs, path::Path};

use tics_domain::{Catalogue, Text};

fn main() {
    let source = "content/catalogue.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let mut catalogue = Catalogue::from_json(&text).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{source} has problems:\n{}", list.join("\n"))
    });
    for item in &mut catalogue.items {
        item.guidance = Text::new("", "");
        item.examples = None;
        item.guidance_later = true;
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("catalogue-core.json");
    fs::write(&out, catalogue.to_checked_json()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    // Only for this binary's link step and only on wasm when splitting: given through RUSTFLAGS, relocations would
    // rebuild every dependency and reach the web workers, and a module that is not split keeps them through
    // wasm-bindgen and wasm-opt (about twice the size).
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && env::var_os("CARGO_FEATURE_ONE_MODULE").is_none() {
        println!("cargo:rustc-link-arg-bin=tics-self-check=--emit-relocs");
    }
}
