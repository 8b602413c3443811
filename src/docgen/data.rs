//! A template's data (YAML) checked against its declared fields, all at
//! once, and turned into the template's context.
//!
//! In the context, money is the exact amount written as "1,200,000.00元"
//! (the filters read it back exactly), dates are ISO "2025-07-01",
//! percentages "20%", periods "1年", 是否 a boolean, lists lists. Optional
//! fields that are absent are `none`, so templates can test them.

use super::manifest::{Field, FieldType};
use crate::value::codes::{Catalog, credit_code_valid};
use crate::value::{Amount, Percent, Period, normalize_text, parse_bool, parse_date};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value as Json;
use std::str::FromStr;

/// Largest data file read.
pub const MAX_DATA_BYTES: u64 = 4 * 1024 * 1024;

/// The outcome of checking data against fields.
#[derive(Debug, Default)]
pub struct Checked {
    /// variable → value, in field order.
    pub context: Vec<(String, tera::Value)>,
    /// Every problem, naming the field ("“采购包”第2项的“淘汰比例”：…").
    pub problems: Vec<String>,
    /// Keys present in the data but not declared (ignored).
    pub unused: Vec<String>,
    /// The data keyed by the fields' Chinese names, with defaults filled
    /// in: what the rule checks read.
    pub resolved: Json,
}

/// Reads a YAML data file into a JSON-like tree (the top level must be a
/// mapping).
pub fn read_yaml(path: &std::path::Path) -> Result<Json, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("无法打开（{e}）"))?
        .len();
    if size > MAX_DATA_BYTES {
        return Err(format!(
            "文件过大（{size} 字节，上限 {MAX_DATA_BYTES} 字节）"
        ));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("无法读取为 UTF-8 文本（{e}）"))?;
    parse_yaml(&text)
}

pub fn parse_yaml(text: &str) -> Result<Json, String> {
    if text.trim().is_empty() {
        return Ok(Json::Object(Default::default()));
    }
    let v: Json = serde_saphyr::from_str(text).map_err(|e| format!("不是有效的 YAML：{e}"))?;
    match v {
        Json::Object(_) => Ok(v),
        Json::Null => Ok(Json::Object(Default::default())),
        other => Err(format!(
            "顶层应为“字段: 值”的映射，这里是{}",
            json_kind(&other)
        )),
    }
}

fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "空值",
        Json::Bool(_) => "是/否",
        Json::Number(_) => "数字",
        Json::String(_) => "文本",
        Json::Array(_) => "列表",
        Json::Object(_) => "映射",
    }
}

/// Looks a field up by its Chinese name or its variable. Null and blank
/// text count as absent.
pub fn lookup<'a>(map: &'a serde_json::Map<String, Json>, f: &Field) -> Option<&'a Json> {
    map.get(&f.name)
        .or_else(|| map.get(&f.var))
        .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
}

/// Checks `data` against `fields`; problems are collected, not returned
/// early.
pub fn check(fields: &[Field], data: &Json, catalog: &Catalog) -> Checked {
    let mut out = Checked::default();
    let empty = serde_json::Map::new();
    let map = data.as_object().unwrap_or(&empty);
    let (context, resolved) = record(fields, map, "", catalog, &mut out.problems);
    out.context = context;
    out.resolved = Json::Object(resolved);
    out.unused = unused(fields, map, "");
    out
}

fn unused(fields: &[Field], map: &serde_json::Map<String, Json>, at: &str) -> Vec<String> {
    map.keys()
        .filter(|k| !fields.iter().any(|f| &f.name == *k || &f.var == *k))
        .map(|k| format!("{at}{k}"))
        .collect()
}

type Record = (Vec<(String, tera::Value)>, serde_json::Map<String, Json>);

fn record(
    fields: &[Field],
    map: &serde_json::Map<String, Json>,
    at: &str,
    catalog: &Catalog,
    problems: &mut Vec<String>,
) -> Record {
    let mut ctx = Vec::with_capacity(fields.len());
    let mut resolved = serde_json::Map::new();
    for f in fields {
        let label = format!("{at}“{}”", f.name);
        let raw = lookup(map, f).or(f.default.as_ref());
        if let Some(r) = raw {
            resolved.insert(f.name.clone(), resolve(f, r));
        }
        let value = match raw {
            None => {
                if f.required {
                    let hint = if f.description.is_empty() {
                        f.ty.name()
                    } else {
                        format!("{}，{}", f.ty.name(), f.description)
                    };
                    problems.push(format!("缺少必填字段{label}（{hint}）"));
                }
                tera::Value::none()
            }
            Some(v) => field_value(f, v, &label, catalog, problems),
        };
        ctx.push((f.var.clone(), value));
    }
    (ctx, resolved)
}

/// A raw value keyed by Chinese names, with defaults of nested records.
fn resolve(f: &Field, raw: &Json) -> Json {
    match (&f.ty, raw) {
        (FieldType::记录列表(sub), Json::Array(items)) => Json::Array(
            items
                .iter()
                .map(|item| match item.as_object() {
                    Some(m) => Json::Object(
                        sub.iter()
                            .filter_map(|s| {
                                lookup(m, s)
                                    .or(s.default.as_ref())
                                    .map(|v| (s.name.clone(), resolve(s, v)))
                            })
                            .collect(),
                    ),
                    None => item.clone(),
                })
                .collect(),
        ),
        _ => raw.clone(),
    }
}

fn field_value(
    f: &Field,
    v: &Json,
    label: &str,
    catalog: &Catalog,
    problems: &mut Vec<String>,
) -> tera::Value {
    match &f.ty {
        FieldType::记录列表(sub) => {
            let Some(items) = v.as_array() else {
                problems.push(format!(
                    "{label}应为列表（每项一行“- 字段: 值”），这里是{}",
                    json_kind(v)
                ));
                return tera::Value::none();
            };
            if items.len() < f.min_items {
                problems.push(format!(
                    "{label}至少需要{}项，这里有{}项",
                    f.min_items,
                    items.len()
                ));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let at = format!("{label}第{}项的", i + 1);
                let Some(m) = item.as_object() else {
                    problems.push(format!(
                        "{label}第{}项应为“字段: 值”的映射，这里是{}",
                        i + 1,
                        json_kind(item)
                    ));
                    continue;
                };
                let (fields, _) = record(sub, m, &at, catalog, problems);
                let mut map = tera::Map::new();
                for (k, v) in fields {
                    map.insert(k.into(), v);
                }
                out.push(tera::Value::from(map));
            }
            tera::Value::from(out)
        }
        FieldType::值列表(ty) => {
            let Some(items) = v.as_array() else {
                problems.push(format!("{label}应为列表，这里是{}", json_kind(v)));
                return tera::Value::none();
            };
            if items.len() < f.min_items {
                problems.push(format!(
                    "{label}至少需要{}项，这里有{}项",
                    f.min_items,
                    items.len()
                ));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match scalar(ty, item, catalog) {
                    Ok(v) => out.push(v),
                    Err(e) => problems.push(format!("{label}第{}项：{e}", i + 1)),
                }
            }
            tera::Value::from(out)
        }
        ty => match scalar(ty, v, catalog) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{label}：{e}"));
                tera::Value::none()
            }
        },
    }
}

/// The text of a single YAML value (numbers as written, 是/否 for booleans).
pub fn scalar_text(v: &Json) -> Result<String, String> {
    match v {
        Json::String(s) => Ok(s.clone()),
        Json::Number(n) => Ok(n.to_string()),
        Json::Bool(b) => Ok(if *b { "是" } else { "否" }.into()),
        Json::Null => Ok(String::new()),
        other => Err(format!("应为单个值，这里是{}", json_kind(other))),
    }
}

fn scalar(ty: &FieldType, v: &Json, catalog: &Catalog) -> Result<tera::Value, String> {
    if let (FieldType::是否, Json::Bool(b)) = (ty, v) {
        return Ok(tera::Value::from(*b));
    }
    let text = scalar_text(v)?;
    let t = text.trim();
    if t.is_empty() {
        return Err("不能为空".into());
    }
    Ok(match ty {
        FieldType::文本 => tera::Value::from(t),
        FieldType::数值 => {
            let n = Decimal::from_str(&normalize_text(t).replace(',', ""))
                .map_err(|_| format!("“{t}”不是数值"))?;
            number_value(n)
        }
        FieldType::金额(unit) => {
            let a = Amount::parse_cell(t, *unit)
                .map_err(|e| format!("{e}（如 120万元、1,200,000元）"))?;
            tera::Value::from(a.to_string())
        }
        FieldType::百分比 => {
            let p = Percent::parse(t).map_err(|e| format!("{e}（如 20%）"))?;
            tera::Value::from(p.to_string())
        }
        FieldType::期间 => {
            let p = Period::parse(t).map_err(|e| e.to_string())?;
            tera::Value::from(p.to_string())
        }
        FieldType::日期 => {
            let d = parse_date(t).map_err(|e| format!("{e}（如 2025-07-01）"))?;
            tera::Value::from(d.format("%Y-%m-%d").to_string())
        }
        FieldType::是否 => tera::Value::from(parse_bool(t).map_err(|e| e.to_string())?),
        FieldType::品目 => {
            let e = catalog
                .get(t)
                .ok_or_else(|| format!("“{t}”不在《政府采购品目分类目录》（2022年）中"))?;
            tera::Value::from(e.code.clone())
        }
        FieldType::信用代码 => {
            let code = normalize_text(t).to_ascii_uppercase();
            if !credit_code_valid(&code) {
                return Err(format!(
                    "“{t}”不是有效的统一社会信用代码（18位，校验位须符合 GB 32100-2015）"
                ));
            }
            tera::Value::from(code)
        }
        FieldType::枚举(options) => {
            let n = normalize_text(t);
            let hit = options
                .iter()
                .find(|o| normalize_text(o) == n)
                .ok_or_else(|| format!("“{t}”不是可选值（{}）", options.join("、")))?;
            tera::Value::from(hit.as_str())
        }
        FieldType::记录列表(_) | FieldType::值列表(_) => {
            return Err("应为列表".into());
        }
    })
}

/// Integers as integers; other decimals as floats (for display only; the
/// exact text is kept by amounts and percentages).
fn number_value(n: Decimal) -> tera::Value {
    if n.fract().is_zero()
        && let Some(i) = n.to_i64()
    {
        return tera::Value::from(i);
    }
    tera::Value::from(n.to_f64().unwrap_or(0.0))
}

// ── example data for `templates show` ───────────────────────────────────

/// An example data file built from the fields' examples, with a comment
/// per field (type, required, description).
pub fn example_yaml(fields: &[Field]) -> String {
    let mut out = String::new();
    example_fields(fields, 0, &mut out);
    out
}

fn example_fields(fields: &[Field], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for f in fields {
        let need = if f.required { "必填" } else { "选填" };
        let desc = if f.description.is_empty() {
            String::new()
        } else {
            format!("：{}", f.description)
        };
        out.push_str(&format!("{pad}# {}，{need}{desc}\n", f.ty.name()));
        let example = f.example.clone().or_else(|| f.default.clone());
        match (&f.ty, example) {
            (FieldType::记录列表(sub), Some(Json::Array(items))) if !items.is_empty() => {
                out.push_str(&format!("{pad}{}:\n", f.name));
                for item in items {
                    emit_item(&item, sub, indent + 2, out);
                }
            }
            (FieldType::记录列表(sub), _) => {
                out.push_str(&format!("{pad}{}:\n", f.name));
                let mut first = true;
                for s in sub {
                    let lead = if first { "- " } else { "  " };
                    first = false;
                    let v = s.example.clone().unwrap_or(Json::String(String::new()));
                    out.push_str(&format!(
                        "{pad}  {lead}{}: {}\n",
                        s.name,
                        yaml_scalar_or_flow(&v)
                    ));
                }
            }
            (_, Some(v)) => {
                out.push_str(&format!("{pad}{}: {}\n", f.name, yaml_scalar_or_flow(&v)))
            }
            (_, None) => out.push_str(&format!("{pad}{}: \"\"\n", f.name)),
        }
    }
}

fn emit_item(item: &Json, sub: &[Field], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let Some(m) = item.as_object() else {
        out.push_str(&format!("{pad}- {}\n", yaml_scalar_or_flow(item)));
        return;
    };
    let mut first = true;
    // Declared order first, then anything else the example carries.
    let mut keys: Vec<&String> = sub
        .iter()
        .filter_map(|f| m.get_key_value(&f.name).map(|(k, _)| k))
        .collect();
    keys.extend(m.keys().filter(|k| !sub.iter().any(|f| &f.name == *k)));
    for k in keys {
        let lead = if first { "- " } else { "  " };
        first = false;
        out.push_str(&format!("{pad}{lead}{k}: {}\n", yaml_scalar_or_flow(&m[k])));
    }
}

/// A value on one line: scalars quoted, lists and maps in flow style.
fn yaml_scalar_or_flow(v: &Json) -> String {
    match v {
        Json::Null => "\"\"".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => quote(s),
        Json::Array(a) => format!(
            "[{}]",
            a.iter()
                .map(yaml_scalar_or_flow)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Json::Object(m) => format!(
            "{{ {} }}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", quote(k), yaml_scalar_or_flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docgen::manifest;

    fn fields() -> Vec<Field> {
        manifest::parse(
            r#"
名称: t
标识: t
字段:
  - { 名称: 项目名称, 变量: project, 必填: 是, 说明: 项目的名称, 示例: 某项目 }
  - { 名称: 预算, 变量: budget, 类型: 金额（万元）, 必填: 是, 示例: 120 }
  - { 名称: 日期, 变量: date, 类型: 日期 }
  - { 名称: 品目, 变量: item, 类型: 品目 }
  - 名称: 采购包
    变量: packages
    类型: 列表
    必填: 是
    字段:
      - { 名称: 名称, 变量: name, 必填: 是, 示例: 包1 }
      - { 名称: 淘汰比例, 变量: ratio, 类型: 百分比, 示例: 20% }
"#,
        )
        .unwrap()
        .fields
    }

    #[test]
    fn all_problems_at_once() {
        let data = parse_yaml(
            "预算: 一百二十万X\n日期: 2025-13-01\n品目: A99\n采购包:\n  - 名称: 包1\n    淘汰比例: abc\n  - 淘汰比例: 20%\n  - 3\n多余: 1\n",
        )
        .unwrap();
        let c = check(&fields(), &data, Catalog::embedded());
        let p = c.problems.join("\n");
        assert_eq!(c.problems.len(), 7, "{p}");
        assert!(
            p.contains("缺少必填字段“项目名称”（文本，项目的名称）"),
            "{p}"
        );
        assert!(p.contains("“预算”"), "{p}");
        assert!(p.contains("“日期”"), "{p}");
        assert!(p.contains("“A99”不在"), "{p}");
        assert!(p.contains("“采购包”第1项的“淘汰比例”：“abc”"), "{p}");
        assert!(p.contains("缺少必填字段“采购包”第2项的“名称”"), "{p}");
        assert!(p.contains("第3项应为"), "{p}");
        assert_eq!(c.unused, vec!["多余".to_string()]);
    }

    #[test]
    fn context_values_are_canonical() {
        let data = parse_yaml(
            "project: 项目\n预算: 120.5\n日期: 2025/7/1\n品目: a02010105\n采购包: [{名称: 包1, 淘汰比例: 20%}]\n",
        )
        .unwrap();
        let c = check(&fields(), &data, Catalog::embedded());
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let get = |k: &str| c.context.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("budget").as_str(), Some("1,205,000.00元"));
        assert_eq!(get("date").as_str(), Some("2025-07-01"));
        assert_eq!(get("item").as_str(), Some("A02010105"));
        assert_eq!(get("project").as_str(), Some("项目"));
    }

    #[test]
    fn example_is_valid_data() {
        let fs = fields();
        let y = example_yaml(&fs);
        assert!(
            y.contains("# 文本，必填：项目的名称\n项目名称: \"某项目\""),
            "{y}"
        );
        let data = parse_yaml(&y).unwrap();
        let c = check(&fs, &data, Catalog::embedded());
        assert!(c.problems.is_empty(), "{y}\n{:?}", c.problems);
    }
}
