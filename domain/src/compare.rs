//! Year over year: how each item changed between two self-checks, and carrying last year's answers forward.
use crate::catalogue::Catalogue;
use crate::selfcheck::{Answer, ReportEntry, SelfCheck, Status};

/// How an item's status changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Improved,
    Worsened,
    Unchanged,
    /// Moved to or from "not applicable": neither better nor worse.
    Reclassified,
}

impl Change {
    pub fn key(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Worsened => "worsened",
            Change::Unchanged => "unchanged",
            Change::Reclassified => "reclassified",
        }
    }
}

/// One item's statuses before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub item: String,
    pub before: Option<Status>,
    pub after: Option<Status>,
    pub change: Change,
}

/// How far along an answer is: done > partly done > not done or unknown > unanswered.
fn rank(status: Option<Status>) -> u8 {
    match status {
        Some(Status::Done) => 3,
        Some(Status::Partial) => 2,
        Some(Status::NotDone | Status::Unknown) => 1,
        None | Some(Status::NotApplicable) => 0,
    }
}

fn status(check: &SelfCheck, item: &str) -> Option<Status> {
    check.answer(item).and_then(Answer::effective_status)
}

/// Compares every catalogue item answered in either self-check, in catalogue order.
pub fn compare(catalogue: &Catalogue, before: &SelfCheck, after: &SelfCheck) -> Vec<ItemChange> {
    catalogue
        .items
        .iter()
        .filter_map(|item| {
            let (b, a) = (status(before, &item.id), status(after, &item.id));
            if b.is_none() && a.is_none() {
                return None;
            }
            let na = |s: Option<Status>| s == Some(Status::NotApplicable);
            let change = if b == a {
                Change::Unchanged
            } else if na(b) || na(a) {
                Change::Reclassified
            } else if rank(a) > rank(b) {
                Change::Improved
            } else if rank(a) < rank(b) {
                Change::Worsened
            } else {
                Change::Unchanged
            };
            Some(ItemChange { item: item.id.clone(), before: b, after: a, change })
        })
        .collect()
}

/// The start of next year's self-check: last year's profile, scope, answers, notes and plan are kept; who checked
/// and when are cleared, since they must be confirmed again. The periodic report keeps what the auditor confirmed
/// and the rotation year, and clears this period's fields.
pub fn carry_forward(last: &SelfCheck) -> SelfCheck {
    let mut next = last.clone();
    for answer in next.answers.values_mut() {
        answer.checker.clear();
        answer.date.clear();
    }
    next.report = last
        .report
        .iter()
        .map(|(id, r)| {
            (id.clone(), ReportEntry { audit_check: r.audit_check.clone(), year: r.year, ..ReportEntry::default() })
        })
        .filter(|(_, r)| *r != ReportEntry::default())
        .collect();
    next
}
