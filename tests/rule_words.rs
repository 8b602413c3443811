//! Rule-language words people write in policy text: 大于, 小于, 不满,
//! 未超过, `在 X 内`, a half-width `(含)`, amounts in Chinese numerals, and a
//! date before the start of a period. Each rule carries examples on both
//! sides, run by `jicai rules test`.

use std::path::Path;
use std::process::Command;

const RULES: &str = r#"
规则集 词语 {
  名称 "比较词测试"
  文号 "（测试用）"
}

文件 测试 {
  名称 "测试用文件"
  文号 "（测试用）"
}

参数 门槛 = 一亿二千万元 {
  依据 《测试》 第一条 "一亿二千万元"
}

规则 大于 "金额大于一千万元" {
  依据 《测试》 第一条 "大于"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 大于 一千万元
}
例 "恰为一千万元违规" {
  合同备案表 { 合同编号: "A", 合同金额: 10000000元 }
  期望 违反 大于
}
例 "多一元通过" {
  合同备案表 { 合同编号: "A", 合同金额: 10000001元 }
  期望 通过 大于
}

规则 小于 "金额小于门槛（一亿二千万元）" {
  依据 《测试》 第一条 "小于"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 小于 门槛
}
例 "恰为门槛违规：万在数字之内，不是单位" {
  合同备案表 { 合同编号: "A", 合同金额: 120000000元 }
  期望 违反 小于
}
例 "少一元通过" {
  合同备案表 { 合同编号: "A", 合同金额: 119999999元 }
  期望 通过 小于
}

规则 不满 "金额不满3千万元" {
  依据 《测试》 第一条 "不满"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 不满 3千万元
}
例 "恰为三千万违规" {
  合同备案表 { 合同编号: "A", 合同金额: 30000000元 }
  期望 违反 不满
}
例 "不足三千万通过" {
  合同备案表 { 合同编号: "A", 合同金额: 29999999.99元 }
  期望 通过 不满
}

规则 未超过 "金额未超过壹佰万元" {
  依据 《测试》 第一条 "未超过"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 未超过 壹佰万元
}
例 "恰为一百万通过" {
  合同备案表 { 合同编号: "A", 合同金额: 1000000元 }
  期望 通过 未超过
}
例 "多一分违规" {
  合同备案表 { 合同编号: "A", 合同金额: 1000000.01元 }
  期望 违反 未超过
}

规则 在内 "金额在门槛(含)内" {
  依据 《测试》 第一条 "在……内"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 在 门槛 内
}
例 "恰为门槛通过" {
  合同备案表 { 合同编号: "A", 合同金额: 120000000元 }
  期望 通过 在内
}
例 "超过门槛违规" {
  合同备案表 { 合同编号: "A", 合同金额: 120000001元 }
  期望 违反 在内
}

规则 半角含 "金额超过一千万元(含)" {
  依据 《测试》 第一条 "(含)"
  程度 应当
  范围 合同备案表 每行
  要求 合同金额 超过 一千万元(含)
}
例 "恰为一千万通过" {
  合同备案表 { 合同编号: "A", 合同金额: 10000000元 }
  期望 通过 半角含
}
例 "少一元违规" {
  合同备案表 { 合同编号: "A", 合同金额: 9999999元 }
  期望 违反 半角含
}

规则 起算 "通知书发出之日起三十日内签订" {
  依据 《测试》 第一条 "三十日内"
  程度 应当
  范围 合同备案表 每行
  要求 合同签订日期 在 中标通知书日期 起 30日内
}
例 "当日签订通过" {
  合同备案表 { 合同编号: "A", 中标通知书日期: 2025-07-01, 合同签订日期: 2025-07-01 }
  期望 通过 起算
}
例 "早于通知书签订违规" {
  合同备案表 { 合同编号: "A", 中标通知书日期: 2025-07-01, 合同签订日期: 2025-06-01 }
  期望 违反 起算
}
"#;

#[test]
fn comparison_words_and_chinese_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("rules/tables.rules"),
        dir.path().join("tables.rules"),
    )
    .unwrap();
    std::fs::write(dir.path().join("词语.rules"), RULES).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .arg("--rules")
        .arg(dir.path())
        .args(["rules", "test", "词语"])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("14"), "all fourteen examples ran: {text}");
}

#[test]
fn a_date_before_the_start_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("rules/tables.rules"),
        dir.path().join("tables.rules"),
    )
    .unwrap();
    std::fs::write(dir.path().join("词语.rules"), RULES).unwrap();
    let csv = dir.path().join("合同.csv");
    std::fs::write(
        &csv,
        "参与单位,合同编号,合同类型,合同金额,中标通知书日期,合同签订日期\n\
         某中学,HT-1,主合同,20000000,2025-07-01,2025-06-01\n",
    )
    .unwrap();
    let rules_dir = dir.path().join("r");
    std::fs::create_dir(&rules_dir).unwrap();
    for f in ["tables.rules", "词语.rules"] {
        std::fs::copy(dir.path().join(f), rules_dir.join(f)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .arg("--rules")
        .arg(&rules_dir)
        .args(["check"])
        .arg(&csv)
        .args(["-p", "词语", "--as-of", "2025-08-01", "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("2025-06-01 早于起算日 2025-07-01"), "{text}");
}
