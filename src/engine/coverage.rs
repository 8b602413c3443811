//! Which rules a check could run: a rule runs on the sheets that carry every
//! field it reads; where none does, it is *not checked* (and says which
//! fields were missing), never violated. A rule that ran but whose 当 never
//! held is *not applicable*.

use crate::model::{CompiledRule, Cx, Mode, RuleBook};
use crate::table::Table;
use serde::Serialize;

/// The JSON contract's top-level `coverage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub checked: Vec<String>,
    pub not_applicable: Vec<String>,
    pub not_checked: Vec<NotChecked>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotChecked {
    pub rule: String,
    /// Fields the rule needs and the data lacks ("项目.汇总预算" for facts).
    pub missing: Vec<String>,
    /// Chinese, for people.
    pub reason: String,
}

impl Coverage {
    /// "另有 3 条规则因缺少数据未检查" for summaries, or nothing.
    pub fn not_checked_text(&self) -> Option<String> {
        (!self.not_checked.is_empty())
            .then(|| format!("{} 条规则因缺少数据未检查", self.not_checked.len()))
    }
}

/// What a rule reads, by where it reads it. Message texts are not needs: a
/// missing 合同编号 only leaves a blank in the message.
#[derive(Debug, Default)]
pub(crate) struct Needs {
    pub columns: Vec<usize>,
    pub join_columns: Vec<usize>,
    pub facts: Vec<usize>,
}

pub(crate) fn needs(rule: &CompiledRule) -> Needs {
    let mut n = Needs::default();
    let exprs = rule
        .filter
        .iter()
        .chain(&rule.when)
        .chain(std::iter::once(&rule.require));
    for e in exprs {
        e.walk(&mut |c| {
            let (list, i) = match c {
                Cx::Col(i) => (&mut n.columns, *i),
                Cx::JoinCol(i) => (&mut n.join_columns, *i),
                Cx::Fact(i) => (&mut n.facts, *i),
                _ => return,
            };
            if !list.contains(&i) {
                list.push(i);
            }
        });
    }
    if let Mode::Group(keys) = &rule.mode {
        for k in keys {
            if !n.columns.contains(k) {
                n.columns.push(*k);
            }
        }
    }
    if let Some(j) = &rule.join {
        if !n.columns.contains(&j.left_key) {
            n.columns.push(j.left_key);
        }
        if !n.join_columns.contains(&j.right_key) {
            n.join_columns.push(j.right_key);
        }
    }
    n
}

/// The needed columns a sheet lacks.
pub(crate) fn lacking(t: &Table, columns: &[usize]) -> Vec<usize> {
    columns
        .iter()
        .copied()
        .filter(|&c| !t.has_column(c))
        .collect()
}

/// Names of `columns` of table `table`, facts as "项目.X".
pub(crate) fn names(book: &RuleBook, table: usize, columns: &[usize]) -> Vec<String> {
    let spec = &book.tables[table];
    columns
        .iter()
        .map(|&c| {
            let name = &spec.columns[c].name;
            if Some(table) == book.facts {
                format!("项目.{name}")
            } else {
                name.clone()
            }
        })
        .collect()
}
