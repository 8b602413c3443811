//! Writing outputs safely: to a temporary file in the same folder, then
//! renamed over the target, so an interrupted run leaves the previous file
//! intact and a reader never sees half a file. Existing files are kept
//! unless the caller allows overwriting.

use crate::error::JicaiError;
use std::io::Write;
use std::path::Path;

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Refuse,
    Allow,
}

/// Refuses early (before any work) when `path` cannot be written: it is a
/// folder, its folder does not exist, or it exists and may not be replaced.
pub fn ensure_writable(path: &Path, overwrite: Overwrite) -> Result<(), JicaiError> {
    let fail = |detail: String| JicaiError::Write {
        path: path.display().to_string(),
        detail,
    };
    if path.is_dir() {
        return Err(fail("这是一个目录，请给出文件名".into()));
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(fail(format!("目录 {} 不存在", dir.display())));
    }
    // A symbolic link counts as there, even dangling: it is replaced (with
    // --force), never written through.
    if overwrite == Overwrite::Refuse && path.symlink_metadata().is_ok() {
        return Err(fail("文件已存在；如需覆盖请加 --force".into()));
    }
    Ok(())
}

/// The folder a file goes into ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), JicaiError> {
    write_atomic_with(path, overwrite, |w| w.write_all(bytes))
}

/// Writes through `fill` into a temporary file beside `path`, then renames it
/// into place. On any error the temporary file is removed.
pub fn write_atomic_with(
    path: &Path,
    overwrite: Overwrite,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), JicaiError> {
    ensure_writable(path, overwrite)?;
    let fail = |detail: String| JicaiError::Write {
        path: path.display().to_string(),
        detail,
    };
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".jicai-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail(format!("无法在 {} 创建临时文件（{e}）", dir.display())))?;
    share_like_target(tmp.as_file(), path).map_err(|e| fail(e.to_string()))?;
    fill(tmp.as_file_mut()).map_err(|e| fail(e.to_string()))?;
    tmp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    let result = match overwrite {
        Overwrite::Allow => tmp.persist(path).map(|_| ()),
        // persist_noclobber refuses if the target appeared meanwhile.
        Overwrite::Refuse => tmp.persist_noclobber(path).map(|_| ()),
    };
    result.map_err(|e| fail(e.error.to_string()))
}

/// Temporary files are created private (0600); an output is for sharing, so
/// it takes the mode of the file it replaces, or 0644.
fn share_like_target(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o644);
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (file, target);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one", Overwrite::Refuse).unwrap();
        let err = write_atomic(&p, b"two", Overwrite::Refuse).unwrap_err();
        assert!(err.to_string().contains("已存在"), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", Overwrite::Allow).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_target_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        let link = dir.path().join("out.txt");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let err = write_atomic(&link, b"new", Overwrite::Refuse).unwrap_err();
        assert!(err.to_string().contains("已存在"), "{err}");
        write_atomic(&link, b"new", Overwrite::Allow).unwrap();
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
        assert!(!link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_like_ordinary_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"x", Overwrite::Refuse).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), 0o644);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"y", Overwrite::Allow).unwrap();
        assert_eq!(mode(&p), 0o600, "a replaced file keeps its mode");
    }

    #[test]
    fn refuses_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let e = ensure_writable(dir.path(), Overwrite::Allow).unwrap_err();
        assert!(e.to_string().contains("这是一个目录"), "{e}");
        let e = ensure_writable(&dir.path().join("无/x.json"), Overwrite::Allow).unwrap_err();
        assert!(e.to_string().contains("不存在"), "{e}");
    }

    #[test]
    fn failed_fill_keeps_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"old", Overwrite::Refuse).unwrap();
        let err = write_atomic_with(&p, Overwrite::Allow, |_| Err(std::io::Error::other("中断")))
            .unwrap_err();
        assert!(err.to_string().contains("中断"));
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
