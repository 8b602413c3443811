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

/// How a header became a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The header is the field's name.
    Exact,
    /// A declared synonym, or the same words in their everyday variant
    /// (时间/日期, 采购人/采购单位/预算单位, 是否为/是否, 数量/数).
    Synonym,
    /// A parent header over a child ("中标供应商" over "名称").
    TwoLevel,
    /// The header contains exactly one field's name or synonym.
    Approximate,
    /// Assigned by the user's column map.
    Mapped,
}

/// Word variants treated as the same word when matching headers: applied to
/// declared names and to headers alike, so only agreement matters.
const WORD_VARIANTS: [(&str, &str); 10] = [
    ("是否为", "是否"),
    ("时间", "日期"),
    ("采购人名称", "单位"),
    ("单位名称", "单位"),
    ("采购单位", "单位"),
    ("预算单位", "单位"),
    ("采购人", "单位"),
    ("人数", "数"),
    ("数量", "数"),
    ("编号", "编码"),
];

/// A normalised header with its words in their canonical variant.
fn canonical_words(h: &str) -> String {
    let mut s = h.replace("代码", "编码");
    for (from, to) in WORD_VARIANTS {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// Containment is tried only on short headers, with names of three or more
/// characters: data cells and long notes contain short words by chance.
const CONTAIN_MAX_CHARS: usize = 24;
const CONTAIN_MIN_CHARS: usize = 3;

/// Every declared name and alias, normalised once: header text → the
/// (table, column) pairs it names.
pub(crate) struct AliasIndex {
    map: HashMap<String, Vec<(u32, u32)>>,
    /// Normalised column names (as opposed to synonyms).
    names: std::collections::HashSet<String>,
    /// [`canonical_words`] of every key that it changes.
    variants: HashMap<String, Vec<(u32, u32)>>,
    /// Keys long enough to be looked for inside a header.
    containable: Vec<String>,
    /// Column names, per table, for grouping hits by field.
    columns: Vec<Vec<String>>,
    /// Normalised table names and aliases, for matching sheet names.
    table_names: Vec<Vec<String>>,
    /// User assignments: normalised header → field name, or `None` to
    /// leave the header unread.
    overrides: HashMap<String, Option<String>>,
}

/// What a header text names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Lookup<'s> {
    Hit {
        hits: Vec<(u32, u32)>,
        /// The unit text in a trailing bracket ("万元").
        unit: Option<&'s str>,
        kind: MatchKind,
    },
    /// Several fields fit equally well: reported, never guessed.
    Ambiguous(Vec<String>),
    /// The column map says to leave this header unread.
    Ignored,
    None,
}

impl AliasIndex {
    pub(crate) fn new(specs: &[TableSpec]) -> AliasIndex {
        let mut map: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        let mut names = std::collections::HashSet::new();
        for (t, spec) in specs.iter().enumerate() {
            for (c, col) in spec.columns.iter().enumerate() {
                names.insert(normalize_header(&col.name));
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
        let mut variants: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        for (k, hits) in &map {
            let v = canonical_words(k);
            if v != *k {
                let e = variants.entry(v).or_default();
                e.extend(hits);
                e.sort_unstable();
                e.dedup();
            }
        }
        let mut containable: Vec<String> = map
            .keys()
            .filter(|k| k.chars().count() >= CONTAIN_MIN_CHARS)
            .cloned()
            .collect();
        containable.sort();
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
        let columns = specs
            .iter()
            .map(|s| s.columns.iter().map(|c| c.name.clone()).collect())
            .collect();
        AliasIndex {
            map,
            names,
            variants,
            containable,
            columns,
            table_names,
            overrides: HashMap::new(),
        }
    }

    fn field_name(&self, hit: (u32, u32)) -> &str {
        &self.columns[hit.0 as usize][hit.1 as usize]
    }

    /// Keeps, per table, hits that name one column; several columns of
    /// one table is an ambiguity for that table.
    fn unambiguous(&self, mut hits: Vec<(u32, u32)>) -> Result<Vec<(u32, u32)>, Vec<String>> {
        hits.sort_unstable();
        hits.dedup();
        let mut kept = Vec::new();
        let mut clash = Vec::new();
        for chunk in hits.chunk_by(|a, b| a.0 == b.0) {
            if chunk.len() == 1 {
                kept.push(chunk[0]);
            } else {
                for h in chunk {
                    let n = self.field_name(*h).to_string();
                    if !clash.contains(&n) {
                        clash.push(n);
                    }
                }
            }
        }
        if kept.is_empty() && !clash.is_empty() {
            Err(clash)
        } else {
            Ok(kept)
        }
    }

    /// Exact, declared synonym, or word variant; with a trailing "(…)"
    /// taken as a unit when the whole text does not match.
    fn lookup_strict<'s>(&self, h: &'s str) -> Lookup<'s> {
        match self.overrides.get(h) {
            Some(None) => return Lookup::Ignored,
            Some(Some(field)) => {
                let hits = self.hits_of_field(field);
                if !hits.is_empty() {
                    return Lookup::Hit {
                        hits,
                        unit: None,
                        kind: MatchKind::Mapped,
                    };
                }
            }
            None => {}
        }
        let found = self.strict_whole(h).map(|(hits, kind)| (hits, None, kind));
        let found = found.or_else(|| {
            let (base, inner) = split_bracket(h)?;
            let (hits, kind) = self.strict_whole(base)?;
            Some((hits, Some(inner), kind))
        });
        match found {
            None => Lookup::None,
            Some((hits, unit, kind)) => match self.unambiguous(hits) {
                Ok(hits) => Lookup::Hit { hits, unit, kind },
                Err(names) => Lookup::Ambiguous(names),
            },
        }
    }

    fn strict_whole(&self, h: &str) -> Option<(Vec<(u32, u32)>, MatchKind)> {
        if let Some(hits) = self.map.get(h) {
            let kind = if self.names.contains(h) {
                MatchKind::Exact
            } else {
                MatchKind::Synonym
            };
            return Some((hits.clone(), kind));
        }
        let v = canonical_words(h);
        if v == h {
            return None;
        }
        // Declared names that share the variant's words first: "单位" as a
        // declared 计量单位 is another word than 采购单位 → 单位.
        self.variants
            .get(&v)
            .or_else(|| self.map.get(&v))
            .map(|hits| (hits.clone(), MatchKind::Synonym))
    }

    /// Every (table, column) declaring `field`.
    fn hits_of_field(&self, field: &str) -> Vec<(u32, u32)> {
        let mut hits = Vec::new();
        for (t, cols) in self.columns.iter().enumerate() {
            if let Some(c) = cols.iter().position(|c| c == field) {
                hits.push((t as u32, c as u32));
            }
        }
        hits
    }

    /// [`Self::lookup_strict`], else the longest declared name or synonym
    /// the header ends with.
    pub(crate) fn lookup<'s>(&self, h: &'s str) -> Lookup<'s> {
        match self.lookup_strict(h) {
            Lookup::None => {}
            other => return other,
        }
        let (body, unit) = match split_bracket(h) {
            Some((base, inner)) => (base, Some(inner)),
            None => (h, None),
        };
        if body.chars().count() > CONTAIN_MAX_CHARS {
            return Lookup::None;
        }
        let body_v = canonical_words(body);
        // Chinese puts the head noun last: "中标供应商名称" is a 供应商名称,
        // "采购单位联系人" is not a 采购单位. So only a name the header ends
        // with counts, and the longest such name wins.
        let longest = self
            .containable
            .iter()
            .filter(|k| {
                k.as_str() != body && (body.ends_with(k.as_str()) || body_v.ends_with(k.as_str()))
            })
            .max_by_key(|k| k.len());
        let Some(key) = longest else {
            return Lookup::None;
        };
        let hits = self.map[key.as_str()].clone();
        match self.unambiguous(hits) {
            Ok(hits) if hits.is_empty() => Lookup::None,
            Ok(hits) => Lookup::Hit {
                hits,
                unit,
                kind: MatchKind::Approximate,
            },
            Err(names) => Lookup::Ambiguous(names),
        }
    }

    /// The declared name or synonym closest to a header, for suggestions.
    pub(crate) fn suggest(&self, h: &str) -> Option<String> {
        let c = crate::value::closest(h, self.map.keys().map(String::as_str))?;
        self.map
            .get(c)
            .and_then(|hits| hits.first())
            .map(|h| self.field_name(*h).to_string())
    }

    fn sheet_matches(&self, spec: usize, sheet: &str) -> bool {
        let sheet = normalize_header(sheet);
        self.table_names
            .get(spec)
            .is_some_and(|names| names.iter().any(|n| sheet.contains(n.as_str())))
    }
}

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
    pub kind: MatchKind,
    /// Found by containment (also inside a two-level header): weighs less
    /// when choosing the header row.
    pub loose: bool,
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
    /// Every header cell and what became of it.
    pub columns: Vec<HeaderColumn>,
}

/// How a header cell was read: the JSON contract's `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnMatch {
    Read(MatchKind),
    Unused,
}

impl ColumnMatch {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnMatch::Read(MatchKind::Exact) => "exact",
            ColumnMatch::Read(MatchKind::Synonym) => "synonym",
            ColumnMatch::Read(MatchKind::TwoLevel) => "two-level",
            ColumnMatch::Read(MatchKind::Approximate) => "approximate",
            // The contract knows five kinds: a user's assignment is a synonym.
            ColumnMatch::Read(MatchKind::Mapped) => "synonym",
            ColumnMatch::Unused => "unused",
        }
    }

    /// 完全一致, 同义, 两级表头, 近似, 列映射, 未使用.
    pub fn name_cn(self) -> &'static str {
        match self {
            ColumnMatch::Read(MatchKind::Exact) => "完全一致",
            ColumnMatch::Read(MatchKind::Synonym) => "同义",
            ColumnMatch::Read(MatchKind::TwoLevel) => "两级表头",
            ColumnMatch::Read(MatchKind::Approximate) => "近似",
            ColumnMatch::Read(MatchKind::Mapped) => "列映射",
            ColumnMatch::Unused => "未使用",
        }
    }
}

impl serde::Serialize for ColumnMatch {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One header cell and the field it became.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HeaderColumn {
    /// As written (parent and child joined for a two-level header).
    pub header: String,
    /// The header cell ("C3").
    pub cell: String,
    pub field: Option<String>,
    #[serde(rename = "match")]
    pub kind: ColumnMatch,
    /// For an unused header: the field it resembles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Why an unused header was not read (ambiguous, other table, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
            columns: Vec::new(),
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
    if spec.columns.is_empty() || key.score + key.approximate < needed {
        return Err(no_table_reason(specs, Some(&m)));
    }
    m.sheet_unit = sheet_unit(window, m.row);
    m.columns = header_columns(&grid, &m, spec, index, max_columns);
    Ok(m)
}

/// Every header cell of the chosen row: the field it became and how, or
/// why it was left unread.
fn header_columns(
    grid: &Grid<'_>,
    m: &HeaderMatch,
    spec: &TableSpec,
    index: &AliasIndex,
    max_columns: u32,
) -> Vec<HeaderColumn> {
    let mut out = Vec::new();
    for col in grid.columns(m.row, max_columns) {
        // A header merged down from the row above is named by its top cell.
        let (_, origin) = grid.get(m.row, col);
        let cell = |row: u32| {
            let row = if origin.1 == col { origin.0 } else { row };
            format!("{}{}", column_letter(col), row + 1)
        };
        if let Some((d, f)) = m
            .found
            .iter()
            .enumerate()
            .find_map(|(d, f)| f.as_ref().filter(|f| f.col == col).map(|f| (d, f)))
        {
            out.push(HeaderColumn {
                header: f.text.clone(),
                cell: cell(m.row),
                field: Some(spec.columns[d].name.clone()),
                kind: ColumnMatch::Read(f.kind),
                suggestion: None,
                note: None,
            });
            continue;
        }
        let unused = |header: String, suggestion, note| HeaderColumn {
            header,
            cell: cell(m.row),
            field: None,
            kind: ColumnMatch::Unused,
            suggestion,
            note,
        };
        match match_cell(grid, m.row, col, index) {
            Named::Field(cm) => {
                let names: Vec<&str> = cm.hits.iter().map(|h| index.field_name(*h)).collect();
                let dup = m.duplicates.iter().any(|d| d.col == col);
                let note = if dup {
                    "与前面的列对应同一字段，未读取".to_string()
                } else {
                    format!("“{}”不属于“{}”，未读取", names[0], spec.name)
                };
                out.push(unused(cm.text, Some(names[0].to_string()), Some(note)));
            }
            Named::Ambiguous(text, names) => {
                let note = format!("有歧义：可能是 {}，请用列映射指定", names.join("、"));
                out.push(unused(text, None, Some(note)));
            }
            Named::Ignored(text) => {
                out.push(unused(text, None, Some("列映射指定不读取".into())));
            }
            Named::None => {
                let (c, _) = grid.get(m.row, col);
                let text = cell_text(c);
                if text.is_empty() {
                    continue;
                }
                let suggestion = index.suggest(&normalize_header(&text));
                out.push(unused(text, suggestion, None));
            }
        }
    }
    out
}

/// Ordering of candidate headers: more columns, then more required columns,
/// then a sheet named like the table, then the earlier row, then the
/// earlier-declared table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    /// Columns matched exactly, by synonym or two-level header.
    score: usize,
    required: usize,
    /// Columns matched by containment only.
    approximate: usize,
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
        let approximate = m.found.iter().filter(|(_, f)| f.loose).count();
        Key {
            score: m.found.len() - approximate,
            required,
            approximate,
            sheet_named,
            earlier_row: std::cmp::Reverse(m.row),
            earlier_spec: std::cmp::Reverse(m.spec),
        }
    }
}

/// What one header cell names.
struct CellMatch {
    hits: Vec<(u32, u32)>,
    /// Sheet row of the cell the text comes from (a merge's top-left).
    row: u32,
    text: String,
    unit: Option<String>,
    kind: MatchKind,
    loose: bool,
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
        if let Named::Field(cm) = match_cell(grid, row, col, index) {
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
                let kind = cm.kind;
                m.found.push((
                    c,
                    Found {
                        col,
                        text,
                        unit,
                        kind,
                        loose: cm.loose,
                    },
                ));
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

/// What a header cell turned out to be.
enum Named {
    Field(CellMatch),
    /// The header as shown, and the fields it could be.
    Ambiguous(String, Vec<String>),
    /// The header as shown (the column map leaves it unread).
    Ignored(String),
    None,
}

fn match_cell(grid: &Grid<'_>, row: u32, col: u32, index: &AliasIndex) -> Named {
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
    let field = |hits, text: String, unit: Option<&str>, kind, parent_only| {
        Named::Field(CellMatch {
            hits,
            row: if parent_only { row - 1 } else { origin.0 },
            text,
            unit: unit.map(str::to_string),
            kind,
            loose: kind == MatchKind::Approximate,
            parent_only,
        })
    };
    let h = normalize_header(&text);
    let p = normalize_header(&parent);
    if h.is_empty() {
        if p.is_empty() {
            return Named::None;
        }
        return match index.lookup(&p) {
            Lookup::Hit { hits, unit, kind } => field(hits, parent, unit, kind, true),
            _ => Named::None,
        };
    }
    let mut ambiguous = None;
    match index.lookup_strict(&h) {
        Lookup::Hit { hits, unit, kind } => return field(hits, text, unit, kind, false),
        Lookup::Ignored => return Named::Ignored(text),
        Lookup::Ambiguous(names) => ambiguous = Some(names),
        Lookup::None => {}
    }
    if !p.is_empty() && ambiguous.is_none() {
        let joined = format!("{parent}{text}");
        if let Some(u) = unit_only(&h) {
            if let Lookup::Hit { hits, kind, .. } = index.lookup(&p) {
                return field(hits, joined, Some(u), kind, false);
            }
            return Named::None;
        }
        // Parent then child ("中标供应商" + "名称"), child then parent
        // ("响应" + "供应商数"); exact forms before containment.
        // Containment only under a child that reads like a header word:
        // data rows sit under the header too.
        let forward = format!("{p}{h}");
        let backward = format!("{h}{p}");
        let loose_ok = !h.chars().any(|c| c.is_ascii_digit()) && h.chars().count() <= 8;
        for strict in [true, false] {
            if !strict && !loose_ok {
                break;
            }
            for key in [&forward, &backward] {
                let found = if strict {
                    index.lookup_strict(key)
                } else {
                    index.lookup(key)
                };
                if let Lookup::Hit { hits, unit, .. } = found
                    && let Named::Field(mut cm) =
                        field(hits, joined.clone(), unit, MatchKind::TwoLevel, false)
                {
                    cm.loose = !strict;
                    return Named::Field(cm);
                }
            }
        }
    }
    match ambiguous {
        Some(names) => Named::Ambiguous(text, names),
        None => match index.lookup(&h) {
            Lookup::Hit { hits, unit, kind } => field(hits, text, unit, kind, false),
            Lookup::Ambiguous(names) => Named::Ambiguous(text, names),
            Lookup::Ignored => Named::Ignored(text),
            Lookup::None => Named::None,
        },
    }
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
    use crate::table::ColumnSpec;

    fn spec(name: &str, cols: &[(&str, &[&str])]) -> TableSpec {
        TableSpec {
            name: name.into(),
            aliases: vec![],
            columns: cols
                .iter()
                .map(|(n, a)| ColumnSpec {
                    name: n.to_string(),
                    aliases: a.iter().map(|s| s.to_string()).collect(),
                    ty: ColumnType::文本,
                    required: false,
                    unique: false,
                })
                .collect(),
            has_total: false,
            citations: vec![],
        }
    }

    fn index() -> AliasIndex {
        AliasIndex::new(&[
            spec(
                "合同备案表",
                &[
                    ("参与单位", &["采购单位", "采购人", "单位名称"]),
                    ("合同签订日期", &["签订日期"]),
                    ("供应商名称", &["供应商", "中标供应商"]),
                    ("统一社会信用代码", &["信用代码"]),
                    ("合同金额", &[]),
                    ("原合同金额", &[]),
                    ("是否牵头单位", &[]),
                    ("响应供应商数", &[]),
                    ("合同备案日期", &[]),
                    ("合同公告日期", &[]),
                ],
            ),
            spec(
                "需求表",
                &[("计量单位", &["单位"]), ("参与单位", &["预算单位"])],
            ),
        ])
    }

    fn hit(l: Lookup<'_>) -> Option<(Vec<&'static str>, MatchKind)> {
        let names = ["合同备案表", "需求表"];
        match l {
            Lookup::Hit { hits, kind, .. } => {
                Some((hits.iter().map(|h| names[h.0 as usize]).collect(), kind))
            }
            _ => None,
        }
    }

    #[test]
    fn headers_in_everyday_words_are_synonyms() {
        let ix = index();
        let field = |h: &str| match ix.lookup(&normalize_header(h)) {
            Lookup::Hit { hits, kind, .. } => Some((ix.field_name(hits[0]).to_string(), kind)),
            _ => None,
        };
        assert_eq!(
            field("合同签订日期"),
            Some(("合同签订日期".into(), MatchKind::Exact))
        );
        assert_eq!(
            field("合同签订时间"),
            Some(("合同签订日期".into(), MatchKind::Synonym))
        );
        assert_eq!(
            field("是否为牵头单位"),
            Some(("是否牵头单位".into(), MatchKind::Synonym))
        );
        assert_eq!(
            field("采购人名称"),
            Some(("参与单位".into(), MatchKind::Synonym))
        );
        assert_eq!(
            field("预算单位名称"),
            Some(("参与单位".into(), MatchKind::Synonym))
        );
        assert_eq!(
            field("供应商统一社会信用代码"),
            Some(("统一社会信用代码".into(), MatchKind::Approximate))
        );
        assert_eq!(
            field("中标供应商名称"),
            Some(("供应商名称".into(), MatchKind::Approximate))
        );
        // The longest name the header ends with; a modifier in front is not the field.
        assert_eq!(
            field("变更前原合同金额"),
            Some(("原合同金额".into(), MatchKind::Approximate))
        );
        assert_eq!(field("采购单位联系人"), None);
        // "单位" alone is the declared 计量单位, not a variant of 采购单位.
        assert_eq!(field("单位"), Some(("计量单位".into(), MatchKind::Synonym)));
        assert_eq!(field("备注"), None);
    }

    #[test]
    fn the_same_words_serve_every_table() {
        let ix = index();
        let (tables, _) = hit(ix.lookup(&normalize_header("采购单位名称"))).unwrap();
        assert_eq!(tables, vec!["合同备案表", "需求表"]);
    }

    #[test]
    fn ambiguous_headers_are_reported_not_guessed() {
        // One table, two columns sharing a synonym.
        let ix = AliasIndex::new(&[spec(
            "保证金表",
            &[
                ("投标保证金金额", &["保证金金额"]),
                ("履约保证金金额", &["保证金金额"]),
            ],
        )]);
        match ix.lookup(&normalize_header("保证金金额")) {
            Lookup::Ambiguous(names) => {
                assert_eq!(names, vec!["投标保证金金额", "履约保证金金额"])
            }
            other => panic!("{other:?}"),
        }
    }

    fn window(rows: &[&[&str]]) -> Vec<WinRow> {
        rows.iter()
            .enumerate()
            .map(|(r, cells)| WinRow {
                row: r as u32,
                cells: cells
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(c, t)| (c as u32, Data::String(t.to_string())))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn two_level_headers_join_parent_and_child() {
        let specs = [spec(
            "合同备案表",
            &[
                ("参与单位", &["采购单位"]),
                ("供应商名称", &["中标供应商"]),
                ("统一社会信用代码", &["信用代码"]),
                ("响应供应商数", &[]),
                ("入围供应商数", &[]),
            ],
        )];
        let ix = AliasIndex::new(&specs);
        let w = window(&[
            &["采购单位", "中标供应商", "", "供应商数", "", "备注"],
            &["", "名称", "信用代码", "响应", "入围", ""],
            &["甲局", "某公司", "91", "5", "3", ""],
        ]);
        let merges = [
            Dimensions::new((0, 0), (1, 0)),
            Dimensions::new((0, 1), (0, 2)),
            Dimensions::new((0, 3), (0, 4)),
            Dimensions::new((0, 5), (1, 5)),
        ];
        let m = detect(&w, &merges, &specs, &ix, "Sheet1", 256).unwrap();
        assert_eq!(m.row, 1);
        let got: Vec<(String, Option<String>, &str)> = m
            .columns
            .iter()
            .map(|c| (c.cell.clone(), c.field.clone(), c.kind.as_str()))
            .collect();
        let want = [
            ("A1", Some("参与单位"), "synonym"),
            ("B2", Some("供应商名称"), "two-level"),
            ("C2", Some("统一社会信用代码"), "synonym"),
            ("D2", Some("响应供应商数"), "two-level"),
            ("E2", Some("入围供应商数"), "two-level"),
            ("F1", None, "unused"),
        ];
        let want: Vec<(String, Option<String>, &str)> = want
            .iter()
            .map(|(c, f, k)| (c.to_string(), f.map(str::to_string), *k))
            .collect();
        assert_eq!(got, want);
    }

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
