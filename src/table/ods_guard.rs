//! A pre-flight check of .ods files. calamine expands every repeated row and
//! column of an .ods (`table:number-rows-repeated="1000000"`) into a grid when
//! the file is opened, so a few kilobytes of XML can ask for gigabytes. We
//! stream `content.xml` once, counting only cells that hold something, and
//! refuse sheets whose filled extent exceeds the limits.

use super::ReadLimits;
use std::io::Read;

/// Cells calamine may expand for one sheet (rows × widest row, up to the
/// last filled cell): about 32 bytes each, plus its formula strings.
const MAX_GRID_CELLS: u64 = 20_000_000;

/// Tags longer than this keep only their start (names and attributes we
/// need come first).
const MAX_TAG: usize = 64 * 1024;

pub(crate) enum Refusal {
    Limit { what: String, limit: String },
    Corrupt(String),
}

pub(crate) fn check(path: &std::path::Path, limits: &ReadLimits) -> Result<(), Refusal> {
    let f =
        std::fs::File::open(path).map_err(|e| Refusal::Corrupt(super::source::io_reason(&e)))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(f))
        .map_err(|_| Refusal::Corrupt("zip 结构无法解析".into()))?;
    let mut content = zip
        .by_name("content.xml")
        .map_err(|_| Refusal::Corrupt("缺少 content.xml".into()))?;
    let mut scan = Scan::new(limits);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = content
            .read(&mut buf)
            .map_err(|_| Refusal::Corrupt("content.xml 无法解压".into()))?;
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            scan.byte(b)?;
        }
    }
    Ok(())
}

/// A byte-level tag scanner that tracks the filled extent of each table.
struct Scan {
    max_rows: u64,
    max_cols: u64,
    in_tag: bool,
    quote: Option<u8>,
    tag: Vec<u8>,
    table: String,
    row: u64,
    row_repeat: u64,
    col: u64,
    row_filled_to: u64,
    /// The open cell: (first column, repeat, filled so far).
    cell: Option<(u64, u64, bool)>,
    last_filled_row: u64,
    widest: u64,
}

impl Scan {
    fn new(limits: &ReadLimits) -> Scan {
        Scan {
            max_rows: u64::from(limits.max_rows),
            max_cols: u64::from(limits.max_columns),
            in_tag: false,
            quote: None,
            tag: Vec::with_capacity(256),
            table: String::new(),
            row: 0,
            row_repeat: 1,
            col: 0,
            row_filled_to: 0,
            cell: None,
            last_filled_row: 0,
            widest: 0,
        }
    }

    fn byte(&mut self, b: u8) -> Result<(), Refusal> {
        if !self.in_tag {
            if b == b'<' {
                self.in_tag = true;
                self.tag.clear();
            } else if !b.is_ascii_whitespace()
                && let Some(cell) = &mut self.cell
            {
                cell.2 = true;
            }
            return Ok(());
        }
        match (self.quote, b) {
            (Some(q), _) if b == q => self.quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => self.quote = Some(b),
            (None, b'>') => {
                self.in_tag = false;
                return self.tag_done();
            }
            _ => {}
        }
        if self.tag.len() < MAX_TAG {
            self.tag.push(b);
        }
        Ok(())
    }

    fn tag_done(&mut self) -> Result<(), Refusal> {
        let tag = std::mem::take(&mut self.tag);
        let self_closing = tag.last() == Some(&b'/');
        // "/name" for end tags; start tags end their name at a space or "/>".
        let skip = usize::from(tag.first() == Some(&b'/'));
        let name_end = tag[skip..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'/')
            .map_or(tag.len(), |p| p + skip);
        let name = &tag[..name_end];
        match name {
            b"table:table" => {
                self.table = attr(&tag, b"table:name").unwrap_or_default();
                self.row = 0;
                self.last_filled_row = 0;
                self.widest = 0;
            }
            b"table:table-row" => {
                self.row_repeat = number(&tag, b"table:number-rows-repeated");
                self.col = 0;
                self.row_filled_to = 0;
                if self_closing {
                    self.row_done()?;
                }
            }
            b"/table:table-row" => self.row_done()?,
            b"table:table-cell" | b"table:covered-table-cell" => {
                let repeat = number(&tag, b"table:number-columns-repeated");
                let valued = find(&tag, b"office:value-type=").is_some();
                self.cell = Some((self.col, repeat, valued));
                if self_closing {
                    self.cell_done();
                }
            }
            b"/table:table-cell" | b"/table:covered-table-cell" => self.cell_done(),
            _ if self.cell.is_some() && name.starts_with(b"text:") => {
                if let Some(cell) = &mut self.cell {
                    cell.2 = true;
                }
            }
            _ => {}
        }
        self.tag = tag;
        Ok(())
    }

    fn cell_done(&mut self) {
        if let Some((first, repeat, filled)) = self.cell.take() {
            self.col = first.saturating_add(repeat);
            if filled {
                self.row_filled_to = self.col;
            }
        }
    }

    fn row_done(&mut self) -> Result<(), Refusal> {
        let end = self.row.saturating_add(self.row_repeat);
        if self.row_filled_to > 0 {
            self.last_filled_row = end;
            self.widest = self.widest.max(self.row_filled_to);
            let sheet = &self.table;
            if end > self.max_rows {
                return Err(limit(
                    format!("工作表“{sheet}”有 {end} 行有数据"),
                    self.max_rows,
                    "行",
                ));
            }
            if self.widest > self.max_cols {
                return Err(limit(
                    format!("工作表“{sheet}”有 {} 列有数据", self.widest),
                    self.max_cols,
                    "列",
                ));
            }
            let grid = self.last_filled_row.saturating_mul(self.widest);
            if grid > MAX_GRID_CELLS {
                return Err(limit(
                    format!(
                        "工作表“{sheet}”展开后有 {} 行 × {} 列",
                        self.last_filled_row, self.widest
                    ),
                    MAX_GRID_CELLS,
                    "个单元格",
                ));
            }
        }
        self.row = end;
        self.row_repeat = 1;
        Ok(())
    }
}

fn limit(what: String, n: u64, unit: &str) -> Refusal {
    Refusal::Limit {
        what,
        limit: format!("{n} {unit}"),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value of `name="…"` in a tag.
fn attr(tag: &[u8], name: &[u8]) -> Option<String> {
    let at = find(tag, name)? + name.len();
    let rest = tag.get(at..)?.strip_prefix(b"=")?;
    let q = *rest.first()?;
    let body = &rest[1..];
    let end = body.iter().position(|&c| c == q)?;
    Some(String::from_utf8_lossy(&body[..end]).into_owned())
}

/// A repeat count attribute (1 when absent or unreadable).
fn number(tag: &[u8], name: &[u8]) -> u64 {
    attr(tag, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str) -> Result<(), Refusal> {
        let mut s = Scan::new(&ReadLimits::default());
        for &b in xml.as_bytes() {
            s.byte(b)?;
        }
        Ok(())
    }

    #[test]
    fn trailing_empty_repeats_are_fine() {
        let xml = r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        assert!(scan(xml).is_ok());
    }

    #[test]
    fn repeated_filled_cells_are_refused() {
        let xml = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert!(matches!(scan(xml), Err(Refusal::Limit { .. })));
    }

    #[test]
    fn wide_text_rows_are_refused() {
        let xml = r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="300"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
        assert!(matches!(scan(xml), Err(Refusal::Limit { .. })));
    }
}
