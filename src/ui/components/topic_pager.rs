//! Large catalogues show one topic at a time: a menu of the topics, each with its progress, then the chosen
//! topic and a button to the next one.
use std::rc::Rc;

use tics_domain::scoring::Summary;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::topic_section::TopicSection;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct TopicPagerProps {
    pub summary: Rc<Summary>,
    /// The ID of the topic to show.
    pub shown: AttrValue,
    pub check: Rc<SelfCheck>,
}

#[component(TopicPager)]
pub fn topic_pager(props: &TopicPagerProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let topics = &sc.catalogue.topics;
    let position = topics.iter().position(|t| t.id == props.shown.as_str()).unwrap_or(0);
    let show = |id: &str| {
        let (sc, id) = (sc.clone(), id.to_owned());
        Callback::from(move |_| sc.jump(Jump::Topic(id.clone())))
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
            <TopicSection key={topic.id.clone()} topic={topic.id.clone()} check={props.check.clone()} />
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
