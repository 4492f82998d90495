//! The busy state of a button that waits for a worker: a guard read when clicked, and a flag the render shows.
//!
//! Why two parts: a state handle gives the value of the render it came from, so a click just after the file
//! arrived, before the next render, would still read "busy" and be ignored. The guard is read at the click; the
//! flag only drives the label and `aria-disabled`.
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

#[derive(Clone)]
pub struct Busy {
    guard: Rc<RefCell<bool>>,
    shown: UseStateHandle<bool>,
}

impl Busy {
    /// Whether work is running now (not as of the last render).
    pub fn running(&self) -> bool {
        *self.guard.borrow()
    }

    pub fn start(&self) {
        *self.guard.borrow_mut() = true;
        self.shown.set(true);
    }

    pub fn finish(&self) {
        *self.guard.borrow_mut() = false;
        self.shown.set(false);
    }

    /// For the render: whether work was running when it was made.
    pub fn shown(&self) -> bool {
        *self.shown
    }
}

#[hook]
pub fn use_busy() -> Busy {
    Busy { guard: use_mut_ref(|| false), shown: use_state(|| false) }
}
