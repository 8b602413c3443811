//! `jicai serve`: parses the options and starts the service.

use crate::docgen::Templates;
use crate::error::JicaiError;
use crate::library::RuleLibrary;
use crate::serve::{AppState, ServeConfig, serve, shutdown_signal};
use clap::{Args, ValueEnum};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    /// 一行一条的文字
    Text,
    /// 一行一个 JSON 对象（便于日志系统收集）
    Json,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// 监听地址（默认只在本机 127.0.0.1；对内网开放时写 0.0.0.0:8080）
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: SocketAddr,
    /// 数据目录：上传的文件与检查结果保存在这里，到期删除
    #[arg(long, default_value = "jicai-data", value_name = "DIR")]
    pub data_dir: PathBuf,
    /// 检查页默认选中的地区（规则集）
    #[arg(long, default_value = "全国", value_name = "P")]
    pub province: String,
    /// 检查结果保留天数，到期连同上传的文件删除
    #[arg(long, default_value_t = 7, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=365))]
    pub keep_days: u32,
    /// 同时进行检查的工作线程数（默认 CPU 核数）
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub workers: Option<u32>,
    /// 排队等待的检查数上限，超出即答复“系统繁忙”（默认线程数的 8 倍）
    #[arg(long, value_name = "N")]
    pub queue: Option<u32>,
    /// 每次上传的大小上限（MB），也是读取单个文件的上限
    #[arg(long, default_value_t = 200, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_upload_mb: u64,
    /// 每个请求（上传与检查）的时限（秒）
    #[arg(long, default_value_t = 300, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub timeout: u64,
    /// 日志格式
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log: LogFormat,
}

pub fn run(
    rules: Option<&Path>,
    templates: Option<&Path>,
    args: ServeArgs,
) -> Result<u8, JicaiError> {
    init_logging(args.log);
    let mut config = ServeConfig::new(args.data_dir);
    config.addr = args.addr;
    config.default_province = args.province;
    config.keep_days = args.keep_days;
    if let Some(w) = args.workers {
        config.workers = w as usize;
    }
    config.queue = args.queue.map(|q| q as usize).unwrap_or(config.workers * 8);
    config.limits.max_file_bytes = args.max_upload_mb * 1024 * 1024;
    config.timeout = Duration::from_secs(args.timeout);
    let lib = RuleLibrary::open(rules)?;
    let templates = Templates::open(templates)?;
    let addr = config.addr;
    let state = Arc::new(AppState::new(config, lib, templates)?);
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| JicaiError::Usage(format!("无法启动服务（{e}）")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| JicaiError::Usage(format!("无法监听 {addr}（{e}）")))?;
        super::say!("jicai serve 已启动：http://{addr}/ （Ctrl-C 停止）");
        tracing::info!(%addr, "服务已启动");
        serve(listener, state, shutdown_signal())
            .await
            .map_err(|e| JicaiError::Usage(format!("服务异常退出（{e}）")))
    })?;
    super::say!("jicai serve 已停止");
    Ok(0)
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("JICAI_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
