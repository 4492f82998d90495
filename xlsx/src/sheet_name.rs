//! Excel's rules for sheet names, applied to names that come from tables.

/// Excel's limit on a sheet name, counted in UTF-16 code units (what Excel stores).
pub const MAX_LEN: usize = 31;

const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// The names the sheets get, in table order: each made valid by [`sanitise`] and then made unique, because Excel
/// refuses two sheets whose names differ only in case. A repeat gets " (2)", " (3)", ... and is shortened to fit.
///
/// ```
/// let names = tics_xlsx::sheet_names(["結果", "結果", "a/b"]);
/// assert_eq!(names, ["結果", "結果 (2)", "a_b"]);
/// ```
pub fn sheet_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (index, name) in names.into_iter().enumerate() {
        let base = match sanitise(name) {
            Some(base) => base,
            None => format!("Sheet{}", index + 1),
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&fold(&candidate)) {
            let suffix = format!(" ({n})");
            candidate = format!("{}{suffix}", truncate(&base, MAX_LEN - suffix.len()).trim_end());
            n += 1;
        }
        taken.push(fold(&candidate));
        out.push(candidate);
    }
    out
}

/// A valid sheet name made from `name`: forbidden characters `[]:*?/\` and control characters become `_`,
/// leading and trailing apostrophes and spaces go, the reserved name "History" gets a trailing `_`, and the
/// result is cut to 31 UTF-16 units. `None` if nothing is left.
///
/// ```
/// assert_eq!(tics_xlsx::sanitise("'Q1: 2024/25?'").as_deref(), Some("Q1_ 2024_25_"));
/// assert_eq!(tics_xlsx::sanitise(" ' "), None);
/// ```
pub fn sanitise(name: &str) -> Option<String> {
    let replaced: String =
        name.chars().map(|c| if FORBIDDEN.contains(&c) || c.is_control() { '_' } else { c }).collect();
    let trimmed = replaced.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let cut = truncate(trimmed, MAX_LEN).trim_end_matches(|c: char| c == '\'' || c.is_whitespace());
    if cut.is_empty() {
        return None;
    }
    // Excel keeps "History" for its change-tracking sheet.
    if cut.eq_ignore_ascii_case("history") {
        return Some(format!("{cut}_"));
    }
    Some(cut.to_string())
}

/// The longest prefix of `s` that is at most `max` UTF-16 units long, never splitting a character.
fn truncate(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..at];
        }
    }
    s
}

/// How Excel compares sheet names: without regard to case.
fn fold(name: &str) -> String {
    name.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_to_31_utf16_units() {
        let long = "情報管理".repeat(10);
        let name = sanitise(&long).unwrap();
        assert_eq!(name.chars().count(), 31);
        // An astral character counts twice and is never split.
        let emoji = "😀".repeat(20);
        assert_eq!(sanitise(&emoji).unwrap().chars().count(), 15);
    }

    #[test]
    fn forbidden_characters_and_apostrophes() {
        assert_eq!(sanitise("a[b]c:d*e?f/g\\h").unwrap(), "a_b_c_d_e_f_g_h");
        assert_eq!(sanitise("'quoted'").unwrap(), "quoted");
        assert_eq!(sanitise("tab\there").unwrap(), "tab_here");
        assert_eq!(sanitise("History").unwrap(), "History_");
        assert_eq!(sanitise(""), None);
    }

    #[test]
    fn duplicates_differing_in_case_are_numbered_and_still_fit() {
        let long = "x".repeat(40);
        let names = sheet_names(["Gaps", "gaps", "", &long, &long]);
        assert_eq!(names[0], "Gaps");
        assert_eq!(names[1], "gaps (2)");
        assert_eq!(names[2], "Sheet3");
        assert_eq!(names[3], "x".repeat(31));
        assert_eq!(names[4], format!("{} (2)", "x".repeat(27)));
        assert!(names.iter().all(|n| n.encode_utf16().count() <= MAX_LEN));
    }
}
