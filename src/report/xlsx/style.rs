//! Formats and column widths shared by every workbook jicai writes.
//!
//! Excel's autofit (and rust_xlsxwriter's) measures CJK characters as one
//! unit wide; they take about two. Widths are computed here from the text's
//! display width instead.

use super::source_look::CellStyle;
use crate::model::Severity;
use indexmap::IndexSet;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// Excel's paper code for A4.
const A4: u8 = 9;
/// Column-width units (characters of the default font) that fit across a
/// portrait A4 page inside the margins; a wider sheet prints landscape.
pub(crate) const PORTRAIT_WIDTH: f64 = 95.0;
/// Points per line of 11 pt text (Excel's default row height is 13.5–15).
pub(crate) const LINE_HEIGHT: f64 = 14.25;

/// Print set-up shared by every sheet jicai writes: A4, portrait or
/// landscape by the sheet's width (sum of column widths), fitted to the page
/// width (as many pages down as needed), `titles` (first and last row)
/// repeated on every page, page numbers in the footer.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    width: f64,
    titles: Option<(u32, u32)>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    if width > PORTRAIT_WIDTH {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.7, 0.3, 0.3);
    if let Some((first, last)) = titles {
        ws.set_repeat_rows(first, last)?;
    }
    ws.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

/// The height (points) of a row whose cells wrap `(text, column width)`:
/// enough lines for the longest, counting a Chinese character as two.
pub(crate) fn wrapped_height<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .into_iter()
        .map(|(t, w)| {
            t.split('\n')
                .map(|l| (l.width_cjk() as f64 / (w - 1.0).max(1.0)).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * LINE_HEIGHT + 6.0).max(20.0)
}

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
    /// Centred (序号 and other short codes, kept clear of their neighbours).
    pub center: bool,
    /// The uploaded cell's own look ([`Formats::source`]), under the marks.
    pub source: Option<u32>,
}

/// Formats built once per look; rust_xlsxwriter deduplicates them again
/// when saving, this only saves rebuilding one per cell.
#[derive(Default)]
pub(crate) struct Formats {
    cache: HashMap<Look, Format>,
    sources: IndexSet<CellStyle>,
}

impl Formats {
    pub fn get(&mut self, look: Look) -> &Format {
        let source = look.source.and_then(|i| self.sources.get_index(i as usize));
        self.cache
            .entry(look)
            .or_insert_with(|| build(look, source))
    }

    /// The id of an uploaded cell's look, for [`Look::source`].
    pub fn source(&mut self, style: CellStyle) -> u32 {
        self.sources.insert_full(style).0 as u32
    }
}

fn build(look: Look, source: Option<&CellStyle>) -> Format {
    let mut f = Format::new().set_align(FormatAlign::Top);
    if let Some(src) = source {
        f = src.apply(f);
    }
    if let Some(code) = look.num.and_then(NumFmt::code) {
        f = f.set_num_format(code);
    }
    if look.center {
        f = f.set_align(FormatAlign::Center);
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
            ws.set_column_width(col as u16, Self::width_of(w, min, max))?;
        }
        Ok(())
    }

    fn width_of(seen: usize, min: f64, max: f64) -> f64 {
        (seen as f64 * 1.1 + 2.0).clamp(min, max)
    }

    /// The width [`Widths::apply`] gives column `col` (Excel's default 8.43
    /// for a column never seen).
    pub fn width(&self, col: u16, min: f64, max: f64) -> f64 {
        match self.max.get(col as usize) {
            Some(&w) if w > 0 => Self::width_of(w, min, max),
            _ => 8.43,
        }
    }

    /// The sheet's width as [`Widths::apply`] sets it, for [`print_setup`].
    pub fn total(&self, min: f64, max: f64) -> f64 {
        (0..self.max.len() as u16)
            .map(|c| self.width(c, min, max))
            .sum()
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
