//! Money as an exact decimal number of 元.

use super::ValueError;
use super::numeral::{parse_chinese_integer, parse_plain_decimal};
use super::text::normalize_text;
use rust_decimal::Decimal;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

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
        match self {
            AmountUnit::元 => Decimal::ONE,
            AmountUnit::万元 => Decimal::from(10_000),
            AmountUnit::亿元 => Decimal::from(100_000_000),
        }
    }
    /// "元" / "万元" / "亿元"; also accepts "万", "亿".
    pub fn parse(text: &str) -> Option<AmountUnit> {
        match normalize_text(text).as_str() {
            "元" => Some(AmountUnit::元),
            "万元" | "万" => Some(AmountUnit::万元),
            "亿元" | "亿" => Some(AmountUnit::亿元),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            AmountUnit::元 => "元",
            AmountUnit::万元 => "万元",
            AmountUnit::亿元 => "亿元",
        }
    }
}

impl fmt::Display for AmountUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An exact amount of money, held in 元.
///
/// Arithmetic (`+`, `-`, `×` a [`Decimal`], `sum`) saturates at the limits of
/// [`Decimal`] (about 7.9 × 10^28) instead of panicking. Parsed amounts are
/// below [`Amount::MAX_PARSED_YUAN`], so sums of any real table stay exact;
/// use the `checked_*` methods where an overflow must be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

const EXPECTED_LITERAL: &str = "金额（须带单位，如 400万元、4,000,000元）";
const EXPECTED_CELL: &str = "金额";

impl Amount {
    /// Parsers refuse amounts whose magnitude reaches 10^18 元 (百亿亿): no
    /// procurement is that large, and the headroom keeps sums exact.
    pub const MAX_PARSED_YUAN: Decimal = Decimal::from_parts(0xA764_0000, 0x0DE0_B6B3, 0, false, 0);

    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn from_yuan(yuan: Decimal) -> Amount {
        Amount(yuan)
    }
    pub fn yuan(self) -> Decimal {
        self.0
    }
    /// Converts a number written in `unit` to 元, exactly. Saturates where
    /// [`Amount::checked_from_unit`] would overflow.
    pub fn from_unit(n: Decimal, unit: AmountUnit) -> Amount {
        Amount(n.saturating_mul(unit.factor()))
    }
    /// As [`Amount::from_unit`]; `None` when the result does not fit.
    pub fn checked_from_unit(n: Decimal, unit: AmountUnit) -> Option<Amount> {
        n.checked_mul(unit.factor()).map(Amount)
    }
    /// The amount expressed in `unit` (exact, no rounding, within Decimal's
    /// 28 fractional digits).
    pub fn in_unit(self, unit: AmountUnit) -> Decimal {
        // The divisor is at least 1, so this can neither overflow nor fail.
        self.0.checked_div(unit.factor()).unwrap_or(self.0)
    }
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0.checked_sub(other.0).map(Amount)
    }
    pub fn checked_mul(self, factor: Decimal) -> Option<Amount> {
        self.0.checked_mul(factor).map(Amount)
    }
    /// Rounds to 分 (two decimals) the way people do, 四舍五入 — not the
    /// banker's rounding of `Decimal::round_dp`.
    pub fn round_to_fen(self) -> Amount {
        Amount(
            self.0
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// Parses a rule-language literal that must carry its unit:
    /// "400万元", "4,000,000元", "1.5亿元", "0.5万元".
    ///
    /// Also "400万" (万/亿 alone are units), full-width digits, a sign, and
    /// whole numbers in Chinese numerals ("四百万元").
    pub fn parse_literal(text: &str) -> Result<Amount, ValueError> {
        let t = normalize_text(text);
        if let Some(amount) = parse_chinese_amount(&t) {
            return amount.map_err(|e| e.at(text, EXPECTED_LITERAL));
        }
        let (number, unit) = split_unit(&t);
        let unit = unit.ok_or_else(|| ValueError::invalid(text, EXPECTED_LITERAL))?;
        parse_number_in(number, unit).map_err(|e| e.at(text, EXPECTED_LITERAL))
    }

    /// Parses a cell's text. A unit written in the text ("12.5万", "300元",
    /// "1.2亿") wins over `default_unit` (the unit from the header or the
    /// table declaration). Accepts thousands separators, full-width digits,
    /// a leading ¥/￥, surrounding spaces; negative numbers are allowed.
    ///
    /// Also accepted: "人民币" before and "整" after ("人民币12.5万元整"),
    /// the sign before or after the currency sign ("-¥5", "¥-5"), and
    /// whole numbers in Chinese numerals. Refused: empty text, a doubled sign
    /// ("--5"), a doubled unit ("12.5万元万"), misplaced separators
    /// ("1,23,4"), accounting parentheses, exponents, NaN, and magnitudes of
    /// 10^18 元 or more.
    pub fn parse_cell(text: &str, default_unit: AmountUnit) -> Result<Amount, ValueError> {
        let t = normalize_text(text);
        let t = t.strip_prefix("人民币").unwrap_or(&t).trim_start();
        let (sign, t) = split_sign(t);
        let t = t
            .strip_prefix(['¥', '￥'])
            .map(str::trim_start)
            .unwrap_or(t);
        let (sign, t) = match (sign, split_sign(t)) {
            (None, (s, rest)) => (s, rest),
            (Some(s), (None, rest)) => (Some(s), rest),
            (Some(_), (Some(_), _)) => return Err(ValueError::invalid(text, EXPECTED_CELL)),
        };
        let t = t.strip_suffix(['整', '正']).unwrap_or(t);
        let (number, unit) = split_unit(t);
        if number.starts_with(['+', '-', '负']) {
            return Err(ValueError::invalid(text, EXPECTED_CELL));
        }
        let amount = match parse_chinese_amount(t) {
            Some(amount) => amount,
            None => parse_number_in(number, unit.unwrap_or(default_unit)),
        }
        .map_err(|e| e.at(text, EXPECTED_CELL))?;
        // normalize: "-0" is zero, not a negative zero that prints "-0.00元".
        Ok(if sign == Some('-') {
            Amount((-amount.0).normalize())
        } else {
            amount
        })
    }
}

/// "-5" → (Some('-'), "5"); "负伍元" → (Some('-'), "伍元").
fn split_sign(t: &str) -> (Option<char>, &str) {
    match t.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), t[1..].trim_start()),
        Some('负') => (Some('-'), t['负'.len_utf8()..].trim_start()),
        _ => (None, t),
    }
}

/// An amount written in Chinese numerals with its unit, as on contracts
/// and invoices: "壹亿贰仟万元", "一亿二千万", "叁佰元伍角陆分", "伍角".
/// 万 and 亿 belong to the numeral here ("一亿二千万" is 120,000,000, not
/// 一亿二千 万元), so the whole numeral is read and the unit is 元.
///
/// `None` when the text is not of that form (Arabic digits, or Chinese
/// numerals without any unit, which take the column's unit); then the
/// other parsers decide.
fn parse_chinese_amount(t: &str) -> Option<Result<Amount, AmountError>> {
    let (int, small) = match t.find(['元', '圆']) {
        Some(i) => (&t[..i], &t[i + '元'.len_utf8()..]),
        None if t.ends_with(['角', '分']) => ("", t),
        None if t.ends_with(['万', '萬', '亿']) => (t, ""),
        None => return None,
    };
    let int = match int {
        "" if small.is_empty() => return None,
        "" => 0,
        int => parse_chinese_integer(int)?,
    };
    let Some(small) = jiao_fen(small) else {
        return Some(Err(AmountError::Invalid));
    };
    let yuan = Decimal::from(int).checked_add(small);
    Some(match yuan {
        Some(y) if y < Amount::MAX_PARSED_YUAN => Ok(Amount(y.normalize())),
        _ => Err(AmountError::OutOfRange),
    })
}

/// "" → 0, "伍角" → 0.5, "伍角陆分" → 0.56, "零陆分" / "陆分" → 0.06.
fn jiao_fen(t: &str) -> Option<Decimal> {
    if t.is_empty() {
        return Some(Decimal::ZERO);
    }
    let digit = |s: &str| -> Option<i64> {
        let mut chars = s.chars();
        let d = parse_chinese_integer(&chars.next()?.to_string())?;
        (chars.next().is_none() && d < 10).then_some(d as i64)
    };
    let (jiao, fen) = match t.split_once('角') {
        Some((j, rest)) => (digit(j)?, rest),
        None => (0, t),
    };
    let fen = match fen.strip_suffix('分') {
        None if fen.is_empty() => 0,
        None => return None,
        Some(f) => digit(f.strip_prefix(['零', '〇']).unwrap_or(f))?,
    };
    Some(Decimal::new(jiao * 10 + fen, 2))
}

/// "12.5 万元" → ("12.5", Some(万元)). Longest unit first, so "万元" is not
/// read as "万元" minus "元".
fn split_unit(t: &str) -> (&str, Option<AmountUnit>) {
    for (suffix, unit) in [
        ("万元", AmountUnit::万元),
        ("亿元", AmountUnit::亿元),
        ("元", AmountUnit::元),
        ("圆", AmountUnit::元),
        ("万", AmountUnit::万元),
        ("亿", AmountUnit::亿元),
    ] {
        if let Some(number) = t.strip_suffix(suffix) {
            return (number.trim_end(), Some(unit));
        }
    }
    (t, None)
}

/// Why a number could not become an amount; turned into a [`ValueError`]
/// naming the whole original text.
enum AmountError {
    Invalid,
    OutOfRange,
}

impl AmountError {
    fn at(self, text: &str, expected: &'static str) -> ValueError {
        match self {
            AmountError::Invalid => ValueError::invalid(text, expected),
            AmountError::OutOfRange => ValueError::OutOfRange {
                text: text.to_string(),
                expected,
            },
        }
    }
}

/// Arabic decimal or Chinese integer, in `unit`, within the parse limit.
fn parse_number_in(number: &str, unit: AmountUnit) -> Result<Amount, AmountError> {
    use super::numeral::NumberError;
    let n = match parse_plain_decimal(number) {
        Ok(n) => n,
        Err(NumberError::Overflow) => return Err(AmountError::OutOfRange),
        Err(NumberError::Syntax) => match parse_chinese_integer(number) {
            Some(n) => Decimal::from(n),
            None => arabic_times_unit(number)?,
        },
    };
    let amount = Amount::checked_from_unit(n, unit).ok_or(AmountError::OutOfRange)?;
    if amount.0.abs() >= Amount::MAX_PARSED_YUAN {
        return Err(AmountError::OutOfRange);
    }
    Ok(Amount(amount.0.normalize()))
}

/// "3千" → 3000, "1.5百" → 150: Arabic digits before one of 十/百/千 (as
/// in "3千万元").
fn arabic_times_unit(number: &str) -> Result<Decimal, AmountError> {
    use super::numeral::NumberError;
    let (digits, factor) = [
        ('十', 10),
        ('拾', 10),
        ('百', 100),
        ('佰', 100),
        ('千', 1000),
        ('仟', 1000),
    ]
    .into_iter()
    .find_map(|(c, f)| number.strip_suffix(c).map(|d| (d, f)))
    .ok_or(AmountError::Invalid)?;
    let n = parse_plain_decimal(digits).map_err(|e| match e {
        NumberError::Overflow => AmountError::OutOfRange,
        NumberError::Syntax => AmountError::Invalid,
    })?;
    if n.is_sign_negative() || digits.starts_with('+') {
        return Err(AmountError::Invalid);
    }
    n.checked_mul(Decimal::from(factor))
        .ok_or(AmountError::OutOfRange)
}

impl FromStr for Amount {
    type Err = ValueError;
    /// As [`Amount::parse_literal`].
    fn from_str(s: &str) -> Result<Amount, ValueError> {
        Amount::parse_literal(s)
    }
}

impl fmt::Display for Amount {
    /// "4,000,000.00元" — thousands separators, two decimals (more if the
    /// exact value needs them), always in 元.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.normalize();
        let digits = d.abs().to_string();
        let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
        let sign = if d.is_sign_negative() && !d.is_zero() {
            "-"
        } else {
            ""
        };
        write!(f, "{sign}{}.{frac:0<2}元", group_thousands(int))
    }
}

/// "4000000" → "4,000,000".
fn group_thousands(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        *self = *self + other;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0))
    }
}

impl SubAssign for Amount {
    fn sub_assign(&mut self, other: Amount) {
        *self = *self - other;
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Mul<Decimal> for Amount {
    type Output = Amount;
    fn mul(self, factor: Decimal) -> Amount {
        Amount(self.0.saturating_mul(factor))
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn yuan(d: Decimal) -> Amount {
        Amount::from_yuan(d)
    }

    #[test]
    fn units() {
        assert_eq!(AmountUnit::parse("元"), Some(AmountUnit::元));
        assert_eq!(AmountUnit::parse("万"), Some(AmountUnit::万元));
        assert_eq!(AmountUnit::parse(" 万元 "), Some(AmountUnit::万元));
        assert_eq!(AmountUnit::parse("亿"), Some(AmountUnit::亿元));
        assert_eq!(AmountUnit::parse("亿元"), Some(AmountUnit::亿元));
        assert_eq!(AmountUnit::parse("千元"), None);
        assert_eq!(AmountUnit::parse(""), None);
        assert_eq!(AmountUnit::万元.factor(), dec!(10000));
        assert_eq!(AmountUnit::亿元.name(), "亿元");
        assert_eq!(AmountUnit::万元.to_string(), "万元");
        assert_eq!(Amount::MAX_PARSED_YUAN, dec!(1000000000000000000));
    }

    #[test]
    fn unit_conversion_is_exact() {
        assert_eq!(
            Amount::from_unit(dec!(400), AmountUnit::万元),
            yuan(dec!(4000000))
        );
        assert_eq!(
            Amount::from_unit(dec!(1.5), AmountUnit::亿元),
            yuan(dec!(150000000))
        );
        assert_eq!(
            Amount::from_unit(dec!(0.00001), AmountUnit::万元),
            yuan(dec!(0.1))
        );
        let fine = dec!(1.2345678901234567890123456789);
        assert_eq!(
            Amount::from_unit(fine, AmountUnit::亿元).yuan(),
            dec!(123456789.01234567890123456789)
        );
        assert_eq!(yuan(dec!(4000000)).in_unit(AmountUnit::万元), dec!(400));
        assert_eq!(yuan(dec!(12345)).in_unit(AmountUnit::万元), dec!(1.2345));
        assert_eq!(yuan(dec!(1)).in_unit(AmountUnit::亿元), dec!(0.00000001));
        assert_eq!(
            Amount::checked_from_unit(Decimal::MAX, AmountUnit::万元),
            None
        );
        assert_eq!(
            Amount::from_unit(Decimal::MAX, AmountUnit::万元).yuan(),
            Decimal::MAX
        );
    }

    #[test]
    fn literals() {
        let cases = [
            ("400万元", dec!(4000000)),
            ("4,000,000元", dec!(4000000)),
            ("1.5亿元", dec!(150000000)),
            ("0.5万元", dec!(5000)),
            ("400万", dec!(4000000)),
            ("４００万元", dec!(4000000)),
            ("四百万元", dec!(4000000)),
            ("12.345元", dec!(12.345)),
            ("-5元", dec!(-5)),
            ("0元", dec!(0)),
            ("400千元", dec!(400000)),
        ];
        for (text, v) in cases {
            assert_eq!(Amount::parse_literal(text), Ok(yuan(v)), "{text}");
            assert_eq!(text.parse::<Amount>(), Ok(yuan(v)), "{text}");
        }
        for t in [
            "400",
            "",
            "元",
            "万元",
            "12.5万元万",
            "1,23,4元",
            "--5元",
            "NaN元",
            "1e5元",
            "¥5",
        ] {
            assert!(Amount::parse_literal(t).is_err(), "{t}");
        }
    }

    #[test]
    fn cells() {
        let cases = [
            ("12.5万", AmountUnit::元, dec!(125000)),
            ("300元", AmountUnit::万元, dec!(300)),
            ("1.2亿", AmountUnit::元, dec!(120000000)),
            ("1,234.50", AmountUnit::元, dec!(1234.5)),
            ("12.5", AmountUnit::万元, dec!(125000)),
            ("  ¥1,000 ", AmountUnit::元, dec!(1000)),
            ("￥1,000.00", AmountUnit::元, dec!(1000)),
            ("１２．５万元", AmountUnit::元, dec!(125000)),
            ("-3.5", AmountUnit::元, dec!(-3.5)),
            ("-¥5", AmountUnit::元, dec!(-5)),
            ("¥-5", AmountUnit::元, dec!(-5)),
            ("+5", AmountUnit::元, dec!(5)),
            ("12.5 万元", AmountUnit::元, dec!(125000)),
            ("人民币12.5万元整", AmountUnit::元, dec!(125000)),
            ("五十万元", AmountUnit::元, dec!(500000)),
            ("0", AmountUnit::万元, dec!(0)),
            (
                "999999999999999999",
                AmountUnit::元,
                dec!(999999999999999999),
            ),
        ];
        for (text, unit, v) in cases {
            assert_eq!(Amount::parse_cell(text, unit), Ok(yuan(v)), "{text}");
        }
        let minus_zero = Amount::parse_cell("-0", AmountUnit::元);
        assert_eq!(minus_zero.map(|a| a.to_string()), Ok("0.00元".to_string()));
    }

    #[test]
    fn cells_rejected() {
        for t in [
            "",
            "   ",
            "abc",
            "12.5万元万",
            "1,23,4",
            "--5",
            "-¥-5",
            "¥¥5",
            "NaN",
            "inf",
            "1e5",
            "(5.00)",
            "5元6角",
            "12.5.3",
            ".5",
            "万",
            "¥",
            "-",
            "5 5",
        ] {
            assert!(
                matches!(
                    Amount::parse_cell(t, AmountUnit::元),
                    Err(ValueError::Invalid { .. })
                ),
                "{t}: {:?}",
                Amount::parse_cell(t, AmountUnit::元)
            );
        }
        for t in [
            "1000000000000000000",
            "100000000000000万",
            "79228162514264337593543950336",
            "1.00000000000000000000000000001",
        ] {
            assert!(
                matches!(
                    Amount::parse_cell(t, AmountUnit::元),
                    Err(ValueError::OutOfRange { .. })
                ),
                "{t}"
            );
        }
    }

    #[test]
    fn display() {
        assert_eq!(yuan(dec!(4000000)).to_string(), "4,000,000.00元");
        assert_eq!(yuan(dec!(0)).to_string(), "0.00元");
        assert_eq!(yuan(dec!(-0.00)).to_string(), "0.00元");
        assert_eq!(yuan(dec!(999)).to_string(), "999.00元");
        assert_eq!(yuan(dec!(1000)).to_string(), "1,000.00元");
        assert_eq!(yuan(dec!(1234.5)).to_string(), "1,234.50元");
        assert_eq!(yuan(dec!(0.125)).to_string(), "0.125元");
        assert_eq!(yuan(dec!(-1234567.891)).to_string(), "-1,234,567.891元");
        assert_eq!(yuan(dec!(100000.000)).to_string(), "100,000.00元");
    }

    #[test]
    fn arithmetic() {
        let a = yuan(dec!(0.1));
        let b = yuan(dec!(0.2));
        assert_eq!(a + b, yuan(dec!(0.3)));
        assert_eq!(b - a, a);
        assert_eq!(a * dec!(3), yuan(dec!(0.3)));
        assert_eq!(-a, yuan(dec!(-0.1)));
        assert_eq!([a, b, a].iter().sum::<Amount>(), yuan(dec!(0.4)));
        assert_eq!(vec![a, b].into_iter().sum::<Amount>(), yuan(dec!(0.3)));
        let mut c = a;
        c += b;
        c -= a;
        assert_eq!(c, b);
        // Saturates instead of panicking.
        assert_eq!(yuan(Decimal::MAX) + yuan(Decimal::MAX), yuan(Decimal::MAX));
        assert_eq!(yuan(Decimal::MAX).checked_add(yuan(Decimal::ONE)), None);
        assert_eq!(yuan(dec!(0.125)).round_to_fen(), yuan(dec!(0.13)));
        assert_eq!(yuan(dec!(0.135)).round_to_fen(), yuan(dec!(0.14)));
        assert!(yuan(dec!(5)) > yuan(dec!(4.99)));
    }

    /// Amounts the parsers accept: up to 18 integer and 6 fractional digits.
    fn any_amount() -> impl Strategy<Value = Amount> {
        (
            -999_999_999_999_999_999i64..=999_999_999_999_999_999,
            0u32..=6,
        )
            .prop_map(|(m, scale)| yuan(Decimal::new(m, scale)))
    }

    #[test]
    fn chinese_amounts_keep_their_wan() {
        let cases = [
            ("人民币壹亿贰仟万元整", dec!(120000000)),
            ("一亿二千万元", dec!(120000000)),
            ("一亿二千万", dec!(120000000)),
            ("壹仟贰佰叁拾肆元伍角陆分", dec!(1234.56)),
            ("叁佰圆整", dec!(300)),
            ("壹佰元零伍分", dec!(100.05)),
            ("伍角", dec!(0.5)),
            ("柒分", dec!(0.07)),
            ("负伍元", dec!(-5)),
            ("3千万", dec!(30000000)),
            ("3千万元", dec!(30000000)),
            ("1.5千元", dec!(1500)),
            ("100圆", dec!(100)),
        ];
        for (text, v) in cases {
            assert_eq!(
                Amount::parse_cell(text, AmountUnit::万元),
                Ok(yuan(v)),
                "{text}"
            );
        }
        assert_eq!(
            Amount::parse_literal("一亿二千万元"),
            Ok(yuan(dec!(120000000)))
        );
        assert_eq!(Amount::parse_literal("3千万元"), Ok(yuan(dec!(30000000))));
        // Without a unit, a Chinese numeral takes the column's unit.
        assert_eq!(
            Amount::parse_cell("四百", AmountUnit::万元),
            Ok(yuan(dec!(4000000)))
        );
        for bad in [
            "元",
            "伍角伍角",
            "十角",
            "壹元伍",
            "元伍角零",
            "--3千万",
            "3千千",
        ] {
            assert!(Amount::parse_cell(bad, AmountUnit::元).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn display_parses_back(a in any_amount()) {
            prop_assert_eq!(Amount::parse_cell(&a.to_string(), AmountUnit::万元), Ok(a));
        }

        #[test]
        fn literal_round_trip(a in any_amount()) {
            prop_assert_eq!(Amount::parse_literal(&format!("{}元", a.yuan())), Ok(a));
        }

        #[test]
        fn wan_literal_is_exact(a in any_amount()) {
            let wan = a.in_unit(AmountUnit::万元);
            prop_assert_eq!(Amount::parse_literal(&format!("{wan}万元")), Ok(a));
        }

        /// Against the document generator's upper-case writer and an
        /// independent lower-case writer below.
        #[test]
        fn chinese_amounts_match_independent_writers(
            int in prop_oneof![0u64..10_000, 0u64..100_000_000, 0u64..1_000_000_000_000_000],
            fen in 0u64..100,
        ) {
            let exact = yuan(Decimal::from(int) + Decimal::new(fen as i64, 2));
            if let Ok(daxie) = crate::docgen::format::daxie(exact) {
                prop_assert_eq!(Amount::parse_cell(&daxie, AmountUnit::万元), Ok(exact), "{}", daxie);
            }
            let int = int % 1_000_000_000_000;
            if int > 0 {
                let lower = format!("{}元", lower_numeral(int));
                prop_assert_eq!(
                    Amount::parse_cell(&lower, AmountUnit::万元),
                    Ok(yuan(Decimal::from(int))),
                    "{}", lower
                );
            }
        }

        #[test]
        fn parse_cell_never_panics(s in "\\PC{0,20}") {
            let _ = Amount::parse_cell(&s, AmountUnit::元);
        }

        #[test]
        fn parse_cell_never_panics_on_numberish(s in "[-+¥￥0-9,.万亿元整 ]{0,16}") {
            let _ = Amount::parse_cell(&s, AmountUnit::元);
        }
    }

    /// 0 < n < 10^12 in lower-case numerals, written digit by digit from the
    /// decimal string (four-digit groups from the right), unlike the
    /// parser's unit-splitting.
    fn lower_numeral(n: u64) -> String {
        const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        const POS: [&str; 4] = ["", "十", "百", "千"];
        const GROUP: [&str; 3] = ["", "万", "亿"];
        let digits: Vec<u32> = n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        let groups: Vec<&[u32]> = digits.rchunks(4).collect();
        let mut out = String::new();
        let mut zero = false;
        for (g, chunk) in groups.iter().enumerate().rev() {
            let mut any = false;
            for (i, &d) in chunk.iter().enumerate() {
                let place = chunk.len() - 1 - i;
                if d == 0 {
                    zero = !out.is_empty();
                    continue;
                }
                if zero {
                    out.push('零');
                    zero = false;
                }
                out.push(D[d as usize]);
                out.push_str(POS[place]);
                any = true;
            }
            if any {
                out.push_str(GROUP[g]);
            }
        }
        out
    }
}
