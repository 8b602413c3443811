//! The Word documents as a clerk would print them: rendered to PDF by
//! LibreOffice and measured with `pdftotext -bbox` (版头 35 mm into the text
//! block; 版记 last, 印发机关 left and 印发日期 right; a long form's header
//! row on every page and no number, code or date broken inside a cell),
//! and read at the XML level (landscape sections, repeated header rows,
//! 小标宋 by name with its stand-in, the 版记 frame at the foot of the text
//! block — LibreOffice 7.4 sets that frame in the text flow, Word and WPS at
//! the position given, so its height on the page is checked in the XML).
//!
//! Needs LibreOffice and poppler-utils (`scripts/ci-deps.sh` installs them).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Points per millimetre.
const PT: f64 = 72.0 / 25.4;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate(id: &str, data: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_jicai"))
        .args(["generate", id, "--data"])
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(["--as-of", "2025-08-01", "--force"])
        .output()
        .expect("jicai runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn part(docx: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// One word of `pdftotext -bbox`: page (from 1), text, xMin, yMin, xMax, yMax.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// Converts `docx` to PDF with LibreOffice (own profile, CJK fonts mapped
/// like scripts/render-docs.sh) and reads its words and page size.
fn render(docx: &Path) -> (Vec<Word>, f64) {
    let dir = docx.parent().unwrap();
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let fonts = profile.join("fonts.conf");
    let mut conf = String::from(
        "<?xml version=\"1.0\"?><fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>",
    );
    for (f, to) in [
        ("仿宋", "Noto Serif CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("楷体", "Noto Serif CJK SC"),
    ] {
        conf.push_str(&format!(
            "<alias binding=\"same\"><family>{f}</family><prefer><family>{to}</family></prefer></alias>"
        ));
    }
    conf.push_str("</fontconfig>");
    std::fs::write(&fonts, conf).unwrap();
    let st = Command::new("soffice")
        .env("FONTCONFIG_FILE", &fonts)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let pdf = docx.with_extension("pdf");
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("poppler-utils (pdftotext) is installed");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let num = |tag: &str, k: &str| -> f64 {
        let at = tag.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = Vec::new();
    let mut page = 0;
    let mut height = 0.0;
    for line in html.lines() {
        let l = line.trim();
        if l.starts_with("<page ") {
            page += 1;
            height = num(l, "height");
        } else if l.starts_with("<word ") {
            let text = l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_string();
            words.push(Word {
                page,
                text,
                x0: num(l, "xMin"),
                y0: num(l, "yMin"),
                x1: num(l, "xMax"),
                y1: num(l, "yMax"),
            });
        }
    }
    (words, height)
}

fn find(words: &[Word], f: impl Fn(&str) -> bool) -> Vec<&Word> {
    words.iter().filter(|w| f(&w.text)).collect()
}

#[test]
fn notice_record_is_last_with_office_left_and_date_right() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("通知.docx");
    let data = root().join("samples/data/zhejiang-sign-notice.yaml");
    generate("zhejiang-sign-notice", &data, &out);

    // 小标宋 by name, with 宋体 as its stand-in in the font table.
    let doc = part(&out, "word/document.xml");
    assert!(doc.contains("w:eastAsia=\"方正小标宋简体\""));
    let fonts = part(&out, "word/fontTable.xml");
    assert!(
        fonts.contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\""),
        "{fonts}"
    );

    let (words, height) = render(&out);

    // 版记: a frame whose last line sits on the foot of the 22-line text
    // block (two lines: 抄送, 印发).
    let line = (16838 - 2098 - 1984) / 22;
    let frame = format!("w:vAnchor=\"margin\" w:x=\"0\" w:y=\"{}\"", line * 20);
    assert_eq!(doc.matches(frame.as_str()).count(), 2, "{frame}");

    // Printed: on the last page, after the 落款, 印发机关 left, 印发日期 right.
    let last = words.iter().map(|w| w.page).max().unwrap();
    let printed = find(&words, |t| t.ends_with("印发"));
    let date = printed.last().expect("印发日期");
    assert_eq!(date.page, last);
    let signed = find(&words, |t| t == "浙江省教育厅")
        .into_iter()
        .find(|w| w.page == last)
        .expect("落款");
    assert!(date.y0 > signed.y1, "版记 below the 落款");
    let _ = height;
    let right_mm = date.x1 / PT;
    assert!(
        right_mm > 210.0 - 26.0 - 12.0,
        "印发日期 right: {right_mm:.1} mm"
    );
    let office = words
        .iter()
        .filter(|w| w.page == last && (w.y0 - date.y0).abs() < 3.0 && w.x1 < date.x0)
        .min_by(|a, b| a.x0.total_cmp(&b.x0))
        .expect("印发机关 on the same line");
    let left_mm = office.x0 / PT;
    assert!(
        (left_mm - (28.0 + 5.0)).abs() <= 3.0,
        "印发机关 one character in: {left_mm:.1} mm"
    );
}

#[test]
fn masthead_stands_35_mm_into_the_text_block() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("任务通知书.docx");
    let data = root().join("samples/data/jilin-batch-task-notice.yaml");
    generate("jilin-batch-task-notice", &data, &out);
    let (words, _) = render(&out);
    // 发文机关标志: its top 35 mm below the top of the text block (37 mm).
    let mast = find(&words, |t| t == "吉林省财政厅文件")
        .into_iter()
        .next()
        .expect("masthead");
    assert_eq!(mast.page, 1);
    let top_mm = mast.y0 / PT;
    assert!(
        (top_mm - 72.0).abs() <= 4.0,
        "masthead top at {top_mm:.1} mm"
    );
    // Red rule, then the title two lines below it, in one piece.
    assert!(find(&words, |t| t.contains("任务通知书")).len() == 1);
}

#[test]
fn long_form_repeats_its_header_and_breaks_no_number() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        std::fs::read_to_string(root().join("samples/data/beijing-contract-filing.yaml")).unwrap();
    // Thirty contracts: the table runs over several pages.
    let head = &sample[..sample.find("合同:").unwrap()];
    let tail = &sample[sample.find("填报日期:").unwrap()..];
    let mut data = format!("{head}立项金额: 90000000\n合同:\n");
    let mut codes = Vec::new();
    for i in 1..=30 {
        let no = format!("BJHT-2025-{i:04}");
        data.push_str(&format!(
            "  - {{ 合同名称: 办公设备采购合同（第{i}批台式计算机及配套显示器）, 合同编号: {no}, 合同金额: 1200000, \
             供应商名称: 北京某某科技有限公司, 统一社会信用代码: 91110108MA01Q0Q302, 收款银行: 中国工商银行北京某某支行, \
             收款账户: \"0200001234567890123\", 签订日期: 2025-04-25, 履行期限: 1年, 附件: 合同{i}.pdf }}\n"
        ));
        codes.push(no);
    }
    data.push_str(tail);
    let yaml = dir.path().join("合同.yaml");
    std::fs::write(&yaml, data.replace("立项金额: 300000\n", "")).unwrap();
    let out = dir.path().join("合同备案表.docx");
    generate("beijing-contract-filing", &yaml, &out);

    // XML: the wide table has a landscape section; every table's header
    // row repeats.
    let doc = part(&out, "word/document.xml");
    assert!(
        doc.contains("w:orient=\"landscape\""),
        "a landscape section"
    );
    assert_eq!(
        doc.matches("<w:tblHeader />").count(),
        3,
        "each of the three tables repeats its header"
    );
    assert!(doc.contains("<w:cantSplit />"), "rows do not split");

    let (words, _) = render(&out);
    let pages_with_rows: std::collections::BTreeSet<usize> =
        find(&words, |t| t.starts_with("BJHT-"))
            .iter()
            .map(|w| w.page)
            .collect();
    assert!(pages_with_rows.len() >= 2, "the table runs over pages");
    for p in &pages_with_rows {
        assert!(
            words
                .iter()
                .any(|w| w.page == *p && (w.text == "统一社会信用代码" || w.text == "收款账户")),
            "page {p} repeats the header"
        );
    }
    // No number or code broken across lines in a cell.
    for no in &codes {
        assert!(
            words.iter().any(|w| w.text.starts_with(no.as_str())),
            "{no} unbroken"
        );
    }
    assert!(find(&words, |t| t == "1,200,000.00").len() >= 30);
    assert!(find(&words, |t| t == "91110108MA01Q0Q302").len() >= 30);
    assert!(find(&words, |t| t == "0200001234567890123").len() >= 30);
}
