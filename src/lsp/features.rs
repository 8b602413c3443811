//! What the editor asks about a name: hover text, completions, and where a
//! name is declared. Answers come from the loaded library (the document's
//! own rule set first).

use super::symbols::{Decl, DeclKind, declarations};
use crate::citation::Citation;
use crate::dsl::RuleBook;
use crate::model::RuleSet;
use crate::table::ColumnType;
use std::fmt::Write as _;

/// Keywords of the rule language (Chinese; the English aliases work too).
pub const KEYWORDS: &[&str] = &[
    "规则集",
    "文件",
    "表",
    "事实",
    "列",
    "参数",
    "规则",
    "例",
    "依据",
    "程度",
    "范围",
    "关联",
    "当",
    "要求",
    "说明",
    "位置",
    "且",
    "或",
    "非",
    "按",
    "分组",
    "每行",
    "整表",
    "作为",
    "起",
    "在",
    "期望",
    "违反",
    "通过",
    "空",
    "为空",
    "不为空",
    "覆盖",
    "名称",
    "文号",
    "发布",
    "生效",
    "失效",
    "继承",
    "标识",
    "备注",
    "别名",
    "必填",
    "唯一",
    "合计行",
    "截至",
    "应当",
    "必须",
    "不得",
    "一般",
    "原则上",
    "鼓励",
    "可以",
    "以上",
    "以下",
    "内",
    "以内",
    "不少于",
    "不超过",
    "达到",
    "不足",
    "低于",
    "超过",
    "早于",
    "晚于",
    "不早于",
    "不晚于",
    "属于",
    "不属于",
    "是",
    "否",
];

/// Column types.
const TYPES: &[&str] = &[
    "文本",
    "数值",
    "金额",
    "金额(元)",
    "金额(万元)",
    "金额(亿元)",
    "百分比",
    "期间",
    "日期",
    "是否",
    "枚举",
];

/// Functions and aggregates, with what they do.
pub const FUNCTIONS: &[(&str, &str)] = &[
    ("合计", "汇总：组内各行之和"),
    ("计数", "汇总：组内行数（或非空值的个数）"),
    ("最大", "汇总：组内最大值"),
    ("最小", "汇总：组内最小值"),
    ("平均", "汇总：组内平均值"),
    ("去重计数", "汇总：组内不同取值的个数"),
    ("一致", "汇总：组内取值一致，定位到与多数不同的行"),
    (
        "期限",
        "期限(日期, 期间)：期间的最后一日（法定期间，节假日顺延）",
    ),
    ("品目有效", "品目有效(编码)：编码在政府采购品目分类目录中"),
    ("品目类别", "品目类别(编码)：货物、工程或服务"),
    ("品目归属", "品目归属(编码, 集合)：编码或其上级在集合中"),
    ("品目底级", "品目底级(编码)：编码是目录中的底级品目"),
    (
        "信用代码有效",
        "信用代码有效(代码)：统一社会信用代码校验位正确（GB 32100-2015）",
    ),
    ("长度", "长度(文字)：字数"),
    ("包含", "包含(文字, 片段)：文字中含有片段"),
    ("天数", "天数(起, 止)：两个日期相差的天数"),
    ("若", "若(条件, 值)：条件成立取值，否则为空"),
];

/// What the completion list offers, with a kind for the editor's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Keyword,
    Type,
    Table,
    Field,
    Parameter,
    Function,
    RuleSet,
    Rule,
}

pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    pub detail: String,
}

/// Everything that can be typed: keywords, types, tables, fields,
/// parameters, functions, rule sets and rule ids.
pub fn completions(book: &RuleBook) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut add = |label: &str, kind: ItemKind, detail: String| {
        if !items.iter().any(|i| i.label == label && i.kind == kind) {
            items.push(Item {
                label: label.to_string(),
                kind,
                detail,
            });
        }
    };
    for k in KEYWORDS {
        add(k, ItemKind::Keyword, "关键字".into());
    }
    for t in TYPES {
        add(t, ItemKind::Type, "列的类型".into());
    }
    for t in &book.tables {
        add(
            &t.name,
            ItemKind::Table,
            format!("表，{} 列", t.columns.len()),
        );
        for c in &t.columns {
            add(
                &c.name,
                ItemKind::Field,
                format!("{}（{}）", type_text(&c.ty), t.name),
            );
        }
    }
    for (f, what) in FUNCTIONS {
        add(f, ItemKind::Function, what.to_string());
    }
    for s in &book.sets {
        add(
            &s.name,
            ItemKind::RuleSet,
            format!("规则集 {}（{}）", s.title, s.docno),
        );
        for p in &s.params {
            add(
                &p.name,
                ItemKind::Parameter,
                format!("参数 = {}（{}）", p.display_value(), p.origin()),
            );
        }
        for r in &s.rules {
            add(&r.id, ItemKind::Rule, r.title.clone());
        }
    }
    items
}

/// A column type as written in rules: `金额(万元)`, `枚举("A", "B")`.
pub fn type_text(ty: &ColumnType) -> String {
    match ty {
        ColumnType::金额 { unit } => format!("金额（单位：{unit}）"),
        ColumnType::枚举(values) => format!("枚举：{}", values.join("、")),
        other => other.name().to_string(),
    }
}

fn citations(s: &mut String, cs: &[Citation]) {
    if cs.is_empty() {
        return;
    }
    s.push_str("\n\n依据：");
    for c in cs {
        write!(s, "\n- {} {}", c.document, c.article).ok();
        if !c.text.is_empty() {
            write!(s, "：“{}”", c.text).ok();
        }
    }
}

/// The rule sets to look in: the document's own first.
fn sets_for<'a>(book: &'a RuleBook, own: Option<&str>) -> Vec<&'a RuleSet> {
    let mut sets: Vec<&RuleSet> = book.sets.iter().collect();
    sets.sort_by_key(|s| Some(s.name.as_str()) != own);
    sets
}

/// Markdown describing `word`: a rule, a parameter, a field, a table or a
/// rule set; a function.
pub fn hover(book: &RuleBook, own: Option<&str>, word: &str) -> Option<String> {
    let sets = sets_for(book, own);
    let mut s = String::new();
    if let Some(r) = sets.iter().find_map(|set| set.rule(word)) {
        write!(
            s,
            "**规则 {}** {}\n\n程度：{}（{}）；定义于 {}",
            r.id,
            r.title,
            r.level.word(),
            r.severity.name_cn(),
            r.origin()
        )
        .ok();
        write!(s, "\n\n要求：`{}`", r.require_text).ok();
        citations(&mut s, &r.citations);
        return Some(s);
    }
    if let Some(p) = sets
        .iter()
        .find_map(|set| set.params.iter().find(|p| p.name == word))
    {
        write!(
            s,
            "**参数 {}** = {}（定义于 {}）",
            p.name,
            p.display_value(),
            p.origin()
        )
        .ok();
        if let Some(note) = &p.note {
            write!(s, "\n\n备注：{note}").ok();
        }
        citations(&mut s, &p.citations);
        // Where the value differs: each set that overrides it.
        let overrides: Vec<String> = book
            .sets
            .iter()
            .filter_map(|set| set.params.iter().find(|q| q.name == word))
            .filter(|q| q.overrides.is_some())
            .map(|q| format!("{} = {}（{}）", q.defined_in, q.display_value(), q.origin()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if !overrides.is_empty() {
            write!(s, "\n\n覆盖：{}", overrides.join("；")).ok();
        }
        return Some(s);
    }
    let columns: Vec<String> = book
        .tables
        .iter()
        .filter_map(|t| {
            let c = t.columns.iter().find(|c| c.name == word)?;
            let mut flags = Vec::new();
            if c.required {
                flags.push("必填");
            }
            if c.unique {
                flags.push("唯一");
            }
            let mut line = format!("- 表“{}”：{}", t.name, type_text(&c.ty));
            if !flags.is_empty() {
                write!(line, "，{}", flags.join("、")).ok();
            }
            if !c.aliases.is_empty() {
                write!(line, "；别名 {}", c.aliases.join("、")).ok();
            }
            Some(line)
        })
        .collect();
    if !columns.is_empty() {
        write!(s, "**列 {word}**\n\n{}", columns.join("\n")).ok();
        return Some(s);
    }
    if let Some(t) = book.tables.iter().find(|t| t.name == word) {
        write!(s, "**表 {}**：{} 列", t.name, t.columns.len()).ok();
        if !t.aliases.is_empty() {
            write!(s, "；工作表名也可为 {}", t.aliases.join("、")).ok();
        }
        citations(&mut s, &t.citations);
        return Some(s);
    }
    if let Some(set) = book.sets.iter().find(|x| x.name == word || x.id == word) {
        write!(
            s,
            "**规则集 {}**（{}）{}（{}）",
            set.name, set.id, set.title, set.docno
        )
        .ok();
        if let Some(p) = &set.parent {
            write!(s, "\n\n继承 {p}").ok();
        }
        if let Some(e) = set.effective {
            write!(s, "；生效 {e}").ok();
        }
        write!(
            s,
            "；规则 {} 条、参数 {} 个",
            set.rules.len(),
            set.params.len()
        )
        .ok();
        return Some(s);
    }
    FUNCTIONS
        .iter()
        .find(|(f, _)| *f == word)
        .map(|(f, what)| format!("**函数 {f}**：{what}"))
}

/// The declaration of `word` among `files` ((name, text), the document
/// first): rules, parameters, tables, columns, rule sets, documents.
pub fn definition<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    word: &str,
) -> Option<(String, Decl)> {
    files.into_iter().find_map(|(name, text)| {
        declarations(text)
            .into_iter()
            .find(|d| d.name == word && d.kind != DeclKind::Example)
            .map(|d| (name.to_string(), d))
    })
}
