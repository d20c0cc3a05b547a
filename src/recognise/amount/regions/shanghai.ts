import { defineRegion } from './types.js';

/**
 * Shanghai 区级 / 市级 部门预算 and 部门决算: 9 tables each, titles with the year (2025年部门财务收支预算总表), no
 * 公开NN表 labels, amounts in 元 except the 三公 table (万元); 决算 prints 预算数 / 决算数 as the lowest header
 * level of its 三公 table.
 */
/**
 * Added for issue 11 (the variant that shows a layout is one data file plus one fixture,
 * test/unit/recognise/amount/regions/shanghai-sheet-names.test.ts): the sheet names of the workbooks the Shanghai
 * 区级 budget system exports and the templates keep (单位收支总表, 单位收入总表, 单位支出总表, 单位财政拨款收支总表,
 * 单位一般公共预算拨款表, …; 部门… for a department; numbered 2.15 … in the system's export), the only title a sheet
 * printed without its in-grid title has. Three of them name their table in words no national title rule knows.
 * Evidence: the sheet names of shanghai-2026-unit-budget-template.xlsx / shanghai-putuo-2026-unit-budget-template.xls
 * (sheets 7–15) and of shanghai-2026-dept-budget-template.xlsx.
 */
const SYSTEM_SHEETS = {
  income: /^(\d{4}年)?(单位|部门)收入总表$/,
  expenditure: /^(\d{4}年)?(单位|部门)支出总表$/,
  gpbFunctional: /^(\d{4}年)?(单位|部门)一般公共预算拨款表$/,
};

export const shanghai = defineRegion({
  id: 'shanghai',
  name: '上海市',
  series: '9 部门预算 tables (财务收支预算总表 … "三公"经费和机关运行经费预算表); 9 部门决算 tables',
  evidence: [
    'corpus: shanghai-putuo-gov-office-2025-budget.pdf, shanghai-putuo-wanli-street-2024-budget.pdf, shanghai-finance-bureau-2025-unit-budget.pdf, shanghai-2025-dept-budget-draft-preview.pdf',
    'corpus: shanghai-putuo-finance-bureau-2024-final.pdf, shanghai-2024-final-template.pdf',
    'corpus: shanghai-2026-dept-budget-template.xlsx, shanghai-2026-unit-budget-template.xlsx, shanghai-putuo-2026-unit-budget-template.xls (sheet names)',
  ],
  families: {
    summary: {
      // 市级单位预算 (shanghai-finance-bureau-2025-unit-budget.pdf): 本年支出 / 预算数 split into 基本支出 (人员经费, 公用经费) and 项目支出.
      columns: {
        personnel: [/人员经费$/],
        publicFunds: [/公用经费$/],
        basicExpenditure: [/基本支出(\/小计)?$/],
        projectExpenditure: [/项目支出$/],
        amount: [/预算(\/合计)?$/],
      },
    },
    fiscal_summary: { columns: { amount: [/预算$/] } },
    // '收入预算 / 合计'; the bare 收入预算.
    income: {
      columns: { total: [/收入预算$/] },
      titles: [SYSTEM_SHEETS.income],
    },
    expenditure: { titles: [SYSTEM_SHEETS.expenditure] },
    gpb_functional: { titles: [/功能分类.*预算表/, SYSTEM_SHEETS.gpbFunctional] },
    gpb_basic_economic: {
      titles: [/经济分类.*表/],
      // 决算: the two side-by-side halves print one 决算数 column each.
      columns: { total: [/决算数$/] },
    },
    three_public: { columns: { operatingCosts: [/机关运行经费(预算数?)?$/] } },
  },
});
