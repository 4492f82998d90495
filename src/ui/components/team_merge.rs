//! Merging the answers files people hand back: several chosen at once, each read and checked (another self-check's,
//! another catalogue's, changed since it was made), the refused listed with their reasons, then the accepted
//! merged together, after the self-check as it was is kept as a copy in the library (so a merge can be undone).
use std::cell::RefCell;
use std::rc::Rc;

use tics_domain::library::{Entry, Library};
use tics_domain::team::merge;
use tics_domain::team_files::{Reading, Refused};
use tics_domain::vocab::merge_nothing_new;
use tics_domain::{SelfCheck, Text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::hooks::files::{files_of, read, Picked};
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct TeamMergeProps {
    pub check: Rc<SelfCheck>,
    /// The owner's self-check: answers files made for another are refused.
    pub entry: Rc<Entry>,
    pub library: Rc<Library>,
}

/// What a merge reads from the props when the last file has been read, not when the files were chosen.
type Latest = (Rc<SelfCheck>, Rc<Entry>, Rc<Library>);

/// A file chosen, by name, and its bytes or why they could not be read.
type Outcome = (String, Result<Picked, Text>);

#[component(TeamMerge)]
pub fn team_merge(props: &TeamMergeProps) -> Html {
    let refused = use_state(|| Rc::new(Vec::<Refused>::new()));
    let summary = use_state(|| None::<Text>);
    let latest = use_mut_ref(|| None::<Latest>);
    *latest.borrow_mut() = Some((props.check.clone(), props.entry.clone(), props.library.clone()));
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;

    let on_input = {
        let (sc, refused, summary) = (sc.clone(), refused.clone(), summary.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let files = files_of(input.files());
            // Cleared, so that choosing the same files again is a change again.
            input.set_value("");
            if files.is_empty() {
                return;
            }
            // Each file's outcome in the order chosen, merged once the last has been read.
            let count = files.len();
            let read_so_far: Rc<RefCell<Vec<Option<Outcome>>>> =
                Rc::new(RefCell::new((0..count).map(|_| None).collect()));
            for (n, file) in files.into_iter().enumerate() {
                let name = file.name();
                let (sc, refused, summary, latest, read_so_far) =
                    (sc.clone(), refused.clone(), summary.clone(), latest.clone(), read_so_far.clone());
                read(file, move |picked| {
                    let all = {
                        let mut so_far = read_so_far.borrow_mut();
                        so_far[n] = Some((name, picked));
                        so_far.iter().all(Option::is_some)
                    };
                    if !all {
                        return;
                    }
                    let files: Vec<Outcome> = read_so_far.borrow_mut().drain(..).flatten().collect();
                    let Some(latest) = latest.borrow().clone() else { return };
                    let reading = finish(&sc, &latest, files);
                    summary.set(reading.refused_text());
                    refused.set(Rc::new(reading.refused));
                });
            }
        })
    };

    html! {
        <section aria-labelledby="tics-team-merge-heading" data-testid="team-merge">
            <h3 id="tics-team-merge-heading">{ t(lang, "回答ファイルの取り込み", "Merge answers files") }</h3>
            <p class="tics-hint" id="tics-team-merge-hint">{ t(lang,
                "担当者から返ってきた回答ファイルを、まとめて選べます。取り込む前のセルフチェックは、セルフチェックの一覧に写しとして残ります。担当者だけが変えた回答は取り込み、確認者が空なら担当者の名前を入れます。自分も変えていた回答は食い違いとして下に並べ、決めるまで今の回答のままにします。",
                "Choose the answers files people handed back, several at once. The self-check as it was is kept as a copy in the list of self-checks. An answer only the person changed is taken, signed with their name when “checked by” is empty; an answer you changed too is listed below as a conflict, and yours stands until you decide.") }</p>
            <div class="tics-field">
                <label for="tics-team-answers">{ t(lang, "回答ファイルを選ぶ（.json、複数可）", "Choose answers files (.json, several at once)") }</label>
                <input id="tics-team-answers" type="file" multiple=true accept=".json,application/json" onchange={on_input}
                    aria-describedby="tics-team-merge-hint" data-testid="team-merge-input" />
            </div>
            // Always there, so that what it comes to hold is announced.
            <div role="status" data-testid="team-refused">
                if let Some(summary) = &*summary {
                    <div class="tics-banner tics-banner-warn">
                        <p>{ say(summary.clone(), lang) }</p>
                        <ul>{ for refused.iter().map(|r| html! { <li>{ say(r.text(), lang) }</li> }) }</ul>
                    </div>
                }
            </div>
        </section>
    }
}

/// Sorts the files read into those to merge and those refused, merges the first into the self-check in `latest`
/// and says what happened; returns the sorting, for the list of refused files.
fn finish(sc: &SelfCheckContext, latest: &Latest, files: Vec<Outcome>) -> Reading {
    let (check, entry, library) = latest;
    let mut reading = Reading::default();
    for (name, picked) in files {
        match picked {
            Ok(picked) => reading.add(&name, &picked.bytes, &sc.catalogue, &entry.id),
            Err(why) => reading.unreadable(&name, why),
        }
    }
    if reading.returned.is_empty() {
        if let Some(text) = reading.refused_text() {
            sc.fail(text);
        }
        return reading;
    }
    let merged = merge(check, &reading.returned);
    if merged.changes(check) {
        // The library keeps the self-check as it was first, and says how many answers were taken and how many
        // conflicts wait.
        sc.merge_answers(library, &entry.name, merged);
    } else {
        sc.flash(merge_nothing_new());
    }
    reading
}
