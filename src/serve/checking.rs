//! One check as the service runs it (on a worker thread): the uploads and
//! the settings in, the JSON contract, the HTML report and the annotated
//! workbook out, all in the result's folder.

use super::error::{ServeError, hide_dir};
use super::upload::Received;
use crate::check::{CheckRequest, check};
use crate::error::JicaiError;
use crate::library::RuleLibrary;
use crate::output::Overwrite;
use crate::report;
use crate::table::ReadLimits;
use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Form field names: `province`, `as_of`, and `fact.NAME` per project fact.
pub const FACT_PREFIX: &str = "fact.";

pub const REPORT_JSON: &str = "report.json";
pub const REPORT_HTML: &str = "report.html";
pub const REPORT_XLSX: &str = "report.xlsx";
const SETTINGS: &str = "settings.json";
const FACTS_FILE: &str = "项目信息.yaml";

/// What a check was asked with; kept with the result so that "check
/// again" starts from the same settings.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct CheckSettings {
    pub province: String,
    pub as_of: Option<NaiveDate>,
    /// Project facts by the rules' field name, as typed.
    pub facts: IndexMap<String, String>,
    /// The uploaded files' names.
    pub files: Vec<String>,
}

impl CheckSettings {
    pub fn from_upload(
        got: &Received,
        lib: &RuleLibrary,
        default_province: &str,
    ) -> Result<CheckSettings, ServeError> {
        let province = got.field("province").unwrap_or(default_province);
        let set = lib
            .ruleset(province)
            .map_err(|e| ServeError::BadRequest(super::error::render_plain(&e)))?;
        let as_of = match got.field("as_of") {
            Some(s) => Some(crate::value::parse_date(s).map_err(|e| {
                ServeError::BadRequest(format!("检查日期“{s}”有误：{e}（应为日期，如 2025-08-01）"))
            })?),
            None => None,
        };
        let mut facts = IndexMap::new();
        for (k, v) in &got.fields {
            if let Some(name) = k.strip_prefix(FACT_PREFIX)
                && !v.trim().is_empty()
            {
                facts.insert(name.to_string(), v.trim().to_string());
            }
        }
        let files = got
            .files
            .iter()
            .map(|p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        Ok(CheckSettings {
            province: set.name.clone(),
            as_of,
            facts,
            files,
        })
    }

    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(SETTINGS), text)
    }

    pub fn load(dir: &Path) -> Option<CheckSettings> {
        serde_json::from_str(&std::fs::read_to_string(dir.join(SETTINGS)).ok()?).ok()
    }
}

/// Runs the check and writes the three reports into `dir`; returns the
/// JSON contract. File names in every report are the uploaded names.
pub fn run(
    lib: &RuleLibrary,
    dir: &Path,
    settings: &CheckSettings,
    files: Vec<PathBuf>,
    limits: &ReadLimits,
    today: NaiveDate,
) -> Result<String, JicaiError> {
    let set = lib.ruleset(&settings.province)?;
    let facts = if settings.facts.is_empty() {
        None
    } else {
        // JSON is YAML: the facts reader parses it as it parses project.yaml.
        let path = dir.join(FACTS_FILE);
        let text =
            serde_json::to_string(&settings.facts).map_err(|e| JicaiError::Usage(e.to_string()))?;
        std::fs::write(&path, text).map_err(|e| write_error(&path, e))?;
        Some(path)
    };
    let req = CheckRequest {
        files,
        facts,
        as_of: settings.as_of.unwrap_or(today),
        limits: limits.clone(),
    };
    let mut report = check(lib, set, &req, &|_| {})?;
    let html = report::html::render(&report, limits)?;
    write(&dir.join(REPORT_HTML), hide_dir(&html, dir).as_bytes())?;
    report::xlsx::write(&report, &dir.join(REPORT_XLSX), Overwrite::Refuse, limits)?;
    for input in &mut report.inputs {
        input.file = hide_dir(&input.file, dir);
    }
    for f in &mut report.findings {
        f.location.file = hide_dir(&f.location.file, dir);
    }
    let json = report::json::render(&report);
    write(&dir.join(REPORT_JSON), json.as_bytes())?;
    Ok(json)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), JicaiError> {
    std::fs::write(path, bytes).map_err(|e| write_error(path, e))
}

fn write_error(path: &Path, e: std::io::Error) -> JicaiError {
    JicaiError::Write {
        path: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        detail: e.to_string(),
    }
}

/// Receives an upload, checks it on the pool within the time limit and
/// keeps the result; on any failure the result folder (with the uploads)
/// is deleted at once. Returns the result id and the JSON contract.
pub async fn submit(
    state: &super::State,
    mp: axum::extract::Multipart,
) -> Result<(super::store::ResultId, String), ServeError> {
    let (id, dir) = state
        .store
        .create()
        .map_err(|e| ServeError::Internal(format!("无法创建结果目录（{e}）")))?;
    let work = async {
        let got = super::upload::receive(mp, &dir, state.config.limits.max_file_bytes).await?;
        let settings =
            CheckSettings::from_upload(&got, &state.lib, &state.config.default_province)?;
        if got.files.is_empty() && settings.facts.is_empty() {
            return Err(ServeError::BadRequest(
                "请选择要检查的表格文件（字段 files）".into(),
            ));
        }
        settings
            .save(&dir)
            .map_err(|e| ServeError::Internal(format!("无法保存设置（{e}）")))?;
        let (st, d, today) = (state.clone(), dir.clone(), state.today());
        let files = got.files;
        state
            .pool
            .run(move || run(&st.lib, &d, &settings, files, &st.config.limits, today))
            .await?
            .map_err(|e| ServeError::from_library(e, &dir))
    };
    let secs = state.config.timeout.as_secs();
    let outcome = tokio::time::timeout(state.config.timeout, work)
        .await
        .unwrap_or(Err(ServeError::Timeout(secs)));
    match outcome {
        Ok(json) => {
            tracing::info!(result = %id, "检查完成");
            Ok((id, json))
        }
        Err(e) => {
            tracing::info!(status = %e.status(), message = %e, "检查未完成");
            state.store.delete(id);
            Err(e)
        }
    }
}
