//! A horizontal bar chart in SVG, for shares from 0 to 100. It is a picture of the numbers in the table beside
//! it, so it is announced as one image with its title; the table is what screen readers read.
use tics_domain::aggregate::Bar;
use tics_domain::text::fit_label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub title: AttrValue,
    /// The series as the domain words it (labels, lengths from 0 to 100, the texts after the bars).
    pub bars: Vec<Bar>,
    pub test_id: AttrValue,
}

const LABEL_W: f64 = 260.0;
const BAR_W: f64 = 320.0;
const ROW_H: f64 = 26.0;
/// The labels' font size (`.tics-svg-label`), in the viewBox's units.
const FONT: f64 = 12.0;

#[component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let height = ROW_H * props.bars.len() as f64 + 8.0;
    // Room after the bar for its share and base, e.g. "100% (250/250)".
    let width = LABEL_W + BAR_W + 110.0;
    html! {
        <svg class="tics-svg-chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}
            data-testid={props.test_id.clone()}>
            { for props.bars.iter().enumerate().map(|(n, bar)| {
                let y = 4.0 + ROW_H * n as f64;
                let w = BAR_W * bar.value.clamp(0.0, 100.0) / 100.0;
                html! {
                    <g>
                        // Right-aligned against the bar, so a label longer than its space would lose its start.
                        <text x={(LABEL_W - 8.0).to_string()} y={(y + 17.0).to_string()} text-anchor="end" class="tics-svg-label">
                            { fit_label(&bar.label, (LABEL_W - 8.0) / FONT) }
                        </text>
                        <rect x={LABEL_W.to_string()} y={(y + 4.0).to_string()} width={BAR_W.to_string()} height="16" class="tics-svg-track" />
                        <rect x={LABEL_W.to_string()} y={(y + 4.0).to_string()} width={w.to_string()} height="16" class="tics-svg-bar" />
                        <text x={(LABEL_W + BAR_W + 6.0).to_string()} y={(y + 17.0).to_string()} class="tics-svg-label">{ bar.text.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
