//! The command line: argument definitions (clap) and one module per command.
//! Each command returns an exit code; errors are rendered with miette.

mod check;
mod columns;
mod generate;
mod merge;
mod rules;
mod serve;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// 集采（jicai）：政府采购政策规则检查与文书生成。
#[derive(Debug, Parser)]
#[command(name = "jicai", version, about, long_about = None, arg_required_else_help = true)]
pub struct Cli {
    /// 使用此目录中的 .rules 文件，代替内置规则
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,

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
    /// 启动网页与 HTTP 接口服务（检查、生成、规则）
    Serve(serve::ServeArgs),
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
        Err(e) => {
            let code = if e.use_stderr() { EXIT_FAILURE } else { 0 };
            e.print().ok();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(cli.rules.as_deref(), args),
        Command::Rules(cmd) => rules::run(cli.rules.as_deref(), cmd),
        Command::Merge(args) => merge::run(cli.rules.as_deref(), args),
        Command::Generate(args) => {
            generate::run_generate(cli.rules.as_deref(), cli.templates.as_deref(), args)
        }
        Command::Templates(cmd) => generate::run_templates(cli.templates.as_deref(), cmd),
        Command::Serve(args) => serve::run(cli.rules.as_deref(), cli.templates.as_deref(), args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(e);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Damaged workbooks can make calamine panic; the reader catches that and
/// reports the file as damaged, so the panic text would only be noise.
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
    let report = miette::Report::new(e);
    say!("{report:?}");
}
