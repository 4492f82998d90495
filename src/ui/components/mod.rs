//! Components: the pieces views are built from. They read the language, catalogue and domain verbs through
//! `use_self_check()` and get the data they show as props.
pub mod bar_chart;
pub mod box_chart;
pub mod checksheet_import;
pub mod criterion_card;
pub mod data_table;
pub mod document_buttons;
pub mod export_button;
pub mod guidance_body;
pub mod icons;
pub mod inventory_import;
pub mod inventory_row;
pub mod item_card;
pub mod jump_link;
pub mod level_choice;
pub mod markdown;
pub mod nodes;
pub mod periodic_sheet;
pub mod profile_step;
pub mod score_chart;
pub mod summary;
pub mod table_import;
pub mod template_entry;
pub mod template_links;
pub mod topic_pager;
pub mod topic_section;
