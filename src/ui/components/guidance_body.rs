//! The body of "解説と例": the item's guidance and examples. For the built-in catalogue they are fetched,
//! already rendered, on first opening; an overlay's own items carry Markdown, rendered by the Markdown worker.
use std::rc::Rc;

use tics_domain::markdown::{EXAMPLES_LEVEL, GUIDANCE_LEVEL};
use tics_domain::Text;
use yew::prelude::*;

use crate::ui::components::markdown::Markdown;
use crate::ui::components::nodes::Nodes;
use crate::ui::hooks::markdown::use_guidance;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct GuidanceBodyProps {
    pub item: AttrValue,
    /// As in the catalogue: the text itself, or nothing when it is fetched on first opening (`later`).
    pub guidance: Text,
    pub examples: Option<Text>,
    pub later: bool,
}

#[component(GuidanceBody)]
pub fn guidance_body(props: &GuidanceBodyProps) -> Html {
    let sc = use_self_check();
    let lazy = props.later;
    // The built-in catalogue's guidance file is named by its version (an overlay's version adds a suffix).
    let version = sc.as_ref().map(|sc| sc.catalogue.base_version().to_owned()).unwrap_or_default();
    let fetched = use_guidance(version, props.item.to_string(), lazy);
    let Some(lang) = sc.map(|sc| sc.lang) else {
        return Html::default();
    };
    let examples_heading = html! { <h5>{ t(lang, "例", "Examples") }</h5> };
    if !lazy {
        return html! {
            <>
                <Markdown source={AttrValue::from(props.guidance.get(lang).to_owned())} under={GUIDANCE_LEVEL} />
                if let Some(ex) = &props.examples {
                    { examples_heading }
                    <Markdown source={AttrValue::from(ex.get(lang).to_owned())} under={EXAMPLES_LEVEL} />
                }
            </>
        };
    }
    match &fetched {
        Some(Ok(g)) => html! {
            <>
                <Nodes nodes={Rc::new(g.guidance.get(lang).to_vec())} />
                if let Some(ex) = &g.examples {
                    { examples_heading }
                    <Nodes nodes={Rc::new(ex.get(lang).to_vec())} />
                }
            </>
        },
        Some(Err(e)) => html! { <p role="alert">{ e.get(lang).to_owned() }</p> },
        None => html! { <p class="tics-hint" role="status">{ t(lang, "読み込み中…", "Loading…") }</p> },
    }
}
