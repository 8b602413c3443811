//! A progress bar on stderr for long runs (many or large workbooks).
//!
//! It is drawn only when stderr is a terminal: in a pipe, a log or a CI job
//! nothing at all is written, so stderr keeps only real messages.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Cell<u64>,
}

impl Progress {
    /// A bar for `total` items, labelled `what` ("检查", "合并"); hidden
    /// when stderr is not a terminal.
    pub fn new(total: usize, what: &str) -> Progress {
        let shown = std::io::stderr().is_terminal();
        Progress::with_visibility(total, what, shown)
    }

    /// A bar that never draws.
    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            started: Cell::new(0),
        }
    }

    fn with_visibility(total: usize, what: &str, shown: bool) -> Progress {
        if !shown || total == 0 {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        // The template is a constant; should it ever fail, the default
        // style still shows progress.
        if let Ok(style) = ProgressStyle::with_template(
            "{prefix} [{bar:30.cyan/blue}] {pos}/{len} {elapsed_precise} {wide_msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(what.to_string());
        Progress {
            bar: Some(bar),
            started: Cell::new(0),
        }
    }

    /// Called as each item starts: the previous one is done.
    pub fn start(&self, item: &str) {
        let n = self.started.get();
        self.started.set(n + 1);
        if let Some(bar) = &self.bar {
            bar.set_position(n);
            bar.set_message(short_name(item));
        }
    }

    /// The items are done; `text` says what happens now ("写入总计划…").
    pub fn message(&self, text: &str) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.started.get());
            bar.set_message(text.to_string());
        }
    }

    /// Whether anything is drawn.
    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }
}

impl Drop for Progress {
    /// The bar disappears when the work ends, however it ends.
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The file name without its folders: the bar has one line.
fn short_name(item: &str) -> String {
    std::path::Path::new(item)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| item.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_bar_counts_but_draws_nothing() {
        let p = Progress::with_visibility(3, "检查", false);
        assert!(!p.is_visible());
        p.start("a/b/甲.xlsx");
        p.start("乙.xlsx");
        assert_eq!(p.started.get(), 2);
        assert_eq!(short_name("dir/甲.xlsx"), "甲.xlsx");
    }

    #[test]
    fn empty_work_has_no_bar() {
        assert!(!Progress::with_visibility(0, "检查", true).is_visible());
    }
}
