//! Where rule files come from: the copy embedded in the binary, or a
//! directory given with `--rules DIR`. Both serve the same loader.

use super::diagnostics::Sources;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("规则目录 {dir} 无法读取：{detail}")]
    Dir { dir: String, detail: String },
    #[error("规则文件 {file} 无法读取：{detail}")]
    File { file: String, detail: String },
    #[error("规则目录 {dir} 中没有 .rules 文件")]
    NoRules { dir: String },
}

/// A set of rule files plus the data files shipped beside them.
pub trait RuleSource {
    /// (display name, text) of every `.rules` file, in a stable order.
    fn rule_files(&self) -> Result<Vec<(String, String)>, SourceError>;
    /// A data file by relative path (e.g. `data/holiday-cn/2025.json`).
    fn data_file(&self, path: &str) -> Option<String>;
    /// Relative paths of the data files under `folder`.
    fn data_files(&self, folder: &str) -> Vec<String>;
}

/// The rules compiled into the binary.
pub struct Embedded;

impl RuleSource for Embedded {
    fn rule_files(&self) -> Result<Vec<(String, String)>, SourceError> {
        let mut files: Vec<(String, String)> = EMBEDDED
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "rules"))
            .filter_map(|f| {
                Some((
                    format!("rules/{}", f.path().display()),
                    f.contents_utf8()?.to_string(),
                ))
            })
            .collect();
        files.sort();
        Ok(files)
    }
    fn data_file(&self, path: &str) -> Option<String> {
        EMBEDDED
            .get_file(path)
            .and_then(|f| f.contents_utf8())
            .map(str::to_string)
    }
    fn data_files(&self, folder: &str) -> Vec<String> {
        let mut v: Vec<String> = EMBEDDED
            .get_dir(folder)
            .map(|d| d.files().map(|f| f.path().display().to_string()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }
}

/// Rules from a directory (`--rules DIR`). Data files not present there
/// fall back to the embedded copies.
pub struct Directory(pub PathBuf);

impl RuleSource for Directory {
    fn rule_files(&self) -> Result<Vec<(String, String)>, SourceError> {
        let dir = &self.0;
        let entries = std::fs::read_dir(dir).map_err(|e| SourceError::Dir {
            dir: dir.display().to_string(),
            detail: io_detail(&e),
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "rules"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(SourceError::NoRules {
                dir: dir.display().to_string(),
            });
        }
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).map_err(|e| SourceError::File {
                    file: p.display().to_string(),
                    detail: io_detail(&e),
                })?;
                Ok((p.display().to_string(), text))
            })
            .collect()
    }
    fn data_file(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(self.0.join(path))
            .ok()
            .or_else(|| Embedded.data_file(path))
    }
    fn data_files(&self, folder: &str) -> Vec<String> {
        let local = self.0.join(folder);
        if !local.is_dir() {
            return Embedded.data_files(folder);
        }
        let mut v: Vec<String> = std::fs::read_dir(&local)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| Path::new(folder).join(e.file_name()).display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }
}

/// An I/O error in Chinese where the cause is a common one.
fn io_detail(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        std::io::ErrorKind::NotADirectory => "不是目录".into(),
        std::io::ErrorKind::InvalidData => "不是 UTF-8 编码的文本文件".into(),
        _ => e.to_string(),
    }
}

/// Reads every rule file of `source` into [`Sources`].
pub fn read_sources(source: &dyn RuleSource) -> Result<Sources, SourceError> {
    let mut sources = Sources::default();
    for (name, text) in source.rule_files()? {
        sources.add(name, text);
    }
    Ok(sources)
}
