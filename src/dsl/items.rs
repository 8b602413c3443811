//! Where the top-level items of a rule file begin, found from the text
//! alone, so that after a syntax error each item can be parsed on its own
//! and a mistake in one item neither hides nor causes errors in the others.

/// Words that begin a top-level item (`覆盖` begins an override).
const ITEM_WORDS: &[&str] = &[
    "规则集",
    "文件",
    "表",
    "事实",
    "参数",
    "规则",
    "例",
    "覆盖",
    "ruleset",
    "document",
    "table",
    "facts",
    "param",
    "rule",
    "example",
    "override",
];

/// Byte ranges of the items: each starts at a line that begins (in column
/// one, outside any string) with an item word, and runs to the next one.
/// Text before the first item (comments) belongs to the first.
pub fn item_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut in_string: Option<char> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if in_string.is_none() && begins_item(line) {
            starts.push(line_start);
        }
        for c in line.chars() {
            in_string = match (in_string, c) {
                (None, '#') => break,
                (None, '"') => Some('"'),
                (None, '“') => Some('”'),
                (Some(close), c) if c == close => None,
                (s, _) => s,
            };
        }
        line_start += line.len();
    }
    if starts.first() != Some(&0) {
        match starts.first_mut() {
            Some(first) => *first = 0,
            None => starts.push(0),
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &s)| (s, starts.get(i + 1).copied().unwrap_or(text.len())))
        .collect()
}

fn begins_item(line: &str) -> bool {
    let word = line
        .trim_start_matches('\u{FEFF}')
        .split(|c: char| c.is_whitespace() || c == '{')
        .next()
        .unwrap_or_default();
    ITEM_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_start_at_declarations_in_column_one() {
        let text = "# 注释\n规则集 甲 {\n  名称 \"规则\n例 多行\"\n}\n\n规则 A-1 \"x\" {\n  要求 是\n}\n覆盖 参数 p = 1 {\n}\n";
        let ranges = item_ranges(text);
        let starts: Vec<&str> = ranges
            .iter()
            .map(|&(s, e)| text[s..e].lines().find(|l| !l.starts_with('#')).unwrap())
            .collect();
        assert_eq!(
            starts,
            ["规则集 甲 {", "规则 A-1 \"x\" {", "覆盖 参数 p = 1 {"]
        );
        assert_eq!(ranges.last().unwrap().1, text.len());
        assert_eq!(item_ranges(""), vec![(0, 0)]);
    }
}
