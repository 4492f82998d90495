//! A link to a topic or an item of the self-check. It goes through the app's state (which shows the right view
//! and topic, then moves focus there) instead of changing `location.hash`, which belongs to the site's routes or
//! to the host page.
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct JumpLinkProps {
    pub to: Jump,
    pub children: Html,
}

#[component(JumpLink)]
pub fn jump_link(props: &JumpLinkProps) -> Html {
    let sc = use_self_check();
    let href = format!("#{}", props.to.target().element_id());
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(sc) = &sc {
                sc.jump(to.clone());
            }
        })
    };
    html! { <a {href} {onclick}>{ props.children.clone() }</a> }
}
