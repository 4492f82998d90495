//! Where keyboard focus goes after an action, as a meaning. Only this module turns a target into a DOM id, and
//! the components give their elements the same ids through it, so the reducer never chooses a DOM id.
use tics_domain::catalogue::Threat;

use crate::ui::state::view::View;

/// An element that takes focus after the next render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A view's tab button.
    ViewTab(View),
    /// The heading of the file waiting to be imported.
    PendingImport,
    /// The file field of the import panel.
    ImportInput,
    /// The heading of the downloads, which names the open self-check.
    DownloadHeading,
    /// The heading of the list of self-checks.
    LibraryHeading,
    /// A library entry's rename field, and its rename button.
    RenameInput(String),
    RenameButton(String),
    /// An item card's main button (set aside, bring back, add): where focus stays when the card moves.
    ItemAction(String),
    /// An item card's title, where links to the item lead.
    ItemTitle(String),
    /// The reason field of an item's set-aside form.
    AsideReason(String),
    /// A topic's heading, where links to the topic lead.
    TopicHeading(String),
    /// A feared threat's heading in the list by threat, where links to it lead and where focus goes when an
    /// item leaves that list.
    ThreatHeading(Threat),
    /// The priority field of a gap in the action plan.
    PlanPriority(String),
    /// A part of an inventory row, by position: `heading`, a field key, `up`, `down`, `delete`.
    InventoryRow(usize, &'static str),
    /// The button that adds a blank inventory row (where focus goes when the last row is deleted).
    InventoryAdd,
    /// The result of reading an inventory file.
    InventoryPreview,
    /// The file field of the inventory's import.
    InventoryImportInput,
    /// The result of reading an audit checksheet for the periodic report.
    ChecksheetPreview,
    /// The file field of the checksheet's import.
    ChecksheetImportInput,
    /// A template's entry in the documents view, by key.
    Template(&'static str),
    /// A part of a periodic-report row, by row ID: `heading`, a field (`chapter`, `audit`, …), `link-pick`,
    /// `delete`.
    Criterion(String, &'static str),
    /// The button that adds a row to the periodic report (where focus goes after a row is deleted).
    PeriodicAddRow,
    /// The button that keeps this tab's copy of a self-check another tab deleted, by its ID.
    KeepCopy(String),
}

/// The DOM id prefix of an item (IDs like `1.2` hold dots, which CSS selectors would misread).
pub fn item_dom(item: &str) -> String {
    format!("tics-item-{}", item.replace('.', "-"))
}

impl Focus {
    /// The id of the element.
    pub fn element_id(&self) -> String {
        match self {
            Focus::ViewTab(view) => format!("tics-tab-{}", view.key()),
            Focus::PendingImport => "tics-pending-heading".into(),
            Focus::ImportInput => "tics-import".into(),
            Focus::DownloadHeading => "tics-download-heading".into(),
            Focus::LibraryHeading => "tics-library-heading".into(),
            Focus::RenameInput(entry) => format!("tics-rename-{entry}"),
            Focus::RenameButton(entry) => format!("tics-rename-button-{entry}"),
            Focus::ItemAction(item) => format!("{}-action", item_dom(item)),
            Focus::ItemTitle(item) => format!("{}-title", item_dom(item)),
            Focus::AsideReason(item) => format!("{}-aside", item_dom(item)),
            Focus::TopicHeading(topic) => format!("tics-topic-{topic}"),
            Focus::ThreatHeading(threat) => format!("tics-threat-{}", threat.key()),
            Focus::PlanPriority(item) => format!("{}-plan-priority", item_dom(item)),
            Focus::InventoryRow(row, part) => format!("tics-inv-{row}-{part}"),
            Focus::InventoryAdd => "tics-inv-add".into(),
            Focus::InventoryPreview => "tics-inv-preview".into(),
            Focus::InventoryImportInput => "tics-inv-import".into(),
            Focus::ChecksheetPreview => "tics-cs-preview".into(),
            Focus::ChecksheetImportInput => "tics-cs-import".into(),
            Focus::Template(key) => format!("tics-template-{key}"),
            Focus::Criterion(row, part) => format!("tics-crit-{row}-{part}"),
            Focus::PeriodicAddRow => "tics-periodic-add".into(),
            Focus::KeepCopy(entry) => format!("tics-keep-copy-{entry}"),
        }
    }
}
