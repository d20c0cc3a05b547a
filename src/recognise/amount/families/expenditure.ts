import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 支出决算表 (公开03表) / 支出预算总表: expenditure by use (基本 / 项目 / 上缴 / 经营 / 补助). */
export const expenditure = defineFamily({
  id: 'expenditure',
  description:
    '支出决算表 (公开03表) / 支出预算总表: expenditure by use, one line per 功能分类 subject (Jiangsu: one line)',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/支出.*(决算|预算).*表/], rank: 11 },
  header: { all: [/上缴上级支出|经营支出|对附属单位补助/], rank: 7 },
  finalLabel: 3,
  columns: {
    /** 基本支出 */
    basicExpenditure: { label: '基本支出', headers: [/基本支出$/] },
    /** 项目支出 */
    projectExpenditure: { label: '项目支出', headers: [/项目支出$/] },
    /** 上缴上级支出 */
    remittanceToSuperior: { label: '上缴上级支出', headers: [/上缴上级支出$/] },
    /** 经营支出 / 事业单位经营支出 */
    operatingExpenditure: { label: '经营支出', headers: [/经营支出$/] },
    /** 对附属单位补助支出 */
    subsidyToSubordinate: { label: '对附属单位补助支出', headers: [/对附属单位补助支出$/] },
    /** 单位预留机动经费 (Jiangsu budget) */
    reserveFund: { label: '单位预留机动经费', headers: [] },
    /** 结转下年资金 (Jiangsu budget) */
    carryForward: { label: '结转下年资金', headers: [] },
    /** 本年支出合计 / 合计 / 总计 / 金额 */
    total: { label: '合计', headers: [/(本年支出合计|合计|总计|金额)$/] },
  },
  requiredRows: [CODED_TOTAL],
  identities: [
    rowTotal('total', [
      'basicExpenditure',
      'projectExpenditure',
      'remittanceToSuperior',
      'operatingExpenditure',
      'subsidyToSubordinate',
      'reserveFund',
      'carryForward',
    ]),
  ],
});
