//! How large catalogues show one part of the list at a time (a topic, or a feared threat): a menu of the parts,
//! each with its progress, then the chosen part and a button to the next one.
use yew::prelude::*;

/// One part of the list, as the menu names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub key: AttrValue,
    /// A topic's mark (①); threats have none.
    pub mark: Option<AttrValue>,
    pub title: AttrValue,
    pub progress: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// What the parts are, for test IDs: `{kind}-nav`, `show-{kind}-{key}`, `next-{kind}`.
    pub kind: AttrValue,
    /// The menu's accessible name.
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The words before the next part's name on the button to it.
    pub next_label: AttrValue,
    pub pages: Vec<Page>,
    /// The position of the part shown.
    pub current: usize,
    /// Called with the key of the part to show.
    pub onshow: Callback<AttrValue>,
    /// The part shown.
    pub children: Html,
}

#[component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    let kind = &props.kind;
    let show = |key: &AttrValue| {
        let (onshow, key) = (props.onshow.clone(), key.clone());
        Callback::from(move |_| onshow.emit(key.clone()))
    };
    let mark = |page: &Page| page.mark.as_ref().map(|m| format!("{m} ")).unwrap_or_default();
    html! {
        <>
            <nav class="tics-topic-nav" aria-label={props.label.clone()} data-testid={format!("{kind}-nav")}>
                <p class="tics-hint">{ props.hint.clone() }</p>
                <ul role="list">
                    { for props.pages.iter().enumerate().map(|(n, page)| html! {
                        <li>
                            <button type="button" class="tics-topic-link" aria-current={(n == props.current).then_some("true")}
                                onclick={show(&page.key)} data-testid={format!("show-{kind}-{}", page.key)}>
                                if let Some(mark) = &page.mark {
                                    <span class="tics-topic-mark" aria-hidden="true">{ mark.clone() }</span>
                                }
                                <span class="tics-topic-link-title">{ page.title.clone() }</span>
                                <span class="tics-topic-progress">{ page.progress.clone() }</span>
                            </button>
                        </li>
                    }) }
                </ul>
            </nav>
            { props.children.clone() }
            if let Some(next) = props.pages.get(props.current + 1) {
                <p class="tics-topic-next">
                    <button type="button" onclick={show(&next.key)} data-testid={format!("next-{kind}")}>
                        { format!("{} {}{}", props.next_label, mark(next), next.title) }
                    </button>
                </p>
            }
        </>
    }
}
