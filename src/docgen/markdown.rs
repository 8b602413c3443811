//! Markdown (CommonMark with GFM tables) view of a document. Every piece of
//! text is escaped, so data cannot become links, HTML or list markers.

use super::format::{cell_text, number_text};
use super::model::{Block, Doc, Row, Table, TotalCell};
use std::fmt::Write;

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    let mut title: Vec<&str> = Vec::new();
    let mut in_record = false;
    for b in &doc.blocks {
        if !matches!(b, Block::Title(_)) && !title.is_empty() {
            writeln!(out, "# {}\n", inline(&title.join(""))).ok();
            title.clear();
        }
        match b {
            Block::Title(t) => title.push(t),
            Block::Masthead(t) => {
                writeln!(out, "**{}**\n", inline(t)).ok();
            }
            Block::DocNo(t) | Block::Subtitle(t) | Block::Addressee(t) | Block::Note(t) => {
                writeln!(out, "{}\n", text(t)).ok();
            }
            Block::Heading(level, t) => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 3) + 1);
                writeln!(out, "{hashes} {}\n", inline(t)).ok();
            }
            Block::Para { text: t, .. } | Block::Attachment(t) => {
                writeln!(out, "{}\n", text(t)).ok();
            }
            Block::Table(t) => table(&mut out, t),
            Block::Signature(t) | Block::Date(t) => {
                writeln!(out, "<p align=\"right\">{}</p>\n", html_inline(t)).ok();
            }
            Block::CopyTo(t) | Block::Printed(t) => {
                if !in_record {
                    out.push_str("---\n\n");
                    in_record = true;
                }
                writeln!(out, "{}\n", text(t)).ok();
            }
            Block::PageBreak => out.push_str("---\n\n"),
            Block::Blank => {}
        }
    }
    if !title.is_empty() {
        writeln!(out, "# {}\n", inline(&title.join(""))).ok();
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn table(out: &mut String, t: &Table) {
    if let Some(c) = &t.caption {
        writeln!(out, "**{}**\n", inline(c)).ok();
    }
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(t.header.iter().map(|h| cell(h)).collect()));
    out.push_str(&row(t
        .kinds
        .iter()
        .map(|k| if k.is_numeric() { "---:" } else { "---" }.to_string())
        .collect()));
    for r in &t.rows {
        let cells: Vec<String> = match r {
            Row::Data(cells) => cells
                .iter()
                .zip(&t.kinds)
                .map(|(c, k)| cell(&cell_text(c, *k)))
                .collect(),
            Row::Total(cells) => cells
                .iter()
                .zip(&t.kinds)
                .map(|(c, k)| match c {
                    TotalCell::Text(s) if s.is_empty() => String::new(),
                    TotalCell::Text(s) => format!("**{}**", cell(s)),
                    TotalCell::Sum(n) => format!("**{}**", cell(&number_text(*n, *k))),
                })
                .collect(),
        };
        out.push_str(&row(cells));
    }
    out.push('\n');
}

/// A table cell: one line, `|` escaped, line breaks as <br>.
fn cell(s: &str) -> String {
    s.lines().map(inline).collect::<Vec<_>>().join("<br>")
}

/// A paragraph that may span lines: hard breaks between them.
fn text(s: &str) -> String {
    s.lines().map(line).collect::<Vec<_>>().join("\\\n")
}

/// One line at the start of a block: also escapes what would start a list,
/// quote, heading or thematic break.
fn line(s: &str) -> String {
    let esc = inline(s);
    let digits = esc.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && esc[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &esc[..digits], &esc[digits..]);
    }
    if esc.starts_with(['-', '+', '=', ' ']) {
        return format!("\\{esc}");
    }
    esc
}

/// Backslash-escapes the ASCII punctuation that is markup inside a line.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Text inside the raw HTML we emit for right-aligned lines.
fn html_inline(s: &str) -> String {
    super::html::escape(s).replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docgen::markup::parse;

    #[test]
    fn escapes_markup_in_data() {
        assert_eq!(inline("a|b*c<d>"), "a\\|b\\*c\\<d\\>");
        assert_eq!(line("1. 第一"), "1\\. 第一");
        assert_eq!(line("- 项"), "\\- 项");
        let doc = parse("@标题 通知\n@表头 名称 | 金额\n@格式 文本 | 元\n@行 <b>x</b> | 1200\n@合计 合计 | =求和\n@落款 <script>\n").unwrap();
        let md = render(&doc);
        assert!(md.starts_with("# 通知\n"), "{md}");
        assert!(md.contains("| \\<b\\>x\\</b\\> | 1,200.00 |"), "{md}");
        assert!(md.contains("| **合计** | **1,200.00** |"), "{md}");
        assert!(md.contains("&lt;script&gt;"), "{md}");
        assert!(!md.contains("<script>"), "{md}");
    }
}
