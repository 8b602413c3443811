//! A template's declaration (`template.yaml` beside its body): its name,
//! jurisdiction, outputs, the fields its data must have (name, template
//! variable, type, required, description, example), and how its data maps
//! to a declared rules table for checking before anything is written.

use crate::value::AmountUnit;
use indexmap::IndexMap;
use serde::Deserialize;

/// Output formats a template may produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Md,
    Html,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(
            match s
                .trim()
                .trim_start_matches('.')
                .to_ascii_lowercase()
                .as_str()
            {
                "docx" | "word" => Format::Docx,
                "md" | "markdown" => Format::Md,
                "html" | "htm" => Format::Html,
                "xlsx" | "excel" => Format::Xlsx,
                _ => return None,
            },
        )
    }
    pub fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The type of a data field, as declared by `类型`.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    文本,
    数值,
    /// The unit assumed for a bare number.
    金额(AmountUnit),
    百分比,
    期间,
    日期,
    是否,
    /// A code of the 品目分类目录.
    品目,
    /// A 统一社会信用代码 (GB 32100-2015 check digit).
    信用代码,
    枚举(Vec<String>),
    /// A list of records with their own fields.
    记录列表(Vec<Field>),
    /// A list of single values.
    值列表(Box<FieldType>),
}

impl FieldType {
    /// The name shown to people (`templates show`).
    pub fn name(&self) -> String {
        match self {
            FieldType::文本 => "文本".into(),
            FieldType::数值 => "数值".into(),
            FieldType::金额(u) => format!("金额（无单位时按{u}）"),
            FieldType::百分比 => "百分比".into(),
            FieldType::期间 => "期间".into(),
            FieldType::日期 => "日期".into(),
            FieldType::是否 => "是否".into(),
            FieldType::品目 => "品目编码".into(),
            FieldType::信用代码 => "统一社会信用代码".into(),
            FieldType::枚举(v) => format!("枚举（{}）", v.join("、")),
            FieldType::记录列表(_) => "列表".into(),
            FieldType::值列表(t) => format!("{}列表", t.name()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key in the data file (Chinese).
    pub name: String,
    /// The variable templates use (tera names are ASCII).
    pub var: String,
    pub ty: FieldType,
    pub required: bool,
    /// Lists: the fewest items.
    pub min_items: usize,
    pub description: String,
    pub example: Option<serde_json::Value>,
    pub default: Option<serde_json::Value>,
}

/// How data maps to a declared rules table (or to the project facts).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckSpec {
    /// The declared table (e.g. 框架协议方案表), or the facts declaration.
    pub table: String,
    /// Whether `table` names the project facts (`事实: 项目`), not a table.
    pub facts: bool,
    /// The list field whose items are the rows; `None`: the data is one row.
    pub rows: Option<String>,
    /// Table column → data field, where the names differ. A field is looked
    /// up in the row's item first, then at the top level; `配置[2]` is the
    /// second element of the list field 配置.
    pub columns: IndexMap<String, String>,
    /// Table column → a constant (e.g. 任务类型: 批量集中采购).
    pub values: IndexMap<String, String>,
    /// Only the rules whose id matches one of these (`BJ-06-*` matches a
    /// prefix) report; `None`: every rule on the table.
    pub rules: Option<Vec<String>>,
    /// Findings at this severity or worse refuse generation.
    pub refuse_at: crate::model::Severity,
}

impl CheckSpec {
    /// Whether findings of rule `id` count for this check.
    pub fn selects(&self, id: &str) -> bool {
        self.rules.as_ref().is_none_or(|pats| {
            pats.iter().any(|p| match p.strip_suffix('*') {
                Some(prefix) => id.starts_with(prefix),
                None => id == p,
            })
        })
    }
}

/// Extra context a template asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// The rule set being applied (`rs`): its parameters and rules with
    /// their citations.
    规则集,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub name: String,
    pub id: String,
    /// 吉林, 北京, 浙江, or 通用.
    pub region: String,
    pub description: String,
    pub source: String,
    pub formats: Vec<Format>,
    pub body: String,
    pub providers: Vec<Provider>,
    pub checks: Vec<CheckSpec>,
    pub fields: Vec<Field>,
}

impl Manifest {
    pub fn default_format(&self) -> Format {
        self.formats.first().copied().unwrap_or(Format::Docx)
    }
    /// The rule set checked by default: the template's jurisdiction, or
    /// 全国 for common templates.
    pub fn default_ruleset(&self) -> &str {
        if self.region == "通用" || self.region.is_empty() {
            "全国"
        } else {
            &self.region
        }
    }
}

// ── the file format ─────────────────────────────────────────────────────

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(rename = "名称")]
    name: String,
    #[serde(rename = "标识")]
    id: String,
    #[serde(rename = "地区", default)]
    region: String,
    #[serde(rename = "说明", default)]
    description: String,
    #[serde(rename = "依据", default)]
    source: String,
    #[serde(rename = "输出", default)]
    formats: Vec<String>,
    #[serde(rename = "正文", default)]
    body: Option<String>,
    #[serde(rename = "上下文", default)]
    providers: Vec<String>,
    #[serde(rename = "检查", default)]
    checks: Vec<RawCheck>,
    #[serde(rename = "字段", default)]
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    #[serde(rename = "表", default)]
    table: Option<String>,
    #[serde(rename = "事实", default)]
    facts: Option<String>,
    #[serde(rename = "行", default)]
    rows: Option<String>,
    #[serde(rename = "列", default)]
    columns: IndexMap<String, String>,
    #[serde(rename = "值", default)]
    values: IndexMap<String, String>,
    #[serde(rename = "规则", default)]
    rules: Option<Vec<String>>,
    #[serde(rename = "拒绝级别", default)]
    refuse_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    #[serde(rename = "名称")]
    name: String,
    #[serde(rename = "变量")]
    var: String,
    #[serde(rename = "类型", default)]
    ty: Option<String>,
    #[serde(rename = "必填", default)]
    required: Option<serde_json::Value>,
    #[serde(rename = "最少", default)]
    min_items: Option<usize>,
    #[serde(rename = "说明", default)]
    description: String,
    #[serde(rename = "可选", default)]
    options: Vec<String>,
    #[serde(rename = "字段", default)]
    fields: Vec<RawField>,
    #[serde(rename = "元素", default)]
    element: Option<String>,
    #[serde(rename = "示例", default)]
    example: Option<serde_json::Value>,
    #[serde(rename = "默认", default)]
    default: Option<serde_json::Value>,
}

/// Largest manifest read.
const MAX_MANIFEST_BYTES: usize = 256 * 1024;

/// Parses and checks a manifest; every problem is listed.
pub fn parse(text: &str) -> Result<Manifest, Vec<String>> {
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(vec![format!(
            "模板声明过大（{} 字节，上限 {MAX_MANIFEST_BYTES}）",
            text.len()
        )]);
    }
    let raw: RawManifest =
        serde_saphyr::from_str(text).map_err(|e| vec![format!("不是有效的模板声明：{e}")])?;
    let mut problems = Vec::new();
    if !is_ident(&raw.id.replace('-', "_")) {
        problems.push(format!(
            "“标识”应为英文字母、数字和连字符（如 jilin-batch-notice），这里是“{}”",
            raw.id
        ));
    }
    let mut formats = Vec::new();
    for f in &raw.formats {
        match Format::parse(f) {
            Some(f) => formats.push(f),
            None => problems.push(format!("未知的输出格式“{f}”（可用：docx、md、html、xlsx）")),
        }
    }
    if formats.is_empty() {
        formats = vec![Format::Docx, Format::Md, Format::Html];
    }
    let mut providers = Vec::new();
    for p in &raw.providers {
        match p.as_str() {
            "规则集" => providers.push(Provider::规则集),
            other => problems.push(format!("未知的上下文“{other}”（可用：规则集）")),
        }
    }
    let fields = fields(&raw.fields, "", &mut problems);
    let mut checks = Vec::new();
    for c in raw.checks {
        let refuse_at = match c.refuse_at.as_deref() {
            None | Some("错误") => crate::model::Severity::Error,
            Some("警告") => crate::model::Severity::Warning,
            Some("提示") => crate::model::Severity::Info,
            Some(other) => {
                problems.push(format!(
                    "“拒绝级别”应为 错误、警告 或 提示，这里是“{other}”"
                ));
                crate::model::Severity::Error
            }
        };
        let (table, facts) = match (c.table, c.facts) {
            (Some(t), None) => (t, false),
            (None, Some(f)) => (f, true),
            _ => {
                problems.push("每项检查须有“表”或“事实”之一".into());
                continue;
            }
        };
        if let Some(r) = &c.rows {
            match fields.iter().find(|f| &f.name == r) {
                Some(Field {
                    ty: FieldType::记录列表(_),
                    ..
                }) if !facts => {}
                _ => problems.push(format!(
                    "检查“{table}”的“行”应为一个列表字段（事实不分行），没有列表字段“{r}”"
                )),
            }
        }
        checks.push(CheckSpec {
            table,
            facts,
            rows: c.rows,
            columns: c.columns,
            values: c.values,
            rules: c.rules,
            refuse_at,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Manifest {
        name: raw.name,
        id: raw.id,
        region: raw.region,
        description: raw.description,
        source: raw.source,
        formats,
        body: raw.body.unwrap_or_else(|| "body.jdoc".into()),
        providers,
        checks,
        fields,
    })
}

fn fields(raw: &[RawField], parent: &str, problems: &mut Vec<String>) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for f in raw {
        let at = format!("{parent}{}", f.name);
        if f.name.trim().is_empty() {
            problems.push(format!("{parent}有字段缺少“名称”"));
        }
        if !is_ident(&f.var) || RESERVED.contains(&f.var.as_str()) {
            problems.push(format!(
                "字段“{at}”的“变量”应为英文字母、数字和下划线组成的模板变量名（不以数字开头，不用 {}），这里是“{}”",
                RESERVED.join("/"),
                f.var
            ));
        }
        if out.iter().any(|o| o.name == f.name || o.var == f.var) {
            problems.push(format!("字段“{at}”的名称或变量与前面的字段重复"));
        }
        let ty = field_type(f, &at, problems);
        let required = match &f.required {
            None => false,
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(s)) if s == "是" => true,
            Some(serde_json::Value::String(s)) if s == "否" => false,
            Some(other) => {
                problems.push(format!("字段“{at}”的“必填”应为 是 或 否，这里是 {other}"));
                false
            }
        };
        out.push(Field {
            name: f.name.clone(),
            var: f.var.clone(),
            ty,
            required,
            min_items: f.min_items.unwrap_or(usize::from(required)),
            description: f.description.clone(),
            example: f.example.clone(),
            default: f.default.clone(),
        });
    }
    out
}

fn field_type(f: &RawField, at: &str, problems: &mut Vec<String>) -> FieldType {
    let word = f.ty.as_deref().unwrap_or("文本").trim();
    let simple = |w: &str| -> Option<FieldType> {
        let w = w.replace(['（', '('], "(").replace(['）', ')'], "");
        Some(match w.as_str() {
            "文本" => FieldType::文本,
            "数值" => FieldType::数值,
            "金额" | "金额(元" => FieldType::金额(AmountUnit::元),
            "金额(万元" => FieldType::金额(AmountUnit::万元),
            "百分比" => FieldType::百分比,
            "期间" => FieldType::期间,
            "日期" => FieldType::日期,
            "是否" => FieldType::是否,
            "品目" => FieldType::品目,
            "信用代码" => FieldType::信用代码,
            _ => return None,
        })
    };
    match word {
        "枚举" => {
            if f.options.is_empty() {
                problems.push(format!("枚举字段“{at}”缺少“可选”值"));
            }
            FieldType::枚举(f.options.clone())
        }
        "列表" => match (&f.element, f.fields.is_empty()) {
            (Some(e), true) => match simple(e) {
                Some(t) => FieldType::值列表(Box::new(t)),
                None => {
                    problems.push(format!("列表字段“{at}”的“元素”类型“{e}”未知"));
                    FieldType::值列表(Box::new(FieldType::文本))
                }
            },
            (None, false) => FieldType::记录列表(fields(&f.fields, &format!("{at}·"), problems)),
            _ => {
                problems.push(format!("列表字段“{at}”须有“字段”（记录列表）或“元素”（值列表）之一"));
                FieldType::值列表(Box::new(FieldType::文本))
            }
        },
        w => simple(w).unwrap_or_else(|| {
            problems.push(format!(
                "字段“{at}”的类型“{w}”未知（可用：文本、数值、金额、金额（万元）、百分比、期间、日期、是否、品目、信用代码、枚举、列表）"
            ));
            FieldType::文本
        }),
    }
}

/// Names tera reserves or the generator supplies.
const RESERVED: [&str; 12] = [
    "true", "false", "none", "and", "or", "not", "in", "is", "loop", "today", "region", "rs",
];

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_checks() {
        let m = parse(
            r#"
名称: 方案
标识: jilin-scheme
地区: 吉林
输出: [docx, md]
检查:
  - 表: 框架协议方案表
    行: 采购包
    列: { 采购包: 名称 }
    拒绝级别: 警告
字段:
  - { 名称: 项目名称, 变量: project, 必填: 是, 说明: 名称 }
  - { 名称: 预算, 变量: budget, 类型: 金额（万元） }
  - { 名称: 类型, 变量: kind, 类型: 枚举, 可选: [货物, 服务] }
  - 名称: 采购包
    变量: packages
    类型: 列表
    必填: true
    字段:
      - { 名称: 名称, 变量: name, 必填: 是 }
  - { 名称: 配置, 变量: configs, 类型: 列表, 元素: 文本 }
"#,
        )
        .unwrap();
        assert_eq!(m.formats, vec![Format::Docx, Format::Md]);
        assert_eq!(m.fields[1].ty, FieldType::金额(AmountUnit::万元));
        assert!(m.fields[0].required);
        assert_eq!(m.fields[3].min_items, 1);
        assert!(matches!(&m.fields[3].ty, FieldType::记录列表(f) if f[0].var == "name"));
        assert_eq!(m.fields[4].ty, FieldType::值列表(Box::new(FieldType::文本)));
        assert_eq!(m.checks[0].refuse_at, crate::model::Severity::Warning);
        assert!(!m.checks[0].facts);
        assert!(m.checks[0].selects("任何规则"));
        assert_eq!(m.body, "body.jdoc");
    }

    #[test]
    fn rule_patterns() {
        let m = parse(
            "名称: x\n标识: x\n检查:\n  - { 事实: 项目, 规则: [BJ-06-*, GP-46] }\n  - { 表: 需求表, 规则: [] }\n",
        )
        .unwrap();
        let (f, t) = (&m.checks[0], &m.checks[1]);
        assert!(f.facts && f.selects("BJ-06-一") && f.selects("GP-46"));
        assert!(!f.selects("BJ-08-一") && !f.selects("GP-46-1"));
        assert!(!t.selects("GP-品目"), "an empty list selects nothing");
    }

    #[test]
    fn lists_every_problem() {
        let e = parse(
            "名称: x\n标识: x\n输出: [pdf]\n字段:\n  - { 名称: a, 变量: 甲 }\n  - { 名称: b, 变量: b, 类型: 钱 }\n  - { 名称: b, 变量: c }\n",
        )
        .unwrap_err();
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(e.iter().any(|p| p.contains("pdf")));
        assert!(e.iter().any(|p| p.contains("甲")));
        assert!(e.iter().any(|p| p.contains("钱")));
        assert!(e.iter().any(|p| p.contains("重复")));
    }
}
