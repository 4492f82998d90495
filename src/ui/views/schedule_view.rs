//! The schedule (its own chunk): the date of certification (or of the planned audit) and its validity, the
//! deadlines worked out from them, and the calendar file that carries them to Outlook or Google Calendar.
use std::rc::Rc;

use tics_domain::calendar::{calendar, utc_stamp};
use tics_domain::deadlines::{
    deadlines, due_soon, rotation_year, rows_of_year, rows_without_year, Certification, Deadline, Due,
};
use tics_domain::export::downloaded;
use tics_domain::library::Entry;
use tics_domain::tables::file_name;
use tics_domain::vocab::{calendar_file, due_label, rows_of_year_heading, rows_without_year_note};
use tics_domain::{Catalogue, Lang, SelfCheck};
use yew::prelude::*;

use crate::ui::components::schedule_form::ScheduleForm;
use crate::ui::hooks::download::use_download;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::view::View;

/// The calendar's media type as the browser is handed it: the words in it are UTF-8, and a calendar program that
/// guesses another encoding shows Japanese garbled.
const ICS_MIME: &str = "text/calendar;charset=utf-8";

#[derive(Properties, PartialEq, Clone)]
pub struct ScheduleViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
}

#[component(ScheduleView)]
pub fn schedule_view(props: &ScheduleViewProps) -> Html {
    let download = use_download();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let certification = props.check.certification();
    let list = certification.as_ref().map(|c| deadlines(&sc.catalogue, &props.check, c)).unwrap_or_default();
    let on_calendar = props.entry.clone().map(|entry| {
        let (sc, list) = (sc.clone(), list.clone());
        Callback::from(move |_: MouseEvent| {
            let stamp = utc_stamp(&sc.now()).unwrap_or_default();
            let ics = calendar(&list, &entry.id, &entry.name, sc.lang, &stamp);
            let name = file_name(&say(calendar_file(), sc.lang), &entry.name, &sc.today(), "ics");
            match download.now(ics.as_bytes(), name, ICS_MIME) {
                Ok(file) => sc.flash(downloaded(&file)),
                Err(e) => sc.fail(e),
            }
        })
    });
    let on_periodic = {
        let sc = sc.clone();
        Callback::from(move |_: MouseEvent| sc.show(View::Periodic, Focus::ViewTab(View::Periodic)))
    };
    let unplanned = rows_without_year(&sc.catalogue, &props.check);
    html! {
        <section class="tics-step" aria-labelledby="tics-schedule-heading" data-testid="schedule">
            <h2 id="tics-schedule-heading">{ t(lang, "予定", "Schedule") }</h2>
            <p class="tics-hint">{ t(lang,
                "認証日（または審査の予定日）と有効期間から、定期報告の目安の日、有効期間の終わり、行動計画の期限を日付の順に並べます。",
                "From the date of certification (or of the planned audit) and the validity, this lists in date order when the periodic reports are about due, when the certification ends, and the action plan's due dates.") }</p>
            <ScheduleForm check={props.check.clone()} certification={certification.clone()} />
            <h3 id="tics-schedule-next">{ t(lang, "これからの予定", "What comes next") }</h3>
            if let Some(certification) = &certification {
                { deadline_list(&sc.catalogue, &props.check, certification, &list, &sc.today(), lang) }
                if unplanned > 0 {
                    <div class="tics-toolbar" data-testid="schedule-unplanned">
                        <p class="tics-hint">{ say(rows_without_year_note(unplanned), lang) }</p>
                        <button type="button" onclick={on_periodic}>{ t(lang, "定期報告を開く", "Open the periodic report") }</button>
                    </div>
                }
                if let Some(on_calendar) = on_calendar {
                    <div class="tics-toolbar">
                        <button type="button" onclick={on_calendar} data-testid="schedule-ics" aria-describedby="tics-schedule-ics-hint">
                            { t(lang, "カレンダーに追加（.ics）", "Add to calendar (.ics)") }</button>
                    </div>
                    <p id="tics-schedule-ics-hint" class="tics-hint">{ t(lang,
                        "Outlook や Google カレンダーに読み込めます。日付を変えてからもう一度読み込むと、同じ予定が更新されます（重複しません）。",
                        "Outlook and Google Calendar import it. Import it again after changing a date and the same events are updated, not added twice.") }</p>
                }
            } else {
                <p data-testid="schedule-empty">{ t(lang,
                    "まだ日付がありません。上の欄に認証日（まだなら審査の予定日）を入れて「この日付で予定を立てる」を押すと、定期報告、有効期間の終わり、行動計画の期限がここに並びます。",
                    "No date yet. Enter the date of certification (or, before it, of the planned audit) above and choose “Work out the deadlines”: the periodic reports, the end of the validity and the action plan's due dates then appear here.") }</p>
            }
        </section>
    }
}

/// The deadlines in date order: each with its date, title and what to do, how near it is in words when it is past
/// or within 30 days, and the periodic report's rows it checks.
fn deadline_list(
    catalogue: &Catalogue,
    check: &SelfCheck,
    certification: &Certification,
    list: &[Deadline],
    today: &str,
    lang: Lang,
) -> Html {
    if list.is_empty() {
        return html! {
            <p data-testid="schedule-none">{ t(lang, "この日付からは予定を計算できません。", "No deadlines follow from this date.") }</p>
        };
    }
    let soon = due_soon(list, today);
    let due_of = |d: &Deadline| soon.iter().find(|(s, _)| s.key() == d.key()).map(|(_, due)| *due);
    html! {
        <ol class="tics-deadlines" aria-labelledby="tics-schedule-next" data-testid="deadlines">
            { for list.iter().map(|d| deadline_row(catalogue, check, certification, d, due_of(d), lang)) }
        </ol>
    }
}

/// One deadline of the list.
fn deadline_row(
    catalogue: &Catalogue,
    check: &SelfCheck,
    certification: &Certification,
    d: &Deadline,
    due: Option<Due>,
    lang: Lang,
) -> Html {
    let key = d.key();
    let rows = rotation_year(d, certification).map(|year| (year, rows_of_year(catalogue, check, year)));
    html! {
        <li key={key.clone()} class={classes!(due.is_some().then_some("tics-deadline-due"))} data-testid={format!("deadline-{key}")}>
            <p class="tics-deadline-head">
                <time class="tics-deadline-date" datetime={d.date.clone()}>{ d.date.clone() }</time>
                <strong>{ d.title.get(lang).to_owned() }</strong>
                if let Some(due) = due {
                    <span class="tics-badge tics-badge-warn" data-testid={format!("deadline-due-{key}")}>{ say(due_label(due), lang) }</span>
                }
            </p>
            <p class="tics-hint">{ d.detail.get(lang).to_owned() }</p>
            if let Some((year, rows)) = rows.filter(|(_, rows)| !rows.is_empty()) {
                <details data-testid={format!("deadline-rows-{key}")}>
                    <summary>{ say(rows_of_year_heading(year, rows.len()), lang) }</summary>
                    <ul>{ for rows.iter().map(|r| html! { <li>{ r.get(lang).to_owned() }</li> }) }</ul>
                </details>
            }
        </li>
    }
}
