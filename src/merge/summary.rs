//! Totals of the 总计划: by 采购包, 品目 and 计量单位, exact.

use super::lines::{Col, Line, compact};
use crate::value::Amount;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

/// One row of the summary sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub package: String,
    /// Normalised 品目 code (or the text as typed).
    pub item: String,
    pub item_name: Option<String>,
    /// 计量单位 as first written.
    pub measure: String,
    /// Sum of 数量 over lines that have one.
    pub quantity: Decimal,
    /// Sum of 预算金额 over lines that have one.
    pub budget: Amount,
    /// Distinct units.
    pub units: usize,
    /// Lines added up.
    pub lines: usize,
}

/// Sort key for 采购包: "2" before "10", then text.
type PackageOrder = (bool, u64, String);

fn package_order(p: &str) -> PackageOrder {
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u64>() {
        Ok(n) => (false, n, p.to_string()),
        Err(_) => (true, 0, p.to_string()),
    }
}

pub fn summarise(lines: &[Line]) -> Vec<SummaryRow> {
    struct Acc {
        row: SummaryRow,
        units: HashSet<String>,
    }
    let mut groups: BTreeMap<(PackageOrder, String, String), Acc> = BTreeMap::new();
    for line in lines {
        let package = line.text(Col::采购包);
        let measure = line.text(Col::计量单位);
        let key = (
            package_order(&compact(&package)),
            line.item.clone(),
            compact(&measure),
        );
        let acc = groups.entry(key).or_insert_with(|| Acc {
            row: SummaryRow {
                package,
                item: line.item.clone(),
                item_name: line.item_name.clone(),
                measure,
                quantity: Decimal::ZERO,
                budget: Amount::ZERO,
                units: 0,
                lines: 0,
            },
            units: HashSet::new(),
        });
        if let Some(q) = line.quantity() {
            // Saturates rather than panicking on absurd inputs; real sums are
            // far from Decimal's limits.
            acc.row.quantity = acc.row.quantity.saturating_add(q);
        }
        if let Some(b) = line.budget() {
            acc.row.budget += b;
        }
        acc.row.lines += 1;
        acc.units.insert(line.unit_key());
    }
    groups
        .into_values()
        .map(|mut a| {
            a.row.units = a.units.len();
            a.row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_sort_by_number() {
        let mut p = vec!["10", "2", "包1", "", "A"];
        p.sort_by_key(|s| package_order(s));
        assert_eq!(p, vec!["包1", "2", "10", "", "A"]);
    }
}
