//! The findings list (first sheet of a report, last of a 总计划) and the
//! notes put on faulty cells.

use super::style::{Formats, Look, Widths, fit_cell_text, fit_text, print_setup, wrapped_height};
use crate::finding::Finding;
use crate::model::Severity;
use rust_xlsxwriter::{Note, Url, Worksheet, XlsxError};

/// Excel keeps at most 65,530 hyperlinks per sheet; beyond that the
/// location is written as plain text.
const MAX_LINKS: usize = 65_000;
/// Rows a sheet can hold below its header.
const MAX_LISTED: usize = 1_048_575;

const HEADERS: [&str; 11] = [
    "序号",
    "程度",
    "规则",
    "问题说明",
    "依据",
    "原文",
    "文件",
    "工作表",
    "位置",
    "分组",
    "相关数值",
];

/// The columns whose text wraps, and their widest: narrow enough that the
/// list prints on landscape A4 at a readable size.
const WRAPPED: [u16; 7] = [3, 4, 5, 6, 7, 9, 10];
const WRAP_CAPS: [usize; 7] = [36, 24, 36, 16, 12, 20, 24];

/// A finding's texts in the [`WRAPPED`] columns.
fn wrapped_texts(f: &Finding) -> [String; 7] {
    [
        f.message.clone(),
        citation_refs(f),
        citation_texts(f),
        f.location.file.clone(),
        f.location.sheet.clone().unwrap_or_default(),
        f.location.group.clone().unwrap_or_default(),
        values_text(f),
    ]
}

/// Where a finding's location link goes: an `internal:` anchor
/// ("'Sheet1'!F7") and the text shown ("F7").
pub(crate) struct Link {
    pub anchor: String,
    pub text: String,
}

/// Writes `findings` as a filterable list with a frozen header; the
/// location column links to the cell when `link` (given the finding's
/// index and the finding) knows where it is.
pub(crate) fn write_list(
    ws: &mut Worksheet,
    findings: &[Finding],
    formats: &mut Formats,
    link: &dyn Fn(usize, &Finding) -> Option<Link>,
) -> Result<(), XlsxError> {
    let mut widths = Widths::new();
    let header = formats.get(Look {
        header: true,
        ..Look::default()
    });
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, header)?;
        widths.see(c as u16, h);
    }
    let shown = findings.len().min(MAX_LISTED);
    for (i, f) in findings.iter().take(shown).enumerate() {
        let r = i as u32 + 1;
        let plain = formats.get(Look::default()).clone();
        let wrap = formats
            .get(Look {
                wrap: true,
                ..Look::default()
            })
            .clone();
        let sev = formats
            .get(Look {
                severity: Some(f.severity),
                bold: true,
                ..Look::default()
            })
            .clone();
        let cells: [(u16, String, &rust_xlsxwriter::Format); 10] = [
            (1, f.severity.name_cn().into(), &sev),
            (2, f.rule.clone(), &plain),
            (3, f.message.clone(), &wrap),
            (4, citation_refs(f), &wrap),
            (5, citation_texts(f), &wrap),
            (6, f.location.file.clone(), &wrap),
            (7, f.location.sheet.clone().unwrap_or_default(), &wrap),
            (8, String::new(), &plain),
            (9, f.location.group.clone().unwrap_or_default(), &wrap),
            (10, values_text(f), &wrap),
        ];
        let number = formats
            .get(Look {
                center: true,
                ..Look::default()
            })
            .clone();
        ws.write_number_with_format(r, 0, (i + 1) as f64, &number)?;
        for (c, text, format) in cells {
            if c == 8 || text.is_empty() {
                continue;
            }
            ws.write_string_with_format(r, c, fit_cell_text(&text), format)?;
            widths.see(c, &text);
        }
        let place = location_text(f);
        match link(i, f).filter(|_| i < MAX_LINKS) {
            Some(l) => {
                let url =
                    Url::new(format!("internal:{}", l.anchor)).set_text(fit_text(&l.text, 255));
                let linked = formats
                    .get(Look::default())
                    .clone()
                    .set_font_color(0x0563C1)
                    .set_underline(rust_xlsxwriter::FormatUnderline::Single);
                ws.write_url_with_format(r, 8, url, &linked)?;
                widths.see(8, &l.text);
            }
            None if !place.is_empty() => {
                ws.write_string_with_format(r, 8, &place, &plain)?;
                widths.see(8, &place);
            }
            None => {}
        }
    }
    if findings.len() > shown {
        let r = shown as u32 + 1;
        ws.write_string(
            r,
            3,
            format!(
                "另有 {} 条问题未列出（超出工作表行数上限）",
                findings.len() - shown
            ),
        )?;
    }
    widths.see(0, "序号");
    for (col, cap) in WRAPPED.iter().zip(WRAP_CAPS) {
        widths.cap(*col, cap);
    }
    widths.apply(ws, 6.0, 70.0)?;
    // Rows tall enough for their wrapped texts, so nothing is cut in print.
    for (i, f) in findings.iter().take(shown).enumerate() {
        let texts = wrapped_texts(f);
        let cells = WRAPPED
            .iter()
            .zip(&texts)
            .map(|(c, t)| (t.as_str(), widths.width(*c, 6.0, 70.0)));
        ws.set_row_height(i as u32 + 1, wrapped_height(cells))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, shown.max(1) as u32, HEADERS.len() as u16 - 1)?;
    print_setup(ws, widths.total(6.0, 70.0), Some((0, 0)))?;
    Ok(())
}

/// "F7", "第7行" or nothing.
pub(crate) fn location_text(f: &Finding) -> String {
    match (&f.location.cell, f.location.row) {
        (Some(c), _) => c.clone(),
        (None, Some(r)) => format!("第{r}行"),
        _ => String::new(),
    }
}

/// "《浙江省…指引》（浙财采监〔2025〕6号）第九条", one per line.
pub(crate) fn citation_refs(f: &Finding) -> String {
    f.citations
        .iter()
        .map(|c| {
            let title = if c.title.is_empty() {
                String::new()
            } else {
                format!("《{}》", c.title)
            };
            let doc = if c.document.is_empty() || c.document == c.title {
                String::new()
            } else {
                format!("（{}）", c.document)
            };
            format!("{title}{doc}{}", c.article)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The original sentences, one per line.
pub(crate) fn citation_texts(f: &Finding) -> String {
    f.citations
        .iter()
        .filter(|c| !c.text.is_empty())
        .map(|c| format!("“{}”", c.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "合同签订日期 = 2025-08-01；…".
pub(crate) fn values_text(f: &Finding) -> String {
    f.values
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect::<Vec<_>>()
        .join("；")
}

/// The note on a faulty cell: each finding's severity, rule, message and
/// citation with its original sentence.
pub(crate) fn note(findings: &[&Finding]) -> Note {
    let mut text = String::new();
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(&format!(
            "【{}】{} {}",
            f.severity.name_cn(),
            f.rule,
            f.message
        ));
        for c in &f.citations {
            text.push_str(&format!("\n依据：{}", citation_line(c)));
        }
    }
    // Excel's limit for a note, less room for the author prefix.
    let text = fit_text(&text, 32_767 - 60).into_owned();
    let lines: usize = text
        .lines()
        .map(|l| unicode_width::UnicodeWidthStr::width(l) / 44 + 1)
        .sum();
    let height = (lines as u32 * 17 + 16).clamp(80, 600);
    Note::new(text)
        .add_author_prefix(false)
        .set_author("jicai")
        .set_width(340)
        .set_height(height)
}

fn citation_line(c: &crate::citation::Citation) -> String {
    let mut s = String::new();
    if !c.title.is_empty() {
        s.push_str(&format!("《{}》", c.title));
    }
    if !c.document.is_empty() && c.document != c.title {
        s.push_str(&format!("（{}）", c.document));
    }
    s.push_str(&c.article);
    if !c.text.is_empty() {
        s.push_str(&format!("：“{}”", c.text));
    }
    s
}

/// The most severe of some findings.
pub(crate) fn worst<'a>(findings: impl IntoIterator<Item = &'a &'a Finding>) -> Option<Severity> {
    findings.into_iter().map(|f| f.severity).min()
}

/// "F7" → (6, 5): 0-based row and column. `None` for anything else.
pub(crate) fn parse_cell(cell: &str) -> Option<(u32, u16)> {
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1)
        - 1;
    let row: u32 = digits.parse().ok()?;
    if row == 0 || row > 1_048_576 || col >= 16_384 {
        return None;
    }
    Some((row - 1, col as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_parse() {
        assert_eq!(parse_cell("A1"), Some((0, 0)));
        assert_eq!(parse_cell("F7"), Some((6, 5)));
        assert_eq!(parse_cell("AA10"), Some((9, 26)));
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "7", "F", "F0", "f7", "XFE1", "A1048577", "A-1", "AB1C"] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
    }
}
