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
use crate::table::{ColumnSpec, Row, Table};
use crate::value::{Value, normalize_header};
use chrono::NaiveDate;
use serde_json::Value as Json;

#[derive(Debug, Default)]
pub struct Outcome {
    /// The findings of the selected rules.
    pub findings: Vec<Finding>,
    /// How many of them refuse generation (at or above their check's
    /// refusal level).
    pub blocking: usize,
    /// Things the reader should know (a table the rules do not declare).
    pub notes: Vec<String>,
    /// Data that does not fit a rules column's type.
    pub problems: Vec<String>,
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
    let mut facts = None;
    // Declared table index → the check that feeds it.
    let mut owners: Vec<(usize, &CheckSpec)> = Vec::new();
    for spec in &manifest.checks {
        let index = if spec.facts {
            lib.book
                .facts
                .filter(|&i| lib.book.tables[i].name == spec.table)
        } else {
            lib.book.tables.iter().position(|t| t.name == spec.table)
        };
        let Some(index) = index else {
            let what = if spec.facts { "事实" } else { "表" };
            out.notes.push(format!(
                "规则库未声明{what}“{}”，这部分数据未按规则检查",
                spec.table
            ));
            continue;
        };
        owners.push((index, spec));
        let decl = &lib.book.tables[index];
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
                    let (src, raw) = source(manifest, spec, col, item, top);
                    match raw.map(|v| typed(&v, col)) {
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
        if spec.facts {
            if let Some(row) = rows.into_iter().next() {
                facts = Some(Facts {
                    file: data_file.to_string(),
                    row,
                });
            }
            continue;
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
            mapping: Vec::new(),
            rows,
            total: None,
            issues: Vec::new(),
        });
    }
    if tables.is_empty() && facts.is_none() {
        return out;
    }
    let dataset = Dataset { tables, facts };
    let findings = engine::run(&lib.book, set, &dataset, Some(as_of), &lib.env());
    // Keep the findings of the rules each check selects; a rule belongs to
    // the check that feeds its table.
    for f in findings {
        let owner = set
            .rule(&f.rule)
            .and_then(|r| owners.iter().find(|(i, _)| *i == r.table))
            .map(|(_, spec)| *spec);
        match owner {
            Some(spec) if !spec.selects(&f.rule) => {}
            Some(spec) => {
                if f.severity <= spec.refuse_at {
                    out.blocking += 1;
                }
                out.findings.push(f);
            }
            // The tables' own checks (表格.*): errors.
            None => {
                if f.severity == Severity::Error {
                    out.blocking += 1;
                }
                out.findings.push(f);
            }
        }
    }
    out
}

/// Where a column's value comes from: a constant, a mapped field (also
/// `列表[n]`), or the field of the column's own name; the row's item first,
/// then the top level. Returns the source's name for messages.
fn source(
    manifest: &Manifest,
    spec: &CheckSpec,
    col: &ColumnSpec,
    item: &serde_json::Map<String, Json>,
    top: &serde_json::Map<String, Json>,
) -> (String, Option<Json>) {
    if let Some(v) = spec.values.get(&col.name) {
        return (col.name.clone(), Some(Json::String(v.clone())));
    }
    let src = spec.columns.get(&col.name).unwrap_or(&col.name);
    let (name, index) = match src.strip_suffix(']').and_then(|s| s.split_once('[')) {
        Some((n, i)) => (n, i.trim().parse::<usize>().ok()),
        None => (src.as_str(), None),
    };
    let found = field(manifest, spec, item, name).or_else(|| field(manifest, spec, top, name));
    let found = match (found, index) {
        (Some(v), Some(i)) => v.as_array().and_then(|a| a.get(i.checked_sub(1)?)).cloned(),
        (v, _) => v.cloned(),
    };
    // Facts columns also answer to their declared aliases.
    let found = found.or_else(|| {
        (spec.facts && !spec.columns.contains_key(&col.name))
            .then(|| find_key(top, col).cloned())
            .flatten()
    });
    (src.clone(), found)
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
    crate::project::parse_text_as(&scalar_text(v)?, col)
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
