//! A link to a topic or an item of the self-check. It goes through the app's state (which shows the right view
//! and topic, then moves focus there) instead of changing `location.hash`, which belongs to the site's routes or
//! to the host page.
use yew::prelude::*;

use crate::ui::state::{AppState, Jump, Msg};

#[derive(Properties, PartialEq)]
pub struct JumpLinkProps {
    pub to: Jump,
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub children: Html,
}

#[component(JumpLink)]
pub fn jump_link(props: &JumpLinkProps) -> Html {
    let href = format!("#{}", props.to.element_id());
    let onclick = {
        let (to, dispatcher) = (props.to.clone(), props.dispatcher.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dispatcher.dispatch(Msg::Jump(to.clone()));
        })
    };
    html! { <a {href} {onclick}>{ props.children.clone() }</a> }
}
