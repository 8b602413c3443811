//! `jicai merge`.

use crate::error::JicaiError;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// 各参与单位的分计划/需求表
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 适用的规则集
    #[arg(long, short = 'p', value_name = "P")]
    pub province: String,
    /// 输出的总计划 .xlsx
    #[arg(long, value_name = "总计划.xlsx")]
    pub out: PathBuf,
}

pub fn run(_rules: Option<&Path>, _args: MergeArgs) -> Result<u8, JicaiError> {
    Err(JicaiError::Usage("merge 尚未实现".into()))
}
