//! Plain-text tables for the terminal, aligned by display width (CJK
//! characters are two columns wide, so `{:<n}` would misalign them).

/// Longest cell shown in a diff table, in terminal columns; longer values
/// (a catalogue list) are cut with “…”.
const MAX_CELL: usize = 36;

pub(super) fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

pub(super) fn clip(s: &str) -> String {
    if width(s) <= MAX_CELL {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) >= MAX_CELL {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Left-aligned columns padded by display width (CJK characters are two
/// columns wide, so `{:<n}` would misalign them). Cells are clipped by the
/// caller.
pub(super) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cells = rows;
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    let line = |r: &[String]| -> String {
        let mut s = String::from("  ");
        for (i, (c, w)) in r.iter().zip(&widths).enumerate() {
            s.push_str(c);
            if i + 1 < r.len() {
                s.push_str(&" ".repeat(w - width(c) + 2));
            }
        }
        s
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let mut out = line(&head);
    out.push('\n');
    out.push_str("  ");
    out.push_str(&"─".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
    for r in cells {
        out.push('\n');
        out.push_str(&line(r));
    }
    out
}

/// Pads `s` to `w` display columns.
pub(super) fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}
