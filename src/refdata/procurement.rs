//! 集中采购目录及限额标准: one YAML file per published document, with its
//! 文号, effective period and source, the 品目 of the 集中采购目录 (codes or
//! ranges, each with its 执行机构) and the 限额标准 by 级次 and 货物/服务/工程.
//!
//! ```yaml
//! 类型: 集中采购目录及限额标准
//! 地区: 中央
//! 名称: 中央预算单位政府集中采购目录及标准（2020年版）
//! 文号: 国办发〔2019〕55号
//! 生效: 2020-01-01
//! 来源: https://www.gov.cn/zhengce/content/2020-01/07/content_5467214.htm
//! 集中采购目录:
//!   - { 品目: A02010105, 名称: 台式计算机, 执行机构: 集中采购机构 }
//!   - { 品目: A02021001-A02021099, 名称: 打印设备, 执行机构: 集中采购机构 }
//! 限额标准:
//!   - 分散采购限额: { 货物: 100万元, 服务: 100万元, 工程: 120万元 }
//!     公开招标数额: { 货物: 200万元, 服务: 200万元 }
//! ```

use super::DataError;
use super::name::category_named;
use crate::value::codes::Catalog;
use crate::value::{Amount, parse_date};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

/// The value of `类型:` that marks such a file.
pub const KIND: &str = "集中采购目录及限额标准";

/// The 执行机构 a 目录 item may name.
pub const AGENCIES: [&str; 2] = ["集中采购机构", "部门集中采购"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    类型: Spanned<String>,
    地区: Spanned<String>,
    名称: Spanned<String>,
    文号: Spanned<String>,
    #[serde(default)]
    发布: Option<Spanned<String>>,
    生效: Spanned<String>,
    #[serde(default)]
    失效: Option<Spanned<String>>,
    来源: Spanned<String>,
    #[serde(default)]
    备注: Option<String>,
    #[serde(default)]
    集中采购目录: Vec<Spanned<RawItem>>,
    #[serde(default)]
    限额标准: Vec<Spanned<RawLimits>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    品目: Spanned<String>,
    #[serde(default)]
    名称: Option<String>,
    执行机构: Spanned<String>,
    #[serde(default)]
    说明: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    #[serde(default)]
    级次: Option<String>,
    #[serde(default)]
    分散采购限额: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    公开招标数额: BTreeMap<String, Spanned<String>>,
}

/// One 目录 entry: a 品目 code (with everything under it) or a range of codes.
#[derive(Debug, Clone)]
pub struct CatalogueItem {
    /// As written: `A02010105` or `A02021001-A02021099`.
    pub written: String,
    /// The catalogue codes it stands for (a range expanded).
    pub codes: Vec<String>,
    pub 名称: Option<String>,
    pub 执行机构: String,
    pub 说明: Option<String>,
}

/// The 限额标准 of one 级次 (or the only one).
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub 级次: Option<String>,
    pub 分散采购限额: BTreeMap<&'static str, Amount>,
    pub 公开招标数额: BTreeMap<&'static str, Amount>,
}

/// A validated 集中采购目录及限额标准 document.
#[derive(Debug, Clone)]
pub struct ProcurementDoc {
    pub 地区: String,
    pub 名称: String,
    pub 文号: String,
    pub 发布: Option<NaiveDate>,
    pub 生效: NaiveDate,
    pub 失效: Option<NaiveDate>,
    pub 来源: String,
    pub 备注: Option<String>,
    pub items: Vec<CatalogueItem>,
    pub limits: Vec<Limits>,
    /// Lines of 生效 and 失效, for messages about overlapping periods.
    pub 生效_line: usize,
    pub 失效_line: Option<usize>,
}

impl ProcurementDoc {
    /// Parses and validates `text` (file `file`): schema, dates and their
    /// order, 品目 codes that exist in `catalog`, amounts.
    pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<ProcurementDoc, DataError> {
        let raw: RawDoc = serde_saphyr::from_str(text).map_err(|e| {
            let line = e.location().map(|l| l.line() as usize);
            DataError::at(
                file,
                line,
                format!("不是有效的{KIND}文件：{}", yaml_detail(&e)),
            )
        })?;
        let err = |line: u64, msg: String| DataError::at(file, Some(line as usize), msg);
        if raw.类型.value != KIND {
            return Err(err(
                raw.类型.referenced.line(),
                format!("“类型”应为“{KIND}”，这里是“{}”", raw.类型.value),
            ));
        }
        for (field, v) in [
            ("地区", &raw.地区),
            ("名称", &raw.名称),
            ("文号", &raw.文号),
            ("来源", &raw.来源),
        ] {
            if v.value.trim().is_empty() {
                return Err(err(v.referenced.line(), format!("“{field}”不能为空")));
            }
        }
        if raw.地区.value.contains('.') {
            return Err(err(
                raw.地区.referenced.line(),
                "“地区”中不能有“.”（数据名用它分隔各部分）".into(),
            ));
        }
        let date = |field: &str, v: &Spanned<String>| {
            parse_date(&v.value).map_err(|_| {
                err(
                    v.referenced.line(),
                    format!("“{field}”的“{}”不是有效的日期，应写作 2025-01-01", v.value),
                )
            })
        };
        let 生效 = date("生效", &raw.生效)?;
        let 失效 = raw.失效.as_ref().map(|v| date("失效", v)).transpose()?;
        let 发布 = raw.发布.as_ref().map(|v| date("发布", v)).transpose()?;
        if let (Some(end), Some(v)) = (失效, &raw.失效)
            && end <= 生效
        {
            return Err(err(
                v.referenced.line(),
                format!("失效日期 {end} 应晚于生效日期 {生效}"),
            ));
        }
        let mut items = Vec::new();
        for item in &raw.集中采购目录 {
            let i = &item.value;
            let line = i.品目.referenced.line();
            if !AGENCIES.contains(&i.执行机构.value.as_str()) {
                return Err(err(
                    i.执行机构.referenced.line(),
                    format!(
                        "执行机构“{}”应为 {}",
                        i.执行机构.value,
                        AGENCIES.join(" 或 ")
                    ),
                ));
            }
            let codes = expand(&i.品目.value, catalog).map_err(|m| err(line, m))?;
            items.push(CatalogueItem {
                written: i.品目.value.trim().to_string(),
                codes,
                名称: i.名称.clone(),
                执行机构: i.执行机构.value.clone(),
                说明: i.说明.clone(),
            });
        }
        let mut limits: Vec<Limits> = Vec::new();
        for l in &raw.限额标准 {
            let mut out = Limits {
                级次: l.value.级次.clone(),
                ..Limits::default()
            };
            if limits.iter().any(|x| x.级次 == out.级次) {
                return Err(err(
                    l.referenced.line(),
                    format!(
                        "限额标准中{}重复",
                        out.级次
                            .as_deref()
                            .map_or("未写级次的一组".to_string(), |s| format!(
                                "级次“{s}”"
                            ))
                    ),
                ));
            }
            for (table, target) in [
                (&l.value.分散采购限额, &mut out.分散采购限额),
                (&l.value.公开招标数额, &mut out.公开招标数额),
            ] {
                for (category, amount) in table {
                    let c = category_named(category).ok_or_else(|| {
                        err(
                            amount.referenced.line(),
                            format!("“{category}”不是 货物、服务 或 工程"),
                        )
                    })?;
                    let a = Amount::parse_literal(&amount.value).map_err(|_| {
                        err(
                            amount.referenced.line(),
                            format!("“{}”不是有效的金额，应写作 100万元", amount.value),
                        )
                    })?;
                    if a.yuan() <= rust_decimal::Decimal::ZERO {
                        return Err(err(
                            amount.referenced.line(),
                            format!("{category}的数额“{}”应大于零", amount.value),
                        ));
                    }
                    target.insert(c.name(), a);
                }
            }
            limits.push(out);
        }
        if items.is_empty() && limits.is_empty() {
            return Err(DataError::at(
                file,
                None,
                "既没有“集中采购目录”也没有“限额标准”".into(),
            ));
        }
        Ok(ProcurementDoc {
            地区: raw.地区.value.trim().to_string(),
            名称: raw.名称.value,
            文号: raw.文号.value,
            发布,
            生效,
            失效,
            来源: raw.来源.value,
            备注: raw.备注,
            items,
            limits,
            生效_line: raw.生效.referenced.line() as usize,
            失效_line: raw.失效.map(|v| v.referenced.line() as usize),
        })
    }

    /// The codes of the 目录, optionally only those of one 执行机构.
    pub fn codes(&self, agency: Option<&str>) -> Vec<&str> {
        self.items
            .iter()
            .filter(|i| agency.is_none_or(|a| i.执行机构 == a))
            .flat_map(|i| i.codes.iter().map(String::as_str))
            .collect()
    }

    /// The amounts of `级次` (or the only set when the document has one).
    pub fn limits_of(&self, 级次: Option<&str>) -> Option<&Limits> {
        match 级次 {
            Some(l) => self.limits.iter().find(|x| x.级次.as_deref() == Some(l)),
            None if self.limits.len() == 1 => self.limits.first(),
            None => self.limits.iter().find(|x| x.级次.is_none()),
        }
    }

    /// "2020-01-01 起" or "2020-01-01 至 2021-12-31".
    pub fn period_text(&self) -> String {
        match self.失效 {
            Some(end) => format!("{} 至 {}", self.生效, end.pred_opt().unwrap_or(end)),
            None => format!("{} 起", self.生效),
        }
    }
}

/// A code, or `LOW-HIGH` (also `~`, `至`): every catalogue code in between.
/// Both ends must exist in the catalogue.
fn expand(written: &str, catalog: &Catalog) -> Result<Vec<String>, String> {
    let written = written.trim();
    let exists = |code: &str| -> Result<String, String> {
        let code = code.trim().to_ascii_uppercase();
        if catalog.get(&code).is_some() {
            Ok(code)
        } else {
            Err(format!("品目“{code}”不在《政府采购品目分类目录》中"))
        }
    };
    let Some((low, high)) = written
        .split_once('-')
        .or_else(|| written.split_once('~'))
        .or_else(|| written.split_once('至'))
    else {
        return Ok(vec![exists(written)?]);
    };
    let (low, high) = (exists(low)?, exists(high)?);
    if low > high {
        return Err(format!("品目范围“{written}”的起点大于终点"));
    }
    let mut codes: Vec<String> = catalog
        .entries()
        .map(|e| e.code.clone())
        .filter(|c| c.len() == low.len() && *c >= low && *c <= high)
        .collect();
    codes.sort();
    Ok(codes)
}

/// serde-saphyr's message without its own location suffix (the line is
/// reported by us).
fn yaml_detail(e: &serde_saphyr::Error) -> String {
    let text = e.to_string();
    let text = text.lines().next().unwrap_or_default().to_string();
    if let Some(field) = text
        .split("unknown field `")
        .nth(1)
        .and_then(|s| s.split('`').next())
    {
        return format!("未知的字段“{field}”");
    }
    if let Some(field) = text
        .split("missing field `")
        .nth(1)
        .and_then(|s| s.split('`').next())
    {
        return format!("缺少字段“{field}”");
    }
    "YAML 格式有误（应为“字段: 值”的映射，列表项以“- ”开头）".to_string()
}
