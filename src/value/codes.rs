//! Codes carried in tables: 统一社会信用代码 (GB 32100-2015) and the 2022
//! 政府采购品目分类目录.

use std::collections::HashMap;

/// GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY",
/// the last a check character computed with weights 3^i mod 31.
pub fn credit_code_valid(code: &str) -> bool {
    let _ = code;
    todo!()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum 品目类别 {
    货物,
    工程,
    服务,
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
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: HashMap<String, CatalogEntry>,
}

impl Catalog {
    /// The catalogue shipped in `rules/data/procurement-catalog-2022-codes.csv`.
    pub fn embedded() -> &'static Catalog {
        todo!()
    }
    /// Parses the CSV `code,name_heuristic,level,parent_code,category`.
    pub fn from_csv(text: &str) -> Result<Catalog, String> {
        let _ = text;
        todo!()
    }
    /// Looks a code up after normalising it (trim, upper-case, full-width).
    /// Also accepts "A02010105 台式计算机" (code followed by a name).
    pub fn get(&self, code: &str) -> Option<&CatalogEntry> {
        let _ = code;
        todo!()
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
