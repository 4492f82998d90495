//! One row of the periodic report: the criterion (reference and text, correctable), what the audit confirmed,
//! the self-check items that support it with their status (links added or removed here) and the evidence
//! recorded for them, and this period's check.
use std::rc::Rc;

use tics_domain::periodic::{rotation_years, Criterion, CriterionField, PeriodicAction};
use tics_domain::tables::criterion_evidence;
use tics_domain::vocab::{evidence_text, links_out_of_scope};
use tics_domain::{Action, Lang, SelfCheck, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;

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
    let (lang, row) = (sc.lang, &props.row);
    let id = &row.id;
    let content = row.content_in(&sc.catalogue, lang);

    html! {
        <article class={classes!("tics-card", row.excluded.then_some("tics-card-out"))} aria-labelledby={dom(id, "heading")}
            data-testid={format!("criterion-{id}")}>
            { criterion_head(row, lang) }
            <p class="tics-req">{ content.clone() }</p>
            { correction(&sc, row, content) }
            <div class="tics-fields">
                <div class="tics-field tics-field-wide">
                    <label for={dom(id, "audit")}>{ t(lang, "審査時の確認内容", "Confirmed at audit") }</label>
                    <textarea id={dom(id, "audit")} rows="2" value={row.audit_check.clone()} oninput={text(&sc, id, CriterionField::AuditCheck)} />
                </div>
            </div>
            { evidence_section(&sc, row, &props.check, &to_link) }
            { recorded_evidence(row, &props.check, lang) }
            { for previous_check(row, lang) }
            { period_fields(&sc, row) }
            { delete_actions(&sc, id, &confirming) }
        </article>
    }
}

/// The id of one of the row's elements.
fn dom(id: &str, part: &'static str) -> String {
    Focus::Criterion(id.to_owned(), part).element_id()
}

/// Sends a change to the periodic report.
fn send(sc: &SelfCheckContext) -> impl Fn(PeriodicAction) + Clone + 'static {
    let sc = sc.clone();
    move |a: PeriodicAction| sc.change(Action::Periodic(a))
}

/// The callback that puts what was typed into one of the row's text fields.
fn text(sc: &SelfCheckContext, id: &str, field: CriterionField) -> Callback<InputEvent> {
    let (send, id) = (send(sc), id.to_owned());
    Callback::from(move |e: InputEvent| {
        let e: Event = e.into();
        send(PeriodicAction::SetText { row: id.clone(), field, text: value(&e) })
    })
}

/// Renders a labelled field around `input`, whose id is the row's `part`.
fn field(id: &str, part: &'static str, label: &str, input: Html) -> Html {
    html! {
        <div class="tics-field">
            <label for={dom(id, part)}>{ label.to_owned() }</label>
            { input }
        </div>
    }
}

/// Renders the card's head: the reference badge, the heading, and badges for a row left as last year's or kept.
fn criterion_head(row: &Criterion, lang: Lang) -> Html {
    let id = &row.id;
    let reference = row.reference();
    let heading = match (row.checksheet, reference.is_empty()) {
        (Some(n), _) => format!("{} {n}", t(lang, "表4-1 項目", "Table 4-1 item")),
        (None, false) => reference.clone(),
        (None, true) => t(lang, "（番号なし）", "(no number)").to_owned(),
    };
    html! {
        <div class="tics-card-head">
            <span class="tics-badge tics-badge-cs" lang="ja">{ if reference.is_empty() { "—".to_owned() } else { reference.clone() } }</span>
            <h3 id={dom(id, "heading")} class="tics-card-title" tabindex="-1">{ heading }</h3>
            if row.left_as_last_year() {
                <span class="tics-badge tics-badge-warn" data-testid={format!("as-last-year-{id}")}>{ t(lang, "前年の内容のまま", "Still last year's text") }</span>
            }
            if row.kept {
                <span class="tics-badge">{ t(lang, "取り込んだチェックシートにない行", "Not in the imported checksheet") }</span>
            }
        </div>
    }
}

/// Renders the fold-out that corrects the row's number and text; `content` is the text shown, as placeholder.
fn correction(sc: &SelfCheckContext, row: &Criterion, content: String) -> Html {
    let (lang, id) = (sc.lang, &row.id);
    html! {
        <details class="tics-criterion-edit">
            <summary>{ t(lang, "番号と内容を直す", "Correct the number and text") }</summary>
            <div class="tics-fields">
                { field(id, "chapter", t(lang, "章", "Chapter"), html! { <input id={dom(id, "chapter")} type="text" value={row.chapter.clone()} oninput={text(sc, id, CriterionField::Chapter)} /> }) }
                { field(id, "section", t(lang, "節", "Section"), html! { <input id={dom(id, "section")} type="text" value={row.section.clone()} oninput={text(sc, id, CriterionField::Section)} /> }) }
                { field(id, "clause", t(lang, "項", "Clause"), html! { <input id={dom(id, "clause")} type="text" value={row.clause.clone()} oninput={text(sc, id, CriterionField::Clause)} /> }) }
                { field(id, "number", t(lang, "番", "No."), html! { <input id={dom(id, "number")} type="text" value={row.number.clone()} oninput={text(sc, id, CriterionField::Number)} /> }) }
                <div class="tics-field tics-field-wide">
                    <label for={dom(id, "content")}>{ t(lang, "内容", "Content") }</label>
                    <textarea id={dom(id, "content")} rows="2" value={row.content.clone()} placeholder={content} oninput={text(sc, id, CriterionField::Content)} />
                </div>
            </div>
        </details>
    }
}

/// Renders the supporting self-check items: how many are done, the linked items, and the picker that links one more.
fn evidence_section(
    sc: &SelfCheckContext,
    row: &Criterion,
    check: &SelfCheck,
    to_link: &UseStateHandle<String>,
) -> Html {
    let (lang, catalogue, id) = (sc.lang, &sc.catalogue, &row.id);
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
    let ev = check.evidence(row, catalogue);
    let evidence = say(evidence_text((!row.links.is_empty()).then_some(ev)), lang);
    let (linked, out_of_scope) = linked_items(sc, row, check);
    let out_count = out_of_scope.len();
    let choices = catalogue.topics.iter().map(|topic| {
        let items: Vec<Html> = catalogue
            .items_of(&topic.id)
            .filter(|i| !row.links.contains(&i.id))
            .map(|i| html! { <option value={i.id.clone()} selected={**to_link == i.id}>{ i.title.get(lang).to_owned() }</option> })
            .collect();
        html! { <optgroup label={topic.label(lang)}>{ for items }</optgroup> }
    });
    html! {
        <section class="tics-evidence" aria-labelledby={dom(id, "evidence")}>
            <h4 id={dom(id, "evidence")}>{ t(lang, "裏付けとなるセルフチェック項目", "Supporting self-check items") }</h4>
            <p class="tics-hint" data-testid={format!("evidence-{id}")}>{ evidence }</p>
            <ul class="tics-links" role="list" data-testid={format!("links-{id}")}>{ for linked.into_iter().map(|(_, h)| h) }</ul>
            if out_count > 0 {
                <details class="tics-links-out" data-testid={format!("links-out-{id}")}>
                    <summary>{ say(links_out_of_scope(out_count), lang) }</summary>
                    <ul class="tics-links" role="list">{ for out_of_scope.into_iter().map(|(_, h)| h) }</ul>
                </details>
            }
            <div class="tics-toolbar">
                <label for={dom(id, "link-pick")}>{ t(lang, "項目を追加", "Add an item") }</label>
                <select id={dom(id, "link-pick")} onchange={on_pick}>
                    <option value="" selected={to_link.is_empty()}>{ t(lang, "（選んでください）", "(choose)") }</option>
                    { for choices }
                </select>
                <button type="button" onclick={on_link} data-testid={format!("link-{id}")}>{ t(lang, "関連付ける", "Link") }</button>
            </div>
        </section>
    }
}

/// A linked item, rendered, with whether it is out of the self-check's scope.
type LinkedItem = (bool, Html);

/// Renders each linked item with its status and an unlink button, split into those in scope and those out of it
/// (chapters Ⅲ and Ⅳ link every item of their chapter, most of them out of scope for a given business: those are
/// counted, and listed on request).
fn linked_items(sc: &SelfCheckContext, row: &Criterion, check: &SelfCheck) -> (Vec<LinkedItem>, Vec<LinkedItem>) {
    let (lang, catalogue, id) = (sc.lang, &sc.catalogue, &row.id);
    row.links
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
        .partition(|(out, _): &(bool, Html)| !out)
}

/// Renders the evidence recorded for the row's supporting items, cited as the printed and Excel reports cite it
/// (`tables::criterion_evidence`); nothing for a row without supporting items.
fn recorded_evidence(row: &Criterion, check: &SelfCheck, lang: Lang) -> Html {
    if row.links.is_empty() {
        return Html::default();
    }
    let id = &row.id;
    let cited = criterion_evidence(row, &check.evidence_index(), lang);
    html! {
        <div data-testid={format!("recorded-evidence-{id}")}>
            <h4 id={dom(id, "recorded")}>{ t(lang, "証跡", "Evidence") }</h4>
            if cited.is_empty() {
                <p class="tics-hint">{ t(lang,
                    "裏付けの項目に証跡はまだ記録されていません（セルフチェックの各項目の「証跡」で記録します）。",
                    "No evidence is recorded for the supporting items yet (record it under \"Evidence\" on each item of the self-check).") }</p>
            } else {
                <ul class="tics-links" role="list" aria-labelledby={dom(id, "recorded")}>
                    { for cited.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            }
        </div>
    }
}

/// Renders what last year's check said, if the row has one.
fn previous_check(row: &Criterion, lang: Lang) -> Option<Html> {
    let id = &row.id;
    row.previous.as_ref().map(|p| {
        let said = if p.unchanged { t(lang, "変更無し", "No change").to_owned() } else { p.period_check.clone() };
        let signed = [p.date.as_str(), p.checker.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ");
        html! { <p class="tics-hint" data-testid={format!("previous-{id}")}>{ format!("{}: {said} {signed}", t(lang, "前年の確認", "Last year's check")) }</p> }
    })
}

/// Renders this period's check: unchanged or what was confirmed, date, checker, rotation year, exclusion, problems
/// found and how they were handled.
fn period_fields(sc: &SelfCheckContext, row: &Criterion) -> Html {
    let (lang, id) = (sc.lang, &row.id);
    let on_date = {
        let (send, id) = (send(sc), id.clone());
        Callback::from(move |e: Event| {
            send(PeriodicAction::SetText { row: id.clone(), field: CriterionField::Date, text: value(&e) })
        })
    };
    let on_unchanged = {
        let (sc, id) = (sc.clone(), id.clone());
        Callback::from(move |e: Event| {
            let unchanged = e.target_unchecked_into::<HtmlInputElement>().checked();
            sc.mark_unchanged(&id, unchanged)
        })
    };
    let on_year = {
        let (send, id) = (send(sc), id.clone());
        Callback::from(move |e: Event| {
            let year = e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok();
            send(PeriodicAction::SetYear { row: id.clone(), year })
        })
    };
    html! {
        <div class="tics-fields">
            <div class="tics-choice tics-field-wide">
                <input type="checkbox" id={dom(id, "unchanged")} checked={row.unchanged} onchange={on_unchanged}
                    data-testid={format!("unchanged-{id}")} />
                <label for={dom(id, "unchanged")}>{ t(lang, "変更無し（審査の時から変わっていない。今日の日付で記録）", "No change since the audit (recorded with today's date)") }</label>
            </div>
            if !row.unchanged {
                <div class="tics-field tics-field-wide">
                    <label for={dom(id, "period")}>{ t(lang, "定期報告の確認内容", "Confirmed this period") }</label>
                    <textarea id={dom(id, "period")} rows="2" value={row.period_check.clone()} oninput={text(sc, id, CriterionField::PeriodCheck)} />
                </div>
            }
            { field(id, "date", t(lang, "確認日", "Date checked"), html! { <input id={dom(id, "date")} type="date" value={row.date.clone()} onchange={on_date} /> }) }
            { field(id, "checker", t(lang, "確認者", "Checked by"), html! { <input id={dom(id, "checker")} type="text" value={row.checker.clone()} oninput={text(sc, id, CriterionField::Checker)} /> }) }
            { field(id, "year", t(lang, "実施年（3年計画）", "Rotation year (of 3)"), html! {
                <select id={dom(id, "year")} onchange={on_year}>
                    <option value="" selected={row.year.is_none()}>{ t(lang, "未設定", "Not set") }</option>
                    { for rotation_years().map(|y| html! { <option value={y.to_string()} selected={row.year == Some(y)}>{ y.to_string() }</option> }) }
                </select>
            }) }
            { exclusion_fields(sc, row) }
            <div class="tics-field tics-field-wide">
                <label for={dom(id, "problems")}>{ t(lang, "見つかった問題", "Problems found") }</label>
                <textarea id={dom(id, "problems")} rows="2" value={row.problems.clone()} oninput={text(sc, id, CriterionField::Problems)} />
            </div>
            <div class="tics-field tics-field-wide">
                <label for={dom(id, "handling")}>{ t(lang, "問題への対応", "How problems were handled") }</label>
                <textarea id={dom(id, "handling")} rows="2" value={row.handling.clone()} oninput={text(sc, id, CriterionField::Handling)} />
            </div>
        </div>
    }
}

/// Renders the box that leaves the row out of this period's check and, when it is ticked, why and who decided it.
fn exclusion_fields(sc: &SelfCheckContext, row: &Criterion) -> Html {
    let (lang, id) = (sc.lang, &row.id);
    let on_excluded = {
        let (send, id) = (send(sc), id.clone());
        Callback::from(move |e: Event| {
            let excluded = e.target_unchecked_into::<HtmlInputElement>().checked();
            send(PeriodicAction::SetExcluded { row: id.clone(), excluded })
        })
    };
    html! {
        <>
            <div class="tics-choice tics-field-wide">
                <input type="checkbox" id={dom(id, "excluded")} checked={row.excluded} onchange={on_excluded}
                    data-testid={format!("excluded-{id}")} />
                <label for={dom(id, "excluded")}>{ t(lang, "今回は確認の対象から除外する", "Leave out of this period's check") }</label>
            </div>
            if row.excluded {
                <>
                // A reason is often a few sentences (what changed, since when): a box as wide as the card.
                <div class="tics-field tics-field-wide">
                    <label for={dom(id, "excluded-reason")}>{ t(lang, "除外の理由", "Reason") }</label>
                    <textarea id={dom(id, "excluded-reason")} rows="3" value={row.excluded_reason.clone()}
                        oninput={text(sc, id, CriterionField::ExcludedReason)} aria-describedby={dom(id, "excluded-hint")} />
                </div>
                { field(id, "excluded-by", t(lang, "除外を決めた経営層", "Decided by (management)"), html! { <input id={dom(id, "excluded-by")} type="text" value={row.excluded_by.clone()} oninput={text(sc, id, CriterionField::ExcludedBy)} aria-describedby={dom(id, "excluded-hint")} /> }) }
                <p id={dom(id, "excluded-hint")} class="tics-hint tics-field-wide">{ t(lang,
                    "除外するときは、理由と、それを決めた経営層の氏名を書いておきます。認証機関は更新の審査で確認できます。",
                    "When a row is left out, write why and who in management decided it; the certification body can check it at renewal.") }</p>
                </>
            }
        </>
    }
}

/// Renders the button that deletes the row, asking once more before it does.
fn delete_actions(sc: &SelfCheckContext, id: &str, confirming: &UseStateHandle<bool>) -> Html {
    let lang = sc.lang;
    let on_delete = {
        let (confirming, sc, id) = (confirming.clone(), sc.clone(), id.to_owned());
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
    html! {
        <div class="tics-card-actions">
            <button type="button" id={dom(id, "delete")} onclick={on_delete} data-testid={format!("delete-criterion-{id}")}>
                { if **confirming { t(lang, "本当に削除する", "Really delete") } else { t(lang, "この行を削除", "Delete this row") } }
            </button>
            if **confirming {
                <button type="button" onclick={on_keep}>{ t(lang, "やめる", "Keep it") }</button>
            }
        </div>
    }
}
