//! An item's answer: its status (done, partly, not done, not applicable, don't know), note, checker and date. Its
//! own module so that what the self-check records beside the answers (`records`) can hold answers too.
use serde::{Deserialize, Serialize};

use crate::base::text::Text;

/// The answer states of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 実施
    Done,
    /// 一部実施
    Partial,
    /// 未実施
    NotDone,
    /// 対象外 — needs a reason to count.
    NotApplicable,
    /// わからない
    Unknown,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Done, Status::Partial, Status::NotDone, Status::NotApplicable, Status::Unknown];

    pub fn label(self) -> Text {
        match self {
            Status::Done => Text::new("実施", "Done"),
            Status::Partial => Text::new("一部実施", "Partly done"),
            Status::NotDone => Text::new("未実施", "Not done"),
            Status::NotApplicable => Text::new("対象外", "Not applicable"),
            Status::Unknown => Text::new("わからない", "Don't know"),
        }
    }

    /// Stable key used in files and `data-` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Partial => "partial",
            Status::NotDone => "not_done",
            Status::NotApplicable => "not_applicable",
            Status::Unknown => "unknown",
        }
    }
}

/// The answer to one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub status: Option<Status>,
    /// Why the item is not applicable (required with [`Status::NotApplicable`]).
    pub reason: String,
    pub note: String,
    pub checker: String,
    /// ISO date `YYYY-MM-DD` of the check.
    pub date: String,
}

impl Answer {
    /// The status that counts: "not applicable" without a reason does not count as an answer yet.
    pub fn effective_status(&self) -> Option<Status> {
        match self.status {
            Some(Status::NotApplicable) if self.reason.trim().is_empty() => None,
            s => s,
        }
    }

    /// True when the answer asks for a reason that is still missing.
    pub fn needs_reason(&self) -> bool {
        self.status == Some(Status::NotApplicable) && self.reason.trim().is_empty()
    }
}
