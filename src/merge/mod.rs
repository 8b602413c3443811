//! `jicai merge`: participants' 分计划/需求表 into the 总计划.
//!
//! ```text
//! files ──check (same reader, same rule set, all files together)──► CheckReport
//!       ──lines (每行需求, with its source)──► conflicts (findings) ──► summary by 采购包/品目/计量单位
//!       ──xlsx──► 总计划汇总 · 分单位明细 · 检查问题
//! ```
//!
//! All files are checked as one data set, so group rules (one 牵头单位 per
//! project, 汇总预算 per 品目) see every participant. Conflicts between
//! files are findings, never silently resolved: every line is counted as
//! submitted and the summary splits a 品目 by 计量单位 rather than adding
//! 台 to 套.

mod conflicts;
mod lines;
mod summary;
mod xlsx;

pub use lines::Line;
pub use summary::SummaryRow;
pub use xlsx::write;

use crate::check::{CheckReport, CheckRequest, Summary, check};
use crate::error::JicaiError;
use crate::finding::sort_findings;
use crate::library::RuleLibrary;
use crate::model::RuleSet;
use crate::table::{ReadLimits, TableSpec};
use crate::value::Amount;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::PathBuf;

/// The declared table merged.
pub const DEMAND_TABLE: &str = "需求表";

pub struct MergeRequest {
    pub files: Vec<PathBuf>,
    pub as_of: NaiveDate,
    pub limits: ReadLimits,
}

/// Everything a 总计划 is made of.
pub struct MergeReport {
    /// The check of all inputs, merge conflicts included in its findings.
    pub check: CheckReport,
    /// Every demand line, in file then row order.
    pub lines: Vec<Line>,
    /// Totals by 采购包, 品目 and 计量单位.
    pub summary: Vec<SummaryRow>,
    /// Sum of every line's 预算金额.
    pub total_budget: Amount,
    /// Distinct participating units.
    pub units: usize,
    /// The declared 需求表: the 明细 shows its columns.
    pub spec: TableSpec,
}

impl MergeReport {
    pub fn has_errors(&self) -> bool {
        self.check.has_errors()
    }
}

/// Reads and checks every file, then finds conflicts and totals.
pub fn merge(
    lib: &RuleLibrary,
    set: &RuleSet,
    req: &MergeRequest,
    progress: &dyn Fn(&str),
) -> Result<MergeReport, JicaiError> {
    refuse_repeated_files(&req.files)?;
    let spec = lib
        .book
        .tables
        .iter()
        .find(|t| t.name == DEMAND_TABLE)
        .ok_or_else(|| JicaiError::Usage(format!("规则中没有声明“{DEMAND_TABLE}”，无法合并")))?;
    let creq = CheckRequest {
        files: req.files.clone(),
        facts: None,
        as_of: req.as_of,
        limits: req.limits.clone(),
    };
    let mut report = check(lib, set, &creq, progress)?;
    for input in &report.inputs {
        if !input
            .sheets
            .iter()
            .any(|s| s.table.as_deref() == Some(DEMAND_TABLE))
        {
            return Err(JicaiError::Merge {
                file: input.file.clone(),
                detail: format!(
                    "没有读到{DEMAND_TABLE}（分计划）：{}",
                    input
                        .sheets
                        .iter()
                        .map(|s| match &s.table {
                            Some(t) => format!("工作表“{}”读作{t}", s.sheet),
                            None => format!("工作表“{}”未识别", s.sheet),
                        })
                        .collect::<Vec<_>>()
                        .join("；")
                ),
            });
        }
    }
    let lines = lines::collect(spec, &report.data.tables, lib.catalog);
    let found = conflicts::find(spec, &report.data.tables, &lines, lib.catalog);
    report.findings.extend(found);
    sort_findings(&mut report.findings);
    report.summary = Summary::of(&report.findings);
    let summary = summary::summarise(&lines);
    let total_budget = lines.iter().filter_map(Line::budget).sum();
    let units = lines
        .iter()
        .map(Line::unit_key)
        .collect::<HashSet<_>>()
        .len();
    Ok(MergeReport {
        spec: spec.clone(),
        check: report,
        lines,
        summary,
        total_budget,
        units,
    })
}

/// The same file given twice would count its lines twice without any
/// conflict to show for it.
fn refuse_repeated_files(files: &[PathBuf]) -> Result<(), JicaiError> {
    let mut seen = HashSet::new();
    for f in files {
        let key = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        if !seen.insert(key) {
            return Err(JicaiError::Usage(format!(
                "文件 {} 重复给出；每个文件只能合并一次",
                f.display()
            )));
        }
    }
    Ok(())
}
