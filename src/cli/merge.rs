//! `jicai merge`.

use crate::error::JicaiError;
use crate::library::{RuleDir, RuleLibrary};
use crate::merge::{MergeRequest, merge, write};
use crate::output::{Overwrite, ensure_writable};
use crate::progress::Progress;
use crate::report;
use crate::table::ReadLimits;
use crate::value::AmountUnit;
use chrono::NaiveDate;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// 各参与单位的分计划/需求表（每个单位一个或多个文件）
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 适用的规则集
    #[arg(long, short = 'p', value_name = "P")]
    pub province: String,
    /// 输出的总计划 .xlsx
    #[arg(long, short = 'o', value_name = "总计划.xlsx")]
    pub out: PathBuf,
    /// 检查日期（默认今天），决定哪些规则已施行
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// 有错误时不生成总计划（默认仍生成，但退出码为 1）
    #[arg(long)]
    pub strict: bool,
    /// 允许覆盖已存在的输出文件
    #[arg(long)]
    pub force: bool,
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    crate::value::parse_date(s).map_err(|e| format!("{e}（应为日期，如 2025-08-01）"))
}

pub fn run(rules: RuleDir<'_>, args: MergeArgs) -> Result<u8, JicaiError> {
    let overwrite = if args.force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    ensure_writable(&args.out, overwrite)?;
    let lib = RuleLibrary::open(rules)?;
    let set = lib.ruleset(&args.province)?;
    let req = MergeRequest {
        files: args.files,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        limits: ReadLimits::default(),
    };
    let progress = Progress::new(req.files.len(), "合并");
    let merged = merge(&lib, set, &req, &|file| progress.start(file))?;
    let refuse = args.strict && merged.has_errors();
    if !refuse {
        progress.message("写入总计划…");
        write(&merged, &args.out, overwrite)?;
    }
    drop(progress);
    let mut stdout = anstream::stdout();
    writeln!(stdout, "{}", report::text::render(&merged.check)).ok();
    writeln!(
        stdout,
        "总计划：{} 个采购包/品目行，{} 家参与单位，{} 行需求，预算金额合计 {} 万元",
        merged.summary.len(),
        merged.units,
        merged.lines.len(),
        merged.total_budget.in_unit(AmountUnit::万元).normalize()
    )
    .ok();
    if refuse {
        super::say!(
            "有 {} 个错误，按 --strict 未生成 {}",
            merged.check.summary.error,
            args.out.display()
        );
    } else {
        super::say!("已写入 {}", args.out.display());
    }
    Ok(if merged.has_errors() {
        super::EXIT_FINDINGS
    } else {
        0
    })
}
