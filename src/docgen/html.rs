//! Self-contained HTML view of a document: one file, inline CSS laid out
//! like the printed page (A4, GB/T 9704 margins and fonts), every piece of
//! data escaped.

use super::format::{cell_text, number_text};
use super::model::{Block, Doc, Row, Table, TotalCell};
pub use crate::html::escape;
use std::fmt::Write;

const STYLE: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0; background: #f3f3f3; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 37mm 26mm 35mm 28mm; background: #fff;
  font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; }
@media print { body { background: none; } .page { margin: 0; padding: 0; width: auto; min-height: 0; } }
.masthead { text-align: center; color: #e00; font-family: "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 36pt; line-height: 1.4; margin: 0; }
.docno { text-align: center; margin: 0; }
.rule { border: 0; border-top: 2px solid #e00; margin: 4pt 0 28.95pt; }
h1 { text-align: center; font-family: "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 1.6; margin: 28.95pt 0; font-weight: bold; }
.subtitle { text-align: center; margin: 0; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3 { font-family: "KaiTi", "楷体", "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h4 { font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.attachment { margin-top: 28.95pt; text-indent: 2em; }
p.signature, p.date { text-align: right; padding-right: 4em; }
p.signature:first-of-type { margin-top: 57.9pt; }
.record { margin-top: 57.9pt; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; }
.record p { padding: 0 1em; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0; font-size: 12pt; line-height: 1.5; }
caption { font-weight: bold; padding-bottom: 4pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
.pagebreak { break-after: page; }
"#;

pub fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(4096);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article class=\"page\">\n",
        escape(&doc.title())
    )
    .ok();
    let mut title: Vec<&str> = Vec::new();
    let mut in_record = false;
    let mut masthead = false;
    for b in &doc.blocks {
        if !matches!(b, Block::Title(_)) && !title.is_empty() {
            writeln!(out, "<h1>{}</h1>", lines(&title.join("\n"))).ok();
            title.clear();
        }
        if masthead && !matches!(b, Block::DocNo(_)) {
            out.push_str("<hr class=\"rule\">\n");
            masthead = false;
        }
        match b {
            Block::Title(t) => title.push(t),
            Block::Masthead(t) => {
                writeln!(out, "<p class=\"masthead\">{}</p>", lines(t)).ok();
                masthead = true;
            }
            Block::DocNo(t) => {
                writeln!(out, "<p class=\"docno\">{}</p>", lines(t)).ok();
                if masthead {
                    out.push_str("<hr class=\"rule\">\n");
                    masthead = false;
                }
            }
            Block::Subtitle(t) => {
                writeln!(out, "<p class=\"subtitle\">{}</p>", lines(t)).ok();
            }
            Block::Addressee(t) | Block::Note(t) => {
                writeln!(out, "<p>{}</p>", lines(t)).ok();
            }
            Block::Heading(level, t) => {
                let h = usize::from(*level).clamp(1, 3) + 1;
                writeln!(out, "<h{h}>{}</h{h}>", lines(t)).ok();
            }
            Block::Para { text, indent } => {
                let class = if *indent { " class=\"indent\"" } else { "" };
                writeln!(out, "<p{class}>{}</p>", lines(text)).ok();
            }
            Block::Attachment(t) => {
                writeln!(out, "<p class=\"attachment\">{}</p>", lines(t)).ok();
            }
            Block::Table(t) => table(&mut out, t),
            Block::Signature(t) => {
                writeln!(out, "<p class=\"signature\">{}</p>", lines(t)).ok();
            }
            Block::Date(t) => {
                writeln!(out, "<p class=\"date\">{}</p>", lines(t)).ok();
            }
            Block::CopyTo(t) | Block::Printed(t) => {
                if !in_record {
                    out.push_str("<div class=\"record\">\n");
                    in_record = true;
                }
                writeln!(out, "<p>{}</p>", lines(t)).ok();
            }
            Block::PageBreak => out.push_str("<div class=\"pagebreak\"></div>\n"),
            Block::Blank => out.push_str("<p>&nbsp;</p>\n"),
        }
    }
    if !title.is_empty() {
        writeln!(out, "<h1>{}</h1>", lines(&title.join("\n"))).ok();
    }
    if masthead {
        out.push_str("<hr class=\"rule\">\n");
    }
    if in_record {
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    if let Some(c) = &t.caption {
        writeln!(out, "<caption>{}</caption>", lines(c)).ok();
    }
    out.push_str("<thead><tr>");
    for h in &t.header {
        write!(out, "<th>{}</th>", lines(h)).ok();
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        match r {
            Row::Data(cells) => {
                out.push_str("<tr>");
                for (c, k) in cells.iter().zip(&t.kinds) {
                    let class = if k.is_numeric() { " class=\"num\"" } else { "" };
                    write!(out, "<td{class}>{}</td>", lines(&cell_text(c, *k))).ok();
                }
            }
            Row::Total(cells) => {
                out.push_str("<tr class=\"total\">");
                for (c, k) in cells.iter().zip(&t.kinds) {
                    match c {
                        TotalCell::Text(s) => write!(out, "<td>{}</td>", lines(s)),
                        TotalCell::Sum(n) => write!(
                            out,
                            "<td class=\"num\">{}</td>",
                            escape(&number_text(*n, *k))
                        ),
                    }
                    .ok();
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Escaped text with line breaks as <br>.
fn lines(s: &str) -> String {
    escape(s).replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docgen::markup::parse;

    #[test]
    fn escapes_and_lays_out() {
        let doc = parse(
            "@版头 某某文件\n@文号 某〔2025〕1号\n@标题 关于<b>的通知\n@段 正文 & \"引号\"\n@表头 名称 | 金额\n@格式 文本 | 万元\n@行 <img src=x onerror=alert(1)> | 120\n@落款 某单位\n",
        )
        .unwrap();
        let html = render(&doc);
        assert!(
            html.contains("<title>关于&lt;b&gt;的通知</title>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("正文 &amp; &quot;引号&quot;"));
        assert!(html.contains("<td class=\"num\">120.00</td>"));
        assert!(html.contains("<hr class=\"rule\">"));
        assert!(!html.contains("<script") && !html.contains("src=\"http"));
    }
}
