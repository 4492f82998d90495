//! The redesigned TICS site: tabs per kind of visitor, each with its pages as icon cards, and the page itself.
//! It fixes the three problems the 2022 report names: icons and labels instead of text-only lists, generous line
//! spacing, and content separated by audience.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::markdown::Node;
use tics_domain::site::{Route, SiteMap, Tool};
use tics_domain::Text;
use tics_domain::{Catalogue, Lang};
use yew::prelude::*;

use crate::ui::components::icons::Icon;
use crate::ui::components::nodes::Nodes;
use crate::ui::lazy::LazyView;
use crate::ui::shell::SelfCheckApp;
use crate::ui::state::config::Config;
use crate::ui::state::i18n::t;
use crate::ui::views::aggregate_view::AggregateViewProps;
use crate::ui::views::catalogue_check::CatalogueCheckProps;
use crate::web::{assets, storage};

mod route_link;
mod router;

use route_link::RouteLink;
use router::use_route;

#[derive(Properties, PartialEq)]
pub struct SiteProps {
    pub catalogue: Rc<Catalogue>,
    pub overlay_problems: Rc<Vec<Problem>>,
    pub config: Config,
}

/// The file of a page's text in `lang` (see the prerender step).
fn page_file(route: &Route, lang: Lang) -> String {
    format!("site/{}/{}.{}.json", route.tab, route.page, lang.tag())
}

fn lang_key(namespace: &str) -> String {
    format!("{namespace}:lang")
}

/// Moves keyboard focus to the page's heading.
fn focus(heading: &NodeRef) {
    if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

#[component(Site)]
pub fn site(props: &SiteProps) -> Html {
    let config = &props.config;
    let site = use_memo((), |_| SiteMap::builtin());
    let (route, navigate) = use_route(site.clone(), config.hash_routing);
    let lang = {
        let key = lang_key(&config.namespace);
        let fallback = config.lang;
        use_state(move || storage::read(&key).ok().flatten().map(|tag| Lang::from_tag(&tag)).unwrap_or(fallback))
    };
    {
        // Another tab switched the language: this one follows, as it would after a reload.
        let (lang, key) = (lang.clone(), lang_key(&config.namespace));
        use_effect_with(key, move |key| {
            let read_key = key.clone();
            let listener = storage::on_change(key.clone(), move || {
                if let Ok(Some(tag)) = storage::read(&read_key) {
                    lang.set(Lang::from_tag(&tag));
                }
            });
            move || drop(listener)
        });
    }
    let heading = use_node_ref();
    {
        // The standalone site owns the page: it names the page in the window title and sets the document's
        // language to the one shown.
        let (site, hash_routing, lang) = (site.clone(), config.hash_routing, *lang);
        use_effect_with((route.clone(), lang), move |(route, lang)| {
            let document = web_sys::window().and_then(|w| w.document());
            if let (true, Some(document)) = (hash_routing, document) {
                if let Some(page) = site.page(route) {
                    let site_name = t(*lang, "技術情報管理認証制度", "TICS");
                    document.set_title(&format!("{} | {site_name}", page.title.get(*lang)));
                }
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", lang.tag());
                }
            }
        });
    }
    {
        // After a navigation (not on load, and not when only the language changes: focus then stays on the
        // language button), focus the new page's heading so keyboard and screen-reader users start at the new
        // content.
        let (heading, first) = (heading.clone(), use_mut_ref(|| true));
        use_effect_with(route.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus(&heading);
            }
        });
    }
    let on_lang = {
        let (lang, key) = (lang.clone(), lang_key(&config.namespace));
        Callback::from(move |_| {
            let next = if *lang == Lang::Ja { Lang::En } else { Lang::Ja };
            let _ = storage::write(&key, next.tag());
            lang.set(next);
        })
    };
    let lang = *lang;
    let other = if lang == Lang::Ja { Lang::En } else { Lang::Ja };

    // The page's text, fetched when the route or language changes; a late answer for an old page is ignored.
    // The pages were rendered from Markdown when the app was built (tics-prerender).
    let text = use_state(|| None::<(String, Result<Rc<Vec<Node>>, Text>)>);
    {
        let text = text.clone();
        use_effect_with((route.clone(), lang), move |(route, lang)| {
            let file = page_file(route, *lang);
            let current = Rc::new(std::cell::Cell::new(true));
            let alive = current.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = assets::json(&file).await.map(Rc::new);
                if alive.get() {
                    text.set(Some((file, result)));
                }
            });
            move || current.set(false)
        });
    }
    let wanted = page_file(&route, lang);
    let (Some(tab), Some(page)) = (site.tab(&route.tab), site.page(&route)) else {
        return Html::default();
    };

    let tool_page = route.tool().is_some();
    let body = match route.tool() {
        Some(Tool::SelfCheck) => html! {
            <SelfCheckApp catalogue={props.catalogue.clone()} overlay_problems={props.overlay_problems.clone()}
                config={Config { lang, ..config.clone() }} in_site={true} />
        },
        Some(Tool::CatalogueCheck) => {
            let view = CatalogueCheckProps { base: props.catalogue.clone(), lang };
            html! { <LazyView<CatalogueCheckProps> {view} {lang} /> }
        }
        Some(Tool::Aggregate) => {
            let view =
                AggregateViewProps { catalogue: props.catalogue.clone(), lang, stylesheet: config.stylesheet.clone() };
            html! { <LazyView<AggregateViewProps> {view} {lang} /> }
        }
        None => Html::default(),
    };

    // Skips the header, the tabs and the page menu. A button, not a link to "#…": the hash holds the route.
    let on_skip = {
        let heading = heading.clone();
        Callback::from(move |_| focus(&heading))
    };

    let page_text = match &*text {
        Some((file, Ok(nodes))) if *file == wanted => html! {
            <div class="tics-page-body" data-testid="page-body"><Nodes nodes={nodes.clone()} /></div>
        },
        Some((file, Err(e))) if *file == wanted => html! { <p role="alert">{ e.get(lang).to_owned() }</p> },
        _ => html! { <p class="tics-hint" role="status">{ t(lang, "読み込み中…", "Loading…") }</p> },
    };
    let menu = html! {
        <nav class="tics-site-pages" aria-label={format!("{} — {}", tab.title.get(lang), t(lang, "ページ", "pages"))}>
            <ul role="list">
                { for tab.pages.iter().map(|p| {
                    let to = Route { tab: tab.id.clone(), page: p.id.clone() };
                    html! {
                        <li>
                            <RouteLink to={to.clone()} navigate={navigate.clone()} current={p.id == page.id}
                                class={classes!("tics-site-page-link")} testid={AttrValue::from(format!("page-{}-{}", tab.id, p.id))}>
                                <Icon name={p.icon.clone()} />
                                <span>
                                    <span class="tics-site-page-title">{ p.title.get(lang).to_owned() }</span>
                                    <span class="tics-site-page-summary">{ p.summary.get(lang).to_owned() }</span>
                                </span>
                            </RouteLink>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    };
    let main = html! {
        <main class="tics-site-main">
            <h1 class="tics-site-title" tabindex="-1" ref={heading} data-testid="page-title">
                <Icon name={page.icon.clone()} />
                { page.title.get(lang).to_owned() }
            </h1>
            // A tool's page shows the tool right under its title and explains it below; other pages are their text.
            if tool_page { { body } }
            { page_text }
        </main>
    };
    let (first, second) = if tool_page { (main, menu) } else { (menu, main) };

    html! {
        <div class="tics-app tics-site" lang={lang.tag()} data-testid="site">
            <button type="button" class="tics-skip" onclick={on_skip} data-testid="skip-to-content">{ t(lang, "本文へ移動", "Skip to content") }</button>
            <header class="tics-site-header">
                <p class="tics-site-name">
                    <RouteLink to={site.home()} navigate={navigate.clone()} current={false}>
                        <Icon name="badge" />
                        <span>{ t(lang, "技術情報管理認証制度", "Technology Information Management Certification System") }</span>
                    </RouteLink>
                </p>
                <button type="button" class="tics-lang" onclick={on_lang} lang={other.tag()} data-testid="site-lang">
                    { if other == Lang::En { "English" } else { "日本語" } }
                </button>
            </header>
            <nav class="tics-site-tabs" aria-label={t(lang, "訪問者別のタブ", "Sections by visitor")}>
                <ul role="list">
                    { for site.tabs.iter().map(|tb| {
                        let to = Route { tab: tb.id.clone(), page: tb.pages.first().map(|p| p.id.clone()).unwrap_or_default() };
                        html! {
                            <li>
                                <RouteLink {to} navigate={navigate.clone()} current={tb.id == tab.id}
                                    class={classes!("tics-site-tab")} testid={AttrValue::from(format!("tab-{}", tb.id))}>
                                    <Icon name={tb.icon.clone()} />
                                    <span class="tics-site-tab-title">{ tb.title.get(lang).to_owned() }</span>
                                </RouteLink>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
            <p class="tics-site-audience">{ tab.audience.get(lang).to_owned() }</p>
            // On a tool's page (the self-check, the catalogue check) the tool comes before the page menu, so that on
            // a phone, where the columns stack, the tool is not pushed far below the menu. Wide screens still show
            // the menu on the left (grid placement in the stylesheet).
            <div class={classes!("tics-site-body", tool_page.then_some("tics-site-body-tool"))}>
                { first }
                { second }
            </div>
            <footer class="tics-footer">
                <p>{ t(lang,
                    "このサイトの文章は、経済産業省の委託調査報告書（2022年）と技術情報管理認証制度の研修素材をもとに、独自の表現で書いたものです。元資料にない情報は掲載していません。",
                    "The text of this site is written in our own words from METI's commissioned 2022 report and the TICS training material. Information the sources do not give is not included.") }</p>
            </footer>
        </div>
    }
}
