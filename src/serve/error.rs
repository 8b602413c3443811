//! What can go wrong serving a request, with its HTTP status and the
//! Chinese message the user reads. Pages render it as HTML, the API as JSON.

use crate::error::JicaiError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("系统繁忙，请稍后再试")]
    Busy,
    #[error("处理超时（上限 {0} 秒），请减少文件或稍后再试")]
    Timeout(u64),
    #[error("上传内容过大：每次最多 {0}")]
    TooLarge(String),
    /// The request itself is malformed or incomplete (400).
    #[error("{0}")]
    BadRequest(String),
    /// The upload or data could not be used (422): bad workbook, bad facts.
    #[error("{0}")]
    BadInput(String),
    #[error("{0}")]
    NotFound(String),
    #[error("服务器内部错误：{0}")]
    Internal(String),
}

impl ServeError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ServeError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ServeError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::BadInput(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn result_not_found() -> ServeError {
        ServeError::NotFound("结果不存在或已过期删除".into())
    }

    /// A library error about the user's input, with any server path in it
    /// hidden (`dir` is the folder the uploads were saved in).
    pub fn from_library(e: JicaiError, dir: &std::path::Path) -> ServeError {
        let text = hide_dir(&render_plain(&e), dir);
        match e {
            JicaiError::Usage(_) | JicaiError::UnknownRuleset { .. } => {
                ServeError::BadRequest(text)
            }
            JicaiError::Write { .. } | JicaiError::Template { .. } => ServeError::Internal(text),
            _ => ServeError::BadInput(text),
        }
    }
}

impl From<super::pool::PoolError> for ServeError {
    fn from(e: super::pool::PoolError) -> ServeError {
        match e {
            super::pool::PoolError::Busy => ServeError::Busy,
            super::pool::PoolError::Panicked => ServeError::Internal(e.to_string()),
        }
    }
}

/// The error's message with its help line, as plain text.
pub fn render_plain(e: &JicaiError) -> String {
    use miette::Diagnostic;
    let mut s = e.to_string();
    if let Some(help) = e.help() {
        s.push('（');
        s.push_str(&help.to_string());
        s.push('）');
    }
    s
}

/// Removes the server's folder from a message: users see their file names.
pub fn hide_dir(text: &str, dir: &std::path::Path) -> String {
    let root = dir.display().to_string();
    let mut out = text.to_string();
    for n in 1..=super::upload::MAX_FILES {
        out = out.replace(&format!("{root}/uploads/{n}/"), "");
    }
    out.replace(&format!("{root}/"), "").replace(&root, "")
}

/// The API's error body: `{"error": "…"}`.
pub struct ApiError(pub ServeError);

impl<E: Into<ServeError>> From<E> for ApiError {
    fn from(e: E) -> ApiError {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        (
            status,
            Json(serde_json::json!({ "error": self.0.to_string() })),
        )
            .into_response()
    }
}
