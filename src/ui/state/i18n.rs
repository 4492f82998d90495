//! UI strings: each call site names the Japanese and the English text side by side; words the domain owns
//! (`tics_domain::vocab`) come as a [`Text`] and are picked with [`say`].
use tics_domain::{Lang, Text};

/// Picks the text for `lang`.
pub fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The text of a domain word in `lang`.
pub fn say(text: Text, lang: Lang) -> String {
    match lang {
        Lang::Ja => text.ja,
        Lang::En => text.en,
    }
}
