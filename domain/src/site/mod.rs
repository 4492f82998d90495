//! The information site: tabs per visitor, their pages (Markdown, compiled in), and hash routes such as
//! `#/business/self-check`, so any static host serves deep links and the back button works.
pub mod html;
use serde::Deserialize;

use crate::base::text::{Lang, Text};

/// The site map: tabs and pages with their icons, titles and summaries.
pub const SITE_JSON: &str = include_str!("../../../content/site/pages.json");

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SiteMap {
    pub tabs: Vec<Tab>,
}

/// A tab for one kind of visitor.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Tab {
    pub id: String,
    pub icon: String,
    pub title: Text,
    /// Who the tab is for, in one line.
    pub audience: Text,
    pub pages: Vec<Page>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Page {
    pub id: String,
    pub icon: String,
    pub title: Text,
    pub summary: Text,
}

/// Pages whose body is an interactive tool rather than only text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    SelfCheck,
    CatalogueCheck,
    /// An association's aggregate of its members' shared results.
    Aggregate,
}

/// A place in the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub tab: String,
    pub page: String,
}

impl SiteMap {
    /// The built-in site map. It is tested, so a failure here means a broken build; the site then shows nothing
    /// rather than panicking.
    pub fn builtin() -> SiteMap {
        serde_json::from_str(SITE_JSON).unwrap_or(SiteMap { tabs: Vec::new() })
    }

    pub fn tab(&self, id: &str) -> Option<&Tab> {
        self.tabs.iter().find(|t| t.id == id)
    }

    pub fn page(&self, route: &Route) -> Option<&Page> {
        self.tab(&route.tab)?.pages.iter().find(|p| p.id == route.page)
    }

    /// The first page of the first tab.
    pub fn home(&self) -> Route {
        let tab = self.tabs.first();
        Route {
            tab: tab.map(|t| t.id.clone()).unwrap_or_default(),
            page: tab.and_then(|t| t.pages.first()).map(|p| p.id.clone()).unwrap_or_default(),
        }
    }

    /// The route for a location hash. Unknown tabs go home; a known tab with an unknown page goes to the tab's
    /// first page.
    ///
    /// ```
    /// use tics_domain::site::{Route, SiteMap};
    /// let site = SiteMap::builtin();
    /// assert_eq!(site.route("#/business/self-check"), Route { tab: "business".into(), page: "self-check".into() });
    /// assert_eq!(site.route("#/nowhere"), site.home());
    /// ```
    pub fn route(&self, hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        let (tab, page) = (parts.next(), parts.next());
        let Some(tab) = tab.and_then(|id| self.tab(id)) else {
            return self.home();
        };
        let page = page
            .and_then(|id| tab.pages.iter().find(|p| p.id == id))
            .or_else(|| tab.pages.first())
            .map(|p| p.id.clone())
            .unwrap_or_default();
        Route { tab: tab.id.clone(), page }
    }
}

impl Route {
    /// The location hash of this route.
    pub fn hash(&self) -> String {
        format!("#/{}/{}", self.tab, self.page)
    }

    pub fn tool(&self) -> Option<Tool> {
        match (self.tab.as_str(), self.page.as_str()) {
            ("business", "self-check") => Some(Tool::SelfCheck),
            ("reference", "catalogue-check") => Some(Tool::CatalogueCheck),
            ("reference", "aggregate") => Some(Tool::Aggregate),
            _ => None,
        }
    }
}

macro_rules! pages {
    ($(($tab:literal, $page:literal)),* $(,)?) => {
        /// Every page's Markdown: (tab, page, Japanese, English).
        pub const PAGES: &[(&str, &str, &str, &str)] = &[$((
            $tab,
            $page,
            include_str!(concat!("../../../content/site/", $tab, "/", $page, ".ja.md")),
            include_str!(concat!("../../../content/site/", $tab, "/", $page, ".en.md")),
        )),*];
    };
}

pages![
    ("top", "overview"),
    ("top", "news"),
    ("top", "features"),
    ("top", "pamphlet"),
    ("top", "bodies"),
    ("top", "certified"),
    ("top", "voices"),
    ("top", "faq"),
    ("top", "contact"),
    ("business", "benefits"),
    ("business", "process"),
    ("business", "training"),
    ("business", "self-check"),
    ("business", "audit"),
    ("body", "role"),
    ("body", "forms"),
    ("reference", "laws"),
    ("reference", "links"),
    ("reference", "catalogue-check"),
    ("reference", "aggregate"),
    ("reference", "accessibility"),
];

/// The Markdown of a page in `lang`, if the page exists.
pub fn page_markdown(route: &Route, lang: Lang) -> Option<&'static str> {
    PAGES.iter().find(|(t, p, _, _)| *t == route.tab && *p == route.page).map(|(_, _, ja, en)| match lang {
        Lang::Ja => *ja,
        Lang::En => *en,
    })
}
