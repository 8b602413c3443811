//! Load-time errors in rule files: each names file:line:column (in
//! characters), shows the source line, and gives a Chinese message and, where
//! one exists, a did-you-mean hint.

use jicai::dsl::{LoadError, Sources, load};

const TABLES: &str = include_str!("../rules/tables.rules");
const NATIONAL: &str = include_str!("../rules/national.rules");

/// Loads the shipped tables and national rules plus `text` as `测试.rules`;
/// returns the errors that name `测试.rules`.
fn errors_of(text: &str) -> Vec<LoadError> {
    let mut sources = Sources::default();
    sources.add("tables.rules", TABLES);
    sources.add("national.rules", NATIONAL);
    sources.add("测试.rules", text);
    match load(&sources) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.into_iter().filter(|e| e.file == "测试.rules").collect(),
    }
}

fn one_error(text: &str) -> LoadError {
    let errs = errors_of(text);
    assert_eq!(errs.len(), 1, "expected exactly one error, got {errs:#?}");
    errs.into_iter().next().unwrap()
}

const HEADER: &str =
    "规则集 测试 {\n  名称 \"测试文件\"\n  文号 \"测〔2025〕1号\"\n  继承 全国\n}\n";

fn rule(body: &str) -> String {
    format!("{HEADER}规则 T-1 \"测试规则\" {{\n{body}\n}}\n")
}

#[test]
fn clean_file_loads() {
    let text = rule(
        "  依据 第一条 \"原文\"\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元",
    );
    assert!(errors_of(&text).is_empty());
}

#[test]
fn unknown_column_points_at_it_with_hint() {
    let text =
        rule("  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金钱 不超过 100万元");
    let e = one_error(&text);
    assert_eq!((e.line, e.column), (10, 6), "{e}");
    assert!(e.message.contains("未知的名称“合同金钱”"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“合同金额”？"));
    assert_eq!(e.source_line, "  要求 合同金钱 不超过 100万元");
    // The caret sits under the name: two spaces and 要求 (width 4) and a space.
    assert_eq!(e.caret_line(), "       ^^^^^^^^");
}

#[test]
fn syntax_error_names_what_was_expected() {
    let text =
        rule("  依据 第一条\n  程度 应该\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元");
    let e = one_error(&text);
    assert_eq!((e.line, e.column), (8, 6), "{e}");
    assert!(e.message.starts_with("语法错误"), "{e}");
    assert!(e.message.contains("程度词"), "{e}");
}

#[test]
fn misspelt_keyword_gets_a_hint() {
    let text =
        rule("  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  耀求 合同金额 不超过 100万元");
    let e = one_error(&text);
    assert_eq!((e.line, e.column), (10, 3), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“要求”？"), "{e}");
}

#[test]
fn amount_compared_with_date_is_a_type_error() {
    let text = rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 合同签订日期",
    );
    let e = one_error(&text);
    assert!(e.message.contains("金额不能与日期比较"), "{e}");
}

#[test]
fn amount_against_bare_number_suggests_a_unit() {
    let text =
        rule("  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 4000000");
    let e = one_error(&text);
    assert!(e.message.contains("金额不能与数值比较"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("金额请写明单位，如 400万元"));
}

#[test]
fn rule_without_citation_does_not_load() {
    let text = rule("  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元");
    let e = one_error(&text);
    assert!(e.message.contains("缺少依据"), "{e}");
}

#[test]
fn parameter_without_citation_does_not_load() {
    let text = format!("{HEADER}参数 门槛 = 400万元 {{\n}}\n");
    let e = one_error(&text);
    assert!(e.message.contains("参数“门槛”缺少依据"), "{e}");
}

#[test]
fn duplicate_rule_ids_are_refused() {
    let body = "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元";
    let text = format!("{}规则 T-1 \"再来一次\" {{\n{body}\n}}\n", rule(body));
    let e = one_error(&text);
    assert!(e.message.contains("规则编号“T-1”重复"), "{e}");
    assert_eq!(e.line, 12);
}

#[test]
fn same_id_as_parent_needs_override() {
    let text = rule("").replace("T-1", "GP-46") + "";
    let errs = errors_of(&text);
    assert!(
        errs.iter()
            .any(|e| e.message.contains("与上级规则集“全国”的规则同号")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.hint.as_deref() == Some("如需覆盖上级的规则，请在前面加“覆盖”"))
    );
}

#[test]
fn override_of_missing_rule_is_refused_with_hint() {
    let body = "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元";
    let text = format!("{HEADER}覆盖 规则 GP-470 \"x\" {{\n{body}\n}}\n");
    let e = one_error(&text);
    assert!(e.message.contains("在上级规则集中不存在"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“GP-47”？"));
}

#[test]
fn overriding_parameter_must_keep_its_type() {
    let text = format!("{HEADER}覆盖 参数 合同签订期限 = 10% {{\n  依据 第一条\n}}\n");
    let e = one_error(&text);
    assert!(e.message.contains("类型应与上级一致"), "{e}");
}

#[test]
fn unknown_parent_and_cycles() {
    let e = one_error("规则集 测试 {\n  名称 \"x\"\n  继承 全囯\n}\n");
    assert!(e.message.contains("继承了不存在的规则集“全囯”"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“全国”？"));

    let mut sources = Sources::default();
    sources.add("a.rules", "规则集 甲 {\n  名称 \"甲\"\n  继承 乙\n}\n");
    sources.add("b.rules", "规则集 乙 {\n  名称 \"乙\"\n  继承 甲\n}\n");
    let errs = load(&sources).unwrap_err().0;
    assert!(
        errs.iter().any(|e| e.message.contains("规则集继承成环")),
        "{errs:#?}"
    );
}

#[test]
fn enum_literal_must_be_a_declared_value() {
    let text = rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  当 合同类型 = \"补允合同\"\n  要求 合同金额 不超过 100万元",
    );
    let e = one_error(&text);
    assert!(e.message.contains("不是列“合同类型”的可选值"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“补充合同”？"));
}

#[test]
fn aggregate_in_row_scope_is_refused() {
    let text = rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合计(合同金额) 不超过 100万元",
    );
    let e = one_error(&text);
    assert!(e.message.contains("只能用于“按 … 分组”或“整表”范围"), "{e}");
}

#[test]
fn unknown_table_and_join_column() {
    let e = one_error(&rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备按表 每行\n  要求 合同金额 不超过 100万元",
    ));
    assert!(e.message.contains("未知的表“合同备按表”"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("是否指“合同备案表”？"));
}

#[test]
fn column_counts_characters_not_bytes() {
    // The name stands after nine Chinese characters and five spaces:
    // column 15, where a byte count would say 33.
    let e = one_error(&rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 未知参数",
    ));
    assert_eq!((e.line, e.column), (10, 15), "{e}");
}

#[test]
fn message_template_expressions_are_checked() {
    let text = rule(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元\n  说明 \"合同 {合同编码} 过大\"",
    );
    let e = one_error(&text);
    assert!(e.message.contains("未知的名称“合同编码”"), "{e}");
    // Inside the message string, at the name after "{".
    assert_eq!((e.line, e.column), (11, 11), "{e}");
}

#[test]
fn example_with_unknown_column_and_rule() {
    let body = "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 100万元";
    let text = format!(
        "{}例 \"x\" {{\n  合同备案表 {{ 合同金钱: 5元 }}\n  期望 违反 T-2\n}}\n",
        rule(body)
    );
    let errs = errors_of(&text);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0].message.contains("没有列“合同金钱”"));
    assert!(errs[1].message.contains("没有规则“T-2”"));
    assert_eq!(errs[1].hint.as_deref(), Some("是否指“T-1”？"));
}

#[test]
fn huge_expressions_are_refused_not_overflowing_the_stack() {
    // A left-deep chain of 20,000 additions (or negations) once overflowed
    // the stack while being checked; now it is a load error. Test threads
    // have small stacks, so this also shows the limit leaves room.
    for body in [
        vec!["合同金额"; 20_000].join(" + "),
        format!("{}合同金额", "非 ".repeat(20_000)),
    ] {
        let text = rule(&format!(
            "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 {body} 不超过 100万元"
        ));
        let e = one_error(&text);
        assert_eq!(e.message, "表达式过于复杂，无法处理", "{e}");
        assert_eq!(e.line, 10);
    }
    // A long but sane condition still loads.
    let body = vec!["合同金额"; 100].join(" + ");
    let text = rule(&format!(
        "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 {body} 不超过 100万元"
    ));
    assert!(errors_of(&text).is_empty());
}
