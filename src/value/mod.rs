//! Typed values of the procurement domain: exact money, percentages, legal
//! periods, dates, and the codes (统一社会信用代码, 品目编码) that tables carry.
//!
//! Every parser here accepts what staff actually type (full-width digits,
//! thousands separators, 万/亿 suffixes, Chinese numerals) and rejects the
//! rest with a [`ValueError`] whose message is Chinese and says what was
//! expected.

mod amount;
pub mod codes;
mod date;
mod numeral;
mod percent;
mod period;
mod text;

pub use amount::{Amount, AmountUnit};
pub use date::{excel_serial_to_date, format_date_cn, parse_date};
pub use numeral::{parse_chinese_integer, parse_integer};
pub use percent::Percent;
pub use period::{Period, PeriodUnit};
pub use text::{closest, normalize_header, normalize_text, parse_bool};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt;

/// Why a piece of text is not the value a column or literal expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("“{text}”不是有效的{expected}")]
    Invalid {
        text: String,
        expected: &'static str,
    },
    #[error("“{text}”超出{expected}的取值范围")]
    OutOfRange {
        text: String,
        expected: &'static str,
    },
}

impl ValueError {
    pub fn invalid(text: &str, expected: &'static str) -> Self {
        ValueError::Invalid {
            text: text.to_string(),
            expected,
        }
    }
}

/// One typed cell or literal. `Empty` is a blank cell; comparisons with it are
/// unknown, not false (see the engine).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// Counts and plain numbers (数量, 供应商数). Exact.
    Number(Decimal),
    Amount(Amount),
    Percent(Percent),
    Period(Period),
    Date(NaiveDate),
    Bool(bool),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The kind's name for messages ("金额 与 日期 不能比较").
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Empty => "空值",
            Value::Text(_) => "文本",
            Value::Number(_) => "数字",
            Value::Amount(_) => "金额",
            Value::Percent(_) => "百分比",
            Value::Period(_) => "期限",
            Value::Date(_) => "日期",
            Value::Bool(_) => "是否",
        }
    }

    /// The value as shown to people in messages (amounts with thousands
    /// separators in 元, dates as 2025-07-01, 是/否).
    pub fn display(&self) -> String {
        match self {
            Value::Empty => "（空）".to_string(),
            Value::Text(s) => s.clone(),
            Value::Number(n) => n.normalize().to_string(),
            Value::Amount(a) => a.to_string(),
            Value::Percent(p) => p.to_string(),
            Value::Period(p) => p.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        }
    }

    /// The value as written into JSON `values`: machine-readable and exact
    /// (amounts as plain decimal 元 without separators).
    pub fn canonical(&self) -> String {
        match self {
            Value::Amount(a) => a.yuan().normalize().to_string(),
            Value::Empty => String::new(),
            other => other.display(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn display_and_canonical() {
        let date = NaiveDate::from_ymd_opt(2025, 7, 1).expect("date");
        let cases = [
            (Value::Empty, "（空）", ""),
            (Value::Text("HT-1".into()), "HT-1", "HT-1"),
            (Value::Number(dec!(12.50)), "12.5", "12.5"),
            (Value::Number(dec!(-3)), "-3", "-3"),
            (
                Value::Amount(Amount::from_yuan(dec!(4000000))),
                "4,000,000.00元",
                "4000000",
            ),
            (
                Value::Amount(Amount::from_yuan(dec!(1234.50))),
                "1,234.50元",
                "1234.5",
            ),
            (
                Value::Amount(Amount::from_yuan(dec!(-0.125))),
                "-0.125元",
                "-0.125",
            ),
            (Value::Percent(Percent::from_points(dec!(10))), "10%", "10%"),
            (
                Value::Period(Period::new(3, PeriodUnit::工作日)),
                "3个工作日",
                "3个工作日",
            ),
            (Value::Date(date), "2025-07-01", "2025-07-01"),
            (Value::Bool(true), "是", "是"),
            (Value::Bool(false), "否", "否"),
        ];
        for (value, display, canonical) in cases {
            assert_eq!(value.display(), display, "{value:?}");
            assert_eq!(value.to_string(), display, "{value:?}");
            assert_eq!(value.canonical(), canonical, "{value:?}");
        }
    }

    #[test]
    fn kinds() {
        assert!(Value::Empty.is_empty());
        assert!(!Value::Text(String::new()).is_empty());
        assert_eq!(Value::Empty.kind_name(), "空值");
        assert_eq!(Value::Amount(Amount::ZERO).kind_name(), "金额");
        assert_eq!(Value::Date(NaiveDate::MIN).kind_name(), "日期");
        assert_eq!(Value::Bool(true).kind_name(), "是否");
    }

    #[test]
    fn errors_read_in_chinese() {
        let err = ValueError::invalid("abc", "金额");
        assert_eq!(err.to_string(), "“abc”不是有效的金额");
        let err = ValueError::OutOfRange {
            text: "1e30".into(),
            expected: "金额",
        };
        assert_eq!(err.to_string(), "“1e30”超出金额的取值范围");
    }
}
