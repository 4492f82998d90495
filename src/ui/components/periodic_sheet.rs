//! The periodic report as it is printed and handed to the certification body: A4 landscape, the business and the
//! period above 付録1's columns, and a signature block. Hidden on screen; `web::print` prints it in a frame.
use tics_domain::selfcheck::Statement;
use tics_domain::table::Table;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct PeriodicSheetProps {
    /// The table to print (`tables::periodic_print_table`): its title lines head the page.
    pub table: Table,
    pub statement: Statement,
    pub node_ref: NodeRef,
}

#[component(PeriodicSheet)]
pub fn periodic_sheet(props: &PeriodicSheetProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let table = &props.table;
    let (title, lines) = table.title.split_first().map(|(t, rest)| (t.clone(), rest.to_vec())).unwrap_or_default();
    let signer = [props.statement.signer_title.trim(), props.statement.signer_name.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <div class="tics-periodic-sheet" ref={props.node_ref.clone()} data-testid="periodic-sheet" hidden=true>
            <h2>{ title }</h2>
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
                <p>{ t(lang, "報告者（経営層）：", "Reported by (management): ") }<span class="tics-signature-line">{ signer }</span>{ t(lang, "　印", "") }</p>
            </div>
        </div>
    }
}
