//! `generate`: one template, one data file, one output file.
//!
//! ```text
//! data.yaml ─check fields (all problems at once)─► context ─┐
//!            └─map to rules tables─► engine ─► findings ─────┤ (errors refuse unless forced)
//! template.yaml + body.jdoc ─tera (escaped)─► markup ─parse─► Doc ─► docx/md/html/xlsx ─► atomic write
//! ```
//!
//! Nothing is written until every check has passed (or `--force`), and an
//! existing file is refused before any work.

use super::check;
use super::data;
use super::filters::FilterEnv;
use super::manifest::{Format, Provider};
use super::templates::{Template, Templates, render};
use crate::error::JicaiError;
use crate::finding::Finding;
use crate::library::RuleLibrary;
use crate::output::{Overwrite, ensure_writable, write_atomic_with};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub struct Request<'a> {
    pub template: &'a str,
    pub data: Option<&'a Path>,
    pub out: &'a Path,
    pub format: Option<Format>,
    /// The rule set to apply; default: the template's jurisdiction.
    pub province: Option<&'a str>,
    pub as_of: NaiveDate,
    pub overwrite: Overwrite,
    pub force: bool,
}

#[derive(Debug, Default)]
pub struct Report {
    pub template: String,
    pub format: Option<Format>,
    pub ruleset: String,
    pub findings: Vec<Finding>,
    /// Findings that refused (or, when forced, would have refused).
    pub blocking: usize,
    pub written: bool,
    /// Notes for the reader: assumptions, unused data fields, unchecked tables.
    pub notes: Vec<String>,
}

/// The output format: asked for, else from the file name, else the
/// template's first; it must be one the template offers.
pub fn choose_format(
    t: &Template,
    asked: Option<Format>,
    out: &Path,
) -> Result<Format, JicaiError> {
    let from_ext = out
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::parse);
    let f = asked.or(from_ext).unwrap_or(t.manifest.default_format());
    if !t.manifest.formats.contains(&f) {
        let offered: Vec<&str> = t.manifest.formats.iter().map(|f| f.ext()).collect();
        return Err(JicaiError::Usage(format!(
            "模板“{}”不能生成 .{}（可生成：{}）",
            t.manifest.name,
            f.ext(),
            offered.join("、")
        )));
    }
    if let (Some(a), Some(e)) = (asked, from_ext)
        && a != e
    {
        return Err(JicaiError::Usage(format!(
            "--format {} 与输出文件扩展名 .{} 不一致",
            a.ext(),
            e.ext()
        )));
    }
    Ok(f)
}

/// What the filters need from a rule library and an applied rule set.
pub fn filter_env(lib: &RuleLibrary, set: Option<&crate::model::RuleSet>) -> FilterEnv {
    let params: HashMap<String, String> = set
        .map(|s| {
            s.params
                .iter()
                .map(|p| (p.name.clone(), p.value.display()))
                .collect()
        })
        .unwrap_or_default();
    FilterEnv {
        calendar: Arc::new(lib.calendar.clone()),
        catalog: lib.catalog,
        params: Arc::new(params),
    }
}

pub fn generate(
    templates: &Templates,
    lib: &RuleLibrary,
    req: &Request,
) -> Result<Report, JicaiError> {
    let t = templates.find(req.template)?;
    let format = choose_format(t, req.format, req.out)?;
    ensure_writable(req.out, req.overwrite)?;
    let mut report = Report {
        template: t.manifest.name.clone(),
        format: Some(format),
        ..Report::default()
    };

    // The rule set: asked for, else the template's jurisdiction; a
    // jurisdiction the library lacks falls back to 全国, visibly.
    let set = match req.province {
        Some(p) => lib.ruleset(p)?,
        None => match lib.ruleset(t.manifest.default_ruleset()) {
            Ok(s) => s,
            Err(_) => {
                if !t.manifest.checks.is_empty() {
                    report.notes.push(format!(
                        "规则库中没有“{}”规则集，按“全国”规则检查",
                        t.manifest.default_ruleset()
                    ));
                }
                lib.ruleset("全国")?
            }
        },
    };
    report.ruleset = set.name.clone();

    // Data: every field problem at once, before anything else.
    let data_file = req
        .data
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "（无数据文件）".into());
    let raw = match req.data {
        Some(p) => data::read_yaml(p).map_err(|e| JicaiError::Data {
            file: data_file.clone(),
            problems: vec![e],
        })?,
        None => serde_json::Value::Object(Default::default()),
    };
    let checked = data::check(&t.manifest.fields, &raw, lib.catalog);
    if !checked.unused.is_empty() {
        report.notes.push(format!(
            "数据中以下字段未在模板中声明，已忽略：{}",
            checked.unused.join("、")
        ));
    }
    let mut problems = checked.problems;

    // Rules: map the data onto declared tables and run the rule set.
    let outcome = check::run(
        lib,
        set,
        &t.manifest,
        &checked.resolved,
        &data_file,
        req.as_of,
    );
    problems.extend(outcome.problems.iter().cloned());
    if !problems.is_empty() {
        return Err(JicaiError::Data {
            file: data_file,
            problems,
        });
    }
    report.notes.extend(outcome.notes.iter().cloned());
    report.blocking = outcome.blocking;
    report.findings = outcome.findings;
    if report.blocking > 0 && !req.force {
        return Ok(report);
    }

    // Render and write.
    let renderer = templates.renderer(t, &filter_env(lib, Some(set)))?;
    let mut ctx = tera::Context::new();
    for (k, v) in checked.context {
        ctx.insert_value(k, v);
    }
    ctx.insert("today", &req.as_of.format("%Y-%m-%d").to_string());
    ctx.insert("region", &set.name);
    if t.manifest.providers.contains(&Provider::规则集) {
        ctx.insert_value("rs", super::handbook::context(&lib.book, set, req.as_of));
    }
    let doc = renderer.doc(&ctx)?;
    let bytes = render(&doc, format).map_err(|detail| JicaiError::Template {
        template: t.manifest.name.clone(),
        detail,
    })?;
    write_output(req.out, &bytes, req.overwrite)?;
    report.written = true;
    Ok(report)
}

/// Writes atomically. The temporary file is created private (0600); a
/// document is for sharing, so it gets the replaced file's mode, or 0644.
fn write_output(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), JicaiError> {
    use std::io::Write;
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o644)
    };
    write_atomic_with(path, overwrite, |f| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        f.write_all(bytes)
    })
}
