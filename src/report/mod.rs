//! Rendering a [`CheckReport`](crate::check::CheckReport) for people and tools.

pub mod json;
pub mod text;
