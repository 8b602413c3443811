//! `jicai rules test`: runs every rule example (`例`) and compares the
//! findings with what the example expects.

use crate::engine::{self, Dataset, Facts};
use crate::finding::Finding;
use crate::library::RuleLibrary;
use crate::model::Example;
use crate::table::Table;

#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub ruleset: String,
    pub title: String,
    pub location: String,
    /// Why it failed; empty when it passed.
    pub failures: Vec<String>,
}

impl ExampleOutcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Runs the examples of `ruleset` (or of every rule set when `None`).
pub fn run_examples(lib: &RuleLibrary, ruleset: Option<&str>) -> Vec<ExampleOutcome> {
    lib.book
        .examples
        .iter()
        .filter(|e| ruleset.is_none_or(|r| r == e.ruleset))
        .map(|e| run_one(lib, e))
        .collect()
}

fn run_one(lib: &RuleLibrary, ex: &Example) -> ExampleOutcome {
    let Some(set) = lib.book.sets.iter().find(|s| s.name == ex.ruleset) else {
        return ExampleOutcome {
            ruleset: ex.ruleset.clone(),
            title: ex.title.clone(),
            location: ex.location.clone(),
            failures: vec!["规则集不存在".into()],
        };
    };
    let data = Dataset {
        tables: ex
            .tables
            .iter()
            .map(|(ti, rows)| {
                let spec = &lib.book.tables[*ti];
                Table {
                    table: spec.name.clone(),
                    file: ex.location.clone(),
                    sheet: "例".into(),
                    header_row: 1,
                    columns: (0..spec.columns.len() as u32).map(Some).collect(),
                    headers: spec.columns.iter().map(|c| Some(c.name.clone())).collect(),
                    units: vec![None; spec.columns.len()],
                    missing_required: Vec::new(),
                    mapping: Vec::new(),
                    rows: rows.clone(),
                    total: None,
                    issues: Vec::new(),
                }
            })
            .collect(),
        facts: ex.facts.clone().map(|row| Facts {
            file: ex.location.clone(),
            row,
        }),
    };
    let findings = engine::run(&lib.book, set, &data, ex.as_of, &lib.env());
    let decided = |id: &str| -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.rule == id && !f.undetermined)
            .collect()
    };
    let mut failures = Vec::new();
    for id in &ex.expect_violated {
        if decided(id).is_empty() {
            let why = findings
                .iter()
                .find(|f| &f.rule == id)
                .map(|f| format!("（{}）", f.message))
                .unwrap_or_default();
            failures.push(format!("期望违反 {id}，但未报告{why}"));
        }
    }
    for id in &ex.expect_passed {
        for f in findings.iter().filter(|f| &f.rule == id) {
            failures.push(format!("期望通过 {id}，但报告了：{}", f.message));
        }
    }
    ExampleOutcome {
        ruleset: ex.ruleset.clone(),
        title: ex.title.clone(),
        location: ex.location.clone(),
        failures,
    }
}
