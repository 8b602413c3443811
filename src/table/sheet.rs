//! Reading one sheet row by row, whatever the source: the first rows wait in
//! a window until the header is found, then every row is classified (data,
//! 合计, note, repeated header, blank) and data cells are typed straight
//! away, so only declared columns' values are ever kept.

use super::cell::{AsCell, CellRef};
use super::header::{self, AliasIndex, HEADER_WINDOW, HeaderMatch, WinRow};
use super::typing::{ColumnPlan, Problem, clean_text};
use super::validate;
use super::{CellIssue, CellIssueKind, ReadError, ReadLimits, Row, SheetOutcome, TableSpec};
use crate::value::{Value, normalize_header, normalize_text};
use calamine::Dimensions;

/// Whether the source should keep feeding rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    Continue,
    /// Nothing more is needed from this sheet (it matches no table).
    Stop,
}

/// Shared, read-only context for every sheet of a file.
pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub specs: &'a [TableSpec],
    pub index: &'a AliasIndex,
    pub limits: &'a ReadLimits,
    pub is_1904: bool,
    pub map: &'a super::ColumnMap,
}

/// The outcome of [`SheetBuilder::finish`].
#[allow(clippy::large_enum_variant)] // built once per sheet
pub(crate) enum Finished {
    Done(SheetOutcome),
    /// The merged regions change the header: read the sheet again with
    /// them known from the start.
    Redo,
}

pub(crate) struct SheetBuilder<'a> {
    ctx: &'a Ctx<'a>,
    sheet: String,
    /// Merged regions, when known before reading (xls, small xlsx).
    merges: Option<Vec<Dimensions>>,
    window: Vec<WinRow>,
    state: State<'a>,
}

enum State<'a> {
    Window,
    Table(Box<TableState<'a>>),
    Unmatched(String),
}

/// A 合计 row's label: 合计/总计 outrank 小计 (a subtotal is the table's
/// total only when it is the only one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TotalKind {
    Sub,
    Grand,
}

pub(crate) struct TableState<'a> {
    pub header: HeaderMatch,
    pub plans: Vec<ColumnPlan<'a>>,
    /// Sheet column → declared column.
    col_map: Vec<Option<u32>>,
    /// Normalised header texts of mapped columns (to skip repeated headers).
    header_norm: Vec<Option<String>>,
    pub rows: Vec<Row>,
    pub total: Option<(Row, TotalKind, Vec<CellIssue>)>,
    pub subtotals: usize,
    pub issues: Vec<CellIssue>,
    in_notes: bool,
    buf: String,
}

impl<'a> SheetBuilder<'a> {
    pub(crate) fn new(ctx: &'a Ctx<'a>, sheet: &str, merges: Option<Vec<Dimensions>>) -> Self {
        SheetBuilder {
            ctx,
            sheet: sheet.to_string(),
            merges,
            window: Vec::new(),
            state: State::Window,
        }
    }

    /// Feeds one row: 0-based sheet row, cells by ascending column.
    pub(crate) fn push_row<C: AsCell>(
        &mut self,
        row: u32,
        cells: &[(u32, C)],
    ) -> Result<Flow, ReadError> {
        let limits = self.ctx.limits;
        if row >= limits.max_rows {
            return Err(self.limit(
                format!("第{}行（行数过多）", u64::from(row) + 1),
                format!("{} 行", limits.max_rows),
            ));
        }
        let mut blank = true;
        for (col, c) in cells {
            if c.cell().is_blank() {
                continue;
            }
            blank = false;
            if *col >= limits.max_columns {
                return Err(self.limit(
                    format!(
                        "单元格 {}{}（列数过多）",
                        super::column_letter(*col),
                        u64::from(row) + 1
                    ),
                    format!("{} 列", limits.max_columns),
                ));
            }
        }
        if blank {
            return Ok(Flow::Continue);
        }
        match &mut self.state {
            State::Window => {
                let cells = cells
                    .iter()
                    .filter(|(_, c)| !c.cell().is_blank())
                    .map(|(col, c)| (*col, header::to_data(c.cell())))
                    .collect();
                self.window.push(WinRow { row, cells });
                if self.window.len() >= HEADER_WINDOW {
                    self.decide();
                }
            }
            State::Table(t) => t.data_row(self.ctx, row, cells),
            State::Unmatched(_) => return Ok(Flow::Stop),
        }
        Ok(match self.state {
            State::Unmatched(_) => Flow::Stop,
            _ => Flow::Continue,
        })
    }

    /// Whether merged regions, unknown so far, could change what was read.
    /// Reading them costs a second pass over a big sheet, so only when the
    /// header is incomplete and looks merged: a gap in the header row, or
    /// a row above it with several cells over the header's columns (a
    /// parent row). A big sheet matching no table is not re-read.
    pub(crate) fn wants_merges(&self) -> bool {
        if self.merges.is_some() {
            return false;
        }
        let t = match &self.state {
            State::Window => return !self.window.is_empty(),
            State::Unmatched(_) => return false,
            State::Table(t) => t,
        };
        if t.header.found.iter().all(Option::is_some) {
            return false;
        }
        let row = |r: u32| self.window.iter().find(|w| w.row == r);
        let Some(header) = row(t.header.row) else {
            return true;
        };
        let above = t.header.row.checked_sub(1).and_then(row);
        fn cols(w: Option<&WinRow>) -> impl Iterator<Item = u32> + Clone + '_ {
            w.into_iter().flat_map(|w| w.cells.iter().map(|c| c.0))
        }
        let span = cols(Some(header)).chain(cols(above));
        let (Some(lo), Some(hi)) = (span.clone().min(), span.max()) else {
            return true;
        };
        let in_header = |c: u32| header.cells.binary_search_by_key(&c, |x| x.0).is_ok();
        let mapped = |c: u32| t.decl(c).is_some();
        // A blank header cell under the span: a vertical merge may fill it.
        let gap = (lo..=hi).any(|c| !in_header(c));
        // A parent row over unmatched sub-headers: a horizontal merge may
        // name them.
        let parent = cols(above).filter(|c| (lo..=hi).contains(c)).count() >= 2
            && header.cells.iter().any(|(c, _)| !mapped(*c));
        gap || parent
    }

    /// Ends the sheet. `late_merges` are merged regions learnt only now.
    pub(crate) fn finish(
        mut self,
        late_merges: Option<Vec<Dimensions>>,
    ) -> Result<Finished, ReadError> {
        if matches!(self.state, State::Window) {
            if self.window.is_empty() {
                return Ok(Finished::Done(SheetOutcome::Empty));
            }
            if late_merges.is_some() {
                self.merges = late_merges.clone();
            }
            self.decide();
        }
        let merges = match (self.merges.take(), late_merges) {
            (Some(m), _) => m,
            (None, Some(m)) => {
                // The header was chosen without these merges: if they would
                // choose differently, the rows read so far are wrong.
                let again = self.detect(&m);
                let same = match (&self.state, &again) {
                    (State::Table(t), Ok(h)) => t.header == *h,
                    (State::Unmatched(_), Err(_)) => true,
                    _ => false,
                };
                if !same {
                    return Ok(Finished::Redo);
                }
                m
            }
            (None, None) => Vec::new(),
        };
        Ok(Finished::Done(match self.state {
            State::Window => SheetOutcome::Empty,
            State::Unmatched(reason) => SheetOutcome::Unmatched { reason },
            State::Table(t) => {
                SheetOutcome::Table(validate::finish(self.ctx, &self.sheet, *t, &merges))
            }
        }))
    }

    fn detect(&self, merges: &[Dimensions]) -> Result<HeaderMatch, String> {
        let assigned = self.ctx.map.for_sheet(&self.sheet);
        // The shared index serves every sheet the clerk did not map.
        let own;
        let index = if assigned.is_empty() {
            self.ctx.index
        } else {
            own = self.ctx.index.clone().with_overrides(&assigned);
            &own
        };
        header::detect(
            &self.window,
            merges,
            self.ctx.specs,
            index,
            &self.sheet,
            self.ctx.limits.max_columns,
        )
    }

    /// Chooses the header from the window and replays the window's later
    /// rows as data.
    fn decide(&mut self) {
        let merges = self.merges.clone().unwrap_or_default();
        match self.detect(&merges) {
            Err(reason) => self.state = State::Unmatched(reason),
            Ok(h) => {
                let mut t = TableState::new(self.ctx, h);
                let header_row = t.header.row;
                for wr in self.window.iter().filter(|w| w.row > header_row) {
                    t.data_row(self.ctx, wr.row, &wr.cells);
                }
                self.state = State::Table(Box::new(t));
            }
        }
    }

    fn limit(&self, what: String, limit: String) -> ReadError {
        ReadError::Limit {
            file: self.ctx.file.into(),
            what: format!("工作表“{}”{what}", self.sheet),
            limit,
        }
    }
}

impl<'a> TableState<'a> {
    fn new(ctx: &Ctx<'a>, header: HeaderMatch) -> Self {
        let spec = &ctx.specs[header.spec];
        let plans = spec
            .columns
            .iter()
            .zip(&header.found)
            .map(|(c, f)| {
                let unit = f.as_ref().and_then(|f| f.unit.as_deref());
                ColumnPlan::new(c, unit, header.sheet_unit, ctx.limits.max_cell_chars)
            })
            .collect();
        let width = header
            .found
            .iter()
            .flatten()
            .map(|f| f.col + 1)
            .max()
            .unwrap_or(0);
        let mut col_map = vec![None; width as usize];
        let mut header_norm = vec![None; width as usize];
        for (d, f) in header.found.iter().enumerate() {
            if let Some(f) = f {
                col_map[f.col as usize] = Some(d as u32);
                header_norm[f.col as usize] = Some(normalize_header(&f.text));
            }
        }
        TableState {
            header,
            plans,
            col_map,
            header_norm,
            rows: Vec::new(),
            total: None,
            subtotals: 0,
            issues: Vec::new(),
            in_notes: false,
            buf: String::new(),
        }
    }

    /// One past the last mapped sheet column.
    pub(crate) fn mapped_width(&self) -> u32 {
        u32::try_from(self.col_map.len()).unwrap_or(u32::MAX)
    }

    pub(crate) fn decl(&self, col: u32) -> Option<usize> {
        self.col_map
            .get(col as usize)
            .copied()
            .flatten()
            .map(|d| d as usize)
    }

    /// Classifies and reads one non-blank row below the header.
    fn data_row<C: AsCell>(&mut self, ctx: &Ctx<'a>, row: u32, cells: &[(u32, C)]) {
        if self.in_notes {
            return;
        }
        if is_note(cells) {
            // Everything after "注：" is the note's continuation, unless the
            // note stands between the header and the first data row.
            self.in_notes = !self.rows.is_empty();
            return;
        }
        if is_footer(cells) {
            self.in_notes = true;
            return;
        }
        if let Some(kind) = total_label(cells) {
            self.total_row(ctx, row, cells, kind);
            return;
        }
        if !nonblank(cells).any(|(c, _)| self.decl(c).is_some()) || self.is_repeated_header(cells) {
            return;
        }
        let mut values = vec![Value::Empty; self.plans.len()];
        for (col, cell) in nonblank(cells) {
            let Some(d) = self.decl(col) else { continue };
            match self.plans[d].parse(cell, ctx.is_1904, &mut self.buf) {
                Ok(v) => values[d] = v,
                Err(p) => self.problem(row, col, d, p, &mut values),
            }
        }
        self.rows.push(Row {
            sheet_row: row + 1,
            values,
        });
    }

    fn problem(&mut self, row: u32, col: u32, d: usize, p: Problem, values: &mut [Value]) {
        let name = &self.plans[d].spec.name;
        let (kind, detail) = match p {
            Problem::Type(m) => (CellIssueKind::类型, m),
            Problem::NotAChoice { text, message } => {
                values[d] = Value::Text(text);
                (CellIssueKind::取值, message)
            }
            Problem::Negative { value, message } => {
                values[d] = value;
                (CellIssueKind::取值, message)
            }
        };
        self.issues.push(CellIssue {
            kind,
            row: row + 1,
            col,
            column: name.clone(),
            message: format!("第{}行 {name} {detail}", row + 1),
            values: Vec::new(),
        });
    }

    fn is_repeated_header<C: AsCell>(&self, cells: &[(u32, C)]) -> bool {
        let mut same = 0;
        for (col, cell) in nonblank(cells) {
            let Some(Some(h)) = self.header_norm.get(col as usize) else {
                continue;
            };
            // Cheap test first: data rarely starts like its header.
            if let CellRef::Text(s) = cell
                && s.trim_start().chars().next() == h.chars().next()
                && normalize_header(s) == *h
            {
                same += 1;
            }
        }
        same >= 2.min(self.header.found.iter().flatten().count()).max(1)
    }

    fn total_row<C: AsCell>(
        &mut self,
        ctx: &Ctx<'a>,
        row: u32,
        cells: &[(u32, C)],
        kind: TotalKind,
    ) {
        if kind == TotalKind::Sub {
            self.subtotals += 1;
        }
        if self.total.as_ref().is_some_and(|(_, k, _)| *k >= kind) {
            return;
        }
        let mut values = vec![Value::Empty; self.plans.len()];
        let mut issues = Vec::new();
        for (col, cell) in nonblank(cells) {
            let Some(d) = self.decl(col) else { continue };
            let plan = &self.plans[d];
            if header::is_summable(&plan.spec.ty) {
                match plan.parse(cell, ctx.is_1904, &mut self.buf) {
                    // A negative 合计 follows from negative rows, reported there.
                    Ok(v) | Err(Problem::Negative { value: v, .. }) => values[d] = v,
                    Err(Problem::Type(m)) | Err(Problem::NotAChoice { message: m, .. }) => issues
                        .push(CellIssue {
                            kind: CellIssueKind::类型,
                            row: row + 1,
                            col,
                            column: plan.spec.name.clone(),
                            message: format!("第{}行（合计行） {} {m}", row + 1, plan.spec.name),
                            values: Vec::new(),
                        }),
                }
            } else if matches!(plan.spec.ty, super::ColumnType::文本) {
                values[d] = Value::Text(clean_text(&cell.text()));
            }
        }
        self.total = Some((
            Row {
                sheet_row: row + 1,
                values,
            },
            kind,
            issues,
        ));
    }
}

/// "注：…", "说明：…", "备注：…", "填表说明" as the first thing in a row of
/// at most two cells (a note is one long cell, maybe with a date or name).
fn is_note<C: AsCell>(cells: &[(u32, C)]) -> bool {
    let mut it = nonblank(cells);
    let Some((_, CellRef::Text(s))) = it.next() else {
        return false;
    };
    if it.nth(1).is_some() || !s.trim_start().starts_with(['注', '说', '备', '填']) {
        return false;
    }
    let t = normalize_text(s);
    let t = t.trim_start();
    [
        "注:",
        "注：",
        "说明:",
        "说明：",
        "备注:",
        "备注：",
        "填表说明",
        "填报说明",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        || (t.starts_with('注') && t[3..].starts_with(|c: char| c.is_ascii_digit()))
}

/// A signature line below the table: "填表人：张三  审核人：李四  联系电话：…".
fn is_footer<C: AsCell>(cells: &[(u32, C)]) -> bool {
    const WHO: [&str; 10] = [
        "填表人",
        "填报人",
        "制表人",
        "审核人",
        "复核人",
        "负责人",
        "单位负责人",
        "经办人",
        "联系人",
        "联系电话",
    ];
    let Some((_, CellRef::Text(s))) = nonblank(cells).next() else {
        return false;
    };
    let t = s.trim_start();
    if !t.starts_with(['填', '制', '审', '复', '负', '单', '经', '联']) {
        return false;
    }
    let t = normalize_header(t);
    WHO.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '：']))
    })
}

/// The row's non-blank cells.
fn nonblank<C: AsCell>(cells: &[(u32, C)]) -> impl Iterator<Item = (u32, CellRef<'_>)> {
    cells
        .iter()
        .map(|(c, v)| (*c, v.cell()))
        .filter(|(_, v)| !v.is_blank())
}

/// A 合计 label among the first three cells of the row.
fn total_label<C: AsCell>(cells: &[(u32, C)]) -> Option<TotalKind> {
    for (_, c) in nonblank(cells).take(3) {
        let CellRef::Text(s) = c else { continue };
        // Every label starts with one of these; data rarely does.
        if !s.trim_start().starts_with(['合', '总', '小', '共', '全']) {
            continue;
        }
        let h = normalize_header(s);
        let h = h.trim_end_matches([':', '：']);
        let h = match h.find('(') {
            Some(i) if i > 0 && h.ends_with(')') => &h[..i],
            _ => h,
        };
        match h {
            "合计" | "总计" | "共计" | "总合计" | "合计数" | "全部合计" => {
                return Some(TotalKind::Grand);
            }
            "小计" => return Some(TotalKind::Sub),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{ColumnSpec, ColumnType};
    use crate::value::AmountUnit;

    fn spec() -> TableSpec {
        let col = |name: &str, ty| ColumnSpec {
            name: name.into(),
            aliases: vec![],
            ty,
            required: true,
            unique: false,
        };
        TableSpec {
            name: "合同备案表".into(),
            aliases: vec![],
            columns: vec![
                col("合同编号", ColumnType::文本),
                col(
                    "合同金额",
                    ColumnType::金额 {
                        unit: AmountUnit::元,
                    },
                ),
                col("合同类型", ColumnType::文本),
            ],
            has_total: true,
            citations: vec![],
        }
    }

    /// Row 1: 合同编号 (A1:A2 merged), 合同 (B1:C1 merged); row 2: 金额, 类型.
    fn feed(b: &mut SheetBuilder<'_>) {
        b.push_row(0, &[(0, "合同编号"), (1, "合同")]).unwrap();
        b.push_row(1, &[(1, "金额"), (2, "类型")]).unwrap();
        // More rows than the header window, so the header is chosen while
        // streaming, before the merges are known.
        for r in 2..40u32 {
            let id = format!("H-{r}");
            b.push_row(r, &[(0, id.as_str()), (1, "100"), (2, "主合同")])
                .unwrap();
        }
    }

    #[test]
    fn merges_learnt_late_can_ask_for_a_second_pass() {
        let specs = [spec()];
        let index = AliasIndex::new(&specs);
        let limits = ReadLimits::default();
        let ctx = Ctx {
            file: "f.xlsx",
            specs: &specs,
            index: &index,
            limits: &limits,
            is_1904: false,
            map: &crate::table::ColumnMap::default(),
        };
        let merges = vec![
            Dimensions::new((0, 0), (1, 0)),
            Dimensions::new((0, 1), (0, 2)),
        ];

        let mut lazy = SheetBuilder::new(&ctx, "S", None);
        feed(&mut lazy);
        assert!(
            lazy.wants_merges(),
            "合同编号 is not found without the merge"
        );
        assert!(matches!(
            lazy.finish(Some(merges.clone())).unwrap(),
            Finished::Redo
        ));

        let mut eager = SheetBuilder::new(&ctx, "S", Some(merges));
        feed(&mut eager);
        let Finished::Done(SheetOutcome::Table(t)) = eager.finish(None).unwrap() else {
            panic!("not a table");
        };
        assert_eq!(t.header_row, 2);
        assert_eq!(t.columns, vec![Some(0), Some(1), Some(2)]);
        assert_eq!(t.rows.len(), 38);
        assert!(t.issues.is_empty(), "{:?}", t.issues);
    }
}
