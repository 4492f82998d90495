//! Taking a file's SHA-256 fingerprint for a component: the file is read and hashed by a worker (`web::hash`)
//! while the component shows how far it is, then what came of it. Generic: the evidence panel uses it both to
//! take a fingerprint and to check a file again against one recorded before.
use std::cell::RefCell;
use std::rc::Rc;

use tics_domain::Text;
use yew::prelude::*;

use crate::web::hash;

/// A fingerprint taken: the lower-case hex SHA-256, the bytes hashed and the file's name (as the browser gives
/// it, without a folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hashed {
    pub sha256: String,
    pub bytes: u64,
    pub file_name: String,
}

/// Where the fingerprinting stands, for the render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HashState {
    /// Nothing started yet (or cleared).
    #[default]
    Idle,
    /// `done` of `total` bytes hashed so far.
    Running { done: u64, total: u64, file_name: String },
    /// The fingerprint, or why it could not be taken (in Japanese and English).
    Finished(Result<Hashed, Text>),
}

impl HashState {
    /// `(done, total)` while running, for a `<progress value=done max=total>`.
    pub fn progress(&self) -> Option<(u64, u64)> {
        match self {
            HashState::Running { done, total, .. } => Some((*done, *total)),
            _ => None,
        }
    }
}

/// Takes fingerprints, one at a time.
#[derive(Clone)]
pub struct Hasher {
    state: UseStateHandle<HashState>,
    /// Read when asked to start, not as of the last render: a second click before the first render after a start
    /// must still see it running (the same reason as `ui::state::busy`).
    running: Rc<RefCell<bool>>,
}

impl Hasher {
    /// For the render: where it stood when it was made.
    pub fn state(&self) -> &HashState {
        &self.state
    }

    /// Whether a fingerprint is being taken now.
    pub fn running(&self) -> bool {
        *self.running.borrow()
    }

    /// Takes the fingerprint of `file`; the state follows it. Does nothing while one is being taken (a request
    /// in the worker cannot be called back; the worker's time-out ends one that would never end).
    pub fn start(&self, file: web_sys::File) {
        self.start_then(file, |_| ());
    }

    /// Like [`Hasher::start`], and `then` hears the outcome too (to record the fingerprint, or to compare it with
    /// one recorded before), just after the state has it. `then` is not called if nothing was started.
    pub fn start_then(&self, file: web_sys::File, then: impl FnOnce(Result<Hashed, Text>) + 'static) {
        if self.running() {
            return;
        }
        *self.running.borrow_mut() = true;
        let file_name = file.name();
        let total = file.size() as u64;
        self.state.set(HashState::Running { done: 0, total, file_name: file_name.clone() });
        let (state, running) = (self.state.clone(), self.running.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let progress = {
                let (state, file_name) = (state.clone(), file_name.clone());
                move |done| state.set(HashState::Running { done, total, file_name: file_name.clone() })
            };
            let outcome =
                hash::sha256(&file, progress).await.map(|(sha256, bytes)| Hashed { sha256, bytes, file_name });
            *running.borrow_mut() = false;
            state.set(HashState::Finished(outcome.clone()));
            then(outcome);
        });
    }

    /// Back to [`HashState::Idle`] (to hide an outcome); does nothing while a fingerprint is being taken.
    pub fn clear(&self) {
        if !self.running() {
            self.state.set(HashState::Idle);
        }
    }
}

#[hook]
pub fn use_hasher() -> Hasher {
    Hasher { state: use_state(HashState::default), running: use_mut_ref(|| false) }
}
