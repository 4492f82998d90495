//! Any text as a catalogue, and as an overlay on the built-in catalogue: problems or a catalogue, never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tics_domain::catalogue::Catalogue;

fn base() -> &'static Catalogue {
    static BASE: OnceLock<Catalogue> = OnceLock::new();
    BASE.get_or_init(|| Catalogue::default_tics().expect("the built-in catalogue is valid"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Catalogue::from_json(text);
        let _ = base().with_overlay(text);
    }
});
