//! The progress summary: answered, score and level attained, the score per topic and per threat, and the gaps.
use std::rc::Rc;

use tics_domain::result::result_figures;
use tics_domain::scoring::Summary;
use tics_domain::vocab::level_name;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::components::score_chart::ScoreChart;
use crate::ui::components::threat_chart::ThreatChart;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub summary: Rc<Summary>,
    /// For the counts per threat.
    pub check: Rc<SelfCheck>,
}

#[component(SummaryView)]
pub fn summary_view(props: &SummaryProps) -> Html {
    let sc = use_self_check();
    // The list of gaps is built only while it is open: it can hold hundreds of links.
    let gaps_open = use_state(|| false);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let s = &props.summary;
    let on_gaps_toggle = {
        let gaps_open = gaps_open.clone();
        Callback::from(move |e: Event| gaps_open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    let figures = Rc::new(result_figures(&sc.catalogue, &props.check, s, lang));
    html! {
        <section class="tics-step tics-summary" aria-labelledby="tics-summary-heading" data-testid="summary">
            <h2 id="tics-summary-heading">{ t(lang, "進み具合と結果", "Progress and result") }</h2>
            <div class="tics-kpis">
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "回答済み", "Answered") }</span>
                    <span class="tics-kpi-value" data-testid="answered">{ figures.answered.clone() }</span>
                </p>
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "全体のスコア", "Overall score") }</span>
                    <span class="tics-kpi-value" data-testid="overall-score">{ figures.score.clone() }</span>
                </p>
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "達成レベル", "Level attained") }</span>
                    <span class="tics-kpi-value" data-testid="attained">{ figures.attained(lang) }</span>
                </p>
            </div>
            <ScoreChart figures={figures.clone()} />
            <ThreatChart {figures} />
            if let Some(open) = tics_domain::team::unanswered_assignments(&sc.catalogue, &props.check) { <p data-testid="unanswered-assignments">{ say(open, lang) }</p> }
            if s.gaps.is_empty() {
                <p>{ t(lang, "確認する項目のうち、未対応のものはありません。", "Every item in your self-check is done or not applicable.") }</p>
            } else {
                // Folded by default: the list can be long and the items follow right below.
                <details class="tics-gaps-box" ontoggle={on_gaps_toggle}>
                    <summary>{ format!("{} ({})", t(lang, "未対応の項目（基本の対策から順に）", "Gaps, baseline first"), s.gaps.len()) }</summary>
                    if *gaps_open {
                        <ol class="tics-gaps" data-testid="gaps">
                            { for s.gaps.iter().filter_map(|id| sc.catalogue.item(id)).map(|item| html! {
                                <li>
                                    <JumpLink to={Jump::Item(item.id.clone())}>{ item.title.get(lang).to_owned() }</JumpLink>
                                    { format!(" — {}", say(level_name(item.level), lang)) }
                                </li>
                            }) }
                        </ol>
                    }
                </details>
            }
        </section>
    }
}
