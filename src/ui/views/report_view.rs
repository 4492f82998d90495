//! The printable report (A4; the browser's print dialog also saves it as PDF): summary, scores per topic with a
//! chart, measures by threat (the feared threats' items with their status), gaps, the action plan with the items
//! done whose evidence is missing, and a
//! self-check result statement modelled on the fields JIS Q 17050-1 asks of
//! a declaration — stating plainly that it is a self-check, not a certification. What it prints is the domain's
//! model of the report (`tics_domain::report`).
use std::rc::Rc;

use tics_domain::library::Entry;
use tics_domain::report::{
    printed_report, PlanLine, PrintedReport, ReportItem, ReportOf, StatementLines, ThreatSection,
};
use tics_domain::scoring::Summary;
use tics_domain::selfcheck::{Statement, StatementField};
use tics_domain::{Action, Lang, SelfCheck};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::components::score_chart::ScoreChart;
use crate::ui::components::threat_chart::ThreatChart;
use crate::ui::hooks::print::print_button;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq, Clone)]
pub struct ReportViewProps {
    pub check: Rc<SelfCheck>,
    pub summary: Rc<Summary>,
    pub entry: Option<Rc<Entry>>,
    /// The app's stylesheet, so the report can be printed on its own (see `web::print`).
    #[prop_or_default]
    pub stylesheet: Option<AttrValue>,
}

#[component(ReportView)]
pub fn report_view(props: &ReportViewProps) -> Html {
    let sc = use_self_check();
    let report_ref = use_node_ref();
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let today = sc.today();
    let entry = props.entry.as_deref();
    let of = ReportOf {
        name: entry.map(|e| e.name.as_str()).unwrap_or_default(),
        id: entry.map(|e| e.id.as_str()).unwrap_or_default(),
        today: &today,
        summary: &props.summary,
    };
    let report = printed_report(&sc.catalogue, &props.check, of, lang);
    let figures = Rc::new(report.figures.clone());
    let on_print = print_button(report_ref.clone(), props.stylesheet.clone(), lang);

    html! {
        <section class="tics-step" aria-labelledby="tics-report-heading" data-testid="report-view">
            { statement_form(&sc, &props.check.statement, on_print) }
            <article class="tics-report" data-testid="report" ref={report_ref} aria-label={t(lang, "印刷用レポート", "Printable report")}>
                <h2>{ report.title.clone() }</h2>
                <dl class="tics-meta">
                    <dt>{ t(lang, "事業者", "Business") }</dt><dd>{ report.business.clone() }</dd>
                    <dt>{ t(lang, "作成日", "Date") }</dt><dd>{ report.date.clone() }</dd>
                    <dt>{ t(lang, "カタログ", "Catalogue") }</dt><dd>{ report.catalogue.clone() }</dd>
                    <dt>{ t(lang, "目標レベル", "Target level") }</dt><dd>{ report.target.clone() }</dd>
                    <dt>{ t(lang, "回答済み", "Answered") }</dt><dd>{ figures.answered.clone() }</dd>
                    <dt>{ t(lang, "全体のスコア", "Overall score") }</dt><dd>{ figures.score.clone() }</dd>
                    <dt>{ t(lang, "達成レベル", "Level attained") }</dt>
                    <dd>{ report.attained.clone() }</dd>
                </dl>

                <ScoreChart figures={figures.clone()} />

                <section aria-labelledby="tics-report-threats-heading" data-testid="report-threats">
                    <h3 id="tics-report-threats-heading">{ t(lang, "脅威別の実施状況", "Measures by threat") }</h3>
                    <ThreatChart {figures} />
                    if report.threats.is_empty() {
                        <p>{ t(lang, "特に心配な脅威は選ばれていません。", "No threat is marked as feared most.") }</p>
                    }
                    { for report.threats.iter().map(|section| threat_section(section, lang)) }
                </section>

                { plan_table(&report.plan, lang) }
                { missing_evidence(&report.missing_evidence, lang) }
                { statement_section(&report, lang) }
            </article>
        </section>
    }
}

/// The statement's fields to fill in before printing, and the print button (not printed).
fn statement_form(sc: &SelfCheckContext, statement: &Statement, on_print: Callback<MouseEvent>) -> Html {
    let lang = sc.lang;
    let field = |f: StatementField, id: &'static str, label: &'static str, value: &str| {
        let sc = sc.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            sc.change(Action::SetStatementText { field: f, text })
        });
        html! {
            <div class="tics-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={value.to_owned()} {oninput} />
            </div>
        }
    };
    html! {
        <div class="tics-no-print">
            <h2 id="tics-report-heading">{ t(lang, "レポート印刷", "Print report") }</h2>
            <p class="tics-hint">{ t(lang,
                "宣言書の欄を記入してから「印刷」を押してください。印刷画面で「PDF に保存」を選ぶと PDF にできます。",
                "Fill in the statement fields, then press Print. Choose \"Save as PDF\" in the print dialog to get a PDF.") }</p>
            <div class="tics-fields">
                { field(StatementField::IssuerAddress, "tics-st-address", t(lang, "所在地（連絡先）", "Address (contact)"), &statement.issuer_address) }
                { field(StatementField::Scope, "tics-st-scope", t(lang, "確認の範囲（拠点・部門・情報）", "Scope (sites, departments, information)"), &statement.scope) }
                { field(StatementField::SignerName, "tics-st-signer", t(lang, "署名者の氏名", "Signer's name"), &statement.signer_name) }
                { field(StatementField::SignerTitle, "tics-st-title", t(lang, "署名者の役職", "Signer's title"), &statement.signer_title) }
            </div>
            <button type="button" class="tics-primary" onclick={on_print} data-testid="print">{ t(lang, "印刷 / PDF に保存", "Print / save as PDF") }</button>
        </div>
    }
}

/// A feared threat's heading and the items that answer it.
fn threat_section(section: &ThreatSection, lang: Lang) -> Html {
    html! {
        <>
            <h4>{ section.heading.clone() }</h4>
            if section.items.is_empty() {
                <p>{ t(lang, "この脅威に当たる項目は、セルフチェックにありません。", "No item of the self-check answers this threat.") }</p>
            } else {
                { items_table(&section.items, lang, Some(format!("report-threat-{}", section.threat.key()))) }
            }
        </>
    }
}

/// The gaps with their plan.
fn plan_table(plan: &[PlanLine], lang: Lang) -> Html {
    html! {
        <>
            <h3>{ format!("{} ({})", t(lang, "未対応の項目と行動計画", "Gaps and action plan"), plan.len()) }</h3>
            if plan.is_empty() {
                <p>{ t(lang, "未対応の項目はありません。", "There are no gaps.") }</p>
            } else {
                <table class="tics-table">
                    <thead><tr>
                        <th scope="col" class="tics-nowrap">{ t(lang, "優先度", "Priority") }</th>
                        <th scope="col">{ t(lang, "項目", "Item") }</th>
                        <th scope="col" class="tics-nowrap">{ t(lang, "現状", "Status") }</th>
                        <th scope="col">{ t(lang, "計画する対策", "Planned measure") }</th>
                        <th scope="col" class="tics-nowrap">{ t(lang, "担当者", "Owner") }</th>
                        <th scope="col" class="tics-nowrap">{ t(lang, "期限", "Due") }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.iter().map(|line| html! {
                            <tr>
                                <td class="tics-nowrap" data-label={t(lang, "優先度", "Priority")}>{ line.priority.clone() }</td>
                                <th scope="row">{ line.item.title.clone() }</th>
                                <td class="tics-nowrap" data-label={t(lang, "現状", "Status")}>{ line.item.status.clone() }</td>
                                <td data-label={t(lang, "計画する対策", "Planned measure")}>{ line.measure.clone() }</td>
                                <td data-label={t(lang, "担当者", "Owner")}>{ line.owner.clone() }</td>
                                <td class="tics-nowrap" data-label={t(lang, "期限", "Due")}>{ line.due.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </>
    }
}

/// Items with their level and status, as the threats' sections and the missing evidence list them.
fn items_table(items: &[ReportItem], lang: Lang, testid: Option<String>) -> Html {
    html! {
        <table class="tics-table" data-testid={testid}>
            <thead><tr>
                <th scope="col">{ t(lang, "項目", "Item") }</th>
                <th scope="col" class="tics-nowrap">{ t(lang, "レベル", "Level") }</th>
                <th scope="col" class="tics-nowrap">{ t(lang, "現状", "Status") }</th>
            </tr></thead>
            <tbody>
                { for items.iter().map(|item| html! {
                    <tr>
                        <th scope="row">{ item.title.clone() }</th>
                        <td class="tics-nowrap" data-label={t(lang, "レベル", "Level")}>{ item.level.clone() }</td>
                        <td class="tics-nowrap" data-label={t(lang, "現状", "Status")}>{ item.status.clone() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The plan's other part: the items done whose evidence is missing (nothing when there are none).
fn missing_evidence(items: &[ReportItem], lang: Lang) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section aria-labelledby="tics-report-evidence-heading" data-testid="report-missing-evidence">
            <h3 id="tics-report-evidence-heading">{ format!("{} ({})", t(lang, "実施済みで証跡が未記録の項目", "Done, but no evidence recorded"), items.len()) }</h3>
            <p>{ t(lang, "審査の前に、実施を示す記録（証跡）を記録します。", "Before the audit, record what shows these measures are in place.") }</p>
            { items_table(items, lang, None) }
        </section>
    }
}

/// The self-check result statement the business signs.
fn statement_section(report: &PrintedReport, lang: Lang) -> Html {
    let StatementLines { id, address, scope, basis, result, signer } = &report.statement;
    html! {
        <section class="tics-statement" aria-labelledby="tics-statement-heading" data-testid="statement">
            <h3 id="tics-statement-heading">{ t(lang, "セルフチェック結果の宣言", "Self-check result statement") }</h3>
            <p class="tics-statement-note"><strong>{ t(lang,
                "本書は事業者が自ら行ったセルフチェックの結果を示すものです。技術情報管理認証制度に基づく認証ではなく、認証機関による審査を経たものでもありません。",
                "This statement reports a self-check carried out by the business itself. It is not a certification under the Technology Information Management Certification System and has not been audited by a certification body.") }</strong></p>
            <dl class="tics-meta">
                <dt>{ t(lang, "宣言番号", "Statement ID") }</dt><dd data-testid="statement-id">{ id.clone() }</dd>
                <dt>{ t(lang, "発行者", "Issuer") }</dt><dd>{ report.business.clone() }</dd>
                <dt>{ t(lang, "所在地", "Address") }</dt><dd>{ address.clone() }</dd>
                <dt>{ t(lang, "範囲", "Scope") }</dt><dd>{ scope.clone() }</dd>
                <dt>{ t(lang, "確認の基準", "Checked against") }</dt>
                <dd>{ basis.clone() }</dd>
                <dt>{ t(lang, "結果", "Result") }</dt>
                <dd>{ result.clone() }</dd>
                <dt>{ t(lang, "発行日", "Date of issue") }</dt><dd>{ report.date.clone() }</dd>
                <dt>{ t(lang, "署名者", "Signed by") }</dt>
                <dd>{ signer.clone() }</dd>
            </dl>
            <p class="tics-signature">{ t(lang, "署名：", "Signature:") }</p>
        </section>
    }
}
