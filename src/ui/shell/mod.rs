//! The self-check shell: owns the reducer and hands it to components through the context; saves, moves focus and
//! tells the host page through named hooks; lays out the header, tabs, banners and the current view.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::library::Library;
use tics_domain::scoring::{summarise, Summary};
use tics_domain::vocab::NewName;
use tics_domain::Catalogue;
use yew::prelude::*;

use crate::ui::components::lazy_view::LazyView;
use crate::ui::components::notices::NoticesProps;
use crate::ui::components::reminder::ReminderProps;
use crate::ui::hooks::clock::use_browser_clock;
use crate::ui::state::config::Config;
use crate::ui::state::context::SelfCheckContext;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::AppState;
use crate::ui::state::view::View;
use crate::ui::views::check_view::CheckView;
use crate::ui::views::compare_view::CompareViewProps;
use crate::ui::views::documents_view::DocumentsViewProps;
use crate::ui::views::files::FilesViewProps;
use crate::ui::views::inventory_view::InventoryViewProps;
use crate::ui::views::periodic_view::PeriodicViewProps;
use crate::ui::views::plan_view::PlanViewProps;
use crate::ui::views::report_view::ReportViewProps;
use crate::ui::views::schedule_view::ScheduleViewProps;
use crate::ui::views::team_view::TeamViewProps;
use crate::web::{keep, storage};

mod banners;
mod catalogue_history;
mod header;
mod hooks;
mod startup;
mod sync_notices;
mod view_tabs;

use banners::Banners;
use catalogue_history::CatalogueHistory;
use header::Header;
use sync_notices::SyncNotices;
use view_tabs::ViewTabs;

#[derive(Properties, PartialEq)]
pub struct SelfCheckAppProps {
    pub catalogue: Rc<Catalogue>,
    pub overlay_problems: Rc<Vec<Problem>>,
    pub config: Config,
    /// Inside the site the page already carries the title, and the site's language switch rules.
    #[prop_or_default]
    pub in_site: bool,
}

#[component(SelfCheckApp)]
pub fn self_check_app(props: &SelfCheckAppProps) -> Html {
    let config = &props.config;
    let session = use_mut_ref(|| None);
    let clock = use_browser_clock();
    let state = {
        let (catalogue, namespace, lang, session, clock, in_site) = (
            props.catalogue.clone(),
            config.namespace.clone(),
            config.lang,
            session.clone(),
            clock.clone(),
            props.in_site,
        );
        use_reducer(move || {
            let fresh = || Library::new(clock.0.new_id(), NewName::First.in_lang(lang), clock.0.now());
            let back_up = |json: &str| {
                let key = storage::backup_key(&namespace);
                storage::write(&key, json).is_ok().then_some(key)
            };
            let read = storage::read(&storage::state_key(&namespace));
            let (state, started) = startup::start(catalogue, lang, clock.0.unique_id("t"), fresh, read, back_up);
            *session.borrow_mut() = started;
            // On a page of the site the page's language rules (see `AppState::lang_from_page`).
            if in_site {
                state.on_page_in(lang)
            } else {
                state
            }
        })
    };
    hooks::use_sync(&state, session, &config.namespace);
    hooks::use_keeping(&state);
    hooks::use_reminder(&state, &config.namespace, config.reminder);
    hooks::use_idle_prefetch();
    let summary = Rc::new(summarise(&state.catalogue, state.check()));
    hooks::use_completion_event(
        summary.clone(),
        state.catalogue.clone(),
        config.complete_fields.clone(),
        config.host.clone(),
    );
    let root = use_node_ref();
    // The views off the first screen come from chunks (see `ui::lazy`); a focus asked for inside one that is
    // still loading is given once it has arrived.
    let loaded = hooks::use_focus(&root, &state.focus);

    let lang = state.shown_lang();
    let context = SelfCheckContext::new(lang, state.catalogue.clone(), clock, state.dispatcher());
    let library = state.library.clone();
    let body = view_body(&state, &summary, config.stylesheet.clone(), loaded.clone());

    html! {
        <ContextProvider<SelfCheckContext> {context}>
            <div class={classes!("tics-app", props.in_site.then_some("tics-in-site"))} lang={lang.tag()} data-testid="app" ref={root}>
                <Header library={library.clone()} in_site={props.in_site} keeping={state.keeping} />
                <ViewTabs current={state.view} />
                <Banners overlay_error={config.overlay_error.clone()} overlay_problems={props.overlay_problems.clone()}
                    saving={state.saving.clone()} notice={state.notice.clone()} error={state.error.clone()}
                    flash={state.flash.clone()} message_seq={state.message_seq} />
                <SyncNotices lost={state.lost.clone()} deleted={state.deleted.clone()} library={library.clone()} />
                // Deadlines and team work have notices of their own, from a chunk loaded only when there are some.
                if has_notices(state.check()) {
                    <LazyView<NoticesProps> {lang} quiet={true} view={NoticesProps { check: Rc::new(state.check().clone()) }} />
                }
                if let Some(entry) = state.reminder.as_ref().and_then(|id| library.entries.iter().find(|e| e.id == *id)).filter(|e| e.unsaved()) {
                    <LazyView<ReminderProps> {lang} quiet={true} view={ReminderProps { entry: Rc::new(entry.clone()),
                        keeping: state.keeping.unwrap_or_else(|| keep::keeping(None)), in_site: props.in_site }} />
                }
                // Inside the site, the site's page is the main landmark; one landmark must not nest in another.
                if props.in_site {
                    <div class="tics-main" data-view={state.view.key()}>{ body }</div>
                } else {
                    <main class="tics-main" data-view={state.view.key()}>{ body }</main>
                }
                <footer class="tics-footer">
                    <p>{ format!("{} {} — {}", state.catalogue.title.get(lang), state.catalogue.version,
                        t(lang, "これは自己確認のための道具であり、認証ではありません。", "This is a self-check tool, not a certification.")) }</p>
                    <CatalogueHistory />
                </footer>
            </div>
        </ContextProvider<SelfCheckContext>>
    }
}

/// Whether the self-check may have a notice of deadlines or team work (see `components::notices`).
fn has_notices(check: &tics_domain::SelfCheck) -> bool {
    !check.certification.is_empty() || check.team.handed_out().is_some() || check.team.has_conflicts()
}

/// The view shown: the self-check's own on the first screen, any other from its chunk (see `ui::lazy`).
fn view_body(state: &AppState, summary: &Rc<Summary>, stylesheet: Option<AttrValue>, loaded: Callback<()>) -> Html {
    let lang = state.shown_lang();
    let check = Rc::new(state.check().clone());
    let library = state.library.clone();
    let open_entry = state.library.open_entry().cloned().map(Rc::new);
    match state.view {
        View::Check => html! {
            <CheckView check={check.clone()} summary={summary.clone()}
                shown_topic={AttrValue::from(state.shown_topic().unwrap_or_default().to_owned())}
                items_by={state.items_by()} shown_threat={state.shown_threat()} />
        },
        View::Inventory => {
            let view = InventoryViewProps { check: check.clone(), entry: open_entry.clone() };
            html! { <LazyView<InventoryViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Plan => {
            html! { <LazyView<PlanViewProps> view={PlanViewProps { check: check.clone() }} {lang} onloaded={loaded} /> }
        }
        View::Documents => {
            let view = DocumentsViewProps { check: check.clone(), entry: open_entry.clone() };
            html! { <LazyView<DocumentsViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Periodic => {
            let view = PeriodicViewProps { check: check.clone(), entry: open_entry.clone(), stylesheet };
            html! { <LazyView<PeriodicViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Compare => {
            html! { <LazyView<CompareViewProps> view={CompareViewProps { library: library.clone() }} {lang} onloaded={loaded} /> }
        }
        View::Files => {
            let view = FilesViewProps { library: library.clone(), pending: state.pending_import.clone() };
            html! { <LazyView<FilesViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Report => {
            let view = ReportViewProps {
                check: check.clone(),
                summary: summary.clone(),
                stylesheet,
                entry: open_entry.clone(),
            };
            html! { <LazyView<ReportViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Team => {
            let view = TeamViewProps { check: check.clone(), entry: open_entry.clone(), library: library.clone() };
            html! { <LazyView<TeamViewProps> {view} {lang} onloaded={loaded} /> }
        }
        View::Schedule => {
            let view = ScheduleViewProps { check: check.clone(), entry: open_entry.clone() };
            html! { <LazyView<ScheduleViewProps> {view} {lang} onloaded={loaded} /> }
        }
    }
}
