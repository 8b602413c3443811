//! A large, clean 需求汇总表 for the benchmarks (bench_check, bench_serve).

use rust_xlsxwriter::Workbook;
use std::path::Path;

const UNITS: [&str; 8] = [
    "省教育厅",
    "省卫健委",
    "杭州市财政局",
    "宁波市教育局",
    "温州市卫健委",
    "嘉兴市公安局",
    "湖州市民政局",
    "绍兴市水利局",
];
const ITEMS: [&str; 6] = [
    "A02010105",
    "A02010108",
    "A02020100",
    "A02021001",
    "A05010101",
    "C02100000",
];

/// Writes `rows` demand lines (rust_xlsxwriter, constant-memory mode).
pub fn generate(path: &Path, rows: u32) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb
        .add_worksheet_with_constant_memory()?
        .set_name("需求汇总表")?;
    ws.write(0, 0, "带量集中采购需求汇总表")?;
    let header = [
        "序号",
        "参与单位",
        "预算级次",
        "是否牵头单位",
        "采购品目",
        "采购包",
        "数量",
        "预算金额（万元）",
        "项目名称",
        "代理机构",
        "代理机构类型",
        "组织形式",
        "委托函",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(1, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i + 2;
        let unit = UNITS[(i as usize) % UNITS.len()];
        ws.write(r, 0, i + 1)?;
        ws.write(r, 1, format!("{unit}{}", i / 8))?;
        ws.write(
            r,
            2,
            if unit.starts_with('省') {
                "省级"
            } else {
                "市级"
            },
        )?;
        ws.write(r, 3, if i == 0 { "是" } else { "否" })?;
        ws.write(r, 4, ITEMS[(i as usize) % ITEMS.len()])?;
        ws.write(r, 5, format!("第{}包", (i % 6) + 1))?;
        ws.write(r, 6, (i % 50 + 1) as f64)?;
        ws.write(r, 7, ((i % 997) as f64) * 0.25 + 1.5)?;
        ws.write(r, 8, "2025年度计算机设备带量集中采购")?;
        ws.write(r, 9, "浙江省政府采购中心")?;
        ws.write(r, 10, "集中采购机构")?;
        ws.write(r, 11, "带量集中采购")?;
        ws.write(r, 12, format!("委托函-{}.pdf", i + 1))?;
    }
    wb.save(path)
}
