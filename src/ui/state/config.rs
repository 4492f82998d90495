//! How this instance was mounted: everything the embedding page decides, as the UI reads it.
use std::rc::Rc;

use tics_domain::Lang;
use yew::AttrValue;

/// Where the app keeps its data unless told otherwise.
pub const DEFAULT_NAMESPACE: &str = "tics-self-check:v1";

/// What a mounted component shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    SelfCheck,
    /// An association's aggregate of its members' shared results.
    Aggregate,
    /// The check of a catalogue or overlay file.
    CatalogueCheck,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Storage namespace, so that several embeddings on one origin do not mix their data.
    pub namespace: AttrValue,
    /// Language used when nothing is saved yet.
    pub lang: Lang,
    /// What the component shows.
    pub mode: Mode,
    /// On a page of the TICS site: the page carries the title, the language switch and the main landmark.
    pub in_site: bool,
    /// An association's overlay catalogue (JSON).
    pub overlay_json: Option<Rc<str>>,
    /// Why the embedding page could not load the overlay.
    pub overlay_error: Option<Rc<str>>,
    /// The app's stylesheet URL, for the print frame.
    pub stylesheet: Option<AttrValue>,
    /// Fields of the opt-in completion event (empty: no event).
    pub complete_fields: Rc<[String]>,
    /// The element the app is mounted in; events for the host page are dispatched on it.
    pub host: Option<web_sys::Element>,
    /// Remind the user to download a result file when changes are in no file (an integrator may turn it off).
    pub reminder: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            namespace: AttrValue::from(DEFAULT_NAMESPACE),
            lang: Lang::Ja,
            mode: Mode::SelfCheck,
            in_site: false,
            overlay_json: None,
            overlay_error: None,
            stylesheet: None,
            complete_fields: Rc::from(Vec::new()),
            host: None,
            reminder: true,
        }
    }
}
