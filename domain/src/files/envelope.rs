//! The JSON result file: a lossless, re-importable, versioned envelope around one self-check, and the import
//! that reads it back — refusing anything broken with a message that names the problem.
//!
//! The file carries a SHA-256 digest of its content. It detects an edited or damaged file; it is an integrity
//! check, not a signature: anyone can recompute it, so it proves nothing about who wrote the file.
use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::base::dates::date_allowed;
use crate::base::invalid::{key_path, Invalid};
use crate::base::sniff::{looks_binary, looks_like_shift_jis, looks_like_utf16};
use crate::base::text::{Message, Text};
use crate::catalogue::releases::version_order;
use crate::catalogue::{Catalogue, InfoForm, Threat, MAX_LEVEL};
use crate::engine::deadlines::{check_certification, Certification};
use crate::engine::evidence::{check_entry, Index, MAX_EVIDENCE};
use crate::engine::library::Library;
use crate::engine::saved::{kb, utf16_units, SavedState, STORAGE_BUDGET};
use crate::engine::selfcheck::{OrgSize, Override, Priority, SelfCheck, Status};
use crate::engine::team::Team;

pub const RESULT_FORMAT: &str = "tics-self-check-result";
/// Version 1 had only profile, level, overrides and answers; version 2 adds plan, periodic report and statement;
/// version 3 adds the information inventory and the documents' fields; version 4 keeps the periodic report by
/// criterion (`periodic`) instead of by item (`report`); version 5 adds the certification date, the evidence
/// index and the team (all optional).
pub const RESULT_SCHEMA: u32 = 5;
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// A result file nests a few levels deep (envelope, content, answers, answer). JSON nested deeper than this is
/// refused as "not a result file" rather than by the parser's own limit (128), whose message only gives a column.
const DEEPEST_NESTING: usize = 100;
/// How many unknown item IDs the import warning lists; the rest are counted, so that a file with thousands of
/// retired items still gives a readable warning.
const UNKNOWN_LISTED: usize = 20;

pub(crate) const DIGEST_NOTE: &str = "SHA-256 of the compact JSON of `content` with keys sorted. It detects edits and damage; it is an integrity check, not a signature.";

/// Where a result file came from, written into its envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin<'a> {
    pub app_version: &'a str,
    /// ISO date-time of the export.
    pub saved_at: &'a str,
    /// The self-check's name.
    pub name: &'a str,
    /// The self-check's ID (the base of the statement ID).
    pub id: &'a str,
}

/// The envelope's own fields, as read after checks. `content` is read separately (see [`read_content`]) so that
/// a bad value in it can be named by its path.
// `format`, `schema_version` and the digest were checked on the raw JSON before this is read; they stay here so
// that a file without them (or with the wrong types) is still refused.
#[allow(dead_code)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct Envelope {
    format: String,
    schema_version: u32,
    #[serde(default)]
    app_version: String,
    catalogue: CatalogueRef,
    #[serde(default)]
    saved_at: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
    digest: DigestField,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CatalogueRef {
    pub id: String,
    pub version: String,
}

impl CatalogueRef {
    /// This version, when it is another version of `catalogue` (same ID, the overlay's part aside): what a
    /// library entry records as [`crate::engine::library::Entry::checked_with`].
    pub fn checked_with(&self, catalogue: &Catalogue) -> Option<String> {
        let base = |id: &str| id.split('+').next().unwrap_or_default().to_owned();
        (base(&self.id) == base(&catalogue.id) && self.version != catalogue.version).then(|| self.version.clone())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct DigestField {
    algorithm: String,
    value: String,
    note: String,
}

/// Hex SHA-256 of the canonical form of `content`: compact JSON with object keys sorted. Files carry it to
/// detect edits and damage.
pub fn digest_of(content: &Value) -> String {
    // serde_json's Value keeps object keys sorted, so serialising a Value is canonical.
    let bytes = serde_json::to_vec(content).unwrap_or_default();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The JSON file for `check`, pretty-printed so a person can read it.
pub fn export_json(catalogue: &Catalogue, check: &SelfCheck, origin: &Origin) -> String {
    let content = serde_json::to_value(check).unwrap_or(Value::Null);
    let digest = digest_of(&content);
    let file = json!({
        "format": RESULT_FORMAT,
        "schema_version": RESULT_SCHEMA,
        "app_version": origin.app_version,
        "catalogue": { "id": catalogue.id, "version": catalogue.version },
        "saved_at": origin.saved_at,
        "id": origin.id,
        "name": origin.name,
        "content": content,
        "digest": { "algorithm": "SHA-256", "value": digest, "note": DIGEST_NOTE },
    });
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// A self-check read from a file, with what the user should know about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub name: String,
    pub id: String,
    pub saved_at: String,
    pub catalogue: CatalogueRef,
    pub check: SelfCheck,
    /// Item IDs the current catalogue does not know. Their answers are kept, not dropped.
    pub unknown_items: Vec<String>,
    /// Things that did not stop the import (another catalogue, migrated from an older schema, unknown items).
    pub warnings: Vec<Message>,
}

/// A library entry as it is saved, borrowing its parts, to measure an import without copying it.
#[derive(Serialize)]
struct EntryRef<'a> {
    id: &'a str,
    name: &'a str,
    created: &'a str,
    check: &'a SelfCheck,
}

impl Imported {
    /// Checks that the saved self-checks with this import added as a new one still fit in [`STORAGE_BUDGET`]
    /// (replacing the open self-check needs no more room than that). The UI calls it once the file is read,
    /// before offering to load it. Returns the size it would need, in UTF-16 code units.
    pub fn check_fits(&self, saved: &SavedState) -> Result<usize, ImportError> {
        // The entry's ID, time and unique name are made when it is added; allow generously for them.
        let id = "x".repeat(40);
        let name = format!("{} (99)", self.name);
        let entry = EntryRef { id: &id, name: &name, created: "0000-00-00T00:00:00.000+00:00", check: &self.check };
        let entry = utf16_units(&serde_json::to_string(&entry).unwrap_or_default());
        let empty = SavedState::new(Library { entries: Vec::new(), open: id.clone() }, saved.lang);
        let alone = utf16_units(&empty.to_json()) + entry;
        // One more comma between entries.
        let needed = utf16_units(&saved.to_json()) + 1 + entry;
        if needed <= STORAGE_BUDGET {
            Ok(needed)
        } else {
            Err(ImportError::CannotBeSaved { needed, limit: STORAGE_BUDGET, alone })
        }
    }
}

/// Why a file could not be imported. Every variant has a message in both languages ([`ImportError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`]; refused before reading.
    TooLarge { bytes: usize },
    /// Nothing but white space.
    Empty,
    /// NUL bytes or the signature of a zip (Excel), PDF or PNG file.
    Binary,
    /// UTF-16 text (with a byte-order mark, or ASCII characters followed or preceded by NUL bytes), e.g. a file
    /// re-saved by an editor as "Unicode".
    Utf16,
    /// Text in another encoding than UTF-8.
    NotUtf8 { looks_like_shift_jis: bool },
    /// JSON that ends too early.
    Truncated,
    /// Not JSON; where the parser stopped.
    NotJson { line: usize, column: usize },
    /// JSON nested far deeper than a result file is.
    TooDeep,
    /// JSON whose top level is not an object. `found` is the JSON type: `null`, `boolean`, `number`, `string` or
    /// `array`.
    NotAnObject { found: &'static str },
    /// A JSON object without a `format` field.
    MissingFormat,
    /// JSON, but its `format` is not [`RESULT_FORMAT`]. `found` is the value, shortened.
    WrongFormat { found: String },
    /// Written by a newer app than this one.
    NewerSchema { found: u64 },
    /// No `digest.value`.
    MissingDigest,
    /// The content was changed after saving, or damaged.
    DigestMismatch,
    /// The envelope around the content is not as this app writes it.
    InvalidContent { detail: String },
    /// Values the app would not accept (out of range, not a real date, the wrong type), each named by its path
    /// in the file (`content.answers["1.2"].date`). The file is refused, never silently corrected.
    InvalidValues { problems: Vec<Invalid> },
    /// The file is valid, but the saved self-checks with it added would not fit in [`STORAGE_BUDGET`]. Sizes are
    /// in UTF-16 code units: `needed` with the saved self-checks, `alone` with this one only. Returned by
    /// [`Imported::check_fits`].
    CannotBeSaved { needed: usize, limit: usize, alone: usize },
}

impl ImportError {
    pub fn message(&self) -> Message {
        match self {
            ImportError::TooLarge { bytes } => Text::new(
                format!("ファイルが大きすぎます（{} KB）。上限は {} MB です。", bytes / 1024, MAX_IMPORT_BYTES / 1024 / 1024),
                format!("The file is too large ({} KB). The limit is {} MB.", bytes / 1024, MAX_IMPORT_BYTES / 1024 / 1024),
            ),
            ImportError::Empty => Text::new("ファイルが空です。", "The file is empty."),
            ImportError::Binary => Text::new(
                "テキストではないファイル（画像、Excel など）です。このアプリで保存した JSON ファイルを選んでください。",
                "This is not a text file (an image, an Excel file, ...). Please choose a JSON file saved by this app.",
            ),
            ImportError::Utf16 => Text::new(
                "文字コードが UTF-16 のテキストファイルです。このアプリのファイルは UTF-8 です。メモ帳などで保存し直したものではなく、このアプリで保存したときのままのファイルを選んでください。",
                "The file is UTF-16 text; this app's files are UTF-8. Please choose the file as this app saved it, not a copy re-saved by an editor (\"Unicode\" in Notepad is UTF-16).",
            ),
            ImportError::NotUtf8 { looks_like_shift_jis: true } => Text::new(
                "文字コードが Shift_JIS のようです。このアプリの JSON ファイルは UTF-8 です。編集せずに保存したファイルを選んでください。",
                "The file seems to be in Shift_JIS. This app's JSON files are UTF-8; please choose the file as it was saved.",
            ),
            ImportError::NotUtf8 { looks_like_shift_jis: false } => Text::new(
                "文字コードが UTF-8 ではありません。",
                "The file is not UTF-8 text.",
            ),
            ImportError::Truncated => Text::new(
                "ファイルが途中で切れています（ダウンロードやコピーが途中で終わった可能性があります）。",
                "The file ends too early (the download or copy may have been cut short).",
            ),
            ImportError::NotJson { line, column } => Text::new(
                format!("JSON ファイルとして読めません（{line} 行 {column} 列）。"),
                format!("The file is not valid JSON (line {line}, column {column})."),
            ),
            ImportError::TooDeep => Text::new(
                format!("JSON の入れ子（括弧の中の括弧）が {DEEPEST_NESTING} 段を超えて深すぎるため、このアプリの結果ファイルではありません。このアプリで保存した JSON ファイルを選んでください。"),
                format!("The file is JSON nested too deeply to be a result file of this app (brackets inside brackets, over {DEEPEST_NESTING} levels). Please choose a JSON file saved by this app."),
            ),
            ImportError::NotAnObject { found } => {
                let (ja, en) = match *found {
                    "null" => ("null", "null"),
                    "boolean" => ("true または false", "true or false"),
                    "number" => ("数値", "a number"),
                    "string" => ("文字列", "a string"),
                    _ => ("配列 […]", "an array […]"),
                };
                Text::new(
                    format!("JSON ファイルですが、このアプリの結果ファイルではありません（最上位が{ja}で、オブジェクト {{…}} ではありません）。このアプリで保存した JSON ファイルを選んでください。"),
                    format!("The file is JSON but not a result file of this app: its top level is {en}, not an object {{…}}. Please choose a JSON file saved by this app."),
                )
            }
            ImportError::MissingFormat => Text::new(
                "JSON ファイルですが、このアプリの結果ファイルではありません（\"format\" フィールドがありません）。このアプリで保存した JSON ファイルを選んでください。",
                "The file is JSON but not a result file of this app: it has no \"format\" field. Please choose a JSON file saved by this app.",
            ),
            ImportError::WrongFormat { found } => Text::new(
                format!("このアプリの結果ファイルではありません（形式: 「{found}」）。"),
                format!("This is not a result file of this app (format: \"{found}\")."),
            ),
            ImportError::NewerSchema { found } => Text::new(
                format!("新しい版のアプリで作られたファイルです（形式の版 {found}、このアプリは {RESULT_SCHEMA} まで）。アプリを更新してください。"),
                format!("The file was made by a newer version of the app (schema {found}; this app reads up to {RESULT_SCHEMA}). Please update the app."),
            ),
            ImportError::MissingDigest => Text::new(
                "ファイルに改ざん検出用のダイジェストがありません。",
                "The file has no digest to detect changes.",
            ),
            ImportError::DigestMismatch => Text::new(
                "ファイルの内容がダイジェストと一致しません。保存後に編集されたか、壊れています。",
                "The file's content does not match its digest: it was edited after saving, or it is damaged.",
            ),
            ImportError::InvalidContent { detail } => Text::new(
                format!("ファイルの内容が不正です: {detail}"),
                format!("The file's content is invalid: {detail}"),
            ),
            ImportError::InvalidValues { problems } => invalid_values_message(problems),
            ImportError::CannotBeSaved { needed, limit, alone } => {
                let (need, limit_kb) = (kb(*needed), kb(*limit));
                // Deleting other self-checks only helps when this one fits on its own.
                let (ja, en) = if alone <= limit {
                    (
                        "不要になったセルフチェックを削除してから読み込み直すか、このファイルはファイルのまま保管してください。",
                        "Delete self-checks you no longer need and load it again, or keep this file only as a file.",
                    )
                } else {
                    (
                        "このファイルだけでも上限を超えるため、ブラウザには保存できません。ファイルのまま保管してください。",
                        "On its own it is already over the limit, so keep it only as a file.",
                    )
                };
                Text::new(
                    format!("ファイルは正しく読めましたが、ブラウザの保存領域に収まらないため読み込みません（必要な容量 約 {need}、上限 {limit_kb}）。{ja}"),
                    format!("The file is valid but was not loaded: it does not fit in the browser's storage (it would need about {need}; the limit is {limit_kb}). {en}"),
                )
            }
        }
    }
}

/// How many of a file's bad values a message lists; the rest are counted.
const VALUES_LISTED: usize = 5;

fn invalid_values_message(problems: &[Invalid]) -> Message {
    let shown: Vec<Text> = problems.iter().take(VALUES_LISTED).map(Invalid::describe).collect();
    let more = problems.len().saturating_sub(VALUES_LISTED);
    let (more_ja, more_en) = if more > 0 {
        (format!("／ほか {more} 件"), format!("; and {more} more"))
    } else {
        (String::new(), String::new())
    };
    let n = problems.len();
    Text::new(
        format!(
            "このアプリでは入力できない値が {n} 件あるため、読み込みません: {}{more_ja}。値を直すか、このアプリで保存したときのままのファイルを選んでください。",
            shown.iter().map(|t| t.ja.as_str()).collect::<Vec<_>>().join("／"),
        ),
        format!(
            "The file was not loaded: it has {n} value{} this app does not accept: {}{more_en}. Correct {}, or choose the file as this app saved it.",
            if n == 1 { "" } else { "s" },
            shown.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join("; "),
            if n == 1 { "it" } else { "them" },
        ),
    )
}

/// The checks every file of this app passes before its content is read: size, encoding, JSON, `format`,
/// `schema_version` (at most `newest`) and the digest. Returns the file's JSON and its schema version. Shared by
/// the result file and the file a member shares with an association.
pub(crate) fn read_envelope(bytes: &[u8], format: &str, newest: u32) -> Result<(Value, u64), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Before the binary check: UTF-16 text is full of NUL bytes.
    if looks_like_utf16(bytes) {
        return Err(ImportError::Utf16);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if looks_binary(bytes) {
        return Err(ImportError::Binary);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ImportError::NotUtf8 { looks_like_shift_jis: looks_like_shift_jis(bytes) })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if nesting_at(text, e.line(), e.column()) > DEEPEST_NESTING {
            ImportError::TooDeep
        } else if e.classify() == serde_json::error::Category::Eof {
            ImportError::Truncated
        } else {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
    })?;

    let found = match &value {
        Value::Object(_) => None,
        Value::Null => Some("null"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(_) => Some("number"),
        Value::String(_) => Some("string"),
        Value::Array(_) => Some("array"),
    };
    if let Some(found) = found {
        return Err(ImportError::NotAnObject { found });
    }
    match value.get("format") {
        None => return Err(ImportError::MissingFormat),
        Some(Value::String(found)) if found == format => {}
        Some(Value::String(other)) => return Err(ImportError::WrongFormat { found: other.chars().take(60).collect() }),
        // Not a string: quote it as JSON, so that `5` and `"5"` read differently.
        Some(other) => return Err(ImportError::WrongFormat { found: other.to_string().chars().take(60).collect() }),
    }
    let schema = value.get("schema_version").and_then(Value::as_u64).unwrap_or(0);
    if schema > u64::from(newest) {
        return Err(ImportError::NewerSchema { found: schema });
    }
    let content = value.get("content").cloned().unwrap_or(Value::Null);
    let stated = value.pointer("/digest/value").and_then(Value::as_str).ok_or(ImportError::MissingDigest)?;
    if digest_of(&content) != stated {
        return Err(ImportError::DigestMismatch);
    }

    Ok((value, schema))
}

/// Reads a result file. Nothing is changed by a failed import: the caller only acts on `Ok`.
pub fn import_json(bytes: &[u8], catalogue: &Catalogue) -> Result<Imported, ImportError> {
    let (mut value, schema) = read_envelope(bytes, RESULT_FORMAT, RESULT_SCHEMA)?;
    let mut warnings = Vec::new();
    let mut version = schema;
    if version < u64::from(RESULT_SCHEMA) {
        warnings.push(Text::new(
            format!("古い形式（版 {schema}）のファイルを現在の形式に変換して読み込みました。"),
            format!("The file was in an older format (schema {schema}) and was converted."),
        ));
    }
    while version < u64::from(RESULT_SCHEMA) {
        let content = value.get_mut("content").ok_or(ImportError::InvalidContent { detail: "content".into() })?;
        match version {
            1 => v1_to_v2(content),
            2 => v2_to_v3(content),
            3 => crate::engine::periodic::migrate_by_item(content),
            // Version 5 added the certification, the evidence index and the team, all optional: nothing to convert.
            4 => {}
            _ => return Err(ImportError::InvalidContent { detail: format!("schema_version {version}") }),
        }
        version += 1;
    }
    let value = bump_schema(value);
    let content = read_content(value.get("content").unwrap_or(&Value::Null))?;
    let file = Envelope::deserialize(&value).map_err(|e| ImportError::InvalidContent { detail: e.to_string() })?;

    let older = file.catalogue.checked_with(catalogue).filter(|v| version_order(v, &catalogue.version).is_lt());
    if let Some(version) = older {
        let n: usize = catalogue.releases_since(&version).iter().map(|r| r.items.len()).sum();
        warnings.push(Text::new(
            format!(
                "このファイルは前の版のカタログ（{version}）で確認されたものです。現在の版は {} で、{n} 項目が変わっています（下の一覧）。共通の項目の回答はそのまま読み込みます。",
                catalogue.version
            ),
            format!(
                "The file was checked against an earlier version of the catalogue ({version}). The current one is {}, and {n} item(s) changed (listed below). Answers to the items both share are read as they are.",
                catalogue.version
            ),
        ));
    } else if file.catalogue.id != catalogue.id || file.catalogue.version != catalogue.version {
        warnings.push(Text::new(
            format!(
                "このファイルは別のカタログ（{} {}）で確認されたものです。現在のカタログは {} {} です。",
                file.catalogue.id, file.catalogue.version, catalogue.id, catalogue.version
            ),
            format!(
                "The file was checked against another catalogue ({} {}); the current one is {} {}.",
                file.catalogue.id, file.catalogue.version, catalogue.id, catalogue.version
            ),
        ));
    }
    let unknown_items = unknown_items(&content, catalogue);
    if !unknown_items.is_empty() {
        let n = unknown_items.len();
        let listed = unknown_items.iter().take(UNKNOWN_LISTED).map(String::as_str).collect::<Vec<_>>().join(", ");
        let more = n.saturating_sub(UNKNOWN_LISTED);
        let (more_ja, more_en) =
            if more > 0 { (format!(" ほか {more} 件"), format!(", and {more} more")) } else { Default::default() };
        warnings.push(Text::new(
            format!("現在のカタログにない項目が {n} 件あります（{listed}{more_ja}）。回答は消さずに保持します。"),
            format!("{n} item(s) are not in the current catalogue ({listed}{more_en}). Their answers are kept, not dropped."),
        ));
    }
    Ok(Imported {
        name: file.name,
        id: file.id,
        saved_at: file.saved_at,
        catalogue: file.catalogue,
        check: content,
        unknown_items,
        warnings,
    })
}

/// Reads the (migrated) content and checks its values as [`SelfCheck::validate`] does, so that an import can
/// never hold what the app itself would refuse. Every problem is named by its path in the file.
pub(crate) fn read_content(content: &Value) -> Result<SelfCheck, ImportError> {
    let check = SelfCheck::deserialize(content).map_err(|e| {
        let problems = wrong_types(content);
        if problems.is_empty() {
            // Every part reads on its own, so this cannot happen; keep serde's words rather than say nothing.
            ImportError::InvalidContent { detail: e.to_string() }
        } else {
            ImportError::InvalidValues { problems }
        }
    })?;
    check.validate().map_err(|problems| ImportError::InvalidValues {
        problems: problems.into_iter().map(|p| Invalid { path: format!("content.{}", p.path), ..p }).collect(),
    })?;
    let problems = invalid_records(&check);
    if !problems.is_empty() {
        return Err(ImportError::InvalidValues { problems });
    }
    Ok(check)
}

/// The parts the self-check keeps as JSON (see `records::Kept`), checked on import: each reads as its type (or a
/// later change would refuse to touch it), and holds only what the app's own changes allow (a real certification
/// date and a validity of 1 to 3 years; at most `MAX_EVIDENCE` entries per item, fingerprints of 64 hex digits).
fn invalid_records(check: &SelfCheck) -> Vec<Invalid> {
    let mut found = Vec::new();
    let shown = |value: &Value| serde_json::to_string(value).unwrap_or_default().chars().take(60).collect::<String>();
    let layout = || Text::new("アプリが書く形", "the layout the app writes");
    let mut fail = |path: String, value: String, allowed: Message| {
        found.push(Invalid { path: format!("content.{path}"), value, allowed })
    };
    match check.certification.read::<Option<Certification>>() {
        Err(_) => fail("certification".into(), shown(&check.certification.0), layout()),
        Ok(Some(c)) => {
            if let Err(allowed) = check_certification(&c) {
                fail("certification".into(), shown(&check.certification.0), allowed);
            }
        }
        Ok(None) => {}
    }
    match check.evidence.read::<Index>() {
        Err(_) => fail("evidence".into(), shown(&check.evidence.0), layout()),
        Ok(index) => {
            for (id, entries) in &index {
                if entries.len() > MAX_EVIDENCE {
                    let allowed = Text::new(format!("{MAX_EVIDENCE} 件まで"), format!("at most {MAX_EVIDENCE}"));
                    fail(key_path("evidence", id), format!("{} entries", entries.len()), allowed);
                }
                for (n, entry) in entries.iter().enumerate() {
                    if let Err(allowed) = check_entry(entry) {
                        let value = serde_json::to_value(&entry.fingerprint).unwrap_or_default();
                        fail(format!("{}[{n}].fingerprint", key_path("evidence", id)), shown(&value), allowed);
                    }
                }
            }
        }
    }
    if check.team.read::<Team>().is_err() {
        fail("team".into(), shown(&check.team.0), layout());
    }
    found
}

/// Values of `content` that do not have the type their field needs, found by reading each field on its own.
/// Only called when the content as a whole could not be read, so its cost does not matter.
fn wrong_types(content: &Value) -> Vec<Invalid> {
    let mut found = Vec::new();
    let Some(obj) = object(&mut found, "content", content) else {
        return found;
    };
    if let Some(profile) = obj.get("profile") {
        if let Some(p) = object(&mut found, "content.profile", profile) {
            let path = |f: &str| format!("content.profile.{f}");
            typed::<String>(&mut found, path("organisation"), p.get("organisation"), text());
            typed::<String>(&mut found, path("checker"), p.get("checker"), text());
            typed::<BTreeSet<InfoForm>>(&mut found, path("forms"), p.get("forms"), one_of_list(&FORMS));
            typed::<OrgSize>(&mut found, path("size"), p.get("size"), one_of(&["small", "large"]));
            typed::<bool>(&mut found, path("entrusted"), p.get("entrusted"), boolean());
        }
    }
    typed::<u8>(
        &mut found,
        "content.target_level".into(),
        obj.get("target_level"),
        Text::new(format!("1〜{MAX_LEVEL} の整数"), format!("a whole number from 1 to {MAX_LEVEL}")),
    );
    entries(&mut found, obj, "overrides", |found, path, v| {
        typed::<Override>(
            found,
            path,
            Some(v),
            Text::new(
                "{\"kind\": \"include\"} または {\"kind\": \"set_aside\", \"reason\": \"理由\"}",
                "{\"kind\": \"include\"} or {\"kind\": \"set_aside\", \"reason\": \"why\"}",
            ),
        )
    });
    entries(&mut found, obj, "answers", |found, path, v| {
        let Some(a) = object(found, &path, v) else { return };
        typed::<Option<Status>>(found, format!("{path}.status"), a.get("status"), nullable(&STATUSES));
        for f in ["reason", "note", "checker"] {
            typed::<String>(found, format!("{path}.{f}"), a.get(f), text());
        }
        typed::<String>(found, format!("{path}.date"), a.get("date"), date_allowed());
    });
    entries(&mut found, obj, "plan", |found, path, v| {
        let Some(p) = object(found, &path, v) else { return };
        for f in ["measure", "owner"] {
            typed::<String>(found, format!("{path}.{f}"), p.get(f), text());
        }
        typed::<String>(found, format!("{path}.due"), p.get("due"), date_allowed());
        typed::<Option<Priority>>(found, format!("{path}.priority"), p.get("priority"), nullable(&PRIORITIES));
    });
    if let Some(periodic) = obj.get("periodic") {
        periodic_types(&mut found, periodic);
    }
    typed::<BTreeSet<Threat>>(
        &mut found,
        "content.feared_threats".into(),
        obj.get("feared_threats"),
        one_of_list(&Threat::ALL.map(Threat::key)),
    );
    if let Some(statement) = obj.get("statement") {
        if let Some(s) = object(&mut found, "content.statement", statement) {
            for f in ["issuer_address", "scope", "signer_name", "signer_title"] {
                typed::<String>(&mut found, format!("content.statement.{f}"), s.get(f), text());
            }
        }
    }
    if let Some(documents) = obj.get("documents") {
        if let Some(d) = object(&mut found, "content.documents", documents) {
            for f in ["manager_post", "manager", "reporting_route", "training"] {
                typed::<String>(&mut found, format!("content.documents.{f}"), d.get(f), text());
            }
        }
    }
    if let Some(inventory) = obj.get("inventory") {
        if let Some(inv) = object(&mut found, "content.inventory", inventory) {
            typed::<Vec<String>>(&mut found, "content.inventory.classes".into(), inv.get("classes"), texts());
            match inv.get("rows") {
                Some(Value::Array(rows)) => {
                    for (n, row) in rows.iter().enumerate() {
                        let path = format!("content.inventory.rows[{n}]");
                        let Some(r) = object(&mut found, &path, row) else { continue };
                        for f in crate::engine::inventory::RowField::ALL {
                            typed::<String>(&mut found, format!("{path}.{}", f.key()), r.get(f.key()), text());
                        }
                        typed::<BTreeSet<InfoForm>>(
                            &mut found,
                            format!("{path}.forms"),
                            r.get("forms"),
                            one_of_list(&FORMS),
                        );
                        typed::<bool>(&mut found, format!("{path}.entrusted"), r.get("entrusted"), boolean());
                    }
                }
                None => {}
                Some(other) => found.push(Invalid::new(
                    "content.inventory.rows".into(),
                    other,
                    Text::new("行の配列", "an array of rows"),
                )),
            }
        }
    }
    found
}

/// The periodic report's values of the wrong type (see [`wrong_types`]).
fn periodic_types(found: &mut Vec<Invalid>, periodic: &Value) {
    let Some(p) = object(found, "content.periodic", periodic) else { return };
    for f in ["source", "period_from", "period_to"] {
        typed::<String>(found, format!("content.periodic.{f}"), p.get(f), text());
    }
    let year = crate::engine::periodic::year_allowed;
    match p.get("rows") {
        Some(Value::Array(rows)) => {
            for (n, row) in rows.iter().enumerate() {
                let path = format!("content.periodic.rows[{n}]");
                let Some(r) = object(found, &path, row) else { continue };
                for f in [
                    "id",
                    "chapter",
                    "section",
                    "clause",
                    "number",
                    "content",
                    "audit_check",
                    "period_check",
                    "checker",
                    "excluded_reason",
                    "excluded_by",
                    "problems",
                    "handling",
                ] {
                    typed::<String>(found, format!("{path}.{f}"), r.get(f), text());
                }
                for f in ["unchanged", "excluded", "kept"] {
                    typed::<bool>(found, format!("{path}.{f}"), r.get(f), boolean());
                }
                typed::<String>(found, format!("{path}.date"), r.get("date"), date_allowed());
                typed::<Vec<String>>(found, format!("{path}.links"), r.get("links"), texts());
                typed::<Option<u8>>(found, format!("{path}.year"), r.get("year"), year());
                typed::<Option<u8>>(
                    found,
                    format!("{path}.checksheet"),
                    r.get("checksheet"),
                    crate::engine::periodic::checksheet_allowed(),
                );
                typed::<Option<crate::engine::periodic::Previous>>(
                    found,
                    format!("{path}.previous"),
                    r.get("previous"),
                    Text::new(
                        "前年の確認（period_check, unchanged, date, checker）",
                        "last year's check (period_check, unchanged, date, checker)",
                    ),
                );
            }
        }
        None => {}
        Some(other) => {
            found.push(Invalid::new("content.periodic.rows".into(), other, Text::new("行の配列", "an array of rows")))
        }
    }
    if let Some(by_item) = p.get("by_item") {
        let Some(map) = object(found, "content.periodic.by_item", by_item) else { return };
        for (id, v) in map {
            let path = format!("content.{}", key_path("periodic.by_item", id));
            let Some(r) = object(found, &path, v) else { continue };
            for f in ["audit_check", "period_check", "checker", "excluded_reason", "handling"] {
                typed::<String>(found, format!("{path}.{f}"), r.get(f), text());
            }
            typed::<bool>(found, format!("{path}.unchanged"), r.get("unchanged"), boolean());
            typed::<String>(found, format!("{path}.date"), r.get("date"), date_allowed());
            typed::<Option<u8>>(found, format!("{path}.year"), r.get("year"), year());
        }
    }
}

const FORMS: [&str; 5] = ["container", "area", "own_server", "cloud", "third_party"];
const STATUSES: [&str; 5] = ["done", "partial", "not_done", "not_applicable", "unknown"];
const PRIORITIES: [&str; 3] = ["high", "medium", "low"];

/// Records a problem unless `value` (when present: fields may be left out) reads as `T`.
fn typed<T: DeserializeOwned>(found: &mut Vec<Invalid>, path: String, value: Option<&Value>, allowed: Text) {
    if let Some(v) = value {
        if T::deserialize(v).is_err() {
            found.push(Invalid::new(path, v, allowed));
        }
    }
}

/// `value` as an object, or a problem at `path`.
fn object<'v>(found: &mut Vec<Invalid>, path: &str, value: &'v Value) -> Option<&'v Map<String, Value>> {
    let obj = value.as_object();
    if obj.is_none() {
        found.push(Invalid::new(path.into(), value, Text::new("JSON オブジェクト {…}", "a JSON object {…}")));
    }
    obj
}

/// Runs `check` on each entry of the map `content[name]` (item ID → entry), with the entry's path.
fn entries(
    found: &mut Vec<Invalid>,
    content: &Map<String, Value>,
    name: &str,
    mut check: impl FnMut(&mut Vec<Invalid>, String, &Value),
) {
    let Some(map) = content.get(name) else { return };
    let Some(map) = object(found, &format!("content.{name}"), map) else { return };
    for (id, entry) in map {
        check(found, format!("content.{}", key_path(name, id)), entry);
    }
}

fn text() -> Text {
    Text::new("文字列 \"…\"", "a string \"…\"")
}

fn texts() -> Text {
    Text::new("文字列の配列", "an array of strings")
}

fn boolean() -> Text {
    Text::new("true または false", "true or false")
}

fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")
}

fn one_of(words: &[&str]) -> Text {
    Text::new(format!("{} のいずれか", quoted(words)), format!("one of {}", quoted(words)))
}

fn nullable(words: &[&str]) -> Text {
    Text::new(format!("null または {} のいずれか", quoted(words)), format!("null or one of {}", quoted(words)))
}

fn one_of_list(words: &[&str]) -> Text {
    Text::new(
        format!("{} を並べた配列（重複なし）", quoted(words)),
        format!("an array of {}, without repeats", quoted(words)),
    )
}

/// Schema 1 lacked the plan, report and statement; they start empty.
fn v1_to_v2(content: &mut Value) {
    if let Some(obj) = content.as_object_mut() {
        obj.entry("plan").or_insert_with(|| json!({}));
        obj.entry("report").or_insert_with(|| json!({}));
        obj.entry("statement").or_insert_with(|| json!({}));
    }
}

/// Schema 2 had no inventory and no documents' fields; they start empty.
fn v2_to_v3(content: &mut Value) {
    if let Some(obj) = content.as_object_mut() {
        obj.entry("inventory").or_insert_with(|| json!({ "classes": [], "rows": [] }));
        obj.entry("documents").or_insert_with(|| json!({}));
    }
}

fn bump_schema(mut value: Value) -> Value {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), json!(RESULT_SCHEMA));
    }
    value
}

/// Item IDs referred to by `check` that `catalogue` does not have, sorted and without repeats.
pub fn unknown_items(check: &SelfCheck, catalogue: &Catalogue) -> Vec<String> {
    let mut ids: Vec<String> = check
        .answers
        .keys()
        .chain(check.overrides.keys())
        .chain(check.plan.keys())
        .chain(check.periodic.by_item.keys())
        .chain(check.periodic.rows.iter().flat_map(|r| r.links.iter()))
        .filter(|id| catalogue.item(id).is_none())
        .cloned()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// How deeply arrays and objects are nested in `text` up to where the parser stopped (`line`, `column`: serde's
/// 1-based line and byte column), not counting brackets inside strings.
fn nesting_at(text: &str, line: usize, column: usize) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    let (mut at_line, mut at_column) = (1, 0);
    for b in text.bytes() {
        if b == b'\n' {
            (at_line, at_column) = (at_line + 1, 0);
        } else {
            at_column += 1;
        }
        if (at_line, at_column) > (line, column) {
            break;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imported(content: Value) -> Result<SelfCheck, ImportError> {
        read_content(&content)
    }

    #[test]
    fn kept_parts_are_refused_on_import_when_the_app_could_not_have_written_them() {
        let good = json!({ "certification": { "from": "2026-04-01", "valid_years": 3 } });
        assert_eq!(imported(good).unwrap().certification().map(|c| c.valid_years), Some(3));
        let paths = |content: Value| match imported(content) {
            Err(ImportError::InvalidValues { problems }) => problems.into_iter().map(|p| p.path).collect::<Vec<_>>(),
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(
            paths(json!({ "certification": { "from": "2026-04-01", "valid_years": 9 } })),
            ["content.certification"]
        );
        assert_eq!(paths(json!({ "certification": "2026-04-01" })), ["content.certification"]);
        let print = json!({ "sha256": "abc", "file_name": "x", "bytes": 3, "taken_on": "2026-11-20" });
        assert_eq!(
            paths(json!({ "evidence": { "a": [{ "what": "x", "fingerprint": print }] } })),
            ["content.evidence[\"a\"][0].fingerprint"]
        );
        assert_eq!(paths(json!({ "evidence": { "a": [{ "what": 5 }] } })), ["content.evidence"]);
        let many: Vec<Value> = (0..=MAX_EVIDENCE).map(|_| json!({ "what": "x" })).collect();
        assert_eq!(paths(json!({ "evidence": { "a": many } })), ["content.evidence[\"a\"]"]);
        assert_eq!(paths(json!({ "team": { "people": "everyone" } })), ["content.team"]);
    }
}
