//! A catalogue that was already checked, as compact JSON: how a validated catalogue travels to where it is used
//! without being validated again. The build writes the built-in catalogue in this form (the app then carries no
//! validator for it), and the worker that checks an association's overlay answers with the merged catalogue in
//! this form. It is an internal format: files people write use the documented one ([`Catalogue::from_json`]).
use serde::{Deserialize, Serialize};

use crate::base::text::{Message, Text};
use crate::catalogue::releases::Releases;
use crate::catalogue::{Branding, Catalogue, CrosswalkColumn, Item, Topic};

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    version: &'a str,
    title: &'a Text,
    topics: &'a [Topic],
    items: &'a [Item],
    columns: &'a [CrosswalkColumn],
    branding: &'a Option<Branding>,
    /// JSON text: read only where the changes are shown (see [`Releases`]).
    #[serde(skip_serializing_if = "str::is_empty")]
    changes: &'a str,
}

#[derive(Deserialize)]
struct In {
    id: String,
    version: String,
    title: Text,
    topics: Vec<Topic>,
    items: Vec<Item>,
    columns: Vec<CrosswalkColumn>,
    branding: Option<Branding>,
    #[serde(default)]
    changes: String,
}

impl Catalogue {
    /// The catalogue in the checked form.
    pub fn to_checked_json(&self) -> String {
        let out = Out {
            id: &self.id,
            version: &self.version,
            title: &self.title,
            topics: &self.topics,
            items: &self.items,
            columns: &self.columns,
            branding: &self.branding,
            changes: self.changes.json(),
        };
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string(&out).unwrap_or_default()
    }

    /// Reads a catalogue written by [`Catalogue::to_checked_json`]. Only the shape is checked; the content was
    /// checked when it was written.
    pub fn from_checked_json(json: &str) -> Result<Catalogue, Message> {
        let c: In = serde_json::from_str(json).map_err(|e| {
            Text::new(format!("カタログのデータが壊れています: {e}"), format!("The catalogue data is damaged: {e}"))
        })?;
        let catalogue = Catalogue::assemble(c.id, c.version, c.title, c.topics, c.items, c.columns, c.branding);
        Ok(catalogue.with_changes(Releases::from_json(c.changes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_form_round_trips_the_catalogue_with_its_index() {
        let catalogue = Catalogue::default_tics().unwrap();
        let back = Catalogue::from_checked_json(&catalogue.to_checked_json()).unwrap();
        assert_eq!(back, catalogue);
        let last = catalogue.items.last().unwrap();
        assert_eq!(back.item(&last.id), Some(last));
    }

    #[test]
    fn damaged_checked_data_is_an_error_not_a_panic() {
        assert!(Catalogue::from_checked_json("{").is_err());
    }
}
