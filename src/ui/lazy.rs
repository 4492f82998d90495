//! The views off the first screen, each compiled into a chunk of the one WebAssembly module and loaded on first
//! use: one memory, one Yew app. The release build splits the module at the functions marked `wasm_split` below
//! (scripts/wasm-split/ and the post-build hook); each returns a plain function that builds its view. Nothing else
//! in the app names a view component of a chunk: a name anywhere else would keep that code in the start-up module.
//!
//! The reminder to download a result file comes from a chunk too: it is rare, and brings the code that makes files.
//! So do an item's evidence panel (opened from its card), and the notices of deadlines and team work.
//!
//! `components::lazy_view::LazyView` shows what a chunk holds once it has arrived. [`prefetch_view`] fetches a
//! view's chunk ahead of a click: when the browser is idle after the first screen, and when the pointer
//! or the keyboard reaches the view's tab. With the `one-module` feature the same code builds one module.
use std::cell::RefCell;

#[cfg(not(feature = "one-module"))]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;

use crate::ui::components::catalogue_changes::{CatalogueChanges, CatalogueChangesProps};
use crate::ui::components::evidence_panel::{EvidencePanel, EvidencePanelProps};
use crate::ui::components::lazy_view::{loaded, Lazy, LoadError, Loading, Slot};
use crate::ui::components::notices::{Notices, NoticesProps};
use crate::ui::components::reminder::{Reminder, ReminderProps};
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
use crate::ui::views::schedule_view::{ScheduleView, ScheduleViewProps};
use crate::ui::views::team_view::{TeamView, TeamViewProps};

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
lazy_view!(team, team_entry, TeamViewProps, TeamView);
lazy_view!(schedule, schedule_entry, ScheduleViewProps, ScheduleView);
lazy_view!(evidence, evidence_entry, EvidencePanelProps, EvidencePanel);
lazy_view!(notices, notices_entry, NoticesProps, Notices);

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
        View::Team => fetch::<TeamViewProps>().await,
        View::Schedule => fetch::<ScheduleViewProps>().await,
    }
}

/// The views a user most likely opens after the first screen: the next step (the inventory), the plan, and saving
/// the result. Fetched while the browser is idle.
pub const LIKELY_NEXT: [View; 3] = [View::Inventory, View::Plan, View::Files];
