import { defineRegion } from './types.js';

/**
 * Jiangsu 部门预算 (省级, 2017–2019): 12 tables labelled 公开表一 … 十二 (表一 in 2017) under the title, a 部门：
 * line and 单位：万元; one 金额 column in most tables, three sides in the 收支预算总表 (收入 / 功能分类 / 支出用途),
 * both 财政拨款 and 一般公共预算 printings of the functional and economic tables, a 机关运行经费 table and a
 * 政府采购预算表.
 */
export const jiangsu = defineRegion({
  id: 'jiangsu',
  name: '江苏省',
  series: '12 部门预算 tables (收支预算总表 … 政府采购预算表, 公开表一–十二)',
  evidence: [
    'corpus: jiangsu-cppcc-office-2017-budget-tables.pdf, jiangsu-party-office-2018-budget-tables.pdf, jiangsu-npc-office-2019-budget-tables.pdf',
  ],
  families: {
    summary: { columns: { amount: [/金额(\/合计)?$/] } },
    fiscal_summary: { columns: { amount: [/金额$/] } },
    income: {
      columns: {
        specialAccountFunds: [/财政专户管理资金$/],
        carryover: [/上年结转/],
        amount: [/金额$/],
      },
    },
    expenditure: { columns: { reserveFund: [/预留机动经费$/], carryForward: [/结转下年/] } },
    // 2019: 财政拨款支出预算表(功能科目) / 基本支出预算表(经济科目).
    gpb_functional: { titles: [/功能科目/], columns: { total: [/金额$/] } },
    gpb_basic_economic: { titles: [/经济科目/], columns: { total: [/金额$/] } },
    // 公开表九: 合计 over "三公"经费, 会议费 and 培训费.
    three_public: { columns: { grandTotal: [/^合计$/] } },
  },
});
