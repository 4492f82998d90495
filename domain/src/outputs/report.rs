//! The printed report: the result's figures, the measures of the threats the business fears most, the gaps
//! with their plan, the items done whose evidence is missing, and the statement the business signs. Everything
//! it prints is worded here, for one language.
use crate::base::text::{Lang, Text};
use crate::catalogue::{Catalogue, Threat};
use crate::engine::evidence::missing_evidence;
use crate::engine::periodic::statement_id;
use crate::engine::scoring::{plan_order, threat_order, Summary};
use crate::engine::selfcheck::SelfCheck;
use crate::engine::vocab::{attained_text, level_name, status_text, threat_name};
use crate::outputs::result::{result_figures, ResultFigures};

/// An item as the report lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportItem {
    pub title: String,
    pub level: String,
    pub status: String,
}

/// The measures of one feared threat.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatSection {
    pub threat: Threat,
    pub heading: String,
    pub items: Vec<ReportItem>,
}

/// A gap with its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    pub priority: String,
    pub item: ReportItem,
    pub measure: String,
    pub owner: String,
    pub due: String,
}

/// The statement's fields; those the user left empty say so. Its issuer is the report's business.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementLines {
    pub id: String,
    pub address: String,
    pub scope: String,
    /// The catalogue and the target level checked against.
    pub basis: String,
    pub result: String,
    pub signer: String,
}

/// The printed report of a self-check, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedReport {
    pub title: String,
    pub business: String,
    pub date: String,
    /// The catalogue's title and version.
    pub catalogue: String,
    pub target: String,
    /// The level attained, as the report's figures say it.
    pub attained: String,
    pub figures: ResultFigures,
    /// Only the feared threats, in the self-check's order.
    pub threats: Vec<ThreatSection>,
    pub plan: Vec<PlanLine>,
    /// The items answered done with no evidence recorded (`evidence::missing_evidence`), in catalogue order: the
    /// plan's part that says which records to add before an audit.
    pub missing_evidence: Vec<ReportItem>,
    pub statement: StatementLines,
}

/// What a report needs besides the catalogue and the self-check.
pub struct ReportOf<'a> {
    /// The self-check's name and ID in the list (empty for none).
    pub name: &'a str,
    pub id: &'a str,
    pub today: &'a str,
    pub summary: &'a Summary,
}

/// The report of `check` in `lang`.
pub fn printed_report(catalogue: &Catalogue, check: &SelfCheck, of: ReportOf<'_>, lang: Lang) -> PrintedReport {
    let word = |ja: &'static str, en: &'static str| Text::new(ja, en).get(lang).to_owned();
    let or_blank =
        |s: &str| if s.trim().is_empty() { word("（未記入）", "(not filled in)") } else { s.to_owned() };
    let level = |l: u8| level_name(l).get(lang).to_owned();
    let report_item = |id: &str| {
        catalogue.item(id).map(|item| ReportItem {
            title: item.title.get(lang).to_owned(),
            level: level(item.level),
            status: status_text(check.answer(&item.id).and_then(|a| a.effective_status())).get(lang).to_owned(),
        })
    };
    let threats = threat_order(catalogue, check)
        .into_iter()
        .map(|(threat, ids)| ThreatSection {
            threat,
            heading: threat_name(threat, true).get(lang).to_owned(),
            items: ids.iter().filter_map(|id| report_item(id)).collect(),
        })
        .collect();
    let plan = plan_order(catalogue, check)
        .iter()
        .filter_map(|id| catalogue.item(id))
        .filter_map(|item| {
            let p = check.plan.get(&item.id).cloned().unwrap_or_default();
            let mut line = report_item(&item.id)?;
            line.title = format!("{} ({})", line.title, line.level);
            let priority = check.priority(item).label().get(lang).to_owned();
            Some(PlanLine { priority, item: line, measure: p.measure, owner: p.owner, due: p.due })
        })
        .collect();
    let missing_evidence =
        missing_evidence(catalogue, check, &check.evidence_index()).iter().filter_map(|id| report_item(id)).collect();
    let statement = &check.statement;
    let result = match of.summary.attained_level {
        Some(l) => format!(
            "{} {}",
            level(l),
            word(
                "の項目をすべて実施していることを自ら確認しました。",
                ": every item was confirmed as done by the business itself."
            )
        ),
        None => word(
            "基本のレベル（レベル1）の項目に未対応のものがあります（上記の行動計画を参照）。",
            "Some baseline (level 1) items are not yet done (see the action plan above).",
        ),
    };
    PrintedReport {
        title: format!("{} — {}", word("技術情報管理 セルフチェック結果", "TICS self-check result"), of.name),
        business: or_blank(&check.profile.organisation),
        date: of.today.to_owned(),
        catalogue: format!("{} {}", catalogue.title.get(lang), catalogue.version),
        target: level(check.target_level),
        attained: attained_text(of.summary.attained_level).get(lang).to_owned(),
        figures: result_figures(catalogue, check, of.summary, lang),
        threats,
        plan,
        missing_evidence,
        statement: StatementLines {
            id: statement_id(of.id, of.today),
            address: or_blank(&statement.issuer_address),
            scope: or_blank(&statement.scope),
            basis: format!(
                "{} ({} {}), {}",
                catalogue.title.get(lang),
                catalogue.id,
                catalogue.version,
                level(check.target_level)
            ),
            result,
            signer: format!("{} {}", or_blank(&statement.signer_name), statement.signer_title),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::summarise;

    #[test]
    fn the_report_words_its_blanks_statement_and_plan() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        check.statement.signer_title = "社長".into();
        let summary = summarise(&catalogue, &check);
        let of = ReportOf { name: "本社", id: "sc-abc", today: "2026-12-06", summary: &summary };
        let r = printed_report(&catalogue, &check, of, Lang::Ja);
        assert_eq!(r.title, "技術情報管理 セルフチェック結果 — 本社");
        assert_eq!(r.business, "（未記入）");
        assert_eq!(r.statement.id, "TICS-SC-20261206-abc");
        assert_eq!(r.statement.signer, "（未記入） 社長");
        assert!(r.statement.result.starts_with("基本のレベル"));
        assert!(r.threats.is_empty(), "no threat feared");
        // Every gap is planned, baseline first by default, its level after its title.
        assert_eq!(r.plan.len(), summary.gaps.len());
        assert!(r.plan[0].item.title.ends_with("（基本）)"), "{}", r.plan[0].item.title);
        assert_eq!(r.plan[0].item.status, "未回答");
        assert!(r.missing_evidence.is_empty(), "nothing is done yet");
    }

    #[test]
    fn items_done_without_evidence_are_listed_until_their_evidence_is_recorded() {
        use crate::engine::evidence::{edit, EvidenceAction, EvidenceEntry};
        use crate::engine::selfcheck::{Action, Status};
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        for item in ["identify-procedure", "mark-label"] {
            let done = Action::SetStatus { item: item.into(), status: Some(Status::Done), today: String::new() };
            check.apply(&catalogue, done).unwrap();
        }
        let report = |check: &SelfCheck, lang| {
            let summary = summarise(&catalogue, check);
            let of = ReportOf { name: "本社", id: "sc-abc", today: "2026-12-06", summary: &summary };
            printed_report(&catalogue, check, of, lang).missing_evidence
        };
        let titles = |items: Vec<ReportItem>| items.into_iter().map(|i| i.title).collect::<Vec<_>>();
        let title = |id: &str, lang| catalogue.item(id).unwrap().title.get(lang).to_owned();
        assert_eq!(
            titles(report(&check, Lang::Ja)),
            [title("identify-procedure", Lang::Ja), title("mark-label", Lang::Ja)]
        );
        let entry = EvidenceEntry { what: "重要情報の特定手順書 第2版".into(), ..EvidenceEntry::default() };
        check.apply(&catalogue, edit(EvidenceAction::Add { item: "identify-procedure".into(), entry })).unwrap();
        let en = report(&check, Lang::En);
        assert_eq!(titles(en.clone()), [title("mark-label", Lang::En)]);
        assert_eq!(en[0].status, "Done");
    }
}
