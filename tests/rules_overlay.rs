//! `--rules DIR` lays a folder over the built-in library, `--rules-only DIR`
//! replaces it, and `rules export DIR` writes the built-in library out, all
//! through the binary.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("jicai 可以运行")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A province not in the library: one parameter, one rule, its examples.
const HEBEI: &str = r#"# 河北：只写本省新增的一条
规则集 河北 {
  名称 "河北省测试文件"
  文号 "冀财采〔2026〕1号"
  标识 hebei
  生效 2025-01-01
  继承 全国
}

参数 河北合同上限 = 100万元 {
  依据 第二条 "单份合同金额不超过100万元。"
}

规则 HB-02 "单份合同金额不超过100万元" {
  依据 第二条 "单份合同金额不超过100万元。"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 不超过 河北合同上限
  说明 "合同 {合同编号} 金额 {合同金额} 超过 {河北合同上限}"
  位置 合同金额
}

例 "100万元整不超过上限" {
  合同备案表 { 合同编号: "HT-1", 合同金额: 1000000元 }
  期望 通过 HB-02
}

例 "多一分即超过" {
  合同备案表 { 合同编号: "HT-2", 合同金额: 1000000.01元 }
  期望 违反 HB-02
}
"#;

fn hebei_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("hebei.rules"), HEBEI).unwrap();
    d
}

fn list_row<'a>(listing: &'a str, set: &str) -> Option<&'a str> {
    listing
        .lines()
        .find(|l| l.split_whitespace().next() == Some(set))
}

#[test]
fn a_folder_with_one_new_province_adds_it_to_the_builtin_library() {
    let d = hebei_dir();
    let dir = d.path().to_str().unwrap();
    let list = jicai(&["--rules", dir, "rules", "list"]);
    assert_eq!(list.status.code(), Some(0), "{}", text(&list));
    let listing = String::from_utf8_lossy(&list.stdout).to_string();
    for set in ["全国", "浙江", "聊城", "河北"] {
        assert!(list_row(&listing, set).is_some(), "{set} 缺失：\n{listing}");
    }
    // 全国 has 37 rules; 河北 inherits them all and adds one.
    let national: usize = list_row(&listing, "全国")
        .unwrap()
        .split_whitespace()
        .nth(4)
        .unwrap()
        .parse()
        .unwrap();
    let hebei: usize = list_row(&listing, "河北")
        .unwrap()
        .split_whitespace()
        .nth(4)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(hebei, national + 1);

    let test = jicai(&["--rules", dir, "rules", "test", "河北"]);
    assert_eq!(test.status.code(), Some(0), "{}", text(&test));
    assert!(text(&test).contains("多一分即超过"));
}

#[test]
fn the_new_province_checks_a_workbook_with_inherited_and_own_rules() {
    let d = hebei_dir();
    let out = jicai(&[
        "--rules",
        d.path().to_str().unwrap(),
        "check",
        "samples/zhejiang/faulty.xlsx",
        "--province",
        "hebei",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ruleset"], "河北");
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"HB-02"), "{rules:?}");
    assert!(rules.iter().any(|r| r.starts_with("GP-")), "{rules:?}");
    let hb = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "HB-02")
        .unwrap();
    assert_eq!(hb["citations"][0]["document"], "冀财采〔2026〕1号");
}

#[test]
fn a_file_declaring_a_builtin_rule_set_replaces_it() {
    let d = tempfile::tempdir().unwrap();
    // Another file name than zhejiang.rules: the rule set name decides.
    std::fs::write(
        d.path().join("浙江新版.rules"),
        "规则集 浙江 {\n  名称 \"浙江新版\"\n  文号 \"浙财采监〔2026〕1号\"\n  标识 zhejiang\n  生效 2026-01-01\n  继承 全国\n}\n",
    )
    .unwrap();
    let list = jicai(&["--rules", d.path().to_str().unwrap(), "rules", "list"]);
    assert_eq!(list.status.code(), Some(0), "{}", text(&list));
    let listing = String::from_utf8_lossy(&list.stdout).to_string();
    let row = list_row(&listing, "浙江").unwrap();
    assert!(row.contains("浙江新版"), "{row}");
    assert!(row.contains("2026-01-01"), "{row}");
    assert_eq!(listing.matches("zhejiang").count(), 1, "{listing}");
}

#[test]
fn a_mistake_in_the_folder_is_reported_against_its_file() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("hebei.rules"),
        HEBEI.replace("要求 合同金额 不超过", "要求 合同金钱 不超过"),
    )
    .unwrap();
    let out = jicai(&["--rules", d.path().to_str().unwrap(), "rules", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert!(t.contains("hebei.rules:18:"), "{t}");
    assert!(t.contains("合同金额"), "{t}");
    assert!(!t.contains("national.rules:"), "{t}");
    // The examples that name HB-02 add nothing: the rule has its own error.
    assert!(t.contains("规则文件有 1 处错误"), "{t}");
}

#[test]
fn rules_only_replaces_the_library_and_says_how_to_keep_it() {
    let d = hebei_dir();
    let out = jicai(&["--rules-only", d.path().to_str().unwrap(), "rules", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert!(t.contains("继承了不存在的规则集“全国”"), "{t}");
    assert!(t.contains("--rules"), "{t}");
    let both = jicai(&["--rules", "x", "--rules-only", "y", "rules", "list"]);
    assert_eq!(both.status.code(), Some(2));
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn export_writes_the_library_that_loads_alone_the_same() {
    let d = tempfile::tempdir().unwrap();
    let lib = d.path().join("库");
    let lib_s = lib.to_str().unwrap();
    let out = jicai(&["rules", "export", lib_s]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let files = files_under(&lib);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    assert_eq!(files, files_under(&root));
    for f in &files {
        let same = std::fs::read(lib.join(f)).unwrap() == std::fs::read(root.join(f)).unwrap();
        assert!(same, "导出的 {f} 与 rules/{f} 不同");
    }
    let alone = jicai(&["--rules-only", lib_s, "rules", "list"]);
    let builtin = jicai(&["rules", "list"]);
    assert_eq!(alone.status.code(), Some(0), "{}", text(&alone));
    assert_eq!(alone.stdout, builtin.stdout);

    // A second export does not overwrite without --force, and writes nothing.
    std::fs::write(lib.join("national.rules"), "改过").unwrap();
    let again = jicai(&["rules", "export", lib_s]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again).contains("--force"), "{}", text(&again));
    assert_eq!(
        std::fs::read_to_string(lib.join("national.rules")).unwrap(),
        "改过"
    );
    let forced = jicai(&["rules", "export", lib_s, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    let restored = std::fs::read(lib.join("national.rules")).unwrap();
    assert!(restored == std::fs::read(root.join("national.rules")).unwrap());
}
