//! The self-check itself: the profile, the target level, the summary, the threats feared most, and every item by
//! topic (one topic at a time in large catalogues) or under each feared threat.
use std::rc::Rc;

use tics_domain::catalogue::Threat;
use tics_domain::scoring::Summary;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::level_choice::LevelChoice;
use crate::ui::components::profile_step::ProfileStep;
use crate::ui::components::summary::SummaryView;
use crate::ui::components::threat_choice::ThreatChoice;
use crate::ui::components::threat_list::ThreatList;
use crate::ui::components::topic_pager::TopicPager;
use crate::ui::components::topic_section::TopicSection;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::{paged, ItemsBy};

#[derive(Properties, PartialEq)]
pub struct CheckViewProps {
    pub check: Rc<SelfCheck>,
    pub summary: Rc<Summary>,
    /// The topic shown when the catalogue is shown one topic at a time.
    pub shown_topic: AttrValue,
    /// How the items are listed (by threat only while a threat is feared).
    pub items_by: ItemsBy,
    /// The threat shown when the list by threat is shown one threat at a time.
    pub shown_threat: Option<Threat>,
}

#[component(CheckView)]
pub fn check_view(props: &CheckViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let check = &props.check;
    html! {
        <>
            <ProfileStep profile={check.profile.clone()} inventory_forms={check.forms_from_inventory().then(|| check.forms())}
                inventory_entrusted={check.inventory.has_entrusted()} />
            <LevelChoice level={check.target_level} />
            <SummaryView summary={props.summary.clone()} check={check.clone()} />
            <section class="tics-catalogue" aria-labelledby="tics-catalogue-heading">
                <h2 id="tics-catalogue-heading">{ t(lang, "3. 項目ごとの確認", "3. Check each item") }</h2>
                <p class="tics-hint">{ t(lang,
                    "各項目の状況を選び、必要ならメモを残してください。「解説と例」で具体的なやり方を確認できます。",
                    "Choose the status of each item and add notes where useful. \"Guidance and examples\" shows how to do it in practice.") }</p>
                <ThreatChoice feared={check.feared_threats.clone()} items_by={props.items_by} />
                if props.items_by == ItemsBy::Threat {
                    <ThreatList check={check.clone()} summary={props.summary.clone()} shown={props.shown_threat} />
                } else if paged(&sc.catalogue) {
                    <TopicPager summary={props.summary.clone()} shown={props.shown_topic.clone()} check={check.clone()} />
                } else {
                    { for sc.catalogue.topics.iter().map(|topic| html! {
                        <TopicSection key={topic.id.clone()} topic={topic.id.clone()} check={check.clone()} />
                    }) }
                }
            </section>
        </>
    }
}
