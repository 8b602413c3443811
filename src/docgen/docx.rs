//! Word (.docx) view of a document, laid out per GB/T 9704-2012 《党政机关
//! 公文格式》:
//!
//! - A4 (210 × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm,
//!   right 26 mm, leaving a 156 × 225 mm text block;
//! - 22 lines per page of 28 characters (line pitch 28.95 pt);
//! - 标题 二号 (22 pt) 宋体 bold, centred (the standard names 小标宋, which
//!   is not installed on most machines; 宋体 bold is the usual stand-in);
//!   正文 三号 (16 pt) 仿宋; 一级标题 黑体, 二级 楷体;
//! - 版头: red 发文机关标志, 文号 two lines below it, a red rule under the
//!   文号; 标题 two lines below the rule;
//! - 成文日期 right-indented four characters, 发文机关署名 centred over it;
//! - 版记 (抄送, 印发) in 四号 between rules; page numbers "— 1 —" in 四号
//!   宋体, right on odd pages and left on even pages.
//!
//! The east-Asian font slot (`w:eastAsia`) is set on every run and in the
//! document defaults: without it Word falls back to a Latin font.

use super::format::{cell_text, display_width, number_text};
use super::model::{Block, Doc, Row, Table, TotalCell};
use docx_rs::{
    AlignmentType, BorderType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer,
    InstrPAGE, InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, TableCell,
    TableRow, VAlignType, WidthType,
};

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
/// 225 mm of text block / 22 lines, in twips (28.95 pt).
pub const LINE: i32 = (PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM) / 22;
/// Half-points.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const RECORD_SIZE: usize = 28;
/// One 三号 character, in twips.
const CHAR: i32 = 320;

pub const BODY_FONT: &str = "仿宋";
pub const TITLE_FONT: &str = "宋体";
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

pub fn render(doc: &Doc) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(mm(15))
                .footer(mm(21))
                .gutter(0),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .footer(page_number_footer(AlignmentType::Right))
        .even_footer(page_number_footer(AlignmentType::Left));
    // A line grid of 22 lines per page. Characters are not snapped to a
    // character grid (LibreOffice and Word disagree on its pitch); 28 per
    // line come from tightening 三号 text by 0.25 pt instead (see `run`).
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE as usize),
    );

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
                let lines = &blocks[start..=i];
                for (k, b) in lines.iter().enumerate() {
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
                            .add_run(run(b.text(), TITLE_FONT, TITLE_SIZE).bold())
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
                if let Some(c) = &t.caption {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .add_run(run(c, BODY_FONT, BODY_SIZE).bold())
                            .align(AlignmentType::Center)
                            .line_spacing(exact(0))
                            .keep_next(true),
                    );
                }
                docx = docx.add_table(table(t));
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
    docx.build()
        .pack(&mut buf)
        .map_err(|e| format!("无法生成 .docx：{e}"))?;
    Ok(buf.into_inner())
}

/// 发文机关标志: red, centred, as large as fits one line (at most 42 pt).
fn masthead(text: &str) -> Paragraph {
    let chars = display_width(text).max(2) as i32 / 2;
    let fit_pt = (TEXT_WIDTH / 20 - 8) / chars.max(1);
    let size = (fit_pt.clamp(22, 42) * 2) as usize;
    Paragraph::new()
        .add_run(run(text, TITLE_FONT, size).bold().color(RED))
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(240),
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

/// 版记: 抄送 and 印发 lines between rules (thick outside, thin between).
fn record(blocks: &[Block]) -> Vec<Paragraph> {
    let n = blocks.len();
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
                        .space(2),
                );
            }
            borders = borders.set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(if k + 1 == n { 8 } else { 4 })
                    .space(2),
            );
            // The rules span the text width; the text stands one character
            // in from the left (GB/T 9704 7.5).
            Paragraph::new()
                .add_run(run(
                    &format!("\u{3000}{}", b.text()),
                    BODY_FONT,
                    RECORD_SIZE,
                ))
                .line_spacing(exact(if k == 0 { 2 * LINE } else { 0 }))
                .set_borders(borders)
        })
        .collect()
}

/// "— 1 —" in 四号 宋体, one character in from the outer edge.
fn page_number_footer(align: AlignmentType) -> Footer {
    let size = 28;
    let dash = |t: &str| run(t, TITLE_FONT, size);
    let one_char = size as i32 * 10;
    let (left, right) = match align {
        AlignmentType::Left => (Some(one_char), None),
        _ => (None, Some(one_char)),
    };
    // The PAGE field in a run of its own, so it carries the font and size.
    let page = Run::new()
        .fonts(fonts(TITLE_FONT))
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
            .fonts(fonts(TITLE_FONT))
            .align(align)
            .indent(left, None, right, None),
    )
}

/// A real Word table across the text width; columns share the width by the
/// display width of their longest content.
fn table(t: &Table) -> docx_rs::Table {
    let n = t.columns().max(1);
    let size: usize = match n {
        0..=4 => 28,
        5..=6 => 24,
        _ => 21,
    };
    // Weights in display columns plus two for the cell margins; headers
    // may wrap, numbers may not.
    let mut weights: Vec<usize> = t
        .header
        .iter()
        .map(|h| display_width(h).min(12) + 2)
        .collect();
    for r in &t.rows {
        let texts: Vec<String> = match r {
            Row::Data(cells) => cells
                .iter()
                .zip(&t.kinds)
                .map(|(c, k)| cell_text(c, *k))
                .collect(),
            Row::Total(cells) => cells
                .iter()
                .zip(&t.kinds)
                .map(|(c, k)| total_text(c, *k))
                .collect(),
        };
        for (w, s) in weights.iter_mut().zip(&texts) {
            *w = (*w).max(display_width(s).min(40) + 2);
        }
    }
    let weights: Vec<usize> = weights.iter().map(|w| (*w).max(6)).collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = weights
        .iter()
        .map(|w| w * TEXT_WIDTH as usize / sum)
        .collect();

    let cell = |text: &str, width: usize, bold: bool, align: AlignmentType| {
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
    rows.push(
        TableRow::new(
            t.header
                .iter()
                .zip(&widths)
                .map(|(h, w)| cell(h, *w, true, AlignmentType::Center))
                .collect(),
        )
        .cant_split(),
    );
    for r in &t.rows {
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
                    cell(&cell_text(c, *k), *w, false, align)
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
                    cell(&total_text(c, *k), *w, true, align)
                })
                .collect(),
        };
        rows.push(TableRow::new(cells).cant_split());
    }
    docx_rs::Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .align(docx_rs::TableAlignmentType::Center)
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
