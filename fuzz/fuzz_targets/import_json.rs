//! Any bytes given to the result-file import: refused or accepted, never a panic.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tics_domain::catalogue::Catalogue;
use tics_domain::envelope::import_json;

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::default_tics().expect("the built-in catalogue is valid"))
}

fuzz_target!(|data: &[u8]| {
    let _ = import_json(data, catalogue());
});
