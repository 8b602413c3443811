//! The fuzz harnesses, one function per target. Each must return normally
//! for every input: a panic, a failed assertion, a hang or a crash is a bug.
//! tests/fuzz_regressions.rs includes this file to replay fuzz/regressions/
//! in the ordinary test suite, so it uses nothing the main crate's tests lack.

use chrono::NaiveDate;
use jicai::check::{CheckRequest, check};
use jicai::dsl::source::{Embedded, RuleSource};
use jicai::error::JicaiError;
use jicai::library::RuleLibrary;
use jicai::table::ReadLimits;
use jicai::value::{
    Amount, AmountUnit, Percent, Period, excel_serial_to_date, format_date_cn,
    parse_chinese_integer, parse_date, parse_integer,
};
use std::path::PathBuf;

/// Rule language: one fuzzed file is parsed, resolved and type-checked
/// together with the shipped tables and national rules; its errors are
/// rendered as the CLI renders them, and if it loads its examples run.
/// (The library is put together here rather than by `RuleLibrary::load`,
/// which would parse the holiday calendar again on every input.)
pub fn rules(data: &[u8]) {
    let mut sources = jicai::dsl::Sources::default();
    for (name, text) in SHIPPED.with(Clone::clone) {
        sources.add(name, text);
    }
    sources.add("fuzz.rules", String::from_utf8_lossy(data).into_owned());
    match jicai::dsl::load(&sources) {
        Ok(book) => {
            let lib = RuleLibrary {
                book,
                calendar: jicai::calendar::Calendar::embedded().clone(),
                catalog: jicai::value::codes::Catalog::embedded(),
                sources,
                data: jicai::refdata::RefData::builtin().clone(),
            };
            let own: Vec<String> = lib
                .book
                .sets
                .iter()
                .map(|s| s.name.clone())
                .filter(|n| n != "全国")
                .collect();
            for name in &own {
                for outcome in jicai::ruletest::run_examples(&lib, Some(name)) {
                    let _ = outcome.passed();
                }
            }
        }
        Err(e) => render(JicaiError::Rules(e)),
    }
}

/// Renders an error the way `jicai` prints it (spans must fall on
/// character boundaries, carets must line up).
fn render(e: JicaiError) {
    if let JicaiError::Rules(errors) = &e {
        for err in &errors.0 {
            let _ = (err.to_string(), err.caret_line());
        }
    }
    let _ = e.render();
}

/// Cell-value parsers: never panic, and whatever parses prints back to
/// text that parses to the same value.
pub fn values(data: &[u8]) {
    if let Some(bytes) = data.get(..8) {
        let serial = f64::from_le_bytes(bytes.try_into().expect("eight bytes"));
        let _ = excel_serial_to_date(serial);
    }
    let s = String::from_utf8_lossy(data);
    for unit in [AmountUnit::元, AmountUnit::万元, AmountUnit::亿元] {
        if let Ok(a) = Amount::parse_cell(&s, unit) {
            assert_eq!(Amount::parse_cell(&a.to_string(), unit), Ok(a), "{s:?}");
        }
    }
    if let Ok(a) = Amount::parse_literal(&s) {
        assert_eq!(
            Amount::parse_literal(&format!("{}元", a.yuan())),
            Ok(a),
            "{s:?}"
        );
    }
    if let Ok(d) = parse_date(&s) {
        let iso = d.format("%Y-%m-%d").to_string();
        assert_eq!(parse_date(&iso), Ok(d), "{s:?}");
        assert_eq!(parse_date(&format_date_cn(d)), Ok(d), "{s:?}");
        assert!(d >= NaiveDate::from_ymd_opt(1900, 1, 1).expect("date"));
    }
    if let Ok(p) = Percent::parse(&s) {
        assert_eq!(Percent::parse(&p.to_string()), Ok(p), "{s:?}");
    }
    let _ = (
        Percent::parse_cell(&s, true),
        Percent::parse_cell(&s, false),
    );
    if let Ok(p) = Period::parse(&s) {
        assert_eq!(Period::parse(&p.to_string()), Ok(p), "{s:?}");
    }
    if let Ok(n) = parse_integer(&s) {
        assert_eq!(parse_integer(&n.to_string()), Ok(n), "{s:?}");
    }
    let _ = parse_chinese_integer(&s);
    let _ = jicai::value::parse_bool(&s);
    let _ = (
        jicai::value::normalize_text(&s),
        jicai::value::normalize_header(&s),
    );
    let _ = jicai::value::codes::credit_code_valid(&s);
}

/// libFuzzer's panic hook aborts on every panic, but the reader catches
/// calamine's panics on damaged files, around each call into calamine and
/// nowhere else, and reports them as damaged (see
/// `jicai::table::panic_is_caught`): those are the designed outcome, not a
/// crash. Every other panic — any in jicai's own code — still reaches the
/// hook it replaces and fails the run.
fn let_caught_panics_pass() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !jicai::table::panic_is_caught() {
                previous(info);
            }
        }));
    });
}

thread_local! {
    /// rules/tables.rules and rules/national.rules as shipped.
    static SHIPPED: Vec<(String, String)> = Embedded
        .rule_files()
        .expect("shipped rules")
        .into_iter()
        .filter(|(n, _)| n.ends_with("/tables.rules") || n.ends_with("/national.rules"))
        .collect();
    static LIBRARY: RuleLibrary = RuleLibrary::open(None).expect("shipped rules load");
    static SCRATCH: tempfile::TempDir = tempfile::tempdir().expect("temporary folder");
}

/// Workbook reader and everything after it: the bytes are an uploaded file,
/// checked against the 浙江 rules, and the report is rendered in every
/// format. The reader goes by content; the name's extension only matters
/// for text, so zip and OLE files are named .xlsx/.xls and the rest .csv,
/// and any workbook or csv file serves as a seed as it is.
pub fn workbook(data: &[u8]) {
    let_caught_panics_pass();
    let ext = if data.starts_with(b"PK") {
        "xlsx"
    } else if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "xls"
    } else {
        "csv"
    };
    let path: PathBuf = SCRATCH.with(|d| d.path().join(format!("upload.{ext}")));
    std::fs::write(&path, data).expect("write the upload");
    LIBRARY.with(|lib| {
        let set = lib.ruleset("浙江").expect("浙江 rules");
        let req = CheckRequest {
            files: vec![path],
            facts: None,
            as_of: NaiveDate::from_ymd_opt(2025, 8, 1).expect("date"),
            limits: ReadLimits::default(),
        };
        match check(lib, set, &req, &|_| {}) {
            Ok(report) => {
                let _ = jicai::report::json::render(&report);
                let _ = jicai::report::text::render(&report);
                let _ = jicai::report::html::render(&report, &req.limits);
                if let Ok(mut wb) = jicai::report::xlsx::build(&report, &req.limits) {
                    let _ = wb.save_to_buffer();
                }
            }
            Err(e) => render(e),
        }
    });
}
