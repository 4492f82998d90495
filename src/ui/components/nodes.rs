//! Renders the domain's safe Markdown tree as DOM nodes. No HTML string is ever parsed: trees come from the
//! build (the built-in content) or from the Markdown worker, and links are checked again here.
use std::rc::Rc;

use tics_domain::markdown::{safe_href, El, Node};
use yew::prelude::*;
use yew::virtual_dom::VTag;

#[derive(Properties, PartialEq)]
pub struct NodesProps {
    pub nodes: Rc<Vec<Node>>,
}

#[component(Nodes)]
pub fn nodes(props: &NodesProps) -> Html {
    html! { <div class="tics-md">{ for props.nodes.iter().map(node) }</div> }
}

fn node(n: &Node) -> Html {
    match n {
        Node::Text(t) => html! { { t.clone() } },
        Node::Element { el, href, children } => {
            let mut tag = VTag::new(el.tag());
            // Checked again here: trees also come from files (rendered at build time), not only from the parser.
            if let Some(href) = href.as_deref().filter(|_| *el == El::A).and_then(safe_href) {
                // Links in guidance open beside the self-check so no answer is lost.
                if !href.starts_with('#') {
                    tag.add_attribute("target", "_blank");
                    tag.add_attribute("rel", "noopener noreferrer");
                }
                tag.add_attribute("href", href);
            }
            tag.add_children(children.iter().map(node));
            tag.into()
        }
    }
}
