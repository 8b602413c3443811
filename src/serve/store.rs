//! Where results live: one folder per result under `DATA/results/`, named
//! by a random 128-bit id, holding the uploads and everything made from
//! them. A result is reachable only through its id, expires after a set
//! number of days and is then deleted with its uploads.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A random 128-bit result id, written as 32 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ResultId([u8; 16]);

impl ResultId {
    pub fn random() -> std::io::Result<ResultId> {
        let mut b = [0u8; 16];
        getrandom::fill(&mut b).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(ResultId(b))
    }

    /// Only exactly 32 hex digits parse: nothing else from a URL ever
    /// becomes part of a path.
    pub fn parse(s: &str) -> Option<ResultId> {
        if s.len() != 32 || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let mut b = [0u8; 16];
        for (i, byte) in b.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(ResultId(b))
    }
}

impl std::fmt::Display for ResultId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

const CREATED: &str = "created";

pub struct Store {
    root: PathBuf,
    keep: Duration,
}

impl Store {
    /// Results under `data_dir/results`, kept for `keep_days` days.
    pub fn open(data_dir: &Path, keep_days: u32) -> std::io::Result<Store> {
        let root = data_dir.join("results");
        std::fs::create_dir_all(&root)?;
        Ok(Store {
            root,
            keep: Duration::from_secs(u64::from(keep_days) * 24 * 3600),
        })
    }

    pub fn keep_days(&self) -> u64 {
        self.keep.as_secs() / (24 * 3600)
    }

    /// A new, empty result folder.
    pub fn create(&self) -> std::io::Result<(ResultId, PathBuf)> {
        let id = ResultId::random()?;
        let dir = self.root.join(id.to_string());
        std::fs::create_dir(&dir)?;
        std::fs::write(dir.join(CREATED), now_secs().to_string())?;
        Ok((id, dir))
    }

    /// The folder of a live result; `None` when unknown or expired.
    pub fn get(&self, id: ResultId) -> Option<PathBuf> {
        let dir = self.root.join(id.to_string());
        let created = created_secs(&dir)?;
        (now_secs().saturating_sub(created) < self.keep.as_secs()).then_some(dir)
    }

    pub fn delete(&self, id: ResultId) {
        let _ = std::fs::remove_dir_all(self.root.join(id.to_string()));
    }

    /// Deletes every expired result (and any stray folder without a
    /// timestamp); returns how many were deleted.
    pub fn sweep(&self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return 0;
        };
        let now = now_secs();
        let mut deleted = 0;
        for e in entries.flatten() {
            let path = e.path();
            let expired = match created_secs(&path) {
                Some(c) => now.saturating_sub(c) >= self.keep.as_secs(),
                // A folder being created has its timestamp within a moment.
                None => e
                    .metadata()
                    .and_then(|m| m.modified())
                    .map(|m| m.elapsed().unwrap_or_default() > Duration::from_secs(3600))
                    .unwrap_or(false),
            };
            if expired && std::fs::remove_dir_all(&path).is_ok() {
                deleted += 1;
            }
        }
        deleted
    }

    /// For tests and the benchmark: backdates a result by `days`.
    pub fn backdate(&self, id: ResultId, days: u64) -> std::io::Result<()> {
        let dir = self.root.join(id.to_string());
        let then = now_secs().saturating_sub(days * 24 * 3600);
        std::fs::write(dir.join(CREATED), then.to_string())
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn created_secs(dir: &Path) -> Option<u64> {
    std::fs::read_to_string(dir.join(CREATED))
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_hex_and_only_hex_parses() {
        let a = ResultId::random().unwrap();
        let b = ResultId::random().unwrap();
        assert_ne!(a, b);
        let s = a.to_string();
        assert_eq!(s.len(), 32);
        assert_eq!(ResultId::parse(&s), Some(a));
        for bad in [
            "",
            "../../etc/passwd",
            &s[..31],
            &format!("{s}0"),
            &s.replace(&s[..2], "zz"),
        ] {
            assert_eq!(ResultId::parse(bad), None, "{bad}");
        }
        // A multi-byte character must not panic the slicing.
        assert_eq!(ResultId::parse("检检检检检检检检检检a0"), None);
    }

    #[test]
    fn expired_results_are_gone_and_swept() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path(), 7).unwrap();
        let (old, old_dir) = store.create().unwrap();
        let (fresh, _) = store.create().unwrap();
        std::fs::write(old_dir.join("upload.xlsx"), b"x").unwrap();
        store.backdate(old, 7).unwrap();
        assert!(store.get(old).is_none());
        assert!(store.get(fresh).is_some());
        assert_eq!(store.sweep(), 1);
        assert!(!old_dir.exists());
        store.backdate(fresh, 6).unwrap();
        assert!(store.get(fresh).is_some());
        assert_eq!(store.sweep(), 0);
    }
}
