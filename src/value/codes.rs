//! Codes carried in tables: 统一社会信用代码 (GB 32100-2015) and the 2022
//! 政府采购品目分类目录.

use super::text::normalize_text;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The 31 characters of GB 32100-2015, in value order (no I, O, S, V, Z).
const CREDIT_CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY",
/// the last a check character computed with weights 3^i mod 31; the first
/// a registration authority that exists (1–9, A, N, Y) and the 3rd to 8th
/// the administrative-division code, digits only.
///
/// The code is trimmed, full-width characters are folded and lower case is
/// accepted (upper-cased first): people copy codes from PDFs and type them by
/// hand, and neither changes which code is meant.
pub fn credit_code_valid(code: &str) -> bool {
    let code = normalize_text(code).to_ascii_uppercase();
    let values: Option<Vec<u32>> = code.bytes().map(credit_char_value).collect();
    let Some(values) = values else {
        return false;
    };
    let [body @ .., check] = values.as_slice() else {
        return false;
    };
    body.len() == 17
        && REGISTRATION_AUTHORITIES.contains(&code.as_bytes()[0])
        && code.as_bytes()[2..8].iter().all(u8::is_ascii_digit)
        && credit_check_value(body) == *check
}

/// 登记管理部门码: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
/// 7 宗教, 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业,
/// Y 其他.
const REGISTRATION_AUTHORITIES: &[u8] = b"123456789ANY";

fn credit_char_value(c: u8) -> Option<u32> {
    CREDIT_CHARSET
        .iter()
        .position(|&x| x == c)
        .map(|i| i as u32)
}

/// 31 − (Σ value × 3^i mod 31) mod 31, with 31 written as 0.
fn credit_check_value(body: &[u32]) -> u32 {
    let mut weight = 1;
    let mut sum = 0;
    for &v in body {
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    (31 - sum % 31) % 31
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum 品目类别 {
    货物,
    工程,
    服务,
}

impl 品目类别 {
    /// The category a code's first letter names: A 货物, B 工程, C 服务.
    fn of_code(code: &str) -> Option<品目类别> {
        match code.as_bytes().first() {
            Some(b'A') => Some(品目类别::货物),
            Some(b'B') => Some(品目类别::工程),
            Some(b'C') => Some(品目类别::服务),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            品目类别::货物 => "货物",
            品目类别::工程 => "工程",
            品目类别::服务 => "服务",
        }
    }
}

#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub code: String,
    /// For display only: about 1% of names are wrong in the source PDF.
    pub name: String,
    pub level: u8,
    pub parent: Option<String>,
    pub category: 品目类别,
}

/// The 2022 品目分类目录, loaded from its CSV.
///
/// The three roots (A 货物, B 工程, C 服务, level 0) are categories, not
/// 品目: they are not entries, and a level-1 entry's `parent` is `None` (its
/// `category` says which root it belongs to). Every other `parent` is an entry.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: ahash::AHashMap<String, CatalogEntry>,
    /// Codes that are some entry's parent: every other entry is a 底级品目.
    parents: ahash::AHashSet<String>,
}

const EMBEDDED_CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/rules/data/procurement-catalog-2022-codes.csv"
));

impl Catalog {
    /// The catalogue shipped in `rules/data/procurement-catalog-2022-codes.csv`.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        // The CSV is compiled in and checked by the tests below; failing here
        // is a broken build, not bad input.
        CATALOG.get_or_init(|| Catalog::from_csv(EMBEDDED_CSV).expect("内置品目分类目录数据有误"))
    }
    /// Parses the CSV `code,name_heuristic,level,parent_code,category`.
    pub fn from_csv(text: &str) -> Result<Catalog, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("品目目录表头无法读取：{e}"))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name)
                .ok_or_else(|| format!("品目目录缺少列“{name}”"))
        };
        let cols = [
            column("code")?,
            column("name_heuristic")?,
            column("level")?,
            column("parent_code")?,
            column("category")?,
        ];
        let mut entries = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| format!("品目目录格式有误：{e}"))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(cols[i]).unwrap_or("").trim();
            let entry = parse_entry([field(0), field(1), field(2), field(3), field(4)])
                .map_err(|e| format!("品目目录第{line}行：{e}"))?;
            let Some(entry) = entry else { continue };
            if entries.contains_key(&entry.code) {
                return Err(format!("品目目录第{line}行：编码 {} 重复", entry.code));
            }
            entries.insert(entry.code.clone(), entry);
        }
        check_parents(&entries)?;
        let parents = entries.values().filter_map(|e| e.parent.clone()).collect();
        Ok(Catalog {
            entries: entries.into_iter().collect(),
            parents,
        })
    }
    /// Looks a code up after normalising it (trim, upper-case, full-width).
    /// Also accepts "A02010105 台式计算机" (code followed by a name).
    ///
    /// A code is a letter and digits, so whatever follows the digits (a
    /// space, a dash, the name itself) is ignored.
    pub fn get(&self, code: &str) -> Option<&CatalogEntry> {
        // Fast path: a clean code as typed in most tables, no allocation.
        if let Some(e) = self.entries.get(code) {
            return Some(e);
        }
        let text = normalize_text(code).to_ascii_uppercase();
        let letter = text.chars().next().filter(char::is_ascii_alphabetic)?;
        let digits: String = text[1..].chars().take_while(char::is_ascii_digit).collect();
        self.entries.get(&format!("{letter}{digits}"))
    }
    /// Whether `code` is a 底级品目 (an entry with no sub-entries); `None`
    /// when it is not in the catalogue.
    pub fn is_leaf(&self, code: &str) -> Option<bool> {
        self.get(code).map(|e| !self.parents.contains(&e.code))
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// All entries, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &CatalogEntry> {
        self.entries.values()
    }
}

/// One CSV row; `Ok(None)` for a root (level 0) row.
fn parse_entry(
    [code, name, level, parent, category]: [&str; 5],
) -> Result<Option<CatalogEntry>, String> {
    let level: u8 = level
        .parse()
        .map_err(|_| format!("层级“{level}”不是数字"))?;
    let category = match category {
        "goods" => 品目类别::货物,
        "engineering" => 品目类别::工程,
        "service" => 品目类别::服务,
        other => return Err(format!("类别“{other}”不是 goods/engineering/service")),
    };
    if 品目类别::of_code(code) != Some(category) {
        return Err(format!("编码“{code}”与类别“{}”不符", category.name()));
    }
    if level == 0 {
        return Ok(None);
    }
    let parent = match parent {
        "" => return Err(format!("编码 {code} 缺少上级编码")),
        // Roots are not entries (see `Catalog`).
        p if p.len() == 1 => None,
        p => Some(p.to_string()),
    };
    Ok(Some(CatalogEntry {
        code: code.to_string(),
        name: name.to_string(),
        level,
        parent,
        category,
    }))
}

fn check_parents(entries: &HashMap<String, CatalogEntry>) -> Result<(), String> {
    for e in entries.values() {
        if let Some(p) = &e.parent
            && !entries.contains_key(p)
        {
            return Err(format!("编码 {} 的上级编码 {p} 不在目录中", e.code));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_credit_codes() {
        for code in [
            "91350100M000100Y43", // the example in GB 32100-2015
            "914403001922038216",
            "9144030071526726XG",
            "91330100799655058B",
            "91110108551385082Q",
            "11100000000013127D",
            " 91110108551385082Q ",
            "91110108551385082q",
            "９１１１０１０８５５１３８５０８２Ｑ",
        ] {
            assert!(credit_code_valid(code), "{code}");
        }
    }

    #[test]
    fn invalid_credit_codes() {
        for code in [
            "",
            "91110000100000089D",  // check character should be X
            "91110108551385082R",  // wrong check character
            "91110108551385082",   // 17 characters
            "91110108551385082QQ", // 19 characters
            "9111010855138508 2Q", // inner space
            "91110108551385O82Q",  // O is not in the charset
            "9I110108551385082Q",  // nor I
            "91110108551385Z82Q",  // nor Z
            "91110108551385S82Q",  // nor S
            "91110108551385V82Q",  // nor V
            "91110108551385082-",
            "一二三",
            "911101085513850８２Ｑ汉",
            "B1110108551385082Q", // no registration authority B
            "0111010855138508",
            "91A10108551385082Q", // the division code must be digits
        ] {
            assert!(!credit_code_valid(code), "{code}");
        }
    }

    #[test]
    fn check_character_wraps_31_to_0() {
        // Find a body whose weighted sum is ≡ 0 (mod 31): its check is "0".
        let mut body: Vec<u32> = "91110108551385082"
            .bytes()
            .filter_map(credit_char_value)
            .collect();
        // The last body character is free (not authority, not division):
        // one of its 31 values makes the weighted sum a multiple of 31.
        body[16] = (0..31)
            .find(|&v| {
                let mut b = body.clone();
                b[16] = v;
                credit_check_value(&b) == 0
            })
            .expect("some value works");
        assert_eq!(credit_check_value(&body), 0);
        let code: String = body
            .iter()
            .map(|&v| CREDIT_CHARSET[v as usize] as char)
            .chain(['0'])
            .collect();
        assert!(credit_code_valid(&code), "{code}");
    }

    #[test]
    fn embedded_catalog() {
        let catalog = Catalog::embedded();
        assert_eq!(catalog.len(), 4301);
        assert!(!catalog.is_empty());
        let a = catalog.get("A01000000").expect("A01000000");
        assert_eq!(
            (a.level, a.parent.as_deref(), a.category),
            (1, None, 品目类别::货物)
        );
        assert_eq!(
            catalog.get("C99000000").map(|e| e.category),
            Some(品目类别::服务)
        );
        assert!(catalog.entries().any(|e| e.category == 品目类别::工程));
        // Every level > 1 entry has a parent one level up.
        for e in catalog.entries() {
            if let Some(p) = &e.parent {
                assert_eq!(
                    catalog.get(p).map(|p| p.level + 1),
                    Some(e.level),
                    "{}",
                    e.code
                );
            } else {
                assert_eq!(e.level, 1, "{}", e.code);
            }
        }
        assert!(std::ptr::eq(catalog, Catalog::embedded()));
    }

    #[test]
    fn leaves() {
        let catalog = Catalog::embedded();
        assert_eq!(catalog.is_leaf("A02010105"), Some(true)); // 台式计算机
        assert_eq!(catalog.is_leaf("A02010100"), Some(false)); // 计算机
        assert_eq!(catalog.is_leaf("A99999999"), None);
    }

    #[test]
    fn lookup_normalises() {
        let catalog = Catalog::embedded();
        let code = catalog
            .entries()
            .find(|e| e.level == 4)
            .map(|e| e.code.clone())
            .expect("a level-4 code");
        let name = catalog.get(&code).map(|e| e.name.clone());
        for text in [
            code.clone(),
            format!(" {code} "),
            code.to_lowercase(),
            format!("{code} 名称"),
            format!("{code}名称"),
            format!("{code}-名称"),
            code.chars()
                .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
                .collect(),
        ] {
            assert_eq!(catalog.get(&text).map(|e| e.name.clone()), name, "{text}");
        }
        for text in [
            "",
            "A",
            "B",
            "Z01000000",
            "A0100000",
            "A010000000",
            "01000000",
            "台式计算机",
        ] {
            assert!(catalog.get(text).is_none(), "{text}");
        }
        // What follows the digits is not part of the code.
        assert!(catalog.get("A01000000X").is_some());
    }

    #[test]
    fn bad_csv() {
        let header = "code,name_heuristic,level,parent_code,category\n";
        assert_eq!(Catalog::from_csv(header).map(|c| c.len()), Ok(0));
        assert!(Catalog::from_csv("").is_err());
        assert!(Catalog::from_csv("code,name\nA,货物\n").is_err());
        for row in [
            "A01000000,x,one,A,goods",
            "A01000000,x,1,A,stuff",
            "A01000000,x,1,A,service",
            "A01010000,x,2,A01000000,goods",
            "A01000000,x,1,,goods",
            "A01000000,x,1,A,goods\nA01000000,y,1,A,goods",
        ] {
            assert!(
                Catalog::from_csv(&format!("{header}{row}\n")).is_err(),
                "{row}"
            );
        }
        let ok = Catalog::from_csv(&format!(
            "{header}A,货物,0,,goods\nA01000000,房屋,1,A,goods\n"
        ))
        .expect("valid");
        assert_eq!(ok.len(), 1);
    }
}
