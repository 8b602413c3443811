//! Opening an untrusted file: its size, what it really is (by content, not by
//! extension), and — for zip-based formats — every part's declared size and
//! compression ratio, all before anything is inflated.

use super::{ReadError, ReadLimits};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// The formats we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    /// Excel's binary workbook, streamed by calamine like .xlsx.
    Xlsb,
    Ods,
    Xls,
    Csv,
}

/// Parts smaller than this are never treated as zip bombs, whatever their
/// ratio: highly repetitive but small XML (styles, empty styled cells)
/// legitimately compresses far beyond any sane bomb threshold.
const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What [`detect`] learnt about a file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Detected {
    pub format: Format,
    /// Uncompressed size of the biggest worksheet part (xlsx), else 0.
    pub largest_sheet_part: u64,
}

/// Checks the file's size and decides its format from its first bytes.
pub(crate) fn detect(path: &Path, file: &str, limits: &ReadLimits) -> Result<Detected, ReadError> {
    let simple = |format| Detected {
        format,
        largest_sheet_part: 0,
    };
    let meta = std::fs::metadata(path).map_err(|e| open_error(file, &e))?;
    if !meta.is_file() {
        return Err(ReadError::Open {
            file: file.into(),
            detail: "不是普通文件".into(),
        });
    }
    if meta.len() > limits.max_file_bytes {
        return Err(ReadError::Limit {
            file: file.into(),
            what: format!("文件大小 {}", human_bytes(meta.len())),
            limit: human_bytes(limits.max_file_bytes),
        });
    }
    if meta.len() == 0 {
        return Err(not_a_workbook(file, "文件为空（0 字节）"));
    }
    let mut head = [0u8; 8];
    let n = read_head(path, &mut head).map_err(|e| open_error(file, &e))?;
    let head = &head[..n];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return check_zip(path, file, limits);
    }
    if head.starts_with(&OLE_MAGIC) {
        return check_ole(path, file, limits).map(simple);
    }
    if is_old_biff(head) {
        return Err(not_a_workbook(
            file,
            "这是 Excel 2.x–4.x 的旧格式工作表，暂不支持；请用 Excel 或 WPS 打开后另存为 .xlsx",
        ));
    }
    if let Some(what) = known_non_table(head) {
        return Err(not_a_workbook(file, what));
    }
    if looks_like_html(path) {
        return Err(not_a_workbook(
            file,
            "这是网页（HTML）文件，常见于系统导出的“伪 xls”；请用 Excel 或 WPS 打开后另存为 .xlsx",
        ));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(simple(Format::Csv)),
        "xlsx" | "xlsm" | "xls" | "ods" => Err(ReadError::Corrupt {
            file: file.into(),
            detail: format!("扩展名为 .{ext}，但内容不是该格式（文件头不符）"),
        }),
        _ => Err(not_a_workbook(file, "无法从内容识别文件格式")),
    }
}

fn read_head(path: &Path, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut f = File::open(path)?;
    let mut n = 0;
    while n < buf.len() {
        let k = f.read(&mut buf[n..])?;
        if k == 0 {
            break;
        }
        n += k;
    }
    Ok(n)
}

/// Signatures of files people upload by mistake.
fn known_non_table(head: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "这是 PDF 文件，不是表格；请上传 Excel 原表"),
        (b"\x89PNG", "这是 PNG 图片，不是表格"),
        (b"\xFF\xD8\xFF", "这是 JPEG 图片，不是表格"),
        (b"GIF8", "这是 GIF 图片，不是表格"),
        (b"Rar!", "这是 RAR 压缩包，不是表格"),
        (b"7z\xBC\xAF", "这是 7z 压缩包，不是表格"),
        (b"{\\rtf", "这是 RTF 文档，不是表格"),
    ];
    SIGS.iter()
        .find(|(sig, _)| head.starts_with(sig))
        .map(|(_, what)| *what)
}

/// "Excel" exports that are really HTML tables.
fn looks_like_html(path: &Path) -> bool {
    let mut buf = [0u8; 512];
    let Ok(n) = read_head(path, &mut buf) else {
        return false;
    };
    let text = String::from_utf8_lossy(&buf[..n]).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<html")
        || text.starts_with("<!doctype html")
        || (text.starts_with("<?xml") && text.contains("<html"))
        || text.starts_with("<table")
}

/// Checks every part of a zip before anyone inflates it, then tells xlsx
/// from ods (and from Word/PowerPoint documents).
fn check_zip(path: &Path, file: &str, limits: &ReadLimits) -> Result<Detected, ReadError> {
    let f = File::open(path).map_err(|e| open_error(file, &e))?;
    let archive = zip::ZipArchive::new(BufReader::new(f)).map_err(|e| ReadError::Corrupt {
        file: file.into(),
        detail: format!("zip 结构无法解析（{}），文件可能被截断", zip_reason(&e)),
    })?;
    let meta = archive.metadata();
    let mut names = Vec::with_capacity(meta.len());
    let mut largest_sheet_part = 0;
    for i in 0..meta.len() {
        let entry = meta.entry(i).map_err(|e| ReadError::Corrupt {
            file: file.into(),
            detail: format!("zip 目录第 {} 项无法读取（{}）", i + 1, zip_reason(&e)),
        })?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        // Part names are case-insensitive and some writers use "\\".
        let part = name.replace('\\', "/").to_ascii_lowercase();
        if entry.encrypted() {
            return Err(ReadError::Encrypted { file: file.into() });
        }
        let size = entry.size();
        if size > limits.max_part_bytes {
            return Err(ReadError::Limit {
                file: file.into(),
                what: format!("压缩包内部件“{name}”解压后 {}", human_bytes(size)),
                limit: human_bytes(limits.max_part_bytes),
            });
        }
        let packed = entry.compressed_size().max(1);
        if size > RATIO_FLOOR_BYTES && size / packed > limits.max_compression_ratio {
            return Err(ReadError::Limit {
                file: file.into(),
                what: format!(
                    "压缩包内部件“{name}”压缩比 {}:1（{} 解压为 {}，疑似压缩炸弹）",
                    size / packed,
                    human_bytes(packed),
                    human_bytes(size)
                ),
                limit: format!("{}:1", limits.max_compression_ratio),
            });
        }
        if part.contains("worksheets/") {
            largest_sheet_part = largest_sheet_part.max(size);
        }
        names.push(part);
    }
    let format = classify_zip(file, &names, path)?;
    if format == Format::Ods {
        super::ods_guard::check(path, limits).map_err(|r| match r {
            super::ods_guard::Refusal::Limit { what, limit } => ReadError::Limit {
                file: file.into(),
                what,
                limit,
            },
            super::ods_guard::Refusal::Corrupt(detail) => ReadError::Corrupt {
                file: file.into(),
                detail,
            },
        })?;
    }
    Ok(Detected {
        format,
        largest_sheet_part,
    })
}

fn classify_zip(file: &str, names: &[String], path: &Path) -> Result<Format, ReadError> {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("mimetype") {
        let mime = read_zip_part(path, "mimetype", 128).unwrap_or_default();
        if mime.starts_with("application/vnd.oasis.opendocument.spreadsheet") {
            return Ok(Format::Ods);
        }
        if mime.starts_with("application/vnd.oasis.opendocument.text") {
            return Err(not_a_workbook(
                file,
                "这是开放文档格式的文字文档（.odt），不是表格",
            ));
        }
    }
    match office_document(path, names).as_deref() {
        Some(part) if part.ends_with(".bin") => return Ok(Format::Xlsb),
        Some(part) if part.ends_with(".xml") && !is_other_office(part) => {
            return Ok(Format::Xlsx);
        }
        _ => {}
    }
    if has("word/document.xml") {
        return Err(not_a_workbook(
            file,
            "这是 Word 文档（.docx），不是 Excel 表格",
        ));
    }
    if has("ppt/presentation.xml") {
        return Err(not_a_workbook(
            file,
            "这是 PowerPoint 演示文稿（.pptx），不是表格",
        ));
    }
    if has("content.xml") {
        return Err(not_a_workbook(
            file,
            "这是开放文档格式的文件，但不是电子表格（.ods）",
        ));
    }
    if has("[content_types].xml") {
        return Err(ReadError::Corrupt {
            file: file.into(),
            detail: "是 Office Open XML 包，但找不到工作簿部件（xl/workbook.xml）".into(),
        });
    }
    Err(not_a_workbook(
        file,
        "这是普通 zip 压缩包，不是 Excel 表格；请解压后上传其中的表格",
    ))
}

/// The package's main part, lower-cased: the officeDocument target of
/// `_rels/.rels`, else the usual `xl/workbook.xml` or `xl/workbook.bin`
/// when present (calamine looks the part up the same way).
fn office_document(path: &Path, names: &[String]) -> Option<String> {
    let has = |n: &str| names.iter().any(|x| x == n);
    let from_rels = names
        .iter()
        .any(|n| n == "_rels/.rels")
        .then(|| read_zip_part(path, "_rels/.rels", 64 * 1024))
        .flatten()
        .and_then(|rels| office_document_target(&rels))
        .map(|t| {
            t.trim_start_matches('/')
                .replace('\\', "/")
                .to_ascii_lowercase()
        })
        .filter(|t| has(t));
    from_rels.or_else(|| {
        ["xl/workbook.xml", "xl/workbook.bin"]
            .into_iter()
            .find(|n| has(n))
            .map(String::from)
    })
}

/// Word and PowerPoint main parts, which are not workbooks.
fn is_other_office(part: &str) -> bool {
    part.starts_with("word/") || part.starts_with("ppt/")
}

/// The `Target` of the officeDocument relationship in `_rels/.rels`.
fn office_document_target(rels: &str) -> Option<String> {
    rels.split("<Relationship")
        .skip(1)
        .filter(|r| r.contains("/relationships/officeDocument\""))
        .find_map(|r| {
            let (_, rest) = r.split_once("Target=\"")?;
            rest.split_once('"').map(|(t, _)| t.to_string())
        })
}

/// The first `max` bytes of one zip part, looked up by its normalised
/// (lower-case, "/") name.
fn read_zip_part(path: &Path, part: &str, max: u64) -> Option<String> {
    let f = File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(BufReader::new(f)).ok()?;
    let index = (0..archive.len()).find(|&i| {
        matches!(archive.name_for_index(i),
            Some(Ok(n)) if n.replace('\\', "/").eq_ignore_ascii_case(part))
    })?;
    let entry = archive.by_index(index).ok()?;
    let mut buf = Vec::new();
    entry.take(max).read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// An OLE compound file is a legacy .xls, an encrypted (password-protected)
/// .xlsx, or some other Office document.
fn check_ole(path: &Path, file: &str, limits: &ReadLimits) -> Result<Format, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| open_error(file, &e))?;
    // Directory entries name their streams in UTF-16LE.
    let has = |name: &str| {
        let pat: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        contains(&bytes, &pat)
    };
    if has("EncryptionInfo") || has("EncryptedPackage") {
        return Err(ReadError::Encrypted { file: file.into() });
    }
    if has("Workbook") || has("Book") {
        return match super::xls_guard::check(&bytes, limits) {
            Ok(()) => Ok(Format::Xls),
            Err(super::xls_guard::Refusal::Encrypted) => {
                Err(ReadError::Encrypted { file: file.into() })
            }
            Err(super::xls_guard::Refusal::Limit { what, limit }) => Err(ReadError::Limit {
                file: file.into(),
                what,
                limit,
            }),
            Err(super::xls_guard::Refusal::Corrupt(detail)) => Err(ReadError::Corrupt {
                file: file.into(),
                detail,
            }),
        };
    }
    if has("WordDocument") {
        return Err(not_a_workbook(
            file,
            "这是 Word 97-2003 文档（.doc），不是表格",
        ));
    }
    if has("PowerPoint Document") {
        return Err(not_a_workbook(
            file,
            "这是 PowerPoint 97-2003 演示文稿（.ppt），不是表格",
        ));
    }
    Err(not_a_workbook(
        file,
        "这是 OLE 复合文档，但不含 Excel 工作簿",
    ))
}

/// Whether `needle` occurs in `hay`, ASCII letters matched without regard
/// to case ("WORKBOOK" is the same stream as "Workbook").
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// An Excel 2.x–4.x worksheet: a bare BIFF stream (no compound file)
/// starting with its BOF record.
fn is_old_biff(head: &[u8]) -> bool {
    matches!(head, [0x09, 0x00 | 0x02 | 0x04, len, 0x00, ..] if (4..=16).contains(len))
}

pub(crate) fn open_error(file: &str, e: &std::io::Error) -> ReadError {
    ReadError::Open {
        file: file.into(),
        detail: io_reason(e),
    }
}

/// An I/O error in Chinese (the system's own text is English).
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "文件不存在".into(),
        PermissionDenied => "没有读取权限".into(),
        IsADirectory => "这是一个目录".into(),
        UnexpectedEof => "文件意外结束，可能被截断".into(),
        InvalidData => "数据无效".into(),
        OutOfMemory => "内存不足".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("读取失败（系统错误码 {code}）"),
            None => "读取失败".into(),
        },
    }
}

/// A zip error in Chinese.
fn zip_reason(e: &zip::result::ZipError) -> String {
    use zip::result::ZipError::*;
    match e {
        Io(e) => io_reason(e),
        InvalidArchive(_) => "找不到完整的 zip 目录".into(),
        UnsupportedArchive(_) => "使用了不支持的 zip 特性".into(),
        FileNotFound => "缺少部件".into(),
        InvalidPassword => "密码错误".into(),
        _ => "zip 结构有误".into(),
    }
}

fn not_a_workbook(file: &str, detail: &str) -> ReadError {
    ReadError::NotAWorkbook {
        file: file.into(),
        detail: detail.into(),
    }
}

pub(crate) fn human_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB {
        let mb = n as f64 / MB as f64;
        format!("{mb:.1} MB")
    } else if n >= 1024 {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} 字节")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_utf16_names() {
        let pat: Vec<u8> = "Book"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let mut hay = vec![0u8; 100];
        hay.extend_from_slice(&pat);
        assert!(contains(&hay, &pat));
        assert!(!contains(&hay[..101], &pat));
        let upper: Vec<u8> = "BOOK"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(contains(&upper, &pat), "stream names ignore case");
    }

    #[test]
    fn old_biff_is_recognised() {
        assert!(is_old_biff(&[
            0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00
        ]));
        assert!(is_old_biff(&[
            0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00
        ]));
        assert!(!is_old_biff(&[0x09, 0x08, 0x10, 0x00]));
        assert!(!is_old_biff(b"a,b,c\n"));
    }

    #[test]
    fn office_document_from_rels() {
        let rels = r#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/main/Book.xml"/></Relationships>"#;
        assert_eq!(
            office_document_target(rels).as_deref(),
            Some("/main/Book.xml")
        );
        assert_eq!(office_document_target("<Relationships/>"), None);
    }
}
