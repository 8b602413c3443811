//! The last sheet of the annotated workbook, 读取与覆盖: how each sheet was
//! read (every header, the field it became and how) and which rules were
//! checked, not applicable, or not checked for want of fields.

use super::style::{Formats, Look, Widths, print_setup};
use crate::check::CheckReport;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The sheet's name (made unique against the uploads' sheet names).
pub const COVERAGE_SHEET: &str = "读取与覆盖";

pub(crate) fn write(
    ws: &mut Worksheet,
    report: &CheckReport,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    let mut widths = Widths::new();
    let mut row = 0u32;
    let mut line = |ws: &mut Worksheet, cells: &[&str], head: bool, row: &mut u32| {
        let look = Look {
            bold: head,
            ..Look::default()
        };
        let fmt = formats.get(look).clone();
        for (c, text) in cells.iter().enumerate() {
            let c = c as u16;
            widths.see(c, text);
            ws.write_string_with_format(*row, c, *text, &fmt)?;
        }
        *row += 1;
        Ok::<(), XlsxError>(())
    };
    line(ws, &["读取的列"], true, &mut row)?;
    line(
        ws,
        &[
            "文件",
            "工作表",
            "读作",
            "表头单元格",
            "表头",
            "字段",
            "匹配",
            "说明",
        ],
        true,
        &mut row,
    )?;
    for i in &report.inputs {
        for s in &i.sheets {
            let kind = s.table.as_deref().unwrap_or("未识别");
            if s.columns.is_empty() {
                let note = s.note.as_deref().unwrap_or("");
                line(
                    ws,
                    &[&i.file, &s.sheet, kind, "", "", "", "", note],
                    false,
                    &mut row,
                )?;
            }
            for c in &s.columns {
                let note = match (&c.note, &c.suggestion) {
                    (Some(n), _) => n.clone(),
                    (None, Some(f)) => format!("是否指“{f}”？"),
                    _ => String::new(),
                };
                line(
                    ws,
                    &[
                        &i.file,
                        &s.sheet,
                        kind,
                        &c.cell,
                        &c.header,
                        c.field.as_deref().unwrap_or(""),
                        c.kind.name_cn(),
                        &note,
                    ],
                    false,
                    &mut row,
                )?;
            }
        }
    }
    row += 1;
    let cov = &report.coverage;
    let summary = super::super::text::coverage_line(cov);
    line(ws, &["规则覆盖", &summary], true, &mut row)?;
    line(ws, &["规则", "结果", "缺少的字段", "原因"], true, &mut row)?;
    for id in &cov.checked {
        line(ws, &[id, "已检查", "", ""], false, &mut row)?;
    }
    for id in &cov.not_applicable {
        line(ws, &[id, "不适用（条件未出现）", "", ""], false, &mut row)?;
    }
    for n in &cov.not_checked {
        let missing = n.missing.join("、");
        line(
            ws,
            &[&n.rule, "未检查", &missing, &n.reason],
            false,
            &mut row,
        )?;
    }
    widths.apply(ws, 6.0, 40.0)?;
    print_setup(ws, widths.total(6.0, 40.0), None)
}
