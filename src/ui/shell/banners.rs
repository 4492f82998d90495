//! What the self-check has to tell the user outside any view: an overlay that could not be used, storage that
//! does not save, a warning from start-up (with the unreadable data to download), and the live regions that
//! announce confirmations and refusals.
use std::rc::Rc;

use tics_domain::catalogue::Problem;
use tics_domain::Message;
use yew::prelude::*;

use crate::ui::hooks::download::use_download;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::{Msg, Notice, Saving};
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    /// Why the embedding page could not load the overlay.
    pub overlay_error: Option<Rc<str>>,
    pub overlay_problems: Rc<Vec<Problem>>,
    pub saving: Saving,
    pub notice: Option<Notice>,
    pub error: Option<Message>,
    pub flash: Option<Message>,
    /// Renders each message as a new node, so the same text given again is announced again.
    pub message_seq: u32,
}

#[component(Banners)]
pub fn banners(props: &BannersProps) -> Html {
    let download = use_download();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_dismiss = {
        let sc = sc.clone();
        Callback::from(move |_| sc.send(Msg::DismissNotice))
    };
    let storage_warning = match &props.saving {
        Saving::On => None,
        Saving::Failed(m) => Some(m.get(lang).to_owned()),
        Saving::Held => Some(
            t(
                lang,
                "入力内容は保存されていません（上の注意をご覧ください）。",
                "What you enter is not being saved (see the notice above).",
            )
            .to_owned(),
        ),
    };
    let notice = props.notice.as_ref().map(|notice| {
        let on_download = notice.unreadable.clone().map(|data| {
            let (sc, download) = (sc.clone(), download.clone());
            Callback::from(move |_| {
                let file = format!("tics-saved-data-{}.json", clock::stamp());
                match download.now(data.as_bytes(), file, "application/json") {
                    Ok(file) => sc.flash(tics_domain::export::downloaded(&file)),
                    Err(e) => sc.fail(e),
                }
            })
        });
        html! {
            <div class="tics-banner tics-banner-warn" role="alert" data-testid="notice">
                <p>{ notice.message.get(lang).to_owned() }</p>
                <div class="tics-toolbar">
                    if let Some(on_download) = on_download {
                        <button type="button" onclick={on_download} data-testid="download-unreadable">
                            { t(lang, "保存データをダウンロード", "Download the saved data") }
                        </button>
                    }
                    <button type="button" onclick={on_dismiss.clone()}>{ t(lang, "閉じる", "Dismiss") }</button>
                </div>
            </div>
        }
    });
    html! {
        <>
            if let Some(why) = &props.overlay_error {
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
            if let Some(warning) = storage_warning {
                <p class="tics-banner tics-banner-warn" role="status" data-testid="storage-warning">{ warning }</p>
            }
            { for notice }
            // Keyed by the message count: the same text given again is a new node, which is announced again.
            <div class="tics-error" role="alert">
                if let Some(e) = &props.error { <p key={props.message_seq} data-testid="error">{ e.get(lang).to_owned() }</p> }
            </div>
            <div class="tics-flash" role="status">
                if let Some(m) = &props.flash { <p key={props.message_seq} data-testid="flash">{ m.get(lang).to_owned() }</p> }
            </div>
        </>
    }
}
