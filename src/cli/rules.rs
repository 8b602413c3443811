//! `jicai rules list|show|test`.

use crate::error::JicaiError;
use crate::library::RuleLibrary;
use crate::model::RuleSet;
use anstyle::{AnsiColor, Style};
use clap::Subcommand;
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
}

pub fn run(rules: Option<&Path>, cmd: RulesCommand) -> Result<u8, JicaiError> {
    let lib = RuleLibrary::open(rules)?;
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
            let outcomes = crate::ruletest::run_examples(&lib, name.as_deref());
            let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
            let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
            let mut failed = 0;
            for o in &outcomes {
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
            }
            writeln!(
                out,
                "\n规则例: {} passed, {failed} failed",
                outcomes.len() - failed
            )
            .ok();
            Ok(if failed > 0 { super::EXIT_FINDINGS } else { 0 })
        }
    }
}

fn list(lib: &RuleLibrary) -> String {
    let mut s = String::new();
    writeln!(
        s,
        "{:<10} {:<14} {:<10} {:<12} 名称（文号）",
        "规则集", "标识", "继承", "生效"
    )
    .ok();
    for set in &lib.book.sets {
        writeln!(
            s,
            "{:<10} {:<14} {:<10} {:<12} {}（{}）  {} 条规则，{} 个参数",
            set.name,
            set.id,
            set.parent.as_deref().unwrap_or("—"),
            set.effective
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            set.title,
            set.docno,
            set.rules.len(),
            set.params.len()
        )
        .ok();
    }
    s
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
        let origin = match &p.overrides {
            Some(from) => format!("{}（覆盖 {from}）", p.defined_in),
            None => p.defined_in.clone(),
        };
        let value = if p.set.is_empty() {
            p.value.display()
        } else {
            p.set
                .iter()
                .map(|v| v.display())
                .collect::<Vec<_>>()
                .join("、")
        };
        writeln!(s, "  {} = {}    [{origin}]", p.name, value).ok();
        for c in &p.citations {
            writeln!(s, "      依据：{} {}  {}", c.document, c.article, c.text).ok();
        }
    }
    writeln!(s, "\n{bold}规则{bold:#}").ok();
    for r in &set.rules {
        let origin = match &r.overrides {
            Some(from) => format!("{}（覆盖 {from}）", r.defined_in),
            None => r.defined_in.clone(),
        };
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
