//! One catalogue item: badges, requirement, guidance on demand, status, note, checker, date and overrides.
use std::rc::Rc;

use tics_domain::catalogue::Forms;
use tics_domain::selfcheck::Scope;
use tics_domain::{Action, Catalogue, Lang, SelfCheck, Status};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::guidance_body::GuidanceBody;
use crate::ui::i18n::{level_name, t};
use crate::ui::ime;
use crate::ui::state::{AppState, Msg};
use crate::web::clock;

#[derive(Properties)]
pub struct ItemCardProps {
    pub catalogue: Rc<Catalogue>,
    /// Index of the item in the catalogue.
    pub index: usize,
    pub scope: Scope,
    /// The whole self-check; the card reads only its own answer (see the `PartialEq` below).
    pub check: Rc<SelfCheck>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

/// A card re-renders only when its own item, scope, answer or language changed — not on every change of the
/// self-check — so one toggle renders one card even in a catalogue of a thousand items.
impl PartialEq for ItemCardProps {
    fn eq(&self, other: &Self) -> bool {
        fn own_answer(p: &ItemCardProps) -> Option<&tics_domain::Answer> {
            p.catalogue.items.get(p.index).and_then(|i| p.check.answer(&i.id))
        }
        Rc::ptr_eq(&self.catalogue, &other.catalogue)
            && self.index == other.index
            && self.scope == other.scope
            && self.lang == other.lang
            && self.dispatcher == other.dispatcher
            && own_answer(self) == own_answer(other)
    }
}

/// The DOM id prefix of an item's card; `{id}-action` is its main button, which takes focus after the card moves.
pub fn dom_id(item: &str) -> String {
    format!("tics-item-{}", item.replace('.', "-"))
}

#[component(ItemCard)]
pub fn item_card(props: &ItemCardProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let aside_form = use_state(|| false);
    let aside_reason = use_state(String::new);
    // The status radios' group name gets a new number each time the card comes back into the self-check. Chromium
    // keeps the state of a removed radio group under its name, and can then leave a new group of the same name
    // out of the Tab order.
    let group = use_mut_ref(|| (props.scope.in_scope(), 0u32));
    let generation = {
        let mut group = group.borrow_mut();
        let in_scope = props.scope.in_scope();
        if in_scope && !group.0 {
            group.1 += 1;
        }
        group.0 = in_scope;
        group.1
    };
    let Some(item) = props.catalogue.items.get(props.index) else {
        return Html::default();
    };
    let answer = props.check.answer(&item.id).cloned().unwrap_or_default();
    let id = item.id.clone();
    let dom = dom_id(&item.id);
    let send = {
        let d = props.dispatcher.clone();
        move |a: Action| d.dispatch(Msg::Do(a))
    };

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    let include = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |_| send(Action::Include(id.clone())))
    };
    let clear_override = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |_| send(Action::ClearOverride(id.clone())))
    };

    let scope_note = match &props.scope {
        Scope::Selected => None,
        Scope::Added => Some(t(lang, "自分で追加した項目です", "You added this item").to_owned()),
        Scope::SetAside(reason) => Some(format!("{}: {reason}", t(lang, "対象から外しました", "Set aside"))),
        Scope::AboveLevel => Some(t(lang, "目標レベルより上の項目です", "Above your target level").to_owned()),
        Scope::NotForProfile => Some(t(lang, "自社の状況からは対象外です", "Not selected by your profile").to_owned()),
    };
    let forms_text = match &item.forms {
        Forms::Any => t(lang, "すべての事業者", "All businesses").to_owned(),
        Forms::Only(forms) => forms.iter().map(|f| f.label().get(lang).to_owned()).collect::<Vec<_>>().join(" / "),
    };

    let header = html! {
        <div class="tics-card-head">
            <span class={classes!("tics-badge", format!("tics-badge-l{}", item.level))}>{ level_name(lang, item.level) }</span>
            if let Some(cs) = item.checksheet {
                <span class="tics-badge tics-badge-cs">{ format!("{} {cs}", t(lang, "チェックシート", "Checksheet")) }</span>
            }
            <span class="tics-badge tics-badge-imp">{ item.importance.label().get(lang).to_owned() }</span>
            <h4 id={format!("{dom}-title")} class="tics-card-title" tabindex="-1">{ item.title.get(lang).to_owned() }</h4>
        </div>
    };

    if !props.scope.in_scope() {
        return html! {
            <article class="tics-card tics-card-out" aria-labelledby={format!("{dom}-title")} data-testid={format!("item-{id}")}>
                { header }
                <p class="tics-req">{ item.requirement.get(lang).to_owned() }</p>
                if let Some(note) = scope_note { <p class="tics-scope">{ note }</p> }
                if matches!(props.scope, Scope::SetAside(_)) {
                    <button type="button" id={format!("{dom}-action")} onclick={clear_override}>{ t(lang, "対象に戻す", "Bring back") }</button>
                } else {
                    <button type="button" id={format!("{dom}-action")} onclick={include} data-testid={format!("include-{id}")}>{ t(lang, "この項目も確認する", "Check this item too") }</button>
                }
            </article>
        };
    }

    let status_radio = |status: Status| {
        let (send, item_id) = (send.clone(), id.clone());
        let onchange = Callback::from(move |_: Event| {
            send(Action::SetStatus { item: item_id.clone(), status: Some(status), today: clock::today() })
        });
        let input_id = format!("{dom}-s-{}", status.key());
        html! {
            <span class={classes!("tics-status", format!("tics-status-{}", status.key()), (answer.status == Some(status)).then_some("tics-status-checked"))}>
                <input type="radio" id={input_id.clone()} name={format!("{dom}-status-{generation}")} value={status.key()}
                    checked={answer.status == Some(status)} {onchange} data-testid={format!("status-{id}-{}", status.key())} />
                <label for={input_id}>{ status.label().get(lang).to_owned() }</label>
            </span>
        }
    };
    let text_action = |make: fn(String, String) -> Action| {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            send(make(id.clone(), e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_note = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            send(Action::SetNote { item: id.clone(), text: e.target_unchecked_into::<HtmlTextAreaElement>().value() })
        })
    };
    let on_date = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |e: Event| {
            send(Action::SetDate { item: id.clone(), text: e.target_unchecked_into::<HtmlInputElement>().value() })
        })
    };
    let aside_input_id = format!("{dom}-aside");
    let on_aside_open = {
        let (aside_form, d, target) = (aside_form.clone(), props.dispatcher.clone(), aside_input_id.clone());
        Callback::from(move |_| {
            aside_form.set(true);
            d.dispatch(Msg::Focus(target.clone()));
        })
    };
    let on_aside_input = {
        let aside_reason = aside_reason.clone();
        Callback::from(move |e: InputEvent| aside_reason.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_aside_confirm = {
        let (send, id, aside_reason, aside_form) = (send.clone(), id.clone(), aside_reason.clone(), aside_form.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !aside_reason.trim().is_empty() {
                send(Action::SetAside { item: id.clone(), reason: (*aside_reason).clone() });
                aside_form.set(false);
            }
        })
    };
    // Closing the form without setting the item aside hands focus back to the button that opened it.
    let close_aside = {
        let (aside_form, d, target) = (aside_form.clone(), props.dispatcher.clone(), format!("{dom}-action"));
        move || {
            aside_form.set(false);
            d.dispatch(Msg::Focus(target.clone()));
        }
    };
    let on_aside_cancel = {
        let close_aside = close_aside.clone();
        Callback::from(move |_| close_aside())
    };
    let on_aside_key = ime::keys_with_escape(close_aside);
    let needs_reason = answer.needs_reason();

    html! {
        <article class={classes!("tics-card", answer.status.map(|s| format!("tics-card-{}", s.key())))}
            aria-labelledby={format!("{dom}-title")} data-testid={format!("item-{id}")}>
            { header }
            <p class="tics-req">{ item.requirement.get(lang).to_owned() }</p>
            <dl class="tics-meta">
                <dt>{ t(lang, "対象", "Applies to") }</dt><dd>{ forms_text }</dd>
                <dt>{ t(lang, "想定する脅威", "Threats") }</dt>
                <dd>{ item.threats.iter().map(|th| th.label().get(lang).to_owned()).collect::<Vec<_>>().join(t(lang, "、", ", ")) }</dd>
                if let Some(c) = &item.criteria {
                    // The criteria's own numbering, in Japanese in either language.
                    <dt>{ t(lang, "認証基準", "Criteria") }</dt><dd lang="ja">{ c.clone() }</dd>
                }
                { for props.catalogue.columns.iter().filter_map(|c| item.crosswalk.get(&c.id).map(|r| html! {
                    <><dt>{ c.label.get(lang).to_owned() }</dt><dd>{ r.clone() }</dd></>
                })) }
                if !item.jama.is_empty() {
                    <dt>{ t(lang, "自工会・部工会ガイドライン", "JAMA/JAPIA guideline") }</dt>
                    <dd>{ item.jama.iter().map(|n| format!("No.{n}")).collect::<Vec<_>>().join(", ") }</dd>
                }
            </dl>
            if let Some(note) = scope_note { <p class="tics-scope">{ note }</p> }
            <details class="tics-guidance" ontoggle={on_toggle}>
                <summary>{ t(lang, "解説と例", "Guidance and examples") }</summary>
                if *open {
                    <GuidanceBody version={props.catalogue.version.split('+').next().unwrap_or_default().to_owned()}
                        item={item.id.clone()} guidance={item.guidance.clone()} examples={item.examples.clone()} {lang} />
                }
            </details>
            <fieldset class="tics-statuses">
                <legend>{ t(lang, "状況", "Status") }</legend>
                { for Status::ALL.into_iter().map(status_radio) }
            </fieldset>
            if answer.status == Some(Status::NotApplicable) {
                <div class="tics-field">
                    <label for={format!("{dom}-reason")}>{ t(lang, "対象外とする理由（必須）", "Why it does not apply (required)") }</label>
                    <input id={format!("{dom}-reason")} type="text" value={answer.reason.clone()} required=true
                        aria-invalid={needs_reason.to_string()} aria-describedby={needs_reason.then(|| format!("{dom}-reason-msg"))}
                        oninput={text_action(|item, text| Action::SetReason { item, text })} data-testid={format!("reason-{id}")} />
                    if needs_reason {
                        <p id={format!("{dom}-reason-msg")} class="tics-field-error">{ t(lang, "理由を書くまで、この項目は未回答として扱われます。", "Until you give a reason, this item counts as unanswered.") }</p>
                    }
                </div>
            }
            <div class="tics-fields">
                <div class="tics-field tics-field-wide">
                    <label for={format!("{dom}-note")}>{ t(lang, "メモ（現状、根拠となる記録など）", "Note (current state, records that show it)") }</label>
                    <textarea id={format!("{dom}-note")} rows="2" value={answer.note.clone()} oninput={on_note} data-testid={format!("note-{id}")} />
                </div>
                <div class="tics-field">
                    <label for={format!("{dom}-checker")}>{ t(lang, "確認者", "Checked by") }</label>
                    <input id={format!("{dom}-checker")} type="text" value={answer.checker.clone()}
                        oninput={text_action(|item, text| Action::SetChecker { item, text })} />
                </div>
                <div class="tics-field">
                    <label for={format!("{dom}-date")}>{ t(lang, "確認日", "Date checked") }</label>
                    <input id={format!("{dom}-date")} type="date" value={answer.date.clone()} onchange={on_date} />
                </div>
            </div>
            <div class="tics-card-actions">
                if matches!(props.scope, Scope::Added) {
                    <button type="button" id={format!("{dom}-action")} onclick={clear_override}>{ t(lang, "追加を取り消す", "Remove from my self-check") }</button>
                } else if *aside_form {
                    <form class="tics-aside" onsubmit={on_aside_confirm}>
                        <label for={aside_input_id.clone()}>{ t(lang, "対象から外す理由（必須）", "Reason for setting it aside (required)") }</label>
                        <input id={aside_input_id} type="text" required=true value={(*aside_reason).clone()} oninput={on_aside_input} onkeydown={on_aside_key}
                            data-testid={format!("aside-reason-{id}")} />
                        <button type="submit" disabled={aside_reason.trim().is_empty()}>{ t(lang, "外す", "Set aside") }</button>
                        <button type="button" onclick={on_aside_cancel}>{ t(lang, "やめる", "Cancel") }</button>
                    </form>
                } else {
                    <button type="button" id={format!("{dom}-action")} class="tics-link-button" onclick={on_aside_open} data-testid={format!("aside-{id}")}>
                        { t(lang, "この項目を対象から外す…", "Set this item aside…") }
                    </button>
                }
            </div>
        </article>
    }
}
