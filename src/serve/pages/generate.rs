//! 生成: the template list; for a template, a form built from its field
//! declarations (date pickers, amounts with their unit, choices, lists
//! with add/remove rows); every problem shown at once beside its field;
//! the rule findings before anything is generated; downloads in every
//! format the template offers.

use super::{PageError, Section, disposition, esc, html, options, page};
use crate::docgen::manifest::{Field, FieldType};
use crate::serve::State;
use crate::serve::error::ServeError;
use crate::serve::generating::{self, Outcome, document_file, mime};
use crate::serve::pages::result::result_dir;
use axum::extract::{Form, Path, Query, State as Ax};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt::Write as _;

pub async fn list(Ax(state): Ax<State>) -> Response {
    let mut b = String::from(
        "<h1>生成通知和表格</h1><p>选择模板，按表单填写数据；生成前先按规则检查数据。</p><ul class=\"cards\" id=\"templates\">",
    );
    for t in &state.templates.templates {
        let m = &t.manifest;
        let formats: Vec<&str> = m.formats.iter().map(|f| f.ext()).collect();
        write!(
            b,
            "<li class=\"card\"><h2><a href=\"/generate/{}\">{}</a></h2><p class=\"meta\">{} · 可生成 {}</p><p>{}</p></li>",
            esc(&m.id),
            esc(&m.name),
            esc(&m.region),
            esc(&formats.join("、")),
            esc(&m.description)
        )
        .ok();
    }
    b.push_str("</ul>");
    html(StatusCode::OK, page("生成", Section::Generate, &b))
}

#[derive(Deserialize)]
pub struct FormQuery {
    /// `1`: prefill with the template's example data.
    example: Option<String>,
}

pub async fn form(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
    Query(q): Query<FormQuery>,
) -> Result<Response, PageError> {
    let t = find(&state, &name)?;
    let data = if q.example.is_some() {
        let yaml = crate::docgen::data::example_yaml(&t.manifest.fields);
        crate::docgen::data::parse_yaml(&yaml).unwrap_or_default()
    } else {
        Value::Object(Map::new())
    };
    Ok(html(StatusCode::OK, render(t, &data, &[], None)))
}

pub async fn submit(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let t = find(&state, &name)?;
    let data = form_to_data(&t.manifest.fields, &pairs);
    Ok(
        match generating::submit(&state, &t.manifest.id, None, data.clone()).await? {
            Outcome::Done(id, _) => Redirect::to(&format!("/documents/{id}")).into_response(),
            Outcome::Problems(problems) => html(
                StatusCode::UNPROCESSABLE_ENTITY,
                render(t, &data, &problems, None),
            ),
            Outcome::Refused {
                ruleset,
                findings,
                blocking,
            } => {
                let mut b = format!(
                    "<section class=\"card refused\" id=\"findings\" role=\"alert\"><h2>按“{}”规则检查数据，有 {blocking} 个须处理的问题，未生成</h2><ol class=\"findings\">",
                    esc(&ruleset)
                );
                for f in &findings {
                    finding_item(&mut b, &serde_json::to_value(f).unwrap_or_default());
                }
                b.push_str("</ol></section>");
                html(StatusCode::CONFLICT, render(t, &data, &[], Some(&b)))
            }
        },
    )
}

pub async fn documents(
    Ax(state): Ax<State>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (id, dir) = result_dir(&state, &id)?;
    let docs = generating::load(&dir).ok_or_else(ServeError::result_not_found)?;
    let mut b = format!(
        "<h1>已生成：{}</h1><section class=\"card\"><p class=\"downloads\">",
        esc(&docs.template)
    );
    for ext in &docs.formats {
        write!(
            b,
            "<a class=\"button\" href=\"/documents/{id}/{ext}\" download>下载 .{ext}</a>"
        )
        .ok();
    }
    write!(
        b,
        "</p><p class=\"hint\">按“{}”规则检查了数据。本页链接 {} 天内有效。</p>",
        esc(&docs.ruleset),
        state.store.keep_days()
    )
    .ok();
    for n in &docs.notes {
        write!(b, "<p class=\"note\">{}</p>", esc(n)).ok();
    }
    if let Some(fs) = docs.findings.as_array().filter(|f| !f.is_empty()) {
        b.push_str("<h2>检查发现（未达到拒绝生成的程度）</h2><ol class=\"findings\">");
        for f in fs {
            finding_item(&mut b, f);
        }
        b.push_str("</ol>");
    }
    write!(
        b,
        "<p><a href=\"/generate/{}\">再生成一份</a></p></section>",
        esc(&docs.template_id)
    )
    .ok();
    Ok(html(StatusCode::OK, page("已生成", Section::Generate, &b)))
}

pub async fn download(
    Ax(state): Ax<State>,
    Path((id, ext)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (_, dir) = result_dir(&state, &id)?;
    let docs = generating::load(&dir).ok_or_else(ServeError::result_not_found)?;
    // Only a format this result has; the URL segment is compared, not used.
    let ext = docs
        .formats
        .iter()
        .find(|f| **f == ext)
        .ok_or_else(|| ServeError::NotFound("没有这种格式的文件".into()))?;
    let bytes = tokio::fs::read(dir.join(document_file(ext)))
        .await
        .map_err(|_| ServeError::result_not_found())?;
    Ok((
        [
            (header::CONTENT_TYPE, mime(ext).to_string()),
            (
                header::CONTENT_DISPOSITION,
                disposition(&docs.template, ext),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

fn find<'a>(
    state: &'a State,
    name: &str,
) -> Result<&'a crate::docgen::templates::Template, ServeError> {
    state
        .templates
        .find(name)
        .map_err(|e| ServeError::NotFound(super::super::error::render_plain(&e)))
}

fn finding_item(b: &mut String, f: &Value) {
    let sev = f["severity"].as_str().unwrap_or("info");
    let label = match sev {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };
    write!(
        b,
        "<li class=\"finding {sev}\"><p><span class=\"sev {sev}\">{label}</span> <span class=\"rule\">{}</span> {}</p>",
        esc(f["rule"].as_str().unwrap_or_default()),
        esc(f["message"].as_str().unwrap_or_default())
    )
    .ok();
    for c in f["citations"].as_array().into_iter().flatten() {
        write!(
            b,
            "<blockquote class=\"citation\"><cite>{} {}</cite><p>{}</p></blockquote>",
            esc(c["document"].as_str().unwrap_or_default()),
            esc(c["article"].as_str().unwrap_or_default()),
            esc(c["text"].as_str().unwrap_or_default())
        )
        .ok();
    }
    b.push_str("</li>");
}

/// The form's pairs as the data a YAML file would hold: `名称` for a
/// value, `名称` once per line for a list of values, `名称[i].子字段` for
/// a list of records. Empty inputs are left out, so a missing required
/// field is reported as missing.
pub fn form_to_data(fields: &[Field], pairs: &[(String, String)]) -> Value {
    let mut out = Map::new();
    for f in fields {
        match &f.ty {
            FieldType::记录列表(sub) => {
                let mut rows: Vec<(usize, Map<String, Value>)> = Vec::new();
                let prefix = format!("{}[", f.name);
                for (k, v) in pairs {
                    let Some(rest) = k.strip_prefix(&prefix) else {
                        continue;
                    };
                    let Some((index, key)) = rest.split_once("].") else {
                        continue;
                    };
                    let (Ok(index), true) =
                        (index.parse::<usize>(), sub.iter().any(|s| s.name == key))
                    else {
                        continue;
                    };
                    if v.trim().is_empty() {
                        continue;
                    }
                    let row = match rows.iter_mut().find(|(i, _)| *i == index) {
                        Some((_, r)) => r,
                        None => {
                            rows.push((index, Map::new()));
                            &mut rows.last_mut().expect("just pushed").1
                        }
                    };
                    row.insert(key.to_string(), Value::String(v.trim().to_string()));
                }
                rows.sort_by_key(|(i, _)| *i);
                if !rows.is_empty() {
                    out.insert(
                        f.name.clone(),
                        Value::Array(rows.into_iter().map(|(_, r)| Value::Object(r)).collect()),
                    );
                }
            }
            FieldType::值列表(_) => {
                let items: Vec<Value> = pairs
                    .iter()
                    .filter(|(k, _)| *k == f.name)
                    .flat_map(|(_, v)| v.lines())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect();
                if !items.is_empty() {
                    out.insert(f.name.clone(), Value::Array(items));
                }
            }
            _ => {
                if let Some((_, v)) = pairs
                    .iter()
                    .find(|(k, v)| *k == f.name && !v.trim().is_empty())
                {
                    out.insert(f.name.clone(), Value::String(v.trim().to_string()));
                }
            }
        }
    }
    Value::Object(out)
}

fn render(
    t: &crate::docgen::templates::Template,
    data: &Value,
    problems: &[String],
    findings: Option<&str>,
) -> String {
    let m = &t.manifest;
    let mut b = format!("<h1>{}</h1>", esc(&m.name));
    if !m.description.is_empty() {
        write!(b, "<p>{}</p>", esc(&m.description)).ok();
    }
    if !m.source.is_empty() {
        write!(b, "<p class=\"meta\">依据：{}</p>", esc(&m.source)).ok();
    }
    if !problems.is_empty() {
        write!(
            b,
            "<section class=\"card problems\" id=\"problems\" role=\"alert\"><h2>数据有 {} 处问题，请逐项修改</h2><ul>",
            problems.len()
        )
        .ok();
        for p in problems {
            write!(b, "<li>{}</li>", esc(p)).ok();
        }
        b.push_str("</ul></section>");
    }
    if let Some(f) = findings {
        b.push_str(f);
    }
    write!(
        b,
        "<p><a href=\"/generate/{}?example=1\">填入示例数据</a></p>\
<form method=\"post\" action=\"/generate/{}\" class=\"card\" id=\"generate-form\" novalidate>",
        esc(&m.id),
        esc(&m.id)
    )
    .ok();
    let empty = Map::new();
    let map = data.as_object().unwrap_or(&empty);
    for f in &m.fields {
        field_html(&mut b, f, map.get(&f.name), problems);
    }
    write!(b, "<button type=\"submit\">检查并生成</button></form>").ok();
    page(&m.name, Section::Generate, &b)
}

/// Problems that name this field (“名称”), shown beside it.
fn field_problems(name: &str, problems: &[String]) -> String {
    let quoted = format!("“{name}”");
    problems
        .iter()
        .filter(|p| p.contains(&quoted))
        .map(|p| format!("<p class=\"field-error\">{}</p>", esc(p)))
        .collect()
}

fn scalar(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn field_html(b: &mut String, f: &Field, value: Option<&Value>, problems: &[String]) {
    let errors = field_problems(&f.name, problems);
    let invalid = if errors.is_empty() {
        ""
    } else {
        " aria-invalid=\"true\""
    };
    let required = if f.required {
        "<span class=\"req\" title=\"必填\">*</span>"
    } else {
        ""
    };
    let help = if f.description.is_empty() {
        String::new()
    } else {
        format!("<small>{}</small>", esc(&f.description))
    };
    match &f.ty {
        FieldType::记录列表(sub) => {
            write!(
                b,
                "<fieldset class=\"records\" data-field=\"{}\"><legend>{}{required}</legend>{help}{errors}<div class=\"rows\">",
                esc(&f.name),
                esc(&f.name)
            )
            .ok();
            let rows: Vec<&Value> = value
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default();
            let count = rows.len().max(f.min_items).max(1);
            for i in 0..count {
                record_row(b, &f.name, sub, rows.get(i).copied(), &i.to_string());
            }
            b.push_str("</div><template>");
            record_row(b, &f.name, sub, None, "__i__");
            b.push_str("</template><button type=\"button\" class=\"add-row secondary\">添加一行</button></fieldset>");
        }
        _ => {
            let control = control_html(&f.name, &f.ty, &scalar_or_lines(value), invalid);
            write!(
                b,
                "<label class=\"field\"><span>{}{required}</span>{control}{help}{errors}</label>",
                esc(&f.name)
            )
            .ok();
        }
    }
}

fn scalar_or_lines(v: Option<&Value>) -> String {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|x| scalar(Some(x)))
            .collect::<Vec<_>>()
            .join("\n"),
        other => scalar(other),
    }
}

fn record_row(b: &mut String, list: &str, sub: &[Field], row: Option<&Value>, index: &str) {
    b.push_str("<div class=\"record\">");
    for s in sub {
        let name = format!("{list}[{index}].{}", s.name);
        let v = row.and_then(|r| r.get(&s.name));
        let required = if s.required {
            "<span class=\"req\">*</span>"
        } else {
            ""
        };
        write!(
            b,
            "<label class=\"field\"><span>{}{required}</span>{}</label>",
            esc(&s.name),
            control_html(&name, &s.ty, &scalar_or_lines(v), "")
        )
        .ok();
    }
    b.push_str("<button type=\"button\" class=\"remove-row secondary\">删除此行</button></div>");
}

fn control_html(name: &str, ty: &FieldType, value: &str, invalid: &str) -> String {
    let (n, v) = (esc(name), esc(value));
    match ty {
        FieldType::日期 => format!("<input type=\"date\" name=\"{n}\" value=\"{v}\"{invalid}>"),
        FieldType::是否 => format!(
            "<select name=\"{n}\"{invalid}><option value=\"\">（未填）</option>{}</select>",
            options([("是", "是"), ("否", "否")], value)
        ),
        FieldType::枚举(choices) => format!(
            "<select name=\"{n}\"{invalid}><option value=\"\">（未选）</option>{}</select>",
            options(choices.iter().map(|c| (c.as_str(), c.as_str())), value)
        ),
        FieldType::金额(unit) => format!(
            "<span class=\"unit\"><input type=\"text\" name=\"{n}\" value=\"{v}\" inputmode=\"decimal\" placeholder=\"如 500万元\"{invalid}><span>不写单位按{unit}</span></span>"
        ),
        FieldType::百分比 => format!(
            "<input type=\"text\" name=\"{n}\" value=\"{v}\" placeholder=\"如 10%\"{invalid}>"
        ),
        FieldType::期间 => format!(
            "<input type=\"text\" name=\"{n}\" value=\"{v}\" placeholder=\"如 30日、1年\"{invalid}>"
        ),
        FieldType::数值 => format!(
            "<input type=\"text\" name=\"{n}\" value=\"{v}\" inputmode=\"decimal\"{invalid}>"
        ),
        FieldType::值列表(_) => format!(
            "<textarea name=\"{n}\" rows=\"3\" placeholder=\"每行一项\"{invalid}>{v}</textarea>"
        ),
        _ => format!("<input type=\"text\" name=\"{n}\" value=\"{v}\"{invalid}>"),
    }
}
