//! Findings for a terminal: grouped by severity, each with its location and
//! citation. Colour is added here and stripped by the caller's stream when
//! the output is not a terminal.

use crate::check::CheckReport;
use crate::finding::Finding;
use crate::model::Severity;
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

fn style(sev: Severity) -> Style {
    let colour = match sev {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(colour.into())).bold()
}

pub fn location_text(f: &Finding) -> String {
    let l = &f.location;
    let mut s = l.file.clone();
    if let Some(sheet) = &l.sheet {
        write!(s, " › {sheet}").ok();
    }
    match (&l.cell, l.row) {
        (Some(cell), _) => write!(s, " › {cell}").ok(),
        (None, Some(row)) => write!(s, " › 第{row}行").ok(),
        _ => None,
    };
    if let Some(g) = &l.group {
        write!(s, "（{g}）").ok();
    }
    s
}

pub fn citation_text(f: &Finding) -> String {
    f.citations
        .iter()
        .map(|c| format!("《{}》（{}）{}", c.title, c.document, c.article))
        .collect::<Vec<_>>()
        .join("；")
}

pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    writeln!(
        out,
        "{bold}规则集：{}    检查日期：{}{bold:#}",
        report.ruleset, report.as_of
    )
    .ok();
    for input in &report.inputs {
        for s in &input.sheets {
            match &s.table {
                Some(t) => {
                    let (read, unused) = super::mapping::summary(&s.columns);
                    writeln!(
                        out,
                        "  {} › {}：读作“{t}”，表头在第{}行，{}行数据",
                        input.file,
                        s.sheet,
                        s.header_row.unwrap_or(0),
                        s.rows
                    )
                    .ok();
                    writeln!(out, "    {dim}{read}{dim:#}").ok();
                    match unused {
                        Some(u) => writeln!(out, "    {u}"),
                        None => Ok(()),
                    }
                }
                None => writeln!(
                    out,
                    "  {dim}{} › {}：未识别（{}）{dim:#}",
                    input.file,
                    s.sheet,
                    s.note.as_deref().unwrap_or("")
                ),
            }
            .ok();
        }
    }
    for n in &report.notes {
        writeln!(out, "  注意：{n}").ok();
    }
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let items: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == sev)
            .collect();
        if items.is_empty() {
            continue;
        }
        let st = style(sev);
        writeln!(out, "\n{st}{}（{}）{st:#}", sev.name_cn(), items.len()).ok();
        for f in items {
            writeln!(out, "  {st}[{}]{st:#} {}", f.rule, f.message).ok();
            writeln!(out, "      {dim}位置：{}{dim:#}", location_text(f)).ok();
            if !f.citations.is_empty() {
                writeln!(out, "      {dim}依据：{}{dim:#}", citation_text(f)).ok();
            }
        }
    }
    let s = &report.summary;
    writeln!(
        out,
        "\n{bold}共 {} 个错误，{} 个警告，{} 个提示{bold:#}",
        s.error, s.warning, s.info
    )
    .ok();
    out
}
