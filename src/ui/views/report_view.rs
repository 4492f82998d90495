//! The printable report (A4; the browser's print dialog also saves it as PDF): summary, scores per topic with a
//! chart, measures by threat (the feared threats' items with their status), gaps, the action plan, and a
//! self-check result statement modelled on the fields JIS Q 17050-1 asks of
//! a declaration — stating plainly that it is a self-check, not a certification.
use std::rc::Rc;

use tics_domain::library::Entry;
use tics_domain::periodic::statement_id;
use tics_domain::scoring::{plan_order, threat_order, Summary};
use tics_domain::selfcheck::StatementField;
use tics_domain::vocab::{attained_text, level_name, percent_text, status_text, threat_name};
use tics_domain::{Action, SelfCheck};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::components::score_chart::ScoreChart;
use crate::ui::components::threat_chart::ThreatChart;
use crate::ui::hooks::print::print_button;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::web::clock;

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
    let (catalogue, check, summary) = (&sc.catalogue, &props.check, &props.summary);
    let today = clock::today();
    let statement = &check.statement;
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
    let on_print = print_button(report_ref.clone(), props.stylesheet.clone(), lang);
    let name = props.entry.as_ref().map(|e| e.name.clone()).unwrap_or_default();
    let sid = statement_id(props.entry.as_ref().map(|e| e.id.as_str()).unwrap_or_default(), &today);
    let blank = || t(lang, "（未記入）", "(not filled in)").to_owned();
    let or_blank = |s: &str| if s.trim().is_empty() { blank() } else { s.to_owned() };
    let plan = plan_order(catalogue, check);
    let by_threat = threat_order(catalogue, check);
    let status_of = |id: &str| say(status_text(check.answer(id).and_then(|a| a.effective_status())), lang);

    html! {
        <section class="tics-step" aria-labelledby="tics-report-heading" data-testid="report-view">
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

            <article class="tics-report" data-testid="report" ref={report_ref} aria-label={t(lang, "印刷用レポート", "Printable report")}>
                <h2>{ format!("{} — {}", t(lang, "技術情報管理 セルフチェック結果", "TICS self-check result"), name) }</h2>
                <dl class="tics-meta">
                    <dt>{ t(lang, "事業者", "Business") }</dt><dd>{ or_blank(&check.profile.organisation) }</dd>
                    <dt>{ t(lang, "作成日", "Date") }</dt><dd>{ today.clone() }</dd>
                    <dt>{ t(lang, "カタログ", "Catalogue") }</dt><dd>{ format!("{} {}", catalogue.title.get(lang), catalogue.version) }</dd>
                    <dt>{ t(lang, "目標レベル", "Target level") }</dt><dd>{ say(level_name(check.target_level), lang) }</dd>
                    <dt>{ t(lang, "回答済み", "Answered") }</dt><dd>{ format!("{} / {}", summary.overall.answered, summary.overall.in_scope) }</dd>
                    <dt>{ t(lang, "全体のスコア", "Overall score") }</dt><dd>{ percent_text(summary.overall.percent()) }</dd>
                    <dt>{ t(lang, "達成レベル", "Level attained") }</dt>
                    <dd>{ say(attained_text(summary.attained_level), lang) }</dd>
                </dl>

                <ScoreChart summary={summary.clone()} />

                <section aria-labelledby="tics-report-threats-heading" data-testid="report-threats">
                    <h3 id="tics-report-threats-heading">{ t(lang, "脅威別の実施状況", "Measures by threat") }</h3>
                    <ThreatChart check={check.clone()} />
                    if by_threat.is_empty() {
                        <p>{ t(lang, "特に心配な脅威は選ばれていません。", "No threat is marked as feared most.") }</p>
                    }
                    { for by_threat.iter().map(|(threat, ids)| html! {
                        <>
                            <h4>{ say(threat_name(*threat, true), lang) }</h4>
                            if ids.is_empty() {
                                <p>{ t(lang, "この脅威に当たる項目は、セルフチェックにありません。", "No item of the self-check answers this threat.") }</p>
                            } else {
                                <table class="tics-table" data-testid={format!("report-threat-{}", threat.key())}>
                                    <thead><tr>
                                        <th scope="col">{ t(lang, "項目", "Item") }</th>
                                        <th scope="col" class="tics-nowrap">{ t(lang, "レベル", "Level") }</th>
                                        <th scope="col" class="tics-nowrap">{ t(lang, "現状", "Status") }</th>
                                    </tr></thead>
                                    <tbody>
                                        { for ids.iter().filter_map(|id| catalogue.item(id)).map(|item| html! {
                                            <tr>
                                                <th scope="row">{ item.title.get(lang).to_owned() }</th>
                                                <td class="tics-nowrap" data-label={t(lang, "レベル", "Level")}>{ say(level_name(item.level), lang) }</td>
                                                <td class="tics-nowrap" data-label={t(lang, "現状", "Status")}>{ status_of(&item.id) }</td>
                                            </tr>
                                        }) }
                                    </tbody>
                                </table>
                            }
                        </>
                    }) }
                </section>

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
                            { for plan.iter().filter_map(|id| catalogue.item(id)).map(|item| {
                                let p = check.plan.get(&item.id).cloned().unwrap_or_default();
                                html! {
                                    <tr>
                                        <td class="tics-nowrap" data-label={t(lang, "優先度", "Priority")}>{ check.priority(item).label().get(lang).to_owned() }</td>
                                        <th scope="row">{ format!("{} ({})", item.title.get(lang), say(level_name(item.level), lang)) }</th>
                                        <td class="tics-nowrap" data-label={t(lang, "現状", "Status")}>{ status_of(&item.id) }</td>
                                        <td data-label={t(lang, "計画する対策", "Planned measure")}>{ p.measure }</td>
                                        <td data-label={t(lang, "担当者", "Owner")}>{ p.owner }</td>
                                        <td class="tics-nowrap" data-label={t(lang, "期限", "Due")}>{ p.due }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }

                <section class="tics-statement" aria-labelledby="tics-statement-heading" data-testid="statement">
                    <h3 id="tics-statement-heading">{ t(lang, "セルフチェック結果の宣言", "Self-check result statement") }</h3>
                    <p class="tics-statement-note"><strong>{ t(lang,
                        "本書は事業者が自ら行ったセルフチェックの結果を示すものです。技術情報管理認証制度に基づく認証ではなく、認証機関による審査を経たものでもありません。",
                        "This statement reports a self-check carried out by the business itself. It is not a certification under the Technology Information Management Certification System and has not been audited by a certification body.") }</strong></p>
                    <dl class="tics-meta">
                        <dt>{ t(lang, "宣言番号", "Statement ID") }</dt><dd data-testid="statement-id">{ sid }</dd>
                        <dt>{ t(lang, "発行者", "Issuer") }</dt><dd>{ or_blank(&check.profile.organisation) }</dd>
                        <dt>{ t(lang, "所在地", "Address") }</dt><dd>{ or_blank(&statement.issuer_address) }</dd>
                        <dt>{ t(lang, "範囲", "Scope") }</dt><dd>{ or_blank(&statement.scope) }</dd>
                        <dt>{ t(lang, "確認の基準", "Checked against") }</dt>
                        <dd>{ format!("{} ({} {}), {}", catalogue.title.get(lang), catalogue.id, catalogue.version, say(level_name(check.target_level), lang)) }</dd>
                        <dt>{ t(lang, "結果", "Result") }</dt>
                        <dd>{ match summary.attained_level {
                            Some(l) => format!("{} {}", say(level_name(l), lang), t(lang, "の項目をすべて実施していることを自ら確認しました。", ": every item was confirmed as done by the business itself.")),
                            None => t(lang, "基本のレベル（レベル1）の項目に未対応のものがあります（上記の行動計画を参照）。", "Some baseline (level 1) items are not yet done (see the action plan above).").to_owned(),
                        } }</dd>
                        <dt>{ t(lang, "発行日", "Date of issue") }</dt><dd>{ today }</dd>
                        <dt>{ t(lang, "署名者", "Signed by") }</dt>
                        <dd>{ format!("{} {}", or_blank(&statement.signer_name), statement.signer_title) }</dd>
                    </dl>
                    <p class="tics-signature">{ t(lang, "署名：", "Signature:") }</p>
                </section>
            </article>
        </section>
    }
}
