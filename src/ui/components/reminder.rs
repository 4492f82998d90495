//! The gentle reminder to download a result file: which self-check holds changes no file holds, why in one
//! sentence fitted to the browser, the download itself, and (on the site, where it protects the data) installing
//! the site as an app. A status banner that never blocks work. It comes from a chunk (`ui::lazy`): it is shown
//! rarely, and with it comes the code that makes files.
use std::rc::Rc;

use tics_domain::backup::{reminder, Install, Keeping};
use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use yew::prelude::*;

use crate::ui::components::export_button::ExportButton;
use crate::ui::hooks::install::{install_button, offered};
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::Msg;

#[derive(Properties, PartialEq, Clone)]
pub struct ReminderProps {
    pub entry: Rc<Entry>,
    pub keeping: Keeping,
    /// Installing is offered on the site only: a portal's page is not this app to install.
    pub in_site: bool,
}

#[component(Reminder)]
pub fn reminder_banner(props: &ReminderProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_later = {
        let sc = sc.clone();
        Callback::from(move |_| sc.send(Msg::DismissReminder))
    };
    let install = props.in_site.then(|| props.keeping.install(offered())).flatten();
    let on_install = install_button(sc.clone());
    let sentence = format!("{} {}", reminder(&props.entry).get(lang), props.keeping.why().get(lang));
    html! {
        <div class="tics-banner tics-banner-info" role="status" data-testid="reminder">
            <p>{ sentence }</p>
            if let Some(install) = install {
                <p class="tics-hint" data-testid="install-offer">{ install.text().get(lang).to_owned() }</p>
            }
            <div class="tics-toolbar">
                <ExportButton kind={ExportKind::Json} entry={props.entry.clone()}
                    label={t(lang, "結果ファイル（JSON）をダウンロード", "Download a result file (JSON)")} test_id="reminder-download" />
                if install == Some(Install::Prompt) {
                    <button type="button" onclick={on_install} data-testid="install-app">
                        { t(lang, "アプリとしてインストール", "Install as an app") }</button>
                }
                <button type="button" onclick={on_later} data-testid="reminder-later">{ t(lang, "あとで", "Later") }</button>
            </div>
        </div>
    }
}
