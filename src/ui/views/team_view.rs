//! The team (its own chunk): the owner assigns topics or items to people, hands each their assignment file, and
//! merges the answers that come back, deciding each conflict side by side; in a person's copy, the items handed
//! out and the answers file to send back.
use std::rc::Rc;

use tics_domain::library::{Entry, Library};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq, Clone)]
pub struct TeamViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
    pub library: Rc<Library>,
}

#[component(TeamView)]
pub fn team_view(_props: &TeamViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    html! {
        <section class="tics-step" aria-labelledby="tics-team-heading" data-testid="team">
            <h2 id="tics-team-heading">{ t(lang, "チーム", "Team") }</h2>
        </section>
    }
}
