//! One conflict side by side: the item, the owner's answer now and each returned answer with who gave it (status,
//! note, checker, date), and the owner's three ways to decide it.
use tics_domain::team::{Choice, Conflict};
use tics_domain::vocab::{our_answer, status_with_reason, take_theirs, their_answer};
use tics_domain::Answer;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::item_dom;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct TeamConflictProps {
    pub conflict: Conflict,
    /// The item and the owner's choice.
    pub ondecide: Callback<(String, Choice)>,
}

/// The id of a conflict's heading, where focus goes when the conflict before it is decided.
pub fn conflict_heading_id(item: &str) -> String {
    format!("{}-conflict", item_dom(item))
}

#[component(TeamConflict)]
pub fn team_conflict(props: &TeamConflictProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let conflict = &props.conflict;
    let item = conflict.item.clone();
    let heading = conflict_heading_id(&item);
    let title = sc.catalogue.item(&item).map_or_else(|| item.clone(), |i| i.title.get(lang).to_owned());
    let decide = |choice: Choice| {
        let (ondecide, item) = (props.ondecide.clone(), item.clone());
        Callback::from(move |_| ondecide.emit((item.clone(), choice)))
    };
    let answers: Vec<&Answer> = std::iter::once(&conflict.ours).chain(conflict.theirs.iter().map(|(_, a)| a)).collect();
    let row = |label: &'static str, label_en: &'static str, cell: &dyn Fn(&Answer) -> String| {
        html! {
            <tr>
                <th scope="row">{ t(lang, label, label_en) }</th>
                { for answers.iter().map(|a| html! { <td class="tics-team-text">{ cell(a) }</td> }) }
            </tr>
        }
    };
    let status = |a: &Answer| say(status_with_reason(a), lang);
    let blank = |text: &str| if text.trim().is_empty() { "—".to_owned() } else { text.to_owned() };

    html! {
        <article class="tics-card" aria-labelledby={heading.clone()} data-testid={format!("team-conflict-{item}")}>
            <h4 id={heading} tabindex="-1" class="tics-card-title">{ title }</h4>
            <div class="tics-table-scroll">
                <table class="tics-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, "回答の内容", "Answer") }</th>
                            <th scope="col">{ say(our_answer(), lang) }</th>
                            { for conflict.theirs.iter().map(|(p, _)| html! { <th scope="col">{ say(their_answer(p), lang) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { row("状態", "Status", &status) }
                        { row("メモ", "Note", &|a| blank(&a.note)) }
                        { row("確認者", "Checked by", &|a| blank(&a.checker)) }
                        { row("確認日", "Date checked", &|a| blank(&a.date)) }
                    </tbody>
                </table>
            </div>
            <div class="tics-toolbar">
                <button type="button" onclick={decide(Choice::Ours)} data-testid={format!("team-keep-ours-{item}")}>
                    { t(lang, "自分の回答を残す", "Keep my answer") }
                </button>
                { for conflict.theirs.iter().enumerate().map(|(n, (p, _))| html! {
                    <button type="button" onclick={decide(Choice::Theirs(n))} data-testid={format!("team-take-{item}-{n}")}>
                        { say(take_theirs(p), lang) }
                    </button>
                }) }
                <button type="button" onclick={decide(Choice::BothNotes)} data-testid={format!("team-both-notes-{item}")}>
                    { t(lang, "両方のメモを残す", "Keep both notes") }
                </button>
            </div>
        </article>
    }
}
