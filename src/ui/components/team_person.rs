//! One person of the team: their name and department (changed in place), how far they are with what is assigned
//! to them, the download of their assignment file, and removing them.
use std::rc::Rc;

use tics_domain::export::{downloaded, JSON_TYPE};
use tics_domain::library::Entry;
use tics_domain::team::{self, Owner, Person, Progress, TeamAction};
use tics_domain::team_files::{assignment_file_name, assignment_json};
use tics_domain::vocab::person_renamed;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::hooks::download::use_download;
use crate::ui::state::context::use_self_check;
use crate::ui::state::field_value::value;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::ime;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct TeamPersonProps {
    /// The person, with what is assigned to them and how much of it is answered.
    pub progress: Progress,
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
    pub onremove: Callback<Person>,
}

#[component(TeamPerson)]
pub fn team_person(props: &TeamPersonProps) -> Html {
    let download = use_download();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let person = &props.progress.person;
    let id = person.id.clone();
    let dom = format!("tics-team-person-{id}");

    // Renaming keeps the person's ID, so their assignments stay theirs.
    let rename = |department: bool| {
        let (sc, person) = (sc.clone(), person.clone());
        Callback::from(move |e: Event| {
            let text = value(&e).trim().to_owned();
            let changed = if department {
                Person { department: text, ..person.clone() }
            } else {
                Person { name: text, ..person.clone() }
            };
            if changed != person {
                sc.change_then(
                    team::edit(TeamAction::SetPerson(changed.clone())),
                    After::flash(person_renamed(&changed)),
                );
            }
        })
    };
    let on_download = {
        let (sc, check, entry, person) = (sc.clone(), props.check.clone(), props.entry.clone(), person.clone());
        Callback::from(move |_| {
            let Some(entry) = &entry else { return };
            let Some(handed_out) = team::hand_out_to(&sc.catalogue, &check, &person.id) else { return };
            let owner = Owner { id: entry.id.clone(), name: entry.name.clone() };
            let file = assignment_json(&sc.catalogue, &check, &owner, &handed_out, &sc.now());
            let name = assignment_file_name(&person, &sc.today(), sc.lang);
            match download.now(file.as_bytes(), name, JSON_TYPE) {
                Ok(name) => sc.flash(downloaded(&name)),
                Err(e) => sc.fail(e),
            }
        })
    };
    let on_remove = {
        let (onremove, person) = (props.onremove.clone(), person.clone());
        Callback::from(move |_| onremove.emit(person.clone()))
    };

    html! {
        <fieldset class="tics-group" data-testid={format!("team-person-{id}")}>
            <legend>{ person.signature() }</legend>
            <div class="tics-fields">
                <div class="tics-field">
                    <label for={format!("{dom}-name")}>{ t(lang, "名前", "Name") }</label>
                    <input id={format!("{dom}-name")} type="text" autocomplete="off" value={person.name.clone()} onchange={rename(false)}
                        onkeydown={ime::keep_enter_for_ime()} data-testid={format!("team-person-name-{id}")} />
                </div>
                <div class="tics-field">
                    <label for={format!("{dom}-department")}>{ t(lang, "部署", "Department") }</label>
                    <input id={format!("{dom}-department")} type="text" autocomplete="off" value={person.department.clone()}
                        onchange={rename(true)} onkeydown={ime::keep_enter_for_ime()} data-testid={format!("team-person-department-{id}")} />
                </div>
            </div>
            <p data-testid={format!("team-progress-{id}")}>{ say(props.progress.text(), lang) }</p>
            <div class="tics-toolbar">
                if props.progress.assigned > 0 && props.entry.is_some() {
                    <button type="button" onclick={on_download} data-testid={format!("team-download-{id}")}>
                        { t(lang, "割り当てファイルをダウンロード", "Download the assignment file") }
                    </button>
                } else {
                    <p class="tics-hint">{ t(lang, "まだ何も割り当てていません。下のトピックから割り当てます。", "Nothing is assigned yet: assign topics below.") }</p>
                }
                <button type="button" onclick={on_remove} data-testid={format!("team-remove-{id}")}>
                    { t(lang, "この担当者を外す", "Remove this person") }
                </button>
            </div>
        </fieldset>
    }
}
