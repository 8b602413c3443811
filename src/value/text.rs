//! Text normalisation for matching headers and values typed by hand.

use super::ValueError;

/// Full-width ASCII (Ａ-Ｚ, ０-９, （）, ：, ，…) to half-width, ideographic
/// space to space, trimmed. Keeps Chinese characters as they are.
pub fn normalize_text(text: &str) -> String {
    text.chars()
        .map(half_width)
        .collect::<String>()
        .trim()
        .to_string()
}

/// One character of [`normalize_text`]: U+FF01..U+FF5E → U+0021..U+007E,
/// U+3000 → space.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A header for alias matching: [`normalize_text`], then every kind of
/// whitespace and line break removed, brackets unified to "()" , and
/// "【】[]〔〕" treated as brackets too. "采购金额（万元）" and
/// "采购 金额(万元)" both become "采购金额(万元)".
///
/// Zero-width spaces and a byte-order mark (left by some CSV exports on the
/// first header) are removed as well: they are invisible to the person typing
/// the alias.
pub fn normalize_header(text: &str) -> String {
    normalize_text(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .map(|c| match c {
            '【' | '[' | '〔' => '(',
            '】' | ']' | '〕' => ')',
            other => other,
        })
        .collect()
}

/// The candidate closest to `name` by edit distance, if within half the
/// longer length (a typo, not another word).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_len = name.chars().count();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, c)| *d > 0 && *d <= (name_len.max(c.chars().count()) / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// 是/否 and their common variants: 是, 否, Y, N, yes, no, √, ×, true,
/// false, 1, 0 (case-insensitive). Check marks ✓✔ and crosses ✗✘ too.
pub fn parse_bool(text: &str) -> Result<bool, ValueError> {
    let t = normalize_text(text).to_lowercase();
    match t.as_str() {
        "是" | "y" | "yes" | "√" | "✓" | "✔" | "true" | "1" => Ok(true),
        "否" | "n" | "no" | "×" | "✗" | "✘" | "false" | "0" => Ok(false),
        _ => Err(ValueError::invalid(text, "是/否值（是、否）")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_text_maps_full_width() {
        assert_eq!(normalize_text("ＡＢＣ１２３（）：，"), "ABC123():,");
        assert_eq!(normalize_text("\u{3000}金额\u{3000}"), "金额");
        assert_eq!(normalize_text("a\u{3000}b"), "a b");
        assert_eq!(normalize_text("～！"), "~!");
        assert_eq!(normalize_text(""), "");
        assert_eq!(normalize_text("  \t "), "");
        // Outside the full-width ASCII block: unchanged.
        assert_eq!(normalize_text("￥【】。、"), "￥【】。、");
    }

    #[test]
    fn normalize_header_unifies() {
        assert_eq!(normalize_header("采购金额（万元）"), "采购金额(万元)");
        assert_eq!(normalize_header("采购 金额(万元)"), "采购金额(万元)");
        assert_eq!(normalize_header("采购\n金额\r\n【万元】"), "采购金额(万元)");
        assert_eq!(normalize_header("\u{FEFF}序号"), "序号");
        assert_eq!(normalize_header("金\u{A0}额\t[元]"), "金额(元)");
        assert_eq!(normalize_header("金额〔元〕"), "金额(元)");
        assert_eq!(normalize_header("　"), "");
    }

    #[test]
    fn parse_bool_variants() {
        for t in [
            "是", "Y", "y", "YES", "Yes", "√", "TRUE", "true", "1", "１", " 是 ",
        ] {
            assert_eq!(parse_bool(t), Ok(true), "{t}");
        }
        for t in ["否", "N", "no", "NO", "×", "False", "0"] {
            assert_eq!(parse_bool(t), Ok(false), "{t}");
        }
        for t in ["", "  ", "是的", "2", "yess", "--", "-1", "真"] {
            assert!(parse_bool(t).is_err(), "{t}");
        }
    }
}
