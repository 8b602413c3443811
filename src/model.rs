//! The resolved rule model: rule sets after inheritance, with every name
//! bound and every expression type-checked and compiled.

pub mod tables;
pub mod vocabulary;

use crate::citation::Citation;
use crate::dsl::ast::{ArithOp, CmpOp, Level};
use crate::table::Row;
use crate::value::{Period, Value};
use chrono::NaiveDate;
use serde::Serialize;
use tables::TableSpec;
use vocabulary::Vocabulary;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// 应当/必须/不得 → 错误; 一般/原则上 → 警告; 鼓励/可以 → 提示.
    pub fn of_level(level: Level) -> Severity {
        match level {
            Level::应当 | Level::必须 | Level::不得 => Severity::Error,
            Level::一般 | Level::原则上 => Severity::Warning,
            Level::鼓励 | Level::可以 => Severity::Info,
        }
    }
    pub fn name_cn(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Static types of rule-language expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Text,
    Number,
    Amount,
    Percent,
    Period,
    Date,
    Bool,
    Set(Box<Ty>),
    /// `空`: compatible with everything.
    Empty,
}

impl Ty {
    pub fn name(&self) -> String {
        match self {
            Ty::Text => "文本".into(),
            Ty::Number => "数值".into(),
            Ty::Amount => "金额".into(),
            Ty::Percent => "百分比".into(),
            Ty::Period => "期间".into(),
            Ty::Date => "日期".into(),
            Ty::Bool => "是否".into(),
            Ty::Set(t) => format!("{}集合", t.name()),
            Ty::Empty => "空".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    合计,
    计数,
    最大,
    最小,
    平均,
    去重计数,
    一致,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    期限,
    品目有效,
    品目类别,
    品目归属,
    品目底级,
    信用代码有效,
    长度,
    包含,
    天数,
    /// `单数(n)`: n is an odd whole number (评标委员会 5人以上单数).
    单数,
    /// `若(条件, 值)`: the value where the condition holds, else blank — so
    /// that aggregates can count or sum a subset of the group's rows.
    若,
}

/// A compiled expression.
#[derive(Debug, Clone)]
pub enum Cx {
    Const(Value),
    /// A column of the current row of the rule's table.
    Col(usize),
    /// A column of the joined row.
    JoinCol(usize),
    /// A project fact.
    Fact(usize),
    /// An aggregate over the rows of the current group; the argument is
    /// evaluated per row. `label` is the source text, for reports.
    Agg {
        func: Aggregate,
        arg: Option<Box<Cx>>,
        label: String,
    },
    Arith(ArithOp, Box<Cx>, Box<Cx>),
    Neg(Box<Cx>),
    Cmp(CmpOp, Box<Cx>, Box<Cx>),
    And(Vec<Cx>),
    Or(Vec<Cx>),
    Not(Box<Cx>),
    IsEmpty(Box<Cx>, bool),
    Member(Box<Cx>, Vec<Value>, bool),
    /// `属于` a set of reference data, by its name: looked up for the check date.
    MemberData(Box<Cx>, String, bool),
    /// A value of reference data, by its name: looked up for the check date.
    Data(String),
    Deadline(Box<Cx>, Period),
    Within(Box<Cx>, Box<Cx>, Period),
    Call(Builtin, Vec<Cx>),
}

impl Cx {
    /// Visits every node.
    pub fn walk<'s>(&'s self, f: &mut impl FnMut(&'s Cx)) {
        f(self);
        match self {
            Cx::Agg { arg: Some(a), .. }
            | Cx::Neg(a)
            | Cx::Not(a)
            | Cx::IsEmpty(a, _)
            | Cx::Member(a, _, _)
            | Cx::MemberData(a, _, _)
            | Cx::Deadline(a, _) => a.walk(f),
            Cx::Arith(_, a, b) | Cx::Cmp(_, a, b) | Cx::Within(a, b, _) => {
                a.walk(f);
                b.walk(f);
            }
            Cx::And(v) | Cx::Or(v) | Cx::Call(_, v) => v.iter().for_each(|x| x.walk(f)),
            _ => {}
        }
    }

    /// Whether the expression reads the current row outside any aggregate.
    pub fn reads_row(&self) -> bool {
        match self {
            Cx::Col(_) => true,
            Cx::Agg { .. } => false,
            Cx::Neg(a)
            | Cx::Not(a)
            | Cx::IsEmpty(a, _)
            | Cx::Member(a, _, _)
            | Cx::MemberData(a, _, _)
            | Cx::Deadline(a, _) => a.reads_row(),
            Cx::Arith(_, a, b) | Cx::Cmp(_, a, b) | Cx::Within(a, b, _) => {
                a.reads_row() || b.reads_row()
            }
            Cx::And(v) | Cx::Or(v) | Cx::Call(_, v) => v.iter().any(Cx::reads_row),
            _ => false,
        }
    }

    pub fn has_aggregate(&self) -> bool {
        let mut found = false;
        self.walk(&mut |c| found |= matches!(c, Cx::Agg { .. }));
        found
    }

    pub fn reads_join(&self) -> bool {
        let mut found = false;
        self.walk(&mut |c| found |= matches!(c, Cx::JoinCol(_)));
        found
    }

    /// Columns of the rule's table read anywhere (also inside aggregates), in order.
    pub fn columns(&self, out: &mut Vec<usize>) {
        self.walk(&mut |c| {
            if let Cx::Col(i) = c
                && !out.contains(i)
            {
                out.push(*i);
            }
        });
    }
}

#[derive(Debug, Clone)]
pub enum Mode {
    EachRow,
    /// Group by these columns of the rule's table.
    Group(Vec<usize>),
    Whole,
}

#[derive(Debug, Clone)]
pub struct Join {
    pub table: usize,
    pub name: String,
    pub left_key: usize,
    pub right_key: usize,
}

#[derive(Debug, Clone)]
pub enum MessagePart {
    Text(String),
    Expr(Cx),
}

/// One rule, ready to run.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub title: String,
    pub level: Level,
    pub severity: Severity,
    pub citations: Vec<Citation>,
    /// The rule set that declares it.
    pub defined_in: String,
    /// The ancestor rule set whose rule of the same id this one replaces.
    pub overrides: Option<String>,
    pub effective: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub table: usize,
    pub mode: Mode,
    pub join: Option<Join>,
    /// `当` clauses without aggregates or joins: select rows before grouping.
    pub filter: Vec<Cx>,
    /// `当` clauses tested per group (or per row within a group).
    pub when: Vec<Cx>,
    pub require: Cx,
    /// Evaluate once per row of each group (bare columns outside aggregates).
    pub per_row: bool,
    pub message: Vec<MessagePart>,
    /// The column named as most at fault.
    pub at_column: Option<usize>,
    /// Columns whose values a finding shows.
    pub shown_columns: Vec<usize>,
    /// Source text of the requirement, for reports.
    pub require_text: String,
}

impl CompiledRule {
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.effective.is_none_or(|e| e <= date) && self.expires.is_none_or(|x| date < x)
    }
}

#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: String,
    pub value: Value,
    /// The elements, for set parameters (`{"A02010100", …}`).
    pub set: Vec<Value>,
    pub ty: Ty,
    pub citations: Vec<Citation>,
    pub note: Option<String>,
    pub defined_in: String,
    pub overrides: Option<String>,
    /// `数据 "北京.集中采购目录"`: the value is the version of this reference
    /// data in force on the check date (`value` and `set` are then empty).
    pub data: Option<crate::refdata::DataName>,
}

impl Parameter {
    /// The value as shown to people; a set lists its elements.
    pub fn display_value(&self) -> String {
        if let Some(d) = &self.data {
            return format!("数据“{d}”（按检查日期施行的版本）");
        }
        if self.set.is_empty() {
            self.value.display()
        } else {
            self.set
                .iter()
                .map(Value::display)
                .collect::<Vec<_>>()
                .join("、")
        }
    }

    /// "浙江" or "浙江（覆盖 全国）".
    pub fn origin(&self) -> String {
        origin_text(&self.defined_in, self.overrides.as_deref())
    }
}

impl CompiledRule {
    /// "浙江" or "浙江（覆盖 全国）".
    pub fn origin(&self) -> String {
        origin_text(&self.defined_in, self.overrides.as_deref())
    }
}

fn origin_text(defined_in: &str, overrides: Option<&str>) -> String {
    match overrides {
        Some(from) => format!("{defined_in}（覆盖 {from}）"),
        None => defined_in.to_string(),
    }
}

/// A jurisdiction's rule set with everything it inherits.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub name: String,
    /// ASCII identifier for the command line (zhejiang).
    pub id: String,
    pub title: String,
    pub docno: String,
    pub issued: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub parent: Option<String>,
    /// Root first: 全国, 浙江.
    pub chain: Vec<String>,
    pub params: Vec<Parameter>,
    pub rules: Vec<CompiledRule>,
}

impl RuleSet {
    pub fn rule(&self, id: &str) -> Option<&CompiledRule> {
        self.rules.iter().find(|r| r.id == id)
    }
    pub fn param(&self, name: &str) -> Option<&Parameter> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// A rule example (`例`), compiled to tables of rows.
#[derive(Debug, Clone)]
pub struct Example {
    pub title: String,
    pub ruleset: String,
    /// file:line of the example, for reports.
    pub location: String,
    pub as_of: Option<NaiveDate>,
    /// (table index, rows)
    pub tables: Vec<(usize, Vec<Row>)>,
    pub facts: Option<Row>,
    pub expect_violated: Vec<String>,
    pub expect_passed: Vec<String>,
}

/// Everything loaded from a rules directory.
#[derive(Debug, Clone)]
pub struct RuleBook {
    pub tables: Vec<TableSpec>,
    /// Index into `tables` of the `事实` (project facts) declaration.
    pub facts: Option<usize>,
    pub sets: Vec<RuleSet>,
    pub examples: Vec<Example>,
    /// Every field of the workbook tables (the union of their columns).
    pub vocabulary: Vocabulary,
}

impl RuleBook {
    /// The declared tables an uploaded workbook can hold (all but the
    /// project facts, which come from YAML).
    pub fn workbook_tables(&self) -> Vec<TableSpec> {
        self.tables
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != self.facts)
            .map(|(_, t)| t.clone())
            .collect()
    }
}
