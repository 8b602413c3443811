//! 标题 lines per GB/T 9704-2012 7.3.3: a title longer than a line is
//! broken where a word ends — never inside a word or a bracket — into a
//! trapezoid (each line no longer than the one above) or a diamond (the
//! middle line longest), the lines as even as the words allow.
//!
//! Word ends come from ICU's dictionary segmenter (Chinese word list), the
//! same data the error messages' line wrapping already builds in.

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;
use unicode_width::UnicodeWidthStr;

/// Breaks `title` into lines of at most `max` display columns (a Chinese
/// character is two). A title that fits stays one line; one with no break
/// that fits is returned as it is (the word processor wraps it).
pub fn title_lines(title: &str, max: usize) -> Vec<String> {
    let title = title.trim();
    if title.width_cjk() <= max {
        return vec![title.to_string()];
    }
    let breaks = word_ends(title);
    let lines_needed = title.width_cjk().div_ceil(max);
    for k in lines_needed..=lines_needed + 1 {
        if let Some(best) = best_split(title, &breaks, k, max) {
            return best;
        }
    }
    vec![title.to_string()]
}

/// Byte offsets where a line may end: word ends outside brackets, not
/// before closing punctuation.
fn word_ends(s: &str) -> Vec<usize> {
    let seg = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut depth = 0i32;
    let mut open_at = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '〔' | '［' | '《' | '“' => depth += 1,
            '）' | ')' | '〕' | '］' | '》' | '”' => depth -= 1,
            _ => {}
        }
        open_at.push((i + c.len_utf8(), depth));
    }
    let inside = |at: usize| {
        open_at
            .iter()
            .find(|(end, _)| *end == at)
            .is_some_and(|(_, d)| *d > 0)
    };
    seg.segment_str(s)
        .filter(|&b| b > 0 && b < s.len())
        .filter(|&b| !inside(b))
        .filter(|&b| {
            // A line does not start with closing punctuation or 的.
            !s[b..].starts_with(['）', ')', '〕', '》', '”', '，', '、', '。', '的'])
        })
        .collect()
}

/// The best way to cut `s` at `k - 1` of `breaks` into lines within `max`.
fn best_split(s: &str, breaks: &[usize], k: usize, max: usize) -> Option<Vec<String>> {
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut cuts = Vec::with_capacity(k - 1);
    search(s, breaks, 0, k - 1, max, &mut cuts, &mut best);
    best.map(|(_, cuts)| {
        let mut lines = Vec::with_capacity(k);
        let mut from = 0;
        for c in cuts.into_iter().chain(std::iter::once(s.len())) {
            lines.push(s[from..c].to_string());
            from = c;
        }
        lines
    })
}

fn search(
    s: &str,
    breaks: &[usize],
    from: usize,
    left: usize,
    max: usize,
    cuts: &mut Vec<usize>,
    best: &mut Option<(usize, Vec<usize>)>,
) {
    let start = cuts.last().copied().unwrap_or(0);
    if left == 0 {
        if s[start..].width_cjk() > max {
            return;
        }
        let mut widths: Vec<usize> = Vec::with_capacity(cuts.len() + 1);
        let mut at = 0;
        for &c in cuts.iter().chain(std::iter::once(&s.len())) {
            widths.push(s[at..c].width_cjk());
            at = c;
        }
        let score = shape_penalty(&widths);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            *best = Some((score, cuts.clone()));
        }
        return;
    }
    for (i, &b) in breaks.iter().enumerate().skip(from) {
        if s[start..b].width_cjk() > max {
            break;
        }
        cuts.push(b);
        search(s, breaks, i + 1, left - 1, max, cuts, best);
        cuts.pop();
    }
}

/// How far lines of these widths are from an even trapezoid or diamond:
/// the spread between lines, with a heavy charge for a line longer than
/// the one above it (except a diamond's middle).
fn shape_penalty(w: &[usize]) -> usize {
    let longest = w.iter().copied().max().unwrap_or(0);
    let spread: usize = w.iter().map(|x| (longest - x).pow(2)).sum();
    let trapezoid = w.windows(2).all(|p| p[0] >= p[1]);
    let diamond = w.len() == 3 && w[1] >= w[0] && w[1] >= w[2];
    if trapezoid || diamond {
        spread
    } else {
        spread + 10_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(title_lines("关于X的通知", 40), vec!["关于X的通知"]);
    }

    #[test]
    fn long_titles_break_between_words_into_a_trapezoid() {
        let t = "关于及时签订2025年全省中小学课桌椅带量集中采购项目政府采购合同的通知";
        let lines = title_lines(t, 40);
        assert_eq!(lines.concat(), t);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| l.width_cjk() <= 40), "{lines:?}");
        let w: Vec<usize> = lines.iter().map(|l| l.width_cjk()).collect();
        assert!(w.windows(2).all(|p| p[0] >= p[1]) || (w.len() == 3 && w[1] >= w[0]));
        // Never inside a word.
        for l in &lines {
            assert!(!l.ends_with("集中采"), "{lines:?}");
            assert!(!l.starts_with("购"), "{lines:?}");
            assert!(!l.starts_with('的'), "{lines:?}");
        }
    }

    #[test]
    fn brackets_are_not_broken() {
        let t = "浙江省政府采购带量集中采购工作指引（试行）实施细则的补充通知";
        for l in title_lines(t, 30) {
            assert!(!l.ends_with("试"), "{l}");
            assert_eq!(l.matches('（').count(), l.matches('）').count(), "{l}");
        }
    }
}
