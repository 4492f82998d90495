//! The result tables — summary, measures by threat, results, action plan, periodic report, evidence list — in
//! the user's language. CSV files and the Excel workbook are both made from these, so they always agree; the
//! summary and the threat lines draw on the result's model (`outputs::result`), as the screen and the printed
//! report do. The words that cite one piece of evidence ([`evidence_citation`]) are here too, so that the
//! periodic report on screen, printed and in Excel cites it alike.
use crate::base::table::{Column, Table};
use crate::base::text::Lang;
use crate::catalogue::{Catalogue, Forms, Item};
use crate::engine::evidence::{missing_evidence, EvidenceEntry, Index};
use crate::engine::periodic::Criterion;
use crate::engine::scoring::{plan_order, summarise, threat_order, Tally};
use crate::engine::selfcheck::{Scope, SelfCheck};
use crate::engine::vocab::{percent_text, status_text, topic_label};
use crate::outputs::result::result_figures;

pub(crate) fn tr(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_owned(),
        Lang::En => en.to_owned(),
    }
}

pub(crate) fn level_label(lang: Lang, level: u8) -> String {
    match level {
        1 => tr(lang, "1（基本）", "1 (baseline)"),
        2 => tr(lang, "2（標準）", "2 (standard)"),
        _ => tr(lang, "3（高度）", "3 (advanced)"),
    }
}

/// Why an item is or is not in the self-check, as a short label.
pub fn scope_label(lang: Lang, scope: &Scope) -> String {
    match scope {
        Scope::Selected => tr(lang, "対象", "In scope"),
        Scope::Added => tr(lang, "対象（追加）", "In scope (added)"),
        Scope::SetAside(_) => tr(lang, "対象から除外", "Set aside"),
        Scope::AboveLevel => tr(lang, "目標レベル外", "Above target level"),
        Scope::NotForProfile => tr(lang, "対象外（自社の状況）", "Not for this profile"),
        Scope::NotAssigned => tr(lang, "ほかの人の担当", "Assigned to someone else"),
    }
}

fn forms_label(lang: Lang, item: &Item) -> String {
    match &item.forms {
        Forms::Any => tr(lang, "すべて", "All"),
        Forms::Only(forms) => forms.iter().map(|f| f.label().get(lang).to_owned()).collect::<Vec<_>>().join(" / "),
    }
}

pub(crate) fn columns(lang: Lang, spec: &[(&str, &str, u16, bool)]) -> Vec<Column> {
    spec.iter().map(|&(ja, en, width, wrap)| Column::new(tr(lang, ja, en), width, wrap)).collect()
}

/// Scores per topic and overall.
pub fn summary_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let figures = result_figures(catalogue, check, &summarise(catalogue, check), lang);
    let row = |label: String, t: &Tally| {
        vec![
            label,
            t.in_scope.to_string(),
            t.answered.to_string(),
            t.done.to_string(),
            t.partial.to_string(),
            t.not_done.to_string(),
            t.unknown.to_string(),
            t.not_applicable.to_string(),
            t.percent().map(|p| p.to_string()).unwrap_or_default(),
        ]
    };
    let mut rows: Vec<Vec<String>> = figures.topics.iter().map(|t| row(t.label.clone(), &t.tally)).collect();
    rows.push(row(tr(lang, "全体", "Overall"), &figures.overall));
    Table {
        name: tr(lang, "概要", "Summary"),
        columns: columns(
            lang,
            &[
                ("トピック", "Topic", 34, false),
                ("対象項目数", "Items", 10, false),
                ("回答済み", "Answered", 10, false),
                ("実施", "Done", 8, false),
                ("一部実施", "Partly done", 10, false),
                ("未実施", "Not done", 10, false),
                ("わからない", "Don't know", 11, false),
                ("対象外", "Not applicable", 10, false),
                ("スコア（%）", "Score (%)", 10, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

/// Every item of the catalogue with its scope and answer.
pub fn results_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let rows = catalogue
        .items
        .iter()
        .map(|item| {
            let scope = check.scope(item);
            let answer = check.answer(&item.id).cloned().unwrap_or_default();
            let reason = match &scope {
                Scope::SetAside(reason) => reason.clone(),
                _ => answer.reason.clone(),
            };
            vec![
                topic_label(catalogue, lang, &item.topic),
                item.id.clone(),
                item.title.get(lang).to_owned(),
                item.requirement.get(lang).to_owned(),
                level_label(lang, item.level),
                item.importance.label().get(lang).to_owned(),
                forms_label(lang, item),
                item.checksheet.map(|n| n.to_string()).unwrap_or_default(),
                catalogue.jama_labels(item).join(", "),
                item.criteria.as_deref().map(crate::engine::periodic::normalise_reference).unwrap_or_default(),
                scope_label(lang, &scope),
                answer.status.map(|s| s.label().get(lang).to_owned()).unwrap_or_default(),
                reason,
                answer.note,
                answer.checker,
                answer.date,
            ]
            .into_iter()
            // An association's crosswalk columns come last.
            .chain(catalogue.columns.iter().map(|c| item.crosswalk.get(&c.id).cloned().unwrap_or_default()))
            .collect()
        })
        .collect();
    let crosswalk = catalogue.columns.iter().map(|c| Column::new(c.label.get(lang), 14, false));
    Table {
        name: tr(lang, "結果", "Results"),
        columns: columns(
            lang,
            &[
                ("トピック", "Topic", 24, false),
                ("項目ID", "Item ID", 28, false),
                ("項目", "Item", 36, true),
                ("要求事項", "Requirement", 50, true),
                ("レベル", "Level", 12, false),
                ("重要度", "Importance", 12, false),
                ("情報の態様", "Information forms", 24, true),
                ("チェックシートNo.", "Checksheet No.", 10, false),
                ("自工会・部工会No.（※は2項目に掲載）", "JAMA/JAPIA No. (※ under two items)", 14, false),
                ("認証基準", "Criteria", 14, false),
                ("確認の範囲", "Scope", 18, false),
                ("状況", "Status", 12, false),
                ("理由", "Reason", 30, true),
                ("メモ", "Note", 40, true),
                ("確認者", "Checked by", 14, false),
                ("確認日", "Date checked", 12, false),
            ],
        )
        .into_iter()
        .chain(crosswalk)
        .collect(),
        rows,
        ..Table::default()
    }
}

/// The gaps with their plan, in plan order.
pub fn plan_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let rows = plan_order(catalogue, check)
        .iter()
        .filter_map(|id| catalogue.item(id))
        .map(|item| {
            let plan = check.plan.get(&item.id).cloned().unwrap_or_default();
            let status = check.answer(&item.id).and_then(|a| a.effective_status());
            vec![
                check.priority(item).label().get(lang).to_owned(),
                topic_label(catalogue, lang, &item.topic),
                item.id.clone(),
                item.title.get(lang).to_owned(),
                level_label(lang, item.level),
                status.map(|s| s.label().get(lang).to_owned()).unwrap_or_else(|| tr(lang, "未回答", "Unanswered")),
                plan.measure,
                plan.owner,
                plan.due,
                item.templates.iter().map(|t| t.title().get(lang).to_owned()).collect::<Vec<_>>().join(" / "),
            ]
        })
        .chain(missing_evidence_rows(catalogue, check, lang))
        .collect();
    Table {
        name: tr(lang, "行動計画", "Action plan"),
        columns: columns(
            lang,
            &[
                ("優先度", "Priority", 8, false),
                ("トピック", "Topic", 24, false),
                ("項目ID", "Item ID", 28, false),
                ("項目", "Item", 36, true),
                ("レベル", "Level", 12, false),
                ("現状", "Current status", 12, false),
                ("計画する対策", "Planned measure", 44, true),
                ("担当者", "Owner", 14, false),
                ("期限", "Due", 12, false),
                ("使える様式", "Templates", 30, true),
            ],
        ),
        rows,
        ..Table::default()
    }
}

/// The plan's rows for the items answered done whose evidence is missing, after the gaps: an audit looks at
/// records, so recording them is an action too. No priority (they are no gap); the planned measure says what to do.
fn missing_evidence_rows<'a>(
    catalogue: &'a Catalogue,
    check: &'a SelfCheck,
    lang: Lang,
) -> impl Iterator<Item = Vec<String>> + 'a {
    missing_evidence(catalogue, check, &check.evidence_index()).into_iter().filter_map(move |id| {
        let item = catalogue.item(&id)?;
        let status = check.answer(&item.id).and_then(|a| a.effective_status());
        Some(vec![
            String::new(),
            topic_label(catalogue, lang, &item.topic),
            item.id.clone(),
            item.title.get(lang).to_owned(),
            level_label(lang, item.level),
            status_text(status).get(lang).to_owned(),
            missing_evidence_measure(lang),
            String::new(),
            String::new(),
            String::new(),
        ])
    })
}

/// What the plan says to do about an item answered done with no evidence recorded.
fn missing_evidence_measure(lang: Lang) -> String {
    tr(
        lang,
        "証跡を記録する（実施済みですが、それを示す記録が登録されていません）",
        "Record the evidence (done, but no record showing it is listed)",
    )
}

/// The measures by threat: above the header, a line per threat (every threat, the feared ones marked) with how
/// many of its measures are done and its score; then a row per item of the feared threats, in the order of the
/// self-check's view by threat ([`threat_order`]).
pub fn threat_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let figures = result_figures(catalogue, check, &summarise(catalogue, check), lang);
    let counts = figures.threats.iter().map(|t| {
        let score = format!("{} {}", tr(lang, "スコア", "score"), percent_text(t.tally.percent()));
        let sep = tr(lang, "、", ", ");
        format!("{}: {}{sep}{score}", t.name, t.done)
    });
    let none_feared = check.feared_threats.is_empty().then(|| {
        tr(
            lang,
            "特に心配な脅威は選ばれていません。セルフチェックの画面で選ぶと、その対策がここに並びます。",
            "No threat is marked as feared most. Choose them in the self-check to list their measures here.",
        )
    });
    let title =
        std::iter::once(tr(lang, "脅威別の実施状況", "Measures by threat")).chain(counts).chain(none_feared).collect();
    let rows = threat_order(catalogue, check)
        .into_iter()
        .flat_map(|(threat, ids)| ids.into_iter().map(move |id| (threat, id)))
        .filter_map(|(threat, id)| catalogue.item(&id).map(|item| (threat, item)))
        .map(|(threat, item)| {
            let status = check.answer(&item.id).and_then(|a| a.effective_status());
            vec![
                threat.label().get(lang).to_owned(),
                item.id.clone(),
                item.title.get(lang).to_owned(),
                level_label(lang, item.level),
                status_text(status).get(lang).to_owned(),
            ]
        })
        .collect();
    Table {
        name: tr(lang, "脅威別", "By threat"),
        title,
        columns: columns(
            lang,
            &[
                ("脅威", "Threat", 16, false),
                ("項目ID", "Item ID", 28, false),
                ("項目", "Item", 44, true),
                ("レベル", "Level", 12, false),
                ("状況", "Status", 12, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

/// `text` in brackets after a word: full-width in Japanese, a space and ASCII brackets in English.
fn bracketed(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ja => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

/// The periodic report: 付録1's columns in its order (章, 節, 項, 番, 内容, 審査時の確認内容, 定期報告の確認内容, 確認日,
/// 確認者), then this app's own: the exclusion, problems and their handling, the rotation year, the self-check
/// items that support the row with their status, last year's check, a note, and the evidence recorded for the
/// supporting items ([`criterion_evidence`]). Set up for A4 landscape printing, with
/// the business and the period above the header (CSV files leave those lines out).
pub fn periodic_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let report = &check.periodic;
    let evidence = check.evidence_index();
    let yes = tr(lang, "はい", "Yes");
    let rows = report
        .rows(catalogue)
        .iter()
        .map(|row| {
            let support: Vec<String> = row
                .links
                .iter()
                .filter_map(|id| catalogue.item(id))
                .map(|item| {
                    let status = match check.answer(&item.id).and_then(|a| a.status) {
                        Some(status) => status.label().get(lang).to_owned(),
                        None if check.scope(item).in_scope() => tr(lang, "未回答", "Not answered"),
                        None => scope_label(lang, &check.scope(item)),
                    };
                    format!("{}{}", item.title.get(lang), bracketed(lang, &status))
                })
                .collect();
            let previous = row
                .previous
                .as_ref()
                .map(|p| {
                    let text = if p.unchanged { tr(lang, "変更無し", "No change") } else { p.period_check.clone() };
                    let signed: Vec<&str> =
                        [p.date.as_str(), p.checker.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
                    if signed.is_empty() {
                        text
                    } else {
                        format!("{text}{}", bracketed(lang, &signed.join(" ")))
                    }
                })
                .unwrap_or_default();
            let note = if row.left_as_last_year() {
                tr(lang, "前年の内容のまま（今期は未確認）", "Still last year's text (not confirmed this period)")
            } else if row.kept {
                tr(lang, "取り込んだチェックシートにない行", "Not in the imported checksheet")
            } else {
                String::new()
            };
            vec![
                row.chapter.clone(),
                row.section.clone(),
                row.clause.clone(),
                row.number.clone(),
                row.content_in(catalogue, lang),
                row.audit_check.clone(),
                row.period_text(lang),
                row.date.clone(),
                row.checker.clone(),
                if row.excluded { yes.clone() } else { String::new() },
                row.excluded_reason.clone(),
                row.excluded_by.clone(),
                row.problems.clone(),
                row.handling.clone(),
                row.year.map(|y| y.to_string()).unwrap_or_default(),
                support.join("\n"),
                previous,
                note,
                criterion_evidence(row, &evidence, lang).join("\n"),
            ]
        })
        .collect();
    let period = match (report.period_from.as_str(), report.period_to.as_str()) {
        ("", "") => String::new(),
        (from, to) => format!("{}: {from} 〜 {to}", tr(lang, "対象期間", "Period")),
    };
    let title = [
        tr(lang, "定期報告", "Periodic report"),
        check.profile.organisation.trim().to_owned(),
        period,
        if report.is_standard() {
            tr(lang, "行: 表4-1 のチェックシート項目", "Rows: the checksheet items of table 4-1")
        } else {
            format!("{}: {}", tr(lang, "行: 取り込んだチェックシート", "Rows: imported checksheet"), report.source)
        },
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .collect();
    Table {
        name: tr(lang, "定期報告", "Periodic report"),
        title,
        columns: columns(
            lang,
            &[
                ("章", "Chapter", 5, false),
                ("節", "Section", 6, false),
                ("項", "Clause", 5, false),
                ("番", "No.", 5, false),
                ("内容", "Content", 44, true),
                ("審査時の確認内容", "Confirmed at audit", 36, true),
                ("定期報告の確認内容", "Confirmed this period", 36, true),
                ("確認日", "Date checked", 11, false),
                ("確認者", "Checked by", 12, false),
                ("今回除外", "Excluded this period", 8, false),
                ("除外の理由", "Reason for exclusion", 24, true),
                ("除外を決めた者", "Exclusion decided by", 14, false),
                ("見つかった問題", "Problems found", 28, true),
                ("問題への対応", "How problems were handled", 28, true),
                ("実施年（3年計画）", "Rotation year (of 3)", 8, false),
                ("裏付けとなるセルフチェック項目（状況）", "Supporting self-check items (status)", 40, true),
                ("前年の確認内容", "Last year's check", 30, true),
                ("備考", "Note", 20, true),
                // Its own column, last: 付録1's nine columns stay as the certification body knows them, and a
                // report imported again next year (`checksheet_import`) does not take the citations for the check.
                ("証跡", "Evidence", 40, true),
            ],
        ),
        rows,
        print: true,
        ..Table::default()
    }
}

/// The periodic report as printed on A4 landscape: 付録1's nine columns, one more that gathers what the
/// certification body should see beside them (an exclusion with its reason and who decided it, problems found
/// and how they were handled), and last the evidence of the row's supporting items, as in [`periodic_table`].
pub fn periodic_print_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let full = periodic_table(catalogue, check, lang);
    let rows = check.periodic.rows(catalogue);
    let label = |ja: &str, en: &str| tr(lang, ja, en);
    let notes = rows.iter().map(|row| {
        let mut lines = Vec::new();
        if row.excluded {
            let decided = if row.excluded_by.trim().is_empty() {
                String::new()
            } else {
                bracketed(lang, &format!("{}: {}", label("決定", "decided by"), row.excluded_by.trim()))
            };
            lines.push(format!("{}: {}{decided}", label("今回除外", "Excluded"), row.excluded_reason.trim()));
        }
        if !row.problems.trim().is_empty() {
            lines.push(format!("{}: {}", label("問題", "Problem"), row.problems.trim()));
        }
        if !row.handling.trim().is_empty() {
            lines.push(format!("{}: {}", label("対応", "Handled"), row.handling.trim()));
        }
        lines.join("\n")
    });
    let mut columns = full.columns[..9].to_vec();
    columns.push(Column::new(label("除外・問題と対応", "Exclusions, problems and handling"), 30, true));
    // The evidence is the full table's last column.
    columns.extend(full.columns.last().cloned().map(|c| Column { width: 30, ..c }));
    Table {
        columns,
        rows: full
            .rows
            .into_iter()
            .zip(notes)
            .map(|(mut r, note)| {
                let evidence = r.pop().unwrap_or_default();
                r.truncate(9);
                r.push(note);
                r.push(evidence);
                r
            })
            .collect(),
        ..full
    }
}

/// How many hexadecimal digits of a fingerprint a citation shows: enough to tell two files apart at a glance; the
/// evidence list has the whole value.
const SHORT_FINGERPRINT: usize = 8;

/// One evidence entry in a line, as the periodic report cites it: what it is (or the fingerprinted file's name),
/// then where it is kept, its date or version and the start of its fingerprint, those given, in brackets:
/// 「入退室記録 2026年4月分（総務部キャビネット, 2026-04, SHA-256 ba7816bf…）」. None for an entry that names nothing.
///
/// ```
/// use tics_domain::evidence::{EvidenceEntry, Fingerprint};
/// use tics_domain::tables::evidence_citation;
/// use tics_domain::Lang;
/// let entry = EvidenceEntry {
///     what: "入退室記録 2026年4月分".into(),
///     kept_at: "総務部キャビネット".into(),
///     version: "2026-04".into(),
///     fingerprint: Some(Fingerprint { sha256: "BA7816BF".repeat(8), ..Fingerprint::default() }),
///     ..EvidenceEntry::default()
/// };
/// assert_eq!(
///     evidence_citation(&entry, Lang::Ja).unwrap(),
///     "入退室記録 2026年4月分（総務部キャビネット, 2026-04, SHA-256 ba7816bf…）"
/// );
/// let plain = EvidenceEntry { what: "Visitor log".into(), ..EvidenceEntry::default() };
/// assert_eq!(evidence_citation(&plain, Lang::En).unwrap(), "Visitor log");
/// assert_eq!(evidence_citation(&EvidenceEntry::default(), Lang::En), None);
/// ```
pub fn evidence_citation(entry: &EvidenceEntry, lang: Lang) -> Option<String> {
    let fingerprint = entry.fingerprint.as_ref();
    let file = fingerprint.map_or("", |f| f.file_name.trim());
    let what = [entry.what.trim(), file].into_iter().find(|s| !s.is_empty())?;
    let short = fingerprint.map(|f| {
        let digits: String = f.sha256.trim().chars().take(SHORT_FINGERPRINT).collect();
        format!("SHA-256 {}…", digits.to_ascii_lowercase())
    });
    let details: Vec<String> = [entry.kept_at.trim(), entry.version.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .chain(short)
        .collect();
    Some(if details.is_empty() { what.to_owned() } else { format!("{what}{}", bracketed(lang, &details.join(", "))) })
}

/// The evidence of a periodic-report row: every entry recorded for its supporting items (`row.links`), in the
/// order of the links, each cited by [`evidence_citation`].
pub fn criterion_evidence(row: &Criterion, evidence: &Index, lang: Lang) -> Vec<String> {
    row.links
        .iter()
        .filter_map(|id| evidence.get(id))
        .flatten()
        .filter_map(|entry| evidence_citation(entry, lang))
        .collect()
}

/// The evidence list for the audit: a row per evidence entry, with its item (topic, ID, title, status) and
/// everything recorded about it, the fingerprint in full. Items in catalogue order, then any the catalogue no
/// longer has; the business above the header (CSV files leave that out).
pub fn evidence_table(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Table {
    let index = check.evidence_index();
    let known =
        catalogue.items.iter().filter_map(|item| index.get(&item.id).map(|entries| (Some(item), &item.id, entries)));
    let unknown = index.iter().filter(|(id, _)| catalogue.item(id).is_none()).map(|(id, entries)| (None, id, entries));
    let rows = known
        .chain(unknown)
        .flat_map(|(item, id, entries)| {
            let (topic, title, status) = match item {
                Some(item) => {
                    let scope = check.scope(item);
                    let status = match check.answer(&item.id).and_then(|a| a.effective_status()) {
                        Some(status) => status.label().get(lang).to_owned(),
                        None if scope.in_scope() => tr(lang, "未回答", "Unanswered"),
                        None => scope_label(lang, &scope),
                    };
                    (topic_label(catalogue, lang, &item.topic), item.title.get(lang).to_owned(), status)
                }
                None => (String::new(), tr(lang, "（カタログにない項目）", "(not in the catalogue)"), String::new()),
            };
            entries.iter().map(move |entry| {
                let fingerprint = entry.fingerprint.clone().unwrap_or_default();
                let has = entry.fingerprint.is_some();
                vec![
                    topic.clone(),
                    id.clone(),
                    title.clone(),
                    status.clone(),
                    entry.what.clone(),
                    entry.kept_at.clone(),
                    entry.version.clone(),
                    entry.checker.clone(),
                    fingerprint.file_name,
                    if has { fingerprint.bytes.to_string() } else { String::new() },
                    fingerprint.sha256.to_ascii_lowercase(),
                    fingerprint.taken_on,
                ]
            })
        })
        .collect();
    let title = [tr(lang, "証跡一覧", "Evidence list"), check.profile.organisation.trim().to_owned()]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    Table {
        name: tr(lang, "証跡一覧", "Evidence"),
        title,
        columns: columns(
            lang,
            &[
                ("トピック", "Topic", 24, false),
                ("項目ID", "Item ID", 28, false),
                ("項目", "Item", 36, true),
                ("状況", "Status", 12, false),
                ("証跡", "Evidence", 36, true),
                ("保管場所", "Kept at", 24, true),
                ("日付・版", "Date or version", 14, false),
                ("確認者", "Checked by", 14, false),
                ("ファイル名", "File name", 28, true),
                ("サイズ（バイト）", "Size (bytes)", 12, false),
                ("SHA-256", "SHA-256", 66, false),
                ("指紋を取った日", "Date fingerprinted", 14, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

/// The sheets of the Excel workbook, in order.
pub fn workbook_tables(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> Vec<Table> {
    vec![
        summary_table(catalogue, check, lang),
        // Right after the scores by topic: the other way of reading the same answers.
        threat_table(catalogue, check, lang),
        results_table(catalogue, check, lang),
        plan_table(catalogue, check, lang),
        periodic_table(catalogue, check, lang),
        crate::engine::inventory::inventory_table(&check.inventory, lang),
        // Last, so that the sheets before keep their places: what an audit asks to see.
        evidence_table(catalogue, check, lang),
    ]
}

/// A download's file name: what the file is, in the reader's language, then whose it is (the self-check's or the
/// business's name), then the date, e.g. 「持出し・複製・廃棄の管理簿_本社工場_2026-12-06.xlsx」. Safe on every file
/// system: the characters Windows, macOS or Linux refuse or treat specially (`< > : " / \ | ? *`, `%`, `#`,
/// control and direction-changing characters) and white space become `_`, the ends lose dots and `_`, and the
/// whole stays within 200 bytes of UTF-8 (file systems allow 255), shortening whose it is first.
///
/// ```
/// use tics_domain::tables::file_name;
/// assert_eq!(file_name("技術情報管理規程（案）", "株式会社 テスト/第2工場", "2026-12-06", "docx"),
///     "技術情報管理規程（案）_株式会社_テスト_第2工場_2026-12-06.docx");
/// assert_eq!(file_name("Action plan", "../..", "2026-12-06", "csv"), "Action_plan_2026-12-06.csv");
/// assert!(file_name("目録", &"工".repeat(300), "2026-12-06", "csv").len() <= 200);
/// ```
pub fn file_name(what: &str, whose: &str, date: &str, ext: &str) -> String {
    const MAX_BYTES: usize = 200;
    let what = safe_part(what);
    let tail = format!("_{date}.{ext}");
    let room = MAX_BYTES.saturating_sub(what.len() + tail.len() + 1);
    let mut whose = safe_part(whose);
    while whose.len() > room {
        whose.pop();
    }
    let whose = whose.trim_end_matches(['_', '.']);
    if whose.is_empty() {
        format!("{what}{tail}")
    } else {
        format!("{what}_{whose}{tail}")
    }
}

/// One part of a file name (see [`file_name`]).
fn safe_part(text: &str) -> String {
    let refused = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '%' | '#')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    let mut safe = String::new();
    for c in text.chars() {
        if !refused(c) {
            safe.push(c);
        } else if !safe.ends_with('_') {
            safe.push('_');
        }
    }
    safe.trim_matches(['_', '.']).to_owned()
}
