//! Importing an inventory kept in Excel or CSV: the Excel worker reads the file and proposes a column mapping; the
//! user checks it (sheet, header row, which column fills which field), sees the rows that cannot be taken and why,
//! and only then adds the good rows to the inventory or replaces it. Nothing changes before that. The reading and
//! the preview are [`TableImport`]'s, shared with the checksheet import.
use std::rc::Rc;

use tics_domain::import::Request;
use tics_domain::inventory::{FileColumn, InfoRow, InventoryAction};
use tics_domain::vocab::{inventory_add_button, inventory_imported, inventory_replace_button};
use tics_domain::{Action, Text};
use yew::prelude::*;

use crate::ui::components::table_import::{Accepting, TableImport};
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::say;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct InventoryImportProps {
    /// Rows the inventory holds now (for the replace button and where focus lands after adding).
    pub rows: usize,
}

#[component(InventoryImport)]
pub fn inventory_import(props: &InventoryImportProps) -> Html {
    let fields = use_memo((), |_| FileColumn::ALL.iter().map(|c| (c.key(), c.label())).collect::<Vec<_>>());
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let existing = props.rows;

    let actions = Callback::from(move |Accepting { preview, ondone }: Accepting<InfoRow>| {
        let good = preview.rows.len();
        let accept = |replace: bool| {
            let (sc, rows, ondone) = (sc.clone(), preview.rows.clone(), ondone.clone());
            Callback::from(move |_| {
                let count = rows.len();
                let first = if replace { 0 } else { existing };
                let flash = inventory_imported(count);
                sc.change_then(
                    Action::Inventory(InventoryAction::Import { rows: rows.clone(), replace }),
                    After::flash(flash).and_focus(Focus::InventoryRow(first, "heading")),
                );
                ondone.emit(());
            })
        };
        html! {
            <>
                <button type="button" class="tics-primary" onclick={accept(false)} disabled={good == 0}
                    data-testid="inv-import-add">{ say(inventory_add_button(good), lang) }</button>
                if existing > 0 {
                    <button type="button" class="tics-danger" onclick={accept(true)} disabled={good == 0} data-testid="inv-import-replace">
                        { say(inventory_replace_button(existing, good), lang) }
                    </button>
                }
            </>
        }
    });

    html! {
        <TableImport<InfoRow>
            request={Callback::from(|(file_name, choice)| Request::ReadInventory { file_name, choice })}
            fields={Rc::clone(&fields)}
            prefix="inv"
            input={Focus::InventoryImportInput}
            input_testid="inventory-import-file"
            preview={Focus::InventoryPreview}
            preview_testid="inventory-preview"
            heading={Text::new("Excel・CSV から取り込む", "Import from Excel or CSV")}
            file_label={Text::new("目録のファイル（.xlsx または .csv、5 MB まで）", "An inventory file (.xlsx or .csv, up to 5 MB)")}
            hint={Text::new(
                "見出しの行と列の対応を確かめてから取り込みます。今の目録は、取り込むまで変わりません。",
                "You check the header row and the columns before anything is imported. Your inventory does not change until then.",
            )}
            field_heading={Text::new("目録の項目", "Inventory field")}
            {actions}
        />
    }
}
