//! Several named self-checks kept side by side (per site, department or year), one of them open.
use serde::{Deserialize, Serialize};

use crate::base::text::{Message, Text};
use crate::engine::selfcheck::SelfCheck;

/// One named self-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable, unique within the library; also the base of the statement's ID.
    pub id: String,
    pub name: String,
    /// ISO date-time of creation.
    pub created: String,
    pub check: SelfCheck,
    /// Counts the changes to this self-check's name and content, in every tab (see the `sync` module). A file
    /// downloaded at a lower revision misses the changes since.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    /// The version of the catalogue the answers were given against, when they came from a file made with another
    /// version of this catalogue (the comparison lists what changed since). `None`: the app's own catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_with: Option<String>,
    /// The last download of this self-check as a result file (the JSON that can be loaded again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileCopy>,
}

/// A result file downloaded from a self-check: when, and the self-check's revision it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCopy {
    /// ISO date-time of the download.
    pub at: String,
    pub revision: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Entry {
    /// A self-check under `id`, never changed yet.
    pub fn new(id: String, name: String, created: String, check: SelfCheck) -> Entry {
        Entry { id, name, created, check, checked_with: None, revision: 0, file: None }
    }

    /// Whether the self-check holds changes that no downloaded result file holds. A self-check never changed
    /// (new, copied or loaded from a file) has none.
    pub fn unsaved(&self) -> bool {
        self.revision > self.file.as_ref().map_or(0, |f| f.revision)
    }
}

/// All self-checks of this browser (or of this embedding's namespace).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub entries: Vec<Entry>,
    /// The ID of the open self-check; always one of `entries`.
    pub open: String,
}

/// Changes to the list of self-checks. IDs and times come from the caller, keeping this module pure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryAction {
    /// Creates an empty self-check and opens it.
    Create {
        id: String,
        name: String,
        now: String,
    },
    /// Adds a self-check made elsewhere (an import, a carried-forward copy) and opens it.
    Add {
        id: String,
        name: String,
        now: String,
        check: Box<SelfCheck>,
        /// See [`Entry::checked_with`].
        checked_with: Option<String>,
    },
    /// Replaces the content of the open self-check (after the user confirmed).
    ReplaceOpen {
        check: Box<SelfCheck>,
        checked_with: Option<String>,
    },
    Rename {
        id: String,
        name: String,
    },
    /// Records that the self-check was downloaded as a result file at `revision` (not a change of its content).
    FileSaved {
        id: String,
        at: String,
        revision: u64,
    },
    /// Copies a self-check under a new ID and opens the copy.
    Duplicate {
        id: String,
        new_id: String,
        name: String,
        now: String,
    },
    /// Puts people's answers merged into the open self-check, after keeping it as it was under `backup_id`, named
    /// `backup_name` (not opened), so that the merge can be undone.
    MergeAnswers {
        backup_id: String,
        backup_name: String,
        now: String,
        /// The self-check merged ([`crate::engine::team::merge`], made by the team's view).
        merged: Box<SelfCheck>,
        /// How many answers were taken, and how many conflicts wait: for the confirmation.
        taken: usize,
        conflicts: usize,
    },
    /// Deletes a self-check (the UI asks first). Deleting the last one leaves a fresh, empty one.
    Delete {
        id: String,
        fresh_id: String,
        now: String,
    },
    Open(String),
}

impl Library {
    /// A library holding one empty self-check.
    pub fn new(id: String, name: String, now: String) -> Self {
        Library { open: id.clone(), entries: vec![Entry::new(id, name, now, SelfCheck::default())] }
    }

    /// `base`, or — if a self-check already has that name — `base (2)`, `base (3)`, …: names by which the
    /// self-checks can be told apart in lists and comparisons.
    pub fn unique_name(&self, base: &str) -> String {
        let base = base.trim();
        let taken = |name: &str| self.entries.iter().any(|e| e.name == name);
        if !taken(base) {
            return base.to_owned();
        }
        (2..).map(|n| format!("{base} ({n})")).find(|name| !taken(name)).unwrap_or_else(|| base.to_owned())
    }

    pub fn open_entry(&self) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == self.open)
    }

    /// The open self-check. A library always has one open; an empty default stands in if data was tampered with.
    pub fn open_check(&self) -> &SelfCheck {
        static EMPTY: std::sync::OnceLock<SelfCheck> = std::sync::OnceLock::new();
        self.open_entry().map(|e| &e.check).unwrap_or_else(|| EMPTY.get_or_init(SelfCheck::default))
    }

    pub fn open_check_mut(&mut self) -> Option<&mut SelfCheck> {
        let open = self.open.clone();
        self.entries.iter_mut().find(|e| e.id == open).map(|e| &mut e.check)
    }

    fn find(&self, id: &str) -> Result<usize, Message> {
        self.entries.iter().position(|e| e.id == id).ok_or_else(|| {
            Text::new(format!("セルフチェック「{id}」が見つかりません"), format!("self-check \"{id}\" was not found"))
        })
    }

    fn check_name(name: &str) -> Result<String, Message> {
        let name = name.trim();
        if name.is_empty() {
            Err(Text::new("名前を入力してください", "Please enter a name"))
        } else {
            Ok(name.to_owned())
        }
    }

    fn check_new_id(&self, id: &str) -> Result<(), Message> {
        if id.is_empty() || self.entries.iter().any(|e| e.id == id) {
            Err(Text::new("新しいセルフチェックの ID が重複しています", "The new self-check's ID is already in use"))
        } else {
            Ok(())
        }
    }

    /// Changes the open self-check, counting the change in its revision; on error nothing changes.
    pub fn change_open(&mut self, catalogue: &crate::Catalogue, action: crate::Action) -> Result<(), Message> {
        let open = self.open.clone();
        let entry = self.entries.iter_mut().find(|e| e.id == open).ok_or_else(|| {
            Text::new("開いているセルフチェックが見つかりません", "The open self-check was not found")
        })?;
        entry.check.apply(catalogue, action)?;
        entry.revision += 1;
        Ok(())
    }

    /// Carries out `action`; on error nothing changes.
    pub fn apply(&mut self, action: LibraryAction) -> Result<(), Message> {
        match action {
            LibraryAction::Create { id, name, now } => {
                self.apply(LibraryAction::Add { id, name, now, check: Box::default(), checked_with: None })?;
            }
            LibraryAction::Add { id, name, now, check, checked_with } => {
                let name = Self::check_name(&name)?;
                self.check_new_id(&id)?;
                self.entries.push(Entry { checked_with, ..Entry::new(id.clone(), name, now, *check) });
                self.open = id;
            }
            LibraryAction::ReplaceOpen { check, checked_with } => {
                let index = self.find(&self.open.clone())?;
                self.entries[index].check = *check;
                self.entries[index].checked_with = checked_with;
                self.entries[index].revision += 1;
            }
            LibraryAction::Rename { id, name } => {
                let name = Self::check_name(&name)?;
                let index = self.find(&id)?;
                if self.entries[index].name != name {
                    self.entries[index].name = name;
                    self.entries[index].revision += 1;
                }
            }
            LibraryAction::FileSaved { id, at, revision } => {
                let index = self.find(&id)?;
                self.entries[index].file = Some(FileCopy { at, revision });
            }
            LibraryAction::MergeAnswers { backup_id, backup_name, now, merged, .. } => {
                let name = Self::check_name(&backup_name)?;
                self.check_new_id(&backup_id)?;
                let index = self.find(&self.open.clone())?;
                let open = &self.entries[index];
                let backup = Entry {
                    checked_with: open.checked_with.clone(),
                    ..Entry::new(backup_id, name, now, open.check.clone())
                };
                if *merged != self.entries[index].check {
                    self.entries[index].check = *merged;
                    self.entries[index].revision += 1;
                }
                self.entries.insert(index + 1, backup);
            }
            LibraryAction::Duplicate { id, new_id, name, now } => {
                let entry = &self.entries[self.find(&id)?];
                let (check, checked_with) = (Box::new(entry.check.clone()), entry.checked_with.clone());
                self.apply(LibraryAction::Add { id: new_id, name, now, check, checked_with })?;
            }
            LibraryAction::Delete { id, fresh_id, now } => {
                let index = self.find(&id)?;
                if self.entries.len() == 1 {
                    self.check_new_id(&fresh_id)?;
                    let name = self.entries[index].name.clone();
                    *self = Library::new(fresh_id, name, now);
                    return Ok(());
                }
                self.entries.remove(index);
                if self.open == id {
                    self.open = self.entries[index.min(self.entries.len() - 1)].id.clone();
                }
            }
            LibraryAction::Open(id) => {
                self.find(&id)?;
                self.open = id;
            }
        }
        Ok(())
    }
}
