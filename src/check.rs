//! `jicai check`: read workbooks and project facts, run a rule set, and
//! report what was read and what was found.

use crate::engine::{self, Dataset};
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::library::RuleLibrary;
use crate::model::{RuleSet, Severity};
use crate::table::{HeaderColumn, ReadLimits, SheetOutcome, read_workbook};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Serialize)]
pub struct SheetReport {
    pub sheet: String,
    /// The declared table it was read as; `None` when no table fits.
    pub table: Option<String>,
    pub header_row: Option<u32>,
    pub rows: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Each header cell, its field and how it matched (`unused` if not read).
    pub columns: Vec<HeaderColumn>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputReport {
    pub file: String,
    pub sheets: Vec<SheetReport>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }
}

/// The result of a check: the JSON contract's top-level object.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub ruleset: String,
    pub as_of: NaiveDate,
    pub inputs: Vec<InputReport>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Things the reader should know (e.g. the rule set is not yet in force).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The tables that were read, for reports that show rows.
    #[serde(skip)]
    pub data: Dataset,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }
}

pub struct CheckRequest {
    pub files: Vec<PathBuf>,
    pub facts: Option<PathBuf>,
    pub as_of: NaiveDate,
    pub limits: ReadLimits,
}

/// Reads every file (all sheets), then runs `set` over everything read.
/// A file that cannot be read stops the check (exit code 2): findings on
/// half the input would look like a clean bill of health for the rest.
pub fn check(
    lib: &RuleLibrary,
    set: &RuleSet,
    req: &CheckRequest,
    progress: &dyn Fn(&str),
) -> Result<CheckReport, JicaiError> {
    let mut data = Dataset::default();
    let mut inputs = Vec::new();
    let specs = lib.book.workbook_tables();
    for path in &req.files {
        progress(&path.display().to_string());
        let read = read_workbook(path, &specs, &req.limits)?;
        let mut sheets = Vec::new();
        for s in read.sheets {
            match s.outcome {
                SheetOutcome::Table(t) => {
                    sheets.push(SheetReport {
                        sheet: s.sheet,
                        table: Some(t.table.clone()),
                        header_row: Some(t.header_row),
                        rows: t.rows.len(),
                        note: None,
                        columns: t.mapping.clone(),
                    });
                    data.tables.push(t);
                }
                SheetOutcome::Unmatched { reason } => sheets.push(SheetReport {
                    sheet: s.sheet,
                    table: None,
                    header_row: None,
                    rows: 0,
                    note: Some(reason),
                    columns: Vec::new(),
                }),
                SheetOutcome::Empty => sheets.push(SheetReport {
                    sheet: s.sheet,
                    table: None,
                    header_row: None,
                    rows: 0,
                    note: Some("空工作表".into()),
                    columns: Vec::new(),
                }),
            }
        }
        if sheets.iter().all(|s| s.table.is_none()) && req.facts.is_none() {
            let detail = sheets
                .iter()
                .map(|s| {
                    format!(
                        "工作表“{}”：{}",
                        s.sheet,
                        s.note.clone().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join("；");
            return Err(JicaiError::NothingRecognised {
                file: read.file,
                detail,
            });
        }
        inputs.push(InputReport {
            file: read.file,
            sheets,
        });
    }
    if let Some(facts_path) = &req.facts {
        let Some(fi) = lib.book.facts else {
            return Err(JicaiError::Usage(
                "规则中没有声明“事实”，不能使用 --data".into(),
            ));
        };
        data.facts = Some(crate::project::load_facts(
            facts_path,
            &lib.book.tables[fi],
        )?);
    }
    let findings = engine::run(&lib.book, set, &data, Some(req.as_of), &lib.env());
    let mut notes = Vec::new();
    for name in &set.chain {
        if let Some(s) = lib.book.sets.iter().find(|s| &s.name == name)
            && let Some(effective) = s.effective.filter(|e| req.as_of < *e)
        {
            notes.push(format!(
                "规则集“{}”自 {effective} 起施行，检查日期 {} 早于施行日期，其规则未适用",
                s.name, req.as_of
            ));
        }
    }
    Ok(CheckReport {
        ruleset: set.name.clone(),
        as_of: req.as_of,
        inputs,
        summary: Summary::of(&findings),
        findings,
        notes,
        data,
    })
}
