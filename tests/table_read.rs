//! Reading workbooks made by other tools (openpyxl, LibreOffice; see
//! tests/fixtures/make_fixtures.py) into typed tables.

use chrono::NaiveDate;
use jicai::table::*;
use jicai::value::{Amount, AmountUnit, Value};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn col(name: &str, aliases: &[&str], ty: ColumnType, required: bool, unique: bool) -> ColumnSpec {
    ColumnSpec {
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        ty,
        required,
        unique,
    }
}

fn contract_spec() -> TableSpec {
    TableSpec {
        name: "合同备案表".into(),
        aliases: vec!["合同".into()],
        columns: vec![
            col("合同编号", &[], ColumnType::文本, true, true),
            col(
                "合同金额",
                &[],
                ColumnType::金额 {
                    unit: AmountUnit::元,
                },
                true,
                false,
            ),
            col(
                "中标通知书日期",
                &["中标（成交）通知书发出日期"],
                ColumnType::日期,
                false,
                false,
            ),
            col("合同签订日期", &[], ColumnType::日期, false, false),
            col(
                "合同类型",
                &[],
                ColumnType::枚举(vec!["主合同".into(), "补充合同".into()]),
                false,
                false,
            ),
        ],
        has_total: true,
        citations: vec![],
    }
}

fn read(name: &str) -> WorkbookRead {
    read_workbook(&fixture(name), &[contract_spec()], &ReadLimits::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_err(name: &str) -> ReadError {
    match read_workbook(&fixture(name), &[contract_spec()], &ReadLimits::default()) {
        Ok(w) => panic!("{name} should not read, got {w:#?}"),
        Err(e) => e,
    }
}

fn table<'a>(w: &'a WorkbookRead, sheet: &str) -> &'a Table {
    let s = w
        .sheets
        .iter()
        .find(|s| s.sheet == sheet)
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    match &s.outcome {
        SheetOutcome::Table(t) => t,
        other => panic!("sheet {sheet} is not a table: {other:?}"),
    }
}

fn yuan(s: &str) -> Value {
    Value::Amount(Amount::from_yuan(Decimal::from_str(s).unwrap()))
}

fn date(y: i32, m: u32, d: u32) -> Value {
    Value::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn issue_at(t: &Table, row: u32, kind: CellIssueKind) -> &CellIssue {
    t.issues
        .iter()
        .find(|i| i.row == row && i.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} issue on row {row}: {:#?}", t.issues))
}

/// The main fixture, whichever tool saved it.
fn check_contracts(w: &WorkbookRead) {
    let t = table(w, "合同备案表");
    assert_eq!(t.table, "合同备案表");
    assert_eq!(t.header_row, 3);
    assert_eq!(t.columns, vec![Some(1), Some(2), Some(3), Some(4), Some(5)]);
    assert_eq!(t.headers[1].as_deref(), Some("合同金额（元）"));
    assert_eq!(t.headers[2].as_deref(), Some("中标（成交）通知书发出日期"));
    assert_eq!(t.units[1], Some(AmountUnit::元));
    assert_eq!(t.units[0], None);
    assert!(t.missing_required.is_empty());

    let rows: Vec<u32> = t.rows.iter().map(|r| r.sheet_row).collect();
    assert_eq!(
        rows,
        vec![4, 5, 6, 8, 9],
        "blank, 合计 and note rows are not data"
    );
    let v = |r: usize| &t.rows[r].values;
    assert_eq!(
        v(0),
        &vec![
            text("HT-001"),
            yuan("120000"),
            date(2025, 7, 1),
            date(2025, 7, 15),
            text("主合同")
        ]
    );
    assert_eq!(
        v(1),
        &vec![
            text("HT-002"),
            yuan("125000"),
            date(2025, 7, 1),
            date(2025, 7, 20),
            text("补充合同")
        ]
    );
    assert_eq!(v(2)[1], yuan("123456.5"));
    assert_eq!(v(2)[2], date(2025, 7, 1), "serial 45839");
    assert_eq!(v(2)[4], text("主合同"));
    assert_eq!(v(3)[1], Value::Empty, "“abc” is not an amount");
    assert_eq!(
        v(3)[4],
        text("框架合同"),
        "a value outside the list is kept"
    );
    assert_eq!(v(4)[0], Value::Empty);
    assert_eq!(v(4)[1], yuan("1000.25"));
    assert_eq!(v(4)[2], Value::Empty, "#DIV/0!");

    let total = t.total.as_ref().expect("合计 row");
    assert_eq!(total.sheet_row, 10);
    assert_eq!(total.values[1], yuan("369456.75"));
    assert!(
        !t.issues.iter().any(|i| i.kind == CellIssueKind::合计),
        "{:#?}",
        t.issues
    );

    let bad = issue_at(t, 8, CellIssueKind::类型);
    assert_eq!(bad.column, "合同金额");
    assert_eq!(bad.col, 2);
    assert!(
        bad.message.contains("第8行 合同金额 “abc”不是有效的金额"),
        "{}",
        bad.message
    );
    let dup = issue_at(t, 8, CellIssueKind::唯一);
    assert!(dup.message.contains("第5行"), "{}", dup.message);
    assert_eq!(issue_at(t, 8, CellIssueKind::取值).column, "合同类型");
    assert_eq!(issue_at(t, 9, CellIssueKind::必填).column, "合同编号");
    let err = issue_at(t, 9, CellIssueKind::类型);
    assert!(err.message.contains("公式错误 #DIV/0!"), "{}", err.message);
    assert_eq!(t.issues.len(), 5, "{:#?}", t.issues);
    let order: Vec<(u32, u32)> = t.issues.iter().map(|i| (i.row, i.col)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn xlsx_with_title_rows_totals_and_notes() {
    let w = read("contracts.xlsx");
    assert!(w.file.ends_with("contracts.xlsx"));
    check_contracts(&w);
}

#[test]
fn xls_saved_by_libreoffice() {
    check_contracts(&read("contracts.xls"));
}

#[test]
fn ods_saved_by_libreoffice() {
    check_contracts(&read("contracts.ods"));
}

#[test]
fn other_sheets_of_the_workbook() {
    let w = read("contracts.xlsx");
    let names: Vec<&str> = w.sheets.iter().map(|s| s.sheet.as_str()).collect();
    assert_eq!(
        names,
        vec!["合同备案表", "填表说明", "隐藏的合同表", "空表", "只有表头"]
    );
    match &w.sheets[1].outcome {
        SheetOutcome::Unmatched { reason } => {
            assert!(reason.contains("合同备案表"), "{reason}");
        }
        o => panic!("instructions sheet: {o:?}"),
    }
    assert!(matches!(w.sheets[3].outcome, SheetOutcome::Empty));

    // Hidden sheets are read like the others; its header names 万元.
    let hidden = table(&w, "隐藏的合同表");
    assert_eq!(hidden.units[1], Some(AmountUnit::万元));
    assert_eq!(hidden.rows[0].values[1], yuan("15000"));
    assert_eq!(hidden.missing_required, Vec::<String>::new());
    let rows: Vec<u32> = hidden.rows.iter().map(|r| r.sheet_row).collect();
    assert_eq!(
        rows,
        vec![3, 4],
        "a note right under the header is skipped, not the end"
    );
    let wrong = issue_at(hidden, 5, CellIssueKind::合计);
    assert_eq!(wrong.col, 1);
    assert!(
        wrong.message.contains("40,000.00元") && wrong.message.contains("35,000.00元"),
        "{}",
        wrong.message
    );
    assert_eq!(
        wrong.values,
        vec![
            ("合计行".into(), "40000".into()),
            ("各行之和".into(), "35000".into())
        ]
    );

    let only = table(&w, "只有表头");
    assert_eq!(only.header_row, 1);
    assert!(only.rows.is_empty());
    assert!(only.total.is_none());
}

#[test]
fn two_row_header_with_merged_parents() {
    let w = read("two_row_header.xlsx");
    let t = table(&w, "Sheet1");
    assert_eq!(t.header_row, 3);
    assert_eq!(t.columns, vec![Some(1), Some(2), Some(3), Some(4), Some(5)]);
    assert_eq!(t.headers[0].as_deref(), Some("合同编号"));
    assert_eq!(t.units[1], Some(AmountUnit::万元));
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[0].values[1], yuan("125000"));
    assert_eq!(t.rows[1].values[1], yuan("7500"));
    assert_eq!(t.rows[2].values[1], yuan("10000000"));
    // 合同类型 merged over rows 4–5 applies to both.
    assert_eq!(t.rows[1].values[4], text("主合同"));
    // The second 合同金额 column (G) is not read; its header cell says why.
    let dup = issue_at(t, 2, CellIssueKind::唯一);
    assert_eq!(dup.col, 6);
    assert!(dup.message.contains("C 列"), "{}", dup.message);
    assert_eq!(t.issues.len(), 1, "{:#?}", t.issues);
}

#[test]
fn duplicate_header_keeps_the_first_column() {
    let w = read("duplicate_header.xlsx");
    let t = table(&w, "合同");
    assert_eq!(t.columns[1], Some(1));
    assert_eq!(t.rows[0].values[1], yuan("100"));
    let dup = issue_at(t, 1, CellIssueKind::唯一);
    assert_eq!((dup.col, dup.column.as_str()), (3, "合同金额"));
    assert_eq!(t.missing_required, Vec::<String>::new());
}

fn check_csv(name: &str) {
    let w = read(name);
    assert_eq!(w.sheets.len(), 1);
    let stem = name.trim_end_matches(".csv");
    let t = table(&w, stem);
    assert_eq!(t.header_row, 1);
    assert_eq!(t.units[1], Some(AmountUnit::万元));
    assert_eq!(t.rows.len(), 2);
    assert_eq!(
        t.rows[0].values,
        vec![
            text("C-1"),
            yuan("125000"),
            date(2025, 7, 1),
            date(2025, 7, 15),
            text("主合同")
        ]
    );
    assert_eq!(t.rows[1].values[1], yuan("10000000"));
    assert_eq!(t.rows[1].values[3], date(2025, 7, 20));
    let total = t.total.as_ref().expect("合计");
    assert_eq!(total.sheet_row, 5, "the blank line counts as a row");
    assert!(t.issues.is_empty(), "{:#?}", t.issues);
}

#[test]
fn csv_in_utf8_with_bom() {
    check_csv("contracts_utf8_bom.csv");
}

#[test]
fn csv_in_gbk() {
    check_csv("contracts_gbk.csv");
}

#[test]
fn csv_with_cr_line_ends() {
    let w = read("contracts_cr.csv");
    let t = table(&w, "contracts_cr");
    assert_eq!(t.rows.len(), 2);
    assert!(t.total.is_some());
}

#[test]
fn csv_in_an_unknown_encoding() {
    let e = read_err("bad_encoding.csv");
    let msg = e.to_string();
    assert!(
        msg.contains("无法识别的编码") && msg.contains("bad_encoding.csv"),
        "{msg}"
    );
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    for (name, expect) in [
        ("truncated.xlsx", "已损坏"),
        ("empty.xlsx", "文件为空"),
        ("picture.xlsx", "PNG"),
        ("notes.pdf.xlsx", "PDF"),
        ("letter.xlsx", "Word 文档"),
        ("export.xls", "HTML"),
        ("encrypted.xlsx", "已加密"),
        ("no_such_file.xlsx", "文件不存在"),
    ] {
        let msg = read_err(name).to_string();
        assert!(msg.contains(expect), "{name}: {msg}");
        assert!(
            msg.contains(name),
            "{name}: the message names the file: {msg}"
        );
    }
}

#[test]
fn a_sheet_claiming_the_whole_grid_is_streamed() {
    let w = read("huge_dimension.xlsx");
    let t = table(&w, "合同备案表");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].values[1], yuan("100"));
}

#[test]
fn zip_bomb_is_refused_before_inflating() {
    let e = read_err("zip_bomb.xlsx");
    assert!(matches!(e, ReadError::Limit { .. }), "{e}");
    assert!(e.to_string().contains("xl/media/zeros.bin"), "{e}");
}

#[test]
fn limits_are_enforced() {
    // Cells beyond the column limit are skipped while streaming, with a note.
    let wide = read_workbook(
        &fixture("wide.xlsx"),
        &[contract_spec()],
        &ReadLimits::default(),
    )
    .unwrap();
    assert_eq!(wide.sheets[0].sheet, "宽表");
    assert!(
        wide.sheets[0]
            .notes
            .iter()
            .any(|n| n.contains("超出列数上限，未读取")),
        "{:?}",
        wide.sheets[0].notes
    );

    let small = ReadLimits {
        max_file_bytes: 1000,
        ..ReadLimits::default()
    };
    let e = read_workbook(&fixture("contracts.xlsx"), &[contract_spec()], &small).unwrap_err();
    assert!(matches!(e, ReadError::Limit { .. }), "{e}");

    let few_rows = ReadLimits {
        max_rows: 5,
        ..ReadLimits::default()
    };
    let e = read_workbook(&fixture("contracts.xlsx"), &[contract_spec()], &few_rows).unwrap_err();
    assert!(e.to_string().contains("第6行"), "{e}");
}

#[test]
fn no_specs_and_huge_specs_do_not_panic() {
    let w = read_workbook(&fixture("contracts.xlsx"), &[], &ReadLimits::default()).unwrap();
    assert!(
        w.sheets
            .iter()
            .all(|s| !matches!(s.outcome, SheetOutcome::Table(_)))
    );

    let mut big = contract_spec();
    for i in 0..200_000 {
        big.columns
            .push(col(&format!("列{i}"), &[], ColumnType::文本, false, false));
    }
    let w = read_workbook(&fixture("contracts.xlsx"), &[big], &ReadLimits::default()).unwrap();
    assert!(matches!(w.sheets[0].outcome, SheetOutcome::Table(_)));
}

#[test]
fn the_best_fitting_table_wins() {
    let other = TableSpec {
        name: "需求表".into(),
        aliases: vec![],
        columns: vec![
            col("项目名称", &[], ColumnType::文本, true, false),
            col(
                "合同金额",
                &["预算金额"],
                ColumnType::金额 {
                    unit: AmountUnit::万元,
                },
                true,
                false,
            ),
        ],
        has_total: true,
        citations: vec![],
    };
    let w = read_workbook(
        &fixture("contracts.xlsx"),
        &[other, contract_spec()],
        &ReadLimits::default(),
    )
    .unwrap();
    assert_eq!(table(&w, "合同备案表").table, "合同备案表");
}

#[test]
fn csv_rows_follow_the_sheet_lines() {
    let w = read("multiline.csv");
    let t = table(&w, "multiline");
    assert_eq!(t.header_row, 3);
    let rows: Vec<u32> = t.rows.iter().map(|r| r.sheet_row).collect();
    assert_eq!(
        rows,
        vec![4, 5, 7],
        "a quoted line break stays in its row; blank lines count"
    );
    assert_eq!(t.rows[0].values[1], yuan("15000"));
    assert_eq!(
        t.rows[1].values[0],
        text("M-2 （续）"),
        "line breaks in text become spaces"
    );
    let bad = issue_at(t, 7, CellIssueKind::类型);
    assert_eq!((bad.col, bad.column.as_str()), (1, "合同金额"));
}

#[test]
fn a_damaged_sheet_names_file_and_sheet() {
    let e = read_err("corrupt_sheet.xlsx");
    let msg = e.to_string();
    assert!(msg.contains("corrupt_sheet.xlsx"), "{msg}");
    assert!(
        matches!(e, ReadError::Sheet { ref sheet, .. } if sheet == "合同备案表")
            || matches!(e, ReadError::Corrupt { .. }),
        "{msg}"
    );
}

#[test]
fn xls_claiming_billions_of_rows_is_refused_before_parsing() {
    let e = read_err("huge_dimension.xls");
    assert!(matches!(e, ReadError::Limit { .. }), "{e}");
}

#[test]
fn ods_repeating_a_cell_a_hundred_million_times_is_refused() {
    let e = read_err("repeat_bomb.ods");
    assert!(matches!(e, ReadError::Limit { .. }), "{e}");
    assert!(e.to_string().contains("炸弹"), "{e}");
}

#[test]
#[ignore]
fn print_messages() {
    for name in [
        "truncated.xlsx",
        "empty.xlsx",
        "picture.xlsx",
        "notes.pdf.xlsx",
        "letter.xlsx",
        "export.xls",
        "encrypted.xlsx",
        "corrupt_sheet.xlsx",
        "huge_dimension.xls",
        "repeat_bomb.ods",
        "zip_bomb.xlsx",
        "wide.xlsx",
        "bad_encoding.csv",
    ] {
        eprintln!("{name}: {}", read_err(name));
    }
    let w = read("contracts.xlsx");
    for s in &w.sheets {
        match &s.outcome {
            SheetOutcome::Table(t) => t
                .issues
                .iter()
                .for_each(|i| eprintln!("  {:?} {}", i.kind, i.message)),
            o => eprintln!("{}: {o:?}", s.sheet),
        }
    }
}

/// Damaged copies of every fixture must give an error or a result, never a
/// panic. JICAI_MUTATIONS raises the number of copies per fixture.
#[test]
fn damaged_files_never_panic() {
    let per_file: u64 = std::env::var("JICAI_MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    // read_workbook turns panics into errors; ours must not happen at all.
    static OWN_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(loc) = info.location().filter(|l| l.file().contains("src/table"))
            && let Ok(mut p) = OWN_PANIC.lock()
        {
            *p = Some(format!("{loc}: {info}"));
        }
        previous(info);
    }));
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for name in [
        "contracts.xlsx",
        "contracts.xls",
        "contracts.ods",
        "contracts_gbk.csv",
        "two_row_header.xlsx",
    ] {
        let good = std::fs::read(fixture(name)).unwrap();
        for i in 0..per_file {
            let mut bad = good.clone();
            match next() % 3 {
                0 => bad.truncate((next() as usize) % bad.len()),
                _ => {
                    for _ in 0..1 + next() % 8 {
                        let at = (next() as usize) % bad.len();
                        bad[at] = next() as u8;
                    }
                }
            }
            let path = dir.path().join(format!("{i}-{name}"));
            std::fs::write(&path, &bad).unwrap();
            let result = std::panic::catch_unwind(|| {
                let _ = read_workbook(&path, &[contract_spec()], &ReadLimits::default());
            });
            let own = OWN_PANIC.lock().ok().and_then(|mut p| p.take());
            assert!(
                result.is_ok() && own.is_none(),
                "panic on a damaged copy of {name} ({own:?}): kept at {}",
                path.display()
            );
            std::fs::remove_file(&path).ok();
        }
    }
}
