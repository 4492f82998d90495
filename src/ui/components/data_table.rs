//! A domain table (`tics_domain::table::Table`) as an HTML table with a caption: the aggregate shows the same
//! tables it exports, so the numbers on screen and in the files are one.
use tics_domain::table::Table;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub table: Table,
    /// Rows shown (the files hold them all); `None` shows every row.
    #[prop_or_default]
    pub limit: Option<usize>,
    /// Said under the table when rows are left out.
    #[prop_or_default]
    pub more: Option<AttrValue>,
    pub test_id: AttrValue,
}

#[component(DataTable)]
pub fn data_table(props: &DataTableProps) -> Html {
    let table = &props.table;
    let shown = props.limit.unwrap_or(table.rows.len()).min(table.rows.len());
    html! {
        // Focusable and named, so a keyboard can scroll a table wider than the screen.
        <div class="tics-table-scroll" tabindex="0" role="region" aria-label={table.name.clone()}>
            <table class="tics-chart" data-testid={props.test_id.clone()}>
                <caption>{ table.name.clone() }</caption>
                <thead>
                    <tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c.header.clone() }</th> }) }</tr>
                </thead>
                <tbody>
                    { for table.rows.iter().take(shown).map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(n, cell)| if n == 0 {
                                html! { <th scope="row">{ cell.clone() }</th> }
                            } else {
                                html! { <td>{ cell.clone() }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            if shown < table.rows.len() {
                if let Some(more) = &props.more { <p class="tics-hint">{ more.clone() }</p> }
            }
        </div>
    }
}
