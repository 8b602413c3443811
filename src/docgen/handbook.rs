//! The `rs` context for the rules handbook (规则手册): a rule set as of a
//! date, with every parameter and every rule in force, each with its
//! citations and original text.

use crate::citation::Citation;
use crate::model::RuleBook;
use crate::model::{Mode, RuleSet};
use chrono::NaiveDate;
use tera::{Map, Value};

fn map<const N: usize>(pairs: [(&'static str, Value); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.into(), v);
    }
    Value::from(m)
}

fn date(d: Option<NaiveDate>) -> Value {
    d.map(|d| Value::from(d.format("%Y-%m-%d").to_string()))
        .unwrap_or(Value::none())
}

fn citations(cs: &[Citation]) -> Value {
    Value::from(
        cs.iter()
            .map(|c| {
                map([
                    ("document", Value::from(c.document.as_str())),
                    ("title", Value::from(c.title.as_str())),
                    ("article", Value::from(c.article.as_str())),
                    ("text", Value::from(c.text.as_str())),
                ])
            })
            .collect::<Vec<_>>(),
    )
}

/// The rule set as the handbook template sees it.
pub fn context(book: &RuleBook, set: &RuleSet, as_of: NaiveDate) -> Value {
    let in_force =
        set.effective.is_none_or(|e| e <= as_of) && set.expires.is_none_or(|x| as_of < x);
    let params: Vec<Value> = set
        .params
        .iter()
        .map(|p| {
            let value = p.display_value();
            map([
                ("name", Value::from(p.name.as_str())),
                ("value", Value::from(value)),
                ("type", Value::from(p.ty.name())),
                (
                    "note",
                    p.note.as_deref().map(Value::from).unwrap_or(Value::none()),
                ),
                ("defined_in", Value::from(p.defined_in.as_str())),
                (
                    "overrides",
                    p.overrides
                        .as_deref()
                        .map(Value::from)
                        .unwrap_or(Value::none()),
                ),
                ("citations", citations(&p.citations)),
            ])
        })
        .collect();
    let rules: Vec<Value> = set
        .rules
        .iter()
        .filter(|r| r.active_on(as_of))
        .map(|r| {
            let table = book
                .tables
                .get(r.table)
                .map(|t| t.name.as_str())
                .unwrap_or("");
            let scope = match &r.mode {
                Mode::EachRow => format!("{table} 每行"),
                Mode::Whole => format!("{table} 整表"),
                Mode::Group(keys) => {
                    let names: Vec<&str> = keys
                        .iter()
                        .filter_map(|k| book.tables.get(r.table)?.columns.get(*k))
                        .map(|c| c.name.as_str())
                        .collect();
                    format!("{table} 按 {} 分组", names.join("、"))
                }
            };
            map([
                ("id", Value::from(r.id.as_str())),
                ("title", Value::from(r.title.as_str())),
                ("level", Value::from(r.level.word())),
                ("severity", Value::from(r.severity.name_cn())),
                ("scope", Value::from(scope)),
                ("require", Value::from(r.require_text.as_str())),
                ("defined_in", Value::from(r.defined_in.as_str())),
                (
                    "overrides",
                    r.overrides
                        .as_deref()
                        .map(Value::from)
                        .unwrap_or(Value::none()),
                ),
                ("effective", date(r.effective)),
                ("expires", date(r.expires)),
                ("citations", citations(&r.citations)),
            ])
        })
        .collect();
    map([
        ("name", Value::from(set.name.as_str())),
        ("id", Value::from(set.id.as_str())),
        ("title", Value::from(set.title.as_str())),
        ("docno", Value::from(set.docno.as_str())),
        ("issued", date(set.issued)),
        ("effective", date(set.effective)),
        ("expires", date(set.expires)),
        ("in_force", Value::from(in_force)),
        (
            "chain",
            Value::from(
                set.chain
                    .iter()
                    .map(|c| Value::from(c.as_str()))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("as_of", Value::from(as_of.format("%Y-%m-%d").to_string())),
        ("params", Value::from(params)),
        ("rules", Value::from(rules)),
    ])
}
