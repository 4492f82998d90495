//! A view or note that lives in a chunk of the WebAssembly module (see `ui::lazy`, where the chunks are declared):
//! [`LazyView`] shows it once its chunk has arrived, a labelled loading state until then, and a message with a
//! retry button (in both languages) if the chunk cannot be fetched or fails its integrity check. A component
//! here, so that a component can hold another that comes from a chunk without importing the views above it.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

use tics_domain::Lang;
use yew::prelude::*;

use crate::ui::state::i18n::t;

/// A chunk that could not be loaded: not fetched (offline, or a new version replaced the files), or refused by its
/// integrity check.
#[derive(Debug)]
pub struct LoadError;

impl From<wasm_split_helpers::SplitLoaderError> for LoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadError
    }
}

pub type Loading<P> = Pin<Box<dyn Future<Output = Result<fn(P) -> Html, LoadError>>>>;
/// Where a view's builder is kept once its chunk has arrived.
pub type Slot<P> = LocalKey<RefCell<Option<fn(P) -> Html>>>;

/// The props of a view that lives in a chunk.
pub trait Lazy: PartialEq + Clone + 'static {
    /// The chunk's name, in `data-` attributes.
    const CHUNK: &'static str;
    /// Where the view's builder is kept once its chunk has arrived.
    fn slot() -> &'static Slot<Self>;
    /// Fetches the chunk (once: later calls resolve at once) and gives the view's builder.
    fn fetch() -> Loading<Self>;
}

/// The view's builder if its chunk has arrived.
pub fn loaded<P: Lazy>() -> Option<fn(P) -> Html> {
    P::slot().with(|slot| *slot.borrow())
}

/// Fetches a view's chunk in the background, so that a click on its tab rarely waits. A failure is left for the
/// view to show when it is opened.
pub fn prefetch<P: Lazy>() {
    if loaded::<P>().is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = P::fetch().await;
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct LazyViewProps<P: PartialEq> {
    /// The view's own props.
    pub view: P,
    pub lang: Lang,
    /// Told when the chunk has arrived and the view is shown (not when it was there already).
    #[prop_or_default]
    pub onloaded: Callback<()>,
    /// For a note beside the work rather than a view: nothing while it loads, nor if it cannot be loaded.
    #[prop_or_default]
    pub quiet: bool,
}

/// A view from a chunk: shown at once if its chunk is here, else a loading state, then the view or a message
/// with a retry button.
#[component(LazyView)]
pub fn lazy_view<P: Lazy>(props: &LazyViewProps<P>) -> Html {
    let view = use_state(loaded::<P>);
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    {
        let (view, failed, onloaded) = (view.clone(), failed.clone(), props.onloaded.clone());
        use_effect_with(*attempt, move |_| {
            if view.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    match P::fetch().await {
                        Ok(loaded) => {
                            view.set(Some(loaded));
                            onloaded.emit(());
                        }
                        Err(LoadError) => failed.set(true),
                    }
                });
            }
        });
    }
    let lang = props.lang;
    if let Some(build) = *view {
        return build(props.view.clone());
    }
    if props.quiet {
        return Html::default();
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |_| {
            failed.set(false);
            attempt.set(*attempt + 1);
        })
    };
    waiting(lang, P::CHUNK, *failed, retry)
}

/// The loading state, or the failure with its retry button. Not generic, so that every view from a chunk shares
/// one copy of it in the start-up module (a generic component's body is compiled once per view).
#[inline(never)]
fn waiting(lang: Lang, chunk: &'static str, failed: bool, retry: Callback<MouseEvent>) -> Html {
    if failed {
        let reload = Callback::from(|_| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        return html! {
            <div class="tics-banner tics-banner-warn" role="alert" data-testid="view-failed" data-chunk={chunk}>
                <p>{ t(lang,
                    "この画面を読み込めませんでした。通信を確かめて、もう一度お試しください。アプリが新しい版に更新された場合は、ページを再読み込みしてください（入力した内容は残ります）。",
                    "This screen could not be loaded. Check the connection and try again. If the app was updated to a new version, reload the page (what you entered is kept).") }</p>
                <div class="tics-toolbar">
                    <button type="button" onclick={retry} data-testid="view-retry">{ t(lang, "もう一度読み込む", "Try again") }</button>
                    <button type="button" onclick={reload} data-testid="view-reload">{ t(lang, "ページを再読み込み", "Reload the page") }</button>
                </div>
            </div>
        };
    }
    html! {
        <div class="tics-view-loading" role="status" aria-busy="true" data-testid="view-loading" data-chunk={chunk}>
            <p>{ t(lang, "この画面を読み込んでいます…", "Loading this screen…") }</p>
        </div>
    }
}
