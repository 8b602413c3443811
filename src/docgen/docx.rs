//! Word (.docx) view of a document, laid out per GB/T 9704-2012 《党政机关
//! 公文格式》:
//!
//! - A4 (210 × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm,
//!   right 26 mm, leaving a 156 × 225 mm text block;
//! - 22 lines per page of 28 characters (line pitch 28.95 pt);
//! - 发文机关标志 and 标题 in 小标宋 requested by name (方正小标宋简体), not
//!   bold; the font table names 宋体 as its stand-in (`w:altName`), which
//!   Word and WPS use where 小标宋 is not installed;
//!   正文 三号 (16 pt) 仿宋; 一级标题 黑体, 二级 楷体;
//! - 版头: red 发文机关标志 with its top 35 mm below the top of the text
//!   block, 文号 two lines below it, a red rule under the 文号; 标题 two
//!   lines below the rule, broken at word boundaries (see `title_lines`);
//! - 成文日期 right-indented four characters, 发文机关署名 centred over it;
//! - 版记 (抄送, 印发) in 四号 between rules, at the bottom of the last
//!   page's text block (a table positioned at the bottom margin), 印发机关
//!   left and 印发日期 right, each one character in; page numbers "— 1 —"
//!   in 四号 宋体, right on odd pages and left on even pages;
//! - tables: the header row repeats on every page (`w:tblHeader`), rows do
//!   not split, the 合计 row stays with the row above it; a table too wide
//!   for portrait A4 without breaking a number, code or date goes into a
//!   landscape section of its own (GB/T 9704 allows landscape tables).
//!
//! The east-Asian font slot (`w:eastAsia`) is set on every run and in the
//! document defaults: without it Word falls back to a Latin font.

use super::format::{cell_text, display_width, number_text};
use super::model::CellKind;
use super::model::{Block, Doc, Row, Table, TotalCell};
use super::title::title_lines;
use docx_rs::{
    AlignmentType, BorderType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer,
    InstrPAGE, InstrText, LineSpacing, LineSpacingType, PageMargin, PageOrientationType, PageSize,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Section,
    SpecialIndentType, TableCell, TableRow, VAlignType, WidthType,
};
use std::io::{Read, Write};

/// Twips (1/20 pt) per millimetre, rounded where used.
const fn mm(v: i32) -> i32 {
    // 1 mm = 1440 / 25.4 twips ≈ 56.693; keep integer maths exact enough.
    (v * 14400 + 127) / 254
}

pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: i32 = mm(37);
pub const MARGIN_BOTTOM: i32 = mm(35);
pub const MARGIN_LEFT: i32 = mm(28);
pub const MARGIN_RIGHT: i32 = mm(26);
const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// A landscape page keeps the portrait margins turned with it: the text
/// block is 225 mm wide.
const LANDSCAPE_TEXT_WIDTH: i32 = PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM;
/// 225 mm of text block / 22 lines, in twips (28.95 pt).
pub const LINE: i32 = (PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM) / 22;
/// Half-points.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const RECORD_SIZE: usize = 28;
/// One 三号 character, in twips.
const CHAR: i32 = 320;
/// Left and right cell margin of a table, in twips (1 mm).
const CELL_MARGIN: usize = 57;
/// Display columns of 二号 title text a line holds (20 characters).
const TITLE_COLUMNS: usize = (TEXT_WIDTH / (TITLE_SIZE as i32 * 5)) as usize;

pub const BODY_FONT: &str = "仿宋";
/// 小标宋, by the name Chinese offices have it installed under.
pub const TITLE_FONT: &str = "方正小标宋简体";
/// What stands in for 小标宋 where it is missing; also the page numbers'.
const SONG_FONT: &str = "宋体";
const HEADING1_FONT: &str = "黑体";
const HEADING2_FONT: &str = "楷体";
const LATIN_FONT: &str = "Times New Roman";
const RED: &str = "FF0000";

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
}

/// Character spacing of 三号 text, in 1/20 pt: 156 mm holds 27 characters
/// of 16 pt; at 15.75 pt it holds the standard's 28.
const BODY_SPACING: i32 = -5;

/// A run of text in `font` at `size` half-points; line breaks become
/// <w:br/>.
fn run(text: &str, font: &str, size: usize) -> Run {
    let mut r = Run::new().fonts(fonts(font)).size(size);
    if size == BODY_SIZE {
        r = r.character_spacing(BODY_SPACING);
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

fn exact(before: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE)
        .before(before.max(0) as u32)
        .after(0)
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .line_spacing(exact(0))
        .align(AlignmentType::Both)
}

fn indented(p: Paragraph) -> Paragraph {
    p.indent(
        None,
        Some(SpecialIndentType::FirstLine(2 * CHAR)),
        None,
        None,
    )
    .first_line_chars(200)
}

fn margins(landscape: bool) -> PageMargin {
    let (top, bottom, left, right) = if landscape {
        (MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM)
    } else {
        (MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT)
    };
    PageMargin::new()
        .top(top)
        .bottom(bottom)
        .left(left)
        .right(right)
        .header(mm(15))
        .footer(mm(21))
        .gutter(0)
}

/// A line grid of 22 lines per page. Characters are not snapped to a
/// character grid (LibreOffice and Word disagree on its pitch); 28 per
/// line come from tightening 三号 text by 0.25 pt instead (see `run`).
fn grid() -> DocGrid {
    DocGrid::new()
        .grid_type(DocGridType::Lines)
        .line_pitch(LINE as usize)
}

/// The body as it is laid out: paragraphs and tables, each on a portrait
/// or a landscape page.
enum Item {
    P(Box<Paragraph>),
    T(Box<docx_rs::Table>),
}

struct Body {
    items: Vec<(bool, Item)>,
    landscape: bool,
}

impl Body {
    fn add_paragraph(mut self, p: Paragraph) -> Body {
        self.items.push((self.landscape, Item::P(Box::new(p))));
        self
    }

    fn add_table(mut self, t: docx_rs::Table) -> Body {
        self.items.push((self.landscape, Item::T(Box::new(t))));
        self
    }

    /// Cuts the body into sections: each run of landscape items is a
    /// section of its own; the last run is the document's own section.
    fn into_docx(self) -> Docx {
        let mut runs: Vec<(bool, Vec<Item>)> = Vec::new();
        for (landscape, item) in self.items {
            match runs.last_mut() {
                Some((l, items)) if *l == landscape => items.push(item),
                _ => runs.push((landscape, vec![item])),
            }
        }
        let last_landscape = runs.last().is_some_and(|(l, _)| *l);
        let (w, h) = page(last_landscape);
        let mut docx = Docx::new()
            .page_size(w, h)
            .page_margin(margins(last_landscape))
            .default_fonts(fonts(BODY_FONT))
            .default_size(BODY_SIZE)
            .footer(page_number_footer(AlignmentType::Right))
            .even_footer(page_number_footer(AlignmentType::Left));
        if last_landscape {
            docx.document.section_property = docx
                .document
                .section_property
                .page_orient(PageOrientationType::Landscape);
        }
        docx.document = docx.document.doc_grid(grid());
        let n = runs.len();
        for (k, (landscape, items)) in runs.into_iter().enumerate() {
            if k + 1 == n {
                for item in items {
                    docx = match item {
                        Item::P(p) => docx.add_paragraph(*p),
                        Item::T(t) => docx.add_table(*t),
                    };
                }
                break;
            }
            let (w, h) = page(landscape);
            let mut size = PageSize::new().width(w).height(h);
            if landscape {
                size = size.orient(PageOrientationType::Landscape);
            }
            let mut section = Section::new()
                .page_size(size)
                .page_margin(margins(landscape))
                .doc_grid(grid())
                .footer(page_number_footer(AlignmentType::Right))
                .even_footer(page_number_footer(AlignmentType::Left));
            for item in items {
                section = match item {
                    Item::P(p) => section.add_paragraph(*p),
                    Item::T(t) => section.add_table(*t),
                };
            }
            docx = docx.add_section(section);
        }
        docx
    }
}

/// Page width and height, in twips.
fn page(landscape: bool) -> (u32, u32) {
    if landscape {
        (PAGE_HEIGHT, PAGE_WIDTH)
    } else {
        (PAGE_WIDTH, PAGE_HEIGHT)
    }
}

pub fn render(doc: &Doc) -> Result<Vec<u8>, String> {
    let mut docx = Body {
        items: Vec::new(),
        landscape: false,
    };

    let blocks = &doc.blocks;
    let mut i = 0;
    let mut after_masthead_rule = false;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Masthead(t) => {
                docx = docx.add_paragraph(masthead(t));
                // The rule goes under the 文号 when there is one.
                if !matches!(blocks.get(i + 1), Some(Block::DocNo(_))) {
                    docx = docx.add_paragraph(red_rule(Paragraph::new()));
                    after_masthead_rule = true;
                }
            }
            Block::DocNo(t) => {
                let after_masthead = i > 0 && matches!(blocks[i - 1], Block::Masthead(_));
                let mut p = Paragraph::new()
                    .add_run(run(t, BODY_FONT, BODY_SIZE))
                    .align(AlignmentType::Center)
                    .line_spacing(exact(if after_masthead { 2 * LINE } else { 0 }));
                if after_masthead {
                    p = red_rule(p);
                    after_masthead_rule = true;
                }
                docx = docx.add_paragraph(p);
            }
            Block::Title(_) => {
                let start = i;
                while i + 1 < blocks.len() && matches!(blocks[i + 1], Block::Title(_)) {
                    i += 1;
                }
                // Each title line broken at word ends into the standard's shapes.
                let lines: Vec<String> = blocks[start..=i]
                    .iter()
                    .flat_map(|b| title_lines(b.text(), TITLE_COLUMNS))
                    .collect();
                for (k, line) in lines.iter().enumerate() {
                    let after_docno = start > 0 && matches!(blocks[start - 1], Block::DocNo(_));
                    let before = match (k, after_masthead_rule, after_docno) {
                        (0, true, _) => 2 * LINE,
                        (0, false, true) => LINE,
                        _ => 0,
                    };
                    let mut spacing = exact(before);
                    if k + 1 == lines.len() {
                        spacing = spacing.after(LINE as u32);
                    }
                    // Off the line grid: snapped, a 22 pt line takes two grid lines.
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .add_run(run(line, TITLE_FONT, TITLE_SIZE))
                            .align(AlignmentType::Center)
                            .line_spacing(spacing)
                            .snap_to_grid(false)
                            .keep_next(true),
                    );
                }
                after_masthead_rule = false;
            }
            Block::Subtitle(t) => {
                docx = docx.add_paragraph(body(t).align(AlignmentType::Center));
            }
            Block::Addressee(t) | Block::Note(t) => {
                docx = docx.add_paragraph(body(t));
            }
            Block::Heading(level, t) => {
                let r = match level {
                    1 => run(t, HEADING1_FONT, BODY_SIZE),
                    2 => run(t, HEADING2_FONT, BODY_SIZE),
                    _ => run(t, BODY_FONT, BODY_SIZE).bold(),
                };
                docx = docx.add_paragraph(indented(
                    Paragraph::new()
                        .add_run(r)
                        .line_spacing(exact(0))
                        .keep_next(true),
                ));
            }
            Block::Para { text, indent } => {
                // The last paragraph goes with the 落款 rather than leave it
                // alone on a page.
                let p = body(text).keep_next(matches!(
                    blocks.get(i + 1),
                    Some(Block::Signature(_) | Block::Date(_))
                ));
                docx = docx.add_paragraph(if *indent { indented(p) } else { p });
            }
            Block::Attachment(t) => {
                // 附件说明: 正文下空一行左空二字; further attachments align
                // under the first name (after "附件：").
                let first = i == 0 || !matches!(blocks[i - 1], Block::Attachment(_));
                let p = body(t).line_spacing(exact(if first { LINE } else { 0 }));
                docx = docx.add_paragraph(if first {
                    indented(p)
                } else {
                    p.indent(Some(5 * CHAR), None, None, None)
                });
            }
            Block::Table(t) => {
                let (table, landscape) = table(t);
                docx.landscape = landscape;
                if let Some(c) = &t.caption {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .add_run(run(c, BODY_FONT, BODY_SIZE).bold())
                            .align(AlignmentType::Center)
                            .line_spacing(exact(0))
                            .keep_next(true),
                    );
                }
                docx = docx.add_table(table);
                // Half a line after the table (Word also needs a paragraph
                // between consecutive tables).
                docx = docx.add_paragraph(
                    Paragraph::new().snap_to_grid(false).line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Exact)
                            .line(LINE / 2)
                            .before(0)
                            .after(0),
                    ),
                );
                docx.landscape = false;
            }
            Block::Signature(_) | Block::Date(_) => {
                let start = i;
                while i + 1 < blocks.len()
                    && matches!(blocks[i + 1], Block::Signature(_) | Block::Date(_))
                {
                    i += 1;
                }
                for p in signature_block(&blocks[start..=i]) {
                    docx = docx.add_paragraph(p);
                }
            }
            Block::CopyTo(_) | Block::Printed(_) => {
                let start = i;
                while i + 1 < blocks.len()
                    && matches!(blocks[i + 1], Block::CopyTo(_) | Block::Printed(_))
                {
                    i += 1;
                }
                for p in record(&blocks[start..=i]) {
                    docx = docx.add_paragraph(p);
                }
            }
            Block::PageBreak => {
                docx = docx
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
            Block::Blank => {
                docx = docx.add_paragraph(Paragraph::new().line_spacing(exact(0)));
            }
        }
        i += 1;
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.into_docx()
        .build()
        .pack(&mut buf)
        .map_err(|e| format!("无法生成 .docx：{e}"))?;
    finish(buf.into_inner()).map_err(|e| format!("无法生成 .docx：{e}"))
}

/// What docx-rs cannot say, added to its package: each table's first row
/// repeats as a header (`w:tblHeader`), and 小标宋 names 宋体 as its
/// stand-in in the font table.
fn finish(package: Vec<u8>) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i)?;
        let name = f.name()?.into_owned();
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut xml = String::new();
        match name.as_str() {
            "word/document.xml" => {
                f.read_to_string(&mut xml)?;
                xml = position_first(&repeat_header_rows(&xml));
            }
            "word/fontTable.xml" => {
                f.read_to_string(&mut xml)?;
                xml = xml.replacen("</w:fonts>", &format!(
                    r#"<w:font w:name="{TITLE_FONT}"><w:altName w:val="{SONG_FONT}" /><w:charset w:val="86" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font></w:fonts>"#
                ), 1);
            }
            _ => {
                drop(f);
                out.raw_copy_file(zin.by_index(i)?)?;
                continue;
            }
        }
        out.start_file(name, options)?;
        out.write_all(xml.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// Moves each table's position (`w:tblpPr`, which docx-rs writes last) to
/// the head of its properties, where the schema has it: LibreOffice ignores
/// it elsewhere.
fn position_first(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tblPr>") {
        let props_end = rest[at..].find("</w:tblPr>").map_or(rest.len(), |e| at + e);
        let props = &rest[at + "<w:tblPr>".len()..props_end];
        out.push_str(&rest[..at]);
        out.push_str("<w:tblPr>");
        match props.find("<w:tblpPr ") {
            Some(p) => {
                let end = props[p..].find("/>").map_or(props.len(), |e| p + e + 2);
                out.push_str(&props[p..end]);
                out.push_str(&props[..p]);
                out.push_str(&props[end..]);
            }
            None => out.push_str(props),
        }
        rest = &rest[props_end..];
    }
    out.push_str(rest);
    out
}

/// Marks the first row of every table whose rows cannot split (the forms'
/// tables; the 版记's rows can) as a header repeated on each page.
fn repeat_header_rows(xml: &str) -> String {
    const ROW: &str = "<w:trPr><w:cantSplit />";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let start = at + "<w:tbl>".len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let first_row = rest.find("</w:tr>").unwrap_or(0);
        if let Some(r) = rest[..first_row].find(ROW) {
            let end = r + ROW.len();
            out.push_str(&rest[..end]);
            out.push_str("<w:tblHeader />");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

/// 发文机关标志: red, centred, as large as fits one line (at most 42 pt).
fn masthead(text: &str) -> Paragraph {
    let chars = display_width(text).max(2) as i32 / 2;
    let fit_pt = (TEXT_WIDTH / 20 - 8) / chars.max(1);
    let size = (fit_pt.clamp(22, 42) * 2) as usize;
    // Its top 35 mm below the top of the text block (GB/T 9704 7.2.3): the
    // space before, less the gap between a line's top and the glyphs' (about
    // a tenth of the size).
    let before = mm(35) - (size as i32 * 10 / 10);
    Paragraph::new()
        .add_run(run(text, TITLE_FONT, size).color(RED))
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(240)
                .before(before as u32)
                .after(0),
        )
        .snap_to_grid(false)
}

/// The red separator under the 文号 (a bottom border as wide as the text).
fn red_rule(p: Paragraph) -> Paragraph {
    p.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(12)
                .space(11)
                .color(RED),
        ),
    )
}

/// 发文机关署名 centred over the 成文日期, which is right-indented four
/// characters (GB/T 9704 7.3.5.1).
fn signature_block(blocks: &[Block]) -> Vec<Paragraph> {
    // Display columns: a Chinese character is two, a digit one (half a
    // character, 160 twips at 三号).
    let date_width = blocks
        .iter()
        .filter(|b| matches!(b, Block::Date(_)))
        .map(|b| display_width(b.text()) as i32)
        .max();
    let date_indent = 4 * CHAR;
    blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let indent = match (b, date_width) {
                (Block::Date(_), _) => date_indent,
                (_, Some(dw)) => {
                    (date_indent + (dw - display_width(b.text()) as i32) * CHAR / 4).max(0)
                }
                (_, None) => 2 * CHAR,
            };
            // Room above for the seal: two blank lines before the block.
            let before = if k == 0 { 2 * LINE } else { 0 };
            Paragraph::new()
                .add_run(run(b.text(), BODY_FONT, BODY_SIZE))
                .align(AlignmentType::Right)
                .indent(None, None, Some(indent), None)
                .line_spacing(exact(before))
                .keep_next(k + 1 < blocks.len())
        })
        .collect()
}

/// 版记: 抄送 and 印发 lines between rules (thick outside, thin between),
/// in a frame held at the foot of the text block of the page it falls on —
/// the last (GB/T 9704 7.4). 印发机关 stands left and 印发日期 right, each
/// one character in from the rules' ends.
fn record(blocks: &[Block]) -> Vec<Paragraph> {
    let n = blocks.len();
    // Each line is one grid line: the frame starts that many lines above
    // the foot of the 22-line text block.
    let top = LINE * (22 - n as i32).max(0);
    let indent = RECORD_SIZE as i32 * 10;
    blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let mut borders = ParagraphBorders::with_empty();
            if k == 0 {
                borders = borders.set(
                    ParagraphBorder::new(ParagraphBorderPosition::Top)
                        .val(BorderType::Single)
                        .size(8)
                        .space(0),
                );
            }
            borders = borders.set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(if k + 1 == n { 8 } else { 4 })
                    .space(0),
            );
            let (left, right) = match b {
                Block::Printed(t) => split_printed(t),
                other => (other.text().to_string(), String::new()),
            };
            let mut r = run(&left, BODY_FONT, RECORD_SIZE);
            if !right.is_empty() {
                r = r.add_tab().add_text(right);
            }
            Paragraph::new()
                .add_run(r)
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Right)
                        .pos((TEXT_WIDTH - 2 * indent) as usize),
                )
                .indent(Some(indent), None, Some(indent), None)
                .snap_to_grid(false)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(LINE)
                        .before(0)
                        .after(0),
                )
                .set_borders(borders)
                .v_anchor("margin")
                .h_anchor("margin")
                .frame_y(top)
                .frame_x(0)
                .frame_width(TEXT_WIDTH as u32)
                .wrap("around")
        })
        .collect()
}

/// "某某办公室　2025年8月1日印发" → ("某某办公室", "2025年8月1日印发"):
/// the date is what follows the last space, or the trailing "…年…月…日印发".
fn split_printed(text: &str) -> (String, String) {
    let t = text.trim();
    if let Some(at) = t.rfind([' ', '\u{3000}', '\t']) {
        let (a, b) = t.split_at(at);
        let b = b.trim();
        if b.ends_with("印发") {
            return (a.trim().to_string(), b.to_string());
        }
    }
    if let Some(year) = t
        .char_indices()
        .find(|(i, c)| c.is_ascii_digit() && t[*i..].ends_with("印发") && t[*i..].contains('年'))
    {
        let (a, b) = t.split_at(year.0);
        if !a.trim().is_empty() {
            return (a.trim().to_string(), b.to_string());
        }
    }
    (t.to_string(), String::new())
}

/// "— 1 —" in 四号 宋体, one character in from the outer edge.
fn page_number_footer(align: AlignmentType) -> Footer {
    let size = 28;
    let dash = |t: &str| run(t, SONG_FONT, size);
    let one_char = size as i32 * 10;
    let (left, right) = match align {
        AlignmentType::Left => (Some(one_char), None),
        _ => (None, Some(one_char)),
    };
    // The PAGE field in a run of its own, so it carries the font and size.
    let page = Run::new()
        .fonts(fonts(SONG_FONT))
        .size(size)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(dash("— "))
            .add_run(page)
            .add_run(dash(" —"))
            .size(size)
            .fonts(fonts(SONG_FONT))
            .align(align)
            .indent(left, None, right, None),
    )
}

/// The display width a column needs so that nothing in it breaks: its
/// widest number, code or date (never broken), and Chinese text at four
/// characters a line at least (headers too: no one character per line).
fn unbreakable(t: &Table, col: usize) -> usize {
    let kind = t.kinds.get(col).copied().unwrap_or(CellKind::文本);
    let texts = t.rows.iter().filter_map(|r| match r {
        Row::Data(cells) => cells.get(col).map(|c| cell_text(c, kind)),
        Row::Total(cells) => cells.get(col).map(|c| total_text(c, kind)),
    });
    let header = t.header.get(col).map_or(0, |h| display_width(h).min(8));
    texts
        .map(|s| {
            if s.chars().any(is_wide) && !(kind.is_numeric() || kind == CellKind::日期) {
                // Text wraps between characters; a Latin word inside does not.
                let longest_word = s
                    .split(|c: char| c.is_whitespace() || is_wide(c))
                    .map(shown_width)
                    .max()
                    .unwrap_or(0);
                display_width(&s).min(8).max(longest_word)
            } else {
                shown_width(&s)
            }
        })
        .fold(header, usize::max)
}

/// The display width of an unbreakable piece as a word processor sets it:
/// Latin capitals and digits run a quarter wider than half a character,
/// and a quarter character of space goes in where Chinese meets Latin
/// ("2025年4月25日" has five such places).
fn shown_width(s: &str) -> usize {
    let latin = s.chars().filter(|c| !is_wide(*c)).count();
    let wide = s.chars().filter(|c| is_wide(*c)).count();
    let meets = s
        .chars()
        .zip(s.chars().skip(1))
        .filter(|(a, b)| is_wide(*a) != is_wide(*b))
        .count();
    (latin * 5).div_ceil(4) + 2 * wide + meets.div_ceil(2)
}

fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width_cjk(c) == Some(2)
}

/// A real Word table across the text width, and whether it needs a
/// landscape page. Each column gets what it needs unbroken
/// ([`unbreakable`]); the rest of the width goes to the columns whose text
/// would otherwise wrap, in proportion to their longest text.
fn table(t: &Table) -> (docx_rs::Table, bool) {
    let n = t.columns().max(1);
    let mut size: usize = match n {
        0..=4 => 28,
        5..=6 => 24,
        _ => 21,
    };
    // Two display columns for the cell margins (1 mm each side, see below).
    let need: Vec<usize> = (0..n).map(|c| unbreakable(t, c) + 2).collect();
    let want: Vec<usize> = (0..n)
        .map(|c| {
            let kind = t.kinds.get(c).copied().unwrap_or(CellKind::文本);
            let longest = t
                .rows
                .iter()
                .filter_map(|r| match r {
                    Row::Data(cells) => cells.get(c).map(|x| cell_text(x, kind)),
                    Row::Total(cells) => cells.get(c).map(|x| total_text(x, kind)),
                })
                .chain(t.header.get(c).cloned())
                .map(|s| display_width(&s).min(40))
                .max()
                .unwrap_or(0);
            (longest + 2).max(need[c])
        })
        .collect();
    // Twips per display column: half a character of `size` half-points.
    let fits = |width: i32, size: usize| need.iter().sum::<usize>() * size * 5 <= width as usize;
    let landscape = !fits(TEXT_WIDTH, size);
    let width = if landscape {
        LANDSCAPE_TEXT_WIDTH
    } else {
        TEXT_WIDTH
    };
    while !fits(width, size) && size > 18 {
        size -= 1;
    }
    let unit = size * 5;
    let base: usize = need.iter().sum::<usize>() * unit;
    let spare = (width as usize).saturating_sub(base);
    let extra: Vec<usize> = want.iter().zip(&need).map(|(w, n)| w - n).collect();
    let extra_sum: usize = extra.iter().sum();
    let widths: Vec<usize> = need
        .iter()
        .zip(&extra)
        .map(|(n, e)| {
            let share = (spare * e)
                .checked_div(extra_sum)
                .unwrap_or(spare / need.len());
            n * unit + share
        })
        .collect();
    // Still too wide at the smallest size: the columns shrink together to
    // the text block (the table never runs into the margins).
    let sum: usize = widths.iter().sum();
    let widths: Vec<usize> = if sum > width as usize {
        widths.iter().map(|w| w * width as usize / sum).collect()
    } else {
        widths
    };

    let cell = |text: &str, width: usize, bold: bool, align: AlignmentType, keep: bool| {
        let mut r = run(text, BODY_FONT, size);
        if bold {
            r = r.bold();
        }
        TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .add_run(r)
                    .align(align)
                    .snap_to_grid(false)
                    .keep_next(keep)
                    .line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Auto)
                            .line(240),
                    ),
            )
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
    };
    let mut rows = Vec::with_capacity(t.rows.len() + 1);
    // The header stays with the first row (never alone at a page foot).
    rows.push(
        TableRow::new(
            t.header
                .iter()
                .zip(&widths)
                .map(|(h, w)| cell(h, *w, true, AlignmentType::Center, true))
                .collect(),
        )
        .cant_split(),
    );
    for (i, r) in t.rows.iter().enumerate() {
        // A 合计 row keeps the row above it company.
        let keep = matches!(t.rows.get(i + 1), Some(Row::Total(_)));
        let cells: Vec<TableCell> = match r {
            Row::Data(cells) => cells
                .iter()
                .zip(&t.kinds)
                .zip(&widths)
                .map(|((c, k), w)| {
                    let align = if k.is_numeric() {
                        AlignmentType::Right
                    } else {
                        AlignmentType::Left
                    };
                    cell(&cell_text(c, *k), *w, false, align, keep)
                })
                .collect(),
            Row::Total(cells) => cells
                .iter()
                .zip(&t.kinds)
                .zip(&widths)
                .map(|((c, k), w)| {
                    let align = match c {
                        TotalCell::Sum(_) => AlignmentType::Right,
                        TotalCell::Text(_) => AlignmentType::Center,
                    };
                    cell(&total_text(c, *k), *w, true, align, keep)
                })
                .collect(),
        };
        rows.push(TableRow::new(cells).cant_split());
    }
    let total: usize = widths.iter().sum();
    let table = docx_rs::Table::new(rows)
        .margins(docx_rs::TableCellMargins::new().margin(0, CELL_MARGIN, 0, CELL_MARGIN))
        .set_grid(widths)
        .width(total, WidthType::Dxa)
        .align(docx_rs::TableAlignmentType::Center);
    (table, landscape)
}

fn total_text(c: &TotalCell, kind: super::model::CellKind) -> String {
    match c {
        TotalCell::Text(s) => s.clone(),
        TotalCell::Sum(n) => number_text(*n, kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_geometry_matches_the_standard() {
        assert_eq!(MARGIN_TOP, 2098);
        assert_eq!(MARGIN_BOTTOM, 1984);
        assert_eq!(MARGIN_LEFT, 1587);
        assert_eq!(MARGIN_RIGHT, 1474);
        // 22 lines of 28.95 pt fill the 225 mm text block.
        assert_eq!(LINE, 579);
        assert_eq!(TEXT_WIDTH, 8845);
        // 28 characters of 三号 with the tightened spacing fit one line.
        const { assert!(28 * (CHAR + BODY_SPACING) <= TEXT_WIDTH) };
        const { assert!(29 * (CHAR + BODY_SPACING) > TEXT_WIDTH) };
    }
}
