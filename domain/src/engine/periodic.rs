//! The yearly periodic report (定期報告) a certified business files with its certification body, row by row of
//! the criteria it was audited against (付録1 of the 2022 METI report): by default the 15 checksheet items of
//! 表4-1, or the business's own audit checksheet imported from a file. Each row carries the audit's reference
//! (章, 節, 項, 番), what the audit confirmed, the self-check items that support it, and this period's check:
//! what was confirmed, when and by whom, "変更無し", an exclusion with its reason and who decided it, problems
//! found and how they were handled, and the year of the three-year rotation.
//!
//! Rows are stored once the user changes anything; until then [`PeriodicReport::rows`] builds the 表4-1 rows
//! from the catalogue, so a catalogue update still reaches an untouched report. Reports of result files before
//! schema 4 were kept by catalogue item; they are folded into rows on first use ([`PeriodicReport::by_item`]).
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::base::dates::{check_date, date_allowed, is_iso_date, sign};
use crate::base::invalid::{key_path, Invalid};
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::{Catalogue, Item};

/// The periodic report spreads the items' checks over this many years: the three years a certification lasts.
pub const ROTATION_YEARS: u8 = 3;

/// The most rows a report holds: audit checksheets run to about a hundred rows; ten times that is no real one.
pub const MAX_CRITERIA: usize = 1000;

/// The years of the rotation: a certification runs three years, and each row is checked in one of them.
pub fn rotation_years() -> std::ops::RangeInclusive<u8> {
    1..=ROTATION_YEARS
}

/// One row of the report: a criterion the business was audited against and this period's check of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Criterion {
    /// Stable within the report: `cs-1` … `cs-15` for 表4-1's rows, `r1`, `r2`, … for the others.
    pub id: String,
    /// 章, 節, 項, 番 of the criteria, in the one numbering style of [`normalise_reference`] (Ⅰ, not I).
    pub chapter: String,
    pub section: String,
    pub clause: String,
    pub number: String,
    /// 内容: what the criterion asks. Blank on a 表4-1 row, which shows its catalogue item's text in the
    /// user's language ([`Criterion::content_in`]).
    pub content: String,
    /// The 表4-1 checksheet item this row is (1–15), for the default rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checksheet: Option<u8>,
    /// 審査時の確認内容: what the auditor confirmed at certification.
    pub audit_check: String,
    /// The catalogue items whose answers are this row's evidence, in catalogue order when suggested.
    pub links: Vec<String>,
    /// 定期報告の確認内容: what was confirmed this period (the export writes "変更無し" when `unchanged`).
    pub period_check: String,
    /// "変更無し": nothing changed since the audit; one click, dated.
    pub unchanged: bool,
    /// 確認日, `YYYY-MM-DD`.
    pub date: String,
    /// 確認者.
    pub checker: String,
    /// Left out of this period's check, with the reason and who in management decided it.
    pub excluded: bool,
    pub excluded_reason: String,
    pub excluded_by: String,
    /// Problems the check found, and how they were handled.
    pub problems: String,
    pub handling: String,
    /// Year of the rotation in which the row is checked (1 to [`ROTATION_YEARS`]).
    pub year: Option<u8>,
    /// Last year's check, when the report was carried forward from last year's result file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// Kept from before an imported checksheet replaced the rows, because it held entries; the imported
    /// checksheet has no such row.
    #[serde(skip_serializing_if = "is_false")]
    pub kept: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Last year's check of a row, as it was filed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Previous {
    pub period_check: String,
    pub unchanged: bool,
    pub date: String,
    pub checker: String,
}

/// The editable text fields of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionField {
    Chapter,
    Section,
    Clause,
    Number,
    Content,
    AuditCheck,
    PeriodCheck,
    Date,
    Checker,
    ExcludedReason,
    ExcludedBy,
    Problems,
    Handling,
}

impl Criterion {
    /// The reference as one line: "Ⅰ 第四 1 (1)"; blank parts left out.
    pub fn reference(&self) -> String {
        [&self.chapter, &self.section, &self.clause, &self.number]
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// 内容 in `lang`: the row's own text, or its 表4-1 item's requirement from the catalogue.
    pub fn content_in(&self, catalogue: &Catalogue, lang: Lang) -> String {
        if !self.content.is_empty() {
            return self.content.clone();
        }
        self.checksheet
            .and_then(|n| catalogue.items.iter().find(|i| i.checksheet == Some(n)))
            .map(|i| i.requirement.get(lang).to_owned())
            .unwrap_or_default()
    }

    /// Whether the user entered anything for this period (or last year's check came with it): a row that must
    /// not be dropped quietly.
    pub fn has_entries(&self) -> bool {
        let blank = Criterion {
            id: self.id.clone(),
            chapter: self.chapter.clone(),
            section: self.section.clone(),
            clause: self.clause.clone(),
            number: self.number.clone(),
            content: self.content.clone(),
            checksheet: self.checksheet,
            audit_check: self.audit_check.clone(),
            links: self.links.clone(),
            year: self.year,
            kept: self.kept,
            ..Criterion::default()
        };
        *self != blank
    }

    /// Carried forward from last year and not touched since: this period's text is still last year's and no
    /// one has confirmed it.
    pub fn left_as_last_year(&self) -> bool {
        self.previous.as_ref().is_some_and(|p| {
            !self.unchanged && !self.excluded && self.date.is_empty() && self.period_check == p.period_check
        })
    }

    /// 定期報告の確認内容 as filed: "変更無し" when unchanged, the exclusion when excluded and nothing else was
    /// written, otherwise the text.
    pub fn period_text(&self, lang: Lang) -> String {
        if self.unchanged {
            return Text::new("変更無し", "No change").get(lang).to_owned();
        }
        if self.excluded && self.period_check.trim().is_empty() {
            let reason = self.excluded_reason.trim();
            return match lang {
                Lang::Ja if reason.is_empty() => "今回は確認の対象外".to_owned(),
                Lang::Ja => format!("今回は確認の対象外（理由: {reason}）"),
                Lang::En if reason.is_empty() => "Not checked this period".to_owned(),
                Lang::En => format!("Not checked this period (reason: {reason})"),
            };
        }
        self.period_check.clone()
    }

    fn set(&mut self, field: CriterionField, text: String) {
        let target = match field {
            CriterionField::Chapter => return self.chapter = normalise_reference(&text),
            CriterionField::Section => return self.section = normalise_reference(&text),
            CriterionField::Clause => return self.clause = normalise_reference(&text),
            CriterionField::Number => return self.number = normalise_reference(&text),
            CriterionField::Content => &mut self.content,
            CriterionField::AuditCheck => &mut self.audit_check,
            CriterionField::PeriodCheck => &mut self.period_check,
            CriterionField::Date => &mut self.date,
            CriterionField::Checker => &mut self.checker,
            CriterionField::ExcludedReason => &mut self.excluded_reason,
            CriterionField::ExcludedBy => &mut self.excluded_by,
            CriterionField::Problems => &mut self.problems,
            CriterionField::Handling => &mut self.handling,
        };
        *target = text;
    }
}

/// One item's row of the periodic report as files before schema 4 kept it (by catalogue item).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportEntry {
    pub audit_check: String,
    pub period_check: String,
    pub unchanged: bool,
    pub date: String,
    pub checker: String,
    pub excluded_reason: String,
    pub handling: String,
    pub year: Option<u8>,
}

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodicReport {
    /// The rows; empty until the user changes anything, meaning 表4-1's rows ([`default_rows`]).
    pub rows: Vec<Criterion>,
    /// The name of the imported checksheet file the rows came from; blank for 表4-1's rows.
    pub source: String,
    /// The period the report covers, `YYYY-MM-DD` each.
    pub period_from: String,
    pub period_to: String,
    /// A report from before schema 4, by catalogue item; folded into the rows on first use.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_item: BTreeMap<String, ReportEntry>,
}

/// Every change a user can make to the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodicAction {
    SetText {
        row: String,
        field: CriterionField,
        text: String,
    },
    /// One click: "変更無し", dated `today` and signed by `checker` where those are blank.
    MarkUnchanged {
        row: String,
        unchanged: bool,
        today: String,
        checker: String,
    },
    SetExcluded {
        row: String,
        excluded: bool,
    },
    SetYear {
        row: String,
        year: Option<u8>,
    },
    /// Gives every row without a rotation year the least-loaded year, so the three years carry about as many.
    SpreadRotation,
    Link {
        row: String,
        item: String,
    },
    Unlink {
        row: String,
        item: String,
    },
    /// A blank row at the end (a criterion the checksheet lacks), under `id` when no row has it yet (else the next
    /// free `rN`). The app gives a new ID each time, so that rows added in two tabs at once stay two rows.
    AddRow {
        id: String,
    },
    DeleteRow(String),
    /// Replaces the rows with those of an imported checksheet, keeping what was entered (see [`merge`]).
    Import {
        rows: Vec<Criterion>,
        source: String,
    },
    /// Back to 表4-1's rows, keeping what was entered in the same way.
    UseStandard,
    SetPeriod {
        from: String,
        to: String,
    },
}

impl PeriodicReport {
    /// The rows as the report shows them: the stored ones, or 表4-1's built from `catalogue` (with any report
    /// of an older file folded in).
    pub fn rows(&self, catalogue: &Catalogue) -> Vec<Criterion> {
        if !self.rows.is_empty() {
            return self.rows.clone();
        }
        let mut rows = default_rows(catalogue);
        fold_by_item(&mut rows, &self.by_item, catalogue);
        rows
    }

    /// Whether the rows are 表4-1's (not an imported checksheet).
    pub fn is_standard(&self) -> bool {
        self.source.is_empty()
    }

    /// Stores the rows shown, so that a change applies to exactly what the user sees.
    fn materialise(&mut self, catalogue: &Catalogue) {
        if self.rows.is_empty() {
            self.rows = self.rows(catalogue);
            self.by_item.clear();
        }
    }

    fn row_mut(&mut self, id: &str) -> Result<&mut Criterion, Message> {
        self.rows.iter_mut().find(|r| r.id == id).ok_or_else(|| {
            Text::new(format!("定期報告に行「{id}」がありません"), format!("The report has no row \"{id}\""))
        })
    }

    /// Carries out `action`; refuses (changing nothing) an unknown row or item, a date that is not a real one,
    /// a year out of range, or more than [`MAX_CRITERIA`] rows.
    pub fn apply(&mut self, catalogue: &Catalogue, action: PeriodicAction) -> Result<(), Message> {
        if let PeriodicAction::SetText { field: CriterionField::Date, text, .. } = &action {
            check_date(text)?;
        }
        if let PeriodicAction::SetPeriod { from, to } = &action {
            check_date(from)?;
            check_date(to)?;
        }
        if let PeriodicAction::SetYear { year: Some(y), .. } = action {
            if !rotation_years().contains(&y) {
                return Err(Text::new(
                    format!("実施年は 1〜{ROTATION_YEARS} 年目です"),
                    format!("The rotation year must be 1 to {ROTATION_YEARS}"),
                ));
            }
        }
        if let PeriodicAction::Link { item, .. } = &action {
            if catalogue.item(item).is_none() {
                return Err(Text::new(
                    format!("項目「{item}」はカタログにありません"),
                    format!("item \"{item}\" is not in the catalogue"),
                ));
            }
        }
        if let PeriodicAction::Import { rows, .. } = &action {
            if rows.len() > MAX_CRITERIA {
                return Err(too_many(rows.len()));
            }
        }
        let mut next = self.clone();
        next.materialise(catalogue);
        match action {
            PeriodicAction::SetText { row, field, text } => next.row_mut(&row)?.set(field, text),
            PeriodicAction::MarkUnchanged { row, unchanged, today, checker } => {
                let r = next.row_mut(&row)?;
                r.unchanged = unchanged;
                if unchanged {
                    sign(&mut r.date, &mut r.checker, today, checker);
                }
            }
            PeriodicAction::SetExcluded { row, excluded } => next.row_mut(&row)?.excluded = excluded,
            PeriodicAction::SetYear { row, year } => next.row_mut(&row)?.year = year,
            PeriodicAction::SpreadRotation => spread(&mut next.rows),
            PeriodicAction::Link { row, item } => {
                let r = next.row_mut(&row)?;
                if !r.links.contains(&item) {
                    r.links.push(item);
                }
            }
            PeriodicAction::Unlink { row, item } => next.row_mut(&row)?.links.retain(|l| *l != item),
            PeriodicAction::AddRow { id } => {
                if next.rows.len() >= MAX_CRITERIA {
                    return Err(too_many(next.rows.len() + 1));
                }
                let id =
                    if id.is_empty() || next.rows.iter().any(|r| r.id == id) { next_row_id(&next.rows) } else { id };
                next.rows.push(Criterion { id, ..Criterion::default() });
            }
            PeriodicAction::DeleteRow(row) => {
                next.row_mut(&row)?;
                next.rows.retain(|r| r.id != row);
            }
            PeriodicAction::Import { rows, source } => {
                let incoming = imported_rows(rows, catalogue);
                next.rows = merge(incoming, std::mem::take(&mut next.rows));
                if next.rows.len() > MAX_CRITERIA {
                    return Err(too_many(next.rows.len()));
                }
                next.source = source;
            }
            PeriodicAction::UseStandard => {
                next.rows = merge(default_rows(catalogue), std::mem::take(&mut next.rows));
                next.source.clear();
            }
            PeriodicAction::SetPeriod { from, to } => {
                next.period_from = from;
                next.period_to = to;
            }
        }
        *self = next;
        Ok(())
    }

    /// Next year's start: the same rows, references, audit checks, links and rotation years; last year's check
    /// kept as [`Criterion::previous`] and offered as this period's text, to confirm or rewrite; dates, checkers,
    /// exclusions and problems cleared.
    pub fn carry_forward(&self) -> PeriodicReport {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let previous = Previous {
                    period_check: r.period_check.clone(),
                    unchanged: r.unchanged,
                    date: r.date.clone(),
                    checker: r.checker.clone(),
                };
                Criterion {
                    id: r.id.clone(),
                    chapter: r.chapter.clone(),
                    section: r.section.clone(),
                    clause: r.clause.clone(),
                    number: r.number.clone(),
                    content: r.content.clone(),
                    checksheet: r.checksheet,
                    audit_check: r.audit_check.clone(),
                    links: r.links.clone(),
                    period_check: r.period_check.clone(),
                    year: r.year,
                    previous: (previous != Previous::default()).then_some(previous),
                    kept: r.kept,
                    ..Criterion::default()
                }
            })
            .collect();
        let by_item = self
            .by_item
            .iter()
            .map(|(id, r)| {
                (id.clone(), ReportEntry { audit_check: r.audit_check.clone(), year: r.year, ..ReportEntry::default() })
            })
            .filter(|(_, r)| *r != ReportEntry::default())
            .collect();
        PeriodicReport {
            rows,
            source: self.source.clone(),
            period_from: String::new(),
            period_to: String::new(),
            by_item,
        }
    }

    /// The problems the self-check's validation reports for the report: dates, years, row IDs and the row count.
    pub(crate) fn validate(&self, problems: &mut Vec<Invalid>) {
        for (name, value) in [("period_from", &self.period_from), ("period_to", &self.period_to)] {
            if !value.is_empty() && !is_iso_date(value) {
                problems.push(Invalid::new(format!("periodic.{name}"), &value.as_str().into(), date_allowed()));
            }
        }
        if self.rows.len() > MAX_CRITERIA {
            problems.push(Invalid {
                path: "periodic.rows".into(),
                value: format!("{} rows", self.rows.len()),
                allowed: Text::new(format!("{MAX_CRITERIA} 行まで"), format!("at most {MAX_CRITERIA} rows")),
            });
        }
        let mut ids = BTreeSet::new();
        for (n, row) in self.rows.iter().enumerate() {
            let path = format!("periodic.rows[{n}]");
            if row.id.trim().is_empty() || !ids.insert(row.id.as_str()) {
                problems.push(Invalid::new(
                    format!("{path}.id"),
                    &row.id.as_str().into(),
                    Text::new("空欄でなく、他の行と重ならない ID", "an ID that is not blank and no other row has"),
                ));
            }
            if !row.date.is_empty() && !is_iso_date(&row.date) {
                problems.push(Invalid::new(format!("{path}.date"), &row.date.as_str().into(), date_allowed()));
            }
            if let Some(year) = row.year.filter(|y| !rotation_years().contains(y)) {
                problems.push(Invalid::new(format!("{path}.year"), &year.into(), year_allowed()));
            }
            // A number 表4-1 does not have would show as a row with no content.
            if let Some(n) = row.checksheet.filter(|n| !crate::catalogue::CHECKSHEET_ITEMS.contains(n)) {
                problems.push(Invalid::new(format!("{path}.checksheet"), &n.into(), checksheet_allowed()));
            }
        }
        for (id, r) in &self.by_item {
            if !r.date.is_empty() && !is_iso_date(&r.date) {
                problems.push(Invalid::new(
                    format!("{}.date", key_path("periodic.by_item", id)),
                    &r.date.as_str().into(),
                    date_allowed(),
                ));
            }
            if let Some(year) = r.year.filter(|y| !rotation_years().contains(y)) {
                problems.push(Invalid::new(
                    format!("{}.year", key_path("periodic.by_item", id)),
                    &year.into(),
                    year_allowed(),
                ));
            }
        }
    }
}

/// What a row's 表4-1 checksheet number accepts.
pub(crate) fn checksheet_allowed() -> Text {
    Text::new("null または 1〜15", "null or 1 to 15")
}

/// What a rotation year accepts.
pub(crate) fn year_allowed() -> Text {
    Text::new(format!("null（未設定）または 1〜{ROTATION_YEARS}"), format!("null (not set) or 1 to {ROTATION_YEARS}"))
}

fn too_many(n: usize) -> Message {
    Text::new(
        format!("定期報告の行は {MAX_CRITERIA} 行までです（{n} 行になります）"),
        format!("A report holds at most {MAX_CRITERIA} rows (this would make {n})"),
    )
}

/// The first `rN` no row uses: the ID [`PeriodicAction::AddRow`] gives the row it adds when its own is taken.
pub fn next_row_id(rows: &[Criterion]) -> String {
    let taken: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    (1..).map(|n| format!("r{n}")).find(|id| !taken.contains(id.as_str())).unwrap_or_default()
}

/// The chapter of 表4-1's checksheet items where their catalogue item names none: items 1–10 are the common
/// matters (共通事項, chapter Ⅰ), 11 the container storage of chapter Ⅲ, 12 and 13 the areas of chapter Ⅳ.
/// The report names no chapter for 14 and 15; those rows stay blank for the business to fill in.
fn checksheet_chapter(n: u8) -> &'static str {
    match n {
        1..=10 => "Ⅰ",
        11 => "Ⅲ",
        12 | 13 => "Ⅳ",
        _ => "",
    }
}

/// 表4-1's rows: one per checksheet item the catalogue shows, in number order, with the item's criteria
/// reference and the items that support it linked.
pub fn default_rows(catalogue: &Catalogue) -> Vec<Criterion> {
    let mut items: Vec<&Item> = catalogue.items.iter().filter(|i| i.checksheet.is_some()).collect();
    items.sort_by_key(|i| i.checksheet);
    items
        .into_iter()
        .filter_map(|item| {
            let n = item.checksheet?;
            let reference = item.criteria.as_deref().map(split_reference);
            let [chapter, section, clause, number] = reference
                .unwrap_or_else(|| [checksheet_chapter(n).to_owned(), String::new(), String::new(), String::new()]);
            Some(Criterion {
                id: format!("cs-{n}"),
                chapter,
                section,
                clause,
                number,
                checksheet: Some(n),
                links: checksheet_links(catalogue, n),
                ..Criterion::default()
            })
        })
        .collect()
}

/// The checksheet item `item` supports: its own number, its `supports`, or the first checksheet item of its
/// topic.
pub fn supported_checksheet(catalogue: &Catalogue, item: &Item) -> Option<u8> {
    item.checksheet
        .or(item.supports)
        .or_else(|| catalogue.items.iter().filter(|i| i.topic == item.topic).filter_map(|i| i.checksheet).min())
}

/// The items that support 表4-1's item `n`, in catalogue order, the checksheet item first.
fn checksheet_links(catalogue: &Catalogue, n: u8) -> Vec<String> {
    let mut links: Vec<String> =
        catalogue.items.iter().filter(|i| i.checksheet == Some(n)).map(|i| i.id.clone()).collect();
    links.extend(
        catalogue
            .items
            .iter()
            .filter(|i| i.checksheet.is_none() && supported_checksheet(catalogue, i) == Some(n))
            .map(|i| i.id.clone()),
    );
    links
}

/// The items whose criteria reference covers the row `reference` (equal to it, or a part of it: an item
/// referring to chapter Ⅲ supports every row of chapter Ⅲ).
pub fn reference_links(catalogue: &Catalogue, reference: &[String; 4]) -> Vec<String> {
    let row: Vec<&str> = reference.iter().map(String::as_str).take_while(|p| !p.is_empty()).collect();
    if row.is_empty() {
        return Vec::new();
    }
    catalogue
        .items
        .iter()
        .filter(|item| {
            let Some(criteria) = &item.criteria else { return false };
            let parts = split_reference(criteria);
            let parts: Vec<&str> = parts.iter().map(String::as_str).take_while(|p| !p.is_empty()).collect();
            !parts.is_empty() && parts.len() <= row.len() && parts[..] == row[..parts.len()]
        })
        .map(|i| i.id.clone())
        .collect()
}

/// Rows read from a checksheet file, numbered `r1`, `r2`, … and linked by their references.
fn imported_rows(rows: Vec<Criterion>, catalogue: &Catalogue) -> Vec<Criterion> {
    rows.into_iter()
        .enumerate()
        .map(|(n, row)| {
            let mut row = Criterion {
                id: format!("r{}", n + 1),
                chapter: normalise_reference(&row.chapter),
                section: normalise_reference(&row.section),
                clause: normalise_reference(&row.clause),
                number: normalise_reference(&row.number),
                checksheet: None,
                kept: false,
                ..row
            };
            if row.links.is_empty() {
                let reference = [row.chapter.clone(), row.section.clone(), row.clause.clone(), row.number.clone()];
                row.links = reference_links(catalogue, &reference);
            }
            row
        })
        .collect()
}

/// What identifies a row across a replacement: its reference when no other new row has the same, else its
/// text.
fn match_key(row: &Criterion, unique_reference: bool) -> String {
    if unique_reference && !row.reference().is_empty() {
        format!("ref:{}", row.reference())
    } else if row.checksheet.is_some() {
        format!("cs:{}", row.checksheet.unwrap_or_default())
    } else {
        format!("text:{}", row.content.split_whitespace().collect::<String>())
    }
}

/// The rows `incoming` in place of `old`, keeping what was entered: a new row that matches an old one (by
/// reference, or by text) takes over the old one's checks, links and year (and its audit text where the new
/// one has none); old rows with entries that match nothing stay at the end, marked [`Criterion::kept`]. Old
/// rows with nothing entered are dropped.
pub fn merge(mut incoming: Vec<Criterion>, old: Vec<Criterion>) -> Vec<Criterion> {
    let key = |r: &Criterion, rows: &[Criterion]| {
        let same = rows.iter().filter(|o| o.reference() == r.reference()).count();
        match_key(r, same <= 1)
    };
    let old_keys: Vec<String> = old.iter().map(|r| key(r, &old)).collect();
    let new_keys: Vec<String> = incoming.iter().map(|r| key(r, &incoming)).collect();
    let mut used = vec![false; old.len()];
    for (row, k) in incoming.iter_mut().zip(&new_keys) {
        let Some(n) = old_keys.iter().enumerate().position(|(n, ok)| !used[n] && ok == k) else { continue };
        used[n] = true;
        let before = &old[n];
        if row.audit_check.is_empty() {
            row.audit_check = before.audit_check.clone();
        }
        if before.has_entries() || !before.links.is_empty() {
            row.links = before.links.clone();
        }
        if row.period_check.is_empty() {
            row.period_check = before.period_check.clone();
        }
        if row.date.is_empty() {
            row.date = before.date.clone();
        }
        if row.checker.is_empty() {
            row.checker = before.checker.clone();
        }
        row.unchanged |= before.unchanged;
        row.excluded |= before.excluded;
        row.excluded_reason = before.excluded_reason.clone();
        row.excluded_by = before.excluded_by.clone();
        row.problems = before.problems.clone();
        row.handling = before.handling.clone();
        row.year = row.year.or(before.year);
        row.previous = before.previous.clone();
    }
    for (n, before) in old.into_iter().enumerate() {
        if !used[n] && (before.has_entries() || !before.audit_check.is_empty()) {
            let id =
                if incoming.iter().any(|r| r.id == before.id) { next_row_id(&incoming) } else { before.id.clone() };
            incoming.push(Criterion { id, kept: true, ..before });
        }
    }
    incoming
}

/// Folds a report kept by item (files before schema 4) into the rows: a checksheet item's entry fills its
/// 表4-1 row; any other item's entry becomes a row of its own at the end, linked to the item, so nothing
/// entered is lost.
fn fold_by_item(rows: &mut Vec<Criterion>, by_item: &BTreeMap<String, ReportEntry>, catalogue: &Catalogue) {
    for (id, entry) in by_item {
        let fill = |row: &mut Criterion| {
            row.audit_check = entry.audit_check.clone();
            row.period_check = entry.period_check.clone();
            row.unchanged = entry.unchanged;
            row.date = entry.date.clone();
            row.checker = entry.checker.clone();
            row.excluded = !entry.excluded_reason.trim().is_empty();
            row.excluded_reason = entry.excluded_reason.clone();
            row.handling = entry.handling.clone();
            row.year = entry.year;
        };
        let item = catalogue.item(id);
        let target = item.and_then(|i| i.checksheet).and_then(|n| rows.iter_mut().find(|r| r.checksheet == Some(n)));
        match target {
            Some(row) => fill(row),
            None => {
                let [chapter, section, clause, number] =
                    item.and_then(|i| i.criteria.as_deref()).map(split_reference).unwrap_or_default();
                let mut row = Criterion {
                    id: next_row_id(rows),
                    chapter,
                    section,
                    clause,
                    number,
                    content: item.map(|i| i.requirement.ja.clone()).unwrap_or_else(|| id.clone()),
                    links: vec![id.clone()],
                    kept: true,
                    ..Criterion::default()
                };
                fill(&mut row);
                rows.push(row);
            }
        }
    }
}

/// Gives each row without a year the least-loaded year (the earliest on a tie), in row order.
fn spread(rows: &mut [Criterion]) {
    let mut counts = [0usize; ROTATION_YEARS as usize];
    for y in rows.iter().filter_map(|r| r.year) {
        counts[usize::from(y.clamp(1, ROTATION_YEARS) - 1)] += 1;
    }
    for row in rows.iter_mut().filter(|r| r.year.is_none()) {
        let slot = (0..counts.len()).min_by_key(|&n| (counts[n], n)).unwrap_or(0);
        counts[slot] += 1;
        row.year = Some(slot as u8 + 1);
    }
}

/// A reference part in the report's one numbering style: full-width digits, letters and brackets become
/// half-width, Roman numerals written with Latin letters (I, II, IV) become the numeral characters (Ⅰ, Ⅱ, Ⅳ),
/// and runs of spaces become one.
///
/// ```
/// use tics_domain::periodic::normalise_reference;
/// assert_eq!(normalise_reference("II"), "Ⅱ");
/// assert_eq!(normalise_reference("ＩＶ"), "Ⅳ");
/// assert_eq!(normalise_reference("（１）"), "(1)");
/// assert_eq!(normalise_reference(" 第四　 1 "), "第四 1");
/// assert_eq!(normalise_reference("I 第四 1 (1)"), "Ⅰ 第四 1 (1)");
/// assert_eq!(normalise_reference("Index"), "Index");
/// ```
pub fn normalise_reference(text: &str) -> String {
    let half: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    half.split_whitespace().map(roman).collect::<Vec<_>>().join(" ")
}

/// `word` as a Roman numeral character when it is one written in Latin capitals (I to X).
fn roman(word: &str) -> String {
    const NUMERALS: [(&str, &str); 10] = [
        ("I", "Ⅰ"),
        ("II", "Ⅱ"),
        ("III", "Ⅲ"),
        ("IV", "Ⅳ"),
        ("V", "Ⅴ"),
        ("VI", "Ⅵ"),
        ("VII", "Ⅶ"),
        ("VIII", "Ⅷ"),
        ("IX", "Ⅸ"),
        ("X", "Ⅹ"),
    ];
    NUMERALS.iter().find(|(latin, _)| *latin == word).map(|(_, n)| (*n).to_owned()).unwrap_or_else(|| word.to_owned())
}

/// A criteria reference such as "Ⅰ 第四 1 (1)" split into 章, 節, 項, 番 (anything beyond joins the last).
///
/// ```
/// use tics_domain::periodic::split_reference;
/// assert_eq!(split_reference("I 第四 6 (2)"), ["Ⅰ", "第四", "6", "(2)"]);
/// assert_eq!(split_reference("Ⅲ"), ["Ⅲ", "", "", ""]);
/// ```
pub fn split_reference(criteria: &str) -> [String; 4] {
    let normal = normalise_reference(criteria);
    let mut parts = normal.split(' ').filter(|p| !p.is_empty());
    let mut out: [String; 4] = Default::default();
    for slot in out.iter_mut().take(3) {
        *slot = parts.next().unwrap_or_default().to_owned();
    }
    out[3] = parts.collect::<Vec<_>>().join(" ");
    out
}

/// How far a row's evidence is: of the linked items in the self-check, how many are done, and how many are
/// linked at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub done: usize,
    pub in_scope: usize,
}

/// Moves a self-check's report kept by item (`report`, before result schema 4 and saved state version 3) to
/// `periodic.by_item`, where [`PeriodicReport::rows`] folds it into rows. Works on the JSON, before it is read.
pub(crate) fn migrate_by_item(check: &mut serde_json::Value) {
    let Some(obj) = check.as_object_mut() else { return };
    let report = obj.remove("report").unwrap_or_else(|| serde_json::json!({}));
    obj.entry("periodic").or_insert_with(|| serde_json::json!({ "rows": [], "by_item": report }));
}

/// The result statement's unique number: the date of issue and the self-check's ID.
///
/// ```
/// assert_eq!(tics_domain::periodic::statement_id("sc-abc-12", "2026-11-23"), "TICS-SC-20261123-abc-12");
/// ```
pub fn statement_id(entry_id: &str, date: &str) -> String {
    format!("TICS-SC-{}-{}", date.replace('-', ""), entry_id.trim_start_matches("sc-"))
}
