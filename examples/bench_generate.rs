//! Generating 1,000 notices from one data set.
//!
//!     cargo run --release --example bench_generate [-- N]
//!
//! Each stage adds one step to the one before, so the ratios show where the
//! time goes. The baseline is tera alone: rendering the same template to a
//! string.

use jicai::docgen::{Format, Request, Templates, data, generate, generate::filter_env};
use jicai::library::RuleLibrary;
use jicai::output::Overwrite;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TEMPLATE: &str = "zhejiang-sign-notice";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data_path = root.join(format!("samples/data/{TEMPLATE}.yaml"));
    let templates = Templates::open(None)?;
    let lib = RuleLibrary::open(None)?;
    let t = templates.find(TEMPLATE)?;
    let set = lib.ruleset("浙江")?;
    let renderer = templates.renderer(t, &filter_env(&lib, Some(set)))?;
    let raw = data::read_yaml(&data_path)?;
    let checked = data::check(&t.manifest.fields, &raw, lib.catalog);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let mut ctx = tera::Context::new();
    for (k, v) in checked.context {
        ctx.insert_value(k, v);
    }
    ctx.insert("today", "2025-09-02");
    ctx.insert("region", "浙江");
    let dir = tempfile::tempdir()?;

    let mut rows: Vec<(&str, Duration, usize)> = Vec::new();
    let mut measure = |label: &'static str, f: &mut dyn FnMut(usize) -> usize| {
        f(0); // warm up
        let start = Instant::now();
        let mut bytes = 0;
        for i in 0..n {
            bytes += f(i + 1);
        }
        rows.push((label, start.elapsed(), bytes / n));
    };

    measure("tera 渲染为字符串（基线）", &mut |_| {
        renderer.markup(&ctx).expect("render").len()
    });
    measure("+ 解析为文档模型", &mut |_| {
        renderer.doc(&ctx).expect("doc");
        0
    });
    measure("+ 生成 Markdown", &mut |_| {
        let doc = renderer.doc(&ctx).expect("doc");
        jicai::docgen::templates::render(&doc, Format::Md)
            .expect("md")
            .len()
    });
    measure("+ 生成 HTML", &mut |_| {
        let doc = renderer.doc(&ctx).expect("doc");
        jicai::docgen::templates::render(&doc, Format::Html)
            .expect("html")
            .len()
    });
    measure("+ 生成 .docx", &mut |_| {
        let doc = renderer.doc(&ctx).expect("doc");
        jicai::docgen::templates::render(&doc, Format::Docx)
            .expect("docx")
            .len()
    });
    measure("+ 原子写入磁盘（.docx）", &mut |i| {
        let doc = renderer.doc(&ctx).expect("doc");
        let bytes = jicai::docgen::templates::render(&doc, Format::Docx).expect("docx");
        let path = dir.path().join(format!("w{i}.docx"));
        jicai::output::write_atomic(&path, &bytes, Overwrite::Allow).expect("write");
        bytes.len()
    });
    measure(
        "完整 generate()：读数据、校验、规则检查、渲染、写入",
        &mut |i| {
            let out = dir.path().join(format!("g{i}.docx"));
            let req = Request {
                template: TEMPLATE,
                data: Some(&data_path),
                out: &out,
                format: None,
                province: None,
                as_of: chrono::NaiveDate::from_ymd_opt(2025, 9, 2).expect("date"),
                overwrite: Overwrite::Allow,
                force: false,
            };
            let r = generate(&templates, &lib, &req).expect("generate");
            assert!(r.written);
            std::fs::metadata(&out)
                .map(|m| m.len() as usize)
                .unwrap_or(0)
        },
    );

    let base = rows[0].1.as_secs_f64();
    println!("{n} 份“{}”（{TEMPLATE}），同一数据：", t.manifest.name);
    // Pad by display width: a Chinese character takes two columns.
    let pad = |s: &str, w: usize| {
        let have = jicai::docgen::format::display_width(s);
        format!("{s}{}", " ".repeat(w.saturating_sub(have)))
    };
    let rpad = |s: &str, w: usize| {
        let have = jicai::docgen::format::display_width(s);
        format!("{}{s}", " ".repeat(w.saturating_sub(have)))
    };
    println!(
        "{} {} {} {} {}",
        pad("阶段", 52),
        rpad("总耗时", 10),
        rpad("份/秒", 10),
        rpad("倍数", 8),
        rpad("字节/份", 10)
    );
    for (label, d, bytes) in &rows {
        let secs = d.as_secs_f64();
        let bytes = if *bytes == 0 {
            "—".to_string()
        } else {
            bytes.to_string()
        };
        println!(
            "{} {:>9.3}s {:>10.0} {:>7.1}× {}",
            pad(label, 52),
            secs,
            n as f64 / secs,
            secs / base,
            rpad(&bytes, 10)
        );
    }
    Ok(())
}
