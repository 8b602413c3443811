//! `jicai lsp` through the protocol: start the server, open a rule file with
//! a mistake, read the diagnostics, fix it as an editor would, and ask for
//! hover, completion, definition and symbols.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::io::BufReader;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

const HEBEI: &str = r#"规则集 河北 {
  名称 "河北省测试文件"
  文号 "冀财采〔2026〕1号"
  标识 hebei
  生效 2025-01-01
  继承 全国
}

参数 河北合同上限 = 100万元 {
  依据 第二条 "单份合同金额不超过100万元。"
}

覆盖 参数 合同签订期限 = 20日 {
  依据 第三条 "中标通知书发出之日起二十日内签订合同。"
}

规则 HB-02 "单份合同金额不超过100万元" {
  依据 第二条 "单份合同金额不超过100万元。"
  程度 应当
  范围 合同备案表 每行
  要求 合同金钱 不超过 河北合同上限
}
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    inbox: Receiver<Message>,
    next_id: i32,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jicai"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("jicai lsp 可以启动");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, inbox) = channel();
        std::thread::spawn(move || {
            while let Ok(Some(m)) = Message::read(&mut stdout) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            inbox,
            next_id: 1,
        }
    }

    fn send(&mut self, m: Message) {
        m.write(&mut self.stdin).expect("写入 jicai lsp");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn receive(&self) -> Message {
        self.inbox
            .recv_timeout(Duration::from_secs(60))
            .expect("jicai lsp 在 60 秒内应答")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(id),
            method.into(),
            params,
        )));
        loop {
            if let Message::Response(r) = self.receive()
                && r.id == RequestId::from(id)
            {
                return r
                    .response_result
                    .unwrap_or_else(|e| panic!("{method}：{}", e.message));
            }
        }
    }

    fn diagnostics(&self) -> Vec<Value> {
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == "textDocument/publishDiagnostics"
            {
                return n.params["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

/// A failed assertion must not leave the server running.
impl Drop for Client {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn hover_text(v: &Value) -> String {
    v["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn diagnostics_hover_completion_definition_and_symbols_through_the_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("河北.rules");
    std::fs::write(&path, HEBEI).unwrap();
    // A file URI as editors send it: the Chinese name percent-encoded.
    let uri = format!("file://{}/%E6%B2%B3%E5%8C%97.rules", dir.path().display());
    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({"capabilities": {}, "processId": null, "rootUri": null}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));

    // Open with a mistake: one diagnostic, where it is, with the hint.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "jicai-rules", "version": 1, "text": HEBEI}}),
    );
    let d = c.diagnostics();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("未知的名称“合同金钱”"),
        "{d:?}"
    );
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("是否指“合同金额”"),
        "{d:?}"
    );
    assert_eq!(d[0]["range"]["start"], json!({"line": 20, "character": 5}));
    assert_eq!(d[0]["range"]["end"], json!({"line": 20, "character": 9}));

    // Hover while the file is wrong: answered from the built-in library.
    let h = hover_text(&c.request("textDocument/hover", at(&uri, 12, 8)));
    assert!(h.contains("**参数 合同签订期限** = 30日"), "{h}");
    assert!(
        h.contains("采购人与中标、成交供应商应当在中标、成交通知书发出之日起三十日内"),
        "{h}"
    );

    // Fixed as typed: no diagnostics, and hovers see the file's own rule set.
    let fixed = HEBEI.replace("合同金钱", "合同金额");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(c.diagnostics(), Vec::<Value>::new());
    let h = hover_text(&c.request("textDocument/hover", at(&uri, 20, 16)));
    assert!(
        h.contains("**参数 河北合同上限** = 1,000,000.00元（定义于 河北）"),
        "{h}"
    );
    assert!(h.contains("第二条：“单份合同金额不超过100万元。”"), "{h}");
    let h = hover_text(&c.request("textDocument/hover", at(&uri, 12, 8)));
    assert!(h.contains("= 20日（定义于 河北（覆盖 全国））"), "{h}");
    assert!(h.contains("覆盖：河北 = 20日"), "{h}");
    let h = hover_text(&c.request("textDocument/hover", at(&uri, 20, 6)));
    assert!(h.contains("**列 合同金额**"), "{h}");
    assert!(h.contains("表“合同备案表”：金额（单位：元），必填"), "{h}");
    let h = hover_text(&c.request("textDocument/hover", at(&uri, 16, 5)));
    assert!(h.contains("**规则 HB-02**"), "{h}");
    assert!(h.contains("冀财采〔2026〕1号 第二条"), "{h}");

    // Completion offers keywords, fields, parameters, functions, rule sets.
    let items = c.request("textDocument/completion", at(&uri, 20, 2));
    let labels: Vec<(&str, i64)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["label"].as_str().unwrap(), i["kind"].as_i64().unwrap()))
        .collect();
    for want in [
        ("要求", 14),
        ("合同金额", 5),
        ("河北合同上限", 21),
        ("去重计数", 3),
        ("浙江", 9),
        ("合同备案表", 7),
    ] {
        assert!(labels.contains(&want), "缺少 {want:?}");
    }

    // Go to definition: a built-in table (written out for the editor to
    // open), this file's parameter, and its override before the original.
    let loc = c.request("textDocument/definition", at(&uri, 19, 6));
    assert!(
        loc["uri"].as_str().unwrap().ends_with("/tables.rules"),
        "{loc}"
    );
    let line = loc["range"]["start"]["line"].as_u64().unwrap() as usize;
    let file = jicai::lsp::uri_path(loc["uri"].as_str().unwrap());
    let text = std::fs::read_to_string(file).unwrap();
    assert_eq!(text.lines().nth(line), Some("表 合同备案表 {"));
    let loc = c.request("textDocument/definition", at(&uri, 20, 16));
    assert_eq!(loc["uri"], uri.as_str());
    assert_eq!(loc["range"]["start"], json!({"line": 8, "character": 3}));
    let loc = c.request("textDocument/definition", at(&uri, 12, 8));
    assert_eq!(loc["range"]["start"]["line"], 12, "本文件中的覆盖优先");

    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["河北", "河北合同上限", "合同签订期限", "HB-02"]);

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    drop(c);
    assert_eq!(status.code(), Some(0));
}

/// The editor extension: its grammar and manifest are valid JSON, the
/// grammar colours every keyword the server completes, and the client
/// starts `jicai lsp` for `.rules` files.
#[test]
fn the_vscode_extension_highlights_every_keyword_and_starts_the_server() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let grammar: Value =
        serde_json::from_str(&read("syntaxes/jicai-rules.tmLanguage.json")).unwrap();
    assert_eq!(grammar["scopeName"], "source.jicai-rules");
    let grammar_text = grammar.to_string();
    for k in jicai::lsp::features::KEYWORDS {
        assert!(grammar_text.contains(k), "语法高亮缺少关键字“{k}”");
    }
    for (f, _) in jicai::lsp::features::FUNCTIONS {
        assert!(grammar_text.contains(f), "语法高亮缺少函数“{f}”");
    }
    let manifest: Value = serde_json::from_str(&read("package.json")).unwrap();
    assert_eq!(
        manifest["contributes"]["languages"][0]["extensions"][0],
        ".rules"
    );
    assert_eq!(
        manifest["contributes"]["grammars"][0]["path"],
        "./syntaxes/jicai-rules.tmLanguage.json"
    );
    assert!(read("extension.js").contains(r#"args: ["lsp"]"#));
    serde_json::from_str::<Value>(&read("language-configuration.json")).unwrap();
}
