//! jicai（集采）：政府采购政策的规则与文书生成引擎。
//!
//! ```text
//! rules/*.rules ─parse─► AST ─resolve─► RuleSet ─┐
//! workbook ─read─► Table(s) ─────────────────────┼─► engine ─► Findings ─► report
//! project.yaml ─► Facts ─────────────────────────┘
//! ```

pub mod calendar;
pub mod check;
pub mod citation;
pub mod cli;
pub mod docgen;
pub mod dsl;
pub mod engine;
pub mod error;
pub mod finding;
pub mod html;
pub mod library;
pub mod merge;
pub mod model;
pub mod output;
pub mod progress;
pub mod project;
pub mod report;
pub mod rulediff;
pub mod ruletest;
pub mod serve;
pub mod table;
pub mod value;
