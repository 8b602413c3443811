//! Working days and legal period arithmetic over the State Council holiday
//! calendar (holiday-cn data shipped in `rules/data/holiday-cn`).
//!
//! The rules (财政部令第110号 第四十九条, 民法典 第二百零一至二百零三条):
//! a period in 日/月/年 starts the day after the event; its last day, if not a
//! working day (weekend or statutory holiday, unless a 调休 working day), moves
//! to the next working day. 工作日 counts working days after the event,
//! including 调休 weekend working days. A date in a year the calendar does not
//! cover (or whose notice was not yet published) is an error, never a guess.

use crate::value::{Period, PeriodUnit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error(
        "节假日日历未收录{year}年（已收录：{covered}），无法计算涉及{date}的期限。{}",
        how_to_add(*year)
    )]
    YearNotCovered {
        year: i32,
        date: NaiveDate,
        covered: String,
    },
    #[error("节假日数据 {file}{}：{detail}", line_text(*line))]
    BadData {
        file: String,
        line: Option<usize>,
        detail: String,
    },
    #[error(
        "{date}在年末，其是否放假由{next}年的节假日安排决定，而日历尚未收录{next}年，无法计算期限。{}",
        how_to_add(*next)
    )]
    YearEndUnsettled { date: NaiveDate, next: i32 },
    /// A rule refers to reference data of which no version is in force on
    /// the check date.
    #[error("{name}：{detail}")]
    DataMissing { name: String, detail: String },
}

/// What to do when a year's calendar is missing.
fn how_to_add(year: i32) -> String {
    format!(
        "要计算它，把国务院公布的{year}年节假日安排写成 holiday-cn 格式的 {year}.json，\
         用“jicai data add {year}.json”添加，或放入 --rules 目录的 data/holiday-cn/ 中"
    )
}

fn line_text(line: Option<usize>) -> String {
    line.map(|l| format!(" 第{l}行")).unwrap_or_default()
}

/// From this day of December on, a day's status waits for next year's notice.
const YEAR_END_UNSETTLED_FROM: u32 = 28;

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Dates listed by the State Council notices: true = day off, false = 调休 working day.
    listed: HashMap<NaiveDate, bool>,
    /// Years whose notice is present (a file with at least one day).
    years: BTreeSet<i32>,
}

/// The shipped holiday-cn files, one per year. 2027.json has no days yet (the
/// notice was not published when it was copied), so 2027 is not covered.
const EMBEDDED_FILES: [(&str, &str); 9] = [
    (
        "2019.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2019.json"
        )),
    ),
    (
        "2020.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2020.json"
        )),
    ),
    (
        "2021.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2021.json"
        )),
    ),
    (
        "2022.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2022.json"
        )),
    ),
    (
        "2023.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2023.json"
        )),
    ),
    (
        "2024.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2024.json"
        )),
    ),
    (
        "2025.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2025.json"
        )),
    ),
    (
        "2026.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2026.json"
        )),
    ),
    (
        "2027.json",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/data/holiday-cn/2027.json"
        )),
    ),
];

/// One holiday-cn file: `{"year": 2025, "papers": [...], "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]}`.
#[derive(serde::Deserialize)]
struct HolidayFile {
    year: i32,
    papers: Vec<String>,
    days: Vec<HolidayDay>,
}

#[derive(serde::Deserialize)]
struct HolidayDay {
    #[allow(dead_code)] // required by the format, shown by nobody
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// A validated holiday-cn file: the days one State Council notice lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    /// The notices it was taken from (URLs).
    pub papers: Vec<String>,
    /// true = day off, false = 调休 working day.
    pub days: Vec<(NaiveDate, bool)>,
}

impl HolidayYear {
    /// Parses and validates one file: the holiday-cn schema, dates in
    /// `YYYY-MM-DD` within the year (or the last days of the year before,
    /// as 2023.json lists 2022-12-31), no date listed twice. Errors name
    /// the line.
    pub fn parse(name: &str, text: &str) -> Result<HolidayYear, CalendarError> {
        let bad = |line: Option<usize>, detail: String| CalendarError::BadData {
            file: name.to_string(),
            line,
            detail,
        };
        let file: HolidayFile = serde_json::from_str(text).map_err(|e| {
            bad(
                Some(e.line()),
                format!(
                    "不是有效的 holiday-cn 节假日 JSON：{}",
                    crate::refdata::serde_message(&e.to_string())
                ),
            )
        })?;
        let line_of = |needle: &str, last: bool| {
            let quoted = format!("\"{needle}\"");
            let at = if last {
                text.rfind(&quoted)
            } else {
                text.find(&quoted)
            };
            at.map(|i| text[..i].matches('\n').count() + 1)
        };
        let mut days: Vec<(NaiveDate, bool)> = Vec::with_capacity(file.days.len());
        for day in &file.days {
            let date = NaiveDate::parse_from_str(&day.date, "%Y-%m-%d").map_err(|_| {
                bad(
                    line_of(&day.date, false),
                    format!("日期“{}”格式有误，应写作 {}-01-01", day.date, file.year),
                )
            })?;
            if date.year() != file.year && !(date.year() == file.year - 1 && date.month() == 12) {
                return Err(bad(
                    line_of(&day.date, false),
                    format!(
                        "{}年的文件列出了 {date}：只能列本年及上年 12 月的日期",
                        file.year
                    ),
                ));
            }
            if let Some(&(_, before)) = days.iter().find(|(d, _)| *d == date) {
                let what = if before == day.is_off_day {
                    "重复列出"
                } else {
                    "既列为休息日又列为工作日"
                };
                return Err(bad(line_of(&day.date, true), format!("{date} {what}")));
            }
            days.push((date, day.is_off_day));
        }
        Ok(HolidayYear {
            year: file.year,
            papers: file.papers,
            days,
        })
    }

    /// A file with no days is a placeholder: the notice is not published.
    pub fn is_published(&self) -> bool {
        !self.days.is_empty()
    }
}

impl Calendar {
    /// The calendar shipped with the binary.
    pub fn embedded() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        // The files are compiled in and checked by the tests below; failing
        // here is a broken build, not bad input.
        CALENDAR
            .get_or_init(|| Calendar::from_json_files(EMBEDDED_FILES).expect("内置节假日数据有误"))
    }
    /// Builds a calendar from holiday-cn JSON files: (file name, contents).
    pub fn from_json_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Calendar, CalendarError> {
        let years = files
            .into_iter()
            .map(|(name, text)| HolidayYear::parse(name, text))
            .collect::<Result<Vec<_>, _>>()?;
        Calendar::from_years(&years)
    }

    /// Builds a calendar from validated files, one per year.
    ///
    /// A file covers its `year` only if it lists at least one day. The last
    /// days of the previous year that a file lists are kept but cover
    /// nothing. A date two files list with different meanings is bad data.
    pub fn from_years(years: &[HolidayYear]) -> Result<Calendar, CalendarError> {
        let mut calendar = Calendar::default();
        for y in years {
            for &(date, off) in &y.days {
                match calendar.listed.insert(date, off) {
                    Some(before) if before != off => {
                        return Err(CalendarError::BadData {
                            file: format!("{}.json", y.year),
                            line: None,
                            detail: format!("{date} 在另一年的文件中有相反的安排"),
                        });
                    }
                    _ => {}
                }
            }
            if y.is_published() {
                calendar.years.insert(y.year);
            }
        }
        Ok(calendar)
    }

    pub fn covered_years(&self) -> &BTreeSet<i32> {
        &self.years
    }

    /// Whether `date` is a working day. Errors when its year is not covered.
    ///
    /// Listed 调休 days are working days, listed holidays are not; any other
    /// day is a working day from Monday to Friday.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        if !self.years.contains(&date.year()) {
            return Err(self.not_covered(date));
        }
        // The next year's notice settles the 元旦 holiday, and has moved the
        // last days of December before (2019.json lists 2018-12-29…31,
        // 2023.json lists 2022-12-31): until it is published they are unknown.
        if date.month() == 12
            && date.day() >= YEAR_END_UNSETTLED_FROM
            && !self.years.contains(&(date.year() + 1))
        {
            return Err(CalendarError::YearEndUnsettled {
                date,
                next: date.year() + 1,
            });
        }
        Ok(match self.listed.get(&date) {
            Some(&off) => !off,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        })
    }

    /// The last day of `period` counted from the event on `start`.
    ///
    /// - 日: start + N days; 月/年: the same day N months later, or that
    ///   month's last day when it has no such day (1个月 from 01-31 is 02-28).
    ///   A last day that is not a working day moves to the next working day.
    /// - 工作日: the N-th working day after `start`.
    /// - A period of 0 (any unit) is `start` itself, unchanged: the event day
    ///   is not a "last day" the rules move.
    ///
    /// Only the days actually examined must lie in covered years: the last
    /// day and any days it moves over, or every day walked for 工作日. The
    /// start's own year need not be covered.
    pub fn deadline(&self, start: NaiveDate, period: Period) -> Result<NaiveDate, CalendarError> {
        let n = period.count;
        if n == 0 {
            return Ok(start);
        }
        if period.unit == PeriodUnit::工作日 {
            return self.nth_working_day_after(start, n);
        }
        self.working_day_on_or_after(self.nominal_last_day(start, period)?)
    }

    /// The last day of a period in 日/月/年 before any move past days off.
    fn nominal_last_day(
        &self,
        start: NaiveDate,
        period: Period,
    ) -> Result<NaiveDate, CalendarError> {
        let n = period.count;
        let last = match period.unit {
            PeriodUnit::工作日 | PeriodUnit::日 => start.checked_add_days(Days::new(n.into())),
            PeriodUnit::月 => start.checked_add_months(Months::new(n)),
            PeriodUnit::年 => n
                .checked_mul(12)
                .and_then(|m| start.checked_add_months(Months::new(m))),
        };
        last.ok_or_else(|| self.beyond_dates())
    }

    /// Whether `date` is on or before the last day of `period` counted from
    /// `start` (`date 在 start 起 period 内`, upper bound only).
    ///
    /// Answers whenever every calendar would give the same answer: a date up
    /// to the nominal last day is inside however the last day moves; a date
    /// after a known working day that ends the period is outside. Only when
    /// a day the answer depends on lies in a year (or a year end) the
    /// calendar does not settle is the answer unknown.
    pub fn within(
        &self,
        start: NaiveDate,
        period: Period,
        date: NaiveDate,
    ) -> Result<bool, CalendarError> {
        if period.count == 0 {
            return Ok(date <= start);
        }
        if period.unit == PeriodUnit::工作日 {
            return self.within_working_days(start, period.count, date);
        }
        let nominal = self.nominal_last_day(start, period)?;
        // The last day is the first working day on or after `nominal`.
        let mut day = nominal;
        while day < date {
            if self.is_working_day(day)? {
                return Ok(false);
            }
            day = day.succ_opt().ok_or_else(|| self.beyond_dates())?;
        }
        Ok(true)
    }

    /// `date` is within n working days after `start` when fewer than n
    /// working days lie strictly between them. Days the calendar cannot
    /// settle count as either; the answer is unknown only if they decide it.
    fn within_working_days(
        &self,
        start: NaiveDate,
        n: u32,
        date: NaiveDate,
    ) -> Result<bool, CalendarError> {
        let last_known_year = self.years.last().copied().unwrap_or(i32::MIN);
        let (mut known, mut unsettled) = (0u32, 0u32);
        let mut first_unsettled = None;
        let mut day = start;
        loop {
            day = match day.succ_opt() {
                Some(d) if d < date => d,
                _ => break,
            };
            // Past the last covered year nothing more can become known.
            if day.year() > last_known_year.saturating_add(1) && first_unsettled.is_some() {
                let rest = u32::try_from((date - day).num_days()).unwrap_or(u32::MAX);
                unsettled = unsettled.saturating_add(rest);
                break;
            }
            match self.is_working_day(day) {
                Ok(true) => known += 1,
                Ok(false) => {}
                Err(e) => {
                    unsettled += 1;
                    first_unsettled.get_or_insert(e);
                }
            }
            if known >= n {
                return Ok(false);
            }
        }
        match first_unsettled {
            Some(e) if known.saturating_add(unsettled) >= n => Err(e),
            _ => Ok(true),
        }
    }

    /// `date` if it is a working day, else the first working day after it.
    fn working_day_on_or_after(&self, mut date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        // Ends: every step either finds a working day or reaches an
        // uncovered year, which is an error.
        while !self.is_working_day(date)? {
            date = date.succ_opt().ok_or_else(|| self.beyond_dates())?;
        }
        Ok(date)
    }

    fn nth_working_day_after(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut date = start;
        let mut counted = 0;
        while counted < n {
            date = date.succ_opt().ok_or_else(|| self.beyond_dates())?;
            if self.is_working_day(date)? {
                counted += 1;
            }
        }
        Ok(date)
    }

    fn not_covered(&self, date: NaiveDate) -> CalendarError {
        CalendarError::YearNotCovered {
            year: date.year(),
            date,
            covered: self.covered_text(),
        }
    }

    /// A deadline past the last date chrono can represent: no calendar
    /// covers it.
    fn beyond_dates(&self) -> CalendarError {
        self.not_covered(NaiveDate::MAX)
    }

    /// "2019–2026", "2019–2020、2022", or "无".
    fn covered_text(&self) -> String {
        let mut runs: Vec<(i32, i32)> = Vec::new();
        for &y in &self.years {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == y => *end = y,
                _ => runs.push((y, y)),
            }
        }
        if runs.is_empty() {
            return "无".to_string();
        }
        let run = |&(a, b): &(i32, i32)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        };
        runs.iter().map(run).collect::<Vec<_>>().join("、")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PeriodUnit::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    fn deadline(
        start: NaiveDate,
        count: u32,
        unit: PeriodUnit,
    ) -> Result<NaiveDate, CalendarError> {
        Calendar::embedded().deadline(start, Period::new(count, unit))
    }

    fn working(date: NaiveDate) -> Result<bool, CalendarError> {
        Calendar::embedded().is_working_day(date)
    }

    #[test]
    fn embedded_coverage() {
        let cal = Calendar::embedded();
        assert_eq!(
            cal.covered_years().iter().copied().collect::<Vec<_>>(),
            (2019..=2026).collect::<Vec<_>>()
        );
        assert_eq!(cal.covered_text(), "2019–2026");
        assert!(std::ptr::eq(cal, Calendar::embedded()));
    }

    #[test]
    fn working_days() {
        assert_eq!(working(ymd(2025, 10, 1)), Ok(false)); // 国庆
        assert_eq!(working(ymd(2025, 10, 8)), Ok(false));
        assert_eq!(working(ymd(2025, 10, 9)), Ok(true));
        assert_eq!(working(ymd(2025, 9, 28)), Ok(true)); // 调休 Sunday
        assert_eq!(working(ymd(2025, 10, 11)), Ok(true)); // 调休 Saturday
        assert_eq!(working(ymd(2025, 7, 5)), Ok(false)); // Saturday
        assert_eq!(working(ymd(2025, 7, 6)), Ok(false)); // Sunday
        assert_eq!(working(ymd(2025, 7, 7)), Ok(true)); // Monday
        assert_eq!(working(ymd(2022, 12, 31)), Ok(false)); // listed in 2023.json
        assert_eq!(working(ymd(2026, 12, 24)), Ok(true));
        // The last days of 2026 wait for the 2027 notice.
        assert!(matches!(
            working(ymd(2026, 12, 31)),
            Err(CalendarError::YearEndUnsettled { next: 2027, .. })
        ));
    }

    #[test]
    fn uncovered_years_are_errors() {
        let err = working(ymd(2027, 1, 4)).expect_err("2027 not covered");
        assert_eq!(
            err,
            CalendarError::YearNotCovered {
                year: 2027,
                date: ymd(2027, 1, 4),
                covered: "2019–2026".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "节假日日历未收录2027年（已收录：2019–2026），无法计算涉及2027-01-04的期限。\
             要计算它，把国务院公布的2027年节假日安排写成 holiday-cn 格式的 2027.json，\
             用“jicai data add 2027.json”添加，或放入 --rules 目录的 data/holiday-cn/ 中"
        );
        // Listed in 2019.json, but 2018 itself is not covered.
        assert!(matches!(
            working(ymd(2018, 12, 29)),
            Err(CalendarError::YearNotCovered { year: 2018, .. })
        ));
        assert!(matches!(
            working(ymd(2018, 6, 1)),
            Err(CalendarError::YearNotCovered { year: 2018, .. })
        ));
    }

    #[test]
    fn days_past_national_day() {
        // 2025-10-01 is +30; 10-01…10-08 are holidays.
        assert_eq!(deadline(ymd(2025, 9, 1), 30, 日), Ok(ymd(2025, 10, 9)));
    }

    #[test]
    fn days_on_a_working_day() {
        assert_eq!(deadline(ymd(2025, 7, 1), 30, 日), Ok(ymd(2025, 7, 31)));
    }

    #[test]
    fn days_ending_on_saturday_move_to_monday() {
        assert_eq!(ymd(2025, 7, 5).weekday(), Weekday::Sat);
        assert_eq!(deadline(ymd(2025, 7, 1), 4, 日), Ok(ymd(2025, 7, 7)));
    }

    #[test]
    fn days_ending_on_adjusted_sunday_stay() {
        assert_eq!(ymd(2025, 9, 28).weekday(), Weekday::Sun);
        assert_eq!(deadline(ymd(2025, 9, 18), 10, 日), Ok(ymd(2025, 9, 28)));
    }

    #[test]
    fn working_days_include_adjusted_sunday() {
        // 09-26 Fri, 09-27 Sat off, 09-28 Sun 调休, 09-29 Mon.
        assert_eq!(deadline(ymd(2025, 9, 25), 3, 工作日), Ok(ymd(2025, 9, 29)));
    }

    #[test]
    fn working_days_across_national_day() {
        // 09-30 (1), 10-01…08 off, 10-09 (2), 10-10 (3), 10-11 Sat 调休 (4),
        // 10-12 Sun off, 10-13 (5), 10-14 (6), 10-15 (7).
        assert_eq!(deadline(ymd(2025, 9, 29), 7, 工作日), Ok(ymd(2025, 10, 15)));
        // Starting on a holiday: the next working day counts first.
        assert_eq!(deadline(ymd(2025, 10, 3), 1, 工作日), Ok(ymd(2025, 10, 9)));
        assert_eq!(deadline(ymd(2025, 7, 4), 1, 工作日), Ok(ymd(2025, 7, 7)));
    }

    #[test]
    fn months_and_years() {
        assert_eq!(deadline(ymd(2025, 1, 31), 1, 月), Ok(ymd(2025, 2, 28)));
        assert_eq!(deadline(ymd(2024, 1, 31), 1, 月), Ok(ymd(2024, 2, 29)));
        assert_eq!(deadline(ymd(2025, 3, 15), 6, 月), Ok(ymd(2025, 9, 15)));
        // Lands on 国庆: moves past it.
        assert_eq!(deadline(ymd(2025, 8, 1), 2, 月), Ok(ymd(2025, 10, 9)));
        assert_eq!(deadline(ymd(2024, 2, 29), 1, 年), Ok(ymd(2025, 2, 28)));
        assert_eq!(deadline(ymd(2024, 7, 1), 1, 年), Ok(ymd(2025, 7, 1)));
        assert_eq!(
            deadline(ymd(2023, 7, 3), 24, 月),
            deadline(ymd(2023, 7, 3), 2, 年)
        );
    }

    #[test]
    fn zero_period_is_the_start() {
        let sat = ymd(2025, 7, 5);
        for unit in [日, 工作日, 月, 年] {
            assert_eq!(deadline(sat, 0, unit), Ok(sat));
        }
    }

    #[test]
    fn deadlines_outside_coverage() {
        let into_2027 = deadline(ymd(2026, 12, 1), 60, 日);
        assert!(
            matches!(
                into_2027,
                Err(CalendarError::YearNotCovered { year: 2027, .. })
            ),
            "{into_2027:?}"
        );
        assert!(matches!(
            deadline(ymd(2026, 12, 20), 30, 工作日),
            Err(CalendarError::YearEndUnsettled { next: 2027, .. })
        ));
        assert!(matches!(
            deadline(ymd(2026, 6, 1), 1, 年),
            Err(CalendarError::YearNotCovered { year: 2027, .. })
        ));
        assert!(matches!(
            deadline(ymd(2018, 6, 1), 30, 日),
            Err(CalendarError::YearNotCovered { year: 2018, .. })
        ));
        assert!(matches!(
            deadline(ymd(2018, 6, 1), 3, 工作日),
            Err(CalendarError::YearNotCovered { year: 2018, .. })
        ));
        // Only the examined days matter: a 2018 event with a 2019 deadline is fine.
        assert_eq!(deadline(ymd(2018, 12, 20), 30, 日), Ok(ymd(2019, 1, 21)));
        // Beyond chrono's dates: an error, not a panic.
        for unit in [日, 工作日, 月, 年] {
            assert!(deadline(ymd(2025, 1, 1), u32::MAX, unit).is_err());
            assert!(deadline(NaiveDate::MAX, 1, unit).is_err());
        }
    }

    #[test]
    fn json_files() {
        let file = |year: i32, days: &str| {
            format!(r#"{{"year": {year}, "papers": [], "days": [{days}]}}"#)
        };
        let day = |date: &str, off: bool| {
            format!(r#"{{"name": "x", "date": "{date}", "isOffDay": {off}}}"#)
        };
        let a = file(2019, &day("2019-01-01", true));
        let b = file(2021, &day("2021-01-01", true));
        let c = file(2020, &day("2020-01-01", true));
        let empty = file(2022, "");
        let cal = Calendar::from_json_files([
            ("a", a.as_str()),
            ("b", b.as_str()),
            ("e", empty.as_str()),
        ])
        .expect("ok");
        assert_eq!(cal.covered_text(), "2019、2021");
        let cal =
            Calendar::from_json_files([("a", a.as_str()), ("c", c.as_str()), ("b", b.as_str())])
                .expect("ok");
        assert_eq!(cal.covered_text(), "2019–2021");
        assert_eq!(
            Calendar::from_json_files([]).map(|c| c.covered_text()),
            Ok("无".to_string())
        );

        let conflict = file(
            2020,
            &format!("{},{}", day("2020-01-01", true), day("2020-01-01", false)),
        );
        let cases = [
            "not json".to_string(),
            r#"{"days": []}"#.to_string(),
            file(2020, &day("2020-13-01", true)),
            file(2020, &day("2020/01/01", true)),
            file(2020, &day("2018-12-31", true)),
            file(2020, r#"{"date": "2020-01-01", "isOffDay": "yes"}"#),
            conflict,
        ];
        for text in &cases {
            let err = Calendar::from_json_files([("bad.json", text.as_str())]).expect_err(text);
            assert!(
                matches!(&err, CalendarError::BadData { file, .. } if file == "bad.json"),
                "{err:?}"
            );
        }
    }

    fn any_date_2020_2025() -> impl Strategy<Value = NaiveDate> {
        (0u64..(6 * 365)).prop_map(|n| ymd(2020, 1, 1) + Days::new(n))
    }

    proptest! {
        #[test]
        fn working_days_match_naive_walk(start in any_date_2020_2025(), n in 0u32..=60) {
            let cal = Calendar::embedded();
            // Naively: list the working days after `start` and take the n-th.
            let naive = if n == 0 {
                start
            } else {
                (1..)
                    .map(|k| start + Days::new(k))
                    .filter(|&d| cal.is_working_day(d).unwrap_or(false))
                    .nth(n as usize - 1)
                    .unwrap_or(start)
            };
            prop_assert_eq!(cal.deadline(start, Period::new(n, 工作日)), Ok(naive));
        }

        #[test]
        fn day_periods_end_on_first_working_day(start in any_date_2020_2025(), n in 1u32..=90) {
            let cal = Calendar::embedded();
            let last = cal.deadline(start, Period::new(n, 日)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let nominal = start + Days::new(n.into());
            prop_assert!(last >= nominal);
            prop_assert_eq!(cal.is_working_day(last), Ok(true));
            let mut d = nominal;
            while d < last {
                prop_assert_eq!(cal.is_working_day(d), Ok(false));
                d = d + Days::new(1);
            }
        }

        #[test]
        fn month_periods_match_years(start in any_date_2020_2025(), years in 0u32..=1) {
            let cal = Calendar::embedded();
            prop_assert_eq!(
                cal.deadline(start, Period::new(years, 年)),
                cal.deadline(start, Period::new(years * 12, 月))
            );
        }
    }

    #[test]
    fn within_counts_what_no_notice_could_change() {
        let cal = Calendar::embedded();
        let p30 = Period::new(30, 日);
        // 2026-11-30 + 30日: nominal last day 2026-12-30, in the year end the
        // 2027 notice settles. Any day up to it is inside whatever it says.
        assert_eq!(
            cal.within(ymd(2026, 11, 30), p30, ymd(2026, 12, 1)),
            Ok(true)
        );
        assert_eq!(
            cal.within(ymd(2026, 11, 30), p30, ymd(2026, 12, 30)),
            Ok(true)
        );
        // The day after depends on whether 12-30 is a working day.
        assert!(matches!(
            cal.within(ymd(2026, 11, 30), p30, ymd(2026, 12, 31)),
            Err(CalendarError::YearEndUnsettled { next: 2027, .. })
        ));
        // Into an uncovered year: up to the nominal day is inside.
        assert_eq!(
            cal.within(ymd(2026, 12, 15), p30, ymd(2027, 1, 14)),
            Ok(true)
        );
        assert!(matches!(
            cal.within(ymd(2026, 12, 15), p30, ymd(2027, 1, 15)),
            Err(CalendarError::YearNotCovered { year: 2027, .. })
        ));
        // A known working day ends the period: later dates are outside even
        // if the calendar stops after it.
        assert_eq!(
            cal.within(ymd(2025, 9, 1), p30, ymd(2025, 10, 10)),
            Ok(false)
        );
        assert_eq!(cal.within(ymd(2025, 9, 1), p30, ymd(2025, 10, 9)), Ok(true));
        // Working days: fewer than n known working days before the date.
        let w3 = Period::new(3, 工作日);
        assert_eq!(
            cal.within(ymd(2026, 12, 21), w3, ymd(2026, 12, 24)),
            Ok(true)
        );
        assert_eq!(
            cal.within(ymd(2026, 12, 21), w3, ymd(2026, 12, 25)),
            Ok(false)
        );
        // 12-24, 12-25 known; the third working day may be 12-28 or later.
        assert_eq!(
            cal.within(ymd(2026, 12, 23), w3, ymd(2026, 12, 28)),
            Ok(true)
        );
        assert!(
            cal.within(ymd(2026, 12, 23), w3, ymd(2026, 12, 29))
                .is_err()
        );
        // A date before an event is "within" as far as the upper bound goes.
        assert_eq!(cal.within(ymd(2025, 7, 1), p30, ymd(2025, 6, 1)), Ok(true));
        assert_eq!(
            cal.within(ymd(2025, 7, 1), Period::new(0, 日), ymd(2025, 7, 2)),
            Ok(false)
        );
        // Far beyond any calendar: no endless walk, no panic.
        assert!(
            cal.within(ymd(2026, 12, 1), Period::new(400, 工作日), ymd(9000, 1, 1))
                .is_err()
        );
        assert_eq!(
            cal.within(ymd(2025, 1, 1), Period::new(3, 工作日), ymd(9000, 1, 1)),
            Ok(false)
        );
    }

    #[test]
    fn holiday_files_name_the_line() {
        let text = "{\n  \"year\": 2028,\n  \"papers\": [],\n  \"days\": [\n    {\"name\": \"元旦\", \"date\": \"2028-01-01\", \"isOffDay\": true},\n    {\"name\": \"x\", \"date\": \"2028-02-30\", \"isOffDay\": true}\n  ]\n}";
        let err = HolidayYear::parse("2028.json", text).unwrap_err();
        assert!(
            matches!(err, CalendarError::BadData { line: Some(6), .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().starts_with("节假日数据 2028.json 第6行："),
            "{err}"
        );
        let twice = text.replace("2028-02-30", "2028-01-01");
        let err = HolidayYear::parse("2028.json", &twice).unwrap_err();
        assert!(
            err.to_string().contains("第6行：2028-01-01 重复列出"),
            "{err}"
        );
        let broken = text.replace("\"papers\": [],", "\"papers\": [");
        let err = HolidayYear::parse("2028.json", &broken).unwrap_err();
        assert!(
            matches!(err, CalendarError::BadData { line: Some(4), .. }),
            "{err:?}"
        );
        let no_papers = text.replace("\"papers\": [],", "");
        let err = HolidayYear::parse("2028.json", &no_papers).unwrap_err();
        assert!(err.to_string().contains("缺少字段“papers”"), "{err}");
    }

    proptest! {
        #[test]
        fn within_agrees_with_deadline(start in any_date_2020_2025(), n in 0u32..=60, after in 0u64..=120, working in proptest::bool::ANY) {
            let cal = Calendar::embedded();
            let period = Period::new(n, if working { 工作日 } else { 日 });
            let date = start + Days::new(after);
            let last = cal.deadline(start, period).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(cal.within(start, period, date), Ok(date <= last));
        }
    }

    #[test]
    fn year_end_waits_for_next_years_notice() {
        let cal = Calendar::embedded();
        // 2025's last days are settled by the 2026 notice, which is present.
        assert_eq!(cal.is_working_day(ymd(2025, 12, 31)), Ok(true));
        // 2026-12-28… depend on the unpublished 2027 notice.
        assert_eq!(cal.is_working_day(ymd(2026, 12, 25)), Ok(true));
        assert!(matches!(
            cal.is_working_day(ymd(2026, 12, 28)),
            Err(CalendarError::YearEndUnsettled { next: 2027, .. })
        ));
        // A deadline that walks into that window is not guessed either.
        let err = cal
            .deadline(ymd(2026, 12, 20), Period::new(6, 工作日))
            .unwrap_err();
        assert!(err.to_string().contains("2027年"), "{err}");
    }
}
