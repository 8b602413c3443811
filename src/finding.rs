//! Findings: what a check reports, in the shape of the JSON contract.

use crate::citation::Citation;
use crate::model::Severity;
use indexmap::IndexMap;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub file: String,
    pub sheet: Option<String>,
    /// The cell most at fault ("F7").
    pub cell: Option<String>,
    /// 1-based sheet row.
    pub row: Option<u32>,
    /// Column letter ("F").
    pub column: Option<String>,
    /// For group findings: the group key and its rows.
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub citations: Vec<Citation>,
    pub location: Location,
    /// Values of the cells the rule read (canonical text; amounts in 元).
    pub values: IndexMap<String, String>,
    /// The rule could not be decided (e.g. a date beyond the calendar).
    #[serde(skip)]
    pub undetermined: bool,
}

/// Stable report order: severity, then file, sheet, row, column, rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            a.severity,
            &a.location.file,
            &a.location.sheet,
            a.location.row,
            column_order(&a.location.column),
            &a.rule,
        )
            .cmp(&(
                b.severity,
                &b.location.file,
                &b.location.sheet,
                b.location.row,
                column_order(&b.location.column),
                &b.rule,
            ))
    });
}

fn column_order(c: &Option<String>) -> (usize, String) {
    c.as_ref().map(|s| (s.len(), s.clone())).unwrap_or_default()
}
