//! The action plan: every gap with its planned measure, owner, due date and priority, in plan order.
use std::rc::Rc;

use tics_domain::scoring::plan_order;
use tics_domain::selfcheck::{PlanField, Priority};
use tics_domain::{Action, Catalogue, Lang, SelfCheck, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::field_value::value;
use crate::ui::i18n::{level_name, t};
use crate::ui::item_card::dom_id;
use crate::ui::state::{AppState, Msg};

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub catalogue: Rc<Catalogue>,
    pub check: Rc<SelfCheck>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[component(PlanView)]
pub fn plan_view(props: &PlanViewProps) -> Html {
    let lang = props.lang;
    let order = plan_order(&props.catalogue, &props.check);
    let send = {
        let d = props.dispatcher.clone();
        move |a: Action| d.dispatch(Msg::Do(a))
    };
    let row = |id: &String| {
        let Some(item) = props.catalogue.item(id) else {
            return Html::default();
        };
        let plan = props.check.plan.get(id).cloned().unwrap_or_default();
        let dom = format!("{}-plan", dom_id(id));
        let status = props.check.answer(id).and_then(|a| a.effective_status());
        let text = |field: PlanField| {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: InputEvent| {
                let e: Event = e.into();
                let text = value(&e);
                send(Action::SetPlanText { item: id.clone(), field, text })
            })
        };
        let on_due = {
            let (send, id) = (send.clone(), id.clone());
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                send(Action::SetPlanText { item: id.clone(), field: PlanField::Due, text })
            })
        };
        // The list is in priority order, so the card moves: focus follows its priority field, and the change
        // is announced.
        let on_priority = {
            let (d, id, select) = (props.dispatcher.clone(), id.clone(), format!("{dom}-priority"));
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                let Some(priority) = Priority::ALL.into_iter().find(|p| p.key() == value) else {
                    return;
                };
                d.dispatch(Msg::Do(Action::SetPriority { item: id.clone(), priority: Some(priority) }));
                let label = priority.label();
                d.dispatch(Msg::Flash(Text::new(
                    format!("優先度を「{}」にしました。カードは優先度の順の位置に移りました。", label.get(Lang::Ja)),
                    format!("Priority set to {}. The card moved to its place in priority order.", label.get(Lang::En)),
                )));
                d.dispatch(Msg::Focus(select.clone()));
            })
        };
        let priority = props.check.priority(item);
        html! {
            <li key={id.clone()}>
                <article class="tics-card" aria-labelledby={format!("{dom}-title")} data-testid={format!("plan-{id}")}>
                    <div class="tics-card-head">
                        <span class={classes!("tics-badge", format!("tics-badge-l{}", item.level))}>{ level_name(lang, item.level) }</span>
                        <span class="tics-badge tics-badge-imp">
                            { status.map(|s| s.label().get(lang).to_owned()).unwrap_or_else(|| t(lang, "未回答", "Unanswered").to_owned()) }
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
                            <label for={format!("{dom}-priority")}>{ t(lang, "優先度", "Priority") }</label>
                            <select id={format!("{dom}-priority")} onchange={on_priority} data-testid={format!("plan-priority-{id}")}>
                                { for Priority::ALL.into_iter().map(|p| html! {
                                    <option value={p.key()} selected={p == priority}>{ p.label().get(lang).to_owned() }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                </article>
            </li>
        }
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-plan-heading" data-testid="plan">
            <h2 id="tics-plan-heading">{ t(lang, "行動計画", "Action plan") }</h2>
            <p class="tics-hint">{ t(lang,
                "未対応の項目ごとに、対策・担当者・期限を決めます。優先度は必須の項目ほど高く始まり、変更できます。",
                "For every gap, decide the measure, who owns it and by when. Priority starts higher for mandatory items and can be changed.") }</p>
            if order.is_empty() {
                <p>{ t(lang, "未対応の項目はありません。", "There are no gaps.") }</p>
            } else {
                <ol class="tics-cards" role="list">{ for order.iter().map(row) }</ol>
            }
        </section>
    }
}
