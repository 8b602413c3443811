//! Benchmark: merging N participants' workbooks of M lines each, against
//! reading the same files alone (same run, same files, warm cache).
//!
//! ```text
//! cargo run --release --example bench_merge            # 1,000 × 50
//! cargo run --release --example bench_merge -- 200 50 3  # units, lines, rounds
//! ```
//!
//! "read" is `table::read_workbook` on every file: the floor for any merge.
//! "check" is `check::check` over all files (read + rule engine).
//! "merge" is the whole command minus argument parsing: read and check all
//! files together, find conflicts, total, and write the 总计划 .xlsx.
//! Each is the best of the rounds.

use jicai::library::RuleLibrary;
use jicai::merge::{MergeRequest, merge, write};
use jicai::output::Overwrite;
use jicai::table::{ReadLimits, read_workbook};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const HEADER: [&str; 15] = [
    "参与单位",
    "单位代码",
    "预算级次",
    "是否牵头单位",
    "采购品目",
    "采购包",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "项目名称",
    "代理机构",
    "代理机构类型",
    "组织形式",
    "临时采购计划类型",
    "委托函",
];

/// One 品目 per 采购包 (ZJ-02-同一品目).
const ITEMS: [(&str, &str); 6] = [
    ("1", "A02010105"),
    ("2", "A02010108"),
    ("3", "A02021003"),
    ("4", "A02021004"),
    ("5", "A02010601"),
    ("6", "A02010104"),
];

fn write_unit(path: &Path, i: usize, lines: usize) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("分计划")?;
    ws.write(0, 0, format!("参与单位{i:04}采购需求意向表"))?;
    for (c, h) in HEADER.iter().enumerate() {
        ws.write(1, c as u16, *h)?;
    }
    for k in 0..lines {
        let r = k as u32 + 2;
        // One line of one unit is the lead (ZJ-05-唯一 counts lines).
        let lead = i == 0 && k == 0;
        let (package, item) = ITEMS[(i + k) % ITEMS.len()];
        let seed = (i * 7919 + k * 104_729) as u64;
        let fen = 100_001 + seed * 2_654_435_761 % 19_999_999;
        ws.write(r, 0, format!("参与单位{i:04}"))?;
        ws.write(r, 1, format!("U{i:05}"))?;
        ws.write(r, 2, if i == 0 { "省级" } else { "县级" })?;
        ws.write(r, 3, if lead { "是" } else { "否" })?;
        ws.write(r, 4, item)?;
        ws.write(r, 5, package)?;
        ws.write(r, 6, 1 + (seed % 40) as u32)?;
        ws.write(r, 7, "台")?;
        ws.write(r, 8, fen as f64 / 1_000_000.0)?;
        ws.write(r, 9, "2025年计算机带量采购")?;
        ws.write(r, 10, "省政府采购中心")?;
        ws.write(r, 11, "集中采购机构")?;
        ws.write(r, 12, "带量集中采购")?;
        ws.write(
            r,
            13,
            if lead {
                "受委托采购"
            } else {
                "自行采购"
            },
        )?;
        // Participants attach their letter of entrustment (ZJ-07-委托函).
        if !lead {
            ws.write(r, 14, "委托函.pdf")?;
        }
    }
    wb.save(path)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let units = args.first().copied().unwrap_or(1000);
    let lines = args.get(1).copied().unwrap_or(50);
    let rounds = args.get(2).copied().unwrap_or(3).max(1);
    let dir = tempfile::tempdir()?;

    let t = Instant::now();
    let files: Vec<PathBuf> = (0..units)
        .map(|i| {
            let p = dir.path().join(format!("分计划{i:04}.xlsx"));
            write_unit(&p, i, lines).map(|_| p)
        })
        .collect::<Result<_, _>>()?;
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "生成 {units} 个文件 × {lines} 行（共 {} 行，{:.1} MB）：{}",
        units * lines,
        bytes as f64 / 1e6,
        secs(t.elapsed())
    );

    let lib = RuleLibrary::open(None)?;
    let set = lib.ruleset("浙江")?;
    let specs = lib.book.workbook_tables();
    let limits = ReadLimits::default();

    let read_all = || -> Result<usize, jicai::table::ReadError> {
        let mut rows = 0;
        for f in &files {
            for s in read_workbook(f, &specs, &limits)?.sheets {
                if let jicai::table::SheetOutcome::Table(t) = s.outcome {
                    rows += t.rows.len();
                }
            }
        }
        Ok(rows)
    };
    // Warm the page cache so that both timings read from memory.
    read_all()?;

    let mut read_best = Duration::MAX;
    let mut check_best = Duration::MAX;
    let mut merge_best = Duration::MAX;
    let mut write_best = Duration::MAX;
    let mut summary = String::new();
    for round in 0..rounds {
        let t = Instant::now();
        let rows = read_all()?;
        read_best = read_best.min(t.elapsed());
        assert_eq!(rows, units * lines);

        // The rule check alone (reading included): the part of a merge that
        // belongs to the engine.
        let creq = jicai::check::CheckRequest {
            files: files.clone(),
            facts: None,
            as_of: chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default(),
            limits: limits.clone(),
        };
        let t = Instant::now();
        jicai::check::check(&lib, set, &creq, &|_| {})?;
        check_best = check_best.min(t.elapsed());

        let out = dir.path().join(format!("总计划{round}.xlsx"));
        let req = MergeRequest {
            files: files.clone(),
            as_of: chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default(),
            limits: limits.clone(),
        };
        let t = Instant::now();
        let m = merge(&lib, set, &req, &|_| {})?;
        let merged = t.elapsed();
        write(&m, &out, Overwrite::Refuse)?;
        let total = t.elapsed();
        merge_best = merge_best.min(total);
        write_best = write_best.min(total - merged);
        let mut rules: std::collections::BTreeMap<&str, usize> = Default::default();
        for f in &m.check.findings {
            *rules.entry(f.rule.as_str()).or_default() += 1;
        }
        if !rules.is_empty() {
            println!("问题：{rules:?}");
        }
        summary = format!(
            "{} 行需求、{} 家单位、{} 个汇总行、{} 条问题，预算合计 {} 万元，总计划 {:.1} MB",
            m.lines.len(),
            m.units,
            m.summary.len(),
            m.check.findings.len(),
            m.total_budget
                .in_unit(jicai::value::AmountUnit::万元)
                .normalize(),
            std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
        );
    }
    println!("{summary}");
    println!("仅读取（read_workbook 全部文件）：{}", secs(read_best));
    println!("读取+规则检查（check::check）：{}", secs(check_best));
    println!(
        "合并（读取+检查+冲突+汇总+写出）：{}（其中写出总计划 {}）",
        secs(merge_best),
        secs(write_best)
    );
    println!(
        "合并 / 仅读取 = {:.2}",
        merge_best.as_secs_f64() / read_best.as_secs_f64()
    );
    Ok(())
}
