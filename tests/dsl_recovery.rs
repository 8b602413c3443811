//! Error recovery: every real mistake in a rule file is reported once, where
//! it is, and none because of an earlier one.

use jicai::dsl::source::{Embedded, RuleSource, overlay_files};
use jicai::dsl::{LoadErrors, Sources};

const HEAD: &str = r#"规则集 河北 {
  名称 "河北省测试文件"
  文号 "冀财采〔2026〕1号"
  标识 hebei
  生效 2025-01-01
  继承 全国
}

参数 河北合同上限 = 100万元 {
  依据 第二条 "单份合同金额不超过100万元。"
}
"#;

/// A rule over 合同备案表 with the given level word, scope word and
/// requirement.
fn rule(id: &str, level: &str, each: &str, require: &str) -> String {
    format!(
        "\n规则 {id} \"{id}\" {{\n  依据 第二条 \"单份合同金额不超过100万元。\"\n  程度 {level}\n  范围 合同备案表 {each}\n  要求 {require}\n}}\n"
    )
}

const EXAMPLE: &str = "\n例 \"三条规则\" {\n  合同备案表 { 合同编号: \"HT-1\", 合同金额: 1000000元 }\n  期望 通过 HB-01, HB-02, HB-03\n}\n";

/// (line, column, message) of every error loading `text` as 河北.rules over
/// the built-in library.
fn errors(text: &str) -> Vec<(usize, usize, String)> {
    let files = overlay_files(
        Embedded.rule_files().unwrap(),
        vec![("河北.rules".into(), text.into())],
    );
    let mut sources = Sources::default();
    for (n, t) in files {
        sources.add(n, t);
    }
    match jicai::dsl::load(&sources) {
        Ok(_) => Vec::new(),
        Err(LoadErrors(es)) => es
            .into_iter()
            .map(|e| {
                assert_eq!(e.file, "河北.rules", "错误不应出现在其他文件中：{e}");
                (e.line, e.column, e.message)
            })
            .collect(),
    }
}

#[test]
fn three_independent_type_and_name_mistakes_give_exactly_three_errors() {
    let ok = "合同金额 不超过 河北合同上限";
    let text = [
        HEAD.to_string(),
        rule("HB-01", "应当", "每行", "合同金钱 不超过 河北合同上限"),
        rule("HB-02", "应当", "每行", "合同签订日期 不超过 河北合同上限"),
        rule("HB-03", "应当", "每行", "合同金额 不超过 河北合同下限"),
        EXAMPLE.to_string(),
    ]
    .concat();
    let e = errors(&text);
    let at: Vec<(usize, usize)> = e.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(at, [(17, 6), (24, 6), (31, 15)], "{e:#?}");
    assert!(e[0].2.contains("合同金钱"));
    assert!(e[1].2.contains("日期不能与金额比较"));
    assert!(e[2].2.contains("河北合同下限"));
    // Fixing them leaves nothing.
    let fixed = [
        HEAD.to_string(),
        rule("HB-01", "应当", "每行", ok),
        rule("HB-02", "应当", "每行", ok),
        rule("HB-03", "应当", "每行", ok),
        EXAMPLE.to_string(),
    ]
    .concat();
    assert_eq!(errors(&fixed), Vec::new());
}

#[test]
fn three_syntax_mistakes_in_three_items_give_exactly_three_errors() {
    let ok = "合同金额 不超过 河北合同上限";
    let unclosed = rule("HB-03", "应当", "每行", ok)
        .trim_end()
        .trim_end_matches('}')
        .to_string()
        + "\n";
    let text = [
        HEAD.to_string(),
        rule("HB-01", "应该", "每行", ok),
        rule("HB-02", "应当", "每一行", ok),
        unclosed,
        EXAMPLE.to_string(),
    ]
    .concat();
    let e = errors(&text);
    let at: Vec<(usize, usize)> = e.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(at, [(15, 6), (23, 12), (34, 1)], "{e:#?}");
    assert!(
        e[0].2.contains("此处不应出现“应该”，应为程度词"),
        "{}",
        e[0].2
    );
    assert!(e[1].2.contains("此处不应出现“每一行”"), "{}", e[1].2);
    assert!(e[2].2.contains("上一项缺少结尾的“}”"), "{}", e[2].2);
}

#[test]
fn a_missing_brace_at_the_end_of_the_file_is_still_one_error() {
    let text = HEAD.to_string() + "\n规则 HB-01 \"x\" {\n  依据 第二条 \"y\"\n";
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].2.contains("文件意外结束"), "{}", e[0].2);
}
