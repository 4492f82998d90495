//! The periodic report as it is printed and handed to the certification body: its title lines, the table of
//! 付録1's columns, and who signs it.
use crate::base::table::Table;
use crate::base::text::Lang;
use crate::catalogue::Catalogue;
use crate::engine::selfcheck::SelfCheck;
use crate::files::tables::periodic_print_table;

/// The printed periodic report, in one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrintedSheet {
    pub title: String,
    /// The lines under the title (the business, the period).
    pub lines: Vec<String>,
    pub table: Table,
    /// The signer's title and name, as entered (either may be empty).
    pub signer: String,
}

/// The printed periodic report of `check` in `lang`.
pub fn printed_sheet(catalogue: &Catalogue, check: &SelfCheck, lang: Lang) -> PrintedSheet {
    let mut table = periodic_print_table(catalogue, check, lang);
    let mut title = std::mem::take(&mut table.title).into_iter();
    let statement = &check.statement;
    let signer = [statement.signer_title.trim(), statement.signer_name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    PrintedSheet { title: title.next().unwrap_or_default(), lines: title.collect(), table, signer }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_is_signed_by_title_then_name() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        check.statement.signer_name = " 山田 ".into();
        let sheet = printed_sheet(&catalogue, &check, Lang::Ja);
        assert_eq!(sheet.signer, "山田");
        check.statement.signer_title = "代表取締役".into();
        let sheet = printed_sheet(&catalogue, &check, Lang::Ja);
        assert_eq!(sheet.signer, "代表取締役 山田");
        assert!(!sheet.title.is_empty());
        assert_eq!(sheet.table.title, Vec::<String>::new(), "the title lines are the sheet's");
    }
}
