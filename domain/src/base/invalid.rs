//! A value the app would not accept, named by its path in the self-check's JSON: what the self-check's and the
//! periodic report's checks and the result file's import report.
use crate::base::text::Text;

/// One value of a self-check that the app would not accept, found by the self-check's validation (or, in a file, a
/// value of the wrong type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// Where the value is, as a path into the self-check's JSON, e.g. `answers["1.2"].date`. Keys are written
    /// as JSON strings, so any ID reads unambiguously.
    pub path: String,
    /// The value found, as JSON (long values are shortened).
    pub value: String,
    /// What would be accepted there.
    pub allowed: Text,
}

impl Invalid {
    /// The problem at `path`, quoting `value` as JSON.
    pub fn new(path: String, value: &serde_json::Value, allowed: Text) -> Invalid {
        const LONGEST: usize = 60;
        let json = value.to_string();
        let value = if json.chars().count() > LONGEST {
            format!("{}…", json.chars().take(LONGEST).collect::<String>())
        } else {
            json
        };
        Invalid { path, value, allowed }
    }

    /// The problem as one line in `ja` and `en`: the path, the value found and what is allowed.
    pub fn describe(&self) -> Text {
        Text::new(
            format!("{} が {}（{}）", self.path, self.value, self.allowed.ja),
            format!("{} is {} (allowed: {})", self.path, self.value, self.allowed.en),
        )
    }
}

/// `map[key]` as a path segment, with the key written as a JSON string.
pub(crate) fn key_path(map: &str, key: &str) -> String {
    format!("{map}[{}]", serde_json::Value::from(key))
}
