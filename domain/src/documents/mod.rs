//! What a Word document (a pledge or the management rules) is filled with, taken from the self-check: the
//! [`DocInput`] the app sends to the Word worker, and the worker's request and reply.
//!
//! Why so small: this module is linked into the app. The documents' text, their model and the writers live in
//! the drafts module and the `docx` crate, which only the Word worker calls, so none of it adds to the app's
//! start-up download. The input holds only what the documents print, already in the document's language.
pub mod drafts;
pub mod registers;
use serde::{Deserialize, Serialize};

use crate::base::text::{Lang, Text};
use crate::catalogue::templates::DocKind;
use crate::catalogue::Catalogue;
use crate::engine::inventory::DEFAULT_CLASSES;
use crate::engine::selfcheck::{Answer, SelfCheck, Status};

/// Everything one document needs. Empty strings become blanks to fill in by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInput {
    pub kind: DocKind,
    #[serde(default)]
    pub lang: Lang,
    /// The business's name (the profile's organisation).
    #[serde(default)]
    pub business: String,
    /// Who signs for the business and receives the pledges (the statement's signer).
    #[serde(default)]
    pub representative_title: String,
    #[serde(default)]
    pub representative_name: String,
    /// The classification labels, most secret first.
    #[serde(default)]
    pub classes: Vec<String>,
    /// True while the business has not set its own labels: the rules then ask it to confirm them.
    #[serde(default)]
    pub classes_are_default: bool,
    /// The business classifies its information (it has its own labels, or answered done an item that
    /// `classifies`, `identify-classify` in the built-in catalogue).
    /// Otherwise the rules say classification is optional, as the catalogue does (level 2).
    #[serde(default)]
    pub classification_chosen: bool,
    /// The information manager's post (役職): the rules appoint by post.
    #[serde(default)]
    pub manager_post: String,
    /// The person who holds it now, named in the rules' annex.
    #[serde(default)]
    pub manager: String,
    /// Who a leak or its signs are reported to, in order.
    #[serde(default)]
    pub reporting_route: String,
    /// When and how staff are trained.
    #[serde(default)]
    pub training: String,
    /// The names of the information in the inventory, in its order.
    #[serde(default)]
    pub information: Vec<String>,
    /// The rules only: the measures in place or planned, per catalogue topic in catalogue order.
    #[serde(default)]
    pub measures: Vec<TopicMeasures>,
}

/// The measures of one catalogue topic that the rules list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicMeasures {
    /// The catalogue's topic ID (`identify`, `manager`, ...): decides under which article the measures appear.
    pub topic: String,
    /// The topic's title in the document's language.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// One measure, as a short sentence in the document's language: `{"text":"…","state":"planned","due":"…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    pub text: String,
    pub state: MeasureState,
    /// The action plan's due date of a planned measure (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureState {
    /// Answered "done" in the self-check.
    InPlace,
    /// Not done yet, with an action plan entry that says what or by when.
    Planned,
}

/// What the Word worker is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// The .docx file's bytes.
    Docx,
    /// A complete HTML page of the document, for printing from the browser.
    Html,
}

/// One request to the Word worker: `{"op":"docx"|"html","input":{...}}`, sent as JSON text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub op: Op,
    pub input: DocInput,
}

impl Request {
    pub fn to_json(&self) -> String {
        // Plain strings, vectors and enums: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a request; refuses anything else with a message in Japanese and English.
    pub fn from_json(json: &str) -> Result<Request, Text> {
        serde_json::from_str(json).map_err(|e| {
            Text::new(
                format!("文書を作るためのデータを読めませんでした: {e}"),
                format!("Could not read the data for the document: {e}"),
            )
        })
    }
}

/// The input for document `kind` in `lang`, from the self-check. Values the user has not entered stay empty
/// (the document shows a blank); only the rules carry the measures.
pub fn input(kind: DocKind, catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> DocInput {
    let own: Vec<String> =
        check.inventory.classes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).map(str::to_owned).collect();
    let classes_are_default = own.is_empty();
    let classes = if classes_are_default { default_classes(lang) } else { own };
    let mut information: Vec<String> = Vec::new();
    for name in check.inventory.rows.iter().map(|r| r.name.trim()).filter(|n| !n.is_empty()) {
        if !information.iter().any(|known| known == name) {
            information.push(name.to_owned());
        }
    }
    DocInput {
        kind,
        lang,
        business: check.profile.organisation.trim().to_owned(),
        representative_title: check.statement.signer_title.trim().to_owned(),
        representative_name: check.statement.signer_name.trim().to_owned(),
        classes,
        classes_are_default,
        classification_chosen: !classes_are_default || classifies(catalogue, check),
        manager_post: check.documents.manager_post.trim().to_owned(),
        manager: check.documents.manager.trim().to_owned(),
        reporting_route: check.documents.reporting_route.trim().to_owned(),
        training: check.documents.training.trim().to_owned(),
        information,
        measures: if kind == DocKind::Rules { measures(catalogue, check, lang) } else { Vec::new() },
    }
}

/// Whether the business classifies its information: an item that stands for it (`classifies` in the catalogue)
/// is done.
fn classifies(catalogue: &Catalogue, check: &SelfCheck) -> bool {
    let done = |id: &str| check.answer(id).and_then(Answer::effective_status) == Some(Status::Done);
    catalogue.items.iter().any(|item| item.classifies && done(&item.id))
}

/// The default labels; in English with the Japanese label that goes on the documents themselves.
pub(crate) fn default_classes(lang: Lang) -> Vec<String> {
    // In the order of DEFAULT_CLASSES: 極秘, 関係者限り, 社外秘.
    let english = ["top secret", "for those concerned only", "confidential, not for outside the company"];
    DEFAULT_CLASSES
        .iter()
        .zip(english)
        .map(|(ja, en)| match lang {
            Lang::Ja => (*ja).to_owned(),
            Lang::En => format!("{ja} ({en})"),
        })
        .collect()
}

/// In place: answered "done" (whatever the level: it is a fact about the business). Planned: not done, with an
/// action plan entry that says what or by when. Topics without either are left out.
fn measures(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Vec<TopicMeasures> {
    catalogue
        .topics
        .iter()
        .map(|topic| {
            let measures = catalogue
                .items_of(&topic.id)
                .filter_map(|item| {
                    let status = check.answer(&item.id).and_then(|a| a.effective_status());
                    let title = pick(&item.title, lang);
                    match status {
                        Some(Status::Done) => {
                            Some(Measure { text: title, state: MeasureState::InPlace, due: String::new() })
                        }
                        Some(Status::NotApplicable) => None,
                        _ => check.plan.get(&item.id).and_then(|plan| {
                            let what = plan.measure.trim();
                            let due = plan.due.trim();
                            (!what.is_empty() || !due.is_empty()).then(|| Measure {
                                text: if what.is_empty() { title } else { what.to_owned() },
                                state: MeasureState::Planned,
                                due: due.to_owned(),
                            })
                        }),
                    }
                })
                .collect();
            TopicMeasures { topic: topic.id.clone(), title: pick(&topic.title, lang), measures }
        })
        .filter(|t| !t.measures.is_empty())
        .collect()
}

fn pick(text: &Text, lang: Lang) -> String {
    text.get(lang).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::inventory::InfoRow;
    use crate::engine::selfcheck::{Answer, PlanEntry};

    fn done() -> Answer {
        Answer { status: Some(Status::Done), ..Answer::default() }
    }

    #[test]
    fn the_input_carries_the_self_checks_values_and_the_rules_measures() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        check.profile.organisation = "  株式会社テスト製作所 ".into();
        check.statement.signer_title = "代表取締役".into();
        check.statement.signer_name = "山田太郎".into();
        check.documents.manager = "製造部長 佐藤".into();
        check.documents.reporting_route = "発見者 → 上長 → 管理責任者 → 社長".into();
        check.documents.training = "毎年4月に全員".into();
        check.inventory.classes = vec!["秘".into(), " ".into(), "社内限り".into()];
        check.inventory.rows = vec![
            InfoRow { name: "金型図面".into(), ..InfoRow::default() },
            InfoRow { name: "金型図面".into(), ..InfoRow::default() },
            InfoRow { name: "  ".into(), ..InfoRow::default() },
        ];
        check.answers.insert("manager-appoint".into(), done());
        check.answers.insert("process-register".into(), Answer { status: Some(Status::NotDone), ..Answer::default() });
        check.plan.insert(
            "process-register".into(),
            PlanEntry {
                measure: "持出し管理簿を作る".into(), due: "2026-09-30".into(), ..PlanEntry::default()
            },
        );
        // A gap with an empty plan is not "planned".
        check.plan.insert("process-copy".into(), PlanEntry::default());

        let rules = input(DocKind::Rules, &catalogue, &check, Lang::Ja);
        assert_eq!(rules.business, "株式会社テスト製作所");
        assert_eq!(rules.representative_title, "代表取締役");
        assert_eq!(rules.classes, ["秘", "社内限り"]);
        assert!(!rules.classes_are_default);
        assert_eq!(rules.information, ["金型図面"]);
        let topics: Vec<&str> = rules.measures.iter().map(|t| t.topic.as_str()).collect();
        assert_eq!(topics, ["manager", "process"]);
        assert_eq!(rules.measures[0].title, "管理者の選任");
        assert_eq!(rules.measures[0].measures[0].state, MeasureState::InPlace);
        assert_eq!(
            rules.measures[1].measures,
            [Measure {
                text: "持出し管理簿を作る".into(), state: MeasureState::Planned, due: "2026-09-30".into()
            }]
        );

        // Pledges do not carry the measures; the English input names the measures in English.
        assert!(input(DocKind::PledgeJoining, &catalogue, &check, Lang::Ja).measures.is_empty());
        let en = input(DocKind::Rules, &catalogue, &check, Lang::En);
        assert_eq!(en.measures[0].measures[0].text, "Management has appointed a manager for important information");
    }

    #[test]
    fn without_own_labels_the_default_classes_are_given_and_flagged() {
        let catalogue = Catalogue::default_tics().unwrap();
        let check = SelfCheck::default();
        let ja = input(DocKind::Rules, &catalogue, &check, Lang::Ja);
        assert_eq!(ja.classes, DEFAULT_CLASSES);
        assert!(ja.classes_are_default);
        assert!(ja.measures.is_empty());
        let en = input(DocKind::Rules, &catalogue, &check, Lang::En);
        assert_eq!(en.classes[0], "極秘 (top secret)");
    }

    #[test]
    fn an_item_that_classifies_decides_whether_the_rules_ask_about_classes() {
        let mut catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        let chosen = |c: &Catalogue, check: &SelfCheck| input(DocKind::Rules, c, check, Lang::Ja).classification_chosen;
        assert!(!chosen(&catalogue, &check), "default classes and nothing answered: the rules ask");
        // The built-in catalogue marks its classification item.
        let marked: Vec<&str> = catalogue.items.iter().filter(|i| i.classifies).map(|i| i.id.as_str()).collect();
        assert_eq!(marked, ["identify-classify"]);
        check.answers.insert("identify-classify".into(), done());
        assert!(chosen(&catalogue, &check));
        // It is the mark, not the ID, that counts: an association's own item can stand for it instead.
        for item in &mut catalogue.items {
            item.classifies = item.id == "mark-label";
        }
        assert!(!chosen(&catalogue, &check));
        check.answers.insert("mark-label".into(), done());
        assert!(chosen(&catalogue, &check));
    }

    #[test]
    fn requests_travel_as_json_and_bad_ones_are_refused_in_both_languages() {
        let catalogue = Catalogue::default_tics().unwrap();
        let request =
            Request { op: Op::Docx, input: input(DocKind::PledgeVisitor, &catalogue, &SelfCheck::default(), Lang::En) };
        let json = request.to_json();
        assert!(json.starts_with(r#"{"op":"docx","input":{"kind":"pledge_visitor","lang":"en""#), "{json}");
        assert_eq!(Request::from_json(&json), Ok(request));
        // Only the kind is required.
        let minimal = Request::from_json(r#"{"op":"html","input":{"kind":"rules"}}"#).unwrap();
        assert_eq!(minimal.input.lang, Lang::Ja);
        let measure =
            Measure { text: "鍵の管理簿".into(), state: MeasureState::Planned, due: "2026-12-01".into() };
        assert_eq!(
            serde_json::to_string(&measure).unwrap(),
            r#"{"text":"鍵の管理簿","state":"planned","due":"2026-12-01"}"#
        );
        let refused = Request::from_json(r#"{"op":"pdf","input":{"kind":"rules"}}"#).unwrap_err();
        assert!(refused.ja.contains("読めませんでした") && refused.en.contains("Could not read"), "{refused:?}");
    }
}
