//! The conflicts a merge left to decide, each side by side ([`TeamConflict`]). Nothing is decided without the
//! owner: after each decision, focus goes to the next conflict, or to this list's heading when none is left.
use std::rc::Rc;

use tics_domain::team::{Choice, Team, TeamAction};
use tics_domain::vocab::{conflict_decided, conflicts_heading};
use tics_domain::{team, Text};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::ui::components::team_conflict::{conflict_heading_id, TeamConflict};
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct TeamConflictsProps {
    pub team: Rc<Team>,
}

/// A decision on its way: the item decided, and the item whose conflict takes focus next (none: the heading).
type Pending = Option<(String, Option<String>)>;

#[component(TeamConflicts)]
pub fn team_conflicts(props: &TeamConflictsProps) -> Html {
    let pending = use_state(|| None as Pending);
    let root = use_node_ref();
    let items: Vec<String> = props.team.conflicts.iter().map(|c| c.item.clone()).collect();
    {
        // Focus moves once the decided conflict has left the list (the change has gone through the state).
        let (pending, root) = (pending.clone(), root.clone());
        use_effect_with(((*pending).clone(), items.clone()), move |(asked, items)| {
            let Some((decided, next)) = asked else { return };
            if items.contains(decided) {
                return;
            }
            let target =
                next.as_ref().filter(|n| items.contains(n)).map_or_else(heading_id, |n| conflict_heading_id(n));
            let element = root
                .cast::<Element>()
                .and_then(|root| root.query_selector(&format!("#{target}")).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
            pending.set(None);
        });
    }
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let conflicts = &props.team.conflicts;

    let on_decide = {
        let (sc, team, pending) = (sc.clone(), props.team.clone(), pending.clone());
        Callback::from(move |(item, choice): (String, Choice)| {
            let conflicts = &team.conflicts;
            let Some(at) = conflicts.iter().position(|c| c.item == item) else { return };
            let title = sc.catalogue.item(&item).map_or_else(|| Text::new(&item, &item), |i| i.title.clone());
            let flash = conflict_decided(&title, &conflicts[at], choice, conflicts.len() - 1);
            // The next conflict, or the one before when this was the last.
            let next = conflicts.get(at + 1).or_else(|| at.checked_sub(1).and_then(|b| conflicts.get(b)));
            pending.set(Some((item.clone(), next.map(|c| c.item.clone()))));
            sc.change_then(team::edit(TeamAction::Resolve { item, choice }), After::flash(flash));
        })
    };

    html! {
        <section aria-labelledby={heading_id()} data-testid="team-conflicts" ref={root}>
            <h3 id={heading_id()} tabindex="-1">{ say(conflicts_heading(conflicts.len()), lang) }</h3>
            if conflicts.is_empty() {
                <p>{ t(lang, "決定待ちの食い違いはありません。", "No conflict waits for your decision.") }</p>
            } else {
                <p class="tics-hint">{ t(lang,
                    "自分の回答と、返ってきた回答の両方が、割り当てファイルを渡した後に変わった項目です。どちらを残すか決めてください。決めるまで、自分の回答のままです。",
                    "Both your answer and a returned one changed after the assignment file was handed out. Decide which stays; until then, yours does.") }</p>
                <ul class="tics-cards" role="list">
                    { for conflicts.iter().map(|c| html! {
                        <li key={c.item.clone()}><TeamConflict conflict={c.clone()} ondecide={on_decide.clone()} /></li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn heading_id() -> String {
    "tics-team-conflicts-heading".to_owned()
}
