//! What several test files share: any action a user could send, for property tests.
#![allow(dead_code)]

use proptest::prelude::*;
use tics_domain::catalogue::Threat;
use tics_domain::inventory::{InventoryAction, RowField};
use tics_domain::periodic::{CriterionField, PeriodicAction};
use tics_domain::selfcheck::{DocumentField, OrgSize, PlanField, Priority, StatementField, ROTATION_YEARS};
use tics_domain::{Action, InfoForm, Status};

pub fn status_strategy() -> impl Strategy<Value = Option<Status>> {
    prop_oneof![Just(None), proptest::sample::select(Status::ALL.to_vec()).prop_map(Some)]
}

/// Any action a user (or a broken clock) could send, valid or not: unknown items, levels and years out of range,
/// dates that are not dates, blank reasons.
const CRITERION_FIELDS: [CriterionField; 13] = [
    CriterionField::Chapter,
    CriterionField::Section,
    CriterionField::Clause,
    CriterionField::Number,
    CriterionField::Content,
    CriterionField::AuditCheck,
    CriterionField::PeriodCheck,
    CriterionField::Date,
    CriterionField::Checker,
    CriterionField::ExcludedReason,
    CriterionField::ExcludedBy,
    CriterionField::Problems,
    CriterionField::Handling,
];

pub fn action_strategy(ids: Vec<String>) -> impl Strategy<Value = Action> {
    let item = prop_oneof![4 => proptest::sample::select(ids), 1 => Just("retired-measure".to_owned())];
    let date = prop_oneof![Just(String::new()), "(19|20)[0-9]{2}-[0-1][0-9]-[0-3][0-9]", "[0-9+-]{10}", ".{0,12}"];
    let row = prop_oneof![
        4 => proptest::sample::select(vec!["cs-1".to_owned(), "cs-11".to_owned(), "r1".to_owned(), "r2".to_owned()]),
        1 => Just("no-such-row".to_owned())
    ];
    let reason = "\\s{0,3}|\\PC{1,12}";
    let answers = prop_oneof![
        (0u8..=5).prop_map(Action::SetTargetLevel),
        (item.clone(), status_strategy(), date.clone()).prop_map(|(item, status, today)| Action::SetStatus {
            item,
            status,
            today
        }),
        (item.clone(), date.clone()).prop_map(|(item, text)| Action::SetDate { item, text }),
        (item.clone(), reason).prop_map(|(item, text)| Action::SetReason { item, text }),
        (item.clone(), reason).prop_map(|(item, reason)| Action::SetAside { item, reason }),
        item.clone().prop_map(Action::Include),
        item.clone().prop_map(Action::ClearOverride),
        (0usize..5, any::<bool>()).prop_map(|(n, on)| Action::SetForm(InfoForm::ALL[n], on)),
        (0usize..5, any::<bool>()).prop_map(|(n, on)| Action::SetFeared(Threat::ALL[n], on)),
        any::<bool>().prop_map(|large| Action::SetSize(if large { OrgSize::Large } else { OrgSize::Small })),
        ".{0,8}".prop_map(Action::SetDefaultChecker),
    ]
    .boxed();
    let plan_and_report =
        prop_oneof![
            (item.clone(), 0usize..3, date.clone()).prop_map(|(item, f, text)| Action::SetPlanText {
                item,
                field: [PlanField::Measure, PlanField::Owner, PlanField::Due][f],
                text
            }),
            (item.clone(), proptest::option::of(0usize..3))
                .prop_map(|(item, p)| Action::SetPriority { item, priority: p.map(|p| Priority::ALL[p]) }),
            (row.clone(), 0usize..13, date.clone()).prop_map(|(row, f, text)| Action::Periodic(
                PeriodicAction::SetText { row, field: CRITERION_FIELDS[f], text }
            )),
            (row.clone(), any::<bool>(), date, ".{0,4}").prop_map(|(row, unchanged, today, checker)| Action::Periodic(
                PeriodicAction::MarkUnchanged { row, unchanged, today, checker }
            )),
            (row.clone(), any::<bool>())
                .prop_map(|(row, excluded)| Action::Periodic(PeriodicAction::SetExcluded { row, excluded })),
            (row.clone(), proptest::option::of(0u8..=ROTATION_YEARS + 2))
                .prop_map(|(row, year)| Action::Periodic(PeriodicAction::SetYear { row, year })),
            (row.clone(), item.clone()).prop_map(|(row, item)| Action::Periodic(PeriodicAction::Link { row, item })),
            (row.clone(), item).prop_map(|(row, item)| Action::Periodic(PeriodicAction::Unlink { row, item })),
            Just(Action::Periodic(PeriodicAction::SpreadRotation)),
            Just(Action::Periodic(PeriodicAction::AddRow { id: String::new() })),
            Just(Action::Periodic(PeriodicAction::UseStandard)),
            row.prop_map(|row| Action::Periodic(PeriodicAction::DeleteRow(row))),
            ".{0,8}".prop_map(|text| Action::SetStatementText { field: StatementField::Scope, text }),
            ".{0,8}".prop_map(|text| Action::SetDocumentText { field: DocumentField::ReportingRoute, text }),
        ]
        .boxed();
    let text = "\\PC{0,16}|[=+@'-]\\PC{0,8}|.{0,12}";
    let field = proptest::sample::select(RowField::ALL.to_vec());
    let inventory = prop_oneof![
        Just(InventoryAction::Add),
        (0usize..8).prop_map(InventoryAction::AddExample),
        (0usize..4, field, text).prop_map(|(row, field, text)| InventoryAction::Edit { row, field, text }),
        (0usize..4, 0usize..5, any::<bool>()).prop_map(|(row, f, on)| InventoryAction::SetForm {
            row,
            form: InfoForm::ALL[f],
            on
        }),
        (0usize..4, any::<bool>()).prop_map(|(row, on)| InventoryAction::SetEntrusted { row, on }),
        (0usize..4).prop_map(InventoryAction::Duplicate),
        (0usize..4).prop_map(InventoryAction::Delete),
        (0usize..4, 0usize..4).prop_map(|(row, to)| InventoryAction::Move { row, to }),
        proptest::collection::vec(".{0,6}", 0..4).prop_map(InventoryAction::SetClasses),
    ]
    .prop_map(Action::Inventory)
    .boxed();
    prop_oneof![answers, plan_and_report, inventory]
}
