//! "Share with my association": the member chooses what the sharing file holds (nothing optional by default)
//! and downloads it; the association's name and contact line come from its overlay.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use tics_domain::share::{offer, ShareOptions};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::components::export_button::ExportButton;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub entry: Rc<Entry>,
}

/// Sets one optional part by its key in the file.
fn with_part(mut options: ShareOptions, key: &str, on: bool) -> ShareOptions {
    match key {
        "organisation" => options.organisation = on,
        "notes" => options.notes = on,
        "plan" => options.plan = on,
        "inventory" => options.inventory = on,
        _ => options.names = on,
    }
    options
}

#[component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let options = use_state(ShareOptions::default);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let branding = sc.catalogue.branding.as_ref();
    html! {
        <section class="tics-share" aria-labelledby="tics-share-heading" data-testid="share">
            <h3 id="tics-share-heading">{ t(lang, "団体と共有する", "Share with my association") }</h3>
            if let Some(b) = branding {
                <p data-testid="share-association">
                    { format!("{}: {}", t(lang, "共有先", "Shared with"), say(b.name.clone(), lang)) }
                </p>
                if let Some(contact) = &b.contact {
                    <p class="tics-hint" data-testid="share-contact">{ say(contact.clone(), lang) }</p>
                }
            }
            <p>{ say(offer(), lang) }</p>
            <p class="tics-hint">{ t(lang,
                "必ず含まれるもの: 各項目の状況、トピック別スコア、達成レベル、確認日、会社の規模・情報の形態・預かり情報の有無（似た会員同士で比べるため）。ファイルはこのブラウザで作られ、送信はされません。団体へはご自身で渡してください。",
                "Always included: each item's status, the scores by topic, the level attained, the dates of checks, and the business's size, information forms and whether it holds entrusted information (to compare like with like). The file is made in this browser and sent nowhere; hand it to your association yourself.") }</p>
            <fieldset>
                <legend>{ t(lang, "含めるもの（任意・初めはすべて含めません）", "Also include (optional; all off to start)") }</legend>
                { for options.parts().into_iter().map(|(key, on, label)| {
                    let id = format!("tics-share-{key}");
                    let onchange = {
                        let options = options.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            options.set(with_part(*options, key, on));
                        })
                    };
                    html! {
                        <div class="tics-choice">
                            <input type="checkbox" id={id.clone()} checked={on} {onchange} data-testid={format!("share-{key}")} />
                            <label for={id}>{ say(label, lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <ExportButton kind={ExportKind::Share(*options)} entry={props.entry.clone()}
                label={t(lang, "共有用ファイルをダウンロード", "Download the file to share")} test_id="download-share" />
        </section>
    }
}
