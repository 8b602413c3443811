//! The HTTP API: the same operations as the pages, in JSON (the check
//! answers with the JSON contract of `jicai check --format json`).

use super::State;
use super::error::{ApiError, ServeError};
use super::generating::{Outcome, document_file, mime};
use super::pages::result::result_dir;
use crate::docgen::manifest::Format;
use axum::Json;
use axum::extract::{Multipart, Path, Query, State as Ax};
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

pub async fn health(Ax(state): Ax<State>) -> Json<Value> {
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "rulesets": state.lib.book.sets.len(),
        "templates": state.templates.templates.len(),
    }))
}

const RESULT_HEADER: HeaderName = HeaderName::from_static("x-jicai-result");

/// `POST /api/check`: multipart (`files`, `province`, `as_of`, `fact.NAME`)
/// → the JSON contract; the result page's address in `Location`.
pub async fn check(Ax(state): Ax<State>, mp: Multipart) -> Result<Response, ApiError> {
    let (id, json) = super::checking::submit(&state, mp).await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::LOCATION, format!("/results/{id}")),
            (RESULT_HEADER, id.to_string()),
        ],
        json,
    )
        .into_response())
}

pub async fn result(Ax(state): Ax<State>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let (_, dir) = result_dir(&state, &id)?;
    let json = tokio::fs::read_to_string(dir.join(super::checking::REPORT_JSON))
        .await
        .map_err(|_| ServeError::result_not_found())?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

#[derive(Deserialize)]
pub struct AsOf {
    as_of: Option<String>,
}

impl AsOf {
    pub fn date(&self, state: &State) -> Result<chrono::NaiveDate, ServeError> {
        match self
            .as_of
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => crate::value::parse_date(s)
                .map_err(|e| ServeError::BadRequest(format!("日期“{s}”有误：{e}"))),
            None => Ok(state.today()),
        }
    }
}

pub async fn rulesets(Ax(state): Ax<State>) -> Json<Value> {
    let sets: Vec<Value> = state
        .lib
        .book
        .sets
        .iter()
        .map(|s| {
            json!({
                "name": s.name, "id": s.id, "title": s.title, "docno": s.docno,
                "issued": s.issued, "effective": s.effective, "parent": s.parent,
                "rules": s.rules.len(), "params": s.params.len(),
            })
        })
        .collect();
    Json(Value::Array(sets))
}

/// One rule set with its parameters and the rules in force on `as_of`
/// (the same view as the 规则手册).
pub async fn ruleset(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
    Query(q): Query<AsOf>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(ruleset_view(&state, &name, q.date(&state)?)?))
}

pub fn ruleset_view(
    state: &State,
    name: &str,
    as_of: chrono::NaiveDate,
) -> Result<Value, ServeError> {
    let set = state
        .lib
        .ruleset(name)
        .map_err(|e| ServeError::NotFound(super::error::render_plain(&e)))?;
    let ctx = crate::docgen::handbook::context(&state.lib.book, set, as_of);
    serde_json::to_value(&ctx).map_err(|e| ServeError::Internal(e.to_string()))
}

pub async fn templates(Ax(state): Ax<State>) -> Json<Value> {
    let list: Vec<Value> = state
        .templates
        .templates
        .iter()
        .map(|t| {
            let m = &t.manifest;
            json!({
                "id": m.id, "name": m.name, "region": m.region, "description": m.description,
                "formats": m.formats.iter().map(|f| f.ext()).collect::<Vec<_>>(),
            })
        })
        .collect();
    Json(Value::Array(list))
}

pub async fn template(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let t = state
        .templates
        .find(&name)
        .map_err(|e| ServeError::NotFound(super::error::render_plain(&e)))?;
    let m = &t.manifest;
    Ok(Json(json!({
        "id": m.id, "name": m.name, "region": m.region, "description": m.description,
        "source": m.source,
        "formats": m.formats.iter().map(|f| f.ext()).collect::<Vec<_>>(),
        "fields": fields_json(&m.fields),
        "example": serde_json::from_str::<Value>(&yaml_example_as_json(&m.fields)).unwrap_or(Value::Null),
    })))
}

fn fields_json(fields: &[crate::docgen::manifest::Field]) -> Vec<Value> {
    use crate::docgen::manifest::FieldType;
    fields
        .iter()
        .map(|f| {
            let mut v = json!({
                "name": f.name, "type": f.ty.name(), "required": f.required,
                "description": f.description,
            });
            if let FieldType::记录列表(sub) = &f.ty {
                v["fields"] = Value::Array(fields_json(sub));
            }
            if let FieldType::枚举(choices) = &f.ty {
                v["choices"] = json!(choices);
            }
            v
        })
        .collect()
}

/// The template's example data, as JSON.
fn yaml_example_as_json(fields: &[crate::docgen::manifest::Field]) -> String {
    let yaml = crate::docgen::data::example_yaml(fields);
    crate::docgen::data::parse_yaml(&yaml)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct GenerateQuery {
    format: Option<String>,
}

/// `POST /api/generate/{template}?format=docx` with the data as a JSON
/// object → the document; 422 with every problem; 409 with the findings
/// when the rules refuse the data.
pub async fn generate(
    Ax(state): Ax<State>,
    Path(name): Path<String>,
    Query(q): Query<GenerateQuery>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let data: Value = serde_json::from_slice(&body)
        .map_err(|e| ServeError::BadRequest(format!("请求体应为 JSON 对象（{e}）")))?;
    if !data.is_object() {
        return Err(ServeError::BadRequest(
            "请求体应为 JSON 对象（字段名为模板声明的中文名称）".into(),
        )
        .into());
    }
    let wanted = match q.format.as_deref() {
        Some(f) => Some(Format::parse(f).ok_or_else(|| {
            ServeError::BadRequest(format!("不认识的格式“{f}”（可用 docx、md、html、xlsx）"))
        })?),
        None => None,
    };
    match super::generating::submit(&state, &name, None, data).await? {
        Outcome::Problems(problems) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({ "error": format!("数据有 {} 处问题", problems.len()), "problems": problems })),
        )
            .into_response()),
        Outcome::Refused { ruleset, findings, blocking } => Ok((
            StatusCode::CONFLICT,
            Json(json!({
                "error": format!("按“{ruleset}”规则检查数据，有 {blocking} 个须处理的问题，未生成"),
                "findings": findings,
            })),
        )
            .into_response()),
        Outcome::Done(id, docs) => {
            let ext = match wanted {
                Some(f) if docs.formats.iter().any(|x| x == f.ext()) => f.ext().to_string(),
                Some(f) => {
                    state.store.delete(id);
                    return Err(ServeError::BadRequest(format!(
                        "模板“{}”不能生成 .{}（可生成：{}）",
                        docs.template,
                        f.ext(),
                        docs.formats.join("、")
                    ))
                    .into());
                }
                None => docs.formats[0].clone(),
            };
            let dir = state.store.get(id).ok_or_else(ServeError::result_not_found)?;
            let bytes = tokio::fs::read(dir.join(document_file(&ext)))
                .await
                .map_err(|e| ServeError::Internal(e.to_string()))?;
            Ok((
                [
                    (header::CONTENT_TYPE, mime(&ext).to_string()),
                    (header::CONTENT_DISPOSITION, super::pages::disposition(&docs.template, &ext)),
                    (header::LOCATION, format!("/documents/{id}")),
                    (RESULT_HEADER, id.to_string()),
                ],
                bytes,
            )
                .into_response())
        }
    }
}
