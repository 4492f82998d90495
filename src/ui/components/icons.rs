//! Icons for tabs and pages: simple inline SVG (no icon font, nothing fetched). Decorative: the label beside
//! each icon carries the meaning, so they are hidden from assistive technology.
use yew::prelude::*;

/// SVG path data (24×24, stroked) for an icon name from the site map.
fn path(name: &str) -> &'static str {
    match name {
        "home" => "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
        "info" => "M12 8h.01M11 12h1v5h1M12 3a9 9 0 100 18 9 9 0 000-18z",
        "news" => "M4 5h13v14H6a2 2 0 01-2-2V5zm13 4h3v8a2 2 0 01-2 2M7 9h7M7 13h7",
        "star" => "M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z",
        "doc" => "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6",
        "building" => "M4 21V5l8-3v19M12 8h8v13M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2M2 21h20",
        "badge" => "M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6zM9 12l2 2 4-4",
        "chat" => "M4 5h16v11H9l-5 4z",
        "question" => "M9.5 9a2.5 2.5 0 115 0c0 2-2.5 2-2.5 4M12 17h.01M12 3a9 9 0 100 18 9 9 0 000-18z",
        "mail" => "M3 6h18v12H3zM3 7l9 6 9-6",
        "gift" => "M4 10h16v11H4zM2 7h20v3H2zM12 7v14M12 7c-2-4-6-4-6-1s6 1 6 1 6 2 6-1-4-3-6 1",
        "flow" => "M4 5h6v4H4zM14 15h6v4h-6zM7 9v5a2 2 0 002 2h5",
        "book" => "M4 5a2 2 0 012-2h14v16H6a2 2 0 00-2 2zM4 5v16M8 7h8",
        "check" => "M4 12l5 5L20 6",
        "compass" => "M12 3a9 9 0 100 18 9 9 0 000-18zM15.5 8.5l-2 5-5 2 2-5z",
        "role" => "M12 11a4 4 0 100-8 4 4 0 000 8zM4 21a8 8 0 0116 0",
        "form" => "M5 3h14v18H5zM8 8h8M8 12h8M8 16h5",
        "law" => "M12 3v18M5 7h14M5 7l-3 7a3 3 0 006 0zM19 7l-3 7a3 3 0 006 0zM8 21h8",
        "link" => "M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1",
        "chart" => "M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-8",
        "tool" => "M14.7 6.3a4 4 0 00-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 005.4-5.4l-2.5 2.5-2.8-.7-.7-2.8z",
        _ => "M12 3a9 9 0 100 18 9 9 0 000-18z",
    }
}

#[derive(Properties, PartialEq)]
pub struct IconProps {
    pub name: AttrValue,
}

#[component(Icon)]
pub fn icon(props: &IconProps) -> Html {
    html! {
        <svg class="tics-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path(&props.name)} />
        </svg>
    }
}
