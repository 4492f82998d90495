//! The root component: loads the catalogue and the saved self-checks, owns the reducer, saves on every change,
//! and lays out the page: header, the open self-check, the view tabs and the current view.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::library::Library;
use tics_domain::saved::SavedState;
use tics_domain::scoring::{completion_detail, is_complete, summarise};
use tics_domain::{Catalogue, Lang, Text};
use yew::prelude::*;

use crate::ui::compare_view::CompareView;
use crate::ui::files_view::FilesView;
use crate::ui::i18n::t;
use crate::ui::level_choice::LevelChoice;
use crate::ui::markdown_view::Markdown;
use crate::ui::periodic_view::PeriodicView;
use crate::ui::plan_view::PlanView;
use crate::ui::profile_step::ProfileStep;
use crate::ui::report_view::ReportView;
use crate::ui::site::Site;
use crate::ui::state::{paged, AppState, Msg, StorageNote, View};
use crate::ui::summary::SummaryView;
use crate::ui::topic_section::{TopicPager, TopicSection};
use crate::web::{clock, events, storage};

/// Where the app keeps its data unless told otherwise.
pub const DEFAULT_NAMESPACE: &str = "tics-self-check:v1";

/// How this instance was mounted: everything the embedding page decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Storage namespace, so that several embeddings on one origin do not mix their data.
    pub namespace: AttrValue,
    /// Language used when nothing is saved yet.
    pub lang: Lang,
    /// The whole site (tabs per visitor) rather than the self-check alone.
    pub site: bool,
    /// Follow `location.hash` for deep links and the back button (the standalone site only).
    pub hash_routing: bool,
    /// An association's overlay catalogue (JSON).
    pub overlay_json: Option<Rc<str>>,
    /// Why the embedding page could not load the overlay.
    pub overlay_error: Option<Rc<str>>,
    /// The app's stylesheet URL, for the print frame.
    pub stylesheet: Option<AttrValue>,
    /// Fields of the opt-in completion event (empty: no event).
    pub complete_fields: Rc<[String]>,
    /// The element the app is mounted in; events for the host page are dispatched on it.
    pub host: Option<web_sys::Element>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            namespace: AttrValue::from(DEFAULT_NAMESPACE),
            lang: Lang::Ja,
            site: false,
            hash_routing: false,
            overlay_json: None,
            overlay_error: None,
            stylesheet: None,
            complete_fields: Rc::from(Vec::new()),
            host: None,
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: Config,
}

/// The catalogue to use: the built-in one with the overlay applied, or — if the overlay is invalid — the built-in
/// one alone plus the overlay's problems to show.
pub struct Loaded {
    pub catalogue: Rc<Catalogue>,
    pub overlay_problems: Rc<Vec<Problem>>,
}

/// The built-in catalogue without its guidance and examples (fetched on demand; see build.rs).
const CATALOGUE_CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-core.json"));

fn load(overlay: Option<&str>) -> Result<Loaded, Vec<Problem>> {
    let base = Catalogue::from_json(CATALOGUE_CORE)?;
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

#[derive(Properties, PartialEq)]
pub struct SelfCheckAppProps {
    pub catalogue: Rc<Catalogue>,
    pub overlay_problems: Rc<Vec<Problem>>,
    pub config: Config,
    /// Inside the site the page already carries the title.
    #[prop_or_default]
    pub in_site: bool,
}

fn fresh_library(lang: Lang) -> Library {
    Library::new(clock::new_id(), t(lang, "セルフチェック", "Self-check").into(), clock::now_iso())
}

/// Reads what was saved. Data that cannot be read is copied to a backup key and reported, never overwritten.
fn load_initial(catalogue: Rc<Catalogue>, namespace: &str, lang: Lang) -> AppState {
    let key = storage::state_key(namespace);
    match storage::read(&key) {
        Ok(None) => AppState::new(catalogue, fresh_library(lang), lang),
        Ok(Some(json)) => match SavedState::from_json(&json) {
            Ok(saved) => AppState::new(catalogue, saved.library, saved.lang),
            Err(why) => {
                let backup = format!("{namespace}:backup:{}", clock::stamp());
                let kept = storage::write(&backup, &json).is_ok();
                let mut state = AppState::new(catalogue, fresh_library(lang), lang);
                let (ja, en) = if kept {
                    (
                        format!("元のデータは「{backup}」に保管してあります。新しいセルフチェックを始めます。"),
                        format!("The original data is kept under \"{backup}\". Starting a new self-check."),
                    )
                } else {
                    ("新しいセルフチェックを始めます。".to_owned(), "Starting a new self-check.".to_owned())
                };
                state.notice = Some(Text::new(format!("{} {ja}", why.ja), format!("{} {en}", why.en)));
                state
            }
        },
        Err(why) => {
            let mut state = AppState::new(catalogue, fresh_library(lang), lang);
            state.storage = StorageNote::Problem(why);
            state
        }
    }
}

#[component(SelfCheckApp)]
pub fn self_check_app(props: &SelfCheckAppProps) -> Html {
    let config = &props.config;
    let state = {
        let catalogue = props.catalogue.clone();
        let namespace = config.namespace.clone();
        let lang = config.lang;
        use_reducer(move || load_initial(catalogue, &namespace, lang))
    };
    let dispatcher = state.dispatcher();

    // Save whenever a self-check or the language changes. Damaged data found at start was already copied to
    // a backup key, so writing here loses nothing.
    {
        let (dispatcher, state) = (dispatcher.clone(), state.clone());
        let key = storage::state_key(&config.namespace);
        use_effect_with((state.revision, state.lang), move |_| {
            match storage::write(&key, &state.to_saved().to_json()) {
                Ok(()) => dispatcher.dispatch(Msg::StorageOk),
                Err(m) => dispatcher.dispatch(Msg::StorageFailed(m)),
            }
        });
    }
    // And once more when the page is hidden or closed, in case the tab goes away between a change and its save.
    {
        let latest = use_mut_ref(|| state.clone());
        *latest.borrow_mut() = state.clone();
        let key = storage::state_key(&config.namespace);
        use_effect_with(key, move |key| {
            let save = {
                let key = key.clone();
                move || {
                    let _ = storage::write(&key, &latest.borrow().to_saved().to_json());
                }
            };
            let window = web_sys::window();
            let on_hide = window.as_ref().map(|w| {
                let save = save.clone();
                gloo_events::EventListener::new(w, "pagehide", move |_| save())
            });
            let document = window.as_ref().and_then(|w| w.document());
            let on_hidden = document.as_ref().map(|d| {
                let d2 = d.clone();
                gloo_events::EventListener::new(d, "visibilitychange", move |_| {
                    if d2.hidden() {
                        save()
                    }
                })
            });
            move || drop((on_hide, on_hidden))
        });
    }

    let summary = Rc::new(summarise(&state.catalogue, state.check()));
    // The opt-in completion event: when the last item gets an answer, tell the host page (only the fields it
    // asked for). Not on load: a self-check that was already complete does not announce itself again.
    {
        let summary = summary.clone();
        let complete = is_complete(&summary);
        let was_complete = use_mut_ref(|| complete);
        let (fields, host, catalogue) = (config.complete_fields.clone(), config.host.clone(), state.catalogue.clone());
        use_effect_with(complete, move |&complete| {
            let newly = complete && !*was_complete.borrow();
            *was_complete.borrow_mut() = complete;
            if let (true, false, Some(host)) = (newly, fields.is_empty(), host) {
                events::dispatch_completion(&host, &completion_detail(&catalogue, &summary, &fields));
            }
        });
    }

    // Move focus to a card that just moved, or to where a link led, so keyboard users do not lose their place.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            let target = focus.as_ref().and_then(|(element, _)| {
                let root = root.cast::<web_sys::Element>()?;
                root.query_selector(&format!("#{element}")).ok().flatten()
            });
            if let Some(el) = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                let _ = el.focus();
            }
        });
    }

    // Inside the site, the site's language switch rules.
    let lang = if props.in_site { config.lang } else { state.lang };
    let check = Rc::new(state.check().clone());
    let other_lang = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let on_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::SetLang(other_lang)))
    };
    let on_dismiss = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Msg::DismissNotice))
    };
    let on_open = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            dispatcher.dispatch(Msg::Lib(tics_domain::library::LibraryAction::Open(id)));
        })
    };
    let tab = |view: View| {
        let dispatcher = dispatcher.clone();
        let current = state.view == view;
        html! {
            <li>
                <button type="button" id={view.tab_id()} class={classes!("tics-tab", current.then_some("tics-tab-current"))}
                    aria-current={current.then_some("page")} data-testid={format!("view-{}", view.key())}
                    onclick={Callback::from(move |_| dispatcher.dispatch(Msg::SetView(view)))}>
                    { view.label().get(lang).to_owned() }
                </button>
            </li>
        }
    };

    let shown_topic = AttrValue::from(state.shown_topic().unwrap_or_default().to_owned());
    let body = match state.view {
        View::Check => html! {
            <>
                <ProfileStep profile={check.profile.clone()} {lang} dispatcher={dispatcher.clone()} />
                <LevelChoice level={check.target_level} {lang} dispatcher={dispatcher.clone()} />
                <SummaryView catalogue={state.catalogue.clone()} summary={summary.clone()} {lang} dispatcher={dispatcher.clone()} />
                <section class="tics-catalogue" aria-labelledby="tics-catalogue-heading">
                    <h2 id="tics-catalogue-heading">{ t(lang, "3. 項目ごとの確認", "3. Check each item") }</h2>
                    <p class="tics-hint">{ t(lang,
                        "各項目の状況を選び、必要ならメモを残してください。「解説と例」で具体的なやり方を確認できます。",
                        "Choose the status of each item and add notes where useful. \"Guidance and examples\" shows how to do it in practice.") }</p>
                    if paged(&state.catalogue) {
                        <TopicPager catalogue={state.catalogue.clone()} summary={summary.clone()} shown={shown_topic.clone()}
                            check={check.clone()} {lang} dispatcher={dispatcher.clone()} />
                    } else {
                        { for state.catalogue.topics.iter().map(|topic| html! {
                            <TopicSection
                                key={topic.id.clone()}
                                catalogue={state.catalogue.clone()}
                                topic={topic.id.clone()}
                                check={check.clone()}
                                {lang}
                                dispatcher={dispatcher.clone()} />
                        }) }
                    }
                </section>
            </>
        },
        View::Plan => {
            html! { <PlanView catalogue={state.catalogue.clone()} check={check.clone()} {lang} dispatcher={dispatcher.clone()} /> }
        }
        View::Periodic => {
            html! { <PeriodicView catalogue={state.catalogue.clone()} check={check.clone()} {lang} dispatcher={dispatcher.clone()} /> }
        }
        View::Compare => {
            html! { <CompareView catalogue={state.catalogue.clone()} library={Rc::new(state.library.clone())} {lang} dispatcher={dispatcher.clone()} /> }
        }
        View::Files => html! {
            <FilesView catalogue={state.catalogue.clone()} library={Rc::new(state.library.clone())}
                pending={state.pending_import.clone()} {lang} dispatcher={dispatcher.clone()} />
        },
        View::Report => html! {
            <ReportView catalogue={state.catalogue.clone()} check={check.clone()} stylesheet={config.stylesheet.clone()}
                entry={state.library.open_entry().cloned().map(Rc::new)} {lang} dispatcher={dispatcher.clone()} />
        },
    };

    html! {
        <div class="tics-app" lang={lang.tag()} data-testid="app" ref={root}>
            <header class="tics-header">
                if !props.in_site {
                    // Not a heading: the host page has its own h1 and the widget sits inside its outline.
                    <p class="tics-title">{ t(lang, "技術情報管理 セルフチェック", "TICS Self-Check") }</p>
                }
                if let Some(branding) = &state.catalogue.branding {
                    <div class="tics-branding" data-testid="branding">
                        <p class="tics-branding-name">{ branding.name.get(lang).to_owned() }</p>
                        if let Some(intro) = &branding.intro {
                            <Markdown source={AttrValue::from(intro.get(lang).to_owned())} />
                        }
                    </div>
                }
                <p class="tics-lead">{ t(lang,
                    "技術情報管理認証制度の基準に沿って、自社の情報管理を自分で確認できます。入力内容はこのブラウザの中だけに保存され、どこにも送信されません。",
                    "Check your own management of technical information against the criteria of Japan's Technology Information Management Certification System (TICS). What you enter stays in this browser and is never sent anywhere.") }</p>
                if !props.in_site {
                    <button type="button" class="tics-lang" onclick={on_lang} lang={other_lang.tag()} data-testid="lang-toggle">
                        { match other_lang { Lang::En => "English", Lang::Ja => "日本語" } }
                    </button>
                }
                <div class="tics-open">
                    <label for="tics-open-select">{ t(lang, "開いているセルフチェック", "Open self-check") }</label>
                    <select id="tics-open-select" onchange={on_open} data-testid="open-select">
                        { for state.library.entries.iter().map(|e| html! {
                            <option value={e.id.clone()} selected={e.id == state.library.open}>{ e.name.clone() }</option>
                        }) }
                    </select>
                </div>
            </header>
            <nav class="tics-tabs" aria-label={t(lang, "表示の切り替え", "Views")}>
                <ul role="list">{ for View::ALL.into_iter().map(tab) }</ul>
            </nav>
            if let Some(why) = &config.overlay_error {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="overlay-problems">
                    <p>{ t(lang, "団体のカタログを読み込めなかったため、標準のカタログを使っています。", "The association's catalogue could not be loaded, so the standard catalogue is used.") }</p>
                    <p>{ why.to_string() }</p>
                </div>
            }
            if !props.overlay_problems.is_empty() {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="overlay-problems">
                    <p>{ t(lang, "団体のカタログに問題があるため、標準のカタログを使っています。", "The association's catalogue has problems, so the standard catalogue is used.") }</p>
                    <ul>{ for props.overlay_problems.iter().map(|p| html! {
                        <li>{ format!("{}{}: {}", p.item.as_ref().map(|i| format!("[{i}] ")).unwrap_or_default(), p.field, p.message.get(lang)) }</li>
                    }) }</ul>
                </div>
            }
            if let StorageNote::Problem(m) = &state.storage {
                <p class="tics-banner tics-banner-warn" role="status" data-testid="storage-warning">{ m.get(lang) }</p>
            }
            if let Some(m) = &state.notice {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="notice">
                    <p>{ m.get(lang) }</p>
                    <button type="button" onclick={on_dismiss}>{ t(lang, "閉じる", "Dismiss") }</button>
                </div>
            }
            // Keyed by the message count: the same text given again is a new node, which is announced again.
            <div class="tics-error" role="alert">
                if let Some(e) = &state.error { <p key={state.message_seq} data-testid="error">{ e.get(lang) }</p> }
            </div>
            <div class="tics-flash" role="status">
                if let Some(m) = &state.flash { <p key={state.message_seq} data-testid="flash">{ m.get(lang) }</p> }
            </div>
            // Inside the site, the site's page is the main landmark; one landmark must not nest in another.
            if props.in_site {
                <div class="tics-main" data-view={state.view.key()}>{ body }</div>
            } else {
                <main class="tics-main" data-view={state.view.key()}>{ body }</main>
            }
            <footer class="tics-footer">
                <p>{ format!("{} {} — {}", state.catalogue.title.get(lang), state.catalogue.version,
                    t(lang, "これは自己確認のための道具であり、認証ではありません。", "This is a self-check tool, not a certification.")) }</p>
            </footer>
        </div>
    }
}
