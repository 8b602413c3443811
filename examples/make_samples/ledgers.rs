//! The execution ledgers (执行台账) of the samples: one sheet per ledger,
//! headers in the documents' words. Clean rows sit on the boundary of each
//! rule (the last allowed day, exactly 5 members, exactly 30%); each faulty
//! row breaks one rule (named in its comment) and leaves the others blank.

use super::{C, Sheet, Total, d, t};

/// A row from (header, value) pairs; headers not named stay blank.
fn row(headers: &[&str], cells: &[(&str, C)]) -> Vec<C> {
    headers
        .iter()
        .map(|h| {
            cells
                .iter()
                .find(|(k, _)| k == h)
                .map_or(C::E, |(_, v)| v.clone())
        })
        .collect()
}

/// Numbers the rows (序号 is the first header) and builds the sheet.
fn ledger(
    tab: &'static str,
    title: String,
    headers: &[&'static str],
    rows: Vec<Vec<(&str, C)>>,
    notes: Vec<&'static str>,
) -> Sheet {
    Sheet {
        tab,
        title,
        subtitle: Some("金额单位：元".into()),
        headers: headers.to_vec(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                let mut r = row(headers, cells);
                r[0] = C::N((i + 1) as f64);
                r
            })
            .collect(),
        total: Total::None,
        notes,
    }
}

const RUN: [&str; 32] = [
    "序号",
    "项目编号",
    "项目名称",
    "采购方式",
    "项目属性",
    "采购预算（元）",
    "是否达到公开招标数额标准",
    "资格预审公告发布日期",
    "提交资格预审申请文件截止日期",
    "招标公告发布日期",
    "招标文件提供截止日期",
    "采购文件发出日期",
    "投标（响应）截止日期",
    "澄清或者修改日期",
    "是否影响投标文件编制",
    "邀请供应商数",
    "投标人数",
    "合格投标人数",
    "评标委员会（小组）人数",
    "其中评审专家人数",
    "评标方法",
    "价格分值比重",
    "评审结束日期",
    "评审报告送交日期",
    "确定中标（成交）供应商日期",
    "中标（成交）通知书发出日期",
    "中标（成交）结果公告日期",
    "单一来源公示开始日期",
    "公示截止日期",
    "公示期内有无异议",
    "补充论证日期",
    "备注",
];

/// 采购执行台账: one row per project.
fn runs(region: &str, pfx: &str, faulty: bool) -> Sheet {
    let name = |s: &str| t(&format!("{region}{s}"));
    let no = |i: usize| t(&format!("{pfx}-ZX-2025-{i:03}"));
    let mut rows = vec![
        // 公开招标, 预算1200万元: 7 members, the last allowed day everywhere.
        vec![
            ("项目编号", no(1)),
            ("项目名称", name("2025年业务用房装修材料采购")),
            ("采购方式", t("公开招标")),
            ("项目属性", t("货物")),
            ("采购预算（元）", C::M(12_000_000.0)),
            ("是否达到公开招标数额标准", t("是")),
            ("招标公告发布日期", d(2025, 3, 3)),
            ("招标文件提供截止日期", d(2025, 3, 10)),
            ("采购文件发出日期", d(2025, 3, 3)),
            ("投标（响应）截止日期", d(2025, 3, 25)),
            ("澄清或者修改日期", d(2025, 3, 7)),
            ("是否影响投标文件编制", t("是")),
            ("投标人数", C::N(5.0)),
            ("合格投标人数", C::N(4.0)),
            ("评标委员会（小组）人数", C::N(7.0)),
            ("其中评审专家人数", C::N(5.0)),
            ("评标方法", t("综合评分法")),
            ("价格分值比重", C::P(0.3)),
            ("评审结束日期", d(2025, 3, 25)),
            ("评审报告送交日期", d(2025, 3, 27)),
            ("确定中标（成交）供应商日期", d(2025, 4, 3)),
            // 清明 04-04…04-06: the 2nd working day after 04-03 is 04-08.
            ("中标（成交）通知书发出日期", d(2025, 4, 8)),
            ("中标（成交）结果公告日期", C::Dt("2025年4月8日".into())),
        ],
        // 竞争性谈判: 3-member group, 3 working days to respond.
        vec![
            ("项目编号", no(2)),
            ("项目名称", name("2025年办公楼保洁服务")),
            ("采购方式", t("竞争性谈判")),
            ("项目属性", t("服务")),
            ("采购预算（元）", C::M(800_000.0)),
            ("是否达到公开招标数额标准", t("否")),
            ("采购文件发出日期", d(2025, 6, 9)),
            ("投标（响应）截止日期", d(2025, 6, 12)),
            ("邀请供应商数", C::N(3.0)),
            ("评标委员会（小组）人数", C::N(3.0)),
            ("其中评审专家人数", C::N(2.0)),
            ("评审结束日期", d(2025, 6, 12)),
            ("评审报告送交日期", d(2025, 6, 13)),
            ("确定中标（成交）供应商日期", d(2025, 6, 20)),
            ("中标（成交）通知书发出日期", d(2025, 6, 24)),
            ("中标（成交）结果公告日期", d(2025, 6, 23)),
        ],
        // 单一来源: 5 working days of 公示, an objection, 补充论证 on the 5th day.
        vec![
            ("项目编号", no(3)),
            ("项目名称", name("2025年专用软件运维服务")),
            ("采购方式", t("单一来源")),
            ("项目属性", t("服务")),
            ("采购预算（元）", C::M(5_000_000.0)),
            ("是否达到公开招标数额标准", t("是")),
            ("单一来源公示开始日期", d(2025, 5, 12)),
            ("公示截止日期", d(2025, 5, 19)),
            ("公示期内有无异议", t("是")),
            ("补充论证日期", d(2025, 5, 26)),
        ],
        // 公开招标 after 资格预审; a service with 10% price weight.
        vec![
            ("项目编号", no(4)),
            ("项目名称", name("2025年信息系统等级保护测评服务")),
            ("采购方式", t("公开招标")),
            ("项目属性", t("服务")),
            ("采购预算（元）", C::M(3_000_000.0)),
            ("是否达到公开招标数额标准", t("是")),
            ("资格预审公告发布日期", d(2025, 6, 9)),
            ("提交资格预审申请文件截止日期", d(2025, 6, 16)),
            ("采购文件发出日期", d(2025, 6, 20)),
            ("投标（响应）截止日期", d(2025, 7, 10)),
            ("投标人数", C::N(3.0)),
            ("合格投标人数", C::N(3.0)),
            ("评标委员会（小组）人数", C::N(5.0)),
            ("其中评审专家人数", C::N(4.0)),
            ("评标方法", t("综合评分法")),
            ("价格分值比重", C::P(0.1)),
        ],
    ];
    if faulty {
        let p = |i: usize, s: &str, method: &str| {
            vec![
                ("项目编号", no(i)),
                ("项目名称", name(s)),
                ("采购方式", t(method)),
            ]
        };
        let with = |mut base: Vec<(&'static str, C)>, more: Vec<(&'static str, C)>| {
            base.extend(more);
            base
        };
        rows.extend([
            // GP-35: nineteen days.
            with(
                p(11, "2025年档案密集架采购", "公开招标"),
                vec![
                    ("采购文件发出日期", d(2025, 3, 5)),
                    ("投标（响应）截止日期", d(2025, 3, 24)),
                ],
            ),
            // GP-34: two invited suppliers.
            with(
                p(12, "2025年食堂食材配送服务", "邀请招标"),
                vec![("邀请供应商数", C::N(2.0))],
            ),
            // GP-87-41 and GP-36: two bidders, awarded anyway.
            with(
                p(13, "2025年公务用车维修服务", "公开招标"),
                vec![
                    ("投标人数", C::N(2.0)),
                    ("合格投标人数", C::N(2.0)),
                    ("中标（成交）通知书发出日期", d(2025, 6, 16)),
                ],
            ),
            // GP-87-47-人数: six members.
            with(
                p(14, "2025年会议室音视频设备采购", "公开招标"),
                vec![
                    ("评标委员会（小组）人数", C::N(6.0)),
                    ("其中评审专家人数", C::N(4.0)),
                ],
            ),
            // GP-87-47-七人: 1000万元 exactly, five members.
            with(
                p(15, "2025年数据中心服务器采购", "公开招标"),
                vec![
                    ("采购预算（元）", C::M(10_000_000.0)),
                    ("评标委员会（小组）人数", C::N(5.0)),
                    ("其中评审专家人数", C::N(4.0)),
                ],
            ),
            // GP-87-47-专家: one expert of three.
            with(
                p(16, "2025年办公家具采购", "询价"),
                vec![
                    ("评标委员会（小组）人数", C::N(3.0)),
                    ("其中评审专家人数", C::N(1.0)),
                ],
            ),
            // GP-74-7-小组: four members.
            with(
                p(17, "2025年绿化养护服务", "竞争性谈判"),
                vec![
                    ("评标委员会（小组）人数", C::N(4.0)),
                    ("其中评审专家人数", C::N(3.0)),
                ],
            ),
            // GP-74-7-五人: 达到公开招标数额标准, three members.
            with(
                p(18, "2025年复印纸采购", "询价"),
                vec![
                    ("是否达到公开招标数额标准", t("是")),
                    ("评标委员会（小组）人数", C::N(3.0)),
                    ("其中评审专家人数", C::N(2.0)),
                ],
            ),
            // GP-87-55-货物: 25%.
            with(
                p(19, "2025年空调设备采购", "公开招标"),
                vec![
                    ("项目属性", t("货物")),
                    ("评标方法", t("综合评分法")),
                    ("价格分值比重", C::P(0.25)),
                ],
            ),
            // GP-87-55-服务: 8%.
            with(
                p(20, "2025年法律顾问服务", "公开招标"),
                vec![
                    ("项目属性", t("服务")),
                    ("评标方法", t("综合评分法")),
                    ("价格分值比重", C::P(0.08)),
                ],
            ),
            // GP-87-18: four working days to obtain the 招标文件.
            with(
                p(21, "2025年安保服务", "公开招标"),
                vec![
                    ("招标公告发布日期", d(2025, 6, 9)),
                    ("招标文件提供截止日期", d(2025, 6, 13)),
                ],
            ),
            // GP-87-27: a clarification 14 days before the deadline.
            with(
                p(22, "2025年印刷服务", "公开招标"),
                vec![
                    ("澄清或者修改日期", d(2025, 3, 10)),
                    ("是否影响投标文件编制", t("是")),
                    ("投标（响应）截止日期", d(2025, 3, 24)),
                ],
            ),
            // GP-条例21: four working days for 资格预审 applications.
            with(
                p(23, "2025年物业管理服务", "公开招标"),
                vec![
                    ("资格预审公告发布日期", d(2025, 6, 9)),
                    ("提交资格预审申请文件截止日期", d(2025, 6, 13)),
                ],
            ),
            // GP-条例38: four working days of 公示.
            with(
                p(24, "2025年原厂设备维保服务", "单一来源"),
                vec![
                    ("单一来源公示开始日期", d(2025, 5, 12)),
                    ("公示截止日期", d(2025, 5, 16)),
                ],
            ),
            // GP-74-40: 补充论证 on the 6th working day after the 公示.
            with(
                p(25, "2025年专用检测设备升级", "单一来源"),
                vec![
                    ("单一来源公示开始日期", d(2025, 5, 12)),
                    ("公示截止日期", d(2025, 5, 19)),
                    ("公示期内有无异议", t("是")),
                    ("补充论证日期", d(2025, 5, 27)),
                ],
            ),
            // GP-74-29: two working days to respond.
            with(
                p(26, "2025年办公耗材采购", "询价"),
                vec![
                    ("采购文件发出日期", d(2025, 6, 9)),
                    ("投标（响应）截止日期", d(2025, 6, 11)),
                ],
            ),
            // GP-条例43-送交: the report on the 3rd working day.
            with(
                p(27, "2025年宣传片制作服务", "竞争性谈判"),
                vec![
                    ("评审结束日期", d(2025, 6, 9)),
                    ("评审报告送交日期", d(2025, 6, 12)),
                ],
            ),
            // GP-条例43-确定: decided on the 6th working day.
            with(
                p(28, "2025年网络安全设备采购", "公开招标"),
                vec![
                    ("评审报告送交日期", d(2025, 6, 9)),
                    ("确定中标（成交）供应商日期", d(2025, 6, 17)),
                ],
            ),
            // GP-条例43-通知 and GP-条例43-公告: both on the 3rd working day.
            with(
                p(29, "2025年车辆租赁服务", "公开招标"),
                vec![
                    ("确定中标（成交）供应商日期", d(2025, 6, 9)),
                    ("中标（成交）通知书发出日期", d(2025, 6, 12)),
                    ("中标（成交）结果公告日期", d(2025, 6, 12)),
                ],
            ),
        ]);
    }
    ledger(
        "采购执行台账",
        format!("{region}2025年政府采购项目执行台账"),
        &RUN,
        rows,
        vec!["注：一行一个采购项目；未经历的环节不填。"],
    )
}

const CHALLENGE: [&str; 12] = [
    "序号",
    "项目名称",
    "质疑供应商",
    "收到询问日期",
    "询问答复日期",
    "知道或者应知其权益受到损害之日",
    "收到质疑函日期",
    "质疑答复日期",
    "提起投诉日期",
    "财政部门收到投诉日期",
    "投诉处理决定日期",
    "备注",
];

/// 质疑投诉台账: one row per 询问 or 质疑.
fn challenges(region: &str, project: &str, faulty: bool) -> Sheet {
    let p = || t(project);
    let mut rows = vec![
        // Every step on the last allowed day.
        vec![
            ("项目名称", p()),
            ("质疑供应商", t("华信科技有限公司")),
            ("收到询问日期", d(2025, 6, 9)),
            ("询问答复日期", d(2025, 6, 12)),
            ("知道或者应知其权益受到损害之日", d(2025, 6, 9)),
            ("收到质疑函日期", d(2025, 6, 18)),
            ("质疑答复日期", d(2025, 6, 27)),
            ("提起投诉日期", d(2025, 7, 18)),
            ("财政部门收到投诉日期", d(2025, 7, 21)),
            ("投诉处理决定日期", d(2025, 9, 1)),
        ],
        vec![
            ("项目名称", p()),
            ("质疑供应商", t("中原办公设备有限公司")),
            ("收到询问日期", d(2025, 9, 29)),
            // 国庆: the 3rd working day after 09-29 is 10-09.
            ("询问答复日期", d(2025, 10, 9)),
        ],
    ];
    if faulty {
        rows.extend([
            // GP-条例52: answered on the 4th working day.
            vec![
                ("项目名称", p()),
                ("质疑供应商", t("东方物业服务有限公司")),
                ("收到询问日期", d(2025, 6, 9)),
                ("询问答复日期", d(2025, 6, 13)),
            ],
            // GP-53: answered on the 8th working day.
            vec![
                ("项目名称", p()),
                ("质疑供应商", t("北方信息技术有限公司")),
                ("收到质疑函日期", d(2025, 6, 9)),
                ("质疑答复日期", d(2025, 6, 19)),
            ],
            // GP-52 (提示): challenged on the 8th working day.
            vec![
                ("项目名称", p()),
                ("质疑供应商", t("南方数码科技有限公司")),
                ("知道或者应知其权益受到损害之日", d(2025, 6, 9)),
                ("收到质疑函日期", d(2025, 6, 19)),
            ],
            // GP-55 (提示): complained a working day late; GP-56: decided late.
            vec![
                ("项目名称", p()),
                ("质疑供应商", t("西部智能装备有限公司")),
                ("收到质疑函日期", d(2025, 6, 9)),
                ("提起投诉日期", d(2025, 7, 10)),
                ("财政部门收到投诉日期", d(2025, 7, 10)),
                ("投诉处理决定日期", d(2025, 8, 22)),
            ],
        ]);
    }
    ledger(
        "质疑投诉台账",
        format!("{region}2025年询问、质疑及投诉处理台账"),
        &CHALLENGE,
        rows,
        vec!["注：质疑、投诉以收到书面材料的日期登记。"],
    )
}

const PAYMENT: [&str; 12] = [
    "序号",
    "合同编号",
    "合同名称",
    "供应商名称",
    "支付期次",
    "约定支付日期",
    "约定支付金额（元）",
    "实际支付日期",
    "实际支付金额（元）",
    "验收日期",
    "付款附加条件",
    "备注",
];

/// 合同支付台账: one row per instalment.
fn payments(region: &str, pfx: &str, faulty: bool) -> Sheet {
    let hp = |i: u8| t(&format!("{pfx}-HT-2025-{i:03}"));
    let pay = |i: u8, stage: &str, due: C, amount: f64, paid: C| {
        vec![
            ("合同编号", hp(i)),
            ("合同名称", t("办公设备采购合同")),
            ("供应商名称", t("华信科技有限公司")),
            ("支付期次", t(stage)),
            ("约定支付日期", due),
            ("约定支付金额（元）", C::M(amount)),
            ("实际支付日期", paid),
            ("实际支付金额（元）", C::M(amount)),
        ]
    };
    let mut rows = vec![
        pay(1, "预付款", d(2025, 9, 30), 360_000.0, d(2025, 9, 30)),
        {
            let mut r = pay(1, "验收款", d(2025, 11, 15), 840_000.0, d(2025, 11, 14));
            r.push(("验收日期", d(2025, 10, 31)));
            r
        },
    ];
    if faulty {
        // GP-条例51 (重庆江北 覆盖): paid a day late.
        rows.push(pay(
            2,
            "预付款",
            d(2025, 10, 20),
            300_000.0,
            d(2025, 10, 21),
        ));
        // JB-三五-附加条件: an extra condition, paid on time.
        let mut extra = pay(2, "验收款", d(2025, 12, 10), 700_000.0, d(2025, 12, 10));
        extra.push(("付款附加条件", t("待审计结束后支付")));
        rows.push(extra);
    }
    ledger(
        "合同支付台账",
        format!("{region}2025年政府采购合同资金支付台账"),
        &PAYMENT,
        rows,
        vec!["注：按合同约定的支付期次逐笔登记。"],
    )
}

const DEMAND_MGMT: [&str; 11] = [
    "序号",
    "项目编号",
    "项目名称",
    "项目属性",
    "采购预算（元）",
    "是否采购进口产品",
    "是否开展需求调查",
    "需求调查对象数",
    "是否开展重点审查",
    "合同文本是否经法律顾问审定",
    "备注",
];

/// 需求管理台账: one row per project.
fn demand_management(region: &str, pfx: &str, faulty: bool) -> Sheet {
    let no = |i: usize| t(&format!("{pfx}-XQ-2025-{i:03}"));
    let mut rows = vec![
        // Exactly 1000万元: investigated (3 respondents), reviewed, vetted.
        vec![
            ("项目编号", no(1)),
            ("项目名称", t("2025年数据中心服务器采购")),
            ("项目属性", t("货物")),
            ("采购预算（元）", C::M(10_000_000.0)),
            ("是否采购进口产品", t("否")),
            ("是否开展需求调查", t("是")),
            ("需求调查对象数", C::N(3.0)),
            ("是否开展重点审查", t("是")),
            ("合同文本是否经法律顾问审定", t("是")),
        ],
        // Below the threshold: nothing required.
        vec![
            ("项目编号", no(2)),
            ("项目名称", t("2025年办公楼保洁服务")),
            ("项目属性", t("服务")),
            ("采购预算（元）", C::M(800_000.0)),
            ("是否采购进口产品", t("否")),
            ("是否开展需求调查", t("否")),
            ("是否开展重点审查", t("否")),
            ("合同文本是否经法律顾问审定", t("否")),
        ],
    ];
    if faulty {
        rows.extend([
            // GP-需求11-台账, GP-需求23-台账, GP-需求33-台账: a 3000万元 works project, nothing done.
            vec![
                ("项目编号", no(11)),
                ("项目名称", t("2025年业务用房维修改造工程")),
                ("项目属性", t("工程")),
                ("采购预算（元）", C::M(30_000_000.0)),
                ("是否开展需求调查", t("否")),
                ("是否开展重点审查", t("否")),
                ("合同文本是否经法律顾问审定", t("否")),
            ],
            // GP-需求10-台账: two respondents.
            vec![
                ("项目编号", no(12)),
                ("项目名称", t("2025年实验室质谱仪采购")),
                ("项目属性", t("货物")),
                ("采购预算（元）", C::M(2_000_000.0)),
                ("是否采购进口产品", t("是")),
                ("是否开展需求调查", t("是")),
                ("需求调查对象数", C::N(2.0)),
                ("是否开展重点审查", t("是")),
                ("合同文本是否经法律顾问审定", t("是")),
            ],
        ]);
    }
    ledger(
        "需求管理台账",
        format!("{region}2025年采购需求管理台账"),
        &DEMAND_MGMT,
        rows,
        vec![
            "注：属于《政府采购需求管理办法》第十一条范围的项目须开展需求调查、重点审查，合同文本经法律顾问审定。",
        ],
    )
}

const AWARD: [&str; 11] = [
    "序号",
    "框架协议项目名称",
    "采购包",
    "采购人",
    "第二阶段成交方式",
    "成交供应商名称",
    "成交金额（元）",
    "确定成交供应商日期",
    "成交结果公告日期",
    "框架协议有效期满日期",
    "成交结果汇总公告日期",
];

/// 框架协议成交台账: one row per second-stage award.
fn awards(region: &str, faulty: bool) -> Sheet {
    let project = format!("{region}2025年办公设备及服务框架协议采购");
    let award = |pkg: &str, how: &str, who: &str, amount: f64, decided: C, published: C| {
        vec![
            ("框架协议项目名称", t(&project)),
            ("采购包", t(pkg)),
            ("采购人", t("某单位")),
            ("第二阶段成交方式", t(how)),
            ("成交供应商名称", t(who)),
            ("成交金额（元）", C::M(amount)),
            ("确定成交供应商日期", decided),
            ("成交结果公告日期", published),
        ]
    };
    let mut rows = vec![
        {
            let mut r = award(
                "1",
                "二次竞价",
                "华信科技有限公司",
                48_000.0,
                d(2025, 6, 9),
                d(2025, 6, 11),
            );
            r.push(("框架协议有效期满日期", d(2025, 6, 9)));
            r.push(("成交结果汇总公告日期", d(2025, 6, 23)));
            r
        },
        // 直接选定 needs no single-award notice.
        award(
            "1",
            "直接选定",
            "中原办公设备有限公司",
            12_000.0,
            d(2025, 6, 9),
            C::E,
        ),
    ];
    if faulty {
        // GP-110-35-逐笔 and GP-110-35-汇总: each a working day late.
        let mut r = award(
            "2",
            "顺序轮候",
            "东方物业服务有限公司",
            30_000.0,
            d(2025, 6, 9),
            d(2025, 6, 12),
        );
        r.push(("框架协议有效期满日期", d(2025, 6, 9)));
        r.push(("成交结果汇总公告日期", d(2025, 6, 24)));
        rows.push(r);
    }
    ledger(
        "框架协议成交台账",
        format!("{project}第二阶段成交台账"),
        &AWARD,
        rows,
        vec!["注：二次竞价、顺序轮候确定成交供应商后2个工作日内逐笔公告。"],
    )
}

/// The five national ledgers of one jurisdiction.
pub(crate) fn ledgers(region: &str, pfx: &str, project: &str, faulty: bool) -> Vec<Sheet> {
    vec![
        runs(region, pfx, faulty),
        challenges(region, project, faulty),
        payments(region, pfx, faulty),
        demand_management(region, pfx, faulty),
        awards(region, faulty),
    ]
}
