//! `jicai generate` and `jicai templates`.

use super::columns::{pad, width};
use crate::docgen::check::render_findings;
use crate::docgen::manifest::{Field, FieldType, Format, Provider};
use crate::docgen::{Request, Templates, data, generate};
use crate::error::JicaiError;
use crate::library::{RuleDir, RuleLibrary};
use crate::output::Overwrite;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutFormat {
    /// Word 公文（GB/T 9704 版式）
    Docx,
    /// Markdown
    Md,
    /// 单文件 HTML
    Html,
    /// Excel 表格
    Xlsx,
}

impl From<OutFormat> for Format {
    fn from(f: OutFormat) -> Format {
        match f {
            OutFormat::Docx => Format::Docx,
            OutFormat::Md => Format::Md,
            OutFormat::Html => Format::Html,
            OutFormat::Xlsx => Format::Xlsx,
        }
    }
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// 模板名称或标识（见 jicai templates list）
    pub template: String,
    /// 数据文件（YAML；字段见 jicai templates show 模板）
    #[arg(long, value_name = "FILE.yaml")]
    pub data: Option<PathBuf>,
    /// 输出文件（扩展名决定格式，也可用 --format）
    #[arg(long, short = 'o', value_name = "PATH")]
    pub out: PathBuf,
    /// 输出格式（默认按扩展名，或模板的第一种格式）
    #[arg(long, value_enum)]
    pub format: Option<OutFormat>,
    /// 生成前按哪一地的规则检查数据（默认：模板所属地区）
    #[arg(long, short = 'p', value_name = "P")]
    pub province: Option<String>,
    /// 检查日期（默认今天），决定哪些规则已施行，也是规则手册的截止日期
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// 覆盖已有文件；检查发现问题时仍然生成（并列出问题）
    #[arg(long)]
    pub force: bool,
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    crate::value::parse_date(s).map_err(|e| format!("{e}（应为日期，如 2025-08-01）"))
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// 列出所有模板
    List,
    /// 查看模板的字段、类型和示例数据
    Show {
        /// 模板名称或标识
        template: String,
    },
}

pub fn run_generate(
    rules: RuleDir<'_>,
    templates: Option<&Path>,
    args: GenerateArgs,
) -> Result<u8, JicaiError> {
    let templates = Templates::open(templates)?;
    let lib = RuleLibrary::open(rules)?;
    let req = Request {
        template: &args.template,
        data: args.data.as_deref(),
        out: &args.out,
        format: args.format.map(Format::from),
        province: args.province.as_deref(),
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        overwrite: if args.force {
            Overwrite::Allow
        } else {
            Overwrite::Refuse
        },
        force: args.force,
    };
    let report = generate(&templates, &lib, &req)?;
    let mut err = anstream::stderr();
    for n in &report.notes {
        writeln!(err, "注意：{n}").ok();
    }
    if !report.findings.is_empty() {
        writeln!(
            err,
            "按“{}”规则检查数据，发现：\n{}",
            report.ruleset,
            render_findings(&report.findings)
        )
        .ok();
    }
    let out = args.out.display();
    if !report.written {
        writeln!(
            err,
            "未生成 {out}：数据有 {} 个须处理的问题（见上）。核实后如仍需生成，可加 --force。",
            report.blocking
        )
        .ok();
        return Ok(super::EXIT_FINDINGS);
    }
    if report.blocking > 0 {
        writeln!(
            err,
            "已按 --force 生成，但以上 {} 个问题仍须处理。",
            report.blocking
        )
        .ok();
    }
    let ext = report.format.map(Format::ext).unwrap_or("");
    writeln!(
        anstream::stdout(),
        "已生成 {out}（{}，.{ext}）",
        report.template
    )
    .ok();
    Ok(0)
}

pub fn run_templates(templates: Option<&Path>, cmd: TemplatesCommand) -> Result<u8, JicaiError> {
    let t = Templates::open(templates)?;
    let text = match cmd {
        TemplatesCommand::List => list(&t),
        TemplatesCommand::Show { template } => show(&t, &template)?,
    };
    write!(anstream::stdout(), "{text}").ok();
    Ok(0)
}

fn formats(fs: &[Format]) -> String {
    fs.iter().map(|f| f.ext()).collect::<Vec<_>>().join("、")
}

fn list(t: &Templates) -> String {
    let mut out = String::new();
    writeln!(out, "{}（共 {} 个）：", t.tree.label(), t.templates.len()).ok();
    let name_w = t
        .templates
        .iter()
        .map(|x| width(&x.manifest.name))
        .max()
        .unwrap_or(4)
        .max(4);
    let id_w = t
        .templates
        .iter()
        .map(|x| x.manifest.id.len())
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(
        out,
        "  {} {} {} 输出",
        pad("地区", 4),
        pad("名称", name_w),
        pad("标识", id_w)
    )
    .ok();
    for x in &t.templates {
        let m = &x.manifest;
        writeln!(
            out,
            "  {} {} {} {}",
            pad(&m.region, 4),
            pad(&m.name, name_w),
            pad(&m.id, id_w),
            formats(&m.formats)
        )
        .ok();
    }
    for (folder, problems) in &t.broken {
        writeln!(out, "  （有误，未载入）{folder}：{}", problems.join("；")).ok();
    }
    writeln!(
        out,
        "\n查看字段：jicai templates show <名称或标识>\n生成文件：jicai generate <名称或标识> --data 数据.yaml --out 输出文件"
    )
    .ok();
    out
}

fn show(t: &Templates, name: &str) -> Result<String, JicaiError> {
    let x = t.find(name)?;
    let m = &x.manifest;
    let mut out = String::new();
    writeln!(out, "{}（{}）", m.name, m.id).ok();
    writeln!(
        out,
        "地区：{}    输出：{}（默认 .{}）",
        m.region,
        formats(&m.formats),
        m.default_format().ext()
    )
    .ok();
    if !m.description.is_empty() {
        writeln!(out, "说明：{}", m.description).ok();
    }
    if !m.source.is_empty() {
        writeln!(out, "依据：{}", m.source).ok();
    }
    if m.providers.contains(&Provider::规则集) {
        writeln!(
            out,
            "上下文：规则集（--province 选择，默认{}；--as-of 为截止日期）",
            m.default_ruleset()
        )
        .ok();
    }
    for c in &m.checks {
        let rows = match &c.rows {
            Some(r) => format!("“{r}”每项一行"),
            None => "整份数据一行".into(),
        };
        let level = c.refuse_at.name_cn();
        writeln!(
            out,
            "生成前检查：按规则表“{}”检查（{rows}），发现{level}及以上问题即不生成（--force 可强制）",
            c.table
        )
        .ok();
    }
    writeln!(out, "\n字段：").ok();
    let mut rows: Vec<[String; 5]> = Vec::new();
    collect_fields(&m.fields, "", &mut rows);
    let head = [
        "名称".to_string(),
        "变量".into(),
        "类型".into(),
        "必填".into(),
        "说明".into(),
    ];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .chain(std::iter::once(&head))
                .map(|r| width(&r[i]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in std::iter::once(&head).chain(&rows) {
        writeln!(
            out,
            "  {} {} {} {} {}",
            pad(&r[0], widths[0]),
            pad(&r[1], widths[1]),
            pad(&r[2], widths[2]),
            pad(&r[3], widths[3]),
            r[4]
        )
        .ok();
    }
    writeln!(out, "\n示例数据（可另存为 data.yaml 后修改）：\n").ok();
    out.push_str(&data::example_yaml(&m.fields));
    Ok(out)
}

fn collect_fields(fields: &[Field], indent: &str, out: &mut Vec<[String; 5]>) {
    for f in fields {
        out.push([
            format!("{indent}{}", f.name),
            f.var.clone(),
            f.ty.name(),
            if f.required { "是" } else { "否" }.into(),
            f.description.clone(),
        ]);
        if let FieldType::记录列表(sub) = &f.ty {
            collect_fields(sub, &format!("{indent}- "), out);
        }
    }
}
