//! The association's aggregate: members' sharing files dropped or chosen (a folder at once, too), read in
//! batches by the content worker so the page stays responsive, and the figures with their charts, tables,
//! Excel and CSV files and an A4 print. Nothing is sent anywhere, and nothing is stored: the files are read
//! again after a reload. The figures' words and series come from the domain's model
//! ([`tics_domain::aggregate::aggregate_figures`]); this view lays them out.
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use tics_domain::aggregate::{
    aggregate_figures, year_label, AggregateFigures, Collection, Filter, Picture, PictureTables, ITEMS_SHOWN,
};
use tics_domain::csv::to_csv;
use tics_domain::export::{downloaded, CSV_TYPE};
use tics_domain::inventory::form_key;
use tics_domain::tables::file_name;
use tics_domain::vocab::{reading_progress, size_label};
use tics_domain::workbook::WorkbookRequest;
use tics_domain::{Catalogue, InfoForm, Lang, OrgSize, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::components::bar_chart::BarChart;
use crate::ui::components::box_chart::BoxChart;
use crate::ui::components::data_table::DataTable;
use crate::ui::hooks::download::{use_download, Download};
use crate::ui::hooks::files::{files_of, read_members};
use crate::ui::hooks::print::print_button;
use crate::ui::state::clock::SharedClock;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq, Clone)]
pub struct AggregateViewProps {
    pub catalogue: Rc<Catalogue>,
    pub lang: Lang,
    /// The app's stylesheet, for the print frame.
    #[prop_or_default]
    pub stylesheet: Option<AttrValue>,
    /// Dates the files made here.
    pub clock: SharedClock,
}

/// Files being read: how many are done, of how many.
type Progress = Option<(usize, usize)>;

#[component(AggregateView)]
pub fn aggregate_view(props: &AggregateViewProps) -> Html {
    let lang = props.lang;
    let collection = use_mut_ref(Collection::default);
    // Bumped after each batch: the collection lives in a RefCell, so the render needs its own signal.
    let version = use_state(|| 0u32);
    let progress = use_state(|| None::<(usize, usize)>);
    let filter = use_state(Filter::default);
    let flash = use_state(|| None::<Text>);
    let download = use_download();
    let figures_ref = use_node_ref();
    let checked = use_memo(props.catalogue.clone(), |c| Rc::<str>::from(c.to_checked_json()));

    let on_files = reader(collection.clone(), version.clone(), progress.clone(), (*checked).clone());
    let on_clear = {
        let (collection, version, filter) = (collection.clone(), version.clone(), filter.clone());
        Callback::from(move |_| {
            *collection.borrow_mut() = Collection::default();
            filter.set(Filter::default());
            version.set(*version + 1);
        })
    };

    let c = collection.borrow();
    let loading = *progress;
    // While files are being read only the progress shows: the figures are computed and drawn once, at the end,
    // so each batch costs the page nothing but the count.
    let shown = loading.is_none() && !c.members.is_empty();
    let picture = if shown { c.picture(&props.catalogue, &filter) } else { Picture::default() };
    let figures = if shown {
        aggregate_figures(&props.catalogue, &c, &filter, &picture, lang)
    } else {
        AggregateFigures::default()
    };

    let today = props.clock.0.today();
    let on_excel = {
        let (tables, flash, download) = (figures.tables.clone(), flash.clone(), download.clone());
        let name = export_name(&props.catalogue, lang, None, "xlsx", &today);
        Callback::from(move |_| {
            let (request, flash) = (WorkbookRequest::Tables(tables.all()), flash.clone());
            download.workbook(name.clone(), request, move |saved| flash.set(Some(said(saved))));
        })
    };
    let on_print = print_button(figures_ref.clone(), props.stylesheet.clone(), lang);

    html! {
        <section class="tics-aggregate" aria-labelledby="tics-aggregate-heading" data-testid="aggregate">
            <h2 id="tics-aggregate-heading">{ t(lang, "会員の結果を集計する", "Add up members' results") }</h2>
            <p>{ t(lang,
                "会員が「団体と共有する」で作ったファイルをまとめて読み込み、会員全体の傾向を見ます。ファイルはこのブラウザの中だけで読み、どこにも送信せず、保存もしません（再読み込みした後は、もう一度選んでください）。",
                "Load the files members made with \"Share with my association\" to see where members stand. The files are read only inside this browser: nothing is sent anywhere or stored (after a reload, choose them again).") }</p>
            { file_drop(lang, loading.is_some(), &on_files) }
            { reading_status(lang, loading, flash.as_ref()) }
            { files_left_out(lang, &c) }
            if shown {
                { filters(lang, &c.years(), picture.year, &filter) }
                { actions(lang, on_print, on_excel, on_clear) }
                { csv_buttons(&props.catalogue, lang, &figures.tables, &flash, &download, &today) }
                { figures_view(lang, &figures, figures_ref) }
            }
        </section>
    }
}

/// Reads the files given into `collection`, one batch at a time, unless files are being read already.
fn reader(
    collection: Rc<RefCell<Collection>>,
    version: UseStateHandle<u32>,
    progress: UseStateHandle<Progress>,
    checked: Rc<str>,
) -> Callback<Vec<web_sys::File>> {
    Callback::from(move |files: Vec<web_sys::File>| {
        if files.is_empty() || progress.is_some() {
            return;
        }
        let total = files.len();
        progress.set(Some((0, total)));
        let (collection, version, progress, checked) =
            (collection.clone(), version.clone(), progress.clone(), checked.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let step = {
                let (version, progress) = (version.clone(), progress.clone());
                move |done: usize| {
                    progress.set(Some((done, total)));
                    version.set(*version + 1);
                }
            };
            read_members(checked, files, collection, step).await;
            progress.set(None);
            version.set(*version + 1);
        })
    })
}

/// Where files are dropped or chosen, one by one or a folder at once; closed while files are being read.
fn file_drop(lang: Lang, busy: bool, on_files: &Callback<Vec<web_sys::File>>) -> Html {
    let on_input = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            on_files.emit(files_of(input.files()));
            // The same files can be chosen again after "clear".
            input.set_value("");
        })
    };
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            on_files.emit(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <div class="tics-dropzone" ondrop={on_drop} ondragover={on_dragover} data-testid="aggregate-drop">
            <p>{ t(lang, "ここにファイルをドロップするか、選んでください。", "Drop files here, or choose them.") }</p>
            <div class="tics-field">
                <label for="tics-aggregate-files">{ t(lang, "ファイルを選ぶ（複数可）", "Choose files (several at once)") }</label>
                <input id="tics-aggregate-files" type="file" multiple=true accept=".json,application/json" onchange={on_input.clone()}
                    disabled={busy} data-testid="aggregate-files" />
            </div>
            <div class="tics-field">
                <label for="tics-aggregate-folder">{ t(lang, "フォルダを選ぶ", "Choose a folder") }</label>
                <input id="tics-aggregate-folder" type="file" webkitdirectory=true multiple=true onchange={on_input}
                    disabled={busy} data-testid="aggregate-folder" />
            </div>
        </div>
    }
}

/// The status line: the files read so far while reading, otherwise what became of the last download.
fn reading_status(lang: Lang, loading: Progress, flash: Option<&Text>) -> Html {
    html! {
        <div role="status" aria-live="polite" data-testid="aggregate-status">
            if let Some((done, total)) = loading {
                <p>{ say(reading_progress(done, total), lang) }</p>
                <progress max={total.to_string()} value={done.to_string()} aria-label={t(lang, "読み込みの進み具合", "Reading progress")}></progress>
            } else if let Some(message) = flash {
                <p>{ say(message.clone(), lang) }</p>
            }
        </div>
    }
}

/// The files not counted: those refused, with why, and older files of a self-check counted once.
fn files_left_out(lang: Lang, c: &Collection) -> Html {
    html! {
        <>
            if !c.refused.is_empty() {
                <details class="tics-aggregate-refused" data-testid="aggregate-refused">
                    <summary>{ format!("{}: {}", t(lang, "読み込めなかったファイル", "Files refused"), c.refused.len()) }</summary>
                    <ul>{ for c.refused.iter().map(|(file, why)| html! { <li><strong>{ file.clone() }</strong>{ ": " }{ say(why.clone(), lang) }</li> }) }</ul>
                </details>
            }
            if !c.duplicates.is_empty() {
                <details data-testid="aggregate-duplicates">
                    <summary>{ format!("{}: {}", t(lang, "同じセルフチェックの古いファイル（新しい方だけを数えます）", "Older files of a self-check (only the newest counts)"), c.duplicates.len()) }</summary>
                    <ul>{ for c.duplicates.iter().map(|(old, kept)| html! { <li>{ format!("{old} → {kept}") }</li> }) }</ul>
                </details>
            }
        </>
    }
}

/// The filters: the fiscal year (when files span more than one), the size, entrusted information and the forms
/// of information held. `year` is the year shown.
fn filters(lang: Lang, years: &[i32], year: Option<i32>, filter: &UseStateHandle<Filter>) -> Html {
    let all = t(lang, "すべて", "All").to_owned();
    html! {
        <fieldset class="tics-aggregate-filters">
            <legend>{ t(lang, "絞り込み", "Filter") }</legend>
            if years.len() > 1 {
                { select("aggregate-year", t(lang, "年度", "Fiscal year"),
                    years.iter().rev().map(|y| (y.to_string(), say(year_label(*y), lang))).collect(),
                    year.map(|y| y.to_string()).unwrap_or_default(),
                    set_filter(filter, |f, v| f.year = v.parse().ok())) }
            }
            { select("aggregate-size", t(lang, "規模", "Size"),
                vec![(String::new(), all.clone()), ("small".into(), say(size_label(OrgSize::Small), lang)), ("large".into(), say(size_label(OrgSize::Large), lang))],
                match filter.size { Some(OrgSize::Small) => "small".into(), Some(OrgSize::Large) => "large".into(), None => String::new() },
                set_filter(filter, |f, v| f.size = match v { "small" => Some(OrgSize::Small), "large" => Some(OrgSize::Large), _ => None })) }
            { select("aggregate-entrusted", t(lang, "預かり情報", "Entrusted information"),
                vec![(String::new(), all), ("yes".into(), t(lang, "あり", "Held").into()), ("no".into(), t(lang, "なし", "Not held").into())],
                match filter.entrusted { Some(true) => "yes".into(), Some(false) => "no".into(), None => String::new() },
                set_filter(filter, |f, v| f.entrusted = match v { "yes" => Some(true), "no" => Some(false), _ => None })) }
            <fieldset>
                <legend>{ t(lang, "情報の形態（いずれかを持つ会員）", "Information forms (members holding any of them)") }</legend>
                { for InfoForm::ALL.into_iter().map(|form| form_choice(lang, form, filter)) }
            </fieldset>
        </fieldset>
    }
}

/// A labelled drop-down of (value, text) options, `current` selected, that calls `set` with the value chosen.
fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: String,
    set: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| set.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <div class="tics-field">
            <label for={id}>{ label }</label>
            <select id={id} {onchange} data-testid={id}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}

/// Sets the filter with `f` from a drop-down's value.
fn set_filter(filter: &UseStateHandle<Filter>, f: fn(&mut Filter, &str)) -> Callback<String> {
    let filter = filter.clone();
    Callback::from(move |value: String| {
        let mut next = (*filter).clone();
        f(&mut next, &value);
        filter.set(next);
    })
}

/// A form of information's check box: members holding any of the forms ticked are counted.
fn form_choice(lang: Lang, form: InfoForm, filter: &UseStateHandle<Filter>) -> Html {
    let id = format!("tics-aggregate-form-{}", form_key(form));
    let onchange = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*filter).clone();
            let mut forms: BTreeSet<InfoForm> = next.forms.clone();
            if on {
                forms.insert(form);
            } else {
                forms.remove(&form);
            }
            next.forms = forms;
            filter.set(next);
        })
    };
    html! {
        <div class="tics-choice">
            <input type="checkbox" id={id.clone()} checked={filter.forms.contains(&form)} {onchange} />
            <label for={id}>{ say(form.label(), lang) }</label>
        </div>
    }
}

/// Print, Excel and "remove all files".
fn actions(
    lang: Lang,
    on_print: Callback<MouseEvent>,
    on_excel: Callback<MouseEvent>,
    on_clear: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="tics-aggregate-actions">
            <button type="button" onclick={on_print} data-testid="aggregate-print">{ t(lang, "印刷する（A4）", "Print (A4)") }</button>
            <button type="button" onclick={on_excel} data-testid="aggregate-xlsx">{ t(lang, "Excel でダウンロード", "Download as Excel") }</button>
            <button type="button" onclick={on_clear} data-testid="aggregate-clear">{ t(lang, "読み込んだファイルをすべて外す", "Remove all files read") }</button>
        </div>
    }
}

/// One CSV button per table, in the workbook's order.
fn csv_buttons(
    catalogue: &Catalogue,
    lang: Lang,
    tables: &PictureTables,
    flash: &UseStateHandle<Option<Text>>,
    download: &Download,
    today: &str,
) -> Html {
    let buttons = tables.keyed().map(|(key, table)| {
        let (table, flash, download) = (table.clone(), flash.clone(), download.clone());
        let name = export_name(catalogue, lang, Some(&table.name), "csv", today);
        let label = format!("CSV: {}", table.name);
        let onclick = Callback::from(move |_| {
            flash.set(Some(said(download.now(&to_csv(&table), name.clone(), CSV_TYPE))));
        });
        html! { <li><button type="button" {onclick} data-testid={format!("aggregate-csv-{key}")}>{ label }</button></li> }
    });
    html! { <ul class="tics-aggregate-csv" role="list">{ for buttons }</ul> }
}

/// The outcome of a download, said in this view's own status line.
fn said(saved: Result<String, Text>) -> Text {
    saved.map(|name| downloaded(&name)).unwrap_or_else(|e| e)
}

/// The figures as the domain's model gives them, each chart beside its table; `node` is what the print copies.
fn figures_view(lang: Lang, figures: &AggregateFigures, node: NodeRef) -> Html {
    let tables = &figures.tables;
    html! {
        <div class="tics-aggregate-figures" ref={node} data-testid="aggregate-figures">
            <h3>{ figures.heading.clone() }</h3>
            <p class="tics-aggregate-count" data-testid="aggregate-members">{ figures.count.clone() }</p>
            { for figures.notes.iter().map(|note| html! { <p class="tics-note" data-testid="aggregate-version-note">{ note.clone() }</p> }) }
            <h4>{ t(lang, "達成レベルの分布", "Levels attained") }</h4>
            <div class="tics-aggregate-pair">
                <BarChart title={tables.levels.name.clone()} bars={figures.levels.clone()} test_id="chart-levels" />
                <DataTable table={tables.levels.clone()} test_id="table-levels" />
            </div>
            <h4>{ t(lang, "トピック別スコアの分布（中央値と四分位）", "Scores by topic (median and quartiles)") }</h4>
            <p class="tics-hint">{ t(lang,
                "線は最小から最大、箱は第1〜第3四分位、太線は中央値、◆は前年度の中央値です。",
                "The line spans the lowest to the highest score, the box the quartiles, the thick line the median; ◆ marks the previous year's median.") }</p>
            <div class="tics-aggregate-pair">
                <BoxChart title={tables.topics.name.clone()} rows={figures.topics.clone()} test_id="chart-topics" />
                <DataTable table={tables.topics.clone()} test_id="table-topics" />
            </div>
            <h4>{ t(lang, "未実施の多い項目", "Items most often not done") }</h4>
            <div class="tics-aggregate-pair">
                <BarChart title={tables.items.name.clone()} bars={figures.items.clone()} test_id="chart-items" />
                <DataTable table={tables.items.clone()} limit={ITEMS_SHOWN} test_id="table-items"
                    more={AttrValue::from(t(lang, "上位だけを表示しています。すべての項目は Excel・CSV にあります。", "Only the top items are shown; Excel and CSV list every item."))} />
            </div>
            <h4>{ t(lang, "脅威別の実施状況", "Done by threat") }</h4>
            <div class="tics-aggregate-pair">
                <BarChart title={tables.threats.name.clone()} bars={figures.threats.clone()} test_id="chart-threats" />
                <DataTable table={tables.threats.clone()} test_id="table-threats" />
            </div>
            if !figures.names.is_empty() {
                <h4>{ t(lang, "名称を共有した会員", "Members who shared their name") }</h4>
                <ul data-testid="aggregate-names">{ for figures.names.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </div>
    }
}

/// The file name of an export, with the table's name for one table alone, and the association's name where the
/// overlay gives one.
fn export_name(catalogue: &Catalogue, lang: Lang, table: Option<&str>, ext: &str, today: &str) -> String {
    let name = catalogue.branding.as_ref().map(|b| b.name.get(lang).to_owned()).unwrap_or_default();
    let mut what = t(lang, "会員の結果の集計", "Member results").to_owned();
    if let Some(table) = table {
        what = format!("{what}_{table}");
    }
    file_name(&what, &name, today, ext)
}
