//! A person's copy: whose assignment it is, the person, the items handed out with how many are answered (each a
//! link to its card), and the answers file to send back.
use std::rc::Rc;

use tics_domain::export::{downloaded, JSON_TYPE};
use tics_domain::team::own_assignment;
use tics_domain::team_files::{answers_file_name, answers_json};
use tics_domain::vocab::status_text;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::jump_link::JumpLink;
use crate::ui::hooks::download::use_download;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::Jump;

#[derive(Properties, PartialEq)]
pub struct TeamAssignmentProps {
    pub check: Rc<SelfCheck>,
}

#[component(TeamAssignment)]
pub fn team_assignment(props: &TeamAssignmentProps) -> Html {
    let download = use_download();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let Some(own) = own_assignment(&sc.catalogue, &props.check) else {
        return Html::default();
    };
    let on_download = {
        let (sc, check) = (sc.clone(), props.check.clone());
        Callback::from(move |_| {
            let (Some(file), Some(name)) =
                (answers_json(&check, &sc.now()), answers_file_name(&check, &sc.today(), sc.lang))
            else {
                return;
            };
            match download.now(file.as_bytes(), name, JSON_TYPE) {
                Ok(name) => sc.flash(downloaded(&name)),
                Err(e) => sc.fail(e),
            }
        })
    };
    let items = own.items.iter().filter_map(|id| sc.catalogue.item(id)).map(|item| {
        let status = props.check.answer(&item.id).and_then(|a| a.effective_status());
        html! {
            <li key={item.id.clone()}>
                <JumpLink to={Jump::Item(item.id.clone())}>{ item.title.get(lang).to_owned() }</JumpLink>
                { format!(" — {}", say(status_text(status), lang)) }
            </li>
        }
    });

    html! {
        <section aria-labelledby="tics-team-assignment-heading" data-testid="team-assignment">
            <h3 id="tics-team-assignment-heading">{ t(lang, "あなたへの割り当て", "Your assignment") }</h3>
            <dl class="tics-meta">
                <dt>{ t(lang, "割り当て元のセルフチェック", "Assigned from the self-check") }</dt>
                <dd data-testid="team-assignment-owner">{ own.owner.name.clone() }</dd>
                <dt>{ t(lang, "担当者", "Assigned to") }</dt>
                <dd data-testid="team-assignment-person">{ own.progress.person.signature() }</dd>
                <dt>{ t(lang, "進み具合", "Progress") }</dt>
                <dd data-testid="team-assignment-progress">{ say(own.progress.text(), lang) }</dd>
            </dl>
            <p class="tics-hint">{ t(lang,
                "セルフチェックの画面には、割り当てられた項目だけが回答できる形で表示されます。回答したら、回答ファイルをダウンロードして、割り当てファイルをくれた人に返してください。確認者が空のままなら、取り込むときにあなたの名前が入ります。",
                "The self-check shows the items assigned to you to answer. When you have answered, download the answers file and hand it back to whoever gave you the assignment file. Where “checked by” is left empty, your name is filled in when it is merged.") }</p>
            <ul data-testid="team-assignment-items">{ for items }</ul>
            <div class="tics-toolbar">
                <button type="button" onclick={on_download} data-testid="team-download-answers">
                    { t(lang, "回答ファイルをダウンロード", "Download the answers file") }
                </button>
            </div>
        </section>
    }
}
