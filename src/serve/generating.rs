//! One document request as the service runs it: the data (JSON from the
//! API or the form) is checked field by field, then against the rules,
//! and only then rendered in every format the template offers, into a
//! result folder.

use super::error::ServeError;
use super::store::ResultId;
use crate::docgen::manifest::Format;
use crate::docgen::{Request, generate};
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::output::Overwrite;
use serde::{Deserialize, Serialize};
use std::path::Path;

const DATA_FILE: &str = "data.json";
const META_FILE: &str = "documents.json";

/// What the documents page needs, saved beside the documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Documents {
    pub template: String,
    pub template_id: String,
    /// Extensions written (`docx`, `md`, …), in the template's order.
    pub formats: Vec<String>,
    pub ruleset: String,
    pub findings: serde_json::Value,
    pub notes: Vec<String>,
}

pub enum Outcome {
    /// Every problem with the data, naming the field.
    Problems(Vec<String>),
    /// The rules refused the data: nothing was generated.
    Refused {
        ruleset: String,
        findings: Vec<Finding>,
        blocking: usize,
    },
    Done(ResultId, Documents),
}

/// The file name of a generated document in its folder.
pub fn document_file(ext: &str) -> String {
    format!("document.{ext}")
}

pub fn load(dir: &Path) -> Option<Documents> {
    serde_json::from_str(&std::fs::read_to_string(dir.join(META_FILE)).ok()?).ok()
}

pub async fn submit(
    state: &super::State,
    template: &str,
    province: Option<String>,
    data: serde_json::Value,
) -> Result<Outcome, ServeError> {
    let t = state
        .templates
        .find(template)
        .map_err(|e| ServeError::NotFound(super::error::render_plain(&e)))?;
    let template_id = t.manifest.id.clone();
    let (id, dir) = state
        .store
        .create()
        .map_err(|e| ServeError::Internal(format!("无法创建结果目录（{e}）")))?;
    let (st, d, today) = (state.clone(), dir.clone(), state.today());
    let job = state.pool.run(move || {
        render_all(
            &st,
            &template_id,
            province.as_deref(),
            &data,
            (id, &d),
            today,
        )
    });
    let secs = state.config.timeout.as_secs();
    let outcome = match tokio::time::timeout(state.config.timeout, job).await {
        Ok(Ok(Ok(o))) => Ok(o),
        Ok(Ok(Err(e))) => Err(ServeError::from_library(e, &dir)),
        Ok(Err(e)) => Err(e.into()),
        Err(_) => Err(ServeError::Timeout(secs)),
    };
    if !matches!(outcome, Ok(Outcome::Done(..))) {
        state.store.delete(id);
    }
    outcome
}

/// Runs on a worker: the first format checks the data and the rules (and
/// refuses); the rest render the same data.
fn render_all(
    state: &super::AppState,
    template: &str,
    province: Option<&str>,
    data: &serde_json::Value,
    (id, dir): (ResultId, &Path),
    today: chrono::NaiveDate,
) -> Result<Outcome, JicaiError> {
    let t = state.templates.find(template)?;
    let data_path = dir.join(DATA_FILE);
    let text = serde_json::to_string(data).map_err(|e| JicaiError::Usage(e.to_string()))?;
    std::fs::write(&data_path, text).map_err(|e| JicaiError::Write {
        path: DATA_FILE.into(),
        detail: e.to_string(),
    })?;
    let mut docs = Documents {
        template: t.manifest.name.clone(),
        template_id: t.manifest.id.clone(),
        formats: Vec::new(),
        ruleset: String::new(),
        findings: serde_json::Value::Array(Vec::new()),
        notes: Vec::new(),
    };
    for format in t.manifest.formats.iter().copied() {
        let out = dir.join(document_file(format.ext()));
        let req = Request {
            template,
            data: Some(&data_path),
            out: &out,
            format: Some(format),
            province,
            as_of: today,
            overwrite: Overwrite::Refuse,
            force: false,
        };
        let report = match generate(&state.templates, &state.lib, &req) {
            Ok(r) => r,
            Err(JicaiError::Data { problems, .. }) => return Ok(Outcome::Problems(problems)),
            Err(e) => return Err(e),
        };
        if !report.written {
            return Ok(Outcome::Refused {
                ruleset: report.ruleset,
                findings: report.findings,
                blocking: report.blocking,
            });
        }
        if docs.formats.is_empty() {
            docs.ruleset = report.ruleset.clone();
            docs.findings = serde_json::to_value(&report.findings).unwrap_or_default();
            docs.notes = report.notes.clone();
        }
        docs.formats.push(format.ext().to_string());
    }
    let meta = serde_json::to_string(&docs).map_err(|e| JicaiError::Usage(e.to_string()))?;
    std::fs::write(dir.join(META_FILE), meta).map_err(|e| JicaiError::Write {
        path: META_FILE.into(),
        detail: e.to_string(),
    })?;
    Ok(Outcome::Done(id, docs))
}

/// The content type of a generated format.
pub fn mime(ext: &str) -> &'static str {
    match Format::parse(ext) {
        Some(Format::Docx) => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        Some(Format::Xlsx) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some(Format::Html) => "text/html; charset=utf-8",
        Some(Format::Md) => "text/markdown; charset=utf-8",
        None => "application/octet-stream",
    }
}
