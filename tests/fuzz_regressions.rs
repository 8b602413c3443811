//! Inputs that once broke a fuzz target (fuzz/regressions/<target>/), run
//! through the same harnesses in the ordinary test suite: a fixed bug stays
//! fixed without anyone running a fuzzer. See docs/hostile.md.

#[path = "../fuzz/src/lib.rs"]
mod harness;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        // A panic names the input; a stack overflow aborts the test binary.
        eprintln!("{}", path.display());
        run(&data);
    }
}

#[test]
fn rules() {
    replay("rules", harness::rules);
}

#[test]
fn values() {
    replay("values", harness::values);
}

#[test]
fn workbook() {
    replay("workbook", harness::workbook);
}
