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
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const UNITS: [&str; 8] = [
    "省教育厅",
    "省卫健委",
    "杭州市财政局",
    "宁波市教育局",
    "温州市卫健委",
    "嘉兴市公安局",
    "湖州市民政局",
    "绍兴市水利局",
];
const ITEMS: [&str; 6] = [
    "A02010105",
    "A02010108",
    "A02020100",
    "A02021001",
    "A05010101",
    "C02100000",
];

fn generate(path: &Path, rows: u32) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb
        .add_worksheet_with_constant_memory()?
        .set_name("需求汇总表")?;
    ws.write(0, 0, "带量集中采购需求汇总表")?;
    let header = [
        "序号",
        "参与单位",
        "预算级次",
        "是否牵头单位",
        "采购品目",
        "采购包",
        "数量",
        "预算金额（万元）",
        "项目名称",
        "代理机构",
        "代理机构类型",
        "组织形式",
        "委托函",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(1, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i + 2;
        let unit = UNITS[(i as usize) % UNITS.len()];
        ws.write(r, 0, i + 1)?;
        ws.write(r, 1, format!("{unit}{}", i / 8))?;
        ws.write(
            r,
            2,
            if unit.starts_with('省') {
                "省级"
            } else {
                "市级"
            },
        )?;
        ws.write(r, 3, if i == 0 { "是" } else { "否" })?;
        ws.write(r, 4, ITEMS[(i as usize) % ITEMS.len()])?;
        ws.write(r, 5, format!("第{}包", (i % 6) + 1))?;
        ws.write(r, 6, (i % 50 + 1) as f64)?;
        ws.write(r, 7, ((i % 997) as f64) * 0.25 + 1.5)?;
        ws.write(r, 8, "2025年度计算机设备带量集中采购")?;
        ws.write(r, 9, "浙江省政府采购中心")?;
        ws.write(r, 10, "集中采购机构")?;
        ws.write(r, 11, "带量集中采购")?;
        ws.write(r, 12, format!("委托函-{}.pdf", i + 1))?;
    }
    wb.save(path)
}

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
