//! `jicai generate` and `jicai templates` end to end: the binary is run, its
//! exit code and messages checked, and the files it wrote read back.

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_rules() -> PathBuf {
    root().join("tests/fixtures/docgen/rules")
}

fn sample(id: &str) -> PathBuf {
    root().join(format!("samples/data/{id}.yaml"))
}

/// The binary under test, linked once per test run: several checkouts may
/// share a target directory, and another build can replace the file while
/// the tests run. Links left by earlier runs are removed.
fn bin() -> &'static Path {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let dir = std::env::temp_dir().join("jicai-docgen-cli");
        std::fs::create_dir_all(&dir).expect("temp dir");
        let hour = std::time::Duration::from_secs(3600);
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|a| a > hour));
            if old {
                std::fs::remove_file(e.path()).ok();
            }
        }
        let to = dir.join(format!("jicai-{}", std::process::id()));
        std::fs::remove_file(&to).ok();
        let from = env!("CARGO_BIN_EXE_jicai");
        std::fs::hard_link(from, &to)
            .or_else(|_| std::fs::copy(from, &to).map(|_| ()))
            .expect("link the binary");
        to
    })
}

fn jicai(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run jicai")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// stderr with miette's line wrapping undone, so messages can be searched.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(|l| l.trim_start_matches([' ', '│', '×']).trim_end())
        .collect::<Vec<_>>()
        .join("")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn docx_text(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        out.push_str(&body[..close]);
        rest = &body[close..];
    }
    out
}

/// A data file: the sample with some lines replaced.
fn edited(dir: &Path, id: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut s = std::fs::read_to_string(sample(id)).unwrap();
    for (from, to) in edits {
        assert!(s.contains(from), "{from} not in sample {id}");
        s = s.replacen(from, to, 1);
    }
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("{id}-edited-{n}.yaml"));
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn generates_a_notice_and_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("任务通知书.docx");
    let o = jicai(&[
        "generate",
        "批量集中采购项目任务通知书",
        "--data",
        p(&sample("jilin-batch-task-notice")),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("已生成"), "{}", stdout(&o));
    let text = docx_text(&out);
    assert!(text.contains("台式计算机批量集中采购项目任务通知书"));
    assert!(text.contains("吉林省政府采购中心："));
    assert!(text.contains("2025年7月1日"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "documents are readable by others");
    }
    // No temporary files left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn missing_and_ill_typed_fields_are_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("bad.yaml");
    std::fs::write(
        &data,
        "采购中心: 吉林省政府采购中心\n品目编码: A0299\n预计采购规模: 很多\n发文日期: 2025-02-30\n",
    )
    .unwrap();
    let out = dir.path().join("n.docx");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for field in [
        "“品目编码”",
        "“预计采购规模”",
        "“发文日期”",
        "缺少必填字段“采购限额”",
        "缺少必填字段“适用范围”",
    ] {
        assert!(err.contains(field), "{field} in {err}");
    }
    assert!(err.contains("有 5 处问题"), "{err}");
    assert!(!out.exists(), "nothing written");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn bad_yaml_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("bad.yaml");
    std::fs::write(&data, "采购中心: [未闭合\n").unwrap();
    let out = dir.path().join("n.md");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是有效的 YAML"), "{}", stderr(&o));
    std::fs::write(&data, "- 列表\n- 不是映射\n").unwrap();
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("顶层应为"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn existing_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.md");
    let sample_path = sample("jilin-batch-task-notice");
    std::fs::write(&out, "旧文件").unwrap();
    let run = |force: bool| {
        let mut a = vec![
            "generate",
            "jilin-batch-task-notice",
            "--data",
            p(&sample_path),
            "--out",
            p(&out),
        ];
        if force {
            a.push("--force");
        }
        jicai(&a)
    };
    let o = run(false);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "旧文件");
    let o = run(true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("# 台式计算机批量集中采购项目任务通知书")
    );
}

/// 浙江 第九条: the last day of 30 days after the award notice, by the
/// legal period rules and the holiday calendar.
#[test]
fn thirty_day_notice_moves_past_holidays() {
    let dir = tempfile::tempdir().unwrap();
    for (award, last) in [
        ("2025-09-01", "2025年10月9日"), // day 30 is 10-01, 国庆; the holiday runs to 10-08
        ("2025-07-01", "2025年7月31日"), // a Thursday
        ("2025-08-01", "2025年9月1日"),  // day 30 is Sunday 08-31
        ("2026-01-15", "2026年2月14日"), // a Saturday, but a 调休 working day before 春节
    ] {
        let data = edited(
            dir.path(),
            "zhejiang-sign-notice",
            &[(
                "中标通知书日期: 2025-09-01",
                &format!("中标通知书日期: {award}"),
            )],
        );
        let out = dir.path().join(format!("notice-{award}.docx"));
        let o = jicai(&[
            "generate",
            "zhejiang-sign-notice",
            "--data",
            p(&data),
            "--out",
            p(&out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = docx_text(&out);
        assert!(
            text.contains(&format!("请各参与单位于{last}前（含当日）")),
            "{award}: {text}"
        );
    }
}

#[test]
fn a_date_beyond_the_calendar_is_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let data = edited(
        dir.path(),
        "zhejiang-sign-notice",
        &[("中标通知书日期: 2025-09-01", "中标通知书日期: 2027-06-01")],
    );
    let out = dir.path().join("n.docx");
    let o = jicai(&[
        "generate",
        "zhejiang-sign-notice",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("节假日日历未收录2027年"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn framework_scheme_is_checked_against_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let run = |data: &Path, out: &Path, force: bool| {
        let mut a = vec![
            "generate",
            "框架协议项目采购方案",
            "--data",
            p(data),
            "--out",
            p(out),
            "--as-of",
            "2025-08-01",
        ];
        if force {
            a.push("--force");
        }
        jicai(&a)
    };
    // 淘汰比例 15%: refused with the finding and its citation (第二十七条
    // says “一般不得低于20%”: a warning, which this template refuses).
    let low = edited(
        dir.path(),
        "jilin-framework-scheme",
        &[("淘汰比例: 20%", "淘汰比例: 15%")],
    );
    let out = dir.path().join("方案.docx");
    let o = run(&low, &out, false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("[GP-110-27") && err.contains("15%"), "{err}");
    assert!(
        err.contains("财政部令第110号") && err.contains("第二十七条"),
        "{err}"
    );
    assert!(err.contains("“采购包”第1项"), "{err}");
    assert!(err.contains("未生成"), "{err}");
    assert!(!out.exists());

    // 货物 有效期 2年: refused too (第十五条 “一般不超过1年”).
    let long = edited(
        dir.path(),
        "jilin-framework-scheme",
        &[("\n有效期: 1年", "\n有效期: 2年")],
    );
    let o = run(&long, &out, false);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[GP-110-15-货物]"), "{}", stderr(&o));
    assert!(stderr(&o).contains("第十五条"), "{}", stderr(&o));
    assert!(!out.exists());

    // --force writes it and still lists the findings.
    let o = run(&low, &out, true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("[GP-110-27") && stderr(&o).contains("--force"),
        "{}",
        stderr(&o)
    );
    assert!(docx_text(&out).contains("十三、其他事项"));

    // The clean sample passes.
    let ok = dir.path().join("ok.docx");
    let o = run(&sample("jilin-framework-scheme"), &ok, false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("[GP-"), "{}", stderr(&o));
}

/// `--rules-only DIR` replaces the embedded rules: the fixture declares the
/// scheme table with rules of its own (FA-*).
#[test]
fn rules_dir_overrides_the_embedded_rules() {
    let dir = tempfile::tempdir().unwrap();
    let rules = fixture_rules();
    let low = edited(
        dir.path(),
        "jilin-framework-scheme",
        &[("淘汰比例: 20%", "淘汰比例: 15%")],
    );
    let out = dir.path().join("方案.md");
    let o = jicai(&[
        "--rules-only",
        p(&rules),
        "generate",
        "jilin-framework-scheme",
        "--data",
        p(&low),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[FA-27]"), "{}", stderr(&o));
    // The fixture has no 吉林 rule set: 全国 is applied, and it says so.
    assert!(
        stderr(&o).contains("规则库中没有“吉林”规则集，按“全国”规则检查"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn task_notice_validity_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let long = edited(
        dir.path(),
        "jilin-framework-task-notice",
        &[("框架协议有效期: 1年", "框架协议有效期: 2年")],
    );
    let out = dir.path().join("任务通知书.docx");
    let o = jicai(&[
        "generate",
        "jilin-framework-task-notice",
        "--data",
        p(&long),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[JL-附7-货物]"), "{}", stderr(&o));
    assert!(!out.exists());
    let o = jicai(&[
        "generate",
        "jilin-framework-task-notice",
        "--data",
        p(&sample("jilin-framework-task-notice")),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(docx_text(&out).contains("框架协议有效期：1年（货物类项目）"));
}

#[test]
fn contract_filing_is_checked_against_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    // Signed on day 31 after the award notice: GP-46.
    let late = edited(
        dir.path(),
        "beijing-contract-filing",
        &[("签订日期: 2025-04-25", "签订日期: 2025-05-13")],
    );
    let out = dir.path().join("合同备案.xlsx");
    let o = jicai(&[
        "generate",
        "beijing-contract-filing",
        "--data",
        p(&late),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[GP-46]"), "{}", stderr(&o));
    assert!(!out.exists());
    // The 补充合同 (2025-06-05) is not a 主合同 and is not held to the 30 days.
    let o = jicai(&[
        "generate",
        "beijing-contract-filing",
        "--data",
        p(&sample("beijing-contract-filing")),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn filing_form_is_checked_against_article_six() {
    let dir = tempfile::tempdir().unwrap();
    // 第六条(三): the 需求调查报告 must be attached.
    let data = edited(
        dir.path(),
        "beijing-filing",
        &[("需求调查报告: 需求调查报告.pdf\n", "")],
    );
    let out = dir.path().join("备案.xlsx");
    let o = jicai(&[
        "generate",
        "beijing-filing",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    // A required field of the template: reported before the rules run.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("缺少必填字段“需求调查报告”"),
        "{}",
        stderr(&o)
    );
    // A 集采目录 item (家具) in a 集中带量采购: BJ-02-目录外 (原则上 → 警告, not refused).
    let data = edited(
        dir.path(),
        "beijing-filing",
        &[(
            "采购品目: A02061806, 数量: 45",
            "采购品目: A05010000, 数量: 45",
        )],
    );
    let o = jicai(&[
        "generate",
        "beijing-filing",
        "--data",
        p(&data),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("[BJ-02-目录外]"), "{}", stderr(&o));
    assert!(out.exists());
}

#[test]
fn master_plan_xlsx_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("总计划.xlsx");
    let o = jicai(&[
        "generate",
        "common-master-plan",
        "--data",
        p(&sample("common-master-plan")),
        "--out",
        p(&out),
        "--province",
        "浙江",
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let formulas = wb.worksheet_formula(&name).unwrap();
    let merges = wb.merge_cells_by_sheet_name(&name).unwrap();
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String(
            "2025年全省中小学课桌椅带量集中采购项目总计划汇总表".into()
        ))
    );
    assert!(
        merges.iter().any(|m| m.start == (0, 0) && m.end == (0, 9)),
        "{merges:?}"
    );
    let total = (0..40u32)
        .find(|r| range.get_value((*r, 0)) == Some(&Data::String("合计".into())))
        .unwrap();
    let f = formulas.get_value((total, 9)).cloned().unwrap_or_default();
    assert!(f.starts_with("SUM(J"), "{f}");
    assert_eq!(range.get_value((total, 9)), Some(&Data::Float(227.5)));
    assert_eq!(range.get_value((total, 7)), Some(&Data::Float(1250.0)));
}

#[test]
fn rules_findings_refuse_the_master_plan() {
    let dir = tempfile::tempdir().unwrap();
    // 家具 (A05010000) is in 浙江's 集中采购目录: it must go to a 集中采购机构 (ZJ-04).
    let data = edited(
        dir.path(),
        "common-master-plan",
        &[(
            "代理机构: 浙江省政府采购中心, 代理机构类型: 集中采购机构",
            "代理机构: 某招标代理公司, 代理机构类型: 社会代理机构",
        )],
    );
    let out = dir.path().join("m.xlsx");
    let o = jicai(&[
        "generate",
        "common-master-plan",
        "--data",
        p(&data),
        "--out",
        p(&out),
        "-p",
        "浙江",
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[ZJ-04]"), "{}", stderr(&o));
    assert!(!out.exists());
    // The same data under 全国 rules has nothing against it.
    let o = jicai(&[
        "generate",
        "common-master-plan",
        "--data",
        p(&data),
        "--out",
        p(&out),
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn templates_list_and_show() {
    let o = jicai(&["templates", "list"]);
    assert_eq!(o.status.code(), Some(0));
    let list = stdout(&o);
    for name in [
        "批量集中采购项目任务通知书",
        "框架协议采购项目任务通知书",
        "框架协议项目采购方案",
        "部门预算政府采购项目安排情况表",
        "批量集中采购产品配置表",
        "带量采购备案表",
        "立项委托表",
        "合同备案表",
        "签订合同通知",
        "总计划汇总表",
        "规则手册",
    ] {
        assert!(list.contains(name), "{name} in {list}");
    }
    let o = jicai(&["templates", "show", "zhejiang-sign-notice"]);
    assert_eq!(o.status.code(), Some(0));
    let show = stdout(&o);
    assert!(
        show.contains("中标通知书日期") && show.contains("award_date") && show.contains("日期")
    );
    assert!(show.contains("示例数据"));
    // The example in `show` is a data file that generates.
    let example = show
        .split_once("示例数据（可另存为 data.yaml 后修改）：\n")
        .unwrap()
        .1;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("example.yaml");
    std::fs::write(&data, example).unwrap();
    let out = dir.path().join("n.html");
    let o = jicai(&[
        "generate",
        "zhejiang-sign-notice",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Unknown names get a suggestion.
    let o = jicai(&["templates", "show", "zhejiang-sign-notic"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("是否指"), "{}", stderr(&o));
}

#[test]
fn formats_must_be_offered_and_agree() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.xlsx");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&sample("jilin-batch-task-notice")),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不能生成 .xlsx"), "{}", stderr(&o));
    let out = dir.path().join("n.md");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&sample("jilin-batch-task-notice")),
        "--out",
        p(&out),
        "--format",
        "docx",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不一致"), "{}", stderr(&o));
    // No extension: the template's first format.
    let out = dir.path().join("通知");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&sample("jilin-batch-task-notice")),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read(&out).unwrap().starts_with(b"PK"),
        "a .docx (zip)"
    );
}

#[test]
fn html_and_markdown_escape_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = edited(
        dir.path(),
        "jilin-batch-task-notice",
        &[(
            "采购中心: 吉林省政府采购中心",
            "采购中心: \"<script>alert(1)</script>|@落款 伪造\"",
        )],
    );
    let html = dir.path().join("n.html");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&data),
        "--out",
        p(&html),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(!h.contains("<script>"), "{h}");
    assert!(
        h.contains("&lt;script&gt;alert(1)&lt;/script&gt;|@落款 伪造："),
        "{h}"
    );
    assert_eq!(
        h.matches("class=\"signature\"").count(),
        1,
        "data made no second 落款"
    );
    let md = dir.path().join("n.md");
    let o = jicai(&[
        "generate",
        "jilin-batch-task-notice",
        "--data",
        p(&data),
        "--out",
        p(&md),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let m = std::fs::read_to_string(&md).unwrap();
    assert!(m.contains("\\<script\\>"), "{m}");
}

#[test]
fn templates_dir_overrides_and_confines() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    let t = tpl.join("x/hello");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("template.yaml"),
        "名称: 问候\n标识: hello\n地区: 通用\n输出: [md]\n字段:\n  - { 名称: 姓名, 变量: name, 必填: 是 }\n  - { 名称: 金额, 变量: amount, 类型: 金额（万元） }\n",
    )
    .unwrap();
    std::fs::write(
        t.join("body.jdoc"),
        "@标题 你好，{{ name }}\n金额：{{ amount | daxie }}\n",
    )
    .unwrap();
    let data = dir.path().join("d.yaml");
    std::fs::write(&data, "姓名: 张三\n金额: 120\n").unwrap();
    let out = dir.path().join("h.md");
    let o = jicai(&[
        "--templates",
        p(&tpl),
        "generate",
        "hello",
        "--data",
        p(&data),
        "--out",
        p(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "# 你好，张三\n\n金额：壹佰贰拾万元整\n"
    );
    // The embedded templates are not visible under --templates.
    let o = jicai(&["--templates", p(&tpl), "templates", "list"]);
    assert!(stdout(&o).contains("共 1 个"), "{}", stdout(&o));

    // A template cannot include files outside its tree.
    std::fs::write(dir.path().join("secret.jdoc"), "机密").unwrap();
    for include in [
        "../../../secret.jdoc",
        "/etc/hostname",
        "x/hello/../../../secret.jdoc",
    ] {
        std::fs::write(
            t.join("body.jdoc"),
            format!("{{% include \"{include}\" %}}\n"),
        )
        .unwrap();
        let out = dir.path().join("leak.md");
        let o = jicai(&[
            "--templates",
            p(&tpl),
            "generate",
            "hello",
            "--data",
            p(&data),
            "--out",
            p(&out),
        ]);
        assert_eq!(o.status.code(), Some(2), "{include}: {}", stderr(&o));
        assert!(!out.exists());
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.jdoc"), t.join("leak.jdoc")).unwrap();
        std::fs::write(t.join("body.jdoc"), "{% include \"x/hello/leak.jdoc\" %}\n").unwrap();
        let out = dir.path().join("leak.md");
        let o = jicai(&[
            "--templates",
            p(&tpl),
            "generate",
            "hello",
            "--data",
            p(&data),
            "--out",
            p(&out),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(!out.exists());
    }
}

#[test]
fn a_broken_manifest_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("bad");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("template.yaml"),
        "名称: 坏\n标识: bad\n字段:\n  - { 名称: 甲, 变量: 甲 }\n",
    )
    .unwrap();
    let o = jicai(&["--templates", p(dir.path()), "templates", "list"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("有误") && stdout(&o).contains("变量"),
        "{}",
        stdout(&o)
    );
    let o = jicai(&["--templates", p(dir.path()), "templates", "show", "bad"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("“变量”"), "{}", stderr(&o));
}
