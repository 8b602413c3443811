//! Finding the header row and mapping sheet columns to declared columns.
//!
//! Real uploads put title rows ("2025年部门预算政府采购项目安排情况表") and a
//! unit line ("单位：万元") above the header, merge header cells, split a
//! header over two rows (a merged parent over sub-headers), and write units
//! into the header ("合同金额（元）"). We score every early row against every
//! declared table and keep the best fit.

use super::cell::{AsCell, CellRef};
use super::{ColumnType, TableSpec, column_letter};
use crate::value::{AmountUnit, normalize_header};
use calamine::{Data, Dimensions};
use std::collections::HashMap;

/// How many non-blank rows at the top of a sheet may hold the header.
pub(crate) const HEADER_WINDOW: usize = 30;

/// A non-blank row kept while the header is not known yet.
#[derive(Debug, Clone)]
pub(crate) struct WinRow {
    /// 0-based sheet row.
    pub row: u32,
    /// Non-blank cells, by ascending 0-based column.
    pub cells: Vec<(u32, Data)>,
}

/// Every declared name and alias, normalised once: header text → the
/// (table, column) pairs it names.
pub(crate) struct AliasIndex {
    map: HashMap<String, Vec<(u32, u32)>>,
    /// Normalised table names and aliases, for matching sheet names.
    table_names: Vec<Vec<String>>,
}

impl AliasIndex {
    pub(crate) fn new(specs: &[TableSpec]) -> AliasIndex {
        let mut map: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        for (t, spec) in specs.iter().enumerate() {
            for (c, col) in spec.columns.iter().enumerate() {
                let mut keys: Vec<String> = std::iter::once(&col.name)
                    .chain(col.aliases.iter())
                    .map(|s| normalize_header(s))
                    .filter(|k| !k.is_empty())
                    .collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    map.entry(k).or_default().push((t as u32, c as u32));
                }
            }
        }
        let table_names = specs
            .iter()
            .map(|s| {
                std::iter::once(&s.name)
                    .chain(s.aliases.iter())
                    .map(|n| normalize_header(n))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .collect();
        AliasIndex { map, table_names }
    }

    /// A normalised header text: exact, or with a trailing "(…)" taken as
    /// its unit ("合同金额(元)" → 合同金额 with unit "元").
    fn lookup<'s>(&self, h: &'s str) -> Option<Lookup<'_, 's>> {
        if let Some(hits) = self.map.get(h) {
            return Some((hits, None));
        }
        let (base, inner) = split_bracket(h)?;
        self.map
            .get(base)
            .map(|hits| (hits.as_slice(), Some(inner)))
    }

    fn sheet_matches(&self, spec: usize, sheet: &str) -> bool {
        let sheet = normalize_header(sheet);
        self.table_names
            .get(spec)
            .is_some_and(|names| names.iter().any(|n| sheet.contains(n.as_str())))
    }
}

/// The (table, column) pairs a header names, and the unit text in its
/// trailing bracket.
type Lookup<'i, 's> = (&'i [(u32, u32)], Option<&'s str>);

/// "合同金额(万元)" → ("合同金额", "万元").
fn split_bracket(h: &str) -> Option<(&str, &str)> {
    let body = h.strip_suffix(')')?;
    let open = body.rfind('(')?;
    if open == 0 {
        return None;
    }
    Some((&body[..open], &body[open + 1..]))
}

/// The amount unit named by a header's bracket text ("万元", "元，含税").
pub(crate) fn amount_unit_in(text: &str) -> Option<AmountUnit> {
    if let Some(u) = AmountUnit::parse(text) {
        return Some(u);
    }
    if text.contains("亿元") {
        Some(AmountUnit::亿元)
    } else if text.contains("万元") {
        Some(AmountUnit::万元)
    } else if text.contains('元') {
        Some(AmountUnit::元)
    } else {
        None
    }
}

/// Text that is only a unit, as a sub-header under a parent column name:
/// "(万元)", "万元", "%", "天".
fn unit_only(h: &str) -> Option<&str> {
    let inner = h
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(h);
    let is_unit = amount_unit_in(inner).is_some_and(|_| inner.chars().count() <= 3)
        || matches!(inner, "%" | "日" | "天" | "工作日" | "月" | "个月" | "年");
    is_unit.then_some(inner)
}

/// One declared column found in the sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// 0-based sheet column.
    pub col: u32,
    /// The header as written (parent and child joined for two-row headers).
    pub text: String,
    /// The bracketed unit text in the header, if any ("万元", "%", "月").
    pub unit: Option<String>,
}

/// A second sheet column whose header names an already-mapped column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Duplicate {
    pub decl: usize,
    pub row: u32,
    pub col: u32,
    pub first_col: u32,
    pub text: String,
}

/// The chosen header: which table, where, and which sheet column holds
/// each declared column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderMatch {
    pub spec: usize,
    /// 0-based sheet row of the (last) header row.
    pub row: u32,
    pub found: Vec<Option<Found>>,
    pub duplicates: Vec<Duplicate>,
    /// Unit from a "单位：万元" line above the header.
    pub sheet_unit: Option<AmountUnit>,
}

/// A header row being scored for one table. Found columns are kept sparse:
/// a table may declare far more columns than a sheet has.
struct Candidate {
    spec: usize,
    row: u32,
    found: Vec<(usize, Found)>,
    duplicates: Vec<Duplicate>,
}

impl Candidate {
    fn get(&self, decl: usize) -> Option<&Found> {
        self.found.iter().find(|(d, _)| *d == decl).map(|(_, f)| f)
    }

    fn into_match(self, columns: usize) -> HeaderMatch {
        let mut found = vec![None; columns];
        for (d, f) in self.found {
            found[d] = Some(f);
        }
        HeaderMatch {
            spec: self.spec,
            row: self.row,
            found,
            duplicates: self.duplicates,
            sheet_unit: None,
        }
    }
}

/// Looks up cells of the header window, with merged regions resolved to
/// their top-left cell.
struct Grid<'w> {
    rows: &'w [WinRow],
    by_row: HashMap<u32, usize>,
    merges: Vec<Dimensions>,
}

impl<'w> Grid<'w> {
    fn new(rows: &'w [WinRow], merges: &'w [Dimensions]) -> Self {
        let by_row = rows.iter().enumerate().map(|(i, r)| (r.row, i)).collect();
        // Only regions reaching into the window matter; a sheet may merge
        // cells on every one of its data rows.
        let (first, last) = match (rows.first(), rows.last()) {
            (Some(f), Some(l)) => (f.row, l.row),
            _ => (0, 0),
        };
        let merges = merges
            .iter()
            .filter(|m| m.start.0 <= last && m.end.0 >= first)
            .copied()
            .collect();
        Grid {
            rows,
            by_row,
            merges,
        }
    }

    fn raw(&self, row: u32, col: u32) -> Option<&'w Data> {
        let r = &self.rows[*self.by_row.get(&row)?];
        let i = r.cells.binary_search_by_key(&col, |c| c.0).ok()?;
        Some(&r.cells[i].1)
    }

    /// The cell's effective value and the cell it really comes from.
    fn get(&self, row: u32, col: u32) -> (Option<&'w Data>, (u32, u32)) {
        let origin = self
            .merges
            .iter()
            .find(|m| m.contains(row, col))
            .map(|m| m.start)
            .unwrap_or((row, col));
        (self.raw(origin.0, origin.1), origin)
    }

    /// Columns worth looking at in `row` (its cells, the row above, merges).
    fn columns(&self, row: u32, max_columns: u32) -> Vec<u32> {
        let mut cols = Vec::new();
        for r in [row.checked_sub(1), Some(row)].into_iter().flatten() {
            if let Some(&i) = self.by_row.get(&r) {
                cols.extend(self.rows[i].cells.iter().map(|c| c.0));
            }
            for m in self
                .merges
                .iter()
                .filter(|m| m.start.0 <= r && r <= m.end.0)
            {
                let end = m.end.1.min(max_columns.saturating_sub(1));
                cols.extend(m.start.1..=end.max(m.start.1));
            }
        }
        cols.retain(|&c| c < max_columns);
        cols.sort_unstable();
        cols.dedup();
        cols
    }
}

fn cell_text(d: Option<&Data>) -> String {
    d.map(|d| d.cell().text().trim().to_string())
        .unwrap_or_default()
}

/// Finds the best (row, table) pair, or says why no table fits.
pub(crate) fn detect(
    window: &[WinRow],
    merges: &[Dimensions],
    specs: &[TableSpec],
    index: &AliasIndex,
    sheet: &str,
    max_columns: u32,
) -> Result<HeaderMatch, String> {
    let grid = Grid::new(window, merges);
    let mut best: Option<(Key, Candidate)> = None;
    for wr in window {
        for (spec, m) in score_row(&grid, wr.row, index, max_columns) {
            let key = Key::new(&m, &specs[spec], index.sheet_matches(spec, sheet));
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, m));
            }
        }
    }
    let Some((key, c)) = best else {
        return Err(no_table_reason(specs, None));
    };
    let spec = &specs[c.spec];
    let mut m = c.into_match(spec.columns.len());
    let needed = spec.columns.len().min(2);
    if spec.columns.is_empty() || key.score < needed {
        return Err(no_table_reason(specs, Some(&m)));
    }
    m.sheet_unit = sheet_unit(window, m.row);
    Ok(m)
}

/// Ordering of candidate headers: more columns, then more required columns,
/// then a sheet named like the table, then the earlier row, then the
/// earlier-declared table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    score: usize,
    required: usize,
    sheet_named: bool,
    earlier_row: std::cmp::Reverse<u32>,
    earlier_spec: std::cmp::Reverse<usize>,
}

impl Key {
    fn new(m: &Candidate, spec: &TableSpec, sheet_named: bool) -> Key {
        let required = m
            .found
            .iter()
            .filter(|(d, _)| spec.columns[*d].required)
            .count();
        Key {
            score: m.found.len(),
            required,
            sheet_named,
            earlier_row: std::cmp::Reverse(m.row),
            earlier_spec: std::cmp::Reverse(m.spec),
        }
    }
}

/// What one header cell names.
struct CellMatch<'a> {
    hits: &'a [(u32, u32)],
    /// Sheet row of the cell the text comes from (a merge's top-left).
    row: u32,
    text: String,
    unit: Option<String>,
    /// Matched only through the row above (this row's cell is blank).
    parent_only: bool,
}

/// Scores `row` as a header for every table it names at least one column of.
fn score_row(
    grid: &Grid<'_>,
    row: u32,
    index: &AliasIndex,
    max_columns: u32,
) -> Vec<(usize, Candidate)> {
    let mut per_spec: HashMap<usize, Candidate> = HashMap::new();
    let mut direct = 0usize;
    let mut matches = Vec::new();
    for col in grid.columns(row, max_columns) {
        if let Some(cm) = match_cell(grid, row, col, index) {
            direct += usize::from(!cm.parent_only);
            matches.push((col, cm));
        }
    }
    for (col, cm) in matches {
        // A row that names nothing itself is not a header, even if the row
        // above shows through its blanks.
        if cm.parent_only && direct == 0 {
            continue;
        }
        let mut specs_hit: Vec<u32> = cm.hits.iter().map(|h| h.0).collect();
        specs_hit.dedup();
        for t in specs_hit {
            let t = t as usize;
            let m = per_spec.entry(t).or_insert_with(|| Candidate {
                spec: t,
                row,
                found: Vec::new(),
                duplicates: Vec::new(),
            });
            // One header cell fills one column of a table: the first free one
            // among those it names.
            let cands = cm
                .hits
                .iter()
                .filter(|h| h.0 as usize == t)
                .map(|h| h.1 as usize);
            if let Some(c) = cands.clone().find(|&c| m.get(c).is_none()) {
                let text = cm.text.clone();
                let unit = cm.unit.clone();
                m.found.push((c, Found { col, text, unit }));
            } else if let Some(c) = cands.clone().next()
                && let Some(first) = m.get(c)
            {
                m.duplicates.push(Duplicate {
                    decl: c,
                    row: cm.row,
                    col,
                    first_col: first.col,
                    text: cm.text.clone(),
                });
            }
        }
    }
    let mut out: Vec<_> = per_spec.into_iter().collect();
    out.sort_by_key(|(t, _)| *t);
    out
}

fn match_cell<'i>(
    grid: &Grid<'_>,
    row: u32,
    col: u32,
    index: &'i AliasIndex,
) -> Option<CellMatch<'i>> {
    let (cell, origin) = grid.get(row, col);
    // A header merged across columns belongs to its first column only.
    let own = origin.1 == col;
    let text = if own { cell_text(cell) } else { String::new() };
    let parent = match row.checked_sub(1) {
        Some(up) => {
            let (pcell, porigin) = grid.get(up, col);
            // The same merged cell spanning both rows is not a parent.
            if porigin == origin {
                String::new()
            } else {
                cell_text(pcell)
            }
        }
        None => String::new(),
    };
    let h = normalize_header(&text);
    if !h.is_empty() {
        if let Some((hits, unit)) = index.lookup(&h) {
            return Some(CellMatch {
                hits,
                row: origin.0,
                text,
                unit: unit.map(str::to_string),
                parent_only: false,
            });
        }
        if parent.is_empty() {
            return None;
        }
        let p = normalize_header(&parent);
        if let Some(u) = unit_only(&h) {
            let (hits, _) = index.lookup(&p)?;
            return Some(CellMatch {
                hits,
                row: origin.0,
                text: format!("{parent}{text}"),
                unit: Some(u.to_string()),
                parent_only: false,
            });
        }
        let joined = format!("{p}{h}");
        let (hits, unit) = index.lookup(&joined)?;
        return Some(CellMatch {
            hits,
            row: origin.0,
            text: format!("{parent}{text}"),
            unit: unit.map(str::to_string),
            parent_only: false,
        });
    }
    if parent.is_empty() {
        return None;
    }
    let p = normalize_header(&parent);
    let (hits, unit) = index.lookup(&p)?;
    Some(CellMatch {
        hits,
        row: row - 1,
        text: parent,
        unit: unit.map(str::to_string),
        parent_only: true,
    })
}

/// A "单位：万元" / "金额单位：元" line above the header.
fn sheet_unit(window: &[WinRow], header_row: u32) -> Option<AmountUnit> {
    window
        .iter()
        .take_while(|r| r.row < header_row)
        .flat_map(|r| &r.cells)
        .find_map(|(_, d)| unit_line(&normalize_header(&d.cell().text())))
}

/// The unit of "单位：万元", also inside "填报单位：某局 单位：万元".
fn unit_line(h: &str) -> Option<AmountUnit> {
    h.match_indices("单位").find_map(|(at, w)| {
        let rest = h[at + w.len()..].trim_start_matches([':', '：']);
        let rest = rest.strip_prefix("人民币").unwrap_or(rest);
        [
            ("亿元", AmountUnit::亿元),
            ("万元", AmountUnit::万元),
            ("元", AmountUnit::元),
        ]
        .into_iter()
        .find(|(word, _)| rest.starts_with(word))
        .map(|(_, unit)| unit)
    })
}

/// Why no declared table fits, naming the closest one and what it lacks.
fn no_table_reason(specs: &[TableSpec], closest: Option<&HeaderMatch>) -> String {
    if specs.is_empty() {
        return "没有声明任何表格".to_string();
    }
    let Some(m) = closest else {
        let names: Vec<&str> = specs.iter().take(5).map(|s| s.name.as_str()).collect();
        return format!(
            "前 {HEADER_WINDOW} 个非空行中找不到任何已声明表格的表头（已声明：{}）",
            names.join("、")
        );
    };
    let spec = &specs[m.spec];
    let found: Vec<String> = spec
        .columns
        .iter()
        .zip(&m.found)
        .filter_map(|(c, f)| {
            f.as_ref()
                .map(|f| format!("{}（{}列）", c.name, column_letter(f.col)))
        })
        .collect();
    let missing: Vec<&str> = spec
        .columns
        .iter()
        .zip(&m.found)
        .filter(|(_, f)| f.is_none())
        .map(|(c, _)| c.name.as_str())
        .collect();
    let missing = if missing.len() > 10 {
        format!("{} 等 {} 列", missing[..10].join("、"), missing.len())
    } else {
        missing.join("、")
    };
    format!(
        "表头不足以识别为任何已声明表格；最接近的是“{}”（第{}行只匹配到：{}；缺少：{}）",
        spec.name,
        m.row + 1,
        if found.is_empty() {
            "无".to_string()
        } else {
            found.join("、")
        },
        missing
    )
}

/// Whether a column type adds up in a 合计 row.
pub(crate) fn is_summable(ty: &ColumnType) -> bool {
    matches!(ty, ColumnType::金额 { .. } | ColumnType::数值)
}

/// Owned copy of a borrowed cell, for rows kept in the header window.
pub(crate) fn to_data(c: CellRef<'_>) -> Data {
    match c {
        CellRef::Empty => Data::Empty,
        CellRef::Text(s) => Data::String(s.to_string()),
        CellRef::Int(i) => Data::Int(i),
        CellRef::Float(f) => Data::Float(f),
        CellRef::Bool(b) => Data::Bool(b),
        CellRef::DateTime(d) => Data::DateTime(d),
        CellRef::Iso(s) => Data::DateTimeIso(s.to_string()),
        CellRef::Error(e) => Data::Error(e.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_lines() {
        assert_eq!(unit_line("单位:万元"), Some(AmountUnit::万元));
        assert_eq!(unit_line("金额单位:人民币元"), Some(AmountUnit::元));
        assert_eq!(unit_line("填报单位:某局单位:亿元"), Some(AmountUnit::亿元));
        assert_eq!(unit_line("填报单位:某局"), None);
    }

    #[test]
    fn brackets_split_off_units() {
        assert_eq!(split_bracket("合同金额(万元)"), Some(("合同金额", "万元")));
        assert_eq!(split_bracket("(万元)"), None);
        assert_eq!(split_bracket("合同金额"), None);
        assert_eq!(amount_unit_in("元,含税"), Some(AmountUnit::元));
        assert_eq!(unit_only("(万元)"), Some("万元"));
        assert_eq!(unit_only("%"), Some("%"));
        assert_eq!(unit_only("合同金额"), None);
    }
}
