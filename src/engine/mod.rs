//! Runs a rule set over the tables read from workbooks and the project
//! facts, producing [`Finding`]s. One function per rule scope: each row,
//! groups (and the whole table as one group), joins and project facts all go
//! through the same evaluation of compiled expressions.

pub mod eval;
mod locate;

use crate::calendar::CalendarError;
use crate::finding::{Finding, sort_findings};
use crate::model::RuleBook;
use crate::model::{Aggregate, CompiledRule, Cx, MessagePart, Mode, RuleSet, Severity};
use crate::table::{Row, Table};
use crate::value::{Value, normalize_text};
use chrono::NaiveDate;
use eval::{AggregateCache, Env, Frame, eval};
use indexmap::IndexMap;
use locate::Origin;
use std::borrow::Cow;
use std::collections::HashMap;

pub use eval::Env as EvalEnv;

/// Project facts (from a YAML file) as a one-row table.
#[derive(Debug, Clone)]
pub struct Facts {
    pub file: String,
    pub row: Row,
}

/// Everything a check reads.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub tables: Vec<Table>,
    pub facts: Option<Facts>,
}

/// A row together with where it came from.
#[derive(Clone, Copy)]
struct Placed<'a> {
    origin: Origin<'a>,
    row: &'a Row,
}

/// Runs every rule of `set` active on `as_of` (all rules when `None`), plus
/// the tables' own checks, and returns the findings in report order.
pub fn run(
    book: &RuleBook,
    set: &RuleSet,
    data: &Dataset,
    as_of: Option<NaiveDate>,
    env: &Env,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for t in &data.tables {
        if let Some(spec) = book.tables.iter().find(|s| s.name == t.table) {
            locate::table_findings(spec, t, &mut findings);
        }
    }
    let by_spec = rows_by_spec(book, data);
    let facts_row = data.facts.as_ref().map(|f| &f.row);
    for rule in set
        .rules
        .iter()
        .filter(|r| as_of.is_none_or(|d| r.active_on(d)))
    {
        // Borrowed, not copied: a rule set has dozens of rules over the same rows.
        let rows: Cow<[Placed]> = if Some(rule.table) == book.facts {
            data.facts
                .iter()
                .map(|f| Placed {
                    origin: Origin::Facts(&f.file),
                    row: &f.row,
                })
                .collect()
        } else {
            by_spec
                .get(&rule.table)
                .map_or(Cow::Borrowed(&[][..]), |v| Cow::Borrowed(v.as_slice()))
        };
        let runner = RuleRun {
            rule,
            env,
            facts: facts_row,
            join_index: join_index(rule, &by_spec, book, data),
            book,
        };
        runner.run(&rows, &mut findings);
    }
    sort_findings(&mut findings);
    findings
}

fn rows_by_spec<'a>(book: &RuleBook, data: &'a Dataset) -> HashMap<usize, Vec<Placed<'a>>> {
    let mut map: HashMap<usize, Vec<Placed>> = HashMap::new();
    for t in &data.tables {
        let Some(spec) = book.tables.iter().position(|s| s.name == t.table) else {
            continue;
        };
        let entry = map.entry(spec).or_default();
        entry.extend(t.rows.iter().map(|row| Placed {
            origin: Origin::Sheet(t),
            row,
        }));
    }
    map
}

/// Key → first matching row of the joined table.
fn join_index<'a>(
    rule: &CompiledRule,
    by_spec: &HashMap<usize, Vec<Placed<'a>>>,
    book: &RuleBook,
    data: &'a Dataset,
) -> ahash::AHashMap<String, &'a Row> {
    // Keys come from uploads: a seeded hasher keeps lookups fast and flood-proof.
    let mut index = ahash::AHashMap::new();
    let Some(join) = &rule.join else { return index };
    let rows: Vec<&Row> = if Some(join.table) == book.facts {
        data.facts.iter().map(|f| &f.row).collect()
    } else {
        by_spec
            .get(&join.table)
            .map(|v| v.iter().map(|p| p.row).collect())
            .unwrap_or_default()
    };
    for row in rows {
        if let Some(k) = key_of(row, join.right_key) {
            index.entry(k).or_insert(row);
        }
    }
    index
}

fn key_of(row: &Row, col: usize) -> Option<String> {
    match row.values.get(col) {
        None | Some(Value::Empty) => None,
        Some(v) => Some(normalize_text(&v.canonical())),
    }
}

struct RuleRun<'a> {
    rule: &'a CompiledRule,
    env: &'a Env<'a>,
    facts: Option<&'a Row>,
    join_index: ahash::AHashMap<String, &'a Row>,
    book: &'a RuleBook,
}

/// The outcome of testing one row or group.
enum Verdict {
    Holds,
    Violated,
    Undetermined(CalendarError),
}

impl<'a> RuleRun<'a> {
    fn run(&self, rows: &[Placed<'a>], out: &mut Vec<Finding>) {
        let selected: Cow<[Placed]> = if self.rule.filter.is_empty() {
            Cow::Borrowed(rows)
        } else {
            rows.iter()
                .copied()
                .filter(|p| self.selected(p.row))
                .collect()
        };
        match &self.rule.mode {
            Mode::EachRow => {
                for p in selected.iter() {
                    let joined = self.joined(p.row);
                    let frame = Frame {
                        row: Some(p.row),
                        group: &[],
                        joined,
                        facts: self.facts,
                        aggregates: &AggregateCache::EMPTY,
                    };
                    self.test(frame, &[*p], None, out);
                }
            }
            Mode::Group(keys) => {
                let mut groups: IndexMap<Vec<Cow<str>>, Vec<Placed>> = IndexMap::new();
                for p in selected.iter() {
                    // Text keys are borrowed: grouping runs once per row.
                    let key = keys
                        .iter()
                        .map(|k| match p.row.values.get(*k) {
                            Some(Value::Text(s)) => Cow::Borrowed(s.as_str()),
                            Some(v) => Cow::Owned(v.display()),
                            None => Cow::Borrowed(""),
                        })
                        .collect();
                    groups.entry(key).or_default().push(*p);
                }
                for (key, members) in &groups {
                    let label = keys
                        .iter()
                        .zip(key)
                        .map(|(k, v)| {
                            format!("{}={v}", self.book.tables[self.rule.table].columns[*k].name)
                        })
                        .collect::<Vec<_>>()
                        .join("，");
                    self.test_group(members, label, out);
                }
            }
            Mode::Whole => {
                if !selected.is_empty() {
                    self.test_group(&selected, "整表".to_string(), out);
                }
            }
        }
    }

    fn selected(&self, row: &Row) -> bool {
        let frame = Frame {
            row: Some(row),
            group: &[],
            joined: None,
            facts: self.facts,
            aggregates: &AggregateCache::EMPTY,
        };
        self.rule
            .filter
            .iter()
            .all(|c| matches!(eval(c, frame, self.env).as_deref(), Ok(Value::Bool(true))))
    }

    fn joined(&self, row: &Row) -> Option<&'a Row> {
        let join = self.rule.join.as_ref()?;
        key_of(row, join.left_key).and_then(|k| self.join_index.get(&k).copied())
    }

    /// Every expression of the rule that may hold aggregates.
    fn rule_exprs(&self) -> impl Iterator<Item = &'a Cx> {
        let messages = self.rule.message.iter().filter_map(|p| match p {
            MessagePart::Expr(e) => Some(e),
            MessagePart::Text(_) => None,
        });
        self.rule
            .when
            .iter()
            .chain(std::iter::once(&self.rule.require))
            .chain(messages)
    }

    fn test_group(&self, members: &[Placed<'a>], label: String, out: &mut Vec<Finding>) {
        let group_rows: Vec<&Row> = members.iter().map(|p| p.row).collect();
        let joined = self.joined(members[0].row);
        if self.rule.per_row {
            let group_frame = Frame {
                row: None,
                group: &group_rows,
                joined,
                facts: self.facts,
                aggregates: &AggregateCache::EMPTY,
            };
            let cache = AggregateCache::compute(self.rule_exprs(), group_frame, self.env);
            for p in members {
                let frame = Frame {
                    row: Some(p.row),
                    group: &group_rows,
                    joined,
                    facts: self.facts,
                    aggregates: &cache,
                };
                self.test(frame, &[*p], Some(&label), out);
            }
            return;
        }
        // Bare columns in a group-level message show the group's first row.
        let frame = Frame {
            row: Some(members[0].row),
            group: &group_rows,
            joined,
            facts: self.facts,
            aggregates: &AggregateCache::EMPTY,
        };
        // 一致(列): blame the rows that differ from the most common value.
        if let Cx::Agg {
            func: Aggregate::一致,
            arg: Some(arg),
            ..
        } = &self.rule.require
            && matches!(self.verdict(frame), Verdict::Violated)
        {
            self.blame_minority(arg, members, &group_rows, joined, &label, out);
            return;
        }
        self.test(frame, members, Some(&label), out);
    }

    /// Evaluates 当 and 要求 in `frame`.
    fn verdict(&self, frame: Frame) -> Verdict {
        for w in &self.rule.when {
            match eval(w, frame, self.env) {
                Ok(v) if matches!(v.as_ref(), Value::Bool(true)) => {}
                Ok(_) => return Verdict::Holds,
                Err(e) => return Verdict::Undetermined(e),
            }
        }
        match eval(&self.rule.require, frame, self.env) {
            Ok(v) if matches!(v.as_ref(), Value::Bool(false)) => Verdict::Violated,
            Ok(_) => Verdict::Holds,
            Err(e) => Verdict::Undetermined(e),
        }
    }

    fn test(&self, frame: Frame, members: &[Placed], group: Option<&str>, out: &mut Vec<Finding>) {
        match self.verdict(frame) {
            Verdict::Holds => {}
            Verdict::Violated => {
                let message = self.message(frame);
                out.push(self.finding(self.rule.severity, message, frame, members, group));
            }
            Verdict::Undetermined(e) => {
                let message = format!("无法判断“{}”：{e}", self.rule.title);
                let mut finding = self.finding(Severity::Warning, message, frame, members, group);
                finding.undetermined = true;
                out.push(finding);
            }
        }
    }

    fn blame_minority(
        &self,
        arg: &Cx,
        members: &[Placed],
        group_rows: &[&Row],
        joined: Option<&'a Row>,
        label: &str,
        out: &mut Vec<Finding>,
    ) {
        let values: Vec<Option<String>> = members
            .iter()
            .map(|p| {
                let frame = Frame {
                    row: Some(p.row),
                    group: group_rows,
                    joined,
                    facts: self.facts,
                    aggregates: &AggregateCache::EMPTY,
                };
                eval(arg, frame, self.env)
                    .ok()
                    .filter(|v| !v.is_empty())
                    .map(|v| normalize_text(&v.display()))
            })
            .collect();
        let mut counts: IndexMap<&str, usize> = IndexMap::new();
        for v in values.iter().flatten() {
            *counts.entry(v.as_str()).or_default() += 1;
        }
        let majority = counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(v, _)| *v)
            .unwrap_or_default();
        for (p, v) in members.iter().zip(&values) {
            if v.as_deref().is_some_and(|v| v != majority) {
                let frame = Frame {
                    row: Some(p.row),
                    group: group_rows,
                    joined,
                    facts: self.facts,
                    aggregates: &AggregateCache::EMPTY,
                };
                let mut finding = self.finding(
                    self.rule.severity,
                    self.message(frame),
                    frame,
                    &[*p],
                    Some(label),
                );
                finding
                    .values
                    .insert("多数取值".to_string(), majority.to_string());
                out.push(finding);
            }
        }
    }

    fn message(&self, frame: Frame) -> String {
        if self.rule.message.is_empty() {
            return format!("{}（要求：{}）", self.rule.title, self.rule.require_text);
        }
        self.rule
            .message
            .iter()
            .map(|part| match part {
                MessagePart::Text(t) => t.clone(),
                MessagePart::Expr(e) => match eval(e, frame, self.env) {
                    Ok(v) => v.display(),
                    Err(_) => "（无法计算）".to_string(),
                },
            })
            .collect()
    }

    fn finding(
        &self,
        severity: Severity,
        message: String,
        frame: Frame,
        members: &[Placed],
        group: Option<&str>,
    ) -> Finding {
        let spec = &self.book.tables[self.rule.table];
        let first = members[0];
        let mut values = IndexMap::new();
        if let (Some(row), true) = (
            frame.row,
            self.rule.per_row || matches!(self.rule.mode, Mode::EachRow),
        ) {
            for &c in &self.rule.shown_columns {
                values.insert(
                    spec.columns[c].name.clone(),
                    row.values.get(c).map(Value::canonical).unwrap_or_default(),
                );
            }
        } else {
            if let Mode::Group(keys) = &self.rule.mode {
                for &k in keys {
                    values.insert(
                        spec.columns[k].name.clone(),
                        first
                            .row
                            .values
                            .get(k)
                            .map(Value::canonical)
                            .unwrap_or_default(),
                    );
                }
            }
            let mut aggs = Vec::new();
            for w in self
                .rule
                .when
                .iter()
                .chain(std::iter::once(&self.rule.require))
            {
                w.walk(&mut |c| {
                    if let Cx::Agg { label, .. } = c {
                        aggs.push((label.clone(), c.clone()));
                    }
                });
            }
            for (label, c) in aggs {
                let v = eval(&c, frame, self.env)
                    .map(|v| v.canonical())
                    .unwrap_or_default();
                values.insert(label, v);
            }
        }
        if let (Some(join), Some(joined)) = (&self.rule.join, frame.joined) {
            let jspec = &self.book.tables[join.table];
            let mut cols = Vec::new();
            self.rule.require.walk(&mut |c| {
                if let Cx::JoinCol(i) = c {
                    cols.push(*i);
                }
            });
            for i in cols {
                values.insert(
                    format!("{}.{}", join.name, jspec.columns[i].name),
                    joined
                        .values
                        .get(i)
                        .map(Value::canonical)
                        .unwrap_or_default(),
                );
            }
        }
        let rows: Vec<(Origin, u32)> = members
            .iter()
            .map(|p| (p.origin, p.row.sheet_row))
            .collect();
        let group_text = group.map(|g| locate::group_label(g, &rows));
        Finding {
            rule: self.rule.id.clone(),
            severity,
            message,
            citations: self.rule.citations.clone(),
            location: first
                .origin
                .location(first.row, self.rule.at_column, group_text),
            values,
            undetermined: false,
        }
    }
}
