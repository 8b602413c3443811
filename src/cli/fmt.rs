//! `jicai fmt [--check] FILE…`: rewrites rule files in the canonical layout.

use crate::dsl::{LoadErrors, Sources};
use crate::error::JicaiError;
use crate::output::{Overwrite, write_atomic};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// 只检查，不改写：有文件需要格式化时退出码为 1
    #[arg(long)]
    pub check: bool,
    /// 要格式化的 .rules 文件
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: FmtArgs) -> Result<u8, JicaiError> {
    // Read and parse every file first: nothing is rewritten when one of them
    // does not parse (its layout cannot be trusted to mean what it says).
    let mut sources = Sources::default();
    for f in &args.files {
        let text = std::fs::read_to_string(f).map_err(|e| {
            JicaiError::Usage(format!(
                "规则文件 {} 无法读取：{}",
                f.display(),
                crate::dsl::source::io_detail(&e)
            ))
        })?;
        sources.add(f.display().to_string(), text);
    }
    let errors: Vec<_> = (0..sources.files.len())
        .filter_map(|i| crate::dsl::parse_only(&sources, i).err())
        .flatten()
        .collect();
    if !errors.is_empty() {
        return Err(LoadErrors(errors).into());
    }
    let mut changed = 0;
    for (path, file) in args.files.iter().zip(&sources.files) {
        let formatted = crate::dsl::format::format(&file.text);
        if formatted == *file.text {
            continue;
        }
        changed += 1;
        if args.check {
            super::say!("需要格式化：{}", path.display());
        } else {
            write_atomic(path, formatted.as_bytes(), Overwrite::Allow)?;
            super::say!("已格式化：{}", path.display());
        }
    }
    if args.check && changed > 0 {
        super::say!("{changed} 个文件需要格式化（运行 jicai fmt 改写）");
        return Ok(super::EXIT_FINDINGS);
    }
    Ok(0)
}
