//! The periodic report as it is printed and handed to the certification body: A4 landscape, the business and the
//! period above 付録1's columns, the exclusions and problems, the evidence of each row's supporting items in the
//! last column, and a signature block: the domain's model of it (`tics_domain::sheet`). Hidden on screen;
//! `web::print` prints it in a frame.
use tics_domain::sheet::PrintedSheet;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct PeriodicSheetProps {
    pub sheet: PrintedSheet,
    pub node_ref: NodeRef,
}

#[component(PeriodicSheet)]
pub fn periodic_sheet(props: &PeriodicSheetProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let PrintedSheet { title, lines, table, signer } = &props.sheet;
    html! {
        <div class="tics-periodic-sheet" ref={props.node_ref.clone()} data-testid="periodic-sheet" hidden=true>
            <h2>{ title.clone() }</h2>
            { for lines.iter().map(|l| html! { <p>{ l.clone() }</p> }) }
            <table class="tics-table">
                <thead>
                    <tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c.header.clone() }</th> }) }</tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
            <div class="tics-signature">
                <p>{ t(lang, "上記のとおり報告します。", "We report the above.") }</p>
                <p>{ t(lang, "報告日：　　　　年　　月　　日", "Date:") }</p>
                <p>{ t(lang, "報告者（経営層）：", "Reported by (management): ") }<span class="tics-signature-line">{ signer.clone() }</span>{ t(lang, "　印", "") }</p>
            </div>
        </div>
    }
}
