//! Routing for the site: `location.hash` in the standalone site (deep links, back button, any static host),
//! in-memory state when embedded (the host page owns its URL).
use std::rc::Rc;

use gloo_events::EventListener;
use tics_domain::site::{Route, SiteMap};
use yew::prelude::*;

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The current route and a way to go elsewhere.
#[hook]
pub fn use_route(site: Rc<SiteMap>, hash_routing: bool) -> (Route, Callback<Route>) {
    let route = {
        let site = site.clone();
        use_state(move || if hash_routing { site.route(&current_hash()) } else { site.home() })
    };
    {
        let (route, site) = (route.clone(), site.clone());
        // The listener is dropped (and removed) when the site unmounts.
        use_effect_with(hash_routing, move |&hash_routing| {
            let listener = hash_routing.then(|| {
                web_sys::window().map(|window| {
                    EventListener::new(&window, "hashchange", move |_| route.set(site.route(&current_hash())))
                })
            });
            move || drop(listener)
        });
    }
    let navigate = {
        let route = route.clone();
        Callback::from(move |to: Route| {
            if hash_routing {
                // Setting the hash adds a history entry; the hashchange listener updates the state.
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_hash(&to.hash());
                }
            } else {
                route.set(to);
            }
        })
    };
    ((*route).clone(), navigate)
}
