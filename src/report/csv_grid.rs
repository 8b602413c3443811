//! Raw rows of a .csv/.txt upload, numbered exactly as the table reader
//! numbers them (`table/csv.rs`): same encodings, same separator sniffing,
//! and a record's row is the count of line breaks before it, so blank lines
//! count and breaks inside quoted fields do not.

use super::grid::{Guard, RawCell};
use crate::table::ReadError;
use std::path::Path;

pub(crate) fn rows(path: &Path, guard: &mut Guard<'_>) -> Result<(), ReadError> {
    let (file, sheet) = (guard.file.to_string(), guard.sheet.to_string());
    crate::table::csv_records(path, &file, &sheet, |row, record| {
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
        guard.push(row, cells)
    })
}
