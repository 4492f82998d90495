//! The team's people: a group per person (their name and department, how far they are, their assignment file,
//! removing them) and a form that adds one.
use std::rc::Rc;

use tics_domain::library::Entry;
use tics_domain::team::{self, Person, Team, TeamAction};
use tics_domain::vocab::{person_added, person_removed};
use tics_domain::SelfCheck;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::ui::components::team_person::TeamPerson;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::ime;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct TeamPeopleProps {
    pub check: Rc<SelfCheck>,
    pub team: Rc<Team>,
    /// The owner's self-check, named in the assignment files (none: no file can be made).
    pub entry: Option<Rc<Entry>>,
}

#[component(TeamPeople)]
pub fn team_people(props: &TeamPeopleProps) -> Html {
    let name = use_state(String::new);
    let department = use_state(String::new);
    let heading = use_node_ref();
    let name_field = use_node_ref();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let progress = team::progress(&sc.catalogue, &props.check);

    let on_add = {
        let (sc, name, department, name_field) = (sc.clone(), name.clone(), department.clone(), name_field.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let person = Person {
                id: sc.unique_id("p"),
                name: name.trim().to_owned(),
                department: department.trim().to_owned(),
            };
            let blank = person.name.is_empty();
            sc.change_then(team::edit(TeamAction::AddPerson(person.clone())), After::flash(person_added(&person)));
            // A refused person (no name) keeps what was typed, to be completed.
            if !blank {
                name.set(String::new());
                department.set(String::new());
            }
            // Ready for the next person.
            if let Some(field) = name_field.cast::<HtmlElement>() {
                let _ = field.focus();
            }
        })
    };
    let on_remove = {
        let (sc, heading) = (sc.clone(), heading.clone());
        Callback::from(move |person: Person| {
            sc.change_then(
                team::edit(TeamAction::RemovePerson(person.id.clone())),
                After::flash(person_removed(&person)),
            );
            // The removed group's button is gone: the list's heading stays.
            if let Some(heading) = heading.cast::<HtmlElement>() {
                let _ = heading.focus();
            }
        })
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };

    let people = progress.into_iter().map(|progress| {
        html! {
            <li key={progress.person.id.clone()}>
                <TeamPerson {progress} check={props.check.clone()} entry={props.entry.clone()} onremove={on_remove.clone()} />
            </li>
        }
    });
    html! {
        <section aria-labelledby="tics-team-people-heading" data-testid="team-people">
            <h3 id="tics-team-people-heading" tabindex="-1" ref={heading}>{ t(lang, "担当者", "People") }</h3>
            if props.team.people.is_empty() {
                <p>{ t(lang, "まだ担当者がいません。", "No one has been added yet.") }</p>
            } else {
                <ul class="tics-cards" role="list">{ for people }</ul>
            }
            <form class="tics-group" onsubmit={on_add} aria-labelledby="tics-team-add-heading">
                <h4 id="tics-team-add-heading">{ t(lang, "担当者を加える", "Add a person") }</h4>
                <div class="tics-fields">
                    <div class="tics-field">
                        <label for="tics-team-add-name">{ t(lang, "名前", "Name") }</label>
                        <input id="tics-team-add-name" type="text" autocomplete="off" value={(*name).clone()} oninput={typed(&name)}
                            onkeydown={ime::keep_enter_for_ime()} ref={name_field} data-testid="team-add-name" />
                    </div>
                    <div class="tics-field">
                        <label for="tics-team-add-department">{ t(lang, "部署（任意）", "Department (optional)") }</label>
                        <input id="tics-team-add-department" type="text" autocomplete="off" value={(*department).clone()}
                            oninput={typed(&department)} onkeydown={ime::keep_enter_for_ime()} data-testid="team-add-department" />
                    </div>
                </div>
                <div class="tics-toolbar">
                    <button type="submit" data-testid="team-add">{ t(lang, "加える", "Add") }</button>
                </div>
            </form>
        </section>
    }
}
