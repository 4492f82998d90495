//! The root component: loads the catalogue and the saved self-checks, owns the reducer, saves on every change,
//! and lays out the page: header, the open self-check, the view tabs and the current view.
use std::rc::Rc;

use tics_domain::library::Library;
use tics_domain::saved::SavedState;
use tics_domain::scoring::summarise;
use tics_domain::{Catalogue, Lang, Text};
use yew::prelude::*;

use crate::ui::compare_view::CompareView;
use crate::ui::files_view::FilesView;
use crate::ui::i18n::t;
use crate::ui::item_card::dom_id;
use crate::ui::level_choice::LevelChoice;
use crate::ui::periodic_view::PeriodicView;
use crate::ui::plan_view::PlanView;
use crate::ui::profile_step::ProfileStep;
use crate::ui::report_view::ReportView;
use crate::ui::state::{AppState, Msg, StorageNote, View};
use crate::ui::summary::SummaryView;
use crate::ui::topic_section::TopicSection;
use crate::web::{clock, storage};

/// Where the app keeps its data unless told otherwise.
pub const DEFAULT_NAMESPACE: &str = "tics-self-check:v1";

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Storage namespace, so that several embeddings on one origin do not mix their data.
    #[prop_or(AttrValue::from(DEFAULT_NAMESPACE))]
    pub namespace: AttrValue,
    /// Language used when nothing is saved yet.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match Catalogue::default_tics() {
        Ok(catalogue) => {
            html! { <SelfCheckApp catalogue={Rc::new(catalogue)} namespace={props.namespace.clone()} lang={props.lang} /> }
        }
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
    pub namespace: AttrValue,
    pub lang: Lang,
}

fn fresh_library() -> Library {
    Library::new(clock::new_id(), "セルフチェック".into(), clock::now_iso())
}

/// Reads what was saved. Data that cannot be read is copied to a backup key and reported, never overwritten.
fn load_initial(catalogue: Rc<Catalogue>, namespace: &str, lang: Lang) -> AppState {
    let key = storage::state_key(namespace);
    match storage::read(&key) {
        Ok(None) => AppState::new(catalogue, fresh_library(), lang),
        Ok(Some(json)) => match SavedState::from_json(&json) {
            Ok(saved) => AppState::new(catalogue, saved.library, saved.lang),
            Err(why) => {
                let backup = format!("{namespace}:backup:{}", clock::stamp());
                let kept = storage::write(&backup, &json).is_ok();
                let mut state = AppState::new(catalogue, fresh_library(), lang);
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
            let mut state = AppState::new(catalogue, fresh_library(), lang);
            state.storage = StorageNote::Problem(why);
            state
        }
    }
}

#[function_component(SelfCheckApp)]
fn self_check_app(props: &SelfCheckAppProps) -> Html {
    let state = {
        let catalogue = props.catalogue.clone();
        let namespace = props.namespace.clone();
        let lang = props.lang;
        use_reducer(move || load_initial(catalogue, &namespace, lang))
    };
    let dispatcher = state.dispatcher();

    // Save whenever a self-check or the language changes. Damaged data found at start was already copied to
    // a backup key, so writing here loses nothing.
    {
        let dispatcher = dispatcher.clone();
        let key = storage::state_key(&props.namespace);
        let json = state.to_saved().to_json();
        use_effect_with((state.library.clone(), state.lang), move |_| match storage::write(&key, &json) {
            Ok(()) => dispatcher.dispatch(Msg::StorageOk),
            Err(m) => dispatcher.dispatch(Msg::StorageFailed(m)),
        });
    }

    // Move focus to the card that just moved, so keyboard users do not lose their place.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            let target = focus.as_ref().and_then(|(id, _)| {
                let root = root.cast::<web_sys::Element>()?;
                root.query_selector(&format!("#{}-action", dom_id(id))).ok().flatten()
            });
            if let Some(el) = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                let _ = el.focus();
            }
        });
    }

    let lang = state.lang;
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
                <button type="button" class={classes!("tics-tab", current.then_some("tics-tab-current"))}
                    aria-current={current.then_some("page")} data-testid={format!("view-{}", view.key())}
                    onclick={Callback::from(move |_| dispatcher.dispatch(Msg::SetView(view)))}>
                    { view.label().get(lang).to_owned() }
                </button>
            </li>
        }
    };

    let body = match state.view {
        View::Check => html! {
            <>
                <ProfileStep profile={check.profile.clone()} {lang} dispatcher={dispatcher.clone()} />
                <LevelChoice level={check.target_level} {lang} dispatcher={dispatcher.clone()} />
                <SummaryView catalogue={state.catalogue.clone()} summary={Rc::new(summarise(&state.catalogue, &check))} {lang} />
                <section class="tics-catalogue" aria-labelledby="tics-catalogue-heading">
                    <h2 id="tics-catalogue-heading">{ t(lang, "3. 項目ごとの確認", "3. Check each item") }</h2>
                    <p class="tics-hint">{ t(lang,
                        "各項目の状況を選び、必要ならメモを残してください。「解説と例」で具体的なやり方を確認できます。",
                        "Choose the status of each item and add notes where useful. \"Guidance and examples\" shows how to do it in practice.") }</p>
                    { for state.catalogue.topics.iter().map(|topic| html! {
                        <TopicSection
                            key={topic.id.clone()}
                            catalogue={state.catalogue.clone()}
                            topic={topic.id.clone()}
                            check={check.clone()}
                            {lang}
                            dispatcher={dispatcher.clone()} />
                    }) }
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
            <ReportView catalogue={state.catalogue.clone()} check={check.clone()}
                entry={state.library.open_entry().cloned().map(Rc::new)} {lang} dispatcher={dispatcher.clone()} />
        },
    };

    html! {
        <div class="tics-app" lang={lang.tag()} data-testid="app" ref={root}>
            <header class="tics-header">
                <h1 class="tics-title">{ t(lang, "技術情報管理 セルフチェック", "TICS Self-Check") }</h1>
                <p class="tics-lead">{ t(lang,
                    "技術情報管理認証制度の基準に沿って、自社の情報管理を自分で確認できます。入力内容はこのブラウザの中だけに保存され、どこにも送信されません。",
                    "Check your own management of technical information against the criteria of Japan's Technology Information Management Certification System (TICS). What you enter stays in this browser and is never sent anywhere.") }</p>
                <button type="button" class="tics-lang" onclick={on_lang} lang={other_lang.tag()} data-testid="lang-toggle">
                    { match other_lang { Lang::En => "English", Lang::Ja => "日本語" } }
                </button>
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
            if let StorageNote::Problem(m) = &state.storage {
                <p class="tics-banner tics-banner-warn" role="status" data-testid="storage-warning">{ m.get(lang) }</p>
            }
            if let Some(m) = &state.notice {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="notice">
                    <p>{ m.get(lang) }</p>
                    <button type="button" onclick={on_dismiss}>{ t(lang, "閉じる", "Dismiss") }</button>
                </div>
            }
            <div class="tics-error" role="alert">
                if let Some(e) = &state.error { <p data-testid="error">{ e.get(lang) }</p> }
            </div>
            <div class="tics-flash" role="status">
                if let Some(m) = &state.flash { <p data-testid="flash">{ m.get(lang) }</p> }
            </div>
            <main class="tics-main" data-view={state.view.key()}>{ body }</main>
            <footer class="tics-footer">
                <p>{ format!("{} {} — {}", state.catalogue.title.get(lang), state.catalogue.version,
                    t(lang, "これは自己確認のための道具であり、認証ではありません。", "This is a self-check tool, not a certification.")) }</p>
            </footer>
        </div>
    }
}
