//! Every asset the pages use, compiled into the binary (intranets have no
//! internet: no CDN, no web font, no external script), and the OpenAPI
//! document with its viewer.

use super::pages::{Section, html, page};
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// name → (content type, bytes).
const ASSETS: [(&str, &str, &str); 3] = [
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "api-docs.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/api-docs.js"),
    ),
];

/// The OpenAPI 3.1 description of `/api/*`.
pub const OPENAPI: &str = include_str!("assets/openapi.json");

pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, body)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *body,
        )
            .into_response(),
        None => {
            super::pages::error_page(&super::error::ServeError::NotFound("没有这个文件".into()))
        }
    }
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// The viewer: a page that reads /api/openapi.json and lists every
/// operation with its parameters and answers (assets/api-docs.js).
pub async fn api_docs() -> Response {
    let body = "<h1>HTTP 接口</h1><p>机器可读的说明：<a href=\"/api/openapi.json\">/api/openapi.json</a>（OpenAPI 3.1）。</p>\
<div id=\"api-docs\"><p class=\"hint\">正在读取接口说明…</p></div><script src=\"/assets/api-docs.js\" defer></script>";
    html(StatusCode::OK, page("HTTP 接口", Section::None, body))
}
