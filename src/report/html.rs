//! The HTML report (`check --format html`): one self-contained page (inline
//! CSS, no scripts, no external assets or links) that can be mailed to a
//! participant and printed. Findings are grouped by sheet, then severity;
//! each shows its citation with the original sentence and the offending row
//! as a small table with the faulty cell highlighted.

use super::grid::{self, RawCell};
use super::xlsx::findings::{citation_refs, location_text, parse_cell, values_text};
use crate::check::CheckReport;
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::html::escape as esc;
use crate::model::Severity;
use crate::table::{ReadLimits, column_letter};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::path::Path;

/// Columns shown around the faulty one in a row excerpt.
const WINDOW: u32 = 12;
/// A row excerpt never shows more than this many characters of a cell.
const MAX_CELL_CHARS: usize = 80;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Renders the whole page. The uploads are read again for the row
/// excerpts (header row and each faulty row only).
pub fn render(report: &CheckReport, limits: &ReadLimits) -> Result<String, JicaiError> {
    let groups = group(report);
    let mut out = String::with_capacity(16 * 1024);
    head(&mut out, report);
    summary(&mut out, report);
    inputs(&mut out, report);
    if report.findings.is_empty() {
        out.push_str("<p class=\"clean\">未发现问题。</p>\n");
    }
    for g in &groups {
        let rows = match (g.sheet, g.header_row) {
            (Some(sheet), Some(h)) => excerpt_rows(g.file, sheet, h, &g.findings, limits)?,
            _ => HashMap::new(),
        };
        section(&mut out, g, &rows);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(out)
}

/// Findings of one sheet (or of a file without sheets, e.g. project facts).
struct Group<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    header_row: Option<u32>,
    findings: Vec<&'a Finding>,
}

/// Groups in input order; findings keep their report order inside a group.
fn group(report: &CheckReport) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for i in &report.inputs {
        for s in &i.sheets {
            index.insert((&i.file, Some(&s.sheet)), groups.len());
            groups.push(Group {
                file: &i.file,
                sheet: Some(&s.sheet),
                header_row: s.header_row,
                findings: Vec::new(),
            });
        }
    }
    for f in &report.findings {
        let key = (f.location.file.as_str(), f.location.sheet.as_deref());
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Group {
                file: key.0,
                sheet: key.1,
                header_row: None,
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        groups[at].findings.push(f);
    }
    groups.retain(|g| !g.findings.is_empty());
    groups
}

/// The header row and every faulty row of one sheet, by 1-based row.
fn excerpt_rows(
    file: &str,
    sheet: &str,
    header_row: u32,
    findings: &[&Finding],
    limits: &ReadLimits,
) -> Result<HashMap<u32, Vec<(u32, RawCell)>>, JicaiError> {
    let mut wanted: BTreeSet<u32> = findings.iter().filter_map(|f| f.location.row).collect();
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    wanted.insert(header_row);
    let last = wanted.last().copied().unwrap_or(0);
    let mut rows = HashMap::new();
    let mut sink = |(row, cells): grid::RawRow| {
        let row1 = row + 1;
        if wanted.contains(&row1) {
            rows.insert(row1, cells);
        }
        row1 < last
    };
    grid::for_each_row(Path::new(file), sheet, limits, &mut sink)?;
    Ok(rows)
}

fn head(out: &mut String, report: &CheckReport) {
    let title = format!("检查报告 · {} · {}", report.ruleset, report.as_of);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n\
         <header class=\"top\"><h1>政府采购表格检查报告</h1>\n\
         <p class=\"meta\">规则集：{}　检查日期：{}</p></header>\n",
        esc(&title),
        esc(&report.ruleset),
        report.as_of
    );
}

fn summary(out: &mut String, report: &CheckReport) {
    let s = &report.summary;
    out.push_str("<section class=\"summary\" aria-label=\"汇总\">\n");
    for (sev, n) in [
        (Severity::Error, s.error),
        (Severity::Warning, s.warning),
        (Severity::Info, s.info),
    ] {
        let _ = writeln!(
            out,
            "<div class=\"count {}\"><b>{n}</b><span>{}</span></div>",
            sev.as_str(),
            sev.name_cn()
        );
    }
    out.push_str("</section>\n");
    for n in &report.notes {
        let _ = writeln!(out, "<p class=\"note\">注意：{}</p>", esc(n));
    }
}

fn inputs(out: &mut String, report: &CheckReport) {
    out.push_str(
        "<section class=\"inputs\"><h2>检查的表格</h2>\n<table class=\"list\">\
         <thead><tr><th>文件</th><th>工作表</th><th>读作</th><th>表头行</th><th>数据行数</th></tr></thead>\n<tbody>\n",
    );
    for i in &report.inputs {
        for s in &i.sheets {
            let (table, header, rows) = match &s.table {
                Some(t) => (
                    {
                        let (read, unused) = super::mapping::summary(&s.columns);
                        let unused = unused
                            .map(|u| format!("<br><span class=\"unused\">{}</span>", esc(&u)))
                            .unwrap_or_default();
                        format!(
                            "{}<br><span class=\"dim\">{}</span>{unused}",
                            esc(t),
                            esc(&read)
                        )
                    },
                    s.header_row.map(|h| h.to_string()).unwrap_or_default(),
                    s.rows.to_string(),
                ),
                None => (
                    format!(
                        "<span class=\"dim\">未识别：{}</span>",
                        esc(s.note.as_deref().unwrap_or(""))
                    ),
                    String::new(),
                    String::new(),
                ),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{table}</td><td class=\"num\">{header}</td><td class=\"num\">{rows}</td></tr>",
                esc(&i.file),
                esc(&s.sheet)
            );
        }
    }
    out.push_str("</tbody></table></section>\n");
}

fn section(out: &mut String, g: &Group<'_>, rows: &HashMap<u32, Vec<(u32, RawCell)>>) {
    let title = match g.sheet {
        Some(s) => format!("{} › {}", esc(g.file), esc(s)),
        None => format!("{} › 项目信息", esc(g.file)),
    };
    let _ = writeln!(out, "<section class=\"sheet\">\n<h2>{title}</h2>");
    for sev in SEVERITIES {
        let items: Vec<&&Finding> = g.findings.iter().filter(|f| f.severity == sev).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3 class=\"{}\">{}（{}）</h3>",
            sev.as_str(),
            sev.name_cn(),
            items.len()
        );
        for f in items {
            finding(out, f, g.header_row, rows);
        }
    }
    out.push_str("</section>\n");
}

fn finding(
    out: &mut String,
    f: &Finding,
    header_row: Option<u32>,
    rows: &HashMap<u32, Vec<(u32, RawCell)>>,
) {
    let place = location_text(f);
    let _ = writeln!(
        out,
        "<article class=\"finding {sev}\" data-rule=\"{rule}\" data-cell=\"{cell}\">\n\
         <p class=\"head\"><span class=\"badge {sev}\">{name}</span> <code>{rule}</code> <span class=\"loc\">{loc}</span></p>\n\
         <p class=\"msg\">{msg}</p>",
        sev = f.severity.as_str(),
        name = f.severity.name_cn(),
        rule = esc(&f.rule),
        cell = esc(&place),
        loc = esc(&location_label(f)),
        msg = esc(&f.message),
    );
    if let Some(g) = &f.location.group {
        let _ = writeln!(out, "<p class=\"group\">分组：{}</p>", esc(g));
    }
    if let Some(row) = f.location.row {
        excerpt(out, f, row, header_row, rows);
    }
    let values = values_text(f);
    if !values.is_empty() {
        let _ = writeln!(out, "<p class=\"values\">相关数值：{}</p>", esc(&values));
    }
    if !f.citations.is_empty() {
        out.push_str("<div class=\"cite\">\n");
        for (c, r) in f.citations.iter().zip(citation_refs(f).lines()) {
            let _ = writeln!(out, "<p>依据：{}</p>", esc(r));
            if !c.text.is_empty() {
                let _ = writeln!(out, "<blockquote>{}</blockquote>", esc(&c.text));
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n");
}

fn location_label(f: &Finding) -> String {
    let l = &f.location;
    match (&l.cell, l.row) {
        (Some(c), _) => format!("单元格 {c}"),
        (None, Some(r)) => format!("第{r}行"),
        _ => String::new(),
    }
}

/// The header row and the finding's row, faulty cell highlighted.
fn excerpt(
    out: &mut String,
    f: &Finding,
    row: u32,
    header_row: Option<u32>,
    rows: &HashMap<u32, Vec<(u32, RawCell)>>,
) {
    let hit = f
        .location
        .cell
        .as_deref()
        .and_then(parse_cell)
        .map(|(_, c)| u32::from(c));
    let data = rows.get(&row);
    let header = header_row
        .filter(|h| *h != row)
        .and_then(|h| rows.get(&h).map(|r| (h, r)));
    let widest = data
        .iter()
        .chain(header.iter().map(|(_, r)| r))
        .filter_map(|r| r.last().map(|(c, _)| *c))
        .chain(hit)
        .max();
    let Some(widest) = widest else { return };
    let (from, to) = match hit {
        Some(c) if widest >= WINDOW => {
            let from = c.saturating_sub(WINDOW / 2).min(widest + 1 - WINDOW);
            (from, from + WINDOW - 1)
        }
        _ => (0, widest.min(WINDOW - 1)),
    };
    // Column A (usually the unit or 序号) stays in view for context; a gap
    // column stands for the columns left out.
    let mut cols: Vec<Option<u32>> = Vec::new();
    if from > 0 {
        cols.push(Some(0));
        if from > 1 {
            cols.push(None);
        }
    }
    cols.extend((from..=to).map(Some));
    out.push_str("<table class=\"row\"><thead><tr><th></th>");
    for c in &cols {
        match c {
            Some(c) => {
                let _ = write!(out, "<th>{}</th>", column_letter(*c));
            }
            None => out.push_str("<th class=\"gap\">…</th>"),
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let cells = |r: &Vec<(u32, RawCell)>| -> HashMap<u32, String> {
        r.iter().map(|(c, v)| (*c, v.display())).collect()
    };
    if let Some((h, r)) = header {
        let texts = cells(r);
        let _ = write!(out, "<tr class=\"hdr\"><th>{h}</th>");
        for c in &cols {
            cell_td(out, c.and_then(|c| texts.get(&c)), None);
        }
        out.push_str("</tr>\n");
    }
    let texts = data.map(cells).unwrap_or_default();
    let _ = write!(out, "<tr><th>{row}</th>");
    for c in &cols {
        let marked = (c.is_some() && *c == hit).then_some(f.severity);
        cell_td(out, c.and_then(|c| texts.get(&c)), marked);
    }
    out.push_str("</tr>\n</tbody></table>\n");
}

fn cell_td(out: &mut String, text: Option<&String>, marked: Option<Severity>) {
    let text = esc(&clip(text));
    match marked {
        Some(sev) => {
            let _ = write!(out, "<td class=\"hit {}\">{text}</td>", sev.as_str());
        }
        None => {
            let _ = write!(out, "<td>{text}</td>");
        }
    }
}

fn clip(s: Option<&String>) -> String {
    let Some(s) = s else { return String::new() };
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.clone();
    }
    let mut t: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    t.push('…');
    t
}

/// Local fonts only; colours survive printing; findings are not split
/// across pages.
const CSS: &str = r#"
:root { --err:#9c0006; --err-bg:#ffc7ce; --warn:#9c5700; --warn-bg:#ffeb9c; --info:#1f4e78; --info-bg:#ddebf7; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f6f4; color: #222; font: 15px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimSun, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #444; word-break: break-all; }
h3 { font-size: 16px; margin: 18px 0 8px; }
h3.error { color: var(--err); } h3.warning { color: var(--warn); } h3.info { color: var(--info); }
.meta, .dim { color: #666; }
.summary { display: flex; gap: 12px; margin: 16px 0; }
.count { flex: 1; padding: 10px 14px; border-radius: 6px; border: 1px solid var(--line); }
.count b { font-size: 26px; margin-right: 6px; }
.count.error { background: var(--err-bg); color: var(--err); }
.count.warning { background: var(--warn-bg); color: var(--warn); }
.count.info { background: var(--info-bg); color: var(--info); }
.note { background: #fff4e5; border-left: 4px solid #e69500; padding: 6px 10px; }
.clean { font-size: 18px; color: #2e7d32; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
thead th, tr.hdr td { background: #eee; font-weight: bold; }
table.list { width: 100%; }
td.num { text-align: right; }
.finding { border: 1px solid var(--line); border-left: 5px solid #999; border-radius: 4px; padding: 8px 12px; margin: 10px 0; }
.finding.error { border-left-color: var(--err); } .finding.warning { border-left-color: var(--warn); } .finding.info { border-left-color: var(--info); }
.finding p { margin: 4px 0; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; font-weight: bold; }
.badge.error, td.hit.error { background: var(--err-bg); color: var(--err); }
.badge.warning, td.hit.warning { background: var(--warn-bg); color: var(--warn); }
.badge.info, td.hit.info { background: var(--info-bg); color: var(--info); }
td.hit { outline: 2px solid currentColor; outline-offset: -2px; font-weight: bold; }
.loc { color: #555; }
.msg { font-weight: 600; }
.group, .values { color: #444; font-size: 14px; }
table.row { margin: 6px 0; max-width: 100%; display: block; overflow-x: auto; }
table.row tbody th { background: #f3f3f3; color: #555; }
th.gap { color: #999; font-weight: normal; }
.cite { margin-top: 6px; font-size: 14px; color: #333; }
.cite blockquote { margin: 2px 0 6px; padding: 4px 10px; border-left: 3px solid #bbb; background: #fafafa; font-family: FangSong, STFangsong, "仿宋", serif; }
code { font-family: Consolas, "Courier New", monospace; background: #f0f0f0; padding: 0 4px; border-radius: 3px; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .finding, table.row, .summary { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table.row { display: table; overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn css_has_no_external_reference() {
        assert!(!CSS.contains("url("));
        assert!(!CSS.contains("@import"));
        assert!(!CSS.contains("http"));
    }
}
