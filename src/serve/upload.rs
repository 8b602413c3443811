//! Receives a multipart upload: files are streamed to disk chunk by chunk
//! (never held whole in memory) under the result's folder, text fields are
//! collected. The body limit is applied by the router; here it surfaces as
//! a read error with status 413.

use super::error::ServeError;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// Most files in one check.
pub const MAX_FILES: usize = 20;
/// Largest text field (a date, a province, a project fact).
const MAX_FIELD_BYTES: usize = 16 * 1024;

#[derive(Debug, Default)]
pub struct Received {
    /// Saved files, in upload order.
    pub files: Vec<PathBuf>,
    /// Text fields, in order.
    pub fields: Vec<(String, String)>,
}

impl Received {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// Saves every file part under `dir/uploads/N/NAME`.
pub async fn receive(
    mut mp: Multipart,
    dir: &Path,
    limit_bytes: u64,
) -> Result<Received, ServeError> {
    let fail = |e: MultipartError| multipart_error(e, limit_bytes);
    let mut got = Received::default();
    while let Some(mut field) = mp.next_field().await.map_err(fail)? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(original) => {
                if original.trim().is_empty() {
                    // An empty file input still sends a part: skip it.
                    while field.chunk().await.map_err(fail)?.is_some() {}
                    continue;
                }
                if got.files.len() == MAX_FILES {
                    return Err(ServeError::BadRequest(format!(
                        "一次最多上传 {MAX_FILES} 个文件，请分批检查"
                    )));
                }
                let folder = dir.join("uploads").join((got.files.len() + 1).to_string());
                tokio::fs::create_dir_all(&folder).await.map_err(io)?;
                let path = folder.join(safe_file_name(&original));
                let mut out = tokio::fs::File::create(&path).await.map_err(io)?;
                while let Some(chunk) = field.chunk().await.map_err(fail)? {
                    out.write_all(&chunk).await.map_err(io)?;
                }
                out.flush().await.map_err(io)?;
                got.files.push(path);
            }
            None => {
                let mut text = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(fail)? {
                    text.extend_from_slice(&chunk);
                    if text.len() > MAX_FIELD_BYTES {
                        return Err(ServeError::BadRequest(format!("字段“{name}”过长")));
                    }
                }
                let text = String::from_utf8(text)
                    .map_err(|_| ServeError::BadRequest(format!("字段“{name}”不是 UTF-8 文本")))?;
                got.fields.push((name, text));
            }
        }
    }
    Ok(got)
}

fn io(e: std::io::Error) -> ServeError {
    ServeError::Internal(format!("无法保存上传的文件（{e}）"))
}

fn multipart_error(e: MultipartError, limit_bytes: u64) -> ServeError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ServeError::TooLarge(megabytes(limit_bytes))
    } else {
        ServeError::BadRequest(format!("上传内容不完整或格式有误（{}）", e.body_text()))
    }
}

pub fn megabytes(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} 字节")
    }
}

/// The last path component of a client's file name, without control
/// characters or leading dots, at most 100 characters (keeping the
/// extension, which decides how the file is read).
pub fn safe_file_name(original: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() {
        return "上传文件".into();
    }
    let chars: Vec<char> = clean.chars().collect();
    if chars.len() <= 100 {
        return clean.to_string();
    }
    let ext: String = match clean.rfind('.') {
        Some(i) if clean.len() - i <= 8 => clean[i..].to_string(),
        _ => String::new(),
    };
    let keep = 100 - ext.chars().count();
    chars[..keep].iter().collect::<String>() + &ext
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn client_file_names_cannot_leave_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\甲\\需求表.xlsx"), "需求表.xlsx");
        assert_eq!(safe_file_name(".."), "上传文件");
        assert_eq!(safe_file_name("..\u{0}.xlsx"), "xlsx");
        assert_eq!(safe_file_name(" "), "上传文件");
        let long = format!("{}.xlsx", "表".repeat(300));
        let safe = safe_file_name(&long);
        assert_eq!(safe.chars().count(), 100);
        assert!(safe.ends_with(".xlsx"));
    }
}
