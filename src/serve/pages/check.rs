//! 检查: the upload form (rule set, date, project facts from the rules'
//! `事实` declaration) and its submission.

use super::{Section, esc, html, options, page};
use crate::serve::State;
use crate::serve::checking::{CheckSettings, FACT_PREFIX};
use crate::serve::error::ServeError;
use crate::serve::store::ResultId;
use crate::serve::upload::{MAX_FILES, megabytes};
use crate::table::{ColumnSpec, ColumnType};
use axum::extract::{Multipart, Query, State as Ax};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::fmt::Write as _;

#[derive(Deserialize)]
pub struct FormQuery {
    /// A result whose settings prefill the form ("check again").
    again: Option<String>,
}

pub async fn form(Ax(state): Ax<State>, Query(q): Query<FormQuery>) -> Response {
    let settings = q
        .again
        .and_then(|s| ResultId::parse(&s))
        .and_then(|id| state.store.get(id))
        .and_then(|dir| CheckSettings::load(&dir));
    let again = settings.is_some();
    let settings = settings.unwrap_or_default();
    html(StatusCode::OK, render(&state, &settings, None, again))
}

pub async fn submit(Ax(state): Ax<State>, mp: Multipart) -> Response {
    match crate::serve::checking::submit(&state, mp).await {
        Ok((id, _)) => Redirect::to(&format!("/results/{id}")).into_response(),
        Err(e) => html(
            e.status(),
            render(&state, &CheckSettings::default(), Some(&e), false),
        ),
    }
}

fn render(state: &State, s: &CheckSettings, error: Option<&ServeError>, again: bool) -> String {
    let lib = &state.lib;
    let chosen = if s.province.is_empty() {
        state.config.default_province.as_str()
    } else {
        s.province.as_str()
    };
    let sets = options(
        lib.book
            .sets
            .iter()
            .map(|x| (x.name.as_str(), x.name.as_str())),
        chosen,
    );
    let as_of = s.as_of.unwrap_or_else(|| state.today()).to_string();
    let mut body = String::from("<h1>检查表格</h1>");
    if let Some(e) = error {
        write!(
            body,
            "<p class=\"error\" role=\"alert\" id=\"form-error\">{}</p>",
            esc(&e.to_string())
        )
        .ok();
    }
    if again {
        write!(
            body,
            "<p class=\"note\">沿用上次的设置（{}）。请上传修改后的文件。</p>",
            esc(&s.files.join("、"))
        )
        .ok();
    }
    write!(
        body,
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" class=\"card\" id=\"check-form\">\
<div class=\"drop\" id=\"drop\"><label for=\"files\">选择或拖入表格文件（.xlsx / .xls / .ods / .csv，可多选）</label>\
<input type=\"file\" id=\"files\" name=\"files\" multiple required accept=\".xlsx,.xlsm,.xls,.ods,.csv\">\
<ul id=\"file-list\" class=\"files\"></ul></div>\
<div class=\"grid\"><label>地区（规则集）<select name=\"province\" id=\"province\">{sets}</select></label>\
<label>检查日期<input type=\"date\" name=\"as_of\" id=\"as_of\" value=\"{}\"></label></div>",
        esc(&as_of)
    )
    .ok();
    if let Some(fi) = lib.book.facts {
        let spec = &lib.book.tables[fi];
        let open = if s.facts.is_empty() { "" } else { " open" };
        write!(
            body,
            "<details{open}><summary>项目信息（可选，填写后一并检查）</summary><div class=\"grid\">"
        )
        .ok();
        for c in &spec.columns {
            body.push_str(&fact_input(
                c,
                s.facts.get(&c.name).map(String::as_str).unwrap_or(""),
            ));
        }
        body.push_str("</div></details>");
    }
    write!(
        body,
        "<p class=\"hint\">每次最多 {MAX_FILES} 个文件、合计 {}；检查结果的链接 {} 天内有效，到期连同上传的文件一并删除。</p>\
<button type=\"submit\">开始检查</button></form>",
        megabytes(state.config.limits.max_file_bytes),
        state.store.keep_days()
    )
    .ok();
    page("检查", Section::Check, &body)
}

/// One project-fact input, typed by its declaration.
fn fact_input(c: &ColumnSpec, value: &str) -> String {
    let name = format!("{FACT_PREFIX}{}", c.name);
    let (n, v, label) = (esc(&name), esc(value), esc(&c.name));
    let control = match &c.ty {
        ColumnType::日期 => format!("<input type=\"date\" name=\"{n}\" value=\"{v}\">"),
        ColumnType::是否 => format!(
            "<select name=\"{n}\"><option value=\"\">（未填）</option>{}</select>",
            options([("是", "是"), ("否", "否")], value)
        ),
        ColumnType::枚举(values) => format!(
            "<select name=\"{n}\"><option value=\"\">（未填）</option>{}</select>",
            options(values.iter().map(|x| (x.as_str(), x.as_str())), value)
        ),
        ColumnType::金额 { unit } => format!(
            "<input type=\"text\" name=\"{n}\" value=\"{v}\" placeholder=\"如 500万元（不写单位按{unit}）\" inputmode=\"decimal\">"
        ),
        ColumnType::百分比 => {
            format!("<input type=\"text\" name=\"{n}\" value=\"{v}\" placeholder=\"如 30%\">")
        }
        ColumnType::数值 => {
            format!("<input type=\"text\" name=\"{n}\" value=\"{v}\" inputmode=\"decimal\">")
        }
        _ => format!("<input type=\"text\" name=\"{n}\" value=\"{v}\">"),
    };
    format!("<label>{label}{control}</label>")
}
