//! `jicai rules list|show|test|diff`.

use crate::error::JicaiError;
use crate::library::{RuleDir, RuleLibrary};
use crate::model::RuleSet;
use crate::rulediff::{RuleChange, RuleSetDiff};
use anstyle::{AnsiColor, Style};
use clap::{Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// 列出所有规则集
    List,
    /// 显示一个规则集的有效规则与参数（含继承与覆盖）
    Show {
        /// 规则集名称或标识
        province: String,
    },
    /// 运行规则中的例，报告通过与失败
    Test {
        /// 只运行这个规则集的例（默认全部）
        province: Option<String>,
    },
    /// 把内置规则库（规则、表格声明、日历与目录数据）写到目录中，供修改后用 --rules 加载
    Export {
        /// 目标目录（不存在时创建）
        dir: std::path::PathBuf,
        /// 覆盖目录中已有的同名文件
        #[arg(long)]
        force: bool,
    },
    /// 比较两个规则集：取值不同的参数，新增、缺少和被覆盖的规则
    Diff {
        /// 第一个规则集（名称或标识，如 全国、national）
        left: String,
        /// 第二个规则集（如 浙江、zhejiang）
        right: String,
        /// 输出格式
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// 终端可读的表格
    Text,
    /// 机器可读的 JSON
    Json,
}

pub fn run(rules: RuleDir<'_>, cmd: RulesCommand) -> Result<u8, JicaiError> {
    // Export needs no library loaded (and must work when `--rules` is broken).
    let lib = match &cmd {
        RulesCommand::Export { dir, force } => return export(dir, *force),
        _ => RuleLibrary::open(rules)?,
    };
    let mut out = anstream::stdout();
    match cmd {
        RulesCommand::List => {
            writeln!(out, "{}", list(&lib)).ok();
            Ok(0)
        }
        RulesCommand::Show { province } => {
            let set = lib.ruleset(&province)?;
            writeln!(out, "{}", show(set)).ok();
            Ok(0)
        }
        RulesCommand::Test { province } => {
            let name = match &province {
                Some(p) => Some(lib.ruleset(p)?.name.clone()),
                None => None,
            };
            let report = crate::ruletest::test(&lib, name.as_deref());
            let failed = print_test_report(&mut out, &report);
            Ok(if failed > 0 { super::EXIT_FINDINGS } else { 0 })
        }
        RulesCommand::Export { dir, force } => export(&dir, force),
        RulesCommand::Diff {
            left,
            right,
            format,
        } => {
            let d = crate::rulediff::diff(lib.ruleset(&left)?, lib.ruleset(&right)?);
            let text = match format {
                DiffFormat::Text => diff_text(&d),
                DiffFormat::Json => serde_json::to_string_pretty(&d)
                    .map_err(|e| JicaiError::Usage(format!("无法输出 JSON：{e}")))?,
            };
            writeln!(out, "{text}").ok();
            Ok(0)
        }
    }
}

use super::columns::{clip, table};

/// Prints each example's outcome, then what the examples cover; returns the
/// number of failed examples.
fn print_test_report(out: &mut impl Write, report: &crate::ruletest::TestReport) -> usize {
    let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
    let yellow = Style::new().fg_color(Some(AnsiColor::Yellow.into()));
    let mut failed = 0;
    let mut unreached = 0;
    for o in &report.outcomes {
        if o.passed() {
            writeln!(out, "{green}通过{green:#}  [{}] {}", o.ruleset, o.title).ok();
        } else {
            failed += 1;
            writeln!(
                out,
                "{red}失败{red:#}  [{}] {}  ({})",
                o.ruleset, o.title, o.location
            )
            .ok();
            for f in &o.failures {
                writeln!(out, "        {f}").ok();
            }
        }
        for id in &o.unreached {
            unreached += 1;
            writeln!(
                out,
                "{yellow}注意{yellow:#}  [{}] {}  ({})：期望通过 {id}，但“当”或范围先筛掉了所有行，要求从未被检验——无论要求怎样写都会通过",
                o.ruleset, o.title, o.location
            )
            .ok();
        }
    }
    writeln!(
        out,
        "\n规则例：{} 个通过，{failed} 个失败；{unreached} 处“期望通过”未检验到要求",
        report.outcomes.len() - failed
    )
    .ok();
    let rows: Vec<Vec<String>> = report
        .coverage
        .iter()
        .map(|c| {
            vec![
                c.ruleset.clone(),
                c.rules.to_string(),
                c.both_sides.to_string(),
                c.one_side.len().to_string(),
                c.without_examples.len().to_string(),
            ]
        })
        .collect();
    writeln!(
        out,
        "\n边界两侧的覆盖（各规则集自己声明的规则）\n{}",
        table(
            &["规则集", "规则", "两侧都有例", "只有一侧", "没有例"],
            &rows
        )
    )
    .ok();
    for c in &report.coverage {
        if !c.without_examples.is_empty() {
            writeln!(
                out,
                "  [{}] 没有例的规则：{}",
                c.ruleset,
                c.without_examples.join("、")
            )
            .ok();
        }
        for (id, side) in &c.one_side {
            writeln!(
                out,
                "  [{}] {id} 缺少“期望 {side}”且检验到要求的例",
                c.ruleset
            )
            .ok();
        }
    }
    failed
}

/// `rules export DIR`: the built-in library as files.
fn export(dir: &Path, force: bool) -> Result<u8, JicaiError> {
    let overwrite = if force {
        crate::output::Overwrite::Allow
    } else {
        crate::output::Overwrite::Refuse
    };
    let written = crate::dsl::source::export(dir, overwrite)?;
    let rules = written
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .count();
    super::say!(
        "已写出内置规则库到 {}：{rules} 个规则文件，{} 个数据文件",
        dir.display(),
        written.len() - rules
    );
    Ok(0)
}

fn diff_text(d: &RuleSetDiff) -> String {
    let (l, r) = (d.left.as_str(), d.right.as_str());
    let mut s = String::new();
    writeln!(
        s,
        "{l} ↔ {r}：参数 {} 处不同（相同 {}）；规则 {} {} 条、{} {} 条、定义不同 {} 条（相同 {} 条）",
        d.params.len(),
        d.same_params,
        RuleChange::OnlyLeft.label(l, r),
        d.count(RuleChange::OnlyLeft),
        RuleChange::OnlyRight.label(l, r),
        d.count(RuleChange::OnlyRight),
        d.count(RuleChange::Redefined),
        d.same_rules,
    )
    .ok();
    if d.is_empty() {
        writeln!(s, "\n两个规则集的参数和规则完全相同。").ok();
        return s;
    }
    let dash = || "—".to_string();
    if !d.params.is_empty() {
        let rows: Vec<Vec<String>> = d
            .params
            .iter()
            .map(|p| {
                let side = |x: &Option<crate::rulediff::ParamSide>| {
                    x.as_ref()
                        .map(|x| format!("{} [{}]", clip(&x.value), x.origin))
                        .unwrap_or_else(dash)
                };
                vec![p.name.clone(), side(&p.left), side(&p.right)]
            })
            .collect();
        writeln!(s, "\n参数\n{}", table(&["名称", l, r], &rows)).ok();
    }
    if !d.rules.is_empty() {
        let rows: Vec<Vec<String>> = d
            .rules
            .iter()
            .map(|x| {
                let side = |y: &Option<crate::rulediff::RuleSide>| {
                    y.as_ref()
                        .map(|y| format!("{} [{}]", y.level, y.origin))
                        .unwrap_or_else(dash)
                };
                let title = x
                    .right
                    .as_ref()
                    .or(x.left.as_ref())
                    .map(|y| clip(&y.title))
                    .unwrap_or_default();
                vec![
                    x.change.label(l, r),
                    x.id.clone(),
                    title,
                    side(&x.left),
                    side(&x.right),
                ]
            })
            .collect();
        writeln!(
            s,
            "\n规则\n{}",
            table(&["变化", "编号", "名称", l, r], &rows)
        )
        .ok();
        // A redefinition that changes the requirement: show both, in full.
        for x in d.rules.iter().filter(|x| x.change == RuleChange::Redefined) {
            if let (Some(a), Some(b)) = (&x.left, &x.right)
                && a.require != b.require
            {
                writeln!(s, "\n  {} 的要求不同：", x.id).ok();
                writeln!(s, "    {l}：{}", a.require).ok();
                writeln!(s, "    {r}：{}", b.require).ok();
            }
        }
    }
    s
}

fn list(lib: &RuleLibrary) -> String {
    // By inheritance chain: 全国 first, each city right after its province.
    let mut sets: Vec<&RuleSet> = lib.book.sets.iter().collect();
    sets.sort_by(|a, b| a.chain.cmp(&b.chain));
    let rows: Vec<Vec<String>> = sets
        .iter()
        .map(|set| {
            vec![
                set.name.clone(),
                set.id.clone(),
                set.parent.clone().unwrap_or_else(|| "—".into()),
                set.effective.map_or_else(|| "—".into(), |d| d.to_string()),
                format!("{}", set.rules.len()),
                format!("{}", set.params.len()),
                format!("{}（{}）", set.title, set.docno),
            ]
        })
        .collect();
    table(
        &[
            "规则集",
            "标识",
            "继承",
            "生效",
            "规则",
            "参数",
            "名称（文号）",
        ],
        &rows,
    )
}

fn show(set: &RuleSet) -> String {
    let mut s = String::new();
    let bold = Style::new().bold();
    writeln!(
        s,
        "{bold}{}{bold:#}  {}（{}）",
        set.name, set.title, set.docno
    )
    .ok();
    writeln!(s, "继承链：{}", set.chain.join(" → ")).ok();
    if let Some(e) = set.effective {
        writeln!(s, "生效：{e}").ok();
    }
    writeln!(s, "\n{bold}参数{bold:#}").ok();
    for p in &set.params {
        writeln!(
            s,
            "  {} = {}    [{}]",
            p.name,
            p.display_value(),
            p.origin()
        )
        .ok();
        for c in &p.citations {
            writeln!(s, "      依据：{} {}  {}", c.document, c.article, c.text).ok();
        }
    }
    writeln!(s, "\n{bold}规则{bold:#}").ok();
    for r in &set.rules {
        let origin = r.origin();
        writeln!(
            s,
            "  {} {}  [{} · {} · {origin}]",
            r.id,
            r.title,
            r.level.word(),
            r.severity.name_cn()
        )
        .ok();
        writeln!(s, "      要求：{}", r.require_text).ok();
        for c in &r.citations {
            writeln!(s, "      依据：{} {}  {}", c.document, c.article, c.text).ok();
        }
    }
    s
}
