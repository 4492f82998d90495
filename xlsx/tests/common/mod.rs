//! Helpers the workbook tests share: the XML of one part of an .xlsx package, read with zip, for what calamine
//! does not expose (print set-up, print titles, drop-down lists).
use std::io::{Cursor, Read};

/// The XML of the part `name` of the .xlsx package `bytes`.
pub fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("{name} is in the package"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("UTF-8 XML");
    xml
}
