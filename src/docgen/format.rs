//! How numbers, money and dates are written in documents: thousands
//! separators, 万元, 人民币大写, and the display width of Chinese text
//! (for Excel column widths and Word layout).

use crate::value::{Amount, AmountUnit};
use rust_decimal::{Decimal, RoundingStrategy};
use unicode_width::UnicodeWidthStr;

/// "1234567.5" → "1,234,567.50": at least `min_dp` decimals, more when the
/// exact value has them (nothing is rounded away).
pub fn decimal(d: Decimal, min_dp: u32) -> String {
    let d = d.normalize();
    let digits = d.abs().to_string();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    let width = (min_dp as usize).max(frac.len());
    if width == 0 {
        format!("{sign}{}", group_thousands(int))
    } else {
        format!("{sign}{}.{frac:0<width$}", group_thousands(int))
    }
}

/// Rounds half away from zero (四舍五入) to `dp` decimals, then formats with
/// exactly `dp` decimals.
pub fn rounded(d: Decimal, dp: u32) -> String {
    let r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    decimal(r, dp)
}

/// An amount in `unit`, with separators and at least two decimals:
/// 1,200,000 元 in 万元 → "120.00".
pub fn amount_in(a: Amount, unit: AmountUnit) -> String {
    decimal(a.in_unit(unit), 2)
}

/// "4000000" → "4,000,000".
pub fn group_thousands(int: &str) -> String {
    let n = int.chars().count();
    let mut out = String::with_capacity(int.len() + n / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// 人民币大写, per the writing rules of 《支付结算办法》: rounded to 分
/// (四舍五入); "整" after 元 when there are no 角 and 分; a single 零 for
/// each run of zeros; "壹拾" for a leading ten.
///
/// 1,200,000 → 壹佰贰拾万元整; 1,409.02 → 壹仟肆佰零玖元零贰分; 0.5 → 伍角.
pub fn daxie(a: Amount) -> Result<String, String> {
    let fen_total = a
        .yuan()
        .checked_mul(Decimal::from(100))
        .ok_or_else(|| format!("金额 {a} 过大，无法写成大写"))?
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let negative = fen_total.is_sign_negative() && !fen_total.is_zero();
    let fen_total: u128 = fen_total
        .abs()
        .to_string()
        .parse()
        .map_err(|_| format!("金额 {a} 无法写成大写"))?;
    let int = fen_total / 100;
    let jiao = (fen_total / 10 % 10) as usize;
    let fen = (fen_total % 10) as usize;
    if int == 0 && jiao == 0 && fen == 0 {
        return Ok("零元整".into());
    }
    let mut s = String::new();
    if negative {
        s.push('负');
    }
    if int > 0 {
        s.push_str(&integer_words(int));
        s.push('元');
    }
    if jiao == 0 && fen == 0 {
        s.push('整');
        return Ok(s);
    }
    if jiao > 0 {
        s.push(DIGITS[jiao]);
        s.push('角');
    }
    if fen > 0 {
        if jiao == 0 && int > 0 {
            s.push('零');
        }
        s.push(DIGITS[fen]);
        s.push('分');
    }
    Ok(s)
}

/// Words for a positive integer: groups of 亿 and 万, one 零 for each gap.
fn integer_words(n: u128) -> String {
    const YI: u128 = 100_000_000;
    const WAN: u128 = 10_000;
    if n >= YI {
        let (hi, lo) = (n / YI, n % YI);
        let mut s = integer_words(hi);
        s.push('亿');
        if lo > 0 {
            if lo < YI / 10 {
                s.push('零');
            }
            s.push_str(&integer_words(lo));
        }
        s
    } else if n >= WAN {
        let (hi, lo) = (n / WAN, n % WAN);
        let mut s = integer_words(hi);
        s.push('万');
        if lo > 0 {
            if lo < 1000 {
                s.push('零');
            }
            s.push_str(&integer_words(lo));
        }
        s
    } else {
        below_wan(n as usize)
    }
}

/// 1..=9999 without a leading 零.
fn below_wan(n: usize) -> String {
    const UNITS: [&str; 4] = ["仟", "佰", "拾", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut s = String::new();
    let mut started = false;
    let mut zero_pending = false;
    for (d, unit) in digits.iter().zip(UNITS) {
        if *d == 0 {
            zero_pending |= started;
            continue;
        }
        if zero_pending {
            s.push('零');
            zero_pending = false;
        }
        s.push(DIGITS[*d]);
        s.push_str(unit);
        started = true;
    }
    s
}

/// Display width in columns: Chinese characters and full-width punctuation
/// count two, Latin letters and digits one.
pub fn display_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width_cjk).max().unwrap_or(0)
}

/// Brackets inside brackets become square brackets (GB/T 15834-2011
/// 4.9.3.4: 外层用圆括号，里层用方括号), so “（集中采购机构（公益一类事业单位））”
/// reads “（集中采购机构［公益一类事业单位］）”.
pub fn nest_brackets(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .map(|c| match c {
            '（' => {
                depth += 1;
                if depth > 1 { '［' } else { c }
            }
            '）' => {
                let was = depth;
                depth = depth.saturating_sub(1);
                if was > 1 { '］' } else { c }
            }
            _ => c,
        })
        .collect()
}

/// A table cell as shown in Word, Markdown and HTML (the .xlsx stores the
/// number and shows it through a number format instead).
pub fn cell_text(cell: &super::model::Cell, kind: super::model::CellKind) -> String {
    use super::model::Cell;
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => number_text(*n, kind),
        Cell::Date(d) => crate::value::format_date_cn(*d),
    }
}

/// A number of a typed column: money with two decimals (more if exact),
/// counts as integers with separators, percentages with a % sign.
pub fn number_text(n: Decimal, kind: super::model::CellKind) -> String {
    use super::model::CellKind;
    match kind {
        CellKind::元 | CellKind::万元 => decimal(n, 2),
        CellKind::百分比 => match n.checked_mul(Decimal::from(100)) {
            Some(p) => format!("{}%", decimal(p, 0)),
            None => decimal(n, 0),
        },
        _ => decimal(n, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn dx(yuan: Decimal) -> String {
        daxie(Amount::from_yuan(yuan)).unwrap()
    }

    #[test]
    fn capital_amounts() {
        let cases = [
            (dec!(1200000), "壹佰贰拾万元整"),
            (dec!(0), "零元整"),
            (dec!(10), "壹拾元整"),
            (dec!(15), "壹拾伍元整"),
            (dec!(1409.02), "壹仟肆佰零玖元零贰分"),
            (dec!(1680.32), "壹仟陆佰捌拾元叁角贰分"),
            (dec!(107000.53), "壹拾万柒仟元伍角叁分"),
            (dec!(1000001), "壹佰万零壹元整"),
            (dec!(1005000), "壹佰万伍仟元整"),
            (dec!(1000500), "壹佰万零伍佰元整"),
            (dec!(100010000), "壹亿零壹万元整"),
            (dec!(110000000), "壹亿壹仟万元整"),
            (dec!(100000000), "壹亿元整"),
            (dec!(4000000), "肆佰万元整"),
            (dec!(0.5), "伍角"),
            (dec!(0.05), "伍分"),
            (dec!(3.5), "叁元伍角"),
            (dec!(1000000000000), "壹万亿元整"),
            (dec!(-12.3), "负壹拾贰元叁角"),
        ];
        for (n, want) in cases {
            assert_eq!(dx(n), want, "{n}");
        }
    }

    #[test]
    fn capital_rounds_half_up_to_fen() {
        assert_eq!(dx(dec!(0.125)), "壹角叁分");
        assert_eq!(dx(dec!(0.135)), "壹角肆分");
        assert_eq!(dx(dec!(2.004)), "贰元整");
        assert_eq!(dx(dec!(1199999.995)), "壹佰贰拾万元整");
    }

    #[test]
    fn inner_brackets_become_square() {
        assert_eq!(
            nest_brackets("征集人：某中心（集中采购机构（公益一类事业单位））。"),
            "征集人：某中心（集中采购机构［公益一类事业单位］）。"
        );
        assert_eq!(nest_brackets("（一）（二）"), "（一）（二）");
        assert_eq!(nest_brackets("）（"), "）（");
    }

    #[test]
    fn decimals_and_widths() {
        assert_eq!(decimal(dec!(1234567.5), 2), "1,234,567.50");
        assert_eq!(decimal(dec!(0.123456), 2), "0.123456");
        assert_eq!(decimal(dec!(-1000), 0), "-1,000");
        assert_eq!(rounded(dec!(2.345), 2), "2.35");
        assert_eq!(rounded(dec!(2.5), 0), "3");
        assert_eq!(
            amount_in(Amount::from_yuan(dec!(1205000)), AmountUnit::万元),
            "120.50"
        );
        assert_eq!(display_width("采购金额(万元)"), 14);
        assert_eq!(display_width("ab"), 2);
        assert_eq!(display_width("一二\n一"), 4);
    }
}
