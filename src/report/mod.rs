//! Rendering a [`CheckReport`](crate::check::CheckReport) for people and tools.

mod csv_grid;
pub mod grid;
pub mod html;
pub mod json;
pub mod mapping;
pub mod text;
pub mod xlsx;
