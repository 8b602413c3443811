//! Rendering a [`CheckReport`](crate::check::CheckReport) for people and tools.

mod csv_grid;
pub mod grid;
pub mod html;
pub mod json;
pub mod text;
pub mod xlsx;

use crate::error::JicaiError;
use crate::output::{Overwrite, write_atomic_with};
use std::path::Path;

/// Writes a report atomically. The temporary file is created private
/// (0600); a report is for sharing, so it gets the replaced file's mode, or
/// 0644.
pub fn write_shared(
    path: &Path,
    overwrite: Overwrite,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), JicaiError> {
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
        fill(f)
    })
}
