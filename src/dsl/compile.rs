//! Expression type-checking and compilation: AST [`Expr`] → [`Cx`], with
//! every name bound to a column, joined column, project fact or parameter.

use super::ast::{ArithOp, CmpOp, Expr, ExprKind, Literal};
use super::diagnostics::{LoadError, Sources, did_you_mean};
use crate::model::{Aggregate, Builtin, Cx, Parameter, Ty};
use crate::table::{ColumnType, TableSpec};
use crate::value::{Period, Value};

/// What names an expression can see.
pub struct Scope<'a> {
    pub table: &'a TableSpec,
    /// The joined table and the name it is referred to by (alias or table name).
    pub join: Option<(&'a TableSpec, &'a str)>,
    pub facts: Option<&'a TableSpec>,
    pub params: &'a [Parameter],
    /// Group and whole-table scopes allow aggregates.
    pub aggregates: bool,
}

pub struct Compiler<'s> {
    pub sources: &'s Sources,
    pub errors: Vec<LoadError>,
}

pub fn column_ty(t: &ColumnType) -> Ty {
    match t {
        ColumnType::文本 | ColumnType::枚举(_) => Ty::Text,
        ColumnType::数值 => Ty::Number,
        ColumnType::金额 { .. } => Ty::Amount,
        ColumnType::百分比 => Ty::Percent,
        ColumnType::期间 => Ty::Period,
        ColumnType::日期 => Ty::Date,
        ColumnType::是否 => Ty::Bool,
    }
}

pub fn literal_ty(l: &Literal) -> Ty {
    match l {
        Literal::Amount(_) => Ty::Amount,
        Literal::Percent(_) => Ty::Percent,
        Literal::Period(_) => Ty::Period,
        Literal::Number(_) => Ty::Number,
        Literal::Date(_) => Ty::Date,
        Literal::Text(_) => Ty::Text,
        Literal::Bool(_) => Ty::Bool,
        Literal::Empty => Ty::Empty,
        Literal::Set(items) => {
            Ty::Set(Box::new(items.first().map(literal_ty).unwrap_or(Ty::Empty)))
        }
    }
}

/// A literal as a value; sets are not values (they only appear after 属于).
pub fn literal_value(l: &Literal) -> Value {
    match l {
        Literal::Amount(a) => Value::Amount(*a),
        Literal::Percent(p) => Value::Percent(*p),
        Literal::Period(p) => Value::Period(*p),
        Literal::Number(n) => Value::Number(*n),
        Literal::Date(d) => Value::Date(*d),
        Literal::Text(s) => Value::Text(s.clone()),
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Empty | Literal::Set(_) => Value::Empty,
    }
}

fn aggregate_named(name: &str) -> Option<Aggregate> {
    Some(match name {
        "合计" | "sum" => Aggregate::合计,
        "计数" | "count" => Aggregate::计数,
        "最大" | "max" => Aggregate::最大,
        "最小" | "min" => Aggregate::最小,
        "平均" | "avg" => Aggregate::平均,
        "去重计数" | "count-distinct" => Aggregate::去重计数,
        "一致" | "uniform" => Aggregate::一致,
        _ => return None,
    })
}

fn builtin_named(name: &str) -> Option<Builtin> {
    Some(match name {
        "期限" | "deadline" => Builtin::期限,
        "品目有效" => Builtin::品目有效,
        "品目类别" => Builtin::品目类别,
        "品目归属" => Builtin::品目归属,
        "品目底级" => Builtin::品目底级,
        "信用代码有效" => Builtin::信用代码有效,
        "长度" | "len" => Builtin::长度,
        "包含" | "contains" => Builtin::包含,
        "天数" | "days" => Builtin::天数,
        "单数" | "odd" => Builtin::单数,
        "若" | "if" => Builtin::若,
        _ => return None,
    })
}

const FUNCTION_NAMES: &[&str] = &[
    "合计",
    "计数",
    "最大",
    "最小",
    "平均",
    "去重计数",
    "一致",
    "期限",
    "品目有效",
    "品目类别",
    "品目归属",
    "品目底级",
    "信用代码有效",
    "长度",
    "包含",
    "天数",
    "单数",
    "若",
];

impl Compiler<'_> {
    fn error(&mut self, e: &Expr, message: impl Into<String>, hint: Option<String>) {
        self.errors
            .push(self.sources.error(e.span, message).with_hint(hint));
    }

    /// Compiles a condition: it must be 是/否.
    pub fn condition(&mut self, e: &Expr, sc: &Scope) -> Option<Cx> {
        let (cx, ty) = self.expr(e, sc, false)?;
        if ty != Ty::Bool {
            self.error(
                e,
                format!("这里需要一个条件（是/否），但表达式的类型是{}", ty.name()),
                Some("例如：合同金额 不超过 原合同金额 × 10%".into()),
            );
            return None;
        }
        Some(cx)
    }

    pub fn expr(&mut self, e: &Expr, sc: &Scope, in_agg: bool) -> Option<(Cx, Ty)> {
        match &e.kind {
            ExprKind::Lit(Literal::Set(_)) => {
                self.error(e, "集合只能用在“属于”之后", None);
                None
            }
            ExprKind::Lit(l) => Some((Cx::Const(literal_value(l)), literal_ty(l))),
            ExprKind::Name(n) => self.name(e, n, sc),
            ExprKind::Qualified(a, b) => self.qualified(e, a, b, sc),
            ExprKind::Call(name, args) => self.call(e, &name.node, args, sc, in_agg),
            ExprKind::Arith(op, a, b) => {
                let (ca, ta) = self.expr(a, sc, in_agg)?;
                let (cb, tb) = self.expr(b, sc, in_agg)?;
                let ty = arith_ty(*op, &ta, &tb);
                match ty {
                    Some(t) => Some((Cx::Arith(*op, Box::new(ca), Box::new(cb)), t)),
                    None => {
                        let sym = match op {
                            ArithOp::Add => "+",
                            ArithOp::Sub => "-",
                            ArithOp::Mul => "×",
                            ArithOp::Div => "÷",
                        };
                        self.error(
                            e,
                            format!("{}与{}不能做“{sym}”运算", ta.name(), tb.name()),
                            Some("金额可以乘以百分比或数值；金额与金额相除得到比例".into()),
                        );
                        None
                    }
                }
            }
            ExprKind::Neg(a) => {
                let (c, t) = self.expr(a, sc, in_agg)?;
                if !matches!(t, Ty::Number | Ty::Amount | Ty::Percent) {
                    self.error(e, format!("{}不能取负", t.name()), None);
                    return None;
                }
                Some((Cx::Neg(Box::new(c)), t))
            }
            ExprKind::Not(a) => {
                let c = self.bool_operand(a, sc, in_agg)?;
                Some((Cx::Not(Box::new(c)), Ty::Bool))
            }
            ExprKind::And(parts) | ExprKind::Or(parts) => {
                let mut cs = Vec::new();
                for p in parts {
                    cs.push(self.bool_operand(p, sc, in_agg));
                }
                let cs: Option<Vec<Cx>> = cs.into_iter().collect();
                let cs = cs?;
                Some((
                    if matches!(e.kind, ExprKind::And(_)) {
                        Cx::And(cs)
                    } else {
                        Cx::Or(cs)
                    },
                    Ty::Bool,
                ))
            }
            ExprKind::Cmp(op, a, b) => {
                let (ca, ta) = self.expr(a, sc, in_agg)?;
                let (cb, tb) = self.expr(b, sc, in_agg)?;
                if !comparable(&ta, &tb) {
                    let hint = if (ta == Ty::Amount && tb == Ty::Number)
                        || (ta == Ty::Number && tb == Ty::Amount)
                    {
                        Some("金额请写明单位，如 400万元".to_string())
                    } else {
                        None
                    };
                    self.error(e, format!("{}不能与{}比较", ta.name(), tb.name()), hint);
                    return None;
                }
                if matches!(ta, Ty::Text | Ty::Bool | Ty::Set(_))
                    && !matches!(op, CmpOp::Eq | CmpOp::Ne)
                {
                    self.error(e, format!("{}只能比较相等或不等", ta.name()), None);
                    return None;
                }
                self.check_enum_literal(a, &cb, b, sc);
                self.check_enum_literal(b, &ca, a, sc);
                Some((Cx::Cmp(*op, Box::new(ca), Box::new(cb)), Ty::Bool))
            }
            ExprKind::Deadline(a, period) => {
                let (ca, ta) = self.expr(a, sc, in_agg)?;
                self.expect_ty(a, &ta, Ty::Date, "“起”之前")?;
                let period = self.constant_period(period, sc)?;
                Some((Cx::Deadline(Box::new(ca), period), Ty::Date))
            }
            ExprKind::Within(a, start, period) => {
                let (ca, ta) = self.expr(a, sc, in_agg)?;
                let (cs, ts) = self.expr(start, sc, in_agg)?;
                self.expect_ty(a, &ta, Ty::Date, "“在”之前")?;
                self.expect_ty(start, &ts, Ty::Date, "“起”之前")?;
                let period = self.constant_period(period, sc)?;
                Some((Cx::Within(Box::new(ca), Box::new(cs), period), Ty::Bool))
            }
            ExprKind::IsEmpty(a, negated) => {
                let (ca, _) = self.expr(a, sc, in_agg)?;
                Some((Cx::IsEmpty(Box::new(ca), *negated), Ty::Bool))
            }
            ExprKind::Member(a, set, negated) => {
                let (ca, ta) = self.expr(a, sc, in_agg)?;
                let (values, elem) = self.set_values(set, sc)?;
                if !comparable(&ta, &elem) {
                    self.error(
                        e,
                        format!("{}不能与{}集合比较", ta.name(), elem.name()),
                        None,
                    );
                    return None;
                }
                Some((values.member(ca, *negated), Ty::Bool))
            }
        }
    }

    /// A period after 起: a literal or a period parameter, fixed at load time.
    fn constant_period(&mut self, e: &Expr, sc: &Scope) -> Option<Period> {
        match &e.kind {
            ExprKind::Lit(Literal::Period(p)) => Some(*p),
            ExprKind::Name(n) => match sc.params.iter().find(|p| &p.name == n) {
                Some(Parameter {
                    value: Value::Period(p),
                    ..
                }) => Some(*p),
                Some(p) => {
                    self.error(
                        e,
                        format!("“起”之后应为期间，参数“{n}”是{}", p.ty.name()),
                        None,
                    );
                    None
                }
                None => {
                    let hint = did_you_mean(
                        n,
                        sc.params
                            .iter()
                            .filter(|p| p.ty == Ty::Period)
                            .map(|p| p.name.as_str()),
                    );
                    self.error(
                        e,
                        format!("“起”之后应为期间或期间参数，“{n}”不是参数"),
                        hint,
                    );
                    None
                }
            },
            _ => {
                self.error(e, "“起”之后应为期间，如 30日、3个工作日", None);
                None
            }
        }
    }

    fn bool_operand(&mut self, e: &Expr, sc: &Scope, in_agg: bool) -> Option<Cx> {
        let (c, t) = self.expr(e, sc, in_agg)?;
        if t != Ty::Bool {
            self.error(
                e,
                format!("“且/或/非”的操作数应为条件，这里是{}", t.name()),
                None,
            );
            return None;
        }
        Some(c)
    }

    fn expect_ty(&mut self, e: &Expr, found: &Ty, want: Ty, place: &str) -> Option<()> {
        if *found == want || *found == Ty::Empty {
            Some(())
        } else {
            self.error(
                e,
                format!("{place}应为{}，这里是{}", want.name(), found.name()),
                None,
            );
            None
        }
    }

    /// A set literal or a set parameter.
    fn set_values(&mut self, e: &Expr, sc: &Scope) -> Option<(SetValues, Ty)> {
        match &e.kind {
            ExprKind::Lit(l @ Literal::Set(items)) => {
                let Ty::Set(elem) = literal_ty(l) else {
                    return None;
                };
                Some((
                    SetValues::Listed(items.iter().map(literal_value).collect()),
                    *elem,
                ))
            }
            ExprKind::Name(n) => match sc.params.iter().find(|p| &p.name == n) {
                Some(Parameter {
                    ty: Ty::Set(elem),
                    data,
                    ..
                }) => {
                    let values = match data {
                        Some(d) => SetValues::Data(d.to_string()),
                        None => SetValues::Listed(param_set(sc.params, n)),
                    };
                    Some((values, (**elem).clone()))
                }
                _ => {
                    self.error(
                        e,
                        format!("“{n}”不是集合参数"),
                        Some("集合写作 {\"A\", \"B\"}，或声明为参数".into()),
                    );
                    None
                }
            },
            _ => {
                self.error(e, "“属于”之后应为集合，如 {\"主合同\", \"补充合同\"}", None);
                None
            }
        }
    }

    fn name(&mut self, e: &Expr, n: &str, sc: &Scope) -> Option<(Cx, Ty)> {
        if let Some(i) = sc.table.column_index(n) {
            return Some((Cx::Col(i), column_ty(&sc.table.columns[i].ty)));
        }
        if let Some(p) = sc.params.iter().find(|p| p.name == n) {
            if let Ty::Set(_) = p.ty {
                self.error(
                    e,
                    format!("集合参数“{n}”只能用在“属于”或 品目归属() 中"),
                    None,
                );
                return None;
            }
            if let Some(d) = &p.data {
                return Some((Cx::Data(d.to_string()), p.ty.clone()));
            }
            return Some((Cx::Const(p.value.clone()), p.ty.clone()));
        }
        let mut candidates: Vec<&str> = sc.table.columns.iter().map(|c| c.name.as_str()).collect();
        candidates.extend(sc.params.iter().map(|p| p.name.as_str()));
        let mut hint = did_you_mean(n, candidates.iter().copied());
        if hint.is_none() {
            if let Some((jt, jname)) = sc.join
                && jt.column_index(n).is_some()
            {
                hint = Some(format!("关联表的列请写作 {jname}.{n}"));
            }
            if let Some(f) = sc.facts
                && f.column_index(n).is_some()
            {
                hint = Some(format!("项目信息请写作 {}.{n}", f.name));
            }
        }
        self.error(
            e,
            format!(
                "未知的名称“{n}”：表“{}”没有这一列，也没有这个参数",
                sc.table.name
            ),
            hint,
        );
        None
    }

    fn qualified(&mut self, e: &Expr, a: &str, b: &str, sc: &Scope) -> Option<(Cx, Ty)> {
        let (table, make): (&TableSpec, fn(usize) -> Cx) =
            if let Some((jt, jname)) = sc.join.filter(|(_, jn)| *jn == a) {
                let _ = jname;
                (jt, Cx::JoinCol)
            } else if let Some(f) = sc.facts.filter(|f| f.name == a) {
                (f, Cx::Fact)
            } else if sc.table.name == a {
                (sc.table, Cx::Col)
            } else {
                let mut names = vec![sc.table.name.as_str()];
                if let Some((_, jn)) = sc.join {
                    names.push(jn);
                }
                if let Some(f) = sc.facts {
                    names.push(f.name.as_str());
                }
                self.error(
                    e,
                    format!("未知的表“{a}”：这条规则只能引用 {}", names.join("、")),
                    did_you_mean(a, names.iter().copied()),
                );
                return None;
            };
        match table.column_index(b) {
            Some(i) => Some((make(i), column_ty(&table.columns[i].ty))),
            None => {
                let hint = did_you_mean(b, table.columns.iter().map(|c| c.name.as_str()));
                self.error(e, format!("表“{}”没有列“{b}”", table.name), hint);
                None
            }
        }
    }

    fn call(
        &mut self,
        e: &Expr,
        name: &str,
        args: &[Expr],
        sc: &Scope,
        in_agg: bool,
    ) -> Option<(Cx, Ty)> {
        if let Some(func) = aggregate_named(name) {
            if !sc.aggregates {
                self.error(
                    e,
                    format!("{name}() 只能用于“按 … 分组”或“整表”范围"),
                    Some("每行范围内直接写列名即可".into()),
                );
                return None;
            }
            if in_agg {
                self.error(e, format!("{name}() 不能嵌套在另一个汇总之内"), None);
                return None;
            }
            let label = self.sources.files[e.span.file].text[e.span.start..e.span.end]
                .trim()
                .to_string();
            if func == Aggregate::计数 && args.is_empty() {
                return Some((
                    Cx::Agg {
                        func,
                        arg: None,
                        label,
                    },
                    Ty::Number,
                ));
            }
            if args.len() != 1 {
                self.error(e, format!("{name}() 需要一个参数（列或表达式）"), None);
                return None;
            }
            let (arg, ty) = self.expr(&args[0], sc, true)?;
            if arg.reads_join() {
                self.error(&args[0], "汇总只能作用于本表的列，不能作用于关联表", None);
                return None;
            }
            let result = match func {
                Aggregate::合计 | Aggregate::平均 => {
                    if !matches!(ty, Ty::Amount | Ty::Number | Ty::Percent) {
                        self.error(
                            &args[0],
                            format!("{name}() 只能用于金额、数值或百分比，这里是{}", ty.name()),
                            None,
                        );
                        return None;
                    }
                    ty
                }
                Aggregate::最大 | Aggregate::最小 => ty,
                Aggregate::计数 | Aggregate::去重计数 => Ty::Number,
                Aggregate::一致 => Ty::Bool,
            };
            return Some((
                Cx::Agg {
                    func,
                    arg: Some(Box::new(arg)),
                    label,
                },
                result,
            ));
        }
        let Some(builtin) = builtin_named(name) else {
            self.error(
                e,
                format!("未知的函数“{name}”"),
                did_you_mean(name, FUNCTION_NAMES.iter().copied()),
            );
            return None;
        };
        let want: &[Ty] = match builtin {
            Builtin::期限 => &[Ty::Date, Ty::Period],
            Builtin::品目有效
            | Builtin::品目类别
            | Builtin::品目底级
            | Builtin::信用代码有效
            | Builtin::长度 => &[Ty::Text],
            Builtin::品目归属 => &[Ty::Text, Ty::Set(Box::new(Ty::Text))],
            Builtin::包含 => &[Ty::Text, Ty::Text],
            Builtin::天数 => &[Ty::Date, Ty::Date],
            Builtin::单数 => &[Ty::Number],
            // Ty::Empty: any type; the call takes the value's type.
            Builtin::若 => &[Ty::Bool, Ty::Empty],
        };
        if args.len() != want.len() {
            self.error(
                e,
                format!(
                    "{name}() 需要 {} 个参数，这里有 {} 个",
                    want.len(),
                    args.len()
                ),
                None,
            );
            return None;
        }
        let mut cxs = Vec::new();
        let mut value_ty = Ty::Empty;
        for (arg, w) in args.iter().zip(want) {
            if let Ty::Set(_) = w {
                let (values, elem) = self.set_values(arg, sc)?;
                self.expect_ty(arg, &elem, Ty::Text, &format!("{name}() 的集合元素"))?;
                cxs.push(values.member(Cx::Const(Value::Empty), false));
                continue;
            }
            let (c, t) = self.expr(arg, sc, in_agg)?;
            if *w == Ty::Empty {
                value_ty = t;
            } else {
                self.expect_ty(arg, &t, w.clone(), &format!("{name}() 的参数"))?;
            }
            cxs.push(c);
        }
        let ty = match builtin {
            Builtin::若 => value_ty,
            Builtin::期限 => Ty::Date,
            Builtin::品目类别 => Ty::Text,
            Builtin::长度 | Builtin::天数 => Ty::Number,
            _ => Ty::Bool,
        };
        Some((Cx::Call(builtin, cxs), ty))
    }

    /// `合同类型 = "补充合同"`: the text must be one of the column's values.
    fn check_enum_literal(&mut self, col_expr: &Expr, other: &Cx, other_expr: &Expr, sc: &Scope) {
        let spec_col = match &col_expr.kind {
            ExprKind::Name(n) => sc.table.column_index(n).map(|i| &sc.table.columns[i]),
            ExprKind::Qualified(a, b) => {
                let t = if sc.join.is_some_and(|(_, jn)| jn == a) {
                    sc.join.map(|(t, _)| t)
                } else if sc.facts.is_some_and(|f| &f.name == a) {
                    sc.facts
                } else {
                    Some(sc.table)
                };
                t.and_then(|t| t.column_index(b).map(|i| &t.columns[i]))
            }
            _ => None,
        };
        let (Some(col), Cx::Const(Value::Text(text))) = (spec_col, other) else {
            return;
        };
        if let ColumnType::枚举(values) = &col.ty
            && !values.iter().any(|v| v == text)
        {
            let hint = did_you_mean(text, values.iter().map(String::as_str))
                .or_else(|| Some(format!("可选值：{}", values.join("、"))));
            self.error(
                other_expr,
                format!("“{text}”不是列“{}”的可选值", col.name),
                hint,
            );
        }
    }
}

/// The elements of a set: listed in the rules, or reference data looked up
/// on the check date.
enum SetValues {
    Listed(Vec<Value>),
    Data(String),
}

impl SetValues {
    fn member(self, of: Cx, negated: bool) -> Cx {
        match self {
            SetValues::Listed(v) => Cx::Member(Box::new(of), v, negated),
            SetValues::Data(name) => Cx::MemberData(Box::new(of), name, negated),
        }
    }
}

/// The elements of a set parameter (stored on the parameter as its note-free value list).
fn param_set(params: &[Parameter], name: &str) -> Vec<Value> {
    params
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.set.clone())
        .unwrap_or_default()
}

pub fn comparable(a: &Ty, b: &Ty) -> bool {
    a == b
        || *a == Ty::Empty
        || *b == Ty::Empty
        || matches!(
            (a, b),
            (Ty::Number, Ty::Percent) | (Ty::Percent, Ty::Number)
        )
}

pub fn arith_ty(op: ArithOp, a: &Ty, b: &Ty) -> Option<Ty> {
    use Ty::*;
    match (op, a, b) {
        (ArithOp::Add | ArithOp::Sub, Amount, Amount) => Some(Amount),
        (ArithOp::Add | ArithOp::Sub, Number, Number) => Some(Number),
        (ArithOp::Add | ArithOp::Sub, Percent, Percent) => Some(Percent),
        (ArithOp::Sub, Date, Date) => Some(Number),
        (ArithOp::Mul, Amount, Percent | Number) | (ArithOp::Mul, Percent | Number, Amount) => {
            Some(Amount)
        }
        (ArithOp::Mul, Number, Number) => Some(Number),
        (ArithOp::Mul, Number, Percent) | (ArithOp::Mul, Percent, Number) => Some(Number),
        (ArithOp::Div, Amount, Amount) | (ArithOp::Div, Number, Number) => Some(Number),
        (ArithOp::Div, Amount, Number) => Some(Amount),
        _ => None,
    }
}
