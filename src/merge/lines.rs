//! The demand lines of every 需求表 read, with where each came from.

use super::DEMAND_TABLE;
use crate::table::{Table, TableSpec};
use crate::value::codes::Catalog;
use crate::value::{Amount, Value, normalize_text};
use rust_decimal::Decimal;

/// The declared columns a line carries, in 明细 order.
pub const COLUMNS: [&str; 14] = [
    "参与单位",
    "单位代码",
    "预算级次",
    "是否牵头单位",
    "采购包",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额",
    "项目名称",
    "代理机构",
    "代理机构类型",
    "组织形式",
    "临时采购计划类型",
];

/// One row of a participant's 需求表.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Index of its table in the check's data set.
    pub table: usize,
    pub file: String,
    pub sheet: String,
    /// 1-based sheet row.
    pub sheet_row: u32,
    /// Values of [`COLUMNS`], as read (amounts in 元).
    pub values: Vec<Value>,
    /// 品目 code normalised through the catalogue ("A02010105"), or the
    /// text as typed when it is not a catalogue code.
    pub item: String,
    /// The catalogue's name for the 品目, if it is one.
    pub item_name: Option<String>,
}

impl Line {
    pub fn text(&self, column: Col) -> String {
        match &self.values[column as usize] {
            Value::Empty => String::new(),
            Value::Text(s) => normalize_text(s),
            other => other.display(),
        }
    }
    pub fn quantity(&self) -> Option<Decimal> {
        match &self.values[Col::数量 as usize] {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    pub fn budget(&self) -> Option<Amount> {
        match &self.values[Col::预算金额 as usize] {
            Value::Amount(a) => Some(*a),
            _ => None,
        }
    }
    /// Who the unit is: its 单位代码 when given, else its name.
    pub fn unit_key(&self) -> String {
        let code = self.text(Col::单位代码);
        if code.is_empty() {
            format!("名称:{}", compact(&self.text(Col::参与单位)))
        } else {
            format!("代码:{}", code.to_uppercase())
        }
    }
}

/// Index into [`COLUMNS`] and [`Line::values`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    参与单位,
    单位代码,
    预算级次,
    是否牵头单位,
    采购包,
    采购品目,
    数量,
    计量单位,
    预算金额,
    项目名称,
    代理机构,
    代理机构类型,
    组织形式,
    临时采购计划类型,
}

impl Col {
    /// Every column, in [`COLUMNS`] order.
    pub const ALL: [Col; 14] = [
        Col::参与单位,
        Col::单位代码,
        Col::预算级次,
        Col::是否牵头单位,
        Col::采购包,
        Col::采购品目,
        Col::数量,
        Col::计量单位,
        Col::预算金额,
        Col::项目名称,
        Col::代理机构,
        Col::代理机构类型,
        Col::组织形式,
        Col::临时采购计划类型,
    ];
}

/// Text compared without spaces ("市 教育局" and "市教育局" are one unit).
pub fn compact(s: &str) -> String {
    normalize_text(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every data row of every 需求表, in file then row order.
pub fn collect(spec: &TableSpec, tables: &[Table], catalog: &Catalog) -> Vec<Line> {
    let index: Vec<Option<usize>> = COLUMNS.iter().map(|c| spec.column_index(c)).collect();
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        if t.table != DEMAND_TABLE {
            continue;
        }
        for row in &t.rows {
            let values: Vec<Value> = index
                .iter()
                .map(|i| {
                    i.and_then(|i| row.values.get(i).cloned())
                        .unwrap_or(Value::Empty)
                })
                .collect();
            let typed = match &values[Col::采购品目 as usize] {
                Value::Text(s) => normalize_text(s),
                Value::Empty => String::new(),
                other => other.display(),
            };
            let entry = catalog.get(&typed);
            out.push(Line {
                table: ti,
                file: t.file.clone(),
                sheet: t.sheet.clone(),
                sheet_row: row.sheet_row,
                item: entry.map_or_else(|| typed.to_uppercase(), |e| e.code.clone()),
                item_name: entry.map(|e| e.name.clone()),
                values,
            });
        }
    }
    out
}

/// For each table: the 0-based sheet column of each of [`COLUMNS`].
pub fn sheet_columns(spec: &TableSpec, tables: &[Table]) -> Vec<Vec<Option<u32>>> {
    tables
        .iter()
        .map(|t| {
            Col::ALL
                .iter()
                .map(|c| spec_index(spec, *c).and_then(|i| t.columns.get(i).copied().flatten()))
                .collect()
        })
        .collect()
}

/// The declared-column index (in the table spec) of a line column.
pub fn spec_index(spec: &TableSpec, col: Col) -> Option<usize> {
    spec.column_index(COLUMNS[col as usize])
}
