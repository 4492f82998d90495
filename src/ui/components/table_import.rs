//! Importing a table kept in Excel or CSV, the part every kind of table shares (the inventory, an audit
//! checksheet): the file field, the Excel worker reading the file and proposing a column mapping, and the preview
//! the user checks before anything changes — sheet, header row, which column fills which field (correctable, each
//! correction reads the file again), the rows found, the rows that cannot be taken and why, and the warnings. The
//! import that uses it brings its fields, its words and its accept buttons.
use std::rc::Rc;

use serde::de::DeserializeOwned;
use tics_domain::grid::column_letters;
use tics_domain::import::{sample_table, Choice, Preview, Request, Sampled};
use tics_domain::vocab::{cell_problem, more_problems, rows_to_import};
use tics_domain::{Lang, Text};
use yew::prelude::*;

use crate::ui::components::data_table::DataTable;
use crate::ui::hooks::files::{read as read_file, read_table, take_chosen, Picked};
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};

/// What the accept buttons get: the preview to take the rows from, and the verb that closes the panel once they
/// are taken.
pub struct Accepting<R> {
    pub preview: Rc<Preview<R>>,
    pub ondone: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct TableImportProps<R: PartialEq + 'static> {
    /// The worker's request for a file name and the user's corrections (`Request::ReadInventory`, …).
    pub request: Callback<(String, Option<Choice>), Request>,
    /// The fields a column can fill, key and label, in the order the selects list them.
    pub fields: Rc<Vec<(&'static str, Text)>>,
    /// The short name in the element ids (`tics-{prefix}-sheet`) and test ids (`{prefix}-import-sheet`,
    /// `{prefix}-map-0`).
    pub prefix: &'static str,
    /// The file field, and where focus returns on cancel.
    pub input: Focus,
    pub input_testid: &'static str,
    /// The preview's heading, which takes focus when the file has been read.
    pub preview: Focus,
    pub preview_testid: &'static str,
    /// The section's heading, the file field's label and the hint below it.
    pub heading: Text,
    pub file_label: Text,
    pub hint: Text,
    /// The heading of the mapping's field column ("目録の項目").
    pub field_heading: Text,
    /// The accept buttons, shown before the cancel button.
    pub actions: Callback<Accepting<R>, Html>,
}

/// How a control changes what was chosen, given its new value.
type Correction = Box<dyn Fn(&mut Choice, String)>;

/// Most problems listed; the rest are counted.
const PROBLEMS_LISTED: usize = 50;

/// What reading a file needs besides the file and the choice.
struct Reader<R> {
    sc: SelfCheckContext,
    request: Callback<(String, Option<Choice>), Request>,
    preview: UseStateHandle<Option<Rc<Preview<R>>>>,
    busy: UseStateHandle<bool>,
    focus: Focus,
}

/// Reads `picked` with `choice` in the worker and shows the result (or the refusal, keeping the earlier preview).
fn read<R: DeserializeOwned + Default + 'static>(reader: Reader<R>, picked: Rc<Picked>, choice: Option<Choice>) {
    let Reader { sc, request, preview, busy, focus } = reader;
    busy.set(true);
    let request = request.emit((picked.name.clone(), choice));
    read_table::<R>(picked, request, move |result| {
        busy.set(false);
        match result {
            Ok(p) => {
                preview.set(Some(Rc::new(p)));
                sc.focus(focus);
            }
            Err(e) => sc.fail(e),
        }
    });
}

#[component(TableImport)]
pub fn table_import<R: DeserializeOwned + Default + PartialEq + Sampled + 'static>(
    props: &TableImportProps<R>,
) -> Html {
    let picked = use_state(|| None::<Rc<Picked>>);
    let preview = use_state(|| None::<Rc<Preview<R>>>);
    let busy = use_state(|| false);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let prefix = props.prefix;
    let reader = || Reader {
        sc: sc.clone(),
        request: props.request.clone(),
        preview: preview.clone(),
        busy: busy.clone(),
        focus: props.preview.clone(),
    };

    let on_file = {
        let (reader, picked, preview) = (reader(), picked.clone(), preview.clone());
        Callback::from(move |e: Event| {
            let Some(chosen) = take_chosen(&e) else {
                return;
            };
            let (reader, picked, preview) = (reader.clone(), picked.clone(), preview.clone());
            read_file(chosen, move |result| match result {
                Ok(file) => {
                    let file = Rc::new(file);
                    picked.set(Some(file.clone()));
                    preview.set(None);
                    read(reader, file, None);
                }
                Err(e) => reader.sc.fail(e),
            });
        })
    };

    let panel = match (&*picked, &*preview) {
        (Some(file), Some(p)) => preview_panel(props, &sc, reader(), file, p, picked.clone(), preview.clone()),
        _ => Html::default(),
    };

    let heading_id = format!("tics-{prefix}-import-heading");
    html! {
        <section aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ say(props.heading.clone(), lang) }</h3>
            { file_field(props, lang, on_file) }
            if *busy { <p role="status">{ t(lang, "ファイルを読んでいます…", "Reading the file…") }</p> }
            { panel }
        </section>
    }
}

/// Renders the file field with its label and hint.
fn file_field<R: PartialEq + 'static>(props: &TableImportProps<R>, lang: Lang, on_file: Callback<Event>) -> Html {
    let input_id = props.input.element_id();
    let hint_id = format!("tics-{}-import-hint", props.prefix);
    html! {
        <div class="tics-field">
            <label for={input_id.clone()}>{ say(props.file_label.clone(), lang) }</label>
            <input id={input_id} type="file" accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onchange={on_file} aria-describedby={hint_id.clone()} data-testid={props.input_testid} />
            <p id={hint_id} class="tics-hint">{ say(props.hint.clone(), lang) }</p>
        </div>
    }
}

/// Renders the preview of the file read: what was chosen and found, with the accept and cancel buttons.
fn preview_panel<R: DeserializeOwned + Default + PartialEq + Sampled + 'static>(
    props: &TableImportProps<R>,
    sc: &SelfCheckContext,
    reader: Reader<R>,
    file: &Rc<Picked>,
    p: &Rc<Preview<R>>,
    picked: UseStateHandle<Option<Rc<Picked>>>,
    preview: UseStateHandle<Option<Rc<Preview<R>>>>,
) -> Html {
    let lang = sc.lang;
    let prefix = props.prefix;
    // Any correction reads the file again with everything chosen so far.
    let reread = |change: Correction| {
        let (reader, file, p) = (reader.clone(), file.clone(), p.clone());
        Callback::from(move |e: Event| {
            let mut choice =
                Choice { sheet: p.sheet.clone(), header_row: Some(p.header_row), mapping: Some(p.mapping.clone()) };
            change(&mut choice, value(&e));
            read(reader.clone(), file.clone(), Some(choice));
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
        column_row(&props.fields, prefix, lang, n, header, chosen, onchange)
    };
    let close = {
        let (picked, preview) = (picked.clone(), preview.clone());
        Callback::from(move |()| {
            picked.set(None);
            preview.set(None);
        })
    };
    let on_cancel = {
        let (sc, close, input) = (sc.clone(), close.clone(), props.input.clone());
        Callback::from(move |_| {
            close.emit(());
            sc.focus(input.clone());
        })
    };
    let actions = props.actions.emit(Accepting { preview: p.clone(), ondone: close });
    html! {
        <div class="tics-panel" data-testid={props.preview_testid}>
            <h4 id={props.preview.element_id()} tabindex="-1">
                { format!("{}: {}{}", t(lang, "取り込む前に確認", "Check before importing"), p.file_name,
                    p.sheet.as_ref().map(|s| format!("（{s}）")).unwrap_or_default()) }
            </h4>
            { choice_fields(p, prefix, lang, on_sheet, on_header) }
            { mapping_table(&p.headers, &props.field_heading, lang, column_select) }
            { warnings(p, prefix, lang) }
            { rows_found(p, prefix, lang) }
            { problems(p, prefix, lang) }
            <div class="tics-toolbar">
                { actions }
                <button type="button" onclick={on_cancel} data-testid={format!("{prefix}-import-cancel")}>{ t(lang, "やめる", "Cancel") }</button>
            </div>
        </div>
    }
}

/// Renders the choice of sheet (when the file has more than one) and of the row with the column headings.
fn choice_fields<R>(
    p: &Preview<R>,
    prefix: &str,
    lang: Lang,
    on_sheet: Callback<Event>,
    on_header: Callback<Event>,
) -> Html {
    let (sheet_id, header_id) = (format!("tics-{prefix}-sheet"), format!("tics-{prefix}-header-row"));
    html! {
        <div class="tics-fields">
            if p.sheets.len() > 1 {
                <div class="tics-field">
                    <label for={sheet_id.clone()}>{ t(lang, "シート", "Sheet") }</label>
                    <select id={sheet_id} onchange={on_sheet} data-testid={format!("{prefix}-import-sheet")}>
                        { for p.sheets.iter().map(|s| html! { <option value={s.clone()} selected={p.sheet.as_ref() == Some(s)}>{ s.clone() }</option> }) }
                    </select>
                </div>
            }
            <div class="tics-field">
                <label for={header_id.clone()}>{ t(lang, "見出しの行（番号）", "Row with the column headings (number)") }</label>
                <input id={header_id} type="number" min="1" value={p.header_row.to_string()} onchange={on_header}
                    data-testid={format!("{prefix}-import-header-row")} />
            </div>
        </div>
    }
}

/// Renders the column mapping table, one row per column in the file (`column_select` renders it).
fn mapping_table(
    headers: &[String],
    field_heading: &Text,
    lang: Lang,
    column_select: impl Fn(usize, &String) -> Html,
) -> Html {
    html! {
        <table class="tics-table">
            <caption>{ t(lang, "列の対応（直せます）", "Which column fills which field (you can correct it)") }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, "ファイルの列", "Column in the file") }</th>
                <th scope="col">{ say(field_heading.clone(), lang) }</th>
            </tr></thead>
            <tbody>{ for headers.iter().enumerate().map(|(n, h)| column_select(n, h)) }</tbody>
        </table>
    }
}

/// Renders one row of the column mapping: the column's letter and heading, and the field it fills.
fn column_row(
    fields: &[(&'static str, Text)],
    prefix: &str,
    lang: Lang,
    n: usize,
    header: &str,
    chosen: Option<String>,
    onchange: Callback<Event>,
) -> Html {
    let letter = column_letters(n);
    let id = format!("tics-{prefix}-map-{n}");
    html! {
        <tr>
            <th scope="row"><label for={id.clone()}>{ format!("{letter}: {}", if header.trim().is_empty() { t(lang, "（見出しなし）", "(no heading)") } else { header }) }</label></th>
            <td>
                <select {id} {onchange} data-testid={format!("{prefix}-map-{n}")}>
                    <option value="" selected={chosen.is_none()}>{ t(lang, "取り込まない", "Leave out") }</option>
                    { for fields.iter().map(|(key, label)| html! {
                        <option value={*key} selected={chosen.as_deref() == Some(*key)}>{ say(label.clone(), lang) }</option>
                    }) }
                </select>
            </td>
        </tr>
    }
}

/// Renders why nothing can be imported (if so) and the warnings about the file.
fn warnings<R>(p: &Preview<R>, prefix: &str, lang: Lang) -> Html {
    html! {
        <>
            if let Some(why) = &p.blocked {
                <p class="tics-field-error" data-testid={format!("{prefix}-import-blocked")}>{ say(why.clone(), lang) }</p>
            }
            if !p.warnings.is_empty() {
                <ul class="tics-warnings">{ for p.warnings.iter().map(|w| html! { <li>{ say(w.clone(), lang) }</li> }) }</ul>
            }
        </>
    }
}

/// Renders the rows found: how many can be imported of those read, and a sample of them.
fn rows_found<R: Sampled>(p: &Preview<R>, prefix: &str, lang: Lang) -> Html {
    let good = p.rows.len();
    html! {
        <>
            <p data-testid={format!("{prefix}-import-count")}>{ say(rows_to_import(good, p.rows_read), lang) }</p>
            if !p.rows.is_empty() {
                <DataTable table={sample_table(p, lang)} test_id={format!("{prefix}-import-sample")} />
            }
        </>
    }
}

/// Renders the rows that cannot be imported and why, the first `PROBLEMS_LISTED` of them.
fn problems<R>(p: &Preview<R>, prefix: &str, lang: Lang) -> Html {
    html! {
        if !p.problems.is_empty() {
            <h5>{ t(lang, "取り込めない行（ファイルを直して読み直すか、このまま他の行だけ取り込めます）", "Rows left out (fix the file and read it again, or import the other rows)") }</h5>
            <ul data-testid={format!("{prefix}-import-problems")}>
                { for p.problems.iter().take(PROBLEMS_LISTED).map(|c| html! {
                    <li>{ say(cell_problem(c.row, &c.column, &c.header, &c.message), lang) }</li>
                }) }
                if p.problems.len() > PROBLEMS_LISTED {
                    <li>{ say(more_problems(p.problems.len() - PROBLEMS_LISTED), lang) }</li>
                }
            </ul>
        }
    }
}

impl<R> Clone for Reader<R> {
    // By hand: a derive would ask for `R: Clone`, which the handles do not need.
    fn clone(&self) -> Self {
        Reader {
            sc: self.sc.clone(),
            request: self.request.clone(),
            preview: self.preview.clone(),
            busy: self.busy.clone(),
            focus: self.focus.clone(),
        }
    }
}
