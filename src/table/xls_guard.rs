//! A pre-flight check of legacy .xls files. calamine parses every sheet of an
//! .xls when the workbook is opened and reserves memory from what the file
//! claims (a sheet's DIMENSIONS record, the furthest cell), so a 10 KB file
//! can make it allocate terabytes and abort the process. We read the
//! compound file's workbook stream ourselves and check those claims against
//! the limits first.

use super::ReadLimits;

/// Why the file is refused: a limit (what, limit) or corruption.
#[derive(Debug, PartialEq)]
pub(crate) enum Refusal {
    Limit {
        what: String,
        limit: String,
    },
    Corrupt(String),
    /// A FILEPASS record: the workbook has an open password.
    Encrypted,
}

pub(crate) fn check(bytes: &[u8], limits: &ReadLimits) -> Result<(), Refusal> {
    let cfb = Cfb::parse(bytes).map_err(Refusal::Corrupt)?;
    let stream = cfb
        .stream(&["Workbook", "Book"])
        .map_err(Refusal::Corrupt)?
        .ok_or_else(|| Refusal::Corrupt("找不到工作簿数据流（Workbook）".into()))?;
    check_records(&stream, limits)
}

const DIMENSIONS: u16 = 0x0200;
/// Records that hold one cell and start with its row and column (u16 each).
const CELL_RECORDS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
const MULRK: u16 = 0x00BD;
/// BoundSheet8: where a sheet's records start in the stream.
const BOUNDSHEET: u16 = 0x0085;
/// Excel 97-2003 sheets have at most 65,536 rows.
const XLS_MAX_ROWS: u64 = 65_536;

/// FILEPASS: the rest of the stream is encrypted with the open password.
const FILEPASS: u16 = 0x002F;
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;

fn check_records(stream: &[u8], limits: &ReadLimits) -> Result<(), Refusal> {
    let max_rows = u64::from(limits.max_rows).min(XLS_MAX_ROWS);
    let max_cols = u64::from(limits.max_columns);
    let mut pos = 0usize;
    let mut grids = Grids::default();
    while let Some(head) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let Some(data) = stream.get(pos + 4..pos + 4 + len) else {
            break;
        };
        pos += 4 + len;
        if typ == FILEPASS {
            return Err(Refusal::Encrypted);
        } else if typ == BOF {
            grids.depth += 1;
        } else if typ == EOF {
            grids.end_substream(limits.max_grid_cells)?;
        } else if typ == BOUNDSHEET && data.len() >= 4 {
            let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
            if at >= stream.len() {
                return Err(Refusal::Corrupt(format!(
                    "工作表位置 {at} 超出数据流长度 {}，文件已损坏",
                    stream.len()
                )));
            }
        } else if typ == DIMENSIONS {
            check_dimensions(data, max_rows, max_cols, limits.max_grid_cells)?;
        } else if CELL_RECORDS.contains(&typ) || typ == MULRK {
            if data.len() < 4 {
                continue;
            }
            let row = u64::from(u16::from_le_bytes([data[0], data[1]]));
            let first = u64::from(u16::from_le_bytes([data[2], data[3]]));
            let mut col = first;
            if typ == MULRK && data.len() >= 6 {
                let n = data.len();
                col = col.max(u64::from(u16::from_le_bytes([data[n - 2], data[n - 1]])));
            }
            if row >= max_rows {
                return Err(limit(
                    format!("第{}行有数据（行数过多）", row + 1),
                    max_rows,
                    "行",
                ));
            }
            if col >= max_cols {
                return Err(limit(
                    format!("第{}行第{}列有数据（列数过多）", row + 1, col + 1),
                    max_cols,
                    "列",
                ));
            }
            if grids.depth == 1 {
                grids.cell(row, first.min(col), col);
            }
        }
    }
    Ok(())
}

/// The dense grids calamine builds, one per sheet, as cells are seen.
#[derive(Default)]
struct Grids {
    /// BOF/EOF nesting: 1 inside a sheet (or the globals), 2 and more in
    /// embedded charts, whose cells calamine skips.
    depth: u32,
    /// (first row, last row, first column, last column) of this sheet.
    extent: Option<(u64, u64, u64, u64)>,
    /// Cells of the grids of the sheets finished so far.
    total: u64,
    sheets: u32,
}

impl Grids {
    fn cell(&mut self, row: u64, c0: u64, c1: u64) {
        let e = self.extent.get_or_insert((row, row, c0, c1));
        *e = (e.0.min(row), e.1.max(row), e.2.min(c0), e.3.max(c1));
    }

    fn end_substream(&mut self, budget: u64) -> Result<(), Refusal> {
        self.depth = self.depth.saturating_sub(1);
        if self.depth > 0 {
            return Ok(());
        }
        let Some((r0, r1, c0, c1)) = self.extent.take() else {
            return Ok(());
        };
        self.sheets += 1;
        self.total = self.total.saturating_add((r1 - r0 + 1) * (c1 - c0 + 1));
        if self.total > budget {
            return Err(Refusal::Limit {
                what: format!(
                    "前 {} 个工作表从首个到最末一个单元格共占 {} 个格子（数据分散在极大的范围内，读取需要的内存过多）",
                    self.sheets, self.total
                ),
                limit: format!("{budget} 个格子"),
            });
        }
        Ok(())
    }
}

/// The sheet extent calamine reserves memory for, computed as it does.
fn check_dimensions(r: &[u8], max_rows: u64, max_cols: u64, budget: u64) -> Result<(), Refusal> {
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]));
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return Ok(()),
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    if rl == 0 || cl == 0 {
        return Ok(());
    }
    if rf > rl - 1 {
        return Err(Refusal::Corrupt(format!(
            "工作表范围记录无效（起始行 {} 大于结束行 {}）",
            rf + 1,
            rl
        )));
    }
    let (rows, cols) = (rl - rf, cl - cf);
    if rows > max_rows || rows.saturating_mul(cols) > max_rows.saturating_mul(max_cols).min(budget)
    {
        return Err(limit(
            format!("工作表声明的范围为 {rows} 行 × {cols} 列"),
            max_rows,
            "行",
        ));
    }
    Ok(())
}

fn limit(what: String, n: u64, unit: &str) -> Refusal {
    Refusal::Limit {
        what,
        limit: format!("{n} {unit}"),
    }
}

/// Just enough of [MS-CFB] to read one stream.
struct Cfb<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_cutoff: u64,
    /// (name, start sector, size) of every directory entry; [0] is the root.
    entries: Vec<(String, u32, u64)>,
}

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

impl<'a> Cfb<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Cfb<'a>, String> {
        let header = bytes.get(..512).ok_or("复合文档头不完整")?;
        let u32_at =
            |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
        let shift = u16::from_le_bytes([header[0x1E], header[0x1F]]);
        if shift != 9 && shift != 12 {
            return Err(format!("复合文档扇区大小无效（2^{shift}）"));
        }
        let mut cfb = Cfb {
            bytes,
            sector: 1 << shift,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_cutoff: u64::from(u32_at(0x38)),
            entries: Vec::new(),
        };
        // The FAT's own sectors: 109 in the header, the rest in DIFAT sectors.
        let mut fat_sectors: Vec<u32> = (0..109)
            .map(|i| u32_at(0x4C + 4 * i))
            .filter(|&s| s < END_OF_CHAIN)
            .collect();
        let mut difat = u32_at(0x44);
        let per = cfb.sector / 4 - 1;
        let mut guard = cfb.max_sectors();
        while difat < END_OF_CHAIN && guard > 0 {
            guard -= 1;
            let s = cfb.sector_bytes(difat).ok_or("扇区分配表的扩展扇区越界")?;
            fat_sectors.extend(words(s).take(per).filter(|&x| x < END_OF_CHAIN));
            difat = words(s).nth(per).unwrap_or(END_OF_CHAIN);
        }
        if fat_sectors.len() > cfb.max_sectors() {
            return Err("扇区分配表的扇区数目无效".into());
        }
        for s in fat_sectors {
            cfb.fat
                .extend(words(cfb.sector_bytes(s).ok_or("扇区分配表所在扇区越界")?));
        }
        let dir = cfb.chain_bytes(u32_at(0x30), None)?;
        for e in dir.chunks_exact(128) {
            let name_len = usize::from(u16::from_le_bytes([e[0x40], e[0x41]])).min(64);
            let units: Vec<u16> = e[..name_len]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|&u| u != 0)
                .collect();
            let start = u32::from_le_bytes([e[0x74], e[0x75], e[0x76], e[0x77]]);
            let size = u64::from_le_bytes(e[0x78..0x80].try_into().unwrap_or([0; 8]));
            let size = if shift == 9 { size & 0xFFFF_FFFF } else { size };
            cfb.entries
                .push((String::from_utf16_lossy(&units), start, size));
        }
        let minifat = cfb.chain_bytes(u32_at(0x3C), None).unwrap_or_default();
        cfb.minifat = words(&minifat).collect();
        Ok(cfb)
    }

    /// The contents of the first stream with one of `names`.
    fn stream(&self, names: &[&str]) -> Result<Option<Vec<u8>>, String> {
        let Some(&(_, start, size)) = self
            .entries
            .iter()
            .skip(1)
            .find(|(n, _, _)| names.iter().any(|x| x.eq_ignore_ascii_case(n)))
        else {
            return Ok(None);
        };
        if size >= self.mini_cutoff {
            return self.chain_bytes(start, Some(size)).map(Some);
        }
        // Small streams live in 64-byte sectors inside the root's stream.
        let &(_, root_start, root_size) = self.entries.first().ok_or("复合文档目录为空")?;
        let mini = self.chain_bytes(root_start, Some(root_size))?;
        let mut out = Vec::new();
        let mut s = start;
        let mut guard = self.minifat.len() + 1;
        while s < END_OF_CHAIN && (out.len() as u64) < size {
            guard = guard.checked_sub(1).ok_or("迷你扇区链有环")?;
            // The mini stream's last sector may be short, as the file's may.
            let at = s as usize * 64;
            let end = (at + 64).min(mini.len());
            out.extend_from_slice(
                mini.get(at..end)
                    .filter(|b| !b.is_empty())
                    .ok_or("迷你扇区越界")?,
            );
            s = *self.minifat.get(s as usize).ok_or("迷你扇区表越界")?;
        }
        out.truncate(size as usize);
        Ok(Some(out))
    }

    fn max_sectors(&self) -> usize {
        self.bytes.len() / self.sector + 1
    }

    /// One sector; the file's last sector may be short (writers do not
    /// always pad it), and what is there is used.
    fn sector_bytes(&self, s: u32) -> Option<&'a [u8]> {
        let at = (s as usize + 1).checked_mul(self.sector)?;
        let end = at.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(at..end).filter(|b| !b.is_empty())
    }

    /// A FAT chain's sectors joined, cut to `size` when known.
    fn chain_bytes(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut s = start;
        let mut guard = self.max_sectors();
        while s != END_OF_CHAIN && s != FREE {
            guard = guard.checked_sub(1).ok_or("扇区链有环")?;
            out.extend_from_slice(self.sector_bytes(s).ok_or("扇区越界，文件可能被截断")?);
            if size.is_some_and(|n| out.len() as u64 >= n) {
                break;
            }
            s = *self.fat.get(s as usize).ok_or("扇区分配表越界")?;
        }
        if let Some(n) = size {
            out.truncate(usize::try_from(n).unwrap_or(usize::MAX));
        }
        Ok(out)
    }
}

fn words(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&(data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    }

    #[test]
    fn huge_dimensions_are_refused() {
        let mut d = Vec::new();
        d.extend_from_slice(&0u32.to_le_bytes());
        d.extend_from_slice(&u32::MAX.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes());
        d.extend_from_slice(&0xFFu16.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes());
        let e = check_records(&record(DIMENSIONS, &d), &ReadLimits::default());
        assert!(matches!(e, Err(Refusal::Limit { .. })), "{e:?}");
    }

    #[test]
    fn inverted_dimensions_are_corrupt() {
        let mut d = Vec::new();
        d.extend_from_slice(&10u32.to_le_bytes());
        d.extend_from_slice(&5u32.to_le_bytes());
        d.extend_from_slice(&[0, 0, 3, 0, 0, 0]);
        assert!(matches!(
            check_records(&record(DIMENSIONS, &d), &ReadLimits::default()),
            Err(Refusal::Corrupt(_))
        ));
    }

    #[test]
    fn far_cells_are_refused() {
        let cell = record(0x0203, &[5, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(matches!(
            check_records(&cell, &ReadLimits::default()),
            Err(Refusal::Limit { .. })
        ));
        let near = record(0x0203, &[5, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(check_records(&near, &ReadLimits::default()), Ok(()));
    }

    #[test]
    fn garbage_does_not_panic() {
        for n in [0usize, 10, 511, 512, 600, 4096] {
            let mut b = vec![0xABu8; n];
            if n >= 0x20 {
                b[0x1E] = 9;
            }
            let _ = check(&b, &ReadLimits::default());
        }
        let _ = check_records(&[0xFF; 7], &ReadLimits::default());
    }
}
