//! Beside an item's guidance: the templates that serve it (registers, pledges, rules), each a link to its download
//! in the documents view; for the items the inventory serves, the inventory's state and a link to it.
use tics_domain::inventory::InventoryState;
use tics_domain::templates::Template;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::view::View;

#[derive(Properties, PartialEq)]
pub struct TemplateLinksProps {
    pub item: AttrValue,
    /// The templates that serve the item (the catalogue's `templates`).
    pub templates: Vec<Template>,
    /// The inventory's state, for an item the inventory serves.
    #[prop_or_default]
    pub inventory: Option<InventoryState>,
}

#[component(TemplateLinks)]
pub fn template_links(props: &TemplateLinksProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let templates = &props.templates;
    if templates.is_empty() {
        return Html::default();
    }
    let link = |template: Template| {
        let sc = sc.clone();
        let onclick = Callback::from(move |_| sc.show(View::Documents, Focus::Template(template.key())));
        html! {
            <li>
                <button type="button" class="tics-link-button" {onclick} data-testid={format!("template-link-{}-{}", props.item, template.key())}>
                    { say(template.title(), lang) }
                </button>
            </li>
        }
    };
    let open_inventory = {
        let sc = sc.clone();
        Callback::from(move |_| sc.show(View::Inventory, Focus::ViewTab(View::Inventory)))
    };
    html! {
        <div class="tics-templates" data-testid={format!("templates-{}", props.item)}>
            if let Some(state) = &props.inventory {
                <p class={classes!("tics-inv-state", (!state.complete()).then_some("tics-inv-state-open"))}>
                    { say(state.summary(), lang) }{ " " }
                    <button type="button" class="tics-link-button" onclick={open_inventory}>{ t(lang, "目録を開く", "Open the inventory") }</button>
                </p>
            }
            <p class="tics-templates-label">{ t(lang, "様式をダウンロード:", "Download a template:") }</p>
            <ul role="list">{ for templates.iter().copied().map(link) }</ul>
        </div>
    }
}
