//! The tabs that switch between the self-check's views. Pointing at a tab or moving the keyboard to it fetches
//! its view's chunk, so that the click rarely waits.
use yew::prelude::*;

use crate::ui::lazy::prefetch_view;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::view::View;

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    pub current: View,
}

#[component(ViewTabs)]
pub fn view_tabs(props: &ViewTabsProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let tab = |view: View| {
        let sc = sc.clone();
        let current = props.current == view;
        html! {
            <li>
                <button type="button" id={Focus::ViewTab(view).element_id()} class={classes!("tics-tab", current.then_some("tics-tab-current"))}
                    aria-current={current.then_some("page")} data-testid={format!("view-{}", view.key())}
                    onclick={Callback::from(move |_| sc.set_view(view))}
                    onmouseenter={Callback::from(move |_| prefetch_view(view))}
                    onfocus={Callback::from(move |_| prefetch_view(view))}>
                    { say(view.label(), lang) }
                </button>
            </li>
        }
    };
    html! {
        <nav class="tics-tabs" aria-label={t(lang, "表示の切り替え", "Views")}>
            <ul role="list">{ for View::ALL.into_iter().map(tab) }</ul>
        </nav>
    }
}
