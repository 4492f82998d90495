//! What changed between versions of a catalogue: each release lists the items added, moved to another level or
//! reworded, so that a result file made with an older version can be read against the current one. The words
//! for these changes are in `vocab`; the catalogue reads and checks the list.
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// One version's changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: String,
    /// Why the items changed, in a sentence or two.
    pub summary: Text,
    pub items: Vec<Revision>,
}

/// How one item changed in a release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "lowercase", deny_unknown_fields)]
pub enum Revision {
    /// A new item; `from` names the item it was split from, if any.
    Added {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// The item moved from level `was` to its present level.
    Level { id: String, was: u8 },
    /// The item's title or requirement now says something different (answers to it may need checking again).
    Reworded { id: String },
}

impl Revision {
    pub fn id(&self) -> &str {
        match self {
            Revision::Added { id, .. } | Revision::Level { id, .. } | Revision::Reworded { id } => id,
        }
    }
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
