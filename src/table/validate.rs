//! Checks that need the whole table: merged data cells, required and unique
//! columns, the 合计 row against the sum of the rows, duplicated headers.

use super::sheet::{Ctx, TableState, TotalKind};
use super::{CellIssue, CellIssueKind, Row, Table, column_letter, header};
use crate::value::{Value, normalize_text};
use calamine::Dimensions;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Cells (1-based sheet row, declared column).
type CellSet = HashSet<(u32, usize)>;

pub(crate) fn finish(
    ctx: &Ctx<'_>,
    sheet: &str,
    mut t: TableState<'_>,
    merges: &[Dimensions],
) -> Table {
    let spec = &ctx.specs[t.header.spec];
    t.rows.sort_by_key(|r| r.sheet_row);
    let (covered, propagated) = apply_merges(&mut t, merges);
    let mut issues = std::mem::take(&mut t.issues);
    let typed_badly: HashSet<(u32, u32)> = issues
        .iter()
        .filter(|i| i.kind == CellIssueKind::类型)
        .map(|i| (i.row, i.col))
        .collect();
    let found: Vec<Option<u32>> = t
        .header
        .found
        .iter()
        .map(|f| f.as_ref().map(|f| f.col))
        .collect();

    for (d, col) in spec.columns.iter().enumerate() {
        let Some(sheet_col) = found[d] else { continue };
        if col.required {
            for r in &t.rows {
                let blank = r.values[d].is_empty()
                    && !typed_badly.contains(&(r.sheet_row, sheet_col))
                    && !covered.contains(&(r.sheet_row, d));
                if blank {
                    issues.push(issue(
                        CellIssueKind::必填,
                        r.sheet_row,
                        sheet_col,
                        &col.name,
                        format!("第{}行 {} 为必填项，不能为空", r.sheet_row, col.name),
                        Vec::new(),
                    ));
                }
            }
        }
        if col.unique {
            unique(&t.rows, d, sheet_col, &col.name, &propagated, &mut issues);
        }
    }

    for dup in &t.header.duplicates {
        let name = &spec.columns[dup.decl].name;
        let (first, again) = (column_letter(dup.first_col), column_letter(dup.col));
        issues.push(issue(
            CellIssueKind::唯一,
            dup.row + 1,
            dup.col,
            name,
            format!(
                "表头“{}”（{again}列）与 {first} 列重复，都对应“{name}”；已按 {first} 列读取，{again} 列未读取",
                dup.text
            ),
            vec![("首次出现列".into(), first.clone()), ("重复列".into(), again)],
        ));
    }

    let total = match t.total.take() {
        // Several 小计 rows are subtotals of groups, not the table's total.
        Some((_, TotalKind::Sub, _)) if t.subtotals > 1 => None,
        Some((row, _, total_issues)) => {
            issues.extend(total_issues);
            if spec.has_total {
                check_total(&t, &row, &found, &mut issues);
            }
            Some(row)
        }
        None => None,
    };

    issues.sort_by_key(|i| (i.row, i.col));
    Table {
        table: spec.name.clone(),
        file: ctx.file.to_string(),
        sheet: sheet.to_string(),
        header_row: t.header.row + 1,
        columns: found,
        headers: t
            .header
            .found
            .iter()
            .map(|f| f.as_ref().map(|f| f.text.clone()))
            .collect(),
        units: t.plans.iter().map(|p| p.amount_unit).collect(),
        missing_required: spec
            .columns
            .iter()
            .zip(&t.header.found)
            .filter(|(c, f)| c.required && f.is_none())
            .map(|(c, _)| c.name.clone())
            .collect(),
        mapping: std::mem::take(&mut t.header.columns),
        rows: t.rows,
        total,
        issues,
    }
}

fn issue(
    kind: CellIssueKind,
    row: u32,
    col: u32,
    column: &str,
    message: String,
    values: Vec<(String, String)>,
) -> CellIssue {
    CellIssue {
        kind,
        row,
        col,
        column: column.to_string(),
        message,
        values,
    }
}

/// A cell merged over several data rows holds its value in the top-left
/// cell only. Covered cells are never "missing"; in columns that do not add
/// up (text, dates, enumerations…) they take the top-left value, which is
/// what the person filling the form meant. Amounts are not copied: that
/// would count them several times.
fn apply_merges(t: &mut TableState<'_>, merges: &[Dimensions]) -> (CellSet, CellSet) {
    let mut covered = CellSet::new();
    let mut propagated = CellSet::new();
    for m in merges {
        let single = m.end == m.start;
        let inverted = m.end.0 < m.start.0 || m.end.1 < m.start.1;
        if single || inverted || m.start.0 <= t.header.row {
            continue;
        }
        // Rows in the region, by 1-based sheet row.
        let (top, bottom) = (u64::from(m.start.0) + 1, u64::from(m.end.0) + 1);
        let lo = t.rows.partition_point(|r| u64::from(r.sheet_row) < top);
        let hi = t.rows.partition_point(|r| u64::from(r.sheet_row) <= bottom);
        let origin_value = t.decl(m.start.1).and_then(|d| {
            let first = t.rows.get(lo).filter(|r| u64::from(r.sheet_row) == top)?;
            let copy = !header::is_summable(&t.plans[d].spec.ty) && !first.values[d].is_empty();
            copy.then(|| (d, first.values[d].clone()))
        });
        let last_col = m.end.1.min(t.mapped_width());
        let decls: Vec<usize> = (m.start.1..=last_col.max(m.start.1))
            .filter_map(|c| t.decl(c))
            .collect();
        for r in &mut t.rows[lo..hi] {
            let is_origin = u64::from(r.sheet_row) == top;
            for &d in &decls {
                if !is_origin {
                    covered.insert((r.sheet_row, d));
                }
            }
            if let Some((d, v)) = &origin_value
                && !is_origin
                && r.values[*d].is_empty()
            {
                r.values[*d] = v.clone();
                propagated.insert((r.sheet_row, *d));
            }
        }
    }
    (covered, propagated)
}

fn unique(
    rows: &[Row],
    d: usize,
    col: u32,
    name: &str,
    propagated: &CellSet,
    issues: &mut Vec<CellIssue>,
) {
    // ahash: fast, and seeded per process so an upload cannot be crafted to
    // make every key collide.
    let mut seen: HashMap<Cow<'_, str>, u32, ahash::RandomState> =
        HashMap::with_capacity_and_hasher(rows.len(), ahash::RandomState::new());
    for r in rows {
        let v = &r.values[d];
        if v.is_empty() || propagated.contains(&(r.sheet_row, d)) {
            continue;
        }
        let key = match v {
            Value::Text(s) if is_normal(s) => Cow::Borrowed(s.as_str()),
            Value::Text(s) => Cow::Owned(normalize_text(s)),
            v => Cow::Owned(v.canonical()),
        };
        match seen.get(&key) {
            Some(&first) => issues.push(issue(
                CellIssueKind::唯一,
                r.sheet_row,
                col,
                name,
                format!(
                    "第{}行 {name}“{}”与第{first}行重复",
                    r.sheet_row,
                    v.display()
                ),
                vec![
                    ("重复值".into(), v.canonical()),
                    ("首次出现行".into(), first.to_string()),
                ],
            )),
            None => {
                seen.insert(key, r.sheet_row);
            }
        }
    }
}

/// Whether `normalize_text` would leave `s` as it is (no full-width forms,
/// no surrounding spaces), so it can be used as a key without copying.
fn is_normal(s: &str) -> bool {
    s.trim() == s
        && !s
            .chars()
            .any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}'))
}

/// Each amount/number in the 合计 row must equal the exact sum of the rows.
fn check_total(
    t: &TableState<'_>,
    total: &Row,
    found: &[Option<u32>],
    issues: &mut Vec<CellIssue>,
) {
    for (d, plan) in t.plans.iter().enumerate() {
        let Some(col) = found[d] else { continue };
        if !header::is_summable(&plan.spec.ty) {
            continue;
        }
        let stated = &total.values[d];
        let Some(sum) = sum_column(&t.rows, d, stated) else {
            continue;
        };
        if sum == *stated {
            continue;
        }
        let diff = match (stated, &sum) {
            (Value::Amount(a), Value::Amount(b)) => {
                Value::Amount(crate::value::Amount::from_yuan(a.yuan() - b.yuan())).display()
            }
            (Value::Number(a), Value::Number(b)) => (a - b).normalize().to_string(),
            _ => continue,
        };
        issues.push(issue(
            CellIssueKind::合计,
            total.sheet_row,
            col,
            &plan.spec.name,
            format!(
                "第{}行 合计行 {} 为 {}，各行相加为 {}，相差 {diff}",
                total.sheet_row,
                plan.spec.name,
                stated.display(),
                sum.display()
            ),
            vec![
                ("合计行".into(), stated.canonical()),
                ("各行之和".into(), sum.canonical()),
            ],
        ));
    }
}

/// The exact sum of a column, in the same kind as the stated total; `None`
/// when there is nothing to compare (blank total, overflow).
fn sum_column(rows: &[Row], d: usize, stated: &Value) -> Option<Value> {
    match stated {
        Value::Amount(_) => {
            let mut s = Decimal::ZERO;
            for r in rows {
                if let Value::Amount(a) = &r.values[d] {
                    s = s.checked_add(a.yuan())?;
                }
            }
            Some(Value::Amount(crate::value::Amount::from_yuan(s)))
        }
        Value::Number(_) => {
            let mut s = Decimal::ZERO;
            for r in rows {
                if let Value::Number(n) = &r.values[d] {
                    s = s.checked_add(*n)?;
                }
            }
            Some(Value::Number(s))
        }
        _ => None,
    }
}
