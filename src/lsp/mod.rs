//! `jicai lsp`: a language server for `.rules` files over stdio —
//! diagnostics as you type (the same as at load), hover, completion, go to
//! definition and document symbols.

pub mod analysis;
pub mod features;
pub mod symbols;

use analysis::{Analysis, analyse, utf16_len, word_at};
use features::ItemKind;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use symbols::{DeclKind, declarations};

#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("语言服务器通信失败：{0}")]
    Protocol(String),
}

impl From<lsp_server::ProtocolError> for LspError {
    fn from(e: lsp_server::ProtocolError) -> Self {
        LspError::Protocol(e.to_string())
    }
}

/// Serves one client on stdin/stdout until it says `exit`.
pub fn serve_stdio() -> Result<(), LspError> {
    let (connection, io) = Connection::stdio();
    serve(&connection)?;
    // The writer thread ends when the last sender is gone.
    drop(connection);
    io.join().map_err(|e| LspError::Protocol(e.to_string()))
}

fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions::default()),
        definition_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

/// Runs the protocol on `connection` (stdio, or in memory in tests).
pub fn serve(connection: &Connection) -> Result<(), LspError> {
    let caps =
        serde_json::to_value(capabilities()).map_err(|e| LspError::Protocol(e.to_string()))?;
    connection.initialize(caps)?;
    let mut server = Server::default();
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                let resp = server.request(req);
                send(connection, Message::Response(resp))?;
            }
            Message::Notification(n) => {
                if let Some(diagnostics) = server.notification(n) {
                    let note =
                        Notification::new("textDocument/publishDiagnostics".into(), diagnostics);
                    send(connection, Message::Notification(note))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(connection: &Connection, msg: Message) -> Result<(), LspError> {
    connection
        .sender
        .send(msg)
        .map_err(|e| LspError::Protocol(e.to_string()))
}

struct Document {
    path: PathBuf,
    text: String,
    analysis: Analysis,
}

#[derive(Default)]
struct Server {
    docs: HashMap<String, Document>,
    /// The last library that loaded with each document, for answers while
    /// the document has a mistake.
    last_good: HashMap<String, crate::dsl::RuleBook>,
    builtin: Option<crate::dsl::RuleBook>,
    /// Where the built-in files were written out, for go to definition.
    exported: Option<PathBuf>,
}

impl Server {
    fn notification(&mut self, n: Notification) -> Option<lsp::PublishDiagnosticsParams> {
        let (uri, text) = match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: lsp::DidOpenTextDocumentParams = serde_json::from_value(n.params).ok()?;
                (p.text_document.uri, p.text_document.text)
            }
            "textDocument/didChange" => {
                let p: lsp::DidChangeTextDocumentParams = serde_json::from_value(n.params).ok()?;
                (
                    p.text_document.uri,
                    p.content_changes.into_iter().last()?.text,
                )
            }
            "textDocument/didClose" => {
                let p: lsp::DidCloseTextDocumentParams = serde_json::from_value(n.params).ok()?;
                self.docs.remove(p.text_document.uri.as_str());
                return Some(lsp::PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
            _ => return None,
        };
        let path = uri_to_path(&uri);
        let analysis = analyse(&path, &text);
        if let Some(book) = &analysis.book {
            self.last_good
                .insert(uri.as_str().to_string(), book.clone());
        }
        let diagnostics = diagnostics(&analysis);
        self.docs.insert(
            uri.as_str().to_string(),
            Document {
                path,
                text,
                analysis,
            },
        );
        Some(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        })
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/hover" => params(req)
                .map(|p: lsp::HoverParams| to_json(self.hover(&p.text_document_position_params))),
            "textDocument/completion" => params(req).map(|p: lsp::CompletionParams| {
                to_json(self.completion(p.text_document_position.text_document.uri.as_str()))
            }),
            "textDocument/definition" => params(req).map(|p: lsp::GotoDefinitionParams| {
                to_json(self.definition(&p.text_document_position_params))
            }),
            "textDocument/documentSymbol" => params(req).map(|p: lsp::DocumentSymbolParams| {
                to_json(self.symbols(p.text_document.uri.as_str()))
            }),
            _ => Err(format!("不支持的请求 {}", req.method)),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(message) => Response::new_err(id, ErrorCode::MethodNotFound as i32, message),
        }
    }

    /// The library to answer from: the document's, its last good one, or
    /// the built-in library.
    fn book(&mut self, uri: &str) -> Option<&crate::dsl::RuleBook> {
        if self
            .docs
            .get(uri)
            .is_some_and(|d| d.analysis.book.is_some())
        {
            return self.docs.get(uri)?.analysis.book.as_ref();
        }
        if self.last_good.contains_key(uri) {
            return self.last_good.get(uri);
        }
        if self.builtin.is_none() {
            self.builtin = crate::library::RuleLibrary::open(None).ok().map(|l| l.book);
        }
        self.builtin.as_ref()
    }

    fn word(&self, pos: &lsp::TextDocumentPositionParams) -> Option<(String, Option<String>)> {
        let doc = self.docs.get(pos.text_document.uri.as_str())?;
        let line = doc.text.lines().nth(pos.position.line as usize)?;
        let (word, _, _) = word_at(line, pos.position.character)?;
        Some((word, crate::dsl::source::declared_ruleset(&doc.text)))
    }

    fn hover(&mut self, pos: &lsp::TextDocumentPositionParams) -> Option<lsp::Hover> {
        let (word, own) = self.word(pos)?;
        let book = self.book(pos.text_document.uri.as_str())?;
        let value = features::hover(book, own.as_deref(), &word)?;
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }

    fn completion(&mut self, uri: &str) -> Option<lsp::CompletionResponse> {
        let book = self.book(uri)?;
        let items = features::completions(book)
            .into_iter()
            .map(|i| lsp::CompletionItem {
                label: i.label,
                kind: Some(match i.kind {
                    ItemKind::Keyword => lsp::CompletionItemKind::KEYWORD,
                    ItemKind::Type => lsp::CompletionItemKind::TYPE_PARAMETER,
                    ItemKind::Table => lsp::CompletionItemKind::CLASS,
                    ItemKind::Field => lsp::CompletionItemKind::FIELD,
                    ItemKind::Parameter => lsp::CompletionItemKind::CONSTANT,
                    ItemKind::Function => lsp::CompletionItemKind::FUNCTION,
                    ItemKind::RuleSet => lsp::CompletionItemKind::MODULE,
                    ItemKind::Rule => lsp::CompletionItemKind::REFERENCE,
                }),
                detail: Some(i.detail),
                ..Default::default()
            })
            .collect();
        Some(lsp::CompletionResponse::Array(items))
    }

    fn definition(
        &mut self,
        pos: &lsp::TextDocumentPositionParams,
    ) -> Option<lsp::GotoDefinitionResponse> {
        let (word, _) = self.word(pos)?;
        let doc = self.docs.get(pos.text_document.uri.as_str())?;
        let own = (doc.path.display().to_string(), doc.text.clone());
        let others: Vec<(String, String)> = doc
            .analysis
            .sources
            .files
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != doc.analysis.doc)
            .map(|(_, f)| (f.name.clone(), f.text.to_string()))
            .collect();
        let files = std::iter::once(&own)
            .chain(&others)
            .map(|(n, t)| (n.as_str(), t.as_str()));
        let (file, decl) = features::definition(files, &word)?;
        let path = self.on_disk(&file)?;
        Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location {
            uri: path_to_uri(&path)?,
            range: decl_range(&file_text(&own, &others, &file), &decl),
        }))
    }

    /// A file as the editor can open it: built-in files (`rules/…`) are
    /// written out once to a folder of their own.
    fn on_disk(&mut self, file: &str) -> Option<PathBuf> {
        let path = Path::new(file);
        if path.is_absolute() && path.exists() {
            return Some(path.to_path_buf());
        }
        let rel = file.strip_prefix("rules/")?;
        if self.exported.is_none() {
            let dir =
                std::env::temp_dir().join(format!("jicai-{}-内置规则", env!("CARGO_PKG_VERSION")));
            crate::dsl::source::export(&dir, crate::output::Overwrite::Allow).ok()?;
            self.exported = Some(dir);
        }
        Some(self.exported.as_ref()?.join(rel))
    }

    fn symbols(&self, uri: &str) -> Option<lsp::DocumentSymbolResponse> {
        let doc = self.docs.get(uri)?;
        let mut out: Vec<lsp::DocumentSymbol> = Vec::new();
        for d in declarations(&doc.text) {
            let range = decl_range(&doc.text, &d);
            #[allow(deprecated)] // `deprecated` is a required field of the type
            let symbol = lsp::DocumentSymbol {
                name: d.name.clone(),
                detail: (!d.detail.is_empty()).then(|| d.detail.clone()),
                kind: match d.kind {
                    DeclKind::RuleSet => lsp::SymbolKind::NAMESPACE,
                    DeclKind::Document => lsp::SymbolKind::FILE,
                    DeclKind::Table | DeclKind::Facts => lsp::SymbolKind::STRUCT,
                    DeclKind::Column => lsp::SymbolKind::FIELD,
                    DeclKind::Param => lsp::SymbolKind::CONSTANT,
                    DeclKind::Rule => lsp::SymbolKind::FUNCTION,
                    DeclKind::Example => lsp::SymbolKind::EVENT,
                },
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            };
            // Columns go under their table.
            match (d.kind, out.last_mut()) {
                (DeclKind::Column, Some(t)) if t.kind == lsp::SymbolKind::STRUCT => {
                    t.children.get_or_insert_with(Vec::new).push(symbol)
                }
                _ => out.push(symbol),
            }
        }
        Some(lsp::DocumentSymbolResponse::Nested(out))
    }
}

fn file_text(own: &(String, String), others: &[(String, String)], file: &str) -> String {
    std::iter::once(own)
        .chain(others)
        .find(|(n, _)| n == file)
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

fn params<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, String> {
    serde_json::from_value(req.params).map_err(|e| format!("请求参数有误：{e}"))
}

fn to_json<T: serde::Serialize>(v: T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// The range of a declaration's name, in UTF-16 columns.
fn decl_range(text: &str, d: &symbols::Decl) -> lsp::Range {
    let line = text.lines().nth(d.line).unwrap_or_default();
    let col = |chars: usize| utf16_len(&line.chars().take(chars).collect::<String>());
    lsp::Range::new(
        lsp::Position::new(d.line as u32, col(d.start)),
        lsp::Position::new(d.line as u32, col(d.end)),
    )
}

/// Load errors as LSP diagnostics: those in the document where they are;
/// errors the document causes in other files, at its first line.
fn diagnostics(a: &Analysis) -> Vec<lsp::Diagnostic> {
    let mut out: Vec<lsp::Diagnostic> = a
        .errors
        .iter()
        .map(|e| {
            let col =
                |chars: usize| utf16_len(&e.source_line.chars().take(chars).collect::<String>());
            let line = e.line.saturating_sub(1) as u32;
            let start = e.column.saturating_sub(1);
            let message = match &e.hint {
                Some(h) => format!("{}\n{h}", e.message),
                None => e.message.clone(),
            };
            lsp::Diagnostic {
                range: lsp::Range::new(
                    lsp::Position::new(line, col(start)),
                    lsp::Position::new(line, col(start + e.width())),
                ),
                severity: Some(lsp::DiagnosticSeverity::ERROR),
                source: Some("jicai".into()),
                message,
                ..Default::default()
            }
        })
        .collect();
    if let Some(first) = a.elsewhere.first() {
        out.push(lsp::Diagnostic {
            range: lsp::Range::default(),
            severity: Some(lsp::DiagnosticSeverity::ERROR),
            source: Some("jicai".into()),
            message: format!(
                "因本文件，其他规则文件有 {} 处错误，第一处：{first}",
                a.elsewhere.len()
            ),
            ..Default::default()
        });
    }
    out
}

/// Characters kept as they are in a file URI's path.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn uri_to_path(uri: &lsp::Uri) -> PathBuf {
    uri_path(uri.as_str())
}

/// The file a `file://` URI names (percent-decoded); other URIs as they are.
pub fn uri_path(uri: &str) -> PathBuf {
    match uri.strip_prefix("file://") {
        Some(p) => PathBuf::from(percent_decode_str(p).decode_utf8_lossy().into_owned()),
        // An unsaved buffer: analysed alone over the built-in library.
        None => PathBuf::from(uri),
    }
}

fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    let text = path.to_str()?;
    lsp::Uri::from_str(&format!("file://{}", utf8_percent_encode(text, PATH))).ok()
}
