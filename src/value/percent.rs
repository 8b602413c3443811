//! Percentages ("10%", "百分之十", "百分之二十五").

use super::numeral::{parse_chinese_decimal, parse_plain_decimal};
use super::text::normalize_text;
use super::{Amount, ValueError};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A percentage, held as the number before the % sign (10% → 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

const EXPECTED: &str = "百分比（如 10%、百分之十）";

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
    /// This share of `amount`: 10% of 500,000元 is 50,000元. Exact for any
    /// realistic operands; saturates rather than panicking at Decimal's limits.
    pub fn of(self, amount: Amount) -> Amount {
        amount * self.fraction()
    }
    /// "10%", "10％", "12.5%", "百分之十", "百分之二十五", "百分之七十".
    ///
    /// Also "百分之12.5", "百分之十二点五", a space before "%", and a sign on
    /// the Arabic form ("-5%"). Refused: a bare number, "10%%", "%", empty.
    pub fn parse(text: &str) -> Result<Percent, ValueError> {
        let t = normalize_text(text);
        let points = if let Some(words) = t.strip_prefix("百分之") {
            let words = words.trim();
            match parse_plain_decimal(words) {
                Ok(n) if !n.is_sign_negative() => Ok(n),
                Ok(_) => Err(ValueError::invalid(text, EXPECTED)),
                Err(e) => {
                    parse_chinese_decimal(words).ok_or_else(|| e.into_value_error(text, EXPECTED))
                }
            }
        } else if let Some(number) = t.strip_suffix('%') {
            parse_plain_decimal(number.trim_end()).map_err(|e| e.into_value_error(text, EXPECTED))
        } else {
            Err(ValueError::invalid(text, EXPECTED))
        }?;
        Ok(Percent(points))
    }
    /// A cell: as [`Percent::parse`], plus a bare fraction from Excel
    /// ("0.2" formatted as percent arrives as 0.2 → 20%) when `bare_is_fraction`.
    ///
    /// Without `bare_is_fraction` a bare number is refused: "10" could mean
    /// 10% or 1000%, and guessing is worse than asking.
    pub fn parse_cell(text: &str, bare_is_fraction: bool) -> Result<Percent, ValueError> {
        let err = match Percent::parse(text) {
            Ok(p) => return Ok(p),
            Err(e) => e,
        };
        if !bare_is_fraction {
            return Err(err);
        }
        match parse_plain_decimal(&normalize_text(text)) {
            Ok(n) => n
                .checked_mul(Decimal::ONE_HUNDRED)
                .map(|p| Percent(p.normalize()))
                .ok_or_else(|| ValueError::OutOfRange {
                    text: text.to_string(),
                    expected: EXPECTED,
                }),
            Err(_) => Err(err),
        }
    }
}

impl FromStr for Percent {
    type Err = ValueError;
    /// As [`Percent::parse`].
    fn from_str(s: &str) -> Result<Percent, ValueError> {
        Percent::parse(s)
    }
}

impl fmt::Display for Percent {
    /// "10%", "12.5%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn pct(points: Decimal) -> Percent {
        Percent::from_points(points)
    }

    #[test]
    fn parses() {
        let cases = [
            ("10%", dec!(10)),
            ("10％", dec!(10)),
            ("１０％", dec!(10)),
            ("12.5%", dec!(12.5)),
            ("10 %", dec!(10)),
            ("0%", dec!(0)),
            ("100%", dec!(100)),
            ("-5%", dec!(-5)),
            ("百分之十", dec!(10)),
            ("百分之二十五", dec!(25)),
            ("百分之七十", dec!(70)),
            ("百分之一百", dec!(100)),
            ("百分之零点五", dec!(0.5)),
            ("百分之十二点五", dec!(12.5)),
            ("百分之12.5", dec!(12.5)),
        ];
        for (text, points) in cases {
            assert_eq!(Percent::parse(text), Ok(pct(points)), "{text}");
            assert_eq!(text.parse::<Percent>(), Ok(pct(points)), "{text}");
        }
    }

    #[test]
    fn rejects() {
        for t in [
            "",
            "%",
            "10",
            "10%%",
            "百分之",
            "百分之-5",
            "百分之十%",
            "--5%",
            "1,23%",
            "NaN%",
            "十%",
            "ten%",
            "10‰",
        ] {
            assert!(
                matches!(Percent::parse(t), Err(ValueError::Invalid { .. })),
                "{t}: {:?}",
                Percent::parse(t)
            );
        }
        assert!(matches!(
            Percent::parse("1.00000000000000000000000000001%"),
            Err(ValueError::OutOfRange { .. })
        ));
    }

    #[test]
    fn cells() {
        assert_eq!(Percent::parse_cell("0.2", true), Ok(pct(dec!(20))));
        assert_eq!(Percent::parse_cell("0.125", true), Ok(pct(dec!(12.5))));
        assert_eq!(Percent::parse_cell("1", true), Ok(pct(dec!(100))));
        assert_eq!(Percent::parse_cell("15%", true), Ok(pct(dec!(15))));
        assert_eq!(Percent::parse_cell("15%", false), Ok(pct(dec!(15))));
        assert!(Percent::parse_cell("0.2", false).is_err());
        assert!(Percent::parse_cell("", true).is_err());
        assert!(Percent::parse_cell("abc", true).is_err());
        assert!(Percent::parse_cell("--0.2", true).is_err());
        assert!(matches!(
            Percent::parse_cell("79228162514264337593543950335", true),
            Err(ValueError::OutOfRange { .. })
        ));
    }

    #[test]
    fn display_and_share() {
        assert_eq!(pct(dec!(10)).to_string(), "10%");
        assert_eq!(pct(dec!(12.50)).to_string(), "12.5%");
        assert_eq!(pct(dec!(-0.0)).to_string(), "0%");
        assert_eq!(pct(dec!(10)).fraction(), dec!(0.1));
        let base = Amount::from_yuan(dec!(1234567.89));
        assert_eq!(pct(dec!(10)).of(base), Amount::from_yuan(dec!(123456.789)));
        assert_eq!(
            pct(dec!(12.5)).of(Amount::from_yuan(dec!(80))),
            Amount::from_yuan(dec!(10))
        );
        assert!(pct(dec!(9.99)) < pct(dec!(10)));
    }

    proptest! {
        #[test]
        fn display_parses_back(m in -10_000_000i64..10_000_000, scale in 0u32..=4) {
            let p = pct(Decimal::new(m, scale));
            prop_assert_eq!(Percent::parse(&p.to_string()), Ok(p));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = Percent::parse_cell(&s, true);
        }
    }
}
