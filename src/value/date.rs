//! Dates as staff write them, and Excel serial numbers.

use super::ValueError;
use super::numeral::parse_chinese_integer;
use super::text::normalize_text;
use chrono::{Datelike, NaiveDate, NaiveTime};

const EXPECTED: &str = "日期（如 2025-07-01、2025年7月1日）";

/// "2025-07-01", "2025/7/1", "2025.7.1", "2025年7月1日", "２０２５年７月１日",
/// "20250701", also with a trailing time ("2025-07-01 00:00:00").
///
/// Also "2025年7月1号", the ISO "T" before the time, and the numerals of
/// official documents ("二〇二五年七月一日"). Impossible dates (2025-02-30)
/// are invalid; years before 1900 or after 9999 are out of range.
pub fn parse_date(text: &str) -> Result<NaiveDate, ValueError> {
    let t = normalize_text(text);
    let (y, m, d) = split_ymd(strip_time(&t)).ok_or_else(|| ValueError::invalid(text, EXPECTED))?;
    if !(1900..=9999).contains(&y) {
        return Err(ValueError::OutOfRange {
            text: text.to_string(),
            expected: EXPECTED,
        });
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| ValueError::invalid(text, EXPECTED))
}

/// "2025-07-01 08:30:00" → "2025-07-01". Text without a trailing time of
/// day is returned whole (spaces may also sit inside "2025 年 7 月 1 日").
fn strip_time(t: &str) -> &str {
    let Some(i) = t.rfind([' ', 'T']) else {
        return t;
    };
    let time = &t[i + 1..];
    let is_time = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
        .iter()
        .any(|f| NaiveTime::parse_from_str(time, f).is_ok());
    if is_time { t[..i].trim_end() } else { t }
}

/// Year, month and day from one of the accepted date spellings.
fn split_ymd(t: &str) -> Option<(i32, u32, u32)> {
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            t[..4].parse().ok()?,
            t[4..6].parse().ok()?,
            t[6..].parse().ok()?,
        ));
    }
    if let Some((y, rest)) = t.split_once('年') {
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix(['日', '号'])?;
        return Some((cn_year(y.trim())?, cn_part(m.trim())?, cn_part(d.trim())?));
    }
    let sep = t.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let y = i32::try_from(digits(y, 4..=4)?).ok()?;
    Some((y, digits(m, 1..=2)?, digits(d, 1..=2)?))
}

/// "2025" or "二〇二五" / "二零二五" (one numeral per digit).
fn cn_year(y: &str) -> Option<i32> {
    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
        return y.parse().ok();
    }
    let digits: Option<String> = y
        .chars()
        .map(|c| match c {
            '〇' | '零' => Some('0'),
            c => parse_chinese_integer(&c.to_string())
                .filter(|&n| n < 10)
                .and_then(|n| char::from_digit(n as u32, 10)),
        })
        .collect();
    let digits = digits?;
    if digits.len() != 4 {
        return None;
    }
    digits.parse().ok()
}

/// A month or day: "7", "07", "七", "十二", "三十一".
fn cn_part(s: &str) -> Option<u32> {
    if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    parse_chinese_integer(s)
        .filter(|&n| n <= 31)
        .map(|n| n as u32)
}

/// Excel's 1900 date system (serial 1 = 1900-01-01, with the fictitious
/// 1900-02-29 at serial 60). Serials ≤ 60 are refused as ambiguous; the
/// fractional part (time of day) is dropped.
///
/// NaN and infinities are invalid; serials ≤ 60 (including negatives) and
/// serials after 9999-12-31 are out of range.
pub fn excel_serial_to_date(serial: f64) -> Result<NaiveDate, ValueError> {
    const EXPECTED_SERIAL: &str = "Excel日期（1900-03-01 至 9999-12-31）";
    // Serial 61 is 1900-03-01; from there on serial n is 1899-12-30 + n days.
    const LAST: f64 = 2_958_465.0; // 9999-12-31
    let text = || serial.to_string();
    if !serial.is_finite() {
        return Err(ValueError::Invalid {
            text: text(),
            expected: EXPECTED_SERIAL,
        });
    }
    let days = serial.floor();
    if days <= 60.0 || days > LAST {
        return Err(ValueError::OutOfRange {
            text: text(),
            expected: EXPECTED_SERIAL,
        });
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days as u64)))
        .ok_or_else(|| ValueError::OutOfRange {
            text: text(),
            expected: EXPECTED_SERIAL,
        })
}

/// "2025年7月1日".
pub fn format_date_cn(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn parses() {
        let d = ymd(2025, 7, 1);
        for t in [
            "2025-07-01",
            "2025-7-1",
            "2025/7/1",
            "2025/07/01",
            "2025.7.1",
            "2025年7月1日",
            "2025年07月01日",
            "2025年7月1号",
            "2025 年 7 月 1 日",
            "２０２５年７月１日",
            "２０２５－０７－０１",
            "20250701",
            "2025-07-01 00:00:00",
            "2025-07-01 08:30",
            "2025-07-01T08:30:15.250",
            "2025/7/1 0:00:00",
            "2025年7月1日 10:00",
            "2025 年 7 月 1 日 10:00",
            " 2025-07-01 ",
            "二〇二五年七月一日",
            "二零二五年七月一日",
        ] {
            assert_eq!(parse_date(t), Ok(d), "{t}");
        }
        assert_eq!(parse_date("2024-02-29"), Ok(ymd(2024, 2, 29)));
        assert_eq!(
            parse_date("二〇二五年十二月三十一日"),
            Ok(ymd(2025, 12, 31))
        );
        assert_eq!(parse_date("1900-01-01"), Ok(ymd(1900, 1, 1)));
        assert_eq!(parse_date("9999-12-31"), Ok(ymd(9999, 12, 31)));
    }

    #[test]
    fn rejects() {
        for t in [
            "",
            "  ",
            "2025-02-30",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-07-00",
            "2025-07-32",
            "2025-7/1",
            "25-7-1",
            "2025-007-01",
            "2025-07",
            "2025-07-01-02",
            "202571",
            "2025070",
            "2025年7月1",
            "2025年13月1日",
            "2025年7月",
            "7月1日",
            "2025-07-01 garbage",
            "2025-07-01 25:00",
            "2025-07-01T",
            "45839",
            "NaN",
            "abc",
            "2025--07-01",
            "+2025-07-01",
            "二〇二五年二月三十日",
        ] {
            assert!(
                matches!(parse_date(t), Err(ValueError::Invalid { .. })),
                "{t}: {:?}",
                parse_date(t)
            );
        }
        for t in ["1899-12-31", "0025-07-01", "00250701"] {
            assert!(
                matches!(parse_date(t), Err(ValueError::OutOfRange { .. })),
                "{t}"
            );
        }
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial_to_date(61.0), Ok(ymd(1900, 3, 1)));
        assert_eq!(excel_serial_to_date(45839.0), Ok(ymd(2025, 7, 1)));
        assert_eq!(excel_serial_to_date(45839.75), Ok(ymd(2025, 7, 1)));
        assert_eq!(excel_serial_to_date(45839.999999), Ok(ymd(2025, 7, 1)));
        assert_eq!(excel_serial_to_date(2_958_465.0), Ok(ymd(9999, 12, 31)));
        assert_eq!(excel_serial_to_date(36526.0), Ok(ymd(2000, 1, 1)));
        for s in [
            60.0,
            60.5,
            1.0,
            0.0,
            -1.0,
            -1e300,
            2_958_466.0,
            1e300,
            f64::MAX,
        ] {
            assert!(
                matches!(excel_serial_to_date(s), Err(ValueError::OutOfRange { .. })),
                "{s}"
            );
        }
        for s in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(
                matches!(excel_serial_to_date(s), Err(ValueError::Invalid { .. })),
                "{s}"
            );
        }
    }

    #[test]
    fn formats_cn() {
        assert_eq!(format_date_cn(ymd(2025, 7, 1)), "2025年7月1日");
        assert_eq!(format_date_cn(ymd(2025, 12, 31)), "2025年12月31日");
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // Days from 1900-01-01 to 9999-12-31.
        (0u64..=2_958_463).prop_map(|n| ymd(1900, 1, 1) + chrono::Days::new(n))
    }

    proptest! {
        #[test]
        fn formats_parse_back(d in any_date()) {
            for f in ["%Y-%m-%d", "%Y/%-m/%-d", "%Y.%m.%d", "%Y%m%d", "%Y-%m-%d 23:59:59"] {
                prop_assert_eq!(parse_date(&d.format(f).to_string()), Ok(d));
            }
            prop_assert_eq!(parse_date(&format_date_cn(d)), Ok(d));
        }

        #[test]
        fn serial_matches_date_difference(d in any_date()) {
            prop_assume!(d >= ymd(1900, 3, 1));
            let serial = (d - ymd(1899, 12, 30)).num_days() as f64;
            prop_assert_eq!(excel_serial_to_date(serial + 0.5), Ok(d));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            let _ = parse_date(&s);
        }
    }
}
