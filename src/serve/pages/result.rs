//! A check's result page, drawn from its JSON contract (so it shows
//! whatever the report holds: sheets, column mapping, coverage,
//! findings), and the downloads.

use super::{PageError, Section, esc, html, page};
use crate::serve::State;
use crate::serve::checking::{CheckSettings, REPORT_HTML, REPORT_JSON, REPORT_XLSX};
use crate::serve::error::ServeError;
use crate::serve::store::ResultId;
use axum::extract::{Path, State as Ax};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::fmt::Write as _;

/// The downloads a result offers: URL name → (file, content type, label).
pub const DOWNLOADS: [(&str, &str, &str, &str); 3] = [
    (
        "report.xlsx",
        REPORT_XLSX,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "批注工作簿（.xlsx）",
    ),
    (
        "report.html",
        REPORT_HTML,
        "text/html; charset=utf-8",
        "HTML 报告（可打印）",
    ),
    ("report.json", REPORT_JSON, "application/json", "JSON"),
];

/// The folder of a live result named by a URL segment.
pub fn result_dir(state: &State, id: &str) -> Result<(ResultId, std::path::PathBuf), ServeError> {
    let id = ResultId::parse(id).ok_or_else(ServeError::result_not_found)?;
    let dir = state
        .store
        .get(id)
        .ok_or_else(ServeError::result_not_found)?;
    Ok((id, dir))
}

pub async fn show(Ax(state): Ax<State>, Path(id): Path<String>) -> Result<Response, PageError> {
    let (id, dir) = result_dir(&state, &id)?;
    let text = tokio::fs::read_to_string(dir.join(REPORT_JSON))
        .await
        .map_err(|_| ServeError::result_not_found())?;
    let report: Value =
        serde_json::from_str(&text).map_err(|e| ServeError::Internal(e.to_string()))?;
    let settings = CheckSettings::load(&dir).unwrap_or_default();
    let body = render(&report, &settings, &id.to_string(), state.store.keep_days());
    Ok(html(
        StatusCode::OK,
        page("检查结果", Section::Check, &body),
    ))
}

pub async fn download(
    Ax(state): Ax<State>,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (_, dir) = result_dir(&state, &id)?;
    // The URL names one of a fixed list; it never becomes a path itself.
    let (_, file, mime, _) = DOWNLOADS
        .iter()
        .find(|d| d.0 == name)
        .ok_or_else(|| ServeError::NotFound("没有这种下载".into()))?;
    let bytes = tokio::fs::read(dir.join(file))
        .await
        .map_err(|_| ServeError::result_not_found())?;
    let ext = name.rsplit('.').next().unwrap_or_default();
    let disposition = super::disposition("检查结果", ext);
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn render(r: &Value, s: &CheckSettings, id: &str, keep_days: u64) -> String {
    let mut b = String::new();
    let sum = &r["summary"];
    write!(
        b,
        "<h1>检查结果</h1><section class=\"card summary\" id=\"summary\">\
<p class=\"counts\"><span class=\"sev error\">错误 <b id=\"count-error\">{}</b></span>\
<span class=\"sev warning\">警告 <b id=\"count-warning\">{}</b></span>\
<span class=\"sev info\">提示 <b id=\"count-info\">{}</b></span></p>\
<p>规则集：{} · 检查日期：{} · 文件：{}</p>",
        text(&sum["error"]),
        text(&sum["warning"]),
        text(&sum["info"]),
        esc(&text(&r["ruleset"])),
        esc(&text(&r["as_of"])),
        esc(&s.files.join("、")),
    )
    .ok();
    if let Some(notes) = r["notes"].as_array() {
        for n in notes {
            write!(b, "<p class=\"note\">{}</p>", esc(&text(n))).ok();
        }
    }
    b.push_str("<p class=\"downloads\">");
    for (name, _, _, label) in DOWNLOADS {
        write!(
            b,
            "<a class=\"button\" href=\"/results/{id}/{name}\" download>{label}</a>"
        )
        .ok();
    }
    write!(
        b,
        "<a class=\"button secondary\" href=\"/check?again={id}\">修改后再次检查（沿用设置）</a></p>\
<p class=\"hint\">本页链接 {keep_days} 天内有效，到期后连同上传的文件一并删除；请勿转发给无关人员。</p></section>"
    )
    .ok();
    sheets(&mut b, r);
    coverage(&mut b, &r["coverage"]);
    findings(&mut b, r);
    b
}

/// Each file and sheet: the table it was read as, and the column mapping
/// when the report has one.
fn sheets(b: &mut String, r: &Value) {
    b.push_str("<section id=\"sheets\"><h2>读取的工作表</h2>");
    for input in r["inputs"].as_array().into_iter().flatten() {
        for sh in input["sheets"].as_array().into_iter().flatten() {
            let kind = match sh["table"].as_str() {
                Some(t) => format!(
                    "识别为<b>{}</b>，表头在第 {} 行，数据 {} 行",
                    esc(t),
                    text(&sh["header_row"]),
                    text(&sh["rows"])
                ),
                None => format!("未识别：{}", esc(&text(&sh["note"]))),
            };
            write!(
                b,
                "<div class=\"card sheet\"><h3>{} › {}</h3><p>{kind}</p>",
                esc(&text(&input["file"])),
                esc(&text(&sh["sheet"]))
            )
            .ok();
            if let Some(cols) = sh["columns"].as_array().filter(|c| !c.is_empty()) {
                column_table(b, cols);
            }
            b.push_str("</div>");
        }
    }
    b.push_str("</section>");
}

fn column_table(b: &mut String, cols: &[Value]) {
    b.push_str("<div class=\"scroll\"><table class=\"mapping\"><thead><tr><th>表头</th><th>单元格</th><th>对应字段</th><th>匹配方式</th></tr></thead><tbody>");
    for c in cols {
        let how = text(&c["match"]);
        let unused = how == "unused";
        let how_cn = match how.as_str() {
            "exact" => "完全一致",
            "synonym" => "别名",
            "two_level" | "two-level" => "两级表头",
            "approximate" => "近似",
            "unused" => "未使用",
            other => other,
        };
        let field = if unused {
            "（未使用：如需检查此列，请把表头改为规则中的字段名或其别名）".to_string()
        } else {
            text(&c["field"])
        };
        write!(
            b,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            if unused { " class=\"unused\"" } else { "" },
            esc(&text(&c["header"])),
            esc(&text(&c["cell"])),
            esc(&field),
            esc(how_cn)
        )
        .ok();
    }
    b.push_str("</tbody></table></div>");
}

/// What was and was not checked, when the report says.
fn coverage(b: &mut String, c: &Value) {
    let Some(obj) = c.as_object() else { return };
    b.push_str("<section id=\"coverage\" class=\"card\"><h2>检查覆盖</h2>");
    for (key, v) in obj {
        let label = match key.as_str() {
            "checked" => "已检查的规则",
            "not_applicable" => "不适用的规则",
            "not_checked" => "未能检查的规则",
            other => other,
        };
        match v {
            Value::Array(items) => {
                write!(b, "<h3>{label}（{} 条）</h3>", items.len()).ok();
                if key == "checked" {
                    let ids: Vec<String> = items.iter().map(item_text).collect();
                    write!(b, "<p class=\"ids\">{}</p>", esc(&ids.join("、"))).ok();
                } else if !items.is_empty() {
                    b.push_str("<ul>");
                    for it in items {
                        write!(b, "<li>{}</li>", esc(&item_text(it))).ok();
                    }
                    b.push_str("</ul>");
                }
            }
            other => {
                write!(b, "<p>{label}：{}</p>", esc(&text(other))).ok();
            }
        }
    }
    b.push_str("</section>");
}

/// One coverage item: a rule id, or an object read as "ID 标题：缺少 …".
fn item_text(v: &Value) -> String {
    let Some(o) = v.as_object() else {
        return text(v);
    };
    let mut parts = Vec::new();
    for (k, x) in o {
        let t = match x {
            Value::Array(a) => a.iter().map(text).collect::<Vec<_>>().join("、"),
            other => text(other),
        };
        if t.is_empty() {
            continue;
        }
        parts.push(match k.as_str() {
            "rule" | "id" | "title" => t,
            "missing" | "missing_fields" => format!("缺少字段：{t}"),
            "reason" => format!("原因：{t}"),
            _ => format!("{k}：{t}"),
        });
    }
    parts.join(" ")
}

/// Findings grouped by file and sheet, then by severity.
fn findings(b: &mut String, r: &Value) {
    let all: Vec<&Value> = r["findings"].as_array().into_iter().flatten().collect();
    write!(
        b,
        "<section id=\"findings\"><h2>发现的问题（{} 个）</h2>",
        all.len()
    )
    .ok();
    if all.is_empty() {
        b.push_str("<p class=\"ok\">没有发现问题。</p>");
    }
    let mut groups: Vec<(String, Vec<&Value>)> = Vec::new();
    for f in &all {
        let loc = &f["location"];
        let key = match loc["sheet"].as_str() {
            Some(sheet) => format!("{} › {}", text(&loc["file"]), sheet),
            None => format!("{} › 项目信息", text(&loc["file"])),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    for (key, items) in groups {
        write!(b, "<div class=\"group\"><h3>{}</h3>", esc(&key)).ok();
        for (sev, label) in [("error", "错误"), ("warning", "警告"), ("info", "提示")] {
            let of: Vec<&&Value> = items.iter().filter(|f| f["severity"] == sev).collect();
            if of.is_empty() {
                continue;
            }
            write!(
                b,
                "<h4 class=\"sev {sev}\">{label}（{}）</h4><ol class=\"findings\">",
                of.len()
            )
            .ok();
            for f in of {
                finding(b, f, sev);
            }
            b.push_str("</ol>");
        }
        b.push_str("</div>");
    }
    b.push_str("</section>");
}

fn finding(b: &mut String, f: &Value, sev: &str) {
    let loc = &f["location"];
    let place = match (loc["cell"].as_str(), loc["group"].as_str()) {
        (Some(cell), _) => format!("单元格 {cell}"),
        (None, Some(g)) => g.to_string(),
        _ => String::new(),
    };
    write!(
        b,
        "<li class=\"finding {sev}\"><p><span class=\"rule\">{}</span> <span class=\"cell\">{}</span> {}</p>",
        esc(&text(&f["rule"])),
        esc(&place),
        esc(&text(&f["message"]))
    )
    .ok();
    if let Some(values) = f["values"].as_object().filter(|v| !v.is_empty()) {
        b.push_str("<dl class=\"excerpt\">");
        for (k, v) in values {
            write!(
                b,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                esc(k),
                esc(&text(v))
            )
            .ok();
        }
        b.push_str("</dl>");
    }
    for c in f["citations"].as_array().into_iter().flatten() {
        write!(
            b,
            "<blockquote class=\"citation\"><cite>{} {}</cite>",
            esc(&text(&c["document"])),
            esc(&text(&c["article"]))
        )
        .ok();
        let quote = text(&c["text"]);
        if !quote.is_empty() {
            write!(b, "<p>{}</p>", esc(&quote)).ok();
        }
        b.push_str("</blockquote>");
    }
    b.push_str("</li>");
}
