//! The template registry: every `template.yaml` in the tree, looked up by
//! name (批量集中采购项目任务通知书), id (jilin-batch-task-notice) or folder;
//! and the tera environment that renders one template's body to markup.

use super::filters::{self, FilterEnv};
use super::manifest::{self, Format, Manifest};
use super::markup;
use super::model::Doc;
use super::source::TemplateTree;
use crate::error::JicaiError;
use std::path::Path;

pub const MANIFEST: &str = "template.yaml";
/// Partials every template may include (`{% include "_shared/x.jdoc" %}`).
pub const SHARED: &str = "_shared/";

#[derive(Debug, Clone)]
pub struct Template {
    pub manifest: Manifest,
    /// Folder inside the tree ("jilin/batch-task-notice").
    pub folder: String,
}

pub struct Templates {
    pub tree: TemplateTree,
    pub templates: Vec<Template>,
    /// Folders whose declaration could not be read, with the problems.
    pub broken: Vec<(String, Vec<String>)>,
}

impl Templates {
    /// The embedded templates, or those in `dir`.
    pub fn open(dir: Option<&Path>) -> Result<Templates, JicaiError> {
        let tree = TemplateTree::open(dir)?;
        let files = tree.files();
        let mut templates: Vec<Template> = Vec::new();
        let mut broken = Vec::new();
        for f in files.iter().filter(|f| f.ends_with(MANIFEST)) {
            let folder = f
                .strip_suffix(MANIFEST)
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string();
            let parsed = tree
                .read(f)
                .map_err(|e| vec![e])
                .and_then(|text| manifest::parse(&text));
            match parsed {
                Ok(m) => {
                    if let Some(prev) = templates
                        .iter()
                        .find(|t| t.manifest.name == m.name || t.manifest.id == m.id)
                    {
                        broken.push((folder, vec![format!("名称或标识与 {} 重复", prev.folder)]));
                    } else {
                        templates.push(Template {
                            manifest: m,
                            folder,
                        });
                    }
                }
                Err(problems) => broken.push((folder, problems)),
            }
        }
        templates.sort_by(|a, b| {
            (region_order(&a.manifest.region), &a.manifest.id)
                .cmp(&(region_order(&b.manifest.region), &b.manifest.id))
        });
        Ok(Templates {
            tree,
            templates,
            broken,
        })
    }

    pub fn find(&self, name: &str) -> Result<&Template, JicaiError> {
        let wanted = name.trim().trim_end_matches('/');
        if let Some(t) = self.templates.iter().find(|t| {
            t.manifest.name == wanted
                || t.manifest.id.eq_ignore_ascii_case(wanted)
                || t.folder == wanted
        }) {
            return Ok(t);
        }
        if let Some((folder, problems)) = self
            .broken
            .iter()
            .find(|(f, _)| f == wanted || f.rsplit('/').next() == Some(wanted))
        {
            return Err(JicaiError::Template {
                template: folder.clone(),
                detail: problems.join("；"),
            });
        }
        let mut candidates: Vec<&str> = self
            .templates
            .iter()
            .map(|t| t.manifest.name.as_str())
            .collect();
        candidates.extend(self.templates.iter().map(|t| t.manifest.id.as_str()));
        let hint = crate::dsl::diagnostics::did_you_mean(wanted, candidates)
            .map(|h| format!("{h} "))
            .unwrap_or_default();
        Err(JicaiError::Usage(format!(
            "{}中没有模板“{wanted}”。{hint}可用 jicai templates list 查看全部模板",
            self.tree.label()
        )))
    }

    /// A tera environment holding this template's files and the shared
    /// partials, nothing else.
    pub fn renderer(&self, t: &Template, env: &FilterEnv) -> Result<Renderer, JicaiError> {
        let fail = |detail: String| JicaiError::Template {
            template: t.manifest.name.clone(),
            detail,
        };
        let prefix = if t.folder.is_empty() {
            String::new()
        } else {
            format!("{}/", t.folder)
        };
        let mut sources = Vec::new();
        for f in self.tree.files() {
            let own = f.starts_with(&prefix) && !f[prefix.len()..].contains('/');
            if f.ends_with(markup::SUFFIX) && (own || f.starts_with(SHARED)) {
                let text = self.tree.read(&f).map_err(fail)?;
                sources.push((f, text));
            }
        }
        let body = format!("{prefix}{}", t.manifest.body);
        if !sources.iter().any(|(n, _)| *n == body) {
            return Err(fail(format!(
                "没有正文文件 {body}（正文须以 {} 结尾）",
                markup::SUFFIX
            )));
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([markup::SUFFIX]);
        tera.set_escape_fn(markup::escape);
        filters::register(&mut tera, env);
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| fail(confinement_error(&e, &prefix).unwrap_or_else(|| tera_error(&e))))?;
        Ok(Renderer {
            tera,
            body,
            name: t.manifest.name.clone(),
        })
    }
}

fn region_order(r: &str) -> usize {
    ["吉林", "北京", "浙江", "通用"]
        .iter()
        .position(|x| *x == r)
        .unwrap_or(9)
}

/// One template, ready to render.
pub struct Renderer {
    tera: tera::Tera,
    body: String,
    name: String,
}

impl Renderer {
    /// The body rendered to markup text.
    pub fn markup(&self, ctx: &tera::Context) -> Result<String, JicaiError> {
        self.tera
            .render(&self.body, ctx)
            .map_err(|e| JicaiError::Template {
                template: self.name.clone(),
                detail: format!("渲染失败：{}", tera_error(&e)),
            })
    }

    /// The body rendered and parsed into a document.
    pub fn doc(&self, ctx: &tera::Context) -> Result<Doc, JicaiError> {
        let text = self.markup(ctx)?;
        markup::parse(&text).map_err(|e| JicaiError::Template {
            template: self.name.clone(),
            detail: e.to_string(),
        })
    }
}

/// A document as the bytes of `format`.
pub fn render(doc: &Doc, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => super::docx::render(doc),
        Format::Xlsx => super::xlsx::render(doc),
        Format::Md => Ok(super::markdown::render(doc).into_bytes()),
        Format::Html => Ok(super::html::render(doc).into_bytes()),
    }
}

/// Tera knows only the templates it was given, so an include or extends of
/// any other name — a path out of the tree, an absolute path, another
/// template's file — fails as an unknown template; functions that would
/// read the environment or the clock do not exist. Says so in Chinese,
/// keeping tera's report for the location.
fn confinement_error(e: &tera::Error, prefix: &str) -> Option<String> {
    let text = tera_error(e);
    let quoted = |marker: &str| {
        let rest = text.split(marker).nth(1)?;
        rest.split('`').next().map(str::to_string)
    };
    let own = if prefix.is_empty() {
        "模板目录顶层"
    } else {
        prefix
    };
    let what = if let tera::ErrorKind::MissingParent { parent, .. } = e.kind() {
        format!("不能继承“{parent}”")
    } else if let Some(name) = quoted("Unknown template `") {
        format!("不能包含“{name}”")
    } else if let Some(name) = quoted("Unknown function `") {
        return Some(format!(
            "没有函数“{name}”：模板不能读取文件、环境变量或运行命令\n{text}"
        ));
    } else {
        return None;
    };
    Some(format!(
        "{what}：模板只能引用本模板目录（{own}）和 {SHARED} 中的 .jdoc 文件，不能读取其他文件\n{text}"
    ))
}

/// A tera error with its causes, innermost (usually ours, in Chinese) last.
pub fn tera_error(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        let t = s.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        src = s.source();
    }
    parts.join("：")
}
