//! The annotated workbook (`check --format xlsx`): a first sheet 检查结果
//! listing every finding with a link to its cell, then each checked sheet
//! with its values at their original addresses, every faulty cell filled by
//! severity and carrying a note with the message and citation.
//!
//! The sheets are re-read from the uploads ([`super::grid`]) rather than
//! rebuilt from the typed tables, which keep only declared columns: the
//! annotated sheet must look like the one that was uploaded, and its cell
//! addresses must be the ones the JSON names.

pub(crate) mod findings;
pub(crate) mod names;
pub(crate) mod source_look;
pub(crate) mod style;

use super::grid::{self, DateKind, RawCell};
use crate::check::CheckReport;
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::output::Overwrite;
use crate::table::ReadLimits;
use findings::{Link, parse_cell, worst};
use names::{SheetNames, quoted};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use source_look::SourceLook;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use style::{Formats, Look, NumFmt, Widths, fit_cell_text, print_setup, severity_colors};

/// The name of the first sheet.
pub const FINDINGS_SHEET: &str = "检查结果";

/// Header rows further down than this are not frozen (the pane would fill
/// the screen).
const MAX_FROZEN_ROWS: u32 = 15;

/// Writes the annotated workbook for `report` to `out`, atomically.
pub fn write(
    report: &CheckReport,
    out: &Path,
    overwrite: Overwrite,
    limits: &ReadLimits,
) -> Result<(), JicaiError> {
    let mut wb = build(report, limits)?;
    save(&mut wb, out, overwrite)
}

/// Saves a workbook through a temporary file.
pub(crate) fn save(wb: &mut Workbook, out: &Path, overwrite: Overwrite) -> Result<(), JicaiError> {
    crate::output::write_atomic_with(out, overwrite, |f| {
        wb.save_to_writer(f).map_err(std::io::Error::other)
    })
}

pub(crate) fn xlsx_error(e: XlsxError) -> JicaiError {
    JicaiError::Write {
        path: "Excel 工作簿".into(),
        detail: format!("无法生成（{e}）"),
    }
}

/// One checked sheet and the name it gets in the report.
struct Planned<'a> {
    file: &'a str,
    sheet: &'a str,
    header_row: u32,
    name: String,
}

/// Builds the annotated workbook in memory.
pub fn build(report: &CheckReport, limits: &ReadLimits) -> Result<Workbook, JicaiError> {
    let plan = plan_sheets(report);
    let by_sheet: HashMap<(&str, &str), &str> = plan
        .iter()
        .map(|p| ((p.file, p.sheet), p.name.as_str()))
        .collect();
    let mut wb = Workbook::new();
    let mut formats = Formats::default();
    let ws = wb.add_worksheet();
    ws.set_name(FINDINGS_SHEET).map_err(xlsx_error)?;
    let link = |_: usize, f: &Finding| {
        let sheet = f.location.sheet.as_deref()?;
        let name = by_sheet.get(&(f.location.file.as_str(), sheet))?;
        let (cell, text) = match (&f.location.cell, f.location.row) {
            (Some(c), _) if parse_cell(c).is_some() => (c.clone(), c.clone()),
            (_, Some(r)) => (format!("A{r}"), format!("第{r}行")),
            _ => ("A1".to_string(), (*name).to_string()),
        };
        Some(Link {
            anchor: format!("{}!{cell}", quoted(name)),
            text,
        })
    };
    findings::write_list(ws, &report.findings, &mut formats, &link).map_err(xlsx_error)?;
    if report.findings.is_empty() {
        ws.write_string(1, 3, "未发现问题").map_err(xlsx_error)?;
    }
    for p in &plan {
        let marks = marks_for(&report.findings, p.file, p.sheet);
        // Uploads can be large: the copy is streamed to a temporary file
        // row by row instead of being held in memory. Low-memory mode keeps
        // the shared-string table (WPS mishandles inline strings).
        let ws = wb.add_worksheet_with_low_memory().map_err(xlsx_error)?;
        ws.set_name(&p.name).map_err(xlsx_error)?;
        annotate(ws, p, &marks, &mut formats, limits)?;
    }
    Ok(wb)
}

/// The checked sheets (those read as a table), named uniquely. A sheet
/// name used by several files is qualified with the file's name.
fn plan_sheets(report: &CheckReport) -> Vec<Planned<'_>> {
    let mut names = SheetNames::default();
    names.take(FINDINGS_SHEET, None);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for i in &report.inputs {
        for s in i.sheets.iter().filter(|s| s.table.is_some()) {
            *count.entry(s.sheet.as_str()).or_default() += 1;
        }
    }
    let mut plan = Vec::new();
    for i in &report.inputs {
        let stem = Path::new(&i.file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        for s in &i.sheets {
            let Some(header_row) = s.header_row.filter(|_| s.table.is_some()) else {
                continue;
            };
            let shared = count.get(s.sheet.as_str()).copied().unwrap_or(0) > 1;
            let qualifier = if shared { stem.as_deref() } else { None };
            let name = if shared {
                // Qualify every copy, not only the second, so none is ambiguous.
                let q = qualifier.unwrap_or("");
                names.take(&format!("{}（{q}）", s.sheet), Some(q))
            } else {
                names.take(&s.sheet, qualifier)
            };
            plan.push(Planned {
                file: &i.file,
                sheet: &s.sheet,
                header_row,
                name,
            });
        }
    }
    plan
}

/// Faulty cells of one sheet and the findings on each.
fn marks_for<'a>(
    findings: &'a [Finding],
    file: &str,
    sheet: &str,
) -> BTreeMap<(u32, u16), Vec<&'a Finding>> {
    let mut marks: BTreeMap<(u32, u16), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        if f.location.file != file || f.location.sheet.as_deref() != Some(sheet) {
            continue;
        }
        if let Some(at) = f.location.cell.as_deref().and_then(parse_cell) {
            marks.entry(at).or_default().push(f);
        }
    }
    marks
}

/// Copies one sheet's cells with their look (number formats, borders,
/// merges as far as the file keeps them), marking the faulty ones.
fn annotate(
    ws: &mut Worksheet,
    p: &Planned<'_>,
    marks: &BTreeMap<(u32, u16), Vec<&Finding>>,
    formats: &mut Formats,
    limits: &ReadLimits,
) -> Result<(), JicaiError> {
    let header0 = p.header_row.saturating_sub(1);
    let source = SourceLook::read(Path::new(p.file), p.sheet);
    let mut widths = Widths::new();
    let mut failed: Option<XlsxError> = None;
    let mut copy = Copy {
        source: &source,
        marks,
        pending: marks.iter().peekable(),
        merges: 0,
    };
    let mut sink = |(row, cells): grid::RawRow| {
        // Titles and notes ("注：…") are one long cell spilling over the
        // columns to their right; they would make column A as wide as the page.
        let measured = row >= header0 && (row == header0 || cells.len() > 1);
        let mut write = || -> Result<(), XlsxError> {
            copy.before(ws, formats, row)?;
            let mut cols = Vec::with_capacity(cells.len());
            for (col, cell) in &cells {
                let Ok(c) = u16::try_from(*col) else {
                    continue;
                };
                cols.push(c);
                let src = source.at(row, *col);
                let look = Look {
                    severity: marks.get(&(row, c)).and_then(worst),
                    // The upload's own format wins; dates keep a date format.
                    num: src
                        .as_ref()
                        .and_then(|s| s.num_format.as_ref())
                        .is_none()
                        .then(|| num_fmt(cell)),
                    bold: row == header0,
                    source: src.map(|s| formats.source(s)),
                    ..Look::default()
                };
                if measured {
                    widths.see(c, &cell.display());
                }
                write_cell(ws, row, c, cell, formats.get(look))?;
            }
            copy.blanks(ws, formats, row, &cols)
        };
        match write() {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    };
    grid::for_each_row(Path::new(p.file), p.sheet, limits, &mut sink)?;
    if let Some(e) = failed {
        return Err(xlsx_error(e));
    }
    copy.before(ws, formats, u32::MAX).map_err(xlsx_error)?;
    let mut sheet_worst: Option<crate::model::Severity> = None;
    for (&(row, col), found) in marks {
        sheet_worst = match (sheet_worst, worst(found)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        ws.insert_note(row, col, &findings::note(found))
            .map_err(xlsx_error)?;
    }
    widths.apply(ws, 6.0, 50.0).map_err(xlsx_error)?;
    let titles = (p.header_row <= MAX_FROZEN_ROWS).then_some((header0, header0));
    if titles.is_some() {
        ws.set_freeze_panes(p.header_row, 0).map_err(xlsx_error)?;
    }
    print_setup(ws, widths.total(6.0, 50.0), titles).map_err(xlsx_error)?;
    if let Some(sev) = sheet_worst {
        ws.set_tab_color(severity_colors(sev).1);
    }
    ws.set_header(format!("&L{}", header_text(p.file)));
    Ok(())
}

/// What the row-by-row copy writes besides the uploaded values: merged
/// areas, blank cells that draw borders, and faulty cells that are blank.
/// The sheet is streamed (rows cannot be revisited), so each is written
/// when its row goes by.
struct Copy<'a, I: Iterator> {
    source: &'a SourceLook,
    marks: &'a BTreeMap<(u32, u16), Vec<&'a Finding>>,
    pending: std::iter::Peekable<I>,
    /// Merged areas written so far (they are sorted by first row).
    merges: usize,
}

impl<'a, I> Copy<'a, I>
where
    I: Iterator<Item = (&'a (u32, u16), &'a Vec<&'a Finding>)>,
{
    /// Before row `row` is written: the merged areas starting on or before
    /// it, and the faulty blank cells above it.
    fn before(
        &mut self,
        ws: &mut Worksheet,
        formats: &mut Formats,
        row: u32,
    ) -> Result<(), XlsxError> {
        while let Some(m) = self.source.merges.get(self.merges) {
            if m.start.0 > row {
                break;
            }
            self.merges += 1;
            let (Ok(c0), Ok(c1)) = (u16::try_from(m.start.1), u16::try_from(m.end.1)) else {
                continue;
            };
            let look = self.look(formats, m.start.0, c0);
            ws.merge_range(m.start.0, c0, m.end.0, c1, "", formats.get(look))?;
        }
        match row {
            0 => Ok(()),
            u32::MAX => self.marked_blanks(ws, formats, u32::MAX, &[]),
            r => self.marked_blanks(ws, formats, r - 1, &[]),
        }
    }

    /// After row `row`'s values: its blank cells that draw something or
    /// are faulty.
    fn blanks(
        &mut self,
        ws: &mut Worksheet,
        formats: &mut Formats,
        row: u32,
        written: &[u16],
    ) -> Result<(), XlsxError> {
        let mut cols = written.to_vec();
        for (col, _) in self.source.visible_blanks(row) {
            let Ok(c) = u16::try_from(col) else { continue };
            if cols.contains(&c) {
                continue;
            }
            let look = self.look(formats, row, c);
            ws.write_blank(row, c, formats.get(look))?;
            cols.push(c);
        }
        self.marked_blanks(ws, formats, row, &cols)
    }

    fn marked_blanks(
        &mut self,
        ws: &mut Worksheet,
        formats: &mut Formats,
        below: u32,
        skip: &[u16],
    ) -> Result<(), XlsxError> {
        while let Some((&(r, c), _)) = self.pending.next_if(|((r, _), _)| *r <= below) {
            if r == below && skip.contains(&c) {
                continue;
            }
            let look = self.look(formats, r, c);
            ws.write_blank(r, c, formats.get(look))?;
        }
        Ok(())
    }

    /// A cell's look: the upload's, with the severity of its findings.
    fn look(&self, formats: &mut Formats, row: u32, col: u16) -> Look {
        Look {
            severity: self.marks.get(&(row, col)).and_then(worst),
            source: self
                .source
                .at(row, u32::from(col))
                .map(|s| formats.source(s)),
            ..Look::default()
        }
    }
}

/// The file name in the printed page header (`&` is a control character
/// there).
fn header_text(file: &str) -> String {
    let name = Path::new(file)
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.replace('&', "&&");
    style::fit_text(&name, 200).into_owned()
}

fn num_fmt(cell: &RawCell) -> NumFmt {
    match cell {
        RawCell::Date(_, DateKind::Date) => NumFmt::Date,
        RawCell::Date(_, DateKind::DateTime) => NumFmt::DateTime,
        RawCell::Date(_, DateKind::Time) => NumFmt::Time,
        RawCell::Date(_, DateKind::Duration) => NumFmt::Duration,
        _ => NumFmt::General,
    }
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &RawCell,
    format: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    match cell {
        RawCell::Text(s) | RawCell::Error(s) => {
            ws.write_string_with_format(row, col, fit_cell_text(s), format)?
        }
        RawCell::Number(n) | RawCell::Date(n, _) => {
            ws.write_number_with_format(row, col, *n, format)?
        }
        RawCell::Bool(b) => ws.write_boolean_with_format(row, col, *b, format)?,
    };
    Ok(())
}
