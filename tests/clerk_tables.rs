//! Tables as clerks make them: headers in the documents' own words, two-level
//! headers, values worded as the documents word them, a column map — read,
//! checked, and the mapping and coverage read back from the JSON report.

use rust_xlsxwriter::Workbook;
use serde_json::Value as Json;
use std::path::Path;
use std::process::Command;

fn jicai(args: &[&str]) -> (Json, Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .output()
        .expect("jicai runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let json = serde_json::from_str(&stdout).unwrap_or(Json::Null);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    (json, out.status.code(), stderr)
}

fn check(file: &Path, extra: &[&str]) -> Json {
    let f = file.to_str().unwrap();
    let mut args = vec![
        "check",
        f,
        "-p",
        "浙江",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    ];
    args.extend(extra);
    let (json, code, _) = jicai(&args);
    assert!(matches!(code, Some(0) | Some(1)), "{json}");
    json
}

/// A contract register with a merged title, a two-row header (中标供应商 over
/// 名称/信用代码/收款银行) and headers in everyday words.
fn write_contracts(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("合同情况").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        9,
        "2025年带量采购合同签订情况登记表",
        &Default::default(),
    )
    .unwrap();
    let singles = [
        (0, "采购人名称"),
        (1, "合同编号"),
        (2, "合同类型"),
        (3, "合同金额（元）"),
        (4, "中标通知书发出时间"),
        (5, "合同签订时间"),
        (9, "经办单位"),
    ];
    for (c, h) in singles {
        ws.merge_range(1, c, 2, c, h, &Default::default()).unwrap();
    }
    ws.merge_range(1, 6, 1, 8, "中标供应商", &Default::default())
        .unwrap();
    for (c, h) in [(6, "名称"), (7, "信用代码"), (8, "收款银行")] {
        ws.write(2, c, h).unwrap();
    }
    let rows = [
        [
            "甲局",
            "HT-1",
            "主合同",
            "100000",
            "2025-07-01",
            "2025-07-31",
            "某公司",
            "91330106MA2GL3XY2U",
            "工行",
            "甲局",
        ],
        [
            "乙局",
            "HT-2",
            "主合同",
            "200000",
            "2025-07-01",
            "2025-08-01",
            "某公司",
            "91330106MA2GL3XY2U",
            "工行",
            "乙局",
        ],
        [
            "乙局",
            "HT-2-1",
            "补充合同",
            "20000",
            "",
            "2025-09-05",
            "某公司",
            "91330106MA2GL3XY2U",
            "工行",
            "乙局",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write(3 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

fn column<'a>(json: &'a Json, cell: &str) -> &'a Json {
    json["inputs"][0]["sheets"][0]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["cell"] == cell)
        .unwrap_or_else(|| panic!("no column at {cell}: {json}"))
}

fn rules_at(json: &Json) -> Vec<(String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["location"]["cell"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn everyday_headers_two_level_headers_and_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("合同.xlsx");
    write_contracts(&path);
    let json = check(&path, &[]);
    let sheet = &json["inputs"][0]["sheets"][0];
    assert_eq!(sheet["table"], "合同备案表");
    for (cell, field, how) in [
        ("A2", "参与单位", "synonym"),
        ("B2", "合同编号", "exact"),
        ("E2", "中标通知书日期", "synonym"),
        ("F2", "合同签订日期", "synonym"),
        ("G3", "供应商名称", "two-level"),
        ("H3", "统一社会信用代码", "synonym"),
        ("I3", "收款银行", "exact"),
    ] {
        let c = column(&json, cell);
        assert_eq!(c["field"], field, "{c}");
        assert_eq!(c["match"], how, "{c}");
    }
    assert_eq!(column(&json, "J2")["match"], "unused");
    let found = rules_at(&json);
    // Day 31 is found because 合同签订时间 is the signing date.
    assert!(found.contains(&("GP-46".into(), "F5".into())), "{found:?}");
    // A supplementary contract has no award notice: no false alarm.
    assert!(
        !found.iter().any(|(r, c)| c == "E6" || r == "表格.必填"),
        "{found:?}"
    );
    // No 合同备案日期 column: GP-47 is not checked, not violated.
    let not_checked = json["coverage"]["not_checked"].as_array().unwrap();
    let gp47 = not_checked.iter().find(|n| n["rule"] == "GP-47").unwrap();
    assert!(
        gp47["missing"]
            .as_array()
            .unwrap()
            .contains(&"合同备案日期".into())
    );
    assert!(!found.iter().any(|(r, _)| r == "GP-47"));
    let checked = json["coverage"]["checked"].as_array().unwrap();
    assert!(checked.contains(&"GP-46".into()));
}

#[test]
fn the_clerk_corrects_the_mapping_with_a_map_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("合同.xlsx");
    write_contracts(&path);
    let f = path.to_str().unwrap();
    // `jicai map` prints a file that reads back.
    let out = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(["map", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.contains("\"中标供应商名称\": \"供应商名称\""),
        "{printed}"
    );
    assert!(printed.contains("\"经办单位\": ~"), "{printed}");
    // The clerk says the unit is in 经办单位, and 采购人名称 is not read.
    let edited = printed
        .replace("\"经办单位\": ~", "\"经办单位\": \"参与单位\"")
        .replace("\"采购人名称\": \"参与单位\"", "\"采购人名称\": ~");
    let map = dir.path().join("map.yaml");
    std::fs::write(&map, edited).unwrap();
    let json = check(&path, &["--map", map.to_str().unwrap()]);
    assert_eq!(column(&json, "J2")["field"], "参与单位");
    assert_eq!(column(&json, "A2")["match"], "unused");

    // A field that does not exist: exit 2 with a hint.
    std::fs::write(&map, "合同情况:\n  经办单位: 参与单为\n").unwrap();
    let (_, code, err) = jicai(&["check", f, "-p", "浙江", "--map", map.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    // The message is wrapped to the terminal's width.
    let err: String = err
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert!(
        err.contains("没有字段“参与单为”，是否指“参与单位”？"),
        "{err}"
    );
}

/// A 需求表 with a 单位：万元 line, 县（市、区）级, 是否为牵头单位, a full-width
/// 品目 code and a negative amount.
#[test]
fn values_as_the_documents_word_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("需求.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("需求汇总").unwrap();
    ws.write(0, 0, "2025年办公设备带量采购需求汇总表").unwrap();
    ws.write(1, 0, "单位：万元").unwrap();
    let header = [
        "序号",
        "预算单位名称",
        "预算级次",
        "是否为牵头单位",
        "品目编码",
        "采购数量",
        "计量单位",
        "采购预算金额",
        "项目名称",
        "组织形式",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    let rows: [[&str; 10]; 3] = [
        [
            "1",
            "某县教育局",
            "县（市、区）级",
            "是",
            "A02010105",
            "100",
            "台",
            "250",
            "办公设备带量采购",
            "分散采购",
        ],
        [
            "2",
            "某县卫健局",
            "县（市、区）级",
            "否",
            "Ａ02010105",
            "60",
            "台",
            "150",
            "办公设备带量采购",
            "分散采购",
        ],
        [
            "3",
            "某县民政局",
            "县级",
            "否",
            "A02010108",
            "10",
            "台",
            "-18",
            "办公设备带量采购",
            "分散采购",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let json = check(&path, &[]);
    assert_eq!(json["inputs"][0]["sheets"][0]["table"], "需求表");
    let found = rules_at(&json);
    // The negative amount, nothing about 县（市、区）级.
    assert!(
        found.contains(&("表格.取值".into(), "H6".into())),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, c)| c.starts_with('C')), "{found:?}");
    // Ａ02010105 and A02010105 are one 品目 of 400万元: ZJ-03 sees the total
    // on both rows.
    let zj03: Vec<&Json> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "ZJ-03")
        .collect();
    assert_eq!(zj03.len(), 2, "{zj03:?}");
    assert!(
        zj03.iter().all(|f| f["message"]
            .as_str()
            .unwrap()
            .contains("汇总预算 4,000,000.00元")),
        "{zj03:?}"
    );
}
