//! Markdown that arrives at run time (an association's overlay), rendered by the Markdown worker (see
//! `web::markdown`) and shown as a safe node tree.
use yew::prelude::*;

use crate::ui::components::nodes::Nodes;
use crate::web::markdown::{self, Rendered};

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
