//! A loaded rule library: the rule book plus the calendar and catalogue data
//! shipped beside it, from the embedded defaults or `--rules DIR`.

use crate::calendar::Calendar;
use crate::dsl::source::{Directory, Embedded, RuleSource, read_sources};
use crate::dsl::{RuleBook, Sources, diagnostics::did_you_mean};
use crate::error::JicaiError;
use crate::model::RuleSet;
use crate::refdata::{DataVersion, RefData, ResolvedData, store};
use crate::value::codes::Catalog;
use chrono::NaiveDate;
use std::path::Path;

pub struct RuleLibrary {
    pub book: RuleBook,
    pub calendar: Calendar,
    pub catalog: &'static Catalog,
    pub sources: Sources,
    /// Holiday files and 集中采购目录及限额标准, layered and validated.
    pub data: RefData,
}

impl RuleLibrary {
    /// The embedded rules, or those in `dir`; reference data from the
    /// binary, `dir/data/` and the data directory the command line set
    /// (see [`crate::refdata::store::set_data_dir`]).
    pub fn open(dir: Option<&Path>) -> Result<RuleLibrary, JicaiError> {
        Self::open_with(dir, store::data_dir())
    }

    /// As [`open`](Self::open), with reference data also from `data_dir`.
    pub fn open_with(
        dir: Option<&Path>,
        data_dir: Option<&Path>,
    ) -> Result<RuleLibrary, JicaiError> {
        let source: Box<dyn RuleSource> = match dir {
            Some(d) => Box::new(Directory(d.to_path_buf())),
            None => Box::new(Embedded),
        };
        let sources = read_sources(source.as_ref())?;
        let book = crate::dsl::load(&sources)?;
        let data = store::load(dir, data_dir)?;
        Ok(RuleLibrary {
            book,
            calendar: data.calendar()?,
            catalog: Catalog::embedded(),
            sources,
            data,
        })
    }

    /// A rule set by its Chinese name or ASCII id (全国 / national, 浙江 / zhejiang).
    pub fn ruleset(&self, name: &str) -> Result<&RuleSet, JicaiError> {
        let wanted = name.trim();
        self.book
            .sets
            .iter()
            .find(|s| s.name == wanted || s.id.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                let names: Vec<String> = self
                    .book
                    .sets
                    .iter()
                    .map(|s| format!("{}（{}）", s.name, s.id))
                    .collect();
                let mut candidates: Vec<&str> =
                    self.book.sets.iter().map(|s| s.name.as_str()).collect();
                candidates.extend(self.book.sets.iter().map(|s| s.id.as_str()));
                let hint = did_you_mean(wanted, candidates)
                    .map(|h| format!("{h} "))
                    .unwrap_or_default();
                JicaiError::UnknownRuleset {
                    name: wanted.to_string(),
                    help: format!("{hint}可选：{}", names.join("、")),
                }
            })
    }

    /// What the engine needs to run `set` as of `date` (today when `None`).
    pub fn env(&self, set: &RuleSet, date: Option<NaiveDate>) -> crate::engine::EvalEnv<'_> {
        let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
        crate::engine::EvalEnv {
            calendar: &self.calendar,
            catalog: self.catalog,
            data: ResolvedData::for_set(&self.data, set, date),
        }
    }

    /// The data versions a check of `set` on `date` uses, for reports.
    pub fn data_versions(&self, set: &RuleSet, date: NaiveDate) -> Vec<DataVersion> {
        let names: Vec<_> = crate::refdata::data_names(set).cloned().collect();
        self.data.versions_used(&names, date)
    }
}
