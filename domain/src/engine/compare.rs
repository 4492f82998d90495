//! Year over year: how each item changed between two self-checks, and carrying last year's answers forward.
use crate::base::text::{Lang, Text};
use crate::catalogue::Catalogue;
use crate::engine::inventory::{FileColumn, InfoRow, Inventory};
use crate::engine::selfcheck::{Answer, SelfCheck, Status};

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

/// How one row of the inventory changed, matched by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowChange {
    Added(String),
    Removed(String),
    /// The row's name and the columns that differ.
    Changed(String, Vec<FileColumn>),
}

impl RowChange {
    /// One line: what happened to which row, and for a changed row which columns.
    pub fn describe(&self) -> Text {
        match self {
            RowChange::Added(name) => Text::new(format!("追加: {name}"), format!("Added: {name}")),
            RowChange::Removed(name) => Text::new(format!("削除: {name}"), format!("Removed: {name}")),
            RowChange::Changed(name, columns) => {
                let list = |lang: Lang| columns.iter().map(|c| c.label().get(lang).to_owned()).collect::<Vec<_>>();
                Text::new(
                    format!("変更: {name}（{}）", list(Lang::Ja).join("、")),
                    format!("Changed: {name} ({})", list(Lang::En).join(", ")),
                )
            }
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            RowChange::Added(_) => "added",
            RowChange::Removed(_) => "removed",
            RowChange::Changed(..) => "changed",
        }
    }
}

/// The inventory's changes, rows matched by their trimmed name (the n-th row of a name with the n-th of the
/// other year): removed rows in last year's order, then added and changed rows in this year's.
pub fn compare_inventory(before: &Inventory, after: &Inventory) -> Vec<RowChange> {
    let key = |rows: &[InfoRow], n: usize| {
        let name = rows[n].name.trim();
        (name.to_owned(), rows[..n].iter().filter(|r| r.name.trim() == name).count())
    };
    let keyed = |rows: &[InfoRow]| -> Vec<(String, usize)> { (0..rows.len()).map(|n| key(rows, n)).collect() };
    let (old_keys, new_keys) = (keyed(&before.rows), keyed(&after.rows));
    let mut changes: Vec<RowChange> =
        old_keys.iter().filter(|k| !new_keys.contains(k)).map(|(name, _)| RowChange::Removed(name.clone())).collect();
    for (n, k) in new_keys.iter().enumerate() {
        let row = &after.rows[n];
        match old_keys.iter().position(|o| o == k) {
            None => changes.push(RowChange::Added(k.0.clone())),
            Some(o) => {
                let old = &before.rows[o];
                let differ: Vec<FileColumn> =
                    FileColumn::ALL.into_iter().filter(|c| c.cell(old, Lang::En) != c.cell(row, Lang::En)).collect();
                if !differ.is_empty() {
                    changes.push(RowChange::Changed(k.0.clone(), differ));
                }
            }
        }
    }
    changes
}

/// The start of next year's self-check: last year's profile, scope, answers, notes and plan are kept; who checked
/// and when are cleared, since they must be confirmed again. The periodic report starts from last year's
/// ([`crate::engine::periodic::PeriodicReport::carry_forward`]).
pub fn carry_forward(last: &SelfCheck) -> SelfCheck {
    let mut next = last.clone();
    for answer in next.answers.values_mut() {
        answer.checker.clear();
        answer.date.clear();
    }
    next.periodic = last.periodic.carry_forward();
    // Last year's undecided merge is not this year's: the team, the certification and the evidence stay.
    if let Some(team) = next.team.0.as_object_mut() {
        team.remove("conflicts");
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::inventory::RowField;

    fn row(name: &str, manager: &str) -> InfoRow {
        InfoRow { name: name.into(), manager: manager.into(), ..InfoRow::default() }
    }

    #[test]
    fn inventory_rows_are_matched_by_name() {
        let before = Inventory {
            rows: vec![row("図面", "A"), row("試作品", "B"), row("図面", "C")],
            ..Inventory::default()
        };
        let after = Inventory {
            rows: vec![row("図面", "A"), row("図面", "D"), row("条件表", "E")],
            ..Inventory::default()
        };
        assert_eq!(
            compare_inventory(&before, &after),
            [
                RowChange::Removed("試作品".into()),
                RowChange::Changed("図面".into(), vec![FileColumn::Text(RowField::Manager)]),
                RowChange::Added("条件表".into()),
            ]
        );
        assert!(compare_inventory(&after, &after).is_empty());
        let described: Vec<String> = compare_inventory(&before, &after).iter().map(|c| c.describe().ja).collect();
        assert_eq!(described, ["削除: 試作品", "変更: 図面（管理者）", "追加: 条件表"]);
    }
}
