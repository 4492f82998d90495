//! The notices of team work and deadlines (their own chunk, loaded only for a self-check that has a
//! certification date, a merge to decide, or is a person's copy): what is due within 30 days or overdue, the
//! conflicts waiting for the owner, and, in a person's copy, whose items these are and how to send them back.
//! Each is a polite status: it informs on opening and never interrupts.
use std::rc::Rc;

use tics_domain::deadlines::{deadlines, due_soon};
use tics_domain::vocab::{assignment_notice, conflicts_notice, deadlines_notice, due_line};
use tics_domain::SelfCheck;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::view::View;

#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    pub check: Rc<SelfCheck>,
}

#[component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let open = |view: View| {
        let sc = sc.clone();
        Callback::from(move |_: MouseEvent| sc.show(view, Focus::ViewTab(view)))
    };
    let list = props.check.certification().map(|c| deadlines(&sc.catalogue, &props.check, &c)).unwrap_or_default();
    let today = sc.today();
    let soon = due_soon(&list, &today);
    let team = props.check.team();
    let deadlines_notice = (!soon.is_empty()).then(|| {
        html! {
            <div class="tics-banner tics-banner-warn" role="status" data-testid="notice-deadlines">
                <p>{ say(deadlines_notice(soon.len()), lang) }</p>
                <ul>{ for soon.iter().map(|(d, due)| html! {
                    <li key={d.key()}>{ say(due_line(d, *due), lang) }</li>
                }) }</ul>
                <div class="tics-toolbar">
                    <button type="button" onclick={open(View::Schedule)} data-testid="notice-open-schedule">
                        { t(lang, "予定を開く", "Open the schedule") }</button>
                </div>
            </div>
        }
    });
    let conflicts_notice = (!team.conflicts.is_empty()).then(|| {
        html! {
            <div class="tics-banner tics-banner-info" role="status" data-testid="notice-conflicts">
                <p>{ say(conflicts_notice(team.conflicts.len()), lang) }</p>
                <div class="tics-toolbar">
                    <button type="button" onclick={open(View::Team)} data-testid="notice-open-conflicts">
                        { t(lang, "チーム画面で決める", "Decide in the Team view") }</button>
                </div>
            </div>
        }
    });
    let assigned_notice = team.assigned.as_ref().map(|a| {
        let said = assignment_notice(&a.owner.name, &a.handed_out.person.name, a.handed_out.given.len());
        html! {
            <div class="tics-banner tics-banner-info" role="status" data-testid="notice-assigned">
                <p>{ say(said, lang) }</p>
                <div class="tics-toolbar">
                    <button type="button" onclick={open(View::Team)} data-testid="notice-open-team">
                        { t(lang, "チーム画面を開く", "Open the Team view") }</button>
                </div>
            </div>
        }
    });
    html! {
        <div class="tics-notices" data-testid="notices">
            { for assigned_notice }
            { for conflicts_notice }
            { for deadlines_notice }
        </div>
    }
}
