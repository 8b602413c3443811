//! .csv/.txt: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text")
//! or GBK/GB18030; comma, tab or semicolon separated; any line ends. The
//! sheet is named after the file.

use super::sheet::{Ctx, Finished, Flow, SheetBuilder};
use super::{ReadError, SheetOutcome, SheetRead};
use std::borrow::Cow;
use std::path::Path;

pub(crate) fn read(path: &Path, ctx: &Ctx<'_>) -> Result<Vec<SheetRead>, ReadError> {
    let sheet = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut builder = SheetBuilder::new(ctx, &sheet, Some(Vec::new()));
    let max_columns = ctx.limits.max_columns as usize;
    let mut skipped = 0u64;
    for_each_record(path, ctx.file, &sheet, |row, record| {
        // Fields beyond the column limit are skipped, as in workbooks.
        skipped += record
            .iter()
            .skip(max_columns)
            .filter(|s| !s.trim().is_empty())
            .count() as u64;
        let cells: Vec<(u32, &str)> = record
            .iter()
            .take(max_columns)
            .enumerate()
            .filter(|(_, s)| !s.trim().is_empty())
            .map(|(i, s)| (u32::try_from(i).unwrap_or(u32::MAX), s))
            .collect();
        Ok(cells.is_empty() || builder.push_row(row, &cells)? != Flow::Stop)
    })?;
    let outcome = match builder.finish(None)? {
        Finished::Done(o) => o,
        Finished::Redo => SheetOutcome::Empty,
    };
    Ok(vec![SheetRead {
        sheet,
        outcome,
        notes: super::grid::skipped_note(ctx, skipped)
            .into_iter()
            .collect(),
    }])
}

/// Decodes a .csv/.txt file and calls `f` with each record and its 1-based
/// row, numbered as a spreadsheet would (see below); `f` returns false to
/// stop. Shared by the table reader and the annotated report.
pub(crate) fn for_each_record(
    path: &Path,
    file: &str,
    sheet: &str,
    mut f: impl FnMut(u32, &csv::StringRecord) -> Result<bool, ReadError>,
) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(|e| super::source::open_error(file, &e))?;
    let text = decode(&bytes).ok_or_else(|| ReadError::NotAWorkbook {
        file: file.into(),
        detail: "无法识别的编码（既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16）".into(),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    // The csv reader skips blank lines, which spreadsheet rows count: a
    // record's row is the number of line breaks before its first byte,
    // less those inside earlier quoted fields. A record's position is where
    // the reader started looking for it, before the blank lines it skipped.
    let bytes = text.as_bytes();
    let (mut scanned, mut breaks, mut inner) = (0usize, 0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().or(record.position());
                return Err(ReadError::Sheet {
                    file: file.into(),
                    sheet: sheet.into(),
                    detail: format!(
                        "第{}条记录无法解析（分隔符或引号不成对）",
                        at.map_or(1, |p| p.record() + 1)
                    ),
                });
            }
        }
        let start = record
            .position()
            .map_or(scanned, |p| p.byte() as usize)
            .clamp(scanned, bytes.len());
        let first = start
            + bytes[start..]
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
        breaks += line_breaks(bytes, scanned, first);
        scanned = first;
        let row = u32::try_from(breaks.saturating_sub(inner)).unwrap_or(u32::MAX);
        inner += record
            .iter()
            .map(|f| line_breaks(f.as_bytes(), 0, f.len()))
            .sum::<u64>();
        if !f(row, &record)? {
            break;
        }
    }
    Ok(())
}

/// Line breaks in `b[from..to]`, "\r\n" counting once (at its "\n").
fn line_breaks(b: &[u8], from: usize, to: usize) -> u64 {
    (from..to).filter(|&i| is_break(b, i)).count() as u64
}

fn is_break(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\n' => true,
        b'\r' => b.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// UTF-8 (BOM optional), UTF-16 with a BOM, else GBK/GB18030; `None` when
/// none of them decodes without replacement characters.
fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).ok().map(Cow::Borrowed);
    }
    for (bom, enc) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE),
        (b"\xFE\xFF", encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return enc.decode_without_bom_handling_and_without_replacement(rest);
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(Cow::Borrowed(s));
    }
    encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
}

/// The separator that occurs most on the first lines (outside quotes);
/// title lines above the header have none, so several lines are counted.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => counts[0] += 1,
                '\t' if !quoted => counts[1] += 1,
                ';' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
    }
    let seps = [b',', b'\t', b';'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 { b',' } else { seps[best] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").as_deref(), Some("a,b"));
        let (gbk, _, _) = encoding_rs::GBK.encode("合同编号,合同金额");
        assert_eq!(decode(&gbk).as_deref(), Some("合同编号,合同金额"));
        assert!(decode(b"\xFF\xFF\xFF\x80\x80").is_none());
    }

    #[test]
    fn counts_line_breaks() {
        let t = b"a\r\nb\rc\nd";
        assert_eq!(line_breaks(t, 0, t.len()), 3);
        assert_eq!(
            line_breaks(t, 0, 2),
            0,
            "\\r of \\r\\n is not a break by itself"
        );
        assert_eq!(line_breaks(b"", 0, 0), 0);
    }

    #[test]
    fn sniffs_separators() {
        assert_eq!(sniff_delimiter("a\tb\tc\n1,2"), b'\t');
        assert_eq!(sniff_delimiter("标题\n\na;b;c\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("\"a,b\";c;d"), b';');
        assert_eq!(sniff_delimiter("abc"), b',');
    }
}
