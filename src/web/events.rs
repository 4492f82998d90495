//! Events for the host page.
use wasm_bindgen::JsValue;

/// The name of the opt-in event sent when a self-check is completed.
pub const COMPLETE_EVENT: &str = "tics-self-check-complete";

/// Dispatches the completion event on `host`; `detail_json` becomes the event's `detail` object.
pub fn dispatch_completion(host: &web_sys::Element, detail_json: &str) {
    let detail = js_sys::JSON::parse(detail_json).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    // Cross the shadow boundary so listeners on the host page hear it.
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(COMPLETE_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}
