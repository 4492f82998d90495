//! The format of what the app keeps in the browser's storage between visits.
//!
//! Saved data carries a format name and a version so that a newer app can migrate it and an older app
//! refuses it (keeping it untouched) instead of misreading it.
use serde::{Deserialize, Serialize};

use crate::selfcheck::SelfCheck;
use crate::text::{Lang, Message, Text};

pub const STATE_FORMAT: &str = "tics-self-check-state";
pub const STATE_VERSION: u32 = 1;

/// What is stored: the self-check plus the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub format: String,
    pub version: u32,
    pub catalogue_id: String,
    pub catalogue_version: String,
    pub lang: Lang,
    pub check: SelfCheck,
}

impl SavedState {
    pub fn new(check: SelfCheck, lang: Lang, catalogue_id: &str, catalogue_version: &str) -> Self {
        SavedState {
            format: STATE_FORMAT.into(),
            version: STATE_VERSION,
            catalogue_id: catalogue_id.into(),
            catalogue_version: catalogue_version.into(),
            lang,
            check,
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads saved data, refusing anything that is not ours or is newer than this app understands.
    pub fn from_json(json: &str) -> Result<SavedState, Message> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| {
            Text::new(
                "保存データが壊れているため読み込めませんでした",
                "The saved data is damaged and could not be read",
            )
        })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(STATE_FORMAT) {
            return Err(Text::new("保存データの形式が違います", "The saved data is not in this app's format"));
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(STATE_VERSION) {
            return Err(Text::new(
                "保存データは新しい版のアプリで作られたため、この版では読めません",
                "The saved data was written by a newer version of the app and cannot be read by this one",
            ));
        }
        serde_json::from_value(value).map_err(|_| {
            Text::new(
                "保存データの内容が不正なため読み込めませんでした",
                "The saved data has invalid content and could not be read",
            )
        })
    }
}
