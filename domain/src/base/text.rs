//! Bilingual text: everything a user reads exists in Japanese (first) and English.
use serde::{Deserialize, Serialize};

/// The two languages of the product. Japanese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The BCP 47 tag used for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Parses a BCP 47 tag such as `en-GB`; anything not English is Japanese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }
}

/// A text written in both languages (catalogue content).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Text { ja: ja.into(), en: en.into() }
    }

    /// The text in `lang`.
    ///
    /// ```
    /// use tics_domain::{Lang, Text};
    /// assert_eq!(Text::new("はい", "yes").get(Lang::En), "yes");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// True when either language is missing.
    pub fn is_incomplete(&self) -> bool {
        self.ja.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// A message for the user (an error or a warning), in both languages.
pub type Message = Text;

impl Text {
    /// A worker's refusal as it travels to the app (a thrown string): the message's JSON, so that the app shows it
    /// in the reader's language rather than both at once.
    pub fn to_wire(&self) -> String {
        // Two strings: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A refusal from [`Text::to_wire`]; any other text (a worker of another version) stands for both languages.
    ///
    /// ```
    /// use tics_domain::Text;
    /// let refusal = Text::new("読めません", "Cannot read");
    /// assert_eq!(Text::from_wire(&refusal.to_wire()), refusal);
    /// assert_eq!(Text::from_wire("old / format").en, "old / format");
    /// ```
    pub fn from_wire(wire: &str) -> Text {
        serde_json::from_str(wire).unwrap_or_else(|_| Text::new(wire, wire))
    }
}

/// Text for an HTML text node or attribute value: the five characters HTML gives a meaning escaped.
///
/// ```
/// assert_eq!(tics_domain::text::escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `label` cut to fit `ems` (widths of the font size) with "…" at its end, for a chart's label that has a fixed
/// space. Full-width characters (Japanese) count one em, others 0.6 (a generous average for proportional
/// Latin text), so the result fits whatever font the browser picks.
///
/// ```
/// use tics_domain::text::fit_label;
/// assert_eq!(fit_label("短い", 10.0), "短い");
/// assert_eq!(fit_label("一二三四五六七八九十", 6.0), "一二三四五…");
/// ```
pub fn fit_label(label: &str, ems: f64) -> String {
    let width = |c: char| if is_wide(c) { 1.0 } else { 0.6 };
    if label.chars().map(width).sum::<f64>() <= ems {
        return label.to_owned();
    }
    let mut used = 1.0; // the ellipsis, a full-width character
    let mut out = String::new();
    for c in label.chars() {
        used += width(c);
        if used > ems {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// East Asian wide or full-width characters (kana, kanji, full-width forms, CJK punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x2460..=0x24FF)
}
