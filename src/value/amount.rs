//! Money as an exact decimal number of 元.

use super::ValueError;
use rust_decimal::Decimal;
use std::fmt;

/// The unit an amount is written in. Conversions are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountUnit {
    元,
    万元,
    亿元,
}

impl AmountUnit {
    /// How many 元 one of this unit is.
    pub fn factor(self) -> Decimal {
        todo!()
    }
    /// "元" / "万元" / "亿元"; also accepts "万", "亿".
    pub fn parse(text: &str) -> Option<AmountUnit> {
        let _ = text;
        todo!()
    }
    pub fn name(self) -> &'static str {
        todo!()
    }
}

/// An exact amount of money, held in 元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    pub fn from_yuan(yuan: Decimal) -> Amount {
        Amount(yuan)
    }
    pub fn yuan(self) -> Decimal {
        self.0
    }
    /// Converts a number written in `unit` to 元, exactly.
    pub fn from_unit(n: Decimal, unit: AmountUnit) -> Amount {
        let _ = (n, unit);
        todo!()
    }
    /// The amount expressed in `unit` (exact, no rounding).
    pub fn in_unit(self, unit: AmountUnit) -> Decimal {
        let _ = unit;
        todo!()
    }
    /// Parses a rule-language literal that must carry its unit:
    /// "400万元", "4,000,000元", "1.5亿元", "0.5万元".
    pub fn parse_literal(text: &str) -> Result<Amount, ValueError> {
        let _ = text;
        todo!()
    }
    /// Parses a cell's text. A unit written in the text ("12.5万", "300元",
    /// "1.2亿") wins over `default_unit` (the unit from the header or the
    /// table declaration). Accepts thousands separators, full-width digits,
    /// a leading ¥/￥, surrounding spaces; negative numbers are allowed.
    pub fn parse_cell(text: &str, default_unit: AmountUnit) -> Result<Amount, ValueError> {
        let _ = (text, default_unit);
        todo!()
    }
}

impl fmt::Display for Amount {
    /// "4,000,000.00元" — thousands separators, two decimals (more if the
    /// exact value needs them), always in 元.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!()
    }
}
