//! Project facts from a YAML file (`--data project.yaml`), typed by the
//! rules' `事实` declaration.

use crate::engine::Facts;
use crate::error::JicaiError;
use crate::table::{Row, TableSpec};
use crate::value::{Value, normalize_header};
use indexmap::IndexMap;
use std::path::Path;

/// Largest project file read (facts are a handful of fields).
const MAX_FACTS_BYTES: u64 = 1024 * 1024;

pub fn load_facts(path: &Path, spec: &TableSpec) -> Result<Facts, JicaiError> {
    let file = path.display().to_string();
    let fail = |detail: String| JicaiError::Facts {
        file: file.clone(),
        detail,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("无法打开（{e}）")))?
        .len();
    if size > MAX_FACTS_BYTES {
        return Err(fail(format!(
            "文件过大（{size} 字节，上限 {MAX_FACTS_BYTES} 字节）"
        )));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| fail(format!("无法读取为 UTF-8 文本（{e}）")))?;
    let map: IndexMap<String, serde_json::Value> =
        serde_saphyr::from_str(&text).map_err(|e| fail(format!("不是有效的 YAML 映射：{e}")))?;
    let mut values = vec![Value::Empty; spec.columns.len()];
    let mut problems = Vec::new();
    for (key, raw) in &map {
        let k = normalize_header(key);
        let Some(ci) = spec.columns.iter().position(|c| {
            normalize_header(&c.name) == k || c.aliases.iter().any(|a| normalize_header(a) == k)
        }) else {
            continue; // other fields serve document templates
        };
        let text = match raw {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                problems.push(format!("“{key}”应为单个值，这里是 {other}"));
                continue;
            }
        };
        match parse_text_as(&text, &spec.columns[ci]) {
            Ok(v) => values[ci] = v,
            Err(msg) => problems.push(format!("“{key}”：{msg}")),
        }
    }
    for (ci, c) in spec.columns.iter().enumerate() {
        if c.required && values[ci].is_empty() {
            problems.push(format!("缺少必填字段“{}”", c.name));
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems.join("；")));
    }
    Ok(Facts {
        file,
        row: Row {
            sheet_row: 1,
            values,
        },
    })
}

/// Types one value given as text (a YAML field) by its declared column.
/// Shared by project facts and document data.
pub fn parse_text_as(text: &str, col: &crate::table::ColumnSpec) -> Result<Value, String> {
    use crate::table::ColumnType;
    use crate::value::{Amount, Percent, Period, parse_bool, parse_date};
    let t = text.trim();
    if t.is_empty() {
        return Ok(Value::Empty);
    }
    let r = match &col.ty {
        ColumnType::文本 => Ok(Value::Text(t.to_string())),
        ColumnType::枚举(values) => {
            if values
                .iter()
                .any(|v| crate::value::normalize_text(v) == crate::value::normalize_text(t))
            {
                Ok(Value::Text(t.to_string()))
            } else {
                return Err(format!("“{t}”不是可选值（{}）", values.join("、")));
            }
        }
        ColumnType::数值 => crate::value::normalize_text(t)
            .replace(',', "")
            .parse()
            .map(Value::Number)
            .map_err(|_| crate::value::ValueError::invalid(t, "数值")),
        ColumnType::金额 { unit } => Amount::parse_cell(t, *unit).map(Value::Amount),
        ColumnType::百分比 => Percent::parse(t).map(Value::Percent),
        ColumnType::期间 => Period::parse(t).map(Value::Period),
        ColumnType::日期 => parse_date(t).map(Value::Date),
        ColumnType::是否 => parse_bool(t).map(Value::Bool),
    };
    r.map_err(|e| e.to_string())
}
