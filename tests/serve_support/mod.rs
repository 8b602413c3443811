//! Starts `jicai serve` in-process on a free loopback port, with its data
//! in a temporary folder; shut down when dropped.

#![allow(dead_code)]

use jicai::docgen::Templates;
use jicai::library::RuleLibrary;
use jicai::serve::{AppState, ServeConfig, serve};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct TestServer {
    pub base: String,
    pub state: Arc<AppState>,
    pub data: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    pub task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    pub async fn start(tweak: impl FnOnce(&mut ServeConfig)) -> TestServer {
        let data = tempfile::tempdir().unwrap();
        let mut config = ServeConfig::new(data.path().to_path_buf());
        config.default_province = "浙江".into();
        config.workers = 2;
        config.queue = 8;
        tweak(&mut config);
        let lib = RuleLibrary::open(None).unwrap();
        let templates = Templates::open(None).unwrap();
        let state = Arc::new(AppState::new(config, lib, templates).unwrap());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        TestServer {
            base,
            state,
            data,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops taking connections; running requests finish.
    pub fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Result folders currently kept.
    pub fn results(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.data.path().join("results"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub fn file_part(path: &str) -> reqwest::multipart::Part {
    let p = repo(path);
    let name = p.file_name().unwrap().to_string_lossy().into_owned();
    reqwest::multipart::Part::bytes(std::fs::read(&p).unwrap()).file_name(name)
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}
