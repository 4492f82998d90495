//! The views of the self-check, shown one at a time behind the tabs.
use tics_domain::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Check,
    Inventory,
    Plan,
    Documents,
    Periodic,
    Compare,
    Files,
    Report,
    Team,
    Schedule,
}

impl View {
    pub const ALL: [View; 10] = [
        View::Check,
        View::Inventory,
        View::Plan,
        View::Documents,
        View::Periodic,
        View::Compare,
        View::Team,
        View::Schedule,
        View::Files,
        View::Report,
    ];

    pub fn label(self) -> Text {
        match self {
            View::Check => Text::new("セルフチェック", "Self-check"),
            View::Inventory => Text::new("情報の目録", "Inventory"),
            View::Plan => Text::new("行動計画", "Action plan"),
            View::Documents => Text::new("様式・文書", "Templates"),
            View::Periodic => Text::new("定期報告", "Periodic report"),
            View::Compare => Text::new("前回との比較", "Compare"),
            View::Files => Text::new("保存・読み込み", "Files"),
            View::Report => Text::new("レポート印刷", "Print report"),
            View::Team => Text::new("チーム", "Team"),
            View::Schedule => Text::new("予定", "Schedule"),
        }
    }

    /// Stable key for `data-` attributes and test IDs.
    pub fn key(self) -> &'static str {
        match self {
            View::Check => "check",
            View::Inventory => "inventory",
            View::Plan => "plan",
            View::Documents => "documents",
            View::Periodic => "periodic",
            View::Compare => "compare",
            View::Files => "files",
            View::Report => "report",
            View::Team => "team",
            View::Schedule => "schedule",
        }
    }
}
