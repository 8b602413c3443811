//! The column mapping in words, shared by the text, HTML and xlsx reports:
//! which header became which field, how, and which headers were left unused.

use crate::table::{ColumnMatch, HeaderColumn, MatchKind};

/// "A 采购单位名称 → 参与单位（同义）" for one read header; exact matches
/// need no explanation.
pub fn read_text(c: &HeaderColumn) -> Option<String> {
    let field = c.field.as_deref()?;
    Some(match c.kind {
        ColumnMatch::Read(MatchKind::Exact) => format!("{} {}", c.cell, c.header),
        kind => format!("{} {} → {field}（{}）", c.cell, c.header, kind.name_cn()),
    })
}

/// "J 备注" or "K 供应商名 （是否指“供应商名称”？）" for one unused header.
pub fn unused_text(c: &HeaderColumn) -> Option<String> {
    if c.field.is_some() {
        return None;
    }
    let mut s = format!("{} {}", c.cell, c.header);
    match (&c.note, &c.suggestion) {
        (Some(n), _) => s.push_str(&format!("（{n}）")),
        (None, Some(f)) => s.push_str(&format!("（是否指“{f}”？）")),
        (None, None) => {}
    }
    Some(s)
}

/// Two lines: the headers read, and the headers left unused (if any).
pub fn summary(columns: &[HeaderColumn]) -> (String, Option<String>) {
    let read: Vec<String> = columns.iter().filter_map(read_text).collect();
    let unused: Vec<String> = columns.iter().filter_map(unused_text).collect();
    (
        format!("读取的列：{}", read.join("；")),
        (!unused.is_empty()).then(|| format!("未使用的列：{}", unused.join("；"))),
    )
}
