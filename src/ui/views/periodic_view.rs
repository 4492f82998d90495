//! Periodic-report mode: the yearly report of a certified business, a row per criterion it was audited against
//! (表4-1's 15 checksheet items, or its own audit checksheet imported from a file), with the period, a
//! three-year rotation, and the report as CSV, Excel and an A4 landscape print.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use tics_domain::periodic::{next_row_id, rotation_years, PeriodicAction, PeriodicReport};
use tics_domain::sheet::printed_sheet;
use tics_domain::vocab::rows_source;
use tics_domain::{Action, Lang, SelfCheck, Text};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::components::checksheet_import::ChecksheetImport;
use crate::ui::components::criterion_card::CriterionCard;
use crate::ui::components::export_button::ExportButton;
use crate::ui::components::periodic_sheet::PeriodicSheet;
use crate::ui::hooks::print::print_button;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq, Clone)]
pub struct PeriodicViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
    /// The app's stylesheet, so the report can be printed on its own (see `web::print`).
    #[prop_or_default]
    pub stylesheet: Option<AttrValue>,
}

#[component(PeriodicView)]
pub fn periodic_view(props: &PeriodicViewProps) -> Html {
    // Which rotation year to show: 0 = all.
    let year_filter = use_state(|| 0u8);
    let sheet = use_node_ref();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let report = &props.check.periodic;
    let rows = report.rows(&sc.catalogue);

    let on_spread = {
        let sc = sc.clone();
        Callback::from(move |_| {
            sc.change_then(
                Action::Periodic(PeriodicAction::SpreadRotation),
                After::flash(Text::new(
                    "実施年が未設定の行に、3 年間で均等になるよう年を割り振りました",
                    "Rows without a year were spread evenly over the 3 years",
                )),
            )
        })
    };
    let on_filter = {
        let year_filter = year_filter.clone();
        Callback::from(move |e: Event| {
            year_filter.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
        })
    };
    let on_add = {
        let (sc, next) = (sc.clone(), next_row_id(&rows));
        Callback::from(move |_| {
            let after = After::focus(Focus::Criterion(next.clone(), "heading"));
            sc.add_criterion_row(after)
        })
    };
    let on_standard = {
        let sc = sc.clone();
        Callback::from(move |_| {
            sc.change_then(
                Action::Periodic(PeriodicAction::UseStandard),
                After::flash(Text::new(
                    "行を表4-1 のチェックシート項目に戻しました。記入済みの内容は残しています。",
                    "The rows are table 4-1's checksheet items again. What was entered is kept.",
                )),
            )
        })
    };
    let on_print = print_button(sheet.clone(), props.stylesheet.clone(), lang);

    let shown = rows.iter().filter(|r| *year_filter == 0 || r.year == Some(*year_filter)).map(|row| {
        html! {
            <li key={row.id.clone()}>
                <CriterionCard row={Rc::new(row.clone())} check={props.check.clone()} />
            </li>
        }
    });
    let downloads = props.entry.as_ref().map(|entry| downloads_toolbar(lang, entry, on_print));

    html! {
        <section class="tics-step" aria-labelledby="tics-periodic-heading" data-testid="periodic">
            <h2 id="tics-periodic-heading">{ t(lang, "定期報告", "Periodic report") }</h2>
            <p class="tics-hint">{ t(lang,
                "認証を受けた事業者が、3 年の有効期間中に毎年行うことが想定されている報告の準備です。行は審査で使った基準（既定では表4-1 の 15 のチェックシート項目）です。審査のチェックシートを取り込めば、その行で報告できます。",
                "Prepares the yearly report a certified business is expected to file during the three years its certificate runs. The rows are the criteria of the audit (by default the 15 checksheet items of table 4-1); import your audit checksheet to report on its rows.") }</p>
            { period_fields(lang, &sc, report) }
            <p data-testid="periodic-source">{ source_text(lang, report, rows.len()) }</p>
            if !report.is_standard() {
                <button type="button" onclick={on_standard} data-testid="periodic-standard">{ t(lang, "表4-1 の項目に戻す", "Use table 4-1's items again") }</button>
            }
            <ChecksheetImport rows={rows.len()} />
            { for downloads }
            { rotation_toolbar(lang, *year_filter, on_spread, on_filter) }
            <ul class="tics-cards" role="list">{ for shown }</ul>
            <button type="button" id={Focus::PeriodicAddRow.element_id()} onclick={on_add} data-testid="periodic-add-row">{ t(lang, "行を追加", "Add a row") }</button>
            <PeriodicSheet sheet={printed_sheet(&sc.catalogue, &props.check, lang)} node_ref={sheet} />
        </section>
    }
}

/// The dates of the period the report covers.
fn period_fields(lang: Lang, sc: &SelfCheckContext, report: &PeriodicReport) -> Html {
    let period = |from: bool| {
        let (sc, report) = (sc.clone(), report.clone());
        Callback::from(move |e: Event| {
            let text = value(&e);
            let (from, to) = if from { (text, report.period_to.clone()) } else { (report.period_from.clone(), text) };
            sc.change(Action::Periodic(PeriodicAction::SetPeriod { from, to }))
        })
    };
    html! {
        <fieldset class="tics-fields">
            <legend>{ t(lang, "対象期間", "Period covered") }</legend>
            <div class="tics-field">
                <label for="tics-period-from">{ t(lang, "開始日", "From") }</label>
                <input id="tics-period-from" type="date" value={report.period_from.clone()} onchange={period(true)} />
            </div>
            <div class="tics-field">
                <label for="tics-period-to">{ t(lang, "終了日", "To") }</label>
                <input id="tics-period-to" type="date" value={report.period_to.clone()} onchange={period(false)} />
            </div>
        </fieldset>
    }
}

/// The line that says where the rows come from (table 4-1 or an imported checksheet) and how many there are.
fn source_text(lang: Lang, report: &PeriodicReport, rows: usize) -> String {
    say(rows_source(report, rows), lang)
}

/// The report's downloads (CSV, Excel) and its print button.
fn downloads_toolbar(lang: Lang, entry: &Rc<Entry>, on_print: Callback<MouseEvent>) -> Html {
    html! {
        <div class="tics-toolbar">
            <ExportButton kind={ExportKind::PeriodicCsv} entry={entry.clone()} label={t(lang, "CSV をダウンロード", "Download CSV").to_owned()} test_id="periodic-csv" />
            <ExportButton kind={ExportKind::PeriodicExcel} entry={entry.clone()} label={t(lang, "Excel をダウンロード（A4 横）", "Download Excel (A4 landscape)").to_owned()} test_id="periodic-xlsx" />
            <button type="button" onclick={on_print} data-testid="periodic-print">{ t(lang, "印刷する（A4 横・署名欄つき）", "Print (A4 landscape, with signature block)") }</button>
        </div>
    }
}

/// The toolbar that spreads the rows over the three rotation years and chooses which year to show.
fn rotation_toolbar(lang: Lang, year_filter: u8, on_spread: Callback<MouseEvent>, on_filter: Callback<Event>) -> Html {
    html! {
        <div class="tics-toolbar">
            <button type="button" onclick={on_spread} data-testid="spread-rotation">{ t(lang, "未設定の行に実施年を均等に割り振る", "Spread rows without a year evenly over 3 years") }</button>
            <label for="tics-year-filter">{ t(lang, "表示する実施年", "Show year") }</label>
            <select id="tics-year-filter" onchange={on_filter}>
                <option value="0" selected={year_filter == 0}>{ t(lang, "すべて", "All") }</option>
                { for rotation_years().map(|y| html! { <option value={y.to_string()} selected={year_filter == y}>{ y.to_string() }</option> }) }
            </select>
        </div>
    }
}
