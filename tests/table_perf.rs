//! Timing of the streamed xlsx reader against calamine's `worksheet_range`.
//! Ignored by default (it writes a large workbook); run with
//!
//!     JICAI_PERF_ROWS=100000 cargo test --release --test table_perf -- --ignored --nocapture

use calamine::{Reader, Xlsx, open_workbook};
use jicai::table::*;
use jicai::value::AmountUnit;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::time::Instant;

fn spec() -> TableSpec {
    let col = |name: &str, ty: ColumnType, required: bool, unique: bool| ColumnSpec {
        name: name.into(),
        aliases: vec![],
        ty,
        required,
        unique,
    };
    TableSpec {
        name: "合同备案表".into(),
        aliases: vec![],
        columns: vec![
            col("合同编号", ColumnType::文本, true, true),
            col("供应商名称", ColumnType::文本, false, false),
            col(
                "合同金额",
                ColumnType::金额 {
                    unit: AmountUnit::元,
                },
                true,
                false,
            ),
            col("中标通知书日期", ColumnType::日期, false, false),
            col("合同签订日期", ColumnType::日期, false, false),
            col(
                "合同类型",
                ColumnType::枚举(vec!["主合同".into(), "补充合同".into()]),
                false,
                false,
            ),
        ],
        has_total: true,
        citations: vec![],
    }
}

fn write(path: &std::path::Path, rows: u32) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("合同备案表").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string(0, 0, "2025年合同备案情况表").unwrap();
    for (c, h) in [
        "合同编号",
        "供应商名称",
        "合同金额（元）",
        "中标通知书日期",
        "合同签订日期",
        "合同类型",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let d1 = ExcelDateTime::from_ymd(2025, 7, 1).unwrap();
    let d2 = ExcelDateTime::from_ymd(2025, 7, 20).unwrap();
    for i in 0..rows {
        let r = i + 2;
        ws.write_string(r, 0, format!("HT-{i:07}")).unwrap();
        ws.write_string(r, 1, format!("供应商{}", i % 1000))
            .unwrap();
        ws.write_number(r, 2, 1000.0 + (i % 977) as f64 * 0.25)
            .unwrap();
        ws.write_datetime_with_format(r, 3, &d1, &date).unwrap();
        ws.write_datetime_with_format(r, 4, &d2, &date).unwrap();
        ws.write_string(
            r,
            5,
            if i % 3 == 0 {
                "补充合同"
            } else {
                "主合同"
            },
        )
        .unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
#[ignore]
fn streamed_reader_vs_worksheet_range() {
    let rows: u32 = std::env::var("JICAI_PERF_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    // JICAI_PERF_FILE keeps the workbook between runs (written if absent).
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("JICAI_PERF_FILE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("big.xlsx"));
    if !path.exists() {
        let t = Instant::now();
        write(&path, rows);
        let size = std::fs::metadata(&path).unwrap().len();
        eprintln!("wrote {rows} rows in {:?} ({size} bytes)", t.elapsed());
    }

    let t = Instant::now();
    if std::env::var_os("JICAI_PERF_ONLY_OURS").is_some() {
        for _ in 0..3 {
            let w = read_workbook(&path, &[spec()], &ReadLimits::default()).unwrap();
            eprintln!(
                "read_workbook: {:?} ({} sheets)",
                t.elapsed(),
                w.sheets.len()
            );
        }
        return;
    }
    if std::env::var_os("JICAI_PERF_ONLY_CALAMINE").is_some() {
        for _ in 0..3 {
            let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
            let range = wb.worksheet_range("合同备案表").unwrap();
            eprintln!(
                "worksheet_range: {:?} ({:?})",
                t.elapsed(),
                range.get_size()
            );
        }
        return;
    }
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let range = wb.worksheet_range("合同备案表").unwrap();
    let cells = range.get_size();
    drop(wb);
    let calamine_time = t.elapsed();
    eprintln!("calamine worksheet_range: {calamine_time:?} ({cells:?})");
    drop(range);

    let t = Instant::now();
    let w = read_workbook(&path, &[spec()], &ReadLimits::default()).unwrap();
    let ours = t.elapsed();
    let SheetOutcome::Table(table) = &w.sheets[0].outcome else {
        panic!("{:?}", w.sheets[0].outcome)
    };
    eprintln!(
        "read_workbook (typed): {ours:?}, {} rows, {} issues",
        table.rows.len(),
        table.issues.len()
    );
    assert_eq!(table.rows.len(), rows as usize);
    assert!(
        table.issues.is_empty(),
        "{:?}",
        &table.issues[..table.issues.len().min(3)]
    );
}
