//! HTML pages. Every value that came from a user, a file or a rule is
//! escaped (`crate::html::escape`); pages carry no inline script or style
//! (the CSP forbids both), only /assets/app.css and /assets/app.js.

pub mod check;
pub mod generate;
pub mod result;
pub mod rules;

use super::error::ServeError;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

pub use crate::html::escape as esc;

/// Which section of the navigation is current.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Check,
    Generate,
    Rules,
    None,
}

/// A whole page around `body` (already HTML).
pub fn page(title: &str, section: Section, body: &str) -> String {
    let nav = [
        (Section::Check, "/check", "检查"),
        (Section::Generate, "/generate", "生成"),
        (Section::Rules, "/rules", "规则"),
    ]
    .iter()
    .map(|(s, href, label)| {
        let current = if *s == section {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{href}\"{current}>{label}</a>")
    })
    .collect::<String>();
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} · 集采</title><link rel=\"stylesheet\" href=\"/assets/app.css\">\
<script src=\"/assets/app.js\" defer></script></head>\
<body><header class=\"top\"><a class=\"brand\" href=\"/\">集采</a><nav>{nav}\
<a href=\"/api/docs\">接口</a></nav></header><main>{body}</main>\
<footer>集采（jicai）政府采购规则检查与文书生成 · 上传的文件只保存在本服务的数据目录中，随结果到期删除</footer></body></html>\n",
        esc(title)
    )
}

/// An HTML response that is never cached (results are private).
pub fn html(status: StatusCode, text: String) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], Html(text)).into_response()
}

/// A page that says what went wrong.
pub fn error_page(e: &ServeError) -> Response {
    let body = format!(
        "<h1>无法完成</h1><p class=\"error\" role=\"alert\">{}</p><p><a href=\"/check\">返回检查页</a></p>",
        esc(&e.to_string())
    );
    html(e.status(), page("出错了", Section::None, &body))
}

pub struct PageError(pub ServeError);

impl<E: Into<ServeError>> From<E> for PageError {
    fn from(e: E) -> PageError {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(&self.0)
    }
}

pub async fn not_found() -> Response {
    error_page(&ServeError::NotFound("页面不存在".into()))
}

/// `<option>`s, with `selected` on the chosen value.
pub fn options<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>, chosen: &str) -> String {
    items
        .into_iter()
        .map(|(value, label)| {
            let sel = if value == chosen { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{sel}>{}</option>",
                esc(value),
                esc(label)
            )
        })
        .collect()
}

/// `Content-Disposition` for a download named `stem.ext` (RFC 6266: an
/// ASCII fallback and the UTF-8 name percent-encoded).
pub fn disposition(stem: &str, ext: &str) -> String {
    let encoded: String = format!("{stem}.{ext}")
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"download.{ext}\"; filename*=UTF-8''{encoded}")
}
