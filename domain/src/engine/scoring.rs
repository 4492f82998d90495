//! Scores per topic and overall, the level fully attained, and the gaps (baseline first).
//!
//! Scoring rule: among the items in the self-check, "done" earns a full point and "partly done" half a point;
//! "not applicable" with a reason leaves the item out of the denominator. Unanswered, "not done" and
//! "don't know" earn nothing. The score is the percentage of points over the items that count.
use std::cmp::Reverse;

use crate::catalogue::{Catalogue, Importance, Item, Threat, MAX_LEVEL};
use crate::engine::selfcheck::{Scope, SelfCheck, Status};

/// Counts for one topic (or for the whole self-check).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// Items in the self-check.
    pub in_scope: usize,
    /// Of those, items with a status that counts.
    pub answered: usize,
    pub done: usize,
    pub partial: usize,
    pub not_done: usize,
    pub unknown: usize,
    pub not_applicable: usize,
}

impl Tally {
    /// Adds another tally's counts (the association's totals over members).
    pub fn absorb(&mut self, other: &Tally) {
        self.in_scope += other.in_scope;
        self.answered += other.answered;
        self.done += other.done;
        self.partial += other.partial;
        self.not_done += other.not_done;
        self.unknown += other.unknown;
        self.not_applicable += other.not_applicable;
    }

    /// Percentage of the items that count (not "not applicable") that are done, rounded down; `None` when no
    /// item counts. Unlike [`Tally::percent`], "partly done" earns nothing.
    pub fn done_share(&self) -> Option<u8> {
        let counted = self.in_scope - self.not_applicable;
        // At most 100, so the cast cannot truncate.
        (self.done * 100).checked_div(counted).map(|p| p as u8)
    }

    fn add(&mut self, status: Option<Status>) {
        self.in_scope += 1;
        if status.is_some() {
            self.answered += 1;
        }
        match status {
            Some(Status::Done) => self.done += 1,
            Some(Status::Partial) => self.partial += 1,
            Some(Status::NotDone) => self.not_done += 1,
            Some(Status::Unknown) => self.unknown += 1,
            Some(Status::NotApplicable) => self.not_applicable += 1,
            None => {}
        }
    }

    /// Score in percent (rounded down), or `None` when no item counts.
    pub fn percent(&self) -> Option<u8> {
        let counted = self.in_scope - self.not_applicable;
        if counted == 0 {
            return None;
        }
        let half_points = 2 * self.done + self.partial;
        // At most 100, so the cast cannot truncate.
        Some((half_points * 100 / (2 * counted)) as u8)
    }

    /// Percentage of items answered (rounded down); 100 when there is nothing to answer.
    pub fn progress(&self) -> u8 {
        // At most 100, so the cast cannot truncate.
        (self.answered * 100).checked_div(self.in_scope).map_or(100, |p| p as u8)
    }
}

/// Score of one topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: String,
    pub tally: Tally,
}

/// The whole picture shown in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub topics: Vec<TopicScore>,
    pub overall: Tally,
    /// The highest level whose applicable items are all done (or not applicable with a reason).
    pub attained_level: Option<u8>,
    /// Items in the self-check that are not done, baseline (level 1) first; see [`gaps`].
    pub gaps: Vec<String>,
}

/// Computes the summary of `check` against `catalogue`.
pub fn summarise(catalogue: &Catalogue, check: &SelfCheck) -> Summary {
    let mut overall = Tally::default();
    let topics = catalogue
        .topics
        .iter()
        .map(|topic| {
            let mut tally = Tally::default();
            for item in catalogue.items_of(&topic.id).filter(|i| check.scope(i).in_scope()) {
                let status = effective(check, item);
                tally.add(status);
                overall.add(status);
            }
            TopicScore { topic: topic.id.clone(), tally }
        })
        .collect();
    Summary { topics, overall, attained_level: attained_level(catalogue, check), gaps: gaps(catalogue, check) }
}

/// Counts per threat ([`Threat::ALL`] order) over the items in the self-check that answer it. An item that
/// answers several threats counts under each.
pub fn threat_tallies(catalogue: &Catalogue, check: &SelfCheck) -> Vec<(Threat, Tally)> {
    let mut tallies: Vec<(Threat, Tally)> = Threat::ALL.iter().map(|&t| (t, Tally::default())).collect();
    for item in catalogue.items.iter().filter(|i| check.scope(i).in_scope()) {
        let status = effective(check, item);
        for (threat, tally) in &mut tallies {
            if item.threats.contains(threat) {
                tally.add(status);
            }
        }
    }
    tallies
}

/// The feared threat an item is shown under when the self-check is viewed by threat: the first of
/// `check.feared_threats` (in [`Threat::ALL`] order) that the item answers, so that no item is shown twice.
/// `None` for an item outside the self-check or one that answers none of the feared threats.
pub fn threat_of(check: &SelfCheck, item: &Item) -> Option<Threat> {
    if !check.scope(item).in_scope() {
        return None;
    }
    check.feared_threats.iter().copied().find(|t| item.threats.contains(t))
}

/// The view by threat: each feared threat ([`Threat::ALL`] order), even one with no items, with the IDs of the
/// items in the self-check shown under it (see [`threat_of`]), in planning order: baseline level first, then higher
/// importance, then catalogue order. Items that answer none of the feared threats are left out; the topic view
/// shows them.
pub fn threat_order(catalogue: &Catalogue, check: &SelfCheck) -> Vec<(Threat, Vec<String>)> {
    check
        .feared_threats
        .iter()
        .map(|&threat| {
            let mut items: Vec<(usize, &Item)> =
                catalogue.items.iter().enumerate().filter(|(_, i)| threat_of(check, i) == Some(threat)).collect();
            items.sort_by_key(|&(n, i)| planning_key(n, i));
            (threat, items.into_iter().map(|(_, i)| i.id.clone()).collect())
        })
        .collect()
}

/// The order items are worked through in: lower level (the baseline) first, then higher importance, then
/// catalogue order (`n` is the item's position in the catalogue).
pub(crate) fn planning_key(n: usize, item: &Item) -> (u8, Reverse<Importance>, usize) {
    (item.level, Reverse(item.importance), n)
}

fn effective(check: &SelfCheck, item: &Item) -> Option<Status> {
    check.answer(&item.id).and_then(|a| a.effective_status())
}

/// The highest level L such that every item of level ≤ L that applies to the profile (and is not set aside) is
/// done or not applicable with a reason. `None` when even the baseline (level 1) is not complete.
pub fn attained_level(catalogue: &Catalogue, check: &SelfCheck) -> Option<u8> {
    let complete = |level: u8| {
        catalogue
            .items
            .iter()
            .filter(|i| i.level == level)
            .filter(|i| match check.scope(i) {
                Scope::Selected | Scope::Added | Scope::AboveLevel => true,
                Scope::SetAside(_) => false,
                // Items the profile does not select count only when the user added them (handled above).
                Scope::NotForProfile | Scope::NotAssigned => false,
            })
            .all(|i| matches!(effective(check, i), Some(Status::Done | Status::NotApplicable)))
    };
    (1..=MAX_LEVEL).take_while(|&l| complete(l)).last()
}

/// The items in the self-check that are not yet done, ordered for planning: lower level (the baseline) first,
/// then higher importance, then catalogue order.
pub fn gaps(catalogue: &Catalogue, check: &SelfCheck) -> Vec<String> {
    let mut gaps: Vec<(usize, &Item)> = catalogue
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| check.scope(i).in_scope())
        .filter(|(_, i)| !matches!(effective(check, i), Some(Status::Done | Status::NotApplicable)))
        .collect();
    gaps.sort_by_key(|&(n, i)| planning_key(n, i));
    gaps.into_iter().map(|(_, i)| i.id.clone()).collect()
}

/// The gaps in the order of the action plan: by priority (the user's, or baseline first by default), then in
/// gap order.
pub fn plan_order(catalogue: &Catalogue, check: &SelfCheck) -> Vec<String> {
    let mut order: Vec<(usize, String)> = gaps(catalogue, check).into_iter().enumerate().collect();
    order.sort_by_key(|(n, id)| (catalogue.item(id).map(|i| check.priority(i)), *n));
    order.into_iter().map(|(_, id)| id).collect()
}

/// True when every item of the self-check has an answer that counts.
pub fn is_complete(summary: &Summary) -> bool {
    summary.overall.in_scope > 0 && summary.overall.answered == summary.overall.in_scope
}

/// The fields a host page may ask to receive when a self-check is completed. Nothing else is ever sent: no
/// names, notes or answers.
pub const COMPLETION_FIELDS: [&str; 6] =
    ["overallScore", "attainedLevel", "answered", "inScope", "topicScores", "catalogue"];

/// The completion event's detail, holding only the requested fields (unknown names are ignored), as JSON.
///
/// ```
/// use tics_domain::scoring::{completion_detail, summarise};
/// use tics_domain::{Catalogue, SelfCheck};
/// let c = Catalogue::default_tics().unwrap();
/// let s = summarise(&c, &SelfCheck::default());
/// assert_eq!(completion_detail(&c, &s, &["inScope".into(), "notes".into()]), format!("{{\"inScope\":{}}}", s.overall.in_scope));
/// ```
pub fn completion_detail(catalogue: &Catalogue, summary: &Summary, fields: &[String]) -> String {
    use serde_json::{json, Map, Value};
    let mut out = Map::new();
    for field in fields.iter().filter(|f| COMPLETION_FIELDS.contains(&f.as_str())) {
        let value = match field.as_str() {
            "overallScore" => json!(summary.overall.percent()),
            "attainedLevel" => json!(summary.attained_level),
            "answered" => json!(summary.overall.answered),
            "inScope" => json!(summary.overall.in_scope),
            "topicScores" => {
                Value::Object(summary.topics.iter().map(|t| (t.topic.clone(), json!(t.tally.percent()))).collect())
            }
            _ => json!({ "id": catalogue.id, "version": catalogue.version }),
        };
        out.insert(field.clone(), value);
    }
    Value::Object(out).to_string()
}
