//! The audit pack's button: one .zip with the result file, the workbook with the evidence list, the periodic
//! report, the registers and the documents, and a list of them with sizes and SHA-256 (see `hooks::audit_pack`).
use std::rc::Rc;

use tics_domain::library::Entry;
use yew::prelude::*;

use crate::ui::hooks::audit_pack::use_audit_pack;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct AuditPackButtonProps {
    pub entry: Rc<Entry>,
}

#[component(AuditPackButton)]
pub fn audit_pack_button(props: &AuditPackButtonProps) -> Html {
    let packer = use_audit_pack();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let busy = packer.shown();
    let onclick = {
        let (packer, entry) = (packer.clone(), props.entry.clone());
        // Busy: the button stays focusable (aria-disabled), and a second click waits for the first.
        Callback::from(move |_| packer.make(&sc, &entry))
    };
    html! {
        <>
            <button type="button" {onclick} aria-disabled={busy.then_some("true")} aria-describedby="tics-audit-pack-hint"
                data-testid="download-audit-pack">
                { if busy { t(lang, "監査用パックを作成中…", "Making the audit pack…") } else { t(lang, "監査用パック（.zip）をダウンロード", "Download the audit pack (.zip)") } }
            </button>
            <p id="tics-audit-pack-hint" class="tics-hint">{ t(lang,
                "審査で見せるファイルを 1 つの ZIP にまとめます: 結果（JSON）、証跡一覧を含む Excel ブック、定期報告、6 つの管理簿、誓約書と規程（Word）、そして各ファイルのサイズと SHA-256 を記した収録ファイル一覧。",
                "Puts the files an audit looks at in one ZIP: the result (JSON), the Excel workbook with the evidence list, the periodic report, the six registers, the pledges and rules (Word), and a list of contents with each file's size and SHA-256.") }</p>
            // Present before it speaks, so that screen readers announce the work starting.
            <p class="tics-hint" role="status" data-testid="audit-pack-status">
                if busy {
                    { t(lang, "作成中です。Excel と Word の部品を初めて使うときは、その読み込みに少しかかります。", "Making it. The first time, the Excel and Word writers take a moment to load.") }
                }
            </p>
        </>
    }
}
