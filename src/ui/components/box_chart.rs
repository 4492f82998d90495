//! Box plots in SVG, one per topic: the whiskers span the lowest to the highest score, the box the quartiles,
//! the thick line the median; a diamond marks the previous year's median. A picture of the table beside it.
use tics_domain::aggregate::BoxRow;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BoxChartProps {
    pub title: AttrValue,
    /// The rows as the domain labels them, one per topic.
    pub rows: Vec<BoxRow>,
    pub test_id: AttrValue,
}

const LABEL_W: f64 = 260.0;
const PLOT_W: f64 = 360.0;
const ROW_H: f64 = 28.0;
const TOP: f64 = 22.0;

#[component(BoxChart)]
pub fn box_chart(props: &BoxChartProps) -> Html {
    let x = |score: f64| LABEL_W + PLOT_W * score.clamp(0.0, 100.0) / 100.0;
    let height = TOP + ROW_H * props.rows.len() as f64 + 4.0;
    let width = LABEL_W + PLOT_W + 20.0;
    html! {
        <svg class="tics-svg-chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}
            data-testid={props.test_id.clone()}>
            // The scale: 0, 25, 50, 75, 100.
            { for [0.0, 25.0, 50.0, 75.0, 100.0].into_iter().map(|s| html! {
                <g>
                    <line x1={x(s).to_string()} x2={x(s).to_string()} y1={(TOP - 4.0).to_string()} y2={(height - 4.0).to_string()} class="tics-svg-grid" />
                    <text x={x(s).to_string()} y="14" text-anchor="middle" class="tics-svg-label">{ s.to_string() }</text>
                </g>
            }) }
            { for props.rows.iter().enumerate().map(|(n, row)| {
                let y = TOP + ROW_H * n as f64;
                let mid = y + ROW_H / 2.0;
                html! {
                    <g>
                        <text x={(LABEL_W - 8.0).to_string()} y={(mid + 5.0).to_string()} text-anchor="end" class="tics-svg-label">{ row.label.clone() }</text>
                        if let Some(q) = row.quartiles {
                            <line x1={x(q.min).to_string()} x2={x(q.max).to_string()} y1={mid.to_string()} y2={mid.to_string()} class="tics-svg-whisker" />
                            <rect x={x(q.q1).to_string()} y={(y + 6.0).to_string()} width={(x(q.q3) - x(q.q1)).max(1.0).to_string()} height={(ROW_H - 12.0).to_string()} class="tics-svg-box" />
                            <line x1={x(q.median).to_string()} x2={x(q.median).to_string()} y1={(y + 4.0).to_string()} y2={(y + ROW_H - 4.0).to_string()} class="tics-svg-median" />
                        }
                        if let Some(p) = row.previous {
                            <path d={format!("M{} {} l5 5 l-5 5 l-5 -5 z", x(p), mid - 5.0)} class="tics-svg-previous" />
                        }
                    </g>
                }
            }) }
        </svg>
    }
}
