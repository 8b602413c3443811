//! The 总计划 workbook: 总计划汇总 (totals by 采购包/品目/计量单位, with a
//! 合计 row of live formulas), 分单位明细 (every line with its source, faulty
//! cells marked) and 检查问题 (every finding, linked to its 明细 cell).

use super::MergeReport;
use super::lines::{Col, Line};
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::output::Overwrite;
use crate::report::xlsx::findings::{self, Link, parse_cell, worst};
use crate::report::xlsx::names::quoted;
use crate::report::xlsx::style::{Formats, Look, NumFmt, Widths, fit_cell_text, print_setup};
use crate::report::xlsx::{save, xlsx_error};
use crate::table::{ColumnType, TableSpec, column_letter};
use crate::value::{AmountUnit, Value};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Formula, Workbook, Worksheet, XlsxError};
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub const SUMMARY_SHEET: &str = "总计划汇总";
pub const LINES_SHEET: &str = "分单位明细";
pub const FINDINGS_SHEET: &str = "检查问题";

/// Summary header; the data starts on the row below.
const SUMMARY_HEADER_ROW: u32 = 3;
const SUMMARY_HEADERS: [&str; 9] = [
    "序号",
    "采购包",
    "品目编码",
    "品目名称",
    "计量单位",
    "数量合计",
    "预算金额合计（万元）",
    "参与单位数",
    "填报行数",
];

/// The lines sheet: where each line came from, then every declared column
/// of the 需求表, with 品目名称 after 采购品目.
const LEAD: [&str; 4] = ["序号", "来源文件", "工作表", "原行号"];

struct Layout<'a> {
    spec: &'a TableSpec,
    /// Declared index of 采购品目.
    item: Option<usize>,
}

impl<'a> Layout<'a> {
    fn new(spec: &'a TableSpec) -> Layout<'a> {
        Layout {
            spec,
            item: spec.column_index(Col::采购品目.name()),
        }
    }

    /// The 明细 column of declared column `d`.
    fn col(&self, d: usize) -> u16 {
        let shift = usize::from(self.item.is_some_and(|i| d > i));
        (LEAD.len() + d + shift) as u16
    }

    fn item_name_col(&self) -> Option<u16> {
        self.item.map(|i| (LEAD.len() + i + 1) as u16)
    }

    fn unit_col(&self) -> u16 {
        self.col(self.spec.column_index(Col::参与单位.name()).unwrap_or(0))
    }

    fn last_col(&self) -> u16 {
        (LEAD.len() + self.spec.columns.len() + usize::from(self.item.is_some())) as u16 - 1
    }
}

/// Writes the 总计划 to `out`, atomically.
pub fn write(report: &MergeReport, out: &Path, overwrite: Overwrite) -> Result<(), JicaiError> {
    let mut wb = build(report)?;
    save(&mut wb, out, overwrite)
}

/// Builds the 总计划 in memory.
pub fn build(report: &MergeReport) -> Result<Workbook, JicaiError> {
    if report.lines.len() >= 1_048_575 {
        return Err(JicaiError::Usage(format!(
            "共 {} 行需求，超出 Excel 单个工作表的行数上限，请分批合并",
            report.lines.len()
        )));
    }
    let layout = Layout::new(&report.spec);
    let placed = Placement::new(report, &layout);
    let mut wb = Workbook::new();
    let mut formats = Formats::default();
    summary_sheet(wb.add_worksheet(), report, &mut formats).map_err(xlsx_error)?;
    // The 明细 can have as many rows as all inputs together: it is streamed
    // to a temporary file row by row, keeping the shared-string table.
    let ws = wb.add_worksheet_with_low_memory().map_err(xlsx_error)?;
    lines_sheet(ws, report, &layout, &placed, &mut formats).map_err(xlsx_error)?;
    let ws = wb.add_worksheet();
    ws.set_name(FINDINGS_SHEET).map_err(xlsx_error)?;
    let link = |i: usize, f: &Finding| placed.link(i, f);
    findings::write_list(ws, &report.check.findings, &mut formats, &link).map_err(xlsx_error)?;
    if report.check.findings.is_empty() {
        ws.write_string(1, 3, "未发现问题").map_err(xlsx_error)?;
    }
    Ok(wb)
}

/// Where each finding sits in the lines sheet.
struct Placement<'a> {
    /// Marked 明细 cells (0-based row, column) and the findings on each.
    cells: HashMap<(u32, u16), Vec<&'a Finding>>,
    /// Per finding (report order): its 明细 cell, if it is on a line.
    by_finding: Vec<Option<(u32, u16)>>,
}

impl<'a> Placement<'a> {
    fn new(report: &'a MergeReport, layout: &Layout<'_>) -> Placement<'a> {
        let rows: HashMap<(&str, &str, u32), usize> = report
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| ((l.file.as_str(), l.sheet.as_str(), l.sheet_row), i))
            .collect();
        let mut cells: HashMap<(u32, u16), Vec<&Finding>> = HashMap::new();
        let mut by_finding = Vec::with_capacity(report.check.findings.len());
        for f in &report.check.findings {
            let li = f
                .location
                .sheet
                .as_deref()
                .zip(f.location.row)
                .and_then(|(sheet, row)| {
                    rows.get(&(f.location.file.as_str(), sheet, row)).copied()
                });
            let Some(li) = li else {
                by_finding.push(None);
                continue;
            };
            let out_row = li as u32 + 1;
            let col = f
                .location
                .cell
                .as_deref()
                .and_then(parse_cell)
                .and_then(|(_, c)| column_of(report, layout, &report.lines[li], u32::from(c)));
            match col {
                Some(c) => {
                    cells.entry((out_row, c)).or_default().push(f);
                    by_finding.push(Some((out_row, c)));
                }
                // On the line but not in a column the 明细 shows.
                None => by_finding.push(Some((out_row, layout.unit_col()))),
            }
        }
        Placement { cells, by_finding }
    }

    fn link(&self, i: usize, f: &Finding) -> Option<Link> {
        let (row, col) = self.by_finding.get(i).copied().flatten()?;
        let place = findings::location_text(f);
        Some(Link {
            anchor: format!(
                "{}!{}{}",
                quoted(LINES_SHEET),
                column_letter(u32::from(col)),
                row + 1
            ),
            text: format!("{place}（明细第{}行）", row + 1),
        })
    }
}

/// The 明细 column showing sheet column `col` of the line's table.
fn column_of(report: &MergeReport, layout: &Layout<'_>, line: &Line, col: u32) -> Option<u16> {
    let table = report.check.data.tables.get(line.table)?;
    let d = table.columns.iter().position(|c| *c == Some(col))?;
    Some(layout.col(d))
}

fn summary_sheet(
    ws: &mut Worksheet,
    report: &MergeReport,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    let last_col = SUMMARY_HEADERS.len() as u16 - 1;
    let title = match main_project(report) {
        Some(p) => format!("{p}总计划汇总表"),
        None => "总计划汇总表".to_string(),
    };
    let title_fmt = formats
        .get(Look {
            bold: true,
            ..Look::default()
        })
        .clone()
        .set_font_size(16)
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    ws.merge_range(0, 0, 0, last_col, &fit_cell_text(&title), &title_fmt)?;
    ws.set_row_height(0, 28)?;
    let c = &report.check;
    let files = c.inputs.len();
    let info = format!(
        "规则集：{}　检查日期：{}　来源文件 {files} 个　参与单位 {} 家　填报 {} 行　预算金额合计 {} 万元",
        c.ruleset,
        c.as_of,
        report.units,
        report.lines.len(),
        wan(report.total_budget.yuan()).normalize()
    );
    ws.merge_range(1, 0, 1, last_col, &info, formats.get(Look::default()))?;
    let s = &c.summary;
    if s.error + s.warning + s.info > 0 {
        let warn = format!(
            "合并检查发现 {} 个错误、{} 个警告、{} 个提示，详见“{FINDINGS_SHEET}”工作表；下列合计已计入全部填报行，未作任何剔除。",
            s.error, s.warning, s.info
        );
        let sev = if s.error > 0 {
            crate::model::Severity::Error
        } else if s.warning > 0 {
            crate::model::Severity::Warning
        } else {
            crate::model::Severity::Info
        };
        let look = Look {
            severity: Some(sev),
            bold: true,
            wrap: true,
            ..Look::default()
        };
        ws.merge_range(2, 0, 2, last_col, &warn, formats.get(look))?;
        ws.set_row_height(2, 32)?;
    }
    let mut widths = Widths::new();
    let header = formats
        .get(Look {
            header: true,
            ..Look::default()
        })
        .clone();
    for (i, h) in SUMMARY_HEADERS.iter().enumerate() {
        ws.write_string_with_format(SUMMARY_HEADER_ROW, i as u16, *h, &header)?;
        widths.see(i as u16, h);
    }
    let mixed: HashSet<&str> = c
        .findings
        .iter()
        .filter(|f| f.rule == "合并.计量单位")
        .filter_map(|f| f.values.get("采购品目").map(String::as_str))
        .collect();
    let cell = Look {
        border: true,
        ..Look::default()
    };
    let text = formats.get(cell).clone();
    let qty = formats
        .get(Look {
            num: Some(NumFmt::Quantity),
            ..cell
        })
        .clone();
    let money = formats
        .get(Look {
            num: Some(NumFmt::Wan),
            ..cell
        })
        .clone();
    let marked = formats
        .get(Look {
            severity: Some(crate::model::Severity::Error),
            ..cell
        })
        .clone();
    let number = formats
        .get(Look {
            center: true,
            ..cell
        })
        .clone();
    let first = SUMMARY_HEADER_ROW + 1;
    for (i, r) in report.summary.iter().enumerate() {
        let row = first + i as u32;
        let name = r.item_name.clone().unwrap_or_default();
        ws.write_number_with_format(row, 0, (i + 1) as f64, &number)?;
        for (col, s) in [(1u16, &r.package), (2, &r.item), (3, &name)] {
            ws.write_string_with_format(row, col, fit_cell_text(s), &text)?;
            widths.see(col, s);
        }
        let measure_fmt = if mixed.contains(r.item.as_str()) {
            let note = rust_xlsxwriter::Note::new(format!(
                "品目 {} 的计量单位不一致，数量按计量单位分行合计，见“{FINDINGS_SHEET}”工作表",
                r.item
            ))
            .add_author_prefix(false)
            .set_author("jicai");
            ws.insert_note(row, 4, &note)?;
            &marked
        } else {
            &text
        };
        ws.write_string_with_format(row, 4, fit_cell_text(&r.measure), measure_fmt)?;
        widths.see(4, &r.measure);
        ws.write_number_with_format(row, 5, to_f64(r.quantity), &qty)?;
        let budget = wan(r.budget.yuan());
        ws.write_number_with_format(row, 6, to_f64(budget), &money)?;
        widths.see(5, &r.quantity.normalize().to_string());
        widths.see(6, &budget.normalize().to_string());
        ws.write_number_with_format(row, 7, r.units as f64, &text)?;
        ws.write_number_with_format(row, 8, r.lines as f64, &text)?;
    }
    // 合计: formulas, so that edits in Excel stay consistent, with their
    // results stored exactly (rust_xlsxwriter would store 0 otherwise).
    let total = first + report.summary.len() as u32;
    let bold = |look: Look| Look { bold: true, ..look };
    let label = formats.get(bold(cell)).clone();
    ws.merge_range(total, 0, total, 4, "合计", &label)?;
    ws.write_blank(total, 5, &label)?;
    let range = |col: u16| {
        let letter = column_letter(u32::from(col));
        if report.summary.is_empty() {
            "0".to_string()
        } else {
            format!("SUM({letter}{}:{letter}{})", first + 1, total)
        }
    };
    let budget = wan(report.total_budget.yuan()).normalize().to_string();
    let money_bold = formats
        .get(bold(Look {
            num: Some(NumFmt::Wan),
            ..cell
        }))
        .clone();
    ws.write_formula_with_format(
        total,
        6,
        Formula::new(range(6)).set_result(&budget),
        &money_bold,
    )?;
    ws.write_number_with_format(total, 7, report.units as f64, &label)?;
    let lines = report.lines.len().to_string();
    ws.write_formula_with_format(total, 8, Formula::new(range(8)).set_result(&lines), &label)?;
    widths.see(6, &budget);
    widths.apply(ws, 8.0, 40.0)?;
    ws.set_freeze_panes(SUMMARY_HEADER_ROW + 1, 0)?;
    print_setup(
        ws,
        widths.total(8.0, 40.0),
        Some((SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW)),
    )?;
    Ok(())
}

/// The 项目名称 most lines carry.
fn main_project(report: &MergeReport) -> Option<String> {
    let mut count: indexmap::IndexMap<String, usize> = indexmap::IndexMap::new();
    for l in &report.lines {
        let p = l.text(Col::项目名称);
        if !p.is_empty() {
            *count.entry(p).or_default() += 1;
        }
    }
    count
        .into_iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (p, _))| p)
}

fn lines_sheet(
    ws: &mut Worksheet,
    report: &MergeReport,
    layout: &Layout<'_>,
    placed: &Placement<'_>,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    ws.set_name(LINES_SHEET)?;
    let mut widths = Widths::new();
    let header = formats
        .get(Look {
            header: true,
            ..Look::default()
        })
        .clone();
    let mut headers: Vec<(u16, String)> = LEAD
        .iter()
        .enumerate()
        .map(|(i, h)| (i as u16, h.to_string()))
        .collect();
    for (d, c) in report.spec.columns.iter().enumerate() {
        let h = match c.ty {
            ColumnType::金额 { .. } => format!("{}（万元）", c.name),
            _ => c.name.clone(),
        };
        headers.push((layout.col(d), h));
    }
    if let Some(col) = layout.item_name_col() {
        headers.push((col, "品目名称".into()));
    }
    for (col, h) in &headers {
        ws.write_string_with_format(0, *col, h, &header)?;
        widths.see(*col, h);
    }
    let plain = formats.get(Look::default()).clone();
    let number = formats
        .get(Look {
            center: true,
            ..Look::default()
        })
        .clone();
    for (i, l) in report.lines.iter().enumerate() {
        let row = i as u32 + 1;
        let look = |col: u16, num: Option<NumFmt>| Look {
            severity: placed.cells.get(&(row, col)).and_then(worst),
            num,
            ..Look::default()
        };
        ws.write_number_with_format(row, 0, row as f64, &number)?;
        let file = file_name(&l.file);
        ws.write_string_with_format(row, 1, fit_cell_text(&file), &plain)?;
        widths.see(1, &file);
        ws.write_string_with_format(row, 2, fit_cell_text(&l.sheet), &plain)?;
        widths.see(2, &l.sheet);
        ws.write_number_with_format(row, 3, f64::from(l.sheet_row), &plain)?;
        for (d, v) in l.row.iter().enumerate() {
            let col = layout.col(d);
            match v {
                Value::Empty => {
                    let lk = look(col, None);
                    if lk.severity.is_some() {
                        ws.write_blank(row, col, formats.get(lk))?;
                    }
                }
                Value::Number(n) => {
                    let f = formats.get(look(col, Some(NumFmt::Quantity)));
                    ws.write_number_with_format(row, col, to_f64(*n), f)?;
                    widths.see(col, &n.normalize().to_string());
                }
                Value::Amount(a) => {
                    let w = wan(a.yuan());
                    let f = formats.get(look(col, Some(NumFmt::Wan)));
                    ws.write_number_with_format(row, col, to_f64(w), f)?;
                    widths.see(col, &w.normalize().to_string());
                }
                Value::Text(s) => {
                    let f = formats.get(look(col, None));
                    ws.write_string_with_format(row, col, fit_cell_text(s), f)?;
                    widths.see(col, s);
                }
                Value::Date(d) => {
                    let f = formats.get(look(col, Some(NumFmt::Date)));
                    ws.write_number_with_format(row, col, excel_serial(*d), f)?;
                    widths.see(col, "2025-07-01");
                }
                other => {
                    let s = other.display();
                    let f = formats.get(look(col, None));
                    ws.write_string_with_format(row, col, fit_cell_text(&s), f)?;
                    widths.see(col, &s);
                }
            }
        }
        if let (Some(col), Some(name)) = (layout.item_name_col(), &l.item_name) {
            ws.write_string_with_format(row, col, fit_cell_text(name), &plain)?;
            widths.see(col, name);
        }
    }
    for (&(row, col), found) in &placed.cells {
        ws.insert_note(row, col, &findings::note(found))?;
    }
    widths.apply(ws, 6.0, 40.0)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, report.lines.len().max(1) as u32, layout.last_col())?;
    print_setup(ws, widths.total(6.0, 40.0), Some((0, 0)))?;
    Ok(())
}

fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Days since Excel's 1900 epoch (valid from 1900-03-01 on).
fn excel_serial(d: chrono::NaiveDate) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    d.signed_duration_since(epoch).num_days() as f64
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn wan(yuan: Decimal) -> Decimal {
    crate::value::Amount::from_yuan(yuan).in_unit(AmountUnit::万元)
}
