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
