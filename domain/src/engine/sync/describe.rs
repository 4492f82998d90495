//! Values another tab replaced, in words: which self-check, which item, row or field, and the value this tab had.
use serde_json::Value;

use crate::base::text::Text;
use crate::catalogue::{Catalogue, InfoForm, Threat};
use crate::engine::inventory::RowField;
use crate::engine::library::Library;
use crate::engine::selfcheck::{Priority, Status};
use crate::engine::sync::merge::Step;
use crate::engine::sync::Lost;

/// A lost value as the user reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostView {
    /// Where it was: 「本社」の項目「入退室の管理」のメモ.
    pub what: Text,
    /// The value this tab had, as text (「（空欄）」 when it had cleared it).
    pub mine: Text,
}

/// The sentence above the lost values.
pub fn lost_heading() -> Text {
    Text::new(
        "別のタブで同じ箇所が同時に変更され、あとの変更を残しました。このタブで入力していた値は次のとおりです。必要なら元に戻してください。",
        "The same place was changed in another tab at the same time, and the later change was kept. This tab's value is shown below; put it back if you need it.",
    )
}

/// Where `lost` is and what this tab had there, looked up in `library` (the state now) and `catalogue`.
pub fn describe(lost: &Lost, library: &Library, catalogue: &Catalogue) -> LostView {
    LostView { what: place(&lost.path, library, catalogue), mine: value_text(&lost.path, lost.mine.as_ref()) }
}

fn key(step: Option<&Step>) -> Option<&str> {
    match step {
        Some(Step::Key(k)) => Some(k),
        _ => None,
    }
}

fn quoted(label: &Text, name: &str) -> Text {
    Text::new(format!("{}「{name}」", label.ja), format!("{} “{name}”", label.en))
}

/// `a` then `b`: 「Aの B」 / "B of A".
fn of(a: &Text, b: &Text) -> Text {
    Text::new(format!("{}の{}", a.ja, b.ja), format!("{} of {}", b.en, a.en))
}

fn place(path: &[Step], library: &Library, catalogue: &Catalogue) -> Text {
    match path {
        [Step::Key(k)] if k == "lang" => Text::new("表示言語", "The language"),
        [Step::Key(l), Step::Key(e), Step::Id(id), rest @ ..] if l == "library" && e == "entries" => {
            let name = library.entries.iter().find(|e| e.id == *id).map_or(id.as_str(), |e| e.name.as_str());
            let check = quoted(&Text::new("セルフチェック", "self-check"), name);
            match rest {
                [] => check,
                [Step::Key(k)] if k == "name" => of(&check, &Text::new("名前", "name")),
                [Step::Key(k), rest @ ..] if k == "check" => of(&check, &in_check(rest, library, id, catalogue)),
                _ => of(&check, &raw(rest)),
            }
        }
        _ => raw(path),
    }
}

fn item(catalogue: &Catalogue, id: &str) -> Text {
    let title = catalogue.item(id).map(|i| i.title.clone()).unwrap_or_else(|| Text::new(id, id));
    Text::new(format!("項目「{}」", title.ja), format!("item “{}”", title.en))
}

fn field(label: Option<Text>, rest: &[Step]) -> Text {
    label.unwrap_or_else(|| raw(rest))
}

fn in_check(path: &[Step], library: &Library, entry: &str, catalogue: &Catalogue) -> Text {
    let check = library.entries.iter().find(|e| e.id == entry).map(|e| &e.check);
    match path {
        [Step::Key(k), Step::Key(id), rest @ ..] if k == "answers" => {
            let label = match key(rest.first()) {
                None => Some(Text::new("回答", "answer")),
                Some("status") => Some(Text::new("状況", "status")),
                Some("reason") => Some(Text::new("対象外とする理由", "reason it does not apply")),
                Some("note") => Some(Text::new("メモ", "note")),
                Some("checker") => Some(Text::new("確認者", "checker")),
                Some("date") => Some(Text::new("確認日", "date checked")),
                _ => None,
            };
            of(&item(catalogue, id), &field(label, rest))
        }
        [Step::Key(k), Step::Key(id), rest @ ..] if k == "plan" => {
            let label = match key(rest.first()) {
                None => Some(Text::new("行動計画", "plan")),
                Some("measure") => Some(Text::new("行動計画の対策", "planned measure")),
                Some("owner") => Some(Text::new("行動計画の担当者", "plan's owner")),
                Some("due") => Some(Text::new("行動計画の期限", "plan's due date")),
                Some("priority") => Some(Text::new("優先度", "priority")),
                _ => None,
            };
            of(&item(catalogue, id), &field(label, rest))
        }
        [Step::Key(k), Step::Key(id), ..] if k == "evidence" => {
            of(&item(catalogue, id), &Text::new("証跡の記録", "evidence index"))
        }
        [Step::Key(k), ..] if k == "certification" => {
            Text::new("認証日と有効期間", "date and validity of certification")
        }
        [Step::Key(k), ..] if k == "team" => Text::new("チームの割り当て", "team's assignments"),
        [Step::Key(k), Step::Key(id), ..] if k == "overrides" => {
            of(&item(catalogue, id), &Text::new("対象に入れるか外すかの設定", "choice to add it or set it aside"))
        }
        [Step::Key(k), rest @ ..] if k == "profile" => {
            let label = match rest {
                [Step::Key(f), Step::Member(json)] if f == "forms" => serde_json::from_str::<InfoForm>(json)
                    .ok()
                    .map(|form| quoted(&Text::new("情報の形態", "the information form"), form.label().ja.as_str())),
                [Step::Key(f)] => match f.as_str() {
                    "organisation" => Some(Text::new("事業者名", "name of the business")),
                    "checker" => Some(Text::new("既定の確認者", "default checker")),
                    "size" => Some(Text::new("規模", "size")),
                    "entrusted" => Some(Text::new("預かった情報の有無", "whether it holds entrusted information")),
                    _ => None,
                },
                _ => None,
            };
            field(label, rest)
        }
        [Step::Key(k)] if k == "target_level" => Text::new("目標レベル", "target level"),
        [Step::Key(k), Step::Member(json)] if k == "feared_threats" => {
            let threat =
                serde_json::from_str::<Threat>(json).map(|t| t.label()).unwrap_or_else(|_| Text::new(json, json));
            Text::new(format!("特に心配な脅威「{}」", threat.ja), format!("feared threat “{}”", threat.en))
        }
        [Step::Key(i), Step::Key(r), Step::Id(id), rest @ ..] if i == "inventory" && r == "rows" => {
            let name = check
                .and_then(|c| c.inventory.rows.iter().find(|row| row.id == *id))
                .map_or_else(String::new, |row| row.name.clone());
            let row = Text::new(format!("目録の行「{name}」"), format!("inventory row “{name}”"));
            let label = match rest {
                [] => None,
                [Step::Key(f), ..] if f == "forms" => Some(Text::new("情報の形態", "forms")),
                [Step::Key(f)] if f == "entrusted" => Some(Text::new("預かった情報", "entrusted")),
                [Step::Key(f)] => RowField::ALL.into_iter().find(|rf| rf.key() == f).map(RowField::label),
                _ => None,
            };
            match label {
                None if rest.is_empty() => row,
                label => of(&row, &field(label, rest)),
            }
        }
        [Step::Key(i), Step::Key(c), ..] if i == "inventory" && c == "classes" => {
            Text::new("目録の区分", "inventory classifications")
        }
        [Step::Key(p), Step::Key(r), Step::Id(id), rest @ ..] if p == "periodic" && r == "rows" => {
            let name = check
                .and_then(|c| c.periodic.rows.iter().find(|row| row.id == *id))
                .map(|row| {
                    let reference = row.reference();
                    let content = row.content_in(catalogue, crate::base::text::Lang::Ja);
                    let short: String = content.chars().take(20).collect();
                    if reference.is_empty() {
                        short
                    } else {
                        reference
                    }
                })
                .unwrap_or_default();
            let row = Text::new(format!("定期報告の行「{name}」"), format!("periodic report row “{name}”"));
            let label = match key(rest.first()) {
                None => None,
                Some("chapter") => Some(Text::new("章", "chapter")),
                Some("section") => Some(Text::new("節", "section")),
                Some("clause") => Some(Text::new("項", "clause")),
                Some("number") => Some(Text::new("番", "number")),
                Some("content") => Some(Text::new("内容", "content")),
                Some("audit_check") => Some(Text::new("審査時の確認内容", "what the audit confirmed")),
                Some("period_check") => Some(Text::new("定期報告の確認内容", "this period's check")),
                Some("unchanged") => Some(Text::new("変更無し", "no change")),
                Some("date") => Some(Text::new("確認日", "date checked")),
                Some("checker") => Some(Text::new("確認者", "checker")),
                Some("excluded") => Some(Text::new("除外", "left out")),
                Some("excluded_reason") => Some(Text::new("除外の理由", "reason for leaving it out")),
                Some("excluded_by") => Some(Text::new("除外を決めた経営層", "who decided to leave it out")),
                Some("problems") => Some(Text::new("見つかった問題", "problems found")),
                Some("handling") => Some(Text::new("問題への対応", "how problems were handled")),
                Some("year") => Some(Text::new("実施年", "rotation year")),
                Some("links") => Some(Text::new("裏付けとなる項目", "supporting items")),
                _ => None,
            };
            match label {
                None if rest.is_empty() => row,
                label => of(&row, &field(label, rest)),
            }
        }
        [Step::Key(p), Step::Key(f)] if p == "periodic" && (f == "period_from" || f == "period_to") => {
            Text::new("定期報告の期間", "period of the periodic report")
        }
        [Step::Key(s), Step::Key(f)] if s == "statement" => {
            let label = match f.as_str() {
                "issuer_address" => Some(Text::new("宣言の所在地", "statement's address")),
                "scope" => Some(Text::new("宣言の対象範囲", "statement's scope")),
                "signer_name" => Some(Text::new("宣言の署名者", "statement's signer")),
                "signer_title" => Some(Text::new("署名者の役職", "signer's title")),
                _ => None,
            };
            field(label, &path[1..])
        }
        [Step::Key(d), Step::Key(f)] if d == "documents" => {
            let label = match f.as_str() {
                "manager_post" => Some(Text::new("情報管理責任者の役職", "information manager's post")),
                "manager" => Some(Text::new("情報管理責任者", "information manager")),
                "reporting_route" => Some(Text::new("報告の経路", "reporting route")),
                "training" => Some(Text::new("教育の方法", "training")),
                _ => None,
            };
            field(label, &path[1..])
        }
        _ => raw(path),
    }
}

/// A path the user has no name for, written out as the file formats name it.
fn raw(path: &[Step]) -> Text {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Id(id) => out.push_str(&format!("[{id}]")),
            Step::Member(json) => out.push_str(&format!("[{json}]")),
        }
    }
    Text::new(&out, &out)
}

/// The value as text: statuses, priorities, yes/no and set members in words; other values as their text.
fn value_text(path: &[Step], value: Option<&Value>) -> Text {
    let blank = || Text::new("（空欄）", "(blank)");
    let last = path.last();
    if let Some(Step::Member(_)) = last {
        return if super::merge::is_empty(value) {
            Text::new("選んでいない", "not chosen")
        } else {
            Text::new("選んでいた", "chosen")
        };
    }
    let Some(value) = value.filter(|v| !super::merge::is_empty(Some(v)) || v.is_boolean()) else {
        return blank();
    };
    match (key(last), value) {
        (Some("status"), v) => {
            serde_json::from_value::<Status>(v.clone()).map(Status::label).unwrap_or_else(|_| json_text(v))
        }
        (Some("priority"), v) => {
            serde_json::from_value::<Priority>(v.clone()).map(Priority::label).unwrap_or_else(|_| json_text(v))
        }
        (_, Value::Bool(true)) => Text::new("はい", "yes"),
        (_, Value::Bool(false)) => Text::new("いいえ", "no"),
        (_, Value::String(s)) => Text::new(s, s),
        (_, Value::Object(o)) => {
            match o.get("name").and_then(Value::as_str).or(o.get("note").and_then(Value::as_str)) {
                Some(name) if !name.is_empty() => Text::new(name, name),
                _ => json_text(value),
            }
        }
        (_, v) => json_text(v),
    }
}

fn json_text(value: &Value) -> Text {
    let text: String = value.to_string().chars().take(200).collect();
    Text::new(&text, &text)
}

/// The notice for a self-check another tab deleted while this tab had it open or had changed it.
pub fn deleted_notice(name: &str) -> Text {
    Text::new(
        format!("「{name}」は別のタブで削除されました。このタブにあった内容を写しとして残すことができます。"),
        format!("“{name}” was deleted in another tab. You can keep what this tab had as a copy."),
    )
}
