//! The rule library end to end: every jurisdiction's sample workbooks are
//! checked through the binary (`jicai check … --format json`), and the exact
//! findings compared; the clean samples give no error or warning; each
//! faulty sample triggers every rule of its rule set; every rule has
//! examples on both sides of its boundary and cites its sources.
//!
//! The samples are written by `cargo run --example make_samples`; when a
//! rule or a sample changes on purpose, update the lists below.

use jicai::library::RuleLibrary;
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::{Command, Output};

/// Every sample date lies in 2025; check after the last of them.
const AS_OF: &str = "2025-12-31";

/// (rule, severity, sheet, cell); project facts have no sheet or cell.
type F = (&'static str, &'static str, &'static str, &'static str);

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("jicai 可以运行")
}

/// Runs `check` on samples/<j>/<kind>.xlsx with its project file.
fn check(j: &str, kind: &str) -> (Value, Option<i32>) {
    let book = format!("samples/{j}/{kind}.xlsx");
    let facts = if kind == "faulty" {
        format!("samples/{j}/project-faulty.yaml")
    } else {
        format!("samples/{j}/project.yaml")
    };
    let out = jicai(&[
        "check",
        &book,
        "--province",
        j,
        "--as-of",
        AS_OF,
        "--data",
        &facts,
        "--format",
        "json",
    ]);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{book}：输出不是 JSON（{e}）\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code())
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn findings(report: &Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|f| {
            (
                text(&f["rule"]),
                text(&f["severity"]),
                text(&f["location"]["sheet"]),
                text(&f["location"]["cell"]),
            )
        })
        .collect();
    v.sort();
    v
}

fn assert_faulty(j: &str, expected: &[F]) {
    let (report, code) = check(j, "faulty");
    let got = findings(&report);
    let mut want: Vec<(String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    want.sort();
    if got != want {
        let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
        let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
        panic!("{j} faulty：缺少 {missing:#?}\n多出 {extra:#?}");
    }
    assert_eq!(code, Some(1), "有错误时退出码为 1");
    // Every finding carries its citations.
    for f in report["findings"].as_array().into_iter().flatten() {
        let cites = f["citations"].as_array().map_or(0, Vec::len);
        assert!(cites > 0, "{j}：{} 没有依据", f["rule"]);
    }
}

fn assert_clean(j: &str) {
    let (report, code) = check(j, "clean");
    let bad: Vec<_> = findings(&report)
        .into_iter()
        .filter(|f| f.1 != "info")
        .collect();
    assert!(bad.is_empty(), "{j} clean 不应有错误或警告：{bad:#?}");
    assert_eq!(code, Some(0));
    // Every sheet of the clean sample was read as a declared table.
    for input in report["inputs"].as_array().into_iter().flatten() {
        for sheet in input["sheets"].as_array().into_iter().flatten() {
            assert!(sheet["table"].is_string(), "{j}：工作表未识别 {sheet}");
        }
    }
}

fn assert_every_rule_triggered(j: &str) {
    let lib = RuleLibrary::open(None).expect("内置规则可以加载");
    let set = lib.ruleset(j).expect("规则集存在");
    let (report, _) = check(j, "faulty");
    let fired: BTreeSet<String> = findings(&report).into_iter().map(|f| f.0).collect();
    let silent: Vec<&str> = set
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !fired.contains(*id))
        .collect();
    assert!(silent.is_empty(), "{j} faulty 未触发的规则：{silent:?}");
}

macro_rules! samples {
    ($($module:ident: $j:literal => $expected:ident;)*) => {$(
        mod $module {
            #[test]
            fn faulty_sample_gives_exactly_the_expected_findings() {
                super::assert_faulty($j, super::$expected);
            }
            #[test]
            fn clean_sample_gives_no_error_or_warning() {
                super::assert_clean($j);
            }
            #[test]
            fn faulty_sample_triggers_every_rule() {
                super::assert_every_rule_triggered($j);
            }
        }
    )*};
}

samples! {
    national: "national" => NATIONAL;
    beijing: "beijing" => BEIJING;
    zhejiang: "zhejiang" => ZHEJIANG;
    jilin: "jilin" => JILIN;
    shandong: "shandong" => SHANDONG;
    liaocheng: "liaocheng" => LIAOCHENG;
    jiangbei: "jiangbei" => JIANGBEI;
}

#[test]
fn all_seven_jurisdictions_are_shipped() {
    let lib = RuleLibrary::open(None).expect("内置规则可以加载");
    for (id, name, parent) in [
        ("national", "全国", None),
        ("beijing", "北京", Some("全国")),
        ("zhejiang", "浙江", Some("全国")),
        ("jilin", "吉林", Some("全国")),
        ("shandong", "山东", Some("全国")),
        ("liaocheng", "聊城", Some("山东")),
        ("jiangbei", "重庆江北", Some("全国")),
    ] {
        let set = lib.ruleset(id).expect(id);
        assert_eq!(set.name, name);
        assert_eq!(set.parent.as_deref(), parent, "{name}");
    }
}

#[test]
fn rule_examples_pass() {
    let out = jicai(&["rules", "test"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("，0 个失败"), "{stdout}");
    // Every rule of every set has examples on both sides of its boundary,
    // the passing one reaching the 要求.
    assert!(!stdout.contains("没有例的规则"), "{stdout}");
    assert!(!stdout.contains("且检验到要求的例"), "{stdout}");
    for j in [
        "national",
        "beijing",
        "zhejiang",
        "jilin",
        "shandong",
        "liaocheng",
        "jiangbei",
    ] {
        let out = jicai(&["rules", "test", j]);
        assert_eq!(out.status.code(), Some(0), "rules test {j}");
    }
}

/// Each rule, where it is defined (including overrides), has an example that
/// violates it and one that passes it.
#[test]
fn every_rule_has_examples_on_both_sides() {
    let lib = RuleLibrary::open(None).expect("内置规则可以加载");
    let mut missing = Vec::new();
    for set in &lib.book.sets {
        let examples: Vec<_> = lib
            .book
            .examples
            .iter()
            .filter(|e| e.ruleset == set.name)
            .collect();
        for rule in set.rules.iter().filter(|r| r.defined_in == set.name) {
            let violated = examples
                .iter()
                .any(|e| e.expect_violated.contains(&rule.id));
            let passed = examples.iter().any(|e| e.expect_passed.contains(&rule.id));
            if !violated || !passed {
                missing.push(format!(
                    "{} {}（违反:{violated} 通过:{passed}）",
                    set.name, rule.id
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_rule_and_parameter_cites_document_article_and_text() {
    let lib = RuleLibrary::open(None).expect("内置规则可以加载");
    for set in &lib.book.sets {
        for r in &set.rules {
            assert!(!r.citations.is_empty(), "{} {}", set.name, r.id);
            for c in &r.citations {
                assert!(
                    !c.document.is_empty() && !c.article.is_empty() && !c.text.is_empty(),
                    "{} {}：{c:?}",
                    set.name,
                    r.id
                );
            }
        }
        for p in &set.params {
            assert!(!p.citations.is_empty(), "{} {}", set.name, p.name);
            for c in &p.citations {
                assert!(
                    !c.article.is_empty() && !c.text.is_empty(),
                    "{} {}：{c:?}",
                    set.name,
                    p.name
                );
            }
        }
    }
}

#[test]
fn diff_shows_added_and_overridden_rules_and_parameters() {
    let out = jicai(&["rules", "diff", "全国", "浙江"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "仅浙江有",
        "ZJ-03",
        "定义不同",
        "GP-46",
        "浙江（覆盖 全国）",
        "带量鼓励门槛",
        "400",
    ] {
        assert!(s.contains(needle), "缺少“{needle}”：\n{s}");
    }
    let out = jicai(&["rules", "diff", "shandong", "liaocheng", "--format", "json"]);
    let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: BTreeSet<String> = d["rules"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            assert_eq!(r["change"], "redefined");
            text(&r["id"])
        })
        .collect();
    let want: BTreeSet<String> = ["SD-三-同一机构", "SD-三-集采机构"]
        .map(String::from)
        .into();
    assert_eq!(ids, want);
    let out = jicai(&["rules", "diff", "全国", "不存在"]);
    assert_eq!(out.status.code(), Some(2), "未知规则集是用法错误");
}

// ── expected findings of each faulty sample (sorted) ────────────────────

const NATIONAL: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "F7"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
];

const BEIJING: &[F] = &[
    ("BJ-02-同一品目", "warning", "需求汇总表", "I4"),
    ("BJ-02-履行期限", "error", "合同备案表", "O16"),
    ("BJ-02-目录外", "warning", "需求汇总表", "I8"),
    ("BJ-02-集采机构", "error", "需求汇总表", "N8"),
    ("BJ-03-上级牵头", "warning", "需求汇总表", "D5"),
    ("BJ-03-委托函", "error", "需求汇总表", "P7"),
    ("BJ-03-牵头唯一", "error", "需求汇总表", "E8"),
    ("BJ-05-勾选", "error", "采购立项", "E6"),
    ("BJ-05-名称一致", "error", "采购立项", "C6"),
    ("BJ-06-一", "error", "", ""),
    ("BJ-06-三", "error", "", ""),
    ("BJ-06-二", "error", "", ""),
    ("BJ-07-意向公开", "error", "需求汇总表", "Q7"),
    ("BJ-07-核实", "error", "需求汇总表", "S6"),
    ("BJ-08-一", "error", "", ""),
    ("BJ-08-三", "error", "", ""),
    ("BJ-08-二", "error", "", ""),
    ("BJ-09-供应商名称", "error", "合同备案表", "P17"),
    ("BJ-09-信用代码", "error", "合同备案表", "Q17"),
    ("BJ-09-分批", "error", "合同备案表", "I14"),
    ("BJ-09-合同名称", "error", "合同备案表", "E17"),
    ("BJ-09-收款账户", "error", "合同备案表", "S17"),
    ("BJ-09-收款银行", "error", "合同备案表", "R17"),
    ("BJ-09-附件", "error", "合同备案表", "T17"),
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "I9"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
];

const ZHEJIANG: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-49", "error", "合同备案表", "I15"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "H9"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
    ("ZJ-02-同一品目", "warning", "需求汇总表", "H6"),
    ("ZJ-02-类别", "warning", "需求汇总表", "H10"),
    ("ZJ-02-类别", "warning", "需求汇总表", "H11"),
    ("ZJ-03", "info", "需求汇总表", "N7"),
    ("ZJ-04", "error", "需求汇总表", "M7"),
    ("ZJ-05", "warning", "需求汇总表", "D5"),
    ("ZJ-05-唯一", "error", "需求汇总表", "E10"),
    ("ZJ-07-委托函", "error", "需求汇总表", "P6"),
    ("ZJ-08", "error", "需求汇总表", "O5"),
    ("ZJ-11", "error", "合同备案表", "I15"),
];

const JILIN: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "H11"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
    ("JL-753-一-同一品目", "warning", "需求汇总表", "H4"),
    ("JL-753-一-框架协议", "error", "需求汇总表", "O12"),
    ("JL-753-一-目录外为主", "warning", "需求汇总表", "H12"),
    ("JL-753-二-上级牵头", "warning", "需求汇总表", "D5"),
    ("JL-753-二-牵头唯一", "error", "需求汇总表", "E12"),
    ("JL-三一4-配置分型", "error", "需求汇总表", "Q16"),
    ("JL-三一6-数量", "error", "合同备案表", "Z15"),
    ("JL-三三1-部门牵头", "warning", "需求汇总表", "D15"),
    ("JL-任务-品目", "error", "任务通知单", "C7"),
    ("JL-任务-范围", "error", "任务通知单", "E7"),
    ("JL-任务-限额", "error", "任务通知单", "D7"),
    ("JL-范本九-淘汰率", "error", "框架协议采购方案", "I19"),
    ("JL-范本五-有效期", "error", "框架协议采购方案", "J19"),
    ("JL-范本八-评审方法", "error", "框架协议采购方案", "F19"),
    ("JL-范本十-第二阶段", "error", "框架协议采购方案", "M19"),
    ("JL-范本四-类型", "error", "框架协议采购方案", "E19"),
    ("JL-附4-品目", "error", "项目安排情况表", "D8"),
    ("JL-附5-周期", "warning", "任务通知单", "F7"),
    ("JL-附6-品目", "error", "产品配置表", "B6"),
    ("JL-附6-配置", "error", "产品配置表", "C7"),
    ("JL-附7-服务", "warning", "任务通知单", "H9"),
    ("JL-附7-货物", "warning", "任务通知单", "H8"),
];

const SHANDONG: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "E11"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
    ("SD-一-分别备案", "error", "需求汇总表", "J6"),
    ("SD-一-计划不共用", "error", "需求汇总表", "J4"),
    ("SD-三-同一机构", "error", "需求汇总表", "K10"),
    ("SD-三-集采机构", "error", "需求汇总表", "L10"),
    ("SD-二-集采机构", "error", "需求汇总表", "L9"),
];

const LIAOCHENG: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "E12"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
    ("SD-一-分别备案", "error", "需求汇总表", "J6"),
    ("SD-一-计划不共用", "error", "需求汇总表", "J4"),
    ("SD-三-同一机构", "error", "需求汇总表", "K10"),
    ("SD-三-集采机构", "error", "需求汇总表", "K11"),
    ("SD-二-集采机构", "error", "需求汇总表", "L9"),
];

const JIANGBEI: &[F] = &[
    ("GP-110-11-供应商", "warning", "框架协议采购方案", "L9"),
    ("GP-110-11-采购人", "warning", "框架协议采购方案", "K8"),
    ("GP-110-12", "error", "框架协议采购方案", "C10"),
    ("GP-110-15-服务", "warning", "框架协议采购方案", "J12"),
    ("GP-110-15-货物", "warning", "框架协议采购方案", "J11"),
    ("GP-110-25", "error", "框架协议采购方案", "F13"),
    ("GP-110-26", "error", "框架协议采购方案", "O14"),
    ("GP-110-27-合格", "error", "入围结果", "H6"),
    ("GP-110-27-响应", "error", "入围结果", "G6"),
    ("GP-110-27-方案", "warning", "框架协议采购方案", "I15"),
    ("GP-110-27-方案检测", "error", "框架协议采购方案", "I16"),
    ("GP-110-27-淘汰一家", "error", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I6"),
    ("GP-110-27-淘汰比例", "warning", "入围结果", "I7"),
    ("GP-110-27-淘汰比例检测", "error", "入围结果", "I8"),
    ("GP-110-29-备案", "error", "入围结果", "M10"),
    ("GP-110-29-签订", "error", "入围结果", "K9"),
    ("GP-110-30", "error", "入围结果", "L10"),
    ("GP-110-31", "error", "入围结果", "P11"),
    ("GP-110-33", "warning", "框架协议采购方案", "M17"),
    ("GP-110-34", "warning", "框架协议采购方案", "M18"),
    ("GP-110-35-汇总", "error", "框架协议成交台账", "K6"),
    ("GP-110-35-逐笔", "error", "框架协议成交台账", "I6"),
    ("GP-34", "error", "采购执行台账", "P9"),
    ("GP-35", "error", "采购执行台账", "M8"),
    ("GP-36", "error", "采购执行台账", "R10"),
    ("GP-46", "error", "合同备案表", "L7"),
    ("GP-47", "error", "合同备案表", "N8"),
    ("GP-49", "error", "合同备案表", "I11"),
    ("GP-50", "error", "合同备案表", "M9"),
    ("GP-52", "info", "质疑投诉台账", "G8"),
    ("GP-53", "error", "质疑投诉台账", "H7"),
    ("GP-55", "info", "质疑投诉台账", "I9"),
    ("GP-56", "error", "质疑投诉台账", "K9"),
    ("GP-74-29", "error", "采购执行台账", "M23"),
    ("GP-74-40", "error", "采购执行台账", "AE22"),
    ("GP-74-7-五人", "error", "采购执行台账", "S15"),
    ("GP-74-7-小组", "error", "采购执行台账", "S14"),
    ("GP-87-18", "error", "采购执行台账", "K18"),
    ("GP-87-27", "error", "采购执行台账", "M19"),
    ("GP-87-29-终止", "error", "保证金", "N16"),
    ("GP-87-38-撤回", "error", "保证金", "N15"),
    ("GP-87-41", "error", "采购执行台账", "Q10"),
    ("GP-87-47-七人", "error", "采购执行台账", "S12"),
    ("GP-87-47-专家", "error", "采购执行台账", "T13"),
    ("GP-87-47-人数", "error", "采购执行台账", "S11"),
    ("GP-87-55-服务", "error", "采购执行台账", "V17"),
    ("GP-87-55-货物", "error", "采购执行台账", "V16"),
    ("GP-信用代码", "error", "合同备案表", "Q13"),
    ("GP-46-通知书日期", "error", "合同备案表", "K13"),
    ("GP-品目", "error", "需求汇总表", "F7"),
    ("GP-条例21", "error", "采购执行台账", "I20"),
    ("GP-条例33-形式", "error", "保证金", "G8"),
    ("GP-条例33-比例", "error", "保证金", "F7"),
    ("GP-条例33-退还中标", "error", "保证金", "N10"),
    ("GP-条例33-退还未中标", "error", "保证金", "N9"),
    ("GP-条例38", "error", "采购执行台账", "AC21"),
    ("GP-条例43-公告", "error", "采购执行台账", "AA26"),
    ("GP-条例43-确定", "error", "采购执行台账", "Y25"),
    ("GP-条例43-送交", "error", "采购执行台账", "X24"),
    ("GP-条例43-通知", "error", "采购执行台账", "Z26"),
    ("GP-条例48-形式", "error", "保证金", "G12"),
    ("GP-条例48-比例", "error", "保证金", "F11"),
    ("GP-条例51", "error", "合同支付台账", "H6"),
    ("GP-条例52", "error", "质疑投诉台账", "E6"),
    ("GP-需求10", "warning", "", ""),
    ("GP-需求10-台账", "warning", "需求管理台账", "H7"),
    ("GP-需求11-台账", "error", "需求管理台账", "G6"),
    ("GP-需求11-进口", "error", "", ""),
    ("GP-需求11-金额", "error", "", ""),
    ("GP-需求23", "error", "", ""),
    ("GP-需求23-台账", "error", "需求管理台账", "J6"),
    ("GP-需求33", "error", "", ""),
    ("GP-需求33-台账", "error", "需求管理台账", "I6"),
    ("JB-三三-不予退还", "error", "保证金", "R17"),
    ("JB-三三-退还方式", "error", "保证金", "O17"),
    ("JB-三三-退还时间", "error", "保证金", "P17"),
    ("JB-三三-退还条件", "error", "保证金", "Q17"),
    ("JB-三三-逾期退还", "error", "保证金", "S17"),
    ("JB-三五-付款方式", "error", "合同备案表", "U14"),
    ("JB-三五-付款时间", "error", "合同备案表", "V14"),
    ("JB-三五-付款条件", "error", "合同备案表", "W14"),
    ("JB-三五-逾期付款", "error", "合同备案表", "X14"),
    ("JB-三五-附加条件", "error", "合同支付台账", "K7"),
];
