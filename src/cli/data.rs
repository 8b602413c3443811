//! `jicai data add|check|list`: reference data (holiday calendar,
//! 集中采购目录及限额标准) updated without a new release.

use crate::error::JicaiError;
use crate::output::Overwrite;
use crate::refdata::store::{self, ListEntry};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Data files larger than this are refused before reading.
const MAX_DATA_FILE: u64 = 4 * 1024 * 1024;

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// 校验数据文件并放入数据目录（节假日安排 YYYY.json，或集中采购目录及限额标准 .yaml）
    Add {
        /// 数据文件
        file: PathBuf,
        /// 数据目录中已有同名文件时替换它
        #[arg(long)]
        force: bool,
    },
    /// 只校验数据文件，不放入数据目录
    Check {
        /// 数据文件
        file: PathBuf,
    },
    /// 列出已加载的数据、来源，以及某日施行的版本
    List {
        /// 显示这一天施行的版本（默认今天）
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// 输出格式
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    /// 终端可读的列表
    Text,
    /// 机器可读的 JSON
    Json,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::value::parse_date(s).map_err(|e| format!("{e}（应为日期，如 2027-01-01）"))
}

pub fn run(rules: Option<&Path>, cmd: DataCommand) -> Result<u8, JicaiError> {
    let mut out = anstream::stdout();
    match cmd {
        DataCommand::Add { file, force } => {
            let dir = store::data_dir().ok_or_else(|| {
                JicaiError::Usage(
                    "没有数据目录：请用 --data-dir 指定，或设置 JICAI_DATA_DIR".into(),
                )
            })?;
            let text = read(&file)?;
            let overwrite = if force {
                Overwrite::Allow
            } else {
                Overwrite::Refuse
            };
            let s = store::add(dir, rules, &file.display().to_string(), &text, overwrite)?;
            writeln!(
                out,
                "已添加{}：{}\n  → {}",
                s.kind,
                s.describe,
                dir.join(&s.target).display()
            )
            .ok();
            Ok(0)
        }
        DataCommand::Check { file } => {
            let text = read(&file)?;
            let s = store::validate(&file.display().to_string(), &text)?;
            writeln!(out, "{} 有效：{}，{}", file.display(), s.kind, s.describe).ok();
            Ok(0)
        }
        DataCommand::List { on, format } => {
            let date = on.unwrap_or_else(|| chrono::Local::now().date_naive());
            let data = store::load(rules, store::data_dir())?;
            let entries = store::list(&data, date);
            let text = match format {
                ListFormat::Json => serde_json::to_string_pretty(&serde_json::json!({
                    "on": date,
                    "data_dir": store::data_dir(),
                    "entries": entries,
                    "replaced": data.replaced.iter().map(|(a, b)| format!("{a} 被 {b} 替换")).collect::<Vec<_>>(),
                }))
                .unwrap_or_default(),
                ListFormat::Text => list_text(&entries, &data.replaced, date),
            };
            writeln!(out, "{text}").ok();
            Ok(0)
        }
    }
}

fn read(file: &Path) -> Result<String, JicaiError> {
    let fail =
        |detail: &str| JicaiError::Usage(format!("数据文件 {} 无法读取：{detail}", file.display()));
    let meta = std::fs::metadata(file).map_err(|_| fail("文件不存在或没有读取权限"))?;
    if meta.is_dir() {
        return Err(fail("这是一个目录"));
    }
    if meta.len() > MAX_DATA_FILE {
        return Err(fail("文件超过 4 MiB，不像数据文件"));
    }
    let bytes = std::fs::read(file).map_err(|_| fail("读取失败"))?;
    String::from_utf8(bytes).map_err(|_| fail("不是 UTF-8 编码的文本文件"))
}

fn list_text(entries: &[ListEntry], replaced: &[(String, String)], date: NaiveDate) -> String {
    let mut lines = vec![format!(
        "数据目录：{}",
        store::data_dir().map_or("（未设置）".into(), |d| d.display().to_string())
    )];
    let mut kind = "";
    for e in entries {
        if e.kind != kind {
            kind = &e.kind;
            lines.push(String::new());
            lines.push(format!("{kind}："));
        }
        let mark = if e.in_force { "●" } else { "○" };
        let period = if e.period.is_empty() {
            String::new()
        } else {
            format!("  {}", e.period)
        };
        lines.push(format!(
            "  {mark} {}  {}{period}\n      来源：{}",
            e.name, e.version, e.source
        ));
    }
    for (old, new) in replaced {
        lines.push(format!("  {old} 已被 {new} 替换"));
    }
    lines.push(String::new());
    lines.push(format!(
        "● 表示 {date} 施行（节假日安排：已公布）；○ 表示未施行、已被新版本取代或尚未公布。"
    ));
    lines.join("\n")
}
