//! The list of self-checks kept in this browser, and a button to start a new one.
use std::rc::Rc;

use tics_domain::library::Library;
use yew::prelude::*;

use super::library_entry::LibraryEntry;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub library: Rc<Library>,
}

#[component(LibraryPanel)]
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_new = {
        let (sc, library) = (sc.clone(), props.library.clone());
        Callback::from(move |_| sc.create_check(&library))
    };
    html! {
        <>
            <h3 id={Focus::LibraryHeading.element_id()} tabindex="-1">{ t(lang, "セルフチェックの一覧", "Your self-checks") }</h3>
            <ul class="tics-library" role="list">
                { for props.library.entries.iter().map(|e| html! {
                    <LibraryEntry key={e.id.clone()} id={e.id.clone()} name={e.name.clone()}
                        is_open={e.id == props.library.open} library={props.library.clone()} />
                }) }
            </ul>
            <button type="button" onclick={on_new} data-testid="new-check">{ t(lang, "新しいセルフチェックを作る", "Create a new self-check") }</button>
        </>
    }
}
