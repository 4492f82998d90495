//! The two files of team work (see `engine::team`): the assignment file the owner hands a person (the profile and
//! only the items assigned to them), and the answers file the person hands back. Both are envelopes like the
//! result file, with a digest; a returned file is refused, with the reason in both languages, when it belongs to
//! another self-check, was answered against another catalogue, or was changed after it was made.
use serde::Deserialize;
use serde_json::{json, Value};

use crate::base::text::{Lang, Message, Text};
use crate::catalogue::Catalogue;
use crate::engine::records::{Assigned, Team};
use crate::engine::selfcheck::SelfCheck;
use crate::engine::team::{HandedOut, Owner, Person, Returned};
use crate::files::envelope::{digest_of, read_content, read_envelope, CatalogueRef, ImportError, DIGEST_NOTE};
use crate::files::tables::file_name;

pub const ASSIGNMENT_FORMAT: &str = "tics-self-check-assignment";
pub const ANSWERS_FORMAT: &str = "tics-self-check-answers";
pub const TEAM_SCHEMA: u32 = 1;

/// Why a returned file is not merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamFileError {
    /// Broken, changed since it was made (digest), not such a file, or values the app would refuse.
    File(ImportError),
    /// Answers to another self-check's hand-out.
    OtherSelfCheck { name: String },
    /// Answered against another catalogue.
    OtherCatalogue { found: CatalogueRef },
}

impl TeamFileError {
    pub fn message(&self) -> Message {
        match self {
            TeamFileError::File(ImportError::DigestMismatch) => Text::new(
                "このファイルは作られた後に変更されたか、壊れています（ダイジェストと一致しません）。",
                "This file was changed after it was made, or damaged (it does not match its digest).",
            ),
            TeamFileError::File(e) => e.message(),
            TeamFileError::OtherSelfCheck { name } => Text::new(
                format!("このファイルは別のセルフチェック（{name}）の割り当てへの回答です。そのセルフチェックを開いてから取り込んでください。"),
                format!("This file answers another self-check's assignment ({name}). Open that self-check, then merge it."),
            ),
            TeamFileError::OtherCatalogue { found } => Text::new(
                format!("このファイルは別のカタログ（{} {}）で回答されています。", found.id, found.version),
                format!("This file was answered against another catalogue ({} {}).", found.id, found.version),
            ),
        }
    }
}

/// `check` with only the answers of `items` (and nothing of the plan, inventory, report or statement, which stay
/// the owner's).
fn only_items(check: &SelfCheck, handed_out: &HandedOut) -> SelfCheck {
    SelfCheck {
        profile: check.profile.clone(),
        target_level: check.target_level,
        overrides: check.overrides.clone(),
        feared_threats: check.feared_threats.clone(),
        answers: check
            .answers
            .iter()
            .filter(|(id, _)| handed_out.given.contains_key(*id))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..SelfCheck::default()
    }
}

fn envelope(format: &str, catalogue: &CatalogueRef, saved_at: &str, content: Value) -> String {
    let digest = digest_of(&content);
    let file = json!({
        "format": format,
        "schema_version": TEAM_SCHEMA,
        "catalogue": catalogue,
        "saved_at": saved_at,
        "content": content,
        "digest": { "algorithm": "SHA-256", "value": digest, "note": DIGEST_NOTE },
    });
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The assignment file handing `handed_out`'s items of `check` (the owner's self-check `owner`) to its person.
pub fn assignment_json(
    catalogue: &Catalogue,
    check: &SelfCheck,
    owner: &Owner,
    handed_out: &HandedOut,
    saved_at: &str,
) -> String {
    let content = json!({ "owner": owner, "handed_out": handed_out, "check": only_items(check, handed_out) });
    let catalogue = CatalogueRef { id: catalogue.id.clone(), version: catalogue.version.clone() };
    envelope(ASSIGNMENT_FORMAT, &catalogue, saved_at, content)
}

/// The answers file of a person's copy `answered` (see [`read_assignment`]): only the assigned items travel back.
/// `None` when `answered` is not a person's copy.
pub fn answers_json(answered: &SelfCheck, saved_at: &str) -> Option<String> {
    let assigned = answered.team().assigned?;
    let check = only_items(answered, &assigned.handed_out);
    let content = json!({ "owner": assigned.owner, "handed_out": assigned.handed_out, "check": check });
    let catalogue = CatalogueRef { id: assigned.catalogue_id.clone(), version: assigned.catalogue_version.clone() };
    Some(envelope(ANSWERS_FORMAT, &catalogue, saved_at, content))
}

#[derive(Deserialize)]
struct Parts {
    owner: Owner,
    handed_out: HandedOut,
}

/// Reads a team file of `format`: its envelope and digest, the owner and hand-out, and the self-check in it with
/// its values checked as an import checks them.
fn read(bytes: &[u8], format: &str) -> Result<(CatalogueRef, Parts, SelfCheck), ImportError> {
    let (value, _) = read_envelope(bytes, format, TEAM_SCHEMA)?;
    let invalid = |detail: String| ImportError::InvalidContent { detail };
    let catalogue = CatalogueRef::deserialize(value.get("catalogue").unwrap_or(&Value::Null))
        .map_err(|e| invalid(e.to_string()))?;
    let content = value.get("content").ok_or_else(|| invalid("content".into()))?;
    let parts = Parts::deserialize(content).map_err(|e| invalid(e.to_string()))?;
    let check = read_content(content.get("check").unwrap_or(&Value::Null))?;
    Ok((catalogue, parts, check))
}

/// An assignment file, opened by the person it was handed to: the person's copy to answer in, which shows only
/// the assigned items and remembers where it came from. Refused when made against another catalogue than
/// `catalogue`, whose items the person would not see.
pub fn read_assignment(bytes: &[u8], catalogue: &Catalogue) -> Result<(Owner, SelfCheck), TeamFileError> {
    let (found, Parts { owner, handed_out }, mut check) =
        read(bytes, ASSIGNMENT_FORMAT).map_err(TeamFileError::File)?;
    if found.id != catalogue.id || found.version != catalogue.version {
        return Err(TeamFileError::OtherCatalogue { found });
    }
    let (catalogue_id, catalogue_version) = (found.id, found.version);
    let assigned = Assigned { owner: owner.clone(), catalogue_id, catalogue_version, handed_out };
    check.set_team(&Team { assigned: Some(Box::new(assigned)), ..Team::default() });
    Ok((owner, check))
}

/// An answers file, read by the owner of the self-check `owner_id` against `catalogue`.
pub fn read_answers(bytes: &[u8], catalogue: &Catalogue, owner_id: &str) -> Result<Returned, TeamFileError> {
    let (found, Parts { owner, handed_out }, check) = read(bytes, ANSWERS_FORMAT).map_err(TeamFileError::File)?;
    if owner.id != owner_id {
        return Err(TeamFileError::OtherSelfCheck { name: owner.name });
    }
    if found.id != catalogue.id || found.version != catalogue.version {
        return Err(TeamFileError::OtherCatalogue { found });
    }
    let answers = check.answers.into_iter().filter(|(id, _)| handed_out.given.contains_key(id)).collect();
    Ok(Returned { handed_out, answers })
}

/// The name of `person`'s assignment file, made on `today`, in `lang`: "割り当て_佐藤（製造部）_2026-12-06.json".
pub fn assignment_file_name(person: &Person, today: &str, lang: Lang) -> String {
    file_name(Text::new("割り当て", "Assignment").get(lang), &person.signature(), today, "json")
}

/// The name of the answers file of a person's copy `answered`, made on `today`, in `lang`:
/// "回答_佐藤（製造部）_2026-12-06.json"; `None` when `answered` is not a person's copy.
pub fn answers_file_name(answered: &SelfCheck, today: &str, lang: Lang) -> Option<String> {
    let who = answered.team().assigned?.handed_out.person.signature();
    Some(file_name(Text::new("回答", "Answers").get(lang), &who, today, "json"))
}

/// A returned file that is not merged, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The file's name as chosen.
    pub file: String,
    pub why: Message,
}

impl Refused {
    /// "回答_佐藤.json: このファイルは…".
    pub fn text(&self) -> Text {
        Text::new(format!("{}: {}", self.file, self.why.ja), format!("{}: {}", self.file, self.why.en))
    }
}

/// Answers files chosen together: those to merge, and those refused with their reasons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub returned: Vec<Returned>,
    pub refused: Vec<Refused>,
}

impl Reading {
    /// Reads the answers file `bytes` named `file` (see [`read_answers`]) into the list it belongs to.
    pub fn add(&mut self, file: &str, bytes: &[u8], catalogue: &Catalogue, owner_id: &str) {
        match read_answers(bytes, catalogue, owner_id) {
            Ok(returned) => self.returned.push(returned),
            Err(e) => self.refused.push(Refused { file: file.to_owned(), why: e.message() }),
        }
    }

    /// Refuses `file`, which could not be read at all (too large, say).
    pub fn unreadable(&mut self, file: &str, why: Message) {
        self.refused.push(Refused { file: file.to_owned(), why });
    }

    /// What the owner is told of the refused files, or `None` when every file was taken.
    pub fn refused_text(&self) -> Option<Text> {
        let n = self.refused.len();
        let taken = self.returned.len();
        (n > 0).then(|| {
            Text::new(
                format!("{n} 件のファイルを取り込めませんでした（読み込めたファイルは {taken} 件）。理由は一覧のとおりです。"),
                format!("{n} file(s) could not be merged ({taken} file(s) could be read). The list says why."),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::{Answer, Status};
    use crate::engine::team::{hand_out, merge, Person};

    fn setup() -> (Catalogue, SelfCheck, Owner, HandedOut) {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        check.profile.organisation = "株式会社テスト".into();
        check
            .answers
            .insert("identify-procedure".into(), Answer { status: Some(Status::Partial), ..Answer::default() });
        check.answers.insert("mark-label".into(), Answer { note: "社長のメモ".into(), ..Answer::default() });
        check.plan.insert("mark-label".into(), Default::default());
        let owner = Owner { id: "sc-owner".into(), name: "本社".into() };
        let person = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
        let handed = hand_out(&check, &person, &["identify-procedure".to_owned(), "identify-inventory".to_owned()]);
        (catalogue, check, owner, handed)
    }

    #[test]
    fn a_hand_out_travels_there_and_back_and_merges() {
        let (catalogue, check, owner, handed) = setup();
        let file = assignment_json(&catalogue, &check, &owner, &handed, "2026-12-06T10:00:00+09:00");
        let (from, copy) = read_assignment(file.as_bytes(), &catalogue).unwrap();
        assert_eq!(from, owner);
        assert_eq!(copy.profile.organisation, "株式会社テスト");
        assert_eq!(copy.answers.keys().collect::<Vec<_>>(), ["identify-procedure"], "only assigned items");
        assert!(copy.plan.is_empty(), "the owner's plan stays with the owner");
        let scope = |id: &str| copy.scope(catalogue.item(id).unwrap());
        assert!(scope("identify-inventory").in_scope());
        assert_eq!(scope("mark-label"), crate::engine::selfcheck::Scope::NotAssigned, "shown as someone else's");

        let mut answered = copy.clone();
        answered
            .answers
            .insert("identify-inventory".into(), Answer { status: Some(Status::Done), ..Answer::default() });
        answered.answers.insert("mark-label".into(), Answer { status: Some(Status::Done), ..Answer::default() });
        let back = answers_json(&answered, "2026-12-07T10:00:00+09:00").unwrap();
        assert_eq!(answers_json(&check, "t"), None, "the owner's own self-check is no person's copy");
        let returned = read_answers(back.as_bytes(), &catalogue, "sc-owner").unwrap();
        assert!(!returned.answers.contains_key("mark-label"), "not assigned: does not travel back");
        let merged = merge(&check, &[returned]);
        assert_eq!(merged.check.answers["identify-inventory"].checker, "佐藤（製造部）");
        assert_eq!(merged.check.answers["mark-label"], check.answers["mark-label"]);
    }

    #[test]
    fn a_returned_file_is_refused_with_its_reason() {
        let (catalogue, check, owner, handed) = setup();
        let (_, copy) =
            read_assignment(assignment_json(&catalogue, &check, &owner, &handed, "t").as_bytes(), &catalogue).unwrap();
        let back = answers_json(&copy, "t").unwrap();
        let other = read_answers(back.as_bytes(), &catalogue, "sc-other").unwrap_err();
        assert_eq!(other, TeamFileError::OtherSelfCheck { name: "本社".into() });
        assert!(other.message().ja.contains("別のセルフチェック（本社）"));
        let changed = back.replacen("\"partial\"", "\"done\"", 1);
        assert_eq!(
            read_answers(changed.as_bytes(), &catalogue, "sc-owner").unwrap_err(),
            TeamFileError::File(ImportError::DigestMismatch)
        );
        let mut other_catalogue = catalogue.clone();
        other_catalogue.version = "9.9.9".into();
        assert!(matches!(
            read_answers(back.as_bytes(), &other_catalogue, "sc-owner"),
            Err(TeamFileError::OtherCatalogue { .. })
        ));
        // An assignment file is not an answers file.
        let handed_file = assignment_json(&catalogue, &check, &owner, &handed, "t");
        assert!(matches!(
            read_answers(handed_file.as_bytes(), &catalogue, "sc-owner"),
            Err(TeamFileError::File(ImportError::WrongFormat { .. }))
        ));
    }

    #[test]
    fn files_are_named_after_the_person() {
        let (catalogue, check, owner, handed) = setup();
        assert_eq!(
            assignment_file_name(&handed.person, "2026-12-06", Lang::Ja),
            "割り当て_佐藤（製造部）_2026-12-06.json"
        );
        let person = Person { name: "Sato Ken".into(), department: String::new(), ..Person::default() };
        assert_eq!(assignment_file_name(&person, "2026-12-06", Lang::En), "Assignment_Sato_Ken_2026-12-06.json");
        let (_, copy) =
            read_assignment(assignment_json(&catalogue, &check, &owner, &handed, "t").as_bytes(), &catalogue).unwrap();
        assert_eq!(answers_file_name(&copy, "2026-12-07", Lang::Ja).unwrap(), "回答_佐藤（製造部）_2026-12-07.json");
        assert_eq!(answers_file_name(&check, "2026-12-07", Lang::Ja), None);
    }

    #[test]
    fn files_chosen_together_are_sorted_into_taken_and_refused() {
        let (catalogue, check, owner, handed) = setup();
        let (_, copy) =
            read_assignment(assignment_json(&catalogue, &check, &owner, &handed, "t").as_bytes(), &catalogue).unwrap();
        let back = answers_json(&copy, "t").unwrap();
        let mut reading = Reading::default();
        assert_eq!(reading.refused_text(), None);
        reading.add("good.json", back.as_bytes(), &catalogue, "sc-owner");
        reading.add("tampered.json", back.replacen("\"partial\"", "\"done\"", 1).as_bytes(), &catalogue, "sc-owner");
        reading.add("other.json", back.as_bytes(), &catalogue, "sc-other");
        reading.unreadable("big.json", Text::new("大きすぎます", "too large"));
        assert_eq!(reading.returned.len(), 1);
        let files: Vec<&str> = reading.refused.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, ["tampered.json", "other.json", "big.json"]);
        assert!(reading.refused[0].text().ja.starts_with("tampered.json: このファイルは作られた後に変更された"));
        assert!(reading.refused[1].text().en.contains("another self-check's assignment (本社)"));
        assert_eq!(
            reading.refused_text().unwrap().en,
            "3 file(s) could not be merged (1 file(s) could be read). The list says why."
        );
    }
}
