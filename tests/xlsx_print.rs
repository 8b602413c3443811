//! Every workbook jicai writes — generated forms, the annotated check
//! workbook, the 总计划 — read back at the XML level: a shared-string table
//! and no inline strings (WPS mishandles them), and on every sheet A4 paper,
//! an orientation, fitted to the page width, page numbers; header rows
//! repeated as print titles. The annotated workbook keeps the upload's
//! number formats, merged cells and borders.

use calamine::{Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .output()
        .expect("jicai runs")
}

fn parts(path: &Path) -> HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.insert(f.name().map(|n| n.into_owned()).unwrap_or_default(), s);
        }
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()
}

/// The sum of the `<col>` widths of a worksheet part (Excel's default 8.43
/// for columns not listed is left out: every sheet here sets its widths).
fn sheet_width(xml: &str) -> f64 {
    xml.split("<col")
        .skip(1)
        .filter(|c| c.starts_with(' '))
        .map(|c| {
            let n = |k| {
                attr(c, k)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            n("width") * (n("max") - n("min") + 1.0)
        })
        .sum()
}

/// Asserts the print set-up and shared strings of one workbook; returns the
/// number of sheets with print titles.
fn assert_printable(path: &Path) -> usize {
    let parts = parts(path);
    let what = path.display();
    let sst = parts
        .get("xl/sharedStrings.xml")
        .unwrap_or_else(|| panic!("{what}: no shared-string table"));
    assert!(sst.contains("<si>"), "{what}: empty shared-string table");
    let sheets: Vec<(&String, &String)> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
        .collect();
    assert!(!sheets.is_empty(), "{what}");
    for (name, xml) in &sheets {
        assert!(!xml.contains("inlineStr"), "{what} {name}: inline strings");
        let setup = xml
            .split("<pageSetup")
            .nth(1)
            .unwrap_or_else(|| panic!("{what} {name}: no page set-up"));
        let setup = &setup[..setup.find("/>").unwrap()];
        assert_eq!(attr(setup, "paperSize"), Some("9"), "{what} {name}: A4");
        assert_eq!(attr(setup, "fitToHeight"), Some("0"), "{what} {name}");
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{what} {name}: fitted to the page width"
        );
        // Portrait up to about 95 characters across (Excel stores each
        // width a little wider than set, hence the margin).
        let landscape = attr(setup, "orientation") == Some("landscape");
        let width = sheet_width(xml);
        if !(90.0..=110.0).contains(&width) {
            assert_eq!(landscape, width > 110.0, "{what} {name}: width {width}");
        }
        assert!(xml.contains("第 &amp;P 页"), "{what} {name}: page numbers");
    }
    parts["xl/workbook.xml"]
        .matches("_xlnm.Print_Titles")
        .count()
}

#[test]
fn generated_forms_are_printable() {
    let dir = tempfile::tempdir().unwrap();
    let mut forms = 0;
    for entry in std::fs::read_dir(root().join("samples/data")).unwrap() {
        let data = entry.unwrap().path();
        let id = data.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&data).unwrap();
        let out = dir.path().join(format!("{id}.xlsx"));
        let mut args = vec![
            "generate".to_string(),
            id.clone(),
            "--data".into(),
            data.display().to_string(),
            "--out".into(),
            out.display().to_string(),
            "--as-of".into(),
            "2025-08-01".into(),
        ];
        if let Some(extra) = text.lines().find_map(|l| l.strip_prefix("# 参数:")) {
            args.extend(extra.split_whitespace().map(String::from));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = jicai(&args);
        if !o.status.success() {
            // Templates without an .xlsx form say so; nothing else may fail.
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("xlsx"), "{id}: {err}");
            continue;
        }
        forms += 1;
        assert_printable(&out);
    }
    assert!(forms >= 6, "every form template has an .xlsx ({forms})");
}

#[test]
fn a_single_table_form_repeats_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("配置表.xlsx");
    let data = root().join("samples/data/jilin-product-config.yaml");
    let o = jicai(&[
        "generate",
        "jilin-product-config",
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(assert_printable(&out), 1);
}

#[test]
fn check_workbook_and_master_plan_are_printable() {
    let dir = tempfile::tempdir().unwrap();
    let zj = root().join("samples/zhejiang");
    let (clean, faulty) = (zj.join("clean.xlsx"), zj.join("faulty.xlsx"));
    let facts = zj.join("project-faulty.yaml");
    let checked = dir.path().join("检查.xlsx");
    let o = jicai(&[
        "check",
        faulty.to_str().unwrap(),
        "--data",
        facts.to_str().unwrap(),
        "-p",
        "zhejiang",
        "--as-of",
        "2025-12-01",
        "--format",
        "xlsx",
        "--out",
        checked.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The findings list and each of the ten checked sheets (five tables, five ledgers).
    assert_eq!(assert_printable(&checked), 11);

    let plan = dir.path().join("总计划.xlsx");
    let o = jicai(&[
        "merge",
        clean.to_str().unwrap(),
        faulty.to_str().unwrap(),
        "-p",
        "浙江",
        "--as-of",
        "2025-12-01",
        "--out",
        plan.to_str().unwrap(),
    ]);
    assert!(plan.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(assert_printable(&plan), 3);
}

/// An upload with a percentage, an amount with separators, a merged title
/// and bordered cells (one of them empty): the annotated copy shows them the
/// same way.
#[test]
fn annotated_workbook_keeps_the_uploads_look() {
    let dir = tempfile::tempdir().unwrap();
    let upload = dir.path().join("需求表.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("需求表").unwrap();
    let boxed = Format::new().set_border(FormatBorder::Thin);
    let money = boxed.clone().set_num_format("#,##0.00");
    let percent = boxed.clone().set_num_format("0%");
    ws.merge_range(0, 0, 0, 4, "2025年度需求汇总表", &Format::new().set_bold())
        .unwrap();
    for (c, h) in ["单位名称", "采购品目", "数量", "预算金额", "节支率"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &boxed)
            .unwrap();
    }
    ws.write_string_with_format(2, 0, "某某中心", &boxed)
        .unwrap();
    ws.write_string_with_format(2, 1, "A02010105", &boxed)
        .unwrap();
    ws.write_blank(2, 2, &boxed).unwrap();
    ws.write_number_with_format(2, 3, 1_000_000.0, &money)
        .unwrap();
    ws.write_number_with_format(2, 4, 0.2, &percent).unwrap();
    wb.save(&upload).unwrap();

    let out = dir.path().join("检查.xlsx");
    let o = jicai(&[
        "check",
        upload.to_str().unwrap(),
        "-p",
        "浙江",
        "--as-of",
        "2025-12-01",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let styles = book.worksheet_style("需求表").unwrap();
    let code = |r, c| {
        styles
            .get((r, c))
            .and_then(|s| s.number_format.as_ref())
            .map(|n| n.format_code.clone())
    };
    assert_eq!(code(2, 3).as_deref(), Some("#,##0.00"));
    assert_eq!(code(2, 4).as_deref(), Some("0%"));
    for (r, c) in [(1, 0), (2, 0), (2, 2), (2, 4)] {
        let bordered = styles
            .get((r, c))
            .and_then(|s| s.borders.as_ref())
            .is_some_and(|b| b.left.is_visible() && b.bottom.is_visible());
        assert!(bordered, "cell ({r}, {c}) keeps its border");
    }
    let merges = book.merge_cells_by_sheet_name("需求表").unwrap();
    assert!(
        merges.iter().any(|d| d.start == (0, 0) && d.end == (0, 4)),
        "{merges:?}"
    );
    let range = book.worksheet_range("需求表").unwrap();
    assert_eq!(
        range.get_value((0, 0)).map(|v| v.to_string()).as_deref(),
        Some("2025年度需求汇总表")
    );
}
