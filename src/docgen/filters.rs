//! Domain filters and functions for templates (tera names are ASCII):
//!
//! | filter / function | result |
//! |---|---|
//! | `x \| yuan` | "1,200,000.00元" (`unit=false`: without 元) |
//! | `x \| wan` | "120.00万元" (`unit=false`; `dp=N` rounds 四舍五入) |
//! | `x \| daxie` | 人民币大写 "壹佰贰拾万元整" (四舍五入 to 分) |
//! | `d \| date_cn` | "2025年7月1日" |
//! | `d \| deadline(period="30日")` | the last day (ISO) of a legal period after `d`: starts the next day, moved past holidays; `工作日` counts the State Council calendar with 调休 |
//! | `code \| pinmu` | the 品目 name from the 2022 catalogue |
//! | `list \| total(field="budget")` | exact sum of a field: an amount ("…元") or a number |
//! | `list \| max_len(field="configs")` | the longest list among the items |
//! | `list \| pluck(field="item")` | the field of each item (`\| unique` to dedupe) |
//! | `list \| groups(field="item")` | `[{key, items}]` in order of first appearance |
//! | `n \| num` | "12,345" |
//! | `a \| exceeds(than=b)` | whether amount `a` is more than amount `b` (exact) |
//! | `param(name="合同签订期限")` | a parameter of the applied rule set ("30日") |
//!
//! Every failure is a Chinese message naming the value.

use super::format;
use crate::calendar::Calendar;
use crate::value::codes::Catalog;
use crate::value::{Amount, AmountUnit, Period, format_date_cn, parse_date};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use tera::{Error, Kwargs, State, Tera, Value};

/// What the filters need from the rule library.
#[derive(Clone)]
pub struct FilterEnv {
    pub calendar: Arc<Calendar>,
    pub catalog: &'static Catalog,
    /// Parameter name → displayed value, from the applied rule set.
    pub params: Arc<HashMap<String, String>>,
}

pub fn register(tera: &mut Tera, env: &FilterEnv) {
    tera.register_filter("yuan", yuan);
    tera.register_filter("wan", wan);
    tera.register_filter("daxie", daxie);
    tera.register_filter("date_cn", date_cn);
    tera.register_filter("num", num);
    tera.register_filter("total", total);
    tera.register_filter("max_len", max_len);
    tera.register_filter("pluck", pluck);
    tera.register_filter("exceeds", exceeds);
    tera.register_filter("groups", groups);
    let cal = env.calendar.clone();
    tera.register_filter(
        "deadline",
        move |v: Value, kw: Kwargs, _: &State| -> Result<String, Error> { deadline(&cal, &v, &kw) },
    );
    let catalog = env.catalog;
    tera.register_filter(
        "pinmu",
        move |v: Value, _: Kwargs, _: &State| -> Result<String, Error> {
            let code = text_of(&v);
            catalog.get(&code).map(|e| e.name.clone()).ok_or_else(|| {
                Error::message(format!("品目编码“{code}”不在《政府采购品目分类目录》中"))
            })
        },
    );
    let params = env.params.clone();
    tera.register_function(
        "param",
        move |kw: Kwargs, _: &State| -> Result<String, Error> {
            let name: &str = kw.must_get("name")?;
            params
                .get(name)
                .cloned()
                .ok_or_else(|| Error::message(format!("规则集中没有参数“{name}”")))
        },
    );
}

fn text_of(v: &Value) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None => v.to_string(),
    }
}

/// An amount from a context value: "1,200,000.00元", "120万元", or a bare
/// number read in `unit`.
fn amount(v: &Value, unit: AmountUnit) -> Result<Amount, Error> {
    if let Some(n) = v.as_number() {
        let d = if let Some(i) = n.as_integer() {
            Decimal::try_from_i128_with_scale(i, 0)
                .map_err(|_| Error::message(format!("“{v}”超出金额的取值范围")))?
        } else {
            Decimal::from_str(&v.to_string())
                .map_err(|_| Error::message(format!("“{v}”不是金额")))?
        };
        return Ok(Amount::from_unit(d, unit));
    }
    let s = text_of(v);
    if v.is_none() || v.is_undefined() {
        return Err(Error::message("金额为空（该字段未填写）"));
    }
    Amount::parse_cell(&s, unit).map_err(|e| Error::message(e.to_string()))
}

fn flag(kw: &Kwargs, name: &str, default: bool) -> Result<bool, Error> {
    Ok(kw.get::<bool>(name)?.unwrap_or(default))
}

fn yuan(v: Value, kw: Kwargs, _: &State) -> Result<String, Error> {
    let a = amount(&v, AmountUnit::元)?;
    let s = format::amount_in(a, AmountUnit::元);
    Ok(if flag(&kw, "unit", true)? {
        format!("{s}元")
    } else {
        s
    })
}

fn wan(v: Value, kw: Kwargs, _: &State) -> Result<String, Error> {
    let a = amount(&v, AmountUnit::元)?;
    let s = match kw.get::<u32>("dp")? {
        Some(dp) => format::rounded(a.in_unit(AmountUnit::万元), dp.min(10)),
        None => format::amount_in(a, AmountUnit::万元),
    };
    Ok(if flag(&kw, "unit", true)? {
        format!("{s}万元")
    } else {
        s
    })
}

fn daxie(v: Value, _: Kwargs, _: &State) -> Result<String, Error> {
    format::daxie(amount(&v, AmountUnit::元)?).map_err(Error::message)
}

fn date_of(v: &Value) -> Result<chrono::NaiveDate, Error> {
    if v.is_none() || v.is_undefined() {
        return Err(Error::message("日期为空（该字段未填写）"));
    }
    parse_date(&text_of(v)).map_err(|e| Error::message(e.to_string()))
}

fn date_cn(v: Value, _: Kwargs, _: &State) -> Result<String, Error> {
    Ok(format_date_cn(date_of(&v)?))
}

fn deadline(cal: &Calendar, v: &Value, kw: &Kwargs) -> Result<String, Error> {
    let start = date_of(v)?;
    let p: &str = kw.must_get("period")?;
    let period = Period::parse(p).map_err(|e| Error::message(e.to_string()))?;
    let last = cal
        .deadline(start, period)
        .map_err(|e| Error::message(e.to_string()))?;
    Ok(last.format("%Y-%m-%d").to_string())
}

fn num(v: Value, _: Kwargs, _: &State) -> Result<String, Error> {
    let d = decimal_of(&v).ok_or_else(|| Error::message(format!("“{v}”不是数值")))?;
    Ok(format::decimal(d, 0))
}

fn decimal_of(v: &Value) -> Option<Decimal> {
    if let Some(n) = v.as_number() {
        return match n.as_integer() {
            Some(i) => Decimal::try_from_i128_with_scale(i, 0).ok(),
            None => Decimal::from_str(&v.to_string()).ok(),
        };
    }
    let s = crate::value::normalize_text(v.as_str()?).replace(',', "");
    Decimal::from_str(&s).ok()
}

/// Exact sum of `field` over a list of records. Numbers sum as numbers;
/// anything else is read as an amount and the sum is an amount.
fn total(v: &[Value], kw: Kwargs, _: &State) -> Result<Value, Error> {
    let field: &str = kw.must_get("field")?;
    let mut numbers = Decimal::ZERO;
    let mut money = Amount::ZERO;
    let mut any_money = false;
    for (i, item) in v.iter().enumerate() {
        let x = item.get_from_path(field).cloned().unwrap_or(Value::none());
        if x.is_none() || x.is_undefined() {
            continue;
        }
        if x.as_number().is_some() {
            numbers = numbers
                .checked_add(decimal_of(&x).unwrap_or_default())
                .ok_or_else(|| Error::message("合计溢出"))?;
        } else {
            any_money = true;
            money = money
                .checked_add(
                    amount(&x, AmountUnit::元)
                        .map_err(|e| Error::message(format!("第{}项的 {field}：{e}", i + 1)))?,
                )
                .ok_or_else(|| Error::message("合计溢出"))?;
        }
    }
    Ok(if any_money {
        let sum = money
            .yuan()
            .checked_add(numbers)
            .ok_or_else(|| Error::message("合计溢出"))?;
        Value::from(Amount::from_yuan(sum).to_string())
    } else if numbers.fract().is_zero() {
        numbers
            .to_i64()
            .map(Value::from)
            .unwrap_or_else(|| Value::from(numbers.to_string()))
    } else {
        Value::from(numbers.to_f64().unwrap_or(0.0))
    })
}

fn max_len(v: &[Value], kw: Kwargs, _: &State) -> Result<usize, Error> {
    let field: &str = kw.must_get("field")?;
    Ok(v.iter()
        .filter_map(|item| item.get_from_path(field).and_then(Value::len))
        .max()
        .unwrap_or(0))
}

fn exceeds(v: Value, kw: Kwargs, _: &State) -> Result<bool, Error> {
    let than: Value = kw.must_get("than")?;
    Ok(amount(&v, AmountUnit::元)? > amount(&than, AmountUnit::元)?)
}

fn pluck(v: &[Value], kw: Kwargs, _: &State) -> Result<Vec<Value>, Error> {
    let field: &str = kw.must_get("field")?;
    Ok(v.iter()
        .map(|item| item.get_from_path(field).cloned().unwrap_or(Value::none()))
        .collect())
}

/// Items grouped by a field, groups in order of first appearance (tera's
/// own `group_by` returns a map whose order is not the data's).
fn groups(v: &[Value], kw: Kwargs, _: &State) -> Result<Vec<Value>, Error> {
    let field: &str = kw.must_get("field")?;
    let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
    for item in v {
        let key = item.get_from_path(field).cloned().unwrap_or(Value::none());
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(item.clone()),
            None => out.push((key, vec![item.clone()])),
        }
    }
    Ok(out
        .into_iter()
        .map(|(k, items)| {
            let mut m = tera::Map::new();
            m.insert("key".into(), k);
            m.insert("items".into(), Value::from(items));
            Value::from(m)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(tpl: &str, ctx: &Context) -> Result<String, String> {
        let mut tera = Tera::new();
        register(
            &mut tera,
            &FilterEnv {
                calendar: Arc::new(Calendar::embedded().clone()),
                catalog: Catalog::embedded(),
                params: Arc::new(HashMap::from([(
                    "合同签订期限".to_string(),
                    "30日".to_string(),
                )])),
            },
        );
        tera.add_raw_template("t", tpl).map_err(|e| e.to_string())?;
        tera.render("t", ctx).map_err(|e| {
            let mut s = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(x) = src {
                s.push_str(" / ");
                s.push_str(&x.to_string());
                src = x.source();
            }
            s
        })
    }

    #[test]
    fn money_and_dates() {
        let mut c = Context::new();
        c.insert("a", "1,200,000.00元");
        c.insert("b", &1205000);
        c.insert("d", "2025-09-01");
        c.insert("code", "A02010105");
        let out = render(
            "{{ a | yuan }}|{{ a | wan }}|{{ b | wan(unit=false) }}|{{ a | daxie }}|{{ d | date_cn }}|{{ d | deadline(period=param(name=\"合同签订期限\")) | date_cn }}|{{ d | deadline(period=\"7个工作日\") }}|{{ code | pinmu }}|{{ 1234567 | num }}|{{ \"12.345万元\" | wan(dp=2) }}",
            &c,
        )
        .unwrap();
        assert_eq!(
            out,
            "1,200,000.00元|120.00万元|120.50|壹佰贰拾万元整|2025年9月1日|2025年10月9日|2025-09-10|台式计算机|1,234,567|12.35万元"
        );
    }

    #[test]
    fn totals_are_exact() {
        let mut c = Context::new();
        c.insert(
            "rows",
            &vec![
                HashMap::from([("m", "0.10元"), ("n", "1")]),
                HashMap::from([("m", "0.20元"), ("n", "2")]),
            ],
        );
        c.insert(
            "nums",
            &vec![HashMap::from([("q", 3)]), HashMap::from([("q", 4)])],
        );
        let out = render(
            "{{ rows | total(field=\"m\") }}|{{ nums | total(field=\"q\") }}|{{ rows | total(field=\"m\") | daxie }}",
            &c,
        )
        .unwrap();
        assert_eq!(out, "0.30元|7|叁角");
        let out = render(
            "{% for g in rows | groups(field=\"n\") %}{{ g.key }}:{{ g.items | length }};{% endfor %}{{ rows | pluck(field=\"n\") | join(sep=\",\") }}",
            &c,
        )
        .unwrap();
        assert_eq!(out, "1:1;2:1;1,2");
    }

    #[test]
    fn errors_are_chinese() {
        let mut c = Context::new();
        c.insert("d", "2031-01-05");
        let e = render("{{ d | deadline(period=\"30日\") }}", &c).unwrap_err();
        assert!(e.contains("节假日日历未收录2031年"), "{e}");
        let e = render("{{ \"A99\" | pinmu }}", &c).unwrap_err();
        assert!(e.contains("不在《政府采购品目分类目录》"), "{e}");
        let e = render("{{ param(name=\"无此参数\") }}", &c).unwrap_err();
        assert!(e.contains("没有参数"), "{e}");
    }
}
