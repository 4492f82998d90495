//! How far the measures against each threat are done, as a table: every threat, the ones the business fears
//! most marked in words and linked to their items, with how many of their measures are done and a score.
use std::rc::Rc;

use tics_domain::scoring::threat_tallies;
use tics_domain::vocab::{measures_done, threat_name, threat_scores_caption};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::components::score_bar::ScoreBar;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct ThreatChartProps {
    pub check: Rc<SelfCheck>,
}

#[component(ThreatChart)]
pub fn threat_chart(props: &ThreatChartProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let feared = &props.check.feared_threats;
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
                { for threat_tallies(&sc.catalogue, &props.check).into_iter().map(|(threat, tally)| {
                    let is_feared = feared.contains(&threat);
                    let name = say(threat_name(threat, is_feared), lang);
                    html! {
                        <tr class={classes!(is_feared.then_some("tics-feared"))} data-testid={format!("threat-score-{}", threat.key())}>
                            <th scope="row">
                                if is_feared {
                                    <JumpLink to={Jump::Threat(threat)}>{ name }</JumpLink>
                                } else {
                                    { name }
                                }
                            </th>
                            <td data-testid={format!("threat-done-{}", threat.key())}>{ say(measures_done(&tally), lang) }</td>
                            <td class="tics-bar-cell"><ScoreBar percent={tally.percent()} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
