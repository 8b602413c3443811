//! Integers written in Arabic or Chinese numerals, and the plain decimal
//! syntax shared by the amount and percent parsers.

use super::ValueError;
use super::text::normalize_text;
use rust_decimal::Decimal;
use std::str::FromStr;

/// "三十" → 30, "十" → 10, "二十五" → 25, "两" → 2, "一百" → 100, "零" → 0.
///
/// Also 〇, the financial forms (壹贰叁肆伍陆柒捌玖拾佰仟萬), 万 and 亿
/// ("四百万" → 4,000,000). Rejected (`None`): empty text, unknown characters,
/// two digits in a row ("二五"), units out of order ("十百"), and the
/// colloquial shortenings whose value is ambiguous in writing ("一百五" may be
/// 150 or 105; write "一百五十" or "一百零五").
pub fn parse_chinese_integer(text: &str) -> Option<u64> {
    let t = text.trim();
    if matches!(t, "零" | "〇") {
        return Some(0);
    }
    parse_below(t, &[('亿', 100_000_000), ('万', 10_000), ('萬', 10_000)])
}

/// Splits at the largest group unit (亿, then 万) present, so "三亿零五万" is
/// 3 × 10^8 + (零五万).
fn parse_below(t: &str, groups: &[(char, u64)]) -> Option<u64> {
    let Some((&(unit, factor), rest)) = groups.split_first() else {
        return parse_section(t);
    };
    // 亿 may repeat ("一万亿", "壹亿亿"): split at the last one and let
    // the part above it hold 亿 and 万 again.
    let split = if unit == '亿' {
        t.rsplit_once(unit)
    } else {
        t.split_once(unit)
    };
    match split {
        // 万 and 萬 are one unit: skip the other spelling of the same group.
        None => parse_below(t, rest),
        Some((high, low)) => {
            let lower: Vec<_> = rest.iter().copied().filter(|&(_, f)| f < factor).collect();
            let high = if unit == '亿' {
                parse_below(high, groups)?
            } else {
                parse_below(high, &lower)?
            };
            if high == 0 {
                return None;
            }
            let low = match low.strip_prefix(['零', '〇']) {
                Some("") => return None,
                Some(after_zero) => parse_below(after_zero, &lower)?,
                None if low.is_empty() => 0,
                // "一万五" is colloquial for 15,000: ambiguous, refuse.
                None if low.chars().count() == 1 => return None,
                None => parse_below(low, &lower)?,
            };
            high.checked_mul(factor)?.checked_add(low)
        }
    }
}

/// A number below 10,000: digits with 千/百/十 in decreasing order.
fn parse_section(t: &str) -> Option<u64> {
    if t.is_empty() {
        return None;
    }
    let mut total = 0u64;
    let mut digit: Option<u64> = None;
    let mut last_unit = u64::MAX;
    let mut after_zero = false;
    for (i, c) in t.chars().enumerate() {
        if let Some(d) = digit_value(c) {
            if digit.is_some() {
                return None;
            }
            digit = Some(d);
        } else if let Some(u) = unit_value(c) {
            if u >= last_unit {
                return None;
            }
            // A bare 十 ("十", "十五") is 一十; elsewhere a unit needs a digit.
            let d = match digit.take() {
                Some(d) => d,
                None if u == 10 && i == 0 => 1,
                None => return None,
            };
            total += d * u;
            last_unit = u;
            after_zero = false;
        } else if matches!(c, '零' | '〇') {
            if digit.is_some() || after_zero || i == 0 {
                return None;
            }
            after_zero = true;
        } else {
            return None;
        }
    }
    match digit {
        // "三百五": ambiguous shortening of 三百五十.
        Some(_) if last_unit >= 100 && last_unit != u64::MAX && !after_zero => None,
        Some(d) => Some(total + d),
        // A trailing 零 ("一百零") means nothing.
        None if after_zero => None,
        None => Some(total),
    }
}

/// "十二点五" → 12.5, "零点五" → 0.5, "十" → 10: a Chinese integer, then
/// optionally 点 and one Chinese digit per decimal place.
pub(crate) fn parse_chinese_decimal(text: &str) -> Option<Decimal> {
    let (int, frac) = match text.split_once('点') {
        Some((int, frac)) => (int, Some(frac)),
        None => (text, None),
    };
    let int = Decimal::from(parse_chinese_integer(int)?);
    let Some(frac) = frac else {
        return Some(int);
    };
    let digits: String = frac
        .chars()
        .map(|c| match c {
            '零' | '〇' => Some('0'),
            c => digit_value(c).and_then(|d| char::from_digit(d as u32, 10)),
        })
        .collect::<Option<_>>()?;
    if digits.is_empty() {
        return None;
    }
    let frac = Decimal::from_str(&format!("0.{digits}")).ok()?;
    // from_str rounds past 28 places; such a number is refused, not changed.
    if frac.scale() as usize != digits.len() {
        return None;
    }
    int.checked_add(frac).map(|d| d.normalize())
}

fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn unit_value(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Arabic (also full-width, with thousands separators) or Chinese numerals.
///
/// Arabic: an optional sign, digits grouped by commas in threes or not at all
/// ("1,234", not "1,23,4"), and an optional all-zero fraction ("5.0", as
/// numbers exported from Excel sometimes are). Chinese numerals are
/// non-negative.
pub fn parse_integer(text: &str) -> Result<i64, ValueError> {
    const EXPECTED: &str = "整数";
    let t = normalize_text(text);
    if let Some(n) = parse_chinese_integer(&t) {
        return i64::try_from(n).map_err(|_| out_of_range(text, EXPECTED));
    }
    let d = parse_plain_decimal(&t).map_err(|e| e.into_value_error(text, EXPECTED))?;
    if !d.fract().is_zero() {
        return Err(ValueError::invalid(text, EXPECTED));
    }
    i64::try_from(d.trunc()).map_err(|_| out_of_range(text, EXPECTED))
}

fn out_of_range(text: &str, expected: &'static str) -> ValueError {
    ValueError::OutOfRange {
        text: text.to_string(),
        expected,
    }
}

/// Why text is not a plain decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    Syntax,
    /// Too many digits to hold exactly.
    Overflow,
}

impl NumberError {
    pub(crate) fn into_value_error(self, text: &str, expected: &'static str) -> ValueError {
        match self {
            NumberError::Syntax => ValueError::invalid(text, expected),
            NumberError::Overflow => out_of_range(text, expected),
        }
    }
}

/// `[+-]? (digits | d{1,3}(,ddd)+) (.digits)?` on already normalised text,
/// exactly: a value [`Decimal`] could only hold rounded is an overflow, not a
/// silently different number.
pub(crate) fn parse_plain_decimal(t: &str) -> Result<Decimal, NumberError> {
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let int = strip_grouping(int).ok_or(NumberError::Syntax)?;
    let frac = match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.trim_end_matches('0')
        }
        Some(_) => return Err(NumberError::Syntax),
        None => "",
    };
    let sign = if negative { "-" } else { "" };
    let point = if frac.is_empty() { "" } else { "." };
    let d = Decimal::from_str(&format!("{sign}{int}{point}{frac}"))
        .map_err(|_| NumberError::Overflow)?;
    // from_str rounds digits beyond its precision instead of failing.
    if d.scale() as usize != frac.len() {
        return Err(NumberError::Overflow);
    }
    Ok(d.normalize())
}

/// "1,234,567" → "1234567"; "1234" as is; `None` for misplaced commas or
/// anything but digits.
fn strip_grouping(int: &str) -> Option<String> {
    let groups: Vec<&str> = int.split(',').collect();
    let digits_only = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let (first, rest) = groups.split_first()?;
    let first_ok = !first.is_empty() && digits_only(first) && (rest.is_empty() || first.len() <= 3);
    if first_ok && rest.iter().all(|g| g.len() == 3 && digits_only(g)) {
        Some(groups.concat())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn chinese_integers() {
        let cases = [
            ("零", 0),
            ("〇", 0),
            ("一", 1),
            ("两", 2),
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("二十五", 25),
            ("三十", 30),
            ("七十", 70),
            ("一百", 100),
            ("一百零五", 105),
            ("一百二十", 120),
            ("一百一十", 110),
            ("两百", 200),
            ("三千零二十", 3020),
            ("一千零五", 1005),
            ("九千九百九十九", 9999),
            ("一万", 10_000),
            ("十万", 100_000),
            ("四百万", 4_000_000),
            ("一万零五", 10_005),
            ("一万二千", 12_000),
            ("三亿零五万", 300_050_000),
            ("一亿", 100_000_000),
            ("一亿二千万", 120_000_000),
            ("一万亿", 1_000_000_000_000),
            ("一万二千亿零五", 1_200_000_000_005),
            ("壹亿亿", 10_000_000_000_000_000),
            ("壹佰贰拾", 120),
            ("叁拾", 30),
        ];
        for (text, n) in cases {
            assert_eq!(parse_chinese_integer(text), Some(n), "{text}");
        }
    }

    #[test]
    fn chinese_integers_rejected() {
        for t in [
            "",
            " ",
            "二五",
            "十百",
            "百",
            "一百五",
            "一万五",
            "三百五",
            "零零",
            "零五",
            "一百零",
            "十十",
            "一万万",
            "万",
            "十零",
            "abc",
            "3十",
            "三十日",
            "一百零零五",
            "负五",
        ] {
            assert_eq!(parse_chinese_integer(t), None, "{t}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(parse_integer("42"), Ok(42));
        assert_eq!(parse_integer("４２"), Ok(42));
        assert_eq!(parse_integer(" 1,234 "), Ok(1234));
        assert_eq!(parse_integer("１，２３４"), Ok(1234));
        assert_eq!(parse_integer("-7"), Ok(-7));
        assert_eq!(parse_integer("+7"), Ok(7));
        assert_eq!(parse_integer("5.0"), Ok(5));
        assert_eq!(parse_integer("三十"), Ok(30));
        assert_eq!(parse_integer("0"), Ok(0));
        assert_eq!(parse_integer("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(parse_integer("-9223372036854775808"), Ok(i64::MIN));
    }

    #[test]
    fn integers_rejected() {
        for t in [
            "", "  ", "1,23,4", "1234,567", ",123", "1,", "--5", "+-5", "5.5", "1e3", "NaN", "abc",
            "5个", "1 000",
        ] {
            assert!(
                matches!(parse_integer(t), Err(ValueError::Invalid { .. })),
                "{t}"
            );
        }
        for t in ["9223372036854775808", "99999999999999999999999999999999"] {
            assert!(
                matches!(parse_integer(t), Err(ValueError::OutOfRange { .. })),
                "{t}"
            );
        }
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(parse_plain_decimal("1,234.50"), Ok(dec!(1234.5)));
        assert_eq!(
            parse_plain_decimal("0.0000000000000000000000000001"),
            Ok(dec!(0.0000000000000000000000000001))
        );
        assert_eq!(parse_plain_decimal("-0.10"), Ok(dec!(-0.1)));
        assert_eq!(parse_plain_decimal("007"), Ok(dec!(7)));
        for t in [
            "", ".5", "5.", "-", "1..2", "1.2.3", "1,23,4", "1_000", "1e5", "--5", "NaN", "inf",
            " 5",
        ] {
            assert_eq!(parse_plain_decimal(t), Err(NumberError::Syntax), "{t}");
        }
        // Would be rounded by Decimal: refused rather than changed.
        assert_eq!(
            parse_plain_decimal("1.00000000000000000000000000001"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            parse_plain_decimal("123456789012345678901234567890"),
            Err(NumberError::Overflow)
        );
    }

    #[test]
    fn chinese_decimals() {
        assert_eq!(parse_chinese_decimal("十"), Some(dec!(10)));
        assert_eq!(parse_chinese_decimal("十二点五"), Some(dec!(12.5)));
        assert_eq!(parse_chinese_decimal("零点五"), Some(dec!(0.5)));
        assert_eq!(parse_chinese_decimal("零点零五"), Some(dec!(0.05)));
        let too_fine = format!("零点{}", "五".repeat(29));
        for t in [
            "",
            "点五",
            "十点",
            "十点十",
            "十点5",
            "五点五点五",
            too_fine.as_str(),
        ] {
            assert_eq!(parse_chinese_decimal(t), None, "{t}");
        }
    }

    proptest! {
        #[test]
        fn arabic_round_trip(n in any::<i64>()) {
            prop_assert_eq!(parse_integer(&n.to_string()), Ok(n));
        }

        #[test]
        fn chinese_matches_arabic(n in 0u64..100_000_000) {
            prop_assert_eq!(parse_chinese_integer(&to_chinese(n)), Some(n));
        }

        #[test]
        fn chinese_never_panics(s in "[零〇一二两三四五六七八九十百千万亿]{0,12}") {
            let _ = parse_chinese_integer(&s);
        }
    }

    /// Writes n (< 10^8) in standard Chinese numerals, for the property above.
    fn to_chinese(n: u64) -> String {
        const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        fn section(n: u64, out: &mut String, mut pending_zero: bool) {
            for (u, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
                let d = n / u % 10;
                if d == 0 {
                    pending_zero = !out.is_empty();
                    continue;
                }
                if pending_zero {
                    out.push('零');
                    pending_zero = false;
                }
                out.push_str(DIGITS[d as usize]);
                out.push_str(name);
            }
        }
        if n == 0 {
            return "零".into();
        }
        let mut out = String::new();
        if n >= 10_000 {
            section(n / 10_000, &mut out, false);
            out.push('万');
        }
        section(n % 10_000, &mut out, false);
        out
    }
}
