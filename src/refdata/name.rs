//! Names by which rules refer to reference data: `北京.集中采购目录`,
//! `中央.集中采购目录.集中采购机构`, `中央.分散采购限额.货物`,
//! `山东.省级.公开招标数额.服务`. A name says what kind of value it is, so a
//! rule is type-checked without the data; the value is looked up on the
//! check date.

use crate::model::Ty;
use crate::value::codes::品目类别;
use std::fmt;

/// What a data name selects from a 集中采购目录及限额标准 document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataItem {
    /// The 品目 of the 集中采购目录, optionally only those of one 执行机构.
    集中采购目录 { 执行机构: Option<String> },
    /// 分散采购限额标准 for goods, services or works.
    分散采购限额(品目类别),
    /// 公开招标数额标准 for goods, services or works.
    公开招标数额(品目类别),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataName {
    pub 地区: String,
    /// 省级、市级、县级…; `None` when the document has one set of amounts.
    pub 级次: Option<String>,
    pub item: DataItem,
}

impl DataName {
    /// Parses `地区[.级次].项目[.类别或执行机构]`; the error is a Chinese
    /// sentence saying what was expected.
    pub fn parse(text: &str) -> Result<DataName, String> {
        let parts: Vec<&str> = text.split('.').map(str::trim).collect();
        let usage = "数据名写作“地区.集中采购目录”“地区.集中采购目录.执行机构”“地区.分散采购限额.货物”或“地区.级次.公开招标数额.服务”";
        if parts.iter().any(|p| p.is_empty()) {
            return Err(format!("数据名“{text}”有空的部分：{usage}"));
        }
        let Some(k) = parts.iter().position(|p| is_item_word(p)) else {
            return Err(format!(
                "数据名“{text}”中没有 集中采购目录、分散采购限额 或 公开招标数额：{usage}"
            ));
        };
        let (地区, 级次) = match k {
            1 => (parts[0], None),
            2 => (parts[0], Some(parts[1].to_string())),
            _ => return Err(format!("数据名“{text}”应以地区开头：{usage}")),
        };
        let rest = &parts[k + 1..];
        let item = match (parts[k], rest) {
            ("集中采购目录", []) => DataItem::集中采购目录 { 执行机构: None },
            ("集中采购目录", [org]) => DataItem::集中采购目录 {
                执行机构: Some(org.to_string()),
            },
            (word @ ("分散采购限额" | "公开招标数额"), [category]) => {
                let c = category_named(category).ok_or_else(|| {
                    format!("数据名“{text}”中的“{category}”不是 货物、服务 或 工程")
                })?;
                if word == "分散采购限额" {
                    DataItem::分散采购限额(c)
                } else {
                    DataItem::公开招标数额(c)
                }
            }
            ("分散采购限额" | "公开招标数额", []) => {
                return Err(format!(
                    "数据名“{text}”缺少类别：在后面加“.货物”“.服务”或“.工程”"
                ));
            }
            _ => return Err(format!("数据名“{text}”的结尾多了一段：{usage}")),
        };
        Ok(DataName {
            地区: 地区.to_string(),
            级次,
            item,
        })
    }

    /// The rule-language type of the value: a set of 品目 codes or an amount.
    pub fn ty(&self) -> Ty {
        match self.item {
            DataItem::集中采购目录 { .. } => Ty::Set(Box::new(Ty::Text)),
            DataItem::分散采购限额(_) | DataItem::公开招标数额(_) => Ty::Amount,
        }
    }
}

impl fmt::Display for DataName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.地区)?;
        if let Some(l) = &self.级次 {
            write!(f, ".{l}")?;
        }
        match &self.item {
            DataItem::集中采购目录 { 执行机构 } => {
                write!(f, ".集中采购目录")?;
                if let Some(o) = 执行机构 {
                    write!(f, ".{o}")?;
                }
                Ok(())
            }
            DataItem::分散采购限额(c) => write!(f, ".分散采购限额.{}", c.name()),
            DataItem::公开招标数额(c) => write!(f, ".公开招标数额.{}", c.name()),
        }
    }
}

fn is_item_word(s: &str) -> bool {
    matches!(s, "集中采购目录" | "分散采购限额" | "公开招标数额")
}

pub fn category_named(s: &str) -> Option<品目类别> {
    match s {
        "货物" => Some(品目类别::货物),
        "服务" => Some(品目类别::服务),
        "工程" => Some(品目类别::工程),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_back() {
        for text in [
            "北京.集中采购目录",
            "中央.集中采购目录.集中采购机构",
            "中央.分散采购限额.货物",
            "山东.省级.公开招标数额.服务",
        ] {
            let name = DataName::parse(text).expect(text);
            assert_eq!(name.to_string(), text);
        }
        let n = DataName::parse("山东.省级.公开招标数额.工程").unwrap();
        assert_eq!(n.级次.as_deref(), Some("省级"));
        assert_eq!(n.item, DataItem::公开招标数额(品目类别::工程));
        assert_eq!(n.ty(), Ty::Amount);
        assert_eq!(
            DataName::parse("北京.集中采购目录").unwrap().ty(),
            Ty::Set(Box::new(Ty::Text))
        );
    }

    #[test]
    fn refuses_malformed_names() {
        for (text, says) in [
            ("北京", "没有"),
            ("北京..集中采购目录", "空的部分"),
            ("集中采购目录", "地区开头"),
            ("a.b.c.集中采购目录", "地区开头"),
            ("中央.分散采购限额", "缺少类别"),
            ("中央.分散采购限额.家具", "不是 货物"),
            ("北京.集中采购目录.甲.乙", "多了一段"),
        ] {
            let err = DataName::parse(text).expect_err(text);
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
