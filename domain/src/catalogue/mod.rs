//! The catalogue of measures: topics ①–⑨ (plus third parties) and the items under them, loaded from JSON and
//! validated field by field so that every problem names the item, the field and what is wrong.
//!
//! The format is documented in `docs/CATALOGUE_FORMAT.md`; [`FORMAT_NAME`] and [`FORMAT_VERSION`] identify it.
pub mod checked;
pub mod file;
pub mod guidance;
pub mod releases;
pub mod templates;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::base::text::{Lang, Message, Text};
use crate::catalogue::releases::{version_order, Change, Release, Releases};
use crate::catalogue::templates::Template;

/// The `format` value every catalogue file carries.
pub const FORMAT_NAME: &str = "tics-self-check-catalogue";
/// The newest catalogue format version this build reads.
pub const FORMAT_VERSION: u32 = 1;
/// The `format` value of an association's overlay: items added to, hidden from or cross-referenced in a base.
pub const OVERLAY_FORMAT_NAME: &str = "tics-self-check-overlay";
/// The highest difficulty level. 1 is this catalogue's baseline, 2 standard, 3 advanced (see `level` in
/// `docs/CATALOGUE_FORMAT.md` for the rule that places a measure at a level).
pub const MAX_LEVEL: u8 = 3;

/// The item numbers of 表4-1's checksheet (付録1 of the 2022 METI report).
pub const CHECKSHEET_ITEMS: std::ops::RangeInclusive<u8> = 1..=15;

/// The default catalogue, compiled in.
pub const DEFAULT_CATALOGUE_JSON: &str = include_str!("../../../content/catalogue.json");

/// The form important information takes; decides which measures apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoForm {
    /// Papers and prototypes that fit in a lockable container.
    Container,
    /// Equipment or lines that cannot be stored, kept in a restricted area.
    Area,
    /// Electronic data on the business's own servers and PCs.
    OwnServer,
    /// Electronic data in a cloud service or an outside data centre.
    Cloud,
    /// Information handed to subcontractors or other third parties.
    ThirdParty,
}

impl InfoForm {
    pub const ALL: [InfoForm; 5] =
        [InfoForm::Container, InfoForm::Area, InfoForm::OwnServer, InfoForm::Cloud, InfoForm::ThirdParty];

    pub fn label(self) -> Text {
        match self {
            InfoForm::Container => Text::new(
                "書類・試作品など（保管容器に入るもの）",
                "Papers and prototypes that fit in a locked container",
            ),
            InfoForm::Area => Text::new(
                "製造装置など（保管容器に入らないもの）",
                "Equipment that cannot be locked away (restricted area)",
            ),
            InfoForm::OwnServer => {
                Text::new("電子データ（自社のサーバ・PC）", "Electronic data on own servers and PCs")
            }
            InfoForm::Cloud => {
                Text::new("電子データ（クラウド・データセンター）", "Electronic data in the cloud or a data centre")
            }
            InfoForm::ThirdParty => Text::new("外部委託先などに渡す情報", "Information handed to subcontractors"),
        }
    }
}

/// An extra condition from the profile under which an item applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The business holds important information entrusted by customers or others.
    Entrusted,
    /// Few employees: management doubles as the manager.
    SmallOrg,
    /// Many employees, or information spread over several departments.
    LargeOrg,
}

/// Who or what a measure protects against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threat {
    Insider,
    Leaver,
    Partner,
    Outsider,
    Malware,
}

impl Threat {
    /// Every threat, in the order the app lists them.
    pub const ALL: [Threat; 5] = [Threat::Insider, Threat::Leaver, Threat::Partner, Threat::Outsider, Threat::Malware];

    /// The key used in files (`insider`, `leaver`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Threat::Insider => "insider",
            Threat::Leaver => "leaver",
            Threat::Partner => "partner",
            Threat::Outsider => "outsider",
            Threat::Malware => "malware",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Threat::Insider => Text::new("内部不正", "Insider"),
            Threat::Leaver => Text::new("退職者", "Leaver"),
            Threat::Partner => Text::new("取引先", "Business partner"),
            Threat::Outsider => Text::new("外部者", "Outsider"),
            Threat::Malware => Text::new("マルウェア", "Malware"),
        }
    }
}

/// How much an item matters when planning (independent of difficulty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Low,
    Medium,
    High,
}

impl Importance {
    pub fn label(self) -> Text {
        match self {
            Importance::High => Text::new("重要度 高", "High importance"),
            Importance::Medium => Text::new("重要度 中", "Medium importance"),
            Importance::Low => Text::new("重要度 低", "Low importance"),
        }
    }
}

/// Which information forms an item applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Forms {
    /// Every business, whatever form its information takes.
    Any,
    /// Only businesses holding information in at least one of these forms.
    Only(BTreeSet<InfoForm>),
}

/// A topic of the training material (①–⑨) or the third-party topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    /// The mark shown before the title, e.g. "①".
    pub mark: String,
    pub title: Text,
    pub summary: Text,
}

impl Item {
    /// Whether the inventory is one of the templates that serve this item: its card then shows the inventory's
    /// state.
    pub fn served_by_inventory(&self) -> bool {
        self.templates.contains(&Template::Register(templates::RegisterKind::Inventory))
    }
}

impl Topic {
    /// The topic as tables, charts and lists name it: its mark and title, e.g. "① 重要情報の特定".
    pub fn label(&self, lang: Lang) -> String {
        format!("{} {}", self.mark, self.title.get(lang))
    }
}

/// One measure of the catalogue. (Serialised only in the internal checked form, which the module above this one writes; files use the
/// documented format read by [`Catalogue::from_json`].)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub topic: String,
    pub title: Text,
    pub requirement: Text,
    /// 1 = this catalogue's baseline, 2 = standard, 3 = advanced.
    pub level: u8,
    /// Where the level comes from, when the source material does not say so itself: a level-3 measure that is
    /// not in the training material's "higher level" lists says why it counts as advanced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_basis: Option<Text>,
    pub importance: Importance,
    pub forms: Forms,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    pub threats: Vec<Threat>,
    /// Markdown.
    pub guidance: Text,
    /// Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub examples: Option<Text>,
    /// The guidance and examples are left out here and fetched when first opened (the built-in catalogue in the
    /// browser; set by the build, never by a catalogue file, so no text an overlay writes can stand for it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guidance_later: bool,
    /// The number of the checksheet item (表4-1, 1–15) this item is, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksheet: Option<u8>,
    /// The checksheet item (表4-1, 1–15) a measure that is not one itself supports, where that is not the first
    /// checksheet item of its topic (the periodic report links it to that item's row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports: Option<u8>,
    /// JAMA/JAPIA automotive guideline numbers (自No.) mapped to the checksheet item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jama: Vec<u16>,
    /// Reference into the certification criteria, e.g. "I 第四 1 (1)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// References into other schemes (an association's own guideline), by crosswalk column ID.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub crosswalk: BTreeMap<String, String>,
    /// The templates (registers, pledges, rules) that serve this item, offered beside its guidance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    /// The item is the business classifying its information: once it is done, the drafted rules take the
    /// classes as chosen rather than asking whether to have any (see `documents::input`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub classifies: bool,
}

/// An extra column an association adds: its own reference numbers for items (a crosswalk).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkColumn {
    pub id: String,
    pub label: Text,
}

/// An association's branding shown above the self-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    pub name: Text,
    /// Markdown, rendered safely.
    #[serde(default)]
    pub intro: Option<Text>,
    /// Who members contact about sharing their results (plain text, one line), shown where a member makes the
    /// file to share with the association.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
}

/// A validated catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub topics: Vec<Topic>,
    pub items: Vec<Item>,
    pub columns: Vec<CrosswalkColumn>,
    pub branding: Option<Branding>,
    /// What changed in each version of the catalogue, oldest first (the built-in catalogue's; overlays keep their
    /// base's).
    pub changes: Releases,
    /// Item ID → position in `items`, so that look-ups stay fast in catalogues of thousands of items.
    index: HashMap<String, usize>,
}

/// One problem found while loading a catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The item (or topic) ID, when the problem is inside one.
    pub item: Option<String>,
    /// The field, e.g. `level` or `title.en`.
    pub field: String,
    pub message: Message,
}

impl Problem {
    fn new(item: Option<&str>, field: &str, ja: impl Into<String>, en: impl Into<String>) -> Self {
        Problem { item: item.map(str::to_owned), field: field.to_owned(), message: Text::new(ja, en) }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.item {
            Some(id) => write!(f, "[{id}] {}: {}", self.field, self.message.en),
            None => write!(f, "{}: {}", self.field, self.message.en),
        }
    }
}

impl Catalogue {
    /// The built-in TICS catalogue.
    pub fn default_tics() -> Result<Catalogue, Vec<Problem>> {
        Catalogue::from_json(DEFAULT_CATALOGUE_JSON)
    }

    /// Parses and validates a catalogue. On failure, returns every problem found (not just the first).
    pub fn from_json(json: &str) -> Result<Catalogue, Vec<Problem>> {
        let root = parse_root(json)?;
        let mut problems = Vec::new();
        let mut f = Fields { obj: &root, owner: None, problems: &mut problems };
        f.known(&[
            "format",
            "format_version",
            "id",
            "version",
            "title",
            "topics",
            "items",
            "columns",
            "branding",
            "changes",
        ]);
        let header = Header::read(&mut f, FORMAT_NAME);
        let title: Option<Text> = f.req("title");
        let topics_raw: Option<Vec<Value>> = f.req("topics");
        let items_raw: Option<Vec<Value>> = f.req("items");
        let columns: Vec<CrosswalkColumn> = f.opt("columns").unwrap_or_default();
        let branding: Option<Branding> = f.opt("branding");
        let changes: Vec<Release> = f.opt("changes").unwrap_or_default();
        if let Some(t) = &title {
            check_text(&mut problems, None, "title", t);
        }
        check_branding(branding.as_ref(), &mut problems);
        check_columns(&columns, &[], &mut problems);
        let mut topic_ids = HashSet::new();
        let topics = parse_topics(topics_raw.unwrap_or_default(), &mut topic_ids, &mut problems);
        if topics.is_empty() && problems.is_empty() {
            problems.push(Problem::new(None, "topics", "トピックが 1 つもありません", "there are no topics"));
        }
        let column_ids: HashSet<String> = columns.iter().map(|c| c.id.clone()).collect();
        let items =
            parse_items(&items_raw.unwrap_or_default(), &topic_ids, &column_ids, &[], &HashMap::new(), &mut problems);
        if items.is_empty() && problems.is_empty() {
            problems.push(Problem::new(None, "items", "項目が 1 つもありません", "there are no items"));
        }
        if let Some((_, version)) = &header {
            check_changes(&changes, version, &items, &mut problems);
        }
        match (problems.is_empty(), header, title) {
            (true, Some((id, version)), Some(title)) => {
                let catalogue = Catalogue::assemble(id, version, title, topics, items, columns, branding);
                Ok(catalogue.with_changes(Releases::new(&changes)))
            }
            _ => Err(problems),
        }
    }

    /// This catalogue with an association's overlay applied: topics and items added, items hidden, crosswalk
    /// columns and branding. The result's ID and version name both parts, e.g. `tics-default+jdmia`.
    pub fn with_overlay(&self, json: &str) -> Result<Catalogue, Vec<Problem>> {
        let root = parse_root(json)?;
        let mut problems = Vec::new();
        let mut f = Fields { obj: &root, owner: None, problems: &mut problems };
        f.known(&[
            "format",
            "format_version",
            "id",
            "version",
            "title",
            "branding",
            "columns",
            "hide",
            "topics",
            "items",
            "crosswalk",
        ]);
        let header = Header::read(&mut f, OVERLAY_FORMAT_NAME);
        let title: Option<Text> = f.opt("title");
        let branding: Option<Branding> = f.opt("branding");
        let columns: Vec<CrosswalkColumn> = f.opt("columns").unwrap_or_default();
        let hide: Vec<String> = f.opt("hide").unwrap_or_default();
        let topics_raw: Vec<Value> = f.opt("topics").unwrap_or_default();
        let items_raw: Vec<Value> = f.opt("items").unwrap_or_default();
        let crosswalk: BTreeMap<String, BTreeMap<String, String>> = f.opt("crosswalk").unwrap_or_default();

        if let Some(t) = &title {
            check_text(&mut problems, None, "title", t);
        }
        check_branding(branding.as_ref(), &mut problems);
        check_columns(&columns, &self.columns, &mut problems);
        let mut topic_ids: HashSet<String> = self.topics.iter().map(|t| t.id.clone()).collect();
        let new_topics = parse_topics(topics_raw, &mut topic_ids, &mut problems);
        let all_columns: Vec<CrosswalkColumn> = self.columns.iter().chain(&columns).cloned().collect();
        let column_ids: HashSet<String> = all_columns.iter().map(|c| c.id.clone()).collect();
        let base_ids: Vec<&str> = self.items.iter().map(|i| i.id.as_str()).collect();
        // A hidden item's ID stays taken (saved answers refer to it), but its checksheet number is free: an
        // association may hide a standard item and add its own version of it.
        let base_checksheets: HashMap<u8, &str> = self
            .items
            .iter()
            .filter(|i| !hide.contains(&i.id))
            .filter_map(|i| i.checksheet.map(|n| (n, i.id.as_str())))
            .collect();
        let new_items = parse_items(&items_raw, &topic_ids, &column_ids, &base_ids, &base_checksheets, &mut problems);
        for id in &hide {
            if self.item(id).is_none() {
                problems.push(Problem::new(
                    Some(id),
                    "hide",
                    "隠す項目がカタログにありません",
                    "the item to hide is not in the catalogue",
                ));
            }
        }
        for (id, refs) in &crosswalk {
            if self.item(id).is_none() {
                problems.push(Problem::new(
                    Some(id),
                    "crosswalk",
                    "対応付ける項目がカタログにありません",
                    "the item to cross-reference is not in the catalogue",
                ));
            }
            check_crosswalk(refs, &column_ids, Some(id), &mut problems);
        }
        let Some((id, version)) = header.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        let mut items: Vec<Item> = self.items.iter().filter(|i| !hide.contains(&i.id)).cloned().collect();
        for item in &mut items {
            if let Some(refs) = crosswalk.get(&item.id) {
                item.crosswalk.extend(refs.clone());
            }
        }
        items.extend(new_items);
        let mut topics = self.topics.clone();
        topics.extend(new_topics);
        let merged = Catalogue::assemble(
            format!("{}+{id}", self.id),
            format!("{}+{version}", self.version),
            title.unwrap_or_else(|| self.title.clone()),
            topics,
            items,
            all_columns,
            branding.or_else(|| self.branding.clone()),
        );
        Ok(merged.with_changes(self.changes.clone()))
    }

    pub(crate) fn assemble(
        id: String,
        version: String,
        title: Text,
        topics: Vec<Topic>,
        items: Vec<Item>,
        columns: Vec<CrosswalkColumn>,
        branding: Option<Branding>,
    ) -> Catalogue {
        let index = items.iter().enumerate().map(|(n, i)| (i.id.clone(), n)).collect();
        Catalogue { id, version, title, topics, items, columns, branding, changes: Releases::default(), index }
    }

    /// This catalogue with its change list (`assemble` leaves it empty).
    pub(crate) fn with_changes(self, changes: Releases) -> Catalogue {
        Catalogue { changes, ..self }
    }

    /// The version of the built-in catalogue this one starts from: an overlay's version reads
    /// `<base>+<overlay>`, and the base's guidance file is named by the base part.
    pub fn base_version(&self) -> &str {
        self.version.split('+').next().unwrap_or_default()
    }

    /// The position of an item in `items`.
    pub fn position(&self, id: &str) -> Option<usize> {
        match self.index.get(id) {
            Some(&n) if self.items.get(n).is_some_and(|i| i.id == id) => Some(n),
            _ => self.items.iter().position(|i| i.id == id),
        }
    }

    /// This catalogue with only the items `keep` accepts (topics, columns and branding unchanged).
    pub fn restricted(&self, keep: impl Fn(&Item) -> bool) -> Catalogue {
        let items = self.items.iter().filter(|i| keep(i)).cloned().collect();
        let (topics, columns) = (self.topics.clone(), self.columns.clone());
        Catalogue::assemble(
            self.id.clone(),
            self.version.clone(),
            self.title.clone(),
            topics,
            items,
            columns,
            self.branding.clone(),
        )
        .with_changes(self.changes.clone())
    }

    /// The releases after `version` up to this catalogue's, oldest first: what changed since a result file made
    /// with `version` of this catalogue. Empty for the same or a newer version.
    ///
    /// ```
    /// let c = tics_domain::Catalogue::default_tics().unwrap();
    /// let since = c.releases_since("1.0.0");
    /// assert_eq!(since.last().map(|r| r.version.as_str()), Some(c.base_version()));
    /// assert!(c.releases_since(c.base_version()).is_empty());
    /// ```
    pub fn releases_since(&self, version: &str) -> Vec<Release> {
        let mut list = self.changes.list();
        list.retain(|r| version_order(&r.version, version) == Ordering::Greater);
        list
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        match self.index.get(id).and_then(|&n| self.items.get(n)) {
            Some(item) if item.id == id => Some(item),
            // `items` is public: should it ever be changed after loading, fall back to searching it.
            _ => self.items.iter().find(|i| i.id == id),
        }
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The items of one topic, in catalogue order.
    pub fn items_of<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.topic == topic)
    }

    /// Whether the guideline number `n` (自No.) is listed under more than one checksheet item. 表4-1 marks such
    /// numbers with ※ (22 under items 10 and 14, 35 under items 14 and 15) so that a reader who meets one number
    /// twice knows it is one guideline item, not two. Counted from the items rather than written down, so that an
    /// overlay that hides or adds checksheet items gets the marks right too.
    ///
    /// ```
    /// let c = tics_domain::Catalogue::default_tics().unwrap();
    /// assert!(c.jama_shared(22) && c.jama_shared(35));
    /// assert!(!c.jama_shared(25));
    /// ```
    pub fn jama_shared(&self, n: u16) -> bool {
        self.items.iter().filter(|i| i.jama.contains(&n)).take(2).count() > 1
    }

    /// An item's guideline numbers as they are shown, each marked ※ when [`Catalogue::jama_shared`]: for
    /// checksheet item 14, `["22※", "35※", "38", "43"]`.
    pub fn jama_labels(&self, item: &Item) -> Vec<String> {
        item.jama.iter().map(|&n| if self.jama_shared(n) { format!("{n}※") } else { n.to_string() }).collect()
    }
}

/// Reads the fields of one JSON object, recording a problem for each missing or mistyped field.
struct Fields<'a, 'p> {
    obj: &'a Map<String, Value>,
    owner: Option<&'a str>,
    problems: &'p mut Vec<Problem>,
}

impl Fields<'_, '_> {
    fn known(&mut self, names: &[&str]) {
        for key in self.obj.keys() {
            if !names.contains(&key.as_str()) {
                self.problems.push(Problem::new(
                    self.owner,
                    key,
                    "未知のフィールドです（綴りを確認してください）",
                    "unknown field (check the spelling)",
                ));
            }
        }
    }

    fn opt<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let value = self.obj.get(name)?;
        match serde_json::from_value(value.clone()) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems.push(Problem::new(
                    self.owner,
                    name,
                    format!("値が不正です: {e}"),
                    format!("invalid value: {e}"),
                ));
                None
            }
        }
    }

    fn req<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        if !self.obj.contains_key(name) {
            self.problems.push(Problem::new(
                self.owner,
                name,
                "必須のフィールドがありません",
                "required field is missing",
            ));
            return None;
        }
        self.opt(name)
    }
}

const ITEM_FIELDS: [&str; 19] = [
    "id",
    "topic",
    "title",
    "requirement",
    "level",
    "level_basis",
    "importance",
    "forms",
    "condition",
    "threats",
    "guidance",
    "examples",
    "checksheet",
    "supports",
    "jama",
    "criteria",
    "crosswalk",
    "templates",
    "classifies",
];

fn parse_root(json: &str) -> Result<Map<String, Value>, Vec<Problem>> {
    let mut root: Value = serde_json::from_str(json).map_err(|e| {
        vec![Problem::new(
            None,
            "(file)",
            format!("JSON として読めません（{} 行 {} 列）", e.line(), e.column()),
            format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column()),
        )]
    })?;
    whole_numbers_as_integers(&mut root);
    match root {
        Value::Object(obj) => Ok(obj),
        _ => Err(vec![Problem::new(
            None,
            "(file)",
            "最上位が JSON オブジェクトではありません",
            "the top level is not a JSON object",
        )]),
    }
}

/// Turns numbers like `2.0` or `1e1` into the integers they are. JSON Schema counts them as integers (so do
/// JavaScript and the schemas in `docs/schema/`), and tools such as spreadsheets' exporters write them, so the app
/// reads them as integers too instead of refusing `"level": 2.0`. Fractions such as `1.5` stay and are refused.
fn whole_numbers_as_integers(value: &mut Value) {
    // Integers up to 2^53 are exact in a double; beyond that a "whole" double says nothing about the digits.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= EXACT) {
                *value = if f < 0.0 { Value::from(f as i64) } else { Value::from(f as u64) };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

/// The fields every catalogue and overlay starts with.
struct Header;

impl Header {
    /// Checks `format` and `format_version`; returns the ID and version when present.
    fn read(f: &mut Fields, format_name: &str) -> Option<(String, String)> {
        let format: Option<String> = f.req("format");
        let format_version: Option<u32> = f.req("format_version");
        let id: Option<String> = f.req("id");
        let version: Option<String> = f.req("version");
        if let Some(format) = &format {
            if format != format_name {
                f.problems.push(Problem::new(
                    None,
                    "format",
                    format!("「{format_name}」である必要があります（「{format}」）"),
                    format!("must be \"{format_name}\", found \"{format}\""),
                ));
            }
        }
        if let Some(v) = format_version {
            if v == 0 || v > FORMAT_VERSION {
                f.problems.push(Problem::new(
                    None,
                    "format_version",
                    format!("この版のアプリが読めるのは {FORMAT_VERSION} までです（{v}）"),
                    format!("this app reads versions up to {FORMAT_VERSION}, found {v}"),
                ));
            }
        }
        if let Some(id) = &id {
            check_id(f.problems, None, id);
        }
        if matches!(&version, Some(v) if is_blank(v)) {
            f.problems.push(Problem::new(
                None,
                "version",
                "版が空です（例: \"1.0.0\"）。結果ファイルには、どの版で確認したかが記録されます",
                "the version is blank (e.g. \"1.0.0\"); result files record which version they were checked against",
            ));
        }
        Some((id?, version?))
    }
}

fn parse_topics(raw: Vec<Value>, ids: &mut HashSet<String>, problems: &mut Vec<Problem>) -> Vec<Topic> {
    let mut topics = Vec::new();
    for (n, raw) in raw.into_iter().enumerate() {
        match serde_json::from_value::<Topic>(raw) {
            Ok(topic) => {
                let owner = Some(topic.id.as_str());
                check_id(problems, owner, &topic.id);
                check_text(problems, owner, "title", &topic.title);
                check_text(problems, owner, "summary", &topic.summary);
                if !ids.insert(topic.id.clone()) {
                    problems.push(Problem::new(owner, "id", "トピック ID が重複しています", "duplicate topic ID"));
                }
                topics.push(topic);
            }
            Err(e) => problems.push(Problem::new(
                None,
                &format!("topics[{n}]"),
                format!("トピックが不正です: {e}"),
                format!("invalid topic: {e}"),
            )),
        }
    }
    topics
}

/// Parses items, checking IDs and checksheet numbers are unique (also against `taken` and `taken_checksheets`:
/// the IDs of a base catalogue, and the checksheet numbers of its shown items with their item IDs).
fn parse_items(
    raw: &[Value],
    topic_ids: &HashSet<String>,
    column_ids: &HashSet<String>,
    taken: &[&str],
    taken_checksheets: &HashMap<u8, &str>,
    problems: &mut Vec<Problem>,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut ids: HashSet<String> = taken.iter().map(|s| (*s).to_owned()).collect();
    let mut checksheet_seen = HashSet::new();
    for (n, raw) in raw.iter().enumerate() {
        let Some(item) = parse_item(raw, n, topic_ids, column_ids, problems) else {
            continue;
        };
        if !ids.insert(item.id.clone()) {
            problems.push(Problem::new(Some(&item.id), "id", "項目 ID が重複しています", "duplicate item ID"));
        }
        if let Some(cs) = item.checksheet {
            if let Some(base_item) = taken_checksheets.get(&cs) {
                problems.push(Problem::new(
                    Some(&item.id),
                    "checksheet",
                    format!("チェックシート項目 {cs} は標準カタログの項目「{base_item}」です（その項目を hide で隠せば使えます）"),
                    format!("checksheet item {cs} is the standard catalogue's item \"{base_item}\" (hide that item to use the number)"),
                ));
            } else if !checksheet_seen.insert(cs) {
                problems.push(Problem::new(
                    Some(&item.id),
                    "checksheet",
                    format!("チェックシート項目 {cs} が複数の項目に付いています"),
                    format!("checksheet item {cs} is claimed by more than one item"),
                ));
            }
        }
        items.push(item);
    }
    items
}

fn check_columns(columns: &[CrosswalkColumn], existing: &[CrosswalkColumn], problems: &mut Vec<Problem>) {
    let mut seen: HashSet<&str> = existing.iter().map(|c| c.id.as_str()).collect();
    for column in columns {
        check_id(problems, Some(&column.id), &column.id);
        check_text(problems, Some(&column.id), "columns.label", &column.label);
        if !seen.insert(&column.id) {
            problems.push(Problem::new(Some(&column.id), "columns", "列 ID が重複しています", "duplicate column ID"));
        }
    }
}

fn check_crosswalk(
    refs: &BTreeMap<String, String>,
    column_ids: &HashSet<String>,
    owner: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    for (column, text) in refs {
        if !column_ids.contains(column) {
            problems.push(Problem::new(
                owner,
                "crosswalk",
                format!("列「{column}」は columns で定義されていません"),
                format!("column \"{column}\" is not defined in columns"),
            ));
        }
        if is_blank(text) {
            problems.push(Problem::new(owner, "crosswalk", "空の参照は省略してください", "leave out empty references"));
        }
    }
}

fn parse_item(
    raw: &Value,
    n: usize,
    topic_ids: &HashSet<String>,
    column_ids: &HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Option<Item> {
    let Some(obj) = raw.as_object() else {
        problems.push(Problem::new(
            None,
            &format!("items[{n}]"),
            "項目が JSON オブジェクトではありません",
            "the item is not a JSON object",
        ));
        return None;
    };
    let id_value = obj.get("id").and_then(Value::as_str);
    let label = id_value.map(str::to_owned).unwrap_or_else(|| format!("items[{n}]"));
    let before = problems.len();
    let mut f = Fields { obj, owner: Some(&label), problems };
    f.known(&ITEM_FIELDS);
    let id: Option<String> = f.req("id");
    let topic: Option<String> = f.req("topic");
    let title: Option<Text> = f.req("title");
    let requirement: Option<Text> = f.req("requirement");
    let level: Option<u8> = f.req("level");
    let level_basis: Option<Text> = f.opt("level_basis");
    let importance: Option<Importance> = f.req("importance");
    let forms_raw: Option<Vec<String>> = f.req("forms");
    let condition: Option<Condition> = f.opt("condition");
    let threats: Option<Vec<Threat>> = f.req("threats");
    let guidance: Option<Text> = f.req("guidance");
    let examples: Option<Text> = f.opt("examples");
    let checksheet: Option<u8> = f.opt("checksheet");
    let supports: Option<u8> = f.opt("supports");
    let jama: Option<Vec<u16>> = f.opt("jama");
    let criteria: Option<String> = f.opt("criteria");
    let crosswalk: BTreeMap<String, String> = f.opt("crosswalk").unwrap_or_default();
    let templates: Vec<Template> = f.opt("templates").unwrap_or_default();
    let classifies: bool = f.opt("classifies").unwrap_or_default();
    if templates.iter().enumerate().any(|(n, t)| templates[..n].contains(t)) {
        f.problems.push(Problem::new(
            f.owner,
            "templates",
            "同じ様式が 2 回挙げられています",
            "a template is listed twice",
        ));
    }

    let owner = Some(label.as_str());
    check_crosswalk(&crosswalk, column_ids, owner, problems);
    if let Some(id) = &id {
        check_id(problems, owner, id);
    }
    if let Some(topic) = &topic {
        if !topic_ids.contains(topic) {
            problems.push(Problem::new(
                owner,
                "topic",
                format!("トピック「{topic}」は定義されていません"),
                format!("topic \"{topic}\" is not defined"),
            ));
        }
    }
    for (name, text) in [
        ("title", &title),
        ("requirement", &requirement),
        ("level_basis", &level_basis),
        ("guidance", &guidance),
        ("examples", &examples),
    ] {
        if let Some(t) = text {
            check_text(problems, owner, name, t);
        }
    }
    if let Some(level) = level {
        if !(1..=MAX_LEVEL).contains(&level) {
            problems.push(Problem::new(
                owner,
                "level",
                format!("レベルは 1〜{MAX_LEVEL} です（{level}）"),
                format!("level must be 1 to {MAX_LEVEL}, found {level}"),
            ));
        }
    }
    let forms = forms_raw.and_then(|raw| parse_forms(&raw, owner, problems));
    if matches!(&threats, Some(t) if t.is_empty()) {
        problems.push(Problem::new(owner, "threats", "脅威を 1 つ以上指定してください", "name at least one threat"));
    }
    if let Some(threats) = &threats {
        let mut seen = BTreeSet::new();
        for threat in threats.iter().filter(|t| !seen.insert(**t)) {
            let name = serde_json::to_value(threat).unwrap_or_default();
            problems.push(Problem::new(
                owner,
                "threats",
                format!("脅威 {name} が重複しています"),
                format!("the threat {name} is listed twice"),
            ));
        }
    }
    if let Some(cs) = checksheet {
        if !CHECKSHEET_ITEMS.contains(&cs) {
            problems.push(Problem::new(
                owner,
                "checksheet",
                format!("チェックシート項目番号は 1〜15 です（{cs}）"),
                format!("checksheet item number must be 1 to 15, found {cs}"),
            ));
        }
    }
    if let Some(n) = supports {
        if !CHECKSHEET_ITEMS.contains(&n) {
            problems.push(Problem::new(
                owner,
                "supports",
                format!("supports はチェックシート項目番号 1〜15 です（{n}）"),
                format!("supports must be a checksheet item number from 1 to 15, found {n}"),
            ));
        } else if checksheet.is_some() {
            problems.push(Problem::new(
                owner,
                "supports",
                "チェックシート項目そのもの（checksheet）には supports を付けられません",
                "supports is for items that are not a checksheet item themselves (leave it out next to checksheet)",
            ));
        }
    }
    if jama.is_some() && checksheet.is_none() {
        problems.push(Problem::new(
            owner,
            "jama",
            "jama はチェックシート項目（checksheet）にだけ付けられます",
            "jama is only allowed on checksheet items",
        ));
    }
    if matches!(&criteria, Some(c) if is_blank(c)) {
        problems.push(Problem::new(
            owner,
            "criteria",
            "空の基準参照は省略してください",
            "leave out an empty criteria reference",
        ));
    }
    if problems.len() > before {
        return None;
    }
    Some(Item {
        id: id?,
        topic: topic?,
        title: title?,
        requirement: requirement?,
        level: level?,
        level_basis,
        importance: importance?,
        forms: forms?,
        condition,
        threats: threats?,
        guidance: guidance?,
        examples,
        guidance_later: false,
        checksheet,
        supports,
        jama: jama.unwrap_or_default(),
        criteria,
        crosswalk,
        templates,
        classifies,
    })
}

fn parse_forms(raw: &[String], owner: Option<&str>, problems: &mut Vec<Problem>) -> Option<Forms> {
    if raw.is_empty() {
        problems.push(Problem::new(
            owner,
            "forms",
            "適用される情報の態様を指定してください（全員なら \"any\"）",
            "name the information forms it applies to (\"any\" for everyone)",
        ));
        return None;
    }
    if raw.iter().any(|f| f == "any") {
        if raw.len() > 1 {
            problems.push(Problem::new(owner, "forms", "\"any\" は単独で指定してください", "\"any\" must stand alone"));
            return None;
        }
        return Some(Forms::Any);
    }
    let mut set = BTreeSet::new();
    for f in raw {
        match serde_json::from_value::<InfoForm>(Value::String(f.clone())) {
            Ok(form) => {
                if !set.insert(form) {
                    problems.push(Problem::new(
                        owner,
                        "forms",
                        format!("態様「{f}」が重複しています"),
                        format!("the information form \"{f}\" is listed twice"),
                    ));
                    return None;
                }
            }
            Err(_) => {
                problems.push(Problem::new(
                    owner,
                    "forms",
                    format!("未知の態様「{f}」"),
                    format!("unknown information form \"{f}\""),
                ));
                return None;
            }
        }
    }
    Some(Forms::Only(set))
}

fn check_id(problems: &mut Vec<Problem>, owner: Option<&str>, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.');
    if !ok {
        problems.push(Problem::new(
            owner,
            "id",
            "ID は 1〜64 文字の英小文字・数字・- _ . で書いてください",
            "IDs are 1 to 64 characters of a-z, 0-9, - _ .",
        ));
    }
}

/// Empty or only white space. A byte-order mark counts as white space here, as it does in the JSON Schemas
/// (JavaScript's `\s`), so that the app and the schemas agree on what is blank.
fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

fn check_branding(branding: Option<&Branding>, problems: &mut Vec<Problem>) {
    if let Some(b) = branding {
        check_text(problems, None, "branding.name", &b.name);
        if let Some(intro) = &b.intro {
            check_text(problems, None, "branding.intro", intro);
        }
        if let Some(contact) = &b.contact {
            check_text(problems, None, "branding.contact", contact);
        }
    }
}

/// Checks the change list: versions given, in increasing order and none after the catalogue's own; each change
/// names an item of the catalogue, and a level change names a level the item no longer has.
fn check_changes(changes: &[Release], version: &str, items: &[Item], problems: &mut Vec<Problem>) {
    let level_of = |id: &str| items.iter().find(|i| i.id == id).map(|i| i.level);
    let mut previous: Option<&str> = None;
    for release in changes {
        let field = format!("changes[{}]", release.version);
        if is_blank(&release.version) {
            problems.push(Problem::new(None, "changes.version", "版が空です", "the version is blank"));
        } else if previous.is_some_and(|p| version_order(p, &release.version) != Ordering::Less)
            || version_order(&release.version, version) == Ordering::Greater
        {
            problems.push(Problem::new(
                None,
                &field,
                "変更の版は古い順に、カタログの版を超えないように並べてください",
                "list the versions of the changes oldest first, none after the catalogue's own version",
            ));
        }
        previous = Some(&release.version);
        check_text(problems, None, &format!("{field}.summary"), &release.summary);
        for revision in &release.items {
            let id = revision.id.as_str();
            let mut problem = |ja: &str, en: &str| problems.push(Problem::new(Some(id), &field, ja, en));
            let Some(now) = level_of(id) else {
                problem("変更の対象の項目がカタログにありません", "the changed item is not in the catalogue");
                continue;
            };
            let level_ok = match (revision.change, revision.was) {
                (Change::Level, Some(was)) => (1..=3).contains(&was) && was != now,
                (Change::Level, None) => false,
                (_, was) => was.is_none(),
            };
            if !level_ok {
                problem(
                    "元のレベル（was）は level の変更にだけ、1〜3 で今のレベルと違う値を書いてください",
                    "the former level (was) goes only with a level change, and must be 1 to 3 and differ from the present one",
                );
            }
            if revision.from.is_some() && revision.change != Change::Added {
                problem("from は追加（added）の項目にだけ書けます", "from goes only with an added item");
            }
        }
    }
}

fn check_text(problems: &mut Vec<Problem>, owner: Option<&str>, field: &str, text: &Text) {
    if is_blank(&text.ja) {
        problems.push(Problem::new(owner, &format!("{field}.ja"), "日本語の文が空です", "the Japanese text is empty"));
    }
    if is_blank(&text.en) {
        problems.push(Problem::new(owner, &format!("{field}.en"), "英語の文が空です", "the English text is empty"));
    }
}
