//! Reading a catalogue file a person chose: a whole catalogue, or an association's overlay applied to a base
//! catalogue, told apart by the file's `format` field.
use serde_json::Value;

use crate::base::text::Text;
use crate::catalogue::{Catalogue, Problem, OVERLAY_FORMAT_NAME};

/// What a catalogue file is, by its `format` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Catalogue,
    Overlay,
}

/// The kind of `json`: an overlay when its top-level `format` says so, otherwise a catalogue (whose own checks
/// then name whatever is wrong with the format).
pub fn kind_of(json: &str) -> FileKind {
    let format = serde_json::from_str::<Value>(json).ok().and_then(|v| v.get("format")?.as_str().map(str::to_owned));
    if format.as_deref() == Some(OVERLAY_FORMAT_NAME) {
        FileKind::Overlay
    } else {
        FileKind::Catalogue
    }
}

/// Checks a file: an overlay is applied to `base`, a catalogue is read on its own. Every problem is listed.
pub fn read_file(base: &Catalogue, bytes: &[u8]) -> Result<Catalogue, Vec<Problem>> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| {
        vec![Problem {
            item: None,
            field: "(file)".into(),
            message: Text::new("UTF-8 のテキストではありません", "the file is not UTF-8 text"),
        }]
    })?;
    match kind_of(text) {
        FileKind::Overlay => base.with_overlay(text),
        FileKind::Catalogue => Catalogue::from_json(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_field_decides_not_a_mention_elsewhere() {
        assert_eq!(kind_of(r#"{"format":"tics-self-check-overlay"}"#), FileKind::Overlay);
        // A catalogue whose text merely mentions the overlay format is still a catalogue.
        assert_eq!(
            kind_of(r#"{"format":"tics-self-check-catalogue","title":{"ja":"\"tics-self-check-overlay\"","en":""}}"#),
            FileKind::Catalogue
        );
        assert_eq!(kind_of("not json"), FileKind::Catalogue);
    }
}
