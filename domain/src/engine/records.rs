//! What a self-check records beside its answers, as data: when it was certified ([`Certification`]), the evidence
//! behind its items ([`EvidenceEntry`]), and the team that answers it ([`Team`]): the people, who answers which
//! topic or item, the conflicts a merge left to decide, and, in a person's own copy, what was handed out to them.
//! The rules that use these live in `deadlines`, `evidence` and `team`; the types are here so that the self-check
//! can hold them without those modules importing it back in a cycle.
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::base::text::{Message, Text};
use crate::engine::answer::Answer;

/// A part of the self-check kept as the JSON it is saved and sent in, and read as its type only where it is used.
/// Why: reading and writing a type costs code for every way the app reads and writes the self-check (storage,
/// the tabs' merge, files), and the first screen would download that code for parts it never shows. The saved
/// JSON is exactly the type's, so files and storage look the same as if the field were typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kept(pub Value);

impl Kept {
    /// Nothing kept: left out of files and storage.
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Value::Null => true,
            Value::Object(map) => map.is_empty(),
            Value::Array(list) => list.is_empty(),
            _ => false,
        }
    }

    /// `value` kept (its empty value keeps nothing).
    pub fn of<T: Serialize>(value: &T) -> Kept {
        Kept(serde_json::to_value(value).unwrap_or(Value::Null))
    }

    /// The part as its type; its empty value when nothing is kept. Refused (with the reason in both languages)
    /// when what is kept is not of the type, so that a change never writes over data it could not read.
    pub fn read<T: DeserializeOwned + Default>(&self) -> Result<T, Message> {
        if self.0.is_null() {
            return Ok(T::default());
        }
        T::deserialize(&self.0).map_err(|e| {
            Text::new(
                format!("保存されているデータを読めません（{e}）。変更しませんでした。"),
                format!("The saved data could not be read ({e}); nothing was changed."),
            )
        })
    }

    /// The part as its type, or its empty value when it cannot be read (for showing; a change uses [`Kept::read`]).
    pub fn get<T: DeserializeOwned + Default>(&self) -> T {
        self.read().unwrap_or_default()
    }

    /// In a person's copy of a team's self-check (a kept [`Team`]): the items handed out, by ID.
    pub fn handed_out(&self) -> Option<&Map<String, Value>> {
        self.0.pointer("/assigned/handed_out/given")?.as_object()
    }

    /// How many entries a kept evidence index holds for `item`.
    pub fn entries(&self, item: &str) -> usize {
        self.0.get(item).and_then(Value::as_array).map_or(0, Vec::len)
    }

    /// Whether a kept [`Team`] holds conflicts still to decide.
    pub fn has_conflicts(&self) -> bool {
        self.0.get("conflicts").and_then(Value::as_array).is_some_and(|c| !c.is_empty())
    }
}

/// At most this many evidence entries per item.
pub const MAX_EVIDENCE: usize = 100;

/// What a certification allows.
pub fn certification_allowed() -> Message {
    Text::new(
        format!("認証日（YYYY-MM-DD）と 1〜{MAX_VALID_YEARS} 年の有効期間"),
        format!("a date of certification (YYYY-MM-DD) and a validity of 1 to {MAX_VALID_YEARS} years"),
    )
}

/// What a fingerprint allows.
pub fn fingerprint_allowed() -> Message {
    Text::new(
        "SHA-256 の指紋（16 進数 64 桁）、バイト数と日付",
        "a SHA-256 fingerprint (64 hexadecimal digits), its size and a date",
    )
}

/// Certification is valid for up to this many years.
pub const MAX_VALID_YEARS: u8 = 3;

/// When the certification started (or the audit is planned) and for how long it is valid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    /// `YYYY-MM-DD`.
    pub from: String,
    /// 1 to [`MAX_VALID_YEARS`].
    pub valid_years: u8,
}

/// A file's fingerprint, taken when it was chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// The file's name when it was fingerprinted (a reminder, not checked).
    pub file_name: String,
    pub bytes: u64,
    /// `YYYY-MM-DD`.
    pub taken_on: String,
}

/// One piece of evidence for an item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceEntry {
    /// What it is, e.g. 入退室記録 2026年4月分.
    pub what: String,
    /// Where it is kept (a cabinet, a folder, a system).
    pub kept_at: String,
    /// Its date or version.
    pub version: String,
    pub checker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
}

/// Someone the owner assigns items to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Stable within the self-check, so that assignments survive renaming the person.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    pub department: String,
}

impl Person {
    /// How answers name who checked: the name, with the department after it when there is one.
    pub fn signature(&self) -> String {
        let (name, department) = (self.name.trim(), self.department.trim());
        if department.is_empty() {
            name.to_owned()
        } else {
            format!("{name}（{department}）")
        }
    }
}

/// What a person gets: the items assigned to them, with their answers as they stood when handed out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedOut {
    pub person: Person,
    /// The answers of the assigned items when handed out (an item not yet answered has the empty answer).
    pub given: BTreeMap<String, Answer>,
}

/// An item whose answers differ and that the owner decides.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub item: String,
    /// The owner's answer now.
    pub ours: Answer,
    /// Each differing returned answer, with who gave it.
    pub theirs: Vec<(Person, Answer)>,
}

impl Conflict {
    /// The answer the owner's `choice` gives, or `None` for a returned answer that is not there.
    pub fn decided(&self, choice: Choice) -> Option<Answer> {
        Some(match choice {
            Choice::Ours => self.ours.clone(),
            Choice::Theirs(n) => self.theirs.get(n)?.1.clone(),
            Choice::BothNotes => {
                let mut ours = self.ours.clone();
                for (person, theirs) in &self.theirs {
                    let note = theirs.note.trim();
                    if !note.is_empty() && !ours.note.contains(note) {
                        let sep = if ours.note.trim().is_empty() { "" } else { "\n" };
                        ours.note = format!("{}{sep}{}: {note}", ours.note.trim_end(), person.signature());
                    }
                }
                ours
            }
        })
    }
}

/// How the owner decides a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep the owner's answer.
    Ours,
    /// Take the returned answer at this position of [`Conflict::theirs`].
    Theirs(usize),
    /// Keep the owner's answer, with every returned note added under it, each signed.
    BothNotes,
}

/// Sets `item`'s answer; the empty answer removes it, as an item never answered has none.
pub fn set_answer(answers: &mut BTreeMap<String, Answer>, item: &str, answer: Answer) {
    if answer == Answer::default() {
        answers.remove(item);
    } else {
        answers.insert(item.to_owned(), answer);
    }
}

/// The self-check a hand-out comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    /// The owner's self-check ID: answers are merged only into it.
    pub id: String,
    pub name: String,
}

/// Who answers what, and what a merge left to decide.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Topic → the person's id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub topics: BTreeMap<String, String>,
    /// Single item → the person's id (before the topic's person).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, String>,
    /// Conflicts of a merge, until the owner decides each (the owner's answer stands meanwhile).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Returned answers the owner has seen in a conflict and decided on, by item, so that merging the same file
    /// again does not raise the conflict again.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub decided: BTreeMap<String, Vec<Answer>>,
    /// In a person's own copy: what the owner handed out to them, to answer and send back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned: Option<Box<Assigned>>,
}

impl Team {
    pub fn is_empty(&self) -> bool {
        *self == Team::default()
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}

/// What a person's copy was handed out from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assigned {
    pub owner: Owner,
    /// The catalogue (ID and version) of the owner's self-check: the answers go back against it.
    pub catalogue_id: String,
    pub catalogue_version: String,
    pub handed_out: HandedOut,
}

/// Changes to the evidence index of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceAction {
    Add {
        item: String,
        entry: EvidenceEntry,
    },
    /// Replaces the entry at `index` (its words or its fingerprint).
    Set {
        item: String,
        index: usize,
        entry: EvidenceEntry,
    },
    Remove {
        item: String,
        index: usize,
    },
}

/// Changes to the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamAction {
    /// Adds a person (their `id` must be new).
    AddPerson(Person),
    /// Renames a person, or changes their department.
    SetPerson(Person),
    /// Removes a person and their assignments.
    RemovePerson(String),
    /// Assigns a topic to a person, or (`None`) to nobody.
    AssignTopic { topic: String, person: Option<String> },
    /// Assigns a single item to a person, or (`None`) back to its topic's person.
    AssignItem { item: String, person: Option<String> },
    /// Decides the conflict of `item`.
    Resolve { item: String, choice: Choice },
}
