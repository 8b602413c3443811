//! A loaded rule library: the rule book plus the calendar and catalogue data
//! shipped beside it, from the embedded defaults or `--rules DIR`.

use crate::calendar::Calendar;
use crate::dsl::source::{Directory, Embedded, Overlay, RuleSource, read_sources};
use crate::dsl::{RuleBook, Sources, diagnostics::did_you_mean};
use crate::error::JicaiError;
use crate::model::RuleSet;
use crate::value::codes::Catalog;
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
}

impl RuleLibrary {
    /// The embedded rules, with `--rules DIR` laid over them or replaced by
    /// `--rules-only DIR`.
    pub fn open<'a>(dir: impl Into<RuleDir<'a>>) -> Result<RuleLibrary, JicaiError> {
        match dir.into() {
            RuleDir::Builtin => Self::load(&Embedded),
            RuleDir::Overlay(d) => Self::load(&Overlay(d.to_path_buf())),
            RuleDir::Only(d) => Self::load(&Directory(d.to_path_buf())),
        }
    }

    pub fn load(source: &dyn RuleSource) -> Result<RuleLibrary, JicaiError> {
        let sources = read_sources(source)?;
        let book = crate::dsl::load(&sources)?;
        let files: Vec<(String, String)> = source
            .data_files("data/holiday-cn")
            .into_iter()
            .filter(|p| p.ends_with(".json") && !p.ends_with("schema.json"))
            .filter_map(|p| source.data_file(&p).map(|text| (p, text)))
            .collect();
        let calendar =
            Calendar::from_json_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
        Ok(RuleLibrary {
            book,
            calendar,
            catalog: Catalog::embedded(),
            sources,
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

    pub fn env(&self) -> crate::engine::EvalEnv<'_> {
        crate::engine::EvalEnv {
            calendar: &self.calendar,
            catalog: self.catalog,
        }
    }
}
