//! The work the content worker does for the app, so that the app's start-up module carries none of it: rendering
//! Markdown from an association's overlay, checking an overlay or a catalogue file (the validator), and reading a
//! result file (the import with its digest and range checks). Requests and replies are JSON; catalogues travel in
//! the checked form ([`crate::catalogue::checked`]). Pure, so the worker's answers are tested on the host.
use serde::{Deserialize, Serialize};

use crate::base::markdown::render_under;
use crate::base::text::{Message, Text};
use crate::catalogue::file::read_file;
use crate::catalogue::{Catalogue, Problem};
use crate::files::envelope::{import_json, Imported};

/// What the app asks, as JSON (`{"kind": "markdown", ...}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Markdown to render under a heading of level `under`; the reply is the JSON of the safe node tree.
    Markdown { src: String, under: u8 },
    /// An association's overlay to apply to `base` (checked form); the reply is a [`CatalogueReply`].
    Overlay { base: String, overlay: String },
    /// A catalogue or overlay file someone chose to check, against `base`; the reply is a [`CatalogueReply`].
    /// The file's bytes travel beside the request (see [`answer`]).
    CatalogueFile {
        base: String,
        #[serde(default, skip_serializing)]
        bytes: Vec<u8>,
    },
    /// A result file to import against `catalogue` (checked form); the reply is an [`ImportReply`]. The file's
    /// bytes travel beside the request.
    Import {
        catalogue: String,
        #[serde(default, skip_serializing)]
        bytes: Vec<u8>,
    },
    /// Files members shared with their association, read against `catalogue` (checked form); the reply is a
    /// [`MembersReply`], one entry per file. The files' bytes travel beside the request, one after the other;
    /// `lengths` says where each ends.
    Members {
        catalogue: String,
        names: Vec<String>,
        lengths: Vec<usize>,
        #[serde(default, skip_serializing)]
        bytes: Vec<u8>,
    },
}

/// Each shared file's member, or why it is refused, in the order of the request.
pub type MembersReply = Vec<crate::association::aggregate::MemberReply>;

/// A checked catalogue (checked form) or every problem found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueReply {
    Catalogue(String),
    Problems(Vec<Problem>),
}

/// The imported self-check, or why the file was refused.
pub type ImportReply = Result<Imported, Message>;

/// Answers one request (JSON) with its reply (JSON), or says why the request itself cannot be read. A file's
/// `bytes` come beside the request (a 5 MB file as a JSON array of numbers would be four times larger).
pub fn answer(request: &str, bytes: Vec<u8>) -> Result<String, Text> {
    let unreadable = || Text::new("依頼が読めません", "the request cannot be read");
    let mut request: Request = serde_json::from_str(request).map_err(|_| unreadable())?;
    if let Request::CatalogueFile { bytes: b, .. }
    | Request::Import { bytes: b, .. }
    | Request::Members { bytes: b, .. } = &mut request
    {
        *b = bytes;
    }
    let base = |checked: &str| Catalogue::from_checked_json(checked);
    let reply = match request {
        Request::Markdown { src, under } => serde_json::to_string(&render_under(&src, under)),
        Request::Overlay { base: b, overlay } => {
            serde_json::to_string(&catalogue_reply(base(&b)?.with_overlay(&overlay)))
        }
        Request::CatalogueFile { base: b, bytes } => {
            serde_json::to_string(&catalogue_reply(read_file(&base(&b)?, &bytes)))
        }
        Request::Import { catalogue, bytes } => {
            let reply: ImportReply = import_json(&bytes, &base(&catalogue)?).map_err(|e| e.message());
            serde_json::to_string(&reply)
        }
        Request::Members { catalogue, names, lengths, bytes } => {
            let mut rest = bytes.as_slice();
            let mut files = Vec::with_capacity(names.len());
            for (name, len) in names.into_iter().zip(lengths) {
                let (file, after) = rest.split_at_checked(len).ok_or_else(unreadable)?;
                files.push((name, file.to_vec()));
                rest = after;
            }
            let reply: MembersReply = crate::association::aggregate::read_members(&base(&catalogue)?, files);
            serde_json::to_string(&reply)
        }
    };
    reply.map_err(|_| unreadable())
}

fn catalogue_reply(result: Result<Catalogue, Vec<Problem>>) -> CatalogueReply {
    match result {
        Ok(catalogue) => CatalogueReply::Catalogue(catalogue.to_checked_json()),
        Err(problems) => CatalogueReply::Problems(problems),
    }
}

/// What the app tells the user when a reply cannot be read (a worker of another version, say).
pub fn unreadable_reply() -> Text {
    Text::new("作業用スレッドの返答を読めませんでした。", "The background worker's answer could not be read.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::SelfCheck;
    use crate::files::envelope::{export_json, Origin};

    fn base() -> String {
        Catalogue::default_tics().unwrap().to_checked_json()
    }

    fn ask(request: &Request) -> String {
        let bytes = match request {
            Request::CatalogueFile { bytes, .. } | Request::Import { bytes, .. } | Request::Members { bytes, .. } => {
                bytes.clone()
            }
            _ => Vec::new(),
        };
        answer(&serde_json::to_string(request).unwrap(), bytes).unwrap()
    }

    #[test]
    fn markdown_comes_back_as_safe_nodes() {
        let reply = ask(&Request::Markdown { src: "<script>x</script>\n\n[a](javascript:alert(1))".into(), under: 3 });
        // Raw HTML comes back as text, and the script link is dropped.
        assert!(reply.contains(r#"{"t":"<script>x</script>\n"}"#), "{reply}");
        assert!(!reply.contains("javascript"), "{reply}");
    }

    #[test]
    fn a_valid_overlay_comes_back_merged_and_a_broken_one_with_its_problems() {
        let overlay = std::fs::read_to_string("../examples/portal/die-mould-overlay.json").unwrap();
        let reply: CatalogueReply = serde_json::from_str(&ask(&Request::Overlay { base: base(), overlay })).unwrap();
        let CatalogueReply::Catalogue(checked) = reply else { panic!("refused: {reply:?}") };
        assert!(Catalogue::from_checked_json(&checked).unwrap().version.contains('+'));

        let broken = r#"{"format":"tics-self-check-overlay","format_version":1}"#.to_owned();
        let reply: CatalogueReply =
            serde_json::from_str(&ask(&Request::Overlay { base: base(), overlay: broken })).unwrap();
        assert!(matches!(reply, CatalogueReply::Problems(p) if !p.is_empty()));
    }

    #[test]
    fn a_result_file_is_imported_and_a_bad_one_refused_with_its_message() {
        let catalogue = Catalogue::default_tics().unwrap();
        let origin = Origin { app_version: "0", saved_at: "2026-11-23T09:00:00+09:00", name: "本社", id: "sc-1" };
        let file = export_json(&catalogue, &SelfCheck::default(), &origin);
        let reply: ImportReply =
            serde_json::from_str(&ask(&Request::Import { catalogue: base(), bytes: file.into_bytes() })).unwrap();
        assert_eq!(reply.unwrap().name, "本社");

        let reply: ImportReply =
            serde_json::from_str(&ask(&Request::Import { catalogue: base(), bytes: Vec::new() })).unwrap();
        assert!(reply.unwrap_err().en.contains("empty"));
    }

    #[test]
    fn a_request_that_cannot_be_read_is_refused_in_both_languages() {
        let why = answer("{", Vec::new()).unwrap_err();
        assert!(why.ja.contains("依頼") && why.en.contains("request"), "{why:?}");
    }
}
