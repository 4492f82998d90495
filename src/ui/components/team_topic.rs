//! One topic's assignment: the person who answers it (or nobody), how far its items in the self-check are
//! answered, and, folded away, a choice per item for an item that someone else answers ("as the topic" unless
//! chosen).
use std::rc::Rc;

use tics_domain::team::{Team, TeamAction, TopicProgress};
use tics_domain::vocab::{as_the_topic, item_assigned, topic_assigned, topic_label};
use tics_domain::{team, SelfCheck};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::field_value::value;
use crate::ui::state::focus::item_dom;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct TeamTopicProps {
    pub progress: TopicProgress,
    pub check: Rc<SelfCheck>,
    pub team: Rc<Team>,
}

#[component(TeamTopic)]
pub fn team_topic(props: &TeamTopicProps) -> Html {
    // The items' choices are built only while folded open: a topic can hold many items.
    let open = use_state(|| false);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let topic = props.progress.topic.clone();
    let label = topic_label(&sc.catalogue, lang, &topic);
    let dom = format!("tics-team-topic-{topic}");
    let chosen = |e: &Event| Some(value(e)).filter(|id| !id.is_empty());

    let on_topic = {
        let (sc, team, topic, label) = (sc.clone(), props.team.clone(), topic.clone(), label.clone());
        Callback::from(move |e: Event| {
            let person = chosen(&e);
            let flash = topic_assigned(&label, person.as_deref().and_then(|id| team.person(id)));
            sc.change_then(team::edit(TeamAction::AssignTopic { topic: topic.clone(), person }), After::flash(flash));
        })
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    let people = |selected: Option<&String>| -> Html {
        props
            .team
            .people
            .iter()
            .map(|p| html! { <option value={p.id.clone()} selected={selected == Some(&p.id)}>{ p.signature() }</option> })
            .collect()
    };
    let item_choice = |id: &str, title: &tics_domain::Text| {
        let select_id = format!("{}-assignee", item_dom(id));
        let selected = props.team.items.get(id);
        let onchange = {
            let (sc, team, item, title) = (sc.clone(), props.team.clone(), id.to_owned(), title.clone());
            Callback::from(move |e: Event| {
                let person = chosen(&e);
                let flash = item_assigned(&title, person.as_deref().and_then(|id| team.person(id)));
                sc.change_then(team::edit(TeamAction::AssignItem { item: item.clone(), person }), After::flash(flash));
            })
        };
        html! {
            <li key={id.to_owned()} class="tics-field">
                <label for={select_id.clone()}>{ title.get(lang).to_owned() }</label>
                <select id={select_id} {onchange} data-testid={format!("team-item-{id}")}>
                    <option value="" selected={selected.is_none()}>{ say(as_the_topic(props.progress.person.as_ref()), lang) }</option>
                    { people(selected) }
                </select>
            </li>
        }
    };
    // The topic's items in the self-check, and any item assigned by itself even if the self-check left it out.
    let items = sc
        .catalogue
        .items
        .iter()
        .filter(|i| i.topic == topic && (props.check.scope(i).in_scope() || props.team.items.contains_key(&i.id)));

    html! {
        <div class="tics-group" data-testid={format!("team-topic-{topic}")}>
            <div class="tics-field">
                <label for={dom.clone()}>{ label.clone() }</label>
                <select id={dom.clone()} onchange={on_topic} aria-describedby={format!("{dom}-progress")}
                    data-testid={format!("team-topic-select-{topic}")}>
                    <option value="" selected={props.progress.person.is_none()}>{ t(lang, "担当なし", "Nobody") }</option>
                    { people(props.team.topics.get(&topic)) }
                </select>
            </div>
            <p id={format!("{dom}-progress")} data-testid={format!("team-topic-progress-{topic}")}>{ say(props.progress.text(), lang) }</p>
            if !props.team.people.is_empty() && props.progress.total + props.progress.single > 0 {
                <details ontoggle={on_toggle} data-testid={format!("team-topic-items-{topic}")}>
                    <summary>{ t(lang, "項目ごとに割り当てる", "Assign single items") }</summary>
                    if *open {
                        <ul class="tics-fields" role="list">{ for items.map(|i| item_choice(&i.id, &i.title)) }</ul>
                    }
                </details>
            }
        </div>
    }
}
