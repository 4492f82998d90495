//! The body of "解説と例": the item's guidance and examples, fetched first if the catalogue left them out.
use tics_domain::{Lang, Text};
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::markdown_view::Markdown;
use crate::web::guidance::{self, Guidance};

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

#[function_component(GuidanceBody)]
pub fn guidance_body(props: &GuidanceBodyProps) -> Html {
    let lang = props.lang;
    let fetched = use_state(|| None::<Result<Guidance, Text>>);
    {
        let (fetched, lazy) = (fetched.clone(), guidance::is_lazy(&props.guidance));
        let (version, item) = (props.version.to_string(), props.item.to_string());
        use_effect_with((), move |_| {
            if lazy {
                wasm_bindgen_futures::spawn_local(
                    async move { fetched.set(Some(guidance::fetch(&version, &item).await)) },
                );
            }
        });
    }
    let shown = if guidance::is_lazy(&props.guidance) {
        match &*fetched {
            Some(Ok(g)) => g.clone(),
            Some(Err(e)) => return html! { <p role="alert">{ e.get(lang).to_owned() }</p> },
            None => return html! { <p class="tics-hint" role="status">{ t(lang, "読み込み中…", "Loading…") }</p> },
        }
    } else {
        Guidance { guidance: props.guidance.clone(), examples: props.examples.clone() }
    };
    html! {
        <>
            <Markdown source={AttrValue::from(shown.guidance.get(lang).to_owned())} under={4} />
            if let Some(ex) = &shown.examples {
                <h5>{ t(lang, "例", "Examples") }</h5>
                <Markdown source={AttrValue::from(ex.get(lang).to_owned())} under={5} />
            }
        </>
    }
}
