//! The document markup templates render to (files ending in `.jdoc`), and
//! its parser into the [`Doc`] model.
//!
//! One block per line. A line starting with `@` and a keyword is a
//! directive (`@标题 …`, `@表头 a | b`, `@行 …`, `@落款 …`); any other
//! non-blank line is a body paragraph. Blank lines are ignored, so template
//! logic may sit on lines of its own. See docs/docgen.md for the list.
//!
//! Data cannot change the structure: tera escapes every value written into a
//! `.jdoc` template with [`escape`], which turns `\`, `|`, `@` and line
//! breaks into escape sequences that the parser reads back as plain text.

use super::model::{Block, Cell, CellKind, Doc, Row, Table, TotalCell};
use crate::value::{Amount, AmountUnit, Percent, normalize_text, parse_date};
use rust_decimal::Decimal;
use std::io::{self, Write};
use std::str::FromStr;

/// Templates whose name ends with this are escaped with [`escape`].
pub const SUFFIX: &str = ".jdoc";

/// Cell text of a 合计 row that asks for the column's sum.
pub const SUM: &str = "=求和";

/// Tera's escape function for `.jdoc` templates. Control characters that
/// XML (and so .docx/.xlsx) cannot carry are dropped; tabs become spaces.
pub fn escape(input: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = [0u8; 4];
    for c in input.chars() {
        let s: &str = match c {
            '\\' => "\\\\",
            '|' => "\\|",
            '@' => "\\@",
            '\n' => "\\n",
            '\t' => " ",
            c if is_forbidden(c) => "",
            c => c.encode_utf8(&mut buf),
        };
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// Characters not allowed in XML 1.0 documents (and \r, which we drop).
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{D}' | '\u{E}'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A problem in rendered markup: the template produced something the
/// parser cannot place. `line` is 1-based in the rendered text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub line: usize,
    pub text: String,
    pub message: String,
}

impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "渲染结果第{}行“{}”：{}",
            self.line, self.text, self.message
        )
    }
}

/// Parses rendered markup into a document.
pub fn parse(text: &str) -> Result<Doc, MarkupError> {
    let mut p = Parser::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            continue;
        }
        p.line(line).map_err(|message| MarkupError {
            line: i + 1,
            text: shorten(line),
            message,
        })?;
    }
    let last = text.lines().count();
    p.close_table().map_err(|message| MarkupError {
        line: last,
        text: String::new(),
        message,
    })?;
    Ok(p.doc)
}

fn shorten(line: &str) -> String {
    const MAX: usize = 60;
    if line.chars().count() > MAX {
        format!("{}…", line.chars().take(MAX).collect::<String>())
    } else {
        line.to_string()
    }
}

#[derive(Default)]
struct Parser {
    doc: Doc,
    table: Option<Building>,
}

struct Building {
    caption: Option<String>,
    header: Vec<String>,
    kinds: Option<Vec<CellKind>>,
    /// Raw rows: (is_total, cells).
    rows: Vec<(bool, Vec<String>)>,
}

impl Parser {
    fn line(&mut self, line: &str) -> Result<(), String> {
        let Some(rest) = line.strip_prefix('@') else {
            self.close_table()?;
            self.doc.blocks.push(Block::Para {
                text: unescape(line),
                indent: true,
            });
            return Ok(());
        };
        let (word, arg) = match rest.find(char::is_whitespace) {
            Some(i) => (&rest[..i], rest[i..].trim()),
            None => (rest, ""),
        };
        match word {
            "表" => {
                self.close_table()?;
                self.table = Some(Building {
                    caption: Some(unescape(arg)).filter(|c| !c.is_empty()),
                    header: Vec::new(),
                    kinds: None,
                    rows: Vec::new(),
                });
            }
            "表头" => {
                let t = match &mut self.table {
                    Some(t) if t.header.is_empty() && t.rows.is_empty() => t,
                    _ => {
                        self.close_table()?;
                        self.table.insert(Building {
                            caption: None,
                            header: Vec::new(),
                            kinds: None,
                            rows: Vec::new(),
                        })
                    }
                };
                t.header = cells(arg);
            }
            "格式" => {
                let t = self.current_table("@格式")?;
                let kinds = cells(arg)
                    .iter()
                    .map(|w| {
                        CellKind::parse(w).ok_or_else(|| {
                            format!("未知的列格式“{w}”（可用：文本、数值、元、万元、日期、百分比）")
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if kinds.len() != t.header.len() {
                    return Err(format!(
                        "@格式 有 {} 项，表头有 {} 列",
                        kinds.len(),
                        t.header.len()
                    ));
                }
                t.kinds = Some(kinds);
            }
            "行" | "合计" => {
                let total = word == "合计";
                let t = self.current_table(if total { "@合计" } else { "@行" })?;
                let row = cells(arg);
                if row.len() != t.header.len() {
                    return Err(format!(
                        "这一行有 {} 格，表头有 {} 列（单元格内的“|”须由数据提供或写作 \\|）",
                        row.len(),
                        t.header.len()
                    ));
                }
                t.rows.push((total, row));
            }
            _ => {
                self.close_table()?;
                let text = super::format::nest_brackets(&unescape(arg));
                let block = match word {
                    "版头" => Block::Masthead(text),
                    "文号" => Block::DocNo(text),
                    "标题" => Block::Title(text),
                    "副标题" => Block::Subtitle(text),
                    "主送" => Block::Addressee(text),
                    "一级" => Block::Heading(1, text),
                    "二级" => Block::Heading(2, text),
                    "三级" => Block::Heading(3, text),
                    "段" => Block::Para { text, indent: true },
                    "顶格" => Block::Para {
                        text,
                        indent: false,
                    },
                    "注" => Block::Note(text),
                    "附件" => Block::Attachment(text),
                    "落款" => Block::Signature(text),
                    "日期" => Block::Date(text),
                    "抄送" => Block::CopyTo(text),
                    "印发" => Block::Printed(text),
                    "分页" => Block::PageBreak,
                    "空行" => Block::Blank,
                    other => {
                        return Err(format!(
                            "未知的指令“@{other}”（可用：@版头 @文号 @标题 @副标题 @主送 @一级 @二级 @三级 @段 @顶格 @注 @附件 @表 @表头 @格式 @行 @合计 @落款 @日期 @抄送 @印发 @分页 @空行）"
                        ));
                    }
                };
                self.doc.blocks.push(block);
            }
        }
        Ok(())
    }

    fn current_table(&mut self, what: &str) -> Result<&mut Building, String> {
        match &mut self.table {
            Some(t) if !t.header.is_empty() => Ok(t),
            _ => Err(format!("{what} 之前须有 @表头")),
        }
    }

    fn close_table(&mut self) -> Result<(), String> {
        let Some(b) = self.table.take() else {
            return Ok(());
        };
        if b.header.is_empty() {
            return Err(format!(
                "表格“{}”没有 @表头",
                b.caption.as_deref().unwrap_or("")
            ));
        }
        let name = b.caption.clone().unwrap_or_else(|| b.header.join("|"));
        let kinds = b
            .kinds
            .unwrap_or_else(|| vec![CellKind::文本; b.header.len()]);
        let mut rows = Vec::with_capacity(b.rows.len());
        let mut data_no = 0;
        for (total, raw) in &b.rows {
            if *total {
                rows.push(None);
                continue;
            }
            data_no += 1;
            let mut row = Vec::with_capacity(raw.len());
            for (c, text) in raw.iter().enumerate() {
                let cell = typed_cell(text, kinds[c]).map_err(|e| {
                    format!(
                        "表格“{name}”第{data_no}行“{}”列：{e}",
                        b.header.get(c).map(String::as_str).unwrap_or("")
                    )
                })?;
                row.push(cell);
            }
            rows.push(Some(Row::Data(row)));
        }
        // 合计 rows sum the data rows, wherever they stand.
        let sums: Vec<Option<Decimal>> = (0..b.header.len())
            .map(|c| {
                kinds[c].is_numeric().then(|| {
                    rows.iter()
                        .flatten()
                        .filter_map(|r| match r {
                            Row::Data(cells) => match cells.get(c) {
                                Some(Cell::Number(n)) => Some(*n),
                                _ => None,
                            },
                            Row::Total(_) => None,
                        })
                        .fold(Decimal::ZERO, |a, n| a.saturating_add(n))
                })
            })
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        let mut totals = b.rows.iter().filter(|(t, _)| *t).map(|(_, r)| r);
        for r in rows {
            match r {
                Some(row) => out.push(row),
                None => {
                    let raw = totals.next().map(Vec::as_slice).unwrap_or(&[]);
                    let mut cells = Vec::with_capacity(raw.len());
                    for (c, text) in raw.iter().enumerate() {
                        if text == SUM {
                            let sum = sums.get(c).copied().flatten().ok_or_else(|| {
                                format!(
                                    "表格“{name}”的合计行要求对“{}”列求和，但该列格式不是数值、元、万元或百分比",
                                    b.header.get(c).map(String::as_str).unwrap_or("")
                                )
                            })?;
                            cells.push(TotalCell::Sum(sum));
                        } else {
                            cells.push(TotalCell::Text(text.clone()));
                        }
                    }
                    out.push(Row::Total(cells));
                }
            }
        }
        self.doc.blocks.push(Block::Table(Table {
            caption: b.caption,
            header: b.header,
            kinds,
            rows: out,
        }));
        Ok(())
    }
}

/// Types one cell's text by its column format.
fn typed_cell(text: &str, kind: CellKind) -> Result<Cell, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(Cell::Empty);
    }
    let number = |s: &str| {
        let n = normalize_text(s).replace([',', '，'], "");
        Decimal::from_str(&n).map_err(|_| format!("“{s}”不是数值"))
    };
    Ok(match kind {
        CellKind::文本 => Cell::Text(t.to_string()),
        CellKind::数值 => Cell::Number(number(t)?),
        CellKind::元 => Cell::Number(
            Amount::parse_cell(t, AmountUnit::元)
                .map_err(|e| e.to_string())?
                .yuan(),
        ),
        CellKind::万元 => Cell::Number(
            Amount::parse_cell(t, AmountUnit::万元)
                .map_err(|e| e.to_string())?
                .in_unit(AmountUnit::万元),
        ),
        CellKind::日期 => Cell::Date(parse_date(t).map_err(|e| e.to_string())?),
        CellKind::百分比 => {
            Cell::Number(Percent::parse(t).map_err(|e| e.to_string())?.fraction())
        }
    })
}

/// Splits on unescaped `|` and unescapes each cell.
fn cells(arg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = arg.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => {
                out.push(unescape(cur.trim()));
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    out.push(unescape(cur.trim()));
    out
}

/// Reads escape sequences back: `\\` `\|` `\@` and `\n` (a line break).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(n @ ('\\' | '|' | '@')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn esc(s: &str) -> String {
        let mut v = Vec::new();
        escape(s, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn data_cannot_change_structure() {
        let evil = "甲|乙\n@落款 伪造\\";
        let text = format!("@表头 名称 | 备注\n@行 {} | x\n", esc(evil));
        let doc = parse(&text).unwrap();
        assert_eq!(doc.blocks.len(), 1);
        let Block::Table(t) = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(
            t.rows,
            vec![Row::Data(vec![
                Cell::Text(evil.into()),
                Cell::Text("x".into())
            ])]
        );
        assert_eq!(esc("a\u{1}b\tc\r"), "ab c");
    }

    #[test]
    fn blocks_in_order() {
        let doc = parse(
            "@版头 吉林省财政厅文件\n@文号 吉财采购〔2025〕1号\n\n@标题 关于X的通知\n@主送 各单位：\n  正文一  \n@一级 一、总体\n@落款 吉林省财政厅\n@日期 2025年7月1日\n",
        )
        .unwrap();
        assert_eq!(
            doc.blocks,
            vec![
                Block::Masthead("吉林省财政厅文件".into()),
                Block::DocNo("吉财采购〔2025〕1号".into()),
                Block::Title("关于X的通知".into()),
                Block::Addressee("各单位：".into()),
                Block::Para {
                    text: "正文一".into(),
                    indent: true
                },
                Block::Heading(1, "一、总体".into()),
                Block::Signature("吉林省财政厅".into()),
                Block::Date("2025年7月1日".into()),
            ]
        );
    }

    #[test]
    fn typed_columns_and_sums() {
        let doc = parse(
            "@表 安排情况\n@表头 序号 | 单位 | 数量 | 金额（万元）\n@格式 文本 | 文本 | 数值 | 万元\n@合计 合计 | | =求和 | =求和\n@行 1 | 甲 | 3 | 12.5\n@行 2 | 乙 | 1,000 | 1,200,000元\n",
        )
        .unwrap();
        let t = doc.tables().next().unwrap();
        assert_eq!(
            t.rows[0],
            Row::Total(vec![
                TotalCell::Text("合计".into()),
                TotalCell::Text("".into()),
                TotalCell::Sum(dec!(1003)),
                TotalCell::Sum(dec!(132.5)),
            ])
        );
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("@标题 X\n@行 1 | 2\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("@表头"), "{e}");
        let e = parse("@表头 a | b\n@行 1\n").unwrap_err();
        assert!(e.message.contains("1 格"), "{e}");
        let e = parse("@表头 a\n@格式 万元\n@行 abc\n").unwrap_err();
        assert!(e.to_string().contains("abc"), "{e}");
        let e = parse("@表头 a\n@合计 =求和\n@行 x\n").unwrap_err();
        assert!(e.message.contains("求和"), "{e}");
        let e = parse("@某某 x\n").unwrap_err();
        assert!(e.message.contains("未知的指令"), "{e}");
    }
}
