//! The evidence index: for an item, what shows that its measure is in place (what it is, where it is kept, its
//! date or version, who checked it), and optionally a file's SHA-256 fingerprint, computed in the browser from a
//! file that is never uploaded or stored, so that "check again" can tell whether a file is still the same one.
//! Large files are hashed in pieces ([`Fingerprinter`]), so a worker can report progress between them.
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::base::text::{Message, Text};
use crate::catalogue::Catalogue;
use std::collections::BTreeMap;

use crate::base::dates::is_iso_date;
use crate::engine::records::{fingerprint_allowed, Kept};
pub use crate::engine::records::{EvidenceAction, EvidenceEntry, Fingerprint, MAX_EVIDENCE};
use crate::engine::selfcheck::{Action, Edit, SelfCheck, Status};

/// The evidence index, item by item.
pub type Index = BTreeMap<String, Vec<EvidenceEntry>>;

impl SelfCheck {
    /// The evidence index.
    pub fn evidence_index(&self) -> Index {
        self.evidence.get()
    }
}

/// An item's entries as the self-check keeps them (`check.evidence.0[item]`, JSON), read as entries; none when
/// there are none or they cannot be read.
pub fn entries_of(kept: &serde_json::Value) -> Vec<EvidenceEntry> {
    Vec::<EvidenceEntry>::deserialize(kept).unwrap_or_default()
}

/// A fingerprint, when there is one, is 64 hexadecimal digits taken on a real date.
pub fn check_entry(entry: &EvidenceEntry) -> Result<(), Message> {
    match &entry.fingerprint {
        Some(f)
            if f.sha256.len() != 64
                || !f.sha256.bytes().all(|b| b.is_ascii_hexdigit())
                || !(f.taken_on.is_empty() || is_iso_date(&f.taken_on)) =>
        {
            Err(fingerprint_allowed())
        }
        _ => Ok(()),
    }
}

/// The change `action` makes to the evidence index, refused (changing nothing) for an unknown item or entry, a
/// malformed fingerprint, or more than [`MAX_EVIDENCE`] entries for one item.
pub fn edit(action: EvidenceAction) -> Action {
    Action::Edit(Edit::new(move |check, catalogue| {
        let mut index: Index = check.evidence.read()?;
        let no_entry = || Text::new("その証跡の記録はありません", "there is no such evidence entry");
        match action.clone() {
            EvidenceAction::Add { item, entry } => {
                if catalogue.item(&item).is_none() {
                    return Err(Text::new(
                        format!("項目「{item}」はカタログにありません"),
                        format!("item \"{item}\" is not in the catalogue"),
                    ));
                }
                check_entry(&entry)?;
                let entries = index.entry(item).or_default();
                if entries.len() >= MAX_EVIDENCE {
                    return Err(Text::new(
                        format!("証跡は 1 項目に {MAX_EVIDENCE} 件までです"),
                        format!("at most {MAX_EVIDENCE} evidence entries per item"),
                    ));
                }
                entries.push(entry);
            }
            EvidenceAction::Set { item, index: n, entry } => {
                check_entry(&entry)?;
                *index.get_mut(&item).and_then(|e| e.get_mut(n)).ok_or_else(no_entry)? = entry;
            }
            EvidenceAction::Remove { item, index: n } => {
                let entries = index.get_mut(&item).filter(|e| n < e.len()).ok_or_else(no_entry)?;
                entries.remove(n);
                if entries.is_empty() {
                    index.remove(&item);
                }
            }
        }
        check.evidence = Kept::of(&index);
        Ok(())
    }))
}

/// SHA-256 over a file read in pieces.
#[derive(Default)]
pub struct Fingerprinter {
    hasher: Sha256,
    bytes: u64,
}

impl Fingerprinter {
    /// Adds the next piece of the file.
    pub fn update(&mut self, piece: &[u8]) {
        self.hasher.update(piece);
        self.bytes += piece.len() as u64;
    }

    /// The bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The hex SHA-256 of everything added.
    pub fn finish(self) -> String {
        self.hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// A fingerprint as people read it: the first 16 hex digits of its SHA-256 (enough to tell files apart by eye; the
/// files and the evidence list carry all 64), the file's name, its size and when it was taken.
///
/// ```
/// use tics_domain::evidence::{fingerprint_text, Fingerprint};
/// let f = Fingerprint { sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into(),
///     file_name: "log.pdf".into(), bytes: 2_500_000, taken_on: "2026-11-20".into() };
/// assert_eq!(fingerprint_text(&f).ja, "SHA-256 ba7816bf8f01cfea…（log.pdf、2.5 MB、2026-11-20 に記録）");
/// assert_eq!(fingerprint_text(&f).en, "SHA-256 ba7816bf8f01cfea… (log.pdf, 2.5 MB, recorded 2026-11-20)");
/// ```
pub fn fingerprint_text(f: &Fingerprint) -> Text {
    let short: String = f.sha256.chars().take(16).collect();
    let size = size_text(f.bytes);
    Text::new(
        format!("SHA-256 {short}…（{}、{size}、{} に記録）", f.file_name, f.taken_on),
        format!("SHA-256 {short}… ({}, {size}, recorded {})", f.file_name, f.taken_on),
    )
}

/// A file's size in bytes, KB or MB (decimal, one decimal place), as a file manager shows it.
///
/// ```
/// use tics_domain::evidence::size_text;
/// assert_eq!(size_text(3), "3 B");
/// assert_eq!(size_text(2_048), "2.0 KB");
/// assert_eq!(size_text(209_715_200), "209.7 MB");
/// ```
pub fn size_text(bytes: u64) -> String {
    match bytes {
        0..=999 => format!("{bytes} B"),
        1_000..=999_999 => format!("{:.1} KB", bytes as f64 / 1_000.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}

/// What "check again" found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recheck {
    Same,
    Different,
}

impl Recheck {
    pub fn of(fingerprint: &Fingerprint, sha256: &str) -> Recheck {
        if fingerprint.sha256.eq_ignore_ascii_case(sha256.trim()) {
            Recheck::Same
        } else {
            Recheck::Different
        }
    }

    pub fn text(self) -> Text {
        match self {
            Recheck::Same => Text::new(
                "同じファイルです（指紋が一致しました）。",
                "It is the same file (the fingerprints match).",
            ),
            Recheck::Different => Text::new(
                "指紋が一致しません。記録したときから、ファイルの内容が変わっています（別のファイルか、更新された版です）。",
                "The fingerprints differ: the file's content changed since it was recorded (another file, or a newer version).",
            ),
        }
    }
}

/// The items of the self-check answered done whose evidence is missing, in catalogue order: the action plan
/// lists them, since an audit looks at records.
pub fn missing_evidence(catalogue: &Catalogue, check: &SelfCheck, evidence: &Index) -> Vec<String> {
    catalogue
        .items
        .iter()
        .filter(|i| check.scope(i).in_scope())
        .filter(|i| check.answer(&i.id).and_then(|a| a.effective_status()) == Some(Status::Done))
        .filter(|i| evidence.get(&i.id).is_none_or(|e| e.iter().all(|e| e.what.trim().is_empty())))
        .map(|i| i.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::Answer;

    #[test]
    fn pieces_hash_as_the_whole_and_known_vectors_hold() {
        let mut whole = Fingerprinter::default();
        whole.update(b"abc");
        assert_eq!(whole.finish(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let data: Vec<u8> = (0..100_000u32).map(|n| (n % 251) as u8).collect();
        let mut pieces = Fingerprinter::default();
        for piece in data.chunks(4096) {
            pieces.update(piece);
        }
        assert_eq!(pieces.bytes(), 100_000);
        let mut once = Fingerprinter::default();
        once.update(&data);
        assert_eq!(pieces.finish(), once.finish());
    }

    #[test]
    fn check_again_says_same_or_different() {
        let fp = Fingerprint { sha256: "ab".repeat(32), ..Fingerprint::default() };
        assert_eq!(Recheck::of(&fp, &"AB".repeat(32)), Recheck::Same);
        assert_eq!(Recheck::of(&fp, &"cd".repeat(32)), Recheck::Different);
    }

    #[test]
    fn done_items_without_evidence_are_listed() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        let done = Answer { status: Some(Status::Done), ..Answer::default() };
        check.answers.insert("identify-procedure".into(), done.clone());
        check.answers.insert("identify-inventory".into(), done);
        let mut evidence = std::collections::BTreeMap::new();
        evidence.insert(
            "identify-inventory".to_owned(),
            vec![EvidenceEntry { what: "重要情報の目録 2026年版".into(), ..EvidenceEntry::default() }],
        );
        assert_eq!(missing_evidence(&catalogue, &check, &evidence), ["identify-procedure"]);
    }
}
