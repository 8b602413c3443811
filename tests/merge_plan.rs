//! `jicai merge`: participants' 分计划 into the 总计划. Totals are checked
//! with exact decimals against sums computed here; conflicts between files
//! must be findings, never silent; bad input stops with exit code 2.

use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::str::FromStr;

const AS_OF: &str = "2025-08-01";
const PROJECT: &str = "2025年计算机带量采购";
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

/// One line of a participant's table.
#[derive(Clone)]
struct Demand {
    package: &'static str,
    item: &'static str,
    measure: &'static str,
    quantity: u32,
    /// Exact decimal text in 元.
    yuan: String,
}

#[derive(Clone)]
struct Unit {
    name: String,
    code: String,
    level: &'static str,
    lead: bool,
    project: String,
    /// Amounts in 元 in the header ("预算金额（元）") instead of 万元.
    in_yuan: bool,
    /// Amounts written as text ("12,345.60") instead of numbers.
    as_text: bool,
    /// A 合计 row below the data (it must not be counted).
    total_row: bool,
    lines: Vec<Demand>,
}

fn unit(i: usize, lines: Vec<Demand>) -> Unit {
    Unit {
        name: format!("参与单位{i:03}"),
        code: format!("U{i:05}"),
        level: if i == 0 { "省级" } else { "市级" },
        lead: i == 0,
        project: PROJECT.into(),
        in_yuan: i % 3 == 1,
        as_text: i % 5 == 2,
        total_row: i % 4 == 3,
        lines,
    }
}

/// Deterministic amounts with 分: 1,000.01 元 to about 2,000,000 元.
fn lines_for(i: usize, n: usize) -> Vec<Demand> {
    // One 品目 per 采购包 (ZJ-02-同一品目).
    const ITEMS: [(&str, &str, &str); 3] = [
        ("1", "A02010105", "台"),
        ("2", "A02010108", "台"),
        ("3", "A02021003", "台"),
    ];
    (0..n)
        .map(|k| {
            let seed = (i * 7919 + k * 104_729) as u64;
            let fen = 100_001 + (seed * 2_654_435_761 % 199_999_999);
            let (package, item, measure) = ITEMS[(i + k) % ITEMS.len()];
            Demand {
                package,
                item,
                measure,
                quantity: 1 + (seed % 50) as u32,
                yuan: format!("{}.{:02}", fen / 100, fen % 100),
            }
        })
        .collect()
}

fn write_unit(path: &Path, u: &Unit) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("分计划").unwrap();
    ws.write(0, 0, format!("{}采购需求意向表", u.name)).unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        let h = if c == 8 && u.in_yuan {
            "预算金额（元）"
        } else {
            h
        };
        ws.write(1, c as u16, h).unwrap();
    }
    let mut total = Decimal::ZERO;
    let mut r = 2u32;
    for (k, l) in u.lines.iter().enumerate() {
        // The lead flag goes on one line only: ZJ-05-唯一 counts lines
        // marked 是, not distinct units, so a lead unit with several lines
        // would be reported as several leads.
        let lead = u.lead && k == 0;
        let yuan = Decimal::from_str(&l.yuan).unwrap();
        let shown = if u.in_yuan {
            yuan
        } else {
            yuan / Decimal::from(10_000)
        };
        total += shown;
        let texts = [
            u.name.as_str(),
            u.code.as_str(),
            u.level,
            if lead { "是" } else { "否" },
            l.item,
            l.package,
        ];
        for (c, t) in texts.iter().enumerate() {
            ws.write(r, c as u16, *t).unwrap();
        }
        ws.write(r, 6, l.quantity).unwrap();
        ws.write(r, 7, l.measure).unwrap();
        if u.as_text {
            ws.write(r, 8, shown.to_string()).unwrap();
        } else {
            ws.write(r, 8, f64::from_str(&shown.to_string()).unwrap())
                .unwrap();
        }
        let plan = if lead {
            "受委托采购"
        } else {
            "自行采购"
        };
        // Participants attach their letter of entrustment (ZJ-07-委托函).
        let letter = if lead { "" } else { "委托函.pdf" };
        let rest = [
            u.project.as_str(),
            "省政府采购中心",
            "集中采购机构",
            "带量集中采购",
            plan,
            letter,
        ];
        for (k, t) in rest.iter().enumerate() {
            ws.write(r, 9 + k as u16, *t).unwrap();
        }
        r += 1;
    }
    if u.total_row {
        ws.write(r, 0, "合计").unwrap();
        ws.write(r, 8, f64::from_str(&total.to_string()).unwrap())
            .unwrap();
    }
    wb.save(path).unwrap();
}

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .output()
        .expect("jicai runs")
}

fn write_all(dir: &Path, units: &[Unit]) -> Vec<String> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let p = dir.join(format!("分计划{i:03}.xlsx"));
            write_unit(&p, u);
            p.display().to_string()
        })
        .collect()
}

fn merge_args<'a>(files: &'a [String], out: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec!["merge"];
    a.extend(files.iter().map(String::as_str));
    a.extend(["-p", "浙江", "--as-of", AS_OF, "--out", out]);
    a.extend(extra);
    a
}

/// Cell → value text (`<v>`) of one worksheet of an .xlsx, with shared
/// strings resolved.
fn sheet_values(path: &Path, sheet: &str) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        if let Ok(mut f) = zip.by_name(name) {
            f.read_to_string(&mut s).unwrap();
        }
        s
    };
    let workbook = read("xl/workbook.xml");
    let position = workbook
        .split("<sheet ")
        .skip(1)
        .position(|s| s.contains(&format!("name=\"{sheet}\"")))
        .expect("sheet exists");
    let xml = read(&format!("xl/worksheets/sheet{}.xml", position + 1));
    let shared: Vec<String> = read("xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| {
            si.split("<t")
                .skip(1)
                .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</t>")))
                .map(|(x, _)| {
                    x.replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                })
                .collect()
        })
        .collect();
    let mut out = BTreeMap::new();
    for c in xml.split("<c ").skip(1) {
        let head = &c[..c.find('>').unwrap_or(0)];
        let r = head
            .split("r=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        // Streamed sheets hold their strings inline.
        if head.contains("t=\"inlineStr\"") {
            if let Some(t) = c.split("<t").nth(1).and_then(|t| t.split_once('>')) {
                let text = t.1.split("</t>").next().unwrap_or("");
                out.insert(r.to_string(), text.replace("&amp;", "&"));
            }
            continue;
        }
        let Some(v) = c.split("<v>").nth(1).and_then(|s| s.split("</v>").next()) else {
            continue;
        };
        let v = if head.contains("t=\"s\"") {
            shared[v.parse::<usize>().unwrap()].clone()
        } else {
            v.to_string()
        };
        out.insert(r.to_string(), v);
    }
    out
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

#[test]
fn totals_equal_the_sums_of_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let units: Vec<Unit> = (0..12).map(|i| unit(i, lines_for(i, 7))).collect();
    let files = write_all(dir.path(), &units);
    let out = dir.path().join("总计划.xlsx");
    let o = out.to_str().unwrap();
    let r = jicai(&merge_args(&files, o, &[]));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}\n{stderr}",
        String::from_utf8_lossy(&r.stdout)
    );
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "no progress bar off a terminal: {stderr:?}"
    );

    // Expected: by (采购包, 品目, 计量单位) in 万元, exactly.
    let wan = Decimal::from(10_000);
    type Key = (String, String, String);
    let mut want: BTreeMap<Key, (Decimal, Decimal, BTreeSet<String>)> = BTreeMap::new();
    let mut grand = Decimal::ZERO;
    let mut count = 0;
    for u in &units {
        for l in &u.lines {
            let e = want
                .entry((l.package.into(), l.item.into(), l.measure.into()))
                .or_default();
            e.0 += Decimal::from(l.quantity);
            e.1 += dec(&l.yuan) / wan;
            e.2.insert(u.code.clone());
            grand += dec(&l.yuan) / wan;
            count += 1;
        }
    }

    let v = sheet_values(&out, "总计划汇总");
    let mut got = BTreeMap::new();
    let mut row = 5;
    while let Some(package) = v.get(&format!("B{row}")) {
        let key = (
            package.clone(),
            v[&format!("C{row}")].clone(),
            v[&format!("E{row}")].clone(),
        );
        got.insert(
            key,
            (
                dec(&v[&format!("F{row}")]),
                dec(&v[&format!("G{row}")]),
                v[&format!("H{row}")].parse::<usize>().unwrap(),
            ),
        );
        row += 1;
    }
    assert_eq!(got.len(), want.len());
    for (k, (q, b, units)) in &want {
        let g = &got[k];
        assert_eq!(g.0, *q, "数量 of {k:?}");
        assert_eq!(g.1, b.normalize(), "预算金额 of {k:?}");
        assert_eq!(g.2, units.len(), "units of {k:?}");
    }
    // The 合计 row: formula results stored exactly.
    assert_eq!(v[&format!("A{row}")], "合计");
    assert_eq!(dec(&v[&format!("G{row}")]), grand);
    assert_eq!(v[&format!("H{row}")], units.len().to_string());
    assert_eq!(v[&format!("I{row}")], count.to_string());

    // Every line is in the 明细, with its source file and row.
    let d = sheet_values(&out, "分单位明细");
    let lines: Vec<_> = (2..)
        .take_while(|r| d.contains_key(&format!("A{r}")))
        .collect();
    assert_eq!(lines.len(), count);
    let mut detail_sum = Decimal::ZERO;
    for r in &lines {
        assert!(d[&format!("B{r}")].starts_with("分计划"));
        detail_sum += dec(&d[&format!("N{r}")]);
    }
    assert_eq!(detail_sum, grand);
}

#[test]
fn library_totals_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    let units: Vec<Unit> = (0..5).map(|i| unit(i, lines_for(i, 9))).collect();
    let files = write_all(dir.path(), &units);
    let lib = jicai::library::RuleLibrary::open(None).unwrap();
    let set = lib.ruleset("浙江").unwrap();
    let req = jicai::merge::MergeRequest {
        files: files.iter().map(PathBuf::from).collect(),
        as_of: chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(),
        limits: Default::default(),
    };
    let seen = std::cell::RefCell::new(Vec::new());
    let m =
        jicai::merge::merge(&lib, set, &req, &|f| seen.borrow_mut().push(f.to_string())).unwrap();
    assert_eq!(
        seen.borrow().len(),
        files.len(),
        "progress is told of every file"
    );
    assert!(!m.has_errors(), "{:#?}", m.check.findings);
    let expected: Decimal = units
        .iter()
        .flat_map(|u| &u.lines)
        .map(|l| dec(&l.yuan))
        .sum();
    assert_eq!(m.total_budget.yuan(), expected);
    let by_rows: Decimal = m.summary.iter().map(|r| r.budget.yuan()).sum();
    assert_eq!(by_rows, expected);
    let qty: Decimal = units
        .iter()
        .flat_map(|u| &u.lines)
        .map(|l| Decimal::from(l.quantity))
        .sum();
    assert_eq!(m.summary.iter().map(|r| r.quantity).sum::<Decimal>(), qty);
    assert_eq!(m.units, 5);
    assert_eq!(m.lines.len(), 45);
}

/// Three files with every kind of conflict.
fn conflicting(dir: &Path) -> Vec<String> {
    let mut a = unit(0, lines_for(0, 2));
    a.lines[0].package = "1";
    a.lines[0].item = "A02010105";
    // The same unit again, same package and 品目, in another file.
    let mut again = a.clone();
    again.lead = false;
    again.lines.truncate(1);
    // Another unit: the same 品目 counted in 套, and another project name.
    let mut b = unit(1, lines_for(1, 1));
    b.lines[0].item = "A02010105";
    b.lines[0].measure = "套";
    b.project = "计算机采购项目".into();
    write_all(dir, &[a, b, again])
}

#[test]
fn conflicts_are_findings_and_the_summary_is_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let files = conflicting(dir.path());
    let out = dir.path().join("总计划.xlsx");
    let o = out.to_str().unwrap();
    let r = jicai(&merge_args(&files, o, &[]));
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert_eq!(r.status.code(), Some(1), "{stdout}");
    for rule in ["合并.重复填报", "合并.计量单位", "合并.项目名称"] {
        assert!(stdout.contains(rule), "{rule} reported:\n{stdout}");
    }
    assert!(out.exists(), "the 总计划 is written despite the errors");
    let found = sheet_values(&out, "检查问题");
    let rules: BTreeSet<&str> = found
        .iter()
        .filter(|(k, _)| k.starts_with('C') && k != &"C1")
        .map(|(_, v)| v.as_str())
        .collect();
    for rule in ["合并.重复填报", "合并.计量单位", "合并.项目名称"] {
        assert!(
            rules.contains(rule),
            "{rule} in the findings sheet: {rules:?}"
        );
    }
    // 台 and 套 are not added up: two summary rows for the one 品目.
    let v = sheet_values(&out, "总计划汇总");
    let measures: Vec<&str> = (5..)
        .map_while(|r| v.get(&format!("C{r}")).map(|c| (c, r)))
        .filter(|(c, _)| c.as_str() == "A02010105")
        .map(|(_, r)| v[&format!("E{r}")].as_str())
        .collect();
    assert_eq!(measures, ["台", "套"]);
}

#[test]
fn strict_refuses_to_write_when_there_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let files = conflicting(dir.path());
    let out = dir.path().join("总计划.xlsx");
    let o = out.to_str().unwrap();
    let r = jicai(&merge_args(&files, o, &["--strict"]));
    assert_eq!(r.status.code(), Some(1));
    assert!(!out.exists(), "nothing written under --strict");
    assert!(String::from_utf8_lossy(&r.stderr).contains("--strict"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        files.len(),
        "no temporary file left: {names:?}"
    );
}

#[test]
fn bad_input_stops_with_exit_code_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_all(dir.path(), &[unit(0, lines_for(0, 2))]);
    let out = dir.path().join("总计划.xlsx");
    let o = out.to_str().unwrap();

    let pdf = dir.path().join("扫描件.xlsx");
    std::fs::write(&pdf, b"%PDF-1.4 not a table").unwrap();
    let files = vec![good[0].clone(), pdf.display().to_string()];
    let r = jicai(&merge_args(&files, o, &[]));
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("扫描件.xlsx"));

    // A workbook without any 需求表.
    let contracts = dir.path().join("合同.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "参与单位",
        "合同编号",
        "合同类型",
        "合同金额",
        "中标通知书日期",
        "合同签订日期",
    ]
    .iter()
    .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    ws.write(1, 0, "甲").unwrap();
    ws.write(1, 1, "HT-1").unwrap();
    wb.save(&contracts).unwrap();
    let files = vec![good[0].clone(), contracts.display().to_string()];
    let r = jicai(&merge_args(&files, o, &[]));
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{err}");
    assert!(err.contains("合同.xlsx") && err.contains("需求表"), "{err}");

    // The same file twice would count it twice.
    let files = vec![good[0].clone(), good[0].clone()];
    let r = jicai(&merge_args(&files, o, &[]));
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("重复"));
    assert!(!out.exists());

    // An existing output is kept without --force.
    std::fs::write(&out, b"old").unwrap();
    let r = jicai(&merge_args(&good, o, &[]));
    assert_eq!(r.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    let r = jicai(&merge_args(&good, o, &["--force"]));
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stdout)
    );
    let names: HashMap<String, String> = sheet_values(&out, "总计划汇总").into_iter().collect();
    assert!(names.values().any(|v| v.contains("总计划汇总表")));
}
