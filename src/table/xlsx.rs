//! .xlsx, streamed cell by cell with `Xlsx::worksheet_cells_reader`: the
//! declared dimension of a sheet is never trusted and no grid is built
//! (`worksheet_range` would allocate whatever the sheet claims).

use super::sheet::{Ctx, Finished, Flow, SheetBuilder};
use super::{ReadError, SheetOutcome, SheetRead};
use calamine::{DataRef, Dimensions, Reader, SheetType, Xlsx, XlsxError};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Sheets whose XML part is at most this big get their merged regions read
/// before the cells (one extra cheap pass). Bigger sheets are streamed once
/// and consult merges only when the header came out incomplete.
const EAGER_MERGES_BYTES: u64 = 4 * 1024 * 1024;

type Book = Xlsx<BufReader<File>>;

pub(crate) fn read(
    path: &Path,
    ctx: &Ctx<'_>,
    largest_sheet_part: u64,
) -> Result<Vec<SheetRead>, ReadError> {
    let f = File::open(path).map_err(|e| super::source::open_error(ctx.file, &e))?;
    let mut book: Book = Xlsx::new(BufReader::new(f)).map_err(|e| book_error(ctx.file, e))?;
    let ctx = Ctx {
        is_1904: book.has_1904_epoch(),
        ..*ctx
    };
    let sheets = book.sheets_metadata().to_vec();
    let mut out = Vec::with_capacity(sheets.len());
    for meta in sheets {
        let outcome = if meta.typ != SheetType::WorkSheet {
            SheetOutcome::Unmatched {
                reason: "不是普通工作表（图表或宏表），不含表格数据".into(),
            }
        } else {
            read_sheet(
                &mut book,
                &ctx,
                &meta.name,
                largest_sheet_part <= EAGER_MERGES_BYTES,
            )?
        };
        out.push(SheetRead {
            sheet: meta.name,
            outcome,
        });
    }
    Ok(out)
}

fn read_sheet(
    book: &mut Book,
    ctx: &Ctx<'_>,
    name: &str,
    eager: bool,
) -> Result<SheetOutcome, ReadError> {
    let early = if eager {
        Some(merges(book, ctx, name)?)
    } else {
        None
    };
    let builder = stream(book, ctx, name, early)?;
    let late = if builder.wants_merges() {
        Some(merges(book, ctx, name)?)
    } else {
        None
    };
    match builder.finish(late.clone())? {
        Finished::Done(outcome) => Ok(outcome),
        Finished::Redo => {
            let builder = stream(book, ctx, name, late)?;
            match builder.finish(None)? {
                Finished::Done(outcome) => Ok(outcome),
                Finished::Redo => Err(sheet_error(ctx, name, "合并单元格信息不一致".into())),
            }
        }
    }
}

/// The sheet's merged regions. Reading them parses the whole sheet part, so
/// a damaged sheet usually shows here first: the message is about the
/// sheet, not about merged cells.
fn merges(book: &mut Book, ctx: &Ctx<'_>, name: &str) -> Result<Vec<Dimensions>, ReadError> {
    book.merge_cells_by_sheet_name(name)
        .map_err(|e| sheet_error(ctx, name, format!("内容已损坏（{e}）")))
}

/// One pass over the sheet's cells, grouped into rows.
fn stream<'a>(
    book: &mut Book,
    ctx: &'a Ctx<'a>,
    name: &str,
    merges: Option<Vec<Dimensions>>,
) -> Result<SheetBuilder<'a>, ReadError> {
    let mut builder = SheetBuilder::new(ctx, name, merges);
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(r) => r,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(builder),
        Err(e) => return Err(sheet_error(ctx, name, format!("无法读取（{e}）"))),
    };
    let mut row: Vec<(u32, DataRef<'_>)> = Vec::with_capacity(64);
    let mut current = 0u32;
    loop {
        let cell = reader.next_cell().map_err(|e| {
            sheet_error(
                ctx,
                name,
                format!("第{}行附近的内容已损坏（{e}）", current + 1),
            )
        })?;
        let Some(cell) = cell else { break };
        let (r, c) = cell.get_position();
        if r != current && !row.is_empty() && push(&mut builder, current, &mut row)? == Flow::Stop {
            return Ok(builder);
        }
        current = r;
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        row.push((c, cell.get_value().clone()));
    }
    if !row.is_empty() {
        push(&mut builder, current, &mut row)?;
    }
    Ok(builder)
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

fn book_error(file: &str, e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted { file: file.into() },
        e => ReadError::Corrupt {
            file: file.into(),
            detail: format!("无法解析 Excel 工作簿结构（{e}）"),
        },
    }
}

fn sheet_error(ctx: &Ctx<'_>, sheet: &str, detail: String) -> ReadError {
    ReadError::Sheet {
        file: ctx.file.into(),
        sheet: sheet.into(),
        detail,
    }
}
