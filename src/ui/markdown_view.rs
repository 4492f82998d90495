//! Renders the domain's safe Markdown tree as DOM nodes. No HTML string is ever parsed.
//!
//! [`Nodes`] shows a tree rendered already (the built-in content, rendered when the app is built); [`Markdown`]
//! shows Markdown that arrives at run time, rendered by the Markdown worker (see `web::markdown`).
use std::rc::Rc;

use tics_domain::markdown::{safe_href, El, Node};
use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::web::markdown::{self, Rendered};

#[derive(Properties, PartialEq)]
pub struct NodesProps {
    pub nodes: Rc<Vec<Node>>,
}

#[component(Nodes)]
pub fn nodes(props: &NodesProps) -> Html {
    html! { <div class="tics-md">{ for props.nodes.iter().map(node) }</div> }
}

#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub source: AttrValue,
    /// The level of the heading the text sits under (its own headings start one below).
    #[prop_or(3)]
    pub under: u8,
}

/// Shows nothing until the text is rendered, and the text itself, as plain text, if it cannot be.
#[component(Markdown)]
pub fn markdown(props: &MarkdownProps) -> Html {
    let key = (props.source.clone(), props.under);
    let done = use_state(|| None::<((AttrValue, u8), Option<Rendered>)>);
    {
        let done = done.clone();
        use_effect_with(key.clone(), move |key| {
            if markdown::cached(&key.0, key.1).is_none() {
                let key = key.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let rendered = markdown::render(&key.0, key.1).await.ok();
                    done.set(Some((key, rendered)));
                });
            }
        });
    }
    let rendered = match markdown::cached(&props.source, props.under) {
        Some(nodes) => Some(Some(nodes)),
        None => done.as_ref().filter(|(k, _)| *k == key).map(|(_, r)| r.clone()),
    };
    match rendered {
        Some(Some(nodes)) => html! { <Nodes {nodes} /> },
        Some(None) => html! { <div class="tics-md tics-md-plain">{ props.source.clone() }</div> },
        None => Html::default(),
    }
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
