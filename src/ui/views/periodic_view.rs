//! Periodic-report mode: for a certified business's yearly report, per item what the audit confirmed, what was
//! confirmed this period (or a one-click "変更無し"), date, checker, exclusion with a reason, how problems were
//! handled, and a three-year rotation.
use std::rc::Rc;

use tics_domain::periodic::{covered_items, rotation_years};
use tics_domain::selfcheck::ReportField;
use tics_domain::{Action, SelfCheck, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::field_value::value;
use crate::ui::state::focus::item_dom;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::After;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct PeriodicViewProps {
    pub check: Rc<SelfCheck>,
}

#[component(PeriodicView)]
pub fn periodic_view(props: &PeriodicViewProps) -> Html {
    let sc = use_self_check();
    // Which rotation year to show: 0 = all.
    let year_filter = use_state(|| 0u8);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let send = {
        let sc = sc.clone();
        move |a: Action| sc.change(a)
    };
    let on_spread = {
        let sc = sc.clone();
        Callback::from(move |_| {
            sc.change_then(
                Action::SpreadRotation,
                After::flash(Text::new(
                    "実施年が未設定の項目に、3 年間で均等になるよう年を割り振りました",
                    "Items without a year were spread evenly over the 3 years",
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
    let items = covered_items(&sc.catalogue, &props.check, (*year_filter != 0).then_some(*year_filter));

    let row = |item: &tics_domain::Item| {
        let id = item.id.clone();
        let entry = props.check.report.get(&id).cloned().unwrap_or_default();
        let dom = format!("{}-report", item_dom(&id));
        let field = |f: ReportField| {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: InputEvent| {
                let e: Event = e.into();
                send(Action::SetReportText { item: id.clone(), field: f, text: value(&e) })
            })
        };
        let on_date = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: Event| {
                send(Action::SetReportText { item: id.clone(), field: ReportField::Date, text: value(&e) })
            })
        };
        let on_unchanged = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: Event| {
                let unchanged = e.target_unchecked_into::<HtmlInputElement>().checked();
                send(Action::MarkUnchanged { item: id.clone(), unchanged, today: clock::today() })
            })
        };
        let on_year = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: Event| {
                let year = e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok();
                send(Action::SetRotationYear { item: id.clone(), year })
            })
        };
        let criteria =
            item.criteria.clone().unwrap_or_else(|| t(lang, "（基準番号なし）", "(no criteria number)").to_owned());
        html! {
            <li key={id.clone()}>
                <article class="tics-card" aria-labelledby={format!("{dom}-title")} data-testid={format!("report-{id}")}>
                    <div class="tics-card-head">
                        <span class="tics-badge tics-badge-cs" lang="ja">{ criteria }</span>
                        <h3 id={format!("{dom}-title")} class="tics-card-title">{ item.title.get(lang).to_owned() }</h3>
                    </div>
                    <p class="tics-req">{ item.requirement.get(lang).to_owned() }</p>
                    <div class="tics-fields">
                        <div class="tics-field tics-field-wide">
                            <label for={format!("{dom}-audit")}>{ t(lang, "審査時の確認内容", "Confirmed at audit") }</label>
                            <textarea id={format!("{dom}-audit")} rows="2" value={entry.audit_check.clone()} oninput={field(ReportField::AuditCheck)} />
                        </div>
                        <div class="tics-choice tics-field-wide">
                            <input type="checkbox" id={format!("{dom}-unchanged")} checked={entry.unchanged} onchange={on_unchanged}
                                data-testid={format!("unchanged-{id}")} />
                            <label for={format!("{dom}-unchanged")}>{ t(lang, "変更無し（前回から変わっていない）", "No change since last time") }</label>
                        </div>
                        if !entry.unchanged {
                            <div class="tics-field tics-field-wide">
                                <label for={format!("{dom}-period")}>{ t(lang, "定期報告の確認内容", "Confirmed this period") }</label>
                                <textarea id={format!("{dom}-period")} rows="2" value={entry.period_check.clone()} oninput={field(ReportField::PeriodCheck)} />
                            </div>
                        }
                        <div class="tics-field">
                            <label for={format!("{dom}-date")}>{ t(lang, "確認日", "Date checked") }</label>
                            <input id={format!("{dom}-date")} type="date" value={entry.date.clone()} onchange={on_date} />
                        </div>
                        <div class="tics-field">
                            <label for={format!("{dom}-checker")}>{ t(lang, "確認者", "Checked by") }</label>
                            <input id={format!("{dom}-checker")} type="text" value={entry.checker.clone()} oninput={field(ReportField::Checker)} />
                        </div>
                        <div class="tics-field">
                            <label for={format!("{dom}-year")}>{ t(lang, "実施年（3年計画）", "Rotation year (of 3)") }</label>
                            <select id={format!("{dom}-year")} onchange={on_year}>
                                <option value="" selected={entry.year.is_none()}>{ t(lang, "未設定", "Not set") }</option>
                                { for rotation_years().map(|y| html! {
                                    <option value={y.to_string()} selected={entry.year == Some(y)}>{ format!("{y}") }</option>
                                }) }
                            </select>
                        </div>
                        <div class="tics-field tics-field-wide">
                            <label for={format!("{dom}-excluded")}>{ t(lang, "今回除外する場合の理由", "Reason if excluded this time") }</label>
                            <input id={format!("{dom}-excluded")} type="text" value={entry.excluded_reason.clone()} oninput={field(ReportField::ExcludedReason)} />
                        </div>
                        <div class="tics-field tics-field-wide">
                            <label for={format!("{dom}-handling")}>{ t(lang, "見つかった問題への対応", "How problems found were handled") }</label>
                            <textarea id={format!("{dom}-handling")} rows="2" value={entry.handling.clone()} oninput={field(ReportField::Handling)} />
                        </div>
                    </div>
                </article>
            </li>
        }
    };

    html! {
        <section class="tics-step" aria-labelledby="tics-periodic-heading" data-testid="periodic">
            <h2 id="tics-periodic-heading">{ t(lang, "定期報告", "Periodic report") }</h2>
            <p class="tics-hint">{ t(lang,
                "認証を取得した事業者が毎年行う定期報告のための記入欄です。前回から変わらない項目は「変更無し」にできます。認証期間の3年間で項目を分けて確認する場合は、実施年を割り振ってください。",
                "Fields for the yearly report of a certified business. Items that have not changed can be marked \"no change\". To spread the checks over the three years of certification, assign each item a year.") }</p>
            <div class="tics-toolbar">
                <button type="button" onclick={on_spread} data-testid="spread-rotation">{ t(lang, "未設定の項目に実施年を均等に割り振る", "Spread unassigned items evenly over 3 years") }</button>
                <label for="tics-year-filter">{ t(lang, "表示する実施年", "Show year") }</label>
                <select id="tics-year-filter" onchange={on_filter}>
                    <option value="0" selected={*year_filter == 0}>{ t(lang, "すべて", "All") }</option>
                    { for rotation_years().map(|y| html! { <option value={y.to_string()} selected={*year_filter == y}>{ format!("{y}") }</option> }) }
                </select>
            </div>
            <ul class="tics-cards" role="list">{ for items.into_iter().map(row) }</ul>
        </section>
    }
}
