//! `jicai serve` over real HTTP on loopback: every endpoint, and the bad
//! input a public upload form receives.

mod serve_support;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use serve_support::{TestServer, client, file_part, repo};
use std::time::Duration;

async fn check_faulty(s: &TestServer) -> (String, Value) {
    let form = Form::new()
        .percent_encode_noop()
        .part("files", file_part("samples/zhejiang/faulty.xlsx"))
        .text("province", "浙江")
        .text("as_of", "2025-12-31");
    let r = client()
        .post(s.url("/api/check"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let id = r.headers()["x-jicai-result"].to_str().unwrap().to_string();
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/results/{id}")
    );
    (id, r.json().await.unwrap())
}

async fn error_of(r: reqwest::Response) -> (StatusCode, String) {
    let status = r.status();
    let v: Value = r.json().await.unwrap();
    (status, v["error"].as_str().unwrap().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn health_and_security_headers() {
    let s = TestServer::start(|_| {}).await;
    let r = client().get(s.url("/api/health")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["x-request-id"].len(), 16);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["rulesets"], 7);
}

#[tokio::test(flavor = "multi_thread")]
async fn api_check_answers_the_json_contract_and_keeps_the_result() {
    let s = TestServer::start(|_| {}).await;
    let (id, v) = check_faulty(&s).await;
    assert_eq!(v["ruleset"], "浙江");
    assert_eq!(v["as_of"], "2025-12-31");
    assert_eq!(v["inputs"][0]["file"], "faulty.xlsx");
    let errors = v["summary"]["error"].as_u64().unwrap();
    assert!(errors > 10, "{}", v["summary"]);
    let zj11 = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ZJ-11")
        .expect("ZJ-11");
    assert_eq!(zj11["location"]["file"], "faulty.xlsx");
    // No server path leaks into anything the user reads.
    let data_dir = s.data.path().display().to_string();
    assert!(!v.to_string().contains(&data_dir));

    let again: Value = client()
        .get(s.url(&format!("/api/results/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, v);

    let page = client()
        .get(s.url(&format!("/results/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let page = page.text().await.unwrap();
    let cell = zj11["location"]["cell"].as_str().unwrap();
    assert!(
        page.contains("ZJ-11") && page.contains(&format!("单元格 {cell}")),
        "finding and cell on the page"
    );
    assert!(page.contains("浙财采监〔2025〕6号"), "citation on the page");
    assert!(
        page.contains(&format!("id=\"count-error\">{errors}<")),
        "summary"
    );
    assert!(page.contains(&format!("/check?again={id}")));

    for (name, mime, magic) in [
        ("report.xlsx", "spreadsheetml", &b"PK"[..]),
        ("report.html", "text/html", &b"<!"[..]),
        ("report.json", "application/json", &b"{"[..]),
    ] {
        let r = client()
            .get(s.url(&format!("/results/{id}/{name}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{name}");
        assert!(
            r.headers()["content-type"].to_str().unwrap().contains(mime),
            "{name}"
        );
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        let bytes = r.bytes().await.unwrap();
        assert!(bytes.starts_with(magic), "{name}");
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&data_dir),
            "{name} shows a server path"
        );
    }
    // "Check again" starts from the same settings.
    let again = client()
        .get(s.url(&format!("/check?again={id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        again.contains("value=\"2025-12-31\"") && again.contains("faulty.xlsx"),
        "settings kept"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_check_page_posts_facts_and_redirects_to_the_result() {
    let s = TestServer::start(|_| {}).await;
    let form = Form::new()
        .percent_encode_noop()
        .part("files", file_part("samples/zhejiang/faulty.xlsx"))
        .text("province", "zhejiang")
        .text("as_of", "2025-12-31")
        .text("fact.项目名称", "测试项目")
        .text("fact.汇总预算", "1200万元")
        .text("fact.采购类别", "货物");
    let r = client()
        .post(s.url("/check"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    assert!(loc.starts_with("/results/"));
    let page = client()
        .get(s.url(&loc))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("项目信息"),
        "facts findings are grouped as 项目信息"
    );
    let form_page = client()
        .get(s.url("/check"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Fact inputs come from the rules' declaration, typed.
    assert!(
        form_page.contains("name=\"fact.汇总预算\"")
            && form_page.contains("<option value=\"货物\">")
    );
    assert!(
        form_page.contains("<option value=\"浙江\" selected>"),
        "server default preselected"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_facts_are_a_chinese_message_naming_the_field() {
    let s = TestServer::start(|_| {}).await;
    let form = Form::new()
        .percent_encode_noop()
        .part("files", file_part("samples/zhejiang/faulty.xlsx"))
        .text("fact.汇总预算", "很多");
    let (status, msg) = error_of(
        client()
            .post(s.url("/api/check"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(msg.contains("汇总预算"), "{msg}");
    assert!(!msg.contains(&s.data.path().display().to_string()), "{msg}");
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_and_broken_uploads_are_refused_and_deleted() {
    let s = TestServer::start(|_| {}).await;
    let cases: [(&str, Part, &str); 3] = [
        (
            "non-workbook",
            Part::bytes(b"%PDF-1.7 not a workbook".to_vec()).file_name("需求表.xlsx"),
            "需求表.xlsx",
        ),
        (
            "zip bomb",
            file_part("tests/fixtures/zip_bomb.xlsx"),
            "zip_bomb.xlsx",
        ),
        (
            "truncated",
            file_part("tests/fixtures/truncated.xlsx"),
            "truncated.xlsx",
        ),
    ];
    for (what, part, name) in cases {
        let form = Form::new().percent_encode_noop().part("files", part);
        let (status, msg) = error_of(
            client()
                .post(s.url("/api/check"))
                .multipart(form)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {msg}");
        assert!(msg.contains(name), "{what}: {msg}");
        assert!(
            !msg.contains(&s.data.path().display().to_string()),
            "{what}: {msg}"
        );
        assert!(s.results().is_empty(), "{what}: uploads deleted");
    }
    // The page shows the same message, escaped.
    let form = Form::new().percent_encode_noop().part(
        "files",
        Part::bytes(b"x".to_vec()).file_name("<script>alert(1)</script>.xlsx"),
    );
    let r = client()
        .post(s.url("/check"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(!page.contains("<script>alert"), "unescaped upload name");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;.xlsx") || page.contains("script&gt;"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn over_limit_uploads_are_413_with_the_limit() {
    let s = TestServer::start(|c| c.limits.max_file_bytes = 2 * 1024 * 1024).await;
    let big = Part::bytes(vec![b'a'; 3 * 1024 * 1024]).file_name("大表.csv");
    let (status, msg) = error_of(
        client()
            .post(s.url("/api/check"))
            .multipart(Form::new().percent_encode_noop().part("files", big))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        msg.contains("上传内容过大") && msg.contains("2 MB"),
        "{msg}"
    );
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn fifty_files_at_once_are_refused() {
    let s = TestServer::start(|_| {}).await;
    let bytes = std::fs::read(repo("samples/zhejiang/clean.xlsx")).unwrap();
    let mut form = Form::new().percent_encode_noop();
    for i in 0..50 {
        form = form.part(
            "files",
            Part::bytes(bytes.clone()).file_name(format!("表{i}.xlsx")),
        );
    }
    let (status, msg) = error_of(
        client()
            .post(s.url("/api/check"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(msg.contains("一次最多上传 20 个文件"), "{msg}");
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_or_wrong_fields_are_400() {
    let s = TestServer::start(|_| {}).await;
    let cases = [
        (
            Form::new().percent_encode_noop().text("province", "浙江"),
            "请选择要检查的表格文件",
        ),
        (
            Form::new()
                .percent_encode_noop()
                .part("files", file_part("samples/zhejiang/clean.xlsx"))
                .text("province", "火星"),
            "火星",
        ),
        (
            Form::new()
                .percent_encode_noop()
                .part("files", file_part("samples/zhejiang/clean.xlsx"))
                .text("as_of", "2025-13-45"),
            "检查日期",
        ),
    ];
    for (form, expect) in cases {
        let (status, msg) = error_of(
            client()
                .post(s.url("/api/check"))
                .multipart(form)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{msg}");
        assert!(msg.contains(expect), "{msg}");
    }
    // Not multipart at all.
    let r = client()
        .post(s.url("/api/check"))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_results_templates_and_files_are_404() {
    let s = TestServer::start(|_| {}).await;
    let (id, _) = check_faulty(&s).await;
    for path in [
        "/api/results/0123456789abcdef0123456789abcdef".to_string(),
        "/api/results/..%2F..%2Fetc".to_string(),
        "/results/0123456789abcdef0123456789abcdef".to_string(),
        format!("/results/{id}/settings.json"),
        format!("/results/{id}/..%2Fcreated"),
        format!("/documents/{id}/docx"),
        "/api/templates/不存在的模板".to_string(),
        "/generate/不存在的模板".to_string(),
        "/rules/火星".to_string(),
        "/api/rulesets/火星".to_string(),
        "/assets/../Cargo.toml".to_string(),
        "/no/such/page".to_string(),
    ] {
        let r = client().get(s.url(&path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let r = client()
        .post(s.url("/api/generate/不存在的模板"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    let (status, msg) = error_of(r).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(msg.contains("不存在的模板"), "{msg}");
}

#[tokio::test(flavor = "multi_thread")]
async fn results_expire_and_are_swept_with_their_uploads() {
    let s = TestServer::start(|c| c.keep_days = 3).await;
    let (id, _) = check_faulty(&s).await;
    let rid = jicai::serve::store::ResultId::parse(&id).unwrap();
    assert_eq!(s.results().len(), 1);
    s.state.store.backdate(rid, 2).unwrap();
    assert_eq!(
        client()
            .get(s.url(&format!("/results/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    s.state.store.backdate(rid, 3).unwrap();
    assert_eq!(
        client()
            .get(s.url(&format!("/results/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.state.store.sweep(), 1);
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_queue_answers_503_busy() {
    let s = TestServer::start(|c| {
        c.workers = 1;
        c.queue = 1;
    })
    .await;
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Arc::new(std::sync::Mutex::new(wait));
    let mut held = Vec::new();
    for _ in 0..2 {
        let (state, wait) = (s.state.clone(), wait.clone());
        held.push(tokio::spawn(async move {
            state
                .pool
                .run(move || wait.lock().unwrap().recv().ok())
                .await
        }));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let form = Form::new()
        .percent_encode_noop()
        .part("files", file_part("samples/zhejiang/faulty.xlsx"));
    let (status, msg) = error_of(
        client()
            .post(s.url("/api/check"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(msg, "系统繁忙，请稍后再试");
    assert!(s.results().is_empty());
    release.send(()).unwrap();
    release.send(()).unwrap();
    for h in held {
        h.await.unwrap().unwrap();
    }
    check_faulty(&s).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_check_over_the_time_limit_is_504_and_deleted() {
    let s = TestServer::start(|c| c.timeout = Duration::from_millis(1)).await;
    let form = Form::new()
        .percent_encode_noop()
        .part("files", file_part("samples/zhejiang/faulty.xlsx"));
    let (status, msg) = error_of(
        client()
            .post(s.url("/api/check"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT);
    assert!(msg.contains("处理超时"), "{msg}");
    assert!(s.results().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_lets_a_running_check_finish() {
    let mut s = TestServer::start(|_| {}).await;
    let url = s.url("/api/check");
    let running = tokio::spawn(async move {
        let form = Form::new()
            .percent_encode_noop()
            .part("files", file_part("samples/zhejiang/faulty.xlsx"));
        client()
            .post(url)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .status()
    });
    tokio::time::sleep(Duration::from_millis(150)).await;
    s.stop();
    assert_eq!(running.await.unwrap(), StatusCode::OK);
    s.task.take().unwrap().await.unwrap().unwrap();
    assert!(
        client().get(s.url("/api/health")).send().await.is_err(),
        "no longer listening"
    );
}

fn sample_data(name: &str) -> Value {
    let text = std::fs::read_to_string(repo(&format!("samples/data/{name}.yaml"))).unwrap();
    jicai::docgen::data::parse_yaml(&text).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn api_generate_checks_everything_before_writing() {
    let s = TestServer::start(|_| {}).await;
    let post = |data: Value, format: &str| {
        client()
            .post(s.url(&format!(
                "/api/generate/jilin-framework-scheme?format={format}"
            )))
            .json(&data)
            .send()
    };
    let good = sample_data("jilin-framework-scheme");
    let r = post(good.clone(), "docx").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    assert!(r.bytes().await.unwrap().starts_with(b"PK"));
    // Every format the template offers is on the documents page.
    let page = client()
        .get(s.url(&loc))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for ext in ["docx", "md", "html"] {
        assert!(page.contains(&format!("{loc}/{ext}")), "{ext}");
    }
    let md = client()
        .get(s.url(&format!("{loc}/md")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(md.contains("框架协议"), "{md}");

    // Two mistakes: both reported at once.
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("项目名称");
    bad["调查采购人数"] = Value::String("很多".into());
    let r = post(bad, "docx").await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = r.json().await.unwrap();
    let problems: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        problems.iter().any(|p| p.contains("项目名称")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("调查采购人数")),
        "{problems:?}"
    );

    // The rules refuse a 15% 淘汰比例 before anything is written.
    let mut refused = good.clone();
    refused["采购包"][0]["淘汰比例"] = Value::String("15%".into());
    let r = post(refused, "docx").await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let v: Value = r.json().await.unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"].as_str().unwrap().starts_with("GP-110-27")),
        "{v}"
    );

    let (status, msg) = error_of(post(good.clone(), "xlsx").await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(msg.contains(".xlsx"), "{msg}");
    let (status, _) = error_of(
        client()
            .post(s.url("/api/generate/jilin-framework-scheme"))
            .body("[1]")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Only the one good request kept a result.
    assert_eq!(s.results().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_generate_form_shows_every_problem_inline_then_generates() {
    let s = TestServer::start(|_| {}).await;
    let list = client()
        .get(s.url("/generate"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("/generate/jilin-framework-scheme"));
    let form = client()
        .get(s.url("/generate/jilin-framework-scheme"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("name=\"采购包[0].淘汰比例\""), "list rows");
    assert!(
        form.contains("<template>") && form.contains("采购包[__i__].名称"),
        "row template for add"
    );
    assert!(
        form.contains("<option value=\"封闭式\">"),
        "enumeration as choices"
    );
    let example = client()
        .get(s.url("/generate/jilin-framework-scheme?example=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(example.contains("value=\"吉林省政府采购中心\""));

    let mut pairs = vec![
        ("项目名称", "<b>测试</b>项目"),
        ("征集人", "吉林省政府采购中心"),
        ("采购内容", "台式计算机"),
        ("法定情形", "第一项"),
        ("适用主体范围", "全省"),
        ("标的类型", "货物"),
        ("有效期", "1年"),
        ("调查采购人数", "很多"),
        ("调查供应商数", "8"),
        ("采购需求", "详见需求书"),
        ("采购包[0].名称", "包1"),
        ("采购包[0].采购标的", "台式计算机"),
        ("采购包[0].品目", "A02010105"),
        ("采购包[0].最高限制单价", "4500"),
        ("采购包[0].淘汰比例", "20%"),
        ("编制日期", "2025-09-01"),
    ];
    let r = client()
        .post(s.url("/generate/jilin-framework-scheme"))
        .form(&pairs)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"problems\""));
    assert!(
        page.contains("class=\"field-error\">") && page.contains("“调查采购人数”"),
        "inline"
    );
    assert!(
        page.contains("value=\"&lt;b&gt;测试&lt;/b&gt;项目\""),
        "input kept, escaped"
    );
    assert!(!page.contains("<b>测试</b>"));

    pairs.retain(|(k, _)| *k != "调查采购人数");
    pairs.push(("调查采购人数", "12"));
    let r = client()
        .post(s.url("/generate/jilin-framework-scheme"))
        .form(&pairs)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let body_or_loc = match r.headers().get("location") {
        Some(l) => l.to_str().unwrap().to_string(),
        None => r.text().await.unwrap(),
    };
    assert_eq!(status, StatusCode::SEE_OTHER, "{body_or_loc}");
    let docx = client()
        .get(s.url(&format!("{body_or_loc}/docx")))
        .send()
        .await
        .unwrap();
    assert_eq!(docx.status(), StatusCode::OK);
    assert!(docx.bytes().await.unwrap().starts_with(b"PK"));
}

#[tokio::test(flavor = "multi_thread")]
async fn rules_pages_and_api() {
    let s = TestServer::start(|_| {}).await;
    let sets: Value = client()
        .get(s.url("/api/rulesets"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        sets.as_array()
            .unwrap()
            .iter()
            .any(|x| x["name"] == "浙江" && x["docno"] == "浙财采监〔2025〕6号")
    );
    let zj: Value = client()
        .get(s.url("/api/rulesets/zhejiang?as_of=2025-12-31"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let zj11 = zj["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ZJ-11")
        .unwrap();
    assert_eq!(zj11["citations"][0]["article"], "第十一条");
    assert_eq!(
        client()
            .get(s.url("/api/rulesets/zhejiang?as_of=昨天"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );

    let page = client()
        .get(s.url("/rules/zhejiang?as_of=2025-12-31"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"rule-ZJ-11\"") && page.contains("第十一条"));
    assert!(page.contains("合同备案表 每行"), "scope");
    let search = client()
        .get(s.url("/rules?q=ZJ-11"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        search.contains("/rules/zhejiang#rule-ZJ-11"),
        "search finds the rule"
    );
    let search = client()
        .get(s.url("/rules?q=<x>"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(search.contains("“&lt;x&gt;”的搜索结果（0 项）"));
    let diff = client()
        .get(s.url("/rules/diff?a=山东&b=聊城"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        diff.contains("山东 与 聊城 的差异")
            && diff.contains("聊城（覆盖 山东）")
            && diff.contains("错误"),
        "{diff}"
    );
    let r = client()
        .get(s.url("/rules/zhejiang/handbook"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let loc = r.headers()["location"].to_str().unwrap().to_string();
    let docx = client().get(s.url(&loc)).send().await.unwrap();
    assert!(
        docx.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("%E8%A7%84%E5%88%99%E6%89%8B%E5%86%8C")
    );
    assert!(docx.bytes().await.unwrap().starts_with(b"PK"));

    let templates: Value = client()
        .get(s.url("/api/templates"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        templates.as_array().unwrap().len(),
        s.state.templates.templates.len()
    );
    let t: Value = client()
        .get(s.url("/api/templates/jilin-framework-scheme"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(t["example"]["征集人"], "吉林省政府采购中心");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_openapi_document_describes_every_api_route_and_assets_are_embedded() {
    let s = TestServer::start(|_| {}).await;
    let doc: Value = client()
        .get(s.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: std::collections::BTreeSet<String> =
        doc["paths"].as_object().unwrap().keys().cloned().collect();
    let router = std::fs::read_to_string(repo("src/serve/app.rs")).unwrap();
    let routed: std::collections::BTreeSet<String> = router
        .split(".route(\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|p| p.starts_with("/api/"))
        .map(str::to_string)
        .collect();
    assert_eq!(documented, routed);
    let viewer = client()
        .get(s.url("/api/docs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(viewer.contains("/assets/api-docs.js"));
    // Every page refers only to its own assets: nothing external.
    for path in [
        "/check",
        "/generate",
        "/rules",
        "/api/docs",
        "/assets/app.css",
        "/assets/app.js",
        "/assets/api-docs.js",
    ] {
        let body = client()
            .get(s.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !body.contains("http://") && !body.contains("https://") && !body.contains("//cdn"),
            "{path}"
        );
        assert!(
            !body.contains("<script>") && !body.contains("style=\""),
            "{path}: inline code is blocked by the CSP"
        );
    }
}
