//! The views off the first screen, each compiled into a chunk of the one WebAssembly module and loaded on first
//! use: one memory, one Yew app. The release build splits the module at the functions marked `wasm_split` below
//! (scripts/wasm-split/ and the post-build hook); each returns a plain function that builds its view. Nothing else
//! in the app names a view component of a chunk: a name anywhere else would keep that code in the start-up module.
//!
//! The reminder to download a result file comes from a chunk too: it is rare, and brings the code that makes files.
//!
//! [`LazyView`] shows a view once its chunk has arrived, a labelled loading state until then, and a message with a
//! retry button (in both languages) if the chunk cannot be fetched or fails its integrity check. [`prefetch`]
//! fetches a view's chunk ahead of a click: when the browser is idle after the first screen, and when the pointer
//! or the keyboard reaches the view's tab. With the `one-module` feature the same code builds one module.
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

use tics_domain::Lang;
#[cfg(not(feature = "one-module"))]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;

use crate::ui::components::catalogue_changes::{CatalogueChanges, CatalogueChangesProps};
use crate::ui::components::reminder::{Reminder, ReminderProps};
use crate::ui::state::i18n::t;
use crate::ui::state::view::View;
use crate::ui::views::aggregate_view::{AggregateView, AggregateViewProps};
use crate::ui::views::catalogue_check::{CatalogueCheck, CatalogueCheckProps};
use crate::ui::views::compare_view::{CompareView, CompareViewProps};
use crate::ui::views::documents_view::{DocumentsView, DocumentsViewProps};
use crate::ui::views::files::{FilesView, FilesViewProps};
use crate::ui::views::inventory_view::{InventoryView, InventoryViewProps};
use crate::ui::views::periodic_view::{PeriodicView, PeriodicViewProps};
use crate::ui::views::plan_view::{PlanView, PlanViewProps};
use crate::ui::views::report_view::{ReportView, ReportViewProps};

/// A chunk that could not be loaded: not fetched (offline, or a new version replaced the files), or refused by its
/// integrity check.
#[derive(Debug)]
pub struct LoadError;

impl From<wasm_split_helpers::SplitLoaderError> for LoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadError
    }
}

type Loading<P> = Pin<Box<dyn Future<Output = Result<fn(P) -> Html, LoadError>>>>;
/// Where a view's builder is kept once its chunk has arrived.
type Slot<P> = LocalKey<RefCell<Option<fn(P) -> Html>>>;

/// The props of a view that lives in a chunk.
pub trait Lazy: PartialEq + Clone + 'static {
    /// The chunk's name, in `data-` attributes.
    const CHUNK: &'static str;
    /// Where the view's builder is kept once its chunk has arrived.
    fn slot() -> &'static Slot<Self>;
    /// Fetches the chunk (once: later calls resolve at once) and gives the view's builder.
    fn fetch() -> Loading<Self>;
}

/// A split point for each view: `$chunk` names the chunk, `$entry` the function that the split turns into an
/// `async` one fetching the chunk on its first call (`fallible`: a failed fetch is an `Err`, not a trap, and is
/// tried again on the next call).
macro_rules! lazy_view {
    ($chunk:ident, $entry:ident, $props:ty, $view:ident) => {
        #[cfg_attr(not(feature = "one-module"), wasm_split($chunk, fallible))]
        fn $entry() -> Result<fn($props) -> Html, LoadError> {
            Ok(|props| html! { <$view ..props /> })
        }

        impl Lazy for $props {
            const CHUNK: &'static str = stringify!($chunk);

            fn slot() -> &'static Slot<Self> {
                thread_local! {
                    static SLOT: RefCell<Option<fn($props) -> Html>> = const { RefCell::new(None) };
                }
                &SLOT
            }

            fn fetch() -> Loading<Self> {
                Box::pin(async {
                    #[cfg(not(feature = "one-module"))]
                    let view = $entry().await?;
                    #[cfg(feature = "one-module")]
                    let view = $entry()?;
                    Self::slot().with(|slot| *slot.borrow_mut() = Some(view));
                    Ok(view)
                })
            }
        }
    };
}

lazy_view!(inventory, inventory_entry, InventoryViewProps, InventoryView);
lazy_view!(plan, plan_entry, PlanViewProps, PlanView);
lazy_view!(documents, documents_entry, DocumentsViewProps, DocumentsView);
lazy_view!(periodic, periodic_entry, PeriodicViewProps, PeriodicView);
lazy_view!(compare, compare_entry, CompareViewProps, CompareView);
lazy_view!(files, files_entry, FilesViewProps, FilesView);
lazy_view!(report, report_entry, ReportViewProps, ReportView);
lazy_view!(aggregate, aggregate_entry, AggregateViewProps, AggregateView);
lazy_view!(catalogue_check, catalogue_check_entry, CatalogueCheckProps, CatalogueCheck);
lazy_view!(reminder, reminder_entry, ReminderProps, Reminder);
lazy_view!(catalogue_changes, catalogue_changes_entry, CatalogueChangesProps, CatalogueChanges);

/// The view's builder if its chunk has arrived.
fn loaded<P: Lazy>() -> Option<fn(P) -> Html> {
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

/// Fetches the chunk of a view of the self-check (the check view is in the start-up module).
pub fn prefetch_view(view: View) {
    wasm_bindgen_futures::spawn_local(fetch_view(view));
}

/// Fetches the chunk of a view of the self-check and waits until it has arrived (or failed: a failure is left
/// for the view to show when it is opened).
pub async fn fetch_view(view: View) {
    async fn fetch<P: Lazy>() {
        if loaded::<P>().is_none() {
            let _ = P::fetch().await;
        }
    }
    match view {
        View::Check => {}
        View::Inventory => fetch::<InventoryViewProps>().await,
        View::Plan => fetch::<PlanViewProps>().await,
        View::Documents => fetch::<DocumentsViewProps>().await,
        View::Periodic => fetch::<PeriodicViewProps>().await,
        View::Compare => fetch::<CompareViewProps>().await,
        View::Files => fetch::<FilesViewProps>().await,
        View::Report => fetch::<ReportViewProps>().await,
    }
}

/// The views a user most likely opens after the first screen: the next step (the inventory), the plan, and saving
/// the result. Fetched while the browser is idle.
pub const LIKELY_NEXT: [View; 3] = [View::Inventory, View::Plan, View::Files];

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
    if *failed {
        let retry = {
            let (failed, attempt) = (failed.clone(), attempt.clone());
            Callback::from(move |_| {
                failed.set(false);
                attempt.set(*attempt + 1);
            })
        };
        let reload = Callback::from(|_| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        return html! {
            <div class="tics-banner tics-banner-warn" role="alert" data-testid="view-failed" data-chunk={P::CHUNK}>
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
        <div class="tics-view-loading" role="status" aria-busy="true" data-testid="view-loading" data-chunk={P::CHUNK}>
            <p>{ t(lang, "この画面を読み込んでいます…", "Loading this screen…") }</p>
        </div>
    }
}
