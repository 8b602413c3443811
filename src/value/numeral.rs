//! Integers written in Arabic or Chinese numerals.

use super::ValueError;

/// "三十" → 30, "十" → 10, "二十五" → 25, "两" → 2, "一百" → 100, "零" → 0.
pub fn parse_chinese_integer(text: &str) -> Option<u64> {
    let _ = text;
    todo!()
}

/// Arabic (also full-width, with thousands separators) or Chinese numerals.
pub fn parse_integer(text: &str) -> Result<i64, ValueError> {
    let _ = text;
    todo!()
}
