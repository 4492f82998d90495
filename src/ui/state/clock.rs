//! The time and the fresh ids that the context's verbs stamp on a change. The shell hands the context the
//! browser's clock; a host test hands it a fixed one, so components and verbs never read the time themselves.

/// Where the verbs get the date, the time and new ids from.
pub trait Clock {
    /// Today's local date, `YYYY-MM-DD`.
    fn today(&self) -> String;
    /// Now as a local ISO 8601 date-time with offset.
    fn now(&self) -> String;
    /// A new id starting `prefix-`, distinct from any other tab's.
    fn unique_id(&self, prefix: &str) -> String;
    /// A new id for a self-check.
    fn new_id(&self) -> String {
        self.unique_id("sc")
    }
}

/// A clock that stands still and counts its ids: for host tests.
#[cfg(test)]
#[derive(Default)]
pub struct Fixed {
    pub ids: std::cell::Cell<u32>,
}

#[cfg(test)]
impl Clock for Fixed {
    fn today(&self) -> String {
        "2026-12-06".into()
    }
    fn now(&self) -> String {
        "2026-12-06T10:00:00+09:00".into()
    }
    fn unique_id(&self, prefix: &str) -> String {
        self.ids.set(self.ids.get() + 1);
        format!("{prefix}-{}", self.ids.get())
    }
}

/// A clock shared by the components of one mounted app; equal when it is the same clock.
#[derive(Clone)]
pub struct SharedClock(pub std::rc::Rc<dyn Clock>);

impl PartialEq for SharedClock {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}
