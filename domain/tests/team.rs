//! Merging several people's answers (tics_domain::team), as properties: a file merged into the self-check it came
//! from changes nothing, and answers to disjoint assignments merged equal the same answers given in one place.
use proptest::prelude::*;
use tics_domain::team::{hand_out, merge, Person, Returned};
use tics_domain::{Answer, Catalogue, SelfCheck, Status};

fn ids() -> Vec<String> {
    Catalogue::default_tics().unwrap().items.iter().map(|i| i.id.clone()).take(40).collect()
}

fn an_answer() -> impl Strategy<Value = Answer> {
    (
        proptest::option::of(proptest::sample::select(Status::ALL.to_vec())),
        ".{0,8}",
        prop_oneof![Just(String::new()), "[a-z]{1,6}"],
    )
        .prop_map(|(status, note, checker)| Answer { status, note, checker, ..Answer::default() })
}

/// Each person with the answers they give to their own items.
type Shares = Vec<(Person, Vec<(String, Answer)>)>;

/// A self-check with some answers already, and a few people each answering their own share of the items.
fn scenario() -> impl Strategy<Value = (SelfCheck, Shares)> {
    let ids = ids();
    let before = proptest::collection::btree_map(proptest::sample::select(ids.clone()), an_answer(), 0..10);
    let shares = proptest::collection::vec((proptest::sample::select(ids), an_answer()), 0..30);
    (before, shares, 1..4usize).prop_map(|(before, shares, people)| {
        let check = SelfCheck { answers: before, ..SelfCheck::default() };
        let mut handed: Vec<(Person, Vec<(String, Answer)>)> = (0..people)
            .map(|n| (Person { id: format!("p{n}"), name: format!("p{n}"), department: String::new() }, Vec::new()))
            .collect();
        // Each item goes to one person only: disjoint assignments.
        let mut seen = std::collections::BTreeSet::new();
        for (n, (item, answer)) in shares.into_iter().enumerate() {
            if seen.insert(item.clone()) {
                handed[n % people].1.push((item, answer));
            }
        }
        (check, handed)
    })
}

fn returned(check: &SelfCheck, person: &Person, answers: &[(String, Answer)]) -> Returned {
    let items: Vec<String> = answers.iter().map(|(i, _)| i.clone()).collect();
    Returned { handed_out: hand_out(check, person, &items), answers: answers.iter().cloned().collect() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_file_merged_into_the_self_check_it_came_from_changes_nothing((check, handed) in scenario()) {
        for (person, answers) in &handed {
            let items: Vec<String> = answers.iter().map(|(i, _)| i.clone()).collect();
            let unchanged = hand_out(&check, person, &items);
            let file = Returned { answers: unchanged.given.clone(), handed_out: unchanged };
            let merged = merge(&check, &[file]);
            prop_assert_eq!(&merged.check, &check);
            prop_assert!(merged.conflicts.is_empty() && merged.taken.is_empty());
        }
    }

    #[test]
    fn disjoint_assignments_merged_equal_answering_in_one_place((check, handed) in scenario()) {
        let files: Vec<Returned> = handed.iter().map(|(p, a)| returned(&check, p, a)).collect();
        let merged = merge(&check, &files);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        // The same answers given in one place, each signed by its person where "checked by" was left empty.
        let mut expected = check.clone();
        for (person, answers) in &handed {
            for (item, answer) in answers {
                if Some(answer) == check.answers.get(item).or(Some(&Answer::default())) {
                    continue; // Left as handed out: the owner's answer stands, unsigned.
                }
                let mut answer = answer.clone();
                if answer.checker.trim().is_empty() && answer != Answer::default() {
                    answer.checker = person.signature();
                }
                if answer == Answer::default() {
                    expected.answers.remove(item);
                } else {
                    expected.answers.insert(item.clone(), answer);
                }
            }
        }
        prop_assert_eq!(merged.check, expected);
    }
}
