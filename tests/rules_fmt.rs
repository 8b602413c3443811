//! `jicai fmt`: the canonical layout is idempotent over the whole built-in
//! library, keeps every comment, and does not change what the rules mean.

use jicai::dsl::format::format;
use jicai::dsl::source::{Embedded, RuleSource};
use jicai::dsl::{RuleBook, Sources};
use std::process::{Command, Output};

fn library() -> Vec<(String, String)> {
    Embedded.rule_files().expect("内置规则")
}

fn load(files: &[(String, String)]) -> RuleBook {
    let mut sources = Sources::default();
    for (name, text) in files {
        sources.add(name.clone(), text.clone());
    }
    jicai::dsl::load(&sources).expect("规则可以加载")
}

/// What the rules mean: everything loaded except where examples stand
/// (and the vocabulary's name index, a hash map printed in any order).
fn meaning(book: &RuleBook) -> String {
    let mut examples = book.examples.clone();
    for e in &mut examples {
        e.location.clear();
    }
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        book.tables, book.facts, book.sets, examples, book.vocabulary.fields
    )
}

fn comments(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.find('#').map(|i| l[i..].trim_end().to_string()))
        .collect()
}

#[test]
fn formatting_the_library_twice_gives_the_same_text_and_the_same_rules() {
    let original = library();
    assert!(original.len() >= 8);
    let once: Vec<(String, String)> = original
        .iter()
        .map(|(n, t)| (n.clone(), format(t)))
        .collect();
    for ((name, first), (_, text)) in once.iter().zip(&original) {
        assert_eq!(&format(first), first, "{name}：第二次格式化改变了文本");
        assert_eq!(comments(first), comments(text), "{name}：注释有变");
        assert!(first.ends_with("}\n") || first.ends_with('\n'), "{name}");
        assert!(!first.contains("\n\n\n"), "{name}：连续空行");
        assert!(!first.lines().any(|l| l.ends_with(' ')), "{name}：行尾空格");
    }
    let (a, b) = (meaning(&load(&once)), meaning(&load(&original)));
    if a != b {
        let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(200))
                .take(400)
                .collect::<String>()
        };
        panic!(
            "格式化改变了规则：\n{}\n——原文——\n{}",
            around(&a),
            around(&b)
        );
    }
}

const MESSY: &str = "# 头注释\n\n\n规则集   测试 {\n名称 \"测试  文件\"   # 名称里的两个空格保留\n\t文号 \"测〔2026〕1号\"\n      生效 2026-01-01\n\n  继承 全国\n}\n\n\n\n参数 上限 = 4,000,000元 {\n依据 第二条 “不超过   400万元。”\n}\n\n\n";

const CANONICAL: &str = "# 头注释\n\n规则集 测试 {\n  名称 \"测试  文件\"  # 名称里的两个空格保留\n  文号 \"测〔2026〕1号\"\n  生效 2026-01-01\n\n  继承 全国\n}\n\n参数 上限 = 4,000,000元 {\n  依据 第二条 “不超过   400万元。”\n}\n";

#[test]
fn one_canonical_layout_strings_kept_verbatim() {
    assert_eq!(format(MESSY), CANONICAL);
    assert_eq!(format(CANONICAL), CANONICAL);
}

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .output()
        .expect("jicai 可以运行")
}

#[test]
fn fmt_check_reports_and_fmt_rewrites_files() {
    let d = tempfile::tempdir().unwrap();
    let messy = d.path().join("测试.rules");
    std::fs::write(&messy, MESSY).unwrap();
    let m = messy.to_str().unwrap();

    let check = jicai(&["fmt", "--check", m]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("需要格式化"));
    assert_eq!(
        std::fs::read_to_string(&messy).unwrap(),
        MESSY,
        "--check 不改写"
    );

    let fmt = jicai(&["fmt", m]);
    assert_eq!(fmt.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), CANONICAL);
    assert_eq!(jicai(&["fmt", "--check", m]).status.code(), Some(0));

    // A file that does not parse is not touched, and nothing else is either.
    let broken = d.path().join("坏.rules");
    std::fs::write(&broken, "规则集 坏 {\n  名称 \"x\"\n").unwrap();
    std::fs::write(&messy, MESSY).unwrap();
    let out = jicai(&["fmt", m, broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("坏.rules:"));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);
}
