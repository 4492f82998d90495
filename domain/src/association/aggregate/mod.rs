//! The association's picture of its members, from the files members chose to share ([`crate::association::share`]), with
//! nothing sent to a server: how many members, the levels they attained, the spread of scores per topic, the
//! measures most often not done, the share of measures done per threat, and the change per topic between two
//! fiscal years.
//!
//! Each file is read into a compact [`Member`] (by the content worker, in batches: [`read_members`]); the
//! [`Collection`] keeps one member per self-check and fiscal year (the newest file), and [`Collection::picture`]
//! computes the figures for a filter; [`aggregate_figures`] words them as the one model the screen, the print,
//! the CSV files and the workbook draw from. A member whose file was made with another version of the catalogue
//! (or another association's overlay) is scored on the items both catalogues have.
use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::association::share::{fiscal_year, read_share, SharedFile};
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::{Catalogue, InfoForm, Threat, MAX_LEVEL};
use crate::engine::scoring::{gaps, planning_key, summarise, threat_tallies, Tally};
use crate::engine::selfcheck::{OrgSize, SelfCheck};
use crate::files::envelope::CatalogueRef;

mod chart;
mod model;
mod tables;

pub use chart::{Bar, BoxRow};
pub use model::{aggregate_figures, AggregateFigures, ITEMS_SHOWN};
pub use tables::{picture_tables, PictureTables};

/// One member's figures, as the aggregate needs them. Item positions are in the catalogue in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The name of the file it was read from (shown in the list of duplicates; never exported).
    pub file: String,
    /// The self-check's ID.
    pub id: String,
    pub saved_at: String,
    /// The fiscal year (年度) the file was made in.
    pub year: i32,
    /// The business name, only when the member shared it.
    pub organisation: Option<String>,
    pub catalogue: CatalogueRef,
    /// When the file was made with another catalogue: how many items of the catalogue in use it has.
    pub compared: Option<usize>,
    pub size: OrgSize,
    pub forms: BTreeSet<InfoForm>,
    pub entrusted: bool,
    pub attained: Option<u8>,
    /// Score per topic, in the catalogue's topic order.
    pub topics: Vec<Option<u8>>,
    /// Counts per threat, in [`Threat::ALL`] order.
    pub threats: Vec<Tally>,
    /// Items in the member's self-check.
    pub in_scope: Vec<u32>,
    /// Of those, the items not done (neither done nor not applicable).
    pub gaps: Vec<u32>,
}

/// One self-check's figures, as [`Member`] keeps them.
struct Figures {
    attained: Option<u8>,
    topics: Vec<Option<u8>>,
    threats: Vec<Tally>,
    in_scope: Vec<u32>,
    gaps: Vec<u32>,
}

/// The figures of one self-check against `catalogue` (already restricted to the items the file's catalogue
/// has), with item positions in `full`.
fn figures(full: &Catalogue, catalogue: &Catalogue, check: &SelfCheck) -> Figures {
    let summary = summarise(catalogue, check);
    let position = |id: &str| full.position(id).and_then(|n| u32::try_from(n).ok());
    let in_scope =
        catalogue.items.iter().filter(|i| check.scope(i).in_scope()).filter_map(|i| position(&i.id)).collect();
    let mut gap_positions: Vec<u32> = gaps(catalogue, check).iter().filter_map(|id| position(id)).collect();
    gap_positions.sort_unstable();
    Figures {
        attained: summary.attained_level,
        topics: summary.topics.iter().map(|t| t.tally.percent()).collect(),
        threats: threat_tallies(catalogue, check).into_iter().map(|(_, t)| t).collect(),
        in_scope,
        gaps: gap_positions,
    }
}

/// Reads sharing files into members. `restricted` caches the catalogue narrowed to another version's items.
struct Reader<'a> {
    catalogue: &'a Catalogue,
    restricted: HashMap<CatalogueRef, Catalogue>,
}

impl Reader<'_> {
    fn member(&mut self, file: &str, shared: SharedFile) -> Member {
        let full = self.catalogue;
        let same = shared.catalogue.id == full.id && shared.catalogue.version == full.version;
        let (Figures { attained, topics, threats, in_scope, gaps }, compared) = if same {
            (figures(full, full, &shared.check), None)
        } else {
            let narrowed = self.restricted.entry(shared.catalogue.clone()).or_insert_with(|| {
                let known: HashSet<&str> = shared.catalogue_items.iter().map(String::as_str).collect();
                full.restricted(|i| known.contains(i.id.as_str()))
            });
            (figures(full, narrowed, &shared.check), Some(narrowed.items.len()))
        };
        let profile = &shared.check.profile;
        let organisation = Some(profile.organisation.trim().to_owned()).filter(|o| !o.is_empty());
        Member {
            file: file.to_owned(),
            year: fiscal_year(&shared.saved_at).unwrap_or_default(),
            id: shared.id,
            saved_at: shared.saved_at,
            organisation,
            catalogue: shared.catalogue,
            compared,
            size: profile.size,
            forms: profile.forms.clone(),
            entrusted: profile.entrusted,
            attained,
            topics,
            threats,
            in_scope,
            gaps,
        }
    }
}

/// A file's member, or why it is refused.
pub type MemberReply = Result<Member, Message>;

/// Reads each file (name, bytes) as a member against `catalogue`, in order.
pub fn read_members(catalogue: &Catalogue, files: Vec<(String, Vec<u8>)>) -> Vec<MemberReply> {
    let mut reader = Reader { catalogue, restricted: HashMap::new() };
    files
        .into_iter()
        .map(|(name, bytes)| match read_share(&bytes, catalogue) {
            Ok(shared) => Ok(reader.member(&name, shared)),
            Err(e) => Err(e.message()),
        })
        .collect()
}

/// The members counted so far, the files refused and the files left out as older copies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collection {
    pub members: Vec<Member>,
    /// (file name, why).
    pub refused: Vec<(String, Message)>,
    /// (file left out, file counted instead): several files of one self-check in one fiscal year count once.
    pub duplicates: Vec<(String, String)>,
    /// (self-check ID, fiscal year) → position in `members`.
    index: HashMap<(String, i32), usize>,
}

impl Collection {
    /// Adds a file's reply. Of two files of one self-check and fiscal year, the newer counts.
    pub fn add(&mut self, file: String, reply: MemberReply) {
        let member = match reply {
            Ok(member) => member,
            Err(why) => return self.refused.push((file, why)),
        };
        let key = (member.id.clone(), member.year);
        match self.index.get(&key) {
            Some(&n) => {
                let Some(kept) = self.members.get_mut(n) else { return };
                if member.saved_at > kept.saved_at {
                    let older = std::mem::replace(kept, member);
                    self.duplicates.push((older.file, kept.file.clone()));
                } else {
                    self.duplicates.push((member.file, kept.file.clone()));
                }
            }
            None => {
                self.index.insert(key, self.members.len());
                self.members.push(member);
            }
        }
    }

    /// The fiscal years of the members, oldest first.
    pub fn years(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self.members.iter().map(|m| m.year).collect();
        years.into_iter().collect()
    }

    /// The members `filter` admits.
    pub fn admitted<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Member> + 'a {
        let year = filter.year.or_else(|| self.years().last().copied());
        self.members.iter().filter(move |m| Some(m.year) == year && filter.admits_profile(m))
    }

    /// The figures for the members `filter` admits.
    pub fn picture(&self, catalogue: &Catalogue, filter: &Filter) -> Picture {
        let years = self.years();
        let year = filter.year.or_else(|| years.last().copied());
        let members: Vec<&Member> = self.admitted(filter).collect();
        let previous_year = year.and_then(|y| years.iter().rev().find(|&&p| p < y).copied());
        let earlier = Filter { year: previous_year, ..filter.clone() };
        let previous: Vec<&Member> =
            if previous_year.is_some() { self.admitted(&earlier).collect() } else { Vec::new() };

        let mut levels = vec![0; usize::from(MAX_LEVEL) + 1];
        for m in &members {
            if let Some(slot) = levels.get_mut(usize::from(m.attained.unwrap_or(0))) {
                *slot += 1;
            }
        }
        let topics = catalogue
            .topics
            .iter()
            .enumerate()
            .map(|(n, topic)| {
                let scores = |group: &[&Member]| -> Vec<f64> {
                    group.iter().filter_map(|m| m.topics.get(n).copied().flatten()).map(f64::from).collect()
                };
                let now = scores(&members);
                let previous_median = Quartiles::of(scores(&previous)).map(|q| q.median);
                TopicStats {
                    topic: topic.id.clone(),
                    members: now.len(),
                    below_previous: previous_median.map(|median| now.iter().filter(|&&s| s < median).count()),
                    quartiles: Quartiles::of(now),
                    previous_median,
                }
            })
            .collect();
        let mut counts: Vec<(usize, usize)> = vec![(0, 0); catalogue.items.len()];
        for m in &members {
            for &n in &m.in_scope {
                if let Some(c) = counts.get_mut(n as usize) {
                    c.0 += 1;
                }
            }
            for &n in &m.gaps {
                if let Some(c) = counts.get_mut(n as usize) {
                    c.1 += 1;
                }
            }
        }
        let mut items: Vec<(usize, ItemStat)> = counts
            .into_iter()
            .enumerate()
            .filter(|(_, (members, _))| *members > 0)
            .filter_map(|(n, (members, not_done))| {
                catalogue.items.get(n).map(|i| (n, ItemStat { item: i.id.clone(), members, not_done }))
            })
            .collect();
        items.sort_by(|(na, a), (nb, b)| {
            // Higher share first (compared without rounding), then in planning order: baseline first, then higher
            // importance, then catalogue order.
            let share = (b.not_done * a.members).cmp(&(a.not_done * b.members));
            let key = |n: usize| catalogue.items.get(n).map(|i| planning_key(n, i));
            share.then(key(*na).cmp(&key(*nb)))
        });
        let mut threats: Vec<(Threat, Tally)> = Threat::ALL.iter().map(|&t| (t, Tally::default())).collect();
        for m in &members {
            for ((_, total), tally) in threats.iter_mut().zip(&m.threats) {
                total.absorb(tally);
            }
        }
        let mut versions: Vec<VersionNote> = Vec::new();
        for m in members.iter().filter(|m| m.compared.is_some()) {
            match versions.iter_mut().find(|v| v.catalogue == m.catalogue) {
                Some(v) => v.members += 1,
                None => versions.push(VersionNote {
                    catalogue: m.catalogue.clone(),
                    members: 1,
                    compared: m.compared.unwrap_or_default(),
                }),
            }
        }
        versions.sort_by(|a, b| a.catalogue.cmp(&b.catalogue));
        let mut names: Vec<String> = members.iter().filter_map(|m| m.organisation.clone()).collect();
        names.sort();
        Picture {
            year,
            previous_year: previous_year.filter(|_| !previous.is_empty()),
            previous_members: previous.len(),
            members: members.len(),
            levels,
            topics,
            items: items.into_iter().map(|(_, s)| s).collect(),
            threats,
            names,
            versions,
        }
    }
}

/// Which members the figures are for. `None` and empty sets admit everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The fiscal year; `None` is the newest.
    pub year: Option<i32>,
    pub size: Option<OrgSize>,
    /// Members holding information in at least one of these forms.
    pub forms: BTreeSet<InfoForm>,
    pub entrusted: Option<bool>,
}

impl Filter {
    fn admits_profile(&self, m: &Member) -> bool {
        self.size.is_none_or(|s| s == m.size)
            && (self.forms.is_empty() || self.forms.iter().any(|f| m.forms.contains(f)))
            && self.entrusted.is_none_or(|e| e == m.entrusted)
    }

    /// The filter in words, for the exports and the print ("すべての会員" when it admits everyone).
    pub fn describe(&self) -> Text {
        let mut ja = Vec::new();
        let mut en = Vec::new();
        if let Some(size) = self.size {
            // Mid-sentence in English.
            let label = crate::engine::vocab::size_label(size);
            ja.push(label.ja);
            en.push(label.en.to_lowercase());
        }
        if !self.forms.is_empty() {
            let labels = |lang: Lang| self.forms.iter().map(|f| f.label().get(lang).to_owned()).collect::<Vec<_>>();
            ja.push(format!("情報の形態: {}", labels(Lang::Ja).join("・")));
            en.push(format!("forms: {}", labels(Lang::En).join(", ")));
        }
        match self.entrusted {
            Some(true) => (ja.push("預かり情報あり".to_owned()), en.push("holding entrusted information".to_owned())),
            Some(false) => (ja.push("預かり情報なし".to_owned()), en.push("no entrusted information".to_owned())),
            None => ((), ()),
        };
        if ja.is_empty() {
            Text::new("すべての会員", "All members")
        } else {
            Text::new(ja.join("、"), en.join("; "))
        }
    }
}

/// Minimum, quartiles and maximum of a set of scores. Quartiles interpolate between the two nearest scores (the
/// method of Excel's QUARTILE.INC), so the median of 40 and 60 is 50.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quartiles {
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
}

impl Quartiles {
    /// `None` for no scores.
    pub fn of(mut scores: Vec<f64>) -> Option<Quartiles> {
        scores.sort_by(f64::total_cmp);
        let last = scores.len().checked_sub(1)?;
        let at = |p: f64| {
            let h = last as f64 * p;
            let (lo, frac) = (h.floor() as usize, h - h.floor());
            let low = scores.get(lo).copied().unwrap_or_default();
            let high = scores.get(lo + 1).copied().unwrap_or(low);
            low + frac * (high - low)
        };
        Some(Quartiles { min: at(0.0), q1: at(0.25), median: at(0.5), q3: at(0.75), max: at(1.0) })
    }
}

/// A topic's scores across members.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicStats {
    pub topic: String,
    /// Members with a score in this topic (some have no item of it that counts).
    pub members: usize,
    pub quartiles: Option<Quartiles>,
    /// The median in the previous fiscal year with files, under the same filter.
    pub previous_median: Option<f64>,
    /// Members whose score is below that median: who has not yet reached where the middle member stood a year
    /// before.
    pub below_previous: Option<usize>,
}

/// How often an item is not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemStat {
    pub item: String,
    /// Members whose self-check has the item.
    pub members: usize,
    /// Of those, members who have not done it.
    pub not_done: usize,
}

impl ItemStat {
    /// Percentage of the members not done, rounded to the nearest whole number.
    pub fn share(&self) -> u8 {
        // At most 100, so the cast cannot truncate.
        ((self.not_done * 200 + self.members) / (2 * self.members).max(1)) as u8
    }
}

/// Members whose file was made with another catalogue (version or overlay) than the one in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionNote {
    pub catalogue: CatalogueRef,
    pub members: usize,
    /// Items of the catalogue in use that that catalogue also has: the members are scored on these.
    pub compared: usize,
}

impl VersionNote {
    pub fn describe(&self, catalogue: &Catalogue) -> Text {
        let (id, version, n, c, total) =
            (&self.catalogue.id, &self.catalogue.version, self.members, self.compared, catalogue.items.len());
        Text::new(
            format!("{n} 件は別の版のカタログ（{id} {version}）で作られています。現在のカタログ {total} 項目のうち、両方にある {c} 項目で比べています。"),
            format!("{n} file(s) were made with another catalogue ({id} {version}); they are compared on the {c} of the current catalogue's {total} items that both have."),
        )
    }
}

/// The figures for the members a filter admits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    /// The fiscal year shown (`None` when there are no members at all).
    pub year: Option<i32>,
    /// The fiscal year before it that has files for the same filter, for the change per topic.
    pub previous_year: Option<i32>,
    pub previous_members: usize,
    pub members: usize,
    /// Members by attained level: index 0 is "baseline not attained", then levels 1 to [`MAX_LEVEL`].
    pub levels: Vec<usize>,
    pub topics: Vec<TopicStats>,
    /// Items most often not done first.
    pub items: Vec<ItemStat>,
    /// Counts per threat over all members' self-checks.
    pub threats: Vec<(Threat, Tally)>,
    /// The business names members shared, sorted.
    pub names: Vec<String>,
    pub versions: Vec<VersionNote>,
}

impl Picture {
    /// The percentage (rounded down) of the members in a slot of [`Picture::levels`]; `None` without members.
    pub fn level_share(&self, slot: usize) -> Option<u8> {
        let n = self.levels.get(slot).copied().unwrap_or(0);
        // At most 100, so the cast cannot truncate.
        (n * 100).checked_div(self.members).map(|s| s as u8)
    }
}

/// A fiscal year as its label: 2026年度 / FY2026.
pub fn year_label(year: i32) -> Text {
    Text::new(format!("{year}年度"), format!("FY{year}"))
}

/// A score as shown: whole numbers without decimals, otherwise one decimal.
///
/// ```
/// use tics_domain::aggregate::score_text;
/// assert_eq!(score_text(50.0), "50");
/// assert_eq!(score_text(62.5), "62.5");
/// ```
pub fn score_text(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    }
}

/// The change of a median as shown, with its sign: "+12.5", "−3", "±0".
pub fn change_text(now: f64, before: f64) -> String {
    let d = now - before;
    if d.abs() < 0.05 {
        "±0".to_owned()
    } else if d > 0.0 {
        format!("+{}", score_text(d))
    } else {
        format!("−{}", score_text(-d))
    }
}

/// The label of a slot of [`Picture::levels`].
pub fn level_slot_label(slot: usize) -> Text {
    match slot {
        0 => crate::engine::vocab::attained_text(None),
        n => {
            let name = crate::engine::vocab::level_name(u8::try_from(n).unwrap_or(MAX_LEVEL));
            Text::new(format!("{} まで達成", name.ja), format!("{} attained", name.en))
        }
    }
}
