//! `jicai rules test`: runs every rule example (`例`), compares the findings
//! with what the example expects, and measures what the examples cover: a
//! rule without examples, an example that "passes" only because its 当
//! filtered every row out before the 要求 was ever tested, and how many
//! rules have examples on both sides of their boundary.

use crate::engine::{self, Dataset, Facts};
use crate::finding::Finding;
use crate::library::RuleLibrary;
use crate::model::{Cx, Example, RuleSet};
use crate::table::Table;
use crate::value::Value;

#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub ruleset: String,
    pub title: String,
    pub location: String,
    /// Why it failed; empty when it passed.
    pub failures: Vec<String>,
    /// Rules the example expects to pass whose 要求 no row or group reached:
    /// the example passes whatever the requirement says.
    pub unreached: Vec<String>,
}

impl ExampleOutcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// What the examples of one rule set cover.
#[derive(Debug, Clone, Default)]
pub struct SetCoverage {
    pub ruleset: String,
    /// Rules the set declares itself (its own and its overrides).
    pub rules: usize,
    /// Of those, rules with a passing 违反 example and a passing 通过 example
    /// that reaches the 要求.
    pub both_sides: usize,
    /// Rules no example of the set names.
    pub without_examples: Vec<String>,
    /// Rules with examples on one side only: (rule, the side that is missing).
    pub one_side: Vec<(String, &'static str)>,
}

/// The examples' outcomes and what they cover.
#[derive(Debug, Clone, Default)]
pub struct TestReport {
    pub outcomes: Vec<ExampleOutcome>,
    pub coverage: Vec<SetCoverage>,
}

/// Runs the examples of `ruleset` (or of every rule set when `None`).
pub fn run_examples(lib: &RuleLibrary, ruleset: Option<&str>) -> Vec<ExampleOutcome> {
    test(lib, ruleset).outcomes
}

/// Runs the examples and measures coverage, for `ruleset` or every set.
pub fn test(lib: &RuleLibrary, ruleset: Option<&str>) -> TestReport {
    let examples: Vec<&Example> = lib
        .book
        .examples
        .iter()
        .filter(|e| ruleset.is_none_or(|r| r == e.ruleset))
        .collect();
    let outcomes: Vec<ExampleOutcome> = examples.iter().map(|e| run_one(lib, e)).collect();
    let coverage = lib
        .book
        .sets
        .iter()
        .filter(|s| ruleset.is_none_or(|r| r == s.name))
        .map(|set| set_coverage(set, &examples, &outcomes))
        .collect();
    TestReport { outcomes, coverage }
}

fn set_coverage(set: &RuleSet, examples: &[&Example], outcomes: &[ExampleOutcome]) -> SetCoverage {
    let mut cov = SetCoverage {
        ruleset: set.name.clone(),
        ..SetCoverage::default()
    };
    let own: Vec<(&Example, &ExampleOutcome)> = examples
        .iter()
        .zip(outcomes)
        .filter(|(e, _)| e.ruleset == set.name)
        .map(|(e, o)| (*e, o))
        .collect();
    for rule in set.rules.iter().filter(|r| r.defined_in == set.name) {
        cov.rules += 1;
        let id = &rule.id;
        let named = own
            .iter()
            .any(|(e, _)| e.expect_violated.contains(id) || e.expect_passed.contains(id));
        if !named {
            cov.without_examples.push(id.clone());
            continue;
        }
        let violated = own
            .iter()
            .any(|(e, o)| o.passed() && e.expect_violated.contains(id));
        let passed = own
            .iter()
            .any(|(e, o)| o.passed() && e.expect_passed.contains(id) && !o.unreached.contains(id));
        match (violated, passed) {
            (true, true) => cov.both_sides += 1,
            (false, _) => cov.one_side.push((id.clone(), "违反")),
            (true, false) => cov.one_side.push((id.clone(), "通过")),
        }
    }
    cov
}

fn run_one(lib: &RuleLibrary, ex: &Example) -> ExampleOutcome {
    let mut outcome = ExampleOutcome {
        ruleset: ex.ruleset.clone(),
        title: ex.title.clone(),
        location: ex.location.clone(),
        failures: Vec::new(),
        unreached: Vec::new(),
    };
    let Some(set) = lib.book.sets.iter().find(|s| s.name == ex.ruleset) else {
        outcome.failures.push("规则集不存在".into());
        return outcome;
    };
    let data = dataset(lib, ex);
    let findings = engine::run(&lib.book, set, &data, ex.as_of, &lib.env(set, ex.as_of));
    let decided = |id: &str| -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.rule == id && !f.undetermined)
            .collect()
    };
    for id in &ex.expect_violated {
        if decided(id).is_empty() {
            let why = findings
                .iter()
                .find(|f| &f.rule == id)
                .map(|f| format!("（{}）", f.message))
                .unwrap_or_default();
            outcome
                .failures
                .push(format!("期望违反 {id}，但未报告{why}"));
        }
    }
    for id in &ex.expect_passed {
        for f in findings.iter().filter(|f| &f.rule == id) {
            outcome
                .failures
                .push(format!("期望通过 {id}，但报告了：{}", f.message));
        }
        if !reaches_requirement(lib, set, &data, ex, id) {
            outcome.unreached.push(id.clone());
        }
    }
    outcome
}

/// Whether some row or group of the example gets as far as the rule's 要求:
/// the rule is run alone with its requirement replaced by one that never
/// holds, so every row or group that passes the scope and the 当 is reported.
fn reaches_requirement(
    lib: &RuleLibrary,
    set: &RuleSet,
    data: &Dataset,
    ex: &Example,
    id: &str,
) -> bool {
    let Some(rule) = set.rule(id) else {
        return false;
    };
    let mut probe = rule.clone();
    probe.require = Cx::Const(Value::Bool(false));
    let alone = RuleSet {
        rules: vec![probe],
        ..set.clone()
    };
    engine::run(&lib.book, &alone, data, ex.as_of, &lib.env(set, ex.as_of))
        .iter()
        .any(|f| f.rule == id && !f.undetermined)
}

/// The example's rows as the tables a workbook would give.
fn dataset(lib: &RuleLibrary, ex: &Example) -> Dataset {
    Dataset {
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
    }
}
