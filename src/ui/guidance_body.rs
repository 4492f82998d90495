//! The body of "解説と例": the item's guidance and examples. For the built-in catalogue they are fetched,
//! already rendered, on first opening; an overlay's own items carry Markdown, rendered by the Markdown worker.
use std::rc::Rc;

use tics_domain::markdown::{RenderedGuidance, EXAMPLES_LEVEL, GUIDANCE_LEVEL};
use tics_domain::{Lang, Text};
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::markdown_view::{Markdown, Nodes};
use crate::web::guidance;

#[derive(Properties, PartialEq)]
pub struct GuidanceBodyProps {
    /// The built-in catalogue's version (names the file the guidance comes from).
    pub version: AttrValue,
    pub item: AttrValue,
    /// As in the catalogue: the text itself, or the stand-in for text still to be fetched.
    pub guidance: Text,
    pub examples: Option<Text>,
    pub lang: Lang,
}

#[component(GuidanceBody)]
pub fn guidance_body(props: &GuidanceBodyProps) -> Html {
    let lang = props.lang;
    let fetched = use_state(|| None::<Result<Rc<RenderedGuidance>, Text>>);
    let lazy = guidance::is_lazy(&props.guidance);
    {
        let fetched = fetched.clone();
        let (version, item) = (props.version.to_string(), props.item.to_string());
        use_effect_with((), move |_| {
            if lazy {
                wasm_bindgen_futures::spawn_local(
                    async move { fetched.set(Some(guidance::fetch(&version, &item).await)) },
                );
            }
        });
    }
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
    match &*fetched {
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
