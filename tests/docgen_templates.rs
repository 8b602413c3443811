//! Every template generated from its sample data in every format it offers,
//! and the files read back: .docx unzipped (text, fonts, page setup), .xlsx
//! read with calamine (cells, formulas' cached values, merged ranges),
//! Markdown and HTML as text.

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use jicai::docgen::{Format, Request, Templates, data, generate};
use jicai::library::RuleLibrary;
use jicai::output::Overwrite;
use std::io::Read;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The embedded rules: every sample must pass the rules of its jurisdiction.
fn lib() -> RuleLibrary {
    RuleLibrary::open(None).expect("embedded rules")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 8, 1).unwrap()
}

fn gen_to(
    templates: &Templates,
    lib: &RuleLibrary,
    id: &str,
    data: &Path,
    out: &Path,
    province: Option<&str>,
) -> jicai::docgen::Report {
    let req = Request {
        template: id,
        data: Some(data),
        out,
        format: None,
        province,
        as_of: as_of(),
        overwrite: Overwrite::Refuse,
        force: false,
    };
    match generate(templates, lib, &req) {
        Ok(r) => r,
        Err(e) => panic!("{id} → {}: {e}", out.display()),
    }
}

fn sample(id: &str) -> PathBuf {
    root().join(format!("samples/data/{id}.yaml"))
}

fn province_for(id: &str) -> Option<&'static str> {
    (id == "common-rules-handbook").then_some("浙江")
}

/// word/document.xml of a .docx.
fn document_xml(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The text of every <w:t>, one paragraph per line.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        let mut rest = para;
        while let Some(i) = rest.find("<w:t") {
            let after = &rest[i..];
            let Some(open_end) = after.find('>') else {
                break;
            };
            let body = &after[open_end + 1..];
            let Some(close) = body.find("</w:t>") else {
                break;
            };
            out.push_str(&unescape_xml(&body[..close]));
            rest = &body[close..];
        }
        out.push('\n');
    }
    out
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

struct Sheet {
    name: String,
    values: calamine::Range<Data>,
    formulas: calamine::Range<String>,
    merges: Vec<calamine::Dimensions>,
}

fn read_xlsx(path: &Path) -> Sheet {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let values = wb.worksheet_range(&name).unwrap();
    let formulas = wb.worksheet_formula(&name).unwrap();
    let merges = wb.merge_cells_by_sheet_name(&name).unwrap();
    Sheet {
        name,
        values,
        formulas,
        merges,
    }
}

impl Sheet {
    fn cell(&self, r: u32, c: u32) -> Data {
        self.values
            .get_value((r, c))
            .cloned()
            .unwrap_or(Data::Empty)
    }
    fn text(&self, r: u32, c: u32) -> String {
        self.cell(r, c).to_string()
    }
    fn formula(&self, r: u32, c: u32) -> String {
        self.formulas.get_value((r, c)).cloned().unwrap_or_default()
    }
    /// The row whose first cell is `text`.
    fn row_of(&self, text: &str) -> u32 {
        (0..self.values.end().unwrap().0 + 1)
            .find(|r| self.text(*r, 0) == text)
            .unwrap_or_else(|| panic!("no row starting with {text} in {}", self.name))
    }
    fn number(&self, r: u32, c: u32) -> f64 {
        match self.cell(r, c) {
            Data::Float(f) => f,
            Data::Int(i) => i as f64,
            other => panic!("({r},{c}) is {other:?}"),
        }
    }
}

#[test]
fn every_template_in_every_format() {
    let templates = Templates::open(None).unwrap();
    let lib = lib();
    assert!(templates.broken.is_empty(), "{:?}", templates.broken);
    assert_eq!(templates.templates.len(), 11);
    let dir = tempfile::tempdir().unwrap();
    let mut made = 0;
    for t in &templates.templates {
        let id = &t.manifest.id;
        assert!(sample(id).exists(), "no sample data for {id}");
        for f in &t.manifest.formats {
            let out = dir.path().join(format!("{id}.{}", f.ext()));
            let r = gen_to(&templates, &lib, id, &sample(id), &out, province_for(id));
            assert!(r.written, "{id}.{}", f.ext());
            assert_eq!(r.blocking, 0, "{id}: {:?}", r.findings);
            assert!(std::fs::metadata(&out).unwrap().len() > 200);
            made += 1;
            match f {
                Format::Docx => {
                    let xml = document_xml(&out);
                    assert!(
                        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
                        "{id}"
                    );
                    assert!(
                        xml.contains(
                            r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#
                        ),
                        "{id}"
                    );
                    assert!(xml.contains(r#"w:eastAsia="仿宋""#), "{id}");
                    assert!(xml.contains(r#"w:eastAsia="宋体""#), "{id}");
                    assert!(xml.contains(r#"<w:docGrid w:type="lines" w:linePitch="579""#));
                    assert!(!docx_text(&xml).trim().is_empty());
                }
                Format::Xlsx => {
                    let s = read_xlsx(&out);
                    // The title row is merged across the sheet.
                    assert!(
                        s.merges
                            .iter()
                            .any(|m| m.start == (0, 0) && m.end.0 == 0 && m.end.1 > 0),
                        "{id}: {:?}",
                        s.merges
                    );
                    assert!(!s.text(0, 0).is_empty());
                }
                Format::Md => {
                    let md = std::fs::read_to_string(&out).unwrap();
                    assert!(md.contains("# "), "{id}");
                }
                Format::Html => {
                    let html = std::fs::read_to_string(&out).unwrap();
                    assert!(html.starts_with("<!DOCTYPE html>"), "{id}");
                    assert!(
                        html.contains("<style>") && !html.contains("<script"),
                        "{id}"
                    );
                }
            }
        }
    }
    assert!(made >= 30, "{made}");
}

#[test]
fn every_example_from_templates_show_generates() {
    let templates = Templates::open(None).unwrap();
    let lib = lib();
    let dir = tempfile::tempdir().unwrap();
    for t in &templates.templates {
        let id = &t.manifest.id;
        let yaml = data::example_yaml(&t.manifest.fields);
        let path = dir.path().join(format!("{id}-example.yaml"));
        std::fs::write(&path, &yaml).unwrap();
        let out = dir.path().join(format!(
            "{id}-example.{}",
            t.manifest.default_format().ext()
        ));
        let r = gen_to(&templates, &lib, id, &path, &out, province_for(id));
        assert!(r.written, "{id}\n{yaml}");
    }
}

#[test]
fn notice_docx_follows_gb_t_9704() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("notice.docx");
    let id = "jilin-batch-task-notice";
    gen_to(&templates, &lib(), id, &sample(id), &out, None);
    let xml = document_xml(&out);
    let text = docx_text(&xml);
    // 版头 in red, 文号, the rule under it, the title, 主送, 正文, 落款, 日期.
    assert!(xml.contains(r#"<w:color w:val="FF0000" />"#));
    assert!(xml.contains(r#"<w:bottom w:val="single" w:space="11" w:sz="12" w:color="FF0000" />"#));
    let order = [
        "吉林省财政厅文件",
        "吉财采购〔2025〕18号",
        "台式计算机批量集中采购项目任务通知书",
        "吉林省政府采购中心：",
        "采购品目：台式计算机（A02010105）",
        "预计采购规模：1,200.00万元",
        "附件：1. 台式计算机批量集中采购产品配置表",
        "吉林省财政厅\n2025年7月1日",
        "抄送：省纪委监委驻省财政厅纪检监察组。",
    ];
    let mut at = 0;
    for o in order {
        let i = text[at..]
            .find(o)
            .unwrap_or_else(|| panic!("{o} not after {at} in\n{text}"));
        at += i;
    }
    // Title: 二号 (44 half-points) 宋体; body: 三号 (32) 仿宋 with exact 28.95 pt lines.
    let title_run = xml
        .split("<w:r>")
        .find(|r| r.contains("台式计算机批量集中采购项目任务通知书"))
        .unwrap();
    assert!(title_run.contains(r#"<w:sz w:val="44" />"#), "{title_run}");
    assert!(title_run.contains(r#"w:eastAsia="宋体""#), "{title_run}");
    let body_run = xml
        .split("<w:r>")
        .find(|r| r.contains("采购限额："))
        .unwrap();
    assert!(body_run.contains(r#"<w:sz w:val="32" />"#));
    assert!(body_run.contains(r#"w:eastAsia="仿宋""#));
    assert!(xml.contains(r#"w:line="579" w:lineRule="exact""#));
    assert!(xml.contains(r#"w:firstLine="640""#), "正文首行缩进二字");
    // 成文日期 right-indented four characters (1280 twips).
    let date_para = xml
        .split("<w:p ")
        .find(|p| p.contains("2025年7月1日</w:t>") && !p.contains("印发"))
        .unwrap();
    assert!(date_para.contains(r#"w:right="1280""#), "{date_para}");
    // Page numbers in the footers, odd on the right, even on the left.
    let f = std::fs::File::open(&out).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut settings = String::new();
    z.by_name("word/settings.xml")
        .unwrap()
        .read_to_string(&mut settings)
        .unwrap();
    assert!(settings.contains("evenAndOddHeaders"));
    let mut footer = String::new();
    z.by_name("word/footer1.xml")
        .unwrap()
        .read_to_string(&mut footer)
        .unwrap();
    assert!(footer.contains("PAGE") && footer.contains("— "));
}

#[test]
fn tables_in_notices_are_word_tables() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.docx");
    let id = "zhejiang-sign-notice";
    gen_to(&templates, &lib(), id, &sample(id), &out, None);
    let xml = document_xml(&out);
    assert_eq!(xml.matches("<w:tbl>").count(), 2, "two tables");
    assert!(xml.contains("<w:tblGrid>"));
    let text = docx_text(&xml);
    // The 30-day period from 2025-09-01 ends on 10-01 (国庆), moved to 10-09.
    assert!(
        text.contains("请各参与单位于2025年10月9日前（含当日）"),
        "{text}"
    );
    assert!(text.contains("1,373,000.00"), "合计 in the table: {text}");
    assert!(text.contains("2个工作日") && text.contains("7个工作日"));
}

#[test]
fn framework_scheme_has_all_thirteen_sections() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.md");
    let id = "jilin-framework-scheme";
    let r = gen_to(&templates, &lib(), id, &sample(id), &out, None);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let md = std::fs::read_to_string(&out).unwrap();
    let sections = [
        "一、征集人基本情况",
        "二、采购项目概况",
        "三、适用主体范围",
        "四、框架协议采购类型",
        "五、框架协议有效期",
        "六、需求管理情况",
        "七、定价机制",
        "八、评审方法",
        "九、淘汰率（入围供应商数量上限）",
        "十、确定第二阶段成交供应商的方法",
        "十一、入围供应商清退和补充规则",
        "十二、落实政府采购政策",
        "十三、其他事项",
    ];
    let mut at = 0;
    for s in sections {
        let i = md[at..]
            .find(&format!("## {s}"))
            .unwrap_or_else(|| panic!("{s}\n{md}"));
        at += i;
    }
    assert!(
        md.contains("| 包3 | 液晶显示器 | 液晶显示器（A02021104） | 台 | 1,200.00 |"),
        "{md}"
    );
    assert!(md.contains("| 包2 | 价格优先法 | 否 | 25% |  |"), "{md}");
}

#[test]
fn budget_arrangement_xlsx_has_formula_totals() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.xlsx");
    let id = "jilin-budget-arrangement";
    gen_to(&templates, &lib(), id, &sample(id), &out, None);
    let s = read_xlsx(&out);
    assert_eq!(s.text(0, 0), "2025年度部门预算政府采购项目安排情况表");
    assert!(
        s.merges
            .iter()
            .any(|m| m.start == (0, 0) && m.end == (0, 5)),
        "{:?}",
        s.merges
    );
    let header = s.row_of("序号");
    assert_eq!(s.text(header, 4), "采购数量（个）");
    assert_eq!(s.text(header, 5), "采购金额（万元）");
    // 合计 directly under the header, as in the 样表, with SUM formulas whose
    // cached values other readers see.
    let total = header + 1;
    assert_eq!(s.text(total, 0), "合计");
    assert_eq!(
        s.formula(total, 4),
        format!("SUM(E{}:E{})", total + 2, total + 6)
    );
    assert_eq!(
        s.formula(total, 5),
        format!("SUM(F{}:F{})", total + 2, total + 6)
    );
    assert_eq!(s.number(total, 4), 178.0);
    assert!((s.number(total, 5) - 84.535).abs() < 1e-9);
    // Data rows: numbers stay numbers; codes stay text.
    assert_eq!(s.text(total + 1, 1), "101001");
    assert_eq!(s.text(total + 1, 3), "台式计算机（A02010105）");
    assert!((s.number(total + 4, 5) - 15.125).abs() < 1e-9);
    // Notes below, merged across.
    let note =
        s.row_of("注：1. 此表主要用于梳理年度部门预算批复情况，方便对采购项目进行分类归集；");
    assert!(
        s.merges
            .iter()
            .any(|m| m.start == (note, 0) && m.end == (note, 5))
    );
}

#[test]
fn xlsx_formats_widths_and_borders() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.xlsx");
    let id = "jilin-budget-arrangement";
    gen_to(&templates, &lib(), id, &sample(id), &out, None);
    let f = std::fs::File::open(&out).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut styles = String::new();
    z.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    // 万元 with as many decimals as the most precise value (15.125).
    assert!(
        styles.contains(r##"formatCode="#,##0.000""##),
        "万元 format"
    );
    assert!(styles.contains(r#"<b/>"#), "bold headers");
    assert!(styles.contains(r#"<left style="thin">"#), "borders");
    assert!(styles.contains(r#"val="宋体""#));
    let mut sheet = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    // The 预算单位 column fits "吉林省卫生健康委员会" (10 Chinese characters = 20 columns).
    let widths: Vec<f64> = sheet
        .split("<col ")
        .skip(1)
        .filter_map(|c| {
            let w = c.split("width=\"").nth(1)?;
            w.split('"').next()?.parse().ok()
        })
        .collect();
    assert_eq!(widths.len(), 6, "{sheet}");
    assert!(widths[2] >= 22.0, "{widths:?}");
}

#[test]
fn product_config_has_as_many_columns_as_configurations() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.xlsx");
    let id = "jilin-product-config";
    gen_to(&templates, &lib(), id, &sample(id), &out, None);
    let s = read_xlsx(&out);
    let h = s.row_of("序号");
    let header: Vec<String> = (0..7).map(|c| s.text(h, c)).collect();
    assert_eq!(
        header,
        [
            "序号",
            "采购标的品目",
            "配置1",
            "配置2",
            "配置3",
            "配置4",
            ""
        ]
    );
    assert_eq!(s.text(h + 2, 1), "便携式计算机（A02010108）");
    assert_eq!(s.text(h + 2, 4), "", "shorter rows leave cells empty");
    assert!(s.text(h + 1, 5).starts_with("国产化型"));
}

#[test]
fn master_plan_totals_and_groups() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.xlsx");
    let id = "common-master-plan";
    let r = gen_to(&templates, &lib(), id, &sample(id), &out, Some("全国"));
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let s = read_xlsx(&out);
    let total = s.row_of("合计");
    assert!(
        s.formula(total, 9).starts_with("SUM(J"),
        "{}",
        s.formula(total, 9)
    );
    assert!((s.number(total, 9) - 227.5).abs() < 1e-9);
    assert_eq!(s.number(total, 7), 1250.0);
    // The narrower summary table spreads over the sheet's columns.
    let group = s.row_of("家具");
    let head = (0..group)
        .rev()
        .find(|r| s.text(*r, 0) == "采购品目")
        .unwrap();
    let col = |name: &str| (0..10).find(|c| s.text(head, *c) == name).unwrap();
    assert_eq!(
        s.number(group, col("参与单位数")),
        5.0,
        "participants of 家具"
    );
    assert!((s.number(group, col("预算金额（万元）")) - 172.5).abs() < 1e-9);
    assert!(
        s.merges
            .iter()
            .any(|m| m.start.0 == group && m.start.1 == 0 && m.end.1 > 0),
        "{:?}",
        s.merges
    );
}

#[test]
fn handbook_lists_rules_with_citations() {
    let templates = Templates::open(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lib = RuleLibrary::open(None).unwrap();
    let out = dir.path().join("h.docx");
    let id = "common-rules-handbook";
    gen_to(&templates, &lib, id, &sample(id), &out, Some("浙江"));
    let text = docx_text(&document_xml(&out));
    let set = lib.ruleset("浙江").unwrap();
    for r in set.rules.iter().filter(|r| r.active_on(as_of())) {
        assert!(text.contains(&format!("{}　{}", r.id, r.title)), "{}", r.id);
    }
    for p in &set.params {
        assert!(text.contains(&p.name), "{}", p.name);
    }
    assert!(text.contains("第九条"), "citations with articles");
    assert!(
        text.contains("牵头单位应及时通知参与单位在中标、成交通知书发出之日起三十日内签订合同")
    );
    // Markdown too.
    let md = dir.path().join("h.md");
    gen_to(&templates, &lib, id, &sample(id), &md, Some("浙江"));
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("### （1）GP-46"), "{md}");
}
