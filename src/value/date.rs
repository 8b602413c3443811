//! Dates as staff write them, and Excel serial numbers.

use super::ValueError;
use chrono::NaiveDate;

/// "2025-07-01", "2025/7/1", "2025.7.1", "2025年7月1日", "２０２５年７月１日",
/// "20250701", also with a trailing time ("2025-07-01 00:00:00").
pub fn parse_date(text: &str) -> Result<NaiveDate, ValueError> {
    let _ = text;
    todo!()
}

/// Excel's 1900 date system (serial 1 = 1900-01-01, with the fictitious
/// 1900-02-29 at serial 60). Serials ≤ 60 are refused as ambiguous; the
/// fractional part (time of day) is dropped.
pub fn excel_serial_to_date(serial: f64) -> Result<NaiveDate, ValueError> {
    let _ = serial;
    todo!()
}

/// "2025年7月1日".
pub fn format_date_cn(date: NaiveDate) -> String {
    let _ = date;
    todo!()
}
