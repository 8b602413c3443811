//! Reference data that changes every year or two, updated without a new
//! release: the State Council holiday calendar (one holiday-cn file per
//! year), the 品目分类目录, and per jurisdiction the 集中采购目录及限额标准.
//!
//! Data comes in layers, each added to the ones before: the copy built into
//! the binary (`rules/data/`), then `--rules DIR` (its `data/`), then the
//! data directory (`jicai data add`). A holiday file replaces the same
//! year's file of an earlier layer; a 目录 document applies from its 生效
//! date until the next version of the same 地区 takes over. Rules name the
//! data (`参数 集中采购目录品目 = 数据 "北京.集中采购目录"`) and get the
//! version in force on the check date.

pub mod name;
pub mod procurement;
pub mod store;

pub use name::{DataItem, DataName};
pub use procurement::ProcurementDoc;

use crate::calendar::{Calendar, CalendarError, HolidayYear};
use crate::model::RuleSet;
use crate::value::codes::Catalog;
use crate::value::{Amount, Value};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// A data file refused on load: file, line when known, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("数据文件 {file}{}：{message}", line.map(|l| format!(" 第{l}行")).unwrap_or_default())]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl DataError {
    pub fn at(file: &str, line: Option<usize>, message: String) -> DataError {
        DataError {
            file: file.to_string(),
            line,
            message,
        }
    }
}

impl From<CalendarError> for DataError {
    fn from(e: CalendarError) -> DataError {
        match e {
            CalendarError::BadData { file, line, detail } => DataError {
                file,
                line,
                message: detail,
            },
            other => DataError::at("", None, other.to_string()),
        }
    }
}

/// A serde message in Chinese for the common cases (missing or unknown
/// field, wrong type); anything else becomes a general remark.
pub(crate) fn serde_message(msg: &str) -> String {
    let quoted = |marker: &str| {
        msg.split(marker)
            .nth(1)
            .and_then(|s| s.split('`').next())
            .map(str::to_string)
    };
    if let Some(f) = quoted("missing field `") {
        return format!("缺少字段“{f}”");
    }
    if let Some(f) = quoted("unknown field `") {
        return format!("未知的字段“{f}”");
    }
    if msg.contains("invalid type") {
        return "某个字段的值类型不对（如日期应为文字、isOffDay 应为 true/false）".into();
    }
    if msg.contains("EOF") {
        return "文件不完整".into();
    }
    "格式有误".into()
}

/// Where a data file came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "dir", rename_all = "snake_case")]
pub enum Layer {
    /// Built into the binary (`rules/data/`).
    Builtin,
    /// `--rules DIR`: its `data/` folder.
    Rules(PathBuf),
    /// The data directory (`jicai data add`, `--data-dir`).
    DataDir(PathBuf),
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Builtin => write!(f, "内置"),
            Layer::Rules(d) => write!(f, "规则目录 {}", d.display()),
            Layer::DataDir(d) => write!(f, "数据目录 {}", d.display()),
        }
    }
}

/// The raw files of one layer: (display path, text) per kind.
#[derive(Debug, Default)]
pub struct LayerFiles {
    pub holidays: Vec<(String, String)>,
    pub procurement: Vec<(String, String)>,
}

/// A loaded file with its origin.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: String,
    pub layer: Layer,
    pub data: T,
}

/// The 品目分类目录 in use. One version is built in; it is named in reports.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueInfo {
    pub name: String,
    pub docno: String,
    pub codes: usize,
}

/// All reference data, layered and validated.
#[derive(Debug, Clone)]
pub struct RefData {
    /// The holiday file in use for each year (the last layer's).
    pub holidays: Vec<Loaded<HolidayYear>>,
    /// Files of earlier layers that a later layer replaced: (replaced, by).
    pub replaced: Vec<(String, String)>,
    /// Every 集中采购目录及限额标准 document, by 地区 then 生效.
    pub procurement: Vec<Loaded<ProcurementDoc>>,
    pub catalogue: CatalogueInfo,
}

/// One data version a check used, for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataVersion {
    /// 节假日安排, 品目分类目录, 集中采购目录及限额标准.
    pub kind: String,
    /// 2026年; 中央; 政府采购品目分类目录.
    pub name: String,
    /// 文号 or notice; empty when the source has none.
    pub version: String,
    /// 2020-01-01 起.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// 内置 / 规则目录 … / 数据目录 …, and the file.
    pub source: String,
}

impl RefData {
    /// The data built into the binary alone.
    pub fn builtin() -> &'static RefData {
        static BUILTIN: std::sync::OnceLock<RefData> = std::sync::OnceLock::new();
        // The files are compiled in and checked by the tests; failing here
        // is a broken build, not bad input.
        BUILTIN.get_or_init(|| store::load(None, None).expect("内置参考数据有误"))
    }

    /// Validates every file of every layer (earlier layers first) and puts
    /// them together. The first bad file stops loading.
    pub fn load(layers: Vec<(Layer, LayerFiles)>, catalog: &Catalog) -> Result<RefData, DataError> {
        let mut holidays: Vec<Loaded<HolidayYear>> = Vec::new();
        let mut replaced = Vec::new();
        let mut procurement: Vec<Loaded<ProcurementDoc>> = Vec::new();
        for (layer, files) in layers {
            for (file, text) in &files.holidays {
                let year = HolidayYear::parse(file, text)?;
                check_file_year(file, &year)?;
                let loaded = Loaded {
                    file: file.clone(),
                    layer: layer.clone(),
                    data: year,
                };
                match holidays
                    .iter()
                    .position(|h| h.data.year == loaded.data.year)
                {
                    Some(i) if holidays[i].layer != layer => {
                        replaced.push((describe(&holidays[i]), describe(&loaded)));
                        holidays[i] = loaded;
                    }
                    Some(i) => {
                        return Err(DataError::at(
                            file,
                            None,
                            format!(
                                "与同一来源的 {} 都是{}年的节假日安排",
                                holidays[i].file, loaded.data.year
                            ),
                        ));
                    }
                    None => holidays.push(loaded),
                }
            }
            for (file, text) in &files.procurement {
                let doc = ProcurementDoc::parse(file, text, catalog)?;
                let loaded = Loaded {
                    file: file.clone(),
                    layer: layer.clone(),
                    data: doc,
                };
                let same_start = procurement.iter().position(|p| {
                    p.data.地区 == loaded.data.地区 && p.data.生效 == loaded.data.生效
                });
                match same_start {
                    Some(i) if procurement[i].layer != layer => {
                        replaced.push((describe(&procurement[i]), describe(&loaded)));
                        procurement[i] = loaded;
                    }
                    Some(i) => {
                        return Err(DataError::at(
                            file,
                            Some(loaded.data.生效_line),
                            format!(
                                "{}的两份目录生效日期相同（{}）：另一份是 {}（{}）",
                                loaded.data.地区,
                                loaded.data.生效,
                                procurement[i].file,
                                procurement[i].data.文号
                            ),
                        ));
                    }
                    None => procurement.push(loaded),
                }
            }
        }
        holidays.sort_by_key(|h| h.data.year);
        procurement.sort_by(|a, b| (&a.data.地区, a.data.生效).cmp(&(&b.data.地区, b.data.生效)));
        check_overlaps(&procurement)?;
        Ok(RefData {
            holidays,
            replaced,
            procurement,
            catalogue: CatalogueInfo {
                name: "政府采购品目分类目录".into(),
                docno: "财库〔2022〕31号".into(),
                codes: catalog.len(),
            },
        })
    }

    /// The calendar these holiday files make.
    pub fn calendar(&self) -> Result<Calendar, CalendarError> {
        let years: Vec<HolidayYear> = self.holidays.iter().map(|h| h.data.clone()).collect();
        Calendar::from_years(&years)
    }

    /// The document of `地区` in force on `date`: the latest whose 生效 is
    /// not after `date`, unless it has expired.
    pub fn in_force(&self, 地区: &str, date: NaiveDate) -> Option<&Loaded<ProcurementDoc>> {
        self.procurement
            .iter()
            .rfind(|p| p.data.地区 == 地区 && p.data.生效 <= date)
            .filter(|p| p.data.失效.is_none_or(|end| date < end))
    }

    /// The value `name` has on `date`, or why it has none ("无法判断").
    pub fn resolve(&self, name: &DataName, date: NaiveDate) -> Result<DataValue, CalendarError> {
        let missing = |detail: String| CalendarError::DataMissing {
            name: format!("数据“{name}”"),
            detail,
        };
        let Some(doc) = self.in_force(&name.地区, date) else {
            let known: Vec<String> = self
                .procurement
                .iter()
                .filter(|p| p.data.地区 == name.地区)
                .map(|p| format!("{}（{}）", p.data.文号, p.data.period_text()))
                .collect();
            let have = if known.is_empty() {
                format!("没有{}的集中采购目录及限额标准", name.地区)
            } else {
                format!("{}的目录只有 {}", name.地区, known.join("、"))
            };
            return Err(missing(format!(
                "{date} 没有施行中的版本（{have}）。用“jicai data add 文件.yaml”添加该地区现行的集中采购目录及限额标准"
            )));
        };
        let d = &doc.data;
        match &name.item {
            DataItem::集中采购目录 { 执行机构 } => Ok(DataValue::Codes(
                d.codes(执行机构.as_deref())
                    .into_iter()
                    .map(|c| Value::Text(c.to_string()))
                    .collect(),
            )),
            DataItem::分散采购限额(c) | DataItem::公开招标数额(c) => {
                let limits = d.limits_of(name.级次.as_deref()).ok_or_else(|| {
                    let levels: Vec<&str> =
                        d.limits.iter().filter_map(|l| l.级次.as_deref()).collect();
                    missing(format!(
                        "{}（{}）没有{}的限额标准（有：{}）",
                        d.文号,
                        doc.file,
                        name.级次.as_deref().unwrap_or("未写级次"),
                        if levels.is_empty() {
                            "无".into()
                        } else {
                            levels.join("、")
                        }
                    ))
                })?;
                let table = match name.item {
                    DataItem::分散采购限额(_) => &limits.分散采购限额,
                    _ => &limits.公开招标数额,
                };
                table
                    .get(c.name())
                    .copied()
                    .map(DataValue::Amount)
                    .ok_or_else(|| {
                        missing(format!(
                            "{}（{}）没有规定{}的这一数额",
                            d.文号,
                            doc.file,
                            c.name()
                        ))
                    })
            }
        }
    }

    /// What a check on `date` uses: the 品目分类目录, the holiday files of
    /// the years around `date`, and the document in force for each 地区
    /// the rules name.
    pub fn versions_used(&self, names: &[DataName], date: NaiveDate) -> Vec<DataVersion> {
        let mut out = vec![DataVersion {
            kind: "品目分类目录".into(),
            name: self.catalogue.name.clone(),
            version: self.catalogue.docno.clone(),
            period: String::new(),
            source: "内置".into(),
        }];
        for h in &self.holidays {
            if !h.data.is_published() {
                continue;
            }
            out.push(DataVersion {
                kind: "节假日安排".into(),
                name: format!("{}年", h.data.year),
                version: h.data.papers.first().cloned().unwrap_or_default(),
                period: String::new(),
                source: source_text(h),
            });
        }
        let mut regions: Vec<&str> = names.iter().map(|n| n.地区.as_str()).collect();
        regions.sort();
        regions.dedup();
        for r in regions {
            if let Some(p) = self.in_force(r, date) {
                out.push(DataVersion {
                    kind: procurement::KIND.into(),
                    name: p.data.地区.clone(),
                    version: format!("{}《{}》", p.data.文号, p.data.名称),
                    period: p.data.period_text(),
                    source: source_text(p),
                });
            }
        }
        out
    }
}

/// The values of the data names a rule set uses, looked up once for the
/// check date; a name without a value carries the reason ("无法判断").
#[derive(Debug, Clone, Default)]
pub struct ResolvedData(HashMap<String, Result<DataValue, CalendarError>>);

impl ResolvedData {
    /// Looks up every data name of `set`'s parameters on `date`.
    pub fn for_set(data: &RefData, set: &RuleSet, date: NaiveDate) -> ResolvedData {
        ResolvedData(
            data_names(set)
                .map(|n| (n.to_string(), data.resolve(n, date)))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> Result<&DataValue, CalendarError> {
        match self.0.get(name) {
            Some(Ok(v)) => Ok(v),
            Some(Err(e)) => Err(e.clone()),
            None => Err(CalendarError::DataMissing {
                name: format!("数据“{name}”"),
                detail: "未加载".into(),
            }),
        }
    }

    /// The 品目 codes of a 目录 name.
    pub fn codes(&self, name: &str) -> Result<&[Value], CalendarError> {
        match self.get(name)? {
            DataValue::Codes(c) => Ok(c),
            DataValue::Amount(_) => Ok(&[]),
        }
    }

    /// The amount of a 限额 name (a 目录 name has no single value).
    pub fn value(&self, name: &str) -> Result<Value, CalendarError> {
        Ok(match self.get(name)? {
            DataValue::Amount(a) => Value::Amount(*a),
            DataValue::Codes(_) => Value::Empty,
        })
    }
}

/// The data names `set`'s parameters refer to.
pub fn data_names(set: &RuleSet) -> impl Iterator<Item = &DataName> {
    set.params.iter().filter_map(|p| p.data.as_ref())
}

/// Report lines for the versions a check used: one per kind, the holiday
/// years run together ("2019年、…、2026年（内置）").
pub fn versions_text(versions: &[DataVersion]) -> Vec<String> {
    let mut lines = Vec::new();
    let holidays: Vec<&DataVersion> = versions.iter().filter(|v| v.kind == "节假日安排").collect();
    for v in versions.iter().filter(|v| v.kind != "节假日安排") {
        let period = if v.period.is_empty() {
            String::new()
        } else {
            format!("，{}", v.period)
        };
        lines.push(format!(
            "{} {} {}{period}（{}）",
            v.kind, v.name, v.version, v.source
        ));
    }
    if !holidays.is_empty() {
        let years: Vec<&str> = holidays.iter().map(|v| v.name.as_str()).collect();
        let added: Vec<&str> = holidays
            .iter()
            .filter(|v| !v.source.starts_with("内置"))
            .map(|v| v.source.as_str())
            .collect();
        let from = if added.is_empty() {
            "内置".to_string()
        } else {
            format!("内置及 {}", added.join("、"))
        };
        lines.push(format!("节假日安排 {}（{from}）", years.join("、")));
    }
    lines
}

/// A value of reference data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataValue {
    Codes(Vec<Value>),
    Amount(Amount),
}

fn source_text<T>(l: &Loaded<T>) -> String {
    match l.layer {
        Layer::Builtin => format!("内置 {}", l.file),
        _ => l.file.clone(),
    }
}

fn describe<T>(l: &Loaded<T>) -> String {
    format!("{}（{}）", l.file, l.layer)
}

/// `2028.json` must hold the year 2028.
fn check_file_year(file: &str, year: &HolidayYear) -> Result<(), DataError> {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match stem.parse::<i32>() {
        Ok(y) if y != year.year => Err(DataError::at(
            file,
            None,
            format!("文件名是{y}年，内容中的 year 却是 {}", year.year),
        )),
        _ => Ok(()),
    }
}

/// Versions of one 地区 may not overlap: an explicit 失效 after the next
/// version's 生效 is an error (without 失效 a version ends where the next
/// one starts).
fn check_overlaps(docs: &[Loaded<ProcurementDoc>]) -> Result<(), DataError> {
    for pair in docs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.data.地区 != b.data.地区 {
            continue;
        }
        if let Some(end) = a.data.失效
            && end > b.data.生效
        {
            return Err(DataError::at(
                &a.file,
                a.data.失效_line,
                format!(
                    "{}的目录施行期间重叠：{}（{}）失效于 {end}，而 {}（{}）自 {} 起施行",
                    a.data.地区,
                    a.data.文号,
                    a.data.period_text(),
                    b.data.文号,
                    b.file,
                    b.data.生效
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    /// A 目录 document of 测试省 from `start` listing `codes`.
    fn doc(start: &str, end: Option<&str>, codes: &[&str]) -> String {
        let mut s = format!(
            "类型: 集中采购目录及限额标准\n地区: 测试省\n名称: 测试省目录 {start}\n文号: 测财〔{start}〕1号\n生效: {start}\n"
        );
        if let Some(e) = end {
            s.push_str(&format!("失效: {e}\n"));
        }
        s.push_str("来源: 单元测试\n集中采购目录:\n");
        for c in codes {
            s.push_str(&format!("  - {{ 品目: {c}, 执行机构: 集中采购机构 }}\n"));
        }
        s.push_str(
            "限额标准:\n  - 级次: 省级\n    分散采购限额: { 货物: 100万元, 工程: 120万元 }\n",
        );
        s
    }

    fn layer(layer: Layer, procurement: Vec<(&str, String)>) -> (Layer, LayerFiles) {
        (
            layer,
            LayerFiles {
                holidays: Vec::new(),
                procurement: procurement
                    .into_iter()
                    .map(|(n, t)| (n.to_string(), t))
                    .collect(),
            },
        )
    }

    fn load(layers: Vec<(Layer, LayerFiles)>) -> Result<RefData, DataError> {
        RefData::load(layers, Catalog::embedded())
    }

    fn codes_on(data: &RefData, date: NaiveDate) -> Result<Vec<Value>, CalendarError> {
        match data.resolve(&DataName::parse("测试省.集中采购目录").unwrap(), date)? {
            DataValue::Codes(c) => Ok(c),
            DataValue::Amount(_) => unreachable!("a 目录 name"),
        }
    }

    #[test]
    fn the_version_in_force_follows_the_dates() {
        let data = load(vec![layer(
            Layer::Builtin,
            vec![
                ("b.yaml", doc("2027-01-01", None, &["A05010000"])),
                ("a.yaml", doc("2025-01-01", None, &["A02010105"])),
            ],
        )])
        .unwrap();
        let text = |v: Vec<Value>| v.iter().map(Value::display).collect::<Vec<_>>();
        assert_eq!(
            text(codes_on(&data, ymd(2026, 12, 31)).unwrap()),
            ["A02010105"]
        );
        assert_eq!(
            text(codes_on(&data, ymd(2027, 1, 1)).unwrap()),
            ["A05010000"]
        );
        let err = codes_on(&data, ymd(2024, 12, 31)).unwrap_err().to_string();
        assert!(err.contains("2024-12-31 没有施行中的版本"), "{err}");
        assert!(err.contains("jicai data add"), "{err}");
        let limit = data
            .resolve(
                &DataName::parse("测试省.省级.分散采购限额.工程").unwrap(),
                ymd(2026, 1, 1),
            )
            .unwrap();
        assert_eq!(
            limit,
            DataValue::Amount(Amount::parse_literal("120万元").unwrap())
        );
        let err = data
            .resolve(
                &DataName::parse("测试省.省级.公开招标数额.货物").unwrap(),
                ymd(2026, 1, 1),
            )
            .unwrap_err();
        assert!(err.to_string().contains("没有规定货物的这一数额"), "{err}");
        let err = data
            .resolve(
                &DataName::parse("测试省.县级.分散采购限额.货物").unwrap(),
                ymd(2026, 1, 1),
            )
            .unwrap_err();
        assert!(
            err.to_string().contains("没有县级的限额标准（有：省级）"),
            "{err}"
        );
    }

    #[test]
    fn an_expired_version_is_not_in_force() {
        let data = load(vec![layer(
            Layer::Builtin,
            vec![(
                "a.yaml",
                doc("2025-01-01", Some("2026-01-01"), &["A02010105"]),
            )],
        )])
        .unwrap();
        assert!(codes_on(&data, ymd(2025, 12, 31)).is_ok());
        assert!(codes_on(&data, ymd(2026, 1, 1)).is_err());
    }

    #[test]
    fn overlapping_periods_are_refused() {
        let err = load(vec![layer(
            Layer::Builtin,
            vec![
                (
                    "a.yaml",
                    doc("2025-01-01", Some("2027-06-01"), &["A02010105"]),
                ),
                ("b.yaml", doc("2027-01-01", None, &["A05010000"])),
            ],
        )])
        .unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("a.yaml", Some(6)));
        assert!(err.message.contains("施行期间重叠"), "{err}");
        // Same start in one layer: refused; in a later layer: replaces.
        let same = |l: Layer| {
            load(vec![
                layer(
                    Layer::Builtin,
                    vec![("a.yaml", doc("2025-01-01", None, &["A02010105"]))],
                ),
                layer(l, vec![("c.yaml", doc("2025-01-01", None, &["A05010000"]))]),
            ])
        };
        let err = same(Layer::Builtin).unwrap_err();
        assert!(err.message.contains("生效日期相同"), "{err}");
        let data = same(Layer::DataDir("d".into())).unwrap();
        assert_eq!(data.replaced.len(), 1);
        assert_eq!(
            codes_on(&data, ymd(2025, 1, 1)).unwrap(),
            [Value::Text("A05010000".into())]
        );
    }

    #[test]
    fn bad_documents_name_the_line() {
        let ok = doc("2025-01-01", None, &["A02010105"]);
        for (text, line, says) in [
            (
                ok.replace("A02010105", "A99999999"),
                8,
                "不在《政府采购品目分类目录》中",
            ),
            (
                ok.replace("生效: 2025-01-01", "生效: 2025-13-01"),
                5,
                "不是有效的日期",
            ),
            (
                doc("2025-01-01", Some("2024-01-01"), &["A02010105"]),
                6,
                "应晚于生效日期",
            ),
            (
                ok.replace("执行机构: 集中采购机构", "执行机构: 某公司"),
                8,
                "执行机构“某公司”",
            ),
            (ok.replace("100万元", "很多钱"), 11, "不是有效的金额"),
            (ok.replace("100万元", "-5万元"), 11, "应大于零"),
            (
                ok.replace("货物: 100万元", "家具: 100万元"),
                11,
                "不是 货物、服务 或 工程",
            ),
            (
                ok.replace("类型: 集中采购目录及限额标准", "类型: 别的"),
                1,
                "“类型”应为",
            ),
            (
                ok.replace("来源: 单元测试\n", "来源: 单元测试\n颜色: 红\n"),
                7,
                "未知的字段“颜色”",
            ),
        ] {
            let err = ProcurementDoc::parse("x.yaml", &text, Catalog::embedded()).unwrap_err();
            assert_eq!(err.line, Some(line), "{says}: {err}");
            assert!(err.message.contains(says), "{says}: {err}");
            assert!(
                err.to_string()
                    .starts_with(&format!("数据文件 x.yaml 第{line}行：")),
                "{err}"
            );
        }
        let missing = ok.replace("文号: 测财〔2025-01-01〕1号\n", "");
        let err = ProcurementDoc::parse("x.yaml", &missing, Catalog::embedded()).unwrap_err();
        assert!(err.message.contains("缺少字段“文号”"), "{err}");
    }

    #[test]
    fn ranges_expand_to_catalogue_codes() {
        let text = doc("2025-01-01", None, &["A02010104-A02010108"]);
        let d = ProcurementDoc::parse("x.yaml", &text, Catalog::embedded()).unwrap();
        let codes = d.codes(None);
        assert_eq!(codes.first(), Some(&"A02010104"));
        assert_eq!(codes.last(), Some(&"A02010108"));
        assert!(codes.contains(&"A02010105"));
        assert!(codes.iter().all(|c| c.len() == 9));
        let backwards = doc("2025-01-01", None, &["A02010108-A02010104"]);
        let err = ProcurementDoc::parse("x.yaml", &backwards, Catalog::embedded()).unwrap_err();
        assert!(err.message.contains("起点大于终点"), "{err}");
    }

    #[test]
    fn builtin_data_loads() {
        let data = RefData::builtin();
        let central = data.in_force("中央", ymd(2026, 1, 1)).expect("中央");
        assert_eq!(central.data.文号, "国办发〔2019〕55号");
        let limit = |n: &str| {
            data.resolve(&DataName::parse(n).unwrap(), ymd(2026, 1, 1))
                .unwrap()
        };
        assert_eq!(
            limit("中央.分散采购限额.工程"),
            DataValue::Amount(Amount::parse_literal("120万元").unwrap())
        );
        assert_eq!(
            limit("中央.公开招标数额.服务"),
            DataValue::Amount(Amount::parse_literal("200万元").unwrap())
        );
        // 2027.json ships empty: the notice was not published when it was copied.
        assert!(
            data.holidays
                .iter()
                .any(|h| h.data.year == 2027 && !h.data.is_published())
        );
        let years: Vec<i32> = data
            .calendar()
            .unwrap()
            .covered_years()
            .iter()
            .copied()
            .collect();
        assert_eq!(years, (2019..=2026).collect::<Vec<_>>());
    }
}
