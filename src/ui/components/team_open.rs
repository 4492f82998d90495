//! Opening an assignment file someone handed over: read and checked here, then opened as a new self-check (the
//! person's copy), or refused with the reason.
use std::rc::Rc;

use tics_domain::library::Library;
use tics_domain::team_files::{read_assignment, Refused};
use yew::prelude::*;

use crate::ui::hooks::files::{read, take_chosen};
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct TeamOpenProps {
    pub library: Rc<Library>,
}

#[component(TeamOpen)]
pub fn team_open(props: &TeamOpenProps) -> Html {
    // The library when the file has been read (a new self-check is named apart from those there then).
    let latest = use_mut_ref(|| props.library.clone());
    *latest.borrow_mut() = props.library.clone();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_input = {
        let sc = sc.clone();
        Callback::from(move |e: Event| {
            let Some(chosen) = take_chosen(&e) else { return };
            let file = chosen.name();
            let (sc, latest) = (sc.clone(), latest.clone());
            read(chosen, move |picked| {
                let opened = picked.map_err(|why| Refused { file: file.clone(), why }).and_then(|picked| {
                    read_assignment(&picked.bytes, &sc.catalogue).map_err(|e| Refused { file, why: e.message() })
                });
                match opened {
                    Ok((owner, check)) => {
                        let library = latest.borrow().clone();
                        sc.open_assignment(&library, &owner.name, check);
                    }
                    Err(refused) => sc.fail(refused.text()),
                }
            });
        })
    };
    html! {
        <section aria-labelledby="tics-team-open-heading" data-testid="team-open">
            <h3 id="tics-team-open-heading">{ t(lang, "割り当てファイルを開く", "Open an assignment file") }</h3>
            <p class="tics-hint" id="tics-team-open-hint">{ t(lang,
                "ほかの人から割り当てファイルを受け取ったら、ここで開きます。新しいセルフチェックとして開き、割り当てられた項目だけを回答できます。今のセルフチェックは変わりません。",
                "When someone hands you an assignment file, open it here. It opens as a new self-check showing only the items assigned to you; the self-check open now does not change.") }</p>
            <div class="tics-field">
                <label for="tics-team-open">{ t(lang, "割り当てファイルを開く（.json）", "Open an assignment file (.json)") }</label>
                <input id="tics-team-open" type="file" accept=".json,application/json" onchange={on_input}
                    aria-describedby="tics-team-open-hint" data-testid="team-open-input" />
            </div>
        </section>
    }
}
