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
    #[error(transparent)]
    RefData(#[from] crate::refdata::DataError),
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

impl JicaiError {
    /// The message as the command line prints it: miette's report (source
    /// snippets for rule errors) with its English labels said in Chinese,
    /// and lines never wrapped, so a file path is never broken.
    pub fn render(&self) -> String {
        let handler = miette::GraphicalReportHandler::new()
            .with_wrap_lines(false)
            .with_break_words(false)
            .with_links(false);
        let mut out = String::new();
        if handler.render_report(&mut out, self).is_err() {
            out = self.to_string();
        }
        chinese_labels(&out)
    }
}

/// miette's few fixed English words, in Chinese.
fn chinese_labels(report: &str) -> String {
    const LABELS: [(&str, &str); 4] = [
        ("help: ", "提示："),
        ("Error: ", "错误："),
        ("Warning: ", "警告："),
        ("Advice: ", "建议："),
    ];
    LABELS
        .iter()
        .fold(report.to_string(), |s, (en, zh)| s.replace(en, zh))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_chinese_and_unwrapped() {
        let file = format!(
            "/tmp/{}-一份很长的文件名-with-hyphens.xlsx",
            "a-b".repeat(40)
        );
        let e = JicaiError::NothingRecognised {
            file: file.clone(),
            detail: "工作表“Sheet1”：前 30 个非空行中没有表头".into(),
        };
        let text = e.render();
        assert!(!text.contains("help"), "{text}");
        assert!(text.contains("提示："), "{text}");
        assert!(text.contains(&file), "the path is on one line: {text}");
    }
}
