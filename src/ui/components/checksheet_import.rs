//! Importing the audit checksheet the business was certified against (or last year's report kept in Excel or
//! CSV) as the periodic report's rows: the Excel worker reads the file and proposes which column is 章, 節, 項, 番,
//! 内容 and the checks; the user corrects the mapping, sees the rows that cannot be taken and why, and only then
//! replaces the report's rows. What was already entered is kept (`periodic::merge`). The reading and the preview
//! are [`TableImport`]'s, shared with the inventory import.
use std::rc::Rc;

use tics_domain::checksheet_import::FIELDS;
use tics_domain::import::Request;
use tics_domain::periodic::{Criterion, PeriodicAction};
use tics_domain::vocab::{checksheet_imported, checksheet_replace_button};
use tics_domain::{Action, Text};
use yew::prelude::*;

use crate::ui::components::table_import::{Accepting, TableImport};
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::say;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct ChecksheetImportProps {
    /// Rows the report shows now (表4-1's or an earlier import), for the replace button.
    pub rows: usize,
    /// Where focus goes once the rows are imported (the report's first row, say); the file field by default.
    #[prop_or(Focus::ChecksheetImportInput)]
    pub focus_after: Focus,
}

#[component(ChecksheetImport)]
pub fn checksheet_import(props: &ChecksheetImportProps) -> Html {
    let fields = use_memo((), |_| FIELDS.iter().map(|(key, ja, en)| (*key, Text::new(*ja, *en))).collect::<Vec<_>>());
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let (existing, focus_after) = (props.rows, props.focus_after.clone());

    let actions = Callback::from(move |Accepting { preview, ondone }: Accepting<Criterion>| {
        let good = preview.rows.len();
        let onclick = {
            let (sc, preview, ondone, focus_after) = (sc.clone(), preview.clone(), ondone.clone(), focus_after.clone());
            Callback::from(move |_| {
                let count = preview.rows.len();
                let flash = checksheet_imported(count);
                let action = PeriodicAction::Import { rows: preview.rows.clone(), source: preview.file_name.clone() };
                sc.change_then(Action::Periodic(action), After::flash(flash).and_focus(focus_after.clone()));
                ondone.emit(());
            })
        };
        html! {
            <button type="button" class="tics-primary" {onclick} disabled={good == 0} data-testid="checksheet-accept">
                { say(checksheet_replace_button(existing, good), lang) }
            </button>
        }
    });

    html! {
        <TableImport<Criterion>
            request={Callback::from(|(file_name, choice)| Request::ReadChecksheet { file_name, choice })}
            fields={Rc::clone(&fields)}
            prefix="cs"
            input={Focus::ChecksheetImportInput}
            input_testid="checksheet-file"
            preview={Focus::ChecksheetPreview}
            preview_testid="checksheet-preview"
            heading={Text::new("審査チェックシートを取り込む", "Import the audit checksheet")}
            file_label={Text::new(
                "審査のチェックシートか前年の定期報告（.xlsx または .csv、5 MB まで）",
                "The audit checksheet or last year's report (.xlsx or .csv, up to 5 MB)",
            )}
            hint={Text::new(
                "章・節・項・番・内容・審査時の確認内容の列を読み、定期報告の行にします（前年の報告なら、定期報告の確認内容・確認日・確認者も）。見出しの行と列の対応を確かめてから取り込みます。定期報告は、取り込むまで変わりません。",
                "The chapter, section, clause, number, content and audit check columns become the report's rows (and, from last year's report, this period's check, its date and who checked). You check the header row and the columns first; the report does not change until you import.",
            )}
            field_heading={Text::new("定期報告の項目", "Report field")}
            {actions}
        />
    }
}
