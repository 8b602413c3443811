//! .xlsx and .xlsb, streamed cell by cell with calamine's
//! `worksheet_cells_reader`: the declared dimension of a sheet is never
//! trusted and no grid is built (`worksheet_range` would allocate whatever
//! the sheet claims). Cells beyond the column limit are skipped as they
//! stream by, so one row can never hold more than the limit.

use super::sheet::{Ctx, Finished, Flow, SheetBuilder};
use super::source::{Detected, Format};
use super::{ReadError, SheetOutcome, SheetRead, in_calamine};
use calamine::{Cell, DataRef, Dimensions, Reader, SheetType, Xlsb, XlsbError, Xlsx, XlsxError};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Sheets whose XML part is at most this big get their merged regions read
/// before the cells (one extra cheap pass). Bigger sheets are streamed once
/// and consult merges only when the header came out incomplete.
const EAGER_MERGES_BYTES: u64 = 4 * 1024 * 1024;

type Input = BufReader<File>;

/// A workbook whose sheets calamine can stream.
trait Streamed {
    /// The sheet's merged regions. `Ok(None)` when calamine cannot make
    /// sense of a region's reference (whole-column "A:A" or whole-row
    /// "1:1" merges): the sheet is then read without them. `Err` when the
    /// part itself is damaged.
    fn merges(&mut self, name: &str) -> Result<Option<Vec<Dimensions>>, ()>;
    /// Calls `on_cell` for each cell until it says stop. `Ok(false)`: the
    /// sheet is not a worksheet after all.
    fn cells<'b>(
        &'b mut self,
        ctx: &Ctx<'_>,
        name: &str,
        on_cell: &mut dyn FnMut(Cell<DataRef<'b>>) -> Result<Flow, ReadError>,
    ) -> Result<bool, ReadError>;
}

impl Streamed for Xlsx<Input> {
    fn merges(&mut self, name: &str) -> Result<Option<Vec<Dimensions>>, ()> {
        match self.merge_cells_by_sheet_name(name) {
            Ok(m) => Ok(Some(m)),
            Err(
                XlsxError::Io(_)
                | XlsxError::Zip(_)
                | XlsxError::Xml(_)
                | XlsxError::XmlAttr(_)
                | XlsxError::XmlEof(_)
                | XlsxError::FileNotFound(_),
            ) => Err(()),
            Err(_) => Ok(None),
        }
    }
    fn cells<'b>(
        &'b mut self,
        ctx: &Ctx<'_>,
        name: &str,
        on_cell: &mut dyn FnMut(Cell<DataRef<'b>>) -> Result<Flow, ReadError>,
    ) -> Result<bool, ReadError> {
        let mut reader = match in_calamine(ctx.file, || Ok(self.worksheet_cells_reader(name)))? {
            Ok(r) => r,
            Err(XlsxError::NotAWorksheet(_)) => return Ok(false),
            Err(_) => return Err(sheet_error(ctx, name, "工作表数据无法读取".into())),
        };
        drain(ctx, name, || reader.next_cell().map_err(|_| ()), on_cell)?;
        Ok(true)
    }
}

impl Streamed for Xlsb<Input> {
    fn merges(&mut self, _: &str) -> Result<Option<Vec<Dimensions>>, ()> {
        // calamine does not expose merged regions of .xlsb files.
        Ok(Some(Vec::new()))
    }
    fn cells<'b>(
        &'b mut self,
        ctx: &Ctx<'_>,
        name: &str,
        on_cell: &mut dyn FnMut(Cell<DataRef<'b>>) -> Result<Flow, ReadError>,
    ) -> Result<bool, ReadError> {
        let mut reader = in_calamine(ctx.file, || Ok(self.worksheet_cells_reader(name)))?
            .map_err(|_| sheet_error(ctx, name, "工作表数据无法读取".into()))?;
        drain(ctx, name, || reader.next_cell().map_err(|_| ()), on_cell)?;
        Ok(true)
    }
}

/// Pulls cells from calamine until the end or until `on_cell` stops.
fn drain<'a>(
    ctx: &Ctx<'_>,
    name: &str,
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, ()>,
    on_cell: &mut dyn FnMut(Cell<DataRef<'a>>) -> Result<Flow, ReadError>,
) -> Result<(), ReadError> {
    let mut seen = 0u64;
    loop {
        let cell = in_calamine(ctx.file, || Ok(next()))?.map_err(|()| {
            sheet_error(
                ctx,
                name,
                format!("第 {} 个单元格附近的内容已损坏", seen + 1),
            )
        })?;
        let Some(cell) = cell else { return Ok(()) };
        seen += 1;
        if on_cell(cell)? == Flow::Stop {
            return Ok(());
        }
    }
}

pub(crate) fn read(
    path: &Path,
    ctx: &Ctx<'_>,
    detected: &Detected,
) -> Result<Vec<SheetRead>, ReadError> {
    let f = File::open(path).map_err(|e| super::source::open_error(ctx.file, &e))?;
    let input = BufReader::new(f);
    let eager = detected.largest_sheet_part <= EAGER_MERGES_BYTES;
    if detected.format == Format::Xlsb {
        let mut book: Xlsb<Input> = in_calamine(ctx.file, || {
            Xlsb::new(input).map_err(|e| match e {
                XlsbError::Password => super::grid::encrypted(ctx),
                _ => corrupt(ctx),
            })
        })?;
        let ctx = Ctx {
            is_1904: book.has_1904_epoch(),
            ..*ctx
        };
        let sheets = book.sheets_metadata().to_vec();
        read_sheets(&mut book, &ctx, sheets, eager)
    } else {
        let mut book: Xlsx<Input> = in_calamine(ctx.file, || {
            Xlsx::new(input).map_err(|e| match e {
                XlsxError::Password => super::grid::encrypted(ctx),
                _ => corrupt(ctx),
            })
        })?;
        let ctx = Ctx {
            is_1904: book.has_1904_epoch(),
            ..*ctx
        };
        let sheets = book.sheets_metadata().to_vec();
        read_sheets(&mut book, &ctx, sheets, eager)
    }
}

fn read_sheets(
    book: &mut impl Streamed,
    ctx: &Ctx<'_>,
    sheets: Vec<calamine::Sheet>,
    eager: bool,
) -> Result<Vec<SheetRead>, ReadError> {
    let mut out = Vec::with_capacity(sheets.len());
    for meta in sheets {
        let mut notes = Vec::new();
        let outcome = if meta.typ != SheetType::WorkSheet {
            SheetOutcome::Unmatched {
                reason: "不是普通工作表（图表或宏表），不含表格数据".into(),
            }
        } else {
            read_sheet(book, ctx, &meta.name, eager, &mut notes)?
        };
        out.push(SheetRead {
            sheet: meta.name,
            outcome,
            notes,
        });
    }
    Ok(out)
}

fn read_sheet(
    book: &mut impl Streamed,
    ctx: &Ctx<'_>,
    name: &str,
    eager: bool,
    notes: &mut Vec<String>,
) -> Result<SheetOutcome, ReadError> {
    let early = if eager {
        Some(merges(book, ctx, name, notes)?)
    } else {
        None
    };
    let (builder, skipped) = stream(book, ctx, name, early)?;
    let late = if builder.wants_merges() {
        Some(merges(book, ctx, name, notes)?)
    } else {
        None
    };
    let outcome = match builder.finish(late.clone())? {
        Finished::Done(outcome) => outcome,
        Finished::Redo => {
            let (builder, _) = stream(book, ctx, name, late)?;
            match builder.finish(None)? {
                Finished::Done(outcome) => outcome,
                Finished::Redo => {
                    return Err(sheet_error(ctx, name, "合并单元格信息不一致".into()));
                }
            }
        }
    };
    if let Some(note) = super::grid::skipped_note(ctx, skipped) {
        notes.push(note);
    }
    Ok(outcome)
}

/// The sheet's merged regions, or none (with a note) when calamine cannot
/// read their references: the cells are still readable. Reading them
/// parses the whole sheet part, so a damaged sheet usually shows here
/// first: the message is about the sheet, not about merged cells.
fn merges(
    book: &mut impl Streamed,
    ctx: &Ctx<'_>,
    name: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Dimensions>, ReadError> {
    match in_calamine(ctx.file, || Ok(book.merges(name)))? {
        Ok(Some(m)) => Ok(m),
        Ok(None) => {
            let note = "合并单元格的范围无法识别（如整列、整行合并），已按未合并读取";
            if !notes.iter().any(|n| n == note) {
                notes.push(note.into());
            }
            Ok(Vec::new())
        }
        Err(()) => Err(sheet_error(ctx, name, "内容已损坏，无法解析".into())),
    }
}

/// One pass over the sheet's cells, grouped into rows; also returns how
/// many non-empty cells lay beyond the column limit and were skipped.
fn stream<'a>(
    book: &mut impl Streamed,
    ctx: &'a Ctx<'a>,
    name: &str,
    merges: Option<Vec<Dimensions>>,
) -> Result<(SheetBuilder<'a>, u64), ReadError> {
    let mut builder = SheetBuilder::new(ctx, name, merges);
    let max_columns = ctx.limits.max_columns;
    let mut row: Vec<(u32, DataRef<'_>)> = Vec::with_capacity(64);
    let mut current = 0u32;
    let mut skipped = 0u64;
    let mut stopped = false;
    book.cells(ctx, name, &mut |cell| {
        let (r, c) = cell.get_position();
        if r != current && !row.is_empty() && push(&mut builder, current, &mut row)? == Flow::Stop {
            stopped = true;
            return Ok(Flow::Stop);
        }
        current = r;
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            return Ok(Flow::Continue);
        }
        // Checked per cell: a row of millions of cells is never buffered.
        if c >= max_columns || row.len() >= max_columns as usize {
            skipped += 1;
            return Ok(Flow::Continue);
        }
        row.push((c, value.clone()));
        Ok(Flow::Continue)
    })?;
    if !row.is_empty() && !stopped {
        push(&mut builder, current, &mut row)?;
    }
    Ok((builder, skipped))
}

fn push(
    builder: &mut SheetBuilder<'_>,
    row: u32,
    cells: &mut Vec<(u32, DataRef<'_>)>,
) -> Result<Flow, ReadError> {
    if !cells.is_sorted_by_key(|c| c.0) {
        cells.sort_by_key(|c| c.0);
    }
    let flow = builder.push_row(row, cells);
    cells.clear();
    flow
}

fn corrupt(ctx: &Ctx<'_>) -> ReadError {
    ReadError::Corrupt {
        file: ctx.file.into(),
        detail: "工作簿结构（工作表列表、共享字符串或样式）无法解析".into(),
    }
}

fn sheet_error(ctx: &Ctx<'_>, sheet: &str, detail: String) -> ReadError {
    ReadError::Sheet {
        file: ctx.file.into(),
        sheet: sheet.into(),
        detail,
    }
}
