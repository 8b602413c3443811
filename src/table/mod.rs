//! Workbook reading: from an uploaded .xlsx/.xls/.ods/.csv to typed tables.
//!
//! ```text
//! file ──source (size, magic bytes, zip parts; xls_guard / ods_guard)──►
//!      ──xlsx (streamed cells) | grid (xls, ods) | csv──► rows of cells
//!      ──sheet (header window → header; data, 合计, notes; typing)──►
//!      ──validate (merged cells, 必填, 唯一, 合计 sum)──► Table (+ CellIssues)
//! ```
//!
//! | module | job |
//! |---|---|
//! | `source` | file size, format by content, zip part sizes and ratios |
//! | `xls_guard`, `ods_guard` | extents calamine would allocate, checked first |
//! | `xlsx`, `grid`, `csv` | one reader per format, each feeding rows |
//! | `cell` | one borrowed view over calamine's cells and csv text |
//! | `header` | header row and column mapping, units from headers |
//! | `sheet` | row classification and the per-sheet state machine |
//! | `typing` | one cell → one typed [`Value`] |
//! | `validate` | checks that need the whole table |

mod cell;
mod csv;
mod grid;
mod header;
mod ods_guard;
mod sheet;
mod source;
mod typing;
mod validate;
mod xls_guard;
mod xlsx;

pub use crate::model::tables::{ColumnSpec, ColumnType, TableSpec};
pub(crate) use csv::for_each_record as csv_records;
pub use header::{ColumnMatch, HeaderColumn, MatchKind};

use crate::value::{AmountUnit, Value};
use std::path::Path;

/// Maxima applied before and while reading an untrusted workbook.
#[derive(Debug, Clone)]
pub struct ReadLimits {
    /// Size of the file on disk.
    pub max_file_bytes: u64,
    /// Uncompressed size of any one part of an .xlsx/.ods (zip) file.
    pub max_part_bytes: u64,
    /// Uncompressed/compressed ratio of any one zip part (zip bombs).
    pub max_compression_ratio: u64,
    pub max_rows: u32,
    pub max_columns: u32,
    pub max_cell_chars: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_file_bytes: 200 * 1024 * 1024,
            max_part_bytes: 2 * 1024 * 1024 * 1024,
            max_compression_ratio: 200,
            max_rows: 1_048_576,
            max_columns: 256,
            max_cell_chars: 32_767,
        }
    }
}

/// The file could not be read at all (exit code 2). Messages are Chinese
/// and name the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("无法打开文件 {file}：{detail}")]
    Open { file: String, detail: String },
    #[error("文件 {file} 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：{detail}")]
    NotAWorkbook { file: String, detail: String },
    #[error("文件 {file} 已损坏或不完整：{detail}")]
    Corrupt { file: String, detail: String },
    #[error("文件 {file} 已加密（设置了打开密码），请去除密码后再上传")]
    Encrypted { file: String },
    #[error("文件 {file} 超出限制：{what}（上限 {limit}）")]
    Limit {
        file: String,
        what: String,
        limit: String,
    },
    #[error("文件 {file} 的工作表“{sheet}”无法读取：{detail}")]
    Sheet {
        file: String,
        sheet: String,
        detail: String,
    },
}

/// Everything read from one file.
#[derive(Debug)]
pub struct WorkbookRead {
    pub file: String,
    pub sheets: Vec<SheetRead>,
}

#[derive(Debug)]
pub struct SheetRead {
    pub sheet: String,
    pub outcome: SheetOutcome,
}

#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one per sheet; boxing would change the API
pub enum SheetOutcome {
    /// Read as the declared table `Table::table`.
    Table(Table),
    /// No declared table fits (e.g. an instructions sheet); `reason` says why.
    Unmatched { reason: String },
    /// The sheet has no cells (or only blanks).
    Empty,
}

/// One sheet read as one declared table.
#[derive(Debug, Clone)]
pub struct Table {
    /// The declared table's name (e.g. "合同备案表").
    pub table: String,
    pub file: String,
    pub sheet: String,
    /// 1-based sheet row of the (last) header row.
    pub header_row: u32,
    /// For each declared column (same order as `TableSpec::columns`): the
    /// 0-based sheet column it was read from, if found.
    pub columns: Vec<Option<u32>>,
    /// For each declared column: the header text as found (for reports).
    pub headers: Vec<Option<String>>,
    /// For each declared amount column: the unit actually used (from the
    /// header, else the declaration).
    pub units: Vec<Option<AmountUnit>>,
    /// Names of required columns that were not found.
    pub missing_required: Vec<String>,
    /// Every header cell, the field it became and how (or why not).
    pub mapping: Vec<HeaderColumn>,
    pub rows: Vec<Row>,
    /// The 合计 row, if any, with its parsed values (declared-column order).
    pub total: Option<Row>,
    /// Problems with single cells or the table's own rules (type, required,
    /// unique, 合计). The engine turns them into findings.
    pub issues: Vec<CellIssue>,
}

/// A data row: values in declared-column order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based sheet row.
    pub sheet_row: u32,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum CellIssueKind {
    /// The text is not a value of the column's type.
    类型,
    /// A required column's cell is empty.
    必填,
    /// A unique column repeats a value.
    唯一,
    /// The 合计 row does not equal the sum of the rows.
    合计,
    /// A value not in the column's enumeration.
    取值,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CellIssue {
    pub kind: CellIssueKind,
    /// 1-based sheet row and 0-based sheet column.
    pub row: u32,
    pub col: u32,
    /// Declared column name.
    pub column: String,
    /// Chinese message naming what was found and what was expected.
    pub message: String,
    /// Values worth showing (e.g. 合计 found vs computed).
    pub values: Vec<(String, String)>,
}

/// Reads one file and matches each of its sheets to the declared table it
/// fits best. Limits are checked before anything is inflated or allocated.
///
/// Decisions worth knowing:
/// - a non-blank cell beyond `max_columns` or `max_rows` refuses the whole
///   file ([`ReadError::Limit`]) rather than silently dropping data;
/// - a second sheet column whose header names an already-mapped column is
///   not read; a [`CellIssueKind::唯一`] issue on that header cell says so;
/// - an amount column's unit comes from its header ("合同金额（万元）"), else
///   from a "单位：万元" line above the header, else from the declaration;
///   a unit written in the cell ("12.5万") wins over all of them.
pub fn read_workbook(
    path: &Path,
    specs: &[TableSpec],
    limits: &ReadLimits,
) -> Result<WorkbookRead, ReadError> {
    let file = path.display().to_string();
    let detected = source::detect(path, &file, limits)?;
    let index = header::AliasIndex::new(specs);
    let ctx = sheet::Ctx {
        file: &file,
        specs,
        index: &index,
        limits,
        is_1904: false,
    };
    // calamine indexes into damaged .xls data without checking (and may
    // elsewhere); a damaged upload must be an error, not a crash.
    let read = catching_panics(|| match detected.format {
        source::Format::Xlsx => xlsx::read(path, &ctx, detected.largest_sheet_part),
        source::Format::Xls | source::Format::Ods => grid::read(path, &ctx, detected.format),
        source::Format::Csv => csv::read(path, &ctx),
    });
    let sheets = match read {
        Ok(result) => result?,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            return Err(ReadError::Corrupt {
                file,
                detail: format!("文件结构异常，无法解析（{why}）"),
            });
        }
    };
    Ok(WorkbookRead { file, sheets })
}

thread_local! {
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err`, and marks the thread meanwhile so
/// that a panic hook can tell these panics from real ones.
fn catching_panics<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    let outer = CATCHING.replace(true);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.set(outer);
    result
}

/// Whether the current thread is inside a read whose panics become
/// [`ReadError::Corrupt`]. A panic hook may stay quiet about those: the
/// user gets the error message instead of a backtrace.
pub fn panic_is_caught() -> bool {
    CATCHING.get()
}

/// "A", "B", … "Z", "AA" for a 0-based column index.
pub fn column_letter(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.iter().rev().map(|&b| char::from(b)).collect()
}
