//! Load benchmark of `jicai serve`, on loopback only: N concurrent checks
//! of a 5,000-row workbook through `POST /api/check`, with hostile uploads
//! (zip bomb, a sheet claiming 1,048,576 rows, a non-workbook) mixed in.
//! Every ordinary upload must be checked (200); every hostile one must be
//! refused with its Chinese message (422); anything else fails the run.
//!
//!     cargo run --release --example bench_serve -- [CONCURRENT=200] [ROWS=5000]
//!
//! Bounded: at most 1,000 requests, and the whole run is abandoned after
//! 10 minutes. The server runs in this process with `workers` = CPU cores
//! and a queue large enough for every request, so none is turned away
//! with 503; peak memory is this process's (server and client together).

#[path = "support/demand.rs"]
mod demand;

use jicai::docgen::Templates;
use jicai::library::RuleLibrary;
use jicai::serve::{AppState, ServeConfig, serve};
use reqwest::multipart::{Form, Part};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const MAX_REQUESTS: usize = 1_000;
const RUN_LIMIT: Duration = Duration::from_secs(600);
/// Every HOSTILE_EVERY-th request is hostile.
const HOSTILE_EVERY: usize = 10;

#[derive(Clone)]
struct Upload {
    name: String,
    bytes: Arc<Vec<u8>>,
    hostile: bool,
}

struct Outcome {
    hostile: bool,
    name: String,
    status: u16,
    message: String,
    latency: Duration,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// This process's peak resident memory (Linux `VmHWM`), in MB.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn read(path: &Path) -> Arc<Vec<u8>> {
    Arc::new(std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let concurrent = args.first().copied().unwrap_or(200).clamp(1, MAX_REQUESTS);
    let rows = args.get(1).copied().unwrap_or(5_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bench = root.join("target/bench");
    std::fs::create_dir_all(&bench).expect("target/bench");
    let workbook = bench.join(format!("demand-v2-{rows}.xlsx"));
    if !workbook.exists() {
        demand::generate(&workbook, rows as u32).expect("write the workbook");
    }
    let ordinary = Upload {
        name: format!("需求汇总表-{rows}行.xlsx"),
        bytes: read(&workbook),
        hostile: false,
    };
    let hostile = [
        (
            "zip_bomb.xlsx",
            read(&root.join("tests/fixtures/zip_bomb.xlsx")),
        ),
        (
            "huge_dimension.xls",
            read(&root.join("tests/fixtures/huge_dimension.xls")),
        ),
        ("不是表格.xlsx", Arc::new(b"%PDF-1.7\n".repeat(100))),
    ]
    .map(|(name, bytes)| Upload {
        name: name.to_string(),
        bytes,
        hostile: true,
    });

    let data = tempfile::tempdir().expect("data dir");
    let mut config = ServeConfig::new(data.path().to_path_buf());
    config.queue = concurrent + 8;
    config.timeout = RUN_LIMIT;
    let workers = config.workers;
    let state = Arc::new(
        AppState::new(
            config,
            RuleLibrary::open(None).expect("rules"),
            Templates::open(None).expect("templates"),
        )
        .expect("state"),
    );
    // Loopback only.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, state, async move {
        let _ = stopped.await;
    }));

    let client = reqwest::Client::builder()
        .timeout(RUN_LIMIT)
        .pool_max_idle_per_host(concurrent)
        .build()
        .expect("client");
    println!(
        "{concurrent} 个并发检查，每个 {rows} 行（{} KB），每 {HOSTILE_EVERY} 个中 1 个为恶意上传；{workers} 个工作线程",
        ordinary.bytes.len() / 1024
    );
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrent)
        .map(|i| {
            let upload = if i % HOSTILE_EVERY == HOSTILE_EVERY - 1 {
                hostile[(i / HOSTILE_EVERY) % hostile.len()].clone()
            } else {
                ordinary.clone()
            };
            let (client, url) = (client.clone(), format!("{base}/api/check"));
            tokio::spawn(async move {
                let part = Part::bytes(upload.bytes.to_vec()).file_name(upload.name.clone());
                let form = Form::new()
                    .percent_encode_noop()
                    .part("files", part)
                    .text("province", "浙江")
                    .text("as_of", "2025-09-01");
                let t = Instant::now();
                let (status, message) = match client.post(url).multipart(form).send().await {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        let v: serde_json::Value = r.json().await.unwrap_or_default();
                        let message = match v["error"].as_str() {
                            Some(e) => e.to_string(),
                            None => {
                                format!("{} 个问题", v["findings"].as_array().map_or(0, Vec::len))
                            }
                        };
                        (status, message)
                    }
                    Err(e) => (0, format!("请求失败：{e}")),
                };
                Outcome {
                    hostile: upload.hostile,
                    name: upload.name,
                    status,
                    message,
                    latency: t.elapsed(),
                }
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    let all = async {
        for t in tasks {
            outcomes.push(t.await.expect("request task"));
        }
    };
    if tokio::time::timeout(RUN_LIMIT, all).await.is_err() {
        eprintln!("超过 {} 秒，放弃", RUN_LIMIT.as_secs());
        std::process::exit(1);
    }
    let wall = started.elapsed();
    let _ = stop.send(());
    let _ = server.await;

    let mut failed = 0;
    let mut latencies: Vec<Duration> = Vec::new();
    let mut hostile_seen = std::collections::BTreeMap::new();
    for o in &outcomes {
        if o.hostile {
            let chinese = o
                .message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if o.status == 422 && chinese && o.message.contains(&o.name) {
                hostile_seen
                    .entry(o.name.clone())
                    .or_insert_with(|| o.message.clone());
            } else {
                failed += 1;
                eprintln!(
                    "恶意上传 {} 未按预期拒绝：{} {}",
                    o.name, o.status, o.message
                );
            }
        } else if o.status == 200 {
            latencies.push(o.latency);
        } else {
            failed += 1;
            eprintln!("检查失败：{} {}", o.status, o.message);
        }
    }
    latencies.sort();
    let ok = latencies.len();
    println!("\n| 指标 | 数值 |\n|---|---:|");
    println!("| 正常检查（200） | {ok} |");
    println!(
        "| 恶意上传（422，中文说明） | {} |",
        outcomes.len() - ok - failed
    );
    println!("| 失败 | {failed} |");
    println!("| 总耗时 | {:.1} s |", wall.as_secs_f64());
    println!(
        "| 吞吐量 | {:.2} 次检查/秒 |",
        ok as f64 / wall.as_secs_f64()
    );
    println!(
        "| 延迟 p50 | {:.2} s |",
        percentile(&latencies, 0.50).as_secs_f64()
    );
    println!(
        "| 延迟 p95 | {:.2} s |",
        percentile(&latencies, 0.95).as_secs_f64()
    );
    println!(
        "| 延迟最大 | {:.2} s |",
        latencies.last().copied().unwrap_or_default().as_secs_f64()
    );
    if let Some(mb) = peak_memory_mb() {
        println!("| 峰值内存（服务端与客户端同一进程） | {mb:.0} MB |");
    }
    println!("\n恶意上传的答复：");
    for (name, msg) in &hostile_seen {
        println!("- {name}：{msg}");
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
