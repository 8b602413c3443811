//! `jicai check`.

use crate::check::{CheckRequest, check};
use crate::error::JicaiError;
use crate::library::RuleLibrary;
use crate::report;
use crate::table::ReadLimits;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// 终端可读的文字
    Text,
    /// 机器可读的 JSON（字段见 README）
    Json,
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
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    crate::value::parse_date(s).map_err(|e| format!("{e}（应为日期，如 2025-08-01）"))
}

pub fn run(rules: Option<&Path>, args: CheckArgs) -> Result<u8, JicaiError> {
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
    let report = check(&lib, set, &req, &|_| {})?;
    let text = match args.format {
        Format::Json => report::json::render(&report),
        Format::Text => report::text::render(&report),
    };
    let mut out = anstream::stdout();
    writeln!(out, "{text}").ok();
    Ok(if report.has_errors() {
        super::EXIT_FINDINGS
    } else {
        0
    })
}
