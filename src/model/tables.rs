//! Declared tables (from `表` blocks in the rules): what columns a table has,
//! what they are called in real uploads, their types and units.

use crate::citation::Citation;
use crate::value::AmountUnit;

#[derive(Debug, Clone, PartialEq)]
pub enum ColumnType {
    文本,
    /// Counts and plain numbers (数量, 供应商数).
    数值,
    /// Money; `unit` is the unit assumed when neither the header nor the
    /// cell names one.
    金额 {
        unit: AmountUnit,
    },
    百分比,
    期间,
    日期,
    是否,
    /// One of the listed texts (compared after normalisation).
    枚举(Vec<String>),
}

impl ColumnType {
    /// Chinese name for messages ("金额", "日期", …).
    pub fn name(&self) -> &'static str {
        match self {
            ColumnType::文本 => "文本",
            ColumnType::数值 => "数值",
            ColumnType::金额 { .. } => "金额",
            ColumnType::百分比 => "百分比",
            ColumnType::期间 => "期间",
            ColumnType::日期 => "日期",
            ColumnType::是否 => "是否",
            ColumnType::枚举(_) => "枚举",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    /// Canonical name, used in rules.
    pub name: String,
    /// Other header texts that mean this column (the name itself always matches).
    pub aliases: Vec<String>,
    pub ty: ColumnType,
    pub required: bool,
    pub unique: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableSpec {
    pub name: String,
    /// Sheet names that suggest this table (the name itself always does).
    pub aliases: Vec<String>,
    pub columns: Vec<ColumnSpec>,
    /// Whether a 合计 row is expected/checked for this table.
    pub has_total: bool,
    /// Where the table's form comes from; cited by its built-in findings.
    pub citations: Vec<Citation>,
}

impl TableSpec {
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}
