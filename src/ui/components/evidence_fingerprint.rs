//! An evidence entry's file fingerprint (in the evidence panel's chunk): taking it from a file chosen here, and
//! "check again", which says whether a file chosen later is still the same one. The file is hashed in a worker,
//! in pieces with a progress bar, and never leaves the browser or is kept.
use std::rc::Rc;

use tics_domain::evidence::{edit, fingerprint_text, EvidenceAction, EvidenceEntry, Fingerprint, Recheck};
use tics_domain::Text;
use yew::prelude::*;

use crate::ui::hooks::files::take_chosen;
use crate::ui::hooks::hash::{use_hasher, HashState, Hasher};
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq, Clone)]
pub struct EvidenceFingerprintProps {
    pub item: AttrValue,
    pub index: usize,
    pub entry: Rc<EvidenceEntry>,
}

#[component(EvidenceFingerprint)]
pub fn evidence_fingerprint(props: &EvidenceFingerprintProps) -> Html {
    let sc = use_self_check();
    let hasher = use_hasher();
    // What the last "check again" found, said until another file is chosen, with the new file's fingerprint when
    // it differs (the user may then record that one instead).
    let recheck = use_state(|| None::<(Text, Option<Fingerprint>)>);
    let Some(sc) = sc else {
        return Html::default();
    };
    let (lang, item, n) = (sc.lang, props.item.to_string(), props.index);
    let dom = format!("ev-{item}-{n}-file");
    let recorded = props.entry.fingerprint.clone();
    let onchange = {
        let (sc, hasher, recheck, entry) = (sc.clone(), hasher.clone(), recheck.clone(), props.entry.clone());
        Callback::from(move |e: Event| {
            if let Some(file) = take_chosen(&e) {
                recheck.set(None);
                take(&sc, &hasher, &recheck, &item, n, &entry, file);
            }
        })
    };
    let busy = hasher.running();
    let (label_ja, label_en) = match recorded {
        Some(_) => ("もう一度確かめる（ファイルを選ぶ）", "Check again (choose the file)"),
        None => ("ファイルの指紋を取る（ファイルを選ぶ）", "Take the file's fingerprint (choose the file)"),
    };
    html! {
        <div class="tics-fingerprint" data-testid={format!("evidence-fingerprint-{}-{n}", props.item)}>
            if let Some(f) = &props.entry.fingerprint {
                <p>{ say(fingerprint_text(f), lang) }</p>
            } else {
                <p>{ t(lang, "ファイルの指紋はまだありません。", "No file fingerprint yet.") }</p>
            }
            <div class="tics-field">
                <label for={dom.clone()}>{ t(lang, label_ja, label_en) }</label>
                <input id={dom} type="file" disabled={busy} {onchange}
                    data-testid={format!("evidence-file-{}-{n}", props.item)} />
            </div>
            <div role="status" aria-live="polite">
                { progress(lang, hasher.state()) }
                if let Some((found, _)) = &*recheck {
                    <p data-testid={format!("evidence-recheck-{}-{n}", props.item)}>{ say(found.clone(), lang) }</p>
                }
            </div>
            if let Some((_, Some(newer))) = &*recheck {
                <button type="button" onclick={replace(&sc, &recheck, &props.item, n, &props.entry, newer)}
                    data-testid={format!("evidence-replace-{}-{n}", props.item)}>
                    { t(lang, "新しいファイルの指紋に置き換える", "Record the new file's fingerprint instead") }
                </button>
            }
        </div>
    }
}

/// Hashes `file`; with no fingerprint recorded yet, records it (dated today); with one, says whether the file is
/// still the same.
fn take(
    sc: &SelfCheckContext,
    hasher: &Hasher,
    recheck: &UseStateHandle<Option<(Text, Option<Fingerprint>)>>,
    item: &str,
    n: usize,
    entry: &Rc<EvidenceEntry>,
    file: web_sys::File,
) {
    let (sc, recheck, item, entry) = (sc.clone(), recheck.clone(), item.to_owned(), entry.clone());
    hasher.start_then(file, move |hashed| {
        let Ok(hashed) = hashed else {
            return; // The hook's state says why.
        };
        let fingerprint = Fingerprint {
            sha256: hashed.sha256,
            file_name: hashed.file_name,
            bytes: hashed.bytes,
            taken_on: sc.today(),
        };
        match &entry.fingerprint {
            Some(recorded) => {
                let found = Recheck::of(recorded, &fingerprint.sha256);
                recheck.set(Some((found.text(), (found == Recheck::Different).then_some(fingerprint))));
            }
            None => record(&sc, &item, n, &entry, fingerprint),
        }
    });
}

/// Records `fingerprint` as the entry's.
fn record(sc: &SelfCheckContext, item: &str, n: usize, entry: &EvidenceEntry, fingerprint: Fingerprint) {
    let entry = EvidenceEntry { fingerprint: Some(fingerprint), ..entry.clone() };
    sc.change(edit(EvidenceAction::Set { item: item.to_owned(), index: n, entry }));
}

/// The button that records the newer file's fingerprint instead of the one recorded before.
fn replace(
    sc: &SelfCheckContext,
    recheck: &UseStateHandle<Option<(Text, Option<Fingerprint>)>>,
    item: &str,
    n: usize,
    entry: &Rc<EvidenceEntry>,
    newer: &Fingerprint,
) -> Callback<MouseEvent> {
    let (sc, recheck, item, entry, newer) =
        (sc.clone(), recheck.clone(), item.to_owned(), entry.clone(), newer.clone());
    Callback::from(move |_| {
        record(&sc, &item, n, &entry, newer.clone());
        recheck.set(None);
    })
}

/// How far the hashing is, or why it failed.
fn progress(lang: tics_domain::Lang, state: &HashState) -> Html {
    match state {
        HashState::Running { done, total, file_name } => html! {
            <p>
                <label>{ format!("{}「{file_name}」", t(lang, "指紋を計算しています", "Computing the fingerprint of")) }
                    <progress value={done.to_string()} max={(*total).max(1).to_string()} /></label>
            </p>
        },
        HashState::Finished(Err(why)) => html! { <p class="tics-field-error">{ say(why.clone(), lang) }</p> },
        _ => Html::default(),
    }
}
