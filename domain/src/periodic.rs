//! Rules of the yearly periodic report (定期報告) that the views and files share: which items it covers, the
//! years of the three-year rotation, and the number of the self-check result statement.
use std::ops::RangeInclusive;

use crate::catalogue::{Catalogue, Item};
use crate::selfcheck::{SelfCheck, ROTATION_YEARS};

/// The years of the rotation: a certification runs three years, and each item is checked in one of them.
pub fn rotation_years() -> RangeInclusive<u8> {
    1..=ROTATION_YEARS
}

/// The items the periodic report covers: those in the self-check, in catalogue order; with `year`, only those
/// assigned to that rotation year.
pub fn covered_items<'a>(catalogue: &'a Catalogue, check: &'a SelfCheck, year: Option<u8>) -> Vec<&'a Item> {
    catalogue
        .items
        .iter()
        .filter(|i| check.scope(i).in_scope())
        .filter(|i| year.is_none() || check.report.get(&i.id).and_then(|r| r.year) == year)
        .collect()
}

/// The result statement's unique number: the date of issue and the self-check's ID.
///
/// ```
/// assert_eq!(tics_domain::periodic::statement_id("sc-abc-12", "2026-11-23"), "TICS-SC-20261123-abc-12");
/// ```
pub fn statement_id(entry_id: &str, date: &str) -> String {
    format!("TICS-SC-{}-{}", date.replace('-', ""), entry_id.trim_start_matches("sc-"))
}
