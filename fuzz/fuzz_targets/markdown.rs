//! Any text through the safe Markdown renderer: never a panic, and never a link with a script URL.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tics_domain::markdown::{render, safe_href, Node};

fn check(nodes: &[Node]) {
    for n in nodes {
        if let Node::Element { href, children, .. } = n {
            if let Some(h) = href {
                assert_eq!(safe_href(h).as_deref(), Some(h.as_str()), "an unsafe link survived: {h}");
            }
            check(children);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(&render(text));
    }
});
