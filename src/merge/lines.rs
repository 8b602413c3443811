//! The demand lines of every 需求表 read, with where each came from.

use super::DEMAND_TABLE;
use crate::table::{Table, TableSpec};
use crate::value::codes::Catalog;
use crate::value::{Amount, Value, normalize_text};
use rust_decimal::Decimal;

/// The columns the merge itself reads (totals, conflicts); the 明细 shows
/// every declared column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    参与单位,
    单位代码,
    采购包,
    采购品目,
    数量,
    计量单位,
    预算金额,
    项目名称,
}

impl Col {
    pub const ALL: [Col; 8] = [
        Col::参与单位,
        Col::单位代码,
        Col::采购包,
        Col::采购品目,
        Col::数量,
        Col::计量单位,
        Col::预算金额,
        Col::项目名称,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Col::参与单位 => "参与单位",
            Col::单位代码 => "单位代码",
            Col::采购包 => "采购包",
            Col::采购品目 => "采购品目",
            Col::数量 => "数量",
            Col::计量单位 => "计量单位",
            Col::预算金额 => "预算金额",
            Col::项目名称 => "项目名称",
        }
    }
}

/// One row of a participant's 需求表.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Index of its table in the check's data set.
    pub table: usize,
    pub file: String,
    pub sheet: String,
    /// 1-based sheet row.
    pub sheet_row: u32,
    /// Every declared column's value, in declaration order (amounts in 元).
    pub row: Vec<Value>,
    /// The values of [`Col::ALL`].
    key: Vec<Value>,
    /// 品目 code normalised through the catalogue ("A02010105"), or the
    /// text as typed when it is not a catalogue code.
    pub item: String,
    /// The catalogue's name for the 品目, if it is one.
    pub item_name: Option<String>,
}

impl Line {
    /// A column's value as text (full-width forms folded; empty when blank).
    pub fn text(&self, column: Col) -> String {
        match self.key.get(column as usize) {
            None | Some(Value::Empty) => String::new(),
            Some(Value::Text(s)) => normalize_text(s),
            Some(other) => other.display(),
        }
    }
    pub fn quantity(&self) -> Option<Decimal> {
        match self.key.get(Col::数量 as usize) {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        }
    }
    pub fn budget(&self) -> Option<Amount> {
        match self.key.get(Col::预算金额 as usize) {
            Some(Value::Amount(a)) => Some(*a),
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

/// Text compared without spaces ("市 教育局" and "市教育局" are one unit).
pub fn compact(s: &str) -> String {
    normalize_text(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every data row of every 需求表, in file then row order.
pub fn collect(spec: &TableSpec, tables: &[Table], catalog: &Catalog) -> Vec<Line> {
    let index: Vec<Option<usize>> = Col::ALL.iter().map(|c| spec_index(spec, *c)).collect();
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        if t.table != DEMAND_TABLE {
            continue;
        }
        for row in &t.rows {
            let key: Vec<Value> = index
                .iter()
                .map(|i| {
                    i.and_then(|i| row.values.get(i).cloned())
                        .unwrap_or(Value::Empty)
                })
                .collect();
            let typed = match &key[Col::采购品目 as usize] {
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
                row: row.values.clone(),
                key,
                item: entry.map_or_else(|| typed.to_uppercase(), |e| e.code.clone()),
                item_name: entry.map(|e| e.name.clone()),
            });
        }
    }
    out
}

/// The declared-column index (in the table spec) of a merge column.
pub fn spec_index(spec: &TableSpec, col: Col) -> Option<usize> {
    spec.column_index(col.name())
}
