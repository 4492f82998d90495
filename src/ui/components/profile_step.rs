//! Step 1: the business's profile — information forms, size, entrusted information, names. Once the inventory
//! names forms (or an entrusted row), those follow from it and are shown as such.
use std::collections::BTreeSet;

use tics_domain::catalogue::InfoForm;
use tics_domain::inventory::form_key;
use tics_domain::vocab::size_choice;
use tics_domain::{Action, OrgSize, Profile};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::view::View;

#[derive(Properties, PartialEq)]
pub struct ProfileStepProps {
    pub profile: Profile,
    /// The forms the inventory's rows take, once any row names one: they decide the forms in scope.
    #[prop_or_default]
    pub inventory_forms: Option<BTreeSet<InfoForm>>,
    /// An inventory row is entrusted information.
    #[prop_or_default]
    pub inventory_entrusted: bool,
}

#[component(ProfileStep)]
pub fn profile_step(props: &ProfileStepProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let to_inventory = {
        let sc = sc.clone();
        Callback::from(move |_| sc.show(View::Inventory, Focus::ViewTab(View::Inventory)))
    };
    let send = move |a: Action| sc.change(a);
    let text_input = |make: fn(String) -> Action| {
        let send = send.clone();
        Callback::from(move |e: InputEvent| send(make(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let size_radio = |size: OrgSize, id: &'static str, label: String| {
        let send = send.clone();
        let onchange = Callback::from(move |_: Event| send(Action::SetSize(size)));
        html! {
            <div class="tics-choice">
                <input type="radio" id={id} name="tics-size" checked={props.profile.size == size} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let on_entrusted = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            send(Action::SetEntrusted(e.target_unchecked_into::<HtmlInputElement>().checked()))
        })
    };

    let from_inventory = props.inventory_forms.is_some();
    let forms = props.inventory_forms.as_ref().unwrap_or(&props.profile.forms);

    html! {
        <section class="tics-step" aria-labelledby="tics-profile-heading" data-testid="profile">
            <h2 id="tics-profile-heading">{ t(lang, "1. 自社の状況", "1. Your situation") }</h2>
            <div class="tics-fields">
                <div class="tics-field">
                    <label for="tics-org">{ t(lang, "事業者名（事業所・部門）", "Business (site or department)") }</label>
                    <input id="tics-org" type="text" autocomplete="organization" value={props.profile.organisation.clone()}
                        oninput={text_input(Action::SetOrganisation)} />
                </div>
                <div class="tics-field">
                    <label for="tics-checker">{ t(lang, "確認者（既定）", "Checked by (default)") }</label>
                    <input id="tics-checker" type="text" autocomplete="name" value={props.profile.checker.clone()}
                        oninput={text_input(Action::SetDefaultChecker)} aria-describedby="tics-checker-hint" />
                    <p id="tics-checker-hint" class="tics-hint">{ t(lang, "項目に回答すると、この名前と今日の日付が記録されます。", "Answering an item records this name and today's date.") }</p>
                </div>
            </div>
            <fieldset class="tics-group" aria-describedby={from_inventory.then_some("tics-forms-from-inventory")}>
                <legend>{ t(lang, "重要情報はどのような形でありますか（当てはまるものすべて）", "What form does your important information take? (all that apply)") }</legend>
                if from_inventory {
                    <p id="tics-forms-from-inventory" class="tics-hint" data-testid="forms-from-inventory">
                        { t(lang, "目録に書いた情報の形態から決まっています。変えるには目録を編集してください。", "These follow from the forms in your inventory. Edit the inventory to change them.") }
                        { " " }
                        <button type="button" class="tics-link-button" onclick={to_inventory.clone()}>{ t(lang, "目録を開く", "Open the inventory") }</button>
                    </p>
                }
                { for InfoForm::ALL.iter().map(|&form| {
                    let id = format!("tics-form-{}", form_key(form));
                    let send = send.clone();
                    let onchange = Callback::from(move |e: Event| {
                        send(Action::SetForm(form, e.target_unchecked_into::<HtmlInputElement>().checked()))
                    });
                    html! {
                        <div class="tics-choice">
                            <input type="checkbox" id={id.clone()} checked={forms.contains(&form)} {onchange}
                                disabled={from_inventory} data-testid={format!("form-{}", form_key(form))} />
                            <label for={id}>{ say(form.label(), lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset class="tics-group">
                <legend>{ t(lang, "組織の規模", "Size of the organisation") }</legend>
                { size_radio(OrgSize::Small, "tics-size-small", say(size_choice(OrgSize::Small), lang)) }
                { size_radio(OrgSize::Large, "tics-size-large", say(size_choice(OrgSize::Large), lang)) }
            </fieldset>
            <div class="tics-choice">
                <input type="checkbox" id="tics-entrusted" checked={props.profile.entrusted || props.inventory_entrusted} onchange={on_entrusted}
                    disabled={props.inventory_entrusted} aria-describedby={props.inventory_entrusted.then_some("tics-entrusted-from-inventory")} data-testid="entrusted" />
                <label for="tics-entrusted">{ t(lang, "取引先などから預かった重要情報がある", "We hold important information entrusted to us by customers or others") }</label>
                if props.inventory_entrusted {
                    <p id="tics-entrusted-from-inventory" class="tics-hint">{ t(lang, "目録に預かった情報があります。", "Your inventory lists entrusted information.") }</p>
                }
            </div>
        </section>
    }
}
