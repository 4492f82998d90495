//! Who answers each topic: a choice per topic (nobody or a person), with how far the topic is, and the topic's
//! items to assign one by one when one of them belongs to someone else.
use std::rc::Rc;

use tics_domain::team::{topic_progress, Team};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::team_topic::TeamTopic;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct TeamTopicsProps {
    pub check: Rc<SelfCheck>,
    pub team: Rc<Team>,
}

#[component(TeamTopics)]
pub fn team_topics(props: &TeamTopicsProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let topics = topic_progress(&sc.catalogue, &props.check).into_iter().map(|progress| {
        html! {
            <li key={progress.topic.clone()}>
                <TeamTopic {progress} check={props.check.clone()} team={props.team.clone()} />
            </li>
        }
    });
    html! {
        <section aria-labelledby="tics-team-topics-heading" data-testid="team-topics">
            <h3 id="tics-team-topics-heading">{ t(lang, "トピックの割り当て", "Who answers each topic") }</h3>
            if props.team.people.is_empty() {
                <p class="tics-hint">{ t(lang, "担当者を加えると、トピックや項目を割り当てられます。", "Add people to assign topics or items to them.") }</p>
            }
            <ul class="tics-cards" role="list">{ for topics }</ul>
        </section>
    }
}
