//! `jicai check --format xlsx|html`: reports made from faulty workbooks and
//! read back. The annotated workbook must mark exactly the cells the JSON
//! names; the HTML must show each finding once and reference nothing
//! outside itself.

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2025-08-01";

/// A 需求表 under a title row, with faults of every kind: a wrong agency
/// type (ZJ-04), an unknown 品目 (GP-品目), a quantity that is not a number
/// (表格.类型), two lead units (ZJ-05-唯一), a lead unit with the wrong plan
/// type (ZJ-08) — and a unit name that needs HTML escaping.
fn write_demand(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Sheet1").unwrap();
    ws.write(0, 0, "2025年计算机带量采购需求汇总表").unwrap();
    let header = [
        "参与单位",
        "单位代码",
        "预算级次",
        "是否牵头单位",
        "采购品目",
        "采购包",
        "数量",
        "计量单位",
        "预算金额（万元）",
        "项目名称",
        "代理机构",
        "代理机构类型",
        "组织形式",
        "临时采购计划类型",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(1, c as u16, *h).unwrap();
    }
    let rows: [[&str; 14]; 5] = [
        [
            "省财政厅",
            "S001",
            "省级",
            "是",
            "A02010105",
            "1",
            "100",
            "台",
            "60",
            "计算机带量采购",
            "省政府采购中心",
            "集中采购机构",
            "带量集中采购",
            "受委托采购",
        ],
        [
            "市教育局",
            "C001",
            "市级",
            "否",
            "A02010105",
            "1",
            "50",
            "台",
            "30",
            "计算机带量采购",
            "某招标公司",
            "社会代理机构",
            "带量集中采购",
            "自行采购",
        ],
        [
            "<b>县医院&药房</b>",
            "X001",
            "县级",
            "否",
            "A99999999",
            "2",
            "10",
            "台",
            "5",
            "计算机带量采购",
            "省政府采购中心",
            "集中采购机构",
            "带量集中采购",
            "自行采购",
        ],
        [
            "县学校",
            "X002",
            "县级",
            "否",
            "A02010105",
            "1",
            "十几台",
            "台",
            "8",
            "计算机带量采购",
            "省政府采购中心",
            "集中采购机构",
            "带量集中采购",
            "自行采购",
        ],
        [
            "市卫健委",
            "C002",
            "市级",
            "是",
            "A02010105",
            "1",
            "20",
            "台",
            "12",
            "计算机带量采购",
            "省政府采购中心",
            "集中采购机构",
            "带量集中采购",
            "自行采购",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let r = r as u32 + 2;
            match v.parse::<f64>() {
                Ok(n) if c == 6 || c == 8 => ws.write(r, c as u16, n).unwrap(),
                _ => ws.write(r, c as u16, *v).unwrap(),
            };
        }
    }
    let notes = wb.add_worksheet().set_name("填表说明").unwrap();
    notes.write(0, 0, "请按要求填写。").unwrap();
    wb.save(path).unwrap();
}

/// A 合同备案表 (sheet also named "Sheet1") with real Excel dates: HT-2 is
/// signed on the 31st day (GP-46).
fn write_contracts(path: &Path) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet().set_name("Sheet1").unwrap();
    let header = [
        "参与单位",
        "合同编号",
        "合同类型",
        "合同金额（元）",
        "中标通知书日期",
        "合同签订日期",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    // 45839 = 2025-07-01, 45869 = 2025-07-31, 45870 = 2025-08-01.
    for (r, (unit, no, signed)) in [("甲", "HT-1", 45869.0), ("乙", "HT-2", 45870.0)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        ws.write(r, 0, *unit).unwrap();
        ws.write(r, 1, *no).unwrap();
        ws.write(r, 2, "主合同").unwrap();
        ws.write(r, 3, 100000.0).unwrap();
        ws.write_number_with_format(r, 4, 45839.0, &date).unwrap();
        ws.write_number_with_format(r, 5, *signed, &date).unwrap();
    }
    wb.save(path).unwrap();
}

fn jicai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(args)
        .output()
        .expect("jicai runs")
}

struct Inputs {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    demand: String,
    contracts: String,
}

fn inputs() -> Inputs {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().to_path_buf();
    let demand = p.join("需求表.xlsx");
    let contracts = p.join("合同.xlsx");
    write_demand(&demand);
    write_contracts(&contracts);
    Inputs {
        dir: p,
        _dir: dir,
        demand: demand.display().to_string(),
        contracts: contracts.display().to_string(),
    }
}

fn check_json(i: &Inputs) -> Json {
    let out = jicai(&[
        "check",
        &i.demand,
        &i.contracts,
        "-p",
        "浙江",
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn findings(json: &Json) -> &Vec<Json> {
    json["findings"].as_array().expect("findings")
}

fn str_of<'a>(j: &'a Json, key: &str) -> Option<&'a str> {
    j[key].as_str()
}

// ---- reading an .xlsx back at the XML level ----

struct Package {
    parts: HashMap<String, String>,
}

impl Package {
    fn open(path: &Path) -> Package {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut parts = HashMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            if f.read_to_string(&mut s).is_ok() {
                parts.insert(f.name().map(|n| n.into_owned()).unwrap_or_default(), s);
            }
        }
        Package { parts }
    }

    fn part(&self, name: &str) -> &str {
        self.parts.get(name).map(String::as_str).unwrap_or("")
    }

    /// Sheet name → its worksheet part, in workbook order.
    fn sheets(&self) -> Vec<(String, String)> {
        let rels = self.part("xl/_rels/workbook.xml.rels");
        let targets: HashMap<String, String> = elements(rels, "Relationship")
            .into_iter()
            .map(|e| (attr(&e, "Id").unwrap(), attr(&e, "Target").unwrap()))
            .collect();
        elements(self.part("xl/workbook.xml"), "sheet")
            .into_iter()
            .map(|e| {
                let name = unescape(&attr(&e, "name").unwrap());
                let target = &targets[&attr(&e, "r:id").unwrap()];
                (name, format!("xl/{}", target.trim_start_matches("/xl/")))
            })
            .collect()
    }

    /// Style index → fill colour ("FFFFC7CE"), for styles with a fill.
    fn fills_by_style(&self) -> HashMap<usize, String> {
        let styles = self.part("xl/styles.xml");
        let fills_xml = section(styles, "fills");
        let fills: Vec<Option<String>> = fills_xml
            .split("<fill>")
            .skip(1)
            .map(|f| elements(f, "fgColor").first().and_then(|e| attr(e, "rgb")))
            .collect();
        let xfs = section(styles, "cellXfs");
        elements(&xfs, "xf")
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let fill: usize = attr(e, "fillId")?.parse().ok()?;
                Some((i, fills.get(fill)?.clone()?))
            })
            .collect()
    }

    /// Cell → fill colour of every filled cell of a worksheet part.
    fn filled_cells(&self, sheet_part: &str) -> BTreeMap<String, String> {
        let fills = self.fills_by_style();
        elements(self.part(sheet_part), "c")
            .into_iter()
            .filter_map(|e| {
                let s: usize = attr(&e, "s")?.parse().ok()?;
                Some((attr(&e, "r")?, fills.get(&s)?.clone()))
            })
            .collect()
    }

    /// Cell → note text of a worksheet part.
    fn notes(&self, sheet_part: &str) -> BTreeMap<String, String> {
        let (dir, file) = sheet_part.rsplit_once('/').unwrap();
        let rels = self.part(&format!("{dir}/_rels/{file}.rels"));
        let Some(target) = elements(rels, "Relationship")
            .into_iter()
            .filter_map(|e| attr(&e, "Target"))
            .find(|t| t.contains("comments"))
        else {
            return BTreeMap::new();
        };
        let part = format!("xl/{}", target.trim_start_matches("../"));
        let xml = self.part(&part);
        xml.split("<comment ")
            .skip(1)
            .map(|c| {
                let cell = attr(&format!("<comment {c}"), "ref").unwrap();
                let text: String = c
                    .split("<t")
                    .skip(1)
                    .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                    .filter_map(|t| t.split_once("</t>").map(|(x, _)| unescape(x)))
                    .collect();
                (cell, text)
            })
            .collect()
    }

    /// Hyperlink anchors of a worksheet part by cell.
    fn links(&self, sheet_part: &str) -> BTreeMap<String, String> {
        elements(self.part(sheet_part), "hyperlink")
            .into_iter()
            .filter_map(|e| Some((attr(&e, "ref")?, unescape(&attr(&e, "location")?))))
            .collect()
    }
}

/// The opening tags `<name ...>` of every `name` element.
fn elements(xml: &str, name: &str) -> Vec<String> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let tail = &rest[i..];
        let end = tail.find('>').unwrap_or(tail.len());
        out.push(tail[..end].to_string());
        rest = &tail[end..];
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(tag[i..i + j].to_string())
}

fn section(xml: &str, name: &str) -> String {
    let start = xml.find(&format!("<{name}")).unwrap_or(0);
    let end = xml[start..]
        .find(&format!("</{name}>"))
        .map(|e| start + e)
        .unwrap_or(xml.len());
    xml[start..end].to_string()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn colour(severity: &str) -> &'static str {
    match severity {
        "error" => "FFFFC7CE",
        "warning" => "FFFFEB9C",
        _ => "FFDDEBF7",
    }
}

fn rank(severity: &str) -> u8 {
    match severity {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    }
}

/// Checks an annotated workbook against the JSON findings of the same
/// check: the list links each finding to its cell, fills and notes sit on
/// exactly the named cells. Returns which sheet each (file, sheet) became.
fn assert_marks_match(
    fs: &[Json],
    out_path: &Path,
    checked_sheets: usize,
) -> HashMap<(String, String), String> {
    let pkg = Package::open(out_path);
    let sheets = pkg.sheets();
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "检查结果");
    // The checked sheets follow; 读取与覆盖 (mapping and coverage) comes last.
    assert_eq!(
        names.len(),
        2 + checked_sheets,
        "the checked sheets follow: {names:?}"
    );
    assert_eq!(names.last().copied(), Some("读取与覆盖"));
    for n in &names {
        assert!(
            n.encode_utf16().count() <= 31 && !n.contains(['[', ']', ':', '*', '?', '/', '\\'])
        );
    }
    let unique: BTreeSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");

    // The list links each finding (same order as the JSON) to its cell, and
    // tells which sheet each (file, sheet) became.
    let links = pkg.links(&sheets[0].1);
    let mut sheet_of: HashMap<(String, String), String> = HashMap::new();
    for (k, f) in fs.iter().enumerate() {
        let at = format!("I{}", k + 2);
        let Some(sheet) = f["location"]["sheet"].as_str() else {
            // Project facts (YAML) have no cell to link to.
            assert!(!links.contains_key(&at), "finding {k} has no sheet: {f}");
            continue;
        };
        let anchor = &links[&at];
        let (target, cell) = anchor.rsplit_once('!').unwrap();
        let target = target.trim_matches('\'').replace("''", "'");
        let expected_cell = f["location"]["cell"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| format!("A{}", f["location"]["row"]));
        assert_eq!(cell, expected_cell, "finding {k}: {f}");
        let key = (
            f["location"]["file"].as_str().unwrap().to_string(),
            sheet.to_string(),
        );
        let sheet = target;
        let prev = sheet_of.insert(key, sheet.clone());
        assert!(
            prev.is_none_or(|p| p == sheet),
            "one sheet per (file, sheet)"
        );
        assert!(names.contains(&sheet.as_str()), "{sheet} is a sheet");
    }

    // Fills and notes: exactly on the cells the JSON names, with the colour
    // of the worst finding on the cell and every message in the note.
    for (name, part) in &sheets[1..] {
        let mut expected: BTreeMap<String, &str> = BTreeMap::new();
        let mut messages: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for f in fs {
            let Some(sheet) = f["location"]["sheet"].as_str() else {
                continue;
            };
            let key = (
                f["location"]["file"].as_str().unwrap().to_string(),
                sheet.to_string(),
            );
            if sheet_of.get(&key) != Some(name) {
                continue;
            }
            let Some(cell) = f["location"]["cell"].as_str() else {
                continue;
            };
            let sev = f["severity"].as_str().unwrap();
            let e = expected.entry(cell.to_string()).or_insert(sev);
            if rank(sev) < rank(e) {
                *e = sev;
            }
            messages
                .entry(cell.to_string())
                .or_default()
                .push(f["message"].as_str().unwrap());
        }
        // A sheet without findings gets no fills and no notes either.
        let filled = pkg.filled_cells(part);
        let want: BTreeMap<String, String> = expected
            .iter()
            .map(|(c, s)| (c.clone(), colour(s).to_string()))
            .collect();
        assert_eq!(filled, want, "fills on {name}");
        let notes = pkg.notes(part);
        assert_eq!(
            notes.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "notes on {name}"
        );
        for (cell, msgs) in &messages {
            for m in msgs {
                assert!(notes[cell].contains(m), "note {cell} on {name} lacks {m}");
            }
            assert!(notes[cell].contains("依据："), "note {cell} cites");
        }
    }

    sheet_of
}

#[test]
fn annotated_workbook_marks_exactly_the_cells_the_json_names() {
    let i = inputs();
    let json = check_json(&i);
    let fs = findings(&json);
    let rules: BTreeSet<&str> = fs.iter().filter_map(|f| str_of(f, "rule")).collect();
    for r in [
        "ZJ-04",
        "GP-品目",
        "表格.类型",
        "ZJ-05-唯一",
        "ZJ-08",
        "GP-46",
    ] {
        assert!(rules.contains(r), "expected {r} among {rules:?}");
    }
    let out_path = i.dir.join("检查结果.xlsx");
    let out = jicai(&[
        "check",
        &i.demand,
        &i.contracts,
        "-p",
        "浙江",
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "the workbook goes to the file only");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "a report is readable by others");
    }

    let sheet_of = assert_marks_match(fs, &out_path, 2);
    assert_eq!(sheet_of.len(), 2, "findings in both files");

    // The checked sheets keep every value at its original address.
    let mut report: Xlsx<_> = open_workbook(&out_path).unwrap();
    for (file, sheet) in sheet_of.keys() {
        let mut src: Xlsx<_> = open_workbook(file).unwrap();
        let original = src.worksheet_range(sheet).unwrap();
        let copy = report
            .worksheet_range(&sheet_of[&(file.clone(), sheet.clone())])
            .unwrap();
        let cells = |r: &calamine::Range<Data>| -> BTreeMap<(u32, u32), String> {
            r.used_cells()
                .map(|(y, x, v)| {
                    let (y0, x0) = r.start().unwrap();
                    ((y as u32 + y0, x as u32 + x0), format!("{v:?}"))
                })
                .collect()
        };
        assert_eq!(cells(&original), cells(&copy), "{file} › {sheet}");
    }
}

#[test]
fn annotated_workbook_needs_out_and_keeps_existing_files() {
    let i = inputs();
    let out = jicai(&[
        "check", &i.demand, "-p", "浙江", "--as-of", AS_OF, "--format", "xlsx",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));

    let target = i.dir.join("已有.xlsx");
    std::fs::write(&target, b"keep").unwrap();
    let t = target.to_str().unwrap();
    let args = [
        "check", &i.demand, "-p", "浙江", "--as-of", AS_OF, "--format", "xlsx", "--out", t,
    ];
    let out = jicai(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read(&target).unwrap(), b"keep");

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = jicai(&forced);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wb: Xlsx<_> = open_workbook(&target).unwrap();
    assert_eq!(wb.sheet_names()[0], "检查结果");
    assert!(
        out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains('\u{1b}'),
        "no progress bar or colour when stderr is not a terminal"
    );
}

#[test]
fn html_report_shows_each_finding_once_and_nothing_external() {
    let i = inputs();
    let json = check_json(&i);
    let fs = findings(&json);
    let out_path = i.dir.join("检查报告.html");
    let out = jicai(&[
        "check",
        &i.demand,
        &i.contracts,
        "-p",
        "浙江",
        "--as-of",
        AS_OF,
        "--format",
        "html",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&out_path).unwrap();

    assert_eq!(html.matches("<article class=\"finding").count(), fs.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in fs {
        let cell = f["location"]["cell"]
            .as_str()
            .map(str::to_string)
            .or_else(|| f["location"]["row"].as_u64().map(|r| format!("第{r}行")))
            .unwrap_or_default();
        let tag = format!(
            "data-rule=\"{}\" data-cell=\"{}\"",
            esc(f["rule"].as_str().unwrap()),
            esc(&cell)
        );
        *seen.entry(tag).or_default() += 1;
        let msg = esc(f["message"].as_str().unwrap());
        assert!(html.contains(&msg), "message shown: {msg}");
        for c in f["citations"].as_array().unwrap() {
            let text = c["text"].as_str().unwrap();
            if !text.is_empty() {
                assert!(html.contains(&esc(text)), "original sentence shown: {text}");
            }
        }
    }
    for (tag, n) in &seen {
        assert_eq!(html.matches(tag.as_str()).count(), *n, "{tag}");
    }

    // Self-contained: no links, scripts, images or imports.
    let lower = html.to_lowercase();
    for bad in [
        "http", "<link", "src=", "<script", "@import", "url(", "<img", "<iframe",
    ] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    // Data is escaped.
    assert!(!html.contains("<b>县医院"), "raw markup from a cell");
    assert!(html.contains("&lt;b&gt;县医院&amp;药房&lt;/b&gt;"));
    // The faulty cell is highlighted in the row excerpt, and counts are there.
    assert!(html.contains("<td class=\"hit error\">A99999999</td>"));
    let s = &json["summary"];
    assert!(html.contains(&format!("<b>{}</b><span>错误</span>", s["error"])));
    assert!(html.contains("@media print"));
}

#[test]
fn html_goes_to_stdout_without_out() {
    let i = inputs();
    let out = jicai(&[
        "check",
        &i.contracts,
        "-p",
        "浙江",
        "--as-of",
        AS_OF,
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<article class=\"finding").count(), 1);
    assert!(
        html.contains("<td class=\"hit error\">2025-08-01</td>"),
        "dates shown as dates"
    );
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Runs `check` as JSON and as an annotated workbook over `files`.
fn check_both(files: &[&str], dir: &Path, as_of: &str) -> (Json, PathBuf) {
    let mut args = vec!["check"];
    args.extend(files);
    args.extend(["-p", "浙江", "--as-of", as_of]);
    let mut json_args = args.clone();
    json_args.extend(["--format", "json"]);
    let out = jicai(&json_args);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Json = serde_json::from_slice(&out.stdout).expect("JSON");
    let path = dir.join("检查结果.xlsx");
    let p = path.to_str().unwrap().to_string();
    args.extend(["--format", "xlsx", "--out", &p, "--force"]);
    let out = jicai(&args);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (json, path)
}

fn checked_sheets(json: &Json) -> usize {
    json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["sheets"].as_array().unwrap())
        .filter(|s| !s["table"].is_null())
        .count()
}

#[test]
fn annotated_workbook_from_xls_ods_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["contracts.xls", "contracts.ods"] {
        let file = fixtures.join(name).display().to_string();
        let (json, path) = check_both(&[&file], dir.path(), "2025-12-01");
        let fs = findings(&json);
        assert!(
            fs.iter()
                .filter(|f| f["location"]["cell"].is_string())
                .count()
                >= 5,
            "{name}"
        );
        assert_marks_match(fs, &path, checked_sheets(&json));
        // Dates stay dates (ods stores them as ISO text).
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        let sheet = wb.sheet_names()[1..]
            .iter()
            .find(|n| n.starts_with("合同备案表"))
            .cloned()
            .unwrap();
        let range = wb.worksheet_range(&sheet).unwrap();
        assert!(
            range
                .used_cells()
                .any(|(_, _, v)| matches!(v, Data::DateTime(_))),
            "{name}: dates written as dates"
        );
    }

    // CSV: a blank line and a quoted two-line cell above the faulty row; the
    // row numbers must match the table reader's.
    let csv = dir.path().join("合同.csv");
    std::fs::write(
        &csv,
        "参与单位,合同编号,合同类型,合同金额,中标通知书日期,合同签订日期\n\
         甲,HT-1,主合同,100000,2025-07-01,2025-07-10\n\
         \n\
         \"乙\n（分院）\",HT-2,主合同,100000,2025-07-01,2025-07-20\n\
         丙,HT-3,主合同,100000,2025-07-01,2025-08-01\n",
    )
    .unwrap();
    let file = csv.display().to_string();
    let (json, path) = check_both(&[&file], dir.path(), AS_OF);
    let fs = findings(&json);
    assert_eq!(fs.len(), 1, "{fs:?}");
    // Excel shows the two-line cell in one row: 丙 is row 5.
    assert_eq!(fs[0]["location"]["cell"], "F5");
    let sheets = assert_marks_match(fs, &path, 1);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let name = sheets.values().next().unwrap();
    let range = wb.worksheet_range(name).unwrap();
    assert_eq!(
        range.get_value((4, 5)),
        Some(&Data::String("2025-08-01".into()))
    );
    assert_eq!(range.get_value((3, 1)), Some(&Data::String("HT-2".into())));
    assert_eq!(
        range.get_value((2, 0)),
        Some(&Data::Empty),
        "the blank line stays blank"
    );
}

/// Every jurisdiction's faulty sample (workbook and project facts): the
/// annotated workbook marks exactly the JSON's cells, and the HTML shows
/// each finding once.
#[test]
fn reports_from_every_faulty_sample() {
    let dir = tempfile::tempdir().unwrap();
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut seen = 0;
    for set in [
        "national",
        "beijing",
        "zhejiang",
        "jilin",
        "shandong",
        "liaocheng",
        "jiangbei",
    ] {
        let book = samples.join(set).join("faulty.xlsx");
        let facts = samples.join(set).join("project-faulty.yaml");
        if !book.exists() {
            continue;
        }
        seen += 1;
        let (book, facts) = (book.display().to_string(), facts.display().to_string());
        let base = [
            "check",
            &book,
            "--data",
            &facts,
            "-p",
            set,
            "--as-of",
            "2025-12-01",
        ];
        let run = |extra: &[&str]| {
            let mut a = base.to_vec();
            a.extend(extra);
            let out = jicai(&a);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{set}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out
        };
        let json: Json = serde_json::from_slice(&run(&["--format", "json"]).stdout).unwrap();
        let fs = findings(&json);
        assert!(fs.len() >= 10, "{set}: a faulty sample has findings");

        let xlsx = dir.path().join(format!("{set}.xlsx"));
        run(&["--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
        assert_marks_match(fs, &xlsx, checked_sheets(&json));

        let html = String::from_utf8(run(&["--format", "html"]).stdout).unwrap();
        assert_eq!(
            html.matches("<article class=\"finding").count(),
            fs.len(),
            "{set}"
        );
        for f in fs {
            assert!(
                html.contains(&esc(f["message"].as_str().unwrap())),
                "{set}: {f}"
            );
        }
        let lower = html.to_lowercase();
        for bad in ["http", "<link", "src=", "<script", "url("] {
            assert!(!lower.contains(bad), "{set}: found {bad}");
        }
    }
    assert!(seen > 0, "samples/ has faulty workbooks");
}
