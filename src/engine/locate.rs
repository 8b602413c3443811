//! Where a finding points: file, sheet, cell; and the tables' own checks
//! (type, required, unique, 合计, missing columns) as findings.

use crate::finding::{Finding, Location};
use crate::model::Severity;
use crate::table::{CellIssueKind, Row, Table, TableSpec, column_letter};

/// Where a row came from.
#[derive(Clone, Copy)]
pub enum Origin<'a> {
    Sheet(&'a Table),
    Facts(&'a str),
}

impl Origin<'_> {
    pub fn location(&self, row: &Row, column: Option<usize>, group: Option<String>) -> Location {
        match self {
            Origin::Facts(file) => Location {
                file: file.to_string(),
                sheet: None,
                cell: None,
                row: None,
                column: None,
                group,
            },
            Origin::Sheet(t) => {
                let letter = column
                    .and_then(|c| t.columns.get(c).copied().flatten())
                    .map(column_letter);
                Location {
                    file: t.file.clone(),
                    sheet: Some(t.sheet.clone()),
                    cell: letter.as_ref().map(|l| format!("{l}{}", row.sheet_row)),
                    row: Some(row.sheet_row),
                    column: letter,
                    group,
                }
            }
        }
    }
}

/// "采购品目=A02010105（第3、5、9行）".
/// When the group's rows come from several sheets, each row names its file
/// and sheet: "（甲.xlsx › 需求表 第3行、乙.xlsx › 需求表 第3行）".
pub fn group_label(key: &str, rows: &[(Origin, u32)]) -> String {
    const SHOWN: usize = 10;
    let place = |o: &Origin| match o {
        Origin::Sheet(t) => format!("{} › {}", t.file, t.sheet),
        Origin::Facts(f) => f.to_string(),
    };
    let first = rows.first().map(|(o, _)| place(o));
    let one_sheet = rows.iter().all(|(o, _)| Some(place(o)) == first);
    let list: Vec<String> = rows
        .iter()
        .take(SHOWN)
        .map(|(o, r)| {
            if one_sheet {
                r.to_string()
            } else {
                format!("{} 第{r}行", place(o))
            }
        })
        .collect();
    let more = if rows.len() > SHOWN {
        format!("等，共{}行", rows.len())
    } else {
        String::new()
    };
    if one_sheet {
        format!("{key}（第{}行{more}）", list.join("、"))
    } else {
        format!("{key}（{}{more}）", list.join("、"))
    }
}

fn rule_id(kind: CellIssueKind) -> &'static str {
    match kind {
        CellIssueKind::类型 => "表格.类型",
        CellIssueKind::必填 => "表格.必填",
        CellIssueKind::唯一 => "表格.唯一",
        CellIssueKind::合计 => "表格.合计",
        CellIssueKind::取值 => "表格.取值",
    }
}

/// The table's own checks, cited to the table's declaration. A column
/// the sheet lacks is not one of them: rules that need it are reported as
/// not checked.
pub fn table_findings(spec: &TableSpec, t: &Table, out: &mut Vec<Finding>) {
    for issue in &t.issues {
        let letter = column_letter(issue.col);
        out.push(Finding {
            rule: rule_id(issue.kind).to_string(),
            severity: Severity::Error,
            message: issue.message.clone(),
            citations: spec.citations.clone(),
            location: Location {
                file: t.file.clone(),
                sheet: Some(t.sheet.clone()),
                cell: Some(format!("{letter}{}", issue.row)),
                row: Some(issue.row),
                column: Some(letter),
                group: None,
            },
            values: issue.values.iter().cloned().collect(),
            undetermined: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_rows_name_their_sheet_only_when_they_differ() {
        let a = Origin::Facts("甲.xlsx");
        let b = Origin::Facts("乙.xlsx");
        assert_eq!(
            group_label("品目=A", &[(a, 3), (a, 5)]),
            "品目=A（第3、5行）"
        );
        assert_eq!(
            group_label("品目=A", &[(a, 3), (b, 3)]),
            "品目=A（甲.xlsx 第3行、乙.xlsx 第3行）"
        );
        let many: Vec<(Origin, u32)> = (1..=12).map(|r| (a, r)).collect();
        assert!(group_label("k", &many).ends_with("9、10行等，共12行）"));
    }
}
