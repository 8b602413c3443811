//! A loaded rule library: the rule book plus the calendar and catalogue data
//! shipped beside it, from the embedded defaults or `--rules DIR`.

use crate::calendar::Calendar;
use crate::dsl::source::{Directory, Embedded, Overlay, RuleSource, read_sources};
use crate::dsl::{RuleBook, Sources, diagnostics::did_you_mean};
use crate::error::JicaiError;
use crate::model::RuleSet;
use crate::refdata::{DataVersion, RefData, ResolvedData, store};
use crate::value::codes::Catalog;
use chrono::NaiveDate;
use std::path::Path;

/// Which rules to load: the built-in library, the built-in library with a
/// directory laid over it (`--rules DIR`), or a directory alone
/// (`--rules-only DIR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleDir<'a> {
    Builtin,
    Overlay(&'a Path),
    Only(&'a Path),
}

impl<'a> RuleDir<'a> {
    /// The rules directory given on the command line, if any.
    pub fn path(self) -> Option<&'a Path> {
        match self {
            RuleDir::Builtin => None,
            RuleDir::Overlay(d) | RuleDir::Only(d) => Some(d),
        }
    }
}

impl<'a> From<Option<&'a Path>> for RuleDir<'a> {
    /// `--rules DIR` adds to the built-in library.
    fn from(dir: Option<&'a Path>) -> Self {
        dir.map_or(RuleDir::Builtin, RuleDir::Overlay)
    }
}

pub struct RuleLibrary {
    pub book: RuleBook,
    pub calendar: Calendar,
    pub catalog: &'static Catalog,
    pub sources: Sources,
    /// Holiday files and 集中采购目录及限额标准, layered and validated.
    pub data: RefData,
}

impl RuleLibrary {
    /// The embedded rules, with `--rules DIR` laid over them or replaced by
    /// `--rules-only DIR`; reference data from the binary, the rules
    /// directory's `data/` and the data directory the command line set
    /// (see [`crate::refdata::store::set_data_dir`]).
    pub fn open<'a>(dir: impl Into<RuleDir<'a>>) -> Result<RuleLibrary, JicaiError> {
        Self::open_with(dir, store::data_dir())
    }

    /// As [`open`](Self::open), with reference data also from `data_dir`.
    pub fn open_with<'a>(
        dir: impl Into<RuleDir<'a>>,
        data_dir: Option<&Path>,
    ) -> Result<RuleLibrary, JicaiError> {
        let dir = dir.into();
        let (source, rules_dir): (Box<dyn RuleSource>, Option<&Path>) = match dir {
            RuleDir::Builtin => (Box::new(Embedded), None),
            RuleDir::Overlay(d) => (Box::new(Overlay(d.to_path_buf())), Some(d)),
            RuleDir::Only(d) => (Box::new(Directory(d.to_path_buf())), Some(d)),
        };
        let sources = read_sources(source.as_ref())?;
        let book = crate::dsl::load(&sources)?;
        let data = store::load(rules_dir, data_dir)?;
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
