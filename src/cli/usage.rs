//! clap's usage errors, said in Chinese: clap words them in English, so the
//! message is rebuilt here from the error's kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The Chinese message for a usage error (exit 2), with the usage line.
pub(crate) fn message(e: &clap::Error) -> String {
    let get = |k: ContextKind| e.get(k).map(value_text);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut s = if value.is_empty() {
                format!("参数 {arg} 需要一个值")
            } else {
                format!("参数 {arg} 的值“{value}”无效")
            };
            if let Some(valid) = get(ContextKind::ValidValue) {
                s.push_str(&format!("；可用的值：{valid}"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!("：{s}"))
                .unwrap_or_default();
            format!("参数 {arg} 的值“{value}”无效{why}")
        }
        ErrorKind::UnknownArgument => format!("无法识别的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有“{name}”这个命令")
        }
        ErrorKind::NoEquals => format!("参数 {arg} 的值须用等号给出，如 {arg}=值"),
        ErrorKind::TooManyValues => format!("参数 {arg} 给出的值过多（多余的值“{value}”）"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = get(ContextKind::ExpectedNumValues)
                .or_else(|| get(ContextKind::MinValues))
                .unwrap_or_default();
            let actual = get(ContextKind::ActualNumValues).unwrap_or_default();
            format!("参数 {arg} 需要 {expected} 个值，实际给出 {actual} 个")
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            format!("参数 {arg} 不能与 {prior} 同时使用")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => {
            let valid = get(ContextKind::ValidSubcommand).unwrap_or_default();
            format!("缺少命令；可用的命令：{valid}")
        }
        _ => "命令行参数有误".to_string(),
    };
    for (kind, what) in [
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedSubcommand, "命令"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        if let Some(s) = get(kind) {
            text.push_str(&format!("；是否想用{what}“{s}”？"));
        }
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        let usage = usage.replace("OPTIONS", "选项").replace("COMMAND", "命令");
        text.push_str(&format!("\n\n用法：{usage}"));
    }
    text.push_str("\n\n运行 jicai --help 查看说明。");
    text
}

fn value_text(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join("、"),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        ContextValue::None => String::new(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use clap::Parser;

    fn error(args: &[&str]) -> String {
        super::message(&Cli::try_parse_from(args).expect_err("a usage error"))
    }

    #[test]
    fn usage_errors_are_chinese() {
        for (args, expect) in [
            (&["jicai", "chek"][..], "没有“chek”这个命令"),
            (&["jicai", "check", "a.xlsx"], "缺少必需的参数"),
            (
                &["jicai", "check", "a.xlsx", "-p", "全国", "--bogus"],
                "无法识别的参数“--bogus”",
            ),
            (
                &["jicai", "check", "a.xlsx", "-p", "全国", "--format", "pdf"],
                "“pdf”无效",
            ),
            (
                &["jicai", "check", "a.xlsx", "-p", "全国", "--as-of", "昨天"],
                "应为日期",
            ),
        ] {
            let m = error(args);
            assert!(m.contains(expect), "{args:?}: {m}");
            assert!(m.contains("jicai --help"), "{m}");
            for english in [
                "error:",
                "Usage:",
                "For more",
                "[OPTIONS]",
                "<COMMAND>",
                "tip:",
            ] {
                assert!(!m.contains(english), "{english} in {m}");
            }
        }
    }
}
