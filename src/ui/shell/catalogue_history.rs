//! The catalogue's change history at the foot of the self-check, closed at first. Its list comes from a chunk
//! fetched when the reader first opens it: reading the change list takes code the first screen does not need.
use yew::prelude::*;

use crate::ui::components::catalogue_changes::CatalogueChangesProps;
use crate::ui::components::lazy_view::LazyView;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[component(CatalogueHistory)]
pub fn catalogue_history() -> Html {
    let opened = use_state(|| false);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    if sc.catalogue.changes.json().is_empty() {
        return Html::default();
    }
    let lang = sc.lang;
    // A click on the summary is also what Enter and Space on it send; once opened, the list stays.
    let onclick = {
        let opened = opened.clone();
        Callback::from(move |_| opened.set(true))
    };
    html! {
        <details class="tics-history" data-testid="catalogue-history">
            <summary {onclick}>{ format!("{} {}", t(lang, "カタログの変更履歴（現在", "Changes to the catalogue (now"), sc.catalogue.version) }{ t(lang, "）", ")") }</summary>
            if *opened {
                <LazyView<CatalogueChangesProps> {lang} view={CatalogueChangesProps { since: None, open: true, testid: "catalogue-changes".into() }} />
            }
        </details>
    }
}
