//! Where rule files come from: the copy embedded in the binary, a directory
//! laid over it (`--rules DIR`), or a directory alone (`--rules-only DIR`).
//! All serve the same loader.

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

/// The embedded library with a directory laid over it (`--rules DIR`): a
/// file there adds a rule set, or replaces the built-in file that declares
/// the same rule set (or has the same file name, e.g. `tables.rules`).
/// Data files in the directory take precedence over the embedded ones.
pub struct Overlay(pub PathBuf);

impl RuleSource for Overlay {
    fn rule_files(&self) -> Result<Vec<(String, String)>, SourceError> {
        let local = Directory(self.0.clone()).rule_files()?;
        Ok(overlay_files(Embedded.rule_files()?, local))
    }
    fn data_file(&self, path: &str) -> Option<String> {
        Directory(self.0.clone()).data_file(path)
    }
    fn data_files(&self, folder: &str) -> Vec<String> {
        Directory(self.0.clone()).data_files(folder)
    }
}

/// The built-in files that no local file replaces, then the local files.
pub fn overlay_files(
    builtin: Vec<(String, String)>,
    local: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = builtin
        .into_iter()
        .filter(|(name, text)| !local.iter().any(|(n, t)| replaces(n, t, name, text)))
        .collect();
    files.extend(local);
    files
}

/// Whether the local file `(name, text)` takes the place of the built-in one.
fn replaces(name: &str, text: &str, builtin_name: &str, builtin_text: &str) -> bool {
    let file_name = |n: &str| Path::new(n).file_name().map(|f| f.to_os_string());
    if file_name(name) == file_name(builtin_name) {
        return true;
    }
    match (declared_ruleset(text), declared_ruleset(builtin_text)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The rule set a file declares (`规则集 浙江 {`), found without parsing the
/// whole file, so that a file with a mistake still replaces its built-in
/// namesake and the mistake is reported against it.
pub fn declared_ruleset(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.trim_start_matches('\u{FEFF}').trim())
        .find_map(|l| {
            let rest = l
                .strip_prefix("规则集")
                .or_else(|| l.strip_prefix("ruleset"))?;
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            let name: String = rest
                .trim_start()
                .trim_start_matches(['"', '“'])
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '{' | '"' | '”'))
                .collect();
            (!name.is_empty()).then_some(name)
        })
}

/// Writes the embedded library (rule files and data) into `dir`, keeping its
/// layout. Existing files are replaced only with `overwrite`; nothing is
/// written when any target exists and may not be replaced.
pub fn export(
    dir: &Path,
    overwrite: crate::output::Overwrite,
) -> Result<Vec<PathBuf>, crate::error::JicaiError> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    if overwrite == crate::output::Overwrite::Refuse
        && let Some((p, _)) = files
            .iter()
            .find(|(p, _)| dir.join(p).symlink_metadata().is_ok())
    {
        return Err(crate::error::JicaiError::Write {
            path: dir.join(p).display().to_string(),
            detail: "文件已存在；如需覆盖请加 --force".into(),
        });
    }
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let target = dir.join(&rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| crate::error::JicaiError::Write {
                path: parent.display().to_string(),
                detail: io_detail(&e),
            })?;
        }
        crate::output::write_atomic(&target, bytes, overwrite)?;
        written.push(target);
    }
    Ok(written)
}

fn collect_embedded(d: &'static Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for f in d.files() {
        out.push((f.path().to_path_buf(), f.contents()));
    }
    for sub in d.dirs() {
        collect_embedded(sub, out);
    }
}

/// An I/O error in Chinese where the cause is a common one.
pub(crate) fn io_detail(e: &std::io::Error) -> String {
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
