//! Reference data updated without a new release: a holiday year added
//! through `--rules DIR`, `jicai data add` and the library API makes a
//! deadline computable that was "无法判断" before; bad files are refused
//! with the line named and nothing written; a new 集中采购目录 version
//! changes the findings from its effective date on.

use jicai::library::RuleLibrary;
use jicai::output::Overwrite;
use jicai::refdata::store;
use jicai::value::{Period, PeriodUnit};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A synthetic holiday-cn file for `year` (not a real arrangement): New
/// Year's Day off, and a 调休 Saturday so the file is not trivially empty.
fn holiday_file(year: i32) -> String {
    format!(
        r#"{{
  "year": {year},
  "papers": ["synthetic test data"],
  "days": [
    {{"name": "元旦", "date": "{year}-01-01", "isOffDay": true}},
    {{"name": "测试", "date": "{year}-03-04", "isOffDay": false}}
  ]
}}
"#
    )
}

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        // Never the user's own data directory.
        .env("JICAI_DATA_DIR", "/nonexistent/jicai-test-data")
        .output()
        .expect("run jicai")
}

/// Standard error without the line wrapping and frame of the error
/// renderer, and without spaces (a wrap may fall on one).
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn json(o: &Output) -> Json {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", String::from_utf8_lossy(&o.stdout), stderr(o)))
}

/// A 合同备案表 with one contract: award notice on `notice`, signed on `signed`.
fn contracts_csv(dir: &Path, notice: &str, signed: &str) -> PathBuf {
    let path = dir.join("合同备案.csv");
    std::fs::write(
        &path,
        format!(
            "参与单位,合同编号,合同类型,合同金额（元）,中标通知书日期,合同签订日期\n\
             测试单位,HT-1,主合同,100000,{notice},{signed}\n"
        ),
    )
    .unwrap();
    path
}

/// The GP-46 findings (contract within 30 days of the award notice).
fn gp46(report: &Json) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GP-46")
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A copy of the shipped rule files in `dir` (for `--rules DIR`).
fn copy_rules(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for e in std::fs::read_dir(shipped).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "rules") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// 2027-12-15 + 30日 ends on 2028-01-14 (a Friday) — and 2026-12-15 + 30日
/// on 2027-01-14 (a Thursday): computable only with that year's calendar.
const CASES: [(i32, &str, &str, &str); 2] = [
    (2028, "2027-12-15", "2028-01-17", "2028-01-14"),
    (2027, "2026-12-15", "2027-01-15", "2027-01-14"),
];

fn check_contracts(extra: &[&str], notice: &str, signed: &str, tmp: &Path) -> Json {
    let csv = contracts_csv(tmp, notice, signed);
    let csv = csv.to_str().unwrap();
    let mut args: Vec<&str> = extra.to_vec();
    args.extend([
        "check",
        csv,
        "-p",
        "全国",
        "--as-of",
        "2028-06-01",
        "--format",
        "json",
    ]);
    let out = jicai(&args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    json(&out)
}

#[test]
fn a_missing_year_says_which_and_how_to_add_it() {
    let tmp = tempfile::tempdir().unwrap();
    for (year, notice, signed, _) in CASES {
        let report = check_contracts(&[], notice, signed, tmp.path());
        let found = gp46(&report);
        assert_eq!(found.len(), 1, "{found:?}");
        let (severity, message) = &found[0];
        assert_eq!(severity, "warning");
        assert!(message.starts_with("无法判断"), "{message}");
        assert!(message.contains(&format!("未收录{year}年")), "{message}");
        assert!(
            message.contains(&format!("jicai data add {year}.json")),
            "{message}"
        );
        // Signed on the nominal last day: inside whatever the notice says.
        let on_time = check_contracts(
            &[],
            notice,
            &signed.replace("-17", "-14").replace("-15", "-14"),
            tmp.path(),
        );
        assert!(gp46(&on_time).is_empty(), "{:?}", gp46(&on_time));
    }
}

#[test]
fn a_year_added_through_rules_dir_is_used() {
    for (year, notice, signed, last) in CASES {
        let tmp = tempfile::tempdir().unwrap();
        let rules = tmp.path().join("rules");
        copy_rules(&rules);
        std::fs::create_dir_all(rules.join("data/holiday-cn")).unwrap();
        std::fs::write(
            rules.join(format!("data/holiday-cn/{year}.json")),
            holiday_file(year),
        )
        .unwrap();
        let report = check_contracts(
            &["--rules", rules.to_str().unwrap()],
            notice,
            signed,
            tmp.path(),
        );
        let found = gp46(&report);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "error", "{found:?}");
        assert!(found[0].1.contains(last), "{found:?}");
        // Added to the built-in calendar, not replacing it.
        let lib = RuleLibrary::open_with(Some(rules.as_path()), None).unwrap();
        let years: Vec<i32> = lib.calendar.covered_years().iter().copied().collect();
        assert!(
            years.contains(&2019) && years.contains(&2026) && years.contains(&year),
            "{years:?}"
        );
        let versions = report["data_versions"].as_array().unwrap();
        assert!(
            versions.iter().any(|v| v["name"] == format!("{year}年")
                && v["source"].as_str().unwrap().contains("holiday-cn")),
            "{versions:?}"
        );
    }
}

#[test]
fn a_year_added_with_data_add_is_used() {
    for (year, notice, signed, last) in CASES {
        let tmp = tempfile::tempdir().unwrap();
        let data_dir = tmp.path().join("数据");
        let file = tmp.path().join(format!("{year}.json"));
        std::fs::write(&file, holiday_file(year)).unwrap();
        let dd = data_dir.to_str().unwrap();
        let out = jicai(&["--data-dir", dd, "data", "add", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(data_dir.join(format!("holiday-cn/{year}.json")).is_file());
        // Adding it again needs --force.
        let again = jicai(&["--data-dir", dd, "data", "add", file.to_str().unwrap()]);
        assert_eq!(again.status.code(), Some(2));
        assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
        let forced = jicai(&[
            "--data-dir",
            dd,
            "data",
            "add",
            "--force",
            file.to_str().unwrap(),
        ]);
        assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));

        let report = check_contracts(&["--data-dir", dd], notice, signed, tmp.path());
        let found = gp46(&report);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "error", "{found:?}");
        assert!(found[0].1.contains(last), "{found:?}");

        let list = jicai(&[
            "--data-dir",
            dd,
            "data",
            "list",
            "--on",
            "2027-06-01",
            "--format",
            "json",
        ]);
        let list = json(&list);
        let entry = list["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == format!("{year}年"))
            .expect("listed");
        assert_eq!(entry["in_force"], true);
        assert!(
            entry["source"].as_str().unwrap().contains("数据目录"),
            "{entry}"
        );
    }
}

#[test]
fn a_year_added_through_the_library_api_is_used() {
    for (year, notice, _, last) in CASES {
        let tmp = tempfile::tempdir().unwrap();
        let start = jicai::value::parse_date(notice).unwrap();
        let period = Period::new(30, PeriodUnit::日);
        let before = RuleLibrary::open_with(None, Some(tmp.path())).unwrap();
        assert!(before.calendar.deadline(start, period).is_err());
        let summary = store::add(
            tmp.path(),
            None,
            &format!("{year}.json"),
            &holiday_file(year),
            Overwrite::Refuse,
        )
        .unwrap();
        assert_eq!(summary.target, format!("holiday-cn/{year}.json"));
        let after = RuleLibrary::open_with(None, Some(tmp.path())).unwrap();
        assert_eq!(
            after.calendar.deadline(start, period).unwrap().to_string(),
            last
        );
    }
}

#[test]
fn invalid_files_are_refused_with_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("数据");
    let dd = data_dir.to_str().unwrap();
    let bad_date = tmp.path().join("2028.json");
    std::fs::write(
        &bad_date,
        holiday_file(2028).replace("2028-03-04", "2028-02-30"),
    )
    .unwrap();
    let wrong_year = tmp.path().join("2029.json");
    std::fs::write(&wrong_year, holiday_file(2028)).unwrap();
    let not_json = tmp.path().join("2030.json");
    std::fs::write(
        &not_json,
        holiday_file(2030).replace("\"days\": [", "\"days\" ["),
    )
    .unwrap();
    let bad_code = tmp.path().join("北京-2027.yaml");
    std::fs::write(&bad_code, beijing_2027("A05099999")).unwrap();
    for (file, says) in [
        (&bad_date, "第6行：日期“2028-02-30”格式有误"),
        (&wrong_year, "文件名是2029年，内容中的 year 却是 2028"),
        (&not_json, "第4行：不是有效的 holiday-cn 节假日 JSON"),
        (
            &bad_code,
            "第13行：品目“A05099999”不在《政府采购品目分类目录》中",
        ),
    ] {
        for command in ["add", "check"] {
            let out = jicai(&["--data-dir", dd, "data", command, file.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
            let err = stderr(&out);
            assert!(err.contains(&squeeze(&file.display().to_string())), "{err}");
            assert!(err.contains(&squeeze(says)), "{says}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    assert!(!data_dir.exists(), "nothing written for refused files");

    // A bad file already in --rules DIR stops every command that loads data.
    let rules = tmp.path().join("rules");
    copy_rules(&rules);
    std::fs::create_dir_all(rules.join("data/holiday-cn")).unwrap();
    std::fs::copy(&bad_date, rules.join("data/holiday-cn/2028.json")).unwrap();
    let out = jicai(&["--rules", rules.to_str().unwrap(), "data", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2028.json第6行"), "{}", stderr(&out));

    // Overlapping effective periods with what is loaded: refused.
    let overlap = tmp.path().join("北京-overlap.yaml");
    std::fs::write(
        &overlap,
        beijing_2027("A05010000").replace("生效: 2027-01-01", "生效: 2026-01-01\n失效: 2027-06-01"),
    )
    .unwrap();
    let ok = tmp.path().join("北京-2027.yaml");
    std::fs::write(&ok, beijing_2027("A05010000")).unwrap();
    let out = jicai(&["--data-dir", dd, "data", "add", ok.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = jicai(&["--data-dir", dd, "data", "add", overlap.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("施行期间重叠"), "{}", stderr(&out));
    assert!(!data_dir.join("procurement/北京-overlap.yaml").exists());
}

/// A synthetic 北京 目录 effective 2027-01-01 listing only `code` (not a
/// real document).
fn beijing_2027(code: &str) -> String {
    format!(
        "# 测试用：不是真实文件\n\
         类型: 集中采购目录及限额标准\n\
         地区: 北京\n\
         名称: 北京市测试目录（2027年版）\n\
         文号: 测试〔2026〕1号\n\
         发布: 2026-12-01\n\
         生效: 2027-01-01\n\
         来源: 测试数据\n\
         限额标准:\n\
         \x20 - 分散采购限额: {{ 货物: 100万元, 服务: 100万元, 工程: 100万元 }}\n\
         集中采购目录:\n\
         \x20 # 只有家具\n\
         \x20 - {{ 品目: {code}, 名称: 家具, 执行机构: 集中采购机构 }}\n"
    )
}

/// A 需求表 with a desktop computer (A02010105) and an 汽车列车 (A02030400).
fn demand_csv(dir: &Path) -> PathBuf {
    let path = dir.join("需求表.csv");
    std::fs::write(
        &path,
        "参与单位,采购品目,数量,预算金额（万元）,代理机构,代理机构类型\n\
         甲单位,A02010105,10,5,某招标公司,社会代理机构\n\
         乙单位,A02030400,1,50,某招标公司,社会代理机构\n",
    )
    .unwrap();
    path
}

fn catalogue_findings(report: &Json) -> Vec<String> {
    let mut v: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["rule"].as_str().unwrap().starts_with("BJ-02-") && f["rule"] != "BJ-02-同一品目"
        })
        .map(|f| {
            format!(
                "{} {}",
                f["rule"].as_str().unwrap(),
                f["location"]["cell"].as_str().unwrap_or("")
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_new_catalogue_version_changes_findings_on_its_effective_date() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = tmp.path().join("数据");
    let dd = data_dir.to_str().unwrap();
    let file = tmp.path().join("北京-2027.yaml");
    std::fs::write(&file, beijing_2027("A05010000")).unwrap();
    let out = jicai(&["--data-dir", dd, "data", "add", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = demand_csv(tmp.path());
    let run = |date: &str| {
        json(&jicai(&[
            "--data-dir",
            dd,
            "check",
            csv.to_str().unwrap(),
            "-p",
            "北京",
            "--as-of",
            date,
            "--format",
            "json",
        ]))
    };
    let before = run("2026-12-31");
    let after = run("2027-01-01");
    // The built-in (typical) list has 计算机; the 2027 version has only 家具.
    assert_eq!(
        catalogue_findings(&before),
        ["BJ-02-目录外 B2", "BJ-02-集采机构 F2"]
    );
    assert_eq!(catalogue_findings(&after), Vec::<String>::new());
    let version = |r: &Json| {
        r["data_versions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["kind"] == "集中采购目录及限额标准")
            .map(|v| v["version"].as_str().unwrap().to_string())
    };
    assert!(version(&before).unwrap().contains("典型品目"), "{before}");
    assert!(
        version(&after).unwrap().contains("测试〔2026〕1号"),
        "{after}"
    );
    // The text report says the same.
    let text = jicai(&[
        "--data-dir",
        dd,
        "check",
        csv.to_str().unwrap(),
        "-p",
        "北京",
        "--as-of",
        "2027-01-01",
    ]);
    assert!(
        String::from_utf8_lossy(&text.stdout)
            .contains("参考数据：集中采购目录及限额标准 北京 测试〔2026〕1号")
    );

    // `data list` marks which version is in force on a date.
    let list = |date: &str| {
        json(&jicai(&[
            "--data-dir",
            dd,
            "data",
            "list",
            "--on",
            date,
            "--format",
            "json",
        ]))
    };
    let in_force = |l: &Json| -> Vec<String> {
        l["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["name"] == "北京" && e["in_force"] == true)
            .map(|e| e["version"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(in_force(&list("2026-12-31")).len(), 1);
    assert!(in_force(&list("2026-12-31"))[0].contains("典型品目"));
    assert!(in_force(&list("2027-01-01"))[0].contains("测试〔2026〕1号"));
}
