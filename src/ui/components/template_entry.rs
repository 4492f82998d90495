//! One template in the documents view: its title, what it is for, and its download (and, for a Word document,
//! its print). Links from items and the plan land on its heading.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use tics_domain::templates::Template;
use yew::prelude::*;

use crate::ui::components::document_buttons::DocumentButtons;
use crate::ui::components::export_button::ExportButton;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct TemplateEntryProps {
    pub template: Template,
    pub entry: Rc<Entry>,
}

#[component(TemplateEntry)]
pub fn template_entry(props: &TemplateEntryProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let template = props.template;
    let heading_id = Focus::Template(template.key()).element_id();
    html! {
        <li class="tics-template" data-testid={format!("template-{}", template.key())}>
            <h4 id={heading_id.clone()} tabindex="-1">{ say(template.title(), lang) }</h4>
            <p>{ say(template.purpose(), lang) }</p>
            <p class="tics-hint" data-testid={format!("template-{}-standing", template.key())}>{ say(template.standing(), lang) }</p>
            <div class="tics-toolbar" role="group" aria-labelledby={heading_id}>
                { match template {
                    Template::Register(kind) => html! {
                        <ExportButton kind={ExportKind::Register(kind)} entry={props.entry.clone()}
                            label={format!("{}: {}", t(lang, "Excel をダウンロード", "Download Excel"), say(template.title(), lang))} test_id={format!("template-{}-xlsx", template.key())} />
                    },
                    Template::Document(kind) => html! { <DocumentButtons {kind} entry={props.entry.clone()} /> },
                } }
            </div>
        </li>
    }
}
