//! jicai（集采）：政府采购政策的规则与文书生成引擎。
//!
//! ```text
//! rules/*.rules ─parse─► AST ─resolve─► RuleSet ─┐
//! workbook ─read─► Table(s) ─────────────────────┼─► engine ─► Findings ─► report
//! project.yaml ─► Facts ─────────────────────────┘
//! ```

pub mod calendar;
pub mod citation;
pub mod table;
pub mod value;
pub mod dsl;
pub mod model;
pub mod engine;
pub mod finding;
