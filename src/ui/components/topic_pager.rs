//! Large catalogues show one topic at a time: a menu of the topics, each with its progress, then the chosen
//! topic and a button to the next one.
use std::rc::Rc;

use tics_domain::result::topic_progress;
use tics_domain::scoring::Summary;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::pager::{Page, Pager};
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
    let progress = |id: &str| topic_progress(&props.summary, id, lang);
    let Some(topic) = topics.get(position) else {
        return Html::default();
    };
    let pages: Vec<Page> = topics
        .iter()
        .map(|topic| Page {
            key: topic.id.clone().into(),
            mark: Some(topic.mark.clone().into()),
            title: topic.title.get(lang).to_owned().into(),
            progress: progress(&topic.id).into(),
        })
        .collect();
    let onshow = {
        let sc = sc.clone();
        Callback::from(move |id: AttrValue| sc.jump(Jump::Topic(id.to_string())))
    };
    html! {
        <Pager kind="topic" label={t(lang, "トピック", "Topics")} pages={pages} current={position} {onshow}
            hint={t(lang, "項目が多いカタログのため、トピックを 1 つずつ表示しています。", "This catalogue has many items, so its topics are shown one at a time.")}
            next_label={t(lang, "次のトピックへ:", "Next topic:")}>
            <TopicSection key={topic.id.clone()} topic={topic.id.clone()} check={props.check.clone()} />
        </Pager>
    }
}
