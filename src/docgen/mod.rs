//! Document generation: templates (tera 2) → document markup → a document
//! model → .docx / Markdown / HTML / .xlsx.

pub mod docx;
pub mod format;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod model;
