//! `jicai fmt`: one canonical layout for rule files. Only the white space
//! between tokens changes — two spaces of indentation per open brace, one
//! space between tokens, two before a trailing comment, at most one blank
//! line, none just inside a brace, LF line ends — so strings, names, comments
//! and therefore the parsed rules stay exactly as written. Formatting
//! formatted text changes nothing.

/// One lexical piece of a line.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// A run of non-space characters, kept verbatim: strings (`"…"`,
    /// `“…”`), quoted names (`「…」`) and documents (`《…》`) whole, even
    /// when they hold spaces or span lines; with the net count of braces
    /// it opens outside strings.
    Word(String, i32),
    /// `#…` or `//…` to the end of the line.
    Comment(String),
    Space,
    Newline,
}

/// Characters the grammar treats as white space between tokens.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{3000}' | '\u{00A0}' | '\u{FEFF}')
}

fn lex(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut word = String::new();
    let mut braces = 0;
    let flush = |word: &mut String, braces: &mut i32, out: &mut Vec<Piece>| {
        if !word.is_empty() {
            out.push(Piece::Word(std::mem::take(word), std::mem::take(braces)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                flush(&mut word, &mut braces, &mut out);
                out.push(Piece::Newline);
            }
            c if is_space(c) => {
                flush(&mut word, &mut braces, &mut out);
                out.push(Piece::Space);
            }
            '#' => {
                flush(&mut word, &mut braces, &mut out);
                out.push(Piece::Comment(comment(c, &mut chars)));
            }
            '/' if chars.peek() == Some(&'/') => {
                flush(&mut word, &mut braces, &mut out);
                out.push(Piece::Comment(comment(c, &mut chars)));
            }
            '"' | '“' | '「' | '《' => {
                let close = match c {
                    '"' => '"',
                    '“' => '”',
                    '「' => '」',
                    _ => '》',
                };
                word.push(c);
                for d in chars.by_ref() {
                    word.push(d);
                    if d == close {
                        break;
                    }
                }
            }
            // Braces are counted, not spaced: `{…}` in a requirement is
            // part of its text as reports show it.
            '{' | '}' => {
                braces += if c == '{' { 1 } else { -1 };
                word.push(c);
            }
            c => word.push(c),
        }
    }
    flush(&mut word, &mut braces, &mut out);
    out
}

fn comment(first: char, chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let mut s = String::from(first);
    while let Some(&d) = chars.peek() {
        if d == '\n' {
            break;
        }
        s.push(d);
        chars.next();
    }
    s.trim_end().to_string()
}

/// A line's words (each with its net braces) and its trailing comment.
type Line = (Vec<(String, i32)>, Option<String>);

/// The canonical layout of a rule file.
pub fn format(text: &str) -> String {
    // Split into lines of words and an optional trailing comment.
    let mut lines: Vec<Line> = vec![(Vec::new(), None)];
    for p in lex(text) {
        let line = lines.last_mut().expect("always one line");
        match p {
            Piece::Word(w, braces) => line.0.push((w, braces)),
            Piece::Comment(c) => line.1 = Some(c),
            Piece::Space => {}
            Piece::Newline => lines.push((Vec::new(), None)),
        }
    }
    let mut out = String::new();
    let mut depth: i32 = 0;
    let mut blank_pending = false;
    let mut last_opened = true; // no blank line at the start of the file
    for (words, comment) in lines {
        if words.is_empty() && comment.is_none() {
            blank_pending = true;
            continue;
        }
        let closes_first = words.first().is_some_and(|(w, _)| w.starts_with('}'));
        if blank_pending && !last_opened && !closes_first {
            out.push('\n');
        }
        blank_pending = false;
        let indent = (depth - i32::from(closes_first)).max(0) as usize;
        out.push_str(&"  ".repeat(indent));
        let code = words
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&code);
        if let Some(c) = comment {
            if !code.is_empty() {
                out.push_str("  ");
            }
            out.push_str(&c);
        }
        out.push('\n');
        depth = (depth + words.iter().map(|(_, b)| b).sum::<i32>()).max(0);
        last_opened = words.last().is_some_and(|(w, _)| w.ends_with('{'));
    }
    out
}
