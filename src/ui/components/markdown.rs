//! Markdown that arrives at run time (an association's overlay), rendered by the Markdown worker (see
//! `hooks::markdown`) and shown as a safe node tree.
use yew::prelude::*;

use crate::ui::components::nodes::Nodes;
use crate::ui::hooks::markdown::use_markdown;

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
    let rendered = use_markdown(props.source.clone(), props.under);
    match rendered {
        Some(Some(nodes)) => html! { <Nodes {nodes} /> },
        Some(None) => html! { <div class="tics-md tics-md-plain">{ props.source.clone() }</div> },
        None => Html::default(),
    }
}
