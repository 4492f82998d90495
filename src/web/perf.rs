//! User Timing marks around work a person waits for (building export files), so the benchmark script can read
//! real figures from the page (`performance.getEntriesByName("tics:export-csv")`). Tests never assert on them.

/// Runs `f`, recording its duration as a User Timing measure called `name`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}
