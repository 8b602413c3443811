#!/usr/bin/env python3
"""Builds the bad-input corpus under tests/bad/ and its manifest.

Every case is one hostile or malformed input plus the exact outcome the
real binary must give: exit code 2 and a Chinese message naming the file
and the problem, or — for input that is odd but readable — exit code 0/1
and what the JSON report must say. tests/bad_corpus.rs runs them all; it
reads the committed files and manifest.tsv and never runs this script.

    pip install openpyxl msoffcrypto-tool
    python3 tests/bad/make_corpus.py

The workbooks are written by openpyxl or, where a case needs bytes that
openpyxl refuses to write (control characters, cached formula errors,
forged zip headers), as raw XML parts zipped here. A few cases copy files
from tests/fixtures (made by tests/fixtures/make_fixtures.py). LibreOffice
(soffice) is used once, for a Word 97 document renamed to .xls.

Manifest columns (tab-separated): id, arguments, exit code, expectations.
Arguments run with tests/bad as the working directory; {out} is a fresh
path in an empty temporary folder, {existing} a file there that must keep
its content, {outdir} that folder, {tables} a folder holding the shipped
rules/tables.rules and tables-only/语料.rules (reading against the real table
declarations without parsing every rule file, which dominates a debug run). Expectations are substrings of stderr
(exit 2) or of the output (exit 0/1: the --out file, else stdout),
compared with white space removed; a leading "!" means must not appear.
"""

import datetime as dt
import io
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zipfile

import openpyxl.writer.excel
from openpyxl import Workbook
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))


class _FixedTime:
    """Zip entries carry a timestamp; a fixed one keeps regenerated files
    byte-identical, so git shows only real changes."""

    @staticmethod
    def time():
        return 315532800.0  # 1980-01-01

    @staticmethod
    def localtime(_t=None):
        return time.struct_time((1980, 1, 1, 0, 0, 0, 1, 1, 0))


zipfile.time = _FixedTime

FIXED_DATE = dt.datetime(2025, 1, 1)


class _FixedDatetime:
    """openpyxl stamps docProps/core.xml with the time of saving."""

    timezone = dt.timezone

    class datetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return FIXED_DATE.replace(tzinfo=tz)


openpyxl.writer.excel.datetime = _FixedDatetime
FIXTURES = os.path.join(HERE, "..", "fixtures")

CASES = []  # (id, args, exit, [expectations])

# Reading is checked against the shipped table declarations ({tables}: the
# shipped rules/tables.rules plus tables-only/语料.rules, an empty rule set):
# parsing every shipped rule file would cost each run more than reading.
CHECK = "--rules-only {tables} check {file} -p 语料 --as-of 2025-08-01 --format json --out {out}"
# With every shipped rule, where a case is about what the rules then find.
CHECK_ZJ = "check {file} -p 浙江 --as-of 2025-08-01 --format json --out {out}"


def case(file, exit, *expect, args=CHECK, id=None):
    CASES.append((id or file, args.replace("{file}", file), exit, list(expect)))


def path(rel):
    p = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def write(rel, data):
    with open(path(rel), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# ── Workbooks written by openpyxl ───────────────────────────────────────────

HEADER = ["序号", "参与单位", "合同编号", "合同类型", "合同金额（元）", "中标通知书日期", "合同签订日期"]


def rows(n=2):
    """Clean rows: signed 14 days after the notice, no rule is broken."""
    out = []
    for i in range(n):
        out.append([i + 1, "杭州市某某中学", f"HT-{i + 1:03}", "主合同", 120000 + i, dt.datetime(2025, 7, 1), dt.datetime(2025, 7, 15)])
    return out


def new_workbook():
    wb = Workbook()
    wb.properties.created = FIXED_DATE
    return wb


def book(rel, fill, title="合同备案表"):
    wb = new_workbook()
    ws = wb.active
    ws.title = title
    fill(ws, wb)
    wb.save(path(rel))


def plain(ws, _wb, data=None):
    ws.append(HEADER)
    for r in data if data is not None else rows():
        ws.append(r)


def good_bytes():
    buf = io.BytesIO()
    wb = new_workbook()
    ws = wb.active
    ws.title = "合同备案表"
    plain(ws, wb, rows(20))
    wb.save(buf)
    return buf.getvalue()


# ── Raw xlsx: parts written by hand ─────────────────────────────────────────

CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_xml(ref, v):
    """A cell: str → inline string (already escaped if it starts with '<'),
    int/float → number, ("e", text) → error value, ("f", formula, cached)
    → formula with a cached value, ("raw", xml) → as given."""
    if isinstance(v, tuple):
        kind = v[0]
        if kind == "e":
            return f'<c r="{ref}" t="e"><v>{v[1]}</v></c>'
        if kind == "f":
            t = ' t="e"' if str(v[2]).startswith("#") else (' t="str"' if isinstance(v[2], str) else "")
            return f'<c r="{ref}"{t}><f>{xml_escape(v[1])}</f><v>{v[2]}</v></c>'
        if kind == "raw":
            return v[1].replace("{ref}", ref)
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_escape(v)}</t></is></c>'


def sheet_xml(grid, dimension=None, extra="", prolog=""):
    """grid: list of (row_index_0based, [values…]) or plain list of rows."""
    if grid and not isinstance(grid[0], tuple):
        grid = list(enumerate(grid))
    body = []
    for r, vals in grid:
        cells = "".join(cell_xml(f"{col_letter(c)}{r + 1}", v) for c, v in enumerate(vals) if v is not None)
        body.append(f'<row r="{r + 1}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + dim
        + "<sheetData>"
        + "".join(body)
        + "</sheetData>"
        + extra
        + "</worksheet>"
    )


def raw_xlsx(rel, sheets, extra_parts=None, states=None):
    """sheets: [(name, sheet xml)]; states: {name: "hidden"|"veryHidden"}."""
    states = states or {}
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets))
    )
    wb_sheets = "".join(
        f'<sheet name="{xml_escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"'
        + (f' state="{states[n]}"' if n in states else "")
        + "/>"
        for i, (n, _) in enumerate(sheets)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{wb_sheets}</sheets></workbook>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets))
        )
        + "</Relationships>"
    )
    parts = {
        "[Content_Types].xml": CT.format(sheets=overrides),
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels,
    }
    for i, (_, xml) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    parts.update(extra_parts or {})
    with zipfile.ZipFile(path(rel), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def date_serial(d):
    return (d - dt.date(1899, 12, 30)).days


def header_and(*data_rows):
    return [HEADER] + [list(r) for r in data_rows]


def row(i, **kw):
    """One clean row as raw values (dates as text), with overrides."""
    r = {
        "序号": i,
        "参与单位": "杭州市某某中学",
        "合同编号": f"HT-{i:03}",
        "合同类型": "主合同",
        "合同金额（元）": 120000,
        "中标通知书日期": "2025-07-01",
        "合同签订日期": "2025-07-15",
    }
    r.update(kw)
    return [r[h] for h in HEADER]


# ── Containers: zip, OLE, other formats ────────────────────────────────────


def containers():
    good = good_bytes()
    write("zip/truncated-half.xlsx", good[: len(good) // 2])
    case("zip/truncated-half.xlsx", 2,
         "文件 zip/truncated-half.xlsx 已损坏或不完整：zip 结构无法解析（找不到完整的 zip 目录），文件可能被截断")

    # Only the end-of-central-directory record's last bytes are missing.
    write("zip/truncated-tail.xlsx", good[:-5])
    case("zip/truncated-tail.xlsx", 2, "文件 zip/truncated-tail.xlsx 已损坏或不完整：zip 结构无法解析")

    # Directory intact, the sheet's deflate stream overwritten.
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(good)
    off = info.header_offset
    start = off + 30 + int.from_bytes(data[off + 26 : off + 28], "little") + int.from_bytes(data[off + 28 : off + 30], "little")
    for i in range(start + 40, start + min(info.compress_size, 400)):
        data[i] = 0xA5
    write("zip/corrupt-deflate.xlsx", bytes(data))
    case("zip/corrupt-deflate.xlsx", 2, "文件 zip/corrupt-deflate.xlsx 的工作表“合同备案表”无法读取：")

    # A stored (uncompressed) sheet whose bytes changed: the CRC no longer matches.
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename), compress_type=zipfile.ZIP_STORED)
    data = bytearray(buf.getvalue())
    at = data.find(b"HT-005")
    data[at : at + 6] = b"HT-XXX"
    write("zip/crc-mismatch.xlsx", bytes(data))
    case("zip/crc-mismatch.xlsx", 2, "文件 zip/crc-mismatch.xlsx")

    with zipfile.ZipFile(path("zip/plain-archive.xlsx"), "w") as z:
        z.writestr("合同备案表.xlsx", good)
    case("zip/plain-archive.xlsx", 2,
         "文件 zip/plain-archive.xlsx 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是普通 zip 压缩包，不是 Excel 表格；请解压后上传其中的表格")

    with zipfile.ZipFile(path("zip/no-workbook.xlsx"), "w") as z:
        z.writestr("[Content_Types].xml", CT.format(sheets=""))
        z.writestr("_rels/.rels", ROOT_RELS)
    case("zip/no-workbook.xlsx", 2, "文件 zip/no-workbook.xlsx 已损坏或不完整：是 Office Open XML 包，但找不到工作簿部件（xl/workbook.xml）")

    # A workbook whose relationships point at a sheet part that is not there.
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, zin.read(item.filename))
    write("zip/missing-sheet-part.xlsx", buf.getvalue())
    case("zip/missing-sheet-part.xlsx", 2, "文件 zip/missing-sheet-part.xlsx 的工作表“合同备案表”无法读取")

    shutil.copy(os.path.join(FIXTURES, "zip_bomb.xlsx"), path("zip/bomb-ratio.xlsx"))
    case("zip/bomb-ratio.xlsx", 2,
         "文件 zip/bomb-ratio.xlsx 超出限制：压缩包内部件“xl/media/zeros.bin”压缩比 1028:1（49 KB 解压为 50.0 MB，疑似压缩炸弹）（上限 200:1）")

    # The central directory claims a 3 GB sheet: refused from the directory alone.
    data = bytearray(good)
    cd = data.find(b"PK\x01\x02")
    while cd >= 0:
        name_len = int.from_bytes(data[cd + 28 : cd + 30], "little")
        name = bytes(data[cd + 46 : cd + 46 + name_len])
        if name == b"xl/worksheets/sheet1.xml":
            data[cd + 24 : cd + 28] = (3 * 1024**3).to_bytes(4, "little")
        cd = data.find(b"PK\x01\x02", cd + 4)
    write("zip/declared-3gb-part.xlsx", bytes(data))
    case("zip/declared-3gb-part.xlsx", 2,
         "文件 zip/declared-3gb-part.xlsx 超出限制：压缩包内部件“xl/worksheets/sheet1.xml”解压后 3072.0 MB（上限 2048.0 MB）")

    # Traditional zip encryption flag on every entry.
    data = bytearray(good)
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        p = data.find(sig)
        while p >= 0:
            data[p + flag_at] |= 1
            p = data.find(sig, p + 4)
    write("encrypted/zip-encrypted.xlsx", bytes(data))
    case("encrypted/zip-encrypted.xlsx", 2, "文件 encrypted/zip-encrypted.xlsx 已加密（设置了打开密码），请去除密码后再上传")

    shutil.copy(os.path.join(FIXTURES, "encrypted.xlsx"), path("encrypted/password.xlsx"))
    case("encrypted/password.xlsx", 2, "文件 encrypted/password.xlsx 已加密（设置了打开密码），请去除密码后再上传")

    write("empty/zero-bytes.xlsx", b"")
    case("empty/zero-bytes.xlsx", 2,
         "文件 empty/zero-bytes.xlsx 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：文件为空（0 字节）")


def renamed():
    with zipfile.ZipFile(path("renamed/letter.docx.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    case("renamed/letter.docx.xlsx", 2, "文件 renamed/letter.docx.xlsx 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是 Word 文档（.docx），不是 Excel 表格")

    with zipfile.ZipFile(path("renamed/slides.pptx.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation/>')
    case("renamed/slides.pptx.xlsx", 2, "这是 PowerPoint 演示文稿（.pptx），不是表格")

    with zipfile.ZipFile(path("renamed/binary.xlsb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    # Read as .xlsb (by content); this one is only a stub, hence damaged.
    case("renamed/binary.xlsb.xlsx", 2, "文件 renamed/binary.xlsb.xlsx 已损坏或不完整：工作簿结构")

    with zipfile.ZipFile(path("renamed/letter.odt.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    case("renamed/letter.odt.ods", 2, "文件 renamed/letter.odt.ods 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是开放文档格式的文字文档（.odt），不是表格")

    write("renamed/report.pdf.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    case("renamed/report.pdf.xlsx", 2, "文件 renamed/report.pdf.xlsx 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是 PDF 文件，不是表格；请上传 Excel 原表")

    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    write("renamed/scan.png.xlsx", png)
    case("renamed/scan.png.xlsx", 2, "文件 renamed/scan.png.xlsx 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是 PNG 图片，不是表格")

    write("renamed/photo.jpg.xls", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
    case("renamed/photo.jpg.xls", 2, "这是 JPEG 图片，不是表格")

    write("renamed/export.html.xls", "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>合同编号</td></tr></table></body></html>")
    case("renamed/export.html.xls", 2, "文件 renamed/export.html.xls 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是网页（HTML）文件，常见于系统导出的“伪 xls”；请用 Excel 或 WPS 打开后另存为 .xlsx")

    write("renamed/notes.txt.xlsx", "合同编号,合同金额\nHT-1,100\n")
    case("renamed/notes.txt.xlsx", 2, "文件 renamed/notes.txt.xlsx 已损坏或不完整：扩展名为 .xlsx，但内容不是该格式（文件头不符）")

    write("renamed/unknown.bin", b"\x00\x01\x02\x03garbage")
    case("renamed/unknown.bin", 2, "文件 renamed/unknown.bin 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：无法从内容识别文件格式")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    doc = path("renamed/word97.doc.xls")
    if soffice and not os.path.exists(doc):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "letter.txt")
            with open(src, "w", encoding="utf-8") as f:
                f.write("关于签订合同的通知\n")
            subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", tmp, src],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, "letter.doc"), doc)
    case("renamed/word97.doc.xls", 2, "文件 renamed/word97.doc.xls 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：这是 Word 97-2003 文档（.doc），不是表格")


def rezip(rel, rename=lambda n: n, edit=None):
    """Rewrites a zip written here: parts renamed, some parts' text edited."""
    with zipfile.ZipFile(path(rel)) as z:
        parts = [(n, z.read(n)) for n in z.namelist()]
    with zipfile.ZipFile(path(rel), "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts:
            if edit and n in edit:
                data = edit[n](data.decode("utf-8")).encode("utf-8")
            z.writestr(rename(n), data)


def readable():
    """Odd but readable workbooks that other spreadsheet programs open."""
    grid = header_and(row(1), row(2))
    raw_xlsx("sheets/backslash-names.xlsx", [("合同备案表", sheet_xml(grid))])
    rezip("sheets/backslash-names.xlsx", rename=lambda n: n.replace("/", "\\"))
    case("sheets/backslash-names.xlsx", 0, '"rows":2')

    raw_xlsx("sheets/workbook-elsewhere.xlsx", [("合同备案表", sheet_xml(grid))])
    rezip("sheets/workbook-elsewhere.xlsx", rename=lambda n: "book/" + n[3:] if n.startswith("xl/") else n,
          edit={"_rels/.rels": lambda t: t.replace("xl/workbook.xml", "book/workbook.xml"),
                "[Content_Types].xml": lambda t: t.replace("/xl/", "/book/")})
    case("sheets/workbook-elsewhere.xlsx", 0, '"rows":2')

    raw_xlsx("sheets/whole-column-merge.xlsx", [("合同备案表", sheet_xml(
        grid, extra='<mergeCells count="2"><mergeCell ref="H:H"/><mergeCell ref="9:9"/></mergeCells>'))])
    case("sheets/whole-column-merge.xlsx", 0, '"rows":2',
         "工作表“合同备案表”合并单元格的范围无法识别（如整列、整行合并），已按未合并读取")

    # An Excel 4.0 worksheet: a bare BIFF4 stream, no compound file.
    write("xls/excel4.xls", bytes([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00]) + b"\x0a\x00\x00\x00")
    case("xls/excel4.xls", 2, "文件 xls/excel4.xls 不是可识别的表格文件", "这是 Excel 2.x–4.x 的旧格式工作表，暂不支持")

    xls = open(os.path.join(FIXTURES, "contracts.xls"), "rb").read()
    # The workbook stream's directory name in capitals, as some writers store it.
    name = "Workbook".encode("utf-16-le")
    assert name in xls
    write("xls/uppercase-stream.xls", xls.replace(name, "WORKBOOK".encode("utf-16-le"), 1))
    case("xls/uppercase-stream.xls", 1, '"rows":')

    # A FILEPASS record (type 0x002F) right after the globals' BOF: what
    # Excel writes for a workbook with an open password.
    data = bytearray(xls)
    bof = data.find(b"\x09\x08\x10\x00")
    after = bof + 4 + 16
    data[after : after + 2] = b"\x2f\x00"
    write("xls/filepass.xls", bytes(data))
    case("xls/filepass.xls", 2, "文件 xls/filepass.xls 已加密（设置了打开密码），请去除密码后再上传")

    # The last sector cut short (writers do not always pad it to 512 bytes).
    write("xls/short-last-sector.xls", xls.rstrip(b"\x00") if len(xls.rstrip(b"\x00")) % 512 else xls[:-100])
    case("xls/short-last-sector.xls", 1, '"rows":')


def legacy():
    shutil.copy(os.path.join(FIXTURES, "huge_dimension.xls"), path("xls/claims-4-billion-rows.xls"))
    case("xls/claims-4-billion-rows.xls", 2,
         "文件 xls/claims-4-billion-rows.xls 超出限制：工作表声明的范围为 4294967295 行 × 7 列（上限 65536 行）")

    # contracts.xls with two bytes changed: calamine reads past the end of
    # a MERGEDCELLS record and panics; the reader reports it as damaged.
    data = bytearray(open(os.path.join(FIXTURES, "contracts.xls"), "rb").read())
    for at, b in PANIC_XLS_EDITS:
        data[at] = b
    write("xls/calamine-panic.xls", bytes(data))
    case("xls/calamine-panic.xls", 2,
         "文件 xls/calamine-panic.xls 已损坏或不完整：文件结构异常，读取库无法解析", "!panicked")

    shutil.copy(os.path.join(FIXTURES, "repeat_bomb.ods"), path("ods/repeat-bomb.ods"))
    case("ods/repeat-bomb.ods", 2,
         "文件 ods/repeat-bomb.ods 超出限制：工作表“炸弹”展开后有 1000000 行 × 100 列（上限 20000000 个单元格）")


# (offset, new byte), found by mutating contracts.xls at random.
PANIC_XLS_EDITS = [(2592, 152), (5084, 39)]



# ── Sheets: what is inside the workbook ────────────────────────────────────

UNMATCHED = "没有读到任何可识别的表格"


def sheets():
    book("sheets/empty-workbook.xlsx", lambda ws, wb: None, title="Sheet1")
    case("sheets/empty-workbook.xlsx", 2, "sheets/empty-workbook.xlsx：没有读到任何可识别的表格", "空工作表")

    book("sheets/only-header.xlsx", lambda ws, wb: ws.append(HEADER))
    case("sheets/only-header.xlsx", 0, '"table":"合同备案表","header_row":1,"rows":0', '"findings":[]')

    def no_header(ws, _wb):
        for r in rows(5):
            ws.append(r)
    book("sheets/no-header.xlsx", no_header, title="Sheet1")
    case("sheets/no-header.xlsx", 2, "sheets/no-header.xlsx：没有读到任何可识别的表格", "前 30 个非空行中找不到任何已声明表格的表头")

    def two_rows(ws, _wb):
        ws.append(["2025年合同备案情况表"])
        ws.merge_cells("A1:G1")
        ws.append(["序号", "参与单位", "合同", None, None, "日期", None])
        ws.append([None, None, "编号", "类型", "金额（万元）", "中标通知书日期", "合同签订日期"])
        for rng in ["A2:A3", "B2:B3", "C2:E2", "F2:G2"]:
            ws.merge_cells(rng)
        ws.append([1, "杭州市某某中学", "HT-001", "主合同", 12, dt.datetime(2025, 7, 1), dt.datetime(2025, 7, 15)])
        ws.append([2, "杭州市某某中学", "HT-002", "主合同", 12.5, dt.datetime(2025, 7, 1), dt.datetime(2025, 8, 20)])
    book("sheets/two-header-rows.xlsx", two_rows)
    case("sheets/two-header-rows.xlsx", 1, '"header_row":3,"rows":2',
         '"rule":"GP-46"', '"cell":"G5"', "晚于通知书发出之日起三十日的最后一日 2025-07-31", args=CHECK_ZJ)

    def repeated(ws, _wb):
        ws.append(HEADER)
        ws.append(rows(1)[0])
        ws.append(HEADER)  # printed on every page
        ws.append(row(2))
    book("sheets/repeated-header.xlsx", repeated)
    case("sheets/repeated-header.xlsx", 0, '"header_row":1,"rows":2', '"findings":[]')

    def duplicated(ws, _wb):
        ws.append(HEADER + ["合同金额(万元)"])
        ws.append(rows(1)[0] + [12])
    book("sheets/duplicate-headers.xlsx", duplicated)
    case("sheets/duplicate-headers.xlsx", 1, '"cell":"H1"', "表头“合同金额(万元)”（H列）与 E 列重复，都对应“合同金额”；已按 E 列读取，H 列未读取")

    def merged(ws, _wb):
        ws.append(["序号", "参与单位", "合同编号", "合同类型", "合同金额（元）", "中标通知书日期", "合同签订日期"])
        ws.append([None] * 7)
        for c in "ABCDEFG":
            ws.merge_cells(f"{c}1:{c}2")
        for r in rows(2):
            ws.append(r)
        ws.merge_cells("B3:B4")  # one unit for both contracts
    book("sheets/merged-header.xlsx", merged)
    case("sheets/merged-header.xlsx", 0, '"header_row":1,"rows":2', '"findings":[]')

    def hidden(ws, wb):
        ws.append(["填表说明"])
        ws.append(["请在“合同”工作表填写。"])
        h = wb.create_sheet("合同")
        h.sheet_state = "hidden"
        plain(h, wb, rows(2) + [row(3, **{"合同签订日期": "2025-09-01"})])
        v = wb.create_sheet("旧表")
        v.sheet_state = "veryHidden"
        plain(v, wb, [row(9, **{"合同编号": "HT-009"})])
    book("sheets/hidden-sheets.xlsx", hidden, title="说明")
    case("sheets/hidden-sheets.xlsx", 1, '"sheet":"合同","table":"合同备案表","header_row":1,"rows":3',
         '"sheet":"旧表","table":"合同备案表","header_row":1,"rows":1', '"cell":"G4"', args=CHECK_ZJ)

    raw_xlsx("sheets/formula-errors.xlsx", [("合同备案表", sheet_xml(header_and(
        row(1, **{"合同金额（元）": ("e", "#DIV/0!")}),
        row(2, **{"中标通知书日期": ("e", "#REF!")}),
        row(3, **{"合同金额（元）": ("f", "1/0", "#DIV/0!")}),
        row(4, **{"合同金额（元）": ("f", "SUM(Z1:Z9)", 0), "合同签订日期": ("f", "#REF!+1", "#REF!")}),
        row(5, **{"合同金额（元）": ("raw", '<c r="{ref}"><f>E2*2</f></c>')}),
        row(6, **{"合同金额（元）": "#N/A"}),
    )))])
    case("sheets/formula-errors.xlsx", 1, "第2行 合同金额 公式错误 #DIV/0!", "第3行 中标通知书日期 公式错误 #REF!",
         "第4行 合同金额 公式错误 #DIV/0!", "第5行 合同签订日期 公式错误 #REF!", "第6行 合同金额 为必填项，不能为空",
         "第7行 合同金额 公式错误 #N/A")

    def old_dates(ws, _wb):
        ws.append(HEADER)
        for i, (notice, signed) in enumerate([
            ("1899-12-31", "2025-07-15"),
            (dt.datetime(1900, 1, 1), "2025-07-15"),
            (dt.datetime(1900, 2, 28), "2025-07-15"),
            (60, "2025-07-15"),
            (dt.datetime(1900, 3, 1), dt.datetime(1900, 4, 2)),
            ("1900年2月29日", "2025-07-15"),
        ]):
            ws.append(row(i + 1, **{"中标通知书日期": notice, "合同签订日期": signed}))
        ws["F5"].number_format = "yyyy-mm-dd"  # serial 60: Excel's fictitious 1900-02-29
    book("sheets/dates-before-1900.xlsx", old_dates)
    case("sheets/dates-before-1900.xlsx", 1,
         "第2行 中标通知书日期 “1899-12-31”超出日期的取值范围（1900-03-01 至 9999-12-31）",
         "第3行 中标通知书日期 “1900-01-01”超出日期的取值范围",
         "第4行 中标通知书日期 “1900-02-28”超出日期的取值范围",
         "第5行 中标通知书日期 “1900-02-29”超出日期的取值范围",
         "第7行 中标通知书日期 “1900年2月29日”不是有效的日期（应为日期，如 2025-07-01 或 2025年7月1日）",
         # 1900-03-01 is a date, but no calendar covers 1900: whether 04-02 is within
         # 30 days turns on 1900-03-31, so it is said, not guessed.
         '"cell":"G6"', "节假日日历未收录1900年（已收录：2019–2026），无法计算涉及1900-03-31的期限", args=CHECK_ZJ)

    long_ok = "长" * 32767
    long_bad = "超" * 40000
    raw_xlsx("sheets/long-cells.xlsx", [("合同备案表", sheet_xml(header_and(
        row(1, **{"参与单位": long_ok}),
        row(2, **{"参与单位": long_bad}),
        row(3, **{"合同金额（元）": "9" * 5000}),
    )))])
    case("sheets/long-cells.xlsx", 1, '"rows":3', "第3行 参与单位 内容过长（40000 字，上限 32767 字）",
         "第4行 合同金额", "!" + "长" * 200, "!" + "9" * 200)

    raw_xlsx("sheets/control-chars.xlsx", [("合同备案表", sheet_xml(header_and(
        row(1, **{"参与单位": "<x>", "合同编号": "HT-\u200b001"}),
        row(2, **{"参与单位": "某某\u202e学中", "合同编号": "HT-002"}),
        row(3, **{"参与单位": "某某\t中学\r\n", "合同金额（元）": "12\u00a0000"}),
    )).replace("&lt;x&gt;", "某_x0001_某_x001F_中学_x0000_"))])
    # Control and zero-width characters are dropped; a no-break space is
    # not a thousands separator.
    case("sheets/control-chars.xlsx", 1, '"rows":3', "第4行 合同金额 “12\u00a0000”不是有效的金额", '"summary":{"error":1,')

    def scientific(ws, _wb):
        ws.append(HEADER)
        for i, amount in enumerate(["1.2E+5", "1.2e5", 1.5e20, "1E+30", 1e300, "1,2E5"]):
            ws.append(row(i + 1, **{"合同金额（元）": amount}))
    book("sheets/scientific-notation.xlsx", scientific)
    # Text in scientific notation is how Excel shows a number too wide for
    # its column: the hidden digits are lost, so it is never an amount.
    case("sheets/scientific-notation.xlsx", 1, '"rows":6',
         "第2行 合同金额 “1.2E+5”是科学计数法，显示值可能已丢失位数，请填写完整金额",
         "第3行 合同金额 “1.2e5”是科学计数法", '!"cell":"E4"', "第5行 合同金额 “1E+30”是科学计数法",
         "第6行 合同金额 “1000000000000000000000000000000000000000…”不是有效的金额",
         "第7行 合同金额 “1,2E5”不是有效的金额", '"summary":{"error":5,')

    def negative(ws, _wb):
        ws.append(HEADER)
        for i, amount in enumerate(["-100", "(100)", "−100", -5, "NaN", "nan", "inf", "-Infinity", "#NUM!", "—", "/"]):
            ws.append(row(i + 1, **{"合同金额（元）": amount}))
    book("sheets/negative-and-nan.xlsx", negative)
    # Negative amounts are read and reported (an amount is never negative);
    # accounting brackets, the minus sign U+2212 and NaN-like words are not numbers.
    case("sheets/negative-and-nan.xlsx", 1, '"rows":11', "第3行 合同金额 “(100)”不是有效的金额",
         "第4行 合同金额 “−100”不是有效的金额", "第6行 合同金额 “NaN”不是有效的金额", "第7行 合同金额 “nan”不是有效的金额",
         "第8行 合同金额 “inf”不是有效的金额", "第9行 合同金额 “-Infinity”不是有效的金额", "第10行 合同金额 公式错误 #NUM!",
         "第11行 合同金额 “—”不是有效的金额", "第12行 合同金额 “/”不是有效的金额",
         "第2行 合同金额 “-100”为负数：金额不能为负", "第5行 合同金额 “-5”为负数：金额不能为负", '"summary":{"error":11,')

    raw_xlsx("sheets/10000-columns.xlsx", [("合同备案表", sheet_xml(
        [HEADER + [f"列{i}" for i in range(10000 - len(HEADER))], row(1)]))])
    # Cells beyond the column limit are skipped as they stream by, with a note.
    case("sheets/10000-columns.xlsx", 0, '"rows":1',
         "sheets/10000-columns.xlsx：工作表“合同备案表”第 256 列（IV列）以后有 9744 个非空单元格，超出列数上限，未读取")

    raw_xlsx("sheets/far-cell.xlsx", [("合同备案表", sheet_xml(
        [(0, HEADER), (1, row(1)), (1048575, [None] * 16383 + ["远处的单元格"])], dimension="A1:XFD1048576"))])
    case("sheets/far-cell.xlsx", 0, '"rows":1',
         "sheets/far-cell.xlsx：工作表“合同备案表”第 256 列（IV列）以后有 1 个非空单元格，超出列数上限，未读取")

    raw_xlsx("sheets/row-beyond-excel.xlsx", [("合同备案表", sheet_xml(
        [(0, HEADER), (1, row(1)), (1048576, ["表外的行"])]))])
    case("sheets/row-beyond-excel.xlsx", 2, "文件 sheets/row-beyond-excel.xlsx 超出限制：工作表“合同备案表”第1048577行（行数过多）（上限 1048576 行）")

    shutil.copy(os.path.join(FIXTURES, "huge_dimension.xlsx"), path("sheets/claims-whole-grid.xlsx"))
    # A sheet is never refused for the columns it lacks: the rules that need
    # them are reported as not checked.
    case("sheets/claims-whole-grid.xlsx", 0, '"header_row":1,"rows":1', '"coverage":{')

    def total_text(ws, _wb):
        plain(ws, _wb, rows(2))
        ws.append(["合计", None, None, None, "见附件", None, None])
        ws.append(["注：金额单位为元。"])
    book("sheets/total-row-text.xlsx", total_text)
    case("sheets/total-row-text.xlsx", 1, '"rows":2', "第4行（合计行） 合同金额 “见附件”不是有效的金额", '"cell":"E4"')

    xml = sheet_xml(header_and(row(1), row(2))).replace("</row><row", "</row><row><c r=\"A9\"><v>1</v></c", 1)
    raw_xlsx("sheets/malformed-xml.xlsx", [("合同备案表", xml)])
    case("sheets/malformed-xml.xlsx", 2, "文件 sheets/malformed-xml.xlsx 的工作表“合同备案表”无法读取：", "内容已损坏", "!Expecting")

    xml = sheet_xml(header_and(row(1, **{"参与单位": ("raw", '<c r="{ref}" t="s"><v>99999</v></c>')})))
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>唯一</t></si></sst>')
    raw_xlsx("sheets/bad-shared-string.xlsx", [("合同备案表", xml)], {"xl/sharedStrings.xml": sst})
    case("sheets/bad-shared-string.xlsx", 2, "文件 sheets/bad-shared-string.xlsx")

    bomb = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8)) + "]>"
    xml = sheet_xml(header_and(row(1, **{"参与单位": "&i;"})), prolog=bomb).replace("&amp;i;", "&i;")
    raw_xlsx("sheets/entity-expansion.xlsx", [("合同备案表", xml)])
    case("sheets/entity-expansion.xlsx", 2, "文件 sheets/entity-expansion.xlsx 的工作表“合同备案表”无法读取")

    raw_xlsx("sheets/odd-sheet-name.xlsx", [("合同[备案]:表*?/" + "长" * 40, sheet_xml(header_and(
        row(1, **{"合同签订日期": "2025-09-01"}))))])
    # The report workbook needs legal sheet names (no []:*?/, at most 31 characters).
    case("sheets/odd-sheet-name.xlsx", 0, args="--rules-only {tables} check {file} -p 语料 --as-of 2025-08-01 --format xlsx --out {out}")


# ── CSV and text ────────────────────────────────────────────────────────────

CSV_ROWS = [",".join(HEADER[1:])] + [
    "杭州市某某中学,HT-001,主合同,120000,2025-07-01,2025-07-15",
    "杭州市某某中学,HT-002,主合同,abc,2025-07-01,2025-07-15",
]


def csv_text(sep="\n"):
    return sep.join(CSV_ROWS) + sep


def csvs():
    write("csv/invalid-utf8.csv", b"\xe5\x90\x88\xe5,\xff\xfe\x80\n" * 3)
    case("csv/invalid-utf8.csv", 2, "文件 csv/invalid-utf8.csv 不是可识别的表格文件（支持 .xlsx、.xls、.ods、.csv）：无法识别的编码（既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16）")

    write("csv/gbk.csv", csv_text().encode("gbk"))
    case("csv/gbk.csv", 1, '"rows":2', "第3行 合同金额 “abc”不是有效的金额")

    write("csv/utf8-bom.csv", b"\xef\xbb\xbf" + csv_text("\r\n").encode("utf-8"))
    case("csv/utf8-bom.csv", 1, '"rows":2', "第3行 合同金额 “abc”不是有效的金额")

    write("csv/utf16le-tabs.txt", b"\xff\xfe" + csv_text("\r\n").replace(",", "\t").encode("utf-16-le"))
    case("csv/utf16le-tabs.txt", 1, '"rows":2', "第3行 合同金额 “abc”不是有效的金额")

    write("csv/utf16be.csv", b"\xfe\xff" + csv_text().encode("utf-16-be"))
    case("csv/utf16be.csv", 1, '"rows":2', "第3行 合同金额 “abc”不是有效的金额")

    write("csv/bom-only.csv", b"\xef\xbb\xbf")
    case("csv/bom-only.csv", 2, "csv/bom-only.csv：没有读到任何可识别的表格", "空工作表")

    write("csv/crlf-blank-lines.csv", ("标题\r\n\r\n" + csv_text("\r\n")).encode())
    case("csv/crlf-blank-lines.csv", 1, '"header_row":3', "第5行 合同金额 “abc”不是有效的金额")

    write("csv/cr-only.csv", ("标题\r\r" + csv_text("\r")).encode())
    case("csv/cr-only.csv", 1, '"header_row":3', "第5行 合同金额 “abc”不是有效的金额")

    # A 合计 at the very edge of what an exact decimal holds: the sum
    # check must say so, not overflow.
    write("csv/huge-total.csv", (CSV_ROWS[0] + "\n" + CSV_ROWS[1] + "\n合计,,,-79228162514264337593543950335,,\n").encode())
    case("csv/huge-total.csv", 1, "!panicked", "!overflow")

    write("csv/100000-fields.csv", (CSV_ROWS[0] + "," * 100000 + "x\n" + CSV_ROWS[1] + "\n").encode())
    case("csv/100000-fields.csv", 0, '"rows":1',
         "csv/100000-fields.csv：工作表“100000-fields”第 256 列（IV列）以后有 1 个非空单元格，超出列数上限，未读取")

    write("csv/very-long-line.csv", (csv_text() + "杭州市" + "某" * 2_000_000 + ",HT-003,主合同,1,2025-07-01,2025-07-15\n").encode())
    case("csv/very-long-line.csv", 1, '"rows":3', "第4行 参与单位 内容过长（2000003 字，上限 32767 字）", "!" + "某" * 100)

    write("csv/nul-and-controls.csv", csv_text().replace("HT-001", "HT-\x00001").replace("某某", "某\x07\x1b某").encode())
    case("csv/nul-and-controls.csv", 1, '"rows":2')

    write("csv/unterminated-quote.csv", (csv_text() + '"杭州市某某中学,HT-003,主合同,1,2025-07-01,2025-07-15\n').encode())
    # The quote runs to the end of the file: one more row, on line 4.
    case("csv/unterminated-quote.csv", 1, '"rows":3', "第3行 合同金额 “abc”不是有效的金额", "第4行 合同编号 为必填项，不能为空",
         "!第3行 合同编号")

    lines = [",".join(HEADER[1:])] + [
        f"杭州市某某中学,HT-00{i + 1},主合同,{a},2025-07-01,2025-07-15"
        for i, a in enumerate(["1.2E+5", "1e5", "1E+30", "-100", "NaN", "Infinity", "#DIV/0!", "-"])
    ]
    write("csv/numbers.csv", "\n".join(lines) + "\n")
    case("csv/numbers.csv", 1, '"rows":8', "第2行 合同金额 “1.2E+5”是科学计数法", "第3行 合同金额 “1e5”是科学计数法",
         "第4行 合同金额 “1E+30”是科学计数法", "第5行 合同金额 “-100”为负数：金额不能为负", "第6行 合同金额 “NaN”不是有效的金额",
         "第7行 合同金额 “Infinity”不是有效的金额", "第8行 合同金额 公式错误 #DIV/0!")

    write("csv/mixed-encodings.csv", csv_text().encode("utf-8") + "杭州市某某中学,HT-003,主合同,1,2025-07-01,2025-07-15\n".encode("gbk"))
    case("csv/mixed-encodings.csv", 2, "csv/mixed-encodings.csv")

    write("csv/only-separators.csv", ",,,,\n;;;\n\t\t\n")
    case("csv/only-separators.csv", 2, "csv/only-separators.csv：没有读到任何可识别的表格")



# ── Rule files: one folder per load error, run with --rules-only ────────────────

BASE_RULES = """# 最小的自足规则库：一份文件、一张表、一个规则集、一个参数、一条规则。
文件 甲办法 {
  名称 "甲市合同管理办法"
  文号 "甲财〔2025〕1号"
}

表 合同备案表 {
  依据 《甲办法》 第一条 "合同签订后应当备案。"
  列 合同编号: 文本 必填 唯一
  列 合同类型: 枚举("主合同", "补充合同") 必填
  列 合同金额: 金额(元) 必填
  列 中标通知书日期: 日期 必填
  列 合同签订日期: 日期 必填
}

规则集 甲市 {
  名称 "甲市合同管理办法"
  文号 "甲财〔2025〕1号"
  生效 2025-01-01
}

参数 金额上限 = 100万元 {
  依据 第二条 "单份合同金额不得超过100万元。"
}

规则 JA-1 "单份合同金额不超过上限" {
  依据 第二条 "单份合同金额不得超过100万元。"
  程度 不得
  范围 合同备案表 每行
  要求 合同金额 不超过 金额上限
}
"""

RULE_HEAD = '规则集 乙市 {\n  名称 "乙市补充规定"\n  文号 "乙财〔2025〕2号"\n  继承 甲市\n}\n'


def rule_text(body, id="YI-1"):
    return RULE_HEAD + f'规则 {id} "测试规则" {{\n{body}\n}}\n'


GOOD_BODY = "  依据 第一条\n  程度 应当\n  范围 合同备案表 每行\n  要求 合同金额 不超过 50万元"


def rules_case(name, broken, *expect, base=True, exit=2, args="--rules-only rules/{name} rules list"):
    if base:
        write(f"rules/{name}/base.rules", BASE_RULES)
    if isinstance(broken, str):
        broken = broken.encode("utf-8")
    if broken is not None:
        write(f"rules/{name}/broken.rules", broken)
    case(f"rules/{name}", exit, *expect, args=args.format(name=name))


def rules():
    # Every message names file:line:column, and the source line is shown.
    f = "rules/{}/broken.rules"
    rules_case("syntax", rule_text(GOOD_BODY.replace("程度 应当", "程度 应该")),
               f.format("syntax") + ":8:6: 语法错误", "程度词", "程度 应该")
    rules_case("misspelt-keyword", rule_text(GOOD_BODY.replace("要求", "耀求")),
               f.format("misspelt-keyword") + ":10:3:", "是否指“要求”？")
    rules_case("unknown-column", rule_text(GOOD_BODY.replace("合同金额", "合同金钱")),
               f.format("unknown-column") + ":10:6: 未知的名称“合同金钱”", "是否指“合同金额”？")
    rules_case("unknown-table", rule_text(GOOD_BODY.replace("合同备案表", "合同备按表")),
               f.format("unknown-table") + ":9:6: 未知的表“合同备按表”", "是否指“合同备案表”？")
    rules_case("unknown-parameter", rule_text(GOOD_BODY.replace("50万元", "金额上线")),
               f.format("unknown-parameter") + ":10:15: 未知的名称“金额上线”", "是否指“金额上限”？")
    rules_case("type-mismatch", rule_text(GOOD_BODY.replace("50万元", "合同签订日期")),
               f.format("type-mismatch") + ":10:", "金额不能与日期比较")
    rules_case("unit-mismatch", rule_text(GOOD_BODY.replace("50万元", "500000")),
               f.format("unit-mismatch") + ":10:", "金额不能与数值比较", "金额请写明单位，如 400万元")
    rules_case("missing-citation", rule_text(GOOD_BODY.replace("  依据 第一条\n", "")),
               f.format("missing-citation") + ":6:", "缺少依据")
    rules_case("parameter-without-citation", RULE_HEAD + "参数 门槛 = 400万元 {\n}\n",
               f.format("parameter-without-citation") + ":6:", "参数“门槛”缺少依据")
    rules_case("duplicate-rule", rule_text(GOOD_BODY) + '规则 YI-1 "再来一次" {\n' + GOOD_BODY + "\n}\n",
               f.format("duplicate-rule") + ":12:", "规则编号“YI-1”重复")
    rules_case("same-id-as-parent", rule_text(GOOD_BODY, id="JA-1"),
               "与上级规则集“甲市”的规则同号", "如需覆盖上级的规则，请在前面加“覆盖”")
    rules_case("override-missing", RULE_HEAD + '覆盖 规则 JA-2 "x" {\n' + GOOD_BODY + "\n}\n",
               "在上级规则集中不存在", "是否指“JA-1”？")
    rules_case("enum-value", rule_text(GOOD_BODY.replace("  要求", '  当 合同类型 = "补允合同"\n  要求')),
               "不是列“合同类型”的可选值", "是否指“补充合同”？")
    rules_case("aggregate-in-row-scope", rule_text(GOOD_BODY.replace("要求 合同金额", "要求 合计(合同金额)")),
               "只能用于“按 … 分组”或“整表”范围")
    rules_case("message-template", rule_text(GOOD_BODY + '\n  说明 "合同 {合同编码} 过大"'),
               f.format("message-template") + ":11:", "未知的名称“合同编码”", "是否指“合同编号”？")
    rules_case("example-unknown-rule", rule_text(GOOD_BODY) + '例 "x" {\n  合同备案表 { 合同编号: "HT-1", 合同金额: 60万元 }\n  期望 违反 YI-2\n}\n',
               "没有规则“YI-2”", "是否指“YI-1”？")
    rules_case("bad-date", RULE_HEAD.replace("  继承", "  生效 2025-02-30\n  继承"), f.format("bad-date") + ":4:")
    rules_case("unterminated-string", rule_text(GOOD_BODY.replace("依据 第一条", '依据 第一条 "没有结尾的引文')),
               f.format("unterminated-string"), "语法错误")
    rules_case("unknown-parent", RULE_HEAD.replace("继承 甲市", "继承 甲巿"),
               f.format("unknown-parent") + ":4:", "继承了不存在的规则集“甲巿”", "是否指“甲市”？")
    write("rules/inheritance-cycle/a.rules", BASE_RULES.replace("  生效 2025-01-01\n", "  生效 2025-01-01\n  继承 乙市\n"))
    rules_case("inheritance-cycle", RULE_HEAD, "规则集继承成环", base=False)
    # 300 operands: one rule's condition builds a tree that deep.
    chain = " + ".join(["合同金额"] * 300)
    rules_case("expression-chain", rule_text(GOOD_BODY.replace("要求 合同金额", "要求 " + chain)),
               f.format("expression-chain") + ":10:6: 表达式过于复杂，无法处理", "一个条件最多约 250 个运算对象")
    rules_case("expression-nesting", rule_text(GOOD_BODY.replace("要求 合同金额", "要求 " + "(" * 300 + "合同金额" + ")" * 300)),
               f.format("expression-nesting") + ":10:6: 表达式过于复杂，无法处理")
    rules_case("invalid-utf8", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(128, 256)),
               "规则文件 rules/invalid-utf8/broken.rules 无法读取：不是 UTF-8 编码的文本文件")
    write("rules/empty-folder/README.txt", "这个目录里没有 .rules 文件。\n")
    rules_case("empty-folder", None, "规则目录 rules/empty-folder 中没有 .rules 文件", base=False)
    rules_case("missing-folder", None, "规则目录 rules/no-such-folder 无法读取：不存在", base=False,
               args="--rules-only rules/no-such-folder rules list")
    rules_case("file-not-folder", None, "规则目录 rules/syntax/base.rules 无法读取：不是目录", base=False,
               args="--rules-only rules/syntax/base.rules rules list")
    # Tolerated: a BOM and CRLF line ends; the error's line number still counts lines.
    rules_case("bom-crlf", ("\ufeff" + rule_text(GOOD_BODY.replace("合同金额", "合同金钱"))).replace("\n", "\r\n"),
               f.format("bom-crlf") + ":10:6: 未知的名称“合同金钱”")
    rules_case("bom-crlf-ok", ("\ufeff" + rule_text(GOOD_BODY)).replace("\n", "\r\n"), "乙市", exit=0)
    # Loads, and a check with it reads the upload.
    rules_case("check-with-custom-rules", rule_text(GOOD_BODY.replace("50万元", "12万元")), '"ruleset":"乙市"',
               '"rule":"YI-1"', '"cell":"E3"', '!"cell":"E2"', exit=1,
               args="--rules-only rules/{name} check sheets/hidden-sheets.xlsx -p 乙市 --as-of 2025-08-01 --format json --out {{out}}")



# ── Templates (--templates): confined to their own tree ────────────────────

MANIFEST = "名称: 问候\n标识: hello\n地区: 通用\n输出: [md, html]\n字段:\n  - { 名称: 姓名, 变量: name, 必填: 是 }\n"
GENERATE = "--templates templates/{name} generate hello --data templates/data.yaml --out {{out}}"


def template_case(name, body, exit, *expect, fmt="md"):
    write(f"templates/{name}/问候/template.yaml", MANIFEST)
    write(f"templates/{name}/问候/body.jdoc", body)
    # Another template's file and a file beside the tree: both out of reach.
    write(f"templates/{name}/其他/body.jdoc", "其他模板的正文\n")
    case(f"templates/{name}", exit, *expect, args=GENERATE.format(name=name).replace("{out}", "{out}." + fmt))


def templates():
    write("templates/data.yaml", "姓名: \"<script>alert('x')</script> & {{ 7*7 }} {% raw %}\"\n")
    where = "模板只能引用本模板目录（问候/）和 _shared/ 中的 .jdoc 文件，不能读取其他文件"
    # The file exists beside the template's folder; tera never sees it.
    write("templates/include-parent/secret.jdoc", "机密内容\n")
    template_case("include-parent", '{% include "../secret.jdoc" %}\n', 2,
                  "模板“问候”有误：不能包含“../secret.jdoc”：" + where, "!机密内容")
    template_case("include-absolute", '{% include "/etc/passwd" %}\n', 2, "不能包含“/etc/passwd”：" + where, "!root:")
    template_case("include-sibling", '{% include "其他/body.jdoc" %}\n', 2, "不能包含“其他/body.jdoc”：" + where,
                  "!其他模板的正文")
    template_case("extends-outside", '{% extends "../../../../etc/hostname" %}\n', 2,
                  "不能继承“../../../../etc/hostname”：" + where)
    template_case("env-function", '{{ get_env(name="HOME") }}\n', 2,
                  "没有函数“get_env”：模板不能读取文件、环境变量或运行命令")
    # Data is text, never template code or markup; HTML escapes it even
    # where the template marks it safe.
    template_case("html-escapes-data", "@标题 {{ name }}\n{{ name | safe }}\n", 0,
                  "&lt;script&gt;alert(", "{{ 7*7 }}", "!<script>", "!49", fmt="html")


# ── Project and template data (YAML) ───────────────────────────────────────

def data():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    write("data/billion-laughs.yaml", "\n".join(lines) + "\n")
    write("data/deep-nesting.yaml", "x: " + "[" * 10000 + "]" * 10000 + "\n")
    write("data/duplicate-keys.yaml", "汇总预算: 100万元\n汇总预算: 200万元\n")
    write("data/not-a-mapping.yaml", "- 1\n- 2\n")
    write("data/binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    write("data/too-big.yaml", "# " + "x" * (1024 * 1024) + "\n")
    check = "--rules-only {tables} check sheets/only-header.xlsx -p 语料 --as-of 2025-08-01 --data {file} --format json --out {out}"
    case("data/billion-laughs.yaml", 2, "项目信息文件 data/billion-laughs.yaml 有误：不是有效的 YAML 映射：", "budget breached", args=check)
    case("data/deep-nesting.yaml", 2, "项目信息文件 data/deep-nesting.yaml 有误：不是有效的 YAML 映射：", "recursion limit exceeded", args=check)
    case("data/duplicate-keys.yaml", 2, "项目信息文件 data/duplicate-keys.yaml 有误：", "duplicate mapping key: 汇总预算", args=check)
    case("data/not-a-mapping.yaml", 2, "项目信息文件 data/not-a-mapping.yaml 有误：", args=check)
    case("data/binary.yaml", 2, "项目信息文件 data/binary.yaml 有误：无法读取为 UTF-8 文本", args=check)
    case("data/too-big.yaml", 2, "项目信息文件 data/too-big.yaml 有误：文件过大（1048579 字节，上限 1048576 字节）", args=check)
    gen = "generate zhejiang-sign-notice --data {file} --out {out}.md"
    case("data/billion-laughs.yaml", 2, "数据文件 data/billion-laughs.yaml 有 1 处问题，未生成文件", "budget breached",
         args=gen, id="data/billion-laughs.yaml (generate)")


# ── Outputs: never half written, never over an existing file ──────────────

def outputs():
    good = "--rules-only {tables} check sheets/only-header.xlsx -p 语料 --as-of 2025-08-01 --format json --out "
    case("out/existing", 2, "无法写入 {existing}：文件已存在；如需覆盖请加 --force", args=good + "{existing}")
    case("out/existing-forced", 0, '"rows":0', args=good + "{existing} --force")
    case("out/missing-folder", 2, "无法写入 {outdir}/无此目录/结果.json：目录 {outdir}/无此目录 不存在",
         args=good + "{outdir}/无此目录/结果.json")
    case("out/is-a-folder", 2, "无法写入 {outdir}：这是一个目录，请给出文件名", args=good + "{outdir}")
    case("out/xlsx-needs-out", 2, "--format xlsx 需要用 --out 指定输出文件",
         args="--rules-only {tables} check sheets/only-header.xlsx -p 语料 --format xlsx")
    # A bad input after a good one: nothing is written, not even a partial report.
    case("out/second-file-bad", 2, "文件 zip/truncated-half.xlsx 已损坏或不完整",
         args="--rules-only {tables} check sheets/only-header.xlsx zip/truncated-half.xlsx -p 语料 --format xlsx --out {out}")
    case("out/generate-existing", 2, "无法写入 {existing}：文件已存在；如需覆盖请加 --force",
         args="generate zhejiang-sign-notice --data ../../samples/data/zhejiang-sign-notice.yaml --format md --out {existing}")
    case("out/merge-bad-input", 2, "文件 renamed/report.pdf.xlsx 不是可识别的表格文件",
         args="--rules-only {tables} merge renamed/report.pdf.xlsx -p 语料 --out {out}")


def main():
    write("tables-only/语料.rules", '# 空规则集：只用 rules/tables.rules 的表格声明读取语料。\n规则集 语料 {\n  名称 "坏输入语料"\n  文号 "（测试用）"\n}\n')
    containers()
    renamed()
    legacy()
    readable()
    sheets()
    csvs()
    rules()
    templates()
    data()
    outputs()
    with open(path("manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by make_corpus.py. id\targuments\texit code\texpectations (see the script)\n")
        for id, args, exit, expect in CASES:
            f.write("\t".join([id, args, str(exit)] + expect) + "\n")
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
