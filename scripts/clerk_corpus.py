#!/usr/bin/env python3
"""Writes the clerk-made workbook corpus in tests/clerk/.

Each workbook is described below the way a clerk would lay it out: a merged
title, a unit line (单位：万元), headers in the documents' words or everyday
variants (合同签订时间, 预算单位名称, 是否为牵头单位), two-level headers
(中标供应商 over 名称 / 信用代码 …), a 合计 row at the top or bottom, notes,
text dates and amounts, hidden and extra columns, and ledgers of several
projects. Every planted problem names its rule and the header of the cell
at fault; the script turns that into the exact cell and writes a manifest
(NAME.json) beside the workbook with the expected findings and the rows
that must stay silent.

The script writes flat ODS (.fods, plain XML, standard library only) and has
LibreOffice convert it to .xlsx, .xls or .ods; a few ledgers are plain CSV.
The generated files are committed; the tests only read them.

    python3 scripts/clerk_corpus.py            # needs soffice on PATH
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "tests", "clerk")


# ── cell values ─────────────────────────────────────────────────────────────

class D:
    """A date stored as a date cell."""

    def __init__(self, iso):
        self.iso = iso


class P:
    """A percentage stored as a fraction."""

    def __init__(self, x):
        self.x = x


class F:
    """A formula with its cached value (合计)."""

    def __init__(self, formula, value):
        self.formula = formula
        self.value = value


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_xml(v, span=1, rows=1):
    attrs = ""
    if span > 1:
        attrs += f' table:number-columns-spanned="{span}"'
    if rows > 1:
        attrs += f' table:number-rows-spanned="{rows}"'
    if v is None or v == "":
        return f"<table:table-cell{attrs}/>"
    if isinstance(v, D):
        return (f'<table:table-cell{attrs} table:style-name="date" office:value-type="date" '
                f'office:date-value="{v.iso}"><text:p>{v.iso}</text:p></table:table-cell>')
    if isinstance(v, P):
        return (f'<table:table-cell{attrs} table:style-name="pct" office:value-type="percentage" '
                f'office:value="{v.x}"><text:p>{v.x * 100:g}%</text:p></table:table-cell>')
    if isinstance(v, F):
        return (f'<table:table-cell{attrs} table:formula="{escape(v.formula)}" '
                f'office:value-type="float" office:value="{v.value}"><text:p>{v.value}</text:p></table:table-cell>')
    if isinstance(v, bool):
        v = "是" if v else "否"
    if isinstance(v, (int, float)):
        return (f'<table:table-cell{attrs} office:value-type="float" office:value="{v}">'
                f"<text:p>{v}</text:p></table:table-cell>")
    return (f'<table:table-cell{attrs} office:value-type="string">'
            f"<text:p>{escape(str(v))}</text:p></table:table-cell>")


def covered():
    return "<table:covered-table-cell/>"


# ── sheets ─────────────────────────────────────────────────────────────────

class Sheet:
    """A sheet as a clerk lays it out.

    headers: list of str, or (parent, [children]) for a two-level header.
    rows: list of Row. total: None, "top" or "bottom", summing total_cols.
    hidden: header names whose columns are hidden.
    """

    def __init__(self, tab, headers, rows, title=None, unit=None, total=None,
                 total_cols=(), notes=(), hidden=(), total_typed=None):
        self.tab = tab
        self.headers = headers
        self.rows = rows
        self.title = title
        self.unit = unit
        self.total = total
        self.total_cols = list(total_cols)
        self.notes = list(notes)
        self.hidden = set(hidden)
        # {header: value}: a 合计 typed by hand instead of the formula.
        self.total_typed = total_typed or {}

    def flat(self):
        """(display name, parent) per column."""
        out = []
        for h in self.headers:
            if isinstance(h, tuple):
                out.extend((c, h[0]) for c in h[1])
            else:
                out.append((h, None))
        return out

    def two_level(self):
        return any(isinstance(h, tuple) for h in self.headers)

    def col(self, name):
        names = [n for n, _ in self.flat()]
        if name not in names:
            raise KeyError(f"{self.tab}: no header {name}")
        return names.index(name)

    def layout(self):
        """Sheet rows (1-based) of the header, first data row, total row."""
        r = 1
        if self.title:
            r += 1
        if self.unit:
            r += 1
        header = r
        r += 2 if self.two_level() else 1
        total_row = None
        if self.total == "top":
            total_row = r
            r += 1
        first = r
        if self.total == "bottom":
            total_row = first + len(self.rows)
        return header, first, total_row

    def xml(self):
        flat = self.flat()
        n = len(flat)
        header, first, total_row = self.layout()
        out = [f'<table:table table:name="{escape(self.tab)}">']
        for i, (name, _) in enumerate(flat):
            vis = ' table:visibility="collapse"' if name in self.hidden else ""
            out.append(f'<table:table-column table:style-name="co"{vis}/>')
        if self.title:
            out.append("<table:table-row>" + cell_xml(self.title, span=n)
                       + covered() * (n - 1) + "</table:table-row>")
        if self.unit:
            out.append("<table:table-row>" + cell_xml(self.unit, span=n)
                       + covered() * (n - 1) + "</table:table-row>")
        if self.two_level():
            top, sub = [], []
            for h in self.headers:
                if isinstance(h, tuple):
                    k = len(h[1])
                    top.append(cell_xml(h[0], span=k) + covered() * (k - 1))
                    sub.extend(cell_xml(c) for c in h[1])
                else:
                    top.append(cell_xml(h, rows=2))
                    sub.append(covered())
            out.append("<table:table-row>" + "".join(top) + "</table:table-row>")
            out.append("<table:table-row>" + "".join(sub) + "</table:table-row>")
        else:
            out.append("<table:table-row>" + "".join(cell_xml(h) for h, _ in flat)
                       + "</table:table-row>")

        def total_cells():
            cells = []
            last = first + len(self.rows) - 1
            for i, (name, _) in enumerate(flat):
                if i == 0:
                    cells.append(cell_xml("合计"))
                elif name in self.total_typed:
                    cells.append(cell_xml(self.total_typed[name]))
                elif name in self.total_cols:
                    L = col_letter(i)
                    s = sum(r.values[i] for r in self.rows if isinstance(r.values[i], (int, float)))
                    cells.append(cell_xml(F(f"of:=SUM([.{L}{first}:.{L}{last}])", round(s, 2))))
                else:
                    cells.append(cell_xml(None))
            return "<table:table-row>" + "".join(cells) + "</table:table-row>"

        if self.total == "top":
            out.append(total_cells())
        for r in self.rows:
            if len(r.values) != n:
                raise ValueError(f"{self.tab}: row has {len(r.values)} cells, header {n}")
            out.append("<table:table-row>" + "".join(cell_xml(v) for v in r.values)
                       + "</table:table-row>")
        if self.total == "bottom":
            out.append(total_cells())
        if self.notes:
            out.append("<table:table-row>" + cell_xml(None) + "</table:table-row>")
            for note in self.notes:
                out.append("<table:table-row>" + cell_xml(note) + "</table:table-row>")
        out.append("</table:table>")
        return "\n".join(out)

    def csv(self):
        import csv
        import io
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([h for h, _ in self.flat()])
        for r in self.rows:
            w.writerow(["" if v is None else (v.iso if isinstance(v, D) else v) for v in r.values])
        return buf.getvalue()


class Row:
    """One data row: values by header, and the problems planted in it as
    (rule, header of the cell at fault, why the reader must understand it)."""

    def __init__(self, sheet_headers, values, faults=()):
        self.named = values
        self.faults = list(faults)
        self.values = None
        self._headers = sheet_headers

    def bind(self, sheet):
        names = [n for n, _ in sheet.flat()]
        unknown = set(self.named) - set(names)
        if unknown:
            raise KeyError(f"{sheet.tab}: unknown headers {unknown}")
        self.values = [self.named.get(n) for n in names]


def sheet(tab, headers, rows, **kw):
    """Builds a sheet from rows given as (values dict, faults)."""
    objs = [Row(headers, v, f) for v, f in rows]
    s = Sheet(tab, headers, objs, **kw)
    for r in objs:
        r.bind(s)
    return s


def ok(**values):
    return (values, [])


def bad(faults, **values):
    """faults: [(rule, header)] or [(rule, header, cause)]."""
    return (values, [f if len(f) == 3 else (f[0], f[1], "") for f in faults])


# ── workbooks ──────────────────────────────────────────────────────────────

BOOKS = []


def book(name, ruleset, about, sheets, fmt="xlsx", data=None, as_of="2025-12-31",
         also_expected=(), not_silent=()):
    """also_expected: (rule, sheet, cell, cause) findings not tied to a row
    value (project facts from a sheet); not_silent: (sheet, row) that are
    neither expected nor clean (e.g. a row another rule legitimately flags)."""
    BOOKS.append(dict(name=name, ruleset=ruleset, about=about, sheets=sheets,
                      fmt=fmt, data=data, as_of=as_of,
                      also_expected=list(also_expected), not_silent=list(not_silent)))


def expectations(b):
    expected, silent = [], []
    for s in b["sheets"]:
        _, first, _ = s.layout()
        for i, r in enumerate(s.rows):
            row = first + i
            if r.faults:
                for rule, header, cause in r.faults:
                    expected.append(dict(rule=rule, sheet=s.tab,
                                         cell=f"{col_letter(s.col(header))}{row}",
                                         needs=cause))
            elif (s.tab, row) not in b["not_silent"]:
                silent.append(dict(sheet=s.tab, row=row))
    for rule, sh, cell, cause in b["also_expected"]:
        expected.append(dict(rule=rule, sheet=sh, cell=cell, needs=cause))
    return expected, silent


FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:percentage-style style:name="pc"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
 <style:style style:name="pct" style:family="table-cell" style:data-style-name="pc"/>
 <style:style style:name="co" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
FODS_TAIL = "</office:spreadsheet></office:body></office:document>\n"


def write_all():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="clerk-")
    by_fmt = {}
    for b in BOOKS:
        base = b["name"]
        if b["fmt"] == "csv":
            (s,) = b["sheets"]
            with open(os.path.join(OUT, base + ".csv"), "w", encoding="utf-8") as f:
                f.write(s.csv())
        else:
            path = os.path.join(tmp, base + ".fods")
            with open(path, "w", encoding="utf-8") as f:
                f.write(FODS_HEAD + "\n".join(s.xml() for s in b["sheets"]) + FODS_TAIL)
            by_fmt.setdefault(b["fmt"], []).append(path)
        if b["data"]:
            with open(os.path.join(OUT, base + ".yaml"), "w", encoding="utf-8") as f:
                f.write(b["data"])
        expected, silent = expectations(b)
        manifest = {
            "workbook": f"{base}.{b['fmt']}",
            "ruleset": b["ruleset"],
            "as_of": b["as_of"],
            "data": f"{base}.yaml" if b["data"] else None,
            "writer": "csv" if b["fmt"] == "csv" else "LibreOffice",
            "about": b["about"],
            "expected": expected,
            "silent_rows": silent,
        }
        with open(os.path.join(OUT, base + ".json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
            f.write("\n")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("需要 LibreOffice（soffice）")
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods"}
    for fmt, paths in by_fmt.items():
        subprocess.run([soffice, "--headless", "--calc", "--convert-to", filters[fmt],
                        "--outdir", OUT, *paths], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(tmp)
    print(f"{len(BOOKS)} workbooks in {OUT}")



# ════ the workbooks ═════════════════════════════════════════════════════════

CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit(body):
    """A valid 统一社会信用代码 (GB 32100-2015) from its first 17 characters."""
    s = sum(CC.index(c) * w for c, w in zip(body, W))
    return body + CC[(31 - s % 31) % 31]


def bad_credit(body):
    good = credit(body)
    return body + ("1" if good[-1] != "1" else "2")


SUP = [
    ("华信科技有限公司", "91110108MA01Q8P7K", "中国工商银行北京海淀支行", "0200 0045 0901 2345 678"),
    ("中原办公设备有限公司", "91410100MA45R2T3X", "中国建设银行郑州分行", "4100 1500 0100 5202 1234"),
    ("东方物业服务有限公司", "91310115MA1K4U6W0", "交通银行上海浦东分行", "3100 6605 0018 0001 2345"),
    ("长春长信医疗科技有限公司", "91220101MA17A2B3C", "吉林银行长春分行", "0801 0110 0000 1234"),
]

# What the reader has to understand for a planted problem to be found.
SYN_TIME = "表头同义词 时间/日期（合同签订时间、中标通知书发出时间）"
SYN_UNIT = "表头同义词 单位名称/采购单位/预算单位/采购人（预算单位名称、采购单位名称、采购人名称）"
SYN_LEAD = "表头同义词 是否为/是否（是否为牵头单位）"
SYN_SUPPLIER = "表头同义词 中标供应商名称"
TWO_SUPPLIER = "两级表头 中标供应商 / 名称、信用代码、收款银行、收款账户"
TWO_COUNTS = "两级表头 供应商数 / 响应、合格、入围"
TWO_EVAL = "两级表头 评标委员会 / 成员人数、其中评审专家人数"
TWO_AWARD = "两级表头 中标（成交） / 供应商确定日期、通知书发出日期、结果公告日期"
FOLLOW = "规则跟随数据：有效期在入围结果表上也与1年/2年比较"
ENUM_LEVEL = "枚举值同义词 县（市、区）级 → 县级"
FULLWIDTH = "全角字母的品目编码（Ａ02010105）按半角读"
FACTS_SHEET = "项目信息表（键值）作为项目事实读取"
PARTS = "一张表中缺少必填列时其余列照常核对（不拒收整表）"


# ── 全国 ───────────────────────────────────────────────────────────────────

H = ["序号", "采购单位名称", "项目名称", "合同名称", "合同编号", "合同类型", "合同金额（元）",
     "中标通知书发出时间", "合同签订时间", "合同公告日期", "合同备案日期", "中标供应商名称",
     "统一社会信用代码", "联系人", "备注"]
c0 = dict(采购单位名称="某市机关事务管理局", 项目名称="2025年办公家具采购", 合同类型="主合同",
          中标供应商名称=SUP[0][0], 统一社会信用代码=credit(SUP[0][1]), 联系人="王芳")
book("qg-contracts-everyday", "national",
     "合同备案表，表头用日常写法（采购单位名称、中标通知书发出时间、合同签订时间、中标供应商名称），含文字日期",
     [sheet("合同备案", H, [
         ok(序号=1, 合同名称="办公家具采购合同（一）", 合同编号="HT-2025-001", **{"合同金额（元）": 480000},
            中标通知书发出时间=D("2025-07-01"), 合同签订时间=D("2025-07-31"),
            合同公告日期=D("2025-08-01"), 合同备案日期=D("2025-08-11"), **c0),
         bad([("GP-46", "合同签订时间", SYN_TIME)], 序号=2, 合同名称="办公家具采购合同（二）",
             合同编号="HT-2025-002", **{"合同金额（元）": 260000}, 中标通知书发出时间=D("2025-07-01"),
             合同签订时间=D("2025-08-01"), 合同公告日期=D("2025-08-04"),
             合同备案日期=D("2025-08-11"), **c0),
         bad([("GP-47", "合同备案日期", PARTS)], 序号=3, 合同名称="会议桌椅采购合同",
             合同编号="HT-2025-003", **{"合同金额（元）": 90000}, 中标通知书发出时间=D("2025-06-03"),
             合同签订时间=D("2025-06-09"), 合同公告日期=D("2025-06-10"),
             合同备案日期=D("2025-06-19"), **c0),
         bad([("GP-50", "合同公告日期", PARTS)], 序号=4, 合同名称="档案柜采购合同",
             合同编号="HT-2025-004", **{"合同金额（元）": 75000}, 中标通知书发出时间=D("2025-06-03"),
             合同签订时间=D("2025-06-09"), 合同公告日期=D("2025-06-12"),
             合同备案日期=D("2025-06-12"), **c0),
         bad([("GP-信用代码", "统一社会信用代码", PARTS)], 序号=5, 合同名称="沙发采购合同",
             合同编号="HT-2025-005", **{"合同金额（元）": 30000}, 中标通知书发出时间=D("2025-06-03"),
             合同签订时间=D("2025-06-09"), 合同公告日期=D("2025-06-10"),
             合同备案日期=D("2025-06-12"),
             **{**c0, "统一社会信用代码": bad_credit(SUP[0][1])}),
         ok(序号=6, 合同名称="书柜采购合同", 合同编号="HT-2025-006", **{"合同金额（元）": "12.5万"},
            中标通知书发出时间="2025年9月1日", 合同签订时间="2025/9/30",
            合同公告日期="2025年10月9日", 合同备案日期="2025-10-15", 备注="国庆假期顺延", **c0),
     ], title="2025年政府采购合同备案登记表", unit="金额单位：元",
        notes=["注：合同签订后7个工作日内备案，2个工作日内公告。"])])

H = ["序号", "采购单位", "合同编号", "合同类型", "原合同编号", "合同金额", "原合同金额",
     "中标（成交）通知书发出日期", "合同签订日期", "合同公告日期", "合同备案日期",
     ("中标供应商", ["名称", "信用代码", "收款银行", "收款账户"])]
c1 = dict(采购单位="某区教育局", 名称=SUP[1][0], 信用代码=credit(SUP[1][1]), 收款银行=SUP[1][2],
          收款账户=SUP[1][3])
dates = dict(合同公告日期=D("2025-06-11"), 合同备案日期=D("2025-06-18"))
book("qg-contracts-two-level", "national",
     "合同备案表：中标供应商两级表头，金额以万元计（单位行），补充合同按原合同编号归组",
     [sheet("合同备案表", H, [
         ok(序号=1, 合同编号="JY-HT-01", 合同类型="主合同", 合同金额=100,
            **{"中标（成交）通知书发出日期": D("2025-06-03")}, 合同签订日期=D("2025-06-10"), **dates, **c1),
         bad([("GP-49", "合同金额", "")], 序号=2, 合同编号="JY-HT-01-1", 合同类型="补充合同",
             原合同编号="JY-HT-01", 合同金额=6, 原合同金额=100, 合同签订日期=D("2025-06-10"),
             **dates, **c1),
         ok(序号=3, 合同编号="JY-HT-01-2", 合同类型="补充合同", 原合同编号="JY-HT-01",
            合同金额=4.01, 原合同金额=100, 合同签订日期=D("2025-06-10"), **dates, **c1),
         ok(序号=4, 合同编号="JY-HT-02", 合同类型="主合同", 合同金额=50,
            **{"中标（成交）通知书发出日期": D("2025-06-03")}, 合同签订日期=D("2025-06-10"), **dates, **c1),
         ok(序号=5, 合同编号="JY-HT-02-1", 合同类型="补充合同", 原合同编号="JY-HT-02", 合同金额=5,
            原合同金额=50, 合同签订日期=D("2025-06-10"), **dates, **c1),
         bad([("GP-信用代码", "信用代码", TWO_SUPPLIER)], 序号=6, 合同编号="JY-HT-03",
             合同类型="主合同", 合同金额=20, **{"中标（成交）通知书发出日期": D("2025-06-03")},
             合同签订日期=D("2025-06-10"), **dates, **{**c1, "信用代码": bad_credit(SUP[1][1])}),
     ], title="某区教育局2025年政府采购合同备案表", unit="单位：万元",
        notes=["注：补充合同填写原合同编号和原合同金额。"])],
)

H = ["序号", "项目名称", "包号", "投标人", "保证金种类", "保证金数额", "提交形式", "采购项目预算金额",
     "是否中标（成交）", "中标（成交）通知书发出日期", "合同签订日期", "保证金退还日期", "收到撤回通知日期"]
p = dict(项目名称="2025年教学设备采购", 包号="1", 保证金种类="投标保证金", 提交形式="银行保函")
book("qg-deposits", "national",
     "保证金台账（LibreOffice 写出的 .xls）：文字金额“1.5万”、文字日期，未中标、中标、撤回三种退还",
     [sheet("保证金台账", H, [
         ok(序号=1, 投标人=SUP[0][0], 保证金数额=20000, 采购项目预算金额=1000000, **{"是否中标（成交）": "否"},
            **{"中标（成交）通知书发出日期": D("2025-06-09")}, 保证金退还日期=D("2025-06-16"), **p),
         bad([("GP-条例33-比例", "保证金数额", "")], 序号=2, 投标人=SUP[1][0], 保证金数额=20000.01,
             采购项目预算金额=1000000, **p),
         bad([("GP-条例33-形式", "提交形式", "")], 序号=3, 投标人=SUP[2][0], 保证金数额=5000,
             采购项目预算金额=1000000, **{**p, "提交形式": "现金"}),
         bad([("GP-条例33-退还未中标", "保证金退还日期", "")], 序号=4, 投标人="北方信息技术有限公司",
             保证金数额=10000, 采购项目预算金额=1000000, **{"是否中标（成交）": "否"},
             **{"中标（成交）通知书发出日期": D("2025-06-09")}, 保证金退还日期=D("2025-06-17"), **p),
         bad([("GP-87-38-撤回", "保证金退还日期", "")], 序号=5, 投标人="南方数码科技有限公司",
             保证金数额=10000, 采购项目预算金额=1000000, 收到撤回通知日期=D("2025-06-09"),
             保证金退还日期=D("2025-06-17"), **p),
         ok(序号=6, 投标人="西部智能装备有限公司", 保证金数额="1.5万", 采购项目预算金额="100万",
            **{"是否中标（成交）": "是"}, **{"中标（成交）通知书发出日期": "2025年6月13日"},
            合同签订日期="2025年6月20日", 保证金退还日期="2025年6月27日", **p),
     ], title="2025年投标保证金收退台账", unit="金额单位：元")], fmt="xls")

H = ["序号", "项目编号", "项目名称", "采购方式", "项目属性", "采购预算",
     ("招标文件", ["开始发出日期", "提供截止日期"]), "投标截止日期",
     ("评标委员会", ["成员人数", "其中评审专家人数"]),
     ("中标（成交）", ["供应商确定日期", "通知书发出日期", "结果公告日期"]), "经办人", "内部编号"]


def run(i, name, method, kind, budget, **kw):
    return dict(序号=i, 项目编号=f"ZX-2025-{i:03d}", 项目名称=name, 采购方式=method, 项目属性=kind,
                采购预算=budget, 经办人="李明", 内部编号=f"N{i:04d}", **kw)


book("qg-execution-ledger", "national",
     "采购执行台账（六个项目）：两级表头（招标文件、评标委员会、中标（成交））、单位：万元、隐藏列与多余列",
     [sheet("执行台账", H, [
         ok(**run(1, "2025年业务用房装修材料采购", "公开招标", "货物", 1200, 开始发出日期=D("2025-03-03"),
                  提供截止日期=D("2025-03-10"), 投标截止日期=D("2025-03-25"), 成员人数=7, 其中评审专家人数=5,
                  供应商确定日期=D("2025-04-03"), 通知书发出日期=D("2025-04-08"), 结果公告日期=D("2025-04-08"))),
         bad([("GP-35", "投标截止日期", "")], **run(2, "2025年档案密集架采购", "公开招标", "货物", 300,
             开始发出日期=D("2025-03-05"), 投标截止日期=D("2025-03-24"), 成员人数=5, 其中评审专家人数=4)),
         bad([("GP-87-47-人数", "成员人数", TWO_EVAL)], **run(3, "2025年食堂设备采购", "邀请招标", "货物", 150,
             成员人数=4, 其中评审专家人数=3)),
         bad([("GP-87-47-专家", "其中评审专家人数", TWO_EVAL)], **run(4, "2025年会议系统采购", "公开招标", "货物", 260,
             成员人数=5, 其中评审专家人数=3)),
         bad([("GP-条例43-通知", "通知书发出日期", TWO_AWARD)], **run(5, "2025年网络设备采购", "公开招标", "货物", 420,
             供应商确定日期=D("2025-06-09"), 通知书发出日期=D("2025-06-12"), 结果公告日期=D("2025-06-11"))),
         ok(**run(6, "2025年办公楼保洁服务", "竞争性谈判", "服务", 80, 成员人数=3, 其中评审专家人数=2,
                  供应商确定日期=D("2025-06-20"), 通知书发出日期=D("2025-06-24"), 结果公告日期=D("2025-06-23"))),
     ], title="某市政府采购中心2025年采购项目执行台账", unit="单位：万元", hidden=["内部编号"],
        notes=["注：一行一个项目；未经历的环节不填。"])])

H = ["序号", "项目名称", "采购方式", "是否达到公开招标数额标准", "单一来源公示开始日期", "公示截止日期",
     "公示期内有无异议", "补充论证日期", "采购文件发出日期", "投标（响应）截止日期",
     "评标委员会（小组）人数", "其中评审专家人数", "备注"]
book("qg-execution-single-source", "national",
     "采购执行台账（.ods）：单一来源公示与补充论证、竞争性谈判和询价小组",
     [sheet("非招标方式", H, [
         ok(序号=1, 项目名称="专用软件运维服务", 采购方式="单一来源", 是否达到公开招标数额标准="是",
            单一来源公示开始日期=D("2025-05-12"), 公示截止日期=D("2025-05-19"), 公示期内有无异议="是",
            补充论证日期=D("2025-05-26")),
         bad([("GP-条例38", "公示截止日期", "")], 序号=2, 项目名称="原厂设备维保服务", 采购方式="单一来源",
             单一来源公示开始日期=D("2025-05-12"), 公示截止日期=D("2025-05-16"), 公示期内有无异议="否"),
         bad([("GP-74-40", "补充论证日期", "")], 序号=3, 项目名称="专用检测设备升级", 采购方式="单一来源",
             单一来源公示开始日期=D("2025-05-12"), 公示截止日期=D("2025-05-19"), 公示期内有无异议="是",
             补充论证日期=D("2025-05-27")),
         bad([("GP-74-7-小组", "评标委员会（小组）人数", "")], 序号=4, 项目名称="绿化养护服务",
             采购方式="竞争性谈判", 是否达到公开招标数额标准="否", 采购文件发出日期=D("2025-06-09"),
             **{"投标（响应）截止日期": D("2025-06-12")}, **{"评标委员会（小组）人数": 4}, 其中评审专家人数=3),
         bad([("GP-74-29", "投标（响应）截止日期", "")], 序号=5, 项目名称="办公耗材采购", 采购方式="询价",
             是否达到公开招标数额标准="否", 采购文件发出日期=D("2025-06-09"),
             **{"投标（响应）截止日期": D("2025-06-11")}, **{"评标委员会（小组）人数": 3}, 其中评审专家人数=2),
         ok(序号=6, 项目名称="复印纸采购", 采购方式="询价", 是否达到公开招标数额标准="否",
            采购文件发出日期=D("2025-06-09"), **{"投标（响应）截止日期": D("2025-06-12")},
            **{"评标委员会（小组）人数": 3}, 其中评审专家人数=2),
         bad([("GP-74-7-五人", "评标委员会（小组）人数", "")], 序号=7, 项目名称="宣传片制作服务",
             采购方式="竞争性谈判", 是否达到公开招标数额标准="是", **{"评标委员会（小组）人数": 3},
             其中评审专家人数=2, 备注="达到公开招标数额标准，经批准采用竞争性谈判"),
     ], title="2025年非招标采购方式执行台账")], fmt="ods")

H = ["序号", "项目名称", "质疑人", "收到询问日期", "询问答复日期", "知道或应知权益受损日期",
     "收到质疑函日期", "质疑答复日期", "提起投诉日期", "收到投诉书日期", "处理决定日期"]
pn = "2025年信息化设备采购"
book("qg-challenges", "national", "质疑投诉台账：询问、质疑、投诉处理各一行或多行，跨国庆假期",
     [sheet("质疑投诉", H, [
         ok(序号=1, 项目名称=pn, 质疑人=SUP[0][0], 收到询问日期=D("2025-06-09"), 询问答复日期=D("2025-06-12"),
            知道或应知权益受损日期=D("2025-06-09"), 收到质疑函日期=D("2025-06-18"),
            质疑答复日期=D("2025-06-27"), 提起投诉日期=D("2025-07-18"), 收到投诉书日期=D("2025-07-21"),
            处理决定日期=D("2025-09-01")),
         bad([("GP-53", "质疑答复日期", "")], 序号=2, 项目名称=pn, 质疑人=SUP[1][0],
             收到质疑函日期=D("2025-06-09"), 质疑答复日期=D("2025-06-19")),
         bad([("GP-条例52", "询问答复日期", "")], 序号=3, 项目名称=pn, 质疑人=SUP[2][0],
             收到询问日期=D("2025-06-09"), 询问答复日期=D("2025-06-13")),
         bad([("GP-56", "处理决定日期", "")], 序号=4, 项目名称=pn, 质疑人="北方信息技术有限公司",
             收到投诉书日期=D("2025-07-10"), 处理决定日期=D("2025-08-22")),
         ok(序号=5, 项目名称=pn, 质疑人="南方数码科技有限公司", 收到询问日期=D("2025-09-29"),
            询问答复日期=D("2025-10-09")),
         bad([("GP-52", "收到质疑函日期", "")], 序号=6, 项目名称=pn, 质疑人="西部智能装备有限公司",
             知道或应知权益受损日期=D("2025-06-09"), 收到质疑函日期=D("2025-06-19")),
     ], title="2025年询问、质疑和投诉处理台账")])

H = ["合同编号", "合同名称", "收款单位", "付款期次", "约定付款日期", "应付金额", "实际付款日期", "实付金额", "备注"]
book("qg-payments", "national", "合同支付台账（CSV，一行一笔付款）",
     [sheet("qg-payments", H, [
         ok(合同编号="HT-2025-001", 合同名称="办公家具采购合同", 收款单位=SUP[0][0], 付款期次="预付款",
            约定付款日期=D("2025-07-31"), 应付金额=144000, 实际付款日期=D("2025-07-31"), 实付金额=144000),
         bad([("GP-条例51", "实际付款日期", "")], 合同编号="HT-2025-001", 合同名称="办公家具采购合同",
             收款单位=SUP[0][0], 付款期次="验收款", 约定付款日期=D("2025-10-31"), 应付金额=336000,
             实际付款日期=D("2025-11-03"), 实付金额=336000),
         ok(合同编号="HT-2025-002", 合同名称="物业服务合同", 收款单位=SUP[2][0], 付款期次="第一季度",
            约定付款日期=D("2025-04-10"), 应付金额=90000, 实际付款日期=D("2025-04-08"), 实付金额=90000),
         bad([("GP-条例51", "实际付款日期", "")], 合同编号="HT-2025-002", 合同名称="物业服务合同",
             收款单位=SUP[2][0], 付款期次="第二季度", 约定付款日期=D("2025-07-10"), 应付金额=90000,
             实际付款日期="2025年7月15日", 实付金额=90000, 备注="财务流程延误"),
     ])], fmt="csv")

H = ["序号", "项目名称", "采购项目属性", "预算金额（万元）", "是否采购进口产品", "是否开展需求调查",
     "调查对象数量", "是否开展重点审查", "合同文本经法律顾问审定"]
book("qg-demand-mgmt", "national", "需求管理台账：一行一个项目，预算以万元计，门槛上下各有项目",
     [sheet("需求管理", H, [
         ok(序号=1, 项目名称="数据中心服务器采购", 采购项目属性="货物", **{"预算金额（万元）": 1000},
            是否采购进口产品="否", 是否开展需求调查="是", 调查对象数量=3, 是否开展重点审查="是",
            合同文本经法律顾问审定="是"),
         bad([("GP-需求11-台账", "是否开展需求调查", ""), ("GP-需求23-台账", "合同文本经法律顾问审定", ""),
              ("GP-需求33-台账", "是否开展重点审查", "")], 序号=2, 项目名称="全市视频会议系统运维服务",
             采购项目属性="服务", **{"预算金额（万元）": 1500}, 是否采购进口产品="否", 是否开展需求调查="否",
             是否开展重点审查="否", 合同文本经法律顾问审定="否"),
         ok(序号=3, 项目名称="办公楼维修改造工程", 采购项目属性="工程", **{"预算金额（万元）": 2999},
            是否采购进口产品="否", 是否开展需求调查="否", 是否开展重点审查="否", 合同文本经法律顾问审定="否"),
         bad([("GP-需求10-台账", "调查对象数量", "")], 序号=4, 项目名称="实验室通风设备采购",
             采购项目属性="货物", **{"预算金额（万元）": 200}, 是否采购进口产品="否", 是否开展需求调查="是",
             调查对象数量=2),
         bad([("GP-需求11-台账", "是否开展需求调查", "")], 序号=5, 项目名称="进口质谱仪采购", 采购项目属性="货物",
             **{"预算金额（万元）": 80}, 是否采购进口产品="是", 是否开展需求调查="否", 是否开展重点审查="是",
             合同文本经法律顾问审定="是"),
         ok(序号=6, 项目名称="业务用房新建工程", 采购项目属性="工程", **{"预算金额（万元）": 3000},
            是否采购进口产品="否", 是否开展需求调查="是", 调查对象数量=5, 是否开展重点审查="是",
            合同文本经法律顾问审定="是"),
     ], title="2025年政府采购需求管理台账", unit="单位：万元")])

H = ["采购包号", "底级品目", "采购标的类型", "框架协议类型", "第一阶段评审方法", "是否有政府定价", "检测实验仪器",
     "淘汰率", "框架协议期限", "需求调查采购人数", "需求调查供应商数", "确定第二阶段成交供应商的方式"]
s0 = dict(底级品目="A02010105", 采购标的类型="货物", 框架协议类型="封闭式", 第一阶段评审方法="价格优先法",
          是否有政府定价="否", 检测实验仪器="否", 淘汰率=P(0.2), 框架协议期限="1年", 需求调查采购人数=5,
          需求调查供应商数=4, 确定第二阶段成交供应商的方式="直接选定")
book("qg-fa-scheme", "national", "框架协议采购方案（每个采购包一行），表头取方案范本的写法",
     [sheet("采购方案", H, [
         ok(采购包号="1", **s0),
         bad([("GP-110-15-货物", "框架协议期限", "")], 采购包号="2", **{**s0, "框架协议期限": "13个月"}),
         bad([("GP-110-27-方案", "淘汰率", "")], 采购包号="3", **{**s0, "淘汰率": P(0.15)}),
         bad([("GP-110-25", "第一阶段评审方法", "")], 采购包号="4", **{**s0, "第一阶段评审方法": "质量优先法"}),
         ok(采购包号="5", **{**s0, "底级品目": "C21040000", "采购标的类型": "服务", "第一阶段评审方法": "质量优先法",
                            "是否有政府定价": "是", "淘汰率": P(0.25), "框架协议期限": "2年",
                            "确定第二阶段成交供应商的方式": "顺序轮候"}),
         bad([("GP-110-11-采购人", "需求调查采购人数", "")], 采购包号="6", **{**s0, "需求调查采购人数": 2}),
     ], title="2025年办公设备框架协议采购方案（采购包一览）")])

H = ["采购包", "标的类型", "框架协议类型", ("供应商数", ["响应", "合格", "入围"]), "入围通知书发出日期",
     "协议签订日期", "入围信息公开日期", "协议副本备案日期", "框架协议有效期"]
o0 = dict(标的类型="货物", 框架协议类型="封闭式", 响应=6, 合格=5, 入围=4, 入围通知书发出日期=D("2025-06-03"),
          协议签订日期=D("2025-06-30"), 入围信息公开日期=D("2025-07-02"), 协议副本备案日期=D("2025-07-09"),
          框架协议有效期="1年")
book("qg-fa-outcome", "national",
     "框架协议入围结果：供应商数两级表头（响应/合格/入围），有效期记在入围结果表上",
     [sheet("入围结果", H, [
         ok(采购包="1", **o0),
         bad([("GP-110-27-淘汰一家", "入围", TWO_COUNTS), ("GP-110-27-淘汰比例", "入围", TWO_COUNTS)],
             采购包="2", **{**o0, "响应": 3, "合格": 3, "入围": 3}),
         bad([("GP-110-29-签订", "协议签订日期", "")], 采购包="3",
             **{**o0, "协议签订日期": D("2025-07-04"), "入围信息公开日期": D("2025-07-07"),
                "协议副本备案日期": D("2025-07-10")}),
         bad([("GP-110-30", "入围信息公开日期", "")], 采购包="4", **{**o0, "入围信息公开日期": D("2025-07-04")}),
         bad([("GP-110-15-货物", "框架协议有效期", FOLLOW)], 采购包="5", **{**o0, "框架协议有效期": "2年"}),
     ], title="2025年办公设备框架协议采购入围结果")])

H = ["序号", "框架协议项目名称", "采购包", "采购人", "成交方式", "成交供应商名称", "成交金额（元）",
     "确定成交供应商日期", "成交结果公告日期", "框架协议有效期满日期", "成交结果汇总公告日期"]
fa = "2025年办公设备框架协议采购"
book("qg-fa-awards", "national", "框架协议第二阶段成交台账（.xls）：逐笔公告与汇总公告",
     [sheet("成交台账", H, [
         ok(序号=1, 框架协议项目名称=fa, 采购包="1", 采购人="某市财政局", 成交方式="二次竞价", 成交供应商名称=SUP[0][0],
            **{"成交金额（元）": 48000}, 确定成交供应商日期=D("2025-06-09"), 成交结果公告日期=D("2025-06-11")),
         bad([("GP-110-35-逐笔", "成交结果公告日期", "")], 序号=2, 框架协议项目名称=fa, 采购包="2", 采购人="某市税务局",
             成交方式="顺序轮候", 成交供应商名称=SUP[2][0], **{"成交金额（元）": 30000},
             确定成交供应商日期=D("2025-06-09"), 成交结果公告日期=D("2025-06-12")),
         ok(序号=3, 框架协议项目名称=fa, 采购包="1", 采购人="某市统计局", 成交方式="直接选定", 成交供应商名称=SUP[1][0],
            **{"成交金额（元）": 12000}, 确定成交供应商日期=D("2025-06-09")),
         bad([("GP-110-35-汇总", "成交结果汇总公告日期", "")], 序号=4, 框架协议项目名称="2024年复印纸框架协议采购",
             采购包="1", 采购人="某市财政局", 成交方式="直接选定", 成交供应商名称=SUP[1][0], **{"成交金额（元）": 6000},
             确定成交供应商日期=D("2025-05-20"), 框架协议有效期满日期=D("2025-06-09"),
             成交结果汇总公告日期=D("2025-06-24")),
         ok(序号=5, 框架协议项目名称="2024年打印机框架协议采购", 采购包="1", 采购人="某市财政局", 成交方式="直接选定",
            成交供应商名称=SUP[1][0], **{"成交金额（元）": 3000}, 确定成交供应商日期=D("2025-05-20"),
            框架协议有效期满日期=D("2025-06-09"), 成交结果汇总公告日期=D("2025-06-23")),
     ], title="框架协议采购第二阶段成交登记表")], fmt="xls")

H = ["序号", "预算单位名称", "单位代码", "项目名称", "采购包", "采购品目编码", "采购数量", "计量单位", "采购预算（万元）"]
book("qg-demand-catalog", "national", "需求汇总表：预算单位名称、全角字母的品目编码、合计在下",
     [sheet("需求汇总", H, [
         ok(序号=1, 预算单位名称="某部机关服务局", 单位代码="101001", 项目名称="2025年度办公设备联合采购", 采购包="1",
            采购品目编码="A02010105", 采购数量=60, 计量单位="台", **{"采购预算（万元）": 30}),
         ok(序号=2, 预算单位名称="某部信息中心", 单位代码="101002", 项目名称="2025年度办公设备联合采购", 采购包="1",
            采购品目编码="Ａ02010105", 采购数量=40, 计量单位="台", **{"采购预算（万元）": 20}),
         bad([("GP-品目", "采购品目编码", SYN_UNIT)], 序号=3, 预算单位名称="某部档案馆", 单位代码="201001",
             项目名称="2025年度办公设备联合采购", 采购包="3", 采购品目编码="A0201019", 采购数量=10, 计量单位="台",
             **{"采购预算（万元）": 2.5}),
         ok(序号=4, 预算单位名称="某部档案馆", 单位代码="201001", 项目名称="2025年度办公设备联合采购", 采购包="2",
            采购品目编码="A02021003", 采购数量=20, 计量单位="台", **{"采购预算（万元）": 4}),
     ], title="2025年度办公设备联合采购需求汇总表", unit="单位：万元", total="bottom",
        total_cols=["采购数量", "采购预算（万元）"])])

H = ["序号", "供应商名称", "保证金类型", "保证金金额（元）", "缴纳方式", "合同编号", "合同总金额", "终止采购日期", "保证金退还日期"]
book("qg-deposit-performance", "national", "保证金登记表（.ods）：履约保证金与终止采购后的退还",
     [sheet("保证金", H, [
         ok(序号=1, 供应商名称=SUP[0][0], 保证金类型="履约保证金", **{"保证金金额（元）": 120000}, 缴纳方式="银行保函",
            合同编号="HT-2025-011", 合同总金额=1200000),
         bad([("GP-条例48-比例", "保证金金额（元）", "")], 序号=2, 供应商名称=SUP[1][0], 保证金类型="履约保证金",
             **{"保证金金额（元）": 100000.01}, 缴纳方式="银行保函", 合同编号="HT-2025-012", 合同总金额=1000000),
         bad([("GP-条例48-形式", "缴纳方式", "")], 序号=3, 供应商名称=SUP[2][0], 保证金类型="履约保证金",
             **{"保证金金额（元）": 30000}, 缴纳方式="现金", 合同编号="HT-2025-013", 合同总金额=300000),
         ok(序号=4, 供应商名称="北方信息技术有限公司", 保证金类型="投标保证金", **{"保证金金额（元）": 10000},
            缴纳方式="银行转账", 终止采购日期=D("2025-06-09"), 保证金退还日期=D("2025-06-16")),
         bad([("GP-87-29-终止", "保证金退还日期", "")], 序号=5, 供应商名称="南方数码科技有限公司",
             保证金类型="投标保证金", **{"保证金金额（元）": 10000}, 缴纳方式="银行转账",
             终止采购日期=D("2025-06-09"), 保证金退还日期=D("2025-06-17")),
     ], title="2025年保证金登记表", unit="金额单位：元")], fmt="ods")

H = ["项目名称", "采购方式", "项目属性", "采购预算（元）", "邀请供应商数", "投标人数", "合格投标人数", "评标委员会人数",
     "评审专家人数", "评标方法", "价格分值比重", "招标公告发布日期", "招标文件提供截止日期", "资格预审公告发布日期",
     "提交资格预审申请文件截止日期", "澄清或者修改日期", "是否影响投标文件编制", "投标截止日期", "中标通知书发出日期"]
book("qg-execution-price", "national", "采购执行台账：价格分值、评标委员会人数、投标家数、公告与澄清期限",
     [sheet("项目台账", H, [
         bad([("GP-87-55-货物", "价格分值比重", "")], 项目名称="空调设备采购", 采购方式="公开招标", 项目属性="货物",
             评标方法="综合评分法", 价格分值比重=P(0.29)),
         bad([("GP-87-55-服务", "价格分值比重", "")], 项目名称="法律顾问服务", 采购方式="公开招标", 项目属性="服务",
             评标方法="综合评分法", 价格分值比重=P(0.09)),
         bad([("GP-87-47-七人", "评标委员会人数", "")], 项目名称="数据中心服务器采购", 采购方式="公开招标",
             项目属性="货物", **{"采购预算（元）": 10000000}, 评标委员会人数=5, 评审专家人数=4),
         bad([("GP-34", "邀请供应商数", "")], 项目名称="食堂食材配送服务", 采购方式="邀请招标", 项目属性="服务",
             邀请供应商数=2),
         bad([("GP-87-18", "招标文件提供截止日期", "")], 项目名称="安保服务", 采购方式="公开招标", 项目属性="服务",
             招标公告发布日期=D("2025-06-09"), 招标文件提供截止日期=D("2025-06-13")),
         bad([("GP-条例21", "提交资格预审申请文件截止日期", "")], 项目名称="物业管理服务", 采购方式="公开招标",
             项目属性="服务", 资格预审公告发布日期=D("2025-06-09"), 提交资格预审申请文件截止日期=D("2025-06-13")),
         bad([("GP-87-27", "投标截止日期", "")], 项目名称="印刷服务", 采购方式="公开招标", 项目属性="服务",
             澄清或者修改日期=D("2025-03-10"), 是否影响投标文件编制="是", 投标截止日期=D("2025-03-24")),
         bad([("GP-87-41", "投标人数", ""), ("GP-36", "合格投标人数", "")], 项目名称="公务用车维修服务",
             采购方式="公开招标", 项目属性="服务", 投标人数=2, 合格投标人数=2, 中标通知书发出日期=D("2025-06-16")),
         bad([("GP-36", "合格投标人数", "")], 项目名称="图书采购", 采购方式="公开招标", 项目属性="货物", 投标人数=4,
             合格投标人数=2, 中标通知书发出日期=D("2025-06-16")),
         ok(项目名称="教学设备采购", 采购方式="公开招标", 项目属性="货物", **{"采购预算（元）": 9999999.99}, 投标人数=3,
            合格投标人数=3, 评标委员会人数=5, 评审专家人数=4, 评标方法="综合评分法", 价格分值比重=P(0.3),
            招标公告发布日期=D("2025-06-09"), 招标文件提供截止日期=D("2025-06-16"), 投标截止日期=D("2025-07-10"),
            中标通知书发出日期=D("2025-07-21")),
         ok(项目名称="档案数字化服务", 采购方式="邀请招标", 项目属性="服务", 邀请供应商数=3, 投标人数=3, 合格投标人数=3,
            评标委员会人数=5, 评审专家人数=4, 评标方法="综合评分法", 价格分值比重=P(0.1)),
     ], title="2025年招标项目台账")])

# ── 北京 ───────────────────────────────────────────────────────────────────

H = ["序号", "参与单位", "单位代码", "预算级次", "是否牵头单位", "带量项目编号", "项目名称", "采购包", "采购品目",
     "数量", "计量单位", "预算金额（万元）", "代理机构", "代理机构类型", "委托函", "意向公开日期", "意向公开方式",
     "牵头单位是否核实"]
wy = "2025年物业管理服务集中带量采购"
b0 = dict(带量项目编号="BJDL-2025-01", 项目名称=wy, 采购包="1", 采购品目="C21040000", 数量=1, 计量单位="项",
          代理机构="北京某招标代理有限公司", 代理机构类型="社会代理机构", 意向公开日期=D("2025-03-03"),
          意向公开方式="分别公开", 牵头单位是否核实="是")
book("bj-demand", "beijing", "北京需求汇总表：分别公开的采购意向须经牵头单位核实，委托函，合计在下",
     [sheet("需求汇总表", H, [
         ok(序号=1, 参与单位="北京市交通委员会", 单位代码="110001", 预算级次="市级", 是否牵头单位="是",
            **{"预算金额（万元）": 80}, **b0),
         ok(序号=2, 参与单位="北京市朝阳区交通委员会", 单位代码="110105", 预算级次="区级", 是否牵头单位="否",
            **{"预算金额（万元）": 60}, 委托函="朝阳区交通委员会委托函.pdf", **b0),
         bad([("BJ-07-核实", "牵头单位是否核实", "")], 序号=3, 参与单位="北京市朝阳区呼家楼街道办事处",
             单位代码="110105021", 预算级次="乡镇级", 是否牵头单位="否", **{"预算金额（万元）": 10},
             委托函="呼家楼街道委托函.pdf", **{**b0, "牵头单位是否核实": "否"}),
         bad([("BJ-03-委托函", "委托函", "")], 序号=4, 参与单位="北京市朝阳区六里屯街道办事处",
             单位代码="110105022", 预算级次="乡镇级", 是否牵头单位="否", **{"预算金额（万元）": 12}, **b0),
         bad([("BJ-07-意向公开", "意向公开日期", "")], 序号=5, 参与单位="北京市朝阳区八里庄街道办事处",
             单位代码="110105023", 预算级次="乡镇级", 是否牵头单位="否", **{"预算金额（万元）": 8},
             委托函="八里庄街道委托函.pdf", **{**b0, "意向公开日期": None}),
     ], title=f"{wy}需求汇总表", unit="单位：万元", total="bottom", total_cols=["数量", "预算金额（万元）"],
        notes=["注：参与单位分别公开采购意向的，由牵头单位逐家核实。"])])

H = ["序号", "参与单位", "预算级次", "是否为牵头单位", "带量项目编号", "项目名称", "采购品目", "数量", "预算金额（万元）",
     "代理机构", "代理机构类型"]
l0 = dict(采购品目="C21040000", 数量=1, 代理机构="北京某招标代理有限公司", 代理机构类型="社会代理机构")
book("bj-lead", "beijing", "北京需求表（.ods）：“是否为牵头单位”的写法，两个项目，其一有两家牵头单位",
     [sheet("需求表", H, [
         bad([("BJ-03-牵头唯一", "是否为牵头单位", SYN_LEAD)], 序号=1, 参与单位="北京市园林绿化局", 预算级次="市级",
             是否为牵头单位="是", 带量项目编号="BJDL-2025-05", 项目名称="2025年绿化养护服务集中带量采购",
             **{"预算金额（万元）": 90}, **l0),
         bad([("BJ-03-上级牵头", "预算级次", SYN_LEAD)], 序号=2, 参与单位="北京市海淀区园林绿化局", 预算级次="区级",
             是否为牵头单位="是", 带量项目编号="BJDL-2025-05", 项目名称="2025年绿化养护服务集中带量采购",
             **{"预算金额（万元）": 40}, **l0),
         ok(序号=3, 参与单位="北京市水务局", 预算级次="市级", 是否为牵头单位="是", 带量项目编号="BJDL-2025-06",
            项目名称="2025年河道保洁服务集中带量采购", **{"预算金额（万元）": 70}, **l0),
         ok(序号=4, 参与单位="北京市通州区水务局", 预算级次="区级", 是否为牵头单位="否", 带量项目编号="BJDL-2025-06",
            项目名称="2025年河道保洁服务集中带量采购", **{"预算金额（万元）": 30}, **l0),
     ], title="2025年集中带量采购参与单位汇总", unit="单位：万元")], fmt="ods")

H = ["序号", "采购单位", "合同名称", "合同编号", "合同类型", "合同金额（元）", "中标（成交）通知书发出日期", "合同签订日期",
     "履行期限", ("中标供应商", ["名称", "信用代码", "收款银行", "收款账户"]), "合同附件"]
k0 = dict(采购单位="北京市交通委员会", 合同类型="主合同", 履行期限="2年", 名称=SUP[2][0], 信用代码=credit(SUP[2][1]),
          收款银行=SUP[2][2], 收款账户=SUP[2][3], **{"中标（成交）通知书发出日期": D("2025-06-03")},
          合同签订日期=D("2025-06-10"))
book("bj-contracts-two-level", "beijing", "北京合同备案：中标供应商两级表头（名称、信用代码、收款银行、收款账户）",
     [sheet("合同备案", H, [
         ok(序号=1, 合同名称="物业管理服务合同（一）", 合同编号="BJ-HT-2025-101", **{"合同金额（元）": 800000},
            合同附件="BJ-HT-2025-101.pdf", **k0),
         bad([("BJ-09-收款账户", "收款账户", TWO_SUPPLIER)], 序号=2, 合同名称="物业管理服务合同（二）",
             合同编号="BJ-HT-2025-102", **{"合同金额（元）": 600000}, 合同附件="BJ-HT-2025-102.pdf",
             **{**k0, "收款账户": None}),
         bad([("BJ-09-附件", "合同附件", "")], 序号=3, 合同名称="物业管理服务合同（三）", 合同编号="BJ-HT-2025-103",
             **{"合同金额（元）": 100000}, **k0),
         bad([("BJ-02-履行期限", "履行期限", "")], 序号=4, 合同名称="物业管理服务合同（四）", 合同编号="BJ-HT-2025-104",
             **{"合同金额（元）": 120000}, 合同附件="BJ-HT-2025-104.pdf", **{**k0, "履行期限": "4年"}),
         bad([("BJ-09-信用代码", "信用代码", TWO_SUPPLIER)], 序号=5, 合同名称="物业管理服务合同（五）",
             合同编号="BJ-HT-2025-105", **{"合同金额（元）": 90000}, 合同附件="BJ-HT-2025-105.pdf",
             **{**k0, "信用代码": None}),
     ], title="2025年物业管理服务集中带量采购合同备案表", unit="金额单位：元")])

H = ["序号", "采购人名称", "合同名称", "合同编号", "合同类型", "合同金额（元）", "中标（成交）通知书发出日期", "合同签订日期",
     "合同备案日期", "供应商名称", "统一社会信用代码", "收款银行"]
n0 = dict(采购人名称="北京市水务局", 合同类型="主合同", **{"中标（成交）通知书发出日期": D("2025-06-03")},
          合同签订日期=D("2025-06-09"), 合同备案日期=D("2025-06-18"), 供应商名称=SUP[2][0],
          统一社会信用代码=credit(SUP[2][1]), 收款银行=SUP[2][2])
book("bj-contracts-no-attachment", "beijing",
     "北京合同备案（.xls）：表中没有附件、收款账户两列（不应逐行报缺），采购人名称的写法",
     [sheet("合同登记", H, [
         ok(序号=1, 合同名称="河道保洁服务合同（一）", 合同编号="SW-HT-01", **{"合同金额（元）": 500000}, **n0),
         bad([("BJ-09-合同名称", "合同名称", SYN_UNIT)], 序号=2, 合同编号="SW-HT-02", **{"合同金额（元）": 300000}, **n0),
         bad([("GP-47", "合同备案日期", SYN_UNIT)], 序号=3, 合同名称="河道保洁服务合同（三）", 合同编号="SW-HT-03",
             **{"合同金额（元）": 200000}, **{**n0, "合同备案日期": D("2025-06-19")}),
         ok(序号=4, 合同名称="河道保洁服务合同（四）", 合同编号="SW-HT-04", **{"合同金额（元）": 100000}, **n0),
     ], title="北京市水务局2025年合同登记表")], fmt="xls")

H1 = ["序号", "参与单位", "带量项目编号", "项目名称", "项目立项金额（万元）", "是否带量采购参与项目"]
H2 = ["序号", "采购单位", "合同名称", "合同编号", "合同类型", "合同金额（万元）", "中标（成交）通知书发出日期", "合同签订日期",
      "供应商名称", "统一社会信用代码", "收款银行", "收款账户", "合同附件"]
pj = "2025年物业管理服务集中带量采购"
m0 = dict(合同类型="主合同", **{"中标（成交）通知书发出日期": D("2025-06-03")}, 合同签订日期=D("2025-06-10"),
          供应商名称=SUP[2][0], 统一社会信用代码=credit(SUP[2][1]), 收款银行=SUP[2][2], 收款账户=SUP[2][3])
book("bj-lixiang", "beijing", "北京采购立项与分批合同备案：立项名称一致、勾选带量采购参与项目、合同总额不超过立项金额",
     [sheet("采购立项", H1, [
         ok(序号=1, 参与单位="市甲", 带量项目编号="BJDL-2025-01",
             项目名称=pj, **{"项目立项金额（万元）": 80}, 是否带量采购参与项目="是"),
         bad([("BJ-05-勾选", "是否带量采购参与项目", "")], 序号=2, 参与单位="区乙", 带量项目编号="BJDL-2025-01",
             项目名称=pj, **{"项目立项金额（万元）": 60}, 是否带量采购参与项目="否"),
         bad([("BJ-05-名称一致", "项目名称", "")], 序号=3, 参与单位="区丙", 带量项目编号="BJDL-2025-01",
             项目名称="2025年物业服务带量采购", **{"项目立项金额（万元）": 40}, 是否带量采购参与项目="是"),
     ], title="采购立项（带量采购参与项目）", unit="单位：万元"),
      sheet("合同备案表", H2, [
          bad([("BJ-09-分批", "合同金额（万元）", "")], 序号=1, 采购单位="市甲", 合同名称="物业服务合同（市甲一）",
              合同编号="JG-01", **{"合同金额（万元）": 50}, 合同附件="JG-01.pdf", **m0),
          ok(序号=2, 采购单位="市甲", 合同名称="物业服务合同（市甲二）", 合同编号="JG-02", **{"合同金额（万元）": 30.01},
             合同附件="JG-02.pdf", **m0),
          ok(序号=3, 采购单位="区乙", 合同名称="物业服务合同（区乙）", 合同编号="JG-03", **{"合同金额（万元）": 60},
             合同附件="JG-03.pdf", **m0),
      ], title="合同备案（分批）", unit="单位：万元")])

H = ["序号", "项目名称", "采购方式", "采购预算（元）", "评标委员会人数", "评审专家人数", "确定中标供应商日期",
     "中标通知书发出日期", "中标结果公告日期"]
book("bj-execution", "beijing", "北京采购执行台账（多个项目）：结果公告期限、1000万元以上评标委员会7人",
     [sheet("执行台账", H, [
         ok(序号=1, 项目名称="2025年物业管理服务集中带量采购", 采购方式="公开招标", **{"采购预算（元）": 1500000},
            评标委员会人数=5, 评审专家人数=4, 确定中标供应商日期=D("2025-05-06"), 中标通知书发出日期=D("2025-05-07"),
            中标结果公告日期=D("2025-05-08")),
         bad([("GP-条例43-公告", "中标结果公告日期", "")], 序号=2, 项目名称="2025年计算机集中带量采购", 采购方式="公开招标",
             **{"采购预算（元）": 4500000}, 评标委员会人数=5, 评审专家人数=4, 确定中标供应商日期=D("2025-06-09"),
             中标通知书发出日期=D("2025-06-10"), 中标结果公告日期=D("2025-06-12")),
         bad([("GP-87-47-七人", "评标委员会人数", "")], 序号=3, 项目名称="2025年智慧交通平台建设", 采购方式="公开招标",
             **{"采购预算（元）": 12000000}, 评标委员会人数=5, 评审专家人数=4),
         ok(序号=4, 项目名称="2025年交通监测设备采购", 采购方式="公开招标", **{"采购预算（元）": 10000000}, 评标委员会人数=7,
            评审专家人数=5, 确定中标供应商日期=D("2025-09-29"), 中标通知书发出日期=D("2025-10-09"),
            中标结果公告日期=D("2025-09-30")),
     ], title="北京市交通委员会2025年政府采购执行台账")])

H1 = ["事项", "内容"]
H2 = ["序号", "参与单位", "是否牵头单位", "带量项目编号", "项目名称", "采购品目", "数量", "预算金额（万元）", "代理机构",
      "代理机构类型"]
book("bj-project-sheet", "beijing",
     "项目信息写在工作表里（事项/内容两列），而非 project.yaml：1200万元货物项目未附需求调查报告、合同未经法律顾问审定",
     [sheet("项目信息", H1, [
         ok(事项="项目名称", 内容="2025年物业管理服务集中带量采购"),
         ok(事项="采购类别", 内容="服务"),
         ok(事项="汇总预算", 内容="1200万元"),
         ok(事项="需求调查报告", 内容=None),
         ok(事项="采购进口产品", 内容="否"),
         ok(事项="法律顾问审定合同", 内容="否"),
         ok(事项="已开展重点审查", 内容="是"),
     ], title="项目基本信息"),
      sheet("需求表", H2, [
          ok(序号=1, 参与单位="北京市财政局", 是否牵头单位="是", 带量项目编号="BJDL-2025-09",
             项目名称="2025年物业管理服务集中带量采购", 采购品目="C21040000", 数量=800, **{"预算金额（万元）": 480},
             代理机构="北京市政府采购中心", 代理机构类型="集中采购机构"),
          ok(序号=2, 参与单位="北京市税务局", 是否牵头单位="否", 带量项目编号="BJDL-2025-09",
             项目名称="2025年物业管理服务集中带量采购", 采购品目="C21040000", 数量=1200, **{"预算金额（万元）": 720},
             代理机构="北京市政府采购中心", 代理机构类型="集中采购机构"),
      ], title="需求汇总表", unit="单位：万元")],
     also_expected=[("GP-需求11-金额", "项目信息", "B6", FACTS_SHEET), ("GP-需求23", "项目信息", "B8", FACTS_SHEET)],
     not_silent=[("项目信息", 6), ("项目信息", 8)])

# ── 浙江 ───────────────────────────────────────────────────────────────────

H = ["序号", "参与单位", "预算级次", "是否牵头单位", "项目名称", "采购包", "采购品目", "数量", "预算金额（万元）",
     "代理机构", "代理机构类型", "组织形式", "委托函", "临时采购计划类型"]
z0 = dict(采购包="1", 采购品目="C21040000", 数量=1, 代理机构="浙江省政府采购中心", 代理机构类型="集中采购机构",
          组织形式="带量集中采购")
p1, p2 = "2025年全省物业管理服务带量集中采购", "2025年杭州市绿化养护服务带量集中采购"
book("zj-demand-levels", "zhejiang",
     "浙江需求表：预算级次照第五条写作“县（市、区）级”，一个项目由市级单位牵头而有省级单位参与，另一个项目两家牵头",
     [sheet("需求汇总", H, [
         ok(序号=1, 参与单位="浙江省机关事务管理局", 预算级次="省级", 是否牵头单位="否", 项目名称=p1,
            **{"预算金额（万元）": 300}, 委托函="省机关事务局委托函.pdf", **z0),
         bad([("ZJ-05", "预算级次", "")], 序号=2, 参与单位="杭州市机关事务管理局", 预算级次="市级", 是否牵头单位="是",
             项目名称=p1, **{"预算金额（万元）": 200}, 临时采购计划类型="受委托采购", **z0),
         ok(序号=3, 参与单位="桐庐县机关事务管理中心", 预算级次="县（市、区）级", 是否牵头单位="否", 项目名称=p1,
            **{"预算金额（万元）": 50}, 委托函="桐庐县委托函.pdf", **z0),
         bad([("ZJ-05-唯一", "是否牵头单位", "")], 序号=4, 参与单位="杭州市园林文物局", 预算级次="市级", 是否牵头单位="是",
             项目名称=p2, **{"预算金额（万元）": 120}, 临时采购计划类型="受委托采购", **z0),
         bad([("ZJ-05", "预算级次", ENUM_LEVEL)], 序号=5, 参与单位="杭州市西湖区农业农村局", 预算级次="县（市、区）级",
             是否牵头单位="是", 项目名称=p2,
            **{"预算金额（万元）": 60}, 临时采购计划类型="受委托采购", **z0),
     ], title="带量集中采购需求汇总表", unit="单位：万元", notes=["注：预算级次按省、市、县（市、区）填写。"])])

H = ["序号", "采购单位", "合同编号", "合同类型", "原合同编号", "合同金额（元）", "原合同金额（元）",
     "中标（成交）通知书发出日期", "合同签订日期", "合同公告日期", "供应商名称", "统一社会信用代码"]
y0 = dict(采购单位="浙江省机关事务管理局", 供应商名称=SUP[2][0], 统一社会信用代码=credit(SUP[2][1]))
book("zj-contracts", "zhejiang", "浙江合同备案表：单份补充合同超过10%，三十日内签订，2个工作日内公告",
     [sheet("合同备案", H, [
         ok(序号=1, 合同编号="ZJ-HT-01", 合同类型="主合同", **{"合同金额（元）": 1000000},
            **{"中标（成交）通知书发出日期": D("2025-07-01")}, 合同签订日期=D("2025-07-31"),
            合同公告日期=D("2025-08-04"), **y0),
         bad([("ZJ-11", "合同金额（元）", ""), ("GP-49", "合同金额（元）", "")], 序号=2, 合同编号="ZJ-HT-01-1", 合同类型="补充合同", 原合同编号="ZJ-HT-01",
             **{"合同金额（元）": 100000.01, "原合同金额（元）": 1000000}, 合同签订日期=D("2025-10-20"),
             合同公告日期=D("2025-10-21"), **y0),
         bad([("GP-46", "合同签订日期", "")], 序号=3, 合同编号="ZJ-HT-02", 合同类型="主合同", **{"合同金额（元）": 500000},
             **{"中标（成交）通知书发出日期": D("2025-07-01")}, 合同签订日期=D("2025-08-01"),
             合同公告日期=D("2025-08-04"), **y0),
         bad([("GP-50", "合同公告日期", "")], 序号=4, 合同编号="ZJ-HT-03", 合同类型="主合同", **{"合同金额（元）": 300000},
             **{"中标（成交）通知书发出日期": D("2025-07-01")}, 合同签订日期=D("2025-07-10"),
             合同公告日期=D("2025-07-15"), **y0),
     ], title="浙江省带量集中采购合同备案表", unit="金额单位：元")])

H = ["序号", "参与单位", "是否牵头单位", "项目名称", "采购品目", "数量", "预算金额（万元）", "代理机构类型", "组织形式",
     "临时采购计划类型"]
book("zj-demand-threshold", "zhejiang",
     "浙江需求表（.ods）：同一品目汇总恰为400万元、目录内品目委托社会代理机构、牵头单位的临时计划类型、工程品目",
     [sheet("需求表", H, [
         bad([("ZJ-03", "组织形式", "")], 序号=1, 参与单位="宁波市机关事务管理局", 是否牵头单位="是", 项目名称="2025年宁波市物业服务联合采购",
             采购品目="C21040000", 数量=1, **{"预算金额（万元）": 250}, 代理机构类型="集中采购机构", 组织形式="联合采购",
             临时采购计划类型="受委托采购"),
         bad([("ZJ-03", "组织形式", "")], 序号=2, 参与单位="宁波市鄞州区机关事务管理局", 是否牵头单位="否",
             项目名称="2025年宁波市物业服务联合采购", 采购品目="C21040000", 数量=1, **{"预算金额（万元）": 150},
             代理机构类型="集中采购机构", 组织形式="联合采购"),
         bad([("ZJ-04", "代理机构类型", "")], 序号=3, 参与单位="宁波市财政局", 是否牵头单位="是", 项目名称="2025年宁波市计算机带量集中采购",
             采购品目="A02010105", 数量=100, **{"预算金额（万元）": 60}, 代理机构类型="社会代理机构", 组织形式="带量集中采购",
             临时采购计划类型="受委托采购"),
         bad([("ZJ-08", "临时采购计划类型", "")], 序号=4, 参与单位="温州市机关事务管理局", 是否牵头单位="是",
             项目名称="2025年温州市保安服务带量集中采购", 采购品目="C21040000", 数量=1, **{"预算金额（万元）": 80},
             代理机构类型="集中采购机构", 组织形式="带量集中采购", 临时采购计划类型="自行采购"),
         bad([("ZJ-02-类别", "采购品目", "")], 序号=5, 参与单位="绍兴市机关事务管理局", 是否牵头单位="是",
             项目名称="2025年绍兴市办公用房修缮带量集中采购", 采购品目="B01010000", 数量=1, **{"预算金额（万元）": 90},
             代理机构类型="集中采购机构", 组织形式="带量集中采购", 临时采购计划类型="受委托采购"),
     ], title="需求意向汇总", unit="单位：万元")], fmt="ods")

H = ["序号", "参与单位", "是否牵头单位", "项目名称", "采购包", "采购品目", "数量", "预算金额（万元）", "代理机构类型",
     "组织形式", "委托函"]
pz = "2025年湖州市办公设备带量集中采购"
w0 = dict(项目名称=pz, 代理机构类型="集中采购机构", 组织形式="带量集中采购")
book("zj-demand-total-top", "zhejiang", "浙江需求表：合计在表头下、单位：万元，委托函缺一家，同一采购包混入第二个品目",
     [sheet("需求汇总表", H, [
         bad([("ZJ-02-同一品目", "采购品目", "")], 序号=1, 参与单位="湖州市财政局", 是否牵头单位="是", 采购包="1",
             采购品目="A02021003", 数量=50, **{"预算金额（万元）": 15}, **w0),
         ok(序号=2, 参与单位="湖州市教育局", 是否牵头单位="否", 采购包="1", 采购品目="A02021003", 数量=30,
            **{"预算金额（万元）": 9}, 委托函="湖州市教育局委托函.pdf", **w0),
         ok(序号=3, 参与单位="湖州市吴兴区财政局", 是否牵头单位="否", 采购包="1", 采购品目="A02021118", 数量=5,
            **{"预算金额（万元）": 2}, 委托函="吴兴区财政局委托函.pdf", **w0),
         bad([("ZJ-07-委托函", "委托函", "")], 序号=4, 参与单位="湖州市南浔区财政局", 是否牵头单位="否", 采购包="2",
             采购品目="A02021118", 数量=4, **{"预算金额（万元）": 1.6}, **w0),
     ], title=f"{pz}需求汇总表", unit="单位：万元", total="top", total_cols=["数量", "预算金额（万元）"])])

H = ["序号", "项目名称", "采购方式", "项目属性", "评标方法", "价格分值比重", "评审报告送交日期", "确定中标（成交）供应商日期",
     "中标（成交）通知书发出日期", "中标（成交）结果公告日期"]
book("zj-execution", "zhejiang", "浙江采购执行台账（.ods，多个项目）：货物项目价格分值、收到评审报告后5个工作日内定标",
     [sheet("执行台账", H, [
         bad([("GP-87-55-货物", "价格分值比重", "")], 序号=1, 项目名称="2025年全省计算机带量集中采购", 采购方式="公开招标",
             项目属性="货物", 评标方法="综合评分法", 价格分值比重=P(0.2)),
         bad([("GP-条例43-确定", "确定中标（成交）供应商日期", "")], 序号=2, 项目名称="2025年全省物业管理服务带量集中采购",
             采购方式="公开招标", 项目属性="服务", 评标方法="综合评分法", 价格分值比重=P(0.1),
             评审报告送交日期=D("2025-06-09"), **{"确定中标（成交）供应商日期": D("2025-06-17")},
             **{"中标（成交）通知书发出日期": D("2025-06-18")}, **{"中标（成交）结果公告日期": D("2025-06-18")}),
         ok(序号=3, 项目名称="2025年全省打印机带量集中采购", 采购方式="公开招标", 项目属性="货物", 评标方法="最低评标价法",
            评审报告送交日期=D("2025-06-09"), **{"确定中标（成交）供应商日期": D("2025-06-16")},
            **{"中标（成交）通知书发出日期": D("2025-06-18")}, **{"中标（成交）结果公告日期": D("2025-06-17")}),
     ], title="浙江省政府采购中心2025年项目执行台账")], fmt="ods")

# ── 吉林 ───────────────────────────────────────────────────────────────────

H = ["序号", "单位代码", "预算单位", "采购品目", "采购数量(个)", "采购金额(万元)"]
book("jl-anpai", "jilin", "吉林附件4 安排情况表：合计在表头下（样表的写法），手填的合计与各行之和不符，品目编码含全角字母",
     [sheet("安排情况表", H, [
         ok(序号="1", 单位代码="220001", 预算单位="吉林省人民医院", 采购品目="A02320300", **{"采购数量(个)": 10, "采购金额(万元)": 120}),
         bad([("JL-附4-品目", "采购品目", "")], 序号="2", 单位代码="220101", 预算单位="长春市中心医院", 采购品目="A0232030",
             **{"采购数量(个)": 6, "采购金额(万元)": 72}),
         ok(序号="3", 单位代码="220122", 预算单位="农安县人民医院", 采购品目="Ａ02021003", **{"采购数量(个)": 3, "采购金额(万元)": 0.9}),
     ], title="2025年部门预算政府采购项目安排情况表", unit="单位：万元", total="top",
        total_cols=["采购数量(个)", "采购金额(万元)"], total_typed={"采购金额(万元)": 190},
        notes=["注：1. 采购品目依据《政府采购品目分类目录》填写；", "2. 合计行为各行之和。"])],
     also_expected=[("表格.合计", "安排情况表", "F4", "")])

H = ["任务类型", "品目名称", "品目编码", "采购限额", "适用范围", "采购周期", "标的类型", "框架协议有效期", "执行机构"]
t0 = dict(采购限额="单次50万元以下", 适用范围="全省各级预算单位", 执行机构="吉林省政府采购中心")
book("jl-task", "jilin", "吉林采购任务通知书（.xls）：批量集中采购的周期、框架协议的有效期、品目编码与限额",
     [sheet("任务通知书", H, [
         ok(任务类型="批量集中采购", 品目名称="台式计算机", 品目编码="A02010105", 采购周期="3个月", 标的类型="货物", **t0),
         bad([("JL-附5-周期", "采购周期", "")], 任务类型="批量集中采购", 品目名称="打印机", 品目编码="A02021003",
             采购周期="6个月", 标的类型="货物", **t0),
         bad([("JL-任务-品目", "品目编码", "")], 任务类型="批量集中采购", 品目名称="复印纸", 品目编码="A99999999",
             采购周期="3个月", 标的类型="货物", **t0),
         bad([("JL-任务-限额", "采购限额", "")], 任务类型="框架协议采购", 品目名称="物业管理服务", 品目编码="C21040000",
             标的类型="服务", 框架协议有效期="2年", **{**t0, "采购限额": None}),
         bad([("JL-附7-货物", "框架协议有效期", "")], 任务类型="框架协议采购", 品目名称="扫描仪", 品目编码="A02021118",
             标的类型="货物", 框架协议有效期="2年", **t0),
     ], title="吉林省集中采购任务通知书汇总")], fmt="xls")

H1 = ["序号", "采购标的品目", "配置1", "配置2", "配置3", "配置4", "配置5", "配置6", "配置7"]
H2 = ["序号", "参与单位", "预算级次", "是否牵头单位", "项目名称", "分计划编号", "采购品目", "产品配置分型", "数量",
      "预算金额（万元）", "代理机构类型", "组织形式"]
jp = "2025年台式计算机等批量集中采购"
j0 = dict(项目名称=jp, 代理机构类型="集中采购机构", 组织形式="批量集中采购")
book("jl-config", "jilin", "吉林产品配置表与分计划（.ods）：分计划对照配置分型选择采购包",
     [sheet("产品配置表", H1, [
         ok(序号="1", 采购标的品目="A02010105 台式计算机", 配置1="i5/16G/512G/23.8英寸", 配置2="i7/32G/1T/27英寸",
            配置3="国产CPU/16G/512G/23.8英寸"),
         ok(序号="2", 采购标的品目="A02021003 A4黑白打印机", 配置1="30页/分钟 自动双面", 配置2="40页/分钟 自动双面 网络"),
         bad([("JL-附6-配置", "配置1", "")], 序号="3", 采购标的品目="A02021118 扫描仪"),
     ], title="批量集中采购产品配置表"),
      sheet("分计划", H2, [
          ok(序号=1, 参与单位="吉林省财政厅", 预算级次="省级", 是否牵头单位="是", 分计划编号="FJH-001",
             采购品目="A02010105 台式计算机", 产品配置分型="配置1", 数量=20, **{"预算金额（万元）": 12}, **j0),
          ok(序号=2, 参与单位="长春市财政局", 预算级次="市级", 是否牵头单位="否", 分计划编号="FJH-002",
             采购品目="A02010105 台式计算机", 产品配置分型="配置3", 数量=10, **{"预算金额（万元）": 5}, **j0),
          bad([("JL-三一4-配置分型", "产品配置分型", "")], 序号=3, 参与单位="农安县财政局", 预算级次="县级", 是否牵头单位="否",
              分计划编号="FJH-003", 采购品目="A02021003 A4黑白打印机", 产品配置分型="配置3", 数量=2,
              **{"预算金额（万元）": 0.6}, **j0),
      ], title="批量集中采购分计划汇总", unit="单位：万元")])

H1 = ["序号", "参与单位", "预算级次", "是否牵头单位", "项目名称", "分计划编号", "采购品目", "数量", "预算金额（万元）"]
H2 = ["序号", "采购单位", "合同名称", "合同编号", "合同类型", "合同金额（元）", "中标（成交）通知书发出日期", "合同签订日期",
      "分计划编号", "合同数量", "供应商名称", "统一社会信用代码"]
jq = "2025年医用电子检测设备集中带量采购"
q0 = dict(项目名称=jq, 采购品目="A02320300")
r0 = dict(合同类型="主合同", **{"中标（成交）通知书发出日期": D("2025-06-03")}, 合同签订日期=D("2025-06-10"),
          供应商名称=SUP[3][0], 统一社会信用代码=credit(SUP[3][1]))
book("jl-contracts-plan", "jilin", "吉林分计划与合同：合同按分计划编号对上，数量合计等于分计划数量",
     [sheet("分计划", H1, [
         ok(序号=1, 参与单位="吉林省人民医院", 预算级次="省级", 是否牵头单位="是", 分计划编号="FJH-101", 数量=10,
            **{"预算金额（万元）": 120}, **q0),
         ok(序号=2, 参与单位="长春市中心医院", 预算级次="市级", 是否牵头单位="否", 分计划编号="FJH-102", 数量=6,
            **{"预算金额（万元）": 72}, **q0),
         ok(序号=3, 参与单位="农安县人民医院", 预算级次="县级", 是否牵头单位="否", 分计划编号="FJH-103", 数量=4,
            **{"预算金额（万元）": 48}, **q0),
     ], title=f"{jq}分计划", unit="单位：万元"),
      sheet("合同备案表", H2, [
          ok(序号=1, 采购单位="吉林省人民医院", 合同名称="检测设备采购合同（一）", 合同编号="JL-HT-201",
             **{"合同金额（元）": 720000}, 分计划编号="FJH-101", 合同数量=6, **r0),
          ok(序号=2, 采购单位="吉林省人民医院", 合同名称="检测设备采购合同（二）", 合同编号="JL-HT-202",
             **{"合同金额（元）": 480000}, 分计划编号="FJH-101", 合同数量=4, **r0),
          bad([("JL-三一6-数量", "合同数量", "")], 序号=3, 采购单位="长春市中心医院", 合同名称="检测设备采购合同",
              合同编号="JL-HT-203", **{"合同金额（元）": 840000}, 分计划编号="FJH-102", 合同数量=7, **r0),
          ok(序号=4, 采购单位="农安县人民医院", 合同名称="检测设备采购合同", 合同编号="JL-HT-204",
             **{"合同金额（元）": 480000}, 分计划编号="FJH-103", 合同数量=4, **r0),
      ], title="合同备案表", unit="金额单位：元")])

H = ["采购包", "采购品目", "标的类型", "框架协议类型", "评审方法", "淘汰比例", "框架协议有效期", "需求调查采购人数",
     "需求调查供应商数", "第二阶段成交方式"]
g0 = dict(采购品目="A02010105", 标的类型="货物", 框架协议类型="封闭式", 评审方法="价格优先法", 淘汰比例=P(0.2),
          框架协议有效期="1年", 需求调查采购人数=4, 需求调查供应商数=3, 第二阶段成交方式="直接选定")
book("jl-scheme", "jilin", "吉林框架协议采购方案（范本）：未确定类型、淘汰率、有效期的采购包",
     [sheet("采购方案", H, [
         ok(采购包="1", **g0),
         bad([("JL-范本四-类型", "框架协议类型", "")], 采购包="2", **{**g0, "框架协议类型": None}),
         bad([("JL-范本九-淘汰率", "淘汰比例", "")], 采购包="3", **{**g0, "淘汰比例": None}),
         bad([("JL-范本五-有效期", "框架协议有效期", "")], 采购包="4", **{**g0, "框架协议有效期": None}),
         bad([("GP-110-11-供应商", "需求调查供应商数", "")], 采购包="5", **{**g0, "需求调查供应商数": 2}),
         ok(采购包="6", **{**g0, "框架协议类型": "开放式", "评审方法": None, "淘汰比例": None, "第二阶段成交方式": None}),
     ], title="吉林省框架协议采购方案（采购包）")])

H = ["序号", "参与单位", "预算级次", "是否牵头单位", "项目名称", "采购包", "采购品目", "数量", "预算金额（万元）",
     "代理机构类型", "组织形式", "已有框架协议"]
e0 = dict(采购包="1", 采购品目="A02320300", 数量=2, 代理机构类型="集中采购机构", 组织形式="集中带量采购", 已有框架协议="否")
pa, pb = "2025年医用电子检测设备集中带量采购", "2025年长春市卫生健康系统部门集中采购"
book("jl-demand-753", "jilin", "吉林753号：目录内品目已有框架协议、市级单位在省级单位参与时牵头、部门集中采购由市级部门牵头",
     [sheet("总计划", H, [
         ok(序号=1, 参与单位="吉林省人民医院", 预算级次="省级", 是否牵头单位="否", 项目名称=pa, **{"预算金额（万元）": 24}, **e0),
         bad([("JL-753-二-上级牵头", "预算级次", "")], 序号=2, 参与单位="长春市中心医院", 预算级次="市级", 是否牵头单位="是",
             项目名称=pa, **{"预算金额（万元）": 24}, **e0),
         ok(序号=3, 参与单位="农安县人民医院", 预算级次="县级", 是否牵头单位="否", 项目名称=pa, **{"预算金额（万元）": 12}, **e0),
         bad([("JL-753-一-框架协议", "已有框架协议", "")], 序号=4, 参与单位="长春市中心医院", 预算级次="市级",
             是否牵头单位="否", 项目名称=pa, **{"预算金额（万元）": 1.5},
             **{**e0, "采购包": "2", "采购品目": "A02021003", "已有框架协议": "是"}),
         bad([("JL-三三1-部门牵头", "预算级次", "")], 序号=5, 参与单位="长春市卫生健康委员会", 预算级次="市级",
             是否牵头单位="是", 项目名称=pb, **{"预算金额（万元）": 40}, **{**e0, "组织形式": "部门集中采购"}),
     ], title="集中带量采购总计划", unit="单位：万元")])

H = ["序号", "框架协议项目名称", "采购包", "采购单位", "第二阶段成交方式", "成交供应商名称", "确定成交供应商日期", "成交结果公告日期"]
book("jl-awards", "jilin", "吉林框架协议成交台账（多个项目）：二次竞价的逐笔公告",
     [sheet("成交记录", H, [
         ok(序号=1, 框架协议项目名称="2025年全省复印纸框架协议采购", 采购包="1", 采购单位="吉林省教育厅", 第二阶段成交方式="二次竞价",
            成交供应商名称=SUP[1][0], 确定成交供应商日期=D("2025-09-29"), 成交结果公告日期=D("2025-10-09")),
         bad([("GP-110-35-逐笔", "成交结果公告日期", "")], 序号=2, 框架协议项目名称="2025年全省打印机框架协议采购", 采购包="2",
             采购单位="吉林省财政厅", 第二阶段成交方式="二次竞价", 成交供应商名称=SUP[1][0],
             确定成交供应商日期=D("2025-06-09"), 成交结果公告日期=D("2025-06-12")),
         ok(序号=3, 框架协议项目名称="2025年全省打印机框架协议采购", 采购包="1", 采购单位="吉林省民政厅", 第二阶段成交方式="直接选定",
            成交供应商名称=SUP[1][0], 确定成交供应商日期=D("2025-06-09")),
     ], title="框架协议采购成交记录")])

# ── 山东、聊城 ─────────────────────────────────────────────────────────────

H = ["序号", "参与单位", "项目名称", "采购品目", "数量", "预算金额（万元）", "代理机构", "代理机构类型", "组织形式",
     "采购计划备案编号"]
sq = "2025年省直机关物业服务联合采购"
a0 = dict(项目名称=sq, 采购品目="C21040000", 数量=1, 代理机构="山东省政府采购中心", 代理机构类型="集中采购机构",
          组织形式="联合采购")
book("sd-demand", "shandong", "山东需求表：联合采购各单位分别备案采购计划，一个计划不得两家共用，目录内品目委托集中采购机构",
     [sheet("需求汇总", H, [
         bad([("SD-一-计划不共用", "采购计划备案编号", "")], 序号=1, 参与单位="山东省财政厅", **{"预算金额（万元）": 90},
             采购计划备案编号="SD-JH-2025-001", **a0),
         ok(序号=2, 参与单位="山东省教育厅", **{"预算金额（万元）": 70}, 采购计划备案编号="SD-JH-2025-002", **a0),
         bad([("SD-一-分别备案", "采购计划备案编号", "")], 序号=3, 参与单位="山东省民政厅", **{"预算金额（万元）": 40}, **a0),
         ok(序号=4, 参与单位="山东省司法厅", **{"预算金额（万元）": 30}, 采购计划备案编号="SD-JH-2025-001", **a0),
         bad([("SD-二-集采机构", "代理机构类型", "")], 序号=5, 参与单位="山东省交通运输厅", 项目名称="2025年省交通运输厅计算机采购",
             采购品目="A02010105", 数量=40, **{"预算金额（万元）": 24}, 代理机构="济南某招标代理有限公司",
             代理机构类型="社会代理机构", 组织形式="部门集中采购", 采购计划备案编号="SD-JH-2025-005"),
     ], title="联合采购需求汇总表", unit="单位：万元")])

H = ["序号", "采购单位", "合同编号", "合同类型", "合同金额（元）", "中标通知书发出时间", "合同签订时间", "合同备案时间", "供应商名称"]
u0 = dict(采购单位="山东省财政厅", 合同类型="主合同", 供应商名称=SUP[2][0])
book("sd-contracts", "shandong", "山东合同备案（.ods）：签订时间、备案时间的写法，文字日期",
     [sheet("合同备案", H, [
         ok(序号=1, 合同编号="SD-HT-01", **{"合同金额（元）": 900000}, 中标通知书发出时间="2025年6月3日",
            合同签订时间="2025年6月10日", 合同备案时间="2025年6月19日", **u0),
         bad([("GP-47", "合同备案时间", SYN_TIME)], 序号=2, 合同编号="SD-HT-02", **{"合同金额（元）": 700000},
             中标通知书发出时间="2025年6月3日", 合同签订时间="2025年6月10日", 合同备案时间="2025年6月20日", **u0),
         bad([("GP-46", "合同签订时间", SYN_TIME)], 序号=3, 合同编号="SD-HT-03", **{"合同金额（元）": 300000},
             中标通知书发出时间="2025年7月1日", 合同签订时间="2025年8月1日", 合同备案时间="2025年8月5日", **u0),
     ], title="山东省财政厅2025年合同备案登记")], fmt="ods")

H = ["序号", "项目名称", "质疑供应商", "收到质疑函日期", "质疑答复日期", "财政部门收到投诉日期", "投诉处理决定日期"]
book("sd-challenges", "shandong", "山东质疑投诉台账（多个项目）",
     [sheet("质疑台账", H, [
         ok(序号=1, 项目名称="2025年省直机关物业服务联合采购", 质疑供应商=SUP[2][0], 收到质疑函日期=D("2025-06-09"),
            质疑答复日期=D("2025-06-18")),
         bad([("GP-53", "质疑答复日期", "")], 序号=2, 项目名称="2025年省交通运输厅计算机采购", 质疑供应商=SUP[0][0],
             收到质疑函日期=D("2025-09-26"), 质疑答复日期=D("2025-10-14")),
         ok(序号=3, 项目名称="2025年省交通运输厅计算机采购", 质疑供应商=SUP[1][0], 收到质疑函日期=D("2025-09-26"),
            质疑答复日期=D("2025-10-10"), 财政部门收到投诉日期=D("2025-10-20"), 投诉处理决定日期=D("2025-12-01")),
         bad([("GP-56", "投诉处理决定日期", "")], 序号=4, 项目名称="2025年省教育厅教学设备采购", 质疑供应商="北方信息技术有限公司",
             财政部门收到投诉日期=D("2025-07-10"), 投诉处理决定日期=D("2025-08-22")),
     ], title="2025年质疑投诉处理登记表")])

H = ["序号", "参与单位", "项目名称", "采购品目", "预算金额（万元）", "代理机构", "代理机构类型", "组织形式", "采购计划备案编号"]
lq = "2025年聊城市直机关物业服务联合采购"
v0 = dict(项目名称=lq, 采购品目="C21040000", 代理机构="聊城某招标代理有限公司", 代理机构类型="社会代理机构", 组织形式="联合采购")
book("lc-demand", "liaocheng", "聊城联合采购：委托同一政府采购代理机构（社会代理机构可以），一家委托了别的机构、一家未填代理机构",
     [sheet("需求汇总", H, [
         ok(序号=1, 参与单位="聊城市财政局", **{"预算金额（万元）": 60}, 采购计划备案编号="LC-JH-001", **v0),
         ok(序号=2, 参与单位="聊城市教育局", **{"预算金额（万元）": 40}, 采购计划备案编号="LC-JH-002", **v0),
         bad([("SD-三-同一机构", "代理机构", "")], 序号=3, 参与单位="聊城市民政局", **{"预算金额（万元）": 20},
             采购计划备案编号="LC-JH-003", **{**v0, "代理机构": "东昌府某咨询有限公司"}),
         bad([("SD-三-集采机构", "代理机构", "")], 序号=4, 参与单位="聊城市司法局", **{"预算金额（万元）": 10},
             采购计划备案编号="LC-JH-004", **{**v0, "代理机构": None, "代理机构类型": None}),
     ], title="联合采购需求汇总表", unit="单位：万元")])

H = ["序号", "项目名称", "采购方式", "询价通知书发出日期", "提交响应文件截止日期", "询价小组人数", "其中评审专家人数"]
book("lc-execution", "liaocheng", "聊城采购执行台账（.xls）：询价通知书的响应期限与询价小组",
     [sheet("执行台账", H, [
         ok(序号=1, 项目名称="2025年办公耗材询价采购", 采购方式="询价", 询价通知书发出日期=D("2025-06-09"),
            提交响应文件截止日期=D("2025-06-12"), 询价小组人数=3, 其中评审专家人数=2),
         bad([("GP-74-29", "提交响应文件截止日期", "")], 序号=2, 项目名称="2025年复印纸询价采购", 采购方式="询价",
             询价通知书发出日期=D("2025-06-09"), 提交响应文件截止日期=D("2025-06-11"), 询价小组人数=3, 其中评审专家人数=2),
         bad([("GP-87-47-专家", "其中评审专家人数", "")], 序号=3, 项目名称="2025年桶装水询价采购", 采购方式="询价",
             询价通知书发出日期=D("2025-06-09"), 提交响应文件截止日期=D("2025-06-13"), 询价小组人数=3, 其中评审专家人数=1),
     ], title="聊城市2025年询价项目执行台账")], fmt="xls")

# ── 重庆江北 ───────────────────────────────────────────────────────────────

H = ["序号", "供应商名称", "保证金类型", "保证金金额（元）", "缴纳形式", "合同编号", "合同金额（元）", "约定退还方式",
     "约定退还时间", "约定退还条件", "约定不予退还的情形", "逾期退还违约责任"]
x0 = dict(保证金类型="履约保证金", 缴纳形式="银行保函", 约定退还方式="原路退回", 约定退还时间="验收合格后10个工作日内",
          约定退还条件="履约验收合格", 约定不予退还的情形="不履行合同义务经催告仍不履行",
          逾期退还违约责任="按日万分之五支付资金占用费")
book("jb-deposits", "jiangbei", "重庆江北履约保证金登记：合同约定退还方式、时间、条件、不予退还情形和逾期责任",
     [sheet("履约保证金", H, [
         ok(序号=1, 供应商名称=SUP[0][0], **{"保证金金额（元）": 50000, "合同金额（元）": 1000000}, 合同编号="JB-HT-01", **x0),
         bad([("JB-三三-退还方式", "约定退还方式", "")], 序号=2, 供应商名称=SUP[1][0],
             **{"保证金金额（元）": 20000, "合同金额（元）": 400000}, 合同编号="JB-HT-02", **{**x0, "约定退还方式": None}),
         bad([("JB-三三-逾期退还", "逾期退还违约责任", "")], 序号=3, 供应商名称=SUP[2][0],
             **{"保证金金额（元）": 10000, "合同金额（元）": 200000}, 合同编号="JB-HT-03", **{**x0, "逾期退还违约责任": None}),
         bad([("GP-条例48-比例", "保证金金额（元）", "")], 序号=4, 供应商名称="北方信息技术有限公司",
             **{"保证金金额（元）": 30000, "合同金额（元）": 200000}, 合同编号="JB-HT-04", **x0),
     ], title="江北区2025年履约保证金登记表", unit="金额单位：元")])

H = ["序号", "采购单位", "合同编号", "合同类型", "合同金额（元）", "中标（成交）通知书发出日期", "合同签订日期", "付款方式",
     "付款时间", "付款条件", "逾期付款违约责任"]
f0 = dict(采购单位="重庆市江北区教育委员会", 合同类型="主合同", **{"中标（成交）通知书发出日期": D("2025-06-03")},
          合同签订日期=D("2025-06-10"), 付款方式="国库集中支付", 付款时间="验收合格后15日内", 付款条件="验收合格并收到发票",
          逾期付款违约责任="按日万分之五支付违约金")
book("jb-contracts", "jiangbei", "重庆江北合同备案：合同约定资金支付的方式、时间、条件和逾期责任（补充合同沿用原合同）",
     [sheet("合同备案", H, [
         ok(序号=1, 合同编号="JBJW-01", **{"合同金额（元）": 600000}, **f0),
         bad([("JB-三五-付款时间", "付款时间", "")], 序号=2, 合同编号="JBJW-02", **{"合同金额（元）": 300000},
             **{**f0, "付款时间": None}),
         bad([("JB-三五-逾期付款", "逾期付款违约责任", "")], 序号=3, 合同编号="JBJW-03", **{"合同金额（元）": 200000},
             **{**f0, "逾期付款违约责任": None}),
         ok(序号=4, 合同编号="JBJW-01-1", **{"合同金额（元）": 50000},
            **{**f0, "合同类型": "补充合同", "付款方式": None, "付款时间": None, "付款条件": None, "逾期付款违约责任": None,
               "中标（成交）通知书发出日期": None}),
     ], title="江北区教育委员会合同备案表", unit="金额单位：元")])

H = ["序号", "合同编号", "支付期次", "约定支付日期", "约定支付金额（元）", "实际支付日期", "实际支付金额（元）", "付款附加条件"]
book("jb-payments", "jiangbei", "重庆江北合同支付台账（.ods）：不得延迟付款、不得另设付款附加条件",
     [sheet("支付台账", H, [
         ok(序号=1, 合同编号="JBJW-01", 支付期次="预付款", 约定支付日期=D("2025-06-20"), **{"约定支付金额（元）": 180000},
            实际支付日期=D("2025-06-20"), **{"实际支付金额（元）": 180000}),
         bad([("GP-条例51", "实际支付日期", "")], 序号=2, 合同编号="JBJW-01", 支付期次="验收款", 约定支付日期=D("2025-10-15"),
             **{"约定支付金额（元）": 420000}, 实际支付日期=D("2025-10-16"), **{"实际支付金额（元）": 420000}),
         bad([("JB-三五-附加条件", "付款附加条件", "")], 序号=3, 合同编号="JBJW-02", 支付期次="全款", 约定支付日期=D("2025-09-30"),
             **{"约定支付金额（元）": 300000}, 实际支付日期=D("2025-09-30"), **{"实际支付金额（元）": 300000},
             付款附加条件="待上级拨款后支付"),
     ], title="江北区2025年合同资金支付台账", unit="金额单位：元")], fmt="ods")

H = ["序号", "投标人", "保证金类型", "保证金金额（元）", "缴纳形式", "采购预算（元）", "是否中标", "合同签订日期", "退还日期"]
book("jb-deposits-bid", "jiangbei", "重庆江北投标保证金（.xls）：比例与中标供应商的退还",
     [sheet("投标保证金", H, [
         ok(序号=1, 投标人=SUP[0][0], 保证金类型="投标保证金", **{"保证金金额（元）": 10000, "采购预算（元）": 500000},
            缴纳形式="银行保函", 是否中标="是", 合同签订日期=D("2025-06-10"), 退还日期=D("2025-06-17")),
         bad([("GP-条例33-比例", "保证金金额（元）", "")], 序号=2, 投标人=SUP[1][0], 保证金类型="投标保证金",
             **{"保证金金额（元）": 10001, "采购预算（元）": 500000}, 缴纳形式="银行保函"),
         bad([("GP-条例33-退还中标", "退还日期", "")], 序号=3, 投标人=SUP[2][0], 保证金类型="投标保证金",
             **{"保证金金额（元）": 8000, "采购预算（元）": 400000}, 缴纳形式="银行转账", 是否中标="是",
             合同签订日期=D("2025-06-10"), 退还日期=D("2025-06-18")),
     ], title="江北区投标保证金登记表", unit="金额单位：元")], fmt="xls")

# ── 多张台账、全部合规 ─────────────────────────────────────────────────────

H1 = ["序号", "项目名称", "采购方式", "项目属性", "采购预算（元）", "采购文件发出日期", "投标截止日期", "评标委员会人数",
      "评审专家人数", "评审结束日期", "评审报告送交日期", "确定中标供应商日期", "中标通知书发出日期", "中标结果公告日期",
      "经办人", "联系电话", "内部备注"]
H2 = ["序号", "项目名称", "质疑供应商", "收到质疑函日期", "质疑答复日期", "备注"]
H3 = ["序号", "项目名称", "项目属性", "采购预算（元）", "是否开展需求调查", "需求调查对象数", "是否开展重点审查",
      "合同文本是否经法律顾问审定"]
book("qg-ledgers-multi", "national", "一个工作簿三张台账（执行、质疑、需求管理），多个项目，隐藏列与联系人等多余列",
     [sheet("执行台账", H1, [
         ok(序号=1, 项目名称="2025年教学楼空调采购", 采购方式="公开招标", 项目属性="货物", **{"采购预算（元）": 3600000},
            采购文件发出日期=D("2025-04-01"), 投标截止日期=D("2025-04-22"), 评标委员会人数=5, 评审专家人数=4,
            评审结束日期=D("2025-04-22"), 评审报告送交日期=D("2025-04-24"), 确定中标供应商日期=D("2025-04-29"),
            中标通知书发出日期=D("2025-04-30"), 中标结果公告日期=D("2025-04-30"), 经办人="赵强", 联系电话="0531-8888 0001"),
         bad([("GP-条例43-送交", "评审报告送交日期", "")], 序号=2, 项目名称="2025年学生课桌椅采购", 采购方式="公开招标",
             项目属性="货物", **{"采购预算（元）": 1800000}, 评审结束日期=D("2025-06-09"), 评审报告送交日期=D("2025-06-12"),
             经办人="赵强", 联系电话="0531-8888 0001"),
         ok(序号=3, 项目名称="2025年校园安保服务", 采购方式="竞争性谈判", 项目属性="服务", **{"采购预算（元）": 900000},
            采购文件发出日期=D("2025-06-09"), 投标截止日期=D("2025-06-12"), 评标委员会人数=3, 评审专家人数=2,
            经办人="钱丽", 联系电话="0531-8888 0002"),
         bad([("GP-35", "投标截止日期", "")], 序号=4, 项目名称="2025年实验室设备采购", 采购方式="公开招标", 项目属性="货物",
             **{"采购预算（元）": 2400000}, 采购文件发出日期=D("2025-09-22"), 投标截止日期=D("2025-10-11"),
             经办人="钱丽", 联系电话="0531-8888 0002"),
     ], title="某市教育局2025年采购执行台账", hidden=["内部备注"]),
      sheet("质疑", H2, [
          ok(序号=1, 项目名称="2025年教学楼空调采购", 质疑供应商=SUP[0][0], 收到质疑函日期=D("2025-05-06"),
             质疑答复日期=D("2025-05-15")),
          bad([("GP-53", "质疑答复日期", "")], 序号=2, 项目名称="2025年学生课桌椅采购", 质疑供应商=SUP[1][0],
              收到质疑函日期=D("2025-04-28"), 质疑答复日期=D("2025-05-13")),
      ], title="质疑处理台账"),
      sheet("需求管理", H3, [
          ok(序号=1, 项目名称="2025年教学楼空调采购", 项目属性="货物", **{"采购预算（元）": 3600000}, 是否开展需求调查="是",
             需求调查对象数=4, 是否开展重点审查="否", 合同文本是否经法律顾问审定="否"),
          bad([("GP-需求33-台账", "是否开展重点审查", "")], 序号=2, 项目名称="2025年智慧校园平台建设", 项目属性="服务",
              **{"采购预算（元）": 12000000}, 是否开展需求调查="是", 需求调查对象数=5, 是否开展重点审查="否",
              合同文本是否经法律顾问审定="是"),
      ], title="需求管理台账")])

book("qg-clean-ledgers", "national", "五张台账全部合规（多个项目，期限都在最后一日）：不应有任何发现",
     [sheet("执行台账", ["序号", "项目名称", "采购方式", "项目属性", "采购预算（元）", "邀请供应商数", "投标人数", "合格投标人数",
                       "评标委员会人数", "评审专家人数", "单一来源公示开始日期", "公示截止日期", "评审报告送交日期",
                       "确定中标供应商日期", "中标通知书发出日期", "中标结果公告日期"], [
         ok(序号=1, 项目名称="2025年档案数字化服务", 采购方式="邀请招标", 项目属性="服务", **{"采购预算（元）": 2000000},
            邀请供应商数=3, 投标人数=3, 合格投标人数=3, 评标委员会人数=5, 评审专家人数=4, 评审报告送交日期=D("2025-04-28"),
            确定中标供应商日期=D("2025-05-07"), 中标通知书发出日期=D("2025-05-09"), 中标结果公告日期=D("2025-05-09")),
         ok(序号=2, 项目名称="2025年专用软件升级", 采购方式="单一来源", 项目属性="服务", **{"采购预算（元）": 4000000},
            单一来源公示开始日期=D("2025-09-26"), 公示截止日期=D("2025-10-10")),
         ok(序号=3, 项目名称="2025年数据中心扩容", 采购方式="公开招标", 项目属性="货物", **{"采购预算（元）": 15000000},
            投标人数=6, 合格投标人数=5, 评标委员会人数=9, 评审专家人数=6),
     ], title="2025年采购执行台账"),
      sheet("质疑投诉", ["序号", "项目名称", "质疑供应商", "收到询问日期", "询问答复日期", "收到质疑函日期", "质疑答复日期"], [
          ok(序号=1, 项目名称="2025年档案数字化服务", 质疑供应商=SUP[0][0], 收到询问日期=D("2025-04-30"),
             询问答复日期=D("2025-05-07"), 收到质疑函日期=D("2025-04-30"), 质疑答复日期=D("2025-05-13")),
      ], title="质疑投诉台账"),
      sheet("支付台账", ["序号", "合同编号", "支付期次", "约定支付日期", "实际支付日期", "付款附加条件"], [
          ok(序号=1, 合同编号="HT-2025-021", 支付期次="预付款", 约定支付日期=D("2025-05-20"), 实际支付日期=D("2025-05-19")),
          ok(序号=2, 合同编号="HT-2025-021", 支付期次="尾款", 约定支付日期=D("2025-11-20"), 实际支付日期=D("2025-11-20")),
      ], title="合同支付台账"),
      sheet("需求管理", ["序号", "项目名称", "项目属性", "采购预算（元）", "是否采购进口产品", "是否开展需求调查", "需求调查对象数",
                       "是否开展重点审查", "合同文本是否经法律顾问审定"], [
          ok(序号=1, 项目名称="2025年数据中心扩容", 项目属性="货物", **{"采购预算（元）": 15000000}, 是否采购进口产品="否",
             是否开展需求调查="是", 需求调查对象数=6, 是否开展重点审查="是", 合同文本是否经法律顾问审定="是"),
          ok(序号=2, 项目名称="2025年专用软件升级", 项目属性="服务", **{"采购预算（元）": 4000000}, 是否采购进口产品="否",
             是否开展需求调查="否", 是否开展重点审查="否", 合同文本是否经法律顾问审定="否"),
      ], title="需求管理台账"),
      sheet("成交台账", ["序号", "框架协议项目名称", "采购包", "第二阶段成交方式", "确定成交供应商日期", "成交结果公告日期"], [
          ok(序号=1, 框架协议项目名称="2025年复印纸框架协议采购", 采购包="1", 第二阶段成交方式="顺序轮候",
             确定成交供应商日期=D("2025-09-30"), 成交结果公告日期=D("2025-10-10")),
      ], title="框架协议成交台账")])

H = ["序号", "采购单位", "合同编号", "合同类型", "合同金额（元）", "中标（成交）通知书发出日期", "合同签订日期", "合同公告日期",
     "供应商名称", "统一社会信用代码", "收款银行", "收款账户", "备注"]
i0 = dict(采购单位="某县卫生健康局", 合同类型="主合同", **{"中标（成交）通知书发出日期": D("2025-06-03")},
          合同签订日期=D("2025-06-10"), 合同公告日期=D("2025-06-11"), 供应商名称=SUP[3][0],
          统一社会信用代码=credit(SUP[3][1]), 收款银行=SUP[3][2], 收款账户=SUP[3][3])
book("qg-contracts-duplicates", "national", "合同备案表（.xls）：同一合同编号登记两次，金额写成“12.5万”“3,000元”的文字",
     [sheet("合同", H, [
         ok(序号=1, 合同编号="XW-HT-2025-01", **{"合同金额（元）": "12.5万"}, **i0),
         ok(序号=2, 合同编号="XW-HT-2025-02", **{"合同金额（元）": "3,000元"}, **i0),
         bad([("表格.唯一", "合同编号", "")], 序号=3, 合同编号="XW-HT-2025-01", **{"合同金额（元）": 125000},
             备注="重复登记", **i0),
         bad([("GP-50", "合同公告日期", "")], 序号=4, 合同编号="XW-HT-2025-03", **{"合同金额（元）": 56000},
             **{**i0, "合同公告日期": D("2025-06-13")}),
     ], title="某县卫生健康局合同备案登记表", unit="金额单位：元")], fmt="xls")


if __name__ == "__main__":
    write_all()
