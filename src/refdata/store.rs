//! Where reference data lives on disk and how a file gets there: the data
//! directory that `jicai data add` writes to, the `data/` folder of
//! `--rules DIR`, and the copy built into the binary. This is also the small
//! API a front end (the admin page of `jicai serve`) calls: [`validate`],
//! [`add`], [`list`].

use super::{DataError, Layer, LayerFiles, RefData, procurement};
use crate::calendar::HolidayYear;
use crate::dsl::source::{Embedded, RuleSource};
use crate::error::JicaiError;
use crate::output::{Overwrite, write_atomic};
use crate::value::codes::Catalog;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Folder of the holiday files, in every layer.
pub const HOLIDAY_DIR: &str = "holiday-cn";
/// Folder of the 集中采购目录及限额标准 files, in every layer.
pub const PROCUREMENT_DIR: &str = "procurement";

/// The data directory the command line chose (`--data-dir`, or the
/// default). Library users that never set it get no data directory, so a
/// test or an embedding program sees only the data it asked for.
static DATA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Sets the data directory for this process (once, from the command line).
pub fn set_data_dir(dir: PathBuf) {
    let _ = DATA_DIR.set(dir);
}

pub fn data_dir() -> Option<&'static Path> {
    DATA_DIR.get().map(PathBuf::as_path)
}

/// `$JICAI_DATA_DIR`, else `$XDG_DATA_HOME/jicai`, else
/// `~/.local/share/jicai` (`%APPDATA%\jicai` on Windows).
pub fn default_data_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("JICAI_DATA_DIR")
        .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("jicai")))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/jicai")))
        .or_else(|| var("APPDATA").map(|a| a.join("jicai")))
}

/// The three layers' files: built in, `--rules DIR/data`, data directory.
pub fn layers(
    rules_dir: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<Vec<(Layer, LayerFiles)>, DataError> {
    let mut out = vec![(Layer::Builtin, embedded_files())];
    if let Some(dir) = rules_dir {
        out.push((
            Layer::Rules(dir.to_path_buf()),
            dir_files(&dir.join("data"))?,
        ));
    }
    if let Some(dir) = data_dir {
        out.push((Layer::DataDir(dir.to_path_buf()), dir_files(dir)?));
    }
    Ok(out)
}

/// Loads all layers.
pub fn load(rules_dir: Option<&Path>, data_dir: Option<&Path>) -> Result<RefData, DataError> {
    RefData::load(layers(rules_dir, data_dir)?, Catalog::embedded())
}

fn embedded_files() -> LayerFiles {
    let read = |folder: &str, ext: &[&str]| -> Vec<(String, String)> {
        Embedded
            .data_files(&format!("data/{folder}"))
            .into_iter()
            .filter(|p| ext.iter().any(|e| p.ends_with(e)) && !p.ends_with("schema.json"))
            .filter_map(|p| Embedded.data_file(&p).map(|t| (format!("rules/{p}"), t)))
            .collect()
    };
    LayerFiles {
        holidays: read(HOLIDAY_DIR, &[".json"]),
        procurement: read(PROCUREMENT_DIR, &[".yaml", ".yml"]),
    }
}

/// The data files under `dir` (a missing folder has none).
fn dir_files(dir: &Path) -> Result<LayerFiles, DataError> {
    let read = |folder: &str, ext: &[&str]| -> Result<Vec<(String, String)>, DataError> {
        let folder = dir.join(folder);
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(Vec::new());
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ext.contains(&e))
                    && p.file_name().is_some_and(|n| n != "schema.json")
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let name = p.display().to_string();
                std::fs::read_to_string(&p)
                    .map(|t| (name.clone(), t))
                    .map_err(|e| DataError::at(&name, None, format!("无法读取：{}", io_text(&e))))
            })
            .collect()
    };
    Ok(LayerFiles {
        holidays: read(HOLIDAY_DIR, &["json"])?,
        procurement: read(PROCUREMENT_DIR, &["yaml", "yml"])?,
    })
}

fn io_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        std::io::ErrorKind::InvalidData => "不是 UTF-8 编码的文本文件".into(),
        std::io::ErrorKind::IsADirectory => "这是一个目录".into(),
        _ => "读取失败".into(),
    }
}

/// What a single file holds, once validated.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    /// 节假日安排 or 集中采购目录及限额标准.
    pub kind: String,
    /// 2028年, or the 地区 and 文号.
    pub describe: String,
    /// Where [`add`] puts it, relative to the data directory.
    pub target: String,
}

enum Parsed {
    Holiday(HolidayYear),
    Procurement(Box<procurement::ProcurementDoc>),
}

fn parse_one(name: &str, text: &str) -> Result<Parsed, DataError> {
    let is_json =
        name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    if is_json {
        let y = HolidayYear::parse(name, text)?;
        super::check_file_year(name, &y)?;
        Ok(Parsed::Holiday(y))
    } else {
        procurement::ProcurementDoc::parse(name, text, Catalog::embedded())
            .map(|d| Parsed::Procurement(Box::new(d)))
    }
}

/// Validates one file on its own (schema, year, dates and their order,
/// codes that exist) and says what it is. `name` is shown in messages.
pub fn validate(name: &str, text: &str) -> Result<FileSummary, DataError> {
    Ok(match parse_one(name, text)? {
        Parsed::Holiday(y) => FileSummary {
            kind: "节假日安排".into(),
            describe: if y.is_published() {
                format!("{}年，{} 个日期", y.year, y.days.len())
            } else {
                format!("{}年（尚未公布，无日期）", y.year)
            },
            target: format!("{HOLIDAY_DIR}/{}.json", y.year),
        },
        Parsed::Procurement(d) => FileSummary {
            kind: procurement::KIND.into(),
            describe: format!("{} {}《{}》，{}", d.地区, d.文号, d.名称, d.period_text()),
            target: format!("{PROCUREMENT_DIR}/{}", target_name(name, &d)),
        },
    })
}

/// The file name a document gets in the data directory: its own, or
/// `地区-生效.yaml` when it came without one.
fn target_name(name: &str, d: &procurement::ProcurementDoc) -> String {
    Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}-{}.yaml", d.地区, d.生效))
}

/// Validates `text` (shown as `name`) on its own and together with all
/// data already loaded (no overlapping periods), then writes it into
/// `data_dir` atomically. An existing file of the same name is replaced
/// only with `overwrite`.
pub fn add(
    data_dir: &Path,
    rules_dir: Option<&Path>,
    name: &str,
    text: &str,
    overwrite: Overwrite,
) -> Result<FileSummary, JicaiError> {
    let summary = validate(name, text)?;
    let target = data_dir.join(&summary.target);
    if overwrite == Overwrite::Refuse && target.exists() {
        return Err(JicaiError::Write {
            path: target.display().to_string(),
            detail: "数据目录中已有同名文件；如需替换请加 --force".into(),
        });
    }
    // Validate against everything else: the file as if already in place.
    let mut all = layers(rules_dir, Some(data_dir))?;
    if let Some((_, files)) = all.last_mut() {
        let list = if summary.target.starts_with(HOLIDAY_DIR) {
            &mut files.holidays
        } else {
            &mut files.procurement
        };
        let shown = target.display().to_string();
        list.retain(|(f, _)| *f != shown);
        list.push((name.to_string(), text.to_string()));
    }
    RefData::load(all, Catalog::embedded())?;
    let folder = target.parent().unwrap_or(data_dir);
    std::fs::create_dir_all(folder).map_err(|e| JicaiError::Write {
        path: folder.display().to_string(),
        detail: format!("无法创建数据目录：{}", io_text(&e)),
    })?;
    write_atomic(&target, text.as_bytes(), overwrite)?;
    Ok(summary)
}

/// One line of `jicai data list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListEntry {
    pub kind: String,
    pub name: String,
    pub version: String,
    pub period: String,
    pub source: String,
    /// In force on the date asked about.
    pub in_force: bool,
}

/// Everything loaded, and what is in force on `date`.
pub fn list(data: &RefData, date: NaiveDate) -> Vec<ListEntry> {
    let mut out = vec![ListEntry {
        kind: "品目分类目录".into(),
        name: format!("{}（{} 个编码）", data.catalogue.name, data.catalogue.codes),
        version: data.catalogue.docno.clone(),
        period: String::new(),
        source: "内置".into(),
        in_force: true,
    }];
    for h in &data.holidays {
        out.push(ListEntry {
            kind: "节假日安排".into(),
            name: format!("{}年", h.data.year),
            version: if h.data.is_published() {
                format!("{} 个日期", h.data.days.len())
            } else {
                "尚未公布（无日期）".into()
            },
            period: String::new(),
            source: format!("{}：{}", h.layer, h.file),
            in_force: h.data.is_published(),
        });
    }
    for p in &data.procurement {
        let in_force = data
            .in_force(&p.data.地区, date)
            .is_some_and(|f| std::ptr::eq(f, p));
        out.push(ListEntry {
            kind: procurement::KIND.into(),
            name: p.data.地区.clone(),
            version: format!("{}《{}》", p.data.文号, p.data.名称),
            period: p.data.period_text(),
            source: format!("{}：{}", p.layer, p.file),
            in_force,
        });
    }
    out
}
