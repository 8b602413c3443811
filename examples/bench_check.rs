//! Benchmark: `jicai check` of a large 需求表 against merely reading the same
//! workbook with calamine (`worksheet_range`), measured in the same run on
//! the same machine so the ratio is meaningful on a noisy box.
//!
//!     cargo run --release --example bench_check -- 100000 1000000
//!
//! Workbooks are generated once into target/bench/ (rust_xlsxwriter,
//! constant-memory mode) and reused by later runs.

use calamine::{Reader, Xlsx, open_workbook};
use jicai::check::{CheckRequest, check};
use jicai::library::RuleLibrary;
use jicai::table::ReadLimits;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "support/demand.rs"]
mod demand;
use demand::generate;

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let sizes: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000]
    } else {
        sizes
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("create target/bench");
    let lib = RuleLibrary::open(None).expect("embedded rules load");
    let set = lib.ruleset("浙江").expect("浙江 rule set");
    println!(
        "| 行数 | calamine worksheet_range（基线） | jicai 读取 | jicai check（读取+规则） | check/基线 | 发现 |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for rows in sizes {
        let path = dir.join(format!("demand-v2-{rows}.xlsx"));
        if !path.exists() {
            generate(&path, rows).expect("write workbook");
        }
        let runs = if rows > 200_000 { 2 } else { 3 };
        let bare = best_of(runs, || {
            let mut wb: Xlsx<_> = open_workbook(&path).expect("open");
            let range = wb.worksheet_range("需求汇总表").expect("range");
            std::hint::black_box(range.height());
        });
        let specs = lib.book.workbook_tables();
        let read_only = best_of(runs, || {
            let read =
                jicai::table::read_workbook(&path, &specs, &ReadLimits::default()).expect("read");
            std::hint::black_box(read.sheets.len());
        });
        let req = CheckRequest {
            files: vec![path.clone()],
            facts: None,
            as_of: chrono::NaiveDate::from_ymd_opt(2025, 9, 1).expect("date"),
            limits: ReadLimits::default(),
        };
        let mut findings = 0;
        let checked = best_of(runs, || {
            let report = check(&lib, set, &req, &|_| {}).expect("check");
            findings = report.findings.len();
        });
        println!(
            "| {rows} | {:.2} s | {:.2} s | {:.2} s | {:.2}× | {findings} |",
            bare.as_secs_f64(),
            read_only.as_secs_f64(),
            checked.as_secs_f64(),
            checked.as_secs_f64() / bare.as_secs_f64()
        );
    }
}
