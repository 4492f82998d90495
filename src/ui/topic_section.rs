//! One topic (①–⑨, ＋): the items in the self-check as full cards, the others in a collapsed list. Large
//! catalogues show one topic at a time behind a menu of the topics ([`TopicPager`]).
use std::rc::Rc;

use tics_domain::scoring::Summary;
use tics_domain::selfcheck::Scope;
use tics_domain::{Catalogue, Lang, SelfCheck};
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::item_card::ItemCard;
use crate::ui::state::{AppState, Jump, Msg};

/// The DOM id of a topic's heading, which takes focus when a link leads to the topic.
pub fn heading_id(topic: &str) -> String {
    format!("tics-topic-{topic}")
}

#[derive(Properties, PartialEq)]
pub struct TopicSectionProps {
    pub catalogue: Rc<Catalogue>,
    pub topic: AttrValue,
    pub check: Rc<SelfCheck>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[component(TopicSection)]
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
    let heading_id = heading_id(&topic.id);

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

#[derive(Properties, PartialEq)]
pub struct TopicPagerProps {
    pub catalogue: Rc<Catalogue>,
    pub summary: Rc<Summary>,
    /// The ID of the topic to show.
    pub shown: AttrValue,
    pub check: Rc<SelfCheck>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

/// A menu of the topics, each with its progress, then the chosen topic and a button to the next one.
#[component(TopicPager)]
pub fn topic_pager(props: &TopicPagerProps) -> Html {
    let lang = props.lang;
    let topics = &props.catalogue.topics;
    let position = topics.iter().position(|t| t.id == props.shown.as_str()).unwrap_or(0);
    let show = |id: &str| {
        let (dispatcher, id) = (props.dispatcher.clone(), id.to_owned());
        Callback::from(move |_| dispatcher.dispatch(Msg::Jump(Jump::Topic(id.clone()))))
    };
    let progress = |id: &str| {
        let tally = props.summary.topics.iter().find(|s| s.topic == id).map(|s| &s.tally);
        let (answered, in_scope) = tally.map_or((0, 0), |t| (t.answered, t.in_scope));
        format!("{} {answered} / {in_scope}", t(lang, "回答", "answered"))
    };
    let Some(topic) = topics.get(position) else {
        return Html::default();
    };
    html! {
        <>
            <nav class="tics-topic-nav" aria-label={t(lang, "トピック", "Topics")} data-testid="topic-nav">
                <p class="tics-hint">{ t(lang,
                    "項目が多いカタログのため、トピックを 1 つずつ表示しています。",
                    "This catalogue has many items, so its topics are shown one at a time.") }</p>
                <ul role="list">
                    { for topics.iter().enumerate().map(|(n, topic)| html! {
                        <li>
                            <button type="button" class="tics-topic-link" aria-current={(n == position).then_some("true")}
                                onclick={show(&topic.id)} data-testid={format!("show-topic-{}", topic.id)}>
                                <span class="tics-topic-mark" aria-hidden="true">{ topic.mark.clone() }</span>
                                <span class="tics-topic-link-title">{ topic.title.get(lang).to_owned() }</span>
                                <span class="tics-topic-progress">{ progress(&topic.id) }</span>
                            </button>
                        </li>
                    }) }
                </ul>
            </nav>
            <TopicSection key={topic.id.clone()} catalogue={props.catalogue.clone()} topic={topic.id.clone()}
                check={props.check.clone()} {lang} dispatcher={props.dispatcher.clone()} />
            if let Some(next) = topics.get(position + 1) {
                <p class="tics-topic-next">
                    <button type="button" onclick={show(&next.id)} data-testid="next-topic">
                        { format!("{} {} {}", t(lang, "次のトピックへ:", "Next topic:"), next.mark, next.title.get(lang)) }
                    </button>
                </p>
            }
        </>
    }
}
