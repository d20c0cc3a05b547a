import { SIDE_TOTALS, defineFamily, rowTotal } from './types.js';

/** 财政拨款收入支出决算总表 (公开04表) / 财政拨款收支预算总表: the summary of fiscal appropriations, by fund. */
export const fiscalSummary = defineFamily({
  id: 'fiscal_summary',
  description:
    '财政拨款收入支出决算总表 (公开04表) / 财政拨款收支预算总表: fiscal appropriations in and out, the expenditure side by fund',
  kinds: ['final', 'budget'],
  layout: 'summary',
  title: { patterns: [/财政拨款收(入)?支(出)?.*总表/], rank: 7 },
  header: { all: [/收入/, /支出/, /决算数|预算数|金额/, /一般公共预算/], rank: 10 },
  finalLabel: 4,
  columns: {
    /** 一般公共预算财政拨款 / 一般公共预算 (expenditure side) */
    generalBudget: { label: '一般公共预算财政拨款', headers: [/一般公共预算/] },
    /** 政府性基金预算财政拨款 / 政府性基金预算 */
    govFund: { label: '政府性基金预算财政拨款', headers: [/政府性基金/] },
    /** 国有资本经营预算财政拨款 / 国有资本经营预算 */
    soeCapital: { label: '国有资本经营预算财政拨款', headers: [/国有资本经营/] },
    /** 合计 (expenditure side) */
    total: { label: '合计', headers: [/合计$/] },
    /** 决算数 / 预算数 (income side; Jiangsu: 金额) */
    amount: { label: '决算数', headers: [/(决算数|预算数)$/] },
  },
  requiredRows: [SIDE_TOTALS],
  identities: [rowTotal('total', ['generalBudget', 'govFund', 'soeCapital'])],
});
