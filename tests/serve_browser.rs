//! `jicai serve` in a real headless Chromium, driven through WebDriver
//! (chromedriver): the faulty sample uploaded and its findings read, the
//! annotated workbook downloaded and opened, a generate form filled with a
//! mistake and corrected, a rule and its citation browsed, and the same
//! pages at 390 px. Screenshots of each page go to docs/img with
//! UPDATE_SCREENSHOTS=1.
//!
//! Needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/ci-deps.sh
//! installs them).

mod serve_support;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use serve_support::{TestServer, repo};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver on a free loopback port, in a process group of its own;
/// the whole group (the driver and the browsers it started) is killed
/// when dropped, even if the test fails.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        use std::os::unix::process::CommandExt;
        let child = Command::new(CHROMEDRIVER)
            .process_group(0)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (scripts/ci-deps.sh installs chromium-driver)");
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while reqwest::get(format!("{}/status", driver.url))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        driver
    }

    async fn browser(&self, downloads: &Path, phone: bool) -> Client {
        let mut options = json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=zh-CN", "--hide-scrollbars"],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        });
        if phone {
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 1.0, "touch": true },
            });
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), options);
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            return e;
        }
        assert!(
            Instant::now() < deadline,
            "{css} did not appear on {}",
            c.current_url().await.unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for_file(dir: &Path, ext: &str) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == ext));
        if let Some(p) = found {
            return p;
        }
        assert!(Instant::now() < deadline, "no .{ext} downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The whole page as NAME.png (the window is stretched to the page's height
/// first, up to a limit): into docs/img when UPDATE_SCREENSHOTS is set, else
/// into the test's temporary folder, so a test run leaves the tree unchanged.
async fn screenshot(c: &Client, name: &str, width: u32) {
    let height = c
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(900)
        .clamp(600, 3000) as u32;
    if width > 400 {
        c.set_window_size(width, height + 120).await.unwrap();
    }
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let dir = if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        repo("docs/img")
    } else {
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots")
    };
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    if width > 400 {
        c.set_window_size(1280, 900).await.unwrap();
    }
}

async fn text(c: &Client, css: &str) -> String {
    wait_for(c, css).await.text().await.unwrap()
}

/// Nothing on the page is wider than the viewport (no sideways scrolling).
async fn fits_width(c: &Client) -> bool {
    let v = c
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
    scroll <= inner
}

#[tokio::test(flavor = "multi_thread")]
async fn finance_staff_use_the_service_in_chromium() {
    let server = TestServer::start(|_| {}).await;
    let driver = Driver::start().await;
    let downloads = tempfile::tempdir().unwrap();
    // A failing step panics; dropping the driver then kills the browsers.
    let c = driver.browser(downloads.path(), false).await;
    desktop(&server, &c, downloads.path()).await;
    c.close().await.ok();
    let phone = driver.browser(downloads.path(), true).await;
    phone_width(&server, &phone).await;
    phone.close().await.ok();
}

async fn desktop(s: &TestServer, c: &Client, downloads: &Path) {
    // 检查: upload the faulty sample and read the findings on the page.
    c.goto(&s.url("/check")).await.unwrap();
    wait_for(c, "#check-form").await;
    screenshot(c, "serve-check", 1280).await;
    c.find(Locator::Css("#province"))
        .await
        .unwrap()
        .select_by_value("浙江")
        .await
        .unwrap();
    c.execute(
        "document.getElementById('as_of').value = '2025-12-31'",
        vec![],
    )
    .await
    .unwrap();
    let sample = repo("samples/zhejiang/faulty.xlsx");
    c.find(Locator::Css("#files"))
        .await
        .unwrap()
        .send_keys(&sample.display().to_string())
        .await
        .unwrap();
    assert!(
        text(c, "#file-list").await.contains("faulty.xlsx"),
        "the chosen file is listed"
    );
    c.find(Locator::Css("#check-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let errors: u32 = text(c, "#count-error").await.parse().unwrap();
    assert!(errors > 10, "{errors} errors");
    let url = c.current_url().await.unwrap();
    assert!(url.path().starts_with("/results/"), "{url}");
    let findings = c
        .find_all(Locator::Css("#findings li.finding"))
        .await
        .unwrap();
    let mut zj11 = None;
    for f in findings {
        let t = f.text().await.unwrap();
        if t.contains("ZJ-11") {
            zj11 = Some(t);
            break;
        }
    }
    let zj11 = zj11.expect("ZJ-11 on the page");
    assert!(
        zj11.contains("单元格") && zj11.contains("浙财采监〔2025〕6号 第十一条"),
        "{zj11}"
    );
    assert!(zj11.contains("补充合同"), "original sentence: {zj11}");
    screenshot(c, "serve-result", 1280).await;

    // Download the annotated workbook and check it.
    c.find(Locator::Css("a[href$='/report.xlsx']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let xlsx = wait_for_file(downloads, "xlsx").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&xlsx).expect("the downloaded workbook opens");
    assert!(
        wb.sheet_names().iter().any(|n| n == "合同备案表"),
        "{:?}",
        wb.sheet_names()
    );
    let first = wb.sheet_names()[0].clone();
    let summary = wb.worksheet_range(&first).unwrap();
    let cells: String = summary
        .cells()
        .map(|(_, _, v)| v.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(cells.contains("ZJ-11"), "the findings sheet lists ZJ-11");

    // 生成: a mistake, its message, the correction, the .docx.
    c.goto(&s.url("/generate")).await.unwrap();
    wait_for(c, "#templates").await;
    screenshot(c, "serve-generate-list", 1280).await;
    c.goto(&s.url("/generate/jilin-framework-scheme?example=1"))
        .await
        .unwrap();
    wait_for(c, "#generate-form").await;
    // Add a row and remove it again: the list keeps one package.
    let rows = "fieldset.records .rows .record";
    let before = c.find_all(Locator::Css(rows)).await.unwrap().len();
    c.find(Locator::Css("fieldset.records .add-row"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(
        c.find_all(Locator::Css(rows)).await.unwrap().len(),
        before + 1
    );
    let last = c.find_all(Locator::Css(rows)).await.unwrap().pop().unwrap();
    last.find(Locator::Css(".remove-row"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(c.find_all(Locator::Css(rows)).await.unwrap().len(), before);
    let field = c
        .find(Locator::Css("input[name='调查采购人数']"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys("很多").await.unwrap();
    c.find(Locator::Css("#generate-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let problems = text(c, "#problems").await;
    assert!(problems.contains("调查采购人数"), "{problems}");
    let inline = text(
        c,
        "label.field:has(input[name='调查采购人数']) .field-error",
    )
    .await;
    assert!(inline.contains("很多"), "{inline}");
    screenshot(c, "serve-generate-error", 1280).await;
    let field = c
        .find(Locator::Css("input[name='调查采购人数']"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys("12").await.unwrap();
    c.find(Locator::Css("#generate-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "a[href$='/docx']").await;
    screenshot(c, "serve-generate-done", 1280).await;
    c.find(Locator::Css("a[href$='/docx']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let docx = wait_for_file(downloads, "docx").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).expect("a .docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("框架协议"), "the document's text");

    // 规则: search, open the rule, read its citation.
    c.goto(&s.url("/rules")).await.unwrap();
    let q = wait_for(c, "#q").await;
    screenshot(c, "serve-rules", 1280).await;
    q.send_keys("补充合同").await.unwrap();
    c.find(Locator::Css("form.search button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "#search-results").await;
    c.find(Locator::Css("#search-results a[href$='#rule-ZJ-11']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let rule = text(c, "#rule-ZJ-11").await;
    assert!(
        rule.contains("补充合同金额不超过原合同金额的百分之十"),
        "{rule}"
    );
    assert!(
        rule.contains("浙财采监〔2025〕6号 第十一条")
            && rule.contains("协商签订采购金额不超过原合同金额百分之十"),
        "{rule}"
    );
    // The in-page filter hides the other rules.
    c.find(Locator::Css("#filter"))
        .await
        .unwrap()
        .send_keys("ZJ-11")
        .await
        .unwrap();
    let visible = c
        .execute("return [...document.querySelectorAll('article.rule')].filter(e => !e.classList.contains('hidden')).length", vec![])
        .await
        .unwrap();
    assert_eq!(visible, Value::from(1));
    c.find(Locator::Css("#filter"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    c.execute(
        "document.getElementById('filter').dispatchEvent(new Event('input'))",
        vec![],
    )
    .await
    .unwrap();
    screenshot(c, "serve-rules-set", 1280).await;

    // The API viewer renders every operation from the embedded document.
    c.goto(&s.url("/api/docs")).await.unwrap();
    wait_for(c, "#api-docs .op").await;
    let ops = c
        .find_all(Locator::Css("#api-docs .op"))
        .await
        .unwrap()
        .len();
    let doc: Value = serde_json::from_str(jicai::serve::assets::OPENAPI).unwrap();
    let expected: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|p| p.as_object().unwrap().len())
        .sum();
    assert_eq!(ops, expected);
    screenshot(c, "serve-api-docs", 1280).await;
}

async fn phone_width(s: &TestServer, c: &Client) {
    c.goto(&s.url("/check")).await.unwrap();
    wait_for(c, "#check-form").await;
    let width = c.execute("return window.innerWidth", vec![]).await.unwrap();
    assert_eq!(width, Value::from(390));
    c.find(Locator::Css("#province"))
        .await
        .unwrap()
        .select_by_value("浙江")
        .await
        .unwrap();
    c.execute(
        "document.getElementById('as_of').value = '2025-12-31'",
        vec![],
    )
    .await
    .unwrap();
    let sample = repo("samples/zhejiang/faulty.xlsx");
    c.find(Locator::Css("#files"))
        .await
        .unwrap()
        .send_keys(&sample.display().to_string())
        .await
        .unwrap();
    assert!(fits_width(c).await, "check page at 390 px");
    screenshot(c, "serve-check-390", 390).await;
    c.find(Locator::Css("#check-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "#count-error").await;
    assert!(
        text(c, "#findings").await.contains("依据") || text(c, "#findings").await.contains("第"),
        "findings at 390 px"
    );
    assert!(fits_width(c).await, "result page at 390 px");
    screenshot(c, "serve-result-390", 390).await;
    for (path, ready, name) in [
        (
            "/generate/jilin-framework-scheme?example=1",
            "#generate-form",
            "serve-generate-390",
        ),
        ("/rules/zhejiang", "#rule-ZJ-11", "serve-rules-set-390"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(c, ready).await;
        assert!(fits_width(c).await, "{path} at 390 px");
        screenshot(c, name, 390).await;
    }
}
