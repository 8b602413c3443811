//! Properties over arbitrary input, beside the per-module ones in src/value
//! and src/calendar.rs (which print values and parse them back):
//!
//! - text → value → text → value: whatever text parses, its printed form
//!   parses to the same value (amounts, dates, periods, percentages);
//! - dates built from parts parse exactly when the parts are a real date;
//! - every period unit agrees with a naive day-by-day walk over the holiday
//!   calendar, up to and past the last year it covers, errors included.

use chrono::{Datelike, Days, NaiveDate};
use jicai::calendar::{Calendar, CalendarError};
use jicai::value::{Amount, AmountUnit, Percent, Period, PeriodUnit, parse_date};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn any_unit() -> impl Strategy<Value = AmountUnit> {
    prop_oneof![
        Just(AmountUnit::元),
        Just(AmountUnit::万元),
        Just(AmountUnit::亿元)
    ]
}

/// Text that looks like what people type into amount cells.
const AMOUNTISH: &str = "[-+¥￥0-9０-９,，.．万亿元整 ]{0,14}";

/// Amounts as written in cells: sign, digits with or without separators,
/// decimals, a unit word, full-width or not. Most of these parse.
fn amount_like() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(""), Just("-"), Just("¥"), Just("￥")],
        0u64..10_000_000_000,
        any::<bool>(),
        prop_oneof![Just(""), Just(".5"), Just(".25"), Just(".123456")],
        prop_oneof![
            Just(""),
            Just("元"),
            Just("万"),
            Just("万元"),
            Just("亿元"),
            Just("元整")
        ],
        any::<bool>(),
    )
        .prop_map(|(sign, n, commas, frac, unit, wide)| {
            let digits = n.to_string();
            let int = if commas {
                let b = digits.as_bytes();
                let mut out = String::new();
                for (i, c) in b.iter().enumerate() {
                    if i > 0 && (b.len() - i) % 3 == 0 {
                        out.push(',');
                    }
                    out.push(*c as char);
                }
                out
            } else {
                digits
            };
            let text = format!("{sign}{int}{frac}{unit}");
            if wide {
                text.chars()
                    .map(|c| match c {
                        '0'..='9' | ',' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                        c => c,
                    })
                    .collect()
            } else {
                text
            }
        })
}

proptest! {
    #[test]
    fn written_amounts_reprint_to_themselves(s in amount_like(), unit in any_unit()) {
        let a = Amount::parse_cell(&s, unit);
        prop_assert!(a.is_ok(), "{:?}: {:?}", s, a);
        let a = a.unwrap();
        prop_assert_eq!(Amount::parse_cell(&a.to_string(), unit), Ok(a), "{:?}", s);
    }

    #[test]
    fn amount_text_reprints_to_itself(s in AMOUNTISH, unit in any_unit()) {
        if let Ok(a) = Amount::parse_cell(&s, unit) {
            let printed = a.to_string();
            prop_assert_eq!(Amount::parse_cell(&printed, unit), Ok(a), "{:?} → {:?}", s, printed);
            // Printing is canonical: the reprinted text prints the same.
            prop_assert_eq!(Amount::parse_cell(&printed, unit).unwrap().to_string(), printed);
        }
    }

    #[test]
    fn percent_text_reprints_to_itself(s in "[-+0-9０-９.%％百分之一二三四五六七八九十点 ]{0,10}") {
        if let Ok(p) = Percent::parse(&s) {
            prop_assert_eq!(Percent::parse(&p.to_string()), Ok(p), "{:?}", s);
        }
    }

    #[test]
    fn period_text_reprints_to_itself(s in "[0-9０-９一二三四五六七八九十百千两零〇个工作自然日月年天 ]{0,9}") {
        if let Ok(p) = Period::parse(&s) {
            prop_assert_eq!(Period::parse(&p.to_string()), Ok(p), "{:?}", s);
        }
    }

    #[test]
    fn date_text_reprints_to_itself(s in "[0-9０-９年月日号/.\\- 〇零一二三四五六七八九十:T]{0,16}") {
        if let Ok(d) = parse_date(&s) {
            prop_assert_eq!(parse_date(&d.to_string()), Ok(d), "{:?}", s);
            prop_assert_eq!(parse_date(&jicai::value::format_date_cn(d)), Ok(d), "{:?}", s);
        }
    }

    /// Impossible dates (02-30, month 13, day 0) and years outside
    /// 1900–9999 never parse; real ones parse to themselves in every style.
    #[test]
    fn dates_from_parts_parse_exactly_when_real(
        y in 1850i32..=10_050,
        m in 0u32..=13,
        d in 0u32..=32,
        style in 0usize..4,
    ) {
        let text = match style {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}年{m}月{d}日"),
            _ => format!("{y:04}.{m:02}.{d:02}"),
        };
        let real = NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1900..=9999).contains(&y));
        match real {
            Some(date) => prop_assert_eq!(parse_date(&text), Ok(date), "{}", text),
            None => prop_assert!(parse_date(&text).is_err(), "{} parsed", text),
        }
    }
}

/// Whether `d` is a working day, as the calendar's data says.
fn working(cal: &Calendar, d: NaiveDate) -> Result<bool, CalendarError> {
    cal.is_working_day(d)
}

/// Days from `start` one at a time; the first working day on or after the
/// `n`-th calendar day after it.
fn naive_days(cal: &Calendar, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let mut d = start;
    for _ in 0..n {
        d = d.succ_opt().unwrap();
    }
    roll_forward(cal, d)
}

fn roll_forward(cal: &Calendar, mut d: NaiveDate) -> Result<NaiveDate, CalendarError> {
    while !working(cal, d)? {
        d = d.succ_opt().unwrap();
    }
    Ok(d)
}

/// Walks day by day to the same day of the month `months` later (or that
/// month's last day when it is shorter), then rolls forward.
fn naive_months(cal: &Calendar, start: NaiveDate, months: u32) -> Result<NaiveDate, CalendarError> {
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let target = index(start) + months as i32;
    let mut d = start;
    loop {
        let last_of_month = d.succ_opt().unwrap().month() != d.month();
        if index(d) == target
            && (d.day() == start.day() || (last_of_month && d.day() < start.day()))
        {
            break;
        }
        d = d.succ_opt().unwrap();
    }
    roll_forward(cal, d)
}

/// The `n`-th working day after `start`, counting one day at a time.
fn naive_working_days(
    cal: &Calendar,
    start: NaiveDate,
    n: u32,
) -> Result<NaiveDate, CalendarError> {
    let mut d = start;
    let mut counted = 0;
    while counted < n {
        d = d.succ_opt().unwrap();
        if working(cal, d)? {
            counted += 1;
        }
    }
    Ok(d)
}

/// Any day the shipped calendar covers (2019–2026), so deadlines near the
/// end run into 2027, which it does not.
fn any_covered_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..(8 * 365 + 2)).prop_map(|n| ymd(2019, 1, 1) + Days::new(n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn day_periods_match_a_naive_walk(start in any_covered_day(), n in 1u32..=120) {
        let cal = Calendar::embedded();
        prop_assert_eq!(cal.deadline(start, Period::new(n, PeriodUnit::日)), naive_days(cal, start, n));
    }

    #[test]
    fn month_and_year_periods_match_a_naive_walk(start in any_covered_day(), n in 1u32..=30) {
        let cal = Calendar::embedded();
        prop_assert_eq!(cal.deadline(start, Period::new(n, PeriodUnit::月)), naive_months(cal, start, n));
        let years = n % 3 + 1;
        prop_assert_eq!(
            cal.deadline(start, Period::new(years, PeriodUnit::年)),
            naive_months(cal, start, years * 12)
        );
    }

    #[test]
    fn working_day_periods_match_a_naive_walk(start in any_covered_day(), n in 1u32..=60) {
        let cal = Calendar::embedded();
        prop_assert_eq!(
            cal.deadline(start, Period::new(n, PeriodUnit::工作日)),
            naive_working_days(cal, start, n)
        );
    }
}

/// The walks above reach past 2026: make sure some of them did, so the
/// error side of the properties is exercised, not assumed.
#[test]
fn periods_running_past_the_calendar_are_errors() {
    let cal = Calendar::embedded();
    let start = ymd(2026, 12, 20);
    for p in [
        Period::new(30, PeriodUnit::日),
        Period::new(2, PeriodUnit::月),
        Period::new(10, PeriodUnit::工作日),
    ] {
        let e = cal.deadline(start, p).unwrap_err();
        assert!(e.to_string().contains("未收录2027年"), "{p:?}: {e}");
    }
}
