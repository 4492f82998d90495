//! Installing the site as an app, where the browser offers it (`web::keep`): installed, the browser keeps the
//! site's data like an app's, so the reminder offers it next to the download.
use yew::prelude::*;

use crate::ui::state::context::SelfCheckContext;
use crate::ui::state::reducer::Msg;
use crate::web::keep;

/// Whether the browser offered to install the site (it offers once, soon after the page loads).
pub fn offered() -> bool {
    keep::can_install()
}

/// A callback that shows the browser's install dialog; once the user accepts, how the data is kept is asked
/// again and said.
pub fn install_button(sc: SelfCheckContext) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let sc = sc.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if keep::install().await {
                sc.send(Msg::Keeping(keep::keeping(keep::persisted().await)));
            }
        });
    })
}
