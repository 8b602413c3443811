//! 规则: every rule set with its documents and a search over rules and
//! parameters; one rule set's parameters and rules (citation, original
//! sentence, severity, scope, what it overrides); the diff of two sets;
//! the 规则手册 download.

use super::{PageError, Section, esc, html, options, page};
use crate::serve::State;
use crate::serve::api::{AsOf, ruleset_view};
use crate::serve::error::ServeError;
use crate::serve::generating::{self, Outcome};
use axum::extract::{Path, Query, State as Ax};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::Value;
use std::fmt::Write as _;

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[derive(Deserialize)]
pub struct Search {
    q: Option<String>,
}

pub async fn list(Ax(state): Ax<State>, Query(s): Query<Search>) -> Result<Response, PageError> {
    let q = s.q.unwrap_or_default();
    let q = q.trim();
    let mut b = String::from("<h1>规则集</h1>");
    write!(
        b,
        "<form method=\"get\" action=\"/rules\" class=\"search\" role=\"search\"><input type=\"search\" name=\"q\" id=\"q\" value=\"{}\" placeholder=\"搜索规则、参数、依据原文\"><button type=\"submit\">搜索</button></form>",
        esc(q)
    )
    .ok();
    let names: Vec<(&str, &str)> = state
        .lib
        .book
        .sets
        .iter()
        .map(|x| (x.name.as_str(), x.name.as_str()))
        .collect();
    write!(
        b,
        "<form method=\"get\" action=\"/rules/diff\" class=\"inline\"><span>比较</span><select name=\"a\">{}</select><span>与</span><select name=\"b\">{}</select><button type=\"submit\" class=\"secondary\">比较差异</button></form>",
        options(names.iter().copied(), "全国"),
        options(names.iter().copied(), names.get(1).map(|x| x.0).unwrap_or("全国"))
    )
    .ok();
    if !q.is_empty() {
        search_results(&mut b, &state, q)?;
    }
    b.push_str("<table class=\"sets\"><thead><tr><th>规则集</th><th>文件</th><th>施行</th><th>继承</th><th>规则/参数</th></tr></thead><tbody>");
    let mut sets: Vec<_> = state.lib.book.sets.iter().collect();
    sets.sort_by(|a, b| a.chain.cmp(&b.chain));
    for s in sets {
        write!(
            b,
            "<tr><td><a href=\"/rules/{}\">{}</a></td><td>{}<br><small>{}</small></td><td>{}</td><td>{}</td><td>{} / {}</td></tr>",
            esc(&s.id),
            esc(&s.name),
            esc(&s.title),
            esc(&s.docno),
            s.effective.map(|d| d.to_string()).unwrap_or_default(),
            esc(s.parent.as_deref().unwrap_or("—")),
            s.rules.len(),
            s.params.len()
        )
        .ok();
    }
    b.push_str("</tbody></table>");
    Ok(html(StatusCode::OK, page("规则", Section::Rules, &b)))
}

/// Rules and parameters of every set whose text contains `q`.
fn search_results(b: &mut String, state: &State, q: &str) -> Result<(), ServeError> {
    let needle = q.to_lowercase();
    let mut hits = Vec::new();
    for set in &state.lib.book.sets {
        for r in set.rules.iter().filter(|r| r.defined_in == set.name) {
            let hay = format!(
                "{} {} {} {}",
                r.id,
                r.title,
                r.require_text,
                r.citations
                    .iter()
                    .map(|c| format!("{} {} {}", c.document, c.article, c.text))
                    .collect::<String>()
            );
            if hay.to_lowercase().contains(&needle) {
                hits.push(format!(
                    "<li><a href=\"/rules/{}#rule-{}\">{} {}</a> <small>{}</small></li>",
                    esc(&set.id),
                    esc(&r.id),
                    esc(&r.id),
                    esc(&r.title),
                    esc(&set.name)
                ));
            }
        }
        for p in set.params.iter().filter(|p| p.defined_in == set.name) {
            let hay = format!(
                "{} {} {}",
                p.name,
                p.display_value(),
                p.citations
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<String>()
            );
            if hay.to_lowercase().contains(&needle) {
                hits.push(format!(
                    "<li><a href=\"/rules/{}#param-{}\">参数 {} = {}</a> <small>{}</small></li>",
                    esc(&set.id),
                    esc(&p.name),
                    esc(&p.name),
                    esc(&p.display_value()),
                    esc(&set.name)
                ));
            }
        }
    }
    write!(b, "<section class=\"card\" id=\"search-results\"><h2>“{}”的搜索结果（{} 项）</h2><ul>{}</ul></section>", esc(q), hits.len(), hits.concat()).ok();
    Ok(())
}

pub async fn show(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
    Query(q): Query<AsOf>,
) -> Result<Response, PageError> {
    let as_of = q.date(&state)?;
    let v = ruleset_view(&state, &name, as_of)?;
    let id = text(&v["id"]);
    let mut b = format!(
        "<h1>{}规则集</h1><p>{}（{}）</p><p class=\"meta\">继承链：{} · 生效：{} · 截至 {} 施行的规则</p>",
        esc(&text(&v["name"])),
        esc(&text(&v["title"])),
        esc(&text(&v["docno"])),
        esc(&v["chain"]
            .as_array()
            .map(|c| c.iter().map(text).collect::<Vec<_>>().join(" → "))
            .unwrap_or_default()),
        esc(&text(&v["effective"])),
        esc(&text(&v["as_of"]))
    );
    write!(
        b,
        "<p class=\"downloads\"><a class=\"button\" href=\"/rules/{}/handbook\">下载规则手册（.docx）</a></p>\
<p><input type=\"search\" id=\"filter\" class=\"filter\" placeholder=\"在本页筛选规则和参数\" data-target=\".filterable\"></p>",
        esc(&id)
    )
    .ok();
    b.push_str("<h2>参数</h2><div class=\"scroll\"><table class=\"params\"><thead><tr><th>名称</th><th>取值</th><th>定义于</th><th>依据</th></tr></thead><tbody>");
    for p in v["params"].as_array().into_iter().flatten() {
        let origin = match p["overrides"].as_str() {
            Some(o) => format!("{}（覆盖 {o}）", text(&p["defined_in"])),
            None => text(&p["defined_in"]),
        };
        write!(
            b,
            "<tr class=\"filterable\" id=\"param-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&text(&p["name"])),
            esc(&text(&p["name"])),
            esc(&text(&p["value"])),
            esc(&origin),
            citations(&p["citations"])
        )
        .ok();
    }
    b.push_str("</tbody></table></div><h2>规则</h2>");
    for r in v["rules"].as_array().into_iter().flatten() {
        let sev = match text(&r["severity"]).as_str() {
            "错误" => "error",
            "警告" => "warning",
            _ => "info",
        };
        let overrides = match r["overrides"].as_str() {
            Some(o) => format!("；覆盖 {}", esc(o)),
            None => String::new(),
        };
        write!(
            b,
            "<article class=\"card rule filterable\" id=\"rule-{}\"><h3><span class=\"rule\">{}</span> {}</h3>\
<p class=\"meta\"><span class=\"sev {sev}\">{} · {}</span> 范围：{} · 定义于 {}{overrides}</p>\
<p>要求：<code>{}</code></p>{}</article>",
            esc(&text(&r["id"])),
            esc(&text(&r["id"])),
            esc(&text(&r["title"])),
            esc(&text(&r["level"])),
            esc(&text(&r["severity"])),
            esc(&text(&r["scope"])),
            esc(&text(&r["defined_in"])),
            esc(&text(&r["require"])),
            citations(&r["citations"])
        )
        .ok();
    }
    Ok(html(
        StatusCode::OK,
        page(&format!("{}规则集", text(&v["name"])), Section::Rules, &b),
    ))
}

fn citations(v: &Value) -> String {
    let mut b = String::new();
    for c in v.as_array().into_iter().flatten() {
        write!(
            b,
            "<blockquote class=\"citation\"><cite>{} {}</cite>",
            esc(&text(&c["document"])),
            esc(&text(&c["article"]))
        )
        .ok();
        let t = text(&c["text"]);
        if !t.is_empty() {
            write!(b, "<p>{}</p>", esc(&t)).ok();
        }
        b.push_str("</blockquote>");
    }
    b
}

#[derive(Deserialize)]
pub struct DiffQuery {
    a: String,
    b: String,
}

pub async fn diff(Ax(state): Ax<State>, Query(q): Query<DiffQuery>) -> Result<Response, PageError> {
    let find = |n: &str| {
        state
            .lib
            .ruleset(n)
            .map_err(|e| ServeError::NotFound(crate::serve::error::render_plain(&e)))
    };
    let d = crate::rulediff::diff(find(&q.a)?, find(&q.b)?);
    let (l, r) = (d.left.as_str(), d.right.as_str());
    let mut b = format!("<h1>{} 与 {} 的差异</h1>", esc(l), esc(r));
    if d.is_empty() {
        b.push_str("<p>两个规则集的参数和规则完全相同。</p>");
    }
    let side_p = |x: &Option<crate::rulediff::ParamSide>| {
        x.as_ref()
            .map(|x| format!("{}<br><small>{}</small>", esc(&x.value), esc(&x.origin)))
            .unwrap_or_else(|| "—".into())
    };
    if !d.params.is_empty() {
        write!(b, "<h2>参数（{} 处不同，相同 {}）</h2><div class=\"scroll\"><table><thead><tr><th>名称</th><th>{}</th><th>{}</th></tr></thead><tbody>", d.params.len(), d.same_params, esc(l), esc(r)).ok();
        for p in &d.params {
            write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&p.name),
                side_p(&p.left),
                side_p(&p.right)
            )
            .ok();
        }
        b.push_str("</tbody></table></div>");
    }
    let side_r = |x: &Option<crate::rulediff::RuleSide>| {
        x.as_ref()
            .map(|y| {
                let sev = match y.severity.as_str() {
                    "error" => "错误",
                    "warning" => "警告",
                    _ => "提示",
                };
                format!(
                    "{} · {sev}<br><small>{}</small><br><code>{}</code>",
                    esc(&y.level),
                    esc(&y.origin),
                    esc(&y.require)
                )
            })
            .unwrap_or_else(|| "—".into())
    };
    if !d.rules.is_empty() {
        write!(b, "<h2>规则（{} 条不同，相同 {}）</h2><div class=\"scroll\"><table><thead><tr><th>变化</th><th>编号</th><th>名称</th><th>{}</th><th>{}</th></tr></thead><tbody>", d.rules.len(), d.same_rules, esc(l), esc(r)).ok();
        for x in &d.rules {
            let title = x
                .right
                .as_ref()
                .or(x.left.as_ref())
                .map(|y| y.title.as_str())
                .unwrap_or_default();
            write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&x.change.label(l, r)),
                esc(&x.id),
                esc(title),
                side_r(&x.left),
                side_r(&x.right)
            )
            .ok();
        }
        b.push_str("</tbody></table></div>");
    }
    Ok(html(StatusCode::OK, page("规则差异", Section::Rules, &b)))
}

/// The 规则手册 of a set, generated on the pool, then downloaded.
pub async fn handbook(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let set = state
        .lib
        .ruleset(&name)
        .map_err(|e| ServeError::NotFound(crate::serve::error::render_plain(&e)))?
        .name
        .clone();
    let data = serde_json::json!({});
    match generating::submit(&state, "common-rules-handbook", Some(set), data).await? {
        Outcome::Done(id, _) => Ok(Redirect::to(&format!("/documents/{id}/docx")).into_response()),
        Outcome::Problems(p) => Err(ServeError::Internal(p.join("；")).into()),
        Outcome::Refused { .. } => Err(ServeError::Internal("规则手册未能生成".into()).into()),
    }
}
