//! Importing an inventory kept in Excel or CSV: the Excel worker reads the file and proposes a column mapping; the
//! user checks it (sheet, header row, which column fills which field), sees the rows that cannot be taken and why,
//! and only then adds the good rows to the inventory or replaces it. Nothing changes before that.
use std::rc::Rc;

use tics_domain::grid::column_letters;
use tics_domain::import::{Choice, Preview};
use tics_domain::inventory::{FileColumn, InventoryAction};
use tics_domain::{Action, Text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;
use crate::web::{excel, file};

#[derive(Properties, PartialEq)]
pub struct InventoryImportProps {
    /// Rows the inventory holds now (for the replace button and where focus lands after adding).
    pub rows: usize,
}

/// The file being imported, kept so that a corrected mapping can be read again.
#[derive(PartialEq)]
struct Picked {
    name: String,
    bytes: Vec<u8>,
}

/// How a control changes what was chosen, given its new value.
type Correction = Box<dyn Fn(&mut Choice, String)>;

/// Most problems listed; the rest are counted.
const PROBLEMS_LISTED: usize = 50;

/// Reads `picked` with `choice` in the worker and shows the result (or the refusal, keeping the earlier preview).
fn read(
    sc: SelfCheckContext,
    picked: Rc<Picked>,
    choice: Option<Choice>,
    preview: UseStateHandle<Option<Rc<Preview>>>,
    busy: UseStateHandle<bool>,
) {
    busy.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        let result = excel::read_inventory(&picked.bytes, &picked.name, choice.as_ref()).await;
        busy.set(false);
        match result {
            Ok(p) => {
                preview.set(Some(Rc::new(p)));
                sc.focus(Focus::InventoryPreview);
            }
            Err(e) => sc.fail(e),
        }
    });
}

#[component(InventoryImport)]
pub fn inventory_import(props: &InventoryImportProps) -> Html {
    let picked = use_state(|| None::<Rc<Picked>>);
    let preview = use_state(|| None::<Rc<Preview>>);
    let busy = use_state(|| false);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;

    let on_file = {
        let (sc, picked, preview, busy) = (sc.clone(), picked.clone(), preview.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Cleared so that choosing the same file again (after fixing it) still reads it.
            input.set_value("");
            let (sc, picked, preview, busy) = (sc.clone(), picked.clone(), preview.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = chosen.name();
                match file::read(chosen).await {
                    Ok(bytes) => {
                        let file = Rc::new(Picked { name, bytes });
                        picked.set(Some(file.clone()));
                        preview.set(None);
                        read(sc, file, None, preview, busy);
                    }
                    Err(e) => sc.fail(e.message()),
                }
            });
        })
    };

    let panel = match (&*picked, &*preview) {
        (Some(file), Some(p)) => {
            // Any correction reads the file again with everything chosen so far.
            let reread = |change: Correction| {
                let (sc, file, preview, busy, p) = (sc.clone(), file.clone(), preview.clone(), busy.clone(), p.clone());
                Callback::from(move |e: Event| {
                    let mut choice = Choice {
                        sheet: p.sheet.clone(),
                        header_row: Some(p.header_row),
                        mapping: Some(p.mapping.clone()),
                    };
                    change(&mut choice, value(&e));
                    read(sc.clone(), file.clone(), Some(choice), preview.clone(), busy.clone());
                })
            };
            let on_sheet = reread(Box::new(|c, v| {
                // Another sheet has other columns: guess them again.
                c.sheet = Some(v);
                c.header_row = None;
                c.mapping = None;
            }));
            let on_header = reread(Box::new(|c, v| {
                c.header_row = v.trim().parse().ok().filter(|n: &usize| *n >= 1);
                c.mapping = None;
            }));
            let column_select = |n: usize, header: &String| {
                let chosen = p.mapping.get(n).cloned().flatten();
                let onchange = reread(Box::new(move |c, v| {
                    let mut mapping = c.mapping.take().unwrap_or_default();
                    mapping.resize(mapping.len().max(n + 1), None);
                    mapping[n] = (!v.is_empty()).then_some(v);
                    c.mapping = Some(mapping);
                }));
                let letter = column_letters(n);
                let id = format!("tics-inv-map-{n}");
                html! {
                    <tr>
                        <th scope="row"><label for={id.clone()}>{ format!("{letter}: {}", if header.trim().is_empty() { t(lang, "（見出しなし）", "(no heading)") } else { header.as_str() }) }</label></th>
                        <td>
                            <select {id} {onchange} data-testid={format!("inv-map-{n}")}>
                                <option value="" selected={chosen.is_none()}>{ t(lang, "取り込まない", "Leave out") }</option>
                                { for FileColumn::ALL.iter().map(|c| html! {
                                    <option value={c.key()} selected={chosen.as_deref() == Some(c.key())}>{ say(c.label(), lang) }</option>
                                }) }
                            </select>
                        </td>
                    </tr>
                }
            };
            let accept = |replace: bool| {
                let (sc, picked, preview, rows, existing) =
                    (sc.clone(), picked.clone(), preview.clone(), p.rows.clone(), props.rows);
                Callback::from(move |_| {
                    let count = rows.len();
                    let first = if replace { 0 } else { existing };
                    let flash = Text::new(
                        format!("目録に {count} 行を取り込みました"),
                        format!("Imported {count} rows into the inventory"),
                    );
                    sc.change_then(
                        Action::Inventory(InventoryAction::Import { rows: rows.clone(), replace }),
                        After::flash(flash).and_focus(Focus::InventoryRow(first, "heading")),
                    );
                    picked.set(None);
                    preview.set(None);
                })
            };
            let on_cancel = {
                let (sc, picked, preview) = (sc.clone(), picked.clone(), preview.clone());
                Callback::from(move |_| {
                    picked.set(None);
                    preview.set(None);
                    sc.focus(Focus::InventoryImportInput);
                })
            };
            let good = p.rows.len();
            html! {
                <div class="tics-panel" data-testid="inventory-preview">
                    <h4 id={Focus::InventoryPreview.element_id()} tabindex="-1">
                        { format!("{}: {}{}", t(lang, "取り込む前に確認", "Check before importing"), p.file_name,
                            p.sheet.as_ref().map(|s| format!("（{s}）")).unwrap_or_default()) }
                    </h4>
                    <div class="tics-fields">
                        if p.sheets.len() > 1 {
                            <div class="tics-field">
                                <label for="tics-inv-sheet">{ t(lang, "シート", "Sheet") }</label>
                                <select id="tics-inv-sheet" onchange={on_sheet} data-testid="inv-import-sheet">
                                    { for p.sheets.iter().map(|s| html! { <option value={s.clone()} selected={p.sheet.as_ref() == Some(s)}>{ s.clone() }</option> }) }
                                </select>
                            </div>
                        }
                        <div class="tics-field">
                            <label for="tics-inv-header-row">{ t(lang, "見出しの行（番号）", "Row with the column headings (number)") }</label>
                            <input id="tics-inv-header-row" type="number" min="1" value={p.header_row.to_string()} onchange={on_header}
                                data-testid="inv-import-header-row" />
                        </div>
                    </div>
                    <table class="tics-table">
                        <caption>{ t(lang, "列の対応（直せます）", "Which column fills which field (you can correct it)") }</caption>
                        <thead><tr>
                            <th scope="col">{ t(lang, "ファイルの列", "Column in the file") }</th>
                            <th scope="col">{ t(lang, "目録の項目", "Inventory field") }</th>
                        </tr></thead>
                        <tbody>{ for p.headers.iter().enumerate().map(|(n, h)| column_select(n, h)) }</tbody>
                    </table>
                    if let Some(why) = &p.blocked {
                        <p class="tics-field-error" data-testid="inv-import-blocked">{ say(why.clone(), lang) }</p>
                    }
                    if !p.warnings.is_empty() {
                        <ul class="tics-warnings">{ for p.warnings.iter().map(|w| html! { <li>{ say(w.clone(), lang) }</li> }) }</ul>
                    }
                    <p data-testid="inv-import-count">{ format!("{} {good} / {} {}",
                        t(lang, "取り込める行:", "Rows to import:"), t(lang, "読んだ行:", "rows read:"), p.rows_read) }</p>
                    if !p.problems.is_empty() {
                        <h5>{ t(lang, "取り込めない行（ファイルを直して読み直すか、このまま他の行だけ取り込めます）", "Rows left out (fix the file and read it again, or import the other rows)") }</h5>
                        <ul data-testid="inv-import-problems">
                            { for p.problems.iter().take(PROBLEMS_LISTED).map(|c| html! {
                                <li>{ format!("{} {}・{} {}（{}）: {}", t(lang, "行", "Row"), c.row, t(lang, "列", "column"), c.column, c.header, say(c.message.clone(), lang)) }</li>
                            }) }
                            if p.problems.len() > PROBLEMS_LISTED {
                                <li>{ format!("{} {}", t(lang, "ほかの問題:", "More problems:"), p.problems.len() - PROBLEMS_LISTED) }</li>
                            }
                        </ul>
                    }
                    <div class="tics-toolbar">
                        <button type="button" class="tics-primary" onclick={accept(false)} disabled={good == 0}
                            data-testid="inv-import-add">{ format!("{} ({good})", t(lang, "目録の後ろに追加", "Add to the inventory")) }</button>
                        if props.rows > 0 {
                            <button type="button" class="tics-danger" onclick={accept(true)} disabled={good == 0} data-testid="inv-import-replace">
                                { format!("{} ({} → {good})", t(lang, "今の目録を置き換える", "Replace the current inventory"), props.rows) }
                            </button>
                        }
                        <button type="button" onclick={on_cancel} data-testid="inv-import-cancel">{ t(lang, "やめる", "Cancel") }</button>
                    </div>
                </div>
            }
        }
        _ => Html::default(),
    };

    let input_id = Focus::InventoryImportInput.element_id();
    html! {
        <section aria-labelledby="tics-inv-import-heading">
            <h3 id="tics-inv-import-heading">{ t(lang, "Excel・CSV から取り込む", "Import from Excel or CSV") }</h3>
            <div class="tics-field">
                <label for={input_id.clone()}>{ t(lang, "目録のファイル（.xlsx または .csv、5 MB まで）", "An inventory file (.xlsx or .csv, up to 5 MB)") }</label>
                <input id={input_id} type="file" accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    onchange={on_file} aria-describedby="tics-inv-import-hint" data-testid="inventory-import-file" />
                <p id="tics-inv-import-hint" class="tics-hint">{ t(lang,
                    "見出しの行と列の対応を確かめてから取り込みます。今の目録は、取り込むまで変わりません。",
                    "You check the header row and the columns before anything is imported. Your inventory does not change until then.") }</p>
            </div>
            if *busy { <p role="status">{ t(lang, "ファイルを読んでいます…", "Reading the file…") }</p> }
            { panel }
        </section>
    }
}
