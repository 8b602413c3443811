//! Document generation: templates (tera 2) → document markup → a document
//! model → .docx / Markdown / HTML / .xlsx.
//!
//! ```text
//! templates/<地区>/<id>/template.yaml  fields, outputs, rule checks   (manifest, source)
//! data.yaml ──fields──► context (data)        ──map to rules tables──► findings (check)
//! body.jdoc ──tera + filters──► markup (markup, filters) ──► Doc (model)
//! Doc ──► .docx (docx) · .md (markdown) · .html (html) · .xlsx (xlsx)
//! ```

pub mod check;
pub mod data;
pub mod docx;
pub mod filters;
pub mod format;
pub mod generate;
pub mod handbook;
pub mod html;
pub mod manifest;
pub mod markdown;
pub mod markup;
pub mod model;
pub mod source;
pub mod templates;
pub mod title;
pub mod xlsx;

pub use generate::{Report, Request, generate};
pub use manifest::Format;
pub use templates::{Renderer, Template, Templates};
