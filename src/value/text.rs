//! Text normalisation for matching headers and values typed by hand.

use super::ValueError;

/// Full-width ASCII (Ａ-Ｚ, ０-９, （）, ：, ，…) to half-width, ideographic
/// space to space, trimmed. Keeps Chinese characters as they are.
pub fn normalize_text(text: &str) -> String {
    let _ = text;
    todo!()
}

/// A header for alias matching: [`normalize_text`], then every kind of
/// whitespace and line break removed, brackets unified to "()" , and
/// "【】[]〔〕" treated as brackets too. "采购金额（万元）" and
/// "采购 金额(万元)" both become "采购金额(万元)".
pub fn normalize_header(text: &str) -> String {
    let _ = text;
    todo!()
}

/// 是/否 and their common variants: 是, 否, Y, N, yes, no, √, ×, true,
/// false, 1, 0 (case-insensitive).
pub fn parse_bool(text: &str) -> Result<bool, ValueError> {
    let _ = text;
    todo!()
}
