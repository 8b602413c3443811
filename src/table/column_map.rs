//! The clerk's column map (`--map FILE.yaml`): header → field assignments
//! per sheet, or for any sheet ("*"), that win over matching; `~` leaves a
//! header unread. `jicai map` writes the mapping jicai chose in this form.

use crate::model::vocabulary::Vocabulary;
use crate::value::closest;
use indexmap::IndexMap;
use std::path::Path;

/// The YAML file's largest accepted size.
const MAX_MAP_BYTES: u64 = 1024 * 1024;

/// Sheet name (or "*") → header text → field (`None`: do not read).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMap {
    sheets: IndexMap<String, IndexMap<String, Option<String>>>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("列映射文件 {file} 有误：{detail}")]
pub struct MapError {
    pub file: String,
    pub detail: String,
}

impl ColumnMap {
    pub fn is_empty(&self) -> bool {
        self.sheets.values().all(IndexMap::is_empty)
    }

    /// Reads and checks a map file: every field must be in the vocabulary.
    pub fn load(path: &Path, vocabulary: &Vocabulary) -> Result<ColumnMap, MapError> {
        let file = path.display().to_string();
        let fail = |detail: String| MapError {
            file: file.clone(),
            detail,
        };
        let size = std::fs::metadata(path)
            .map_err(|e| fail(format!("无法读取：{e}")))?
            .len();
        if size > MAX_MAP_BYTES {
            return Err(fail(format!("文件过大（{size} 字节，上限 1 MiB）")));
        }
        let text = std::fs::read_to_string(path).map_err(|e| fail(format!("无法读取：{e}")))?;
        ColumnMap::parse(&text, vocabulary).map_err(fail)
    }

    /// Parses map text; the error is a Chinese detail without the file name.
    pub fn parse(text: &str, vocabulary: &Vocabulary) -> Result<ColumnMap, String> {
        if text.trim().is_empty() {
            return Ok(ColumnMap::default());
        }
        let sheets: IndexMap<String, Option<IndexMap<String, Option<String>>>> =
            serde_saphyr::from_str(text).map_err(|e| {
                format!("应为“工作表名: {{表头: 字段}}”的 YAML 映射（字段写 ~ 表示不读）：{e}")
            })?;
        let mut map = ColumnMap::default();
        let mut problems = Vec::new();
        for (sheet, headers) in sheets {
            let headers = headers.unwrap_or_default();
            for (header, field) in &headers {
                if let Some(f) = field
                    && vocabulary.field(f).is_none()
                {
                    let hint = closest(f, vocabulary.fields.iter().map(|x| x.name.as_str()))
                        .map(|c| format!("，是否指“{c}”？"))
                        .unwrap_or_default();
                    problems.push(format!(
                        "工作表“{sheet}”的表头“{header}”：没有字段“{f}”{hint}"
                    ));
                }
            }
            map.sheets.insert(sheet, headers);
        }
        if problems.is_empty() {
            Ok(map)
        } else {
            Err(problems.join("；"))
        }
    }

    /// The assignments for `sheet`: those for any sheet, then the sheet's own.
    pub fn for_sheet(&self, sheet: &str) -> Vec<(String, Option<String>)> {
        ["*", sheet]
            .iter()
            .filter_map(|s| self.sheets.get(*s))
            .flat_map(|h| h.iter().map(|(k, v)| (k.clone(), v.clone())))
            .collect()
    }
}

/// A YAML scalar that reads back as the same text (double-quoted, JSON
/// escapes are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// One sheet of `jicai map`'s output.
pub struct MapSheet<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    /// "读作“合同备案表”，表头第3行" or why it was not read.
    pub about: String,
    pub columns: &'a [crate::table::HeaderColumn],
}

/// The mapping jicai chose, as a ready-to-edit `--map` file.
pub fn render(sheets: &[MapSheet<'_>]) -> String {
    let mut out = String::from(
        "# jicai 列映射：每个工作表下“表头: 字段”，字段写 ~ 表示不读该列。\n\
         # 改好后用 jicai check … --map 本文件 使用；工作表名写 \"*\" 表示任何工作表。\n",
    );
    for s in sheets {
        out.push_str(&format!("\n# {} › {}：{}\n", s.file, s.sheet, s.about));
        if s.columns.is_empty() {
            out.push_str(&format!("{}: {{}}\n", quoted(s.sheet)));
            continue;
        }
        out.push_str(&format!("{}:\n", quoted(s.sheet)));
        for c in s.columns {
            let value = c.field.as_deref().map_or("~".to_string(), quoted);
            let mut note = format!("{}，{}", c.cell, c.kind.name_cn());
            if let Some(n) = &c.note {
                note.push_str(&format!("：{n}"));
            } else if let Some(f) = &c.suggestion {
                note.push_str(&format!("，是否指“{f}”？"));
            }
            out.push_str(&format!("  {}: {value}  # {note}\n", quoted(&c.header)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tables::{ColumnSpec, ColumnType, TableSpec};

    fn vocabulary() -> Vocabulary {
        let t = TableSpec {
            name: "合同备案表".into(),
            aliases: vec![],
            columns: ["参与单位", "合同签订日期"]
                .iter()
                .map(|n| ColumnSpec {
                    name: n.to_string(),
                    aliases: vec![],
                    ty: ColumnType::文本,
                    required: false,
                    unique: false,
                })
                .collect(),
            has_total: false,
            citations: vec![],
        };
        Vocabulary::build(&[t], None).0
    }

    #[test]
    fn sheets_and_any_sheet() {
        let m = ColumnMap::parse(
            "\"*\":\n  签约时间: 合同签订日期\n合同情况:\n  经办单位: 参与单位\n  备注: ~\n",
            &vocabulary(),
        )
        .unwrap();
        assert_eq!(
            m.for_sheet("合同情况"),
            vec![
                ("签约时间".into(), Some("合同签订日期".into())),
                ("经办单位".into(), Some("参与单位".into())),
                ("备注".into(), None),
            ]
        );
        assert_eq!(m.for_sheet("别的表").len(), 1);
    }

    #[test]
    fn unknown_fields_are_refused_with_a_hint() {
        let e = ColumnMap::parse("合同情况:\n  签约: 合同签定日期\n", &vocabulary()).unwrap_err();
        assert!(
            e.contains("没有字段“合同签定日期”，是否指“合同签订日期”？"),
            "{e}"
        );
        assert!(ColumnMap::parse("- 列表\n", &vocabulary()).is_err());
    }

    #[test]
    fn rendered_maps_read_back() {
        let cols = vec![crate::table::HeaderColumn {
            header: "签约: 时间 #1".into(),
            cell: "F2".into(),
            field: Some("合同签订日期".into()),
            kind: crate::table::ColumnMatch::Read(crate::table::MatchKind::Synonym),
            suggestion: None,
            note: None,
        }];
        let text = render(&[MapSheet {
            file: "a.xlsx",
            sheet: "合同:情况",
            about: "读作“合同备案表”".into(),
            columns: &cols,
        }]);
        let m = ColumnMap::parse(&text, &vocabulary()).unwrap();
        assert_eq!(
            m.for_sheet("合同:情况"),
            vec![("签约: 时间 #1".into(), Some("合同签订日期".into()))]
        );
    }
}
