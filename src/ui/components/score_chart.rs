//! Score and progress per topic as a table with a bar for each score; each topic links to its items. The rows
//! are the result's model (`tics_domain::result`).
use std::rc::Rc;

use tics_domain::result::ResultFigures;
use tics_domain::vocab::topic_scores_caption;
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::components::score_bar::ScoreBar;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub figures: Rc<ResultFigures>,
}

#[component(ScoreChart)]
pub fn score_chart(props: &ScoreChartProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    html! {
        <table class="tics-chart">
            <caption>{ say(topic_scores_caption(), lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t(lang, "トピック", "Topic") }</th>
                    <th scope="col">{ t(lang, "回答", "Answered") }</th>
                    <th scope="col">{ t(lang, "スコア", "Score") }</th>
                </tr>
            </thead>
            <tbody>
                { for props.figures.topics.iter().map(|topic| html! {
                    <tr data-testid={format!("score-{}", topic.id)}>
                        <th scope="row">
                            <JumpLink to={Jump::Topic(topic.id.clone())}>{ topic.label.clone() }</JumpLink>
                        </th>
                        <td>{ topic.answered.clone() }</td>
                        <td class="tics-bar-cell"><ScoreBar percent={topic.tally.percent()} /></td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
