//! The format of what the app keeps in the browser's storage between visits.
//!
//! Saved data carries a format name and a version. Older versions are migrated step by step; data from a newer
//! app is refused (and kept untouched by the caller) instead of being misread.
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::library::Library;
use crate::text::{Lang, Message, Text};

pub const STATE_FORMAT: &str = "tics-self-check-state";
/// Version 1 held a single self-check; version 2 holds a library of named self-checks.
pub const STATE_VERSION: u32 = 2;

/// What is stored: every self-check plus the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub format: String,
    pub version: u32,
    pub lang: Lang,
    pub library: Library,
}

impl SavedState {
    pub fn new(library: Library, lang: Lang) -> Self {
        SavedState { format: STATE_FORMAT.into(), version: STATE_VERSION, lang, library }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

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
                _ => return Err(Text::new("保存データの版が不明です", "The saved data has an unknown version")),
            };
            version += 1;
        }
        let state: SavedState = serde_json::from_value(value).map_err(|_| {
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
