//! Where templates come from: the tree embedded in the binary, or a
//! directory given with `--templates DIR`. Templates are confined to their
//! tree: only regular files inside it are read (no symbolic links, no `..`),
//! and tera is given nothing else, so a template cannot read other files or
//! run commands.

use crate::error::JicaiError;
use include_dir::{Dir, include_dir};
use std::path::{Component, Path, PathBuf};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// Largest template file read.
const MAX_FILE_BYTES: u64 = 1024 * 1024;
const MAX_FILES: usize = 5000;
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone)]
pub enum TemplateTree {
    Embedded,
    Directory(PathBuf),
}

impl TemplateTree {
    pub fn open(dir: Option<&Path>) -> Result<TemplateTree, JicaiError> {
        let Some(d) = dir else {
            return Ok(TemplateTree::Embedded);
        };
        let fail = |detail: String| JicaiError::Template {
            template: d.display().to_string(),
            detail,
        };
        let meta = std::fs::metadata(d).map_err(|e| fail(format!("模板目录无法打开（{e}）")))?;
        if !meta.is_dir() {
            return Err(fail("不是目录".into()));
        }
        Ok(TemplateTree::Directory(d.to_path_buf()))
    }

    /// For messages: "内置模板" or the directory.
    pub fn label(&self) -> String {
        match self {
            TemplateTree::Embedded => "内置模板".into(),
            TemplateTree::Directory(d) => d.display().to_string(),
        }
    }

    /// Relative paths ("jilin/batch-task-notice/template.yaml") of every
    /// file, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self {
            TemplateTree::Embedded => embedded_files(&EMBEDDED, &mut out),
            TemplateTree::Directory(d) => walk(d, "", 0, &mut out),
        }
        out.sort();
        out
    }

    pub fn read(&self, rel: &str) -> Result<String, String> {
        if !is_confined(rel) {
            return Err(format!("路径“{rel}”超出模板目录"));
        }
        match self {
            TemplateTree::Embedded => EMBEDDED
                .get_file(rel)
                .and_then(|f| f.contents_utf8())
                .map(str::to_string)
                .ok_or_else(|| format!("没有文件“{rel}”")),
            TemplateTree::Directory(d) => {
                let p = d.join(rel);
                let meta =
                    std::fs::symlink_metadata(&p).map_err(|e| format!("无法打开“{rel}”（{e}）"))?;
                if !meta.file_type().is_file() {
                    return Err(format!("“{rel}”不是普通文件（不读取符号链接）"));
                }
                if meta.len() > MAX_FILE_BYTES {
                    return Err(format!("“{rel}”过大（上限 {MAX_FILE_BYTES} 字节）"));
                }
                std::fs::read_to_string(&p).map_err(|e| format!("无法读取“{rel}”（{e}）"))
            }
        }
    }
}

/// A relative path of normal components only.
fn is_confined(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

fn embedded_files(dir: &Dir<'static>, out: &mut Vec<String>) {
    for f in dir.files() {
        out.push(f.path().to_string_lossy().replace('\\', "/"));
    }
    for d in dir.dirs() {
        embedded_files(d, out);
    }
}

fn walk(dir: &Path, rel: &str, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_DEPTH || out.len() >= MAX_FILES {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        // symlink_metadata: links are neither followed nor listed.
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        let path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if meta.is_dir() {
            walk(&e.path(), &path, depth + 1, out);
        } else if meta.is_file() && out.len() < MAX_FILES {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confined_paths() {
        assert!(is_confined("jilin/a/body.jdoc"));
        assert!(!is_confined("../etc/passwd"));
        assert!(!is_confined("/etc/passwd"));
        assert!(!is_confined("a/../../b"));
        assert!(!is_confined(""));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_not_read() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.jdoc"), "x").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", d.path().join("b.jdoc")).unwrap();
        let t = TemplateTree::Directory(d.path().to_path_buf());
        assert_eq!(t.files(), vec!["a.jdoc".to_string()]);
        assert!(t.read("b.jdoc").unwrap_err().contains("符号链接"));
        assert_eq!(t.read("a.jdoc").unwrap(), "x");
    }
}
