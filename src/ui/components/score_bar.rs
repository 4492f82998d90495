//! A score as a bar with its percentage beside it, for the tables of scores by topic and by threat.
use tics_domain::vocab::percent_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScoreBarProps {
    /// `None` when nothing counts yet (shown as a dash and an empty bar).
    pub percent: Option<u8>,
}

#[component(ScoreBar)]
pub fn score_bar(props: &ScoreBarProps) -> Html {
    html! {
        <>
            // An SVG bar, not an inline style, so a strict style-src CSP holds. The number beside it says the same.
            <svg class="tics-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="tics-bar-track" width="100" height="8" />
                <rect class="tics-bar-fill" width={props.percent.unwrap_or(0).to_string()} height="8" />
            </svg>
            <span class="tics-bar-value">{ percent_text(props.percent) }</span>
        </>
    }
}
