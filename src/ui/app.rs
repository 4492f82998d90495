//! The root component: loads the catalogue and the saved self-check, owns the reducer, saves on every change,
//! and lays out the page.
use std::rc::Rc;

use tics_domain::saved::SavedState;
use tics_domain::scoring::summarise;
use tics_domain::{Catalogue, Lang, Text};
use yew::prelude::*;

use crate::ui::i18n::t;
use crate::ui::item_card::dom_id;
use crate::ui::level_choice::LevelChoice;
use crate::ui::profile_step::ProfileStep;
use crate::ui::state::{AppState, Msg, StorageNote};
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

/// Reads what was saved. Data that cannot be read is copied to a backup key and reported, never overwritten.
fn load_initial(catalogue: Rc<Catalogue>, namespace: &str, lang: Lang) -> AppState {
    let key = storage::state_key(namespace);
    match storage::read(&key) {
        Ok(None) => AppState::new(catalogue, None, lang),
        Ok(Some(json)) => match SavedState::from_json(&json) {
            Ok(saved) => AppState::new(catalogue, Some(saved), lang),
            Err(why) => {
                let backup = format!("{namespace}:backup:{}", clock::stamp());
                let kept = storage::write(&backup, &json).is_ok();
                let mut state = AppState::new(catalogue, None, lang);
                state.notice = Some(Text::new(
                    format!(
                        "{} {}",
                        why.ja,
                        if kept {
                            format!("元のデータは「{backup}」に保管してあります。新しいセルフチェックを始めます。")
                        } else {
                            "新しいセルフチェックを始めます。".into()
                        }
                    ),
                    format!(
                        "{} {}",
                        why.en,
                        if kept {
                            format!("The original data is kept under \"{backup}\". Starting a new self-check.")
                        } else {
                            "Starting a new self-check.".into()
                        }
                    ),
                ));
                state
            }
        },
        Err(why) => {
            let mut state = AppState::new(catalogue, None, lang);
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

    // Save whenever the self-check or the language changes. Damaged data found at start was already copied to
    // a backup key, so writing here loses nothing.
    {
        let dispatcher = dispatcher.clone();
        let key = storage::state_key(&props.namespace);
        let json = state.to_saved().to_json();
        use_effect_with((state.check.clone(), state.lang), move |_| match storage::write(&key, &json) {
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
    let summary = Rc::new(summarise(&state.catalogue, &state.check));
    let check = Rc::new(state.check.clone());
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
            </header>
            if let StorageNote::Problem(m) = &state.storage {
                <p class="tics-banner tics-banner-warn" role="status" data-testid="storage-warning">{ m.get(lang) }</p>
            }
            if let Some(m) = &state.notice {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="notice">
                    <p>{ m.get(lang) }</p>
                    <button type="button" onclick={on_dismiss}>{ t(lang, "閉じる", "Dismiss") }</button>
                </div>
            }
            <div class="tics-error" role="alert" aria-live="assertive">
                if let Some(e) = &state.error { <p data-testid="error">{ e.get(lang) }</p> }
            </div>
            <main class="tics-main">
                <ProfileStep profile={state.check.profile.clone()} {lang} dispatcher={dispatcher.clone()} />
                <LevelChoice level={state.check.target_level} {lang} dispatcher={dispatcher.clone()} />
                <SummaryView catalogue={state.catalogue.clone()} summary={summary} {lang} />
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
            </main>
            <footer class="tics-footer">
                <p>{ format!("{} {} — {}", state.catalogue.title.get(lang), state.catalogue.version,
                    t(lang, "これは自己確認のための道具であり、認証ではありません。", "This is a self-check tool, not a certification.")) }</p>
            </footer>
        </div>
    }
}
