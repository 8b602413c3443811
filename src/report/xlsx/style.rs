//! Formats and column widths shared by every workbook jicai writes.
//!
//! Excel's autofit (and rust_xlsxwriter's) measures CJK characters as one
//! unit wide; they take about two. Widths are computed here from the text's
//! display width instead.

use crate::model::Severity;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// Fill and font colours per severity (Excel's "Bad", "Neutral" and a light
/// blue), readable in print and in grey-scale.
pub(crate) fn severity_colors(sev: Severity) -> (u32, u32) {
    match sev {
        Severity::Error => (0xFFC7CE, 0x9C0006),
        Severity::Warning => (0xFFEB9C, 0x9C5700),
        Severity::Info => (0xDDEBF7, 0x1F4E78),
    }
}

/// The header fill; distinct from every severity fill so that a test (or a
/// person) can tell a marked cell from a header.
pub(crate) const HEADER_FILL: u32 = 0xD9D9D9;

/// How a cell's number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum NumFmt {
    General,
    Date,
    DateTime,
    Time,
    Duration,
    /// Amounts in 万元: two to six decimals (six keep 分 exact).
    Wan,
    /// Quantities: up to four decimals, thousands separators.
    Quantity,
}

impl NumFmt {
    fn code(self) -> Option<&'static str> {
        match self {
            NumFmt::General => None,
            NumFmt::Date => Some("yyyy-mm-dd"),
            NumFmt::DateTime => Some("yyyy-mm-dd hh:mm:ss"),
            NumFmt::Time => Some("hh:mm:ss"),
            NumFmt::Duration => Some("[h]:mm:ss"),
            NumFmt::Wan => Some("#,##0.00####"),
            NumFmt::Quantity => Some("#,##0.####"),
        }
    }
}

/// What a cell looks like: marked by a severity or not, number format,
/// header (bold, grey), wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Look {
    pub severity: Option<Severity>,
    pub num: Option<NumFmt>,
    pub header: bool,
    pub wrap: bool,
    pub bold: bool,
    /// Thin borders, for the cells of a form.
    pub border: bool,
}

/// Formats built once per look; rust_xlsxwriter deduplicates them again
/// when saving, this only saves rebuilding one per cell.
#[derive(Default)]
pub(crate) struct Formats {
    cache: HashMap<Look, Format>,
}

impl Formats {
    pub fn get(&mut self, look: Look) -> &Format {
        self.cache.entry(look).or_insert_with(|| build(look))
    }
}

fn build(look: Look) -> Format {
    let mut f = Format::new().set_align(FormatAlign::Top);
    if let Some(code) = look.num.and_then(NumFmt::code) {
        f = f.set_num_format(code);
    }
    if look.header {
        f = f
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
    }
    if look.bold {
        f = f.set_bold();
    }
    if look.wrap {
        f = f.set_text_wrap();
    }
    if look.border {
        f = f.set_border(FormatBorder::Thin);
    }
    if let Some(sev) = look.severity {
        let (fill, font) = severity_colors(sev);
        f = f
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font));
    }
    f
}

/// Column widths from the widest text seen in each column.
pub(crate) struct Widths {
    max: Vec<usize>,
}

impl Widths {
    pub fn new() -> Widths {
        Widths { max: Vec::new() }
    }

    /// Notes the text shown in column `col`.
    pub fn see(&mut self, col: u16, text: &str) {
        let w = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        let col = col as usize;
        if self.max.len() <= col {
            self.max.resize(col + 1, 0);
        }
        self.max[col] = self.max[col].max(w);
    }

    /// Sets every seen column's width, clamped to `min..=max` characters.
    /// One display unit is about one '0' of the default font; a little
    /// padding keeps the text off the cell border.
    pub fn apply(&self, ws: &mut Worksheet, min: f64, max: f64) -> Result<(), XlsxError> {
        for (col, &w) in self.max.iter().enumerate() {
            if w == 0 {
                continue;
            }
            let width = (w as f64 * 1.1 + 2.0).clamp(min, max);
            ws.set_column_width(col as u16, width)?;
        }
        Ok(())
    }

    /// Overrides one column's width cap (long texts wrap instead).
    pub fn cap(&mut self, col: u16, max: usize) {
        if let Some(w) = self.max.get_mut(col as usize) {
            *w = (*w).min(max);
        }
    }
}

/// Excel refuses strings over 32,767 UTF-16 units; longer text is cut with
/// an ellipsis rather than failing the whole report.
pub(crate) fn fit_cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    fit_text(s, 32_767)
}

pub(crate) fn fit_text(s: &str, max_utf16: usize) -> std::borrow::Cow<'_, str> {
    if s.encode_utf16().count() <= max_utf16 {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        if n + c.len_utf16() > max_utf16.saturating_sub(1) {
            break;
        }
        n += c.len_utf16();
        out.push(c);
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_double() {
        let mut w = Widths::new();
        w.see(0, "预算金额");
        w.see(1, "abcd");
        w.see(0, "ab");
        assert_eq!(w.max, vec![8, 4]);
    }

    #[test]
    fn long_text_is_cut() {
        let s = "好".repeat(10);
        assert_eq!(fit_text(&s, 5).chars().count(), 5);
        assert!(fit_text(&s, 5).ends_with('…'));
        assert_eq!(fit_text("短", 5), "短");
    }
}
