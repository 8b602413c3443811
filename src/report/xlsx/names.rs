//! Worksheet names Excel accepts without a repair prompt: 1–31 UTF-16
//! units, none of `[]:*?/\`, no apostrophe at either end, not "History",
//! and unique ignoring case.

use std::collections::HashSet;

const MAX: usize = 31;

#[derive(Default)]
pub(crate) struct SheetNames {
    used: HashSet<String>,
}

impl SheetNames {
    /// A valid, unused name as close to `wanted` as possible. When `wanted`
    /// is taken, `qualifier` (e.g. the file's name) is tried in brackets,
    /// then a number.
    pub fn take(&mut self, wanted: &str, qualifier: Option<&str>) -> String {
        let base = sanitize(wanted);
        let mut candidates = vec![base.clone()];
        if let Some(q) = qualifier.map(sanitize) {
            candidates.push(with_suffix(&base, &format!("（{q}）")));
        }
        for c in candidates {
            if self.is_free(&c) {
                return self.keep(c);
            }
        }
        for n in 2u32.. {
            let c = with_suffix(&base, &format!("（{n}）"));
            if self.is_free(&c) {
                return self.keep(c);
            }
        }
        // Only reached after four billion sheets of the same name.
        let fallback = format!("Sheet{}", self.used.len());
        self.keep(fallback)
    }

    fn is_free(&self, name: &str) -> bool {
        !self.used.contains(&name.to_lowercase()) && !name.eq_ignore_ascii_case("history")
    }

    fn keep(&mut self, name: String) -> String {
        self.used.insert(name.to_lowercase());
        name
    }
}

fn sanitize(wanted: &str) -> String {
    let s: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let s = s.trim().trim_matches('\'').trim();
    let s = truncate(s, MAX);
    let s = s.trim_end_matches('\'');
    if s.is_empty() {
        "Sheet".into()
    } else {
        s.to_string()
    }
}

/// `base` shortened so that `base + suffix` fits.
fn with_suffix(base: &str, suffix: &str) -> String {
    let room = MAX.saturating_sub(suffix.encode_utf16().count());
    let head = truncate(base, room).trim_end_matches('\'');
    format!("{head}{suffix}")
}

fn truncate(s: &str, max_utf16: usize) -> &str {
    let mut n = 0;
    for (i, c) in s.char_indices() {
        n += c.len_utf16();
        if n > max_utf16 {
            return &s[..i];
        }
    }
    s
}

/// A reference to `sheet` usable in a formula or an `internal:` link.
pub(crate) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_unique() {
        let mut n = SheetNames::default();
        assert_eq!(n.take("检查结果", None), "检查结果");
        assert_eq!(n.take("检查结果", None), "检查结果（2）");
        assert_eq!(n.take("Sheet1", Some("a.xlsx")), "Sheet1");
        assert_eq!(n.take("sheet1", Some("b")), "sheet1（b）");
        assert_eq!(n.take("a/b:c[d]*?", None), "a_b_c_d___");
        assert_eq!(n.take("'引号'", None), "引号");
        assert_eq!(n.take("History", None), "History（2）");
        assert_eq!(n.take("", None), "Sheet");
        let long = "很".repeat(40);
        let a = n.take(&long, Some("文件"));
        let b = n.take(&long, Some("文件"));
        assert_eq!(a.encode_utf16().count(), 31);
        assert!(b.encode_utf16().count() <= 31);
        assert_ne!(a, b);
        assert_eq!(quoted("O'Brien"), "'O''Brien'");
    }
}
