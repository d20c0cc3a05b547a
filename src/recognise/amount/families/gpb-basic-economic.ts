import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 一般公共预算财政拨款基本支出决算表 (公开06表, 按经济分类科目) / 一般公共预算基本支出(经济分类)预算表. */
export const gpbBasicEconomic = defineFamily({
  id: 'gpb_basic_economic',
  description:
    '一般公共预算财政拨款基本支出决算表 (公开06表, 按经济分类科目) / 一般公共预算基本支出预算表; Jiangsu 财政拨款基本支出预算表 has `scope` fiscal',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/基本支出.*表/], rank: 6 },
  header: { all: [/人员经费/, /公用经费/], none: [/项目支出/], rank: 9 },
  finalLabel: 6,
  columns: {
    /** 人员经费 */
    personnel: { label: '人员经费', headers: [/人员经费$/] },
    /** 公用经费 */
    publicFunds: { label: '公用经费', headers: [/公用经费$/] },
    /**
     * 本年支出合计 / 合计 / 预算数 (Shanghai 决算: 决算数; Jiangsu: 金额). A table printing 基本支出 as its only amount column
     * (公开08表 of the one-column sample) prints the total there.
     */
    total: { label: '合计', headers: [/(合计|预算数|基本支出)$/] },
    /** 备注 */
    remark: { label: '备注', headers: [/备注$/], text: true },
  },
  requiredRows: [CODED_TOTAL],
  identities: [rowTotal('total', ['personnel', 'publicFunds'])],
});
