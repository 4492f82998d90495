//! An item's evidence index (its own chunk, loaded when the card's fold-out opens): what shows the measure is in
//! place, where it is kept, its date or version and who checked it, and a file's SHA-256 fingerprint taken in a
//! worker from a file that never leaves the browser.
use std::rc::Rc;

use tics_domain::evidence::{edit, entries_of, EvidenceAction, EvidenceEntry};
use yew::prelude::*;

use crate::ui::components::evidence_fingerprint::EvidenceFingerprint;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq, Clone)]
pub struct EvidencePanelProps {
    pub item: AttrValue,
    /// The item's entries as the self-check keeps them (JSON: `Vec<tics_domain::evidence::EvidenceEntry>`, or
    /// null); read here, in the panel's chunk.
    pub entries: Rc<serde_json::Value>,
}

/// One text field of an entry.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    What,
    KeptAt,
    Version,
    Checker,
}

impl Field {
    const ALL: [Field; 4] = [Field::What, Field::KeptAt, Field::Version, Field::Checker];

    fn key(self) -> &'static str {
        match self {
            Field::What => "what",
            Field::KeptAt => "kept-at",
            Field::Version => "version",
            Field::Checker => "checker",
        }
    }

    fn label(self) -> (&'static str, &'static str) {
        match self {
            Field::What => ("証跡（何の記録か）", "Evidence (what record it is)"),
            Field::KeptAt => ("保管場所", "Where it is kept"),
            Field::Version => ("日付・版", "Date or version"),
            Field::Checker => ("確認者", "Checked by"),
        }
    }

    fn of(self, entry: &mut EvidenceEntry) -> &mut String {
        match self {
            Field::What => &mut entry.what,
            Field::KeptAt => &mut entry.kept_at,
            Field::Version => &mut entry.version,
            Field::Checker => &mut entry.checker,
        }
    }
}

#[component(EvidencePanel)]
pub fn evidence_panel(props: &EvidencePanelProps) -> Html {
    let sc = use_self_check();
    // Set when "add" was pressed, so that the new entry's first field gets focus once it is shown.
    let added = use_state(|| false);
    let last_what = use_node_ref();
    let entries = entries_of(&props.entries);
    {
        let (added, last_what, count) = (added.clone(), last_what.clone(), entries.len());
        use_effect_with(count, move |_| {
            if *added {
                if let Some(input) = last_what.cast::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
                added.set(false);
            }
        });
    }
    let Some(sc) = sc else {
        return Html::default();
    };
    let (lang, item) = (sc.lang, props.item.to_string());
    let on_add = {
        let (sc, item, added) = (sc.clone(), item.clone(), added.clone());
        Callback::from(move |_: MouseEvent| {
            added.set(true);
            sc.change(edit(EvidenceAction::Add { item: item.clone(), entry: EvidenceEntry::default() }));
        })
    };
    let last = entries.len().saturating_sub(1);
    html! {
        <div class="tics-evidence-panel" data-testid={format!("evidence-panel-{item}")}>
            <p class="tics-hint">{ t(lang,
                "審査で見せる記録を書き留めます（何の記録か、どこにあるか、日付や版、確認者）。ファイルの指紋（SHA-256）はこのブラウザの中で計算し、ファイルは送信も保存もしません。",
                "Note the records an audit would look at: what each is, where it is kept, its date or version and who checked it. A file's fingerprint (SHA-256) is computed in this browser; the file is neither sent nor kept.") }</p>
            if entries.is_empty() {
                <p>{ t(lang, "まだ証跡がありません。", "No evidence recorded yet.") }</p>
            }
            <ol class="tics-evidence-list">
                { for entries.iter().enumerate().map(|(n, entry)| {
                    let first = (n == last).then(|| last_what.clone());
                    entry_fields(&sc, &item, n, entry, first)
                }) }
            </ol>
            <button type="button" onclick={on_add} data-testid={format!("evidence-add-{item}")}>
                { t(lang, "証跡を追加", "Add evidence") }
            </button>
        </div>
    }
}

/// One entry: its four fields, its fingerprint, and the button that removes it. `first` is the node of its first
/// field when it is the newest entry (focus goes there after adding).
fn entry_fields(sc: &SelfCheckContext, item: &str, n: usize, entry: &EvidenceEntry, first: Option<NodeRef>) -> Html {
    let lang = sc.lang;
    let dom = format!("ev-{item}-{n}");
    let field = |f: Field| {
        let oninput = {
            let (sc, item, entry) = (sc.clone(), item.to_owned(), entry.clone());
            Callback::from(move |e: InputEvent| {
                let mut entry = entry.clone();
                *f.of(&mut entry) = value(&e);
                sc.change(edit(EvidenceAction::Set { item: item.clone(), index: n, entry }));
            })
        };
        let id = format!("{dom}-{}", f.key());
        let (ja, en) = f.label();
        let node = if f == Field::What { first.clone().unwrap_or_default() } else { NodeRef::default() };
        html! {
            <div class="tics-field">
                <label for={id.clone()}>{ t(lang, ja, en) }</label>
                <input {id} type="text" ref={node} value={f.of(&mut entry.clone()).clone()} {oninput}
                    data-testid={format!("evidence-{}-{item}-{n}", f.key())} />
            </div>
        }
    };
    let on_remove = {
        let (sc, item) = (sc.clone(), item.to_owned());
        Callback::from(move |_: MouseEvent| sc.change(edit(EvidenceAction::Remove { item: item.clone(), index: n })))
    };
    let title = if entry.what.trim().is_empty() {
        format!("{} {}", t(lang, "証跡", "Evidence"), n + 1)
    } else {
        entry.what.clone()
    };
    html! {
        <li class="tics-evidence-entry">
            <fieldset>
                <legend>{ format!("{} {}", t(lang, "証跡", "Evidence"), n + 1) }</legend>
                <div class="tics-fields">{ for Field::ALL.into_iter().map(field) }</div>
                <EvidenceFingerprint item={AttrValue::from(item.to_owned())} index={n} entry={Rc::new(entry.clone())} />
                <button type="button" class="tics-link-button" onclick={on_remove} aria-label={format!("{}: {title}", t(lang, "削除", "Remove"))}
                    data-testid={format!("evidence-remove-{item}-{n}")}>{ t(lang, "この証跡を削除", "Remove this evidence") }</button>
            </fieldset>
        </li>
    }
}
