//! One catalogue item: badges, requirement, guidance on demand, status, note, checker, date and overrides.
use std::rc::Rc;

use tics_domain::selfcheck::Scope;
use tics_domain::vocab::{forms_text, jama_shared_note, level_name, scope_note, threats_text};
use tics_domain::{Action, Answer, Catalogue, Item, Lang, SelfCheck, Status};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::components::evidence_panel::EvidencePanelProps;
use crate::ui::components::guidance_body::GuidanceBody;
use crate::ui::components::lazy_view::LazyView;
use crate::ui::components::template_links::TemplateLinks;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::focus::{item_dom, Focus};
use crate::ui::state::i18n::{say, t};
use crate::ui::state::ime;
use crate::ui::state::reducer::After;

#[derive(Properties)]
pub struct ItemCardProps {
    /// Index of the item in the catalogue.
    pub index: usize,
    pub scope: Scope,
    /// The whole self-check; the card reads only its own answer (see the `PartialEq` below).
    pub check: Rc<SelfCheck>,
    /// The item's ID (compared, so a card never shows another item's answer).
    pub item: AttrValue,
    /// The inventory serves the item (`Item::served_by_inventory`): the card shows the inventory's state.
    #[prop_or_default]
    pub inventory_state: bool,
}

/// A card re-renders only when its own item, scope or answer changed — not on every change of the self-check —
/// so one toggle renders one card even in a catalogue of a thousand items. The few cards that show the inventory's
/// state also re-render when the inventory changes. (The language and catalogue come from
/// the context, which re-renders the card itself when they change.)
impl PartialEq for ItemCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.item == other.item
            && self.scope == other.scope
            && self.check.answer(&self.item) == other.check.answer(&other.item)
            && self.inventory_state == other.inventory_state
            && (!self.inventory_state || self.check.inventory == other.check.inventory)
            && self.check.evidence.0.get(self.item.as_str()) == other.check.evidence.0.get(other.item.as_str())
    }
}

#[component(ItemCard)]
pub fn item_card(props: &ItemCardProps) -> Html {
    let sc = use_self_check();
    let open = use_state(|| false);
    let evidence_open = use_state(|| false);
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
    let Some(sc) = sc else {
        return Html::default();
    };
    let Some(item) = sc.catalogue.items.get(props.index) else {
        return Html::default();
    };
    let lang = sc.lang;
    let answer = props.check.answer(&item.id).cloned().unwrap_or_default();
    let id = item.id.clone();
    let dom = item_dom(&item.id);
    let title_id = Focus::ItemTitle(id.clone()).element_id();
    let header = card_header(item, lang, &title_id);

    if !props.scope.in_scope() {
        return out_of_scope_card(&sc, item, &props.scope, header, title_id);
    }
    let scope_note = scope_note(&props.scope).map(|n| say(n, lang));

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };

    html! {
        <article class={classes!("tics-card", answer.status.map(|s| format!("tics-card-{}", s.key())))}
            aria-labelledby={title_id} data-testid={format!("item-{id}")}>
            { header }
            <p class="tics-req">{ item.requirement.get(lang).to_owned() }</p>
            { item_meta(item, &sc.catalogue, lang) }
            if let Some(note) = scope_note { <p class="tics-scope">{ note }</p> }
            <details class="tics-guidance" ontoggle={on_toggle}>
                <summary>{ t(lang, "解説と例", "Guidance and examples") }</summary>
                if *open {
                    <GuidanceBody item={item.id.clone()} guidance={item.guidance.clone()} examples={item.examples.clone()}
                        later={item.guidance_later} />
                }
            </details>
            { evidence_fold_out(&props.check, &id, lang, &evidence_open) }
            <TemplateLinks item={item.id.clone()} templates={item.templates.clone()}
                inventory={props.inventory_state.then(|| props.check.inventory.state())} />
            { status_radios(&sc, &id, &dom, generation, answer.status) }
            if answer.status == Some(Status::NotApplicable) {
                { reason_field(&sc, &id, &dom, &answer) }
            }
            { answer_fields(&sc, &id, &dom, &answer) }
            { card_actions(&sc, &id, matches!(props.scope, Scope::Added), &aside_form, &aside_reason) }
        </article>
    }
}

/// The item's evidence index, folded away with its count; its panel comes from a chunk when first opened.
fn evidence_fold_out(check: &SelfCheck, id: &str, lang: Lang, open: &UseStateHandle<bool>) -> Html {
    // The entries as kept (JSON): the panel reads them as its own type, in its chunk.
    let entries = Rc::new(check.evidence.0.get(id).cloned().unwrap_or_default());
    let count = check.evidence.entries(id);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    html! {
        <details class="tics-evidence" ontoggle={on_toggle} data-testid={format!("evidence-{id}")}>
            <summary>{ format!("{} ({count})", t(lang, "証跡", "Evidence")) }</summary>
            if **open {
                <LazyView<EvidencePanelProps> {lang} view={EvidencePanelProps { item: AttrValue::from(id.to_owned()), entries }} />
            }
        </details>
    }
}

/// Adding, setting aside and bringing back move the card: focus stays on its main button.
fn moving(sc: &SelfCheckContext, id: &str) -> impl Fn(Action) + Clone + 'static {
    let (sc, id) = (sc.clone(), id.to_owned());
    move |action: Action| sc.change_then(action, After::focus(Focus::ItemAction(id.clone())))
}

/// The callback that undoes the item's override (brings it back, or takes it out again), moving the card.
fn clear_override(sc: &SelfCheckContext, id: &str) -> Callback<MouseEvent> {
    let (moving, id) = (moving(sc, id), id.to_owned());
    Callback::from(move |_| moving(Action::ClearOverride(id.clone())))
}

/// The callback that puts what was typed into one of the answer's text fields.
fn text_action(sc: &SelfCheckContext, id: &str, make: fn(String, String) -> Action) -> Callback<InputEvent> {
    let (sc, id) = (sc.clone(), id.to_owned());
    Callback::from(move |e: InputEvent| {
        sc.change(make(id.clone(), e.target_unchecked_into::<HtmlInputElement>().value()))
    })
}

/// Renders the card's head: level, checksheet and importance badges, the title, and why the level is what it is.
fn card_header(item: &Item, lang: Lang, title_id: &str) -> Html {
    let id = &item.id;
    // A level-3 measure that is not in the training material's "higher level" lists says why it is advanced, next
    // to its badge, so the reader can weigh the level rather than take it on trust.
    html! {
        <>
            <div class="tics-card-head">
                <span class={classes!("tics-badge", format!("tics-badge-l{}", item.level))}>{ say(level_name(item.level), lang) }</span>
                if let Some(cs) = item.checksheet {
                    <span class="tics-badge tics-badge-cs">{ format!("{} {cs}", t(lang, "チェックシート", "Checksheet")) }</span>
                }
                <span class="tics-badge tics-badge-imp">{ say(item.importance.label(), lang) }</span>
                <h4 id={title_id.to_owned()} class="tics-card-title" tabindex="-1">{ item.title.get(lang).to_owned() }</h4>
            </div>
            if let Some(basis) = &item.level_basis {
                <p class="tics-level-basis" data-testid={format!("level-basis-{id}")}>
                    { format!("{}{}", t(lang, "レベルの根拠：", "Why this level: "), basis.get(lang)) }
                </p>
            }
        </>
    }
}

/// Renders the card of an item outside the self-check: its head, requirement, why it is out, and the button that
/// brings it back (set aside) or adds it (out of scope).
fn out_of_scope_card(sc: &SelfCheckContext, item: &Item, scope: &Scope, header: Html, title_id: String) -> Html {
    let (lang, id) = (sc.lang, item.id.clone());
    let action_id = Focus::ItemAction(id.clone()).element_id();
    let include = {
        let (moving, id) = (moving(sc, &id), id.clone());
        Callback::from(move |_| moving(Action::Include(id.clone())))
    };
    html! {
        <article class="tics-card tics-card-out" aria-labelledby={title_id} data-testid={format!("item-{id}")}>
            { header }
            <p class="tics-req">{ item.requirement.get(lang).to_owned() }</p>
            if let Some(note) = scope_note(scope).map(|n| say(n, lang)) { <p class="tics-scope">{ note }</p> }
            if matches!(scope, Scope::SetAside(_)) {
                <button type="button" id={action_id} onclick={clear_override(sc, &id)}>{ t(lang, "対象に戻す", "Bring back") }</button>
            } else {
                <button type="button" id={action_id} onclick={include} data-testid={format!("include-{id}")}>{ t(lang, "この項目も確認する", "Check this item too") }</button>
            }
        </article>
    }
}

/// Renders the item's facts: the forms and threats it is about, the criteria, crosswalk and JAMA/JAPIA references.
fn item_meta(item: &Item, catalogue: &Catalogue, lang: Lang) -> Html {
    html! {
        <dl class="tics-meta">
            <dt>{ t(lang, "対象", "Applies to") }</dt><dd>{ say(forms_text(&item.forms), lang) }</dd>
            <dt>{ t(lang, "想定する脅威", "Threats") }</dt><dd>{ say(threats_text(&item.threats), lang) }</dd>
            if let Some(c) = &item.criteria {
                // The criteria's own numbering, in Japanese in either language.
                <dt>{ t(lang, "認証基準", "Criteria") }</dt><dd lang="ja">{ c.clone() }</dd>
            }
            { for catalogue.columns.iter().filter_map(|c| item.crosswalk.get(&c.id).map(|r| html! {
                <><dt>{ c.label.get(lang).to_owned() }</dt><dd>{ r.clone() }</dd></>
            })) }
            if !item.jama.is_empty() {
                <dt>{ t(lang, "自工会・部工会ガイドライン", "JAMA/JAPIA guideline") }</dt>
                <dd>
                    { catalogue.jama_labels(item).iter().map(|n| format!("No.{n}")).collect::<Vec<_>>().join(", ") }
                    // 表4-1's ※, explained where it appears.
                    if item.jama.iter().any(|&n| catalogue.jama_shared(n)) {
                        <span class="tics-jama-note">{ say(jama_shared_note(), lang) }</span>
                    }
                </dd>
            }
        </dl>
    }
}

/// Renders the status radios; `generation` numbers the group's name (see the card).
fn status_radios(sc: &SelfCheckContext, id: &str, dom: &str, generation: u32, checked: Option<Status>) -> Html {
    let lang = sc.lang;
    let status_radio = |status: Status| {
        let (sc, item_id) = (sc.clone(), id.to_owned());
        let onchange = Callback::from(move |_: Event| sc.answer(&item_id, status));
        let input_id = format!("{dom}-s-{}", status.key());
        html! {
            <span class={classes!("tics-status", format!("tics-status-{}", status.key()), (checked == Some(status)).then_some("tics-status-checked"))}>
                <input type="radio" id={input_id.clone()} name={format!("{dom}-status-{generation}")} value={status.key()}
                    checked={checked == Some(status)} {onchange} data-testid={format!("status-{id}-{}", status.key())} />
                <label for={input_id}>{ say(status.label(), lang) }</label>
            </span>
        }
    };
    html! {
        <fieldset class="tics-statuses">
            <legend>{ t(lang, "状況", "Status") }</legend>
            { for Status::ALL.into_iter().map(status_radio) }
        </fieldset>
    }
}

/// Renders the required reason of an item that does not apply, with its error while it is missing.
fn reason_field(sc: &SelfCheckContext, id: &str, dom: &str, answer: &Answer) -> Html {
    let lang = sc.lang;
    let needs_reason = answer.needs_reason();
    html! {
        <div class="tics-field">
            <label for={format!("{dom}-reason")}>{ t(lang, "対象外とする理由（必須）", "Why it does not apply (required)") }</label>
            <input id={format!("{dom}-reason")} type="text" value={answer.reason.clone()} required=true
                aria-invalid={needs_reason.to_string()} aria-describedby={needs_reason.then(|| format!("{dom}-reason-msg"))}
                oninput={text_action(sc, id, |item, text| Action::SetReason { item, text })} data-testid={format!("reason-{id}")} />
            if needs_reason {
                <p id={format!("{dom}-reason-msg")} class="tics-field-error">{ t(lang, "理由を書くまで、この項目は未回答として扱われます。", "Until you give a reason, this item counts as unanswered.") }</p>
            }
        </div>
    }
}

/// Renders the answer's note, checker and date fields.
fn answer_fields(sc: &SelfCheckContext, id: &str, dom: &str, answer: &Answer) -> Html {
    let lang = sc.lang;
    let on_note = {
        let (sc, id) = (sc.clone(), id.to_owned());
        Callback::from(move |e: InputEvent| {
            sc.change(Action::SetNote {
                item: id.clone(),
                text: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            })
        })
    };
    let on_date = {
        let (sc, id) = (sc.clone(), id.to_owned());
        Callback::from(move |e: Event| {
            sc.change(Action::SetDate { item: id.clone(), text: e.target_unchecked_into::<HtmlInputElement>().value() })
        })
    };
    html! {
        <div class="tics-fields">
            <div class="tics-field tics-field-wide">
                <label for={format!("{dom}-note")}>{ t(lang, "メモ（現状、根拠となる記録など）", "Note (current state, records that show it)") }</label>
                <textarea id={format!("{dom}-note")} rows="2" value={answer.note.clone()} oninput={on_note} data-testid={format!("note-{id}")} />
            </div>
            <div class="tics-field">
                <label for={format!("{dom}-checker")}>{ t(lang, "確認者", "Checked by") }</label>
                <input id={format!("{dom}-checker")} type="text" value={answer.checker.clone()}
                    oninput={text_action(sc, id, |item, text| Action::SetChecker { item, text })} />
            </div>
            <div class="tics-field">
                <label for={format!("{dom}-date")}>{ t(lang, "確認日", "Date checked") }</label>
                <input id={format!("{dom}-date")} type="date" value={answer.date.clone()} onchange={on_date} />
            </div>
        </div>
    }
}

/// Renders the card's actions: undoing an addition, or setting the item aside (a button, then a form asking why).
fn card_actions(
    sc: &SelfCheckContext,
    id: &str,
    added: bool,
    aside_form: &UseStateHandle<bool>,
    aside_reason: &UseStateHandle<String>,
) -> Html {
    let lang = sc.lang;
    let action_id = Focus::ItemAction(id.to_owned()).element_id();
    let on_aside_open = {
        let (aside_form, sc, id) = (aside_form.clone(), sc.clone(), id.to_owned());
        Callback::from(move |_| {
            aside_form.set(true);
            sc.focus(Focus::AsideReason(id.clone()));
        })
    };
    let on_aside_input = {
        let aside_reason = aside_reason.clone();
        Callback::from(move |e: InputEvent| aside_reason.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_aside_confirm = {
        let (moving, id, aside_reason, aside_form) =
            (moving(sc, id), id.to_owned(), aside_reason.clone(), aside_form.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !aside_reason.trim().is_empty() {
                moving(Action::SetAside { item: id.clone(), reason: (*aside_reason).clone() });
                aside_form.set(false);
            }
        })
    };
    // Closing the form without setting the item aside hands focus back to the button that opened it.
    let close_aside = {
        let (aside_form, sc, id) = (aside_form.clone(), sc.clone(), id.to_owned());
        move || {
            aside_form.set(false);
            sc.focus(Focus::ItemAction(id.clone()));
        }
    };
    let on_aside_cancel = {
        let close_aside = close_aside.clone();
        Callback::from(move |_| close_aside())
    };
    let on_aside_key = ime::keys_with_escape(close_aside);
    let aside_input_id = Focus::AsideReason(id.to_owned()).element_id();
    html! {
        <div class="tics-card-actions">
            if added {
                <button type="button" id={action_id} onclick={clear_override(sc, id)}>{ t(lang, "追加を取り消す", "Remove from my self-check") }</button>
            } else if **aside_form {
                <form class="tics-aside" onsubmit={on_aside_confirm}>
                    <label for={aside_input_id.clone()}>{ t(lang, "対象から外す理由（必須）", "Reason for setting it aside (required)") }</label>
                    <input id={aside_input_id} type="text" required=true value={(**aside_reason).clone()} oninput={on_aside_input} onkeydown={on_aside_key}
                        data-testid={format!("aside-reason-{id}")} />
                    <button type="submit" disabled={aside_reason.trim().is_empty()}>{ t(lang, "外す", "Set aside") }</button>
                    <button type="button" onclick={on_aside_cancel}>{ t(lang, "やめる", "Cancel") }</button>
                </form>
            } else {
                <button type="button" id={action_id} class="tics-link-button" onclick={on_aside_open} data-testid={format!("aside-{id}")}>
                    { t(lang, "この項目を対象から外す…", "Set this item aside…") }
                </button>
            }
        </div>
    }
}
