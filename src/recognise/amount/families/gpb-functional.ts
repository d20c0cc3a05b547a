import { CODED_TOTAL, defineFamily, rowTotal } from './types.js';

/** 一般公共预算财政拨款支出决算表 (公开05表, 按功能分类科目) / 一般公共预算支出功能分类预算表 / 财政拨款支出预算表. */
export const gpbFunctional = defineFamily({
  id: 'gpb_functional',
  description:
    '一般公共预算财政拨款支出决算表 (公开05表, 按功能分类科目) / 一般公共预算支出(功能分类)预算表; Jiangsu 财政拨款支出预算表 has `scope` fiscal',
  kinds: ['final', 'budget'],
  layout: 'lines',
  title: { patterns: [/(一般公共预算|财政拨款).*支出.*(决算|预算)表/], rank: 8 },
  header: { all: [/人员经费/, /公用经费/, /项目支出/], rank: 8 },
  finalLabel: 5,
  columns: {
    /** 基本支出 / 人员经费 */
    personnel: { label: '人员经费', headers: [/人员经费$/] },
    /** 基本支出 / 公用经费 */
    publicFunds: { label: '公用经费', headers: [/公用经费$/] },
    /** 基本支出 (/ 小计) */
    basicExpenditure: { label: '基本支出', headers: [/基本支出(\/小计)?$/] },
    /** 项目支出 */
    projectExpenditure: { label: '项目支出', headers: [/项目支出$/] },
    /** 本年支出合计 / 合计 / 总计 (Jiangsu: 金额) */
    total: { label: '合计', headers: [/(合计|总计)$/] },
    /** 备注 */
    remark: { label: '备注', headers: [/备注$/], text: true },
  },
  requiredRows: [CODED_TOTAL],
  identities: [
    rowTotal('total', ['basicExpenditure', 'projectExpenditure']),
    { name: 'basic_split', total: 'basicExpenditure', parts: ['personnel', 'publicFunds'] },
  ],
});
