//! Renders the domain's safe Markdown tree as DOM nodes. No HTML string is ever parsed.
use tics_domain::markdown::{render_under, El, Node};
use yew::prelude::*;
use yew::virtual_dom::VTag;

#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub source: AttrValue,
    /// The level of the heading the text sits under (its own headings start one below).
    #[prop_or(3)]
    pub under: u8,
}

#[function_component(Markdown)]
pub fn markdown(props: &MarkdownProps) -> Html {
    let nodes = render_under(&props.source, props.under);
    html! { <div class="tics-md">{ for nodes.iter().map(node) }</div> }
}

fn node(n: &Node) -> Html {
    match n {
        Node::Text(t) => html! { { t.clone() } },
        Node::Element { el, href, children } => {
            let mut tag = VTag::new(el.tag());
            if *el == El::A {
                if let Some(href) = href {
                    tag.add_attribute("href", href.clone());
                    // Links in guidance open beside the self-check so no answer is lost.
                    if !href.starts_with('#') {
                        tag.add_attribute("target", "_blank");
                        tag.add_attribute("rel", "noopener noreferrer");
                    }
                }
            }
            tag.add_children(children.iter().map(node));
            tag.into()
        }
    }
}
