//! Excel (.xlsx) view of a document, for forms: a merged title row, the
//! text blocks as merged rows, each table with bold bordered headers, typed
//! cells (numbers stay numbers, with 元/万元/date formats), and 合计 rows as
//! SUM formulas whose cached results are set, so readers that do not
//! recalculate (calamine, previewers, WPS in protected view) see the values.
//!
//! Column widths are computed from the text, counting a Chinese character as
//! two: Excel's own autofit (and rust_xlsxwriter's) undersizes CJK text.

use super::format::{display_width, number_text};
use super::model::{Block, Cell, CellKind, Doc, Row, Table, TotalCell};
use crate::report::xlsx::style::{LINE_HEIGHT, print_setup, wrapped_height};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use std::fmt::Write;

const FONT: &str = "宋体";
const FONT_SIZE: f64 = 11.0;
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 36.0;
/// In a table too wide for landscape A4 (about 140 characters), Chinese
/// text wraps at this width (seven characters) so that the form still
/// prints at a readable size; codes, numbers and dates never wrap.
const TEXT_WIDTH: f64 = 16.0;
const LANDSCAPE_WIDTH: f64 = 140.0;

/// Excel's limits on a sheet name: 31 characters, none of []:*?/\.
pub fn sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\n'))
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches('\'').trim().to_string();
    if cleaned.is_empty() {
        "Sheet1".into()
    } else {
        cleaned
    }
}

pub fn render(doc: &Doc) -> Result<Vec<u8>, String> {
    build(doc).map_err(|e| format!("无法生成 .xlsx：{e}"))
}

struct Formats {
    title: Format,
    center: Format,
    left: Format,
    right: Format,
    caption: Format,
    header: Format,
    text: Format,
    total_text: Format,
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(FONT_SIZE)
}

impl Formats {
    fn new() -> Formats {
        let wrap = || {
            base()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
        };
        let boxed = || wrap().set_border(FormatBorder::Thin);
        Formats {
            title: base()
                .set_bold()
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            center: wrap().set_align(FormatAlign::Center),
            left: wrap().set_align(FormatAlign::Left),
            right: wrap().set_align(FormatAlign::Right),
            caption: wrap().set_bold().set_align(FormatAlign::Left),
            header: boxed()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9D9D9)),
            // One character of indent keeps a cell's text off its neighbour's.
            text: boxed().set_align(FormatAlign::Left).set_indent(1),
            total_text: boxed().set_bold().set_align(FormatAlign::Center),
        }
    }
}

/// The number format of a typed column. Every value of a column shows the
/// same number of decimals — as many as the most precise one needs (24.000
/// beside 15.125, not 24.00) — so the figures line up.
fn num_format(kind: CellKind, t: &Table, col: usize) -> String {
    let places = |scale: Decimal| {
        t.data_rows()
            .filter_map(|r| match r.get(col) {
                Some(Cell::Number(n)) => Some((n * scale).normalize().scale()),
                _ => None,
            })
            .max()
            .unwrap_or(0) as usize
    };
    let fixed = |int: &str, places: usize, suffix: &str| {
        if places == 0 {
            format!("{int}{suffix}")
        } else {
            format!("{int}.{}{suffix}", "0".repeat(places))
        }
    };
    match kind {
        CellKind::元 => "#,##0.00".into(),
        // 万元 keep 分 exact: up to six decimals, at least two.
        CellKind::万元 => fixed("#,##0", places(Decimal::ONE).clamp(2, 6), ""),
        CellKind::日期 => "yyyy-mm-dd".into(),
        CellKind::百分比 => fixed("0", places(Decimal::from(100)).min(4), "%"),
        CellKind::数值 => fixed("#,##0", places(Decimal::ONE).min(6), ""),
        CellKind::文本 => "@".into(),
    }
}

/// A character that takes two columns (Chinese text wraps between them).
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width_cjk(c) == Some(2)
}

/// Whether a column holds sequence numbers (序号): centred, so the number
/// does not run into the next column's text ("1101001").
fn is_sequence(header: &str) -> bool {
    matches!(header.trim(), "序号" | "编号" | "行号")
}

fn build(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let cols = doc.tables().map(Table::columns).max().unwrap_or(1).max(1);
    let widths = column_widths(doc, cols);
    let total_width: f64 = widths.iter().sum();

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&doc.title()))?;
    ws.set_print_center_horizontally(true);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    let mut row: u32 = 0;
    let title = doc.title();
    if !title.is_empty() {
        merged(ws, row, cols, &title, &f.title)?;
        ws.set_row_height(row, 36)?;
        row += 1;
    }
    let mut header_rows = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Title(_) => {}
            Block::Masthead(t) | Block::DocNo(t) | Block::Subtitle(t) => {
                text_row(ws, row, cols, t, &f.center, total_width)?;
                row += 1;
            }
            Block::Addressee(t)
            | Block::Heading(_, t)
            | Block::Para { text: t, .. }
            | Block::Note(t)
            | Block::Attachment(t)
            | Block::CopyTo(t)
            | Block::Printed(t) => {
                text_row(ws, row, cols, t, &f.left, total_width)?;
                row += 1;
            }
            Block::Signature(t) | Block::Date(t) => {
                text_row(ws, row, cols, t, &f.right, total_width)?;
                row += 1;
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    text_row(ws, row, cols, c, &f.caption, total_width)?;
                    row += 1;
                }
                header_rows.push(row);
                row = table(ws, row, t, &f, &widths)?;
            }
            Block::Blank | Block::PageBreak => row += 1,
        }
    }
    // One table: its header repeats on every printed page. Several: each
    // starts with its own header, none is repeated over the others.
    let titles = match header_rows[..] {
        [h] => {
            ws.set_freeze_panes(h + 1, 0)?;
            Some((h, h))
        }
        _ => None,
    };
    print_setup(ws, total_width, titles)?;
    wb.save_to_buffer()
}

/// Writes one table from `start`; returns the next free row. A table
/// narrower than the sheet spreads its columns over the sheet's (merged
/// cells), so a 项目 | 内容 form spans the full width.
fn table(
    ws: &mut Worksheet,
    start: u32,
    t: &Table,
    f: &Formats,
    widths: &[f64],
) -> Result<u32, XlsxError> {
    let spans = spans(&needed(t), widths);
    let span_widths: Vec<f64> = spans
        .iter()
        .map(|(a, b)| widths[*a as usize..=*b as usize].iter().sum())
        .collect();
    for (c, h) in t.header.iter().enumerate() {
        put(ws, start, spans[c], &f.header, |ws, col| {
            ws.write_string_with_format(start, col, h, &f.header)
        })?;
    }
    ws.set_row_height(
        start,
        row_height(
            t.header.iter().map(String::as_str).enumerate(),
            &span_widths,
        ),
    )?;
    let formats: Vec<(Format, Format)> = t
        .kinds
        .iter()
        .enumerate()
        .map(|(c, k)| {
            let cell = f.text.clone().set_num_format(num_format(*k, t, c));
            let cell = if t.header.get(c).is_some_and(|h| is_sequence(h)) {
                cell.set_indent(0).set_align(FormatAlign::Center)
            } else if k.is_numeric() || *k == CellKind::日期 {
                cell.set_align(FormatAlign::Right)
            } else {
                cell
            };
            let total = cell.clone().set_bold();
            (cell, total)
        })
        .collect();
    // Sheet rows of the data rows, for the 合计 formulas.
    let first = start + 1;
    let data_rows: Vec<u32> = t
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Row::Data(_)))
        .map(|(i, _)| first + i as u32)
        .collect();
    for (i, r) in t.rows.iter().enumerate() {
        let at = first + i as u32;
        match r {
            Row::Data(cells) => {
                let mut texts = Vec::with_capacity(cells.len());
                for (c, cell) in cells.iter().enumerate() {
                    let fmt = &formats[c].0;
                    put(ws, at, spans[c], fmt, |ws, col| match cell {
                        Cell::Empty => ws.write_blank(at, col, fmt),
                        Cell::Text(s) => ws.write_string_with_format(at, col, s, fmt),
                        Cell::Number(n) => {
                            ws.write_number_with_format(at, col, n.to_f64().unwrap_or(0.0), fmt)
                        }
                        Cell::Date(d) => {
                            use chrono::Datelike;
                            let date = ExcelDateTime::from_ymd(
                                d.year().clamp(1900, 9999) as u16,
                                d.month() as u8,
                                d.day() as u8,
                            )?;
                            ws.write_date_with_format(at, col, &date, fmt)
                        }
                    })?;
                    if let Cell::Text(s) = cell {
                        texts.push((c, s.as_str()));
                    }
                }
                if !texts.is_empty() {
                    ws.set_row_height(at, row_height(texts.into_iter(), &span_widths))?;
                }
            }
            Row::Total(cells) => {
                for (c, cell) in cells.iter().enumerate() {
                    match cell {
                        TotalCell::Text(s) => {
                            put(ws, at, spans[c], &f.total_text, |ws, col| {
                                ws.write_string_with_format(at, col, s, &f.total_text)
                            })?;
                        }
                        TotalCell::Sum(n) => {
                            let fmt = &formats[c].1;
                            put(ws, at, spans[c], fmt, |ws, col| {
                                match sum_formula(col, &data_rows) {
                                    Some(formula) => ws.write_formula_with_format(
                                        at,
                                        col,
                                        Formula::new(formula).set_result(n.normalize().to_string()),
                                        fmt,
                                    ),
                                    None => ws.write_number_with_format(at, col, 0.0, fmt),
                                }
                            })?;
                        }
                    }
                }
            }
        }
    }
    Ok(first + t.rows.len() as u32)
}

/// Writes a cell that may span sheet columns `a..=b`: merged (with the
/// format, so the borders are drawn) and then written in its first cell.
fn put(
    ws: &mut Worksheet,
    row: u32,
    (a, b): (u16, u16),
    fmt: &Format,
    write: impl FnOnce(&mut Worksheet, u16) -> Result<&mut Worksheet, XlsxError>,
) -> Result<(), XlsxError> {
    if b > a {
        ws.merge_range(row, a, row, b, "", fmt)?;
    }
    write(ws, a)?;
    Ok(())
}

/// Sheet columns for each table column: one each when the table is as wide
/// as the sheet; otherwise each takes columns until its width is reached
/// (leaving one for each column after it), the last takes the rest.
fn spans(needed: &[f64], widths: &[f64]) -> Vec<(u16, u16)> {
    let n = needed.len();
    let cols = widths.len();
    if n >= cols {
        return (0..n).map(|c| (c as u16, c as u16)).collect();
    }
    let mut out = Vec::with_capacity(n);
    let mut at = 0usize;
    for (j, want) in needed.iter().enumerate() {
        let left_for_rest = n - j - 1;
        if j + 1 == n {
            out.push((at as u16, (cols - 1) as u16));
            break;
        }
        let mut end = at;
        let mut have = widths[at];
        while have < *want && end + 1 < cols - left_for_rest {
            end += 1;
            have += widths[end];
        }
        out.push((at as u16, end as u16));
        at = end + 1;
    }
    out
}

/// "=SUM(F4:F9,F11:F12)" over runs of consecutive data rows.
fn sum_formula(col: u16, rows: &[u32]) -> Option<String> {
    let letter = crate::table::column_letter(u32::from(col));
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &r in rows {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == r => *end = r,
            _ => runs.push((r, r)),
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut s = String::from("=SUM(");
    for (i, (a, b)) in runs.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        // Sheet rows are 1-based in formulas.
        write!(s, "{letter}{}:{letter}{}", a + 1, b + 1).ok();
    }
    s.push(')');
    Some(s)
}

/// A text block across all columns, tall enough for its wrapped lines.
fn text_row(
    ws: &mut Worksheet,
    row: u32,
    cols: usize,
    text: &str,
    fmt: &Format,
    total_width: f64,
) -> Result<(), XlsxError> {
    merged(ws, row, cols, text, fmt)?;
    let lines: f64 = text
        .split('\n')
        .map(|l| {
            (display_width(l) as f64 / total_width.max(1.0))
                .ceil()
                .max(1.0)
        })
        .sum();
    ws.set_row_height(row, (lines * LINE_HEIGHT + 4.0).max(20.0))?;
    Ok(())
}

fn merged(
    ws: &mut Worksheet,
    row: u32,
    cols: usize,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if cols > 1 {
        ws.merge_range(row, 0, row, (cols - 1) as u16, text, fmt)?;
    } else {
        ws.write_string_with_format(row, 0, text, fmt)?;
    }
    Ok(())
}

/// Height for a row whose cells (column, text) wrap within their column
/// widths.
fn row_height<'a>(texts: impl Iterator<Item = (usize, &'a str)>, widths: &[f64]) -> f64 {
    wrapped_height(texts.map(|(c, t)| (t, widths.get(c).copied().unwrap_or(MIN_WIDTH))))
}

/// Widths in Excel character units that each column of `t` needs: its
/// widest header or cell (Chinese characters count two), plus padding;
/// Chinese text wraps when the table would not fit landscape A4.
fn needed(t: &Table) -> Vec<f64> {
    let natural = needed_within(t, MAX_WIDTH);
    if natural.iter().sum::<f64>() > LANDSCAPE_WIDTH {
        needed_within(t, TEXT_WIDTH)
    } else {
        natural
    }
}

/// [`needed`] with Chinese text at most `text_width` wide.
fn needed_within(t: &Table, text_width: f64) -> Vec<f64> {
    let mut widths = vec![MIN_WIDTH; t.columns()];
    for (c, h) in t.header.iter().enumerate() {
        // Headers wrap at about 16 columns rather than widen the sheet.
        let w = (display_width(h) as f64 * 1.1).min(16.0);
        widths[c] = widths[c].max(w + 2.0);
    }
    for r in &t.rows {
        match r {
            Row::Data(cells) => {
                for (c, cell) in cells.iter().enumerate() {
                    let (text, cap) = match cell {
                        Cell::Empty => (String::new(), MAX_WIDTH),
                        Cell::Text(s) if s.chars().any(is_wide) => (s.clone(), text_width),
                        Cell::Text(s) => (s.clone(), MAX_WIDTH),
                        Cell::Number(n) => (number_text(*n, t.kinds[c]), MAX_WIDTH),
                        Cell::Date(_) => ("2025-12-31".into(), MAX_WIDTH),
                    };
                    let w = (display_width(&text) as f64 * 1.1 + 2.0).min(cap);
                    widths[c] = widths[c].max(w);
                }
            }
            Row::Total(cells) => {
                for (c, cell) in cells.iter().enumerate() {
                    let text = match cell {
                        TotalCell::Text(s) => s.clone(),
                        TotalCell::Sum(n) => number_text(*n, t.kinds[c]),
                    };
                    widths[c] = widths[c].max(display_width(&text) as f64 * 1.2 + 2.0);
                }
            }
        }
    }
    widths
        .into_iter()
        .map(|w| w.clamp(MIN_WIDTH, MAX_WIDTH).round())
        .collect()
}

/// The sheet's column widths: from the widest tables (narrower ones spread
/// over these columns).
fn column_widths(doc: &Doc, cols: usize) -> Vec<f64> {
    let mut widths = vec![MIN_WIDTH; cols];
    for t in doc.tables().filter(|t| t.columns() == cols) {
        for (w, n) in widths.iter_mut().zip(needed(t)) {
            *w = w.max(n);
        }
    }
    if doc.tables().next().is_none() {
        // Text only: one wide column.
        widths = vec![80.0];
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_span_runs_of_data_rows() {
        assert_eq!(sum_formula(5, &[3, 4, 5]).unwrap(), "=SUM(F4:F6)");
        assert_eq!(sum_formula(0, &[3, 4, 6]).unwrap(), "=SUM(A4:A5,A7:A7)");
        assert_eq!(sum_formula(0, &[]), None);
    }

    #[test]
    fn narrow_tables_spread_over_the_sheet() {
        let widths = [6.0, 20.0, 10.0, 10.0, 14.0];
        // A label that needs 22 takes the first two columns; the value the rest.
        assert_eq!(spans(&[22.0, 30.0], &widths), vec![(0, 1), (2, 4)]);
        // Every column keeps at least one sheet column.
        assert_eq!(
            spans(&[100.0, 6.0, 6.0], &widths),
            vec![(0, 2), (3, 3), (4, 4)]
        );
        assert_eq!(spans(&[6.0; 5], &widths).len(), 5);
    }

    #[test]
    fn sheet_names_are_valid() {
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name(""), "Sheet1");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
    }
}
