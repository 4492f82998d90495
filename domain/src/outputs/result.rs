//! The self-check's result as every output shows it: how many items are answered, the score, the level
//! attained, and a row per topic and per threat with its label, its words and the tally it rests on (the rule
//! that turns a tally into a score is [`Tally::percent`]).
use crate::base::text::{Lang, Text};
use crate::catalogue::{Catalogue, Threat};
use crate::engine::scoring::{threat_tallies, Summary, Tally};
use crate::engine::selfcheck::SelfCheck;
use crate::engine::vocab::{attained_text, level_name, measures_done, percent_text, threat_name, topic_label};

/// A topic's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicFigure {
    pub id: String,
    /// Its mark and title (its ID if the catalogue does not know it).
    pub label: String,
    /// "answered / in the self-check".
    pub answered: String,
    pub tally: Tally,
}

/// A threat's row: every threat, those the business fears most marked in words.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatFigure {
    pub threat: Threat,
    pub feared: bool,
    pub name: String,
    /// How many of its measures are done.
    pub done: String,
    pub tally: Tally,
}

/// The self-check's result in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultFigures {
    /// "answered / in the self-check", over every topic.
    pub answered: String,
    /// The overall score, "75%" or a dash.
    pub score: String,
    pub attained_level: Option<u8>,
    /// The tally over every topic.
    pub overall: Tally,
    pub topics: Vec<TopicFigure>,
    pub threats: Vec<ThreatFigure>,
}

/// "answered / in the self-check" for `tally`.
fn answered(tally: &Tally) -> String {
    format!("{} / {}", tally.answered, tally.in_scope)
}

/// The result of `check` (summarised as `summary`) in `lang`.
pub fn result_figures(catalogue: &Catalogue, check: &SelfCheck, summary: &Summary, lang: Lang) -> ResultFigures {
    let topics = summary
        .topics
        .iter()
        .map(|ts| TopicFigure {
            id: ts.topic.clone(),
            label: topic_label(catalogue, lang, &ts.topic),
            answered: answered(&ts.tally),
            tally: ts.tally.clone(),
        })
        .collect();
    let threats = threat_tallies(catalogue, check)
        .into_iter()
        .map(|(threat, tally)| {
            let feared = check.feared_threats.contains(&threat);
            ThreatFigure {
                threat,
                feared,
                name: threat_name(threat, feared).get(lang).to_owned(),
                done: measures_done(&tally).get(lang).to_owned(),
                tally,
            }
        })
        .collect();
    ResultFigures {
        answered: answered(&summary.overall),
        score: percent_text(summary.overall.percent()),
        attained_level: summary.attained_level,
        overall: summary.overall.clone(),
        topics,
        threats,
    }
}

/// The progress of a page of a paged list (a topic, a threat): "回答 3 / 10", "answered 3 / 10".
pub fn page_progress(answered: usize, of: usize, lang: Lang) -> String {
    format!("{} {answered} / {of}", Text::new("回答", "answered").get(lang))
}

/// The progress of the items `ids` of `check` (those under a threat), as [`page_progress`] says it.
pub fn items_progress(check: &SelfCheck, ids: &[String], lang: Lang) -> String {
    let answered = ids.iter().filter(|id| check.answer(id).and_then(|a| a.effective_status()).is_some()).count();
    page_progress(answered, ids.len(), lang)
}

/// The progress of the topic `id` in `summary`, as [`page_progress`] says it (nothing answered of nothing if the
/// summary does not know the topic).
pub fn topic_progress(summary: &Summary, id: &str, lang: Lang) -> String {
    let tally = summary.topics.iter().find(|s| s.topic == id).map(|s| &s.tally);
    let (answered, of) = tally.map_or((0, 0), |t| (t.answered, t.in_scope));
    page_progress(answered, of, lang)
}

/// Under the list by threat: how many items of the self-check answer none of the feared threats (listed in
/// `order`), where the list by topic shows them; nothing when every item is listed.
pub fn unlisted_by_threat(summary: &Summary, order: &[(Threat, Vec<String>)], lang: Lang) -> Option<String> {
    let listed: usize = order.iter().map(|(_, ids)| ids.len()).sum();
    let others = summary.overall.in_scope.saturating_sub(listed);
    (others > 0).then(|| match lang {
        Lang::Ja => format!("選んだ脅威のどれにも当たらない {others} 項目は、トピック別の一覧で確認できます。"),
        Lang::En => {
            let (s, verb, pronoun) = if others == 1 { ("", "s", "it") } else { ("s", "", "them") };
            format!("{others} item{s} of your self-check answer{verb} none of the threats you chose; the list by topic shows {pronoun}.")
        }
    })
}

impl ResultFigures {
    /// The level attained as the summary says it: "Level 2 (standard) attained", or that the baseline is not.
    pub fn attained(&self, lang: Lang) -> String {
        match self.attained_level {
            Some(level) => {
                let (ja, en) = ("を達成", "attained");
                format!("{} {}", level_name(level).get(lang), Text::new(ja, en).get(lang))
            }
            None => attained_text(None).get(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::summarise;
    use crate::engine::selfcheck::{Action, Status};

    #[test]
    fn the_figures_count_and_word_what_the_summary_and_the_tables_show() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        let first = catalogue.items.iter().find(|i| check.scope(i).in_scope()).unwrap().clone();
        let done = Action::SetStatus { item: first.id.clone(), status: Some(Status::Done), today: String::new() };
        check.apply(&catalogue, done).unwrap();
        check.apply(&catalogue, Action::SetFeared(Threat::ALL[0], true)).unwrap();
        let summary = summarise(&catalogue, &check);
        let f = result_figures(&catalogue, &check, &summary, Lang::En);
        assert_eq!(f.answered, format!("1 / {}", summary.overall.in_scope));
        assert_eq!(f.score, percent_text(summary.overall.percent()));
        let topic = f.topics.iter().find(|t| t.id == first.topic).unwrap();
        assert_eq!(topic.answered, format!("1 / {}", topic.tally.in_scope));
        assert_eq!(topic.label, catalogue.topic(&first.topic).unwrap().label(Lang::En));
        assert_eq!(f.threats.len(), Threat::ALL.len());
        assert!(f.threats[0].feared && f.threats[0].name.ends_with("(feared most)"), "{:?}", f.threats[0]);
        assert!(!f.threats[1].feared);
        assert_eq!(f.attained(Lang::En), "Baseline not attained");
        assert_eq!(ResultFigures { attained_level: Some(2), ..f }.attained(Lang::Ja), "レベル2（標準） を達成");
        assert_eq!(items_progress(&check, &[first.id.clone(), "none".into()], Lang::En), "answered 1 / 2");
        assert_eq!(topic_progress(&summary, "no-such-topic", Lang::Ja), "回答 0 / 0");
        let others = summary.overall.in_scope - 1;
        let one_listed = [(Threat::ALL[0], vec![first.id.clone()])];
        assert_eq!(
            unlisted_by_threat(&summary, &one_listed, Lang::En).unwrap(),
            format!(
                "{others} items of your self-check answer none of the threats you chose; the list by topic shows them."
            )
        );
        let all_but_one = [(Threat::ALL[0], vec!["x".to_owned(); others])];
        assert!(unlisted_by_threat(&summary, &all_but_one, Lang::En)
            .unwrap()
            .starts_with("1 item of your self-check answers none"));
        let all = [(Threat::ALL[0], vec!["x".to_owned(); others + 1])];
        assert_eq!(unlisted_by_threat(&summary, &all, Lang::Ja), None);
    }
}
