//! Data checked against the rules before a document is written: the
//! template's `检查` entries map its data onto declared rules tables (one
//! row per list item, or the whole data as one row) and the engine runs the
//! applied rule set over them, as `jicai check` does for workbooks.

use super::data::scalar_text;
use super::manifest::{CheckSpec, Manifest};
use crate::engine::{self, Dataset, Facts};
use crate::finding::Finding;
use crate::library::RuleLibrary;
use crate::model::{RuleSet, Severity};
use crate::table::{ColumnSpec, ColumnType, Row, Table};
use crate::value::{
    Amount, Percent, Period, Value, normalize_header, normalize_text, parse_bool, parse_date,
};
use chrono::NaiveDate;
use serde_json::Value as Json;

#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Things the reader should know (a table the rules do not declare).
    pub notes: Vec<String>,
    /// Data that does not fit a rules column's type.
    pub problems: Vec<String>,
    /// The strictest refusal level among the checks.
    pub refuse_at: Option<Severity>,
}

impl Outcome {
    /// Findings that stop generation (unless forced).
    pub fn blocking(&self) -> Vec<&Finding> {
        match self.refuse_at {
            Some(level) => self
                .findings
                .iter()
                .filter(|f| f.severity <= level)
                .collect(),
            None => Vec::new(),
        }
    }
}

pub fn run(
    lib: &RuleLibrary,
    set: &RuleSet,
    manifest: &Manifest,
    data: &Json,
    data_file: &str,
    as_of: NaiveDate,
) -> Outcome {
    let mut out = Outcome::default();
    let empty = serde_json::Map::new();
    let top = data.as_object().unwrap_or(&empty);
    let mut tables = Vec::new();
    for spec in &manifest.checks {
        let Some(decl) = lib.book.tables.iter().find(|t| t.name == spec.table) else {
            out.notes.push(format!(
                "规则库未声明表“{}”，这部分数据未按规则检查",
                spec.table
            ));
            continue;
        };
        out.refuse_at = Some(match out.refuse_at {
            Some(l) => l.max(spec.refuse_at),
            None => spec.refuse_at,
        });
        let items: Vec<&serde_json::Map<String, Json>> = match &spec.rows {
            Some(field) => list_items(manifest, field, top),
            None => vec![top],
        };
        let mut rows = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let values = decl
                .columns
                .iter()
                .map(|col| {
                    let src = spec.columns.get(&col.name).unwrap_or(&col.name);
                    let raw = field(manifest, spec, item, src)
                        .or_else(|| field(manifest, spec, top, src));
                    match raw.map(|v| typed(v, col)) {
                        None => Value::Empty,
                        Some(Ok(v)) => v,
                        Some(Err(e)) => {
                            let at = match &spec.rows {
                                Some(r) => format!("“{r}”第{}项的“{src}”", i + 1),
                                None => format!("“{src}”"),
                            };
                            out.problems.push(format!(
                                "{at}：{e}（规则表“{}”的列“{}”为{}）",
                                decl.name,
                                col.name,
                                col.ty.name()
                            ));
                            Value::Empty
                        }
                    }
                })
                .collect();
            rows.push(Row {
                sheet_row: i as u32 + 1,
                values,
            });
        }
        tables.push(Table {
            table: decl.name.clone(),
            file: data_file.to_string(),
            sheet: spec.rows.clone().unwrap_or_else(|| "数据".into()),
            header_row: 0,
            columns: vec![None; decl.columns.len()],
            headers: decl.columns.iter().map(|c| Some(c.name.clone())).collect(),
            units: vec![None; decl.columns.len()],
            missing_required: Vec::new(),
            rows,
            total: None,
            issues: Vec::new(),
        });
    }
    if tables.is_empty() {
        return out;
    }
    let facts = lib.book.facts.map(|fi| {
        let decl = &lib.book.tables[fi];
        let values = decl
            .columns
            .iter()
            .map(|col| {
                find_key(top, col)
                    .and_then(|v| typed(v, col).ok())
                    .unwrap_or(Value::Empty)
            })
            .collect();
        Facts {
            file: data_file.to_string(),
            row: Row {
                sheet_row: 1,
                values,
            },
        }
    });
    let dataset = Dataset { tables, facts };
    out.findings = engine::run(&lib.book, set, &dataset, Some(as_of), &lib.env());
    out
}

/// The items of a list field (by its Chinese name or variable).
fn list_items<'a>(
    manifest: &Manifest,
    name: &str,
    top: &'a serde_json::Map<String, Json>,
) -> Vec<&'a serde_json::Map<String, Json>> {
    let f = manifest.fields.iter().find(|f| f.name == name);
    let v = f.and_then(|f| super::data::lookup(top, f));
    v.and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_object).collect())
        .unwrap_or_default()
}

/// A field of `map` named `name` in the data (its Chinese name, or the
/// variable declared for that name in the manifest).
fn field<'a>(
    manifest: &Manifest,
    spec: &CheckSpec,
    map: &'a serde_json::Map<String, Json>,
    name: &str,
) -> Option<&'a Json> {
    let var = declared_var(manifest, spec, name);
    map.get(name)
        .or_else(|| var.and_then(|v| map.get(v)))
        .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
}

fn declared_var<'m>(manifest: &'m Manifest, spec: &CheckSpec, name: &str) -> Option<&'m str> {
    use super::manifest::FieldType;
    let top = manifest.fields.iter().find(|f| f.name == name);
    let item = spec.rows.as_ref().and_then(|r| {
        manifest.fields.iter().find_map(|f| match &f.ty {
            FieldType::记录列表(sub) if &f.name == r => sub.iter().find(|s| s.name == name),
            _ => None,
        })
    });
    item.or(top).map(|f| f.var.as_str())
}

/// A project-facts column from the top level, by name or alias.
fn find_key<'a>(map: &'a serde_json::Map<String, Json>, col: &ColumnSpec) -> Option<&'a Json> {
    let names: Vec<String> = std::iter::once(&col.name)
        .chain(&col.aliases)
        .map(|n| normalize_header(n))
        .collect();
    map.iter()
        .find(|(k, _)| names.contains(&normalize_header(k)))
        .map(|(_, v)| v)
        .filter(|v| !v.is_null())
}

/// Types a data value by a rules column.
fn typed(v: &Json, col: &ColumnSpec) -> Result<Value, String> {
    let text = scalar_text(v)?;
    let t = text.trim();
    if t.is_empty() {
        return Ok(Value::Empty);
    }
    let r = match &col.ty {
        ColumnType::文本 => Ok(Value::Text(t.to_string())),
        ColumnType::枚举(values) => {
            return if values
                .iter()
                .any(|x| normalize_text(x) == normalize_text(t))
            {
                Ok(Value::Text(t.to_string()))
            } else {
                Err(format!("“{t}”不是可选值（{}）", values.join("、")))
            };
        }
        ColumnType::数值 => normalize_text(t)
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

/// Findings as text for the terminal: severity, rule, message, where
/// (the data item), and the citation.
pub fn render_findings(findings: &[Finding]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let items: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if items.is_empty() {
            continue;
        }
        writeln!(out, "{}（{}）", sev.name_cn(), items.len()).ok();
        for f in items {
            writeln!(out, "  [{}] {}", f.rule, f.message).ok();
            let l = &f.location;
            let mut at = l.file.clone();
            match (&l.sheet, l.row) {
                (Some(s), Some(r)) if s != "数据" => {
                    write!(at, " › “{s}”第{r}项").ok();
                }
                _ => {}
            }
            if let Some(g) = &l.group {
                write!(at, "（{g}）").ok();
            }
            writeln!(out, "      位置：{at}").ok();
            if !f.citations.is_empty() {
                writeln!(out, "      依据：{}", crate::report::text::citation_text(f)).ok();
            }
        }
    }
    out
}
