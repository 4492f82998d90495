//! What another tab's save did to this tab's work: values it replaced unseen (each with this tab's value and a
//! button to put it back) and self-checks it deleted (with a button to keep this tab's copy).
use std::rc::Rc;

use tics_domain::library::{Entry, Library};
use tics_domain::sync::describe::{deleted_notice, describe, lost_heading};
use tics_domain::sync::Lost;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::Msg;

#[derive(Properties, PartialEq)]
pub struct SyncNoticesProps {
    pub lost: Rc<Vec<Lost>>,
    pub deleted: Rc<Vec<Entry>>,
    /// The self-checks now, to name what was lost.
    pub library: Rc<Library>,
}

#[component(SyncNotices)]
pub fn sync_notices(props: &SyncNoticesProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let send = |msg: fn(usize) -> Msg, index: usize| {
        let sc = sc.clone();
        Callback::from(move |_| sc.send(msg(index)))
    };
    let lost = props.lost.iter().enumerate().map(|(index, lost)| {
        let view = describe(lost, &props.library, &sc.catalogue);
        html! {
            <li data-testid="sync-lost-item">
                <span>{ view.what.get(lang).to_owned() }</span>{ t(lang, "：", ": ") }
                <q data-testid="sync-lost-value">{ view.mine.get(lang).to_owned() }</q>
                <span class="tics-toolbar">
                    <button type="button" onclick={send(Msg::PutBack, index)} data-testid="sync-put-back">
                        { t(lang, "この値に戻す", "Put this value back") }</button>
                    <button type="button" onclick={send(Msg::DismissLost, index)}>{ t(lang, "閉じる", "Dismiss") }</button>
                </span>
            </li>
        }
    });
    let deleted = props.deleted.iter().enumerate().map(|(index, entry)| {
        let keep = {
            let sc = sc.clone();
            Callback::from(move |_| sc.keep_copy(index))
        };
        html! {
            <div class="tics-banner tics-banner-warn" role="alert" data-testid="sync-deleted" key={entry.id.clone()}>
                <p>{ deleted_notice(&entry.name).get(lang).to_owned() }</p>
                <div class="tics-toolbar">
                    <button type="button" id={Focus::KeepCopy(entry.id.clone()).element_id()} onclick={keep}
                        data-testid="sync-keep-copy">{ t(lang, "写しを残す", "Keep a copy") }</button>
                    <button type="button" onclick={send(Msg::DismissDeleted, index)} data-testid="sync-let-go">
                        { t(lang, "残さない", "Let it go") }</button>
                </div>
            </div>
        }
    });
    html! {
        <>
            if !props.lost.is_empty() {
                <div class="tics-banner tics-banner-warn" role="alert" data-testid="sync-lost">
                    <p>{ lost_heading().get(lang).to_owned() }</p>
                    <ul>{ for lost }</ul>
                </div>
            }
            { for deleted }
        </>
    }
}
