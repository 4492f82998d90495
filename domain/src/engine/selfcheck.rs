//! The user's self-check: profile, target level, per-item overrides and answers, and the verbs that change them.
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use crate::base::dates::is_iso_date;
use crate::base::dates::{check_date, date_allowed, sign};
use crate::base::invalid::key_path;
pub use crate::base::invalid::Invalid;
use crate::base::text::{Message, Text};
use crate::catalogue::{Catalogue, Condition, Forms, InfoForm, Item, Threat, MAX_LEVEL};
pub use crate::engine::answer::{Answer, Status};
use crate::engine::inventory::{Inventory, InventoryAction, MAX_ROWS};
pub use crate::engine::periodic::ROTATION_YEARS;
use crate::engine::periodic::{Criterion, Evidence, PeriodicAction, PeriodicReport};
use crate::engine::records::Kept;

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
    /// Whether `item` applies to a business with this profile (before level and overrides), given the forms in
    /// scope and whether it holds entrusted information ([`SelfCheck::forms`], [`SelfCheck::entrusted`]).
    fn applies(&self, item: &Item, in_scope: &BTreeSet<InfoForm>, entrusted: bool) -> bool {
        let form_ok = match &item.forms {
            Forms::Any => true,
            Forms::Only(forms) => forms.iter().any(|f| in_scope.contains(f)),
        };
        let condition_ok = match item.condition {
            None => true,
            Some(Condition::Entrusted) => entrusted,
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
    /// In a person's copy of a team's self-check: handed out to someone else.
    NotAssigned,
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
    /// The action plan for gaps, by item.
    pub plan: BTreeMap<String, PlanEntry>,
    /// The yearly periodic report, by criterion.
    pub periodic: PeriodicReport,
    /// Fields of the self-check result statement.
    pub statement: Statement,
    /// The important information, a row each (topic ①).
    pub inventory: Inventory,
    /// What the documents (rules, pledges) need beyond the rest of the self-check.
    pub documents: DocumentFields,
    /// The threats the business fears most; the check can show and order its items by them.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub feared_threats: BTreeSet<Threat>,
    /// When the business was certified (or plans its audit), a `records::Certification`: the deadlines are
    /// worked out from it. Kept as JSON (see [`Kept`]): `deadlines` reads it.
    #[serde(skip_serializing_if = "Kept::is_empty")]
    pub certification: Kept,
    /// The evidence index, item → `[records::EvidenceEntry]`, kept as JSON: `evidence` reads it.
    #[serde(skip_serializing_if = "Kept::is_empty")]
    pub evidence: Kept,
    /// Who answers what when several people share the work, a `records::Team`, kept as JSON: `team` reads it.
    #[serde(skip_serializing_if = "Kept::is_empty")]
    pub team: Kept,
}

/// What the management rules and pledges are filled with that the rest of the self-check does not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentFields {
    /// The post of the person responsible for information management (情報管理責任者): the rules appoint by post.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub manager_post: String,
    /// The person responsible for information management (情報管理責任者), by name.
    pub manager: String,
    /// Who a leak or its signs are reported to, in order (the incident reporting route).
    pub reporting_route: String,
    /// When and how staff are trained.
    pub training: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentField {
    ManagerPost,
    Manager,
    ReportingRoute,
    Training,
}

impl Default for SelfCheck {
    fn default() -> Self {
        SelfCheck {
            profile: Profile::default(),
            target_level: 1,
            overrides: BTreeMap::new(),
            answers: BTreeMap::new(),
            plan: BTreeMap::new(),
            periodic: PeriodicReport::default(),
            statement: Statement::default(),
            inventory: Inventory::default(),
            documents: DocumentFields::default(),
            feared_threats: BTreeSet::new(),
            certification: Kept::default(),
            evidence: Kept::default(),
            team: Kept::default(),
        }
    }
}

/// How urgently a gap should be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    /// The priority a gap gets until the user sets one: mandatory items first.
    pub fn default_for(item: &Item) -> Priority {
        match item.level {
            1 => Priority::High,
            2 => Priority::Medium,
            _ => Priority::Low,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Priority::High => Text::new("高", "High"),
            Priority::Medium => Text::new("中", "Medium"),
            Priority::Low => Text::new("低", "Low"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// The plan for closing one gap.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanEntry {
    /// What will be done.
    pub measure: String,
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: String,
    /// `None` means the default for the item's level ([`Priority::default_for`]).
    pub priority: Option<Priority>,
}

/// The editable text fields of a plan entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    Measure,
    Owner,
    Due,
}

/// Fields of the self-check result statement, modelled on what JIS Q 17050-1 asks of a declaration.
/// The issuer's name is the profile's organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Statement {
    pub issuer_address: String,
    /// What the self-check covers (sites, departments, information).
    pub scope: String,
    pub signer_name: String,
    pub signer_title: String,
}

/// The editable fields of the statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementField {
    IssuerAddress,
    Scope,
    SignerName,
    SignerTitle,
}

/// Every change a user can make. The UI dispatches these; [`SelfCheck::apply`] carries them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetOrganisation(String),
    SetDefaultChecker(String),
    SetForm(InfoForm, bool),
    SetSize(OrgSize),
    SetEntrusted(bool),
    /// Mark a threat as one of those the business fears most, or unmark it.
    SetFeared(Threat, bool),
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
    SetPlanText {
        item: String,
        field: PlanField,
        text: String,
    },
    SetPriority {
        item: String,
        priority: Option<Priority>,
    },
    Periodic(PeriodicAction),
    SetStatementText {
        field: StatementField,
        text: String,
    },
    Inventory(InventoryAction),
    SetDocumentText {
        field: DocumentField,
        text: String,
    },
    /// A change to a part kept as JSON (the certification, the evidence, the team), made by the code of the view
    /// that shows it (`deadlines::set_certification`, `evidence::edit`, `team::edit`).
    Edit(Edit),
}

/// A change made by a function the action carries. Why: the parts of the self-check that only a view of its own
/// reads (the certification, the evidence index, the team) are kept as JSON, and their rules live in that view's
/// chunk of the app, so that the first screen does not download code it does not run. The function changes
/// nothing when it refuses.
#[derive(Clone)]
pub struct Edit(pub Rc<EditFn>);

/// What an [`Edit`] runs.
pub type EditFn = dyn Fn(&mut SelfCheck, &Catalogue) -> Result<(), Message>;

impl Edit {
    pub fn new(f: impl Fn(&mut SelfCheck, &Catalogue) -> Result<(), Message> + 'static) -> Edit {
        Edit(Rc::new(f))
    }
}

impl std::fmt::Debug for Edit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Edit")
    }
}

impl PartialEq for Edit {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Edit {}

impl SelfCheck {
    /// Why `item` is or is not part of this self-check.
    pub fn scope(&self, item: &Item) -> Scope {
        // A person's copy shows what the owner handed out, whatever the level or profile would select.
        if let Some(given) = self.team.handed_out() {
            return match given.contains_key(&item.id) {
                true => Scope::Selected,
                false => Scope::NotAssigned,
            };
        }
        match self.overrides.get(&item.id) {
            Some(Override::Include) => Scope::Added,
            Some(Override::SetAside { reason }) => Scope::SetAside(reason.clone()),
            None if !self.profile.applies(item, &self.forms(), self.entrusted()) => Scope::NotForProfile,
            None if item.level > self.target_level => Scope::AboveLevel,
            None => Scope::Selected,
        }
    }

    /// The information forms in scope: those of the inventory's rows once any row names a form (the inventory
    /// is the record of what the business holds), otherwise the profile's.
    pub fn forms(&self) -> BTreeSet<InfoForm> {
        let listed = self.inventory.forms();
        if listed.is_empty() {
            self.profile.forms.clone()
        } else {
            listed
        }
    }

    /// Whether the forms in scope come from the inventory rather than the profile's choices.
    pub fn forms_from_inventory(&self) -> bool {
        self.inventory.rows.iter().any(|r| !r.forms.is_empty())
    }

    /// Whether the business holds entrusted information: said in the profile, or shown by an inventory row.
    pub fn entrusted(&self) -> bool {
        self.profile.entrusted || self.inventory.has_entrusted()
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
            Action::SetFeared(threat, on) => {
                if on {
                    self.feared_threats.insert(threat);
                } else {
                    self.feared_threats.remove(&threat);
                }
            }
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
                    sign(&mut answer.date, &mut answer.checker, today, default_checker);
                }
            }
            Action::SetReason { item, text } => {
                known(&item)?;
                edit_entry(&mut self.answers, item, |a| a.reason = text)
            }
            Action::SetNote { item, text } => {
                known(&item)?;
                edit_entry(&mut self.answers, item, |a| a.note = text)
            }
            Action::SetChecker { item, text } => {
                known(&item)?;
                edit_entry(&mut self.answers, item, |a| a.checker = text)
            }
            Action::SetDate { item, text } => {
                check_date(&text)?;
                {
                    known(&item)?;
                    edit_entry(&mut self.answers, item, |a| a.date = text)
                }
            }
            Action::SetPlanText { item, field, text } => {
                known(&item)?;
                if field == PlanField::Due {
                    check_date(&text)?;
                }
                edit_entry(&mut self.plan, item, |p| match field {
                    PlanField::Measure => p.measure = text,
                    PlanField::Owner => p.owner = text,
                    PlanField::Due => p.due = text,
                });
            }
            Action::SetPriority { item, priority } => {
                known(&item)?;
                edit_entry(&mut self.plan, item, |p| p.priority = priority);
            }
            Action::Periodic(action) => {
                let action = match action {
                    PeriodicAction::MarkUnchanged { row, unchanged, today, checker } if checker.is_empty() => {
                        PeriodicAction::MarkUnchanged { row, unchanged, today, checker: self.profile.checker.clone() }
                    }
                    other => other,
                };
                self.periodic.apply(catalogue, action)?;
            }
            Action::SetStatementText { field, text } => match field {
                StatementField::IssuerAddress => self.statement.issuer_address = text,
                StatementField::Scope => self.statement.scope = text,
                StatementField::SignerName => self.statement.signer_name = text,
                StatementField::SignerTitle => self.statement.signer_title = text,
            },
            Action::Inventory(action) => self.inventory.apply(action)?,
            Action::SetDocumentText { field, text } => match field {
                DocumentField::ManagerPost => self.documents.manager_post = text,
                DocumentField::Manager => self.documents.manager = text,
                DocumentField::ReportingRoute => self.documents.reporting_route = text,
                DocumentField::Training => self.documents.training = text,
            },
            Action::Edit(edit) => (edit.0)(self, catalogue)?,
        }
        Ok(())
    }

    /// The priority of a gap: the user's choice, or the default for its level.
    pub fn priority(&self, item: &Item) -> Priority {
        self.plan.get(&item.id).and_then(|p| p.priority).unwrap_or_else(|| Priority::default_for(item))
    }
}

/// Changes the entry of `item` in `map`, dropping it again when it ends up empty.
fn edit_entry<T: Default + PartialEq>(map: &mut BTreeMap<String, T>, item: String, f: impl FnOnce(&mut T)) {
    let entry = map.entry(item.clone()).or_default();
    f(entry);
    if *entry == T::default() {
        map.remove(&item);
    }
}

impl SelfCheck {
    /// The evidence of the periodic report's `row` in this self-check: of the linked items in scope, how many are
    /// done.
    pub fn evidence(&self, row: &Criterion, catalogue: &Catalogue) -> Evidence {
        let mut e = Evidence::default();
        for item in row.links.iter().filter_map(|id| catalogue.item(id)) {
            if self.scope(item).in_scope() {
                e.in_scope += 1;
                if self.answer(&item.id).and_then(|a| a.status) == Some(Status::Done) {
                    e.done += 1;
                }
            }
        }
        e
    }

    /// Checks every value against the rules [`SelfCheck::apply`] enforces: the target level is 1 to
    /// [`MAX_LEVEL`]; every date (answers, plan due dates, periodic report) is blank or a real `YYYY-MM-DD` date
    /// ([`is_iso_date`]); a rotation year is unset or 1 to [`ROTATION_YEARS`]; an item set aside has a reason.
    /// Item IDs the catalogue does not know are not checked here: their answers are kept when a catalogue
    /// changes. On failure, returns every problem, in a stable order, with its path.
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut problems = Vec::new();
        if !(1..=MAX_LEVEL).contains(&self.target_level) {
            problems.push(Invalid::new(
                "target_level".into(),
                &self.target_level.into(),
                Text::new(format!("1〜{MAX_LEVEL} の整数"), format!("a whole number from 1 to {MAX_LEVEL}")),
            ));
        }
        for (id, o) in &self.overrides {
            if let Override::SetAside { reason } = o {
                if reason.trim().is_empty() {
                    problems.push(Invalid::new(
                        format!("{}.reason", key_path("overrides", id)),
                        &reason.as_str().into(),
                        Text::new("対象から外す理由（空欄は不可）", "a reason for setting the item aside (not blank)"),
                    ));
                }
            }
        }
        let mut date = |path: String, value: &str| {
            if !value.is_empty() && !is_iso_date(value) {
                problems.push(Invalid::new(path, &value.into(), date_allowed()));
            }
        };
        for (id, a) in &self.answers {
            date(format!("{}.date", key_path("answers", id)), &a.date);
        }
        for (id, p) in &self.plan {
            date(format!("{}.due", key_path("plan", id)), &p.due);
        }
        self.periodic.validate(&mut problems);
        if self.inventory.rows.len() > MAX_ROWS {
            problems.push(Invalid {
                path: "inventory.rows".into(),
                value: format!("{} rows", self.inventory.rows.len()),
                allowed: Text::new(format!("{MAX_ROWS} 行まで"), format!("at most {MAX_ROWS} rows")),
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}
