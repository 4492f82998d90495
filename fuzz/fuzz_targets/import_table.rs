//! Any bytes given to the inventory import as the Excel worker reads them (an .xlsx workbook or CSV text, told
//! apart by content): a preview or a refusal, never a panic. The first byte also picks a header row and a
//! column mapping to try as the user's corrections.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tics_domain::import::Choice;
use tics_xlsx::import::read_inventory;

const KEYS: [&str; 12] = [
    "name",
    "description",
    "forms",
    "location",
    "manager",
    "classification",
    "access",
    "entrusted",
    "conditions",
    "retention",
    "disposal",
    "nonsense",
];

fuzz_target!(|data: &[u8]| {
    // A stand-in for the browser's Shift_JIS decoder: any answer must be handled.
    let decode = |bytes: &[u8]| String::from_utf8(bytes.iter().map(|b| b & 0x7F).collect()).ok();
    let _ = read_inventory(data, "fuzz", None, &decode);
    if let Some(first) = data.first() {
        let mapping = (0..usize::from(first % 8))
            .map(|n| KEYS.get((n * 5 + usize::from(*first)) % 13).map(|k| k.to_string()))
            .collect();
        let choice = Choice { sheet: None, header_row: Some(usize::from(first % 20)), mapping: Some(mapping) };
        let _ = read_inventory(data, "fuzz", Some(&choice), &|_| None);
    }
});
