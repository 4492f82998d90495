//! User Timing marks around work a person waits for (building export files), so the benchmark script can read
//! real figures from the page (`performance.getEntriesByName("tics:export-csv")`). Tests never assert on them.

/// Runs `f`, recording its duration as a User Timing measure called `name`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    start(name);
    let out = f();
    end(name);
    out
}

/// Marks the start of `name`, for work that ends later (after an `await`).
pub fn start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Records the measure `name` from its [`start`] until now.
pub fn end(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let start = format!("{name}:start");
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
}
