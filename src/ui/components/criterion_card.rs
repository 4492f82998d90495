//! One row of the periodic report: the criterion (reference and text, correctable), what the audit confirmed,
//! the self-check items that support it with their status (links added or removed here), and this period's check.
use std::rc::Rc;

use tics_domain::periodic::{rotation_years, Criterion, CriterionField, PeriodicAction};
use tics_domain::{Action, SelfCheck, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::After;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct CriterionCardProps {
    pub row: Rc<Criterion>,
    pub check: Rc<SelfCheck>,
}

#[component(CriterionCard)]
pub fn criterion_card(props: &CriterionCardProps) -> Html {
    let to_link = use_state(String::new);
    let confirming = use_state(|| false);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let (lang, catalogue, row, check) = (sc.lang, sc.catalogue.clone(), props.row.clone(), props.check.clone());
    let id = row.id.clone();
    let dom = |part: &'static str| Focus::Criterion(id.clone(), part).element_id();
    let send = {
        let sc = sc.clone();
        move |a: PeriodicAction| sc.change(Action::Periodic(a))
    };
    let text = |field: CriterionField| {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            send(PeriodicAction::SetText { row: id.clone(), field, text: value(&e) })
        })
    };
    let on_date = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: Event| {
            send(PeriodicAction::SetText { row: id.clone(), field: CriterionField::Date, text: value(&e) })
        })
    };
    let on_unchanged = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: Event| {
            let unchanged = e.target_unchecked_into::<HtmlInputElement>().checked();
            send(PeriodicAction::MarkUnchanged {
                row: id.clone(),
                unchanged,
                today: clock::today(),
                checker: String::new(),
            })
        })
    };
    let on_excluded = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: Event| {
            let excluded = e.target_unchecked_into::<HtmlInputElement>().checked();
            send(PeriodicAction::SetExcluded { row: id.clone(), excluded })
        })
    };
    let on_year = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: Event| {
            let year = e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok();
            send(PeriodicAction::SetYear { row: id.clone(), year })
        })
    };
    let on_pick = {
        let to_link = to_link.clone();
        Callback::from(move |e: Event| to_link.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_link = {
        let (sc, id, to_link) = (sc.clone(), id.clone(), to_link.clone());
        Callback::from(move |_| {
            if to_link.is_empty() {
                return;
            }
            let action = Action::Periodic(PeriodicAction::Link { row: id.clone(), item: (*to_link).clone() });
            sc.change_then(action, After::focus(Focus::Criterion(id.clone(), "link-pick")));
            to_link.set(String::new());
        })
    };
    let on_delete = {
        let (confirming, sc, id) = (confirming.clone(), sc.clone(), id.clone());
        Callback::from(move |_| {
            if *confirming {
                let after = After::flash(Text::new("行を削除しました", "Row deleted")).and_focus(Focus::PeriodicAddRow);
                sc.change_then(Action::Periodic(PeriodicAction::DeleteRow(id.clone())), after);
            } else {
                confirming.set(true);
                sc.focus(Focus::Criterion(id.clone(), "delete"));
            }
        })
    };
    let on_keep = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };

    let reference = row.reference();
    let heading = match (row.checksheet, reference.is_empty()) {
        (Some(n), _) => format!("{} {n}", t(lang, "表4-1 項目", "Table 4-1 item")),
        (None, false) => reference.clone(),
        (None, true) => t(lang, "（番号なし）", "(no number)").to_owned(),
    };
    let content = row.content_in(&catalogue, lang);
    let ev = check.evidence(&row, &catalogue);
    let evidence_text = if row.links.is_empty() {
        t(lang, "裏付けとなる項目が選ばれていません", "No supporting item chosen").to_owned()
    } else {
        match lang {
            tics_domain::Lang::Ja => format!("裏付け: 対象の {} 項目のうち {} 項目が実施済み", ev.in_scope, ev.done),
            tics_domain::Lang::En => format!("Evidence: {} of {} items in scope done", ev.done, ev.in_scope),
        }
    };
    // Each linked item, and whether it is out of the self-check's scope (chapters Ⅲ and Ⅳ link every item of
    // their chapter, most of them out of scope for a given business: those are counted, and listed on request).
    let (linked, out_of_scope): (Vec<_>, Vec<_>) = row
        .links
        .iter()
        .map(|item_id| {
            let (title, status, state) = match catalogue.item(item_id) {
                Some(item) => {
                    let scope = check.scope(item);
                    let answer = check.answer(item_id).and_then(|a| a.status);
                    let (label, key) = match answer {
                        Some(s) => (s.label().get(lang).to_owned(), s.key()),
                        None if scope.in_scope() => (t(lang, "未回答", "Not answered").to_owned(), "unanswered"),
                        None => (t(lang, "対象外", "Not in scope").to_owned(), "out"),
                    };
                    (item.title.get(lang).to_owned(), label, key)
                }
                None => (item_id.clone(), t(lang, "カタログにない項目", "Not in the catalogue").to_owned(), "out"),
            };
            let on_unlink = {
                let (sc, id, item) = (sc.clone(), id.clone(), item_id.clone());
                Callback::from(move |_| {
                    let action = Action::Periodic(PeriodicAction::Unlink { row: id.clone(), item: item.clone() });
                    sc.change_then(action, After::focus(Focus::Criterion(id.clone(), "link-pick")))
                })
            };
            let html = html! {
                <li key={item_id.clone()}>
                    <span>{ title.clone() }</span>
                    <span class={classes!("tics-link-state", format!("tics-link-state-{state}"))}>{ status }</span>
                    <button type="button" class="tics-link-button" onclick={on_unlink}
                        aria-label={format!("{}: {title}", t(lang, "関連付けを外す", "Unlink"))}>{ t(lang, "外す", "Unlink") }</button>
                </li>
            };
            (state == "out", html)
        })
        .partition(|(out, _): &(bool, Html)| !out);
    let out_count = out_of_scope.len();
    let choices = catalogue.topics.iter().map(|topic| {
        let items: Vec<Html> = catalogue
            .items_of(&topic.id)
            .filter(|i| !row.links.contains(&i.id))
            .map(|i| html! { <option value={i.id.clone()} selected={*to_link == i.id}>{ i.title.get(lang).to_owned() }</option> })
            .collect();
        html! { <optgroup label={topic.label(lang)}>{ for items }</optgroup> }
    });
    let previous = row.previous.as_ref().map(|p| {
        let said = if p.unchanged { t(lang, "変更無し", "No change").to_owned() } else { p.period_check.clone() };
        let signed = [p.date.as_str(), p.checker.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        html! { <p class="tics-hint" data-testid={format!("previous-{id}")}>{ format!("{}: {said} {signed}", t(lang, "前年の確認", "Last year's check")) }</p> }
    });
    let field = |part: &'static str, label: &str, input: Html| {
        html! {
            <div class="tics-field">
                <label for={dom(part)}>{ label.to_owned() }</label>
                { input }
            </div>
        }
    };

    html! {
        <article class={classes!("tics-card", row.excluded.then_some("tics-card-out"))} aria-labelledby={dom("heading")}
            data-testid={format!("criterion-{id}")}>
            <div class="tics-card-head">
                <span class="tics-badge tics-badge-cs" lang="ja">{ if reference.is_empty() { "—".to_owned() } else { reference.clone() } }</span>
                <h3 id={dom("heading")} class="tics-card-title" tabindex="-1">{ heading }</h3>
                if row.left_as_last_year() {
                    <span class="tics-badge tics-badge-warn" data-testid={format!("as-last-year-{id}")}>{ t(lang, "前年の内容のまま", "Still last year's text") }</span>
                }
                if row.kept {
                    <span class="tics-badge">{ t(lang, "取り込んだチェックシートにない行", "Not in the imported checksheet") }</span>
                }
            </div>
            <p class="tics-req">{ content.clone() }</p>
            <details class="tics-criterion-edit">
                <summary>{ t(lang, "番号と内容を直す", "Correct the number and text") }</summary>
                <div class="tics-fields">
                    { field("chapter", t(lang, "章", "Chapter"), html! { <input id={dom("chapter")} type="text" value={row.chapter.clone()} oninput={text(CriterionField::Chapter)} /> }) }
                    { field("section", t(lang, "節", "Section"), html! { <input id={dom("section")} type="text" value={row.section.clone()} oninput={text(CriterionField::Section)} /> }) }
                    { field("clause", t(lang, "項", "Clause"), html! { <input id={dom("clause")} type="text" value={row.clause.clone()} oninput={text(CriterionField::Clause)} /> }) }
                    { field("number", t(lang, "番", "No."), html! { <input id={dom("number")} type="text" value={row.number.clone()} oninput={text(CriterionField::Number)} /> }) }
                    <div class="tics-field tics-field-wide">
                        <label for={dom("content")}>{ t(lang, "内容", "Content") }</label>
                        <textarea id={dom("content")} rows="2" value={row.content.clone()} placeholder={content} oninput={text(CriterionField::Content)} />
                    </div>
                </div>
            </details>
            <div class="tics-fields">
                <div class="tics-field tics-field-wide">
                    <label for={dom("audit")}>{ t(lang, "審査時の確認内容", "Confirmed at audit") }</label>
                    <textarea id={dom("audit")} rows="2" value={row.audit_check.clone()} oninput={text(CriterionField::AuditCheck)} />
                </div>
            </div>
            <section class="tics-evidence" aria-labelledby={dom("evidence")}>
                <h4 id={dom("evidence")}>{ t(lang, "裏付けとなるセルフチェック項目", "Supporting self-check items") }</h4>
                <p class="tics-hint" data-testid={format!("evidence-{id}")}>{ evidence_text }</p>
                <ul class="tics-links" role="list" data-testid={format!("links-{id}")}>{ for linked.into_iter().map(|(_, h)| h) }</ul>
                if out_count > 0 {
                    <details class="tics-links-out" data-testid={format!("links-out-{id}")}>
                        <summary>{ match lang {
                            tics_domain::Lang::Ja => format!("このセルフチェックでは対象外の項目（{out_count} 件）"),
                            tics_domain::Lang::En => format!("Items not in this self-check's scope ({out_count})"),
                        } }</summary>
                        <ul class="tics-links" role="list">{ for out_of_scope.into_iter().map(|(_, h)| h) }</ul>
                    </details>
                }
                <div class="tics-toolbar">
                    <label for={dom("link-pick")}>{ t(lang, "項目を追加", "Add an item") }</label>
                    <select id={dom("link-pick")} onchange={on_pick}>
                        <option value="" selected={to_link.is_empty()}>{ t(lang, "（選んでください）", "(choose)") }</option>
                        { for choices }
                    </select>
                    <button type="button" onclick={on_link} data-testid={format!("link-{id}")}>{ t(lang, "関連付ける", "Link") }</button>
                </div>
            </section>
            { for previous }
            <div class="tics-fields">
                <div class="tics-choice tics-field-wide">
                    <input type="checkbox" id={dom("unchanged")} checked={row.unchanged} onchange={on_unchanged}
                        data-testid={format!("unchanged-{id}")} />
                    <label for={dom("unchanged")}>{ t(lang, "変更無し（審査の時から変わっていない。今日の日付で記録）", "No change since the audit (recorded with today's date)") }</label>
                </div>
                if !row.unchanged {
                    <div class="tics-field tics-field-wide">
                        <label for={dom("period")}>{ t(lang, "定期報告の確認内容", "Confirmed this period") }</label>
                        <textarea id={dom("period")} rows="2" value={row.period_check.clone()} oninput={text(CriterionField::PeriodCheck)} />
                    </div>
                }
                { field("date", t(lang, "確認日", "Date checked"), html! { <input id={dom("date")} type="date" value={row.date.clone()} onchange={on_date} /> }) }
                { field("checker", t(lang, "確認者", "Checked by"), html! { <input id={dom("checker")} type="text" value={row.checker.clone()} oninput={text(CriterionField::Checker)} /> }) }
                { field("year", t(lang, "実施年（3年計画）", "Rotation year (of 3)"), html! {
                    <select id={dom("year")} onchange={on_year}>
                        <option value="" selected={row.year.is_none()}>{ t(lang, "未設定", "Not set") }</option>
                        { for rotation_years().map(|y| html! { <option value={y.to_string()} selected={row.year == Some(y)}>{ y.to_string() }</option> }) }
                    </select>
                }) }
                <div class="tics-choice tics-field-wide">
                    <input type="checkbox" id={dom("excluded")} checked={row.excluded} onchange={on_excluded}
                        data-testid={format!("excluded-{id}")} />
                    <label for={dom("excluded")}>{ t(lang, "今回は確認の対象から除外する", "Leave out of this period's check") }</label>
                </div>
                if row.excluded {
                    <>
                    // A reason is often a few sentences (what changed, since when): a box as wide as the card.
                    <div class="tics-field tics-field-wide">
                        <label for={dom("excluded-reason")}>{ t(lang, "除外の理由", "Reason") }</label>
                        <textarea id={dom("excluded-reason")} rows="3" value={row.excluded_reason.clone()}
                            oninput={text(CriterionField::ExcludedReason)} aria-describedby={dom("excluded-hint")} />
                    </div>
                    { field("excluded-by", t(lang, "除外を決めた経営層", "Decided by (management)"), html! { <input id={dom("excluded-by")} type="text" value={row.excluded_by.clone()} oninput={text(CriterionField::ExcludedBy)} aria-describedby={dom("excluded-hint")} /> }) }
                    <p id={dom("excluded-hint")} class="tics-hint tics-field-wide">{ t(lang,
                        "除外するときは、理由と、それを決めた経営層の氏名を書いておきます。認証機関は更新の審査で確認できます。",
                        "When a row is left out, write why and who in management decided it; the certification body can check it at renewal.") }</p>
                    </>
                }
                <div class="tics-field tics-field-wide">
                    <label for={dom("problems")}>{ t(lang, "見つかった問題", "Problems found") }</label>
                    <textarea id={dom("problems")} rows="2" value={row.problems.clone()} oninput={text(CriterionField::Problems)} />
                </div>
                <div class="tics-field tics-field-wide">
                    <label for={dom("handling")}>{ t(lang, "問題への対応", "How problems were handled") }</label>
                    <textarea id={dom("handling")} rows="2" value={row.handling.clone()} oninput={text(CriterionField::Handling)} />
                </div>
            </div>
            <div class="tics-card-actions">
                <button type="button" id={dom("delete")} onclick={on_delete} data-testid={format!("delete-criterion-{id}")}>
                    { if *confirming { t(lang, "本当に削除する", "Really delete") } else { t(lang, "この行を削除", "Delete this row") } }
                </button>
                if *confirming {
                    <button type="button" onclick={on_keep}>{ t(lang, "やめる", "Keep it") }</button>
                }
            </div>
        </article>
    }
}
