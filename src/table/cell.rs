//! One view over a raw cell, whatever the source: calamine's owned `Data`
//! (xls/ods grids, buffered rows), its borrowed `DataRef` (streamed xlsx) and
//! plain text (csv). Everything downstream reads cells through [`CellRef`].

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime};
use std::fmt::Write;

/// A borrowed, copyable cell value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CellRef<'a> {
    Empty,
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A number the workbook formats as a date or time.
    DateTime(ExcelDateTime),
    /// ISO 8601 date/time or duration text (ods, xlsx `t="d"`).
    Iso(&'a str),
    /// A formula error such as #DIV/0!.
    Error(&'a CellErrorType),
}

/// Anything that can be looked at as a cell.
pub(crate) trait AsCell {
    fn cell(&self) -> CellRef<'_>;
}

impl AsCell for Data {
    fn cell(&self) -> CellRef<'_> {
        match self {
            Data::Int(i) => CellRef::Int(*i),
            Data::Float(f) => CellRef::Float(*f),
            Data::String(s) => CellRef::Text(s),
            Data::Bool(b) => CellRef::Bool(*b),
            Data::DateTime(d) => CellRef::DateTime(*d),
            Data::DateTimeIso(s) | Data::DurationIso(s) => CellRef::Iso(s),
            Data::Error(e) => CellRef::Error(e),
            Data::Empty => CellRef::Empty,
        }
    }
}

impl AsCell for DataRef<'_> {
    fn cell(&self) -> CellRef<'_> {
        match self {
            DataRef::Int(i) => CellRef::Int(*i),
            DataRef::Float(f) => CellRef::Float(*f),
            DataRef::String(s) => CellRef::Text(s),
            DataRef::SharedString(s) => CellRef::Text(s),
            DataRef::Bool(b) => CellRef::Bool(*b),
            DataRef::DateTime(d) => CellRef::DateTime(*d),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => CellRef::Iso(s),
            DataRef::Error(e) => CellRef::Error(e),
            DataRef::Empty => CellRef::Empty,
        }
    }
}

impl<T: AsCell + ?Sized> AsCell for &T {
    fn cell(&self) -> CellRef<'_> {
        (**self).cell()
    }
}

impl AsCell for str {
    fn cell(&self) -> CellRef<'_> {
        CellRef::Text(self)
    }
}

impl AsCell for String {
    fn cell(&self) -> CellRef<'_> {
        CellRef::Text(self)
    }
}

impl<'a> CellRef<'a> {
    /// Blank: no value, or only whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            CellRef::Empty => true,
            CellRef::Text(s) | CellRef::Iso(s) => match s.as_bytes().first() {
                None => true,
                // Fast path: a first byte that cannot start a whitespace
                // character (only ASCII spaces and lead bytes C2, E1, E2, E3
                // can: U+0085, U+00A0, U+1680, U+2000…, U+3000).
                Some(&b) if b < 0x80 && !b.is_ascii_whitespace() => false,
                Some(&b) if b >= 0x80 && !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) => false,
                Some(_) => s.trim().is_empty(),
            },
            _ => false,
        }
    }

    /// The cell as a person sees it, for header matching, notes, messages
    /// and text columns. Numbers lose a spurious ".0" (123.0 → "123").
    pub(crate) fn text(&self) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        match *self {
            CellRef::Empty => Cow::Borrowed(""),
            CellRef::Text(s) | CellRef::Iso(s) => Cow::Borrowed(s),
            CellRef::Int(i) => Cow::Owned(i.to_string()),
            CellRef::Float(f) => Cow::Owned(float_text(f)),
            CellRef::Bool(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
            CellRef::DateTime(d) => Cow::Owned(datetime_text(d)),
            CellRef::Error(e) => Cow::Owned(e.to_string()),
        }
    }
}

/// Shortest decimal text that round-trips the float (Rust's `{}` never uses
/// exponents), without a trailing ".0".
pub(crate) fn float_text(f: f64) -> String {
    let mut s = String::new();
    write_float(&mut s, f);
    s
}

pub(crate) fn write_float(out: &mut String, f: f64) {
    if f == f.trunc() && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

/// "2025-07-01", or with the time when it has one.
fn datetime_text(d: ExcelDateTime) -> String {
    if d.is_duration() {
        return float_text(d.as_f64());
    }
    // Excel shows serial 60 as 1900-02-29, a day that never was (its 1900
    // leap-year bug); chrono cannot name it and calamine says 02-28, which
    // would quote the user a date they did not write.
    if let (1900, 2, 29, ..) = d.to_ymd_hms_milli() {
        return "1900-02-29".into();
    }
    match d.as_datetime() {
        Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.format("%Y-%m-%d").to_string(),
        Some(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => float_text(d.as_f64()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_text_drop_point_zero() {
        assert_eq!(CellRef::Float(123.0).text(), "123");
        assert_eq!(CellRef::Float(0.1).text(), "0.1");
        assert_eq!(CellRef::Float(-5.0).text(), "-5");
        assert_eq!(CellRef::Int(42).text(), "42");
        assert_eq!(CellRef::Float(1e20).text(), "100000000000000000000");
    }

    #[test]
    fn excel_fictitious_leap_day_is_named_as_excel_shows_it() {
        use calamine::ExcelDateTimeType::DateTime;
        let text = |serial| CellRef::DateTime(ExcelDateTime::new(serial, DateTime, false)).text();
        assert_eq!(text(59.0), "1900-02-28");
        assert_eq!(text(60.0), "1900-02-29");
        assert_eq!(text(61.0), "1900-03-01");
    }

    #[test]
    fn blank_cells() {
        for s in ["", " ", "\u{3000}", "\u{a0}\t", "\u{2003}\n"] {
            assert!(CellRef::Text(s).is_blank(), "{s:?}");
        }
        for s in ["a", "合同", " x", "\u{3000}合", "\u{feff}x", "é"] {
            assert!(!CellRef::Text(s).is_blank(), "{s:?}");
        }
        assert!(!CellRef::Int(0).is_blank());
    }
}
