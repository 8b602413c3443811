//! The document model every renderer reads: a flat list of blocks in the
//! order of an official document (版头, 文号, 标题, 主送, 正文, 表格, 附件,
//! 落款, 日期, 版记). Templates produce it through the markup in
//! [`super::markup`]; .docx, Markdown, HTML and .xlsx are views of it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// 发文机关标志 (red masthead), e.g. "吉林省财政厅文件".
    Masthead(String),
    /// 发文字号, e.g. "吉财采购〔2025〕12号".
    DocNo(String),
    /// One line of the title; consecutive lines form one title block.
    Title(String),
    Subtitle(String),
    /// 主送机关.
    Addressee(String),
    /// 一级 (黑体), 二级 (楷体), 三级 (仿宋加粗) headings.
    Heading(u8, String),
    /// Body text; `indent` = first line indented two characters.
    Para {
        text: String,
        indent: bool,
    },
    /// 注：… below a table or form.
    Note(String),
    /// 附件说明.
    Attachment(String),
    Table(Table),
    /// 发文机关署名 (one per issuing authority).
    Signature(String),
    /// 成文日期.
    Date(String),
    /// 版记: 抄送.
    CopyTo(String),
    /// 版记: 印发机关和印发日期.
    Printed(String),
    PageBreak,
    Blank,
}

impl Block {
    /// The block's own text (empty for breaks and tables), for tests and
    /// plain-text views.
    pub fn text(&self) -> &str {
        match self {
            Block::Masthead(t)
            | Block::DocNo(t)
            | Block::Title(t)
            | Block::Subtitle(t)
            | Block::Addressee(t)
            | Block::Heading(_, t)
            | Block::Para { text: t, .. }
            | Block::Note(t)
            | Block::Attachment(t)
            | Block::Signature(t)
            | Block::Date(t)
            | Block::CopyTo(t)
            | Block::Printed(t) => t,
            Block::Table(_) | Block::PageBreak | Block::Blank => "",
        }
    }
}

/// How a column's cells are typed: text, or a number shown and stored with
/// a format (the .xlsx keeps numbers as numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    文本,
    数值,
    元,
    万元,
    日期,
    百分比,
}

impl CellKind {
    pub fn parse(word: &str) -> Option<CellKind> {
        Some(match word.trim() {
            "" | "文本" => CellKind::文本,
            "数值" | "数量" => CellKind::数值,
            "元" | "金额" => CellKind::元,
            "万元" => CellKind::万元,
            "日期" => CellKind::日期,
            "百分比" => CellKind::百分比,
            _ => return None,
        })
    }
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            CellKind::数值 | CellKind::元 | CellKind::万元 | CellKind::百分比
        )
    }
}

/// One cell's value after typing by its column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number in the column's unit (元 or 万元 for money; the fraction
    /// for percentages: 0.2 = 20%).
    Number(Decimal),
    Date(NaiveDate),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Data(Vec<Cell>),
    /// A 合计 row: `Some(sum)` where the column is summed, text elsewhere.
    Total(Vec<TotalCell>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum TotalCell {
    Text(String),
    /// The exact sum of the column's data rows.
    Sum(Decimal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub kinds: Vec<CellKind>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn columns(&self) -> usize {
        self.header.len()
    }
    /// Indices (within `rows`) of the data rows.
    pub fn data_rows(&self) -> impl Iterator<Item = &Vec<Cell>> {
        self.rows.iter().filter_map(|r| match r {
            Row::Data(c) => Some(c),
            Row::Total(_) => None,
        })
    }
}

impl Doc {
    /// The first title line, used for sheet names and HTML <title>.
    pub fn title(&self) -> String {
        let lines: Vec<&str> = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        lines.join("")
    }
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}
