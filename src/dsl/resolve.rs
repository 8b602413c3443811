//! Name resolution across files: documents, tables, rule sets and their
//! inheritance, parameter and rule overrides, examples.

use super::ast::*;
use super::compile::{Compiler, Scope, column_ty, literal_ty, literal_value};
use super::diagnostics::{LoadError, Sources, did_you_mean};
use crate::citation::Citation;
use crate::model::vocabulary::Vocabulary;
use crate::model::*;
use crate::table::{ColumnSpec, Row, TableSpec};
use crate::value::Value;
use std::collections::{HashMap, HashSet};

struct FileInfo {
    ast: FileAst,
    /// The rule set declared in this file, if any.
    ruleset: Option<String>,
}

struct Ctx<'s> {
    sources: &'s Sources,
    errors: Vec<LoadError>,
    seen_errors: HashSet<(usize, usize, String)>,
}

impl Ctx<'_> {
    fn push(&mut self, e: LoadError) {
        // A parent's rule is compiled again for every child set: report once.
        let key = (e.line, e.column, format!("{}{}", e.file, e.message));
        if self.seen_errors.insert(key) {
            self.errors.push(e);
        }
    }
    fn error(&mut self, span: Span, message: impl Into<String>, hint: Option<String>) {
        let e = self.sources.error(span, message).with_hint(hint);
        self.push(e);
    }
}

pub fn resolve(sources: &Sources, asts: Vec<FileAst>) -> Result<RuleBook, Vec<LoadError>> {
    let mut cx = Ctx {
        sources,
        errors: Vec::new(),
        seen_errors: HashSet::new(),
    };
    let files: Vec<FileInfo> = asts
        .into_iter()
        .map(|ast| {
            let ruleset = ast.rulesets.first().map(|r| r.name.node.clone());
            FileInfo { ast, ruleset }
        })
        .collect();

    // 文件 declarations: one global namespace.
    let mut documents: HashMap<String, &DocumentDecl> = HashMap::new();
    for f in &files {
        for d in &f.ast.documents {
            if documents.insert(d.name.node.clone(), d).is_some() {
                cx.error(d.name.span, format!("文件“{}”重复声明", d.name.node), None);
            }
        }
    }

    // Rule sets.
    let mut decls: HashMap<String, (&RuleSetDecl, usize)> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        for (k, r) in f.ast.rulesets.iter().enumerate() {
            if k > 0 {
                cx.error(r.name.span, "一个文件只能声明一个规则集", None);
            } else if decls.insert(r.name.node.clone(), (r, i)).is_some() {
                cx.error(
                    r.name.span,
                    format!("规则集“{}”重复声明", r.name.node),
                    None,
                );
            }
            if r.title.is_none() {
                cx.error(
                    r.name.span,
                    format!("规则集“{}”缺少 名称（文件全称）", r.name.node),
                    None,
                );
            }
        }
        if f.ruleset.is_none() {
            let first = f
                .ast
                .params
                .first()
                .map(|p| p.span)
                .or(f.ast.rules.first().map(|r| r.span))
                .or(f.ast.examples.first().map(|e| e.span));
            if let Some(span) = first {
                cx.error(span, "参数、规则和例必须写在声明了“规则集”的文件中", None);
            }
        }
    }

    // Tables.
    let mut tables: Vec<TableSpec> = Vec::new();
    // Where each kept column is declared, for errors about fields.
    let mut table_spans: Vec<Vec<Span>> = Vec::new();
    let mut facts = None;
    for f in &files {
        for t in &f.ast.tables {
            if tables.iter().any(|x| x.name == t.name.node) {
                cx.error(t.name.span, format!("表“{}”重复声明", t.name.node), None);
                continue;
            }
            if t.citations.is_empty() {
                cx.error(
                    t.name.span,
                    format!(
                        "表“{}”缺少依据：每张表都要注明出自哪份文件的哪一条",
                        t.name.node
                    ),
                    Some("例如：依据 《浙财采监〔2025〕6号》 第九条".into()),
                );
            }
            let citations = t
                .citations
                .iter()
                .filter_map(|c| citation(&mut cx, c, None, &documents))
                .collect();
            let mut columns: Vec<ColumnSpec> = Vec::new();
            let mut spans = Vec::new();
            for c in &t.columns {
                if columns.iter().any(|x| x.name == c.name.node) {
                    cx.error(
                        c.name.span,
                        format!("表“{}”中列“{}”重复声明", t.name.node, c.name.node),
                        None,
                    );
                    continue;
                }
                spans.push(c.name.span);
                columns.push(ColumnSpec {
                    name: c.name.node.clone(),
                    aliases: c.aliases.clone(),
                    ty: c.ty.clone(),
                    required: c.required,
                    unique: c.unique,
                });
            }
            if t.is_facts {
                if facts.is_some() {
                    cx.error(t.name.span, "只能声明一个“事实”（项目信息）", None);
                }
                facts = Some(tables.len());
            }
            table_spans.push(spans);
            tables.push(TableSpec {
                name: t.name.node.clone(),
                aliases: t.aliases.clone(),
                columns,
                has_total: t.has_total,
                citations,
            });
        }
    }

    // Inheritance chains (root first), with cycle detection.
    let mut chains: HashMap<String, Vec<String>> = HashMap::new();
    let mut names: Vec<&String> = decls.keys().collect();
    names.sort_by_key(|n| decls[*n].1);
    for name in &names {
        let mut chain = vec![(*name).clone()];
        let mut cur = decls[*name].0;
        let mut ok = true;
        while let Some(parent) = &cur.inherits {
            match decls.get(&parent.node) {
                None => {
                    let hint = did_you_mean(&parent.node, decls.keys().map(String::as_str));
                    cx.error(
                        parent.span,
                        format!("继承了不存在的规则集“{}”", parent.node),
                        hint,
                    );
                    ok = false;
                    break;
                }
                Some((p, _)) => {
                    if chain.contains(&parent.node) {
                        chain.push(parent.node.clone());
                        chain.reverse();
                        cx.error(
                            parent.span,
                            format!("规则集继承成环：{}", chain.join(" → ")),
                            None,
                        );
                        ok = false;
                        break;
                    }
                    chain.push(parent.node.clone());
                    cur = p;
                }
            }
        }
        if ok {
            chain.reverse();
            chains.insert((*name).clone(), chain);
        }
    }

    // Per rule set: merge parameters and rules along the chain, compile.
    let mut sets = Vec::new();
    for name in &names {
        let Some(chain) = chains.get(*name) else {
            continue;
        };
        let (decl, _) = decls[*name];
        let set = build_set(
            &mut cx, decl, chain, &decls, &files, &documents, &tables, facts,
        );
        sets.push(set);
    }

    // Examples.
    let mut examples = Vec::new();
    for f in &files {
        let Some(rs) = &f.ruleset else { continue };
        let Some(set) = sets.iter().find(|s| &s.name == rs) else {
            continue;
        };
        for ex in &f.ast.examples {
            if let Some(e) = example(&mut cx, ex, set, &tables, facts) {
                examples.push(e);
            }
        }
    }

    let (vocabulary, conflicts) = Vocabulary::build(&tables, facts);
    for c in conflicts {
        let span = table_spans[c.table][c.column];
        cx.error(span, c.message(&tables), None);
    }

    if cx.errors.is_empty() {
        Ok(RuleBook {
            tables,
            facts,
            sets,
            examples,
            vocabulary,
        })
    } else {
        Err(cx.errors)
    }
}

fn own_document(decl: &RuleSetDecl) -> (String, String) {
    let title = decl.title.clone().unwrap_or_else(|| decl.name.node.clone());
    (decl.docno.clone().unwrap_or_else(|| title.clone()), title)
}

fn citation(
    cx: &mut Ctx,
    c: &CitationAst,
    own: Option<&RuleSetDecl>,
    documents: &HashMap<String, &DocumentDecl>,
) -> Option<Citation> {
    let (document, title) = match &c.document {
        Some(d) => match documents.get(&d.node) {
            Some(doc) => {
                let title = doc.title.clone().unwrap_or_else(|| d.node.clone());
                (doc.docno.clone().unwrap_or_else(|| title.clone()), title)
            }
            None => {
                let hint = did_you_mean(&d.node, documents.keys().map(String::as_str));
                cx.error(
                    d.span,
                    format!("依据中的文件“{}”未声明", d.node),
                    hint.or(Some("先用 文件 名称 { 名称 \"…\" 文号 \"…\" } 声明".into())),
                );
                return None;
            }
        },
        None => match own {
            Some(decl) => own_document(decl),
            None => {
                cx.error(c.span, "这里的依据必须用《文件》注明出处", None);
                return None;
            }
        },
    };
    Some(Citation {
        document,
        title,
        article: c.article.clone(),
        text: c.text.clone().unwrap_or_default(),
    })
}

#[allow(clippy::too_many_arguments)]
fn build_set(
    cx: &mut Ctx,
    decl: &RuleSetDecl,
    chain: &[String],
    decls: &HashMap<String, (&RuleSetDecl, usize)>,
    files: &[FileInfo],
    documents: &HashMap<String, &DocumentDecl>,
    tables: &[TableSpec],
    facts: Option<usize>,
) -> RuleSet {
    let mut params: Vec<Parameter> = Vec::new();
    // (declaring set, decl, overrides)
    let mut rule_decls: Vec<(&RuleSetDecl, &RuleDecl, Option<String>)> = Vec::new();
    for set_name in chain {
        let (sdecl, file) = decls[set_name];
        let ast = &files[file].ast;
        for p in &ast.params {
            let ty = literal_ty(&p.value.node);
            let existing = params.iter().position(|x| x.name == p.name.node);
            let overrides = match (existing, p.overrides) {
                (Some(i), true) => {
                    if params[i].ty != ty {
                        cx.error(
                            p.value.span,
                            format!(
                                "覆盖参数“{}”时类型应与上级一致：上级“{}”为{}，此处为{}",
                                p.name.node,
                                params[i].defined_in,
                                params[i].ty.name(),
                                ty.name()
                            ),
                            None,
                        );
                    }
                    Some(params[i].defined_in.clone())
                }
                (Some(i), false) => {
                    let msg = if params[i].defined_in == *set_name {
                        format!("参数“{}”重复声明", p.name.node)
                    } else {
                        format!(
                            "参数“{}”与上级规则集“{}”重名",
                            p.name.node, params[i].defined_in
                        )
                    };
                    cx.error(
                        p.name.span,
                        msg,
                        Some("如需覆盖上级的参数，请在前面加“覆盖”".into()),
                    );
                    continue;
                }
                (None, true) => {
                    cx.error(
                        p.name.span,
                        format!("“覆盖”的参数“{}”在上级规则集中不存在", p.name.node),
                        did_you_mean(&p.name.node, params.iter().map(|x| x.name.as_str())),
                    );
                    None
                }
                (None, false) => None,
            };
            if p.citations.is_empty() {
                cx.error(
                    p.name.span,
                    format!("参数“{}”缺少依据", p.name.node),
                    Some("每个参数都要注明出处，如：依据 第三条 \"……\"".into()),
                );
            }
            let citations = p
                .citations
                .iter()
                .filter_map(|c| citation(cx, c, Some(sdecl), documents))
                .collect();
            let set = match &p.value.node {
                Literal::Set(items) => items.iter().map(literal_value).collect(),
                _ => Vec::new(),
            };
            let param = Parameter {
                name: p.name.node.clone(),
                value: literal_value(&p.value.node),
                set,
                ty,
                citations,
                note: p.note.clone(),
                defined_in: set_name.clone(),
                overrides,
            };
            match existing {
                Some(i) => params[i] = param,
                None => params.push(param),
            }
        }
        for r in &ast.rules {
            let existing = rule_decls
                .iter()
                .position(|(_, x, _)| x.id.node == r.id.node);
            match (existing, r.overrides) {
                (Some(i), true) => {
                    let from = rule_decls[i].0.name.node.clone();
                    rule_decls[i] = (sdecl, r, Some(from));
                }
                (Some(i), false) => {
                    let from = &rule_decls[i].0.name.node;
                    let msg = if from == set_name {
                        format!("规则编号“{}”重复", r.id.node)
                    } else {
                        format!("规则“{}”与上级规则集“{from}”的规则同号", r.id.node)
                    };
                    cx.error(
                        r.id.span,
                        msg,
                        Some("如需覆盖上级的规则，请在前面加“覆盖”".into()),
                    );
                }
                (None, true) => {
                    cx.error(
                        r.id.span,
                        format!("“覆盖”的规则“{}”在上级规则集中不存在", r.id.node),
                        did_you_mean(
                            &r.id.node,
                            rule_decls.iter().map(|(_, x, _)| x.id.node.as_str()),
                        ),
                    );
                }
                (None, false) => rule_decls.push((sdecl, r, None)),
            }
        }
    }

    let mut rules = Vec::new();
    for (sdecl, r, overrides) in rule_decls {
        if let Some(rule) = compile_rule(cx, r, sdecl, overrides, &params, documents, tables, facts)
        {
            rules.push(rule);
        }
    }
    let (docno, title) = own_document(decl);
    RuleSet {
        name: decl.name.node.clone(),
        id: decl
            .id
            .as_ref()
            .map(|i| i.node.clone())
            .unwrap_or_else(|| decl.name.node.clone()),
        title,
        docno,
        issued: decl.issued,
        effective: decl.effective,
        expires: decl.expires,
        parent: decl.inherits.as_ref().map(|p| p.node.clone()),
        chain: chain.to_vec(),
        params,
        rules,
    }
}

#[allow(clippy::too_many_arguments)]
fn compile_rule(
    cx: &mut Ctx,
    r: &RuleDecl,
    sdecl: &RuleSetDecl,
    overrides: Option<String>,
    params: &[Parameter],
    documents: &HashMap<String, &DocumentDecl>,
    tables: &[TableSpec],
    facts: Option<usize>,
) -> Option<CompiledRule> {
    if r.citations.is_empty() {
        cx.error(
            r.id.span,
            format!("规则“{}”缺少依据：没有出处的规则不能加载", r.id.node),
            Some("例如：依据 第九条 \"……三十日内签订合同……\"".into()),
        );
    }
    let citations: Vec<Citation> = r
        .citations
        .iter()
        .filter_map(|c| citation(cx, c, Some(sdecl), documents))
        .collect();
    let Some(level) = &r.level else {
        cx.error(
            r.id.span,
            format!(
                "规则“{}”缺少 程度（应当、必须、不得、一般、原则上、鼓励、可以）",
                r.id.node
            ),
            None,
        );
        return None;
    };
    let Some(scope) = &r.scope else {
        cx.error(
            r.id.span,
            format!("规则“{}”缺少 范围（如：范围 合同备案表 每行）", r.id.node),
            None,
        );
        return None;
    };
    let Some(require) = &r.require else {
        cx.error(r.id.span, format!("规则“{}”缺少 要求", r.id.node), None);
        return None;
    };
    let Some(table_idx) = tables.iter().position(|t| t.name == scope.table.node) else {
        let hint = did_you_mean(&scope.table.node, tables.iter().map(|t| t.name.as_str()));
        cx.error(
            scope.table.span,
            format!("未知的表“{}”", scope.table.node),
            hint,
        );
        return None;
    };
    let table = &tables[table_idx];
    let mut ok = true;
    let mode = match &scope.mode {
        ScopeMode::EachRow => Mode::EachRow,
        ScopeMode::Whole => Mode::Whole,
        ScopeMode::Group(keys) => {
            let mut idx = Vec::new();
            for k in keys {
                match table.column_index(&k.node) {
                    Some(i) => idx.push(i),
                    None => {
                        let hint =
                            did_you_mean(&k.node, table.columns.iter().map(|c| c.name.as_str()));
                        cx.error(
                            k.span,
                            format!("表“{}”没有列“{}”，不能按它分组", table.name, k.node),
                            hint,
                        );
                        ok = false;
                    }
                }
            }
            Mode::Group(idx)
        }
    };
    let join = match &r.join {
        None => None,
        Some(j) => match tables.iter().position(|t| t.name == j.table.node) {
            None => {
                let hint = did_you_mean(&j.table.node, tables.iter().map(|t| t.name.as_str()));
                cx.error(
                    j.table.span,
                    format!("关联了未知的表“{}”", j.table.node),
                    hint,
                );
                return None;
            }
            Some(ti) => {
                let left = table.column_index(&j.left_key.node);
                let right = tables[ti].column_index(&j.right_key.node);
                if left.is_none() {
                    cx.error(
                        j.left_key.span,
                        format!("表“{}”没有列“{}”", table.name, j.left_key.node),
                        did_you_mean(
                            &j.left_key.node,
                            table.columns.iter().map(|c| c.name.as_str()),
                        ),
                    );
                }
                if right.is_none() {
                    cx.error(
                        j.right_key.span,
                        format!("关联表“{}”没有列“{}”", tables[ti].name, j.right_key.node),
                        did_you_mean(
                            &j.right_key.node,
                            tables[ti].columns.iter().map(|c| c.name.as_str()),
                        ),
                    );
                }
                let name = j
                    .alias
                    .as_ref()
                    .map(|a| a.node.clone())
                    .unwrap_or_else(|| j.table.node.clone());
                Some(Join {
                    table: ti,
                    name,
                    left_key: left?,
                    right_key: right?,
                })
            }
        },
    };
    if !ok {
        return None;
    }
    let scope_names = Scope {
        table,
        join: join.as_ref().map(|j| (&tables[j.table], j.name.as_str())),
        facts: facts.map(|f| &tables[f]),
        params,
        aggregates: !matches!(mode, Mode::EachRow),
    };
    let mut comp = Compiler {
        sources: cx.sources,
        errors: Vec::new(),
    };
    let mut filter = Vec::new();
    let mut when = Vec::new();
    for w in &r.when {
        if let Some(c) = comp.condition(w, &scope_names) {
            if c.has_aggregate() || c.reads_join() {
                when.push(c);
            } else {
                filter.push(c);
            }
        }
    }
    let require_cx = comp.condition(require, &scope_names);
    let mut message = Vec::new();
    if let Some(m) = &r.message {
        message = message_parts(&mut comp, m, &scope_names);
    }
    let at_column =
        r.at.as_ref()
            .and_then(|a| match table.column_index(&a.node) {
                Some(i) => Some(i),
                None => {
                    let hint = did_you_mean(&a.node, table.columns.iter().map(|c| c.name.as_str()));
                    comp.errors.push(
                        cx.sources
                            .error(
                                a.span,
                                format!("位置：表“{}”没有列“{}”", table.name, a.node),
                            )
                            .with_hint(hint),
                    );
                    None
                }
            });
    for e in comp.errors {
        cx.push(e);
    }
    let require_cx = require_cx?;
    let per_row = !matches!(mode, Mode::EachRow)
        && (require_cx.reads_row() || when.iter().any(Cx::reads_row));
    let mut shown = Vec::new();
    if let Mode::Group(keys) = &mode {
        shown.extend(keys.iter().copied());
    }
    for f in &filter {
        f.columns(&mut shown);
    }
    for w in &when {
        w.columns(&mut shown);
    }
    require_cx.columns(&mut shown);
    for part in &message {
        if let MessagePart::Expr(e) = part {
            e.columns(&mut shown);
        }
    }
    let at_column = at_column.or_else(|| {
        let mut cols = Vec::new();
        require_cx.columns(&mut cols);
        cols.first().copied()
    });
    let text = &cx.sources.files[require.span.file].text;
    Some(CompiledRule {
        id: r.id.node.clone(),
        title: r.title.clone(),
        level: level.node,
        severity: Severity::of_level(level.node),
        citations,
        defined_in: sdecl.name.node.clone(),
        overrides,
        effective: r.effective.or(sdecl.effective),
        expires: r.expires.or(sdecl.expires),
        table: table_idx,
        mode,
        join,
        filter,
        when,
        require: require_cx,
        per_row,
        message,
        at_column,
        shown_columns: shown,
        require_text: text[require.span.start..require.span.end]
            .trim()
            .to_string(),
    })
}

/// Splits "合同 {合同编号} 签订于 {合同签订日期}" into text and compiled expressions.
fn message_parts(comp: &mut Compiler, m: &Spanned<String>, sc: &Scope) -> Vec<MessagePart> {
    let mut parts = Vec::new();
    let text = &m.node;
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| i + rest) {
        if open > rest {
            parts.push(MessagePart::Text(text[rest..open].to_string()));
        }
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            comp.errors.push(comp.sources.error(
                Span {
                    file: m.span.file,
                    start: m.span.start + open,
                    end: m.span.start + open + 1,
                },
                "说明中的“{”没有配对的“}”",
            ));
            return parts;
        };
        let inner = &text[open + 1..close];
        match super::parse::parse_expr_at(comp.sources, m.span.file, m.span.start + open + 1, inner)
        {
            Ok(e) => {
                if let Some((c, _)) = comp.expr(&e, sc, false) {
                    parts.push(MessagePart::Expr(c));
                }
            }
            Err(mut errs) => comp.errors.append(&mut errs),
        }
        rest = close + 1;
    }
    if rest < text.len() {
        parts.push(MessagePart::Text(text[rest..].to_string()));
    }
    parts
}

fn example(
    cx: &mut Ctx,
    ex: &ExampleDecl,
    set: &RuleSet,
    tables: &[TableSpec],
    facts: Option<usize>,
) -> Option<Example> {
    let (line, _) = cx.sources.line_col(ex.span);
    let location = format!("{}:{line}", cx.sources.files[ex.span.file].name);
    let mut out = Example {
        title: ex.title.clone(),
        ruleset: set.name.clone(),
        location,
        as_of: ex.as_of,
        tables: Vec::new(),
        facts: None,
        expect_violated: Vec::new(),
        expect_passed: Vec::new(),
    };
    let mut ok = true;
    for (n, row) in ex.rows.iter().enumerate() {
        let Some(ti) = tables.iter().position(|t| t.name == row.table.node) else {
            let hint = did_you_mean(&row.table.node, tables.iter().map(|t| t.name.as_str()));
            cx.error(
                row.table.span,
                format!("例中引用了未知的表“{}”", row.table.node),
                hint,
            );
            ok = false;
            continue;
        };
        let spec = &tables[ti];
        let mut values = vec![Value::Empty; spec.columns.len()];
        for (col, lit) in &row.cells {
            let Some(ci) = spec.column_index(&col.node) else {
                let hint = did_you_mean(&col.node, spec.columns.iter().map(|c| c.name.as_str()));
                cx.error(
                    col.span,
                    format!("表“{}”没有列“{}”", spec.name, col.node),
                    hint,
                );
                ok = false;
                continue;
            };
            let want = column_ty(&spec.columns[ci].ty);
            let got = literal_ty(&lit.node);
            if !super::compile::comparable(&want, &got) || got == Ty::Percent && want == Ty::Number
            {
                cx.error(
                    lit.span,
                    format!("列“{}”应为{}，这里是{}", col.node, want.name(), got.name()),
                    None,
                );
                ok = false;
                continue;
            }
            values[ci] = literal_value(&lit.node);
        }
        // Example rows stand at sheet rows 2, 3, … below a header in row 1.
        let sheet_row = (n + 2) as u32;
        if Some(ti) == facts {
            out.facts = Some(Row {
                sheet_row: 1,
                values,
            });
        } else {
            match out.tables.iter_mut().find(|(t, _)| *t == ti) {
                Some((_, rows)) => rows.push(Row { sheet_row, values }),
                None => out.tables.push((ti, vec![Row { sheet_row, values }])),
            }
        }
    }
    for (violates, ids) in &ex.expects {
        for id in ids {
            if set.rule(&id.node).is_none() {
                let hint = did_you_mean(&id.node, set.rules.iter().map(|r| r.id.as_str()));
                cx.error(
                    id.span,
                    format!("规则集“{}”中没有规则“{}”", set.name, id.node),
                    hint,
                );
                ok = false;
            } else if *violates {
                out.expect_violated.push(id.node.clone());
            } else {
                out.expect_passed.push(id.node.clone());
            }
        }
    }
    if ex.expects.is_empty() {
        cx.error(
            ex.span,
            format!(
                "例“{}”没有 期望（期望 违反 规则编号 / 期望 通过 规则编号）",
                ex.title
            ),
            None,
        );
        ok = false;
    }
    ok.then_some(out)
}
