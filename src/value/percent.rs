//! Percentages ("10%", "百分之十", "百分之二十五").

use super::ValueError;
use rust_decimal::Decimal;
use std::fmt;

/// A percentage, held as the number before the % sign (10% → 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    pub fn from_points(points: Decimal) -> Percent {
        Percent(points)
    }
    /// 10% → 10.
    pub fn points(self) -> Decimal {
        self.0
    }
    /// 10% → 0.1.
    pub fn fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }
    /// "10%", "10％", "12.5%", "百分之十", "百分之二十五", "百分之七十".
    pub fn parse(text: &str) -> Result<Percent, ValueError> {
        let _ = text;
        todo!()
    }
    /// A cell: as [`Percent::parse`], plus a bare fraction from Excel
    /// ("0.2" formatted as percent arrives as 0.2 → 20%) when `bare_is_fraction`.
    pub fn parse_cell(text: &str, bare_is_fraction: bool) -> Result<Percent, ValueError> {
        let _ = (text, bare_is_fraction);
        todo!()
    }
}

impl fmt::Display for Percent {
    /// "10%", "12.5%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!()
    }
}
