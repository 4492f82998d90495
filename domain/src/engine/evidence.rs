//! The evidence index: for an item, what shows that its measure is in place (what it is, where it is kept, its
//! date or version, who checked it), and optionally a file's SHA-256 fingerprint, computed in the browser from a
//! file that is never uploaded or stored, so that "check again" can tell whether a file is still the same one.
//! Large files are hashed in pieces ([`Fingerprinter`]), so a worker can report progress between them.
use sha2::{Digest, Sha256};

use crate::base::text::Text;
use crate::catalogue::Catalogue;
pub use crate::engine::records::{EvidenceEntry, Fingerprint};
use crate::engine::selfcheck::{SelfCheck, Status};

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
pub fn missing_evidence(
    catalogue: &Catalogue,
    check: &SelfCheck,
    evidence: &std::collections::BTreeMap<String, Vec<EvidenceEntry>>,
) -> Vec<String> {
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
