//! The rule language: grammar (pest) → AST → resolved, type-checked
//! [`RuleBook`]. See the README for a tour of the syntax.

pub mod ast;
mod compile;
pub mod diagnostics;
mod parse;
mod resolve;
pub mod source;

pub use crate::model::RuleBook;
pub use diagnostics::{LoadError, LoadErrors, Sources};

/// Parses and resolves every rule file in `sources`.
pub fn load(sources: &Sources) -> Result<RuleBook, LoadErrors> {
    let mut errors = Vec::new();
    let mut asts = Vec::new();
    for i in 0..sources.files.len() {
        match parse::parse_file(sources, i) {
            Ok(ast) => asts.push(ast),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(LoadErrors(errors));
    }
    resolve::resolve(sources, asts).map_err(LoadErrors)
}
