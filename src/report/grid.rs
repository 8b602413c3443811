//! The raw cells of a checked sheet, at their original addresses, for the
//! reports that show the sheet itself (annotated workbook, HTML rows).
//!
//! A [`Table`](crate::table::Table) keeps only declared columns, typed; a
//! report has to show what the uploader typed, where they typed it. The
//! sheet is read again with the same safeguards as the table reader: .xlsx
//! is streamed cell by cell (its declared dimension is never trusted), and
//! rows beyond the row limit are refused; cells beyond the column limit
//! are left out, as when the table was read.

use crate::table::{ReadError, ReadLimits};
use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx, XlsxError};
use std::borrow::Cow;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// One non-blank cell as the uploader left it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date/time as an Excel serial in the 1900 epoch (1904 workbooks are
    /// converted), with what it holds.
    Date(f64, DateKind),
    /// An Excel error value ("#DIV/0!").
    Error(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Date,
    DateTime,
    Time,
    Duration,
}

impl RawCell {
    /// The cell as people read it (dates as 2025-07-01).
    pub fn display(&self) -> String {
        match self {
            RawCell::Text(s) | RawCell::Error(s) => s.clone(),
            RawCell::Number(n) => format_number(*n),
            RawCell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            RawCell::Date(v, kind) => format_serial(*v, *kind),
        }
    }
}

/// One sheet row: 0-based row and its non-blank cells by ascending column.
pub type RawRow = (u32, Vec<(u32, RawCell)>);

/// Days between the 1900 and 1904 epochs.
const EPOCH_1904_OFFSET: f64 = 1462.0;

/// Calls `sink` with every non-blank row of `sheet` in `path`, in order.
/// `sink` may stop the walk early by returning `false`.
pub fn for_each_row(
    path: &Path,
    sheet: &str,
    limits: &ReadLimits,
    sink: &mut dyn FnMut(RawRow) -> bool,
) -> Result<(), ReadError> {
    let file = path.display().to_string();
    let mut guard = Guard {
        file: &file,
        sheet,
        limits,
        sink,
    };
    let head = read_head(path).map_err(|e| open_error(&file, &e))?;
    if head.starts_with(b"PK") {
        let f = File::open(path).map_err(|e| open_error(&file, &e))?;
        match Xlsx::new(BufReader::new(f)) {
            Ok(mut book) => return xlsx_rows(&mut book, &mut guard),
            Err(XlsxError::Password) => return Err(ReadError::Encrypted { file }),
            // Not an .xlsx: an .ods is a zip too.
            Err(_) => {}
        }
        let f = File::open(path).map_err(|e| open_error(&file, &e))?;
        let mut book = Ods::new(BufReader::new(f)).map_err(|_| corrupt(&file))?;
        let range = book
            .worksheet_range(sheet)
            .map_err(|_| sheet_error(&guard))?;
        return grid_rows(&range, &mut guard, false);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let f = File::open(path).map_err(|e| open_error(&file, &e))?;
        let mut book = Xls::new(BufReader::new(f)).map_err(|_| corrupt(&file))?;
        let is_1904 = book.has_1904_epoch();
        let range = book
            .worksheet_range(sheet)
            .map_err(|_| sheet_error(&guard))?;
        return grid_rows(&range, &mut guard, is_1904);
    }
    super::csv_grid::rows(path, &mut guard)
}

/// Applies the read limits to every row before handing it on.
pub(crate) struct Guard<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    limits: &'a ReadLimits,
    sink: &'a mut dyn FnMut(RawRow) -> bool,
}

impl Guard<'_> {
    /// Passes a row on; `Ok(false)` when the sink wants no more.
    pub(crate) fn push(
        &mut self,
        row: u32,
        mut cells: Vec<(u32, RawCell)>,
    ) -> Result<bool, ReadError> {
        // As when the table was read: cells beyond the column limit are
        // left out (the report's notes say how many).
        cells.retain(|(c, _)| *c < self.limits.max_columns);
        if cells.is_empty() {
            return Ok(true);
        }
        if row >= self.limits.max_rows {
            return Err(self.limit(
                format!("第{}行（行数过多）", row as u64 + 1),
                format!("{} 行", self.limits.max_rows),
            ));
        }
        for (_, c) in &mut cells {
            if let RawCell::Text(s) = c
                && s.chars().count() > self.limits.max_cell_chars
            {
                *s = s.chars().take(self.limits.max_cell_chars).collect();
            }
        }
        if !cells.is_sorted_by_key(|c| c.0) {
            cells.sort_by_key(|c| c.0);
        }
        Ok((self.sink)((row, cells)))
    }

    fn limit(&self, what: String, limit: String) -> ReadError {
        ReadError::Limit {
            file: self.file.into(),
            what: format!("工作表“{}”{what}", self.sheet),
            limit,
        }
    }
}

fn xlsx_rows(book: &mut Xlsx<BufReader<File>>, guard: &mut Guard<'_>) -> Result<(), ReadError> {
    let is_1904 = book.has_1904_epoch();
    let sheet = guard.sheet.to_string();
    let mut reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|_| sheet_error(guard))?;
    let mut row = Vec::new();
    let mut current = 0u32;
    loop {
        let cell = reader.next_cell().map_err(|_| ReadError::Sheet {
            file: guard.file.into(),
            sheet: sheet.clone(),
            detail: format!("第{}行附近的内容已损坏", current as u64 + 1),
        })?;
        let Some(cell) = cell else { break };
        let (r, c) = cell.get_position();
        if r != current && !row.is_empty() && !guard.push(current, std::mem::take(&mut row))? {
            return Ok(());
        }
        current = r;
        // Checked per cell, so a row of millions of cells is never buffered.
        if c >= guard.limits.max_columns {
            continue;
        }
        if let Some(v) = from_ref(cell.get_value(), is_1904) {
            row.push((c, v));
        }
    }
    guard.push(current, row)?;
    Ok(())
}

fn grid_rows(
    range: &calamine::Range<Data>,
    guard: &mut Guard<'_>,
    is_1904: bool,
) -> Result<(), ReadError> {
    let Some((row0, col0)) = range.start() else {
        return Ok(());
    };
    for (i, cells) in range.rows().enumerate() {
        let cells: Vec<(u32, RawCell)> = cells
            .iter()
            .enumerate()
            .filter_map(|(j, d)| from_data(d, is_1904).map(|v| (col0 + j as u32, v)))
            .collect();
        if !guard.push(row0 + i as u32, cells)? {
            break;
        }
    }
    Ok(())
}

fn from_ref(d: &DataRef<'_>, is_1904: bool) -> Option<RawCell> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::Int(i) => RawCell::Number(*i as f64),
        DataRef::Float(f) => RawCell::Number(*f),
        DataRef::String(s) => text(s)?,
        DataRef::SharedString(s) => text(s)?,
        DataRef::Bool(b) => RawCell::Bool(*b),
        DataRef::DateTime(dt) => date(dt, is_1904),
        DataRef::DateTimeIso(s) => iso_date(s).or_else(|| text(s))?,
        DataRef::DurationIso(s) => text(s)?,
        DataRef::Error(e) => RawCell::Error(e.to_string()),
    })
}

fn from_data(d: &Data, is_1904: bool) -> Option<RawCell> {
    Some(match d {
        Data::Empty => return None,
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => text(s)?,
        Data::Bool(b) => RawCell::Bool(*b),
        Data::DateTime(dt) => date(dt, is_1904),
        Data::DateTimeIso(s) => iso_date(s).or_else(|| text(s))?,
        Data::DurationIso(s) => text(s)?,
        Data::Error(e) => RawCell::Error(e.to_string()),
    })
}

/// Text cells that are only spaces count as blank, as in the table reader.
fn text(s: &str) -> Option<RawCell> {
    (!s.trim().is_empty()).then(|| RawCell::Text(s.to_string()))
}

/// An ISO date or date-time (how .ods stores them) as an Excel serial, so
/// that it is still a date in the annotated workbook.
fn iso_date(s: &str) -> Option<RawCell> {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let serial = |dt: NaiveDateTime| {
        let d = dt.signed_duration_since(epoch.and_time(NaiveTime::MIN));
        d.num_milliseconds() as f64 / 86_400_000.0
    };
    let dt = match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d.and_time(NaiveTime::MIN),
        Err(_) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok()?,
    };
    let kind = if dt.time() == NaiveTime::MIN {
        DateKind::Date
    } else {
        DateKind::DateTime
    };
    // Excel cannot show dates before 1900-03-01 as dates.
    let v = serial(dt);
    (v >= 61.0).then_some(RawCell::Date(v, kind))
}

fn date(dt: &calamine::ExcelDateTime, is_1904: bool) -> RawCell {
    let mut v = dt.as_f64();
    let kind = if dt.is_duration() {
        DateKind::Duration
    } else if v < 1.0 {
        DateKind::Time
    } else if v.fract() == 0.0 {
        DateKind::Date
    } else {
        DateKind::DateTime
    };
    if is_1904 && !matches!(kind, DateKind::Duration | DateKind::Time) {
        v += EPOCH_1904_OFFSET;
    }
    RawCell::Date(v, kind)
}

/// Numbers without float noise: integers as integers, else up to 15
/// significant digits (what Excel shows).
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let s = format!("{n:.15e}");
    match s.parse::<f64>() {
        Ok(v) => {
            let t = v.to_string();
            if t.len() > 20 { format!("{n:.6}") } else { t }
        }
        Err(_) => n.to_string(),
    }
}

/// An Excel serial (1900 epoch) as text.
pub fn format_serial(v: f64, kind: DateKind) -> String {
    let secs = (((v - v.floor()) * 86_400.0).round() as u32).min(86_399);
    let hms = format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    let date = || crate::value::excel_serial_to_date(v.floor()).ok();
    match kind {
        DateKind::Time => hms,
        DateKind::Duration => format_number(v),
        DateKind::Date => {
            date().map_or_else(|| format_number(v), |d| d.format("%Y-%m-%d").to_string())
        }
        DateKind::DateTime => date().map_or_else(
            || format_number(v),
            |d| format!("{} {hms}", d.format("%Y-%m-%d")),
        ),
    }
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::with_capacity(8);
    File::open(path)?.take(8).read_to_end(&mut buf)?;
    Ok(buf)
}

pub(crate) fn open_error(file: &str, e: &std::io::Error) -> ReadError {
    let detail = match e.kind() {
        std::io::ErrorKind::NotFound => Cow::Borrowed("文件不存在"),
        std::io::ErrorKind::PermissionDenied => Cow::Borrowed("没有读取权限"),
        _ => Cow::Owned(e.to_string()),
    };
    ReadError::Open {
        file: file.into(),
        detail: detail.into_owned(),
    }
}

fn corrupt(file: &str) -> ReadError {
    ReadError::Corrupt {
        file: file.into(),
        detail: "重新读取以生成报告时无法解析".into(),
    }
}

fn sheet_error(guard: &Guard<'_>) -> ReadError {
    ReadError::Sheet {
        file: guard.file.into(),
        sheet: guard.sheet.into(),
        detail: "重新读取以生成报告时无法读取".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_wrote_them() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(-3.0), "-3");
    }

    #[test]
    fn iso_dates_become_serials() {
        assert_eq!(
            iso_date("2025-07-01"),
            Some(RawCell::Date(45839.0, DateKind::Date))
        );
        assert_eq!(
            iso_date("2025-07-01T12:00:00"),
            Some(RawCell::Date(45839.5, DateKind::DateTime))
        );
        assert_eq!(iso_date("合同"), None);
        assert_eq!(iso_date("1800-01-01"), None);
    }

    #[test]
    fn serials_become_dates() {
        assert_eq!(format_serial(45839.0, DateKind::Date), "2025-07-01");
        assert_eq!(
            format_serial(45839.5, DateKind::DateTime),
            "2025-07-01 12:00:00"
        );
        assert_eq!(format_serial(0.25, DateKind::Time), "06:00:00");
    }
}
