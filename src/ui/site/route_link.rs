//! A link to a route of the site: a real `href` (so it can be opened in a new tab or copied), handled in place.
use tics_domain::site::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub to: Route,
    pub navigate: Callback<Route>,
    pub current: bool,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub children: Html,
}

/// A link to a route. A real `href` (so it can be opened in a new tab or copied), handled in place.
#[component(RouteLink)]
pub fn route_link(props: &RouteLinkProps) -> Html {
    let onclick = {
        let (to, navigate) = (props.to.clone(), props.navigate.clone());
        Callback::from(move |e: MouseEvent| {
            // Modified clicks keep their usual meaning (new tab, new window).
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            navigate.emit(to.clone());
        })
    };
    html! {
        <a href={props.to.hash()} class={props.class.clone()} aria-current={props.current.then_some("page")}
            data-testid={props.testid.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
