//! One open rule file, loaded with the library it belongs to — the files
//! beside it laid over the built-in library, as `--rules DIR` would — so
//! that its diagnostics are exactly those of a load.

use crate::dsl::diagnostics::LoadError;
use crate::dsl::source::{Embedded, RuleSource, overlay_files};
use crate::dsl::{LoadErrors, RuleBook, Sources};
use std::path::Path;

pub struct Analysis {
    pub sources: Sources,
    /// The open document's index in `sources`.
    pub doc: usize,
    /// Load errors in the open document.
    pub errors: Vec<LoadError>,
    /// Load errors in other files (e.g. a column the document renamed).
    pub elsewhere: Vec<LoadError>,
    /// The loaded library, when it loads.
    pub book: Option<RuleBook>,
}

/// Loads `text` as the file at `path` together with the `.rules` files
/// beside it (read from disk) over the built-in library.
pub fn analyse(path: &Path, text: &str) -> Analysis {
    let name = path.display().to_string();
    let mut local = siblings(path);
    local.push((name.clone(), text.to_string()));
    let builtin = Embedded.rule_files().unwrap_or_default();
    let mut sources = Sources::default();
    for (n, t) in overlay_files(builtin, local) {
        sources.add(n, t);
    }
    let doc = sources
        .files
        .iter()
        .position(|f| f.name == name)
        .unwrap_or_default();
    let (book, errors) = match crate::dsl::load(&sources) {
        Ok(book) => (Some(book), Vec::new()),
        Err(LoadErrors(errors)) => (None, errors),
    };
    let (errors, elsewhere) = errors.into_iter().partition(|e| e.file == name);
    Analysis {
        sources,
        doc,
        errors,
        elsewhere,
        book,
    }
}

/// The other `.rules` files in the document's folder.
fn siblings(path: &Path) -> Vec<(String, String)> {
    let Some(dir) = path.parent().filter(|d| d.is_dir()) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p != path && p.extension().is_some_and(|e| e == "rules"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    files.sort();
    files
}

/// LSP positions count UTF-16 code units; rule files are Chinese.
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// The character index in `line` of a UTF-16 column.
pub fn char_index(line: &str, utf16_col: u32) -> usize {
    let mut units = 0;
    for (i, c) in line.chars().enumerate() {
        if units >= utf16_col {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    line.chars().count()
}

/// Characters that make up names and rule ids (as in the grammar).
pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '〇')
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The name under (or just before) the cursor, with its character range.
pub fn word_at(line: &str, utf16_col: u32) -> Option<(String, usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = char_index(line, utf16_col);
    if i >= chars.len() || !is_name_char(chars[i]) {
        i = i.checked_sub(1)?;
        if !is_name_char(*chars.get(i)?) {
            return None;
        }
    }
    let start = (0..=i)
        .rev()
        .take_while(|&k| is_name_char(chars[k]))
        .last()?;
    let end = (i..chars.len())
        .take_while(|&k| is_name_char(chars[k]))
        .last()?
        + 1;
    Some((chars[start..end].iter().collect(), start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_utf16_columns() {
        let line = "  要求 合同金额 不超过 河北合同上限";
        // "  要求 " is 5 UTF-16 units; the cursor inside 合同金额.
        assert_eq!(word_at(line, 6), Some(("合同金额".into(), 5, 9)));
        // Just after the word still finds it.
        assert_eq!(word_at(line, 9).map(|w| w.0), Some("合同金额".into()));
        assert_eq!(word_at("  ", 1), None);
        assert_eq!(char_index("𠀀a", 2), 1);
        assert_eq!(utf16_len("𠀀a"), 3);
        assert_eq!(
            word_at("规则 HB-02 \"x\"", 5).map(|w| w.0),
            Some("HB-02".into())
        );
    }
}
