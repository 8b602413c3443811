//! Writes the sample uploads in samples/<jurisdiction>/: clean.xlsx (no
//! error or warning), faulty.xlsx (every rule of the jurisdiction's rule set
//! triggered at least once) and the project files project.yaml /
//! project-faulty.yaml.
//!
//! ```text
//! cargo run --example make_samples            # writes into ./samples
//! cargo run --example make_samples -- DIR     # writes into DIR
//! ```
//!
//! The workbooks look like real uploads: a merged title row, a unit line,
//! headers with units ("合同金额（元）"), dates as Excel dates (a few typed
//! as text), a 合计 row with formulas where the form has one, notes below.
//! Each faulty workbook is its clean workbook plus rows that break one rule
//! each (a few rows break several related rules at once); the comments name
//! the rules. Output is byte-for-byte reproducible.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};
use std::path::{Path, PathBuf};

#[path = "make_samples/ledgers.rs"]
mod ledgers;

// ── cells ────────────────────────────────────────────────────────────────

#[derive(Clone, Debug)]
enum C {
    /// Text.
    T(String),
    /// A plain number (counts).
    N(f64),
    /// Money, shown with thousands separators.
    M(f64),
    /// A date stored as an Excel date.
    D(u16, u8, u8),
    /// A date typed as text ("2025年9月1日").
    Dt(String),
    /// A percentage stored as a fraction (0.2 shown as 20%).
    P(f64),
    /// Blank.
    E,
}

fn t(s: &str) -> C {
    C::T(s.to_string())
}
fn d(y: u16, m: u8, day: u8) -> C {
    C::D(y, m, day)
}
fn opt(s: &str) -> C {
    if s.is_empty() { C::E } else { t(s) }
}

/// Where a sheet's 合计 row goes and which columns it adds up.
enum Total {
    None,
    /// Right under the header, as on the 吉林 附件4 样表.
    Top {
        sum_cols: Vec<usize>,
    },
    /// Below the last row.
    Bottom {
        sum_cols: Vec<usize>,
    },
}

struct Sheet {
    tab: &'static str,
    title: String,
    /// Second line: 填报单位, 单位 …
    subtitle: Option<String>,
    headers: Vec<&'static str>,
    rows: Vec<Vec<C>>,
    total: Total,
    notes: Vec<&'static str>,
}

// ── writing ──────────────────────────────────────────────────────────────

/// Display width of text in Excel's character units (CJK counts double).
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 1.1 } else { 2.1 })
        .sum()
}

fn cell_width(c: &C) -> f64 {
    match c {
        C::T(s) | C::Dt(s) => text_width(s),
        C::N(_) => 6.0,
        C::M(_) => 14.0,
        C::D(..) => 11.0,
        C::P(_) => 7.0,
        C::E => 0.0,
    }
}

fn col_name(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn write_sheet(wb: &mut Workbook, sh: &Sheet) -> Result<(), XlsxError> {
    let font = "宋体";
    let base = Format::new().set_font_name(font).set_font_size(10);
    let boxed = base.clone().set_border(FormatBorder::Thin);
    let title = Format::new()
        .set_font_name("黑体")
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let sub = base.clone();
    let head = boxed
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#D9E1F2");
    let money = boxed.clone().set_num_format("#,##0.00");
    let date = boxed.clone().set_num_format("yyyy-mm-dd");
    let pct = boxed.clone().set_num_format("0%");
    let total_label = boxed.clone().set_bold().set_align(FormatAlign::Center);
    let total_money = money.clone().set_bold();
    let note = base.clone();

    let ws = wb.add_worksheet();
    ws.set_name(sh.tab)?;
    let ncol = sh.headers.len();
    let last = (ncol - 1) as u16;
    ws.merge_range(0, 0, 0, last, &sh.title, &title)?;
    ws.set_row_height(0, 30)?;
    let mut r: u32 = 1;
    if let Some(s) = &sh.subtitle {
        ws.merge_range(1, 0, 1, last, s, &sub)?;
        r = 2;
    }
    let header_row = r;
    for (c, h) in sh.headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &head)?;
    }
    ws.set_row_height(header_row, 32)?;
    ws.set_freeze_panes(header_row + 1, 0)?;

    let sums = |cols: &[usize], first: u32, last: u32| -> Vec<(usize, String, f64)> {
        cols.iter()
            .map(|&c| {
                let total: f64 = sh
                    .rows
                    .iter()
                    .map(|row| match row.get(c) {
                        Some(C::N(x)) | Some(C::M(x)) => *x,
                        _ => 0.0,
                    })
                    .sum();
                let l = col_name(c);
                (c, format!("=SUM({l}{}:{l}{})", first + 1, last + 1), total)
            })
            .collect()
    };
    let write_total = |ws: &mut rust_xlsxwriter::Worksheet,
                       row: u32,
                       cols: &[usize],
                       first: u32,
                       last_row: u32|
     -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, "合计", &total_label)?;
        for c in 1..ncol {
            ws.write_blank(row, c as u16, &boxed)?;
        }
        for (c, f, v) in sums(cols, first, last_row) {
            let result = format!("{}", (v * 100.0).round() / 100.0);
            ws.write_formula_with_format(
                row,
                c as u16,
                Formula::new(f).set_result(result),
                &total_money,
            )?;
        }
        Ok(())
    };

    let mut first_data = header_row + 1;
    if let Total::Top { sum_cols } = &sh.total {
        let n = sh.rows.len() as u32;
        write_total(ws, first_data, sum_cols, first_data + 1, first_data + n)?;
        first_data += 1;
    }
    for (i, row) in sh.rows.iter().enumerate() {
        let rr = first_data + i as u32;
        for (c, v) in row.iter().enumerate() {
            let c16 = c as u16;
            match v {
                C::T(s) | C::Dt(s) => {
                    ws.write_string_with_format(rr, c16, s, &boxed)?;
                }
                C::N(x) => {
                    ws.write_number_with_format(rr, c16, *x, &boxed)?;
                }
                C::M(x) => {
                    ws.write_number_with_format(rr, c16, *x, &money)?;
                }
                C::P(x) => {
                    ws.write_number_with_format(rr, c16, *x, &pct)?;
                }
                C::D(y, m, dd) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *dd)?;
                    ws.write_date_with_format(rr, c16, &dt, &date)?;
                }
                C::E => {
                    ws.write_blank(rr, c16, &boxed)?;
                }
            }
        }
    }
    let mut next = first_data + sh.rows.len() as u32;
    if let Total::Bottom { sum_cols } = &sh.total {
        write_total(ws, next, sum_cols, first_data, next - 1)?;
        next += 1;
    }
    for (i, n) in sh.notes.iter().enumerate() {
        ws.write_string_with_format(next + 1 + i as u32, 0, *n, &note)?;
    }
    for c in 0..ncol {
        let w = sh
            .rows
            .iter()
            .filter_map(|row| row.get(c))
            .map(cell_width)
            .fold(text_width(sh.headers[c]).min(16.0), f64::max);
        ws.set_column_width(c as u16, (w + 2.0).clamp(6.0, 40.0))?;
    }
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

fn write_workbook(path: &Path, title: &str, sheets: &[Sheet]) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time keeps regenerated files identical.
    let created = ExcelDateTime::from_ymd(2025, 12, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("jicai 示例")
            .set_creation_datetime(&created),
    );
    for s in sheets {
        write_sheet(&mut wb, s)?;
    }
    wb.save(path)
}

// ── GB 32100-2015 credit codes ───────────────────────────────────────────

const CREDIT: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A valid 统一社会信用代码 from a 17-character body.
fn credit(body: &str) -> String {
    let mut sum = 0u32;
    let mut weight = 1u32;
    for b in body.bytes() {
        let v = CREDIT.iter().position(|&c| c == b).unwrap_or(0) as u32;
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    format!("{body}{}", CREDIT[check as usize] as char)
}

/// The same code with a wrong check character.
fn bad_credit(body: &str) -> String {
    let good = credit(body);
    let last = good.chars().last().unwrap_or('0');
    let wrong = if last == '1' { '2' } else { '1' };
    format!("{body}{wrong}")
}

// ── who takes part: names used by the shared tables ──────────────────────

struct Names {
    /// Contract number prefix ("BJ").
    pfx: &'static str,
    /// Two buyers whose contracts fill the national rows.
    unit_a: &'static str,
    unit_b: &'static str,
    project: &'static str,
    /// Suppliers: (name, 17-character credit code body, bank).
    suppliers: [(&'static str, &'static str, &'static str); 3],
    /// The collecting agency (集中采购机构) of framework agreements.
    agency: &'static str,
}

// ── 合同备案表 ───────────────────────────────────────────────────────────

const CONTRACT_HEADERS: [&str; 26] = [
    "序号",
    "采购单位",
    "项目名称",
    "包组",
    "合同名称",
    "合同编号",
    "合同类型",
    "原合同编号",
    "合同金额（元）",
    "原合同金额（元）",
    "中标（成交）通知书发出日期",
    "合同签订日期",
    "合同公告日期",
    "合同备案日期",
    "履行期限",
    "供应商名称",
    "统一社会信用代码",
    "收款银行",
    "收款账户",
    "合同附件",
    "付款方式",
    "付款时间",
    "付款条件",
    "逾期付款违约责任",
    "分计划编号",
    "数量",
];

#[derive(Clone)]
struct Contract {
    unit: String,
    project: String,
    package: String,
    name: String,
    no: String,
    kind: &'static str,
    original: String,
    amount: f64,
    original_amount: Option<f64>,
    notice: C,
    signed: C,
    published: C,
    filed: C,
    term: String,
    supplier: String,
    code: String,
    bank: String,
    account: String,
    attachment: String,
    pay_how: String,
    pay_when: String,
    pay_if: String,
    pay_late: String,
    /// 吉林: the 分计划 the contract fills, and its quantity.
    plan_no: String,
    quantity: Option<f64>,
}

impl Contract {
    fn new(n: &Names, unit: &str, no: &str, amount: f64, supplier: usize) -> Contract {
        let (s, body, bank) = n.suppliers[supplier];
        Contract {
            unit: unit.to_string(),
            project: n.project.to_string(),
            package: "1".into(),
            name: format!("{}合同", n.project),
            no: no.to_string(),
            kind: "主合同",
            original: String::new(),
            amount,
            original_amount: None,
            notice: d(2025, 9, 1),
            signed: d(2025, 9, 15),
            published: d(2025, 9, 16),
            filed: d(2025, 9, 19),
            term: "2年".into(),
            supplier: s.to_string(),
            code: credit(body),
            bank: bank.to_string(),
            account: format!("1105 0188 3600 {:04}", no.len() * 37 % 10000),
            attachment: format!("{no}合同扫描件.pdf"),
            pay_how: "国库集中支付".into(),
            pay_when: "验收合格后15日内".into(),
            pay_if: "履约验收合格并收到发票".into(),
            pay_late: "按未付金额每日万分之五支付违约金".into(),
            plan_no: String::new(),
            quantity: None,
        }
    }
    fn supplementary(mut self, original: &Contract, no: &str, amount: f64) -> Contract {
        self.kind = "补充合同";
        self.no = no.to_string();
        self.name = format!("{}补充合同", original.name);
        self.original = original.no.clone();
        self.original_amount = Some(original.amount);
        self.amount = amount;
        self.attachment = format!("{no}补充合同扫描件.pdf");
        // A supplementary contract keeps the original's payment terms.
        self.pay_how = String::new();
        self.pay_when = String::new();
        self.pay_if = String::new();
        self.pay_late = String::new();
        self
    }
    fn dates(mut self, notice: C, signed: C, published: C, filed: C) -> Contract {
        self.notice = notice;
        self.signed = signed;
        self.published = published;
        self.filed = filed;
        self
    }
    fn row(&self, i: usize) -> Vec<C> {
        vec![
            C::N(i as f64),
            t(&self.unit),
            t(&self.project),
            t(&self.package),
            opt(&self.name),
            t(&self.no),
            t(self.kind),
            opt(&self.original),
            C::M(self.amount),
            self.original_amount.map_or(C::E, C::M),
            self.notice.clone(),
            self.signed.clone(),
            self.published.clone(),
            self.filed.clone(),
            opt(&self.term),
            opt(&self.supplier),
            opt(&self.code),
            opt(&self.bank),
            opt(&self.account),
            opt(&self.attachment),
            opt(&self.pay_how),
            opt(&self.pay_when),
            opt(&self.pay_if),
            opt(&self.pay_late),
            opt(&self.plan_no),
            self.quantity.map_or(C::E, C::N),
        ]
    }
}

/// The national contract rows: compliant ones, and (faulty) one row per
/// national contract rule.
fn national_contracts(n: &Names, faulty: bool) -> Vec<Contract> {
    let p = n.pfx;
    let a = Contract::new(n, n.unit_a, &format!("{p}-HT-2025-001"), 1_200_000.0, 0);
    // 30日 ends on 10-01 (国庆), moved to 10-09: signed on the last day.
    let b = Contract::new(n, n.unit_b, &format!("{p}-HT-2025-002"), 1_000_000.0, 1).dates(
        d(2025, 9, 1),
        d(2025, 10, 9),
        d(2025, 10, 10),
        d(2025, 10, 17),
    );
    // Exactly 10% of the original.
    let b1 = b
        .clone()
        .supplementary(&b, &format!("{p}-HT-2025-002-1"), 100_000.0)
        .dates(
            d(2025, 9, 1),
            d(2025, 11, 20),
            d(2025, 11, 21),
            C::Dt("2025年11月25日".into()),
        );
    let mut v = vec![a, b, b1];
    if !faulty {
        return v;
    }
    // GP-46: the 30日 end on 10-01 moves to 10-09; signed on 10-10.
    v.push(
        Contract::new(n, n.unit_a, &format!("{p}-HT-2025-003"), 300_000.0, 2).dates(
            d(2025, 9, 1),
            d(2025, 10, 10),
            d(2025, 10, 13),
            d(2025, 10, 17),
        ),
    );
    // GP-47: signed 09-25, the 7th working day is the 调休 Saturday 10-11; filed 10-13.
    v.push(
        Contract::new(n, n.unit_b, &format!("{p}-HT-2025-004"), 280_000.0, 0).dates(
            d(2025, 9, 10),
            d(2025, 9, 25),
            d(2025, 9, 26),
            d(2025, 10, 13),
        ),
    );
    // GP-50: signed 09-25, the 2nd working day is the 调休 Sunday 09-28; published 09-29.
    v.push(
        Contract::new(n, n.unit_a, &format!("{p}-HT-2025-005"), 150_000.0, 1).dates(
            d(2025, 9, 10),
            d(2025, 9, 25),
            d(2025, 9, 29),
            d(2025, 9, 30),
        ),
    );
    // GP-49: supplementary contracts add up to 10% plus one cent.
    let o = Contract::new(n, n.unit_b, &format!("{p}-HT-2025-006"), 1_000_000.0, 2);
    let o1 = o
        .clone()
        .supplementary(&o, &format!("{p}-HT-2025-006-1"), 60_000.0)
        .dates(
            d(2025, 9, 1),
            d(2025, 11, 3),
            d(2025, 11, 4),
            d(2025, 11, 7),
        );
    let o2 = o
        .clone()
        .supplementary(&o, &format!("{p}-HT-2025-006-2"), 40_000.01)
        .dates(
            d(2025, 9, 1),
            d(2025, 12, 1),
            d(2025, 12, 2),
            d(2025, 12, 5),
        );
    v.extend([o, o1, o2]);
    // GP-信用代码: a wrong check character.
    let mut c = Contract::new(n, n.unit_a, &format!("{p}-HT-2025-007"), 90_000.0, 0);
    c.code = bad_credit(n.suppliers[0].1);
    // GP-46-通知书日期: the same main contract lacks its award notice date.
    c.notice = C::E;
    v.push(c);
    v
}

fn contract_sheet(title: String, contracts: &[Contract]) -> Sheet {
    Sheet {
        tab: "合同备案表",
        title,
        subtitle: Some("金额单位：元".into()),
        headers: CONTRACT_HEADERS.to_vec(),
        rows: contracts
            .iter()
            .enumerate()
            .map(|(i, c)| c.row(i + 1))
            .collect(),
        total: Total::None,
        notes: vec!["注：补充合同填写原合同编号及原合同金额；补充合同的付款约定沿用原合同。"],
    }
}

// ── 保证金表 ─────────────────────────────────────────────────────────────

const DEPOSIT_HEADERS: [&str; 22] = [
    "序号",
    "项目名称",
    "包号",
    "供应商名称",
    "保证金类型",
    "保证金金额（元）",
    "缴纳形式",
    "采购预算（元）",
    "合同编号",
    "合同金额（元）",
    "是否中标",
    "中标（成交）通知书发出日期",
    "合同签订日期",
    "退还日期",
    "约定退还方式",
    "约定退还时间",
    "约定退还条件",
    "约定不予退还的情形",
    "逾期退还违约责任",
    "备注",
    "收到撤回通知日期",
    "终止采购日期",
];

#[derive(Clone)]
struct Deposit {
    supplier: String,
    kind: &'static str,
    amount: f64,
    form: &'static str,
    budget: Option<f64>,
    contract: String,
    contract_amount: Option<f64>,
    won: Option<bool>,
    notice: C,
    signed: C,
    returned: C,
    /// The five 履约保证金 agreements of 江北 三(三), filled unless blanked.
    terms: bool,
    /// A bid withdrawn before the deadline / a procurement terminated.
    withdrawn: C,
    terminated: C,
}

impl Deposit {
    fn bid(supplier: &str, amount: f64, budget: f64) -> Deposit {
        Deposit {
            supplier: supplier.to_string(),
            kind: "投标保证金",
            amount,
            form: "银行保函",
            budget: Some(budget),
            contract: String::new(),
            contract_amount: None,
            won: None,
            notice: C::E,
            signed: C::E,
            returned: C::E,
            terms: false,
            withdrawn: C::E,
            terminated: C::E,
        }
    }
    fn performance(supplier: &str, contract: &str, amount: f64, contract_amount: f64) -> Deposit {
        Deposit {
            supplier: supplier.to_string(),
            kind: "履约保证金",
            amount,
            form: "银行保函",
            budget: None,
            contract: contract.to_string(),
            contract_amount: Some(contract_amount),
            won: Some(true),
            notice: C::E,
            signed: C::E,
            returned: C::E,
            terms: true,
            withdrawn: C::E,
            terminated: C::E,
        }
    }
    fn row(&self, i: usize, project: &str) -> Vec<C> {
        let term = |s: &str| if self.terms { t(s) } else { C::E };
        vec![
            C::N(i as f64),
            t(project),
            t("1"),
            t(&self.supplier),
            t(self.kind),
            C::M(self.amount),
            t(self.form),
            self.budget.map_or(C::E, C::M),
            opt(&self.contract),
            self.contract_amount.map_or(C::E, C::M),
            self.won.map_or(C::E, |w| t(if w { "是" } else { "否" })),
            self.notice.clone(),
            self.signed.clone(),
            self.returned.clone(),
            term("原路退回供应商基本账户"),
            term("履约验收合格后10个工作日内"),
            term("履约验收合格且无未了违约责任"),
            term("供应商不履行合同义务、经催告后仍不履行"),
            term("按逾期天数每日万分之五支付资金占用费"),
            C::E,
            self.withdrawn.clone(),
            self.terminated.clone(),
        ]
    }
}

fn national_deposits(n: &Names, faulty: bool) -> Vec<Deposit> {
    let (s0, s1, s2) = (n.suppliers[0].0, n.suppliers[1].0, n.suppliers[2].0);
    let p = n.pfx;
    // Exactly 2% of the budget; returned on the 5th working day after signing.
    let mut won = Deposit::bid(s0, 20_000.0, 1_000_000.0);
    won.won = Some(true);
    won.notice = d(2025, 9, 1);
    won.signed = d(2025, 9, 15);
    won.returned = d(2025, 9, 22);
    // Lost: returned on the 5th working day after the notice.
    let mut lost = Deposit::bid(s1, 20_000.0, 1_000_000.0);
    lost.won = Some(false);
    lost.notice = d(2025, 9, 1);
    lost.returned = d(2025, 9, 8);
    // Exactly 10% of the contract.
    let perf = Deposit::performance(s0, &format!("{p}-HT-2025-001"), 120_000.0, 1_200_000.0);
    // Withdrawn before the deadline (87号 第三十八条) and a terminated
    // procurement (第二十九条): returned on the 5th working day.
    let mut withdrawn = Deposit::bid(s2, 10_000.0, 600_000.0);
    withdrawn.withdrawn = d(2025, 6, 9);
    withdrawn.returned = d(2025, 6, 16);
    let mut terminated = Deposit::bid(s1, 10_000.0, 600_000.0);
    terminated.terminated = d(2025, 6, 9);
    terminated.returned = d(2025, 6, 16);
    let mut v = vec![won, lost, perf];
    if !faulty {
        v.extend([withdrawn, terminated]);
        return v;
    }
    // GP-条例33-比例: one cent over 2%.
    v.push(Deposit::bid(s2, 20_000.01, 1_000_000.0));
    // GP-条例33-形式: cash.
    let mut cash = Deposit::bid(s1, 5_000.0, 500_000.0);
    cash.form = "现金";
    v.push(cash);
    // GP-条例33-退还未中标: notice 09-25; the 5th working day is 10-09; returned 10-10.
    let mut late = Deposit::bid(s2, 10_000.0, 800_000.0);
    late.won = Some(false);
    late.notice = d(2025, 9, 25);
    late.returned = d(2025, 10, 10);
    v.push(late);
    // GP-条例33-退还中标: signed 09-26; the 5th working day is 10-10; returned on the 调休 Saturday 10-11.
    let mut late_won = Deposit::bid(s0, 10_000.0, 800_000.0);
    late_won.won = Some(true);
    late_won.notice = d(2025, 9, 10);
    late_won.signed = d(2025, 9, 26);
    late_won.returned = d(2025, 10, 11);
    v.push(late_won);
    // GP-条例48-比例: one cent over 10%.
    v.push(Deposit::performance(
        s1,
        &format!("{p}-HT-2025-002"),
        100_000.01,
        1_000_000.0,
    ));
    // GP-条例48-形式: cash.
    let mut cash_perf = Deposit::performance(s2, &format!("{p}-HT-2025-003"), 30_000.0, 300_000.0);
    cash_perf.form = "现金";
    v.push(cash_perf);
    // The clean rows after the faulty ones, so that those keep their cells.
    v.extend([withdrawn, terminated]);
    // GP-87-38-撤回 and GP-87-29-终止: returned on the 6th working day.
    let mut withdrawn = Deposit::bid(s0, 10_000.0, 600_000.0);
    withdrawn.withdrawn = d(2025, 6, 9);
    withdrawn.returned = d(2025, 6, 17);
    v.push(withdrawn);
    let mut terminated = Deposit::bid(s2, 10_000.0, 600_000.0);
    terminated.terminated = d(2025, 6, 9);
    terminated.returned = d(2025, 6, 17);
    v.push(terminated);
    v
}

fn deposit_sheet(title: String, project: &str, deposits: &[Deposit]) -> Sheet {
    Sheet {
        tab: "保证金",
        title,
        subtitle: Some("金额单位：元".into()),
        headers: DEPOSIT_HEADERS.to_vec(),
        rows: deposits
            .iter()
            .enumerate()
            .map(|(i, x)| x.row(i + 1, project))
            .collect(),
        total: Total::None,
        notes: vec!["注：投标（响应）保证金按采购包登记；履约保证金登记对应合同。"],
    }
}

// ── 框架协议方案表 ───────────────────────────────────────────────────────

const SCHEME_HEADERS: [&str; 16] = [
    "项目名称",
    "采购包",
    "采购品目",
    "标的类型",
    "框架协议类型",
    "评审方法",
    "是否有政府定价",
    "是否检测实验仪器",
    "淘汰比例",
    "框架协议有效期",
    "需求调查采购人数",
    "需求调查供应商数",
    "第二阶段成交方式",
    "耗材使用量大",
    "专用耗材报价期限",
    "备注",
];

#[derive(Clone)]
struct Scheme {
    package: &'static str,
    item: &'static str,
    kind: &'static str,
    closed: &'static str,
    method: &'static str,
    priced: &'static str,
    lab: &'static str,
    cut: Option<f64>,
    term: &'static str,
    buyers: Option<f64>,
    sellers: Option<f64>,
    second: &'static str,
    consumables: &'static str,
    consumable_term: &'static str,
    note: &'static str,
}

const SCHEME: Scheme = Scheme {
    package: "",
    item: "A02010105 台式计算机",
    kind: "货物",
    closed: "封闭式",
    method: "价格优先法",
    priced: "否",
    lab: "否",
    cut: Some(0.2),
    term: "1年",
    buyers: Some(5.0),
    sellers: Some(4.0),
    second: "直接选定",
    consumables: "否",
    consumable_term: "",
    note: "",
};

impl Scheme {
    fn row(&self, project: &str) -> Vec<C> {
        vec![
            t(project),
            t(self.package),
            opt(self.item),
            t(self.kind),
            opt(self.closed),
            opt(self.method),
            opt(self.priced),
            opt(self.lab),
            self.cut.map_or(C::E, C::P),
            opt(self.term),
            self.buyers.map_or(C::E, C::N),
            self.sellers.map_or(C::E, C::N),
            opt(self.second),
            opt(self.consumables),
            opt(self.consumable_term),
            opt(self.note),
        ]
    }
}

fn national_schemes(faulty: bool) -> Vec<Scheme> {
    let mut v = vec![
        // Boundaries: 20% cut, 1年 for goods.
        Scheme {
            package: "1",
            ..SCHEME
        },
        // Services under a government price: 质量优先法, 2年, 顺序轮候.
        Scheme {
            package: "2",
            item: "C21040000 物业管理服务",
            kind: "服务",
            method: "质量优先法",
            priced: "是",
            cut: Some(0.25),
            term: "2年",
            buyers: Some(3.0),
            sellers: Some(3.0),
            second: "顺序轮候",
            ..SCHEME
        },
        // A test instrument by 质量优先法: 40% cut, consumables for 3 years.
        Scheme {
            package: "3",
            item: "A02100404 光学式分析仪器",
            method: "质量优先法",
            lab: "是",
            cut: Some(0.4),
            consumables: "是",
            consumable_term: "3年",
            ..SCHEME
        },
        // Printers: 二次竞价 after 价格优先法, consumables for 36 months.
        Scheme {
            package: "4",
            item: "A02021003 A4黑白打印机",
            cut: Some(0.3),
            term: "12个月",
            second: "二次竞价",
            consumables: "是",
            consumable_term: "36个月",
            ..SCHEME
        },
    ];
    if !faulty {
        return v;
    }
    v.extend([
        // GP-110-11-采购人
        Scheme {
            package: "5",
            buyers: Some(2.0),
            ..SCHEME
        },
        // GP-110-11-供应商
        Scheme {
            package: "6",
            sellers: Some(2.0),
            ..SCHEME
        },
        // GP-110-12: 计算机 is not a 底级品目.
        Scheme {
            package: "7",
            item: "A02010100 计算机",
            ..SCHEME
        },
        // GP-110-15-货物
        Scheme {
            package: "8",
            term: "18个月",
            ..SCHEME
        },
        // GP-110-15-服务
        Scheme {
            package: "9",
            item: "C21040000 物业管理服务",
            kind: "服务",
            term: "3年",
            ..SCHEME
        },
        // GP-110-25: ordinary goods by 质量优先法.
        Scheme {
            package: "10",
            method: "质量优先法",
            ..SCHEME
        },
        // GP-110-26: consumables priced for 2 years only.
        Scheme {
            package: "11",
            item: "A02021003 A4黑白打印机",
            consumables: "是",
            consumable_term: "2年",
            ..SCHEME
        },
        // GP-110-27-方案: 15% cut.
        Scheme {
            package: "12",
            cut: Some(0.15),
            ..SCHEME
        },
        // GP-110-27-方案检测: a test instrument by 质量优先法 with a 30% cut.
        Scheme {
            package: "13",
            item: "A02100404 光学式分析仪器",
            method: "质量优先法",
            lab: "是",
            cut: Some(0.3),
            ..SCHEME
        },
        // GP-110-33: 二次竞价 after 质量优先法 (政府定价, so the method itself is allowed).
        Scheme {
            package: "14",
            method: "质量优先法",
            priced: "是",
            second: "二次竞价",
            ..SCHEME
        },
        // GP-110-34: 顺序轮候 for goods.
        Scheme {
            package: "15",
            second: "顺序轮候",
            ..SCHEME
        },
    ]);
    v
}

fn scheme_sheet(title: String, project: &str, schemes: &[Scheme]) -> Sheet {
    Sheet {
        tab: "框架协议采购方案",
        title,
        subtitle: Some(format!("征集人：{project}征集人（集中采购机构）")),
        headers: SCHEME_HEADERS.to_vec(),
        rows: schemes.iter().map(|s| s.row(project)).collect(),
        total: Total::None,
        notes: vec!["注：每个采购包一行；开放式框架协议不填评审方法、淘汰比例和第二阶段成交方式。"],
    }
}

// ── 框架协议入围结果表 ───────────────────────────────────────────────────

const RESULT_HEADERS: [&str; 18] = [
    "项目名称",
    "采购包",
    "标的类型",
    "框架协议类型",
    "评审方法",
    "是否检测实验仪器",
    "提交响应文件供应商数",
    "合格供应商数",
    "入围供应商数",
    "入围通知书发出日期",
    "框架协议签订日期",
    "入围信息公开日期",
    "协议备案日期",
    "框架协议有效期",
    "是否补充征集",
    "剩余入围供应商数",
    "征集人",
    "备注",
];

#[derive(Clone)]
struct Outcome {
    package: &'static str,
    kind: &'static str,
    method: &'static str,
    lab: &'static str,
    responded: f64,
    qualified: f64,
    admitted: f64,
    notice: C,
    signed: C,
    published: C,
    filed: C,
    term: &'static str,
    refill: &'static str,
    remaining: Option<f64>,
}

fn outcome() -> Outcome {
    Outcome {
        package: "1",
        kind: "货物",
        method: "价格优先法",
        lab: "否",
        responded: 12.0,
        qualified: 10.0,
        admitted: 8.0,
        // 30日 from 09-05 ends on 10-05 (国庆), moved to 10-09.
        notice: d(2025, 9, 5),
        signed: d(2025, 10, 9),
        // 3 working days after 10-09: 10-10, 10-11 (调休), 10-13.
        published: d(2025, 10, 13),
        // 7 working days after 10-09 end on 10-17.
        filed: d(2025, 10, 17),
        term: "1年",
        refill: "否",
        remaining: None,
    }
}

impl Outcome {
    fn row(&self, project: &str, agency: &str) -> Vec<C> {
        vec![
            t(project),
            t(self.package),
            t(self.kind),
            t("封闭式"),
            t(self.method),
            t(self.lab),
            C::N(self.responded),
            C::N(self.qualified),
            C::N(self.admitted),
            self.notice.clone(),
            self.signed.clone(),
            self.published.clone(),
            self.filed.clone(),
            t(self.term),
            t(self.refill),
            self.remaining.map_or(C::E, C::N),
            t(agency),
            C::E,
        ]
    }
}

fn national_outcomes(faulty: bool) -> Vec<Outcome> {
    let mut v = vec![
        outcome(),
        // 质量优先法 test instrument: exactly 40% cut.
        Outcome {
            package: "3",
            method: "质量优先法",
            lab: "是",
            responded: 6.0,
            qualified: 5.0,
            admitted: 3.0,
            ..outcome()
        },
        // Services: 10 admitted, 6 remain (under 70%), refilled.
        Outcome {
            package: "2",
            kind: "服务",
            term: "2年",
            responded: 15.0,
            qualified: 13.0,
            admitted: 10.0,
            refill: "是",
            remaining: Some(6.0),
            ..outcome()
        },
    ];
    if !faulty {
        return v;
    }
    v.extend([
        // GP-110-27-响应, -合格, -淘汰一家, -淘汰比例: one supplier, admitted.
        Outcome {
            package: "5",
            responded: 1.0,
            qualified: 1.0,
            admitted: 1.0,
            ..outcome()
        },
        // GP-110-27-淘汰比例: 6 qualified, 5 admitted (16.7%).
        Outcome {
            package: "6",
            responded: 7.0,
            qualified: 6.0,
            admitted: 5.0,
            ..outcome()
        },
        // GP-110-27-淘汰比例检测: test instrument, 5 qualified, 4 admitted (20%).
        Outcome {
            package: "13",
            method: "质量优先法",
            lab: "是",
            responded: 5.0,
            qualified: 5.0,
            admitted: 4.0,
            ..outcome()
        },
        // GP-110-29-签订: signed 10-10, a day after the moved 30th day.
        Outcome {
            package: "7",
            signed: d(2025, 10, 10),
            published: d(2025, 10, 13),
            filed: d(2025, 10, 17),
            ..outcome()
        },
        // GP-110-29-备案 and GP-110-30: signed 09-25; published on the 4th working day (09-30), filed on the 8th (10-13).
        Outcome {
            package: "8",
            notice: d(2025, 9, 12),
            signed: d(2025, 9, 25),
            published: d(2025, 9, 30),
            filed: d(2025, 10, 13),
            ..outcome()
        },
        // GP-110-31: 7 of 10 remain (exactly 70%), refilled anyway.
        Outcome {
            package: "9",
            kind: "服务",
            term: "2年",
            responded: 14.0,
            qualified: 13.0,
            admitted: 10.0,
            refill: "是",
            remaining: Some(7.0),
            ..outcome()
        },
    ]);
    v
}

fn outcome_sheet(title: String, project: &str, agency: &str, v: &[Outcome]) -> Sheet {
    Sheet {
        tab: "入围结果",
        title,
        subtitle: None,
        headers: RESULT_HEADERS.to_vec(),
        rows: v.iter().map(|o| o.row(project, agency)).collect(),
        total: Total::None,
        notes: vec![
            "注：入围信息公开日期指通过框架协议采购交易系统告知采购人（公开入围信息）的日期。",
        ],
    }
}

// ── 项目信息（project.yaml） ──────────────────────────────────────────────

/// National project facts, then jurisdiction extras, as YAML lines.
fn project_yaml(name: &str, faulty: bool, extra: &[(&str, &str)]) -> String {
    let mut s = String::from(
        "# 项目信息：与工作簿一起检查，jicai check … --data 本文件\n# 键为规则中“事实 项目”的列名（或其别名）。\n",
    );
    let mut kv: Vec<(&str, String)> = vec![
        ("项目名称", name.to_string()),
        ("采购类别", "货物".into()),
        ("汇总预算", "1200万元".into()),
        ("采购方式", "公开招标".into()),
        ("组织形式", "集中带量采购".into()),
    ];
    if faulty {
        // GP-需求11-金额, GP-需求11-进口 (no written record of a survey),
        // GP-需求10 (2 objects), GP-需求23, GP-需求33.
        kv.extend([
            ("需求调查报告", String::new()),
            ("需求调查对象数", "2".to_string()),
            ("采购进口产品", "是".into()),
            ("法律顾问审定合同", "否".into()),
            ("已开展重点审查", "否".into()),
        ]);
    } else {
        kv.extend([
            ("需求调查报告", format!("{name}需求调查报告.pdf")),
            ("需求调查对象数", "6".into()),
            ("采购进口产品", "否".into()),
            ("法律顾问审定合同", "是".into()),
            ("已开展重点审查", "是".into()),
        ]);
    }
    for (k, v) in extra {
        match kv.iter_mut().find(|(key, _)| key == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => kv.push((k, v.to_string())),
        }
    }
    for (k, v) in kv {
        if v.is_empty() {
            s.push_str(&format!("# {k}: （未填）\n"));
        } else {
            s.push_str(&format!("{k}: {v}\n"));
        }
    }
    s
}

// ── 需求表 ───────────────────────────────────────────────────────────────

/// A 需求表 sheet from headers and rows; the 合计 row adds up 数量 and 预算金额.
fn demand_sheet(title: String, headers: Vec<&'static str>, rows: Vec<Vec<C>>) -> Sheet {
    let sum_cols = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.starts_with("数量") || h.starts_with("预算金额"))
        .map(|(i, _)| i)
        .collect();
    Sheet {
        tab: "需求汇总表",
        title,
        subtitle: Some("金额单位：万元".into()),
        headers,
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, mut r)| {
                r.insert(0, C::N((i + 1) as f64));
                r
            })
            .collect(),
        total: Total::Bottom { sum_cols },
        notes: vec![
            "注：本表由牵头单位汇总各参与单位填报的分计划，采购品目填写《政府采购品目分类目录》编码。",
        ],
    }
}

// ── per jurisdiction ─────────────────────────────────────────────────────

struct Sample {
    dir: &'static str,
    title: &'static str,
    clean: Vec<Sheet>,
    faulty: Vec<Sheet>,
    yaml_clean: String,
    yaml_faulty: String,
}

/// The four national tables with the jurisdiction's names, plus extra
/// contracts and deposits.
fn shared_sheets(
    n: &Names,
    region: &str,
    faulty: bool,
    more_contracts: Vec<Contract>,
    more_deposits: Vec<Deposit>,
    more_schemes: Vec<Scheme>,
) -> Vec<Sheet> {
    let mut contracts = national_contracts(n, faulty);
    contracts.extend(more_contracts);
    let mut deposits = national_deposits(n, faulty);
    deposits.extend(more_deposits);
    let mut schemes = national_schemes(faulty);
    schemes.extend(more_schemes);
    let fa = format!("{region}2025年办公设备及服务框架协议采购");
    let mut sheets = vec![
        contract_sheet(format!("{region}2025年政府采购合同备案表"), &contracts),
        deposit_sheet(
            format!("{region}2025年政府采购保证金登记表"),
            n.project,
            &deposits,
        ),
        scheme_sheet(format!("{fa}方案（采购包一览）"), &fa, &schemes),
        outcome_sheet(
            format!("{fa}入围结果"),
            &fa,
            n.agency,
            &national_outcomes(faulty),
        ),
    ];
    sheets.extend(ledgers::ledgers(region, n.pfx, n.project, faulty));
    sheets
}

const SIMPLE_DEMAND: [&str; 10] = [
    "序号",
    "参与单位",
    "单位代码",
    "项目名称",
    "采购包",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "组织形式",
];

fn simple_demand(region: &str, units: [&str; 3], faulty: bool) -> Sheet {
    let project = format!("{region}2025年度办公设备联合采购");
    let row = |u: &str, code: &str, pkg: &str, item: &str, q: f64, unit: &str, m: f64| {
        vec![
            t(u),
            t(code),
            t(&project),
            t(pkg),
            t(item),
            C::N(q),
            t(unit),
            C::M(m),
            t("联合采购"),
        ]
    };
    let mut rows = vec![
        row(units[0], "101001", "1", "A02010105", 60.0, "台", 30.0),
        row(units[1], "101002", "1", "A02010105", 40.0, "台", 20.0),
        row(units[2], "201001", "2", "A02021003", 20.0, "台", 4.0),
    ];
    if faulty {
        // GP-品目: a code that is not in the catalogue.
        rows.push(row(units[2], "201001", "3", "A0201019", 10.0, "台", 2.5));
    }
    demand_sheet(format!("{project}需求汇总表"), SIMPLE_DEMAND.to_vec(), rows)
}

fn national(faulty: bool) -> Vec<Sheet> {
    let n = Names {
        pfx: "QG",
        unit_a: "某部机关服务局",
        unit_b: "某部信息中心",
        project: "2025年度办公设备联合采购",
        suppliers: [
            (
                "华信科技有限公司",
                "91110108MA01Q8P7K",
                "中国工商银行北京海淀支行",
            ),
            (
                "中原办公设备有限公司",
                "91410100MA45R2T3X",
                "中国建设银行郑州分行",
            ),
            (
                "东方物业服务有限公司",
                "91310115MA1K4U6W0",
                "交通银行上海浦东分行",
            ),
        ],
        agency: "中央国家机关政府采购中心",
    };
    let mut v = vec![simple_demand(
        "",
        ["某部机关服务局", "某部信息中心", "某部档案馆"],
        faulty,
    )];
    v.extend(shared_sheets(&n, "", faulty, vec![], vec![], vec![]));
    v
}

fn sample_national() -> Sample {
    Sample {
        dir: "national",
        title: "全国",
        clean: national(false),
        faulty: national(true),
        yaml_clean: project_yaml("2025年度办公设备联合采购", false, &[]),
        yaml_faulty: project_yaml("2025年度办公设备联合采购", true, &[]),
    }
}

// 北京 ────────────────────────────────────────────────────────────────────

const BJ_DEMAND: [&str; 19] = [
    "序号",
    "参与单位",
    "单位代码",
    "预算级次",
    "是否牵头单位",
    "带量项目编号",
    "项目名称",
    "采购包",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "代理机构",
    "代理机构类型",
    "组织形式",
    "委托函",
    "意向公开日期",
    "意向公开方式",
    "牵头单位是否核实",
];

fn beijing(faulty: bool) -> Vec<Sheet> {
    let wy = "2025年物业管理服务集中带量采购";
    let jsj = "2025年计算机集中带量采购";
    let agency = "北京某招标代理有限公司";
    #[allow(clippy::too_many_arguments)]
    let row = |u: &str,
               code: &str,
               level: &str,
               lead: &str,
               no: &str,
               project: &str,
               item: &str,
               m: f64,
               agent: (&str, &str),
               letter: &str,
               published: C| {
        vec![
            t(u),
            t(code),
            t(level),
            t(lead),
            t(no),
            t(project),
            t("1"),
            t(item),
            C::N(1.0),
            t("项"),
            C::M(m),
            t(agent.0),
            t(agent.1),
            t("集中带量采购"),
            opt(letter),
            published,
        ]
    };
    let social = (agency, "社会代理机构");
    let published = || d(2025, 3, 3);
    // 市级牵头；区级、乡镇级参与（BJ-03-上级牵头 的边界在 faulty 中越过）.
    let (city_lead, district_lead) = if faulty {
        ("否", "是")
    } else {
        ("是", "否")
    };
    let mut demand = vec![
        row(
            "北京市交通委员会",
            "110001",
            "市级",
            city_lead,
            "BJDL-2025-01",
            wy,
            "C21040000",
            80.0,
            social,
            if faulty {
                "北京市交通委员会委托函.pdf"
            } else {
                ""
            },
            published(),
        ),
        row(
            "北京市朝阳区交通委员会",
            "110105",
            "区级",
            district_lead,
            "BJDL-2025-01",
            wy,
            "C21040000",
            60.0,
            social,
            if faulty {
                ""
            } else {
                "朝阳区交通委员会委托函.pdf"
            },
            published(),
        ),
        row(
            "北京市朝阳区呼家楼街道办事处",
            "110105021",
            "乡镇级",
            "否",
            "BJDL-2025-01",
            wy,
            "C21040000",
            10.0,
            social,
            "呼家楼街道委托函.pdf",
            published(),
        ),
    ];
    if faulty {
        // BJ-02-同一品目 (包1 gets a second 品目), BJ-03-委托函, BJ-07-意向公开.
        demand.push(row(
            "北京市朝阳区六里屯街道办事处",
            "110105022",
            "乡镇级",
            "否",
            "BJDL-2025-01",
            wy,
            "C05040300",
            12.0,
            social,
            "",
            C::E,
        ));
        // BJ-02-目录外 and BJ-02-集采机构 (a 集采目录 品目 through a social agency);
        // BJ-03-牵头唯一 (this project has no lead).
        demand.push(row(
            "北京市财政局",
            "110002",
            "市级",
            "否",
            "BJDL-2025-02",
            jsj,
            "A02010105",
            45.0,
            social,
            "北京市财政局委托函.pdf",
            published(),
        ));
        // GP-品目 (in package 2, so 包1's 品目 stay the same).
        let mut bad = row(
            "北京市财政局信息中心",
            "110002001",
            "市级",
            "否",
            "BJDL-2025-02",
            jsj,
            "A0201019",
            8.0,
            social,
            "信息中心委托函.pdf",
            published(),
        );
        bad[6] = t("2");
        demand.push(bad);
    }
    // 第七条: the lead unit publishes for itself; the others publish
    // separately and are verified — in faulty, 呼家楼 (the 3rd row) is not.
    for (i, r) in demand.iter_mut().enumerate() {
        let (how, checked) = match i {
            0 => ("统一公开", C::E),
            2 if faulty => ("分别公开", t("否")),
            _ => ("分别公开", t("是")),
        };
        r.push(t(how));
        r.push(checked);
    }
    let mut sheets = vec![demand_sheet(
        format!("{wy}需求汇总表"),
        BJ_DEMAND.to_vec(),
        demand,
    )];

    // 立项表: names must agree (BJ-05-名称一致) and be ticked (BJ-05-勾选).
    let lx = |u: &str, name: &str, amount: f64, ticked: &str| {
        vec![t(u), t("BJDL-2025-01"), t(name), C::M(amount), t(ticked)]
    };
    let mut rows = vec![
        lx("北京市交通委员会", wy, 800_000.0, "是"),
        lx("北京市朝阳区交通委员会", wy, 600_000.0, "是"),
    ];
    rows.push(if faulty {
        lx(
            "北京市朝阳区呼家楼街道办事处",
            "2025年物业服务采购",
            100_000.0,
            "否",
        )
    } else {
        lx("北京市朝阳区呼家楼街道办事处", wy, 100_000.0, "是")
    });
    sheets.push(Sheet {
        tab: "采购立项",
        title: format!("{wy}参与单位采购立项情况"),
        subtitle: Some("金额单位：元".into()),
        headers: vec![
            "参与单位",
            "带量项目编号",
            "项目名称",
            "立项金额（元）",
            "带量采购参与项目",
        ],
        rows,
        total: Total::None,
        notes: vec!["注：各参与单位在采购系统中使用一致的项目名称立项，并勾选“带量采购参与项目”。"],
    });

    let n = Names {
        pfx: "BJ",
        unit_a: "北京市政务服务管理局",
        unit_b: "北京市体育局",
        project: wy,
        suppliers: [
            (
                "北京安泰物业管理有限公司",
                "91110105MA01R7N2C",
                "北京银行朝阳支行",
            ),
            (
                "北京中科信息技术有限公司",
                "91110108MA02B3M4D",
                "中国银行北京中关村支行",
            ),
            (
                "北京京诚保安服务有限公司",
                "91110101MA03C5P6E",
                "中国农业银行北京东城支行",
            ),
        ],
        agency: "北京市政府采购中心",
    };
    // Participants' contracts against their 立项金额.
    let district = "北京市朝阳区交通委员会";
    // Two batches that add up to exactly the 立项金额; a term of exactly 3年.
    let mut c1 = Contract::new(&n, district, "BJ-HT-2025-101", 400_000.0, 0);
    c1.term = "3年".into();
    let mut bj = vec![c1];
    let mut c2 = Contract::new(&n, district, "BJ-HT-2025-102", 200_000.0, 0).dates(
        d(2025, 9, 1),
        d(2025, 9, 29),
        d(2025, 9, 30),
        d(2025, 10, 10),
    );
    if faulty {
        // BJ-09-分批: the second batch takes the total one cent over 立项金额.
        c2.amount = 200_000.01;
    }
    bj.push(c2);
    let mut city = Contract::new(&n, "北京市交通委员会", "BJ-HT-2025-103", 780_000.0, 0);
    if faulty {
        // BJ-02-履行期限.
        city.term = "4年".into();
    }
    bj.push(city);
    let mut street = Contract::new(
        &n,
        "北京市朝阳区呼家楼街道办事处",
        "BJ-HT-2025-104",
        100_000.0,
        0,
    );
    if faulty {
        // BJ-09-合同名称, -供应商名称, -信用代码, -收款银行, -收款账户, -附件.
        street.name.clear();
        street.supplier.clear();
        street.code.clear();
        street.bank.clear();
        street.account.clear();
        street.attachment.clear();
    }
    bj.push(street);
    sheets.extend(shared_sheets(&n, "北京市", faulty, bj, vec![], vec![]));
    sheets
}

fn sample_beijing() -> Sample {
    let wy = "2025年物业管理服务集中带量采购";
    let full: [(&str, &str); 9] = [
        ("牵头单位", "北京市交通委员会"),
        ("带量采购方案", "物业管理服务集中带量采购方案.pdf"),
        ("标后管理办法", "标后管理办法.pdf"),
        ("参与单位授权函", "参与单位授权函.pdf"),
        ("需求调查报告", "需求调查报告.pdf"),
        ("代理机构", "北京某招标代理有限公司"),
        ("代理机构经办人", "王敏"),
        ("中小企业预留份额", "40%"),
        ("汇总预算", "1200万元"),
    ];
    // BJ-06-一 (牵头单位), -二 (项目名称), -三 (标后管理办法), BJ-08-一 (采购方式),
    // -二 (经办人), -三 (预留份额) are left blank.
    let faulty: [(&str, &str); 9] = [
        ("项目名称", ""),
        ("牵头单位", ""),
        ("带量采购方案", "物业管理服务集中带量采购方案.pdf"),
        ("标后管理办法", ""),
        ("参与单位授权函", "参与单位授权函.pdf"),
        ("采购方式", ""),
        ("代理机构", "北京某招标代理有限公司"),
        ("代理机构经办人", ""),
        ("中小企业预留份额", ""),
    ];
    Sample {
        dir: "beijing",
        title: "北京",
        clean: beijing(false),
        faulty: beijing(true),
        yaml_clean: project_yaml(wy, false, &full),
        yaml_faulty: project_yaml(wy, true, &faulty),
    }
}

// 浙江 ────────────────────────────────────────────────────────────────────

const ZJ_DEMAND: [&str; 16] = [
    "序号",
    "参与单位",
    "单位代码",
    "预算级次",
    "是否牵头单位",
    "项目名称",
    "采购包",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "代理机构",
    "代理机构类型",
    "组织形式",
    "临时采购计划类型",
    "委托函",
];

/// One 需求表 row of a participant: who, which package, how much, through whom.
struct Need<'a> {
    unit: &'a str,
    code: &'a str,
    level: &'a str,
    lead: bool,
    project: &'a str,
    package: &'a str,
    item: &'a str,
    quantity: f64,
    measure: &'a str,
    budget: f64,
    agency: (&'a str, &'a str),
    form: &'a str,
    plan_type: &'a str,
    letter: &'a str,
    /// 采购计划编号 (山东、聊城).
    plan_no: &'a str,
    /// 已有框架协议 (吉林).
    framework: &'a str,
}

fn zj_row(x: &Need) -> Vec<C> {
    vec![
        t(x.unit),
        t(x.code),
        t(x.level),
        t(if x.lead { "是" } else { "否" }),
        t(x.project),
        t(x.package),
        t(x.item),
        C::N(x.quantity),
        t(x.measure),
        C::M(x.budget),
        t(x.agency.0),
        t(x.agency.1),
        t(x.form),
        opt(x.plan_type),
        opt(x.letter),
    ]
}

fn zhejiang(faulty: bool) -> Vec<Sheet> {
    let p = "2025年度浙江省计算机带量集中采购";
    let centre = ("浙江省政府采购中心", "集中采购机构");
    let social = ("浙江某招标代理有限公司", "社会代理机构");
    let need = Need {
        unit: "",
        code: "",
        level: "县级",
        lead: false,
        project: p,
        package: "1",
        item: "A02010105",
        quantity: 1.0,
        measure: "台",
        budget: 0.0,
        agency: centre,
        form: "带量集中采购",
        plan_type: "委托牵头单位办理",
        letter: "",
        plan_no: "",
        framework: "",
    };
    // The 台式计算机 budgets add up to exactly 400万元 (第三条 “（含）”).
    let mut rows = vec![
        Need {
            unit: "浙江省教育厅",
            code: "330001",
            level: "省级",
            lead: !faulty,
            quantity: 200.0,
            budget: 250.0,
            plan_type: "受委托采购",
            letter: if faulty {
                "浙江省教育厅委托函.pdf"
            } else {
                ""
            },
            ..need
        },
        Need {
            unit: "杭州市教育局",
            code: "330100",
            level: "市级",
            // ZJ-05 (a 市级 lead while a 省级 unit takes part), ZJ-08.
            lead: faulty,
            quantity: 120.0,
            budget: 150.0,
            plan_type: if faulty {
                "自行采购"
            } else {
                "委托牵头单位办理"
            },
            letter: if faulty {
                ""
            } else {
                "杭州市教育局委托函.pdf"
            },
            ..need
        },
        Need {
            unit: "杭州市西湖区教育局",
            code: "330106",
            package: "2",
            item: "A02010108",
            quantity: 50.0,
            budget: 40.0,
            // ZJ-07: no letter.
            letter: if faulty {
                ""
            } else {
                "西湖区教育局委托函.pdf"
            },
            ..need
        },
    ];
    if faulty {
        rows.extend([
            // ZJ-03 (the total reaches 430万元, this row is not 带量), ZJ-04.
            Need {
                unit: "杭州市滨江区教育局",
                code: "330108",
                quantity: 20.0,
                budget: 30.0,
                agency: social,
                form: "分散采购",
                letter: "滨江区教育局委托函.pdf",
                ..need
            },
            // ZJ-02-同一品目: package 2 gets a second 品目.
            Need {
                unit: "杭州市拱墅区教育局",
                code: "330105",
                package: "2",
                item: "A02010109",
                quantity: 30.0,
                budget: 12.0,
                letter: "拱墅区教育局委托函.pdf",
                ..need
            },
            // GP-品目.
            Need {
                unit: "杭州市上城区教育局",
                code: "330102",
                package: "3",
                item: "A0201019",
                quantity: 10.0,
                budget: 5.0,
                letter: "上城区教育局委托函.pdf",
                ..need
            },
            // ZJ-02-类别 (装修工程) twice; ZJ-05-唯一: two leads.
            Need {
                unit: "宁波市机关事务管理局",
                code: "330200",
                level: "市级",
                lead: true,
                project: "2025年度宁波市办公用房维修带量采购",
                item: "B07000000",
                quantity: 1.0,
                measure: "项",
                budget: 120.0,
                agency: ("宁波市政府采购中心", "集中采购机构"),
                plan_type: "受委托采购",
                ..need
            },
            Need {
                unit: "宁波市教育局",
                code: "330201",
                level: "市级",
                lead: true,
                project: "2025年度宁波市办公用房维修带量采购",
                item: "B07000000",
                quantity: 1.0,
                measure: "项",
                budget: 80.0,
                agency: ("宁波市政府采购中心", "集中采购机构"),
                plan_type: "受委托采购",
                ..need
            },
        ]);
    }
    let mut sheets = vec![demand_sheet(
        format!("{p}需求汇总表"),
        ZJ_DEMAND.to_vec(),
        rows.iter().map(zj_row).collect(),
    )];
    let n = Names {
        pfx: "ZJ",
        unit_a: "浙江省财政厅",
        unit_b: "浙江省机关事务管理局",
        project: p,
        suppliers: [
            (
                "杭州数联科技有限公司",
                "91330106MA2H3K4L5",
                "中国工商银行杭州西湖支行",
            ),
            (
                "浙江之江办公设备有限公司",
                "91330105MA2J6M7N8",
                "浙江农商银行杭州分行",
            ),
            (
                "宁波甬信物业服务有限公司",
                "91330203MA2K9P1Q2",
                "宁波银行鄞州支行",
            ),
        ],
        agency: "浙江省政府采购中心",
    };
    let mut extra = Vec::new();
    if faulty {
        // ZJ-11 and GP-49: one supplementary contract one cent over 10%.
        let o = Contract::new(&n, "杭州市教育局", "ZJ-HT-2025-201", 500_000.0, 0);
        let o1 = o
            .clone()
            .supplementary(&o, "ZJ-HT-2025-201-1", 50_000.01)
            .dates(
                d(2025, 9, 1),
                d(2025, 11, 10),
                d(2025, 11, 11),
                d(2025, 11, 14),
            );
        extra.extend([o, o1]);
    }
    sheets.extend(shared_sheets(&n, "浙江省", faulty, extra, vec![], vec![]));
    sheets
}

fn sample_zhejiang() -> Sample {
    let p = "2025年度浙江省计算机带量集中采购";
    Sample {
        dir: "zhejiang",
        title: "浙江",
        clean: zhejiang(false),
        faulty: zhejiang(true),
        yaml_clean: project_yaml(p, false, &[("组织形式", "带量集中采购")]),
        yaml_faulty: project_yaml(p, true, &[("组织形式", "带量集中采购")]),
    }
}

// 吉林 ────────────────────────────────────────────────────────────────────

const JL_DEMAND: [&str; 17] = [
    "序号",
    "参与单位",
    "单位代码",
    "预算级次",
    "是否牵头单位",
    "项目名称",
    "采购包",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "代理机构",
    "代理机构类型",
    "组织形式",
    "已有框架协议",
    "分计划编号",
    "产品配置分型",
];

fn jl_row(x: &Need) -> Vec<C> {
    vec![
        t(x.unit),
        t(x.code),
        t(x.level),
        t(if x.lead { "是" } else { "否" }),
        t(x.project),
        t(x.package),
        t(x.item),
        C::N(x.quantity),
        t(x.measure),
        C::M(x.budget),
        t(x.agency.0),
        t(x.agency.1),
        t(x.form),
        opt(x.framework),
    ]
}

fn jilin(faulty: bool) -> Vec<Sheet> {
    let pa = "2025年医用电子检测设备集中带量采购";
    let centre = ("吉林省政府采购中心", "集中采购机构");
    let need = Need {
        unit: "",
        code: "",
        level: "市级",
        lead: false,
        project: pa,
        package: "1",
        item: "A02320300",
        quantity: 1.0,
        measure: "台",
        budget: 0.0,
        agency: centre,
        form: "集中带量采购",
        framework: "否",
        letter: "",
        plan_type: "",
        plan_no: "",
    };
    let mut rows = vec![
        Need {
            unit: "吉林省人民医院",
            code: "220001",
            level: "省级",
            lead: !faulty,
            quantity: 10.0,
            budget: 120.0,
            ..need
        },
        // JL-753-二-上级牵头: in faulty the 市级 hospital leads.
        Need {
            unit: "长春市中心医院",
            code: "220101",
            lead: faulty,
            quantity: 6.0,
            budget: 72.0,
            ..need
        },
        Need {
            unit: "农安县人民医院",
            code: "220122",
            level: "县级",
            quantity: 3.0,
            budget: 36.0,
            ..need
        },
        // A 集中采购目录 品目 without a framework agreement may join (753号 一).
        Need {
            unit: "长春市中心医院",
            code: "220101",
            package: "2",
            item: "A02021003",
            quantity: 5.0,
            budget: 1.5,
            ..need
        },
        Need {
            unit: "吉林省卫生健康委员会",
            code: "220002",
            level: "省级",
            lead: true,
            project: "2025年全省卫生健康系统应急物资部门集中采购",
            item: "A02320300",
            quantity: 20.0,
            budget: 200.0,
            form: "部门集中采购",
            ..need
        },
        Need {
            unit: "吉林市卫生健康委员会",
            code: "220201",
            project: "2025年全省卫生健康系统应急物资部门集中采购",
            quantity: 8.0,
            budget: 80.0,
            form: "部门集中采购",
            ..need
        },
    ];
    if faulty {
        let pc = "2025年办公设备集中带量采购";
        rows.extend([
            // JL-753-一-同一品目: 包1 gets a second 品目.
            Need {
                unit: "德惠市人民医院",
                code: "220183",
                level: "县级",
                item: "A02320400",
                quantity: 2.0,
                budget: 20.0,
                ..need
            },
            // GP-品目 (a package of its own).
            Need {
                unit: "榆树市人民医院",
                code: "220182",
                level: "县级",
                package: "3",
                item: "A0232030",
                quantity: 2.0,
                budget: 24.0,
                ..need
            },
            // JL-753-一-框架协议; with the next two rows the project has more
            // 目录内 rows than 目录外 ones (JL-753-一-目录外为主) and no lead
            // (JL-753-二-牵头唯一).
            Need {
                unit: "吉林省财政厅",
                code: "220003",
                level: "省级",
                project: pc,
                item: "A02021003",
                quantity: 20.0,
                budget: 6.0,
                framework: "是",
                ..need
            },
            Need {
                unit: "长春市财政局",
                code: "220102",
                project: pc,
                package: "2",
                item: "A02010105",
                quantity: 30.0,
                budget: 15.0,
                ..need
            },
            Need {
                unit: "吉林市财政局",
                code: "220202",
                project: pc,
                package: "3",
                item: "A02091101",
                quantity: 2.0,
                budget: 3.0,
                ..need
            },
            // JL-三三1-部门牵头: a 部门集中采购 led by a 市级 body.
            Need {
                unit: "长春市卫生健康委员会",
                code: "220103",
                lead: true,
                project: "2025年长春市卫生健康系统部门集中采购",
                item: "A02320300",
                quantity: 4.0,
                budget: 40.0,
                form: "部门集中采购",
                ..need
            },
        ]);
    }
    if faulty {
        // JL-三一4-配置分型: the 产品配置表 has two configurations of this 品目.
        rows.push(Need {
            unit: "农安县人民医院",
            code: "220122",
            level: "县级",
            package: "4",
            item: "A02021003 A4黑白打印机",
            quantity: 2.0,
            budget: 0.6,
            ..need
        });
    }
    // 三(一)(4)(6): each 分计划 has its number; the last row chose a 配置分型.
    let last = rows.len() - 1;
    let demand_rows = rows
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut r = jl_row(x);
            r.push(t(&format!("JL-FJH-{:03}", i + 1)));
            r.push(if faulty && i == last {
                t("配置3")
            } else {
                C::E
            });
            r
        })
        .collect();
    let mut sheets = vec![demand_sheet(
        format!("{pa}分计划汇总（总计划）"),
        JL_DEMAND.to_vec(),
        demand_rows,
    )];

    // 附件4：合计 under the header, as on the 样表.
    let ap = |no: &str, code: &str, unit: &str, item: &str, q: f64, m: f64| {
        vec![t(no), t(code), t(unit), t(item), C::N(q), C::M(m)]
    };
    let mut rows = vec![
        ap("1", "101001", "吉林省财政厅", "A02010105", 20.0, 10.0),
        ap("2", "101001", "吉林省财政厅", "A02021003", 10.0, 3.0),
        ap("3", "102001", "吉林省教育厅", "A05010000", 50.0, 25.0),
        ap("4", "201001", "长春市财政局", "C21040000", 1.0, 80.0),
    ];
    if faulty {
        // JL-附4-品目: a name instead of a code.
        rows.push(ap("5", "201002", "长春市教育局", "台式电脑", 30.0, 15.0));
    }
    sheets.push(Sheet {
        tab: "项目安排情况表",
        title: "2025年度部门预算政府采购项目安排情况表".into(),
        subtitle: None,
        headers: vec![
            "序号",
            "单位代码",
            "预算单位",
            "采购品目",
            "采购数量(个)",
            "采购金额(万元)",
        ],
        rows,
        total: Total::Top {
            sum_cols: vec![4, 5],
        },
        notes: vec![
            "注：1. 此表主要用于梳理年度部门预算批复情况，方便对采购项目进行分类归集；",
            "2. 采购品目是指依据财政部《政府采购品目分类目录》（财库〔2022〕31号）确定的采购标的类别；",
            "3. 样表仅作参考，具体内容可根据实际调整。",
        ],
    });

    // 附件5、附件7：任务通知书台账.
    let task = |kind: &str,
                name: &str,
                code: &str,
                limit: &str,
                scope: &str,
                cycle: &str,
                goods: &str,
                term: &str| {
        vec![
            t(kind),
            t(name),
            t(code),
            opt(limit),
            opt(scope),
            opt(cycle),
            t(goods),
            opt(term),
            t("吉林省政府采购中心"),
        ]
    };
    let mut rows = vec![
        task(
            "批量集中采购",
            "台式计算机",
            "A02010105",
            "集中采购目录内小额零星项目",
            "全省",
            "3个月",
            "货物",
            "",
        ),
        task(
            "框架协议采购",
            "复印纸",
            "A05040101",
            "小额零星项目",
            "全省各级预算单位",
            "",
            "货物",
            "1年",
        ),
        task(
            "框架协议采购",
            "车辆维修和保养服务",
            "C23120301",
            "小额零星项目",
            "全省各级预算单位",
            "",
            "服务",
            "2年",
        ),
    ];
    if faulty {
        rows.extend([
            // JL-任务-品目, JL-任务-限额, JL-任务-范围, JL-附5-周期.
            task(
                "批量集中采购",
                "便携式计算机",
                "A0201010",
                "",
                "",
                "6个月",
                "货物",
                "",
            ),
            // JL-附7-货物.
            task(
                "框架协议采购",
                "A4黑白打印机",
                "A02021003",
                "小额零星项目",
                "全省各级预算单位",
                "",
                "货物",
                "2年",
            ),
            // JL-附7-服务.
            task(
                "框架协议采购",
                "物业管理服务",
                "C21040000",
                "小额零星项目",
                "全省各级预算单位",
                "",
                "服务",
                "3年",
            ),
        ]);
    }
    sheets.push(Sheet {
        tab: "任务通知单",
        title: "2025年批量集中采购、框架协议采购任务通知单台账".into(),
        subtitle: Some("下达单位：吉林省财政厅".into()),
        headers: vec![
            "任务类型",
            "品目名称",
            "品目编码",
            "采购限额",
            "适用范围",
            "采购周期",
            "标的类型",
            "框架协议有效期",
            "执行机构",
        ],
        rows,
        total: Total::None,
        notes: vec![
            "注：批量集中采购一般每季度开展一次；框架协议有效期货物类一般1年、服务类一般2年。",
        ],
    });

    // 附件6：产品配置表.
    let cfg = |no: &str, item: &str, configs: &[&str]| {
        let mut r = vec![t(no), t(item)];
        for i in 0..7 {
            r.push(configs.get(i).map_or(C::E, |c| t(c)));
        }
        r
    };
    let mut rows = vec![
        cfg(
            "1",
            "A02010105 台式计算机",
            &[
                "i5/16G/512G 固态/23.8英寸",
                "i7/32G/1T 固态/27英寸",
                "国产CPU/16G/512G/23.8英寸",
            ],
        ),
        cfg(
            "2",
            "A02021003 A4黑白打印机",
            &["30页/分钟 自动双面", "40页/分钟 自动双面 网络"],
        ),
    ];
    if faulty {
        // JL-附6-品目: a name, not a code.
        rows.push(cfg("3", "激光打印机", &["30页/分钟"]));
        // JL-附6-配置: no configuration.
        rows.push(cfg("4", "A02021118 扫描仪", &[]));
    }
    sheets.push(Sheet {
        tab: "产品配置表",
        title: "台式计算机等品目批量集中采购产品配置表".into(),
        subtitle: Some("填报日期：2025年6月10日".into()),
        headers: vec![
            "序号",
            "采购标的品目",
            "配置1",
            "配置2",
            "配置3",
            "配置4",
            "配置5",
            "配置6",
            "配置7",
        ],
        rows,
        total: Total::None,
        notes: vec![
            "注：1. 采购品目是指依据财政部《政府采购品目分类目录》（财库〔2022〕31号）确定的采购标的类别；",
            "2. 样表仅作参考，具体内容可根据实际调整。",
        ],
    });

    let n = Names {
        pfx: "JL",
        unit_a: "吉林省财政厅",
        unit_b: "吉林省教育厅",
        project: pa,
        suppliers: [
            (
                "长春长信医疗科技有限公司",
                "91220101MA17A2B3C",
                "吉林银行长春分行",
            ),
            (
                "吉林省北方办公设备有限公司",
                "91220102MA17D4E5F",
                "中国建设银行长春分行",
            ),
            (
                "吉林华宇物业服务有限公司",
                "91220104MA17G6H7J",
                "长春农商银行营业部",
            ),
        ],
        agency: "吉林省政府采购中心",
    };
    let mut more_schemes = Vec::new();
    if faulty {
        // JL-范本四-类型, 五-有效期, 八-评审方法, 九-淘汰率, 十-第二阶段: left blank.
        more_schemes.push(Scheme {
            package: "16",
            closed: "",
            method: "",
            priced: "",
            lab: "",
            cut: None,
            term: "",
            second: "",
            consumables: "",
            ..SCHEME
        });
    }
    // 三(一)(6): the contract for 分计划 JL-FJH-001 (10 台) matches it; in
    // faulty the one for JL-FJH-002 (6 台) is signed for 7 (JL-三一6-数量).
    let mut contracts = Vec::new();
    let mut by_plan = Contract::new(&n, "吉林省人民医院", "JL-HT-2025-101", 1_200_000.0, 0);
    by_plan.plan_no = "JL-FJH-001".into();
    by_plan.quantity = Some(10.0);
    contracts.push(by_plan);
    if faulty {
        let mut over = Contract::new(&n, "长春市中心医院", "JL-HT-2025-102", 840_000.0, 0);
        over.plan_no = "JL-FJH-002".into();
        over.quantity = Some(7.0);
        contracts.push(over);
    }
    sheets.extend(shared_sheets(
        &n,
        "吉林省",
        faulty,
        contracts,
        vec![],
        more_schemes,
    ));
    sheets
}

fn sample_jilin() -> Sample {
    let p = "2025年医用电子检测设备集中带量采购";
    Sample {
        dir: "jilin",
        title: "吉林",
        clean: jilin(false),
        faulty: jilin(true),
        yaml_clean: project_yaml(p, false, &[]),
        yaml_faulty: project_yaml(p, true, &[]),
    }
}

// 山东、聊城 ──────────────────────────────────────────────────────────────

const SD_DEMAND: [&str; 12] = [
    "序号",
    "参与单位",
    "单位代码",
    "项目名称",
    "采购品目",
    "数量",
    "计量单位",
    "预算金额（万元）",
    "组织形式",
    "采购计划编号",
    "代理机构",
    "代理机构类型",
];

fn sd_row(x: &Need) -> Vec<C> {
    vec![
        t(x.unit),
        t(x.code),
        t(x.project),
        t(x.item),
        C::N(x.quantity),
        t(x.measure),
        C::M(x.budget),
        t(x.form),
        opt(x.plan_no),
        opt(x.agency.0),
        opt(x.agency.1),
    ]
}

fn shandong(faulty: bool) -> Vec<Sheet> {
    let pa = "2025年全省公安系统执法记录仪部门集中采购";
    let pb = "2025年省直机关办公区物业管理服务联合采购";
    let centre = ("山东省政府采购中心", "集中采购机构");
    let social = ("山东某招标代理有限公司", "社会代理机构");
    let need = Need {
        unit: "",
        code: "",
        level: "",
        lead: false,
        project: pa,
        package: "1",
        item: "A02020600",
        quantity: 1.0,
        measure: "台",
        budget: 0.0,
        agency: centre,
        form: "部门集中采购",
        plan_no: "",
        letter: "",
        plan_type: "",
        framework: "",
    };
    let mut rows = vec![
        Need {
            unit: "山东省公安厅",
            code: "370001",
            quantity: 100.0,
            budget: 30.0,
            plan_no: "SDJH-2025-0001",
            ..need
        },
        // SD-一-计划不共用 in faulty: the same plan as 山东省公安厅.
        Need {
            unit: "济南市公安局",
            code: "370100",
            quantity: 200.0,
            budget: 60.0,
            plan_no: if faulty {
                "SDJH-2025-0001"
            } else {
                "SDJH-2025-0002"
            },
            ..need
        },
        // SD-一-分别备案 in faulty: no plan.
        Need {
            unit: "青岛市公安局",
            code: "370200",
            quantity: 150.0,
            budget: 45.0,
            plan_no: if faulty { "" } else { "SDJH-2025-0003" },
            ..need
        },
        Need {
            unit: "山东省财政厅",
            code: "370002",
            project: pb,
            item: "C21040000",
            measure: "项",
            budget: 120.0,
            form: "联合采购",
            plan_no: "SDJH-2025-0011",
            ..need
        },
        Need {
            unit: "山东省审计厅",
            code: "370003",
            project: pb,
            item: "C21040000",
            measure: "项",
            budget: 80.0,
            form: "联合采购",
            plan_no: "SDJH-2025-0012",
            ..need
        },
        // A 集中采购目录 品目 through a 集中采购机构 (SD-二-集采机构); in faulty a social agency.
        Need {
            unit: "济南市教育局",
            code: "370102",
            project: "2025年济南市教育局计算机采购",
            item: "A02010105",
            quantity: 50.0,
            budget: 25.0,
            form: "分散采购",
            plan_no: "JNJH-2025-0101",
            agency: if faulty {
                social
            } else {
                ("济南市公共资源交易中心", "集中采购机构")
            },
            ..need
        },
    ];
    if faulty {
        rows.extend([
            // SD-三-同一机构 and SD-三-集采机构: a third buyer of the joint
            // procurement entrusts a social agency.
            Need {
                unit: "山东省统计局",
                code: "370004",
                project: pb,
                item: "C21040000",
                measure: "项",
                budget: 40.0,
                form: "联合采购",
                plan_no: "SDJH-2025-0013",
                agency: social,
                ..need
            },
            // GP-品目.
            Need {
                unit: "济南市教育局",
                code: "370102",
                project: "2025年济南市教育局计算机采购",
                item: "A0201019",
                quantity: 10.0,
                budget: 5.0,
                form: "分散采购",
                plan_no: "JNJH-2025-0102",
                agency: ("济南市公共资源交易中心", "集中采购机构"),
                ..need
            },
        ]);
    }
    let mut sheets = vec![demand_sheet(
        "2025年省级部门集中采购、联合采购需求汇总表".into(),
        SD_DEMAND.to_vec(),
        rows.iter().map(sd_row).collect(),
    )];
    let n = Names {
        pfx: "SD",
        unit_a: "山东省财政厅",
        unit_b: "山东省审计厅",
        project: pb,
        suppliers: [
            (
                "山东鲁信物业服务有限公司",
                "91370102MA3C1D2E3",
                "齐鲁银行济南分行",
            ),
            (
                "济南齐鲁电子科技有限公司",
                "91370112MA3F4G5H6",
                "中国工商银行济南分行",
            ),
            (
                "青岛海联办公设备有限公司",
                "91370203MA3J7K8L9",
                "青岛银行市南支行",
            ),
        ],
        agency: "山东省政府采购中心",
    };
    sheets.extend(shared_sheets(&n, "山东省", faulty, vec![], vec![], vec![]));
    sheets
}

fn liaocheng(faulty: bool) -> Vec<Sheet> {
    let pa = "2025年聊城市教育系统计算机部门集中采购";
    let pb = "2025年聊城市直医疗机构医用耗材联合采购";
    let centre = ("聊城市公共资源交易中心", "集中采购机构");
    // 聊城 allows any 政府采购代理机构 for joint procurement.
    let agent = ("聊城某招标代理有限公司", "社会代理机构");
    let need = Need {
        unit: "",
        code: "",
        level: "",
        lead: false,
        project: pa,
        package: "1",
        item: "A02010105",
        quantity: 1.0,
        measure: "台",
        budget: 0.0,
        agency: centre,
        form: "部门集中采购",
        plan_no: "",
        letter: "",
        plan_type: "",
        framework: "",
    };
    let mut rows = vec![
        Need {
            unit: "聊城市教育和体育局",
            code: "371501",
            quantity: 80.0,
            budget: 40.0,
            plan_no: "LCJH-2025-0001",
            ..need
        },
        // SD-一-计划不共用 in faulty.
        Need {
            unit: "东昌府区教育和体育局",
            code: "371502",
            quantity: 60.0,
            budget: 30.0,
            plan_no: if faulty {
                "LCJH-2025-0001"
            } else {
                "LCJH-2025-0002"
            },
            ..need
        },
        // SD-一-分别备案 in faulty.
        Need {
            unit: "临清市教育和体育局",
            code: "371581",
            quantity: 40.0,
            budget: 20.0,
            plan_no: if faulty { "" } else { "LCJH-2025-0003" },
            ..need
        },
        Need {
            unit: "聊城市人民医院",
            code: "371511",
            project: pb,
            item: "A02320300",
            quantity: 10.0,
            budget: 60.0,
            form: "联合采购",
            plan_no: "LCJH-2025-0011",
            agency: agent,
            ..need
        },
        Need {
            unit: "聊城市中医医院",
            code: "371512",
            project: pb,
            item: "A02320300",
            quantity: 6.0,
            budget: 36.0,
            form: "联合采购",
            plan_no: "LCJH-2025-0012",
            agency: agent,
            ..need
        },
    ];
    if faulty {
        rows.extend([
            // SD-二-集采机构: a 集中采购目录 品目 through a social agency.
            Need {
                unit: "冠县教育和体育局",
                code: "371525",
                quantity: 30.0,
                budget: 15.0,
                plan_no: "LCJH-2025-0004",
                agency: ("山东某项目管理有限公司", "社会代理机构"),
                ..need
            },
            // SD-三-同一机构: another agency for the joint procurement.
            Need {
                unit: "聊城市妇幼保健院",
                code: "371513",
                project: pb,
                item: "A02320300",
                quantity: 4.0,
                budget: 24.0,
                form: "联合采购",
                plan_no: "LCJH-2025-0013",
                agency: ("山东某项目管理有限公司", "社会代理机构"),
                ..need
            },
            // SD-三-集采机构 (聊城): no agency at all.
            Need {
                unit: "聊城市传染病医院",
                code: "371514",
                project: pb,
                item: "A02320300",
                quantity: 2.0,
                budget: 12.0,
                form: "联合采购",
                plan_no: "LCJH-2025-0014",
                agency: ("", ""),
                ..need
            },
            // GP-品目.
            Need {
                unit: "聊城市教育和体育局",
                code: "371501",
                project: "2025年聊城市教育和体育局零星采购",
                item: "A0201019",
                quantity: 5.0,
                budget: 2.5,
                form: "分散采购",
                plan_no: "LCJH-2025-0021",
                ..need
            },
        ]);
    }
    let mut sheets = vec![demand_sheet(
        "2025年聊城市部门集中采购、联合采购需求汇总表".into(),
        SD_DEMAND.to_vec(),
        rows.iter().map(sd_row).collect(),
    )];
    let n = Names {
        pfx: "LC",
        unit_a: "聊城市财政局",
        unit_b: "聊城市人民医院",
        project: pb,
        suppliers: [
            (
                "聊城鲁西医疗器械有限公司",
                "91371502MA3M1N2P3",
                "聊城农商银行营业部",
            ),
            (
                "聊城东昌办公设备有限公司",
                "91371503MA3Q4R5T6",
                "中国银行聊城分行",
            ),
            (
                "聊城水城物业服务有限公司",
                "91371521MA3U7W8X9",
                "齐商银行聊城分行",
            ),
        ],
        agency: "聊城市公共资源交易中心",
    };
    sheets.extend(shared_sheets(&n, "聊城市", faulty, vec![], vec![], vec![]));
    sheets
}

fn sample_shandong() -> Sample {
    let p = "2025年省直机关办公区物业管理服务联合采购";
    Sample {
        dir: "shandong",
        title: "山东",
        clean: shandong(false),
        faulty: shandong(true),
        yaml_clean: project_yaml(p, false, &[("组织形式", "联合采购")]),
        yaml_faulty: project_yaml(p, true, &[("组织形式", "联合采购")]),
    }
}

fn sample_liaocheng() -> Sample {
    let p = "2025年聊城市直医疗机构医用耗材联合采购";
    Sample {
        dir: "liaocheng",
        title: "聊城",
        clean: liaocheng(false),
        faulty: liaocheng(true),
        yaml_clean: project_yaml(p, false, &[("组织形式", "联合采购")]),
        yaml_faulty: project_yaml(p, true, &[("组织形式", "联合采购")]),
    }
}

// 重庆江北 ────────────────────────────────────────────────────────────────

fn jiangbei(faulty: bool) -> Vec<Sheet> {
    let n = Names {
        pfx: "JB",
        unit_a: "重庆市江北区教育委员会",
        unit_b: "重庆市江北区卫生健康委员会",
        project: "2025年度江北区办公设备联合采购",
        suppliers: [
            (
                "重庆渝信科技有限公司",
                "91500105MA5U1A2B3",
                "重庆银行江北支行",
            ),
            (
                "重庆两江办公设备有限公司",
                "91500112MA5U4C5D6",
                "重庆农村商业银行江北支行",
            ),
            (
                "重庆观音桥物业服务有限公司",
                "91500105MA5U7E8F9",
                "中国建设银行重庆江北支行",
            ),
        ],
        agency: "重庆市政府采购中心",
    };
    let mut contracts = Vec::new();
    let mut deposits = Vec::new();
    if faulty {
        // JB-三五-付款方式, -付款时间, -付款条件, -逾期付款: none agreed.
        let mut c = Contract::new(&n, n.unit_b, "JB-HT-2025-301", 260_000.0, 1);
        c.pay_how.clear();
        c.pay_when.clear();
        c.pay_if.clear();
        c.pay_late.clear();
        contracts.push(c);
        // JB-三三-退还方式, -退还时间, -退还条件, -不予退还, -逾期退还: none agreed.
        let mut perf =
            Deposit::performance(n.suppliers[1].0, "JB-HT-2025-301", 13_000.0, 260_000.0);
        perf.terms = false;
        deposits.push(perf);
    }
    let mut v = vec![simple_demand(
        "江北区",
        [
            "重庆市江北区教育委员会",
            "重庆市江北区卫生健康委员会",
            "重庆市江北区观音桥街道办事处",
        ],
        faulty,
    )];
    v.extend(shared_sheets(
        &n,
        "重庆市江北区",
        faulty,
        contracts,
        deposits,
        vec![],
    ));
    v
}

fn sample_jiangbei() -> Sample {
    let p = "2025年度江北区办公设备联合采购";
    Sample {
        dir: "jiangbei",
        title: "重庆江北",
        clean: jiangbei(false),
        faulty: jiangbei(true),
        yaml_clean: project_yaml(p, false, &[("组织形式", "联合采购")]),
        yaml_faulty: project_yaml(p, true, &[("组织形式", "联合采购")]),
    }
}

fn main() {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("samples"));
    let samples = [
        sample_national(),
        sample_beijing(),
        sample_zhejiang(),
        sample_jilin(),
        sample_shandong(),
        sample_liaocheng(),
        sample_jiangbei(),
    ];
    let mut failed = false;
    for s in samples {
        let dir = out.join(s.dir);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("无法创建 {}：{e}", dir.display());
            failed = true;
            continue;
        }
        for (name, sheets) in [("clean.xlsx", &s.clean), ("faulty.xlsx", &s.faulty)] {
            let path = dir.join(name);
            let title = format!("{}示例（{}）", s.title, name);
            if let Err(e) = write_workbook(&path, &title, sheets) {
                eprintln!("无法写入 {}：{e}", path.display());
                failed = true;
            }
        }
        for (name, text) in [
            ("project.yaml", &s.yaml_clean),
            ("project-faulty.yaml", &s.yaml_faulty),
        ] {
            let path = dir.join(name);
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("无法写入 {}：{e}", path.display());
                failed = true;
            }
        }
        println!("{}", dir.display());
    }
    if failed {
        std::process::exit(1);
    }
}
