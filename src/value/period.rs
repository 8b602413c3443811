//! Legal periods: N日, N个工作日, N个月, N年.

use super::ValueError;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    日,
    工作日,
    月,
    年,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

impl Period {
    pub fn new(count: u32, unit: PeriodUnit) -> Period {
        Period { count, unit }
    }
    /// "30日", "三十日", "30天", "3个工作日", "三个工作日", "6个月", "六个月",
    /// "1年", "一年", "两年", "24个月". Full-width digits accepted.
    pub fn parse(text: &str) -> Result<Period, ValueError> {
        let _ = text;
        todo!()
    }
    /// For ordering periods of calendar-month kind: 年 → 12 × 月. `None` for
    /// 日 and 工作日 (they only compare with their own unit).
    pub fn in_months(self) -> Option<u32> {
        todo!()
    }
    /// Compares two periods when they are comparable: same unit, or both
    /// month/year based. 日 and 工作日 never compare with 月/年 or each other.
    pub fn partial_cmp_legal(self, other: Period) -> Option<std::cmp::Ordering> {
        let _ = other;
        todo!()
    }
}

impl fmt::Display for Period {
    /// "30日", "3个工作日", "6个月", "1年".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!()
    }
}
