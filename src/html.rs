//! HTML escaping for every HTML output (check reports, generated documents).

/// Escapes text for element content and quoted attribute values (tera's
/// escaper), and replaces control characters, which are not valid in HTML
/// text, with U+FFFD.
pub fn escape(s: &str) -> String {
    let clean: std::borrow::Cow<str> = if s.chars().any(is_bad_control) {
        s.chars()
            .map(|c| if is_bad_control(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    let mut out = Vec::with_capacity(clean.len() + 16);
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(&clean, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            super::escape("<a href=\"x\">'&'</a>\u{7}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u{FFFD}"
        );
        assert_eq!(super::escape("合同\n金额"), "合同\n金额");
    }
}
