//! The self-check's header: title (when not inside the site), the association's branding, what the tool does,
//! the language switch, and which self-check is open.
use std::rc::Rc;

use tics_domain::backup::{file_status, Keeping};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::Lang;
use yew::prelude::*;

use crate::ui::components::markdown::Markdown;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::{After, Msg};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub library: Rc<Library>,
    /// Inside the site the page carries the title, and the site's language switch rules.
    pub in_site: bool,
    /// How the browser keeps the data, once known.
    pub keeping: Option<Keeping>,
}

#[component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let other_lang = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let on_lang = {
        let sc = sc.clone();
        Callback::from(move |_| sc.send(Msg::SetLang(other_lang)))
    };
    let on_open = {
        let sc = sc.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            sc.library(LibraryAction::Open(id), After::default());
        })
    };
    html! {
        <header class="tics-header">
            if !props.in_site {
                // Not a heading: the host page has its own h1 and the widget sits inside its outline.
                <p class="tics-title">{ t(lang, "技術情報管理 セルフチェック", "TICS Self-Check") }</p>
            }
            if let Some(branding) = &sc.catalogue.branding {
                <div class="tics-branding" data-testid="branding">
                    <p class="tics-branding-name">{ branding.name.get(lang).to_owned() }</p>
                    if let Some(intro) = &branding.intro {
                        <Markdown source={AttrValue::from(intro.get(lang).to_owned())} />
                    }
                </div>
            }
            <p class="tics-lead">{ t(lang,
                "技術情報管理認証制度の基準に沿って、自社の情報管理を自分で確認できます。入力内容はこのブラウザの中だけに保存され、どこにも送信されません。",
                "Check your own management of technical information against the criteria of Japan's Technology Information Management Certification System (TICS). What you enter stays in this browser and is never sent anywhere.") }</p>
            if !props.in_site {
                <button type="button" class="tics-lang" onclick={on_lang} lang={other_lang.tag()} data-testid="lang-toggle">
                    { match other_lang { Lang::En => "English", Lang::Ja => "日本語" } }
                </button>
            }
            <div class="tics-open">
                <label for="tics-open-select">{ t(lang, "開いているセルフチェック", "Open self-check") }</label>
                <select id="tics-open-select" onchange={on_open} data-testid="open-select" aria-describedby="tics-keeping">
                    { for props.library.entries.iter().map(|e| html! {
                        <option value={e.id.clone()} selected={e.id == props.library.open}>{ e.name.clone() }</option>
                    }) }
                </select>
                // Where the work is safe: the last result file, and whether the browser agreed to keep the data.
                <p id="tics-keeping" class="tics-keeping tics-hint">
                    if let Some(entry) = props.library.open_entry() {
                        <span data-testid="file-status">{ file_status(entry).get(lang).to_owned() }</span>
                    }
                    <span data-testid="kept-status">
                        { props.keeping.map_or_else(Keeping::checking, |k| k.kept()).get(lang).to_owned() }
                    </span>
                </p>
            </div>
        </header>
    }
}
