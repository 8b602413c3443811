//! pest parse tree → [`FileAst`]. Syntax errors become [`LoadError`]s with
//! Chinese names for what was expected.

use super::ast::*;
use super::diagnostics::{LoadError, Sources, did_you_mean};
use crate::table::ColumnType;
use crate::value::{
    Amount, AmountUnit, Percent, Period, PeriodUnit, parse_chinese_integer, parse_date,
};
use pest::Parser;
use pest::iterators::Pair;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(pest_derive::Parser)]
#[grammar = "dsl/grammar.pest"]
struct RulesParser;

type P<'a> = Pair<'a, Rule>;

/// Parse-tree nodes one expression may have (see `Builder::bounded_expr`).
const MAX_EXPR_NODES: usize = 2000;

/// Parses one loaded file.
pub fn parse_file(sources: &Sources, file: usize) -> Result<FileAst, Vec<LoadError>> {
    let text = sources.files[file].text.clone();
    let pairs =
        RulesParser::parse(Rule::file, &text).map_err(|e| recover(sources, file, &text, e))?;
    let mut b = Builder {
        sources,
        file,
        errors: Vec::new(),
        offset: 0,
    };
    let mut ast = FileAst::default();
    for item in pairs
        .into_iter()
        .next()
        .into_iter()
        .flat_map(|p| p.into_inner())
    {
        match item.as_rule() {
            Rule::ruleset_decl => ast.rulesets.push(b.ruleset(item)),
            Rule::document_decl => ast.documents.push(b.document(item)),
            Rule::table_decl => ast.tables.push(b.table(item, false)),
            Rule::facts_decl => ast.tables.push(b.table(item, true)),
            Rule::param_decl => {
                if let Some(p) = b.param(item) {
                    ast.params.push(p)
                }
            }
            Rule::rule_decl => ast.rules.push(b.rule(item)),
            Rule::example_decl => ast.examples.push(b.example(item)),
            _ => {}
        }
    }
    if b.errors.is_empty() {
        Ok(ast)
    } else {
        Err(b.errors)
    }
}

/// Parses a standalone expression (used for `{…}` in message templates).
pub fn parse_expr_at(
    sources: &Sources,
    file: usize,
    offset: usize,
    text: &str,
) -> Result<Expr, Vec<LoadError>> {
    let pairs = RulesParser::parse(Rule::expr_only, text).map_err(|e| {
        let pos = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        sources.error(
            Span {
                file,
                start: offset + pos,
                end: offset + pos + 1,
            },
            format!("说明中的表达式“{text}”无法解析：{}", expected_words(&e)),
        )
    });
    let pairs = pairs.map_err(|e| vec![e])?;
    let mut b = Builder {
        sources,
        file,
        errors: Vec::new(),
        offset: 0,
    };
    b.offset = offset;
    let expr_pair = pairs.into_iter().next().and_then(|p| p.into_inner().next());
    let expr = match expr_pair {
        Some(p) => b.bounded_expr(p),
        None => {
            return Err(vec![sources.error(
                Span {
                    file,
                    start: offset,
                    end: offset + 1,
                },
                "说明中的表达式为空",
            )]);
        }
    };
    if b.errors.is_empty() {
        Ok(expr)
    } else {
        Err(b.errors)
    }
}

/// After a syntax error, parses each top-level item on its own: one error
/// per broken item, none in the items that are well formed (names they
/// declare are not resolved until the syntax is right, so nothing cascades).
fn recover(
    sources: &Sources,
    file: usize,
    text: &str,
    first: pest::error::Error<Rule>,
) -> Vec<LoadError> {
    let errors: Vec<LoadError> = super::items::item_ranges(text)
        .into_iter()
        .filter_map(|(start, end)| {
            let item = &text[start..end];
            let e = RulesParser::parse(Rule::file, item).err()?;
            let at = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            if at >= item.trim_end().len() && end < text.len() {
                // The item ran into the next one: say so, at the next one.
                let span = Span {
                    file,
                    start: end,
                    end: end + text[end..].find(char::is_whitespace).unwrap_or(1),
                };
                return Some(
                    sources.error(span, "语法错误：上一项缺少结尾的“}”（下一项从这里开始）"),
                );
            }
            Some(syntax_error_at(sources, file, text, start, e))
        })
        .collect();
    if errors.is_empty() {
        // The items parse alone but not together: report the whole file's.
        return vec![syntax_error(sources, file, text, first)];
    }
    errors
}

fn syntax_error(
    sources: &Sources,
    file: usize,
    text: &str,
    e: pest::error::Error<Rule>,
) -> LoadError {
    syntax_error_at(sources, file, text, 0, e)
}

/// A syntax error `e` in the part of `text` that starts at `offset`.
fn syntax_error_at(
    sources: &Sources,
    file: usize,
    text: &str,
    offset: usize,
    e: pest::error::Error<Rule>,
) -> LoadError {
    let pos = offset
        + match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
    let found: String = text[pos..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(12)
        .collect();
    let found_len = found.len().max(1);
    let span = Span {
        file,
        start: pos,
        end: pos + found_len,
    };
    let expected = expected_words(&e);
    let message = if found.is_empty() {
        format!("语法错误：文件意外结束，此处应为{expected}")
    } else {
        format!("语法错误：此处不应出现“{found}”，应为{expected}")
    };
    let keywords = expected_keyword_texts(&e);
    sources
        .error(span, message)
        .with_hint(did_you_mean(&found, keywords.iter().copied()))
}

fn expected_rules(e: &pest::error::Error<Rule>) -> Vec<Rule> {
    match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    }
}

fn expected_words(e: &pest::error::Error<Rule>) -> String {
    let mut words: Vec<&str> = expected_rules(e).into_iter().map(rule_name).collect();
    words.dedup();
    words.retain(|w| !w.is_empty());
    if words.is_empty() {
        "有效的内容".to_string()
    } else {
        words.truncate(8);
        words.join("、")
    }
}

/// Keyword spellings among the expected tokens, for did-you-mean.
fn expected_keyword_texts(e: &pest::error::Error<Rule>) -> Vec<&'static str> {
    let mut words = Vec::new();
    for rule in expected_rules(e) {
        match rule {
            Rule::rule_field => words.extend([
                "依据", "程度", "范围", "关联", "当", "要求", "说明", "位置", "生效", "失效",
            ]),
            Rule::ruleset_field => {
                words.extend(["名称", "文号", "发布", "生效", "失效", "继承", "标识"])
            }
            Rule::table_field => words.extend(["列", "依据", "别名", "合计行"]),
            Rule::column_opt => words.extend(["必填", "唯一", "别名"]),
            Rule::column_type | Rule::type_simple => words.extend([
                "文本",
                "数值",
                "金额",
                "百分比",
                "期间",
                "日期",
                "是否",
                "枚举",
            ]),
            Rule::level_word => {
                words.extend(["应当", "必须", "不得", "一般", "原则上", "鼓励", "可以"])
            }
            Rule::example_field => words.extend(["期望", "截至"]),
            other => words.extend(keyword_text(other)),
        }
    }
    words
}

fn keyword_text(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::kw_ruleset => "规则集",
        Rule::kw_document => "文件",
        Rule::kw_table => "表",
        Rule::kw_facts => "事实",
        Rule::kw_column => "列",
        Rule::kw_param => "参数",
        Rule::kw_rule => "规则",
        Rule::kw_example => "例",
        Rule::kw_source => "依据",
        Rule::kw_level => "程度",
        Rule::kw_scope => "范围",
        Rule::kw_join => "关联",
        Rule::kw_when => "当",
        Rule::kw_require => "要求",
        Rule::kw_message => "说明",
        Rule::kw_at => "位置",
        Rule::kw_title => "名称",
        Rule::kw_docno => "文号",
        Rule::kw_issued => "发布",
        Rule::kw_effective => "生效",
        Rule::kw_expires => "失效",
        Rule::kw_inherits => "继承",
        Rule::kw_id => "标识",
        Rule::kw_alias => "别名",
        Rule::kw_required => "必填",
        Rule::kw_unique => "唯一",
        Rule::kw_expect => "期望",
        Rule::kw_violates => "违反",
        Rule::kw_passes => "通过",
        Rule::kw_each => "每行",
        Rule::kw_whole => "整表",
        Rule::kw_group => "分组",
        Rule::kw_by => "按",
        Rule::kw_text => "文本",
        Rule::kw_number => "数值",
        Rule::kw_amount => "金额",
        Rule::kw_percent => "百分比",
        Rule::kw_period => "期间",
        Rule::kw_date => "日期",
        Rule::kw_bool => "是否",
        Rule::kw_enum => "枚举",
        Rule::kw_data => "数据",
        _ => return None,
    })
}

fn rule_name(rule: Rule) -> &'static str {
    if let Some(k) = keyword_text(rule) {
        return k;
    }
    match rule {
        Rule::EOI => "文件结尾",
        Rule::name | Rule::plain_name | Rule::quoted_name => "名称",
        Rule::rule_id => "规则编号",
        Rule::string => "带引号的文字",
        Rule::date_lit => "日期（如 2025-07-01）",
        Rule::literal | Rule::param_value => "值（金额、百分比、期间、日期、数字、文字或 是/否）",
        Rule::data_ref => "数据名（如 数据 \"北京.集中采购目录\"）",
        Rule::amount_lit => "金额（如 400万元）",
        Rule::period_lit | Rule::period_within => "期间（如 30日、3个工作日）",
        Rule::expr
        | Rule::or_expr
        | Rule::and_expr
        | Rule::not_expr
        | Rule::cmp_expr
        | Rule::sum
        | Rule::product
        | Rule::unary
        | Rule::postfix
        | Rule::atom => "表达式",
        Rule::cmp_op => "比较词（如 不超过、达到、>=）",
        Rule::range_word => "以上/以下/以内/内",
        Rule::level_word => "程度词（应当、必须、不得、一般、原则上、鼓励、可以）",
        Rule::column_type | Rule::type_simple => {
            "列类型（文本、数值、金额、百分比、期间、日期、是否、枚举）"
        }
        Rule::unit_name => "金额单位（元、万元、亿元）",
        Rule::article => "条款（如 第九条）",
        Rule::ruleset_field => "规则集字段（名称、文号、发布、生效、失效、继承、标识）",
        Rule::rule_field => "规则字段（依据、程度、范围、关联、当、要求、说明、位置、生效、失效）",
        Rule::table_field => "表字段（列、依据、别名、合计行）",
        Rule::column_opt => "列选项（必填、唯一、别名）",
        Rule::example_field | Rule::example_rows => "例字段（表名 { 列: 值 }、期望、截至）",
        Rule::example_cell => "列: 值",
        Rule::inclusion => "（含）",
        Rule::member_op => "属于",
        _ => "",
    }
}

struct Builder<'s> {
    sources: &'s Sources,
    file: usize,
    errors: Vec<LoadError>,
    /// Message-template expressions are parsed from a substring; their spans
    /// are shifted by the template's offset so errors point into the file.
    offset: usize,
}

impl Builder<'_> {
    fn span(&self, p: &P) -> Span {
        let s = p.as_span();
        Span {
            file: self.file,
            start: s.start() + self.offset,
            end: s.end() + self.offset,
        }
    }

    fn spanned_name(&self, p: P) -> Spanned<String> {
        Spanned::new(name_text(&p), self.span(&p))
    }

    fn err(&mut self, span: Span, message: impl Into<String>) {
        self.errors.push(self.sources.error(span, message));
    }

    fn ruleset(&mut self, p: P) -> RuleSetDecl {
        let mut inner = p.into_inner();
        inner.next(); // 规则集
        let mut d = RuleSetDecl {
            name: self.spanned_name(inner.next().expect("grammar: name")),
            ..Default::default()
        };
        for field in inner {
            let f = field.into_inner().next().expect("grammar: field");
            let rule = f.as_rule();
            let span = self.span(&f);
            let value = f.into_inner().nth(1).expect("grammar: field value");
            match rule {
                Rule::field_title => d.title = Some(string_text(&value)),
                Rule::field_docno => d.docno = Some(string_text(&value)),
                Rule::field_issued => d.issued = self.date(&value),
                Rule::field_effective => d.effective = self.date(&value),
                Rule::field_expires => d.expires = self.date(&value),
                Rule::field_inherits => d.inherits = Some(self.spanned_name(value)),
                Rule::field_id => d.id = Some(self.spanned_name(value)),
                _ => self.err(span, "规则集中不认识的字段"),
            }
        }
        d
    }

    fn document(&mut self, p: P) -> DocumentDecl {
        let mut inner = p.into_inner();
        inner.next(); // 文件
        let mut d = DocumentDecl {
            name: self.spanned_name(inner.next().expect("grammar: name")),
            title: None,
            docno: None,
            issued: None,
            effective: None,
        };
        for field in inner {
            let f = field.into_inner().next().expect("grammar: field");
            let rule = f.as_rule();
            let value = f.into_inner().nth(1).expect("grammar: field value");
            match rule {
                Rule::field_title => d.title = Some(string_text(&value)),
                Rule::field_docno => d.docno = Some(string_text(&value)),
                Rule::field_issued => d.issued = self.date(&value),
                Rule::field_effective => d.effective = self.date(&value),
                _ => {}
            }
        }
        d
    }

    fn table(&mut self, p: P, is_facts: bool) -> TableDecl {
        let mut inner = p.into_inner();
        inner.next(); // 表 / 事实
        let mut t = TableDecl {
            name: self.spanned_name(inner.next().expect("grammar: name")),
            is_facts,
            aliases: Vec::new(),
            has_total: false,
            columns: Vec::new(),
            citations: Vec::new(),
        };
        for field in inner {
            let f = field.into_inner().next().expect("grammar: table field");
            match f.as_rule() {
                Rule::column_decl => t.columns.push(self.column(f)),
                Rule::citation => t.citations.push(self.citation(f)),
                Rule::table_alias => t
                    .aliases
                    .extend(f.into_inner().skip(1).map(|s| string_text(&s))),
                Rule::table_total => t.has_total = true,
                _ => {}
            }
        }
        t
    }

    fn column(&mut self, p: P) -> ColumnDecl {
        let mut inner = p.into_inner();
        inner.next(); // 列
        let name = self.spanned_name(inner.next().expect("grammar: column name"));
        let ty_pair = inner
            .next()
            .expect("grammar: column type")
            .into_inner()
            .next()
            .expect("grammar: type");
        let ty = match ty_pair.as_rule() {
            Rule::type_enum => ColumnType::枚举(
                ty_pair
                    .into_inner()
                    .skip(1)
                    .map(|s| string_text(&s))
                    .collect(),
            ),
            Rule::type_amount => {
                let unit = ty_pair
                    .into_inner()
                    .nth(1)
                    .and_then(|u| AmountUnit::parse(u.as_str()))
                    .unwrap_or(AmountUnit::元);
                ColumnType::金额 { unit }
            }
            _ => match ty_pair.into_inner().next().map(|k| k.as_rule()) {
                Some(Rule::kw_text) => ColumnType::文本,
                Some(Rule::kw_number) => ColumnType::数值,
                Some(Rule::kw_percent) => ColumnType::百分比,
                Some(Rule::kw_period) => ColumnType::期间,
                Some(Rule::kw_date) => ColumnType::日期,
                _ => ColumnType::是否,
            },
        };
        let mut c = ColumnDecl {
            name,
            ty,
            required: false,
            unique: false,
            aliases: Vec::new(),
        };
        for opt in inner {
            let o = opt.into_inner().next().expect("grammar: column option");
            match o.as_rule() {
                Rule::opt_required => c.required = true,
                Rule::opt_unique => c.unique = true,
                Rule::opt_alias => c
                    .aliases
                    .extend(o.into_inner().skip(1).map(|s| string_text(&s))),
                _ => {}
            }
        }
        c
    }

    fn citation(&mut self, p: P) -> CitationAst {
        let span = self.span(&p);
        let mut c = CitationAst {
            document: None,
            article: String::new(),
            text: None,
            span,
        };
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::doc_ref => {
                    let inner = part.into_inner().next().expect("grammar: doc name");
                    c.document = Some(Spanned::new(
                        inner.as_str().trim().to_string(),
                        self.span(&inner),
                    ));
                }
                Rule::article => c.article = part.as_str().to_string(),
                Rule::string => c.text = Some(string_text(&part)),
                _ => {}
            }
        }
        c
    }

    fn param(&mut self, p: P) -> Option<ParamDecl> {
        let span = self.span(&p);
        let mut overrides = false;
        let mut name = None;
        let mut value = None;
        let mut data = None;
        let mut citations = Vec::new();
        let mut note = None;
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::override_mark => overrides = true,
                Rule::name => name = Some(self.spanned_name(part)),
                Rule::param_value => {
                    let v = part.into_inner().next().expect("grammar: param value");
                    let vspan = self.span(&v);
                    if v.as_rule() == Rule::data_ref {
                        let s = v.into_inner().nth(1).expect("grammar: data name");
                        data = Some(Spanned::new(string_text(&s), vspan));
                        value = Some(Spanned::new(Literal::Empty, vspan));
                    } else {
                        value = Some(Spanned::new(self.literal_or_set(v)?, vspan));
                    }
                }
                Rule::param_field => {
                    let f = part.into_inner().next().expect("grammar: param field");
                    match f.as_rule() {
                        Rule::citation => citations.push(self.citation(f)),
                        Rule::field_note => note = f.into_inner().nth(1).map(|s| string_text(&s)),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Some(ParamDecl {
            name: name?,
            value: value?,
            data,
            overrides,
            citations,
            note,
            span,
        })
    }

    fn rule(&mut self, p: P) -> RuleDecl {
        let span = self.span(&p);
        let mut r = RuleDecl {
            id: Spanned::new(String::new(), span),
            title: String::new(),
            overrides: false,
            citations: Vec::new(),
            level: None,
            scope: None,
            join: None,
            when: Vec::new(),
            require: None,
            message: None,
            at: None,
            effective: None,
            expires: None,
            span,
        };
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::override_mark => r.overrides = true,
                Rule::rule_id => r.id = Spanned::new(part.as_str().to_string(), self.span(&part)),
                Rule::string => r.title = string_text(&part),
                Rule::rule_field => {
                    let f = part.into_inner().next().expect("grammar: rule field");
                    self.rule_field(&mut r, f);
                }
                _ => {}
            }
        }
        r
    }

    fn rule_field(&mut self, r: &mut RuleDecl, f: P) {
        let fspan = self.span(&f);
        match f.as_rule() {
            Rule::citation => r.citations.push(self.citation(f)),
            Rule::rule_level => {
                let w = f.into_inner().nth(1).expect("grammar: level word");
                let level = match w.as_str() {
                    "应当" | "shall" => Level::应当,
                    "必须" | "must" => Level::必须,
                    "不得" => Level::不得,
                    "一般" | "should" => Level::一般,
                    "原则上" => Level::原则上,
                    "鼓励" => Level::鼓励,
                    _ => Level::可以,
                };
                if r.level.is_some() {
                    self.err(fspan, "程度重复出现");
                }
                r.level = Some(Spanned::new(level, self.span(&w)));
            }
            Rule::rule_scope => {
                let mut inner = f.into_inner();
                inner.next(); // 范围
                let table = self.spanned_name(inner.next().expect("grammar: scope table"));
                let mode = match inner.next() {
                    None => ScopeMode::EachRow,
                    Some(m) => match m.as_rule() {
                        Rule::scope_each => ScopeMode::EachRow,
                        Rule::scope_whole => ScopeMode::Whole,
                        _ => ScopeMode::Group(
                            m.into_inner()
                                .filter(|x| x.as_rule() == Rule::name)
                                .map(|x| self.spanned_name(x))
                                .collect(),
                        ),
                    },
                };
                if r.scope.is_some() {
                    self.err(fspan, "范围重复出现：一条规则只有一个范围");
                }
                r.scope = Some(ScopeAst {
                    table,
                    mode,
                    span: fspan,
                });
            }
            Rule::rule_join => {
                let mut names = Vec::new();
                let mut has_alias = false;
                for x in f.into_inner() {
                    match x.as_rule() {
                        Rule::name => names.push(self.spanned_name(x)),
                        Rule::kw_as => has_alias = true,
                        _ => {}
                    }
                }
                let mut it = names.into_iter();
                let table = it.next().expect("grammar: join table");
                let alias = if has_alias { it.next() } else { None };
                let left_key = it.next().expect("grammar: join key");
                let right_key = it.next().unwrap_or_else(|| left_key.clone());
                if r.join.is_some() {
                    self.err(fspan, "关联重复出现：一条规则只能关联一张表");
                }
                r.join = Some(JoinAst {
                    table,
                    alias,
                    left_key,
                    right_key,
                    span: fspan,
                });
            }
            Rule::rule_when => {
                let e = f.into_inner().nth(1).expect("grammar: when expr");
                let e = self.bounded_expr(e);
                r.when.push(e);
            }
            Rule::rule_require => {
                let e = f.into_inner().nth(1).expect("grammar: require expr");
                if r.require.is_some() {
                    self.err(fspan, "要求重复出现：多个条件请用“且”连接");
                }
                r.require = Some(self.bounded_expr(e));
            }
            Rule::rule_message => {
                let s = f.into_inner().nth(1).expect("grammar: message string");
                let inner = s
                    .clone()
                    .into_inner()
                    .next()
                    .expect("grammar: string inner");
                r.message = Some(Spanned::new(inner.as_str().to_string(), self.span(&inner)));
            }
            Rule::rule_at => {
                let n = f.into_inner().nth(1).expect("grammar: at name");
                r.at = Some(self.spanned_name(n));
            }
            Rule::field_effective => {
                r.effective = f.into_inner().nth(1).and_then(|d| self.date(&d))
            }
            Rule::field_expires => r.expires = f.into_inner().nth(1).and_then(|d| self.date(&d)),
            _ => {}
        }
    }

    fn example(&mut self, p: P) -> ExampleDecl {
        let span = self.span(&p);
        let mut ex = ExampleDecl {
            title: String::new(),
            rows: Vec::new(),
            expects: Vec::new(),
            as_of: None,
            span,
        };
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::string => ex.title = string_text(&part),
                Rule::example_field => {
                    let f = part.into_inner().next().expect("grammar: example field");
                    match f.as_rule() {
                        Rule::example_rows => {
                            let rspan = self.span(&f);
                            let mut inner = f.into_inner();
                            let table =
                                self.spanned_name(inner.next().expect("grammar: example table"));
                            let mut cells = Vec::new();
                            for cell in inner {
                                let mut c = cell.into_inner();
                                let col = self.spanned_name(c.next().expect("grammar: cell name"));
                                let v = c.next().expect("grammar: cell value");
                                let vspan = self.span(&v);
                                let lit = if v.as_rule() == Rule::empty_lit {
                                    Some(Literal::Empty)
                                } else {
                                    self.literal_or_set(v)
                                };
                                if let Some(lit) = lit {
                                    cells.push((col, Spanned::new(lit, vspan)));
                                }
                            }
                            ex.rows.push(ExampleRow {
                                table,
                                cells,
                                span: rspan,
                            });
                        }
                        Rule::example_expect => {
                            let mut violates = true;
                            let mut ids = Vec::new();
                            for x in f.into_inner() {
                                match x.as_rule() {
                                    Rule::expect_passes => violates = false,
                                    Rule::rule_id => ids
                                        .push(Spanned::new(x.as_str().to_string(), self.span(&x))),
                                    _ => {}
                                }
                            }
                            ex.expects.push((violates, ids));
                        }
                        Rule::example_asof => {
                            ex.as_of = f.into_inner().nth(1).and_then(|d| self.date(&d))
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        ex
    }

    fn date(&mut self, p: &P) -> Option<chrono::NaiveDate> {
        match parse_date(p.as_str()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(self.span(p), e.to_string());
                None
            }
        }
    }

    fn literal_or_set(&mut self, p: P) -> Option<Literal> {
        match p.as_rule() {
            Rule::set_lit => {
                let mut items = Vec::new();
                for x in p.into_inner() {
                    items.push(self.literal_or_set(x)?);
                }
                Some(Literal::Set(items))
            }
            Rule::literal => self.literal_or_set(p.into_inner().next().expect("grammar: literal")),
            _ => self.literal(p),
        }
    }

    fn literal(&mut self, p: P) -> Option<Literal> {
        let text = p.as_str();
        let span = self.span(&p);
        let result = match p.as_rule() {
            Rule::date_lit => parse_date(text)
                .map(Literal::Date)
                .map_err(|e| e.to_string()),
            Rule::amount_lit => Amount::parse_literal(text)
                .map(Literal::Amount)
                .map_err(|e| e.to_string()),
            Rule::percent_lit => Percent::parse(text)
                .map(Literal::Percent)
                .map_err(|e| e.to_string()),
            Rule::period_lit => parse_period_literal(text).map(Literal::Period),
            Rule::number_lit => Decimal::from_str(&text.replace(',', ""))
                .map(Literal::Number)
                .map_err(|_| format!("“{text}”不是有效的数字")),
            Rule::bool_lit => Ok(Literal::Bool(matches!(text, "是" | "true"))),
            Rule::string => Ok(Literal::Text(string_text(&p))),
            _ => Err(format!("“{text}”不是值")),
        };
        match result {
            Ok(l) => Some(l),
            Err(msg) => {
                self.err(span, msg);
                None
            }
        }
    }

    /// An expression, unless it is too big to handle safely: a chain of
    /// operators builds a tree as deep as it is long, and the checker, the
    /// engine and dropping the tree all recurse once per level. The parse
    /// tree's size bounds that depth (it holds about eight nodes per
    /// operand); no real rule comes near the limit.
    fn bounded_expr(&mut self, p: P) -> Expr {
        let span = self.span(&p);
        if p.clone()
            .into_inner()
            .flatten()
            .nth(MAX_EXPR_NODES)
            .is_some()
        {
            let hint = format!(
                "一个条件最多约 {} 个运算对象；请拆成几条规则或几个“当”",
                MAX_EXPR_NODES / 8
            );
            let e = self.sources.error(span, "表达式过于复杂，无法处理");
            self.errors.push(e.with_hint(Some(hint)));
            return Expr {
                kind: ExprKind::Lit(Literal::Empty),
                span,
            };
        }
        self.expr(p)
    }

    fn expr(&mut self, p: P) -> Expr {
        let span = self.span(&p);
        match p.as_rule() {
            Rule::expr => self.expr(p.into_inner().next().expect("grammar: expr")),
            Rule::or_expr | Rule::and_expr => {
                let is_or = p.as_rule() == Rule::or_expr;
                let parts: Vec<Expr> = p
                    .into_inner()
                    .filter(|x| !matches!(x.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|x| self.expr(x))
                    .collect();
                if parts.len() == 1 {
                    parts.into_iter().next().expect("one part")
                } else if is_or {
                    Expr {
                        kind: ExprKind::Or(parts),
                        span,
                    }
                } else {
                    Expr {
                        kind: ExprKind::And(parts),
                        span,
                    }
                }
            }
            Rule::not_expr => {
                let mut nots = 0;
                let mut inner = None;
                for x in p.into_inner() {
                    if x.as_rule() == Rule::not_op {
                        nots += 1;
                    } else {
                        inner = Some(self.expr(x));
                    }
                }
                let mut e = inner.expect("grammar: not operand");
                for _ in 0..nots {
                    e = Expr {
                        kind: ExprKind::Not(Box::new(e)),
                        span,
                    };
                }
                e
            }
            Rule::cmp_expr => self.cmp(p, span),
            Rule::sum | Rule::product => {
                let mut inner = p.into_inner();
                let mut acc = self.expr(inner.next().expect("grammar: operand"));
                while let Some(op) = inner.next() {
                    let rhs = self.expr(inner.next().expect("grammar: operand"));
                    let op = match op.as_str() {
                        "+" => ArithOp::Add,
                        "-" => ArithOp::Sub,
                        "×" | "*" => ArithOp::Mul,
                        _ => ArithOp::Div,
                    };
                    let s = Span {
                        file: span.file,
                        start: acc.span.start,
                        end: rhs.span.end,
                    };
                    acc = Expr {
                        kind: ExprKind::Arith(op, Box::new(acc), Box::new(rhs)),
                        span: s,
                    };
                }
                acc
            }
            Rule::unary => {
                let mut inner = p.into_inner().peekable();
                let neg = inner.peek().map(|x| x.as_rule()) == Some(Rule::neg);
                if neg {
                    inner.next();
                }
                let e = self.expr(inner.next().expect("grammar: unary operand"));
                if neg {
                    Expr {
                        kind: ExprKind::Neg(Box::new(e)),
                        span,
                    }
                } else {
                    e
                }
            }
            Rule::postfix => {
                let mut inner = p.into_inner();
                let e = self.expr(inner.next().expect("grammar: atom"));
                inner.next(); // 起
                match inner.next() {
                    Some(period) => {
                        let per = self.period_operand(period);
                        Expr {
                            kind: ExprKind::Deadline(Box::new(e), Box::new(per)),
                            span,
                        }
                    }
                    None => e,
                }
            }
            Rule::atom => self.expr(p.into_inner().next().expect("grammar: atom inner")),
            Rule::literal | Rule::set_lit => {
                let lit = self.literal_or_set(p).unwrap_or(Literal::Empty);
                Expr {
                    kind: ExprKind::Lit(lit),
                    span,
                }
            }
            Rule::call => {
                let mut inner = p.into_inner();
                let name = self.spanned_name(inner.next().expect("grammar: call name"));
                let args = inner.map(|a| self.expr(a)).collect();
                Expr {
                    kind: ExprKind::Call(name, args),
                    span,
                }
            }
            Rule::qualified => {
                let mut inner = p.into_inner();
                let a = inner
                    .next()
                    .expect("grammar: qualifier")
                    .as_str()
                    .to_string();
                let b = inner
                    .next()
                    .expect("grammar: qualified name")
                    .as_str()
                    .to_string();
                Expr {
                    kind: ExprKind::Qualified(a, b),
                    span,
                }
            }
            Rule::name => Expr {
                kind: ExprKind::Name(name_text(&p)),
                span,
            },
            _ => {
                self.err(span, format!("无法理解的表达式“{}”", p.as_str()));
                Expr {
                    kind: ExprKind::Lit(Literal::Empty),
                    span,
                }
            }
        }
    }

    /// The period after 起: a literal (`30日`, `30日内`) or a parameter name.
    fn period_operand(&mut self, p: P) -> Expr {
        let span = self.span(&p);
        let lit = match p.as_rule() {
            Rule::period_within => p
                .clone()
                .into_inner()
                .next()
                .map(|x| x.as_str().to_string()),
            Rule::period_lit => Some(p.as_str().to_string()),
            _ => None,
        };
        match lit {
            Some(text) => match parse_period_literal(&text) {
                Ok(per) => Expr {
                    kind: ExprKind::Lit(Literal::Period(per)),
                    span,
                },
                Err(msg) => {
                    self.err(span, msg);
                    Expr {
                        kind: ExprKind::Lit(Literal::Empty),
                        span,
                    }
                }
            },
            None => Expr {
                kind: ExprKind::Name(name_text(&p)),
                span,
            },
        }
    }

    fn cmp(&mut self, p: P, span: Span) -> Expr {
        let mut inner = p.into_inner();
        let lhs = self.expr(inner.next().expect("grammar: cmp lhs"));
        let Some(tail) = inner.next() else { return lhs };
        let tail_span = self.span(&tail);
        let parts: Vec<P> = tail.clone().into_inner().collect();
        match tail.as_rule() {
            Rule::op_tail => {
                let op_word = parts[0].as_str();
                let rhs = self.expr(parts[1].clone());
                let incl = parts.get(2).map(|x| x.as_str());
                let op = apply_inclusion(comparison_word(op_word), incl);
                Expr {
                    kind: ExprKind::Cmp(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            }
            Rule::range_tail => {
                let rhs = self.expr(parts[1].clone());
                let op = match parts[2].as_str() {
                    "以上" => CmpOp::Ge,
                    _ => CmpOp::Le,
                };
                let op = apply_inclusion(op, parts.get(3).map(|x| x.as_str()));
                Expr {
                    kind: ExprKind::Cmp(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            }
            Rule::within_tail => {
                let start = self.expr(parts[1].clone());
                let per = self.period_operand(parts[3].clone());
                Expr {
                    kind: ExprKind::Within(Box::new(lhs), Box::new(start), Box::new(per)),
                    span,
                }
            }
            Rule::empty_tail => {
                let negated = parts.first().map(|x| x.as_rule()) == Some(Rule::kw_not_empty);
                Expr {
                    kind: ExprKind::IsEmpty(Box::new(lhs), negated),
                    span,
                }
            }
            Rule::member_tail => {
                let negated = matches!(parts[0].as_str(), "不属于" | "not-in");
                let set = self.expr(parts[1].clone());
                Expr {
                    kind: ExprKind::Member(Box::new(lhs), Box::new(set), negated),
                    span,
                }
            }
            _ => {
                self.err(tail_span, "无法理解的比较");
                lhs
            }
        }
    }
}

fn comparison_word(word: &str) -> CmpOp {
    match word {
        "=" | "==" | "等于" => CmpOp::Eq,
        "!=" | "<>" | "≠" | "不等于" => CmpOp::Ne,
        ">=" | "≥" | "不少于" | "不低于" | "达到" | "不早于" => CmpOp::Ge,
        "<=" | "≤" | "不超过" | "未超过" | "不高于" | "不多于" | "不晚于" => {
            CmpOp::Le
        }
        ">" | "超过" | "高于" | "大于" | "多于" | "晚于" => CmpOp::Gt,
        _ => CmpOp::Lt, // < 不足 不满 低于 小于 少于 早于
    }
}

/// （含） makes an exclusive word inclusive; （不含） the reverse.
fn apply_inclusion(op: CmpOp, inclusion: Option<&str>) -> CmpOp {
    match (op, inclusion.map(|s| s.contains("不含"))) {
        (CmpOp::Gt, Some(false)) => CmpOp::Ge,
        (CmpOp::Lt, Some(false)) => CmpOp::Le,
        (CmpOp::Ge, Some(true)) => CmpOp::Gt,
        (CmpOp::Le, Some(true)) => CmpOp::Lt,
        (op, _) => op,
    }
}

fn parse_period_literal(text: &str) -> Result<Period, String> {
    // The grammar accepts "天" and Chinese numerals; value::Period::parse does the rest.
    Period::parse(text)
        .map_err(|e| e.to_string())
        .or_else(|err| {
            let digits: String = text
                .chars()
                .take_while(|c| !matches!(c, '日' | '天' | '个' | '工' | '月' | '年'))
                .collect();
            let unit_text = &text[digits.len()..];
            let count = digits
                .parse::<u32>()
                .ok()
                .or_else(|| parse_chinese_integer(&digits).and_then(|n| u32::try_from(n).ok()));
            let unit = match unit_text {
                "日" | "天" => Some(PeriodUnit::日),
                "工作日" | "个工作日" => Some(PeriodUnit::工作日),
                "月" | "个月" => Some(PeriodUnit::月),
                "年" => Some(PeriodUnit::年),
                _ => None,
            };
            match (count, unit) {
                (Some(c), Some(u)) => Ok(Period::new(c, u)),
                _ => Err(err),
            }
        })
}

fn name_text(p: &P) -> String {
    let s = p.as_str();
    s.strip_prefix('「')
        .and_then(|s| s.strip_suffix('」'))
        .unwrap_or(s)
        .to_string()
}

fn string_text(p: &P) -> String {
    p.clone()
        .into_inner()
        .next()
        .map(|x| x.as_str().to_string())
        .unwrap_or_default()
}
