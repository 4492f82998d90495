//! Excel export, made by a worker that is loaded only when the user first asks for Excel.
use tics_domain::table::Table;
use tics_domain::Text;

pub async fn workbook(_tables: &[Table]) -> Result<Vec<u8>, Text> {
    Err(Text::new("Excel は準備中です", "Excel is not ready yet"))
}
