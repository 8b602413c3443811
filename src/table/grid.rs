//! .xls and .ods: calamine parses these whole when the workbook is opened,
//! so a grid per sheet is the only way in. The file-size and zip-part limits
//! and the declared extents (`xls_guard`, `ods_guard`, checked before
//! opening) bound what it can allocate; cells beyond the column limit are
//! skipped with a note.

use super::sheet::{Ctx, Finished, Flow, SheetBuilder};
use super::source::Format;
use super::{ReadError, SheetOutcome, SheetRead, in_calamine};
use calamine::{Data, Dimensions, Ods, Range, Reader, SheetType, Xls};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

pub(crate) fn read(
    path: &Path,
    ctx: &Ctx<'_>,
    format: Format,
) -> Result<Vec<SheetRead>, ReadError> {
    let f = File::open(path).map_err(|e| super::source::open_error(ctx.file, &e))?;
    let reader = BufReader::new(f);
    match format {
        Format::Xls => {
            let mut book = in_calamine(ctx.file, || {
                Xls::new(reader).map_err(|e| match e {
                    calamine::XlsError::Password => encrypted(ctx),
                    _ => corrupt(ctx, "无法解析 Excel 97-2003 工作簿的记录"),
                })
            })?;
            read_book(&mut book, ctx, |b, name| {
                b.merge_cells_by_sheet_name(name).unwrap_or_default()
            })
        }
        _ => {
            let mut book = in_calamine(ctx.file, || {
                Ods::new(reader).map_err(|e| match e {
                    calamine::OdsError::Password => encrypted(ctx),
                    _ => corrupt(ctx, "无法解析 .ods 表格的内容"),
                })
            })?;
            // calamine does not expose merged regions of .ods files.
            read_book(&mut book, ctx, |_, _| Vec::new())
        }
    }
}

fn read_book<R, B>(
    book: &mut B,
    ctx: &Ctx<'_>,
    merges: impl Fn(&B, &str) -> Vec<Dimensions>,
) -> Result<Vec<SheetRead>, ReadError>
where
    R: std::io::Read + std::io::Seek,
    B: Reader<R>,
{
    let sheets = book.sheets_metadata().to_vec();
    let mut out = Vec::with_capacity(sheets.len());
    for meta in sheets {
        let mut notes = Vec::new();
        let outcome = if meta.typ != SheetType::WorkSheet {
            SheetOutcome::Unmatched {
                reason: "不是普通工作表（图表或宏表），不含表格数据".into(),
            }
        } else {
            let range = in_calamine(ctx.file, || {
                book.worksheet_range(&meta.name)
                    .map_err(|_| ReadError::Sheet {
                        file: ctx.file.into(),
                        sheet: meta.name.clone(),
                        detail: "工作表数据无法读取".into(),
                    })
            })?;
            let merges = in_calamine(ctx.file, || Ok(merges(book, &meta.name)))?;
            let (outcome, skipped) = read_range(ctx, &meta.name, &range, merges)?;
            notes.extend(skipped_note(ctx, skipped));
            outcome
        };
        out.push(SheetRead {
            sheet: meta.name,
            outcome,
            notes,
        });
    }
    Ok(out)
}

/// Reads the grid row by row; also returns how many non-empty cells lay
/// beyond the column limit and were skipped.
fn read_range(
    ctx: &Ctx<'_>,
    name: &str,
    range: &Range<Data>,
    merges: Vec<Dimensions>,
) -> Result<(SheetOutcome, u64), ReadError> {
    let Some((row0, col0)) = range.start() else {
        return Ok((SheetOutcome::Empty, 0));
    };
    let max_columns = ctx.limits.max_columns;
    let mut builder = SheetBuilder::new(ctx, name, Some(merges));
    let mut cells: Vec<(u32, &Data)> = Vec::new();
    let mut skipped = 0u64;
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        for (j, d) in row.iter().enumerate() {
            if matches!(d, Data::Empty) {
                continue;
            }
            let col = u32::try_from(j).map_or(u32::MAX, |j| col0.saturating_add(j));
            if col >= max_columns {
                skipped += 1;
            } else {
                cells.push((col, d));
            }
        }
        if cells.is_empty() {
            continue;
        }
        let row = u32::try_from(i).map_or(u32::MAX, |i| row0.saturating_add(i));
        if builder.push_row(row, &cells)? == Flow::Stop {
            break;
        }
    }
    let outcome = match builder.finish(None)? {
        Finished::Done(outcome) => outcome,
        Finished::Redo => SheetOutcome::Empty,
    };
    Ok((outcome, skipped))
}

/// The note for cells skipped beyond the column limit, if any.
pub(crate) fn skipped_note(ctx: &Ctx<'_>, skipped: u64) -> Option<String> {
    (skipped > 0).then(|| {
        format!(
            "第 {} 列（{}列）以后有 {skipped} 个非空单元格，超出列数上限，未读取",
            ctx.limits.max_columns,
            super::column_letter(ctx.limits.max_columns.saturating_sub(1))
        )
    })
}

pub(crate) fn encrypted(ctx: &Ctx<'_>) -> ReadError {
    ReadError::Encrypted {
        file: ctx.file.into(),
    }
}

fn corrupt(ctx: &Ctx<'_>, detail: &str) -> ReadError {
    ReadError::Corrupt {
        file: ctx.file.into(),
        detail: detail.into(),
    }
}
