//! What changed in the catalogue since a given version (all of its releases when none is given), as a closed
//! disclosure: under the catalogue's name, in the import preview of an older result file, and in the comparison
//! with one.
use tics_domain::vocab::{release_heading, revision_text};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::say;

#[derive(Properties, PartialEq, Clone)]
pub struct CatalogueChangesProps {
    /// The version the reader's answers were given against; `None` lists every release.
    #[prop_or_default]
    pub since: Option<AttrValue>,
    /// Each release shown open (where the list is itself inside a closed disclosure).
    #[prop_or_default]
    pub open: bool,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[component(CatalogueChanges)]
pub fn catalogue_changes(props: &CatalogueChangesProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let (lang, catalogue) = (sc.lang, &sc.catalogue);
    let releases = match &props.since {
        Some(version) => catalogue.releases_since(version),
        None => catalogue.changes.list(),
    };
    html! {
        <>{ for releases.iter().rev().map(|release| html! {
            <details class="tics-changes" open={props.open} data-testid={props.testid.clone()} data-version={release.version.clone()}>
                <summary>{ say(release_heading(release), lang) }</summary>
                <p>{ release.summary.get(lang).to_owned() }</p>
                <ul>
                    { for release.items.iter().map(|r| html! { <li data-item={r.id.clone()}>{ say(revision_text(catalogue, r), lang) }</li> }) }
                </ul>
            </details>
        }) }</>
    }
}
