//! The progress summary: score and progress per topic with a bar chart, the level attained, and the gaps.
use std::rc::Rc;

use tics_domain::scoring::Summary;
use tics_domain::{Catalogue, Lang};
use yew::prelude::*;

use crate::ui::i18n::{level_name, t};
use crate::ui::jump_link::JumpLink;
use crate::ui::state::{AppState, Jump};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub catalogue: Rc<Catalogue>,
    pub summary: Rc<Summary>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

fn percent_text(p: Option<u8>) -> String {
    p.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())
}

#[component(SummaryView)]
pub fn summary_view(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let s = &props.summary;
    // The list of gaps is built only while it is open: it can hold hundreds of links.
    let gaps_open = use_state(|| false);
    let on_gaps_toggle = {
        let gaps_open = gaps_open.clone();
        Callback::from(move |e: Event| gaps_open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    let attained = match s.attained_level {
        Some(level) => format!("{} {}", level_name(lang, level), t(lang, "を達成", "attained")),
        None => t(lang, "必須レベルはまだ達成していません", "The mandatory level is not attained yet").to_owned(),
    };
    html! {
        <section class="tics-step tics-summary" aria-labelledby="tics-summary-heading" data-testid="summary">
            <h2 id="tics-summary-heading">{ t(lang, "進み具合と結果", "Progress and result") }</h2>
            <div class="tics-kpis">
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "回答済み", "Answered") }</span>
                    <span class="tics-kpi-value" data-testid="answered">{ format!("{} / {}", s.overall.answered, s.overall.in_scope) }</span>
                </p>
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "全体のスコア", "Overall score") }</span>
                    <span class="tics-kpi-value" data-testid="overall-score">{ percent_text(s.overall.percent()) }</span>
                </p>
                <p class="tics-kpi">
                    <span class="tics-kpi-label">{ t(lang, "達成レベル", "Level attained") }</span>
                    <span class="tics-kpi-value" data-testid="attained">{ attained }</span>
                </p>
            </div>
            <ScoreChart catalogue={props.catalogue.clone()} summary={props.summary.clone()} {lang} dispatcher={props.dispatcher.clone()} />
            if s.gaps.is_empty() {
                <p>{ t(lang, "確認する項目のうち、未対応のものはありません。", "Every item in your self-check is done or not applicable.") }</p>
            } else {
                // Folded by default: the list can be long and the items follow right below.
                <details class="tics-gaps-box" ontoggle={on_gaps_toggle}>
                    <summary>{ format!("{} ({})", t(lang, "未対応の項目（必須から順に）", "Gaps, mandatory first"), s.gaps.len()) }</summary>
                    if *gaps_open {
                        <ol class="tics-gaps" data-testid="gaps">
                            { for s.gaps.iter().filter_map(|id| props.catalogue.item(id)).map(|item| html! {
                                <li>
                                    <JumpLink to={Jump::Item(item.id.clone())} dispatcher={props.dispatcher.clone()}>{ item.title.get(lang).to_owned() }</JumpLink>
                                    { format!(" — {}", level_name(lang, item.level)) }
                                </li>
                            }) }
                        </ol>
                    }
                </details>
            }
        </section>
    }
}

/// Score and progress per topic as a table with a bar for each score (SVG, so a strict style-src CSP holds).
#[component(ScoreChart)]
pub fn score_chart(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let s = &props.summary;
    html! {
        <table class="tics-chart">
            <caption>{ t(lang, "トピック別のスコア（実施 = 1、一部実施 = 0.5、対象外は除く）", "Score by topic (done = 1, partly done = 0.5, not applicable left out)") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t(lang, "トピック", "Topic") }</th>
                    <th scope="col">{ t(lang, "回答", "Answered") }</th>
                    <th scope="col">{ t(lang, "スコア", "Score") }</th>
                </tr>
            </thead>
            <tbody>
                { for s.topics.iter().filter_map(|ts| props.catalogue.topic(&ts.topic).map(|topic| (ts, topic))).map(|(ts, topic)| {
                    let p = ts.tally.percent();
                    html! {
                        <tr data-testid={format!("score-{}", topic.id)}>
                            <th scope="row">
                                <JumpLink to={Jump::Topic(topic.id.clone())} dispatcher={props.dispatcher.clone()}>{ format!("{} {}", topic.mark, topic.title.get(lang)) }</JumpLink>
                            </th>
                            <td>{ format!("{} / {}", ts.tally.answered, ts.tally.in_scope) }</td>
                            <td class="tics-bar-cell">
                                // An SVG bar, not an inline style, so a strict style-src CSP holds.
                                <svg class="tics-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                    <rect class="tics-bar-track" width="100" height="8" />
                                    <rect class="tics-bar-fill" width={p.unwrap_or(0).to_string()} height="8" />
                                </svg>
                                <span class="tics-bar-value">{ percent_text(p) }</span>
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
