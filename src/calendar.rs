//! Working days and legal period arithmetic over the State Council holiday
//! calendar (holiday-cn data shipped in `rules/data/holiday-cn`).
//!
//! The rules (财政部令第110号 第四十九条, 民法典 第二百零一至二百零三条):
//! a period in 日/月/年 starts the day after the event; its last day, if not a
//! working day (weekend or statutory holiday, unless a 调休 working day), moves
//! to the next working day. 工作日 counts working days after the event,
//! including 调休 weekend working days. A date in a year the calendar does not
//! cover (or whose notice was not yet published) is an error, never a guess.

use crate::value::Period;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("节假日日历未收录{year}年（已收录：{covered}），无法计算涉及{date}的期限")]
    YearNotCovered { year: i32, date: NaiveDate, covered: String },
    #[error("节假日数据有误（{file}）：{detail}")]
    BadData { file: String, detail: String },
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Dates listed by the State Council notices: true = day off, false = 调休 working day.
    listed: HashMap<NaiveDate, bool>,
    /// Years whose notice is present (a file with at least one day).
    years: BTreeSet<i32>,
}

impl Calendar {
    /// The calendar shipped with the binary.
    pub fn embedded() -> &'static Calendar {
        todo!()
    }
    /// Builds a calendar from holiday-cn JSON files: (file name, contents).
    pub fn from_json_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Calendar, CalendarError> {
        let _ = files;
        todo!()
    }
    pub fn covered_years(&self) -> &BTreeSet<i32> {
        &self.years
    }
    /// Whether `date` is a working day. Errors when its year is not covered.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let _ = date;
        todo!()
    }
    /// The last day of `period` counted from the event on `start`.
    pub fn deadline(&self, start: NaiveDate, period: Period) -> Result<NaiveDate, CalendarError> {
        let _ = (start, period);
        let _ = &self.listed;
        todo!()
    }
}
