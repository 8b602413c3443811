//! Where a rule, parameter or table comes from.

use serde::Serialize;

/// One source: the document (文号 or title), the article, and ideally the
/// original sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub document: String,
    pub title: String,
    pub article: String,
    pub text: String,
}
