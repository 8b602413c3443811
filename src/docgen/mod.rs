//! Document generation: tera templates → .docx/.md/.html/.xlsx.
