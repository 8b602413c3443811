//! Raw rows of a .csv/.txt upload, numbered exactly as the table reader
//! numbers them (`table/csv.rs`): same encodings, same separator sniffing,
//! and a record's row is the count of line breaks before it, so blank lines
//! count and breaks inside quoted fields do not.

use super::grid::{Guard, RawCell, open_error};
use crate::table::ReadError;
use std::borrow::Cow;
use std::path::Path;

pub(crate) fn rows(path: &Path, guard: &mut Guard<'_>) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(|e| open_error(guard.file, &e))?;
    let text = decode(&bytes).ok_or_else(|| ReadError::NotAWorkbook {
        file: guard.file.into(),
        detail: "无法识别的编码（既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16）".into(),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let (mut scanned, mut breaks, mut inner) = (0usize, 0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(ReadError::Sheet {
                    file: guard.file.into(),
                    sheet: guard.sheet.into(),
                    detail: format!("记录无法解析（{e}）"),
                });
            }
        }
        let end = (reader.position().byte() as usize).min(text.len());
        breaks += line_breaks(text.as_bytes(), scanned, end);
        scanned = end;
        inner += record
            .iter()
            .map(|f| line_breaks(f.as_bytes(), 0, f.len()))
            .sum::<u64>();
        let own_terminator = u64::from(ends_line(text.as_bytes(), end));
        let row = u32::try_from(breaks.saturating_sub(inner + own_terminator)).unwrap_or(u32::MAX);
        let cells: Vec<(u32, RawCell)> = record
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.trim().is_empty())
            .map(|(i, s)| {
                (
                    u32::try_from(i).unwrap_or(u32::MAX),
                    RawCell::Text(s.to_string()),
                )
            })
            .collect();
        if !guard.push(row, cells)? {
            break;
        }
    }
    Ok(())
}

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

fn ends_line(b: &[u8], end: usize) -> bool {
    end > 0 && is_break(b, end - 1)
}

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

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b'\t', b';'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 { b',' } else { seps[best] }
}
