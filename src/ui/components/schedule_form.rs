//! The schedule's form: the date of certification (or of the planned audit) and its validity, saved together,
//! and a button that forgets them. Part of the schedule's chunk.
use std::rc::Rc;

use tics_domain::deadlines::{deadlines, read_certification, set_certification, Certification, MAX_VALID_YEARS};
use tics_domain::vocab::{certification_forgotten, certification_saved};
use tics_domain::SelfCheck;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::After;

/// The validity offered first: a certification runs three years.
const DEFAULT_YEARS: u8 = 3;

#[derive(Properties, PartialEq, Clone)]
pub struct ScheduleFormProps {
    pub check: Rc<SelfCheck>,
    /// What the self-check holds now.
    pub certification: Option<Certification>,
}

#[component(ScheduleForm)]
pub fn schedule_form(props: &ScheduleFormProps) -> Html {
    let date_ref = use_node_ref();
    let years_ref = use_node_ref();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_save = {
        let (sc, check) = (sc.clone(), props.check.clone());
        let (date_ref, years_ref) = (date_ref.clone(), years_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let date = date_ref.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let years = years_ref.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            match read_certification(&date, &years) {
                Ok(certification) => {
                    let count = deadlines(&sc.catalogue, &check, &certification).len();
                    sc.change_then(set_certification(Some(certification)), After::flash(certification_saved(count)));
                }
                Err(refused) => {
                    sc.fail(refused);
                    if let Some(input) = date_ref.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                    }
                }
            }
        })
    };
    let on_forget = {
        let (sc, date_ref) = (sc.clone(), date_ref.clone());
        Callback::from(move |_: MouseEvent| {
            sc.change_then(set_certification(None), After::flash(certification_forgotten()));
            // The button goes with the date: focus stays in the form, on the field to enter a new one.
            if let Some(input) = date_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        })
    };
    // The fields are not controlled while the user edits them (a date field half typed has no value, and setting
    // it would clear what was typed); they show what the self-check holds whenever that changes.
    let from = props.certification.as_ref().map(|c| c.from.clone()).unwrap_or_default();
    let years = props.certification.as_ref().map_or(DEFAULT_YEARS, |c| c.valid_years);
    html! {
        <form class="tics-schedule-form" onsubmit={on_save} data-testid="schedule-form">
            <div class="tics-fields">
                <div class="tics-field">
                    <label for="tics-schedule-from">{ t(lang, "認証日、または審査の予定日", "Date of certification, or of the planned audit") }</label>
                    <input id="tics-schedule-from" type="date" ref={date_ref} value={from}
                        aria-describedby="tics-schedule-hint" data-testid="schedule-from" />
                </div>
                <div class="tics-field">
                    <label for="tics-schedule-years">{ t(lang, "有効期間", "Validity") }</label>
                    <select id="tics-schedule-years" ref={years_ref} data-testid="schedule-years">
                        { for (1..=MAX_VALID_YEARS).map(|n| html! {
                            <option value={n.to_string()} selected={n == years}>
                                { format!("{n} {}", t(lang, "年", if n == 1 { "year" } else { "years" })) }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
            <p id="tics-schedule-hint" class="tics-hint">{ t(lang,
                "まだ認証を受けていなければ、審査の予定日を入れて計画を立てられます。定期報告などの実際の期日は認証機関が定めます。ここでの日付は、計画を立てるための目安です。",
                "Not certified yet? Enter the planned audit's date to plan ahead. The certification body sets the actual dates of the periodic reports and the rest; the dates here are for planning around.") }</p>
            <div class="tics-toolbar">
                <button type="submit" data-testid="schedule-save">{ t(lang, "この日付で予定を立てる", "Work out the deadlines") }</button>
                if props.certification.is_some() {
                    <button type="button" onclick={on_forget} data-testid="schedule-forget">{ t(lang, "日付を消す", "Remove the date") }</button>
                }
            </div>
        </form>
    }
}
