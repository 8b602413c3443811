//! .xls and .ods: calamine parses these whole when the workbook is opened,
//! so a grid per sheet is the only way in. The file-size and zip-part limits
//! (checked before opening) bound what it can allocate; rows and columns are
//! checked on the grid it hands back.

use super::sheet::{Ctx, Finished, SheetBuilder};
use super::source::Format;
use super::{ReadError, ReadLimits, SheetOutcome, SheetRead};
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
            let mut book = Xls::new(reader).map_err(|e| match e {
                calamine::XlsError::Password => ReadError::Encrypted {
                    file: ctx.file.into(),
                },
                e => corrupt(ctx, format!("无法解析 Excel 97-2003 工作簿（{e}）")),
            })?;
            read_book(&mut book, ctx, |b, name| {
                b.merge_cells_by_sheet_name(name).unwrap_or_default()
            })
        }
        _ => {
            let mut book = Ods::new(reader).map_err(|e| match e {
                calamine::OdsError::Password => ReadError::Encrypted {
                    file: ctx.file.into(),
                },
                e => corrupt(ctx, format!("无法解析 OpenDocument 表格（{e}）")),
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
    B::Error: std::fmt::Display,
{
    let sheets = book.sheets_metadata().to_vec();
    let mut out = Vec::with_capacity(sheets.len());
    for meta in sheets {
        let outcome = if meta.typ != SheetType::WorkSheet {
            SheetOutcome::Unmatched {
                reason: "不是普通工作表（图表或宏表），不含表格数据".into(),
            }
        } else {
            let range = book
                .worksheet_range(&meta.name)
                .map_err(|e| ReadError::Sheet {
                    file: ctx.file.into(),
                    sheet: meta.name.clone(),
                    detail: format!("无法读取（{e}）"),
                })?;
            read_range(ctx, &meta.name, &range, merges(book, &meta.name))?
        };
        out.push(SheetRead {
            sheet: meta.name,
            outcome,
        });
    }
    Ok(out)
}

fn read_range(
    ctx: &Ctx<'_>,
    name: &str,
    range: &Range<Data>,
    merges: Vec<Dimensions>,
) -> Result<SheetOutcome, ReadError> {
    let Some((row0, col0)) = range.start() else {
        return Ok(SheetOutcome::Empty);
    };
    check_extent(ctx.limits, ctx.file, name, range)?;
    let mut builder = SheetBuilder::new(ctx, name, Some(merges));
    let mut cells: Vec<(u32, &Data)> = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        cells.extend(
            row.iter()
                .enumerate()
                .filter(|(_, d)| !matches!(d, Data::Empty))
                .map(|(j, d)| (col0 + j as u32, d)),
        );
        if cells.is_empty() {
            continue;
        }
        if builder.push_row(row0 + i as u32, &cells)? == super::sheet::Flow::Stop {
            break;
        }
    }
    match builder.finish(None)? {
        Finished::Done(outcome) => Ok(outcome),
        Finished::Redo => Ok(SheetOutcome::Empty),
    }
}

/// Rows and columns of the grid, before walking it.
fn check_extent(
    limits: &ReadLimits,
    file: &str,
    sheet: &str,
    range: &Range<Data>,
) -> Result<(), ReadError> {
    let (rows, cols) = range.get_size();
    if rows as u64 > limits.max_rows as u64 {
        return Err(ReadError::Limit {
            file: file.into(),
            what: format!("工作表“{sheet}”有 {rows} 行"),
            limit: format!("{} 行", limits.max_rows),
        });
    }
    // Wide grids are fine as long as the cells beyond the limit are blank;
    // the row reader refuses non-blank ones.
    let _ = cols;
    Ok(())
}

fn corrupt(ctx: &Ctx<'_>, detail: String) -> ReadError {
    ReadError::Corrupt {
        file: ctx.file.into(),
        detail,
    }
}
