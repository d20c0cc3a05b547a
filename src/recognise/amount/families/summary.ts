import { SIDE_TOTALS, defineFamily } from './types.js';

/**
 * 收入支出决算总表 (公开01表) / 收支预算总表, 部门财务收支预算总表: two (Jiangsu: three) sides of lines, one amount
 * each; identities of the sides in summary.ts (本年收入合计 = Σ lines, 收入总计 = 支出总计).
 */
export const summary = defineFamily({
  id: 'summary',
  description: '收入支出决算总表 (公开01表) / 收支预算总表: income and expenditure lines side by side, one amount each',
  kinds: ['final', 'budget'],
  layout: 'summary',
  title: { patterns: [/收(入)?支(出)?.*总表/], rank: 9 },
  header: { all: [/收入/, /支出/, /决算数|预算数|金额/], none: [/一般公共预算/], rank: 11 },
  finalLabel: 1,
  columns: {
    /** 预算数 / 基本支出 / 人员经费 (Shanghai 市级单位预算 splits the expenditure side) */
    personnel: { label: '人员经费', headers: [] },
    /** 预算数 / 基本支出 / 公用经费 */
    publicFunds: { label: '公用经费', headers: [] },
    /** 预算数 / 基本支出 (小计) */
    basicExpenditure: { label: '基本支出', headers: [] },
    /** 预算数 / 项目支出 */
    projectExpenditure: { label: '项目支出', headers: [] },
    /** 决算数 / 预算数 (Jiangsu: 金额; Shanghai: 预算数 / 合计) */
    amount: { label: '决算数', headers: [/(决算数|预算数)(\/合计)?$/] },
  },
  requiredRows: [SIDE_TOTALS],
  identities: [
    { name: 'row_total', total: 'amount', parts: ['basicExpenditure', 'projectExpenditure'] },
    { name: 'row_total_split', total: 'amount', parts: ['personnel', 'publicFunds', 'projectExpenditure'] },
  ],
});
