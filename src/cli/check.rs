//! `jicai check`.

use crate::check::{CheckRequest, check_mapped};
use crate::error::JicaiError;
use crate::library::{RuleDir, RuleLibrary};
use crate::output::{Overwrite, ensure_writable};
use crate::progress::Progress;
use crate::report;
use crate::table::ColumnMap;
use crate::table::ReadLimits;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// 终端可读的文字
    Text,
    /// 机器可读的 JSON（字段见 README）
    Json,
    /// 标注后的工作簿：首页“检查结果”列出全部问题，各表问题单元格按程度着色并加批注（须给出 --out）
    Xlsx,
    /// 单个 HTML 文件：汇总、按工作表分组的问题、依据原文和问题所在行，可直接打印
    Html,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 要检查的表格文件，可多个（各文件、各工作表合并检查）
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 适用的规则集：全国、北京、浙江、吉林、山东、聊城、重庆江北（或 national、zhejiang 等）
    #[arg(long, short = 'p', value_name = "P")]
    pub province: String,
    /// 检查日期（默认今天），决定哪些规则已施行
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// 项目信息 YAML 文件（汇总预算、组织形式等）
    #[arg(long, value_name = "project.yaml")]
    pub data: Option<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// 把结果写入此文件（而不是标准输出）；--format xlsx 时必须给出
    #[arg(long, short = 'o', value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// 允许覆盖已存在的输出文件
    #[arg(long)]
    pub force: bool,
    /// 列映射 YAML（表头 → 字段，按工作表；可由 jicai map 生成后修改）
    #[arg(long, value_name = "FILE.yaml")]
    pub map: Option<PathBuf>,
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    crate::value::parse_date(s).map_err(|e| format!("{e}（应为日期，如 2025-08-01）"))
}

pub fn run(rules: RuleDir<'_>, args: CheckArgs) -> Result<u8, JicaiError> {
    let overwrite = if args.force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    // Refuse before the (possibly long) check, not after it.
    match (&args.out, args.format) {
        (Some(out), _) => ensure_writable(out, overwrite)?,
        (None, Format::Xlsx) => {
            return Err(JicaiError::Usage(
                "--format xlsx 需要用 --out 指定输出文件，如 --out 检查结果.xlsx".into(),
            ));
        }
        (None, _) => {}
    }
    let lib = RuleLibrary::open(rules)?;
    let set = lib.ruleset(&args.province)?;
    let req = CheckRequest {
        files: args.files,
        facts: args.data,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        limits: ReadLimits::default(),
    };
    let map = match &args.map {
        Some(path) => ColumnMap::load(path, &lib.book.vocabulary)?,
        None => ColumnMap::default(),
    };
    let progress = Progress::new(req.files.len(), "检查");
    let report = check_mapped(&lib, set, &req, &map, &|file| progress.start(file))?;
    progress.message("生成报告…");
    let text = match args.format {
        Format::Json => report::json::render(&report),
        Format::Text => report::text::render(&report),
        Format::Html => report::html::render(&report, &req.limits)?,
        Format::Xlsx => String::new(),
    };
    match (&args.out, args.format) {
        (Some(out), Format::Xlsx) => report::xlsx::write(&report, out, overwrite, &req.limits)?,
        (Some(out), Format::Text) => {
            // Colour codes do not belong in a file.
            let plain = anstream::adapter::strip_str(&text).to_string();
            crate::output::write_atomic_with(out, overwrite, |f| writeln!(f, "{plain}"))?
        }
        (Some(out), _) => {
            crate::output::write_atomic_with(out, overwrite, |f| writeln!(f, "{text}"))?
        }
        (None, _) => {}
    }
    // The bar leaves the terminal before anything else is printed.
    drop(progress);
    match &args.out {
        Some(out) => {
            let s = &report.summary;
            super::say!(
                "已写入 {}：{} 个错误，{} 个警告，{} 个提示",
                out.display(),
                s.error,
                s.warning,
                s.info
            );
        }
        None => {
            let mut stdout = anstream::stdout();
            writeln!(stdout, "{text}").ok();
        }
    }
    Ok(if report.has_errors() {
        super::EXIT_FINDINGS
    } else {
        0
    })
}
