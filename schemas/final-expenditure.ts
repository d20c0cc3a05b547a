import { lineTableSchema } from './final-budget-amount.js';

/** Columns of 支出决算表 (公开03表) and 支出预算总表. */
export const expenditureColumns = {
  /** 本年支出合计 / 合计 */
  total: '合计',
  /** 基本支出 */
  basicExpenditure: '基本支出',
  /** 项目支出 */
  projectExpenditure: '项目支出',
  /** 上缴上级支出 */
  remittanceToSuperior: '上缴上级支出',
  /** 经营支出 / 事业单位经营支出 */
  operatingExpenditure: '经营支出',
  /** 对附属单位补助支出 */
  subsidyToSubordinate: '对附属单位补助支出',
  /** 单位预留机动经费 (Jiangsu budget) */
  reserveFund: '单位预留机动经费',
  /** 结转下年资金 (Jiangsu budget) */
  carryForward: '结转下年资金',
} as const;

export const finalExpenditureSchema = lineTableSchema('final.expenditure', expenditureColumns);
