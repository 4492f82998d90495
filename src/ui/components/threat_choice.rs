//! The threats the business fears most, and, once it fears any, whether the items are listed by topic or by
//! threat. The switch sits right above the list it changes, so focus stays on it while the list below changes.
use std::collections::BTreeSet;

use tics_domain::catalogue::Threat;
use tics_domain::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::ItemsBy;

#[derive(Properties, PartialEq)]
pub struct ThreatChoiceProps {
    pub feared: BTreeSet<Threat>,
    pub items_by: ItemsBy,
}

#[component(ThreatChoice)]
pub fn threat_choice(props: &ThreatChoiceProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let threat_box = |threat: Threat| {
        let sc = sc.clone();
        let onchange = Callback::from(move |e: Event| {
            sc.change(Action::SetFeared(threat, e.target_unchecked_into::<HtmlInputElement>().checked()))
        });
        let id = format!("tics-fear-{}", threat.key());
        html! {
            <div class="tics-choice">
                <input type="checkbox" id={id.clone()} checked={props.feared.contains(&threat)} {onchange}
                    data-testid={format!("fear-{}", threat.key())} />
                <label for={id}>{ say(threat.label(), lang) }</label>
            </div>
        }
    };
    let order_radio = |items_by: ItemsBy, key: &'static str, label: &'static str| {
        let sc = sc.clone();
        let onchange = Callback::from(move |_: Event| sc.list_items_by(items_by));
        let id = format!("tics-items-by-{key}");
        html! {
            <div class="tics-choice">
                <input type="radio" id={id.clone()} name="tics-items-by" checked={props.items_by == items_by} {onchange}
                    data-testid={format!("items-by-{key}")} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <div class="tics-threat-choice" data-testid="threat-choice">
            <fieldset class="tics-group" aria-describedby="tics-fear-hint">
                <legend>{ t(lang, "特に心配な脅威（当てはまるものすべて）", "The threats you fear most (all that apply)") }</legend>
                <p id="tics-fear-hint" class="tics-hint">{ t(lang,
                    "選ぶと、その脅威に備える項目をまとめて確認できます。進み具合と結果、印刷レポート、Excel にも脅威ごとの実施状況が載ります。",
                    "Pick them to check the measures against each one together. The progress summary, the printed report and the Excel workbook also show how far each threat's measures are done.") }</p>
                { for Threat::ALL.into_iter().map(threat_box) }
            </fieldset>
            if !props.feared.is_empty() {
                <fieldset class="tics-group">
                    <legend>{ t(lang, "項目の並べ方", "List the items") }</legend>
                    { order_radio(ItemsBy::Topic, "topic", t(lang, "トピック別（すべての項目）", "By topic (every item)")) }
                    { order_radio(ItemsBy::Threat, "threat", t(lang, "特に心配な脅威別", "By the threats you fear most")) }
                </fieldset>
            }
        </div>
    }
}
