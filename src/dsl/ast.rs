//! The surface syntax tree: what a `.rules` file says, with spans, before
//! names are resolved or types checked.

use crate::table::ColumnType;
use crate::value::{Amount, Percent, Period};

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A byte range in one source file (`file` indexes the loaded sources).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

#[derive(Debug, Clone, Default)]
pub struct FileAst {
    pub rulesets: Vec<RuleSetDecl>,
    pub documents: Vec<DocumentDecl>,
    pub tables: Vec<TableDecl>,
    pub params: Vec<ParamDecl>,
    pub rules: Vec<RuleDecl>,
    pub examples: Vec<ExampleDecl>,
}

#[derive(Debug, Clone, Default)]
pub struct RuleSetDecl {
    pub name: Spanned<String>,
    pub id: Option<Spanned<String>>,
    pub title: Option<String>,
    pub docno: Option<String>,
    pub issued: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub inherits: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct DocumentDecl {
    pub name: Spanned<String>,
    pub title: Option<String>,
    pub docno: Option<String>,
    pub issued: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct TableDecl {
    pub name: Spanned<String>,
    /// `事实` blocks: project facts read from YAML as a one-row table.
    pub is_facts: bool,
    pub aliases: Vec<String>,
    pub has_total: bool,
    pub columns: Vec<ColumnDecl>,
    pub citations: Vec<CitationAst>,
}

#[derive(Debug, Clone)]
pub struct ColumnDecl {
    pub name: Spanned<String>,
    pub ty: ColumnType,
    pub required: bool,
    pub unique: bool,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CitationAst {
    /// `《名》`: a declared 文件; absent means the rule set's own document.
    pub document: Option<Spanned<String>>,
    pub article: String,
    pub text: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Amount(Amount),
    Percent(Percent),
    Period(Period),
    Number(Decimal),
    Date(NaiveDate),
    Text(String),
    Bool(bool),
    Set(Vec<Literal>),
    /// `空` in examples: a blank cell.
    Empty,
}

#[derive(Debug, Clone)]
pub struct ParamDecl {
    pub name: Spanned<String>,
    /// `Empty` when the value is reference data (`data`).
    pub value: Spanned<Literal>,
    /// `数据 "北京.集中采购目录"`: the data name.
    pub data: Option<Spanned<String>>,
    pub overrides: bool,
    pub citations: Vec<CitationAst>,
    pub note: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    应当,
    必须,
    不得,
    一般,
    原则上,
    鼓励,
    可以,
}

impl Level {
    pub fn word(self) -> &'static str {
        match self {
            Level::应当 => "应当",
            Level::必须 => "必须",
            Level::不得 => "不得",
            Level::一般 => "一般",
            Level::原则上 => "原则上",
            Level::鼓励 => "鼓励",
            Level::可以 => "可以",
        }
    }
}

#[derive(Debug, Clone)]
pub enum ScopeMode {
    EachRow,
    Group(Vec<Spanned<String>>),
    Whole,
}

#[derive(Debug, Clone)]
pub struct ScopeAst {
    pub table: Spanned<String>,
    pub mode: ScopeMode,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct JoinAst {
    pub table: Spanned<String>,
    pub alias: Option<Spanned<String>>,
    pub left_key: Spanned<String>,
    pub right_key: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct RuleDecl {
    pub id: Spanned<String>,
    pub title: String,
    pub overrides: bool,
    pub citations: Vec<CitationAst>,
    pub level: Option<Spanned<Level>>,
    pub scope: Option<ScopeAst>,
    pub join: Option<JoinAst>,
    pub when: Vec<Expr>,
    pub require: Option<Expr>,
    /// The message template and the span of its text (inside the quotes).
    pub message: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
    pub effective: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Ge,
    Gt,
    Le,
    Lt,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
            CmpOp::Ge => "≥",
            CmpOp::Gt => ">",
            CmpOp::Le => "≤",
            CmpOp::Lt => "<",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Lit(Literal),
    Name(String),
    /// `表或别名.列`
    Qualified(String, String),
    Call(Spanned<String>, Vec<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `日期 起 N日`: the last day of the period (legal period rules). The
    /// period is a literal or a period parameter.
    Deadline(Box<Expr>, Box<Expr>),
    /// `A 在 B 起 N日内`: A is no later than the last day of the period.
    Within(Box<Expr>, Box<Expr>, Box<Expr>),
    IsEmpty(Box<Expr>, bool),
    Member(Box<Expr>, Box<Expr>, bool),
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ExampleRow {
    pub table: Spanned<String>,
    pub cells: Vec<(Spanned<String>, Spanned<Literal>)>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ExampleDecl {
    pub title: String,
    pub rows: Vec<ExampleRow>,
    /// (true = 违反, false = 通过, rule ids)
    pub expects: Vec<(bool, Vec<Spanned<String>>)>,
    pub as_of: Option<NaiveDate>,
    pub span: Span,
}
