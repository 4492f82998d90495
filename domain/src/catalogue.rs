//! The catalogue of measures: topics ①–⑨ (plus third parties) and the items under them, loaded from JSON and
//! validated field by field so that every problem names the item, the field and what is wrong.
//!
//! The format is documented in `docs/CATALOGUE_FORMAT.md`; [`FORMAT_NAME`] and [`FORMAT_VERSION`] identify it.
use std::collections::{BTreeSet, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::text::{Message, Text};

/// The `format` value every catalogue file carries.
pub const FORMAT_NAME: &str = "tics-self-check-catalogue";
/// The newest catalogue format version this build reads.
pub const FORMAT_VERSION: u32 = 1;
/// The highest difficulty level. 1 is the mandatory baseline, 2 standard, 3 advanced.
pub const MAX_LEVEL: u8 = 3;

/// The default catalogue, compiled in.
pub const DEFAULT_CATALOGUE_JSON: &str = include_str!("../../content/catalogue.json");

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threat {
    Insider,
    Leaver,
    Partner,
    Outsider,
    Malware,
}

impl Threat {
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// One measure of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub topic: String,
    pub title: Text,
    pub requirement: Text,
    /// 1 = mandatory baseline, 2 = standard, 3 = advanced.
    pub level: u8,
    pub importance: Importance,
    pub forms: Forms,
    pub condition: Option<Condition>,
    pub threats: Vec<Threat>,
    /// Markdown.
    pub guidance: Text,
    /// Markdown.
    pub examples: Option<Text>,
    /// The number of the checksheet item (表4-1, 1–15) this item is, if it is one.
    pub checksheet: Option<u8>,
    /// JAMA/JAPIA automotive guideline numbers (自No.) mapped to the checksheet item.
    pub jama: Vec<u16>,
    /// Reference into the certification criteria, e.g. "I 第四 1 (1)".
    pub criteria: Option<String>,
}

/// A validated catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub topics: Vec<Topic>,
    pub items: Vec<Item>,
}

/// One problem found while loading a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
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
        let root: Value = serde_json::from_str(json).map_err(|e| {
            vec![Problem::new(
                None,
                "(file)",
                format!("JSON として読めません（{} 行 {} 列）", e.line(), e.column()),
                format!("not valid JSON (line {}, column {}): {e}", e.line(), e.column()),
            )]
        })?;
        let mut problems = Vec::new();
        let Some(obj) = root.as_object() else {
            return Err(vec![Problem::new(
                None,
                "(file)",
                "最上位が JSON オブジェクトではありません",
                "the top level is not a JSON object",
            )]);
        };
        let mut f = Fields { obj, owner: None, problems: &mut problems };
        f.known(&["format", "format_version", "id", "version", "title", "topics", "items"]);
        let format: Option<String> = f.req("format");
        let format_version: Option<u32> = f.req("format_version");
        let id: Option<String> = f.req("id");
        let version: Option<String> = f.req("version");
        let title: Option<Text> = f.req("title");
        let topics_raw: Option<Vec<Value>> = f.req("topics");
        let items_raw: Option<Vec<Value>> = f.req("items");

        if let Some(format) = &format {
            if format != FORMAT_NAME {
                problems.push(Problem::new(
                    None,
                    "format",
                    format!("「{FORMAT_NAME}」である必要があります（「{format}」）"),
                    format!("must be \"{FORMAT_NAME}\", found \"{format}\""),
                ));
            }
        }
        if let Some(v) = format_version {
            if v == 0 || v > FORMAT_VERSION {
                problems.push(Problem::new(
                    None,
                    "format_version",
                    format!("この版のアプリが読めるのは {FORMAT_VERSION} までです（{v}）"),
                    format!("this app reads versions up to {FORMAT_VERSION}, found {v}"),
                ));
            }
        }
        if let Some(t) = &title {
            check_text(&mut problems, None, "title", t);
        }

        let mut topics = Vec::new();
        let mut topic_ids = HashSet::new();
        for (n, raw) in topics_raw.unwrap_or_default().into_iter().enumerate() {
            match serde_json::from_value::<Topic>(raw) {
                Ok(topic) => {
                    let owner = Some(topic.id.as_str());
                    check_id(&mut problems, owner, &topic.id);
                    check_text(&mut problems, owner, "title", &topic.title);
                    check_text(&mut problems, owner, "summary", &topic.summary);
                    if !topic_ids.insert(topic.id.clone()) {
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
        if topics.is_empty() && problems.is_empty() {
            problems.push(Problem::new(None, "topics", "トピックが 1 つもありません", "there are no topics"));
        }

        let mut items = Vec::new();
        let mut item_ids = HashSet::new();
        let mut checksheet_seen = HashSet::new();
        for (n, raw) in items_raw.unwrap_or_default().iter().enumerate() {
            if let Some(item) = parse_item(raw, n, &topic_ids, &mut problems) {
                if !item_ids.insert(item.id.clone()) {
                    problems.push(Problem::new(Some(&item.id), "id", "項目 ID が重複しています", "duplicate item ID"));
                }
                if let Some(cs) = item.checksheet {
                    if !checksheet_seen.insert(cs) {
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
        }
        if items.is_empty() && problems.is_empty() {
            problems.push(Problem::new(None, "items", "項目が 1 つもありません", "there are no items"));
        }

        match (problems.is_empty(), id, version, title) {
            (true, Some(id), Some(version), Some(title)) => Ok(Catalogue { id, version, title, topics, items }),
            _ => Err(problems),
        }
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The items of one topic, in catalogue order.
    pub fn items_of<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.topic == topic)
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

const ITEM_FIELDS: [&str; 14] = [
    "id",
    "topic",
    "title",
    "requirement",
    "level",
    "importance",
    "forms",
    "condition",
    "threats",
    "guidance",
    "examples",
    "checksheet",
    "jama",
    "criteria",
];

fn parse_item(raw: &Value, n: usize, topic_ids: &HashSet<String>, problems: &mut Vec<Problem>) -> Option<Item> {
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
    let importance: Option<Importance> = f.req("importance");
    let forms_raw: Option<Vec<String>> = f.req("forms");
    let condition: Option<Condition> = f.opt("condition");
    let threats: Option<Vec<Threat>> = f.req("threats");
    let guidance: Option<Text> = f.req("guidance");
    let examples: Option<Text> = f.opt("examples");
    let checksheet: Option<u8> = f.opt("checksheet");
    let jama: Option<Vec<u16>> = f.opt("jama");
    let criteria: Option<String> = f.opt("criteria");

    let owner = Some(label.as_str());
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
    for (name, text) in
        [("title", &title), ("requirement", &requirement), ("guidance", &guidance), ("examples", &examples)]
    {
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
    if let Some(cs) = checksheet {
        if !(1..=15).contains(&cs) {
            problems.push(Problem::new(
                owner,
                "checksheet",
                format!("チェックシート項目番号は 1〜15 です（{cs}）"),
                format!("checksheet item number must be 1 to 15, found {cs}"),
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
    if matches!(&criteria, Some(c) if c.trim().is_empty()) {
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
        importance: importance?,
        forms: forms?,
        condition,
        threats: threats?,
        guidance: guidance?,
        examples,
        checksheet,
        jama: jama.unwrap_or_default(),
        criteria,
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
                set.insert(form);
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

fn check_text(problems: &mut Vec<Problem>, owner: Option<&str>, field: &str, text: &Text) {
    if text.ja.trim().is_empty() {
        problems.push(Problem::new(owner, &format!("{field}.ja"), "日本語の文が空です", "the Japanese text is empty"));
    }
    if text.en.trim().is_empty() {
        problems.push(Problem::new(owner, &format!("{field}.en"), "英語の文が空です", "the English text is empty"));
    }
}
