//! One self-check in the list: open, rename (inline form), duplicate, delete (after confirming). The entry owns
//! its rename and delete-confirmation state.
use std::rc::Rc;

use tics_domain::library::{Library, LibraryAction};
use tics_domain::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;
use crate::ui::state::ime;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct LibraryEntryProps {
    pub id: AttrValue,
    pub name: AttrValue,
    pub is_open: bool,
    /// For unique names of copies.
    pub library: Rc<Library>,
}

#[component(LibraryEntry)]
pub fn library_entry(props: &LibraryEntryProps) -> Html {
    let sc = use_self_check();
    let confirm_delete = use_state(|| false);
    // The name being typed while the rename form is open.
    let renaming = use_state(|| None::<String>);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let id = props.id.to_string();
    let open = {
        let (sc, id) = (sc.clone(), id.clone());
        // The "open" button goes away: the download heading now names the open self-check.
        Callback::from(move |_| sc.library(LibraryAction::Open(id.clone()), After::focus(Focus::DownloadHeading)))
    };
    let duplicate = {
        let (sc, id, name, library) = (sc.clone(), id.clone(), props.name.to_string(), props.library.clone());
        Callback::from(move |_| sc.copy_check(&library, &id, &name))
    };
    let ask_delete = {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_| confirm_delete.set(true))
    };
    let delete = {
        let (sc, id, confirm_delete) = (sc.clone(), id.clone(), confirm_delete.clone());
        Callback::from(move |_| {
            confirm_delete.set(false);
            sc.delete_check(&id);
        })
    };
    let cancel_delete = {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_| confirm_delete.set(false))
    };
    let start_rename = {
        let (sc, renaming, id, name) = (sc.clone(), renaming.clone(), id.clone(), props.name.to_string());
        Callback::from(move |_| {
            renaming.set(Some(name.clone()));
            sc.focus(Focus::RenameInput(id.clone()));
        })
    };
    // Leaving the form (cancel, Escape, or after renaming) hands focus back to the button that opened it.
    let end_rename = {
        let (sc, renaming, id) = (sc.clone(), renaming.clone(), id.clone());
        move || {
            renaming.set(None);
            sc.focus(Focus::RenameButton(id.clone()));
        }
    };
    let name_id = format!("tics-entry-name-{id}");
    let form = renaming.as_ref().map(|name| rename_form(lang, &sc, &renaming, &id, name, end_rename));
    html! {
        <li data-testid="library-entry">
            <span class="tics-entry-name" id={name_id.clone()}>{ props.name.clone() }</span>
            if props.is_open { <span class="tics-badge tics-badge-cs">{ t(lang, "開いています", "Currently open") }</span> }
            <div class="tics-toolbar">
                if !props.is_open { <button type="button" onclick={open} aria-describedby={name_id.clone()}>{ t(lang, "開く", "Open") }</button> }
                <button type="button" id={Focus::RenameButton(id.clone()).element_id()} onclick={start_rename} aria-describedby={name_id.clone()} data-testid={format!("rename-{id}")}>{ t(lang, "名前を変える", "Rename") }</button>
                <button type="button" onclick={duplicate} aria-describedby={name_id.clone()} data-testid={format!("duplicate-{id}")}>{ t(lang, "複製", "Duplicate") }</button>
                if *confirm_delete {
                    <span role="alert">{ t(lang, "削除すると元に戻せません。", "Deleting cannot be undone.") }</span>
                    <button type="button" class="tics-danger" onclick={delete} data-testid={format!("delete-confirm-{id}")}>{ t(lang, "削除する", "Delete") }</button>
                    <button type="button" onclick={cancel_delete}>{ t(lang, "やめる", "Cancel") }</button>
                } else {
                    <button type="button" onclick={ask_delete} aria-describedby={name_id.clone()} data-testid={format!("delete-{id}")}>{ t(lang, "削除…", "Delete…") }</button>
                }
            </div>
            { for form }
        </li>
    }
}

/// The inline form that renames the self-check, with the name being typed.
fn rename_form(
    lang: Lang,
    sc: &SelfCheckContext,
    renaming: &UseStateHandle<Option<String>>,
    id: &str,
    name: &str,
    end_rename: impl Fn() + Clone + 'static,
) -> Html {
    let input_id = Focus::RenameInput(id.to_owned()).element_id();
    let on_input = {
        let renaming = renaming.clone();
        Callback::from(move |e: InputEvent| renaming.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let on_submit = {
        let (sc, id, name, end_rename) = (sc.clone(), id.to_owned(), name.to_owned(), end_rename.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            sc.library(LibraryAction::Rename { id: id.clone(), name: name.clone() }, After::default());
            // The form closes either way, so focus goes back to its button either way.
            end_rename();
        })
    };
    let on_cancel = {
        let end_rename = end_rename.clone();
        Callback::from(move |_| end_rename())
    };
    let on_keydown = ime::keys_with_escape(end_rename);
    html! {
        <form class="tics-aside" onsubmit={on_submit}>
            <label for={input_id.clone()}>{ t(lang, "新しい名前", "New name") }</label>
            <input id={input_id.clone()} type="text" value={name.to_owned()} oninput={on_input} onkeydown={on_keydown} data-testid={format!("rename-input-{id}")} />
            <button type="submit" disabled={name.trim().is_empty()}>{ t(lang, "名前を変える", "Rename") }</button>
            <button type="button" onclick={on_cancel}>{ t(lang, "やめる", "Cancel") }</button>
        </form>
    }
}
