//! The list by threat: a section per feared threat with the items of the self-check that answer it, each item
//! once (`scoring::threat_order`), and how many items answer none of them. Large catalogues show one threat at
//! a time, as they show one topic at a time.
use std::rc::Rc;

use tics_domain::catalogue::Threat;
use tics_domain::result::{items_progress, unlisted_by_threat};
use tics_domain::scoring::{threat_order, Summary};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::components::pager::{Page, Pager};
use crate::ui::components::threat_section::ThreatSection;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::{paged, Jump};

#[derive(Properties, PartialEq)]
pub struct ThreatListProps {
    pub check: Rc<SelfCheck>,
    pub summary: Rc<Summary>,
    /// The threat shown when the list is paged.
    pub shown: Option<Threat>,
}

#[component(ThreatList)]
pub fn threat_list(props: &ThreatListProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let check = &props.check;
    let order = threat_order(&sc.catalogue, check);
    let others = unlisted_by_threat(&props.summary, &order, lang);
    let section = |(threat, items): &(Threat, Vec<String>)| {
        html! { <ThreatSection key={threat.key()} threat={*threat} items={items.clone()} check={check.clone()} /> }
    };
    let list = if paged(&sc.catalogue) {
        let position = order.iter().position(|(threat, _)| Some(*threat) == props.shown).unwrap_or(0);
        let pages: Vec<Page> = order
            .iter()
            .map(|(threat, ids)| Page {
                key: threat.key().into(),
                mark: None,
                title: say(threat.label(), lang).into(),
                progress: items_progress(check, ids, lang).into(),
            })
            .collect();
        let onshow = {
            let sc = sc.clone();
            Callback::from(move |key: AttrValue| {
                if let Some(threat) = Threat::ALL.into_iter().find(|t| t.key() == key.as_str()) {
                    sc.jump(Jump::Threat(threat));
                }
            })
        };
        html! {
            <Pager kind="threat" label={t(lang, "特に心配な脅威", "Threats you fear most")} {pages} current={position} {onshow}
                hint={t(lang, "項目が多いカタログのため、脅威を 1 つずつ表示しています。", "This catalogue has many items, so the threats are shown one at a time.")}
                next_label={t(lang, "次の脅威へ:", "Next threat:")}>
                { for order.get(position).map(section) }
            </Pager>
        }
    } else {
        html! { <>{ for order.iter().map(section) }</> }
    };
    html! {
        <>
            if let Some(others) = others {
                <p class="tics-hint" data-testid="threat-others">{ others }</p>
            }
            { list }
        </>
    }
}
