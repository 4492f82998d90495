//! The built-in catalogue's guidance and examples, rendered from Markdown at build time into the file the app
//! fetches when a user first opens "解説と例".
use std::collections::BTreeMap;

use crate::base::markdown::{render_under, Rendered, RenderedGuidance, EXAMPLES_LEVEL, GUIDANCE_LEVEL};
use crate::catalogue::Catalogue;

impl Catalogue {
    /// Every item's guidance and examples, rendered, by item ID: the file the app fetches when a user first opens
    /// "解説と例" for an item of the built-in catalogue.
    pub fn rendered_guidance(&self) -> BTreeMap<String, RenderedGuidance> {
        let both = |text: &crate::Text, level: u8| Rendered {
            ja: render_under(&text.ja, level),
            en: render_under(&text.en, level),
        };
        self.items
            .iter()
            .map(|item| {
                let rendered = RenderedGuidance {
                    guidance: both(&item.guidance, GUIDANCE_LEVEL),
                    examples: item.examples.as_ref().map(|e| both(e, EXAMPLES_LEVEL)),
                };
                (item.id.clone(), rendered)
            })
            .collect()
    }
}
