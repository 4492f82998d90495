//! What changed between versions of a catalogue: each release lists the items added, moved to another level or
//! reworded, so that a result file made with an older version can be read against the current one. The words
//! for these changes are in `vocab`; the catalogue reads and checks the list.
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::base::text::Text;

/// One version's changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: String,
    /// Why the items changed, in a sentence or two.
    pub summary: Text,
    pub items: Vec<Revision>,
}

/// A catalogue's releases, kept as the JSON text they were checked in and read when asked for: the app carries
/// the catalogue from start-up, but only the views that show the changes (in chunks of their own) need the code
/// that reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Releases(String);

impl Releases {
    /// Releases that were already checked.
    pub fn new(list: &[Release]) -> Releases {
        if list.is_empty() {
            return Releases::default();
        }
        // Plain data: serialising cannot fail.
        Releases(serde_json::to_string(list).unwrap_or_default())
    }

    /// The JSON text, for the checked form of the catalogue.
    pub fn json(&self) -> &str {
        &self.0
    }

    /// From the checked form of the catalogue (checked when it was written).
    pub fn from_json(json: String) -> Releases {
        Releases(json)
    }

    /// Every release, oldest first. Text that does not read as releases (it never does: the catalogue's check
    /// wrote it) gives none.
    pub fn list(&self) -> Vec<Release> {
        if self.0.is_empty() {
            return Vec::new();
        }
        serde_json::from_str(&self.0).unwrap_or_default()
    }
}

/// How one item changed in a release. A plain struct rather than a tagged enum: the app reads it at start-up, and
/// serde's tagged enums cost kilobytes of code there. The catalogue's check makes the fields agree with `change`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub id: String,
    pub change: Change,
    /// With [`Change::Level`]: the level the item had before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<u8>,
    /// With [`Change::Added`]: the item it was split from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// A new item.
    Added,
    /// The item moved from level `was` to its present level.
    Level,
    /// The item's title or requirement now says something different (answers to it may need checking again).
    Reworded,
}

/// Orders catalogue versions by their dot-separated numbers ("1.10.0" after "1.9.2"); an overlay's version
/// (`<base>+<overlay>`) is ordered by its base part. A part that is not a number counts as 0.
///
/// ```
/// use std::cmp::Ordering;
/// use tics_domain::releases::version_order;
/// assert_eq!(version_order("1.10.0", "1.9.2"), Ordering::Greater);
/// assert_eq!(version_order("1.0.0+2", "1.1.0"), Ordering::Less);
/// assert_eq!(version_order("1.1", "1.1.0"), Ordering::Equal);
/// ```
pub fn version_order(a: &str, b: &str) -> Ordering {
    let parts = |v: &str| -> Vec<u64> {
        let base = v.split('+').next().unwrap_or_default();
        let mut parts: Vec<u64> = base.split('.').map(|p| p.trim().parse().unwrap_or(0)).collect();
        while parts.last() == Some(&0) {
            parts.pop();
        }
        parts
    };
    parts(a).cmp(&parts(b))
}
