//! One topic (①–⑨, ＋): the items in the self-check as full cards, the others in a collapsed list.
use std::rc::Rc;

use tics_domain::selfcheck::Scope;
use tics_domain::{Catalogue, Lang, SelfCheck};
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::item_card::ItemCard;
use crate::ui::state::AppState;

#[derive(Properties, PartialEq)]
pub struct TopicSectionProps {
    pub catalogue: Rc<Catalogue>,
    pub topic: AttrValue,
    pub check: Rc<SelfCheck>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[function_component(TopicSection)]
pub fn topic_section(props: &TopicSectionProps) -> Html {
    let lang = props.lang;
    let Some(topic) = props.catalogue.topic(&props.topic) else {
        return Html::default();
    };
    let card = |index: usize, scope: Scope| {
        let item = &props.catalogue.items[index];
        html! {
            <ItemCard
                key={item.id.clone()}
                catalogue={props.catalogue.clone()}
                {index}
                {scope}
                check={props.check.clone()}
                {lang}
                dispatcher={props.dispatcher.clone()} />
        }
    };
    let (inside, outside): (Vec<_>, Vec<_>) = props
        .catalogue
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.topic == topic.id)
        .map(|(n, i)| (n, props.check.scope(i)))
        // Items the user set aside stay in view with their reason; only what the profile or level leaves out
        // is folded away.
        .partition(|(_, scope)| scope.in_scope() || matches!(scope, Scope::SetAside(_)));
    let heading_id = format!("tics-topic-{}", topic.id);

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
                { for inside.into_iter().map(|(n, s)| html! { <li key={props.catalogue.items[n].id.clone()}>{ card(n, s) }</li> }) }
            </ul>
            if !outside.is_empty() {
                <details class="tics-others">
                    <summary>{ format!("{} ({})", t(lang, "対象外・目標レベル外の項目", "Items outside your self-check"), outside.len()) }</summary>
                    <ul class="tics-cards" role="list">
                        { for outside.into_iter().map(|(n, s)| html! { <li key={props.catalogue.items[n].id.clone()}>{ card(n, s) }</li> }) }
                    </ul>
                </details>
            }
        </section>
    }
}
