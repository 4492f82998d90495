//! The browser's clock, for the context's verbs (see `state::clock`): the mounted app makes one and hands it down.
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::clock::{Clock, SharedClock};
use crate::web::clock;

struct Browser;

impl Clock for Browser {
    fn today(&self) -> String {
        clock::today()
    }
    fn now(&self) -> String {
        clock::now_iso()
    }
    fn unique_id(&self, prefix: &str) -> String {
        clock::unique_id(prefix)
    }
}

/// The browser's clock, the same one for the life of the component.
#[hook]
pub fn use_browser_clock() -> SharedClock {
    (*use_memo((), |()| SharedClock(Rc::new(Browser)))).clone()
}
