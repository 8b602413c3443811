//! Turning one raw cell into a typed [`Value`] of its declared column.
//!
//! Numbers from Excel are binary floats: they are converted through their
//! shortest round-trip decimal text, then rounded to the 15 significant
//! digits Excel itself keeps, so 0.1 stays 0.1 and a formula's
//! 0.30000000000000004 reads as the 0.3 the user sees.

use super::cell::{CellRef, write_float};
use super::header::amount_unit_in;
use super::{ColumnSpec, ColumnType};
use crate::value::{
    Amount, AmountUnit, Percent, Period, Value, ValueError, excel_serial_to_date, normalize_header,
    normalize_text, parse_bool, parse_date, parse_integer,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Excel's 1904 date system starts 1462 days after the 1900 one.
const DAYS_1900_TO_1904: f64 = 1462.0;

/// Everything needed to type one declared column's cells, prepared once.
pub(crate) struct ColumnPlan<'s> {
    pub spec: &'s ColumnSpec,
    /// For amounts: header unit, else the sheet's "单位：" line, else declared.
    pub amount_unit: Option<AmountUnit>,
    /// The header says "(%)": bare numbers are points, not fractions.
    pub percent_points: bool,
    /// The header names a period unit ("履约期限(月)"): bare numbers use it.
    pub period_unit: Option<&'static str>,
    /// Normalised enumeration values and their declared spelling.
    pub choices: Vec<(String, String)>,
    pub max_chars: usize,
}

/// "县(市、区)级" → "县级": a normalised header text without its bracketed parts.
fn without_brackets(h: &str) -> String {
    let mut depth = 0u32;
    h.chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Why a cell could not be typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    /// Not a value of the column's type (message without row/column).
    Type(String),
    /// Not one of the enumeration's values; the text is kept.
    NotAChoice { text: String, message: String },
    /// A negative amount or count: kept (sums and rules see it) and reported.
    Negative { value: Value, message: String },
}

/// Amounts and counts in these tables are never negative (a refund or a
/// reduction is its own row or contract, not a minus sign).
fn not_negative(v: Value, cell: CellRef<'_>, what: &str) -> Result<Value, Problem> {
    let negative = match &v {
        Value::Number(n) => n.is_sign_negative() && !n.is_zero(),
        Value::Amount(a) => a.yuan().is_sign_negative() && !a.is_zero(),
        _ => false,
    };
    if negative {
        let message = format!("“{}”为负数：{what}不能为负", shorten(&cell.text()));
        return Err(Problem::Negative { value: v, message });
    }
    Ok(v)
}

impl<'s> ColumnPlan<'s> {
    pub(crate) fn new(
        spec: &'s ColumnSpec,
        header_unit: Option<&str>,
        sheet_unit: Option<AmountUnit>,
        max_chars: usize,
    ) -> Self {
        let amount_unit = match &spec.ty {
            ColumnType::金额 { unit } => Some(
                header_unit
                    .and_then(amount_unit_in)
                    .or(sheet_unit)
                    .unwrap_or(*unit),
            ),
            _ => None,
        };
        let percent_points = matches!(spec.ty, ColumnType::百分比) && header_unit == Some("%");
        let period_unit = match (&spec.ty, header_unit) {
            (ColumnType::期间, Some(u)) => match u {
                "日" | "天" => Some("日"),
                "工作日" => Some("个工作日"),
                "月" | "个月" => Some("个月"),
                "年" => Some("年"),
                _ => None,
            },
            _ => None,
        };
        let choices = match &spec.ty {
            ColumnType::枚举(vals) => vals
                .iter()
                .map(|v| (normalize_text(v), v.clone()))
                .collect(),
            _ => Vec::new(),
        };
        ColumnPlan {
            spec,
            amount_unit,
            percent_points,
            period_unit,
            choices,
            max_chars,
        }
    }

    /// Types one non-blank cell. `buf` is scratch space reused across cells.
    pub(crate) fn parse(
        &self,
        cell: CellRef<'_>,
        is_1904: bool,
        buf: &mut String,
    ) -> Result<Value, Problem> {
        if let CellRef::Error(e) = cell {
            return Err(Problem::Type(format!("公式错误 {e}")));
        }
        // .ods and .csv carry formula errors as their display text.
        if let CellRef::Text(s) = cell
            && !matches!(self.spec.ty, ColumnType::文本)
            && is_error_literal(s.trim())
        {
            return Err(Problem::Type(format!("公式错误 {}", s.trim())));
        }
        match &self.spec.ty {
            ColumnType::文本 => self.text(cell),
            ColumnType::数值 => number(cell, buf)
                .map(Value::Number)
                .ok_or_else(|| self.invalid(cell))
                .and_then(|v| not_negative(v, cell, "数量、人数、家数")),
            ColumnType::金额 { .. } => self
                .amount(cell, buf)
                .and_then(|v| not_negative(v, cell, "金额")),
            ColumnType::百分比 => self.percent(cell, buf),
            ColumnType::期间 => self.period(cell, buf),
            ColumnType::日期 => date(cell, is_1904)
                .map(Value::Date)
                .ok_or_else(|| self.date_problem(cell)),
            ColumnType::是否 => match cell {
                CellRef::Bool(b) => Ok(Value::Bool(b)),
                _ => parse_bool(&cell.text())
                    .map(Value::Bool)
                    .map_err(|_| self.invalid(cell)),
            },
            ColumnType::枚举(_) => self.choice(cell),
        }
    }

    fn text(&self, cell: CellRef<'_>) -> Result<Value, Problem> {
        let raw = cell.text();
        let clean = clean_text(&raw);
        let n = clean.chars().count();
        if n > self.max_chars {
            return Err(Problem::Type(format!(
                "内容过长（{n} 字，上限 {} 字）",
                self.max_chars
            )));
        }
        Ok(Value::Text(clean))
    }

    fn amount(&self, cell: CellRef<'_>, buf: &mut String) -> Result<Value, Problem> {
        let unit = self.amount_unit.unwrap_or(AmountUnit::元);
        match cell {
            CellRef::Int(_) | CellRef::Float(_) => number(cell, buf)
                .map(|n| Value::Amount(Amount::from_unit(n, unit)))
                .ok_or_else(|| self.invalid(cell)),
            CellRef::Text(s) => Amount::parse_cell(s, unit).map(Value::Amount).map_err(|e| {
                if is_scientific(s) {
                    Problem::Type(format!(
                        "“{}”是科学计数法，显示值可能已丢失位数，请填写完整金额",
                        shorten(s)
                    ))
                } else {
                    self.error(cell, &e)
                }
            }),
            _ => Err(self.invalid(cell)),
        }
    }

    fn percent(&self, cell: CellRef<'_>, buf: &mut String) -> Result<Value, Problem> {
        match cell {
            CellRef::Int(_) | CellRef::Float(_) => {
                let n = number(cell, buf).ok_or_else(|| self.invalid(cell))?;
                // Excel stores 20% as 0.2. A bare 20 typed into a General cell
                // means 20%, not 2000%; so does any number under a "(%)" header.
                let points = if self.percent_points || n.abs() > Decimal::ONE {
                    n
                } else {
                    n * Decimal::ONE_HUNDRED
                };
                Ok(Value::Percent(Percent::from_points(points.normalize())))
            }
            CellRef::Text(s) => Percent::parse_cell(s, !self.percent_points && looks_fractional(s))
                .map(Value::Percent)
                .map_err(|e| self.error(cell, &e)),
            _ => Err(self.invalid(cell)),
        }
    }

    fn period(&self, cell: CellRef<'_>, buf: &mut String) -> Result<Value, Problem> {
        let text = cell.text();
        if let (Some(unit), Some(n)) = (self.period_unit, number(cell, buf)) {
            return Period::parse(&format!("{}{unit}", n.normalize()))
                .map(Value::Period)
                .map_err(|e| self.error(cell, &e));
        }
        Period::parse(&text)
            .map(Value::Period)
            .map_err(|e| self.error(cell, &e))
    }

    fn choice(&self, cell: CellRef<'_>) -> Result<Value, Problem> {
        if let CellRef::Text(s) = cell
            && let Some((_, canon)) = self.choices.iter().find(|(_, c)| c == s.trim())
        {
            return Ok(Value::Text(canon.clone()));
        }
        let text = clean_text(&cell.text());
        let norm = normalize_text(&text);
        if let Some((_, canon)) = self.choices.iter().find(|(n, _)| *n == norm) {
            return Ok(Value::Text(canon.clone()));
        }
        // Worded as the documents word it: "县（市、区）级" is 县级, "主合同（首次）"
        // is 主合同 — the bracket only explains.
        let plain = without_brackets(&normalize_header(&text));
        if plain != normalize_header(&text) {
            let mut fits = self
                .choices
                .iter()
                .filter(|(n, _)| normalize_header(n) == plain);
            if let (Some((_, canon)), None) = (fits.next(), fits.next()) {
                return Ok(Value::Text(canon.clone()));
            }
        }
        let listed: Vec<&str> = self.choices.iter().map(|(_, c)| c.as_str()).collect();
        let message = format!(
            "“{}”不在可选值中（可选：{}）",
            shorten(&text),
            listed.join("、")
        );
        Err(Problem::NotAChoice { text, message })
    }

    fn invalid(&self, cell: CellRef<'_>) -> Problem {
        Problem::Type(format!(
            "“{}”不是有效的{}{}",
            shorten(&cell.text()),
            self.spec.ty.name(),
            hint(&self.spec.ty)
        ))
    }

    /// A real date that is too early (Excel's 1900 calendar before 03-01,
    /// or text before 1900) is out of range, not "not a date".
    fn date_problem(&self, cell: CellRef<'_>) -> Problem {
        let too_early = match cell {
            CellRef::DateTime(d) => d.is_datetime(),
            CellRef::Text(s) => matches!(parse_date(s), Err(ValueError::OutOfRange { .. })),
            _ => false,
        };
        if too_early {
            Problem::Type(format!(
                "“{}”超出日期的取值范围（1900-03-01 至 9999-12-31）",
                shorten(&cell.text())
            ))
        } else {
            self.invalid(cell)
        }
    }

    fn error(&self, cell: CellRef<'_>, e: &ValueError) -> Problem {
        match e {
            ValueError::OutOfRange { .. } => Problem::Type(format!(
                "“{}”超出{}的取值范围",
                shorten(&cell.text()),
                self.spec.ty.name()
            )),
            ValueError::Invalid { .. } => self.invalid(cell),
        }
    }
}

/// Excel's error values, and LibreOffice's "Err:502" style.
fn is_error_literal(s: &str) -> bool {
    matches!(
        s,
        "#DIV/0!"
            | "#N/A"
            | "#NAME?"
            | "#NULL!"
            | "#NUM!"
            | "#REF!"
            | "#VALUE!"
            | "#SPILL!"
            | "#CALC!"
    ) || s
        .strip_prefix("Err:")
        .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "1.23457E+11": how Excel displays, and exports to csv, a number too
/// wide for its column. The digits beyond the display are gone, so such
/// text is never taken as an exact amount.
fn is_scientific(s: &str) -> bool {
    let t = normalize_text(s);
    let Some((mantissa, exp)) = t.trim().split_once(['e', 'E']) else {
        return false;
    };
    let mantissa = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    digits(int) && digits(frac) && digits(exp)
}

/// What a valid value of the type looks like.
fn hint(ty: &ColumnType) -> &'static str {
    match ty {
        ColumnType::文本 | ColumnType::枚举(_) => "",
        ColumnType::数值 => "（应为数字）",
        ColumnType::金额 { .. } => "（应为数字，如 12.5万 或 1,234.50）",
        ColumnType::百分比 => "（应为百分比，如 10% 或 百分之十）",
        ColumnType::期间 => "（应写明单位，如 30日、3个工作日、6个月）",
        ColumnType::日期 => "（应为日期，如 2025-07-01 或 2025年7月1日）",
        ColumnType::是否 => "（应为 是 或 否）",
    }
}

/// "0.2" typed as text in a percent column came from a fraction; "20" did not.
fn looks_fractional(s: &str) -> bool {
    let t = normalize_text(s);
    !t.contains(['%', '％']) && t.parse::<f64>().is_ok_and(|f| f.abs() <= 1.0)
}

/// A cell as an exact number: floats via their decimal text; text via the
/// shared integer parser (full-width, separators, Chinese numerals) or as
/// a plain decimal, allowing a short unit after it ("5台", "3家").
pub(crate) fn number(cell: CellRef<'_>, buf: &mut String) -> Option<Decimal> {
    match cell {
        CellRef::Int(i) => Some(Decimal::from(i)),
        CellRef::Float(f) => decimal_from_f64(f, buf),
        CellRef::Text(s) => number_text(s),
        _ => None,
    }
}

fn number_text(s: &str) -> Option<Decimal> {
    if let Ok(i) = parse_integer(s) {
        return Some(Decimal::from(i));
    }
    let t = normalize_text(s);
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if let Ok(d) = Decimal::from_str(&t) {
        return Some(d);
    }
    // A count followed by its unit word.
    let split = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == '-'))?
        .0;
    let (num, unit) = t.split_at(split);
    let short_cjk =
        unit.chars().count() <= 2 && unit.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if num.is_empty() || !short_cjk {
        return None;
    }
    Decimal::from_str(num).ok()
}

/// Exact decimal of an Excel float, at Excel's 15 significant digits.
pub(crate) fn decimal_from_f64(f: f64, buf: &mut String) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    if f == f.trunc() && f.abs() < 1e15 {
        return Some(Decimal::from(f as i64));
    }
    buf.clear();
    write_float(buf, f);
    let d = Decimal::from_str(buf).ok()?;
    Some(d.round_sf(15).unwrap_or(d).normalize())
}

/// A date from a date-formatted number, ISO text, typed text, or a bare
/// number that is a plausible serial or yyyymmdd.
pub(crate) fn date(cell: CellRef<'_>, is_1904: bool) -> Option<NaiveDate> {
    match cell {
        // The cell knows its own date system (1900 or 1904); serials up to
        // 60 (before 1900-03-01) are Excel's fictitious calendar: refused.
        CellRef::DateTime(d) if d.is_datetime() => {
            let day = d.as_datetime()?.date();
            (day >= NaiveDate::from_ymd_opt(1900, 3, 1)?).then_some(day)
        }
        CellRef::Iso(s) => {
            let day = s.get(..10).unwrap_or(s);
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()
                .or_else(|| parse_date(s).ok())
        }
        CellRef::Text(s) => parse_date(s).ok(),
        CellRef::Int(_) | CellRef::Float(_) => {
            let f = match cell {
                CellRef::Int(i) => i as f64,
                CellRef::Float(f) => f,
                _ => return None,
            };
            if f.fract() == 0.0 && (19_000_101.0..=29_991_231.0).contains(&f) {
                return parse_date(&(f as i64).to_string()).ok();
            }
            // 1900-03-01 … 9999-12-31 as serials.
            if !(61.0..=2_958_465.0).contains(&f) {
                return None;
            }
            let serial = if is_1904 { f + DAYS_1900_TO_1904 } else { f };
            excel_serial_to_date(serial).ok()
        }
        _ => None,
    }
}

/// Trimmed, with line breaks and tabs as spaces and other control,
/// zero-width and text-direction characters (U+202E and its kin, which can
/// make a message read backwards) removed.
pub(crate) fn clean_text(s: &str) -> String {
    let dirty = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{feff}')
    };
    let t = s.trim();
    if !t.contains(dirty) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '\n' | '\r' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if dirty(c) => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Cell text short enough to quote in a message.
pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    let s = clean_text(s);
    if s.chars().count() <= MAX {
        s
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scientific_notation_is_recognised() {
        for t in ["1.2E+5", "1e5", "1.23457E+11", "-3E-2", "１.２Ｅ＋５"] {
            assert!(is_scientific(t), "{t}");
        }
        for t in ["E5", "1.2E", "1,2E5", "12.5万", "1e5元", "abc"] {
            assert!(!is_scientific(t), "{t}");
        }
    }

    #[test]
    fn floats_convert_exactly_at_excel_precision() {
        let mut b = String::new();
        assert_eq!(
            decimal_from_f64(0.1, &mut b),
            Some(Decimal::from_str("0.1").unwrap())
        );
        assert_eq!(
            decimal_from_f64(0.1 + 0.2, &mut b),
            Some(Decimal::from_str("0.3").unwrap())
        );
        assert_eq!(
            decimal_from_f64(1234.56, &mut b),
            Some(Decimal::from_str("1234.56").unwrap())
        );
        assert_eq!(decimal_from_f64(123.0, &mut b), Some(Decimal::from(123)));
        assert_eq!(decimal_from_f64(f64::NAN, &mut b), None);
        assert_eq!(decimal_from_f64(1e300, &mut b), None);
    }

    fn plan_for(ty: ColumnType, header_unit: Option<&str>) -> (ColumnSpec, Option<String>) {
        let spec = ColumnSpec {
            name: "列".into(),
            aliases: vec![],
            ty,
            required: false,
            unique: false,
        };
        (spec, header_unit.map(str::to_string))
    }

    fn parse(
        ty: ColumnType,
        header_unit: Option<&str>,
        cell: CellRef<'_>,
    ) -> Result<Value, Problem> {
        let (spec, unit) = plan_for(ty, header_unit);
        let plan = ColumnPlan::new(&spec, unit.as_deref(), None, 10);
        plan.parse(cell, false, &mut String::new())
    }

    fn pct(s: &str) -> Value {
        Value::Percent(Percent::from_points(Decimal::from_str(s).unwrap()))
    }

    #[test]
    fn percents_from_excel_and_text() {
        let p = |c| parse(ColumnType::百分比, None, c);
        assert_eq!(p(CellRef::Float(0.2)), Ok(pct("20")));
        assert_eq!(p(CellRef::Float(0.125)), Ok(pct("12.5")));
        assert_eq!(p(CellRef::Int(20)), Ok(pct("20")), "a bare 20 means 20%");
        assert_eq!(p(CellRef::Text("10%")), Ok(pct("10")));
        assert_eq!(p(CellRef::Text("百分之十")), Ok(pct("10")));
        assert_eq!(
            parse(ColumnType::百分比, Some("%"), CellRef::Float(0.5)),
            Ok(pct("0.5"))
        );
        assert!(matches!(p(CellRef::Text("很多")), Err(Problem::Type(_))));
    }

    #[test]
    fn periods_bools_numbers() {
        let period = |c, u| parse(ColumnType::期间, u, c);
        assert_eq!(
            period(CellRef::Text("30日"), None),
            Ok(Value::Period(Period::new(30, crate::value::PeriodUnit::日)))
        );
        assert_eq!(
            period(CellRef::Int(6), Some("月")),
            Ok(Value::Period(Period::new(6, crate::value::PeriodUnit::月)))
        );
        assert!(
            matches!(period(CellRef::Int(6), None), Err(Problem::Type(m)) if m.contains("应写明单位"))
        );
        let b = |c| parse(ColumnType::是否, None, c);
        assert_eq!(b(CellRef::Text("是")), Ok(Value::Bool(true)));
        assert_eq!(b(CellRef::Bool(false)), Ok(Value::Bool(false)));
        assert_eq!(b(CellRef::Int(1)), Ok(Value::Bool(true)));
        let n = |c| parse(ColumnType::数值, None, c);
        assert_eq!(
            n(CellRef::Text("１，２００")),
            Ok(Value::Number(Decimal::from(1200)))
        );
        assert_eq!(n(CellRef::Text("三")), Ok(Value::Number(Decimal::from(3))));
        assert_eq!(n(CellRef::Text("5台")), Ok(Value::Number(Decimal::from(5))));
        assert_eq!(
            n(CellRef::Float(2.5)),
            Ok(Value::Number(Decimal::from_str("2.5").unwrap()))
        );
        assert!(n(CellRef::Text("若干")).is_err());
    }

    #[test]
    fn text_cells() {
        let t = |c| parse(ColumnType::文本, None, c);
        assert_eq!(t(CellRef::Float(123.0)), Ok(Value::Text("123".into())));
        assert_eq!(t(CellRef::Int(7)), Ok(Value::Text("7".into())));
        assert_eq!(t(CellRef::Text(" a\u{7}b ")), Ok(Value::Text("ab".into())));
        assert!(
            matches!(t(CellRef::Text("一二三四五六七八九十十一")), Err(Problem::Type(m)) if m.contains("过长"))
        );
        assert!(
            matches!(t(CellRef::Error(&calamine::CellErrorType::Ref)), Err(Problem::Type(m)) if m == "公式错误 #REF!")
        );
    }

    #[test]
    fn dates_and_amounts() {
        let d = |c| parse(ColumnType::日期, None, c);
        let day = Value::Date(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
        assert_eq!(d(CellRef::Int(45839)), Ok(day.clone()));
        assert_eq!(d(CellRef::Int(20250701)), Ok(day.clone()));
        assert_eq!(d(CellRef::Iso("2025-07-01T00:00:00")), Ok(day.clone()));
        assert_eq!(d(CellRef::Text("2025年7月1日")), Ok(day.clone()));
        assert!(
            d(CellRef::Int(12)).is_err(),
            "too small to be a date serial"
        );
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime};
        let cell = |v, is_1904| CellRef::DateTime(ExcelDateTime::new(v, DateTime, is_1904));
        assert_eq!(d(cell(45839.5, false)), Ok(day.clone()));
        assert_eq!(
            d(cell(45839.0 - 1462.0, true)),
            Ok(day.clone()),
            "1904 date system"
        );
        assert!(d(cell(30.0, false)).is_err());
        assert!(
            matches!(d(CellRef::Text("#N/A")), Err(Problem::Type(m)) if m.contains("公式错误"))
        );
        let a = |c, u| {
            parse(
                ColumnType::金额 {
                    unit: AmountUnit::元,
                },
                u,
                c,
            )
        };
        let yuan = |s: &str| Value::Amount(Amount::from_yuan(Decimal::from_str(s).unwrap()));
        assert_eq!(a(CellRef::Float(12.5), Some("万元")), Ok(yuan("125000")));
        assert_eq!(
            a(CellRef::Text("3元"), Some("万元")),
            Ok(yuan("3")),
            "the cell's unit wins"
        );
        assert_eq!(a(CellRef::Float(0.1 + 0.2), None), Ok(yuan("0.3")));
        assert!(a(CellRef::Float(1e300), None).is_err());
    }

    #[test]
    fn control_characters_are_cleaned() {
        assert_eq!(clean_text(" a\u{0}b\r\nc\u{200b} "), "ab c");
        assert_eq!(clean_text("plain"), "plain");
        assert_eq!(clean_text("合同\u{202e}号码\u{2066}"), "合同号码");
    }
}
