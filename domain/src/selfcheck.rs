//! The user's self-check: profile, target level, per-item overrides and answers, and the verbs that change them.
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Condition, Forms, InfoForm, Item, MAX_LEVEL};
use crate::text::{Message, Text};

/// Organisation size, as the criteria distinguish it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgSize {
    /// Few employees: management doubles as the manager.
    #[default]
    Small,
    /// Many employees, or important information spread over several departments.
    Large,
}

/// What the business is like; decides which items apply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Name of the business (or site / department) being checked.
    pub organisation: String,
    /// Default checker, filled into an item when it is answered.
    pub checker: String,
    pub forms: BTreeSet<InfoForm>,
    pub size: OrgSize,
    /// Holds important information entrusted by customers or others.
    pub entrusted: bool,
}

impl Profile {
    /// Whether `item` applies to a business with this profile (before level and overrides).
    pub fn applies(&self, item: &Item) -> bool {
        let form_ok = match &item.forms {
            Forms::Any => true,
            Forms::Only(forms) => forms.iter().any(|f| self.forms.contains(f)),
        };
        let condition_ok = match item.condition {
            None => true,
            Some(Condition::Entrusted) => self.entrusted,
            Some(Condition::SmallOrg) => self.size == OrgSize::Small,
            Some(Condition::LargeOrg) => self.size == OrgSize::Large,
        };
        form_ok && condition_ok
    }
}

/// A user's decision to deviate from what the profile and level select.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Override {
    /// Take the item into the self-check although it is above the level or not selected by the profile.
    Include,
    /// Leave the item out of the self-check, for a stated reason.
    SetAside { reason: String },
}

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

/// Why an item is or is not part of the self-check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Applies to the profile and is within the target level.
    Selected,
    /// The user added it.
    Added,
    /// The user set it aside, with this reason.
    SetAside(String),
    /// Applies to the profile but is above the target level.
    AboveLevel,
    /// Does not apply to the profile.
    NotForProfile,
}

impl Scope {
    pub fn in_scope(&self) -> bool {
        matches!(self, Scope::Selected | Scope::Added)
    }
}

/// One self-check: everything the user entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfCheck {
    pub profile: Profile,
    /// 1 = mandatory baseline only; higher levels add standard and advanced measures.
    pub target_level: u8,
    pub overrides: BTreeMap<String, Override>,
    pub answers: BTreeMap<String, Answer>,
}

impl Default for SelfCheck {
    fn default() -> Self {
        SelfCheck { profile: Profile::default(), target_level: 1, overrides: BTreeMap::new(), answers: BTreeMap::new() }
    }
}

/// Every change a user can make. The UI dispatches these; [`SelfCheck::apply`] carries them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetOrganisation(String),
    SetDefaultChecker(String),
    SetForm(InfoForm, bool),
    SetSize(OrgSize),
    SetEntrusted(bool),
    SetTargetLevel(u8),
    /// Take an item into the self-check.
    Include(String),
    /// Set an item aside; the reason must not be blank.
    SetAside {
        item: String,
        reason: String,
    },
    /// Undo an override.
    ClearOverride(String),
    /// Set or clear an item's status. `today` (YYYY-MM-DD) fills the check date when none is set.
    SetStatus {
        item: String,
        status: Option<Status>,
        today: String,
    },
    SetReason {
        item: String,
        text: String,
    },
    SetNote {
        item: String,
        text: String,
    },
    SetChecker {
        item: String,
        text: String,
    },
    SetDate {
        item: String,
        text: String,
    },
}

impl SelfCheck {
    /// Why `item` is or is not part of this self-check.
    pub fn scope(&self, item: &Item) -> Scope {
        match self.overrides.get(&item.id) {
            Some(Override::Include) => Scope::Added,
            Some(Override::SetAside { reason }) => Scope::SetAside(reason.clone()),
            None if !self.profile.applies(item) => Scope::NotForProfile,
            None if item.level > self.target_level => Scope::AboveLevel,
            None => Scope::Selected,
        }
    }

    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// Carries out `action`. Refuses (and changes nothing) when the item is unknown, a level is out of range,
    /// or a reason is required but blank.
    pub fn apply(&mut self, catalogue: &Catalogue, action: Action) -> Result<(), Message> {
        let known = |id: &str| {
            if catalogue.item(id).is_some() {
                Ok(())
            } else {
                Err(Text::new(
                    format!("項目「{id}」はカタログにありません"),
                    format!("item \"{id}\" is not in the catalogue"),
                ))
            }
        };
        match action {
            Action::SetOrganisation(s) => self.profile.organisation = s,
            Action::SetDefaultChecker(s) => self.profile.checker = s,
            Action::SetForm(form, on) => {
                if on {
                    self.profile.forms.insert(form);
                } else {
                    self.profile.forms.remove(&form);
                }
            }
            Action::SetSize(size) => self.profile.size = size,
            Action::SetEntrusted(on) => self.profile.entrusted = on,
            Action::SetTargetLevel(level) => {
                if !(1..=MAX_LEVEL).contains(&level) {
                    return Err(Text::new(
                        format!("レベルは 1〜{MAX_LEVEL} です"),
                        format!("the level must be 1 to {MAX_LEVEL}"),
                    ));
                }
                self.target_level = level;
            }
            Action::Include(item) => {
                known(&item)?;
                self.overrides.insert(item, Override::Include);
            }
            Action::SetAside { item, reason } => {
                known(&item)?;
                let reason = reason.trim().to_owned();
                if reason.is_empty() {
                    return Err(Text::new(
                        "対象から外す理由を書いてください",
                        "Please give a reason for setting this item aside",
                    ));
                }
                self.overrides.insert(item, Override::SetAside { reason });
            }
            Action::ClearOverride(item) => {
                self.overrides.remove(&item);
            }
            Action::SetStatus { item, status, today } => {
                known(&item)?;
                let default_checker = self.profile.checker.clone();
                let answer = self.answers.entry(item).or_default();
                answer.status = status;
                if status.is_some() {
                    if answer.date.is_empty() {
                        answer.date = today;
                    }
                    if answer.checker.is_empty() {
                        answer.checker = default_checker;
                    }
                }
            }
            Action::SetReason { item, text } => self.edit(catalogue, &item, |a| a.reason = text)?,
            Action::SetNote { item, text } => self.edit(catalogue, &item, |a| a.note = text)?,
            Action::SetChecker { item, text } => self.edit(catalogue, &item, |a| a.checker = text)?,
            Action::SetDate { item, text } => {
                if !text.is_empty() && !is_iso_date(&text) {
                    return Err(Text::new(
                        "日付は YYYY-MM-DD の形で入力してください",
                        "Please enter the date as YYYY-MM-DD",
                    ));
                }
                self.edit(catalogue, &item, |a| a.date = text)?
            }
        }
        Ok(())
    }

    fn edit(&mut self, catalogue: &Catalogue, item: &str, f: impl FnOnce(&mut Answer)) -> Result<(), Message> {
        if catalogue.item(item).is_none() {
            return Err(Text::new(
                format!("項目「{item}」はカタログにありません"),
                format!("item \"{item}\" is not in the catalogue"),
            ));
        }
        let answer = self.answers.entry(item.to_owned()).or_default();
        f(answer);
        if *answer == Answer::default() {
            self.answers.remove(item);
        }
        Ok(())
    }
}

/// True for a plausible ISO calendar date `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => y >= 1900 && (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    }
}
