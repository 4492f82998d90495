//! One feared threat in the list by threat: its heading, then the cards of the items of the self-check listed
//! under it.
use std::rc::Rc;

use tics_domain::catalogue::Threat;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::item_card::ItemCard;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct ThreatSectionProps {
    pub threat: Threat,
    /// The IDs of the items listed under the threat, in order (`scoring::threat_order`).
    pub items: Vec<String>,
    pub check: Rc<SelfCheck>,
}

#[component(ThreatSection)]
pub fn threat_section(props: &ThreatSectionProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let (lang, catalogue) = (sc.lang, &sc.catalogue);
    let key = props.threat.key();
    let heading_id = Focus::ThreatHeading(props.threat).element_id();
    let card = |id: &String| {
        let index = catalogue.position(id)?;
        let item = catalogue.items.get(index)?;
        let (scope, inventory_state) = (props.check.scope(item), item.served_by_inventory());
        Some(html! {
            <li key={id.clone()}><ItemCard {index} item={id.clone()} {scope} check={props.check.clone()} {inventory_state} /></li>
        })
    };
    html! {
        <section class="tics-topic tics-threat" aria-labelledby={heading_id.clone()} data-testid={format!("threat-{key}")}>
            <h3 id={heading_id} class="tics-topic-title" tabindex="-1">{ say(props.threat.label(), lang) }</h3>
            if props.items.is_empty() {
                <p class="tics-hint">{ t(lang, "この脅威に当たる項目は、今のセルフチェックにありません。", "No item of your self-check answers this threat with the current settings.") }</p>
            } else {
                <ul class="tics-cards" role="list">
                    { for props.items.iter().filter_map(card) }
                </ul>
            }
        </section>
    }
}
