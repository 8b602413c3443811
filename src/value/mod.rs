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
pub use text::{normalize_header, normalize_text, parse_bool};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt;

/// Why a piece of text is not the value a column or literal expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("“{text}”不是有效的{expected}")]
    Invalid { text: String, expected: &'static str },
    #[error("“{text}”超出{expected}的取值范围")]
    OutOfRange { text: String, expected: &'static str },
}

impl ValueError {
    pub fn invalid(text: &str, expected: &'static str) -> Self {
        ValueError::Invalid { text: text.to_string(), expected }
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
