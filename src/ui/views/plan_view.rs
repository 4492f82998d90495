//! The action plan: every gap with its planned measure, owner, due date and priority, in plan order; then the
//! items answered done whose evidence is missing, each linked to its card, where its evidence is recorded.
use std::rc::Rc;

use tics_domain::evidence::missing_evidence;
use tics_domain::scoring::plan_order;
use tics_domain::selfcheck::{PlanField, Priority};
use tics_domain::vocab::{level_name, priority_set, status_text};
use tics_domain::{Action, Item, SelfCheck};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::components::template_links::TemplateLinks;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::{item_dom, Focus};
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::{After, Jump};

#[derive(Properties, PartialEq, Clone)]
pub struct PlanViewProps {
    pub check: Rc<SelfCheck>,
}

#[component(PlanView)]
pub fn plan_view(props: &PlanViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let (lang, catalogue) = (sc.lang, sc.catalogue.clone());
    let order = plan_order(&catalogue, &props.check);
    let row = |id: &String| {
        let Some(item) = catalogue.item(id) else {
            return Html::default();
        };
        plan_card(&sc, &props.check, item, id)
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-plan-heading" data-testid="plan">
            <h2 id="tics-plan-heading">{ t(lang, "行動計画", "Action plan") }</h2>
            <p class="tics-hint">{ t(lang,
                "未対応の項目ごとに、対策・担当者・期限を決めます。優先度は基本（レベル1）の項目ほど高く始まり、変更できます。",
                "For every gap, decide the measure, who owns it and by when. Priority starts higher for baseline (level 1) items and can be changed.") }</p>
            if order.is_empty() {
                <p>{ t(lang, "未対応の項目はありません。", "There are no gaps.") }</p>
            } else {
                <ol class="tics-cards" role="list">{ for order.iter().map(row) }</ol>
            }
            { missing_evidence_section(&sc, &props.check) }
        </section>
    }
}

/// The items answered done with no evidence recorded (nothing when there are none): an audit asks for records, so
/// the plan says which to add. Each links to its card in the self-check, which holds its evidence.
fn missing_evidence_section(sc: &SelfCheckContext, check: &SelfCheck) -> Html {
    let (lang, catalogue) = (sc.lang, &sc.catalogue);
    let missing = missing_evidence(catalogue, check, &check.evidence_index());
    if missing.is_empty() {
        return Html::default();
    }
    let items = missing.iter().filter_map(|id| catalogue.item(id)).map(|item| {
        let topic = catalogue.topic(&item.topic).map(|t| t.label(lang)).unwrap_or_default();
        html! {
            <li key={item.id.clone()} data-testid={format!("missing-evidence-{}", item.id)}>
                <JumpLink to={Jump::Item(item.id.clone())}>{ item.title.get(lang).to_owned() }</JumpLink>
                <span class="tics-hint">{ format!(" — {topic}") }</span>
            </li>
        }
    });
    html! {
        <section aria-labelledby="tics-plan-evidence-heading" data-testid="plan-missing-evidence">
            <h3 id="tics-plan-evidence-heading">{ format!("{} ({})", t(lang, "実施済みで証跡が未記録の項目", "Done, but no evidence recorded"), missing.len()) }</h3>
            <p class="tics-hint">{ t(lang,
                "審査では、対策を実施していることを記録で確認します。項目を開き、「証跡」に何を・どこに保管しているかを記録してください。",
                "An audit checks records that show a measure is in place. Open each item and record under \"Evidence\" what shows it and where it is kept.") }</p>
            <ul role="list">{ for items }</ul>
        </section>
    }
}

/// One gap's card: its level, status and title, and the fields of its planned measure.
fn plan_card(sc: &SelfCheckContext, check: &SelfCheck, item: &Item, id: &str) -> Html {
    let lang = sc.lang;
    let send = {
        let sc = sc.clone();
        move |a: Action| sc.change(a)
    };
    let plan = check.plan.get(id).cloned().unwrap_or_default();
    let dom = format!("{}-plan", item_dom(id));
    let status = check.answer(id).and_then(|a| a.effective_status());
    let text = |field: PlanField| {
        let (send, id) = (send.clone(), id.to_owned());
        Callback::from(move |e: InputEvent| {
            let e: Event = e.into();
            let text = value(&e);
            send(Action::SetPlanText { item: id.clone(), field, text })
        })
    };
    let on_due = {
        let (send, id) = (send.clone(), id.to_owned());
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            send(Action::SetPlanText { item: id.clone(), field: PlanField::Due, text })
        })
    };
    let on_priority = priority_callback(sc, id);
    let priority = check.priority(item);
    html! {
        <li key={id.to_owned()}>
            <article class="tics-card" aria-labelledby={format!("{dom}-title")} data-testid={format!("plan-{id}")}>
                <div class="tics-card-head">
                    <span class={classes!("tics-badge", format!("tics-badge-l{}", item.level))}>{ say(level_name(item.level), lang) }</span>
                    <span class="tics-badge tics-badge-imp">
                        { say(status_text(status), lang) }
                    </span>
                    <h3 id={format!("{dom}-title")} class="tics-card-title">{ item.title.get(lang).to_owned() }</h3>
                </div>
                <div class="tics-fields">
                    <div class="tics-field tics-field-wide">
                        <label for={format!("{dom}-measure")}>{ t(lang, "計画する対策", "Planned measure") }</label>
                        <textarea id={format!("{dom}-measure")} rows="2" value={plan.measure} oninput={text(PlanField::Measure)}
                            data-testid={format!("plan-measure-{id}")} />
                    </div>
                    <div class="tics-field">
                        <label for={format!("{dom}-owner")}>{ t(lang, "担当者", "Owner") }</label>
                        <input id={format!("{dom}-owner")} type="text" value={plan.owner} oninput={text(PlanField::Owner)} />
                    </div>
                    <div class="tics-field">
                        <label for={format!("{dom}-due")}>{ t(lang, "期限", "Due") }</label>
                        <input id={format!("{dom}-due")} type="date" value={plan.due} onchange={on_due} />
                    </div>
                    <div class="tics-field">
                        <label for={Focus::PlanPriority(id.to_owned()).element_id()}>{ t(lang, "優先度", "Priority") }</label>
                        <select id={Focus::PlanPriority(id.to_owned()).element_id()} onchange={on_priority} data-testid={format!("plan-priority-{id}")}>
                            { for Priority::ALL.into_iter().map(|p| html! {
                                <option value={p.key()} selected={p == priority}>{ p.label().get(lang).to_owned() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <TemplateLinks item={id.to_owned()} templates={item.templates.clone()} />
            </article>
        </li>
    }
}

/// The callback of a card's priority field.
fn priority_callback(sc: &SelfCheckContext, id: &str) -> Callback<Event> {
    // The list is in priority order, so the card moves: focus follows its priority field, and the change
    // is announced.
    let (sc, id) = (sc.clone(), id.to_owned());
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        let Some(priority) = Priority::ALL.into_iter().find(|p| p.key() == value) else {
            return;
        };
        let moved = priority_set(priority);
        sc.change_then(
            Action::SetPriority { item: id.clone(), priority: Some(priority) },
            After::flash(moved).and_focus(Focus::PlanPriority(id.clone())),
        );
    })
}
