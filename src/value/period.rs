//! Legal periods: N日, N个工作日, N个月, N年.

use super::ValueError;
use super::numeral::parse_chinese_integer;
use super::text::normalize_text;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    日,
    工作日,
    月,
    年,
}

impl PeriodUnit {
    /// How the unit follows a count: "日", "个工作日", "个月", "年".
    pub fn suffix(self) -> &'static str {
        match self {
            PeriodUnit::日 => "日",
            PeriodUnit::工作日 => "个工作日",
            PeriodUnit::月 => "个月",
            PeriodUnit::年 => "年",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

const EXPECTED: &str = "期限（如 30日、3个工作日、6个月、1年）";

/// Accepted spellings of each unit, longest first so "个工作日" is not read
/// as "日". "自然日" is the procurement documents' word for calendar days.
/// A bare "月" is not here: "6月" is June, not six months.
const SUFFIXES: [(&str, PeriodUnit); 8] = [
    ("个工作日", PeriodUnit::工作日),
    ("工作日", PeriodUnit::工作日),
    ("个自然日", PeriodUnit::日),
    ("自然日", PeriodUnit::日),
    ("个月", PeriodUnit::月),
    ("日", PeriodUnit::日),
    ("天", PeriodUnit::日),
    ("年", PeriodUnit::年),
];

impl Period {
    pub fn new(count: u32, unit: PeriodUnit) -> Period {
        Period { count, unit }
    }
    /// "30日", "三十日", "30天", "3个工作日", "三个工作日", "6个月", "六个月",
    /// "1年", "一年", "两年", "24个月". Full-width digits accepted.
    ///
    /// Also "30个自然日" (= 30日) and spaces between number and unit.
    /// Refused: "6月" (a month name), "半年", fractions, signs, empty.
    pub fn parse(text: &str) -> Result<Period, ValueError> {
        let t = normalize_text(text);
        let (number, unit) = SUFFIXES
            .iter()
            .find_map(|&(suffix, unit)| t.strip_suffix(suffix).map(|n| (n.trim_end(), unit)))
            .ok_or_else(|| ValueError::invalid(text, EXPECTED))?;
        let count = parse_count(number).ok_or_else(|| ValueError::invalid(text, EXPECTED))?;
        let count = u32::try_from(count).map_err(|_| ValueError::OutOfRange {
            text: text.to_string(),
            expected: EXPECTED,
        })?;
        Ok(Period { count, unit })
    }
    /// For ordering periods of calendar-month kind: 年 → 12 × 月. `None` for
    /// 日 and 工作日 (they only compare with their own unit). Saturates at
    /// `u32::MAX` for absurd year counts.
    pub fn in_months(self) -> Option<u32> {
        match self.unit {
            PeriodUnit::月 => Some(self.count),
            PeriodUnit::年 => Some(self.count.saturating_mul(12)),
            PeriodUnit::日 | PeriodUnit::工作日 => None,
        }
    }
    /// Compares two periods when they are comparable: same unit, or both
    /// month/year based. 日 and 工作日 never compare with 月/年 or each other.
    pub fn partial_cmp_legal(self, other: Period) -> Option<Ordering> {
        if self.unit == other.unit {
            return Some(self.count.cmp(&other.count));
        }
        // In u64 so that 400,000,000年 still compares exactly.
        let months = |p: Period| match p.unit {
            PeriodUnit::月 => Some(u64::from(p.count)),
            PeriodUnit::年 => Some(u64::from(p.count) * 12),
            PeriodUnit::日 | PeriodUnit::工作日 => None,
        };
        Some(months(self)?.cmp(&months(other)?))
    }
}

/// Arabic digits (no sign, no separators: a period is short) or Chinese numerals.
fn parse_count(number: &str) -> Option<u64> {
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        // Only overflow can fail here; report it as too large.
        return Some(number.parse::<u64>().unwrap_or(u64::MAX));
    }
    parse_chinese_integer(number)
}

impl FromStr for Period {
    type Err = ValueError;
    /// As [`Period::parse`].
    fn from_str(s: &str) -> Result<Period, ValueError> {
        Period::parse(s)
    }
}

impl fmt::Display for Period {
    /// "30日", "3个工作日", "6个月", "1年".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.count, self.unit.suffix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PeriodUnit::*;
    use proptest::prelude::*;

    #[test]
    fn parses() {
        let cases = [
            ("30日", 30, 日),
            ("三十日", 30, 日),
            ("30天", 30, 日),
            ("30个自然日", 30, 日),
            ("３０日", 30, 日),
            ("30 日", 30, 日),
            ("3个工作日", 3, 工作日),
            ("三个工作日", 3, 工作日),
            ("5工作日", 5, 工作日),
            ("6个月", 6, 月),
            ("六个月", 6, 月),
            ("24个月", 24, 月),
            ("1年", 1, 年),
            ("一年", 1, 年),
            ("两年", 2, 年),
            ("0日", 0, 日),
            ("4294967295日", u32::MAX, 日),
        ];
        for (text, count, unit) in cases {
            assert_eq!(Period::parse(text), Ok(Period::new(count, unit)), "{text}");
            assert_eq!(
                text.parse::<Period>(),
                Ok(Period::new(count, unit)),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects() {
        for t in [
            "", "日", "30", "6月", "半年", "1.5年", "-3日", "+3日", "30个日", "三十", "30日日",
            "1,000日", "abc", "30周", "NaN日",
        ] {
            assert!(
                matches!(Period::parse(t), Err(ValueError::Invalid { .. })),
                "{t}: {:?}",
                Period::parse(t)
            );
        }
        for t in ["4294967296日", "99999999999999999999999日"] {
            assert!(
                matches!(Period::parse(t), Err(ValueError::OutOfRange { .. })),
                "{t}"
            );
        }
    }

    #[test]
    fn display() {
        assert_eq!(Period::new(30, 日).to_string(), "30日");
        assert_eq!(Period::new(3, 工作日).to_string(), "3个工作日");
        assert_eq!(Period::new(6, 月).to_string(), "6个月");
        assert_eq!(Period::new(1, 年).to_string(), "1年");
    }

    #[test]
    fn comparisons() {
        let p = Period::new;
        assert_eq!(p(6, 月).in_months(), Some(6));
        assert_eq!(p(2, 年).in_months(), Some(24));
        assert_eq!(p(30, 日).in_months(), None);
        assert_eq!(p(3, 工作日).in_months(), None);
        assert_eq!(p(u32::MAX, 年).in_months(), Some(u32::MAX));
        assert_eq!(p(1, 年).partial_cmp_legal(p(12, 月)), Some(Ordering::Equal));
        assert_eq!(p(1, 年).partial_cmp_legal(p(13, 月)), Some(Ordering::Less));
        assert_eq!(
            p(24, 月).partial_cmp_legal(p(1, 年)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            p(30, 日).partial_cmp_legal(p(15, 日)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            p(5, 工作日).partial_cmp_legal(p(5, 工作日)),
            Some(Ordering::Equal)
        );
        assert_eq!(p(30, 日).partial_cmp_legal(p(1, 月)), None);
        assert_eq!(p(7, 日).partial_cmp_legal(p(5, 工作日)), None);
        assert_eq!(p(1, 年).partial_cmp_legal(p(365, 日)), None);
        assert_eq!(
            p(u32::MAX, 年).partial_cmp_legal(p(u32::MAX, 月)),
            Some(Ordering::Greater)
        );
    }

    fn any_unit() -> impl Strategy<Value = PeriodUnit> {
        prop_oneof![Just(日), Just(工作日), Just(月), Just(年)]
    }

    proptest! {
        #[test]
        fn display_parses_back(count in any::<u32>(), unit in any_unit()) {
            let p = Period::new(count, unit);
            prop_assert_eq!(Period::parse(&p.to_string()), Ok(p));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = Period::parse(&s);
        }
    }
}
