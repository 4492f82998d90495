//! How this instance was mounted: everything the embedding page decides, as the UI reads it.
use std::rc::Rc;

use tics_domain::Lang;
use yew::AttrValue;

/// Where the app keeps its data unless told otherwise.
pub const DEFAULT_NAMESPACE: &str = "tics-self-check:v1";

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Storage namespace, so that several embeddings on one origin do not mix their data.
    pub namespace: AttrValue,
    /// Language used when nothing is saved yet.
    pub lang: Lang,
    /// The whole site (tabs per visitor) rather than the self-check alone.
    pub site: bool,
    /// An association's aggregate of its members' shared results rather than the self-check.
    pub aggregate: bool,
    /// Follow `location.hash` for deep links and the back button (the standalone site only).
    pub hash_routing: bool,
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
            site: false,
            aggregate: false,
            hash_routing: false,
            overlay_json: None,
            overlay_error: None,
            stylesheet: None,
            complete_fields: Rc::from(Vec::new()),
            host: None,
            reminder: true,
        }
    }
}
