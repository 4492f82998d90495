//! The words the app uses for the domain's states, in both languages: level names, what applies to whom, why an
//! item is or is not in a self-check, "unanswered", scores as percentages, year-over-year changes, and the names
//! the app gives new self-checks. Every view, file and print says them the same way because they live here.
use crate::base::text::{Lang, Text};
use crate::catalogue::releases::{Change as Revised, Release, Revision};
use crate::catalogue::{Catalogue, Forms, Threat};
use crate::engine::compare::Change;
use crate::engine::library::{Library, LibraryAction};
use crate::engine::periodic::{Evidence, PeriodicReport};
use crate::engine::scoring::Tally;
use crate::engine::selfcheck::{OrgSize, Priority, Scope, Status};

/// The heading of one release of the catalogue: "カタログ 1.1.0 の変更点".
pub fn release_heading(release: &Release) -> Text {
    Text::new(format!("カタログ {} の変更点", release.version), format!("Changes in catalogue {}", release.version))
}

/// One line of a release: the item's title and what happened to it, e.g. 「各段階で証拠を集め、保全する」 —
/// レベル2 → レベル1.
pub fn revision_text(catalogue: &Catalogue, revision: &Revision) -> Text {
    let title = |id: &str| catalogue.item(id).map_or_else(|| Text::new(id, id), |i| i.title.clone());
    let what = match (revision.change, &revision.from) {
        (Revised::Added, None) => Text::new("追加", "added"),
        (Revised::Added, Some(from)) => {
            let from = title(from);
            Text::new(format!("「{}」から分けて追加", from.ja), format!("added, split from \"{}\"", from.en))
        }
        (Revised::Level, _) => {
            let now = catalogue.item(&revision.id).map(|i| i.level).unwrap_or_default();
            let was = revision.was.unwrap_or_default();
            Text::new(format!("レベル{was} → レベル{now}"), format!("level {was} → level {now}"))
        }
        (Revised::Reworded, _) => {
            Text::new("内容を見直し（回答を確かめ直してください）", "reworded (check the answer again)")
        }
    };
    let title = title(&revision.id);
    Text::new(format!("「{}」：{}", title.ja, what.ja), format!("\"{}\": {}", title.en, what.en))
}

/// Said above a comparison with a self-check answered against an earlier version of the catalogue.
pub fn checked_with_note(version: &str, current: &str) -> Text {
    Text::new(
        format!("前回はカタログ {version} で確認しています（今回は {current}）。両方の版にある項目を比べます。"),
        format!("The earlier answers were given against catalogue {version} (now {current}); the items both share are compared."),
    )
}

/// What the app says after one of the user's steps: each sentence once, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// A result file was read and checked; the user chooses how to load it.
    FileChecked,
    ImportedAsNew,
    ImportCancelled,
    /// After another tab's change, this tab's value was put back.
    TabValuePutBack,
    /// A self-check another tab deleted was kept from this tab's copy.
    TabCopyKept,
}

impl Said {
    pub fn text(self) -> Text {
        match self {
            Said::FileChecked => Text::new(
                "ファイルを確認しました。読み込み方を選んでください。",
                "The file was checked. Choose how to load it.",
            ),
            Said::ImportedAsNew => Text::new("新しいセルフチェックとして読み込みました", "Loaded as a new self-check"),
            Said::ImportCancelled => Text::new("読み込みを取り消しました", "The import was cancelled"),
            Said::TabValuePutBack => Text::new("このタブの値に戻しました", "This tab's value was put back"),
            Said::TabCopyKept => Text::new("このタブの写しを残し、開きました", "This tab's copy was kept and is open"),
        }
    }
}

/// Said when an item that left the self-check leaves the list by threat (it stays in the list by topic).
pub fn left_threat_list(title: &Text) -> Text {
    Text::new(
        format!(
            "「{}」は確認の対象から外れたため、脅威別の一覧から除きました。トピック別の一覧に残っています。",
            title.ja
        ),
        format!(
            "“{}” left your self-check, so it is no longer listed by threat. The list by topic still shows it.",
            title.en
        ),
    )
}

/// The name of an organisation size, the same on every screen, filter and file.
pub fn size_label(size: OrgSize) -> Text {
    match size {
        OrgSize::Small => Text::new("小規模", "Small"),
        OrgSize::Large => Text::new("大規模・複数部門", "Large or several departments"),
    }
}

/// A size as the profile offers it: its name ([`size_label`]) and what it means.
pub fn size_choice(size: OrgSize) -> Text {
    match size {
        OrgSize::Small => Text::new("小規模（経営層が管理者を兼ねる）", "Small (management doubles as the manager)"),
        OrgSize::Large => Text::new(
            "大規模・複数部門（従業員が多い、または重要情報が複数部門にまたがる）",
            "Large or several departments (many employees, or information spread over several departments)",
        ),
    }
}

/// The level a self-check has attained, or that it has not attained the baseline: worded once for the summary,
/// the printed report and the association's figures.
pub fn attained_text(level: Option<u8>) -> Text {
    level.map_or_else(|| Text::new("基本レベル未達成", "Baseline not attained"), level_name)
}

/// A topic as labelled in tables and charts: its mark and title, or its ID if the catalogue does not know it.
pub fn topic_label(catalogue: &Catalogue, lang: Lang, topic: &str) -> String {
    catalogue.topic(topic).map(|t| t.label(lang)).unwrap_or_else(|| topic.to_owned())
}

/// The caption of the chart of scores by topic, with how the scores count (the rule itself is
/// [`Tally::percent`]).
pub fn topic_scores_caption() -> Text {
    Text::new(
        "トピック別のスコア（実施 = 1、一部実施 = 0.5、対象外は除く）",
        "Score by topic (done = 1, partly done = 0.5, not applicable left out)",
    )
}

/// The caption of the chart of measures by threat, with how the scores count (as [`topic_scores_caption`]).
pub fn threat_scores_caption() -> Text {
    Text::new(
        "脅威別の実施状況（1 つの項目が複数の脅威に備えることがあります。スコアは実施 = 1、一部実施 = 0.5、対象外は除く）",
        "Measures by threat (one item may answer several threats; score: done = 1, partly done = 0.5, not applicable left out)",
    )
}

/// The name of a difficulty level of the catalogue.
pub fn level_name(level: u8) -> Text {
    match level {
        // The baseline of this catalogue, not "mandatory": the items a business is certified against are
        // chosen, and the certification body, not this app, decides what is required.
        1 => Text::new("レベル1（基本）", "Level 1 (baseline)"),
        2 => Text::new("レベル2（標準）", "Level 2 (standard)"),
        _ => Text::new("レベル3（高度）", "Level 3 (advanced)"),
    }
}

/// What choosing `level` as the target means.
pub fn level_explanation(level: u8) -> Text {
    match level {
        1 => Text::new(
            "このカタログが基本とする対策だけを確認します（研修素材が各テーマの通常の対策として示すものなど）。",
            "Only this catalogue's baseline measures (such as those the training material gives as the usual \
             measures of each topic).",
        ),
        2 => Text::new(
            "基本の対策に加えて、例や選択肢として示される対策など、標準的な対策も確認します。",
            "Also the standard measures, such as those the training material gives as examples or options.",
        ),
        _ => Text::new(
            "警備システムや巡回監視など、より高いレベルの対策まで確認します。",
            "Also higher-level measures such as alarms, cameras and patrols.",
        ),
    }
}

/// The footnote explaining the ※ after a guideline number (自No.) listed under two checksheet items, as 表4-1
/// marks them; see [`crate::Catalogue::jama_shared`].
pub fn jama_shared_note() -> Text {
    Text::new(
        "※ 2つのチェックシート項目に重ねて挙げられている番号です。",
        "※ This number is listed under two checksheet items.",
    )
}

/// Who an item applies to: every business, or the information forms it names.
pub fn forms_text(forms: &Forms) -> Text {
    match forms {
        Forms::Any => Text::new("すべての事業者", "All businesses"),
        Forms::Only(forms) => join(forms.iter().map(|f| f.label()), " / ", " / "),
    }
}

/// The threats an item answers, as a list.
pub fn threats_text(threats: &[Threat]) -> Text {
    join(threats.iter().map(|t| t.label()), "、", ", ")
}

fn join(parts: impl Iterator<Item = Text>, ja_sep: &str, en_sep: &str) -> Text {
    let (ja, en): (Vec<String>, Vec<String>) = parts.map(|t| (t.ja, t.en)).unzip();
    Text::new(ja.join(ja_sep), en.join(en_sep))
}

/// Why an item is where it is, when that is not simply "selected".
pub fn scope_note(scope: &Scope) -> Option<Text> {
    match scope {
        Scope::Selected => None,
        Scope::Added => Some(Text::new("自分で追加した項目です", "You added this item")),
        Scope::SetAside(reason) => {
            Some(Text::new(format!("対象から外しました: {reason}"), format!("Set aside: {reason}")))
        }
        Scope::AboveLevel => Some(Text::new("目標レベルより上の項目です", "Above your target level")),
        Scope::NotForProfile => Some(Text::new("自社の状況からは対象外です", "Not selected by your profile")),
        Scope::NotAssigned => Some(Text::new("ほかの人の担当です", "Assigned to someone else")),
    }
}

/// A status, or "unanswered" when there is none that counts.
pub fn status_text(status: Option<Status>) -> Text {
    status.map(Status::label).unwrap_or_else(|| Text::new("未回答", "Unanswered"))
}

/// A score as shown: "75%", or a dash when nothing counts yet.
///
/// ```
/// assert_eq!(tics_domain::vocab::percent_text(Some(75)), "75%");
/// assert_eq!(tics_domain::vocab::percent_text(None), "—");
/// ```
pub fn percent_text(percent: Option<u8>) -> String {
    percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())
}

/// A share with its base, as the aggregate's charts print it: the percentage, then how many of how many.
///
/// ```
/// assert_eq!(tics_domain::vocab::share_of(Some(40), 20, 50), "40% (20/50)");
/// assert_eq!(tics_domain::vocab::share_of(None, 0, 0), "— (0/0)");
/// ```
pub fn share_of(percent: Option<u8>, part: usize, whole: usize) -> String {
    format!("{} ({part}/{whole})", percent_text(percent))
}

/// How many of a threat's measures in the self-check are done, as a sentence.
///
/// ```
/// use tics_domain::scoring::Tally;
/// let t = Tally { in_scope: 12, done: 5, ..Tally::default() };
/// assert_eq!(tics_domain::vocab::measures_done(&t).ja, "12 項目のうち 5 項目を実施済み");
/// assert_eq!(tics_domain::vocab::measures_done(&t).en, "5 of 12 measures done");
/// ```
pub fn measures_done(tally: &Tally) -> Text {
    let (done, of) = (tally.done, tally.in_scope);
    match of {
        0 => Text::new("セルフチェックに該当する項目はありません", "No measures in your self-check"),
        1 => Text::new(format!("1 項目のうち {done} 項目を実施済み"), format!("{done} of 1 measure done")),
        _ => Text::new(format!("{of} 項目のうち {done} 項目を実施済み"), format!("{done} of {of} measures done")),
    }
}

/// A threat's name, marked in words (never by colour alone) when the business fears it most.
///
/// ```
/// use tics_domain::catalogue::Threat;
/// assert_eq!(tics_domain::vocab::threat_name(Threat::Leaver, true).ja, "退職者（特に心配）");
/// assert_eq!(tics_domain::vocab::threat_name(Threat::Leaver, true).en, "Leaver (feared most)");
/// assert_eq!(tics_domain::vocab::threat_name(Threat::Leaver, false).en, "Leaver");
/// ```
pub fn threat_name(threat: Threat, feared: bool) -> Text {
    let name = threat.label();
    if feared {
        Text::new(format!("{}（特に心配）", name.ja), format!("{} (feared most)", name.en))
    } else {
        name
    }
}

/// How an item changed since the earlier self-check.
pub fn change_label(change: Change) -> Text {
    match change {
        Change::Improved => Text::new("改善", "Improved"),
        Change::Worsened => Text::new("悪化", "Worsened"),
        Change::Unchanged => Text::new("変化なし", "Unchanged"),
        Change::Reclassified => Text::new("対象外の変更", "Applicability changed"),
    }
}

/// The names the app gives self-checks it creates, in the language shown (the user can rename them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewName<'a> {
    /// The first self-check of a new browser.
    First,
    /// One the user creates, dated.
    Dated { today: &'a str },
    /// One read from a file that carried no name.
    Imported,
    /// A copy of `name`.
    CopyOf(&'a str),
    /// A new self-check starting from `name`'s answers.
    CarriedForward(&'a str),
    /// The copy of `name` kept before people's answers were merged into it `at` (a local date and time).
    BeforeMerge { name: &'a str, at: &'a str },
    /// A person's copy of the items `owner` handed out to them.
    AssignedBy(&'a str),
}

impl NewName<'_> {
    /// The name in `lang` (before [`crate::engine::library::Library::unique_name`] makes it unique).
    pub fn in_lang(self, lang: Lang) -> String {
        let text = match self {
            NewName::First => Text::new("セルフチェック", "Self-check"),
            NewName::Dated { today } => Text::new(format!("セルフチェック {today}"), format!("Self-check {today}")),
            NewName::Imported => Text::new("インポート", "Imported"),
            NewName::CopyOf(name) => Text::new(format!("{name} のコピー"), format!("{name} (copy)")),
            NewName::CarriedForward(name) => {
                Text::new(format!("{name} （引き継ぎ）"), format!("{name} (carried forward)"))
            }
            NewName::BeforeMerge { name, at } => {
                Text::new(format!("{name} （統合前 {at}）"), format!("{name} (before merging, {at})"))
            }
            NewName::AssignedBy(owner) => Text::new(format!("{owner} からの割り当て"), format!("Assigned by {owner}")),
        };
        text.get(lang).to_owned()
    }
}

/// The confirmation after a change to the list of self-checks, read before the change is made (an opened entry
/// is named by its name in `library`).
pub fn library_confirmation(library: &Library, action: &LibraryAction) -> Option<Text> {
    match action {
        LibraryAction::Delete { .. } => Some(Text::new("セルフチェックを削除しました", "The self-check was deleted")),
        LibraryAction::Open(id) => library
            .entries
            .iter()
            .find(|e| e.id == *id)
            .map(|e| Text::new(format!("「{}」を開きました", e.name), format!("“{}” is open", e.name))),
        LibraryAction::Rename { name, .. } => {
            Some(Text::new(format!("名前を「{name}」に変えました"), format!("Renamed to “{name}”")))
        }
        LibraryAction::Create { .. } | LibraryAction::Duplicate { .. } | LibraryAction::Add { .. } => {
            Some(Text::new("新しいセルフチェックを開きました", "A new self-check is open"))
        }
        LibraryAction::ReplaceOpen { .. } => {
            Some(Text::new("開いているセルフチェックを置き換えました", "The open self-check was replaced"))
        }
        // The download says so itself.
        LibraryAction::FileSaved { .. } => None,
        LibraryAction::MergeAnswers { backup_name, taken, conflicts, .. } => {
            Some(Text::new(
                format!("{taken} 件の回答を取り込み、食い違い {conflicts} 件が決定待ちです。統合前の状態は「{backup_name}」として残しました。"),
                format!("{taken} answer(s) merged; {conflicts} conflict(s) wait for your decision. The self-check as it was is kept as “{backup_name}”."),
            ))
        }
    }
}

/// How far a periodic-report row's evidence is: of its linked items in scope, how many are done; `None` when
/// no item is linked yet.
///
/// ```
/// use tics_domain::periodic::Evidence;
/// let text = tics_domain::vocab::evidence_text(Some(Evidence { done: 2, in_scope: 3 }));
/// assert_eq!(text.ja, "裏付け: 対象の 3 項目のうち 2 項目が実施済み");
/// assert_eq!(text.en, "Evidence: 2 of 3 items in scope done");
/// assert_eq!(tics_domain::vocab::evidence_text(None).en, "No supporting item chosen");
/// ```
pub fn evidence_text(evidence: Option<Evidence>) -> Text {
    match evidence {
        None => Text::new("裏付けとなる項目が選ばれていません", "No supporting item chosen"),
        Some(Evidence { done, in_scope }) => Text::new(
            format!("裏付け: 対象の {in_scope} 項目のうち {done} 項目が実施済み"),
            format!("Evidence: {done} of {in_scope} items in scope done"),
        ),
    }
}

/// The heading over a row's linked items that the self-check leaves out of scope, with how many there are.
///
/// ```
/// let text = tics_domain::vocab::links_out_of_scope(2);
/// assert_eq!(text.ja, "このセルフチェックでは対象外の項目（2 件）");
/// assert_eq!(text.en, "Items not in this self-check's scope (2)");
/// ```
pub fn links_out_of_scope(count: usize) -> Text {
    Text::new(
        format!("このセルフチェックでは対象外の項目（{count} 件）"),
        format!("Items not in this self-check's scope ({count})"),
    )
}

/// Said once rows were imported into the inventory.
///
/// ```
/// let text = tics_domain::vocab::inventory_imported(4);
/// assert_eq!(text.ja, "目録に 4 行を取り込みました");
/// assert_eq!(text.en, "Imported 4 rows into the inventory");
/// ```
pub fn inventory_imported(count: usize) -> Text {
    Text::new(format!("目録に {count} 行を取り込みました"), format!("Imported {count} rows into the inventory"))
}

/// The button that adds the `good` rows of an import after the inventory's rows.
///
/// ```
/// let text = tics_domain::vocab::inventory_add_button(4);
/// assert_eq!(text.ja, "目録の後ろに追加 (4)");
/// assert_eq!(text.en, "Add to the inventory (4)");
/// ```
pub fn inventory_add_button(good: usize) -> Text {
    Text::new(format!("目録の後ろに追加 ({good})"), format!("Add to the inventory ({good})"))
}

/// The button that replaces the inventory's `existing` rows with the `good` rows of an import.
///
/// ```
/// let text = tics_domain::vocab::inventory_replace_button(7, 4);
/// assert_eq!(text.ja, "今の目録を置き換える (7 → 4)");
/// assert_eq!(text.en, "Replace the current inventory (7 → 4)");
/// ```
pub fn inventory_replace_button(existing: usize, good: usize) -> Text {
    Text::new(
        format!("今の目録を置き換える ({existing} → {good})"),
        format!("Replace the current inventory ({existing} → {good})"),
    )
}

/// Said once a checksheet's rows became the periodic report's rows.
///
/// ```
/// let text = tics_domain::vocab::checksheet_imported(9);
/// assert_eq!(
///     text.ja,
///     "チェックシートの 9 行を定期報告の行にしました。入力済みの確認内容は、対応する行に引き継ぎ、対応する行がないものは末尾に残しています。"
/// );
/// assert_eq!(
///     text.en,
///     "The report now has the checksheet's 9 rows. What was already entered is kept: on the matching rows, or at the end where no row matches."
/// );
/// ```
pub fn checksheet_imported(count: usize) -> Text {
    Text::new(
        format!("チェックシートの {count} 行を定期報告の行にしました。入力済みの確認内容は、対応する行に引き継ぎ、対応する行がないものは末尾に残しています。"),
        format!("The report now has the checksheet's {count} rows. What was already entered is kept: on the matching rows, or at the end where no row matches."),
    )
}

/// The button that replaces the periodic report's `existing` rows with a checksheet's `good` rows.
///
/// ```
/// let text = tics_domain::vocab::checksheet_replace_button(22, 9);
/// assert_eq!(text.ja, "定期報告の行をこの内容で置き換える (22 → 9)");
/// assert_eq!(text.en, "Replace the report's rows with these (22 → 9)");
/// ```
pub fn checksheet_replace_button(existing: usize, good: usize) -> Text {
    Text::new(
        format!("定期報告の行をこの内容で置き換える ({existing} → {good})"),
        format!("Replace the report's rows with these ({existing} → {good})"),
    )
}

/// Said when the user set a gap's priority in the plan, whose cards are in priority order.
///
/// ```
/// use tics_domain::selfcheck::Priority;
/// let text = tics_domain::vocab::priority_set(Priority::High);
/// assert_eq!(text.ja, "優先度を「高」にしました。カードは優先度の順の位置に移りました。");
/// assert_eq!(text.en, "Priority set to High. The card moved to its place in priority order.");
/// ```
pub fn priority_set(priority: Priority) -> Text {
    let label = priority.label();
    Text::new(
        format!("優先度を「{}」にしました。カードは優先度の順の位置に移りました。", label.ja),
        format!("Priority set to {}. The card moved to its place in priority order.", label.en),
    )
}

/// Where the periodic report's rows come from (table 4-1 or an imported checksheet) and how many there are.
///
/// ```
/// use tics_domain::periodic::PeriodicReport;
/// let mut report = PeriodicReport::default();
/// assert_eq!(tics_domain::vocab::rows_source(&report, 22).ja, "行: 表4-1 のチェックシート項目（22 行）");
/// assert_eq!(tics_domain::vocab::rows_source(&report, 22).en, "Rows: the checksheet items of table 4-1 (22 rows)");
/// report.source = "audit.xlsx".into();
/// assert_eq!(tics_domain::vocab::rows_source(&report, 9).ja, "行: 取り込んだチェックシート「audit.xlsx」（9 行）");
/// assert_eq!(tics_domain::vocab::rows_source(&report, 9).en, "Rows: the imported checksheet \"audit.xlsx\" (9 rows)");
/// ```
pub fn rows_source(report: &PeriodicReport, rows: usize) -> Text {
    if report.is_standard() {
        Text::new(
            format!("行: 表4-1 のチェックシート項目（{rows} 行）"),
            format!("Rows: the checksheet items of table 4-1 ({rows} rows)"),
        )
    } else {
        let source = &report.source;
        Text::new(
            format!("行: 取り込んだチェックシート「{source}」（{rows} 行）"),
            format!("Rows: the imported checksheet \"{source}\" ({rows} rows)"),
        )
    }
}

/// How many of the chosen files have been read so far.
///
/// ```
/// let text = tics_domain::vocab::reading_progress(3, 10);
/// assert_eq!(text.ja, "読み込み中: 3 / 10");
/// assert_eq!(text.en, "Reading: 3 / 10");
/// ```
pub fn reading_progress(done: usize, total: usize) -> Text {
    Text::new(format!("読み込み中: {done} / {total}"), format!("Reading: {done} / {total}"))
}

/// An import preview's count: the rows that can be imported, of the rows read.
///
/// ```
/// let text = tics_domain::vocab::rows_to_import(4, 6);
/// assert_eq!(text.ja, "取り込める行: 4 / 読んだ行: 6");
/// assert_eq!(text.en, "Rows to import: 4 / rows read: 6");
/// ```
pub fn rows_to_import(good: usize, read: usize) -> Text {
    Text::new(format!("取り込める行: {good} / 読んだ行: {read}"), format!("Rows to import: {good} / rows read: {read}"))
}

/// One cell that keeps a row out of an import: where it is (row number, column letter, header) and what is
/// wrong.
///
/// ```
/// use tics_domain::Text;
/// let text = tics_domain::vocab::cell_problem(3, "B", "名称", &Text::new("空です", "Empty"));
/// assert_eq!(text.ja, "行 3・列 B（名称）: 空です");
/// assert_eq!(text.en, "Row 3・column B（名称）: Empty");
/// ```
pub fn cell_problem(row: usize, column: &str, header: &str, message: &Text) -> Text {
    Text::new(
        format!("行 {row}・列 {column}（{header}）: {}", message.ja),
        format!("Row {row}・column {column}（{header}）: {}", message.en),
    )
}

/// How many more problems an import has than the preview lists.
///
/// ```
/// let text = tics_domain::vocab::more_problems(5);
/// assert_eq!(text.ja, "ほかの問題: 5");
/// assert_eq!(text.en, "More problems: 5");
/// ```
pub fn more_problems(count: usize) -> Text {
    Text::new(format!("ほかの問題: {count}"), format!("More problems: {count}"))
}

// ---- The schedule and the opening notices (deadlines, team work) ----

/// `n` days in English: "1 day", "2 days".
fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// How far a deadline is, in words (beside its date, never as a colour alone).
///
/// ```
/// use tics_domain::deadlines::Due;
/// use tics_domain::vocab::due_label;
/// assert_eq!(due_label(Due::Overdue(3)).ja, "期限切れ（3 日過ぎています）");
/// assert_eq!(due_label(Due::Overdue(1)).en, "Overdue by 1 day");
/// assert_eq!(due_label(Due::In(0)).ja, "今日が期限");
/// assert_eq!(due_label(Due::In(0)).en, "Due today");
/// assert_eq!(due_label(Due::In(10)).ja, "まもなく（あと 10 日）");
/// assert_eq!(due_label(Due::In(10)).en, "Due soon (in 10 days)");
/// ```
pub fn due_label(due: crate::engine::deadlines::Due) -> Text {
    use crate::engine::deadlines::Due;
    match due {
        Due::Overdue(n) => Text::new(format!("期限切れ（{n} 日過ぎています）"), format!("Overdue by {}", days_en(n))),
        Due::In(0) => Text::new("今日が期限", "Due today"),
        Due::In(n) => Text::new(format!("まもなく（あと {n} 日）"), format!("Due soon (in {})", days_en(n))),
    }
}

/// One deadline in a notice: its date, what it is and how far it is.
///
/// ```
/// use tics_domain::deadlines::{Deadline, DeadlineKind, Due};
/// use tics_domain::Text;
/// let d = Deadline {
///     kind: DeadlineKind::PeriodicReport(1),
///     date: "2027-04-01".into(),
///     title: Text::new("定期報告（1 年目）", "Periodic report (year 1)"),
///     detail: Text::new("", ""),
/// };
/// let line = tics_domain::vocab::due_line(&d, Due::In(10));
/// assert_eq!(line.ja, "2027-04-01 定期報告（1 年目）— まもなく（あと 10 日）");
/// assert_eq!(line.en, "2027-04-01 Periodic report (year 1) — Due soon (in 10 days)");
/// ```
pub fn due_line(deadline: &crate::engine::deadlines::Deadline, due: crate::engine::deadlines::Due) -> Text {
    let label = due_label(due);
    Text::new(
        format!("{} {}— {}", deadline.date, deadline.title.ja, label.ja),
        format!("{} {} — {}", deadline.date, deadline.title.en, label.en),
    )
}

/// The notice, on opening a certified self-check, of the deadlines past or near.
///
/// ```
/// let text = tics_domain::vocab::deadlines_notice(2);
/// assert_eq!(text.ja, "期限を過ぎた予定、または 30 日以内の予定が 2 件あります。");
/// assert_eq!(text.en, "2 deadlines are overdue or due within 30 days.");
/// assert_eq!(tics_domain::vocab::deadlines_notice(1).en, "1 deadline is overdue or due within 30 days.");
/// ```
pub fn deadlines_notice(count: usize) -> Text {
    let days = crate::engine::deadlines::SOON_DAYS;
    Text::new(
        format!("期限を過ぎた予定、または {days} 日以内の予定が {count} 件あります。"),
        if count == 1 {
            format!("1 deadline is overdue or due within {days} days.")
        } else {
            format!("{count} deadlines are overdue or due within {days} days.")
        },
    )
}

/// The notice of a merge's conflicts: how many answers wait for the owner to decide.
///
/// ```
/// let text = tics_domain::vocab::conflicts_notice(3);
/// assert_eq!(text.ja, "チームから戻った回答のうち 3 件が、どの回答を採るかの決定を待っています。決めるまでは今の回答のままです。");
/// assert_eq!(text.en, "3 answers returned by the team wait for your decision. Until you decide, the current answers stand.");
/// assert!(tics_domain::vocab::conflicts_notice(1).en.starts_with("1 answer returned by the team waits"));
/// ```
pub fn conflicts_notice(count: usize) -> Text {
    Text::new(
        format!("チームから戻った回答のうち {count} 件が、どの回答を採るかの決定を待っています。決めるまでは今の回答のままです。"),
        if count == 1 {
            "1 answer returned by the team waits for your decision. Until you decide, the current answer stands.".to_owned()
        } else {
            format!("{count} answers returned by the team wait for your decision. Until you decide, the current answers stand.")
        },
    )
}

/// The notice in a person's copy: whose assignment it is, that only the assigned items are shown, and how the
/// answers go back. `owner` is the self-check handed out from, `person` whom to.
///
/// ```
/// let text = tics_domain::vocab::assignment_notice("本社工場", "山田 花子", 4);
/// assert_eq!(
///     text.ja,
///     "本社工場 から 山田 花子 さんへの割り当てです。割り当てられた 4 項目だけを表示しています。回答したら、「チーム」画面で回答ファイルを作り、送り返してください。"
/// );
/// assert_eq!(
///     text.en,
///     "This is the assignment from 本社工場 to 山田 花子. Only the 4 items assigned are shown. When you have answered, make the answers file in the Team view and send it back."
/// );
/// assert!(tics_domain::vocab::assignment_notice(" ", "", 1).ja.starts_with("チームの代表 から 担当者 さんへ"));
/// ```
pub fn assignment_notice(owner: &str, person: &str, items: usize) -> Text {
    let or = |name: &str, ja: &'static str, en: &'static str| match name.trim() {
        "" => (ja.to_owned(), en.to_owned()),
        name => (name.to_owned(), name.to_owned()),
    };
    let (owner_ja, owner_en) = or(owner, "チームの代表", "the team's owner");
    let (person_ja, person_en) = or(person, "担当者", "you");
    let items_en = if items == 1 { "the 1 item".to_owned() } else { format!("the {items} items") };
    Text::new(
        format!("{owner_ja} から {person_ja} さんへの割り当てです。割り当てられた {items} 項目だけを表示しています。回答したら、「チーム」画面で回答ファイルを作り、送り返してください。"),
        format!("This is the assignment from {owner_en} to {person_en}. Only {items_en} assigned are shown. When you have answered, make the answers file in the Team view and send it back."),
    )
}

/// Said once the schedule's date was saved: how many deadlines follow from it.
///
/// ```
/// let text = tics_domain::vocab::certification_saved(3);
/// assert_eq!(text.ja, "日付を保存しました。予定は 3 件です。");
/// assert_eq!(text.en, "The date was saved: 3 deadlines.");
/// ```
pub fn certification_saved(deadlines: usize) -> Text {
    Text::new(
        format!("日付を保存しました。予定は {deadlines} 件です。"),
        if deadlines == 1 {
            "The date was saved: 1 deadline.".to_owned()
        } else {
            format!("The date was saved: {deadlines} deadlines.")
        },
    )
}

/// Said once the schedule's date was removed.
///
/// ```
/// assert_eq!(tics_domain::vocab::certification_forgotten().en, "The date was removed; no deadlines are worked out.");
/// ```
pub fn certification_forgotten() -> Text {
    Text::new("日付を消しました。期限は計算されません。", "The date was removed; no deadlines are worked out.")
}

/// What the calendar file is called (before the self-check's name and the date).
///
/// ```
/// assert_eq!(tics_domain::vocab::calendar_file().ja, "認証の予定");
/// assert_eq!(tics_domain::vocab::calendar_file().en, "Certification deadlines");
/// ```
pub fn calendar_file() -> Text {
    Text::new("認証の予定", "Certification deadlines")
}

/// The fold-out of the periodic report's rows checked by a deadline: year `year` of the rotation, `rows` rows.
///
/// ```
/// let text = tics_domain::vocab::rows_of_year_heading(2, 5);
/// assert_eq!(text.ja, "ローテーション 2 年目に確認する行（5 行）");
/// assert_eq!(text.en, "Rows checked in year 2 of the rotation (5)");
/// ```
pub fn rows_of_year_heading(year: u8, rows: usize) -> Text {
    Text::new(
        format!("ローテーション {year} 年目に確認する行（{rows} 行）"),
        format!("Rows checked in year {year} of the rotation ({rows})"),
    )
}

/// Said under the deadlines while rows of the periodic report have no year of the rotation.
///
/// ```
/// let text = tics_domain::vocab::rows_without_year_note(15);
/// assert_eq!(text.ja, "定期報告の 15 行に、ローテーションの何年目に確認するかがまだ決まっていません。「定期報告」画面で決められます。");
/// assert_eq!(text.en, "15 rows of the periodic report have no year of the rotation yet. Set them in the Periodic report view.");
/// ```
pub fn rows_without_year_note(rows: usize) -> Text {
    Text::new(
        format!("定期報告の {rows} 行に、ローテーションの何年目に確認するかがまだ決まっていません。「定期報告」画面で決められます。"),
        if rows == 1 {
            "1 row of the periodic report has no year of the rotation yet. Set it in the Periodic report view.".to_owned()
        } else {
            format!("{rows} rows of the periodic report have no year of the rotation yet. Set them in the Periodic report view.")
        },
    )
}

// ---- end of the schedule and the opening notices ----

// ---- The team's view: people, assignments, merging answers, deciding conflicts ----

/// Said when a person joins the team.
///
/// ```
/// use tics_domain::team::Person;
/// let p = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
/// assert_eq!(tics_domain::vocab::person_added(&p).ja, "佐藤（製造部）を担当者に加えました");
/// assert_eq!(tics_domain::vocab::person_removed(&p).en, "佐藤（製造部） and their assignments were removed");
/// ```
pub fn person_added(person: &crate::engine::team::Person) -> Text {
    let who = person.signature();
    Text::new(format!("{who}を担当者に加えました"), format!("{who} was added to the team"))
}

/// Said when a person leaves the team, with what was assigned to them.
pub fn person_removed(person: &crate::engine::team::Person) -> Text {
    let who = person.signature();
    Text::new(format!("{who}と、その割り当てを外しました"), format!("{who} and their assignments were removed"))
}

/// Said when a person's name or department changed.
pub fn person_renamed(person: &crate::engine::team::Person) -> Text {
    let who = person.signature();
    Text::new(format!("担当者を「{who}」にしました"), format!("The person is now “{who}”"))
}

/// Said when a topic is assigned to a person, or to nobody.
///
/// ```
/// use tics_domain::team::Person;
/// let p = Person { id: "p1".into(), name: "佐藤".into(), department: String::new() };
/// assert_eq!(tics_domain::vocab::topic_assigned("① 重要情報の特定", Some(&p)).ja, "「① 重要情報の特定」を佐藤の担当にしました");
/// assert_eq!(tics_domain::vocab::topic_assigned("① Identify", None).en, "“① Identify” is now assigned to nobody");
/// ```
pub fn topic_assigned(topic: &str, person: Option<&crate::engine::team::Person>) -> Text {
    match person.map(|p| p.signature()) {
        Some(who) => {
            Text::new(format!("「{topic}」を{who}の担当にしました"), format!("“{topic}” is now assigned to {who}"))
        }
        None => Text::new(format!("「{topic}」の担当を外しました"), format!("“{topic}” is now assigned to nobody")),
    }
}

/// Said when an item is assigned to a person by itself, or goes back to its topic's person.
pub fn item_assigned(title: &Text, person: Option<&crate::engine::team::Person>) -> Text {
    match person.map(|p| p.signature()) {
        Some(who) => Text::new(
            format!("「{}」を{who}の担当にしました", title.ja),
            format!("“{}” is now assigned to {who}", title.en),
        ),
        None => Text::new(
            format!("「{}」はトピックの担当者に戻しました", title.ja),
            format!("“{}” goes to its topic's person again", title.en),
        ),
    }
}

/// The choice of an item's select that leaves it to its topic's person (named, or nobody).
///
/// ```
/// assert_eq!(tics_domain::vocab::as_the_topic(None).ja, "トピックと同じ（担当なし）");
/// assert_eq!(tics_domain::vocab::as_the_topic(None).en, "As the topic (nobody)");
/// ```
pub fn as_the_topic(person: Option<&crate::engine::team::Person>) -> Text {
    match person.map(|p| p.signature()) {
        Some(who) => Text::new(format!("トピックと同じ（{who}）"), format!("As the topic ({who})")),
        None => Text::new("トピックと同じ（担当なし）", "As the topic (nobody)"),
    }
}

/// The button that takes a returned answer for a conflict: "佐藤さんの回答を採用".
///
/// ```
/// use tics_domain::team::Person;
/// let p = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
/// assert_eq!(tics_domain::vocab::take_theirs(&p).ja, "佐藤さんの回答を採用");
/// assert_eq!(tics_domain::vocab::take_theirs(&p).en, "Take 佐藤's answer");
/// ```
pub fn take_theirs(person: &crate::engine::team::Person) -> Text {
    let name = person.name.trim();
    Text::new(format!("{name}さんの回答を採用"), format!("Take {name}'s answer"))
}

/// Said when the owner decided a conflict of the item `title`, with how many conflicts are left.
///
/// ```
/// use tics_domain::team::{Choice, Conflict, Person};
/// let p = Person { id: "p1".into(), name: "佐藤".into(), department: String::new() };
/// let c = Conflict { item: "a".into(), ours: Default::default(), theirs: vec![(p, Default::default())] };
/// let title = tics_domain::Text::new("手順", "Procedure");
/// assert_eq!(tics_domain::vocab::conflict_decided(&title, &c, Choice::Theirs(0), 1).ja,
///     "「手順」: 佐藤さんの回答を採用しました。決定待ちの食い違いは残り 1 件です。");
/// assert_eq!(tics_domain::vocab::conflict_decided(&title, &c, Choice::Ours, 0).en,
///     "“Procedure”: your answer was kept. No conflict is left to decide.");
/// ```
pub fn conflict_decided(
    title: &Text,
    conflict: &crate::engine::team::Conflict,
    choice: crate::engine::team::Choice,
    left: usize,
) -> Text {
    use crate::engine::team::Choice;
    let (ja, en) = (&title.ja, &title.en);
    let done = match choice {
        Choice::Ours => {
            Text::new(format!("「{ja}」: 自分の回答を残しました。"), format!("“{en}”: your answer was kept."))
        }
        Choice::Theirs(n) => {
            let name = conflict.theirs.get(n).map(|(p, _)| p.name.trim().to_owned()).unwrap_or_default();
            Text::new(
                format!("「{ja}」: {name}さんの回答を採用しました。"),
                format!("“{en}”: {name}'s answer was taken."),
            )
        }
        Choice::BothNotes => Text::new(
            format!("「{ja}」: 自分の回答を残し、返ってきたメモを書き足しました。"),
            format!("“{en}”: your answer was kept, with the returned notes added."),
        ),
    };
    let rest = match left {
        0 => Text::new("決定待ちの食い違いはもうありません。", "No conflict is left to decide."),
        n => Text::new(format!("決定待ちの食い違いは残り {n} 件です。"), format!("{n} conflict(s) left to decide.")),
    };
    Text::new(format!("{}{}", done.ja, rest.ja), format!("{} {}", done.en, rest.en))
}

/// The heading of the conflicts a merge left to decide.
///
/// ```
/// assert_eq!(tics_domain::vocab::conflicts_heading(2).ja, "決定待ちの食い違い（2 件）");
/// assert_eq!(tics_domain::vocab::conflicts_heading(2).en, "Conflicts to decide (2)");
/// ```
pub fn conflicts_heading(count: usize) -> Text {
    Text::new(format!("決定待ちの食い違い（{count} 件）"), format!("Conflicts to decide ({count})"))
}

/// Said when the answers files chosen hold nothing that is not merged already.
pub fn merge_nothing_new() -> Text {
    Text::new(
        "新しい回答はありませんでした。これらのファイルの回答はすでに取り込まれています。何も変えていません。",
        "Nothing new: these files' answers are merged already. Nothing was changed.",
    )
}

/// The column of a conflict's table that holds the owner's answer.
pub fn our_answer() -> Text {
    Text::new("自分の回答（現在）", "Your answer (now)")
}

/// The column of a conflict's table that holds the answer `person` returned.
///
/// ```
/// use tics_domain::team::Person;
/// let p = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
/// assert_eq!(tics_domain::vocab::their_answer(&p).ja, "佐藤（製造部）の回答");
/// ```
pub fn their_answer(person: &crate::engine::team::Person) -> Text {
    let who = person.signature();
    Text::new(format!("{who}の回答"), format!("{who}'s answer"))
}

/// An answer's status as a conflict's table shows it: its name, and for "not applicable" the reason given.
///
/// ```
/// use tics_domain::{Answer, Status};
/// let a = Answer { status: Some(Status::NotApplicable), reason: "紙の情報なし".into(), ..Answer::default() };
/// assert_eq!(tics_domain::vocab::status_with_reason(&a).ja, "対象外（紙の情報なし）");
/// assert_eq!(tics_domain::vocab::status_with_reason(&Answer::default()).en, "Unanswered");
/// ```
pub fn status_with_reason(answer: &crate::engine::answer::Answer) -> Text {
    let status = status_text(answer.status);
    let reason = answer.reason.trim();
    match answer.status {
        Some(Status::NotApplicable) if !reason.is_empty() => {
            Text::new(format!("{}（{reason}）", status.ja), format!("{} ({reason})", status.en))
        }
        _ => status,
    }
}

// ---- end of the team's view ----

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_exists_in_both_languages() {
        for name in [
            NewName::First,
            NewName::Dated { today: "2026-11-23" },
            NewName::Imported,
            NewName::CopyOf("本社"),
            NewName::CarriedForward("本社"),
        ] {
            let (ja, en) = (name.in_lang(Lang::Ja), name.in_lang(Lang::En));
            assert!(!ja.is_empty() && !en.is_empty() && ja != en, "{name:?}");
        }
        assert_eq!(NewName::Imported.in_lang(Lang::En), "Imported");
    }

    #[test]
    fn unanswered_is_said_in_both_languages() {
        assert_eq!(status_text(None).get(Lang::Ja), "未回答");
        assert_eq!(status_text(Some(Status::Done)).get(Lang::En), "Done");
    }

    #[test]
    fn level_one_is_the_catalogues_baseline_not_a_certification_requirement() {
        // Which items a business is certified against is chosen with the certification body; the app must not
        // say that its level 1 is what certification requires.
        for level in 1..=3 {
            for text in [level_name(level), level_explanation(level)] {
                for said in [&text.ja, &text.en] {
                    assert!(!said.contains("必須") && !said.contains("mandatory"), "{said}");
                    assert!(!said.contains("認証に") && !said.contains("required for certification"), "{said}");
                }
            }
        }
        assert_eq!(level_name(1).en, "Level 1 (baseline)");
        assert!(level_explanation(1).ja.contains("このカタログが基本とする対策"));
        assert!(level_explanation(1).en.contains("this catalogue's baseline"));
    }

    #[test]
    fn measures_done_counts_done_items_only_and_says_when_there_are_none() {
        let t = |in_scope, done, partial| Tally { in_scope, done, partial, ..Tally::default() };
        assert_eq!(measures_done(&t(3, 1, 2)).en, "1 of 3 measures done", "partly done is not done");
        assert_eq!(measures_done(&t(1, 0, 0)).en, "0 of 1 measure done");
        assert_eq!(measures_done(&t(1, 0, 0)).ja, "1 項目のうち 0 項目を実施済み");
        assert_eq!(measures_done(&t(0, 0, 0)).ja, "セルフチェックに該当する項目はありません");
    }

    #[test]
    fn threats_join_per_language() {
        let t = threats_text(&[Threat::Insider, Threat::Leaver]);
        assert_eq!(t.ja, "内部不正、退職者");
        assert_eq!(t.en, "Insider, Leaver");
    }
}
