//! `jicai serve`: the library behind a web page and an HTTP API.
//!
//! ```text
//! request ─► router (request id, logs, CSP, body limit) ─► page / API handler
//!              upload ─stream─► DATA/results/<id>/uploads ─► worker pool ─► check ─► reports
//! ```
//!
//! One module per job: `app` (router and middleware), `pool` (worker
//! threads), `store` (result folders, ids, expiry), `upload` (multipart to
//! disk), `checking` (one check and its reports), `api` (JSON endpoints),
//! `pages` (HTML), `assets` (embedded CSS, script, OpenAPI document).

pub mod api;
pub mod app;
pub mod assets;
pub mod checking;
pub mod error;
pub mod generating;
pub mod pages;
pub mod pool;
pub mod store;
pub mod upload;

use crate::docgen::Templates;
use crate::error::JicaiError;
use crate::library::RuleLibrary;
use crate::table::ReadLimits;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Everything the service is started with.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// The rule set preselected on the check page.
    pub default_province: String,
    /// Days a result stays reachable before it is deleted.
    pub keep_days: u32,
    pub workers: usize,
    /// Checks that may wait for a worker; beyond that: 503.
    pub queue: usize,
    /// Upload limits; `max_file_bytes` is also the request body limit.
    pub limits: ReadLimits,
    /// Time limit for one request (upload and check).
    pub timeout: Duration,
}

impl ServeConfig {
    pub fn new(data_dir: PathBuf) -> ServeConfig {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        ServeConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir,
            default_province: "全国".into(),
            keep_days: 7,
            workers: cores,
            queue: cores * 8,
            limits: ReadLimits::default(),
            timeout: Duration::from_secs(300),
        }
    }
}

/// Shared by every handler.
pub struct AppState {
    pub config: ServeConfig,
    pub lib: RuleLibrary,
    pub templates: Templates,
    pub pool: pool::WorkerPool,
    pub store: store::Store,
}

pub type State = Arc<AppState>;

impl AppState {
    pub fn new(
        config: ServeConfig,
        lib: RuleLibrary,
        templates: Templates,
    ) -> Result<AppState, JicaiError> {
        let store = store::Store::open(&config.data_dir, config.keep_days).map_err(|e| {
            JicaiError::Usage(format!(
                "无法使用数据目录 {}（{e}）",
                config.data_dir.display()
            ))
        })?;
        lib.ruleset(&config.default_province)?;
        Ok(AppState {
            pool: pool::WorkerPool::new(config.workers, config.queue),
            store,
            config,
            lib,
            templates,
        })
    }

    pub fn today(&self) -> chrono::NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// Serves on `listener` until `shutdown` resolves, then lets running
/// requests (and their checks) finish. Expired results are swept hourly.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: State,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(3600));
            loop {
                tick.tick().await;
                let s = state.clone();
                let n = tokio::task::spawn_blocking(move || s.store.sweep())
                    .await
                    .unwrap_or(0);
                if n > 0 {
                    tracing::info!(deleted = n, "已删除过期的检查结果");
                }
            }
        })
    };
    let router = app::router(state.clone());
    let result = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sweeper.abort();
    let s = state.clone();
    let _ = tokio::task::spawn_blocking(move || s.pool.shutdown()).await;
    result
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("收到停止信号：不再接受新请求，等待进行中的检查完成");
}
