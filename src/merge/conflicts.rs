//! Conflicts between participants' tables, as findings. None is resolved
//! here: the lines stay as submitted and the lead unit decides.
//!
//! - 合并.重复填报: one unit (by 单位代码, else by name) submits the same
//!   采购包 and 品目 in two files — counted twice in the totals.
//! - 合并.项目名称: lines name a different 项目名称 than the rest; one
//!   总计划 is one project.
//! - 合并.计量单位: one 品目 is counted in different units (台 and 套), so
//!   its quantities cannot be added.

use super::lines::{Col, Line, compact, spec_index};
use crate::finding::{Finding, Location};
use crate::model::Severity;
use crate::table::{Table, TableSpec, column_letter};
use crate::value::codes::Catalog;
use indexmap::{IndexMap, IndexSet};
use std::collections::{HashMap, HashSet};

pub fn find(spec: &TableSpec, tables: &[Table], lines: &[Line], catalog: &Catalog) -> Vec<Finding> {
    let ctx = Ctx { spec, tables };
    let mut out = Vec::new();
    duplicates(&ctx, lines, &mut out);
    project_names(&ctx, lines, &mut out);
    measures(&ctx, lines, catalog, &mut out);
    out
}

struct Ctx<'a> {
    spec: &'a TableSpec,
    tables: &'a [Table],
}

impl Ctx<'_> {
    fn finding(
        &self,
        rule: &str,
        line: &Line,
        col: Col,
        message: String,
        values: &[(&str, String)],
    ) -> Finding {
        let letter = spec_index(self.spec, col)
            .and_then(|i| {
                self.tables
                    .get(line.table)?
                    .columns
                    .get(i)
                    .copied()
                    .flatten()
            })
            .map(column_letter);
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message,
            citations: self.spec.citations.clone(),
            location: Location {
                file: line.file.clone(),
                sheet: Some(line.sheet.clone()),
                cell: letter.as_ref().map(|l| format!("{l}{}", line.sheet_row)),
                row: Some(line.sheet_row),
                column: letter,
                group: None,
            },
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            undetermined: false,
        }
    }
}

/// "采购包1、品目A02010105（台式计算机）".
fn item_label(line: &Line) -> String {
    let package = line.text(Col::采购包);
    let item = match &line.item_name {
        Some(n) => format!("品目{}（{n}）", line.item),
        None if line.item.is_empty() => "品目（空）".to_string(),
        None => format!("品目{}", line.item),
    };
    if package.is_empty() {
        item
    } else {
        format!("采购包{package}、{item}")
    }
}

fn file_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The same unit's same 采购包 and 品目 in two files. Units are matched by
/// code and by name, so a code left out in one file does not hide it.
fn duplicates(ctx: &Ctx<'_>, lines: &[Line], out: &mut Vec<Finding>) {
    // (unit key, 采购包, 品目) → file of first submission.
    let mut first: HashMap<(String, String, String), &str> = HashMap::new();
    let mut reported: HashSet<(String, String, String, &str)> = HashSet::new();
    for line in lines {
        let package = compact(&line.text(Col::采购包));
        let name = compact(&line.text(Col::参与单位));
        let code = line.text(Col::单位代码).to_uppercase();
        let mut keys = Vec::with_capacity(2);
        if !code.is_empty() {
            keys.push(format!("代码:{code}"));
        }
        if !name.is_empty() {
            keys.push(format!("名称:{name}"));
        }
        for key in keys {
            let k = (key, package.clone(), line.item.clone());
            let earlier = *first.entry(k.clone()).or_insert(&line.file);
            if earlier == line.file {
                continue;
            }
            // One finding per unit, item and later file, whichever key matched.
            let once = (
                line.unit_key(),
                package.clone(),
                line.item.clone(),
                line.file.as_str(),
            );
            if !reported.insert(once) {
                break;
            }
            let unit = line.text(Col::参与单位);
            out.push(ctx.finding(
                "合并.重复填报",
                line,
                Col::参与单位,
                format!(
                    "参与单位“{unit}”已在 {} 中填报{}，又在 {} 中重复填报：总计划已将两处都计入，请核实后保留一处",
                    file_name(earlier),
                    item_label(line),
                    file_name(&line.file)
                ),
                &[
                    ("参与单位", unit.clone()),
                    ("单位代码", code.clone()),
                    ("采购包", line.text(Col::采购包)),
                    ("采购品目", line.item.clone()),
                    ("首次填报文件", earlier.to_string()),
                ],
            ));
            break;
        }
    }
}

/// The name most units use is the project's; every other name is reported
/// once per file, at its first line there.
fn project_names(ctx: &Ctx<'_>, lines: &[Line], out: &mut Vec<Finding>) {
    let mut units: IndexMap<String, (String, IndexSet<String>)> = IndexMap::new();
    for line in lines {
        let name = line.text(Col::项目名称);
        if name.is_empty() {
            continue;
        }
        units
            .entry(compact(&name))
            .or_insert_with(|| (name.clone(), IndexSet::new()))
            .1
            .insert(line.unit_key());
    }
    if units.len() < 2 {
        return;
    }
    let Some((main_key, (main_name, main_units))) = units
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, (_, u)))| (u.len(), std::cmp::Reverse(*i)))
        .map(|(_, e)| e)
    else {
        return;
    };
    let mut reported = HashSet::new();
    for line in lines {
        let name = line.text(Col::项目名称);
        let key = compact(&name);
        if name.is_empty()
            || key == *main_key
            || !reported.insert((key.clone(), line.file.as_str()))
        {
            continue;
        }
        let n = units.get(&key).map_or(0, |(_, u)| u.len());
        out.push(ctx.finding(
            "合并.项目名称",
            line,
            Col::项目名称,
            format!(
                "项目名称“{name}”与其他单位填报的“{main_name}”不一致（“{main_name}”{} 家单位，“{name}”{n} 家单位）：同一总计划应为同一项目，请统一项目名称",
                main_units.len()
            ),
            &[
                ("项目名称", name.clone()),
                ("多数单位填报的项目名称", main_name.clone()),
            ],
        ));
    }
}

/// A 品目 counted in two units of measure: the unit most lines use is the
/// reference; every other is reported once per file.
fn measures(ctx: &Ctx<'_>, lines: &[Line], catalog: &Catalog, out: &mut Vec<Finding>) {
    // 品目 → 计量单位 → line count.
    let mut by_item: HashMap<&str, IndexMap<String, usize>> = HashMap::new();
    for line in lines {
        let m = compact(&line.text(Col::计量单位));
        if m.is_empty() || line.item.is_empty() {
            continue;
        }
        *by_item.entry(&line.item).or_default().entry(m).or_default() += 1;
    }
    let main: HashMap<&str, &str> = by_item
        .iter()
        .filter(|(_, m)| m.len() > 1)
        .filter_map(|(item, m)| {
            let (unit, _) = m
                .iter()
                .enumerate()
                .max_by_key(|(i, (_, n))| (**n, std::cmp::Reverse(*i)))
                .map(|(_, e)| e)?;
            Some((*item, unit.as_str()))
        })
        .collect();
    let mut reported = HashSet::new();
    for line in lines {
        let Some(reference) = main.get(line.item.as_str()) else {
            continue;
        };
        let m = compact(&line.text(Col::计量单位));
        if m.is_empty()
            || m == *reference
            || !reported.insert((line.item.clone(), m.clone(), line.file.as_str()))
        {
            continue;
        }
        let name = catalog
            .get(&line.item)
            .map(|e| format!("（{}）", e.name))
            .unwrap_or_default();
        out.push(ctx.finding(
            "合并.计量单位",
            line,
            Col::计量单位,
            format!(
                "品目{}{name}的计量单位“{m}”与其他单位填报的“{reference}”不一致：数量无法相加，汇总表按计量单位分行列出，请统一计量单位",
                line.item
            ),
            &[
                ("采购品目", line.item.clone()),
                ("计量单位", m.clone()),
                ("多数填报的计量单位", reference.to_string()),
            ],
        ));
    }
}
