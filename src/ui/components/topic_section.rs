//! One topic (①–⑨, ＋): the items in the self-check as full cards, the others in a collapsed list.
use std::rc::Rc;

use tics_domain::selfcheck::Scope;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::item_card::ItemCard;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct TopicSectionProps {
    pub topic: AttrValue,
    pub check: Rc<SelfCheck>,
}

#[component(TopicSection)]
pub fn topic_section(props: &TopicSectionProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let (lang, catalogue) = (sc.lang, &sc.catalogue);
    let Some(topic) = catalogue.topic(&props.topic) else {
        return Html::default();
    };
    let card = |index: usize, scope: Scope| {
        let item = &catalogue.items[index];
        html! { <li key={item.id.clone()}><ItemCard {index} item={item.id.clone()} {scope} check={props.check.clone()} inventory_state={item.served_by_inventory()} /></li> }
    };
    let (inside, outside): (Vec<_>, Vec<_>) = catalogue
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.topic == topic.id)
        .map(|(n, i)| (n, props.check.scope(i)))
        // Items the user set aside stay in view with their reason; only what the profile or level leaves out
        // is folded away.
        .partition(|(_, scope)| scope.in_scope() || matches!(scope, Scope::SetAside(_)));
    let heading_id = Focus::TopicHeading(topic.id.clone()).element_id();

    html! {
        <section class="tics-topic" id={format!("topic-{}", topic.id)} aria-labelledby={heading_id.clone()} data-testid={format!("topic-{}", topic.id)}>
            <h3 id={heading_id} class="tics-topic-title" tabindex="-1">
                <span class="tics-topic-mark" aria-hidden="true">{ topic.mark.clone() }</span>
                { topic.title.get(lang).to_owned() }
            </h3>
            <p class="tics-topic-summary">{ topic.summary.get(lang).to_owned() }</p>
            if inside.is_empty() {
                <p class="tics-hint">{ t(lang, "このトピックには、現在の条件で確認する項目がありません。", "No items of this topic are in your self-check with the current settings.") }</p>
            }
            <ul class="tics-cards" role="list">
                { for inside.into_iter().map(|(n, s)| card(n, s)) }
            </ul>
            if !outside.is_empty() {
                <details class="tics-others">
                    <summary>{ format!("{} ({})", t(lang, "対象外・目標レベル外の項目", "Items outside your self-check"), outside.len()) }</summary>
                    <ul class="tics-cards" role="list">
                        { for outside.into_iter().map(|(n, s)| card(n, s)) }
                    </ul>
                </details>
            }
        </section>
    }
}
