//! The format of what the app keeps in the browser's storage between visits.
//!
//! Saved data carries a format name and a version. Older versions are migrated step by step; data from a newer
//! app is refused (and kept untouched by the caller) instead of being misread.
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::base::text::{Lang, Message, Text};
use crate::engine::library::Library;

pub const STATE_FORMAT: &str = "tics-self-check-state";
/// Version 1 held a single self-check; version 2 holds a library of named self-checks; version 3 keeps each
/// self-check's periodic report by criterion (see [`crate::engine::periodic::migrate_by_item`]); version 4 counts
/// revisions, for tabs that merge each other's changes (see the `sync` module), gives inventory rows IDs, and
/// records each self-check's last download as a file.
pub const STATE_VERSION: u32 = 4;

/// The most the saved state may take in the browser's storage, in UTF-16 code units of its JSON (what browsers
/// count): 1,048,576 units, 2,048 KB as browsers store them.
///
/// `localStorage` holds about 5 MB per origin, counted differently by each engine:
/// - Chromium: 10 MiB of keys and values at 2 bytes per UTF-16 code unit, so 5,242,880 units;
/// - Firefox: 5 MiB (`dom.storage.default_quota`), counted in UTF-16 code units: 5,242,880 units;
/// - Safari (WebKit): 5 MiB of bytes, and a string with any character outside Latin-1 takes 2 bytes per code
///   unit. A saved state always has one (names and notes are Japanese), so 2,621,440 units.
///
/// The budget is 40 % of the smallest. The rest is left for what else the origin keeps: a second self-check on the
/// same origin under another namespace (the example portal embeds two widgets), the language keys, and a backup
/// copy of data that could not be read. Refusing here, with sizes and advice, beats a write that fails later.
pub const STORAGE_BUDGET: usize = 1024 * 1024;

/// What is stored: every self-check plus the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub format: String,
    pub version: u32,
    /// Counts the writes to storage, by every tab: each write is one above the one it replaced.
    #[serde(default)]
    pub revision: u64,
    /// The revision the writing tab had last read or written before its change. A value written in a later
    /// revision and changed by this write was replaced by a tab that had not seen it.
    #[serde(default)]
    pub seen: u64,
    pub lang: Lang,
    pub library: Library,
}

impl SavedState {
    pub fn new(library: Library, lang: Lang) -> Self {
        SavedState { format: STATE_FORMAT.into(), version: STATE_VERSION, revision: 0, seen: 0, lang, library }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks that this state fits in [`STORAGE_BUDGET`]. The reducer calls it on the state it is about to keep
    /// before it adds or replaces a self-check, and refuses the change when it does not fit. Returns the size in
    /// UTF-16 code units; the refusal gives the size needed and the limit, in KB, and what to do.
    pub fn check_fits(&self) -> Result<usize, Message> {
        let size = utf16_units(&self.to_json());
        if size <= STORAGE_BUDGET {
            return Ok(size);
        }
        let (need, limit) = (kb(size), kb(STORAGE_BUDGET));
        Err(Text::new(
            format!("ブラウザの保存領域に収まらないため、この変更は保存しません（必要な容量 約 {need}、上限 {limit}）。不要になったセルフチェックを削除するか、このセルフチェックはブラウザに置かず、JSON ファイルとして保管してください。"),
            format!("This change was not kept: it does not fit in the browser's storage (it would need about {need}; the limit is {limit}). Delete self-checks you no longer need, or keep this one as a file (JSON) instead of in the browser."),
        ))
    }
}

/// The length of `s` in UTF-16 code units, as browsers measure storage.
pub(crate) fn utf16_units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `units` UTF-16 code units as KB of storage (2 bytes a unit), rounded up, with thousands separators.
pub(crate) fn kb(units: usize) -> String {
    let digits = units.saturating_mul(2).div_ceil(1024).to_string();
    let mut grouped = String::new();
    for (n, digit) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped} KB")
}

impl SavedState {
    /// Reads saved data, migrating older versions and refusing anything that is not ours or is too new.
    pub fn from_json(json: &str) -> Result<SavedState, Message> {
        let mut value: Value = serde_json::from_str(json).map_err(|_| {
            Text::new(
                "保存データが壊れているため読み込めませんでした",
                "The saved data is damaged and could not be read",
            )
        })?;
        if value.get("format").and_then(Value::as_str) != Some(STATE_FORMAT) {
            return Err(Text::new("保存データの形式が違います", "The saved data is not in this app's format"));
        }
        let mut version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
        if version > u64::from(STATE_VERSION) {
            return Err(Text::new(
                "保存データは新しい版のアプリで作られたため、この版では読めません",
                "The saved data was written by a newer version of the app and cannot be read by this one",
            ));
        }
        while version < u64::from(STATE_VERSION) {
            value = match version {
                1 => v1_to_v2(value),
                2 => v2_to_v3(value),
                // Version 4 only adds fields that default to nothing.
                3 => {
                    if let Some(obj) = value.as_object_mut() {
                        obj.insert("version".into(), json!(4));
                    }
                    value
                }
                _ => return Err(Text::new("保存データの版が不明です", "The saved data has an unknown version")),
            };
            version += 1;
        }
        let mut state: SavedState = serde_json::from_value(value).map_err(|_| {
            Text::new(
                "保存データの内容が不正なため読み込めませんでした",
                "The saved data has invalid content and could not be read",
            )
        })?;
        if state.library.open_entry().is_none() {
            return Err(Text::new(
                "保存データの内容が不正なため読み込めませんでした",
                "The saved data has invalid content and could not be read",
            ));
        }
        for entry in &mut state.library.entries {
            entry.check.inventory.number_rows();
        }
        Ok(state)
    }
}

/// True when `json` is this app's saved data written by a newer version: data to leave where it is, for the
/// newer app to find, rather than to treat as damaged.
pub fn is_newer(json: &str) -> bool {
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return false;
    };
    value.get("format").and_then(Value::as_str) == Some(STATE_FORMAT)
        && value.get("version").and_then(Value::as_u64).is_some_and(|v| v > u64::from(STATE_VERSION))
}

/// Version 1 kept one self-check under `check`; it becomes the only entry of a library.
fn v1_to_v2(v1: Value) -> Value {
    let check = v1.get("check").cloned().unwrap_or(Value::Null);
    json!({
        "format": STATE_FORMAT,
        "version": 2,
        "lang": v1.get("lang").cloned().unwrap_or(json!("ja")),
        "library": {
            "open": "sc-1",
            "entries": [{ "id": "sc-1", "name": "セルフチェック", "created": "", "check": check }]
        }
    })
}

/// Version 2 kept each self-check's periodic report by item; it moves to `periodic.by_item`.
fn v2_to_v3(mut v2: Value) -> Value {
    if let Some(entries) = v2.pointer_mut("/library/entries").and_then(Value::as_array_mut) {
        for entry in entries {
            if let Some(check) = entry.get_mut("check") {
                crate::engine::periodic::migrate_by_item(check);
            }
        }
    }
    if let Some(obj) = v2.as_object_mut() {
        obj.insert("version".into(), json!(3));
    }
    v2
}
