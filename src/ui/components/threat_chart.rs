//! How far the measures against each threat are done, as a table: every threat, the ones the business fears
//! most marked in words and linked to their items, with how many of their measures are done and a score. The
//! rows are the result's model (`tics_domain::result`).
use std::rc::Rc;

use tics_domain::result::ResultFigures;
use tics_domain::vocab::threat_scores_caption;
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::components::score_bar::ScoreBar;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct ThreatChartProps {
    pub figures: Rc<ResultFigures>,
}

#[component(ThreatChart)]
pub fn threat_chart(props: &ThreatChartProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    html! {
        <table class="tics-chart tics-threat-chart" data-testid="threat-chart">
            <caption>{ say(threat_scores_caption(), lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t(lang, "脅威", "Threat") }</th>
                    <th scope="col">{ t(lang, "実施", "Done") }</th>
                    <th scope="col">{ t(lang, "スコア", "Score") }</th>
                </tr>
            </thead>
            <tbody>
                { for props.figures.threats.iter().map(|row| {
                    let (threat, is_feared, name) = (row.threat, row.feared, row.name.clone());
                    html! {
                        <tr class={classes!(is_feared.then_some("tics-feared"))} data-testid={format!("threat-score-{}", threat.key())}>
                            <th scope="row">
                                if is_feared {
                                    <JumpLink to={Jump::Threat(threat)}>{ name }</JumpLink>
                                } else {
                                    { name }
                                }
                            </th>
                            <td data-testid={format!("threat-done-{}", threat.key())}>{ row.done.clone() }</td>
                            <td class="tics-bar-cell"><ScoreBar percent={row.tally.percent()} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
