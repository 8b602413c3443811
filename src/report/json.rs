//! The JSON contract (see the README): one object per check.

use crate::check::CheckReport;

pub fn render(report: &CheckReport) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
