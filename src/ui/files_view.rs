//! Files: download the result (JSON, CSV, Excel), import a saved JSON file, and manage the list of
//! self-checks (create, rename, duplicate, delete).
use std::rc::Rc;

use tics_domain::csv::to_csv;
use tics_domain::envelope::{export_json, import_json, Imported, Origin};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::tables::{file_name, periodic_table, plan_table, results_table, workbook_tables};
use tics_domain::{Catalogue, Lang, Text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::ime;
use crate::ui::state::{AppState, Msg};
use crate::web::{clock, download, excel, file, perf};

#[derive(Properties, PartialEq)]
pub struct FilesViewProps {
    pub catalogue: Rc<Catalogue>,
    pub library: Rc<Library>,
    pub pending: Option<Rc<Imported>>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

/// DOM ids that take focus when the control that had it goes away (see `Msg::Focus`).
pub const PENDING_HEADING: &str = "tics-pending-heading";
pub const LIBRARY_HEADING: &str = "tics-library-heading";
pub const DOWNLOAD_HEADING: &str = "tics-download-heading";
pub const IMPORT_INPUT: &str = "tics-import";

const CSV: &str = "text/csv;charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The kinds of download offered.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Json,
    ResultsCsv,
    PlanCsv,
    PeriodicCsv,
    Excel,
}

#[component(FilesView)]
pub fn files_view(props: &FilesViewProps) -> Html {
    let lang = props.lang;
    let d = props.dispatcher.clone();
    let excel_busy = use_state(|| false);
    let confirm_replace = use_state(|| false);
    let confirm_delete = use_state(|| None::<String>);
    let renaming = use_state(|| None::<(String, String)>);
    let Some(entry) = props.library.open_entry().cloned() else {
        return Html::default();
    };

    let on_download = |kind: Kind| {
        let (d, catalogue, entry, excel_busy) = (d.clone(), props.catalogue.clone(), entry.clone(), excel_busy.clone());
        Callback::from(move |_| {
            let today = clock::today();
            let name = |k: &str, ext: &str| file_name(&entry.name, &today, k, ext);
            let check = &entry.check;
            let done = |result: Result<(), Text>, file: &str| match result {
                Ok(()) => Msg::Flash(downloaded(file)),
                Err(e) => Msg::Fail(e),
            };
            let msg = match kind {
                Kind::Json => {
                    let now = clock::now_iso();
                    let origin = Origin {
                        app_version: env!("CARGO_PKG_VERSION"),
                        saved_at: &now,
                        name: &entry.name,
                        id: &entry.id,
                    };
                    let json = perf::timed("tics:export-json", || export_json(&catalogue, check, &origin));
                    let file = name("result", "json");
                    done(download::download(json.as_bytes(), &file, "application/json"), &file)
                }
                Kind::ResultsCsv => {
                    let csv = perf::timed("tics:export-csv", || to_csv(&results_table(&catalogue, check, lang)));
                    let file = name("results", "csv");
                    done(download::download(&csv, &file, CSV), &file)
                }
                Kind::PlanCsv => {
                    let csv = to_csv(&plan_table(&catalogue, check, lang));
                    let file = name("action-plan", "csv");
                    done(download::download(&csv, &file, CSV), &file)
                }
                Kind::PeriodicCsv => {
                    let csv = to_csv(&periodic_table(&catalogue, check, lang));
                    let file = name("periodic-report", "csv");
                    done(download::download(&csv, &file, CSV), &file)
                }
                Kind::Excel => {
                    // Busy: the button stays focusable (aria-disabled), and a second click waits for the first.
                    if *excel_busy {
                        return;
                    }
                    // The Excel writer is loaded only now, on first use, in a worker.
                    let tables = perf::timed("tics:export-tables", || workbook_tables(&catalogue, check, lang));
                    let file = name("workbook", "xlsx");
                    let (d, excel_busy) = (d.clone(), excel_busy.clone());
                    excel_busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        // The worker's round trip, including its download the first time.
                        perf::start("tics:export-xlsx");
                        let made = excel::workbook(&tables).await;
                        perf::end("tics:export-xlsx");
                        let result = made.and_then(|bytes| download::download(&bytes, &file, XLSX));
                        excel_busy.set(false);
                        d.dispatch(match result {
                            Ok(()) => Msg::Flash(downloaded(&file)),
                            Err(e) => Msg::Fail(e),
                        });
                    });
                    return;
                }
            };
            d.dispatch(msg);
        })
    };

    let on_file = {
        let (d, catalogue) = (d.clone(), props.catalogue.clone());
        let confirm_replace = confirm_replace.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(picked) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Clear the input so choosing the same file again still triggers a change.
            input.set_value("");
            confirm_replace.set(false);
            let (d, catalogue) = (d.clone(), catalogue.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match file::read(picked).await {
                    Ok(bytes) => import_json(&bytes, &catalogue),
                    Err(e) => Err(e),
                };
                d.dispatch(Msg::ImportRead(result));
            });
        })
    };

    let pending = props.pending.as_ref().map(|imported| {
        let as_new = {
            let d = d.clone();
            Callback::from(move |_| d.dispatch(Msg::ImportAsNew { id: clock::new_id(), now: clock::now_iso() }))
        };
        let ask_replace = {
            let confirm_replace = confirm_replace.clone();
            Callback::from(move |_| confirm_replace.set(true))
        };
        let replace = {
            let (d, confirm_replace) = (d.clone(), confirm_replace.clone());
            Callback::from(move |_| {
                confirm_replace.set(false);
                d.dispatch(Msg::ImportReplaceOpen)
            })
        };
        let cancel = {
            let (d, confirm_replace) = (d.clone(), confirm_replace.clone());
            Callback::from(move |_| {
                confirm_replace.set(false);
                d.dispatch(Msg::ImportCancel)
            })
        };
        html! {
            <div class="tics-panel" data-testid="import-pending" role="group" aria-labelledby={PENDING_HEADING}>
                <h4 id={PENDING_HEADING} tabindex="-1">{ t(lang, "読み込むファイル", "File to load") }</h4>
                <dl class="tics-meta">
                    <dt>{ t(lang, "名前", "Name") }</dt><dd>{ imported.name.clone() }</dd>
                    <dt>{ t(lang, "保存日時", "Saved") }</dt><dd>{ imported.saved_at.clone() }</dd>
                    <dt>{ t(lang, "カタログ", "Catalogue") }</dt><dd>{ format!("{} {}", imported.catalogue.id, imported.catalogue.version) }</dd>
                </dl>
                if !imported.warnings.is_empty() {
                    <ul class="tics-warnings" data-testid="import-warnings">
                        { for imported.warnings.iter().map(|w| html! { <li>{ w.get(lang).to_owned() }</li> }) }
                    </ul>
                }
                <div class="tics-toolbar">
                    <button type="button" onclick={as_new} data-testid="import-as-new">{ t(lang, "新しいセルフチェックとして追加", "Add as a new self-check") }</button>
                    if *confirm_replace {
                        <span role="alert">{ t(lang, "開いているセルフチェックの内容を置き換えます。よろしいですか？", "This replaces the content of the open self-check. Continue?") }</span>
                        <button type="button" onclick={replace} data-testid="import-replace-confirm">{ t(lang, "置き換える", "Replace") }</button>
                    } else {
                        <button type="button" onclick={ask_replace} data-testid="import-replace">{ t(lang, "開いているものを置き換える…", "Replace the open one…") }</button>
                    }
                    <button type="button" onclick={cancel}>{ t(lang, "取り消す", "Cancel") }</button>
                </div>
            </div>
        }
    });

    let on_new = {
        let (d, library) = (d.clone(), props.library.clone());
        Callback::from(move |_| {
            let name = library.unique_name(&format!("{} {}", t(lang, "セルフチェック", "Self-check"), clock::today()));
            d.dispatch(Msg::Lib(LibraryAction::Create { id: clock::new_id(), name, now: clock::now_iso() }))
        })
    };
    let entries = props.library.entries.iter().map(|e| {
        let id = e.id.clone();
        let is_open = e.id == props.library.open;
        let open = {
            let (d, id) = (d.clone(), id.clone());
            Callback::from(move |_| {
                d.dispatch(Msg::Lib(LibraryAction::Open(id.clone())));
                // The "open" button goes away: the download heading now names the open self-check.
                d.dispatch(Msg::Focus(DOWNLOAD_HEADING.to_owned()));
            })
        };
        let duplicate = {
            let (d, id, name, library) = (d.clone(), id.clone(), e.name.clone(), props.library.clone());
            Callback::from(move |_| {
                let name = library.unique_name(&format!("{name} {}", t(lang, "のコピー", "(copy)")));
                d.dispatch(Msg::Lib(LibraryAction::Duplicate { id: id.clone(), new_id: clock::new_id(), name, now: clock::now_iso() }))
            })
        };
        let ask_delete = {
            let (confirm_delete, id) = (confirm_delete.clone(), id.clone());
            Callback::from(move |_| confirm_delete.set(Some(id.clone())))
        };
        let delete = {
            let (d, id, confirm_delete) = (d.clone(), id.clone(), confirm_delete.clone());
            Callback::from(move |_| {
                confirm_delete.set(None);
                d.dispatch(Msg::Lib(LibraryAction::Delete { id: id.clone(), fresh_id: clock::new_id(), now: clock::now_iso() }));
                d.dispatch(Msg::Focus(LIBRARY_HEADING.to_owned()));
            })
        };
        let cancel_delete = {
            let confirm_delete = confirm_delete.clone();
            Callback::from(move |_| confirm_delete.set(None))
        };
        let input_id = format!("tics-rename-{id}");
        let rename_button_id = format!("tics-rename-button-{id}");
        let start_rename = {
            let (d, renaming, id, name, input_id) = (d.clone(), renaming.clone(), id.clone(), e.name.clone(), input_id.clone());
            Callback::from(move |_| {
                renaming.set(Some((id.clone(), name.clone())));
                d.dispatch(Msg::Focus(input_id.clone()));
            })
        };
        // Leaving the form (cancel, Escape, or after renaming) hands focus back to the button that opened it.
        let end_rename = {
            let (d, renaming, rename_button_id) = (d.clone(), renaming.clone(), rename_button_id.clone());
            move || {
                renaming.set(None);
                d.dispatch(Msg::Focus(rename_button_id.clone()));
            }
        };
        let name_id = format!("tics-entry-name-{id}");
        let editing = renaming.as_ref().filter(|(rid, _)| *rid == id).map(|(_, name)| name.clone());
        let rename_form = editing.map(|name| {
            let on_input = {
                let (renaming, id) = (renaming.clone(), id.clone());
                Callback::from(move |e: InputEvent| renaming.set(Some((id.clone(), e.target_unchecked_into::<HtmlInputElement>().value()))))
            };
            let on_submit = {
                let (d, id, name, end_rename) = (d.clone(), id.clone(), name.clone(), end_rename.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    d.dispatch(Msg::Lib(LibraryAction::Rename { id: id.clone(), name: name.clone() }));
                    end_rename();
                })
            };
            let on_cancel = {
                let end_rename = end_rename.clone();
                Callback::from(move |_| end_rename())
            };
            let on_keydown = ime::keys_with_escape(end_rename.clone());
            html! {
                <form class="tics-aside" onsubmit={on_submit}>
                    <label for={input_id.clone()}>{ t(lang, "新しい名前", "New name") }</label>
                    <input id={input_id.clone()} type="text" value={name.clone()} oninput={on_input} onkeydown={on_keydown} data-testid={format!("rename-input-{id}")} />
                    <button type="submit" disabled={name.trim().is_empty()}>{ t(lang, "名前を変える", "Rename") }</button>
                    <button type="button" onclick={on_cancel}>{ t(lang, "やめる", "Cancel") }</button>
                </form>
            }
        });
        html! {
            <li key={id.clone()} data-testid="library-entry">
                <span class="tics-entry-name" id={name_id.clone()}>{ e.name.clone() }</span>
                if is_open { <span class="tics-badge tics-badge-cs">{ t(lang, "開いています", "Currently open") }</span> }
                <div class="tics-toolbar">
                    if !is_open { <button type="button" onclick={open} aria-describedby={name_id.clone()}>{ t(lang, "開く", "Open") }</button> }
                    <button type="button" id={rename_button_id} onclick={start_rename} aria-describedby={name_id.clone()} data-testid={format!("rename-{id}")}>{ t(lang, "名前を変える", "Rename") }</button>
                    <button type="button" onclick={duplicate} aria-describedby={name_id.clone()} data-testid={format!("duplicate-{id}")}>{ t(lang, "複製", "Duplicate") }</button>
                    if confirm_delete.as_deref() == Some(id.as_str()) {
                        <span role="alert">{ t(lang, "削除すると元に戻せません。", "Deleting cannot be undone.") }</span>
                        <button type="button" class="tics-danger" onclick={delete} data-testid={format!("delete-confirm-{id}")}>{ t(lang, "削除する", "Delete") }</button>
                        <button type="button" onclick={cancel_delete}>{ t(lang, "やめる", "Cancel") }</button>
                    } else {
                        <button type="button" onclick={ask_delete} aria-describedby={name_id.clone()} data-testid={format!("delete-{id}")}>{ t(lang, "削除…", "Delete…") }</button>
                    }
                </div>
                { for rename_form }
            </li>
        }
    });

    html! {
        <section class="tics-step" aria-labelledby="tics-files-heading" data-testid="files">
            <h2 id="tics-files-heading">{ t(lang, "保存・読み込み", "Files") }</h2>
            <p class="tics-hint">{ t(lang,
                "ファイルはこのブラウザの中で作られ、どこにも送信されません。",
                "Files are made inside this browser and are never sent anywhere.") }</p>

            <h3 id={DOWNLOAD_HEADING} tabindex="-1">{ format!("{}: {}", t(lang, "ダウンロード", "Download"), entry.name) }</h3>
            <ul class="tics-downloads" role="list">
                <li>
                    <button type="button" onclick={on_download(Kind::Json)} data-testid="download-json">{ t(lang, "JSON（次回読み込み用・完全な記録）", "JSON (complete, to load again next time)") }</button>
                    <p class="tics-hint">{ t(lang,
                        "SHA-256 のダイジェスト付きで、保存後の編集や破損を検出できます（改ざん防止の署名ではありません）。",
                        "Carries a SHA-256 digest that detects later edits or damage (an integrity check, not a signature).") }</p>
                </li>
                <li><button type="button" onclick={on_download(Kind::ResultsCsv)} data-testid="download-results-csv">{ t(lang, "結果 CSV（Excel で開けます）", "Results CSV (opens in Excel)") }</button></li>
                <li><button type="button" onclick={on_download(Kind::PlanCsv)} data-testid="download-plan-csv">{ t(lang, "行動計画 CSV", "Action plan CSV") }</button></li>
                <li><button type="button" onclick={on_download(Kind::PeriodicCsv)} data-testid="download-periodic-csv">{ t(lang, "定期報告 CSV（ひな形の列）", "Periodic report CSV (template columns)") }</button></li>
                <li>
                    <button type="button" onclick={on_download(Kind::Excel)} aria-disabled={(*excel_busy).then_some("true")} data-testid="download-xlsx">
                        { if *excel_busy { t(lang, "Excel を作成中…", "Making the Excel file…") } else { t(lang, "Excel ブック（概要・結果・行動計画・定期報告）", "Excel workbook (summary, results, plan, periodic report)") } }
                    </button>
                </li>
            </ul>

            <h3>{ t(lang, "JSON ファイルを読み込む", "Load a JSON file") }</h3>
            <div class="tics-field">
                <label for={IMPORT_INPUT}>{ t(lang, "このアプリで保存した JSON ファイル（5 MB まで）", "A JSON file saved by this app (up to 5 MB)") }</label>
                <input id={IMPORT_INPUT} type="file" accept=".json,application/json" onchange={on_file} data-testid="import-file" />
            </div>
            { for pending }

            <h3 id={LIBRARY_HEADING} tabindex="-1">{ t(lang, "セルフチェックの一覧", "Your self-checks") }</h3>
            <ul class="tics-library" role="list">{ for entries }</ul>
            <button type="button" onclick={on_new} data-testid="new-check">{ t(lang, "新しいセルフチェックを作る", "Create a new self-check") }</button>
        </section>
    }
}

/// The confirmation after a download, naming the file so that two downloads of one kind are told apart.
fn downloaded(file: &str) -> Text {
    Text::new(format!("{file} をダウンロードしました"), format!("Downloaded {file}"))
}
