//! Where things are declared in a rule file, found line by line (so that a
//! file with a mistake still has its outline and its definitions).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclKind {
    RuleSet,
    Document,
    Table,
    Facts,
    Column,
    Param,
    Rule,
    Example,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl {
    pub kind: DeclKind,
    pub name: String,
    /// The rest of the line after the name (a rule's title, a column's type).
    pub detail: String,
    /// 0-based line; the name's character range on it.
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// The declaring keyword (Chinese or English) and what it declares.
fn kind_of(word: &str) -> Option<DeclKind> {
    Some(match word {
        "规则集" | "ruleset" => DeclKind::RuleSet,
        "文件" | "document" => DeclKind::Document,
        "表" | "table" => DeclKind::Table,
        "事实" | "facts" => DeclKind::Facts,
        "列" | "column" => DeclKind::Column,
        "参数" | "param" => DeclKind::Param,
        "规则" | "rule" => DeclKind::Rule,
        "例" | "example" => DeclKind::Example,
        _ => return None,
    })
}

/// Every declaration in `text`, in order.
pub fn declarations(text: &str) -> Vec<Decl> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| declaration(n, line))
        .collect()
}

fn declaration(n: usize, line: &str) -> Option<Decl> {
    let code = line.trim_start();
    let code = code
        .strip_prefix("覆盖")
        .or_else(|| code.strip_prefix("override"))
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map_or(code, str::trim_start);
    let (keyword, rest) = code.split_once(char::is_whitespace)?;
    let kind = kind_of(keyword)?;
    let rest = rest.trim_start();
    let name: String = match kind {
        DeclKind::Example => {
            let close = match rest.chars().next()? {
                '"' => '"',
                '“' => '”',
                _ => return None,
            };
            rest.chars().skip(1).take_while(|&c| c != close).collect()
        }
        _ => rest
            .trim_start_matches('「')
            .chars()
            .take_while(|&c| !c.is_whitespace() && !matches!(c, ':' | '：' | '{' | '」' | '='))
            .collect(),
    };
    if name.is_empty() {
        return None;
    }
    // The name's position: its first occurrence after the keyword.
    let kw_end = line.len() - rest.len();
    let at = kw_end + rest.find(name.as_str())?;
    let start = line[..at].chars().count();
    let end = start + name.chars().count();
    let detail = line[at + name.len()..]
        .trim()
        .trim_start_matches(['」', ':', '：'])
        .trim_end_matches('{')
        .trim()
        .to_string();
    Some(Decl {
        kind,
        name,
        detail,
        line: n,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_of_every_kind() {
        let text = "规则集 河北 {\n  继承 全国\n}\n表 需求表 {\n  列 预算金额: 金额(万元) 必填\n}\n覆盖 参数 合同签订期限 = 20日 {\n}\n覆盖 规则 GP-46 \"三十日内签订\" {\n  要求 x\n}\n例 \"第31日签订违规\" {\n}\n";
        let d = declarations(text);
        let got: Vec<(DeclKind, &str, usize, usize)> = d
            .iter()
            .map(|d| (d.kind, d.name.as_str(), d.line, d.start))
            .collect();
        assert_eq!(
            got,
            vec![
                (DeclKind::RuleSet, "河北", 0, 4),
                (DeclKind::Table, "需求表", 3, 2),
                (DeclKind::Column, "预算金额", 4, 4),
                (DeclKind::Param, "合同签订期限", 6, 6),
                (DeclKind::Rule, "GP-46", 8, 6),
                (DeclKind::Example, "第31日签订违规", 11, 3),
            ]
        );
        assert_eq!(d[2].detail, "金额(万元) 必填");
        assert_eq!(d[4].detail, "\"三十日内签订\"");
    }
}
