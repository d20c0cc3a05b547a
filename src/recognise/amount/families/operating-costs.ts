import { CODED_TOTAL, defineFamily } from './types.js';

/** 一般公共预算机关运行经费支出预算表 (Jiangsu): 经济科目 lines, one amount. */
export const operatingCosts = defineFamily({
  id: 'operating_costs',
  description: '一般公共预算机关运行经费支出预算表 (Jiangsu): 经济分类 lines, one amount',
  kinds: ['budget'],
  layout: 'lines',
  title: { patterns: [/机关运行经费/], rank: 2 },
  header: { all: [/机关运行经费/], rank: 4 },
  columns: {
    /** 机关运行经费支出 / 金额 / 合计 */
    total: { label: '机关运行经费支出', headers: [/(机关运行经费(支出)?|金额|合计)$/] },
  },
  requiredRows: [CODED_TOTAL],
  identities: [],
});
