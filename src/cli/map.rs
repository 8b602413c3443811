//! `jicai map`: the column mapping jicai chooses for each sheet, printed as a
//! ready-to-edit `--map` file.

use crate::error::JicaiError;
use crate::library::{RuleDir, RuleLibrary};
use crate::output::{Overwrite, write_atomic_with};
use crate::table::column_map::{self, MapSheet};
use crate::table::{ColumnMap, ReadLimits, SheetOutcome, read_workbook_mapped};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MapArgs {
    /// 要读取的表格文件，可多个
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 先应用此列映射（检查修改后的映射读出来是什么样）
    #[arg(long, value_name = "FILE.yaml")]
    pub map: Option<PathBuf>,
    /// 写入此文件（而不是标准输出）
    #[arg(long, short = 'o', value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// 允许覆盖已存在的输出文件
    #[arg(long)]
    pub force: bool,
}

pub fn run(rules: RuleDir<'_>, args: MapArgs) -> Result<u8, JicaiError> {
    let lib = RuleLibrary::open(rules)?;
    let map = match &args.map {
        Some(path) => ColumnMap::load(path, &lib.book.vocabulary)?,
        None => ColumnMap::default(),
    };
    let specs = lib.book.workbook_tables();
    let limits = ReadLimits::default();
    let mut reads = Vec::new();
    for path in &args.files {
        reads.push(read_workbook_mapped(path, &specs, &limits, &map)?);
    }
    let mut sheets = Vec::new();
    for r in &reads {
        for s in &r.sheets {
            let (about, columns) = match &s.outcome {
                SheetOutcome::Table(t) => (
                    format!("读作“{}”，表头在第{}行", t.table, t.header_row),
                    t.mapping.as_slice(),
                ),
                SheetOutcome::Unmatched { reason } => (format!("未识别：{reason}"), &[][..]),
                SheetOutcome::Empty => ("空工作表".to_string(), &[][..]),
            };
            sheets.push(MapSheet {
                file: &r.file,
                sheet: &s.sheet,
                about,
                columns,
            });
        }
    }
    let text = column_map::render(&sheets);
    match &args.out {
        Some(out) => {
            let overwrite = if args.force {
                Overwrite::Allow
            } else {
                Overwrite::Refuse
            };
            write_atomic_with(out, overwrite, |f| f.write_all(text.as_bytes()))?;
            super::say!("已写入 {}", out.display());
        }
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
    Ok(0)
}
