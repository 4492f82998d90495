//! Files: download the result, load a saved file, and manage the list of self-checks. One panel each.
use std::rc::Rc;

use tics_domain::envelope::Imported;
use tics_domain::library::Library;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

mod audit_pack;
mod downloads;
mod import;
mod library;
mod library_entry;
mod share;

use downloads::DownloadsPanel;
use import::ImportPanel;
use library::LibraryPanel;
use share::SharePanel;

#[derive(Properties, PartialEq, Clone)]
pub struct FilesViewProps {
    pub library: Rc<Library>,
    pub pending: Option<Rc<Imported>>,
}

#[component(FilesView)]
pub fn files_view(props: &FilesViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let Some(entry) = props.library.open_entry().cloned().map(Rc::new) else {
        return Html::default();
    };
    html! {
        <section class="tics-step" aria-labelledby="tics-files-heading" data-testid="files">
            <h2 id="tics-files-heading">{ t(lang, "保存・読み込み", "Files") }</h2>
            <p class="tics-hint">{ t(lang,
                "ファイルはこのブラウザの中で作られ、どこにも送信されません。",
                "Files are made inside this browser and are never sent anywhere.") }</p>
            <DownloadsPanel entry={entry.clone()} />
            <SharePanel {entry} />
            <ImportPanel pending={props.pending.clone()} />
            <LibraryPanel library={props.library.clone()} />
        </section>
    }
}
