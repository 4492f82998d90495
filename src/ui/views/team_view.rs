//! The team (its own chunk): the owner assigns topics or items to people, hands each their assignment file, and
//! merges the answers that come back, deciding each conflict side by side; in a person's copy, the items handed
//! out and the answers file to send back. Opening an assignment file is offered in any self-check.
use std::rc::Rc;

use tics_domain::library::{Entry, Library};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::team_assignment::TeamAssignment;
use crate::ui::components::team_conflicts::TeamConflicts;
use crate::ui::components::team_merge::TeamMerge;
use crate::ui::components::team_open::TeamOpen;
use crate::ui::components::team_people::TeamPeople;
use crate::ui::components::team_topics::TeamTopics;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq, Clone)]
pub struct TeamViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
    pub library: Rc<Library>,
}

#[component(TeamView)]
pub fn team_view(props: &TeamViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let team = Rc::new(props.check.team());
    // A person's copy answers the owner's hand-out; it assigns nothing itself.
    let owner_side = team.assigned.is_none();
    html! {
        <section class="tics-step" aria-labelledby="tics-team-heading" data-testid="team">
            <h2 id="tics-team-heading">{ t(lang, "チーム", "Team") }</h2>
            if owner_side {
                <p class="tics-hint">{ t(lang,
                    "何人かで分担して回答できます。担当者を加え、トピックや項目を割り当て、担当者ごとの割り当てファイルを渡します。担当者は自分のブラウザーでそのファイルを開いて回答し、回答ファイルを返します。返ってきた回答ファイルをここで取り込みます。ファイルはどこにも送信されません。受け渡しはメールや共有フォルダーなど、社内の方法で行ってください。",
                    "Several people can share the answers. Add people, assign topics or items to them, and hand each their assignment file. Each opens it in their own browser, answers, and hands back an answers file, which you merge here. Nothing is sent anywhere: pass the files on the way your business does (e-mail, a shared folder).") }</p>
                <TeamPeople check={props.check.clone()} team={team.clone()} entry={props.entry.clone()} />
                <TeamTopics check={props.check.clone()} team={team.clone()} />
                if let Some(entry) = &props.entry {
                    <TeamMerge check={props.check.clone()} entry={entry.clone()} library={props.library.clone()} />
                }
                <TeamConflicts team={team.clone()} />
            } else {
                <TeamAssignment check={props.check.clone()} />
            }
            <TeamOpen library={props.library.clone()} />
        </section>
    }
}
