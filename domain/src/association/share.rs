//! The file a member makes to share their result with their association, and reading it back on the
//! association's side.
//!
//! The member chooses what it holds. Scores, statuses and the attained level are always in it; the business
//! name, notes, the action plan, the inventory and people's names each only when ticked. The periodic report,
//! the statement and the documents' fields never are. Like the result file it carries the catalogue's ID and
//! version and a SHA-256 digest of its content; it also lists the catalogue's item IDs, so that an association
//! using another version of the catalogue compares only the items both have.
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::base::text::{Message, Text};
use crate::catalogue::Catalogue;
use crate::engine::scoring::summarise;
use crate::engine::selfcheck::{Invalid, Override, SelfCheck};
use crate::files::envelope::{
    digest_of, read_content, read_envelope, CatalogueRef, ImportError, DIGEST_NOTE, RESULT_FORMAT,
};

pub const SHARE_FORMAT: &str = "tics-self-check-share";
pub const SHARE_SCHEMA: u32 = 1;

/// What stands in for a free-text reason the member did not share. A reason must not be blank (a "not
/// applicable" without one does not count), so the text is replaced rather than removed.
pub const WITHHELD: &str = "（共有なし / not shared）";

/// The optional parts of a sharing file; all off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShareOptions {
    /// The business name (the profile's organisation).
    pub organisation: bool,
    /// Notes and the reasons for "not applicable" and for setting items aside.
    pub notes: bool,
    /// The action plan (measures, due dates, priorities).
    pub plan: bool,
    /// The list of important information.
    pub inventory: bool,
    /// People's names: checkers, plan owners, the inventory's managers.
    pub names: bool,
}

impl ShareOptions {
    /// The parts, with their keys in the file and their labels, in the order the sharing screen lists them.
    pub fn parts(self) -> [(&'static str, bool, Text); 5] {
        [
            ("organisation", self.organisation, Text::new("事業者名", "Business name")),
            ("notes", self.notes, Text::new("メモと理由", "Notes and reasons")),
            ("plan", self.plan, Text::new("対策計画", "Action plan")),
            ("inventory", self.inventory, Text::new("重要情報の目録", "Inventory of important information")),
            ("names", self.names, Text::new("確認者・担当者・管理者の氏名", "Names of checkers, owners and managers")),
        ]
    }
}

/// The line inside the file (and on the sharing screen) that says what the file is for.
/// What the sharing screen says before the member has chosen anything: what the file is for, and that the member
/// chooses below what else goes in (the file itself says it was chosen: [`purpose`]).
pub fn offer() -> Text {
    Text::new(
        "ここで作るファイルで、セルフチェックの結果を所属団体と共有できます。団体は多くの会員のファイルを集計し、会員全体の傾向を把握します。各項目の状況のほかに何を含めるかは、下で選べます。",
        "The file made here shares your self-check's result with your association, which adds many members' files together to see where members stand. Below, you choose what else it holds besides each item's status.",
    )
}

pub fn purpose() -> Text {
    Text::new(
        "このファイルは、セルフチェックの結果を所属団体と共有するためのものです。団体は多くの会員のファイルを集計し、会員全体の傾向を把握します。含める内容は作成時に会員が選びました。",
        "This file shares a self-check's result with the member's association, which adds many members' files together to see where members stand. The member chose what it holds when making it.",
    )
}

/// The self-check as shared: only what `options` allows. The information forms and "entrusted" that decide
/// which items apply are kept in the profile even when the inventory (where they may come from) is not shared.
pub fn shared_check(check: &SelfCheck, options: ShareOptions) -> SelfCheck {
    let mut shared = SelfCheck {
        target_level: check.target_level,
        overrides: check.overrides.clone(),
        answers: check.answers.clone(),
        feared_threats: check.feared_threats.clone(),
        ..SelfCheck::default()
    };
    shared.profile.forms = check.forms();
    shared.profile.entrusted = check.entrusted();
    shared.profile.size = check.profile.size;
    if options.organisation {
        shared.profile.organisation = check.profile.organisation.clone();
    }
    if options.names {
        shared.profile.checker = check.profile.checker.clone();
    }
    let withhold = |text: &mut String| {
        if !options.notes && !text.trim().is_empty() {
            *text = WITHHELD.to_owned();
        }
    };
    for o in shared.overrides.values_mut() {
        if let Override::SetAside { reason } = o {
            withhold(reason);
        }
    }
    for answer in shared.answers.values_mut() {
        withhold(&mut answer.reason);
        if !options.notes {
            answer.note.clear();
        }
        if !options.names {
            answer.checker.clear();
        }
    }
    if options.plan {
        shared.plan = check.plan.clone();
        if !options.names {
            shared.plan.values_mut().for_each(|p| p.owner.clear());
        }
    }
    if options.inventory {
        shared.inventory = check.inventory.clone();
        if !options.names {
            shared.inventory.rows.iter_mut().for_each(|r| r.manager.clear());
        }
    }
    shared
}

/// Where and when a sharing file is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareOrigin<'a> {
    pub app_version: &'a str,
    /// ISO date-time of the export.
    pub saved_at: &'a str,
    /// The self-check's ID: the association counts several files of one self-check once.
    pub id: &'a str,
}

/// The sharing file for `check`, pretty-printed so that the member can read what it holds.
pub fn export_share(catalogue: &Catalogue, check: &SelfCheck, options: ShareOptions, origin: &ShareOrigin) -> String {
    let summary = summarise(catalogue, check);
    let shared = serde_json::to_value(shared_check(check, options)).unwrap_or(Value::Null);
    let parts: Vec<&str> = options.parts().iter().filter(|(_, on, _)| *on).map(|(key, _, _)| *key).collect();
    let content = json!({
        "check": shared,
        "shared": parts,
        "catalogue_items": catalogue.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        // For a person opening the file; the association computes its figures from the statuses.
        "summary": {
            "attained_level": summary.attained_level,
            "overall_score": summary.overall.percent(),
            "topic_scores": summary.topics.iter().map(|t| (t.topic.clone(), json!(t.tally.percent()))).collect::<serde_json::Map<_, _>>(),
        },
    });
    let digest = digest_of(&content);
    let mut file = json!({
        "format": SHARE_FORMAT,
        "schema_version": SHARE_SCHEMA,
        "purpose": purpose(),
        "app_version": origin.app_version,
        "catalogue": { "id": catalogue.id, "version": catalogue.version },
        "saved_at": origin.saved_at,
        "id": origin.id,
        "content": content,
        "digest": { "algorithm": "SHA-256", "value": digest, "note": DIGEST_NOTE },
    });
    if let (Some(branding), Value::Object(obj)) = (&catalogue.branding, &mut file) {
        obj.insert("association".into(), json!({ "name": branding.name, "contact": branding.contact }));
    }
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// A sharing file as read, after every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedFile {
    pub id: String,
    pub saved_at: String,
    pub catalogue: CatalogueRef,
    /// The item IDs of the catalogue the file was made with.
    pub catalogue_items: Vec<String>,
    pub check: SelfCheck,
}

/// Why a file cannot be counted. Every variant has a message in both languages ([`ShareError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// A check every file of the app passes failed (size, encoding, JSON, digest, values).
    File(ImportError),
    /// The full result file rather than one made for sharing.
    ResultFile,
    /// Another kind of file.
    WrongFormat { found: String },
    /// Made by a newer app.
    NewerSchema { found: u64 },
    /// No self-check ID or no valid date of making.
    MissingOrigin,
    /// Made with a catalogue that does not build on the one in use.
    OtherCatalogue { found: String },
}

impl ShareError {
    pub fn message(&self) -> Message {
        match self {
            ShareError::File(e) => e.message(),
            ShareError::ResultFile => Text::new(
                "保存用の結果ファイルです。集計には、会員が「団体と共有する」で作ったファイルを使います（メモなどを含めるかを会員が選べるため）。",
                "This is a full result file. The aggregate takes the files members make with \"Share with my association\", where they choose whether notes and the like are included.",
            ),
            ShareError::WrongFormat { found } => Text::new(
                format!("団体との共有用ファイルではありません（形式: 「{found}」）。"),
                format!("This is not a file made for sharing with the association (format: \"{found}\")."),
            ),
            ShareError::NewerSchema { found } => Text::new(
                format!("新しい版のアプリで作られた共有用ファイルです（形式の版 {found}、このアプリは {SHARE_SCHEMA} まで）。アプリを更新してください。"),
                format!("The file was made by a newer version of the app (schema {found}; this app reads up to {SHARE_SCHEMA}). Please update the app."),
            ),
            ShareError::MissingOrigin => Text::new(
                "作成日時またはセルフチェックの ID がないため、集計できません。",
                "The file has no date of making or no self-check ID, so it cannot be counted.",
            ),
            ShareError::OtherCatalogue { found } => Text::new(
                format!("別のカタログ（{found}）で作られたファイルのため、比べられません。"),
                format!("The file was made with another catalogue ({found}) and cannot be compared."),
            ),
        }
    }
}

/// The catalogue a catalogue ID builds on: `tics-default+assoc` builds on `tics-default`.
fn base_id(id: &str) -> &str {
    id.split('+').next().unwrap_or(id)
}

/// Reads a sharing file made with a catalogue built on the same base as `catalogue` (its own version, another
/// version, or another association's overlay).
pub fn read_share(bytes: &[u8], catalogue: &Catalogue) -> Result<SharedFile, ShareError> {
    let (value, _) = read_envelope(bytes, SHARE_FORMAT, SHARE_SCHEMA).map_err(|e| match e {
        ImportError::WrongFormat { found } if found == RESULT_FORMAT => ShareError::ResultFile,
        ImportError::WrongFormat { found } => ShareError::WrongFormat { found },
        ImportError::NewerSchema { found } => ShareError::NewerSchema { found },
        other => ShareError::File(other),
    })?;
    let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str).unwrap_or_default().to_owned();
    let (id, saved_at) = (text("/id"), text("/saved_at"));
    if id.trim().is_empty() || fiscal_year(&saved_at).is_none() {
        return Err(ShareError::MissingOrigin);
    }
    let found = CatalogueRef { id: text("/catalogue/id"), version: text("/catalogue/version") };
    if base_id(&found.id) != base_id(&catalogue.id) {
        return Err(ShareError::OtherCatalogue { found: format!("{} {}", found.id, found.version) });
    }
    let content = value.get("content").unwrap_or(&Value::Null);
    let in_check = |problems: Vec<Invalid>| {
        let problems = problems
            .into_iter()
            .map(|p| Invalid { path: p.path.replacen("content", "content.check", 1), ..p })
            .collect();
        ShareError::File(ImportError::InvalidValues { problems })
    };
    let check = read_content(content.get("check").unwrap_or(&Value::Null)).map_err(|e| match e {
        ImportError::InvalidValues { problems } => in_check(problems),
        other => ShareError::File(other),
    })?;
    let catalogue_items: Vec<String> = match content.get("catalogue_items") {
        Some(items) => Vec::deserialize(items).map_err(|_| {
            in_check(vec![Invalid::new(
                "content.catalogue_items".into(),
                items,
                Text::new("項目 ID（文字列）の配列", "an array of item IDs (strings)"),
            )])
        })?,
        None => Vec::new(),
    };
    Ok(SharedFile { id, saved_at, catalogue: found, catalogue_items, check })
}

/// The Japanese fiscal year (年度, April to March) of an ISO date or date-time: 2027-03-31 is in 2026.
///
/// ```
/// use tics_domain::share::fiscal_year;
/// assert_eq!(fiscal_year("2026-04-01T09:00:00+09:00"), Some(2026));
/// assert_eq!(fiscal_year("2027-03-31"), Some(2026));
/// assert_eq!(fiscal_year("someday"), None);
/// ```
pub fn fiscal_year(date: &str) -> Option<i32> {
    let day = date.get(..10).filter(|d| crate::engine::selfcheck::is_iso_date(d))?;
    let year: i32 = day.get(..4)?.parse().ok()?;
    let month: u8 = day.get(5..7)?.parse().ok()?;
    Some(if month >= 4 { year } else { year - 1 })
}
