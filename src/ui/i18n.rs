//! UI strings: each call site names the Japanese and the English text side by side.
use tics_domain::Lang;

/// Picks the text for `lang`.
pub fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The name of a difficulty level.
pub fn level_name(lang: Lang, level: u8) -> &'static str {
    match level {
        1 => t(lang, "レベル1（必須）", "Level 1 (mandatory)"),
        2 => t(lang, "レベル2（標準）", "Level 2 (standard)"),
        _ => t(lang, "レベル3（高度）", "Level 3 (advanced)"),
    }
}
