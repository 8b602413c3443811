//! The look of an uploaded sheet — number formats, borders, bold, wrapped
//! text, alignment and merged cells — read from the file so that the
//! annotated copy can be sent back to the unit as it was (20% stays 20%,
//! 1,000,000.00 keeps its separators, a form keeps its grid).
//!
//! Styles are read from .xlsx (calamine's style reader, memory in
//! proportion to the styled cells); merged cells from .xlsx and .xls.
//! Reading the look is best effort: a sheet whose styles cannot be read is
//! annotated with the values alone, as before.

use calamine::{
    BorderStyle, Dimensions, HorizontalAlignment, Reader, Style, StyleRange, VerticalAlignment,
    Xls, Xlsx,
};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Columns beyond this are not searched for styled blank cells (a style
/// applied to whole rows would otherwise cost 16,384 look-ups a row).
const MAX_STYLED_COLS: u32 = 256;

/// What the annotated copy keeps of an uploaded cell's look.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub(crate) struct CellStyle {
    /// The format code, when not General.
    pub num_format: Option<String>,
    /// Left, right, top, bottom.
    pub borders: [FormatBorder; 4],
    pub bold: bool,
    pub wrap: bool,
    pub horizontal: Option<FormatAlign>,
    pub vertical: Option<FormatAlign>,
}

impl CellStyle {
    fn from_style(s: &Style) -> Option<CellStyle> {
        let num_format = s
            .number_format
            .as_ref()
            .map(|n| n.format_code.clone())
            .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("general"));
        let borders = s.borders.as_ref().map_or([FormatBorder::None; 4], |b| {
            [b.left.style, b.right.style, b.top.style, b.bottom.style].map(border)
        });
        let align = s.alignment.as_ref();
        let style = CellStyle {
            num_format,
            borders,
            bold: s.font.as_ref().is_some_and(|f| f.is_bold()),
            wrap: align.is_some_and(|a| a.wrap_text),
            horizontal: align.and_then(|a| horizontal(a.horizontal)),
            vertical: align.and_then(|a| vertical(a.vertical)),
        };
        (style != CellStyle::default()).then_some(style)
    }

    /// Whether a blank cell with this look is worth writing (it draws
    /// something).
    pub fn is_visible(&self) -> bool {
        self.borders.iter().any(|b| *b != FormatBorder::None)
    }

    /// `f` with this look laid under it.
    pub fn apply(&self, mut f: Format) -> Format {
        if let Some(code) = &self.num_format {
            f = f.set_num_format(code);
        }
        let [left, right, top, bottom] = self.borders;
        f = f
            .set_border_left(left)
            .set_border_right(right)
            .set_border_top(top)
            .set_border_bottom(bottom);
        if self.bold {
            f = f.set_bold();
        }
        if self.wrap {
            f = f.set_text_wrap();
        }
        if let Some(a) = self.horizontal {
            f = f.set_align(a);
        }
        if let Some(a) = self.vertical {
            f = f.set_align(a);
        }
        f
    }
}

fn border(b: BorderStyle) -> FormatBorder {
    match b {
        BorderStyle::None => FormatBorder::None,
        BorderStyle::Thin => FormatBorder::Thin,
        BorderStyle::Medium => FormatBorder::Medium,
        BorderStyle::Thick => FormatBorder::Thick,
        BorderStyle::Double => FormatBorder::Double,
        BorderStyle::Hair => FormatBorder::Hair,
        BorderStyle::Dashed => FormatBorder::Dashed,
        BorderStyle::Dotted => FormatBorder::Dotted,
        BorderStyle::MediumDashed => FormatBorder::MediumDashed,
        BorderStyle::DashDot => FormatBorder::DashDot,
        BorderStyle::MediumDashDot => FormatBorder::MediumDashDot,
        BorderStyle::DashDotDot => FormatBorder::DashDotDot,
        BorderStyle::MediumDashDotDot => FormatBorder::MediumDashDotDot,
        BorderStyle::SlantDashDot => FormatBorder::SlantDashDot,
        _ => FormatBorder::Thin,
    }
}

fn horizontal(a: HorizontalAlignment) -> Option<FormatAlign> {
    Some(match a {
        HorizontalAlignment::Left => FormatAlign::Left,
        HorizontalAlignment::Center => FormatAlign::Center,
        HorizontalAlignment::CenterContinuous => FormatAlign::CenterAcross,
        HorizontalAlignment::Right => FormatAlign::Right,
        HorizontalAlignment::Justify => FormatAlign::Justify,
        HorizontalAlignment::Distributed => FormatAlign::Distributed,
        HorizontalAlignment::Fill => FormatAlign::Fill,
        _ => return None,
    })
}

fn vertical(a: VerticalAlignment) -> Option<FormatAlign> {
    Some(match a {
        VerticalAlignment::Top => FormatAlign::Top,
        VerticalAlignment::Center => FormatAlign::VerticalCenter,
        VerticalAlignment::Justify => FormatAlign::VerticalJustify,
        VerticalAlignment::Distributed => FormatAlign::VerticalDistributed,
        _ => return None,
    })
}

/// The look of one uploaded sheet.
#[derive(Default)]
pub(crate) struct SourceLook {
    styles: StyleRange,
    /// Merged areas, by first row.
    pub merges: Vec<Dimensions>,
}

impl SourceLook {
    /// Reads the look of `sheet` in `path`; empty for .ods/.csv and for a
    /// file whose styles cannot be read.
    pub fn read(path: &Path, sheet: &str) -> SourceLook {
        let mut look = match Self::head(path) {
            Some(h) if h.starts_with(b"PK") => Self::xlsx(path, sheet).unwrap_or_default(),
            Some([0xD0, 0xCF, 0x11, 0xE0]) => SourceLook {
                merges: Self::xls_merges(path, sheet).unwrap_or_default(),
                ..SourceLook::default()
            },
            _ => SourceLook::default(),
        };
        // Merges Excel itself would refuse (single cells, overlaps) are dropped.
        look.merges.retain(|d| d.start != d.end);
        look.merges.sort_by_key(|d| d.start);
        let mut kept: Vec<Dimensions> = Vec::with_capacity(look.merges.len());
        for d in std::mem::take(&mut look.merges) {
            if !kept.iter().any(|k| overlaps(k, &d)) {
                kept.push(d);
            }
        }
        look.merges = kept;
        look
    }

    fn head(path: &Path) -> Option<[u8; 4]> {
        use std::io::Read;
        let mut h = [0u8; 4];
        File::open(path).ok()?.read_exact(&mut h).ok()?;
        Some(h)
    }

    fn xlsx(path: &Path, sheet: &str) -> Option<SourceLook> {
        let mut book = Xlsx::new(BufReader::new(File::open(path).ok()?)).ok()?;
        let styles = book.worksheet_style(sheet).unwrap_or_default();
        let merges = book.merge_cells_by_sheet_name(sheet).unwrap_or_default();
        Some(SourceLook { styles, merges })
    }

    fn xls_merges(path: &Path, sheet: &str) -> Option<Vec<Dimensions>> {
        let book = Xls::new(BufReader::new(File::open(path).ok()?)).ok()?;
        book.merge_cells_by_sheet_name(sheet).ok()
    }

    /// The look of cell (row, col), 0-based, when it has one.
    pub fn at(&self, row: u32, col: u32) -> Option<CellStyle> {
        self.styles.get((row, col)).and_then(CellStyle::from_style)
    }

    /// Cells of `row` that are blank but draw something (a form's empty
    /// bordered cells), with their look.
    pub fn visible_blanks(&self, row: u32) -> Vec<(u32, CellStyle)> {
        let (Some(start), Some(end)) = (self.styles.start(), self.styles.end()) else {
            return Vec::new();
        };
        if row < start.0 || row > end.0 {
            return Vec::new();
        }
        (start.1..=end.1.min(MAX_STYLED_COLS))
            .filter_map(|c| Some((c, self.at(row, c)?)))
            .filter(|(_, s)| s.is_visible())
            .collect()
    }
}

fn overlaps(a: &Dimensions, b: &Dimensions) -> bool {
    a.start.0 <= b.end.0 && b.start.0 <= a.end.0 && a.start.1 <= b.end.1 && b.start.1 <= a.end.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_merges_are_dropped() {
        let d = |a: (u32, u32), b: (u32, u32)| Dimensions { start: a, end: b };
        assert!(overlaps(&d((0, 0), (1, 2)), &d((1, 2), (3, 3))));
        assert!(!overlaps(&d((0, 0), (1, 2)), &d((2, 0), (3, 3))));
        assert!(!overlaps(&d((0, 0), (0, 2)), &d((0, 3), (0, 4))));
    }
}
