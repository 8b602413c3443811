//! A loaded rule library: the rule book plus the calendar and catalogue data
//! shipped beside it, from the embedded defaults or `--rules DIR`.

use crate::calendar::Calendar;
use crate::dsl::source::{Directory, Embedded, RuleSource, read_sources};
use crate::dsl::{RuleBook, Sources, diagnostics::did_you_mean};
use crate::error::JicaiError;
use crate::model::RuleSet;
use crate::value::codes::Catalog;
use std::path::Path;

pub struct RuleLibrary {
    pub book: RuleBook,
    pub calendar: Calendar,
    pub catalog: &'static Catalog,
    pub sources: Sources,
}

impl RuleLibrary {
    /// The embedded rules, or those in `dir`.
    pub fn open(dir: Option<&Path>) -> Result<RuleLibrary, JicaiError> {
        match dir {
            Some(d) => Self::load(&Directory(d.to_path_buf())),
            None => Self::load(&Embedded),
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
