//! Enter while composing Japanese text with an input method confirms the conversion; it must never submit the
//! form as well. Put `onkeydown={ime::keep_enter_for_ime()}` on text inputs inside forms.
use yew::prelude::*;

/// Stops Enter from submitting while an input method is composing (keyCode 229 covers browsers that do not set
/// `isComposing` on that keydown).
pub fn keep_enter_for_ime() -> Callback<KeyboardEvent> {
    Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" && (e.is_composing() || e.key_code() == 229) {
            e.prevent_default();
        }
    })
}

/// For a text input in a small inline form: Enter as in [`keep_enter_for_ime`], and Escape (when not composing;
/// Escape then cancels the conversion) closes the form through `close`.
pub fn keys_with_escape(close: impl Fn() + 'static) -> Callback<KeyboardEvent> {
    let keep_enter = keep_enter_for_ime();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" && !(e.is_composing() || e.key_code() == 229) {
            e.prevent_default();
            close();
        } else {
            keep_enter.emit(e);
        }
    })
}
