//! The library's top-level error: anything that stops a command (exit code 2).

use crate::calendar::CalendarError;
use crate::dsl::LoadErrors;
use crate::dsl::source::SourceError;
use crate::table::ReadError;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum JicaiError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] LoadErrors),
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    #[error(transparent)]
    ColumnMap(#[from] crate::table::column_map::MapError),
    #[error("未知的规则集“{name}”")]
    #[diagnostic(help("{help}"))]
    UnknownRuleset { name: String, help: String },
    #[error("项目信息文件 {file} 有误：{detail}")]
    Facts { file: String, detail: String },
    #[error("{file}：没有读到任何可识别的表格")]
    #[diagnostic(help("{detail}"))]
    NothingRecognised { file: String, detail: String },
    #[error("无法写入 {path}：{detail}")]
    Write { path: String, detail: String },
    #[error("{0}")]
    Usage(String),
    #[error("{file}：{detail}")]
    Merge { file: String, detail: String },
    #[error("模板“{template}”有误：{detail}")]
    Template { template: String, detail: String },
    #[error("数据文件 {file} 有 {} 处问题，未生成文件：\n{}", .problems.len(), numbered(.problems))]
    Data { file: String, problems: Vec<String> },
}

/// "  1. …\n  2. …" for lists of problems.
fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, p)| format!("  {}. {p}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}
