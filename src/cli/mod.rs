//! The command line: argument definitions (clap) and one module per command.
//! Each command returns an exit code; errors are rendered with miette.

mod check;
mod columns;
mod data;
mod fmt;
mod generate;
mod map;
mod merge;
mod rules;
mod serve;
mod usage;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// 集采（jicai）：政府采购政策规则检查与文书生成。
#[derive(Debug, Parser)]
#[command(name = "jicai", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    /// 在内置规则之上加用此目录中的 .rules 文件（同名规则集替换内置的）
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// 只用此目录中的 .rules 文件，不用内置规则
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "rules")]
    pub rules_only: Option<PathBuf>,

    /// 参考数据目录（节假日安排、集中采购目录及限额标准；默认 $JICAI_DATA_DIR 或 ~/.local/share/jicai）
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// 使用此目录中的模板，代替内置模板
    #[arg(long, global = true, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 按某地规则检查上传的表格（.xlsx/.xls/.ods/.csv）
    Check(check::CheckArgs),
    /// 查看、测试规则集
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// 合并各参与单位的分计划，生成总计划 .xlsx
    Merge(merge::MergeArgs),
    /// 由模板和数据生成通知、表格（.docx/.md/.html/.xlsx）
    Generate(generate::GenerateArgs),
    /// 查看内置模板
    #[command(subcommand)]
    Templates(generate::TemplatesCommand),
    /// 把规则文件整理为统一的版式（缩进、空格、空行；注释保留）
    Fmt(fmt::FmtArgs),
    /// 规则文件的语言服务器（经标准输入输出通信，供编辑器使用）
    Lsp,
    /// 参考数据：添加、校验、列出节假日安排和集中采购目录及限额标准
    #[command(subcommand)]
    Data(data::DataCommand),
    /// 启动网页与 HTTP 接口服务（检查、生成、规则）
    Serve(serve::ServeArgs),
    /// 打印各工作表的列映射（表头 → 字段），可修改后用 check --map 使用
    Map(map::MapArgs),
}

/// Prints a line to stderr, ignoring a closed pipe (`jicai … 2>&1 | head`
/// must not crash).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use say;

/// Exit codes: 0 no errors, 1 errors found, 2 could not check.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

pub fn main() -> ExitCode {
    quiet_caught_panics();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => {
            e.print().ok();
            return ExitCode::from(0);
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            e.print().ok();
            return ExitCode::from(EXIT_FAILURE);
        }
        Err(e) => {
            say!("错误：{}", usage::message(&e));
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    if let Some(dir) = cli
        .data_dir
        .clone()
        .or_else(crate::refdata::store::default_data_dir)
    {
        crate::refdata::store::set_data_dir(dir);
    }
    let rule_dir = match &cli.rules_only {
        Some(d) => crate::library::RuleDir::Only(d),
        None => cli.rules.as_deref().into(),
    };
    let result = match cli.command {
        Command::Check(args) => check::run(rule_dir, args),
        Command::Rules(cmd) => rules::run(rule_dir, cmd),
        Command::Merge(args) => merge::run(rule_dir, args),
        Command::Generate(args) => generate::run_generate(rule_dir, cli.templates.as_deref(), args),
        Command::Templates(cmd) => generate::run_templates(cli.templates.as_deref(), cmd),
        Command::Data(cmd) => data::run(rule_dir.path(), cmd),
        Command::Fmt(args) => fmt::run(args),
        Command::Lsp => crate::lsp::serve_stdio()
            .map(|()| 0)
            .map_err(|e| crate::error::JicaiError::Usage(e.to_string())),
        Command::Serve(args) => serve::run(rule_dir, cli.templates.as_deref(), args),
        Command::Map(args) => map::run(rule_dir, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(e);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Damaged workbooks can make calamine panic; the reader catches that
/// (around calls into calamine only) and reports the file as damaged, so
/// the panic text would only be noise.
/// Every other panic still prints as usual.
fn quiet_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::table::panic_is_caught() {
            default(info);
        }
    }));
}

/// Renders an error with miette (source snippets for rule errors).
pub fn report_error(e: crate::error::JicaiError) {
    say!("{}", e.render());
}
