//! The information inventory (目録): the business's important information, a row each. It is topic ①'s first
//! step, decides which information forms are in scope, and fills the registers and documents.
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::base::table::{Column, Table};
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::InfoForm;

/// The most rows an inventory holds. A small manufacturer lists tens of items; a thousand rows of typical length
/// still fit the storage budget beside the rest of the self-check.
pub const MAX_ROWS: usize = 1000;

/// The classification labels used while the business has not set its own, most secret first: 関係者限り
/// (need-to-know, only the people named) is the narrower class, so the stricter one, above 社外秘 (anyone inside
/// the company).
pub const DEFAULT_CLASSES: [&str; 3] = ["極秘", "関係者限り", "社外秘"];

/// The inventory: the business's classification scheme and its important information.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inventory {
    /// The business's own classification labels, most secret first. Empty means [`DEFAULT_CLASSES`].
    pub classes: Vec<String>,
    pub rows: Vec<InfoRow>,
}

/// One piece of important information.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InfoRow {
    /// Tells rows apart when two tabs' changes are merged (see the `sync` module); given by the app, never shown.
    /// Rows of older data get theirs when read ([`Inventory::number_rows`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What the business calls it, e.g. "製品Aの設計図".
    pub name: String,
    /// The line of business it belongs to (業務分類, e.g. 技術, 製造, 営業), as the training material's inventory has.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub business_area: String,
    /// What it is and why it matters.
    pub description: String,
    /// The forms it takes (a drawing may be on paper and on the file server).
    pub forms: BTreeSet<InfoForm>,
    /// Where it is kept: cabinet, room, server folder, cloud service.
    pub location: String,
    /// Who manages it (a person or a department).
    pub manager: String,
    /// Its classification, one of the scheme's labels as a rule.
    pub classification: String,
    /// Who may access it.
    pub access: String,
    /// A customer or partner entrusted it to the business.
    pub entrusted: bool,
    /// The conditions the entrusting party set (contract, NDA clauses).
    pub conditions: String,
    /// How long it is kept.
    pub retention: String,
    /// How it is disposed of.
    pub disposal: String,
    /// When it was entered in the inventory (登録日), `YYYY-MM-DD` as a rule; what a file gave, if no date.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub registered: String,
}

/// The text fields of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowField {
    Name,
    BusinessArea,
    Description,
    Location,
    Manager,
    Classification,
    Access,
    Conditions,
    Retention,
    Disposal,
    Registered,
}

impl RowField {
    pub const ALL: [RowField; 11] = [
        RowField::Name,
        RowField::BusinessArea,
        RowField::Description,
        RowField::Location,
        RowField::Manager,
        RowField::Classification,
        RowField::Access,
        RowField::Conditions,
        RowField::Retention,
        RowField::Disposal,
        RowField::Registered,
    ];

    pub fn label(self) -> Text {
        match self {
            RowField::Name => Text::new("情報の名称", "Name"),
            RowField::BusinessArea => Text::new("業務分類", "Business area"),
            RowField::Description => Text::new("内容", "What it is"),
            RowField::Location => Text::new("保管場所", "Where it is kept"),
            RowField::Manager => Text::new("管理者", "Manager"),
            RowField::Classification => Text::new("区分", "Classification"),
            RowField::Access => Text::new("アクセスできる人", "Who may access it"),
            RowField::Conditions => Text::new("預かりの条件", "Conditions of the entrusting party"),
            RowField::Retention => Text::new("保管期間", "Kept for"),
            RowField::Disposal => Text::new("廃棄方法", "Disposal"),
            RowField::Registered => Text::new("登録日", "Date registered"),
        }
    }

    /// Stable key for DOM ids, test ids and file columns.
    pub fn key(self) -> &'static str {
        match self {
            RowField::Name => "name",
            RowField::BusinessArea => "business_area",
            RowField::Description => "description",
            RowField::Location => "location",
            RowField::Manager => "manager",
            RowField::Classification => "classification",
            RowField::Access => "access",
            RowField::Conditions => "conditions",
            RowField::Retention => "retention",
            RowField::Disposal => "disposal",
            RowField::Registered => "registered",
        }
    }

    pub fn get(self, row: &InfoRow) -> &str {
        match self {
            RowField::Name => &row.name,
            RowField::BusinessArea => &row.business_area,
            RowField::Description => &row.description,
            RowField::Location => &row.location,
            RowField::Manager => &row.manager,
            RowField::Classification => &row.classification,
            RowField::Access => &row.access,
            RowField::Conditions => &row.conditions,
            RowField::Retention => &row.retention,
            RowField::Disposal => &row.disposal,
            RowField::Registered => &row.registered,
        }
    }

    pub(crate) fn slot(self, row: &mut InfoRow) -> &mut String {
        match self {
            RowField::Name => &mut row.name,
            RowField::BusinessArea => &mut row.business_area,
            RowField::Description => &mut row.description,
            RowField::Location => &mut row.location,
            RowField::Manager => &mut row.manager,
            RowField::Classification => &mut row.classification,
            RowField::Access => &mut row.access,
            RowField::Conditions => &mut row.conditions,
            RowField::Retention => &mut row.retention,
            RowField::Disposal => &mut row.disposal,
            RowField::Registered => &mut row.registered,
        }
    }
}

/// Every change to the inventory. Rows are addressed by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InventoryAction {
    /// A blank row at the end.
    Add,
    /// A copy of worked example `n` of [`examples`] at the end.
    AddExample(usize),
    Edit {
        row: usize,
        field: RowField,
        text: String,
    },
    SetForm {
        row: usize,
        form: InfoForm,
        on: bool,
    },
    SetEntrusted {
        row: usize,
        on: bool,
    },
    /// A copy of the row right after it.
    Duplicate(usize),
    Delete(usize),
    /// Moves a row to position `to` (after removing it), e.g. one up is `to: row - 1`.
    Move {
        row: usize,
        to: usize,
    },
    /// The classification labels, most secret first; blank labels are dropped, repeats kept once.
    SetClasses(Vec<String>),
    /// Rows read from a file: added after the existing rows, or replacing them.
    Import {
        rows: Vec<InfoRow>,
        replace: bool,
    },
}

impl Inventory {
    /// The labels in use: the business's own, or [`DEFAULT_CLASSES`].
    pub fn classes(&self) -> Vec<String> {
        if self.classes.is_empty() {
            DEFAULT_CLASSES.iter().map(|c| (*c).to_owned()).collect()
        } else {
            self.classes.clone()
        }
    }

    /// The labels as one line to edit, e.g. "極秘、社外秘、関係者限り".
    pub fn classes_text(&self) -> String {
        self.classes().join("、")
    }

    /// The forms the listed information takes; empty while no row names a form.
    pub fn forms(&self) -> BTreeSet<InfoForm> {
        self.rows.iter().flat_map(|r| r.forms.iter().copied()).collect()
    }

    /// Whether any row was entrusted by a customer or partner.
    pub fn has_entrusted(&self) -> bool {
        self.rows.iter().any(|r| r.entrusted)
    }

    /// The distinct managers named in the rows, in order of first appearance.
    pub fn managers(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.rows
            .iter()
            .map(|r| r.manager.trim())
            .filter(|m| !m.is_empty() && seen.insert(m.to_string()))
            .map(str::to_owned)
            .collect()
    }

    /// Gives every row without an ID, or with the ID of a row above it (a copy), one made by `fresh`.
    pub fn name_rows(&mut self, mut fresh: impl FnMut() -> String) -> bool {
        let mut seen = BTreeSet::new();
        let mut changed = false;
        for row in &mut self.rows {
            if row.id.is_empty() || !seen.insert(row.id.clone()) {
                row.id = std::iter::repeat_with(&mut fresh)
                    .find(|id| !id.is_empty() && !seen.contains(id))
                    .unwrap_or_default();
                seen.insert(row.id.clone());
                changed = true;
            }
        }
        changed
    }

    /// Names the rows of data saved before rows had IDs by their position (`i1`, `i2`, …), so that every tab
    /// reading the same data gives the same row the same ID.
    pub fn number_rows(&mut self) {
        let taken: BTreeSet<String> = self.rows.iter().map(|r| r.id.clone()).collect();
        let mut n = 0;
        self.name_rows(|| loop {
            n += 1;
            let id = format!("i{n}");
            if !taken.contains(&id) {
                return id;
            }
        });
    }

    /// Carries out `action`; refuses (changing nothing) a row that does not exist or more than [`MAX_ROWS`] rows.
    pub fn apply(&mut self, action: InventoryAction) -> Result<(), Message> {
        let len = self.rows.len();
        let exists = |row: usize| {
            if row < len {
                Ok(())
            } else {
                Err(Text::new(format!("{} 行目はありません", row + 1), format!("there is no row {}", row + 1)))
            }
        };
        let room = |adding: usize| {
            if len + adding <= MAX_ROWS {
                Ok(())
            } else {
                Err(too_many(len + adding))
            }
        };
        match action {
            InventoryAction::Add => {
                room(1)?;
                self.rows.push(InfoRow::default());
            }
            InventoryAction::AddExample(n) => {
                room(1)?;
                let example = examples()
                    .into_iter()
                    .nth(n)
                    .ok_or_else(|| Text::new(format!("記入例 {n} はありません"), format!("there is no example {n}")))?;
                self.rows.push(example.row);
            }
            InventoryAction::Edit { row, field, text } => {
                exists(row)?;
                *field.slot(&mut self.rows[row]) = text;
            }
            InventoryAction::SetForm { row, form, on } => {
                exists(row)?;
                let forms = &mut self.rows[row].forms;
                if on {
                    forms.insert(form);
                } else {
                    forms.remove(&form);
                }
            }
            InventoryAction::SetEntrusted { row, on } => {
                exists(row)?;
                self.rows[row].entrusted = on;
            }
            InventoryAction::Duplicate(row) => {
                exists(row)?;
                room(1)?;
                let copy = self.rows[row].clone();
                self.rows.insert(row + 1, copy);
            }
            InventoryAction::Delete(row) => {
                exists(row)?;
                self.rows.remove(row);
            }
            InventoryAction::Move { row, to } => {
                exists(row)?;
                exists(to)?;
                let moved = self.rows.remove(row);
                self.rows.insert(to, moved);
            }
            InventoryAction::SetClasses(labels) => {
                let mut seen = BTreeSet::new();
                self.classes = labels
                    .into_iter()
                    .map(|l| l.trim().to_owned())
                    .filter(|l| !l.is_empty() && seen.insert(l.clone()))
                    .collect();
            }
            InventoryAction::Import { rows, replace } => {
                let total = if replace { rows.len() } else { len + rows.len() };
                if total > MAX_ROWS {
                    return Err(too_many(total));
                }
                if replace {
                    self.rows = rows;
                } else {
                    self.rows.extend(rows);
                }
            }
        }
        Ok(())
    }

    /// What topic ① needs to know: how many rows, and which lack a manager or a classification.
    pub fn state(&self) -> InventoryState {
        let missing = |f: RowField| {
            self.rows.iter().enumerate().filter(|(_, r)| f.get(r).trim().is_empty()).map(|(n, _)| n).collect()
        };
        InventoryState {
            rows: self.rows.len(),
            without_manager: missing(RowField::Manager),
            without_classification: missing(RowField::Classification),
        }
    }
}

fn too_many(rows: usize) -> Message {
    Text::new(
        format!("目録は {MAX_ROWS} 行までです（{rows} 行になります）"),
        format!("An inventory holds at most {MAX_ROWS} rows (this would make {rows})"),
    )
}

/// The inventory's state as the items of topic ① show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InventoryState {
    pub rows: usize,
    /// Positions of rows without a manager.
    pub without_manager: Vec<usize>,
    /// Positions of rows without a classification.
    pub without_classification: Vec<usize>,
}

impl InventoryState {
    /// One line for the item cards.
    pub fn summary(&self) -> Text {
        if self.rows == 0 {
            return Text::new("目録はまだ空です", "The inventory is still empty");
        }
        let mut ja = format!("目録: {} 件", self.rows);
        let mut en = format!("Inventory: {} rows", self.rows);
        if !self.without_manager.is_empty() {
            ja.push_str(&format!("、管理者が未記入 {} 件", self.without_manager.len()));
            en.push_str(&format!(", {} without a manager", self.without_manager.len()));
        }
        if !self.without_classification.is_empty() {
            // Classification is good practice (level 2 of the catalogue), not part of the baseline: say so.
            ja.push_str(&format!("、区分が未記入 {} 件（区分は任意）", self.without_classification.len()));
            en.push_str(&format!(", {} without a classification (optional)", self.without_classification.len()));
        }
        Text::new(ja, en)
    }

    /// There is at least one row and every row has a manager. A classification is optional, as the catalogue's
    /// `identify-classify` (level 2) is.
    pub fn complete(&self) -> bool {
        self.rows > 0 && self.without_manager.is_empty()
    }
}

/// A worked example to start a row from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// What the list of examples shows.
    pub title: Text,
    pub row: InfoRow,
}

/// Worked examples of a small manufacturer's important information, after the kinds the training material names
/// (drawings, process know-how, prototypes, equipment, customer information, data on servers). Their text is
/// Japanese, like the inventory of a Japanese business; the titles are bilingual.
pub fn examples() -> Vec<Example> {
    let mut examples = worked_examples();
    for (example, area) in examples.iter_mut().zip(["技術", "製造", "技術", "製造", "営業", "購買"]) {
        example.row.business_area = area.into();
    }
    examples
}

fn worked_examples() -> Vec<Example> {
    let row = |name: &str, description: &str, forms: &[InfoForm], location: &str, manager: &str, class: &str| InfoRow {
        name: name.into(),
        description: description.into(),
        forms: forms.iter().copied().collect(),
        location: location.into(),
        manager: manager.into(),
        classification: class.into(),
        access: "開発部の担当者".into(),
        retention: "製品の販売終了後 10 年".into(),
        disposal: "紙は細断、データは消去ソフトで消去".into(),
        ..InfoRow::default()
    };
    vec![
        Example {
            title: Text::new("製品の設計図", "Product drawings"),
            row: row(
                "製品設計図",
                "現行製品の組立図・部品図",
                &[InfoForm::Container, InfoForm::OwnServer],
                "設計室の施錠キャビネット、ファイルサーバの設計フォルダ",
                "開発部長",
                "社外秘",
            ),
        },
        Example {
            title: Text::new("製造条件・ノウハウ", "Process conditions and know-how"),
            row: InfoRow {
                access: "製造部の班長以上".into(),
                retention: "改訂後も 5 年".into(),
                ..row(
                    "製造条件表",
                    "熱処理の温度・時間など、歩留まりを左右する条件",
                    &[InfoForm::OwnServer],
                    "ファイルサーバの製造技術フォルダ",
                    "製造部長",
                    "極秘",
                )
            },
        },
        Example {
            title: Text::new("試作品", "Prototypes"),
            row: InfoRow {
                retention: "評価終了後、社長の承認を得て廃棄".into(),
                disposal: "破砕して産業廃棄物として処理".into(),
                ..row(
                    "新製品の試作品",
                    "発表前の新製品の試作品",
                    &[InfoForm::Container],
                    "試作室の施錠保管庫",
                    "開発部長",
                    "極秘",
                )
            },
        },
        Example {
            title: Text::new("独自の製造装置", "In-house equipment"),
            row: InfoRow {
                access: "製造部の担当者".into(),
                retention: "使用期間中".into(),
                disposal: "分解し、要部を破砕".into(),
                ..row(
                    "専用加工機",
                    "自社で改造した加工機とその治具",
                    &[InfoForm::Area],
                    "第2工場の立入制限区域",
                    "製造部長",
                    "社外秘",
                )
            },
        },
        Example {
            title: Text::new("顧客から預かった図面", "Drawings entrusted by a customer"),
            row: InfoRow {
                entrusted: true,
                conditions: "秘密保持契約による（複製は顧客の承認が必要、取引終了時に返却）".into(),
                access: "担当営業と設計の担当者".into(),
                retention: "取引終了まで".into(),
                disposal: "顧客へ返却".into(),
                ..row(
                    "顧客A社の部品図面",
                    "受託生産のためにA社から預かった図面",
                    &[InfoForm::Container, InfoForm::Cloud],
                    "営業部の施錠キャビネット、A社指定のクラウドストレージ",
                    "営業部長",
                    "関係者限り",
                )
            },
        },
        Example {
            title: Text::new("外注先に渡す加工データ", "Machining data given to a subcontractor"),
            row: InfoRow {
                access: "購買担当と外注先の担当者".into(),
                conditions: String::new(),
                ..row(
                    "外注用加工データ",
                    "外注先に渡す部品の加工プログラム",
                    &[InfoForm::OwnServer, InfoForm::ThirdParty],
                    "ファイルサーバの外注フォルダ、外注先B社",
                    "購買課長",
                    "社外秘",
                )
            },
        },
    ]
}

/// The labels typed as one line (see [`Inventory::classes_text`]): one per comma, 、 or line break. Blank labels
/// and repeats are dropped when they are set ([`InventoryAction::SetClasses`]).
pub fn parse_classes(text: &str) -> Vec<String> {
    text.split([',', '、', '，', '\n']).map(str::to_owned).collect()
}

/// A form's short name in the inventory's files (the long one, [`InfoForm::label`], does not fit a cell).
pub fn form_name(form: InfoForm) -> Text {
    match form {
        InfoForm::Container => Text::new("書類・試作品", "Papers and prototypes"),
        InfoForm::Area => Text::new("製造装置等", "Equipment"),
        InfoForm::OwnServer => Text::new("自社サーバ・PC", "Own servers and PCs"),
        InfoForm::Cloud => Text::new("クラウド", "Cloud"),
        InfoForm::ThirdParty => Text::new("委託先", "Subcontractors"),
    }
}

/// How several forms are written in one cell.
pub const FORM_SEPARATOR: &str = " / ";

/// The forms cell of a row in `lang`, e.g. "書類・試作品 / 自社サーバ・PC".
pub fn forms_cell(forms: &BTreeSet<InfoForm>, lang: Lang) -> String {
    forms.iter().map(|f| form_name(*f).get(lang).to_owned()).collect::<Vec<_>>().join(FORM_SEPARATOR)
}

/// The forms named in a cell: short or long names in either language, or the file keys (`own_server`), separated
/// by `/`, `、`, `,`, `;` or line breaks. Returns the words it could not place.
pub fn parse_forms(cell: &str) -> Result<BTreeSet<InfoForm>, Vec<String>> {
    let normal = |s: &str| s.trim().to_lowercase().replace([' ', '　'], "");
    let mut forms = BTreeSet::new();
    let mut unknown = Vec::new();
    for word in cell.split(['/', '／', '、', ',', '，', ';', '；', '\n']).map(str::trim).filter(|w| !w.is_empty()) {
        let w = normal(word);
        let found = InfoForm::ALL.into_iter().find(|f| {
            let (short, long) = (form_name(*f), f.label());
            [short.ja, short.en, long.ja, long.en, form_key(*f).to_owned()].iter().any(|name| normal(name) == w)
        });
        match found {
            Some(f) => {
                forms.insert(f);
            }
            None => unknown.push(word.to_owned()),
        }
    }
    if unknown.is_empty() {
        Ok(forms)
    } else {
        Err(unknown)
    }
}

/// The key a form has in the JSON file.
pub fn form_key(form: InfoForm) -> &'static str {
    match form {
        InfoForm::Container => "container",
        InfoForm::Area => "area",
        InfoForm::OwnServer => "own_server",
        InfoForm::Cloud => "cloud",
        InfoForm::ThirdParty => "third_party",
    }
}

/// "Yes" in a file, for the entrusted column (blank means no).
pub fn yes(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "はい",
        Lang::En => "Yes",
    }
}

/// Reads a yes/no cell: blank, いいえ, no, false, 0, ×, - are no; はい, yes, true, 1, ○, 〇, ✓ are yes.
pub fn parse_yes(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "いいえ" | "no" | "n" | "false" | "0" | "×" | "-" | "ー" | "無" | "なし" => Some(false),
        "はい" | "yes" | "y" | "true" | "1" | "○" | "〇" | "◯" | "✓" | "✔" | "有" | "あり" => Some(true),
        _ => None,
    }
}

/// The inventory's columns in files, in order: the text fields with the forms after the description and the
/// entrusted flag before its conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileColumn {
    Text(RowField),
    Forms,
    Entrusted,
}

impl FileColumn {
    /// The training material's inventory has 業務分類 first and 登録日 last; the name stays first here, as it is
    /// what tells the rows apart.
    pub const ALL: [FileColumn; 13] = [
        FileColumn::Text(RowField::Name),
        FileColumn::Text(RowField::BusinessArea),
        FileColumn::Text(RowField::Description),
        FileColumn::Forms,
        FileColumn::Text(RowField::Location),
        FileColumn::Text(RowField::Manager),
        FileColumn::Text(RowField::Classification),
        FileColumn::Text(RowField::Access),
        FileColumn::Entrusted,
        FileColumn::Text(RowField::Conditions),
        FileColumn::Text(RowField::Retention),
        FileColumn::Text(RowField::Disposal),
        FileColumn::Text(RowField::Registered),
    ];

    pub fn label(self) -> Text {
        match self {
            FileColumn::Text(f) => f.label(),
            FileColumn::Forms => Text::new("形態", "Forms"),
            FileColumn::Entrusted => Text::new("預かり情報", "Entrusted"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FileColumn::Text(f) => f.key(),
            FileColumn::Forms => "forms",
            FileColumn::Entrusted => "entrusted",
        }
    }

    /// Width in characters in the Excel sheet, and whether the text wraps.
    pub(crate) fn width(self) -> (u16, bool) {
        match self {
            FileColumn::Text(RowField::Name) => (24, true),
            FileColumn::Text(RowField::Description | RowField::Location | RowField::Conditions) => (32, true),
            FileColumn::Text(RowField::Access | RowField::Disposal | RowField::Retention) => (22, true),
            FileColumn::Forms => (22, true),
            FileColumn::Entrusted => (10, false),
            FileColumn::Text(RowField::Registered) => (12, false),
            FileColumn::Text(_) => (14, true),
        }
    }

    /// The cell of `row` in `lang`.
    pub fn cell(self, row: &InfoRow, lang: Lang) -> String {
        match self {
            FileColumn::Text(f) => f.get(row).to_owned(),
            FileColumn::Forms => forms_cell(&row.forms, lang),
            FileColumn::Entrusted => if row.entrusted { yes(lang) } else { "" }.to_owned(),
        }
    }
}

/// The inventory as a table, for its CSV file and its Excel sheet.
pub fn inventory_table(inventory: &Inventory, lang: Lang) -> Table {
    Table {
        name: Text::new("目録", "Inventory").get(lang).to_owned(),
        columns: FileColumn::ALL
            .iter()
            .map(|c| {
                let (width, wrap) = c.width();
                Column::new(c.label().get(lang), width, wrap)
            })
            .collect(),
        rows: inventory.rows.iter().map(|r| FileColumn::ALL.iter().map(|c| c.cell(r, lang)).collect()).collect(),
        ..Table::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> InfoRow {
        InfoRow { name: name.into(), ..InfoRow::default() }
    }

    fn names(inv: &Inventory) -> Vec<&str> {
        inv.rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn the_default_classes_go_from_the_narrowest_and_entrusted_drawings_are_not_in_the_lowest() {
        assert_eq!(DEFAULT_CLASSES, ["極秘", "関係者限り", "社外秘"]);
        let lowest = DEFAULT_CLASSES[DEFAULT_CLASSES.len() - 1];
        for example in examples() {
            if example.row.entrusted {
                assert_ne!(example.row.classification, lowest, "{}", example.title.ja);
            }
            assert!(DEFAULT_CLASSES.contains(&example.row.classification.as_str()), "{}", example.title.ja);
        }
    }

    #[test]
    fn add_edit_duplicate_move_delete() {
        let mut inv = Inventory::default();
        inv.apply(InventoryAction::Add).unwrap();
        inv.apply(InventoryAction::Edit { row: 0, field: RowField::Name, text: "A".into() }).unwrap();
        inv.apply(InventoryAction::AddExample(0)).unwrap();
        inv.apply(InventoryAction::Duplicate(0)).unwrap();
        assert_eq!(names(&inv), ["A", "A", "製品設計図"]);
        inv.apply(InventoryAction::Edit { row: 1, field: RowField::Name, text: "B".into() }).unwrap();
        inv.apply(InventoryAction::Move { row: 2, to: 0 }).unwrap();
        assert_eq!(names(&inv), ["製品設計図", "A", "B"]);
        inv.apply(InventoryAction::Move { row: 0, to: 2 }).unwrap();
        assert_eq!(names(&inv), ["A", "B", "製品設計図"]);
        inv.apply(InventoryAction::Delete(1)).unwrap();
        assert_eq!(names(&inv), ["A", "製品設計図"]);
    }

    #[test]
    fn a_missing_row_is_refused_and_nothing_changes() {
        let mut inv = Inventory { rows: vec![named("A")], ..Inventory::default() };
        let before = inv.clone();
        for action in [
            InventoryAction::Delete(1),
            InventoryAction::Duplicate(5),
            InventoryAction::Move { row: 0, to: 1 },
            InventoryAction::Edit { row: 1, field: RowField::Name, text: "x".into() },
            InventoryAction::AddExample(99),
        ] {
            assert!(inv.apply(action.clone()).is_err(), "{action:?}");
            assert_eq!(inv, before);
        }
    }

    #[test]
    fn the_row_limit_holds_for_adding_and_importing() {
        let mut inv = Inventory { rows: vec![InfoRow::default(); MAX_ROWS], ..Inventory::default() };
        let err = inv.apply(InventoryAction::Add).unwrap_err();
        assert!(err.en.contains("at most 1000"), "{}", err.en);
        assert!(inv.apply(InventoryAction::Import { rows: vec![named("x")], replace: false }).is_err());
        assert_eq!(inv.rows.len(), MAX_ROWS);
        inv.apply(InventoryAction::Import { rows: vec![named("x")], replace: true }).unwrap();
        assert_eq!(names(&inv), ["x"]);
    }

    #[test]
    fn forms_entrusted_and_managers_follow_the_rows() {
        let mut inv = Inventory::default();
        assert!(inv.forms().is_empty());
        for n in 0..examples().len() {
            inv.apply(InventoryAction::AddExample(n)).unwrap();
        }
        assert_eq!(inv.forms(), InfoForm::ALL.into_iter().collect());
        assert!(inv.has_entrusted());
        assert_eq!(inv.managers(), ["開発部長", "製造部長", "営業部長", "購買課長"]);
    }

    #[test]
    fn classes_default_until_set_and_blank_labels_are_dropped() {
        let mut inv = Inventory::default();
        assert_eq!(inv.classes(), DEFAULT_CLASSES);
        inv.apply(InventoryAction::SetClasses(vec![" 秘 ".into(), "".into(), "秘".into(), "公開".into()])).unwrap();
        assert_eq!(inv.classes(), ["秘", "公開"]);
        inv.apply(InventoryAction::SetClasses(parse_classes("極秘, 社外秘、,関係者限り"))).unwrap();
        assert_eq!(inv.classes_text(), "極秘、社外秘、関係者限り");
    }

    #[test]
    fn forms_cells_read_back_in_either_language() {
        let all: BTreeSet<InfoForm> = InfoForm::ALL.into_iter().collect();
        for lang in [Lang::Ja, Lang::En] {
            assert_eq!(parse_forms(&forms_cell(&all, lang)), Ok(all.clone()));
        }
        assert_eq!(
            parse_forms("own_server、クラウド"),
            Ok([InfoForm::OwnServer, InfoForm::Cloud].into_iter().collect())
        );
        assert_eq!(parse_forms(""), Ok(BTreeSet::new()));
        assert_eq!(parse_forms("書類・試作品 / 金庫"), Err(vec!["金庫".to_owned()]));
        assert_eq!(parse_yes(" はい "), Some(true));
        assert_eq!(parse_yes(""), Some(false));
        assert_eq!(parse_yes("たぶん"), None);
    }

    #[test]
    fn state_names_rows_without_manager_or_classification() {
        let inv = Inventory::default();
        assert_eq!(inv.state().summary().en, "The inventory is still empty");
        assert!(!inv.state().complete());
        let inv = Inventory {
            rows: vec![
                named("a"),
                InfoRow { manager: "m".into(), classification: "c".into(), ..named("b") },
                InfoRow { manager: " ".into(), ..named("c") },
            ],
            ..Inventory::default()
        };
        let state = inv.state();
        assert_eq!(state.without_manager, [0, 2]);
        assert_eq!(state.without_classification, [0, 2]);
        assert_eq!(state.summary().ja, "目録: 3 件、管理者が未記入 2 件、区分が未記入 2 件（区分は任意）");
        assert!(!state.complete());
        // Rows without a class but with a manager are complete: classification is optional.
        let managed = Inventory {
            rows: vec![InfoRow { manager: "m".into(), ..named("a") }, InfoRow { manager: "n".into(), ..named("b") }],
            ..Inventory::default()
        };
        assert!(managed.state().complete());
        assert_eq!(managed.state().summary().en, "Inventory: 2 rows, 2 without a classification (optional)");
    }
}
