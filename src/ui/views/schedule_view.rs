//! The schedule (its own chunk): the date of certification (or of the planned audit) and its validity, the
//! deadlines worked out from them, and the calendar file that carries them to Outlook or Google Calendar.
use std::rc::Rc;

use tics_domain::library::Entry;
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq, Clone)]
pub struct ScheduleViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
}

#[component(ScheduleView)]
pub fn schedule_view(_props: &ScheduleViewProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    html! {
        <section class="tics-step" aria-labelledby="tics-schedule-heading" data-testid="schedule">
            <h2 id="tics-schedule-heading">{ t(lang, "予定", "Schedule") }</h2>
        </section>
    }
}
