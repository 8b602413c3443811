//! `jicai generate` and `jicai templates`.

use crate::error::JicaiError;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// 模板名称（见 jicai templates list）
    pub template: String,
    /// 数据文件（YAML）
    #[arg(long, value_name = "FILE.yaml")]
    pub data: PathBuf,
    /// 输出文件
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// 列出所有模板
    List,
}

pub fn run_generate(
    _rules: Option<&Path>,
    _templates: Option<&Path>,
    _args: GenerateArgs,
) -> Result<u8, JicaiError> {
    Err(JicaiError::Usage("generate 尚未实现".into()))
}

pub fn run_templates(_templates: Option<&Path>, _cmd: TemplatesCommand) -> Result<u8, JicaiError> {
    Err(JicaiError::Usage("templates 尚未实现".into()))
}
