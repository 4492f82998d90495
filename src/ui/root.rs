//! The root component: the catalogue to use (the built-in one, with an association's overlay if it is valid),
//! then the self-check, the association's aggregate or the catalogue check, as the mount options say.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::Catalogue;
use yew::prelude::*;

use crate::ui::components::lazy_view::LazyView;
use crate::ui::hooks::clock::use_browser_clock;
use crate::ui::shell::SelfCheckApp;
use crate::ui::state::config::{Config, Mode};
use crate::ui::views::aggregate_view::AggregateViewProps;
use crate::ui::views::catalogue_check::CatalogueCheckProps;
use crate::web::content;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: Config,
}

/// The catalogue to use: the built-in one with the overlay applied, or — if the overlay is invalid or cannot be
/// checked — the built-in one alone plus the overlay's problems to show.
#[derive(Clone, PartialEq)]
struct Loaded {
    catalogue: Rc<Catalogue>,
    overlay_problems: Rc<Vec<Problem>>,
}

/// The built-in catalogue without its guidance and examples (fetched on demand), checked when the app was built
/// (see build.rs).
const CATALOGUE_CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-core.json"));

fn builtin() -> Result<Catalogue, Vec<Problem>> {
    Catalogue::from_checked_json(CATALOGUE_CORE)
        .map_err(|message| vec![Problem { item: None, field: "(catalogue)".into(), message }])
}

/// The overlay is checked by the content worker (the validator is not part of the start-up download), so a
/// widget with an overlay shows a short "checking" line first.
async fn with_overlay(base: Catalogue, overlay: &str) -> Loaded {
    let base = Rc::new(base);
    match content::check_overlay(&base, overlay).await {
        Ok(Ok(merged)) => Loaded { catalogue: Rc::new(merged), overlay_problems: Rc::default() },
        Ok(Err(problems)) => Loaded { catalogue: base, overlay_problems: Rc::new(problems) },
        Err(message) => Loaded {
            catalogue: base,
            overlay_problems: Rc::new(vec![Problem { item: None, field: "(overlay)".into(), message }]),
        },
    }
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let clock = use_browser_clock();
    // `None` while the overlay is being checked; without one, the built-in catalogue is there from the start.
    let loaded = {
        let overlay = config.overlay_json.is_some();
        use_state(move || {
            (!overlay).then(|| builtin().map(|c| Loaded { catalogue: Rc::new(c), overlay_problems: Rc::default() }))
        })
    };
    {
        let loaded = loaded.clone();
        use_effect_with(config.overlay_json.clone(), move |overlay| {
            if let Some(overlay) = overlay.clone() {
                match builtin() {
                    Ok(base) => wasm_bindgen_futures::spawn_local(async move {
                        loaded.set(Some(Ok(with_overlay(base, &overlay).await)))
                    }),
                    Err(problems) => loaded.set(Some(Err(problems))),
                }
            }
        });
    }
    let Some(loaded) = &*loaded else {
        return html! {
            <div class="tics-app" role="status" data-testid="loading-overlay">
                <p lang="ja">{ "団体のカタログを確認しています…" }</p>
                <p lang="en">{ "Checking the association's catalogue…" }</p>
            </div>
        };
    };
    match loaded {
        // The aggregate keeps nothing in storage; it uses the catalogue (with the association's overlay) only.
        Ok(loaded) if config.mode == Mode::Aggregate => html! {
            <div class="tics-app" lang={config.lang.tag()} data-testid="aggregate-app">
                <LazyView<AggregateViewProps> lang={config.lang} view={AggregateViewProps {
                    catalogue: loaded.catalogue.clone(), lang: config.lang, stylesheet: config.stylesheet.clone(),
                    clock: clock.clone() }} />
            </div>
        },
        Ok(loaded) if config.mode == Mode::CatalogueCheck => html! {
            <div class="tics-app" lang={config.lang.tag()} data-testid="catalogue-check-app">
                <LazyView<CatalogueCheckProps> lang={config.lang}
                    view={CatalogueCheckProps { base: loaded.catalogue.clone(), lang: config.lang }} />
            </div>
        },
        Ok(loaded) => html! {
            <SelfCheckApp catalogue={loaded.catalogue.clone()} overlay_problems={loaded.overlay_problems.clone()}
                config={config.clone()} in_site={config.in_site} />
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
