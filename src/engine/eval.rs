//! Evaluation of compiled expressions. A blank operand makes a comparison
//! unknown (`Value::Empty`), not false: a rule whose requirement is unknown
//! reports nothing (missing cells are the table checks' business).

use crate::calendar::{Calendar, CalendarError};
use crate::dsl::ast::{ArithOp, CmpOp};
use crate::model::{Aggregate, Builtin, Cx};
use crate::refdata::ResolvedData;
use crate::table::Row;
use crate::value::codes::{Catalog, credit_code_valid, 品目类别};
use crate::value::{Amount, Percent, Value, normalize_text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::cmp::Ordering;

/// What evaluation needs besides the rows.
pub struct Env<'a> {
    pub calendar: &'a Calendar,
    pub catalog: &'a Catalog,
    /// The reference data the rules name, as in force on the check date.
    pub data: ResolvedData,
}

/// The rows an expression sees.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub row: Option<&'a Row>,
    pub group: &'a [&'a Row],
    pub joined: Option<&'a Row>,
    pub facts: Option<&'a Row>,
    /// Aggregates already computed for this group: evaluating a rule once
    /// per row must not recompute them per row (that is quadratic).
    pub aggregates: &'a AggregateCache,
}

/// Values of a group's aggregate nodes, keyed by node identity.
#[derive(Debug, Default)]
pub struct AggregateCache(Vec<(*const Cx, Value)>);

impl AggregateCache {
    pub const EMPTY: AggregateCache = AggregateCache(Vec::new());

    /// Computes every aggregate in `exprs` over `frame.group`.
    pub fn compute<'c>(
        exprs: impl IntoIterator<Item = &'c Cx>,
        frame: Frame,
        env: &Env,
    ) -> AggregateCache {
        let mut nodes: Vec<&Cx> = Vec::new();
        for e in exprs {
            e.walk(&mut |c| {
                if matches!(c, Cx::Agg { .. }) {
                    nodes.push(c);
                }
            });
        }
        let mut cache = AggregateCache(Vec::with_capacity(nodes.len()));
        for node in nodes {
            // A calendar error inside an aggregate is left for the per-row
            // evaluation to report.
            if let Ok(v) = eval(node, frame, env) {
                cache.0.push((node as *const Cx, v.into_owned()));
            }
        }
        cache
    }

    fn get(&self, node: &Cx) -> Option<&Value> {
        self.0
            .iter()
            .find(|(p, _)| std::ptr::eq(*p, node))
            .map(|(_, v)| v)
    }
}

/// Why a value could not be computed; the rule's verdict is then unknown
/// and says why.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A sum, difference or product of uploaded values beyond what an
    /// exact decimal holds (about 7.9 × 10^28).
    #[error("数值过大，{0}超出可精确计算的范围（约 7.9×10^28），无法计算")]
    Overflow(&'static str),
}

pub type EvalResult<'a> = Result<Cow<'a, Value>, EvalError>;

static EMPTY: Value = Value::Empty;

pub fn eval<'a>(cx: &'a Cx, f: Frame<'a>, env: &Env) -> EvalResult<'a> {
    Ok(match cx {
        Cx::Const(v) => Cow::Borrowed(v),
        Cx::Col(i) => Cow::Borrowed(f.row.and_then(|r| r.values.get(*i)).unwrap_or(&EMPTY)),
        Cx::JoinCol(i) => Cow::Borrowed(f.joined.and_then(|r| r.values.get(*i)).unwrap_or(&EMPTY)),
        Cx::Fact(i) => Cow::Borrowed(f.facts.and_then(|r| r.values.get(*i)).unwrap_or(&EMPTY)),
        Cx::Agg { func, arg, .. } => match f.aggregates.get(cx) {
            Some(v) => Cow::Borrowed(v),
            None => Cow::Owned(aggregate(*func, arg.as_deref(), f, env)?),
        },
        Cx::Arith(op, a, b) => {
            let a = eval(a, f, env)?;
            let b = eval(b, f, env)?;
            Cow::Owned(arith(*op, &a, &b)?)
        }
        // Negating a Decimal never overflows (the range is symmetric).
        Cx::Neg(a) => Cow::Owned(match eval(a, f, env)?.as_ref() {
            Value::Number(n) => Value::Number(-n),
            Value::Amount(a) => Value::Amount(Amount::from_yuan(-a.yuan())),
            Value::Percent(p) => Value::Percent(Percent::from_points(-p.points())),
            _ => Value::Empty,
        }),
        Cx::Cmp(op, a, b) => {
            let a = eval(a, f, env)?;
            let b = eval(b, f, env)?;
            Cow::Owned(truth(compare(&a, &b).map(|o| holds(*op, o))))
        }
        Cx::And(parts) => {
            let mut unknown = false;
            for p in parts {
                match eval(p, f, env)?.as_ref() {
                    Value::Bool(false) => return Ok(Cow::Owned(Value::Bool(false))),
                    Value::Bool(true) => {}
                    _ => unknown = true,
                }
            }
            Cow::Owned(if unknown {
                Value::Empty
            } else {
                Value::Bool(true)
            })
        }
        Cx::Or(parts) => {
            let mut unknown = false;
            for p in parts {
                match eval(p, f, env)?.as_ref() {
                    Value::Bool(true) => return Ok(Cow::Owned(Value::Bool(true))),
                    Value::Bool(false) => {}
                    _ => unknown = true,
                }
            }
            Cow::Owned(if unknown {
                Value::Empty
            } else {
                Value::Bool(false)
            })
        }
        Cx::Not(a) => Cow::Owned(match eval(a, f, env)?.as_ref() {
            Value::Bool(b) => Value::Bool(!b),
            _ => Value::Empty,
        }),
        Cx::IsEmpty(a, negated) => {
            let v = eval(a, f, env)?;
            let empty = is_blank(&v);
            Cow::Owned(Value::Bool(empty != *negated))
        }
        Cx::Member(a, set, negated) => Cow::Owned(member(&*eval(a, f, env)?, set, *negated)),
        Cx::MemberData(a, name, negated) => {
            let v = eval(a, f, env)?;
            Cow::Owned(member(&v, env.data.codes(name)?, *negated))
        }
        Cx::Data(name) => Cow::Owned(env.data.value(name)?),
        Cx::Deadline(a, period) => match eval(a, f, env)?.as_ref() {
            Value::Date(d) => Cow::Owned(Value::Date(env.calendar.deadline(*d, *period)?)),
            _ => Cow::Owned(Value::Empty),
        },
        Cx::Within(a, start, period) => {
            let a = eval(a, f, env)?;
            let s = eval(start, f, env)?;
            match (a.as_ref(), s.as_ref()) {
                // A period runs forward from its start: a date before the
                // start is not within it, whatever the calendar says.
                (Value::Date(a), Value::Date(s)) if a < s => Cow::Owned(Value::Bool(false)),
                (Value::Date(a), Value::Date(s)) => {
                    Cow::Owned(Value::Bool(env.calendar.within(*s, *period, *a)?))
                }
                _ => Cow::Owned(Value::Empty),
            }
        }
        Cx::Call(func, args) => Cow::Owned(builtin(*func, args, f, env)?),
    })
}

/// The first `在 B 起 N日内` in `cx` whose date lies before its start:
/// (date, start). Such a date is a finding of its own kind (an act dated
/// before what it must follow), named as such in the message.
pub fn date_before_start(cx: &Cx, f: Frame, env: &Env) -> Option<(NaiveDate, NaiveDate)> {
    let mut found = None;
    cx.walk(&mut |c| {
        if found.is_some() {
            return;
        }
        if let Cx::Within(a, start, _) = c
            && let (Ok(a), Ok(s)) = (eval(a, f, env), eval(start, f, env))
            && let (Value::Date(a), Value::Date(s)) = (a.as_ref(), s.as_ref())
            && a < s
        {
            found = Some((*a, *s));
        }
    });
    found
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Empty => true,
        Value::Text(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn truth(b: Option<bool>) -> Value {
    b.map_or(Value::Empty, Value::Bool)
}

pub fn holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Ge => o != Ordering::Less,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Lt => o == Ordering::Less,
    }
}

/// Orders two values of comparable kinds; `None` when either is blank or
/// they cannot be compared (e.g. 日 with 个月).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Amount(x), Value::Amount(y)) => Some(x.cmp(y)),
        (Value::Number(x), Value::Number(y)) => Some(x.cmp(y)),
        (Value::Percent(x), Value::Percent(y)) => Some(x.cmp(y)),
        (Value::Number(x), Value::Percent(y)) => Some(x.cmp(&y.fraction())),
        (Value::Percent(x), Value::Number(y)) => Some(x.fraction().cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Period(x), Value::Period(y)) => x.partial_cmp_legal(*y),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Text(x), Value::Text(y)) => {
            if x == y {
                Some(Ordering::Equal)
            } else {
                Some(normalize_text(x).cmp(&normalize_text(y)))
            }
        }
        _ => None,
    }
}

/// `a op b`; `Ok(Empty)` when the kinds do not combine or a divisor is
/// zero, an error when the exact result does not fit.
fn arith(op: ArithOp, a: &Value, b: &Value) -> Result<Value, EvalError> {
    use Value::*;
    let amount = |v: Option<Decimal>| v.map(|v| Amount(crate::value::Amount::from_yuan(v)));
    let percent = |v: Option<Decimal>| v.map(|v| Percent(crate::value::Percent::from_points(v)));
    if op == ArithOp::Div {
        let div = |x: Decimal, y: Decimal| if y.is_zero() { None } else { x.checked_div(y) };
        return Ok(match (a, b) {
            (Amount(x), Amount(y)) => div(x.yuan(), y.yuan()).map(Number),
            (Number(x), Number(y)) => div(*x, *y).map(Number),
            (Amount(x), Number(y)) => amount(div(x.yuan(), *y)),
            _ => None,
        }
        .unwrap_or(Empty));
    }
    let r = match (op, a, b) {
        (ArithOp::Add, Amount(x), Amount(y)) => amount(x.yuan().checked_add(y.yuan())),
        (ArithOp::Sub, Amount(x), Amount(y)) => amount(x.yuan().checked_sub(y.yuan())),
        (ArithOp::Add, Number(x), Number(y)) => x.checked_add(*y).map(Number),
        (ArithOp::Sub, Number(x), Number(y)) => x.checked_sub(*y).map(Number),
        (ArithOp::Add, Percent(x), Percent(y)) => percent(x.points().checked_add(y.points())),
        (ArithOp::Sub, Percent(x), Percent(y)) => percent(x.points().checked_sub(y.points())),
        (ArithOp::Sub, Date(x), Date(y)) => Some(Number(Decimal::from((*x - *y).num_days()))),
        (ArithOp::Mul, Amount(x), Percent(p)) | (ArithOp::Mul, Percent(p), Amount(x)) => {
            amount(x.yuan().checked_mul(p.fraction()))
        }
        (ArithOp::Mul, Amount(x), Number(n)) | (ArithOp::Mul, Number(n), Amount(x)) => {
            amount(x.yuan().checked_mul(*n))
        }
        (ArithOp::Mul, Number(x), Number(y)) => x.checked_mul(*y).map(Number),
        (ArithOp::Mul, Number(x), Percent(p)) | (ArithOp::Mul, Percent(p), Number(x)) => {
            x.checked_mul(p.fraction()).map(Number)
        }
        _ => return Ok(Empty),
    };
    r.ok_or(EvalError::Overflow(match op {
        ArithOp::Add => "相加的结果",
        ArithOp::Sub => "相减的结果",
        _ => "相乘的结果",
    }))
}

fn aggregate(func: Aggregate, arg: Option<&Cx>, f: Frame, env: &Env) -> Result<Value, EvalError> {
    let Some(arg) = arg else {
        return Ok(Value::Number(Decimal::from(f.group.len())));
    };
    let mut values: Vec<Value> = Vec::with_capacity(f.group.len());
    for row in f.group {
        let frame = Frame {
            row: Some(row),
            ..f
        };
        let v = eval(arg, frame, env)?;
        // 计数(条件) counts the rows where the condition holds.
        let counts =
            !(is_blank(&v) || func == Aggregate::计数 && matches!(v.as_ref(), Value::Bool(false)));
        if counts {
            values.push(v.into_owned());
        }
    }
    Ok(match func {
        Aggregate::计数 => Value::Number(Decimal::from(values.len())),
        Aggregate::合计 => sum(&values)?,
        Aggregate::平均 => {
            let n = Decimal::from(values.len());
            // Dividing by a count of at least 1 cannot overflow.
            let mean = |x: Decimal| x.checked_div(n);
            match sum(&values)? {
                Value::Amount(a) => mean(a.yuan()).map(|v| Value::Amount(Amount::from_yuan(v))),
                Value::Number(x) => mean(x).map(Value::Number),
                Value::Percent(p) => {
                    mean(p.points()).map(|v| Value::Percent(Percent::from_points(v)))
                }
                _ => None,
            }
            .unwrap_or(Value::Empty)
        }
        Aggregate::最大 | Aggregate::最小 => {
            let want = if func == Aggregate::最大 {
                Ordering::Greater
            } else {
                Ordering::Less
            };
            values
                .into_iter()
                .reduce(|best, v| {
                    if compare(&v, &best) == Some(want) {
                        v
                    } else {
                        best
                    }
                })
                .unwrap_or(Value::Empty)
        }
        Aggregate::去重计数 => {
            let mut seen: Vec<String> = values
                .iter()
                .map(|v| crate::value::key_text(&v.canonical()).into_owned())
                .collect();
            seen.sort();
            seen.dedup();
            Value::Number(Decimal::from(seen.len()))
        }
        Aggregate::一致 => {
            let first = values.first();
            Value::Bool(
                values
                    .iter()
                    .all(|v| first.is_none_or(|x| compare(x, v) == Some(Ordering::Equal))),
            )
        }
    })
}

fn sum(values: &[Value]) -> Result<Value, EvalError> {
    let mut acc: Option<Value> = None;
    for v in values {
        acc = Some(match acc {
            None => v.clone(),
            Some(a) => arith(ArithOp::Add, &a, v)?,
        });
    }
    Ok(acc.unwrap_or(Value::Empty))
}

/// The value as text, borrowed when it already is text (this runs per row).
fn text_of(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::Empty => None,
        Value::Text(s) => Some(Cow::Borrowed(s.as_str())),
        other => Some(Cow::Owned(other.display())),
    }
}

fn builtin(func: Builtin, args: &[Cx], f: Frame, env: &Env) -> Result<Value, EvalError> {
    let arg = |i: usize| eval(&args[i], f, env);
    Ok(match func {
        Builtin::期限 => match (&*arg(0)?, &*arg(1)?) {
            (Value::Date(d), Value::Period(p)) => Value::Date(env.calendar.deadline(*d, *p)?),
            _ => Value::Empty,
        },
        Builtin::品目有效 => {
            text_of(&*arg(0)?).map_or(Value::Empty, |t| Value::Bool(env.catalog.get(&t).is_some()))
        }
        Builtin::品目类别 => {
            text_of(&*arg(0)?)
                .and_then(|t| env.catalog.get(&t))
                .map_or(Value::Empty, |e| {
                    Value::Text(
                        match e.category {
                            品目类别::货物 => "货物",
                            品目类别::工程 => "工程",
                            品目类别::服务 => "服务",
                        }
                        .to_string(),
                    )
                })
        }
        Builtin::品目归属 => {
            let first = arg(0)?;
            let Some(code) = text_of(&first) else {
                return Ok(Value::Empty);
            };
            let set = match &args[1] {
                Cx::Member(_, set, _) => set.as_slice(),
                Cx::MemberData(_, name, _) => env.data.codes(name)?,
                _ => return Ok(Value::Empty),
            };
            let Some(entry) = env.catalog.get(&code) else {
                return Ok(Value::Bool(false));
            };
            // Walk up the catalogue: a code belongs to any of its ancestors.
            let mut cur = Some(entry);
            let mut found = false;
            while let Some(e) = cur {
                if set.iter().any(
                    |s| matches!(s, Value::Text(t) if *t == e.code || normalize_text(t) == e.code),
                ) {
                    found = true;
                    break;
                }
                cur = e.parent.as_deref().and_then(|p| env.catalog.get(p));
            }
            Value::Bool(found)
        }
        // A code outside the catalogue is not a 底级品目 either.
        Builtin::品目底级 => text_of(&*arg(0)?).map_or(Value::Empty, |t| {
            Value::Bool(env.catalog.is_leaf(&t).unwrap_or(false))
        }),
        Builtin::信用代码有效 => {
            text_of(&*arg(0)?).map_or(Value::Empty, |t| Value::Bool(credit_code_valid(&t)))
        }
        Builtin::长度 => text_of(&*arg(0)?).map_or(Value::Empty, |t| {
            Value::Number(Decimal::from(t.chars().count()))
        }),
        Builtin::包含 => match (text_of(&*arg(0)?), text_of(&*arg(1)?)) {
            (Some(a), Some(b)) => Value::Bool(normalize_text(&a).contains(&normalize_text(&b))),
            _ => Value::Empty,
        },
        Builtin::若 => match &*arg(0)? {
            Value::Bool(true) => arg(1)?.into_owned(),
            _ => Value::Empty,
        },
        Builtin::天数 => match (&*arg(0)?, &*arg(1)?) {
            (Value::Date(a), Value::Date(b)) => Value::Number(Decimal::from((*b - *a).num_days())),
            _ => Value::Empty,
        },
        // 5.0 is odd, 5.5 is not a whole number of people at all.
        Builtin::单数 => match &*arg(0)? {
            Value::Number(n) => Value::Bool(n.fract().is_zero() && !(n % Decimal::TWO).is_zero()),
            _ => Value::Empty,
        },
    })
}

/// Whether `v` is in `set`; unknown for a blank value.
fn member(v: &Value, set: &[Value], negated: bool) -> Value {
    if is_blank(v) {
        return Value::Empty;
    }
    let found = set.iter().any(|s| compare(v, s) == Some(Ordering::Equal));
    Value::Bool(found != negated)
}
