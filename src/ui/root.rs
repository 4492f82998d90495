//! The root component: the catalogue to use (the built-in one, with an association's overlay if it is valid),
//! then the whole site or the self-check widget, as the mount options say.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::Catalogue;
use yew::prelude::*;

use crate::ui::shell::SelfCheckApp;
use crate::ui::site::Site;
use crate::ui::state::config::Config;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: Config,
}

/// The catalogue to use: the built-in one with the overlay applied, or — if the overlay is invalid — the built-in
/// one alone plus the overlay's problems to show.
struct Loaded {
    catalogue: Rc<Catalogue>,
    overlay_problems: Rc<Vec<Problem>>,
}

/// The built-in catalogue without its guidance and examples (fetched on demand), checked when the app was built
/// (see build.rs).
const CATALOGUE_CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-core.json"));

fn load(overlay: Option<&str>) -> Result<Loaded, Vec<Problem>> {
    let base = Catalogue::from_checked_json(CATALOGUE_CORE)
        .map_err(|message| vec![Problem { item: None, field: "(catalogue)".into(), message }])?;
    let Some(json) = overlay else {
        return Ok(Loaded { catalogue: Rc::new(base), overlay_problems: Rc::default() });
    };
    Ok(match base.with_overlay(json) {
        Ok(merged) => Loaded { catalogue: Rc::new(merged), overlay_problems: Rc::default() },
        Err(problems) => Loaded { catalogue: Rc::new(base), overlay_problems: Rc::new(problems) },
    })
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let loaded = use_memo(config.overlay_json.clone(), |overlay| load(overlay.as_deref()));
    match &*loaded {
        Ok(loaded) if config.site => html! {
            <Site catalogue={loaded.catalogue.clone()} overlay_problems={loaded.overlay_problems.clone()} config={config.clone()} />
        },
        Ok(loaded) => html! {
            <SelfCheckApp catalogue={loaded.catalogue.clone()} overlay_problems={loaded.overlay_problems.clone()} config={config.clone()} />
        },
        // The built-in catalogue is tested, so this only shows if a build shipped a broken one.
        Err(problems) => html! {
            <div class="tics-app" role="alert">
                <p lang="ja">{ "カタログを読み込めませんでした。" }</p>
                <p lang="en">{ "The catalogue could not be loaded." }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        },
    }
}
