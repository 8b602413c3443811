//! Load-time errors in rule files: file:line:column counted in characters,
//! the source line, a caret, a Chinese message and a did-you-mean hint.

use super::ast::Span;
use std::fmt;
use std::sync::Arc;

/// One loaded rule file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<String>,
}

/// All loaded rule files; spans index into this.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> usize {
        self.files.push(SourceFile {
            name: name.into(),
            text: Arc::new(text.into()),
        });
        self.files.len() - 1
    }

    /// 1-based line and column, the column counted in characters (pest and
    /// miette count bytes, which is wrong for Chinese text).
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        let text = &self.files[span.file].text;
        let start = floor_char_boundary(text, span.start);
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        (line, column)
    }

    /// Builds an error at `span`.
    pub fn error(&self, span: Span, message: impl Into<String>) -> LoadError {
        let (line, column) = self.line_col(span);
        let file = &self.files[span.file];
        let text = &file.text;
        let start = floor_char_boundary(text, span.start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor_char_boundary(text, span.end.max(start).min(line_end));
        LoadError {
            file: file.name.clone(),
            line,
            column,
            message: message.into(),
            hint: None,
            source_line: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
            caret_width: text[start..end].chars().count().max(1),
            text: file.text.clone(),
            byte_span: (start, end.max(start)),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A rule file that does not load.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    pub source_line: String,
    caret_width: usize,
    text: Arc<String>,
    byte_span: (usize, usize),
}

impl LoadError {
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// The caret line under `source_line`, aligned by display width (CJK
    /// characters are two columns wide in a terminal).
    pub fn caret_line(&self) -> String {
        use unicode_width::UnicodeWidthStr;
        let prefix: String = self.source_line.chars().take(self.column - 1).collect();
        let marked: String = self
            .source_line
            .chars()
            .skip(self.column - 1)
            .take(self.caret_width)
            .collect();
        let pad = prefix.width();
        let width = marked.width().max(1);
        format!("{}{}", " ".repeat(pad), "^".repeat(width))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl miette::Diagnostic for LoadError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("jicai::规则"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.hint
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (start, end) = self.byte_span;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(
                Some("此处".to_string()),
                (start, end - start),
            ),
        )))
    }
}

/// The snippet miette draws, with the header's column in characters.
impl miette::SourceCode for LoadError {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let contents = miette::MietteSpanContents::new_named(
            self.file.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            self.column - 1,
            inner.line_count(),
        );
        Ok(Box::new(contents))
    }
}

/// All errors found while loading rules, reported together.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "规则文件有 {} 处错误", self.0.len())
    }
}

impl miette::Diagnostic for LoadErrors {
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        Some(Box::new(
            self.0.iter().map(|e| e as &dyn miette::Diagnostic),
        ))
    }
}

/// The closest candidate by edit distance, for "是否指……？" hints.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    crate::value::closest(name, candidates).map(|c| format!("是否指“{c}”？"))
}
